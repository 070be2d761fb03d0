package vn.directivetracker.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.directivetracker.common.Clocks;
import vn.directivetracker.directive.ReportSchedule;

/**
 * Opens periodic report collections without touching {@code directive-execution} (ADR 9): every
 * morning, for each issued directive with open ongoing work on a report schedule, the last period
 * whose cut-off has come opens — once, whatever the number of nodes, thanks to the unique
 * (directive, period) row. A period that ended before the directive was issued is not asked for.
 */
@Component
public class ReportPeriodOpener {

    private static final Logger log = LoggerFactory.getLogger(ReportPeriodOpener.class);

    private final ReportCollectionService collection;
    private final JdbcClient jdbc;
    private final Clocks clocks;

    public ReportPeriodOpener(ReportCollectionService collection, JdbcClient jdbc, Clocks clocks) {
        this.collection = collection;
        this.jdbc = jdbc;
        this.clocks = clocks;
    }

    @Scheduled(cron = "${directive-tracker.reporting.opener-cron:0 30 7 * * *}", zone = "${directive-tracker.time-zone}")
    public void openDuePeriods() {
        List<ReportPeriod> opened = openDuePeriods(clocks.today());
        if (!opened.isEmpty()) {
            log.info("Opened {} report collections", opened.size());
        }
    }

    public List<ReportPeriod> openDuePeriods(LocalDate today) {
        record Due(long directiveId, ReportSchedule schedule, LocalDate issueDate) {}
        List<Due> due = jdbc.sql("""
                        select distinct a.directive_id, i.report_schedule, d.issue_date from assignment a
                        join directive_item i on i.id = a.item_id join directive d on d.id = a.directive_id
                        where i.ongoing = true and i.report_schedule is not null and d.issue_date is not null
                          and a.completed_at is null and a.cancelled_at is null
                        order by a.directive_id""")
                .query((rs, row) -> new Due(rs.getLong(1), ReportSchedule.valueOf(rs.getString(2)),
                        rs.getObject(3, LocalDate.class)))
                .list();
        List<ReportPeriod> opened = new ArrayList<>();
        for (Due d : due) {
            ReportingPeriod period = lastCutOff(d.schedule(), today);
            if (period.cutOff().isBefore(d.issueDate())) {
                continue;
            }
            collection.open(d.directiveId(), collection.request(period),
                    collection.agenciesReportingOn(d.directiveId(), d.schedule()), null).ifPresent(opened::add);
        }
        return opened;
    }

    /** The latest period of the schedule whose cut-off is today or already past. */
    static ReportingPeriod lastCutOff(ReportSchedule schedule, LocalDate today) {
        ReportingPeriod current = ReportingPeriods.containing(schedule, today);
        return current.cutOff().equals(today) ? current : ReportingPeriods.containing(schedule, current.start().minusDays(1));
    }
}
