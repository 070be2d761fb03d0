package vn.directivetracker.notification;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.directivetracker.agency.Agency;
import vn.directivetracker.agency.AgencyRegistry;
import vn.directivetracker.calendar.WorkingDayCalendar;
import vn.directivetracker.common.VnFormats;

/**
 * One morning email per agency that asked for it, listing its open work that is overdue or due
 * within {@code digest.due-soon-working-days} working days — instead of one reminder per event.
 * Agencies with nothing due get nothing. Every node may run it: the key
 * {@code daily-digest:<agency>:<date>} lets one email per agency and day through.
 */
@Component
class DailyDigest {

    private static final Logger log = LoggerFactory.getLogger(DailyDigest.class);

    /** One open assignment as the digest lists it. */
    public record Line(String number, String subject, String itemLabel, String itemContent, LocalDate deadline,
            boolean overdue) {

        public String deadlineLabel() {
            return deadline.format(VnFormats.DATE);
        }
    }

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final DigestAgencies agencies;
    private final AgencyRegistry registry;
    private final WorkingDayCalendar calendar;
    private final MailSettings settings;
    private final TransactionTemplate ownTransaction;

    DailyDigest(JdbcClient jdbc, Outbox outbox, DigestAgencies agencies, AgencyRegistry registry,
            WorkingDayCalendar calendar, MailSettings settings, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.agencies = agencies;
        this.registry = registry;
        this.calendar = calendar;
        this.settings = settings;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** @return the number of agencies that got a digest for {@code day} (now or earlier, by any node) */
    public int writeFor(LocalDate day) {
        LocalDate horizon = calendar.addWorkingDays(day, settings.digest().dueSoonWorkingDays());
        int written = 0;
        for (String code : agencies.all()) {
            List<Line> lines = openWork(code, horizon, day);
            if (lines.isEmpty()) {
                continue;
            }
            Agency agency = registry.get(code);
            long overdue = lines.stream().filter(Line::overdue).count();
            MailRequest mail = MailRequest.of(MailEvent.DAILY_DIGEST, "daily-digest:" + code + ":" + day)
                    .to(agency.email(), agency.name())
                    .subject("[Tổng hợp ngày " + day.format(VnFormats.DATE) + "] " + overdue + " nhiệm vụ quá hạn, "
                            + (lines.size() - overdue) + " nhiệm vụ sắp đến hạn")
                    .model(Map.of("lines", lines, "dayLabel", day.format(VnFormats.DATE)));
            try {
                // One transaction per agency: a duplicate (another node was faster) spoils only its own.
                ownTransaction.executeWithoutResult(status -> outbox.enqueue(mail));
                written++;
            } catch (DuplicateKeyException anotherNodeWasFaster) {
                log.debug("Digest {} already written by another node", mail.dedupKey);
            }
        }
        return written;
    }

    private List<Line> openWork(String agencyCode, LocalDate horizon, LocalDate today) {
        return jdbc.sql("""
                        select d.doc_number, d.subject, i.label, i.content, a.deadline
                        from assignment a
                        join directive d on d.id = a.directive_id
                        join directive_item i on i.id = a.item_id
                        where a.agency_code = ? and a.deadline is not null and a.deadline <= ?
                          and a.completed_at is null and a.cancelled_at is null
                        order by a.deadline, d.id, i.position""")
                .params(agencyCode, horizon)
                .query((rs, row) -> {
                    LocalDate deadline = rs.getObject(5, LocalDate.class);
                    return new Line(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), deadline,
                            deadline.isBefore(today));
                })
                .list();
    }
}
