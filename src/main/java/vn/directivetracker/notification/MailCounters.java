package vn.directivetracker.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counters of delivery outcomes ({@code directive_tracker_mail_sent_total},
 * {@code directive_tracker_mail_failed_attempts_total}, by event), for alerting next to the
 * outbox gauges of {@link OutboxGauges}; and the rounds that yielded to a busy job executor
 * ({@code directive_tracker_mail_yielded_rounds_total}, ADR 31), which explain mail a minute late.
 */
class MailCounters {

    private final MeterRegistry registry;

    MailCounters(MeterRegistry registry) {
        this.registry = registry;
    }

    void sent(String eventType) {
        counter("directive.tracker.mail.sent", "Emails accepted by the SMTP server", eventType).increment();
    }

    void failedAttempt(String eventType) {
        counter("directive.tracker.mail.failed.attempts", "Failed attempts to send an email", eventType).increment();
    }

    void yieldedRound() {
        Counter.builder("directive.tracker.mail.yielded.rounds")
                .description("Dispatcher rounds that left fresh mail waiting while the job executor was busy")
                .register(registry)
                .increment();
    }

    private Counter counter(String name, String description, String eventType) {
        return Counter.builder(name).description(description).tag("event", eventType).register(registry);
    }
}
