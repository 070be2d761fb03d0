package vn.directivetracker.workspace;

import java.util.stream.Collectors;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.directivetracker.common.ConflictException;
import vn.directivetracker.common.FieldViolation;
import vn.directivetracker.common.InvalidRequestException;
import vn.directivetracker.common.NotFoundException;

/** Runs a page's action and leaves its outcome, in Vietnamese, for the page the browser is sent back to. */
final class ActionResults {

    private ActionResults() {}

    static void run(RedirectAttributes flash, String done, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("actionDone", done);
        } catch (InvalidRequestException invalid) {
            flash.addFlashAttribute("actionError", invalid.violations().stream().map(FieldViolation::message)
                    .collect(Collectors.joining("; ")));
        } catch (ConflictException | NotFoundException | FormValues.BadDate refused) {
            flash.addFlashAttribute("actionError", refused.getMessage());
        }
    }
}
