package vn.directivetracker.reporting.dashboard;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import vn.directivetracker.agency.AgencyKind;
import vn.directivetracker.assignment.StatusBucket;
import vn.directivetracker.calendar.WorkingDayCalendar;
import vn.directivetracker.reporting.statistics.AgencyStatistics;
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
        AssignmentBuckets.Counts counts = buckets.counts(filter, firstNotSoon, true);
        Statistics figures = statistics.assemble(filter, null, counts.agencies());
        int overdueCount = figures.totals().buckets().get(StatusBucket.IN_PROGRESS_OVERDUE);
        int dueSoonCount = figures.totals().dueSoon();
        List<TrackedAssignment> shownOverdue = firstListed(buckets.earliestDeadlines(filter, firstNotSoon, true, LIST_LIMIT));
        List<TrackedAssignment> shownDueSoon = firstListed(buckets.earliestDeadlines(filter, firstNotSoon, false, LIST_LIMIT));
        Map<String, String> tasks = openTasks(shownOverdue, shownDueSoon);
        WorkingDayCalendar.Span span = span(asOf, shownOverdue, shownDueSoon);

        String query = "asOf=" + asOf + (kind == null ? "" : "&agencyKind=" + kind)
                + (directiveId == null ? "" : "&directiveId=" + directiveId);
        return new DashboardView(asOf, kind, directiveId, figures.totals(), bars(figures.agencies()),
                listed(shownOverdue, asOf, tasks, span, true), overdueCount - shownOverdue.size(),
                listed(shownDueSoon, asOf, tasks, span, false), dueSoonCount - shownDueSoon.size(),
                directives(counts.directives()), query);
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

    /** Agencies with overdue work first (most first), then by size, then kind and name; bars scaled to the largest. */
    private static List<DashboardView.Bar> bars(List<AgencyStatistics> agencies) {
        int max = agencies.stream().mapToInt(AgencyStatistics::total).max().orElse(1);
        return agencies.stream()
                .sorted(Comparator.comparingInt((AgencyStatistics a) -> a.buckets().get(StatusBucket.IN_PROGRESS_OVERDUE))
                        .reversed().thenComparing(Comparator.comparingInt(AgencyStatistics::total).reversed())
                        .thenComparing(AgencyStatistics::agencyKind).thenComparing(AgencyStatistics::agencyName))
                .map(a -> new DashboardView.Bar(a.agencyCode(), a.agencyName(), a.total(),
                        a.buckets().get(StatusBucket.IN_PROGRESS_OVERDUE), a.onTimeRate(),
                        DashboardView.LEGEND.stream()
                                .filter(s -> a.buckets().get(s.bucket()) > 0)
                                .map(s -> new DashboardView.Part(s.label(), s.color(), a.buckets().get(s.bucket()),
                                        a.buckets().get(s.bucket()) * 100.0 / max))
                                .toList()))
                .toList();
    }

    private List<DashboardView.Listed> listed(List<TrackedAssignment> rows, LocalDate asOf, Map<String, String> tasks,
            WorkingDayCalendar.Span calendar, boolean late) {
        return rows.stream().map(t -> {
            String pi = t.assignment().processInstanceId();
            String task = pi == null ? null : tasks.get(pi);
            long days = late ? ChronoUnit.DAYS.between(t.deadline(), asOf) : ChronoUnit.DAYS.between(asOf, t.deadline());
            int working = late ? calendar.workingDaysBetween(t.deadline(), asOf) : calendar.workingDaysBetween(asOf, t.deadline());
            return new DashboardView.Listed(t.agencyName(), t.directiveNumber(), t.itemLabel(), t.deadline(), days, working,
                    pi == null ? null : "/camunda/app/cockpit/default/#/process-instance/" + pi + "/runtime",
                    task == null ? null : "/camunda/app/tasklist/default/#/?task=" + task);
        }).toList();
    }

    /** One engine query for the open task of every listed assignment, for the Tasklist links. */
    private Map<String, String> openTasks(List<TrackedAssignment> a, List<TrackedAssignment> b) {
        List<String> ids = new ArrayList<>();
        a.forEach(t -> ids.add(t.assignment().processInstanceId()));
        b.forEach(t -> ids.add(t.assignment().processInstanceId()));
        ids.removeIf(java.util.Objects::isNull);
        Map<String, String> byInstance = new HashMap<>();
        if (ids.isEmpty()) {
            return byInstance;
        }
        for (Task task : taskService.createTaskQuery().processInstanceIdIn(ids.toArray(String[]::new)).active()
                .orderByTaskCreateTime().desc().list()) {
            byInstance.putIfAbsent(task.getProcessInstanceId(), task.getId());
        }
        return byInstance;
    }
}
