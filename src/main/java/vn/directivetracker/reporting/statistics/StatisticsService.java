package vn.directivetracker.reporting.statistics;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import vn.directivetracker.assignment.DeadlineSettings;
import vn.directivetracker.assignment.StatusBucket;
import vn.directivetracker.calendar.WorkingDayCalendar;
import vn.directivetracker.reporting.ReportingPeriod;
import vn.directivetracker.reporting.ReportingAccess;
import vn.directivetracker.directive.DirectiveRepository;
import vn.directivetracker.agency.AgencyRegistry;
import vn.directivetracker.agency.AgencyKind;
import vn.directivetracker.common.Clocks;
import vn.directivetracker.common.FieldViolation;
import vn.directivetracker.common.InvalidRequestException;
import vn.directivetracker.common.NotFoundException;
import vn.directivetracker.reporting.ReportingPeriods;
import java.util.Set;

@Service
public class StatisticsService {

    private final AssignmentBuckets buckets;
    private final WorkingDayCalendar calendar;
    private final DeadlineSettings deadlineSettings;
    private final ReportingAccess access;
    private final DirectiveRepository directives;
    private final AgencyRegistry registry;
    private final Clocks clocks;

    public StatisticsService(AssignmentBuckets buckets, WorkingDayCalendar calendar, DeadlineSettings deadlineSettings,
            ReportingAccess access, DirectiveRepository directives, AgencyRegistry registry, Clocks clocks) {
        this.buckets = buckets;
        this.calendar = calendar;
        this.deadlineSettings = deadlineSettings;
        this.access = access;
        this.directives = directives;
        this.registry = registry;
        this.clocks = clocks;
    }

    /**
     * The statistics a request asks for, after its rules: a period ({@code 2026-Q1}) reads the figures
     * as of its cut-off and excludes {@code asOf}; without either, as of today; an agency must exist
     * and be visible to the caller, a directive must exist.
     */
    public Statistics query(Long directiveId, String agency, AgencyKind agencyKind, LocalDate asOf, String periodCode) {
        vn.directivetracker.common.ReferenceDates.check("asOf", asOf);
        ReportingPeriod period = null;
        if (periodCode != null) {
            period = ReportingPeriods.require(periodCode);
            if (asOf != null) {
                throw invalid("asOf", "Không dùng cùng lúc với period (kỳ báo cáo đã xác định ngày chốt số liệu)");
            }
            asOf = period.cutOff();
        }
        if (agency != null && !registry.byCodes(List.of(agency)).containsKey(agency)) {
            throw invalid("agency", "Không có đơn vị mã " + agency);
        }
        if (directiveId != null && directives.find(directiveId).isEmpty()) {
            throw new NotFoundException("Không có văn bản " + directiveId);
        }
        Set<String> visible = access.visibleAgencies();
        access.requireVisible(visible, agency);
        LocalDate reference = asOf != null ? asOf : clocks.today();
        return compute(new StatisticsFilter(directiveId, agency, agencyKind, visible, reference), period);
    }

    private static InvalidRequestException invalid(String field, String message) {
        return new InvalidRequestException(List.of(new FieldViolation(field, message)));
    }

    /** The spreadsheet's title: the directive's number and subject, or every directive. */
    public String title(Long directiveId) {
        return directiveId == null ? "Tất cả văn bản" : directives.find(directiveId)
                .map(d -> d.number() != null ? d.number() + " — " + d.subject() : d.subject()).orElse("");
    }

    /**
     * Counts per agency and bucket from one {@code GROUP BY} in the database (ADR 16); the calendar is
     * read once, for the due-soon boundary.
     */
    public Statistics compute(StatisticsFilter filter, ReportingPeriod period) {
        return compute(filter, period, firstNotDueSoon(filter.asOf()));
    }

    /** As {@link #compute(StatisticsFilter, ReportingPeriod)} with the due-soon boundary already computed. */
    public Statistics compute(StatisticsFilter filter, ReportingPeriod period, LocalDate firstNotSoon) {
        return assemble(filter, period, buckets.counts(filter, firstNotSoon, false).agencies());
    }

    /** The statistics from counts per agency and bucket code ({@link AssignmentBuckets}), agencies by kind and code. */
    public Statistics assemble(StatisticsFilter filter, ReportingPeriod period, List<AssignmentBuckets.AgencyCount> counts) {
        Map<String, AgencyStatistics> byAgency = new LinkedHashMap<>();
        BucketCounts totals = new BucketCounts();
        for (AssignmentBuckets.AgencyCount row : counts) {
            StatusBucket bucket = AssignmentBuckets.bucketOf(row.bucket());
            int soon = row.bucket() == AssignmentBuckets.DUE_SOON ? row.count() : 0;
            byAgency.computeIfAbsent(row.agencyCode(), code -> new AgencyStatistics(
                            code, row.agencyName(), row.agencyKind(), new BucketCounts()))
                    .buckets().add(bucket, row.count(), soon);
            totals.add(bucket, row.count(), soon);
        }
        List<AgencyStatistics> agencies = byAgency.values().stream()
                .sorted(Comparator.comparing(AgencyStatistics::agencyKind).thenComparing(AgencyStatistics::agencyCode))
                .toList();
        return new Statistics(filter.asOf(), period, filter.directiveId(), agencies,
                new AgencyStatistics(null, "Tổng cộng", null, totals));
    }

    /**
     * "Sắp đến hạn" as {@code AssignmentStatuses} defines it (at most N working days left), computed
     * once per request: an assignment in progress on time is due soon iff its deadline falls before
     * the returned date, the (N+1)-th working day after the reference date.
     */
    public LocalDate firstNotDueSoon(LocalDate asOf) {
        return calendar.addWorkingDays(asOf, deadlineSettings.dueSoonDays() + 1);
    }
}
