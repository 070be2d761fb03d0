package vn.directivetracker.workspace;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.directivetracker.common.ForbiddenException;
import vn.directivetracker.delegation.Delegation;
import vn.directivetracker.delegation.DelegationService;

/** "Ủy quyền": every user names a deputy for a period and cancels their own delegations (DelegationService, as /api). */
@Controller
class DelegationPageController {

    private final DelegationService delegations;
    private final WorkspaceUser user;

    DelegationPageController(DelegationService delegations, WorkspaceUser user) {
        this.delegations = delegations;
        this.user = user;
    }

    @GetMapping("/app/delegations")
    String list(Model model) {
        model.addAttribute("delegations", delegations.involving(user.id()));
        model.addAttribute("me", user.id());
        return "app/delegations";
    }

    @PostMapping("/app/delegations")
    String create(@RequestParam(defaultValue = "") String deputy, @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "") String reason,
            RedirectAttributes flash) {
        String me = user.id();
        ActionResults.run(flash, "Đã ủy quyền cho " + deputy.strip() + ".", () -> {
            if (deputy.isBlank() || FormValues.date(from) == null || FormValues.date(to) == null) {
                throw new FormValues.BadDate(from.isBlank() || to.isBlank() ? "(trống)" : from + " – " + to);
            }
            delegations.create(me, deputy.strip(), FormValues.date(from), FormValues.date(to),
                    reason.length() > 1000 ? reason.substring(0, 1000) : reason, me, false);
        });
        return "redirect:/app/delegations";
    }

    @PostMapping("/app/delegations/{id}/cancel")
    String cancel(@PathVariable long id, RedirectAttributes flash) {
        Delegation delegation = delegations.get(id);
        if (!delegation.delegatorId().equals(user.id())) {
            throw new ForbiddenException("Chỉ người ủy quyền được hủy ủy quyền của mình");
        }
        ActionResults.run(flash, "Đã hủy ủy quyền.", () -> delegations.cancel(id, user.id()));
        return "redirect:/app/delegations";
    }
}
