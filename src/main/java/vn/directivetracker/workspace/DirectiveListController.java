package vn.directivetracker.workspace;

import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.directivetracker.agency.AgencyRegistry;
import vn.directivetracker.agency.AgencyScope;
import vn.directivetracker.common.Clocks;
import vn.directivetracker.directive.DirectiveStatus;

/** "Văn bản chỉ đạo": the workspace's home page, {@code /app/}. */
@Controller
class DirectiveListController {

    private final DirectiveList list;
    private final WorkspaceUser user;
    private final AgencyRegistry registry;
    private final Clocks clocks;
    private final Drafts drafts;

    DirectiveListController(DirectiveList list, WorkspaceUser user, AgencyRegistry registry, Clocks clocks, Drafts drafts) {
        this.list = list;
        this.user = user;
        this.registry = registry;
        this.clocks = clocks;
        this.drafts = drafts;
    }

    @GetMapping({"/app", "/app/"})
    String list(@RequestParam(required = false) String q,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String agency,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        AgencyScope scope = user.scope();
        Set<String> agencies = scope.provinceWide() ? null : scope.agencies();
        DirectiveList.Filter filter = new DirectiveList.Filter(
                q == null ? null : q.length() > 200 ? q.substring(0, 200) : q,
                parseStatus(status),
                year != null && year >= 1990 && year <= 2200 ? year : null,
                agency != null && agency.matches("[A-Z0-9]{2,20}") ? agency : null,
                page);
        model.addAttribute("filter", filter);
        model.addAttribute("result", list.find(filter, agencies, clocks.today()));
        model.addAttribute("statuses", StatusLabels.DIRECTIVE);
        model.addAttribute("years", list.years());
        model.addAttribute("agencies", registry.all().stream()
                .filter(a -> agencies == null || agencies.contains(a.code())).toList());
        model.addAttribute("drafts", user.coordinator() ? drafts.of(user.id()) : java.util.List.of());
        return "app/list";
    }

    private static DirectiveStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return DirectiveStatus.valueOf(status);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
