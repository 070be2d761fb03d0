package vn.directivetracker.reporting.statistics;

import org.springframework.jdbc.core.simple.JdbcClient;
import vn.directivetracker.assignment.DeadlineSettings;
import vn.directivetracker.calendar.WorkingDayCalendar;
import vn.directivetracker.reporting.dashboard.DashboardService;

/**
 * The statistics and dashboard services wired by hand over one database, without the engine: their
 * {@code compute}/{@code build} read only our tables (access checks, directive lookups and the
 * Tasklist links are not used: the data has no process instances).
 */
final class Services {

    private Services() {}

    static StatisticsService statistics(JdbcClient jdbc, WorkingDayCalendar calendar, DeadlineSettings settings) {
        return new StatisticsService(new AssignmentBuckets(jdbc), calendar, settings, null, null, null, null);
    }

    static DashboardService dashboard(JdbcClient jdbc, StatisticsService statistics, WorkingDayCalendar calendar) {
        return new DashboardService(new AssignmentBuckets(jdbc), statistics, calendar, null);
    }
}
