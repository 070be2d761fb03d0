package vn.directivetracker.notification;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * {@code directive_tracker_mail_outbox{status="PENDING"|"FAILED"|"NO_ADDRESS"}}: how many emails wait,
 * gave up, or have nowhere to go — read from the table at each scrape, so every node reports the
 * same figures. Alert on FAILED &gt; 0 or on PENDING staying high.
 */
@Component
class OutboxGauges implements MeterBinder {

    private final NotificationRepository notifications;

    OutboxGauges(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (NotificationStatus status : new NotificationStatus[] {
                NotificationStatus.PENDING, NotificationStatus.FAILED, NotificationStatus.NO_ADDRESS}) {
            Gauge.builder("directive.tracker.mail.outbox", notifications, n -> n.count(status))
                    .description("Emails in the outbox by status")
                    .tag("status", status.name())
                    .register(registry);
        }
    }
}
