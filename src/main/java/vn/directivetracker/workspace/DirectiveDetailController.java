package vn.directivetracker.workspace;

import java.time.LocalDate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.directivetracker.assignment.ItemAmendments;
import vn.directivetracker.common.SystemActions;
import vn.directivetracker.directive.DirectiveService;
import vn.directivetracker.reporting.collection.ReportPeriodService;

/**
 * "Chi tiết văn bản" ({@link DirectiveDetails}) and the coordinators' actions on it — revoke, amend an
 * item — which go through {@link DirectiveService} and {@link ItemAmendments} exactly as
 * {@code /api/directives} does: the role
 * is checked here, the engine then moves every agency's process as a system action.
 */
@Controller
class DirectiveDetailController {

    private final DirectiveDetails details;
    private final DirectiveService directives;
    private final ItemAmendments amendments;
    private final ReportPeriodService reportPeriods;
    private final SystemActions systemActions;
    private final WorkspaceUser user;

    DirectiveDetailController(DirectiveDetails details, DirectiveService directives, ItemAmendments amendments,
            ReportPeriodService reportPeriods, SystemActions systemActions, WorkspaceUser user) {
        this.reportPeriods = reportPeriods;
        this.details = details;
        this.directives = directives;
        this.amendments = amendments;
        this.systemActions = systemActions;
        this.user = user;
    }

    @GetMapping("/app/directives/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAllAttributes(details.build(id));
        return "app/detail";
    }

    @PostMapping("/app/directives/{id}/revoke")
    String revoke(@PathVariable long id, @RequestParam(defaultValue = "") String reason, RedirectAttributes flash) {
        user.requireCoordinator();
        if (reason.isBlank() || reason.length() > 2000) {
            flash.addFlashAttribute("actionError", reason.isBlank() ? "Chưa nêu lý do thu hồi" : "Lý do thu hồi tối đa 2000 ký tự");
            return redirect(id);
        }
        String coordinator = user.id();
        return act(id, flash, "Đã thu hồi văn bản; các đơn vị được thông báo.",
                () -> systemActions.run(() -> directives.revoke(id, reason.strip(), coordinator)));
    }

    @PostMapping("/app/directives/{id}/amend")
    String amend(@PathVariable long id, @RequestParam String item,
            @RequestParam(defaultValue = "") String deadline,
            @RequestParam(defaultValue = "") String addLead,
            @RequestParam(defaultValue = "") String addCoordinating,
            @RequestParam(defaultValue = "") String remove,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes flash) {
        user.requireCoordinator();
        LocalDate newDeadline;
        try {
            newDeadline = FormValues.date(deadline);
        } catch (FormValues.BadDate bad) {
            flash.addFlashAttribute("actionError", bad.getMessage());
            return redirect(id);
        }
        if (reason.length() > 2000) {
            flash.addFlashAttribute("actionError", "Lý do điều chỉnh tối đa 2000 ký tự");
            return redirect(id);
        }
        String coordinator = user.id();
        return act(id, flash, "Đã điều chỉnh mục " + item + ".",
                () -> systemActions.run(() -> amendments.amendItem(id, item, newDeadline, FormValues.codes(addLead),
                        FormValues.codes(addCoordinating), FormValues.codes(remove), reason, coordinator)));
    }

    /**
     * Opens a report collection for the directive, as {@code POST /api/directives/{id}/report-requests}
     * does: a Nghị định 09 period ({@code 2026-Q4}, {@code 2026-9M}) or an ad-hoc cut-off date, with an
     * optional deadline (dd/mm/yyyy).
     */
    @PostMapping("/app/directives/{id}/report-request")
    String requestReport(@PathVariable long id, @RequestParam(defaultValue = "") String period,
            @RequestParam(defaultValue = "") String cutOff, @RequestParam(defaultValue = "") String deadline,
            RedirectAttributes flash) {
        user.requireCoordinator();
        LocalDate cutOffDate;
        LocalDate deadlineDate;
        try {
            cutOffDate = FormValues.date(cutOff);
            deadlineDate = FormValues.date(deadline);
        } catch (FormValues.BadDate bad) {
            flash.addFlashAttribute("actionError", bad.getMessage());
            return redirect(id);
        }
        String code = period.isBlank() ? null : period.strip();
        String coordinator = user.id();
        return act(id, flash, "Đã yêu cầu các đơn vị đang thực hiện nộp báo cáo.",
                () -> reportPeriods.request(id, code, cutOffDate, deadlineDate, coordinator));
    }

    private String act(long id, RedirectAttributes flash, String done, Runnable action) {
        ActionResults.run(flash, done, action);
        return redirect(id);
    }

    private static String redirect(long id) {
        return "redirect:/app/directives/" + id;
    }

}
