package vn.directivetracker.reporting.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.directivetracker.assignment.AssignmentRepository;
import vn.directivetracker.assignment.AssignmentTally;
import vn.directivetracker.assignment.DeadlineHistory;
import vn.directivetracker.common.Clocks;
import vn.directivetracker.common.TrackerProperties;
import vn.directivetracker.directive.ResponsibleRole;

/**
 * The assignment tally (ADR 20) equals a recount of the live rows after every write path of
 * {@link AssignmentRepository} — insert, acknowledgement, submission, completion (on time, late,
 * without submission), deadline change (also of a completed assignment, also from and to "no
 * deadline"), reassignment, cancellation of one, of a directive's open ones — before and after
 * folding, and after concurrent writers and a concurrent folder; on H2 and PostgreSQL 15.
 */
class AssignmentTallyTest {

    private static EmbeddedPostgres postgres;
    private static DataSource h2;
    private static DataSource pg;

    @BeforeAll
    static void databases() {
        postgres = StatisticsDatabases.postgres("assignment-tally");
        pg = StatisticsDatabases.migrated(postgres.getPostgresDatabase());
        h2 = StatisticsDatabases.h2("assignment-tally");
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    private static DataSource db(String name) {
        return name.equals("H2") ? h2 : pg;
    }

    private static final LocalDate D1 = LocalDate.of(2026, 11, 20), D2 = LocalDate.of(2026, 12, 10), D3 = LocalDate.of(2027, 1, 5);

    @ParameterizedTest
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void everyWritePathKeepsTheTallyEqualToTheRows(String database) {
        JdbcClient jdbc = JdbcClient.create(db(database));
        AssignmentTally tally = new AssignmentTally(jdbc);
        AssignmentRepository repository = repository(jdbc, tally);
        long first = directive(jdbc, "WP", 3);
        long second = first + 1;
        long third = first + 2;
        LocalDateTime t = LocalDateTime.of(2026, 11, 1, 8, 0);

        insert(repository, jdbc, first, 1, "WPA", D1, t);
        insert(repository, jdbc, first, 1, "WPB", D1, t);
        insert(repository, jdbc, first, 2, "WPA", null, t);
        insert(repository, jdbc, first, 2, "WPC", D2, t);
        insert(repository, jdbc, second, 1, "WPA", D1, t);
        insert(repository, jdbc, second, 1, "WPB", D3, t);
        insert(repository, jdbc, second, 1, "WPC", D1, t);
        // A letter's plan, as the issuing step writes it: one statement, deltas summed per key (WPC twice).
        repository.insertAll(third, List.of(
                new AssignmentRepository.Planned(item(jdbc, third, 1), "WPA", ResponsibleRole.LEAD, D2),
                new AssignmentRepository.Planned(item(jdbc, third, 1), "WPB", ResponsibleRole.COORDINATING, D2),
                new AssignmentRepository.Planned(item(jdbc, third, 2), "WPC", ResponsibleRole.LEAD, D3),
                new AssignmentRepository.Planned(item(jdbc, third, 3), "WPC", ResponsibleRole.LEAD, D3),
                new AssignmentRepository.Planned(item(jdbc, third, 2), "WPA", ResponsibleRole.LEAD, null)), t);
        assertThat(jdbc.sql("select n from assignment_tally_delta where directive_id = ? and agency_code = 'WPC'").param(third)
                .query(Long.class).list()).containsExactly(2L);
        assertThat(repository.insertIfAbsent(first, item(jdbc, first, 1), "WPA", ResponsibleRole.LEAD, D1, t)).isFalse();
        assertEqual(tally, "inserted");

        long a1 = id(jdbc, first, 1, "WPA"), b1 = id(jdbc, first, 1, "WPB"), a2 = id(jdbc, first, 2, "WPA");
        long c2 = id(jdbc, first, 2, "WPC"), sa = id(jdbc, second, 1, "WPA"), sb = id(jdbc, second, 1, "WPB");
        long ta = id(jdbc, third, 1, "WPA");

        repository.markAcknowledged(a1, t.plusDays(1));
        assertEqual(tally, "acknowledged");
        repository.markResultSubmitted(a1, t.plusDays(5));
        assertEqual(tally, "submitted, not accepted");
        repository.markCompleted(a1, t.plusDays(6));
        assertEqual(tally, "completed on time");
        repository.markResultSubmitted(b1, LocalDate.of(2026, 11, 25).atTime(10, 0));
        repository.markCompleted(b1, LocalDate.of(2026, 11, 26).atTime(9, 0));
        assertEqual(tally, "completed late");
        repository.markCompleted(c2, D2.atTime(23, 59, 59));
        assertEqual(tally, "accepted without submission, on the deadline");
        repository.updateDeadline(b1, LocalDate.of(2026, 11, 30));
        assertEqual(tally, "deadline of a late completion extended: on time");
        repository.updateDeadline(sa, D3);
        assertEqual(tally, "deadline extended");
        repository.updateDeadline(a2, D2);
        repository.updateDeadline(sb, null);
        assertEqual(tally, "deadline from and to none");

        assertThat(tally.fold(3)).isEqualTo(3);
        assertEqual(tally, "partly folded");
        assertThat(tally.fold(100_000)).isPositive();
        assertThat(jdbc.sql("select count(*) from assignment_tally_delta").query(Integer.class).single()).isZero();
        assertEqual(tally, "folded");

        repository.reassign(a2, "WPB", D1);
        repository.reassign(ta, "WPC", D2);
        assertEqual(tally, "reassigned");
        repository.cancel(a2, t.plusDays(3));
        repository.cancel(a1, t.plusDays(7));
        assertEqual(tally, "cancelled one, also a completed one");
        assertThat(repository.cancelOpen(second, t.plusDays(8))).hasSize(3);
        assertEqual(tally, "a directive revoked");
        tally.fold(100_000);
        assertEqual(tally, "folded again");
        assertThat(tally.consistent()).isTrue();

        jdbc.sql("update assignment set deadline = null where id = ?").param(c2).update();
        assertThat(tally.tallyAndLive().get(0)).as("a write around the repository shows").isNotEqualTo(tally.tallyAndLive().get(1));
        tally.rebuild();
        assertEqual(tally, "rebuilt");
        assertThat(tally.latest()).isEqualTo(D2.atTime(23, 59, 59));
    }

    @ParameterizedTest
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void concurrentWritersAndFolderNeitherBlockNorLoseAnything(String database) throws Exception {
        DataSource dataSource = db(database);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        AssignmentTally tally = new AssignmentTally(jdbc);
        AssignmentRepository repository = repository(jdbc, tally);
        TransactionTemplate transaction = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        int letters = 8;
        long first = directive(jdbc, "CC", letters);
        List<String> agencies = List.of("CCA", "CCB", "CCC");
        LocalDateTime t = LocalDateTime.of(2026, 11, 1, 8, 0);

        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(letters + 1);
        Future<?> folder = pool.submit(() -> {
            while (writing.get()) {
                transaction.execute(s -> tally.fold(5));
            }
        });
        List<Future<?>> writers = new ArrayList<>();
        for (int l = 0; l < letters; l++) {
            long directive = first + l;
            int offset = l;
            writers.add(pool.submit(() -> transaction.executeWithoutResult(s -> {
                // Each letter fans out to the agencies in another order, in one transaction, as 100 letters at once would.
                for (int i = 0; i < agencies.size(); i++) {
                    for (int item = 1; item <= 3; item++) {
                        insert(repository, jdbc, directive, item, agencies.get((i + offset) % agencies.size()),
                                item == 3 ? null : D1.plusDays(offset), t);
                    }
                }
                long one = id(jdbc, directive, 1, agencies.get(offset % agencies.size()));
                repository.markCompleted(one, t.plusDays(offset));
                repository.updateDeadline(id(jdbc, directive, 2, agencies.get(0)), D3);
                if (offset % 2 == 0) {
                    repository.cancelOpen(directive, t.plusDays(9));
                }
            })));
        }
        for (Future<?> writer : writers) {
            writer.get(60, TimeUnit.SECONDS);
        }
        writing.set(false);
        folder.get(60, TimeUnit.SECONDS);
        pool.shutdown();
        assertEqual(tally, "after concurrent writes");
        transaction.execute(s -> tally.fold(100_000));
        assertEqual(tally, "all folded");
    }

    /**
     * The start-up check runs while another node (or this node's job executor) writes: its rebuild,
     * forced here by rows written around the repository, must count each concurrent writer exactly once.
     */
    @ParameterizedTest
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void startUpRebuildBesideWritersCountsEachWriteOnce(String database) throws Exception {
        DataSource dataSource = db(database);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        AssignmentTally tally = new AssignmentTally(jdbc);
        AssignmentRepository repository = repository(jdbc, tally);
        TransactionTemplate transaction = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        TallyMaintenance maintenance = new TallyMaintenance(tally, transaction);
        int letters = 6;
        long first = directive(jdbc, "SU", letters);
        LocalDateTime t = LocalDateTime.of(2026, 11, 1, 8, 0);
        String around = "insert into assignment (directive_id, item_id, agency_code, role, deadline, phase, created_at)"
                + " values (?, ?, 'SUA', 'LEAD', ?, 'RECEIVED', ?)";

        ExecutorService pool = Executors.newFixedThreadPool(letters);
        List<Future<?>> writers = new ArrayList<>();
        for (int l = 0; l < letters; l++) {
            long directive = first + l;
            writers.add(pool.submit(() -> {
                for (String agency : List.of("SUB", "SUC")) {
                    for (int item = 1; item <= 3; item++) {
                        int position = item;
                        transaction.executeWithoutResult(s -> insert(repository, jdbc, directive, position, agency, D1, t));
                    }
                }
            }));
        }
        for (int check = 0; check < 2 * letters; check++) {
            if (check < letters) { // a row written around the repository: the check must rebuild
                jdbc.sql(around).params(first + check, item(jdbc, first + check, 1), D2, t).update();
            }
            maintenance.checkAtStartUp();
        }
        for (Future<?> writer : writers) {
            writer.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(jdbc.sql("select count(*) from assignment where agency_code like 'SU%'").query(Integer.class).single())
                .isEqualTo(letters * 7);
        assertEqual(tally, "start-up checks beside writers");
        assertThat(tally.consistent()).isTrue();
    }

    @org.junit.jupiter.api.Test
    void theMigrationFillsTheTallyFromExistingRows() {
        // An H2 database at V32 with assignments in every state, then migrated to V33 and on to V40.
        org.h2.jdbcx.JdbcDataSource dataSource = new org.h2.jdbcx.JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:tally-migration-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        new org.springframework.jdbc.datasource.init.ResourceDatabasePopulator(new org.springframework.core.io.ClassPathResource(
                "org/camunda/bpm/engine/db/create/activiti.h2.create.engine.sql")).execute(dataSource);
        org.flywaydb.core.api.configuration.FluentConfiguration flyway = org.flywaydb.core.Flyway.configure()
                .dataSource(dataSource).locations("classpath:db/migration").table("dt_schema_history")
                .baselineOnMigrate(true).baselineVersion("0");
        flyway.target("32").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        long first = directive(jdbc, "MG", 2);
        LocalDateTime t = LocalDateTime.of(2026, 11, 1, 8, 0);
        String insert = """
                insert into assignment (directive_id, item_id, agency_code, role, deadline, phase,
                                        result_submitted_at, completed_at, cancelled_at, created_at)
                values (?, ?, ?, 'LEAD', ?, 'IN_PROGRESS', ?, ?, ?, ?)""";
        jdbc.sql(insert).params(first, item(jdbc, first, 1), "MGA", D1, null, null, null, t).update();
        jdbc.sql(insert).params(first, item(jdbc, first, 1), "MGB", D1, t.plusDays(3), t.plusDays(4), null, t).update();
        jdbc.sql(insert).params(first, item(jdbc, first, 2), "MGA", D1, D1.plusDays(1).atTime(9, 0), D2.atTime(9, 0), null, t).update();
        jdbc.sql(insert).params(first, item(jdbc, first, 2), "MGB", null, null, null, null, t).update();
        jdbc.sql(insert).params(first + 1, item(jdbc, first + 1, 1), "MGC", D3, null, null, t.plusDays(2), t).update();
        jdbc.sql(insert).params(first + 1, item(jdbc, first + 1, 2), "MGC", D3, null, null, null, t).update();
        // V33 fills the tally, V40 the directive totals from it (before any fold: passed deadlines still open rows).
        flyway.target("40").load().migrate();

        AssignmentTally tally = new AssignmentTally(jdbc);
        assertThat(tally.latest()).isEqualTo(D2.atTime(9, 0));
        assertThat(tally.consistent()).isTrue();
        assertEqual(tally, "migrated");
        assertThat(tally.tallyAndLive().get(0)).containsExactly("MGA|1|null=1", "MGA|3|null=1", "MGB|0|null=1",
                "MGB|4|null=1", "MGC|2|2027-01-05=1", "MGC|5|null=1");
        // Before the first fold the passed deadline is still its own row; the fold makes it the overdue one.
        assertThat(jdbc.sql("select count(*) from assignment_tally_agency where state = 2").query(Integer.class).single()).isEqualTo(2);
        tally.fold(10);
        assertEqual(tally, "migrated, then folded");
        assertThat(jdbc.sql("select count(*) from assignment_tally_agency where state = 2").query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from assignment_tally_agency where state = 3").query(Integer.class).single()).isEqualTo(1);
    }

    private static AssignmentRepository repository(JdbcClient jdbc, AssignmentTally tally) {
        Clocks clocks = new Clocks(new TrackerProperties(null, null, ZoneId.of("Asia/Ho_Chi_Minh"), null, null, null));
        return new AssignmentRepository(jdbc, new DeadlineHistory(jdbc), clocks, tally);
    }

    /** Tally and recount equal, per agency and per directive, and not trivially. */
    private static void assertEqual(AssignmentTally tally, String after) {
        List<List<String>> lists = tally.tallyAndLive();
        assertThat(lists.get(1)).as(after).isNotEmpty();
        assertThat(lists.get(0)).as("per agency, " + after).isEqualTo(lists.get(1));
        assertThat(lists.get(2)).as("per directive, " + after).isEqualTo(lists.get(3));
        assertThat(lists.get(5)).as(after).isNotEmpty();
        assertThat(lists.get(4)).as("directive totals, " + after).isEqualTo(lists.get(5));
    }

    /** {@code count} directives with items 1–3 and agencies {@code prefix}A–C; answers the first id. */
    private static long directive(JdbcClient jdbc, String prefix, int count) {
        for (String suffix : List.of("A", "B", "C")) {
            jdbc.sql("insert into agency (code, kind, name, short_name) values (?, 'DEPARTMENT', ?, ?)")
                    .params(prefix + suffix, "Sở " + prefix + suffix, prefix + suffix).update();
        }
        long first = 0;
        for (int d = 0; d < count; d++) {
            jdbc.sql("""
                            insert into directive (doc_type, field_code, doc_number, subject, place, urgency, status, created_at)
                            values ('CHI_THI', 'VP', ?, 'Văn bản', 'Tỉnh', 'NORMAL', 'ISSUED', ?)""")
                    .params(prefix + d + "/CT-UBND", LocalDateTime.of(2026, 11, 1, 8, 0)).update();
            long id = jdbc.sql("select id from directive where doc_number = ?").param(prefix + d + "/CT-UBND")
                    .query(Long.class).single();
            first = d == 0 ? id : first;
            for (int p = 1; p <= 3; p++) {
                jdbc.sql("insert into directive_item (directive_id, position, label, content, ongoing) values (?, ?, ?, 'Việc', false)")
                        .params(id, p, Integer.toString(p)).update();
            }
        }
        return first;
    }

    private static long item(JdbcClient jdbc, long directive, int position) {
        return jdbc.sql("select id from directive_item where directive_id = ? and position = ?").params(directive, position)
                .query(Long.class).single();
    }

    private static void insert(AssignmentRepository repository, JdbcClient jdbc, long directive, int position, String agency,
            LocalDate deadline, LocalDateTime at) {
        assertThat(repository.insertIfAbsent(directive, item(jdbc, directive, position), agency, ResponsibleRole.LEAD,
                deadline, at)).isTrue();
    }

    private static long id(JdbcClient jdbc, long directive, int position, String agency) {
        return jdbc.sql("select id from assignment where item_id = ? and agency_code = ?")
                .params(item(jdbc, directive, position), agency).query(Long.class).single();
    }
}
