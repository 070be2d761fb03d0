package vn.directivetracker.reporting.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Service;
import vn.directivetracker.agency.AgencyKind;
import vn.directivetracker.assignment.StatusBucket;
import vn.directivetracker.calendar.WorkingDayCalendar;
import vn.directivetracker.reporting.statistics.Statistics;
import vn.directivetracker.reporting.statistics.StatisticsFilter;
import vn.directivetracker.reporting.statistics.StatisticsService;
import vn.directivetracker.reporting.statistics.TrackedAssignment;
import vn.directivetracker.reporting.statistics.AssignmentBuckets;

/**
 * The leaders' dashboard from the same counts as the statistics (ADR 16: grouped by the database,
 * nothing loaded per assignment): a bar per agency, the overdue list (most days late first), the
 * due-soon list and each directive's progress. Lists are capped so that
 * ~170 agencies × several directives stay one readable page; the spreadsheet has everything.
 */
@Service
public class DashboardService {

    static final int LIST_LIMIT = 100;

    private final AssignmentBuckets buckets;
    private final StatisticsService statistics;
    private final WorkingDayCalendar calendar;
    private final TaskService taskService;

    public DashboardService(AssignmentBuckets buckets, StatisticsService statistics, WorkingDayCalendar calendar,
            TaskService taskService) {
        this.buckets = buckets;
        this.statistics = statistics;
        this.calendar = calendar;
        this.taskService = taskService;
    }

    public DashboardView build(LocalDate asOf, AgencyKind kind, Long directiveId) {
        StatisticsFilter filter = new StatisticsFilter(directiveId, null, kind, null, asOf);
        LocalDate firstNotSoon = statistics.firstNotDueSoon(asOf);
        // The directive table from the tally where it answers (ADR 20), else counted per directive here.
        java.util.Optional<AssignmentBuckets.TopDirectives> top = buckets.topDirectives(filter,
                DashboardRows.DIRECTIVE_LIMIT);
        AssignmentBuckets.Counts counts = buckets.counts(filter, firstNotSoon, top.isEmpty());
        Statistics figures = statistics.assemble(filter, null, counts.agencies());
        int overdueCount = figures.totals().buckets().get(StatusBucket.IN_PROGRESS_OVERDUE);
        int dueSoonCount = figures.totals().dueSoon();
        List<TrackedAssignment> shownOverdue = firstListed(buckets.earliestDeadlines(filter, firstNotSoon, true, LIST_LIMIT));
        List<TrackedAssignment> shownDueSoon = firstListed(buckets.earliestDeadlines(filter, firstNotSoon, false, LIST_LIMIT));
        Map<String, String> tasks = DashboardRows.openTasks(taskService, shownOverdue, shownDueSoon);
        WorkingDayCalendar.Span span = span(asOf, shownOverdue, shownDueSoon);

        List<DashboardView.DirectiveProgress> directives = top.map(DashboardService::directives)
                .orElseGet(() -> directives(counts.directives()));
        int directivesCounted = top.map(AssignmentBuckets.TopDirectives::counted).orElse(directives.size());
        String query = "asOf=" + asOf + (kind == null ? "" : "&agencyKind=" + kind)
                + (directiveId == null ? "" : "&directiveId=" + directiveId);
        return new DashboardView(asOf, kind, directiveId, figures.totals(), DashboardRows.bars(figures.agencies()),
                DashboardRows.listed(shownOverdue, asOf, tasks, span::workingDaysBetween, true), overdueCount - shownOverdue.size(),
                DashboardRows.listed(shownDueSoon, asOf, tasks, span::workingDaysBetween, false), dueSoonCount - shownDueSoon.size(),
                DashboardRows.shown(directives), directivesCounted - DashboardRows.shown(directives).size(), query);
    }

    /**
     * The first {@link #LIST_LIMIT} by deadline, then agency name (Java's order, not the database
     * collation's), then agency, directive, item and id as the former full list was ordered.
     */
    private static List<TrackedAssignment> firstListed(List<TrackedAssignment> candidates) {
        List<TrackedAssignment> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparing(TrackedAssignment::deadline).thenComparing(TrackedAssignment::agencyName));
        return sorted.subList(0, Math.min(LIST_LIMIT, sorted.size()));
    }

    private static List<DashboardView.DirectiveProgress> directives(AssignmentBuckets.TopDirectives top) {
        return top.first().stream().map(d -> new DashboardView.DirectiveProgress(d.id(), d.number(), d.subject(), d.total(),
                d.completed(), d.overdue(), d.total() == 0 ? 0 : d.completed() * 100 / d.total())).toList();
    }

    /** Each directive's progress from counts per directive and bucket; most overdue first, then newest. */
    private static List<DashboardView.DirectiveProgress> directives(List<AssignmentBuckets.DirectiveCount> counts) {
        Map<Long, int[]> progress = new LinkedHashMap<>();
        Map<Long, AssignmentBuckets.DirectiveCount> names = new HashMap<>();
        for (AssignmentBuckets.DirectiveCount row : counts) {
            names.putIfAbsent(row.directiveId(), row);
            int[] p = progress.computeIfAbsent(row.directiveId(), k -> new int[3]);
            StatusBucket bucket = row.bucket();
            if (bucket != StatusBucket.CANCELLED) {
                p[0] += row.count();
            }
            if (bucket == StatusBucket.COMPLETED_ON_TIME || bucket == StatusBucket.COMPLETED_LATE) {
                p[1] += row.count();
            }
            if (bucket == StatusBucket.IN_PROGRESS_OVERDUE) {
                p[2] += row.count();
            }
        }
        List<DashboardView.DirectiveProgress> directives = new ArrayList<>();
        progress.forEach((id, p) -> {
            AssignmentBuckets.DirectiveCount d = names.get(id);
            directives.add(new DashboardView.DirectiveProgress(id, d.number(), d.subject(), p[0], p[1], p[2],
                    p[0] == 0 ? 0 : p[1] * 100 / p[0]));
        });
        directives.sort(Comparator.comparingInt(DashboardView.DirectiveProgress::overdue).reversed()
                .thenComparing(DashboardView.DirectiveProgress::id, Comparator.reverseOrder()));
        return directives;
    }

    /** The calendar from the earliest to the latest date the lists count between, read once. */
    private WorkingDayCalendar.Span span(LocalDate asOf, List<TrackedAssignment> a, List<TrackedAssignment> b) {
        LocalDate first = asOf;
        LocalDate last = asOf;
        for (List<TrackedAssignment> list : List.of(a, b)) {
            for (TrackedAssignment t : list) {
                first = t.deadline().isBefore(first) ? t.deadline() : first;
                last = t.deadline().isAfter(last) ? t.deadline() : last;
            }
        }
        return calendar.span(first, last);
    }

}
