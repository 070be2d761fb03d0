package vn.directivetracker.reporting.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.directivetracker.agency.AgencyKind;
import vn.directivetracker.assignment.AssignmentTally;
import vn.directivetracker.assignment.DeadlineHistory;
import vn.directivetracker.assignment.DeadlineSettings;
import vn.directivetracker.assignment.StatusBucket;
import vn.directivetracker.calendar.HolidayRepository;
import vn.directivetracker.calendar.WorkingDayCalendar;
import vn.directivetracker.reporting.dashboard.DashboardService;
import vn.directivetracker.reporting.dashboard.DashboardView;
import vn.directivetracker.reporting.dashboard.LegacyDashboard;

/**
 * The statistics and the dashboard counted by the database (ADR 16) equal, agency by agency and
 * bucket by bucket, what the former Java aggregation ({@link LegacyStatistics}, {@link LegacyDashboard})
 * computes from the same rows — on H2 and on PostgreSQL 15.
 *
 * <p>The data is random but seeded, and its dates are drawn from a small pool around the reference
 * dates, so every boundary is hit many times: submitted, completed or cancelled at 00:00 and at
 * 23:59:59 of the reference day and the next, completed exactly on the deadline, deadlines on the
 * due-soon boundary (N+1-th working day) and the days either side, on a holiday, a make-up Saturday
 * and a weekend; deadline changes before, on and after the reference date, several on the same
 * timestamp, and from "no deadline". The test also checks that the data reaches every bucket, the
 * due-soon flag, more overdue rows than the dashboard lists, and deadlines the history changes.
 */
class SqlStatisticsEquivalenceTest {

