package vn.directivetracker.reporting.collection;

import static vn.directivetracker.reporting.collection.ReportCollectionProcess.Variables.*;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.directivetracker.assignment.DeadlineSettings;
import vn.directivetracker.common.Clocks;
import vn.directivetracker.common.TrackerProperties;
import vn.directivetracker.directive.Directive;
import vn.directivetracker.directive.DirectiveService;
import vn.directivetracker.directive.ReportSchedule;
import vn.directivetracker.reporting.ReportingPeriod;
import vn.directivetracker.common.VnFormats;

/**
 * Opens a directive's report collection for a period — a {@code report_period} row, a PENDING
 * submission per responsible agency and one {@code report-collection} instance, in one transaction —
 * and answers the process's questions (timer dates, who submitted when).
 */
@Service("reportCollection")
public class ReportCollectionService {


    private final ReportPeriodRepository periods;
    private final DirectiveService directives;
    private final SubmissionDeadlines deadlines;
    private final DeadlineSettings deadlineSettings;
    private final RuntimeService runtimeService;
    private final JdbcClient jdbc;
    private final Clocks clocks;
    private final TrackerProperties properties;

    public ReportCollectionService(ReportPeriodRepository periods, DirectiveService directives, SubmissionDeadlines deadlines,
            DeadlineSettings deadlineSettings, RuntimeService runtimeService, JdbcClient jdbc, Clocks clocks,
            TrackerProperties properties) {
        this.periods = periods;
        this.directives = directives;
        this.deadlines = deadlines;
        this.deadlineSettings = deadlineSettings;
        this.runtimeService = runtimeService;
        this.jdbc = jdbc;
        this.clocks = clocks;
        this.properties = properties;
    }

    /** What to collect: a Nghị định 09 period, or an ad-hoc request with its own cut-off and deadline. */
    public record Request(String code, ReportSchedule schedule, String label, LocalDate start, LocalDate cutOff,
            LocalDate deadline) {

        public static Request of(ReportingPeriod period, LocalDate deadline) {
            return new Request(period.code(), period.schedule(), period.label(), period.start(), period.cutOff(), deadline);
        }

        public static Request adHoc(LocalDate cutOff, LocalDate deadline) {
            return new Request("AH-" + cutOff, null, "Báo cáo đột xuất (số liệu đến ngày " + VnFormats.DATE.format(cutOff) + ")",
                    null, cutOff, deadline);
        }
    }

    public Request request(ReportingPeriod period) {
        return Request.of(period, deadlines.deadline(period));
    }

    /**
     * Opens the collection unless the directive already has this period; empty when it had, or when
     * no agency has anything to report on.
     */
    @Transactional
    public Optional<ReportPeriod> open(long directiveId, Request request, List<String> agencies, String requestedBy) {
        if (agencies.isEmpty()) {
            return Optional.empty();
        }
        Optional<Long> id = periods.insertIfAbsent(directiveId, request.code(),
                request.schedule() == null ? null : request.schedule().name(), request.label(), request.start(),
                request.cutOff(), request.deadline(), deadlines.closesOn(request.deadline()), requestedBy, agencies,
                clocks.now());
        if (id.isEmpty()) {
            return Optional.empty();
        }
        Directive directive = directives.get(directiveId);
        Map<String, Object> variables = new HashMap<>();
        variables.put(REPORT_PERIOD_ID, id.get());
        variables.put(DIRECTIVE_ID, directiveId);
        variables.put(DIRECTIVE_NUMBER, directive.number());
        variables.put(DIRECTIVE_SUBJECT, directive.subject());
        variables.put(PERIOD_LABEL, request.label());
        variables.put(CUT_OFF_LABEL, (request.start() == null ? "đến " : "từ " + VnFormats.DATE.format(request.start()) + " đến ")
                + VnFormats.DATE.format(request.cutOff()));
        variables.put(DEADLINE_LABEL, VnFormats.DATE.format(request.deadline()));
        String pi = runtimeService.startProcessInstanceByKey(ReportCollectionProcess.KEY,
                directive.number() + "/" + request.code(), variables).getId();
        periods.setProcessInstance(id.get(), pi);
        return Optional.of(periods.get(id.get()));
    }

    /** Agencies with open ongoing work reported on this schedule (the periodic opener). */
    public List<String> agenciesReportingOn(long directiveId, ReportSchedule schedule) {
        return jdbc.sql("""
                        select distinct a.agency_code from assignment a join directive_item i on i.id = a.item_id
                        where a.directive_id = ? and i.ongoing = true and i.report_schedule = ?
                          and a.completed_at is null and a.cancelled_at is null
                        order by a.agency_code""")
                .params(directiveId, schedule.name()).query(String.class).list();
    }

    /** Agencies with any open work on the directive (an ad-hoc request asks all of them). */
    public List<String> agenciesWithOpenWork(long directiveId) {
        return jdbc.sql("""
                        select distinct agency_code from assignment
                        where directive_id = ? and completed_at is null and cancelled_at is null
                        order by agency_code""")
                .param(directiveId).query(String.class).list();
    }

    // Read by the process: the multi-instance collection and the timers' timeDate expressions.

    public List<String> agenciesOf(Object reportPeriodId) {
        return periods.agencies(id(reportPeriodId));
    }

    /** "Sắp đến hạn": N working days before the deadline, at the notification hour. */
    public Date reminderAt(Object reportPeriodId) {
        return at(deadlines.reminderDay(periods.get(id(reportPeriodId)).deadline()));
    }

    /** The first working day after the deadline: the report is overdue from then on. */
    public Date overdueAt(Object reportPeriodId) {
        return at(deadlines.dayAfter(periods.get(id(reportPeriodId)).deadline()));
    }

    /** The first working day after the grace period: collection closes, missing reports are missing. */
    public Date closesAt(Object reportPeriodId) {
        return at(deadlines.dayAfter(periods.get(id(reportPeriodId)).closesOn()));
    }

    /**
     * The head approved an agency's report: that is its submission, timed now (on time or late, as
     * for assignments, docs/adr/0005-status-buckets-computed-not-stored.md).
     */
    public void submit(long reportPeriodId, String agencyCode, String text, String figures, String preparedBy,
            String approvedBy) {
        periods.submit(reportPeriodId, agencyCode, text, figures, preparedBy, approvedBy, clocks.now());
    }

    /** The collection closed: the missing are marked, and the coordinator gets the summary. */
    public SubmissionSummary collect(long reportPeriodId) {
        periods.markCollected(reportPeriodId, clocks.now());
        return SubmissionSummary.of(periods.get(reportPeriodId), periods.submissions(reportPeriodId));
    }

    public void markConsolidated(long reportPeriodId, String consolidatedBy) {
        periods.markConsolidated(reportPeriodId, consolidatedBy, clocks.now());
    }

    public String periodUrl(long reportPeriodId) {
        return properties.baseUrl() + "/api/report-periods/" + reportPeriodId;
    }

    private Date at(LocalDate day) {
        return Date.from(day.atTime(deadlineSettings.notifyAt()).atZone(clocks.zone()).toInstant());
    }

    private static long id(Object reportPeriodId) {
        return ((Number) reportPeriodId).longValue();
    }
}
