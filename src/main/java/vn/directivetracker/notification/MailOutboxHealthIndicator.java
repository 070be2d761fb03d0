package vn.directivetracker.notification;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * {@code mailOutbox} in /actuator/health (ADR 13): OUT_OF_SERVICE while any email has FAILED (every
 * attempt used up — a person must look at /api/notifications?status=FAILED and resend), with the
 * counts. Not part of readiness: a failed email is no reason to stop serving officers.
 * SMTP reachability itself is Spring Boot's {@code mail} indicator, present when spring.mail.host is set.
 */
@Component
class MailOutboxHealthIndicator extends AbstractHealthIndicator {

    private final NotificationRepository notifications;

    MailOutboxHealthIndicator(NotificationRepository notifications) {
        super("Mail outbox health check failed");
        this.notifications = notifications;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        long failed = notifications.count(NotificationStatus.FAILED);
        health.withDetail("failed", failed)
                .withDetail("pending", notifications.count(NotificationStatus.PENDING))
                .withDetail("noAddress", notifications.count(NotificationStatus.NO_ADDRESS));
        if (failed > 0) {
            health.status(Status.OUT_OF_SERVICE)
                    .withDetail("reason", failed + " email(s) failed every attempt: resend from /api/notifications?status=FAILED");
        } else {
            health.up();
        }
    }
}
