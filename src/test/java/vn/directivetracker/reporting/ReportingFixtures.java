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
final class ReportingFixtures {

    private ReportingFixtures() {}

    static void clockAt(LocalDateTime vietnamTime) {
        ClockUtil.setCurrentTime(Date.from(vietnamTime.atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant()));
    }

    static DirectiveRequest.Item due(String label, LocalDate deadline, String... leads) {
        return new DirectiveRequest.Item(label, "Nhiệm vụ " + label, List.of(leads), List.of(), deadline, null, false, null);
    }

    static DirectiveRequest.Item ongoing(String label, ReportSchedule schedule, String... leads) {
        return new DirectiveRequest.Item(label, "Nhiệm vụ thường xuyên " + label, List.of(leads), List.of(), null, null, true,
                schedule);
    }

    static DirectiveRequest directive(String subject, DirectiveRequest.Item... items) {
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
    static void facts(JdbcClient jdbc, long directiveId, String itemLabel, String agency, LocalDateTime created,
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
    }
}