    private static final int DUE_SOON_DAYS = 3;
    private static final DeadlineSettings SETTINGS = new DeadlineSettings(2, DUE_SOON_DAYS, 5, 10, LocalTime.of(8, 0));
    private static final List<LocalDate> REFERENCE_DATES = List.of(
            LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 14), LocalDate.of(2026, 12, 14),
            LocalDate.of(2026, 12, 18), LocalDate.of(2026, 12, 23), LocalDate.of(2026, 12, 31),
            LocalDate.of(2027, 2, 1));
    private static final String[][] AGENCIES = {
            {"SYT", "DEPARTMENT", "Sở Y tế"}, {"STC", "DEPARTMENT", "Sở Tài chính"},
            {"SGDDT", "DEPARTMENT", "Sở Giáo dục và Đào tạo"}, {"SXD", "DEPARTMENT", "Sở Xây dựng"},
            {"BQLKKT", "PROVINCIAL_UNIT", "Ban Quản lý Khu kinh tế"}, {"CAT", "PROVINCIAL_UNIT", "Công an tỉnh"},
            {"PDD", "WARD", "UBND phường Đống Đa"}, {"PAH", "WARD", "UBND phường Ân Hảo"},
            {"PBA", "WARD", "UBND phường Bình An"}, {"XAN", "COMMUNE", "UBND xã An Nhơn"},
            {"XEA", "COMMUNE", "UBND xã Ea Kar"}, {"XAN2", "COMMUNE", "UBND xã An Nhơn"}};

    private static EmbeddedPostgres postgres;
    private static JdbcClient h2;
    private static JdbcClient pg;

    @BeforeAll
    static void databases() {
        postgres = StatisticsDatabases.postgres("statistics-equivalence");
        pg = JdbcClient.create(StatisticsDatabases.migrated(postgres.getPostgresDatabase()));
        h2 = JdbcClient.create(StatisticsDatabases.h2("statistics-equivalence"));
        insert(pg);
        insert(h2);
        // Inserted in plain SQL: the tally (ADR 20) is recounted, as after any bulk insert.
        new AssignmentTally(pg).rebuild();
        new AssignmentTally(h2).rebuild();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    static Stream<String> databaseNames() {
        return Stream.of("H2", "PostgreSQL");
    }

    private static LegacyStatistics legacy(JdbcClient jdbc, WorkingDayCalendar calendar) {
        return new LegacyStatistics(new TrackedAssignments(jdbc, new DeadlineHistory(jdbc)), calendar, SETTINGS);
    }

    private static JdbcClient db(String name) {
        return name.equals("H2") ? h2 : pg;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databaseNames")
    void statisticsEqualTheJavaAggregationForEveryFilterAndReferenceDate(String database) {
        JdbcClient jdbc = db(database);
        WorkingDayCalendar calendar = new WorkingDayCalendar(new HolidayRepository(jdbc));
        LegacyStatistics legacy = legacy(jdbc, calendar);
        StatisticsService sql = Services.statistics(jdbc, calendar, SETTINGS);

        Map<StatusBucket, Integer> seen = new EnumMap<>(StatusBucket.class);
        int dueSoonSeen = 0;
        int compared = 0;
        for (LocalDate asOf : REFERENCE_DATES) {
            for (StatisticsFilter filter : filters(jdbc, asOf)) {
                List<String> expected = lines(legacy.compute(filter, null));
                assertThat(lines(sql.compute(filter, null))).as(database + " " + filter).isEqualTo(expected);
                compared++;
            }
            Statistics all = legacy.compute(new StatisticsFilter(null, null, null, null, asOf), null);
            for (StatusBucket bucket : StatusBucket.values()) {
                seen.merge(bucket, all.totals().buckets().get(bucket), Integer::sum);
            }
            dueSoonSeen += all.totals().dueSoon();
        }
        assertThat(seen.values()).as("every bucket is reached " + seen).allMatch(n -> n > 20);
        assertTallyAnswersOnlyAtTheLastDate(jdbc);
        assertThat(dueSoonSeen).as("due soon is reached").isGreaterThan(20);
        assertThat(compared).isGreaterThan(100);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databaseNames")
    void dashboardEqualsTheJavaOne(String database) {
        JdbcClient jdbc = db(database);
        WorkingDayCalendar calendar = new WorkingDayCalendar(new HolidayRepository(jdbc));
        LegacyDashboard legacy = new LegacyDashboard(new TrackedAssignments(jdbc, new DeadlineHistory(jdbc)),
                legacy(jdbc, calendar), calendar, null);
        DashboardService sql = Services.dashboard(jdbc, Services.statistics(jdbc, calendar, SETTINGS), calendar);

        int maxOverdue = 0;
        int directivesHidden = 0;
        for (LocalDate asOf : REFERENCE_DATES) {
            for (AgencyKind kind : Arrays.asList(null, AgencyKind.WARD, AgencyKind.DEPARTMENT)) {
                for (Long directive : new Long[] {null, 3L, 17L}) {
                    DashboardView expected = legacy.build(asOf, kind, directive);
                    DashboardView actual = sql.build(asOf, kind, directive);
                    String what = database + " " + asOf + " " + kind + " " + directive;
                    assertThat(line(actual.totals())).as(what).isEqualTo(line(expected.totals()));
                    assertThat(actual.bars()).as(what).isEqualTo(expected.bars());
                    assertThat(actual.overdue()).as(what).isEqualTo(expected.overdue());
                    assertThat(actual.overdueHidden()).as(what).isEqualTo(expected.overdueHidden());
                    assertThat(actual.dueSoon()).as(what).isEqualTo(expected.dueSoon());
                    assertThat(actual.dueSoonHidden()).as(what).isEqualTo(expected.dueSoonHidden());
                    assertThat(actual.directives()).as(what).isEqualTo(expected.directives());
                    assertThat(actual.directivesHidden()).as(what).isEqualTo(expected.directivesHidden());
                    directivesHidden = Math.max(directivesHidden, expected.directivesHidden());
                    assertThat(actual.exportQuery()).as(what).isEqualTo(expected.exportQuery());
                    maxOverdue = Math.max(maxOverdue, expected.overdue().size() + expected.overdueHidden());
                }
            }
        }
        assertThat(maxOverdue).as("the overdue list is cut somewhere").isGreaterThan(LegacyDashboard.LIST_LIMIT);
        assertThat(directivesHidden).as("the directive table is cut somewhere").isPositive();
    }

    /**
     * The tally (ADR 20) answers where nothing happened after the reference date — here the last one,
     * as today in production — so the comparisons above cover it there, and the live SQL before.
     */
    private static void assertTallyAnswersOnlyAtTheLastDate(JdbcClient jdbc) {
        AssignmentBuckets buckets = new AssignmentBuckets(jdbc);
        for (LocalDate asOf : REFERENCE_DATES) {
            boolean last = asOf.equals(REFERENCE_DATES.get(REFERENCE_DATES.size() - 1));
            assertThat(buckets.tallied(new StatisticsFilter(null, null, null, null, asOf))).as(asOf.toString()).isEqualTo(last);
            assertThat(buckets.tallied(new StatisticsFilter(null, null, AgencyKind.WARD, Set.of("PDD"), asOf))).isEqualTo(last);
            assertThat(buckets.tallied(new StatisticsFilter(3L, null, null, null, asOf))).isFalse();
            assertThat(buckets.tallied(new StatisticsFilter(null, "SYT", null, null, asOf))).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databaseNames")
    void theHistoryChangesDeadlinesAtTheReferenceDates(String database) {
        // Without this the deadline-in-force rule could be wrong in both implementations alike... or
        // unused: some assignments must read another deadline than today's at each past date.
        for (LocalDate asOf : REFERENCE_DATES) {
            int changedLater = db(database).sql("""
                            select count(distinct c.assignment_id) from deadline_change c join assignment a on a.id = c.assignment_id
                            where c.changed_at >= ? and a.created_at < ?""")
                    .params(asOf.plusDays(1).atStartOfDay(), asOf.plusDays(1).atStartOfDay())
                    .query(Integer.class).single();
            if (asOf.equals(REFERENCE_DATES.get(REFERENCE_DATES.size() - 1))) {
                // ... and the last one none, as usually today: the query without the history is compared too.
                assertThat(changedLater).as(asOf.toString()).isZero();
            } else {
                assertThat(changedLater).as(asOf.toString()).isGreaterThan(10);
            }
        }
    }

    /** Every way the API and the pages filter: all, one agency, each kind, a directive, visible sets (agency users). */
    private static List<StatisticsFilter> filters(JdbcClient jdbc, LocalDate asOf) {
        List<StatisticsFilter> filters = new ArrayList<>();
        filters.add(new StatisticsFilter(null, null, null, null, asOf));
        for (int i = 0; i < AGENCIES.length; i++) {
            String agency = AGENCIES[i][0];
            filters.add(i % 2 == 0 ? new StatisticsFilter(null, agency, null, null, asOf)
                    : new StatisticsFilter(null, null, null, Set.of(agency), asOf));
        }
        for (AgencyKind kind : AgencyKind.values()) {
            filters.add(new StatisticsFilter(null, null, kind, null, asOf));
            filters.add(new StatisticsFilter(5L, null, kind, null, asOf));
        }
        for (long directive = 1; directive <= 40; directive += 6) {
            filters.add(new StatisticsFilter(directive, null, null, null, asOf));
        }
        filters.add(new StatisticsFilter(null, null, null, new TreeSet<>(Set.of("SYT", "PDD", "XAN2")), asOf));
        filters.add(new StatisticsFilter(2L, "STC", null, Set.of("STC", "SYT"), asOf));
        filters.add(new StatisticsFilter(null, null, null, Set.of(), asOf));
        return filters;
    }

    /** One row per agency: code, name, kind, each bucket, due soon, total and both rates. */
    private static List<String> lines(Statistics statistics) {
        List<String> lines = new ArrayList<>();
        statistics.agencies().forEach(a -> lines.add(line(a)));
        lines.add(line(statistics.totals()));
        lines.add(statistics.asOf() + " " + statistics.directiveId());
        return lines;
    }

    private static String line(AgencyStatistics a) {
        return a.agencyCode() + " " + a.agencyName() + " " + a.agencyKind() + " " + a.counts() + " soon=" + a.dueSoon()
                + " total=" + a.total() + " onTime=" + a.onTimeRate() + " completion=" + a.completionRate();
    }

    /** The data set, identical in both databases (seeded). */
    private static void insert(JdbcClient jdbc) {
        for (String[] agency : AGENCIES) {
            jdbc.sql("insert into agency (code, kind, name, short_name) values (?, ?, ?, ?)")
                    .params(agency[0], agency[1], agency[2], agency[0]).update();
        }
        // Holidays: National Day (Wed 2/9 and Tue 1/9), a day off on Thu 24/12, a make-up Saturday 26/12, New Year.
        holiday(jdbc, "2026-09-01", "OFF");
        holiday(jdbc, "2026-09-02", "OFF");
        holiday(jdbc, "2026-12-24", "OFF");
        holiday(jdbc, "2026-12-26", "WORKDAY");
        holiday(jdbc, "2027-01-01", "OFF");

        Random random = new Random(20261202L);
        List<LocalDate> days = dayPool(jdbc);
        long assignmentId = 0;
        long changeId = 0;
        for (long directive = 1; directive <= 40; directive++) {
            LocalDateTime created = LocalDateTime.of(2026, 6, 1, 8, 0).plusDays(random.nextInt(200));
            jdbc.sql("""
                            insert into directive (id, doc_type, field_code, doc_number, subject, place, urgency, status, created_at)
                            values (?, 'CHI_THI', 'VP', ?, ?, 'Tỉnh', 'NORMAL', 'ISSUED', ?)""")
                    .params(directive, directive + "/CT-UBND", "Văn bản " + directive, created).update();
            for (int position = 1; position <= 4; position++) {
                long item = directive * 10 + position;
                jdbc.sql("insert into directive_item (id, directive_id, position, label, content, ongoing) values (?, ?, ?, ?, ?, false)")
                        .params(item, directive, position, Integer.toString(position), "Nhiệm vụ " + position).update();
                Set<String> agencies = new LinkedHashSet<>();
                int count = 3 + random.nextInt(AGENCIES.length - 2);
                while (agencies.size() < count) {
                    agencies.add(AGENCIES[random.nextInt(AGENCIES.length)][0]);
                }
                for (String agency : agencies) {
                    assignmentId++;
                    insertAssignment(jdbc, random, days, assignmentId, directive, item, agency);
                    int changes = random.nextInt(10) < 4 ? 1 + random.nextInt(3) : 0;
                    LocalDateTime at = null;
                    for (int c = 0; c < changes; c++) {
                        // Some changes share a timestamp: the first by id decides (DeadlineHistory).
                        at = at != null && random.nextInt(4) == 0 ? at : moment(random, days);
                        LocalDate previous = random.nextInt(8) == 0 ? null : pick(random, days);
                        jdbc.sql("""
                                        insert into deadline_change (id, assignment_id, previous_deadline, new_deadline, changed_at)
                                        values (?, ?, ?, ?, ?)""")
                                .params(++changeId, assignmentId, previous, pick(random, days), at).update();
                    }
                }
            }
        }
        // Open work due around the last reference date (where the tally answers), so that its
        // due-soon and on-time buckets are reached there too; drawn after the rest, which stays as it was.
        LocalDate last = REFERENCE_DATES.get(REFERENCE_DATES.size() - 1);
        for (int i = 0; i < 60; i++) {
            long item = 10 * (1 + random.nextInt(40)) + 1 + random.nextInt(4);
            String agency = AGENCIES[i % AGENCIES.length][0];
            if (jdbc.sql("select count(*) from assignment where item_id = ? and agency_code = ?").params(item, agency)
                    .query(Integer.class).single() > 0) {
                continue;
            }
            LocalDateTime done = random.nextInt(4) == 0 ? last.minusDays(random.nextInt(3)).atTime(23, 59, 59) : null;
            jdbc.sql("""
                            insert into assignment (id, directive_id, item_id, agency_code, role, deadline, phase,
                                                    result_submitted_at, completed_at, cancelled_at, created_at)
                            values (?, ?, ?, ?, 'LEAD', ?, 'IN_PROGRESS', ?, ?, null, ?)""")
                    .params(++assignmentId, item / 10, item, agency, last.plusDays(random.nextInt(12) - 1), done, done,
                            LocalDateTime.of(2026, 6, 1, 9, 0)).update();
        }
    }

    private static void insertAssignment(JdbcClient jdbc, Random random, List<LocalDate> days, long id, long directive,
            long item, String agency) {
        LocalDate deadline = random.nextInt(10) == 0 ? null : pick(random, days);
        LocalDateTime created = random.nextInt(3) == 0 ? moment(random, days) : LocalDateTime.of(2026, 6, 1, 9, 0);
        LocalDateTime submitted = null;
        LocalDateTime completed = null;
        int fate = random.nextInt(20);
        if (fate < 9) {
            LocalDateTime moment = deadline != null && random.nextInt(4) == 0
                    ? deadline.atTime(random.nextBoolean() ? LocalTime.of(23, 59, 59) : LocalTime.MIDNIGHT) // exactly on the deadline
                    : moment(random, days);
            if (random.nextInt(5) == 0) {
                completed = moment; // accepted without a recorded submission: completion counts from acceptance
            } else {
                submitted = moment;
                completed = moment.plusDays(random.nextInt(6)).plusHours(random.nextInt(3));
            }
        } else if (fate < 10) {
            submitted = moment(random, days); // submitted, never accepted: still open
        }
        LocalDateTime cancelled = random.nextInt(10) == 0 ? moment(random, days) : null;
        jdbc.sql("""
                        insert into assignment (id, directive_id, item_id, agency_code, role, deadline, phase,
                                                result_submitted_at, completed_at, cancelled_at, created_at)
                        values (?, ?, ?, ?, 'LEAD', ?, 'IN_PROGRESS', ?, ?, ?, ?)""")
                .params(id, directive, item, agency, deadline, submitted, completed, cancelled, created).update();
    }

    /**
     * Dates near each reference date: the day before, the day itself, the next two, the due-soon
     * boundary and the days either side of it, plus a few weekends and holidays; and one far past.
     */
    private static List<LocalDate> dayPool(JdbcClient jdbc) {
        WorkingDayCalendar calendar = new WorkingDayCalendar(new HolidayRepository(jdbc));
        Set<LocalDate> days = new TreeSet<>();
        // Not around the last reference date: nothing happens after it.
        for (LocalDate asOf : REFERENCE_DATES.subList(0, REFERENCE_DATES.size() - 1)) {
            LocalDate boundary = calendar.addWorkingDays(asOf, DUE_SOON_DAYS + 1);
            days.addAll(List.of(asOf.minusDays(1), asOf, asOf.plusDays(1), asOf.plusDays(2), boundary.minusDays(1), boundary,
                    boundary.plusDays(1), asOf.minusDays(20)));
        }
        days.addAll(List.of(LocalDate.of(2026, 9, 2), LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 26),
                LocalDate.of(2026, 12, 27), LocalDate.of(2027, 1, 1), LocalDate.of(2026, 3, 1)));
        return new ArrayList<>(days);
    }

    private static LocalDate pick(Random random, List<LocalDate> days) {
        return days.get(random.nextInt(days.size()));
    }

    /** A moment on a pool day: at midnight, at the last second, or during office hours. */
    private static LocalDateTime moment(Random random, List<LocalDate> days) {
        LocalDate day = pick(random, days);
        return switch (random.nextInt(3)) {
            case 0 -> day.atStartOfDay();
            case 1 -> day.atTime(23, 59, 59);
            default -> day.atTime(10, 30);
        };
    }

    private static void holiday(JdbcClient jdbc, String date, String type) {
        jdbc.sql("insert into holiday (holiday_date, day_type, name) values (?, ?, 'Nghỉ')").params(LocalDate.parse(date), type).update();
    }
}
