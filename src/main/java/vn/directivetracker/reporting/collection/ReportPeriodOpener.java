package vn.directivetracker.reporting.collection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.directivetracker.common.Clocks;
import vn.directivetracker.directive.ReportSchedule;
import vn.directivetracker.reporting.ReportingPeriod;
import vn.directivetracker.reporting.ReportingPeriods;

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
    private final ReportPeriodRepository periods;
    private final RuntimeService runtimeService;
    private final JdbcClient jdbc;
    private final Clocks clocks;

    public ReportPeriodOpener(ReportCollectionService collection, ReportPeriodRepository periods,
            RuntimeService runtimeService, JdbcClient jdbc, Clocks clocks) {
        this.collection = collection;
        this.periods = periods;
        this.runtimeService = runtimeService;
        this.jdbc = jdbc;
        this.clocks = clocks;
    }

    @Scheduled(cron = "${directive-tracker.reporting.opener-cron:0 30 7 * * *}", zone = "${directive-tracker.time-zone}")
    public void openDuePeriods() {
        int withdrawn = withdrawRevoked();
        if (withdrawn > 0) {
            log.info("Withdrew {} report collections of revoked directives", withdrawn);
        }
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
            ReportingPeriod period = ReportingPeriods.lastCutOff(d.schedule(), today);
            if (period.cutOff().isBefore(d.issueDate())) {
                continue;
            }
            collection.open(d.directiveId(), collection.request(period),
                    collection.agenciesReportingOn(d.directiveId(), d.schedule()), null).ifPresent(opened::add);
        }
        return opened;
    }

    /**
     * Cancels the report collections of directives revoked since they opened. Revocation itself
     * belongs to {@code directive-execution}, which knows nothing of report collections; sweeping here
     * keeps that model untouched, at the cost of up to a day's delay (agencies may see the task until
     * the next morning).
     */
    @Transactional
    public int withdrawRevoked() {
        List<ReportPeriod> running = periods.runningOfRevokedDirectives();
        for (ReportPeriod period : running) {
            if (period.processInstanceId() != null
                    && runtimeService.createProcessInstanceQuery().processInstanceId(period.processInstanceId()).count() > 0) {
                runtimeService.deleteProcessInstance(period.processInstanceId(), "Văn bản chỉ đạo đã bị thu hồi");
            }
            periods.markWithdrawn(period.id());
        }
        return running.size();
    }
}
