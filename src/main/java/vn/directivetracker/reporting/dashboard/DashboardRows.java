package vn.directivetracker.reporting.dashboard;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToIntBiFunction;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import vn.directivetracker.assignment.StatusBucket;
import vn.directivetracker.reporting.statistics.AgencyStatistics;
import vn.directivetracker.reporting.statistics.TrackedAssignment;

/**
 * How the dashboard shows what was counted: the bars, the listed assignments with their Cockpit and
 * Tasklist links. Separate from the counting (ADR 16) so that the test-side reference dashboard shows
 * its counts the same way and the equivalence test compares only the counting.
 */
final class DashboardRows {

    private DashboardRows() {}

    /**
     * Directives shown in the progress table: a leader's page lists the most overdue (then newest)
     * few; the rest are counted in one line that points to the directive list and the spreadsheet
     * (at 1M assignments the full table had ~6,000 rows).
     */
    static final int DIRECTIVE_LIMIT = 30;

    /** The first {@link #DIRECTIVE_LIMIT} of directives already in display order. */
    static List<DashboardView.DirectiveProgress> shown(List<DashboardView.DirectiveProgress> sorted) {
        return List.copyOf(sorted.subList(0, Math.min(DIRECTIVE_LIMIT, sorted.size())));
    }

    /** Agencies with overdue work first (most first), then by size, then kind and name; bars scaled to the largest. */
    static List<DashboardView.Bar> bars(List<AgencyStatistics> agencies) {
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

    /**
     * The listed assignments with days late (or left), in calendar and working days, and their links.
     *
     * @param workingDays working days between two dates, from whichever calendar the caller read
     */
    static List<DashboardView.Listed> listed(List<TrackedAssignment> rows, LocalDate asOf, Map<String, String> tasks,
            ToIntBiFunction<LocalDate, LocalDate> workingDays, boolean late) {
        return rows.stream().map(t -> {
            String pi = t.assignment().processInstanceId();
            String task = pi == null ? null : tasks.get(pi);
            LocalDate from = late ? t.deadline() : asOf;
            LocalDate to = late ? asOf : t.deadline();
            return new DashboardView.Listed(t.agencyName(), t.directiveNumber(), t.itemLabel(), t.deadline(),
                    ChronoUnit.DAYS.between(from, to), workingDays.applyAsInt(from, to),
                    pi == null ? null : "/camunda/app/cockpit/default/#/process-instance/" + pi + "/runtime",
                    task == null ? null : "/camunda/app/tasklist/default/#/?task=" + task);
        }).toList();
    }

    /** One engine query for the open task of every listed assignment, for the Tasklist links. */
    static Map<String, String> openTasks(TaskService taskService, List<TrackedAssignment> a, List<TrackedAssignment> b) {
        List<String> ids = new ArrayList<>();
        a.forEach(t -> ids.add(t.assignment().processInstanceId()));
        b.forEach(t -> ids.add(t.assignment().processInstanceId()));
        ids.removeIf(Objects::isNull);
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
