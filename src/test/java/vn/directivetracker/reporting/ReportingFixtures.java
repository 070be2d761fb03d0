package vn.directivetracker.reporting;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.directivetracker.directive.DirectiveRequest;
import vn.directivetracker.directive.ReportSchedule;
import vn.directivetracker.support.DirectiveFixtures;

/** Directives with several items, and the facts of their assignments set to chosen dates. */
public final class ReportingFixtures {

    private ReportingFixtures() {}

    public static void clockAt(LocalDateTime vietnamTime) {
        ClockUtil.setCurrentTime(Date.from(vietnamTime.atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant()));
    }

    public static DirectiveRequest.Item due(String label, LocalDate deadline, String... leads) {
        return new DirectiveRequest.Item(label, "Nhiệm vụ " + label, List.of(leads), List.of(), deadline, null, false, null);
    }

    public static DirectiveRequest.Item ongoing(String label, ReportSchedule schedule, String... leads) {
        return new DirectiveRequest.Item(label, "Nhiệm vụ thường xuyên " + label, List.of(leads), List.of(), null, null, true,
                schedule);
    }

    public static DirectiveRequest directive(String subject, DirectiveRequest.Item... items) {
        DirectiveRequest base = DirectiveFixtures.smallDirective(subject, List.of("SNGV"), List.of());
        LinkedHashSet<String> recipients = new LinkedHashSet<>();
        for (DirectiveRequest.Item item : items) {
            recipients.addAll(item.leadAgencies());
        }
        return new DirectiveRequest(base.type(), base.fieldCode(), subject, base.legalBasis(), null, base.urgency(),
                base.signer(), List.copyOf(recipients), base.copyTo(), base.archiveCodes(), base.closingText(), null,
                List.of(items));
    }

    /** Sets the dates of one assignment (null leaves the column null). */
    public static void facts(JdbcClient jdbc, long directiveId, String itemLabel, String agency, LocalDateTime created,
            LocalDateTime submitted, LocalDateTime completed, LocalDateTime cancelled) {
        int updated = jdbc.sql("""
                        update assignment set created_at = ?, result_submitted_at = ?, completed_at = ?, cancelled_at = ?
                        where directive_id = ? and agency_code = ?
                          and item_id = (select id from directive_item where directive_id = ? and label = ?)""")
                .params(created, submitted, completed, cancelled, directiveId, agency, directiveId, itemLabel)
                .update();
        if (updated != 1) {
            throw new AssertionError("No assignment " + itemLabel + "/" + agency + " in directive " + directiveId);
        }
        // Written around AssignmentRepository: the tally (ADR 20) is recounted, as after any bulk write.
        new vn.directivetracker.assignment.AssignmentTally(jdbc).rebuild();
    }

    /**
     * The statistics fixture (see {@link vn.directivetracker.reporting.statistics.StatisticsApiTest}): items 1, 2 and 4 with deadlines, item 3
     * ongoing; call {@link #everyBucketFacts} once it is issued.
     */
    public static DirectiveRequest everyBucket(String subject) {
        return directive(subject,
                due("1", LocalDate.of(2026, 12, 10), "SNGV", "STC"),
                due("2", LocalDate.of(2026, 12, 10), "SNGV", "SCT"),
                ongoing("3", ReportSchedule.MONTHLY, "SNGV"),
                due("4", LocalDate.of(2026, 12, 21), "SCT"));
    }

    public static void everyBucketFacts(JdbcClient jdbc, long directiveId) {
        LocalDateTime created = LocalDateTime.of(2026, 12, 1, 8, 0);
        facts(jdbc, directiveId, "1", "SNGV", created, december(8), december(9), null);
        facts(jdbc, directiveId, "1", "STC", created, december(14), december(15), null);
        facts(jdbc, directiveId, "2", "SNGV", created, null, null, null);
        facts(jdbc, directiveId, "2", "SCT", created, null, null, december(5));
        facts(jdbc, directiveId, "3", "SNGV", created, null, null, null);
        facts(jdbc, directiveId, "4", "SCT", created, null, null, null);
    }

    private static LocalDateTime december(int day) {
        return LocalDateTime.of(2026, 12, day, 10, 0);
    }
}
