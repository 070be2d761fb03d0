package vn.directivetracker.notification;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The outbox view: every email with its delivery status, attempts and last error — where the
 * embedded default's kept mail is read, and where coordinators see and resend what failed.
 */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

    private final OutboxAdmin outbox;

    NotificationController(OutboxAdmin outbox) {
        this.outbox = outbox;
    }

    /** The latest emails, newest first; {@code status=FAILED} (or PENDING, SENT, KEPT, NO_ADDRESS) narrows. */
    @GetMapping
    List<Notification> latest(@RequestParam(required = false) NotificationStatus status,
            @RequestParam(defaultValue = "50") int limit) {
        return outbox.latest(status, Math.max(1, Math.min(limit, 500)));
    }

    /** Sends the email again (coordinators): due now, with a full set of attempts. */
    @PostMapping("/{id}/resend")
    Notification resend(@PathVariable long id) {
        return outbox.resend(id);
    }

    /** Every FAILED email due again (coordinators), e.g. once an SMTP outage is over. */
    @PostMapping("/resend-failed")
    Map<String, Integer> resendFailed() {
        return Map.of("resent", outbox.resendFailed());
    }
}
