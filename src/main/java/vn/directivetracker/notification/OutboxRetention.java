package vn.directivetracker.notification;

import java.time.LocalDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.directivetracker.common.Clocks;

/**
 * Deletes emails that left (SENT) or were kept without SMTP (KEPT) more than
 * {@code directive-tracker.retention.outbox-days} ago, nightly (ADR 13). PENDING, FAILED and NO_ADDRESS
 * rows stay until a person or the dispatcher settles them. The record of what happened to a directive
 * is {@code directive_event} and the assignment rows, kept for good; an email is only its notice.
 * Safe on several nodes: a second node deletes nothing more.
 */
@Component
public class OutboxRetention {

    private static final Logger log = LoggerFactory.getLogger(OutboxRetention.class);

    @ConfigurationProperties("directive-tracker.retention")
    record Settings(@DefaultValue("90") int outboxDays) {}

    private final JdbcClient jdbc;
    private final Clocks clocks;
    private final Settings settings;

    OutboxRetention(JdbcClient jdbc, Clocks clocks, Settings settings) {
        this.jdbc = jdbc;
        this.clocks = clocks;
        this.settings = settings;
    }

    @Scheduled(cron = "${directive-tracker.retention.outbox-purge-cron:0 15 2 * * *}", zone = "${directive-tracker.time-zone}")
    public int purge() {
        LocalDateTime before = clocks.now().minusDays(settings.outboxDays());
        int deleted = jdbc.sql("""
                        delete from notification where status in ('SENT', 'KEPT')
                        and coalesce(sent_at, created_at) < ?""")
                .param(before)
                .update();
        if (deleted > 0) {
            log.info("Outbox retention: deleted {} emails sent or kept before {}", deleted, before);
        }
        return deleted;
    }
}
