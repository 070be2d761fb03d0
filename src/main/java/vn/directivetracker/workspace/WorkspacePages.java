package vn.directivetracker.workspace;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;
import vn.directivetracker.common.ConflictException;
import vn.directivetracker.common.ForbiddenException;
import vn.directivetracker.common.NotFoundException;

/**
 * What every workspace page shares: the header (who is signed in, which menus their roles open,
 * links to Tasklist, Cockpit and the dashboard) and the error page. Errors are pages here, in
 * Vietnamese, not the problem+json of {@code /api}.
 */
@ControllerAdvice(basePackageClasses = WorkspacePages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class WorkspacePages {

    record Header(String user, boolean coordinator, boolean administrator, String tasklist, String cockpit) {}

    private final WorkspaceUser user;
    private final WorkspaceLinks links;

    WorkspacePages(WorkspaceUser user, WorkspaceLinks links) {
        this.user = user;
        this.links = links;
    }

    @ModelAttribute("header")
    Header header() {
        return new Header(user.id(), user.coordinator(), user.administrator(), links.tasklist(), links.cockpit());
    }

    @ExceptionHandler(ForbiddenException.class)
    ModelAndView forbidden(ForbiddenException e) {
        return error(HttpStatus.FORBIDDEN, "Không có quyền", e.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e) {
        return error(HttpStatus.NOT_FOUND, "Không tìm thấy", e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ModelAndView conflict(ConflictException e) {
        return error(HttpStatus.CONFLICT, "Không thực hiện được", e.getMessage());
    }

    ModelAndView error(HttpStatus status, String title, String message) {
        ModelAndView page = new ModelAndView("app/error", status);
        page.addObject("title", title);
        page.addObject("message", message);
        page.addObject("header", header());
        return page;
    }
}
