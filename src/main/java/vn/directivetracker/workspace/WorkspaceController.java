package vn.directivetracker.workspace;

import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Placeholder of the coordinators' and agencies' workspace (DESIGN §10), behind the form login. */
@Controller
class WorkspaceController {

    @GetMapping({"/app", "/app/"})
    String home(Principal user, Model model) {
        model.addAttribute("user", user.getName());
        return "app/index";
    }
}
