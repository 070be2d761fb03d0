package vn.directivetracker.notification;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The latest emails, sent or kept: where the embedded default's mail can be read. */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

    private final NotificationService notifications;

    NotificationController(NotificationService notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    List<Notification> latest(@RequestParam(defaultValue = "50") int limit) {
        return notifications.latest(Math.max(1, Math.min(limit, 500)));
    }
}
