package vn.directivetracker.access;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The one login page for people: the workspace, the dashboard and Camunda's webapps (ADR 6). */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
