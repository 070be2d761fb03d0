package vn.directivetracker.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import vn.directivetracker.agency.AgencyRegistry;
import vn.directivetracker.directive.DirectiveIssuanceProcess;
import vn.directivetracker.directive.DirectiveRequest;
import vn.directivetracker.support.DirectiveFixtures;
import vn.directivetracker.support.EmbeddedPostgresConfig;
import vn.directivetracker.support.IntegrationTest;

/**
 * Issue 11, fan-out: before/after figures for one engineer's changes, not the official benchmark
 * ({@code bench/}, branch perf-bench). On zonky PostgreSQL 15 with the real job executor: the clerk's
 * click (completing {@code RegisterAndIssue}) → every assignment has its child, its acknowledgement
 * task and its notice in the outbox ({@link FanOutInvariants}); first one 170-assignment letter, then
 * 20 such letters issued at once. Rows written per assignment per table come from PostgreSQL's own
 * counters ({@code pg_stat_user_tables.n_tup_ins}: inserts, also of rows deleted since, such as jobs).
 * Prints figures, asserts only that the fan-out is complete (never a time). Not in {@code verify}
 * (surefire excludes *Benchmark*): {@code ./mvnw -B -o test -Dtest=FanOutBenchmark}.
 */
@Import(EmbeddedPostgresConfig.class)
@TestPropertySource(properties = {
        "camunda.bpm.job-execution.enabled=true",
        "logging.level.org.camunda.bpm.engine.jobexecutor=error"})
class FanOutBenchmark extends IntegrationTest {

    private static final int LETTERS_AT_ONCE = Integer.getInteger("bench.letters", 20);

    @Autowired AgencyRegistry registry;

    @Test
    void oneLetterThenTwentyAtOnce() {
        List<String> every = registry.expand("ALL_AGENCIES");
        List<String> sixteen = every.subList(0, 16);
        long perLetter = every.size() + sixteen.size();
        // Warm-up (JIT, caches, first deployment reads): a small letter, untimed.
        issueAndAwait(List.of(submitAndSign(letter("Khởi động", every.subList(0, 10), List.of()))), 10, "warm-up");

        Map<String, Long> before = inserts();
        long one = submitAndSign(letter("Một văn bản", every, sixteen));
        Result single = issueAndAwait(List.of(one), perLetter, "1 letter");
        Map<String, Long> afterOne = inserts();
        print("rows inserted per assignment, 1 letter", diff(before, afterOne), single.assignments());

        List<Long> many = new ArrayList<>();
        for (int i = 1; i <= LETTERS_AT_ONCE; i++) {
            many.add(submitAndSign(letter("Văn bản số " + i, every, sixteen)));
        }
        Map<String, Long> beforeMany = inserts();
        Map<String, Long> seqReadBefore = tableStat("seq_tup_read");
        Result burst = issueAndAwait(many, perLetter * LETTERS_AT_ONCE, LETTERS_AT_ONCE + " letters at once");
        print("rows inserted per assignment, " + LETTERS_AT_ONCE + " letters", diff(beforeMany, inserts()), burst.assignments());
        print("rows read by sequential scans per assignment, " + LETTERS_AT_ONCE + " letters",
                diff(seqReadBefore, tableStat("seq_tup_read")), burst.assignments());
        System.out.printf("[fan-out] SUMMARY single=%.2fs (%d) burst=%.2fs (%d) → %.0f assignments/s%n",
                single.seconds(), single.assignments(), burst.seconds(), burst.assignments(), burst.assignments() / burst.seconds());
    }

    private static DirectiveRequest letter(String subject, List<String> all, List<String> some) {
        return DirectiveFixtures.directive("V/v đo thời gian giao việc: " + subject, List.of("ALL_AGENCIES"),
                DirectiveFixtures.itemDueIn(10, "1", "Triển khai nhiệm vụ đo thời gian", all, List.of()),
                DirectiveFixtures.itemDueIn(15, "2", "Báo cáo kết quả đo thời gian", some, List.of()));
    }

    private record Result(double seconds, long assignments) {}

    /**
     * The clerk's clicks, then polling (cheap counts, every 50 ms) until every assignment has its task
     * and notice; {@link FanOutInvariants} (a heavier query) confirms each exactly once at the end.
     */
    private Result issueAndAwait(List<Long> letters, long expected, String label) {
        List<String> issuances = letters.stream().map(id -> directiveService.get(id).issuanceProcessInstanceId()).toList();
        String ids = letters.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
        double[] cpuBefore = cpuSeconds();
        long start = System.nanoTime();
        for (String pi : issuances) {
            complete(pi, DirectiveIssuanceProcess.Elements.REGISTER_AND_ISSUE, "vanthu", Map.of("registered", true));
        }
        long clicked = System.nanoTime();
        while (one("select count(*) from notification where dedup_key like 'assignment-received:%' and directive_id in (" + ids + ")") < expected
                || one("select count(*) from ACT_RU_TASK t join assignment a on a.process_instance_id = t.PROC_INST_ID_"
                        + " where t.TASK_DEF_KEY_ = 'AcknowledgeReceipt' and a.directive_id in (" + ids + ")") < expected) {
            if (System.nanoTime() - start > 900e9) {
                throw new AssertionError("fan-out not complete after 15 min: " + FanOutInvariants.read(jdbc, letters));
            }
            sleep(50);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double[] cpuAfter = cpuSeconds();
        FanOutInvariants state = FanOutInvariants.read(jdbc, letters);
        System.out.printf("[fan-out] %s: %d assignments, clicks %.2f s, click → all tasks and notices %.2f s (%.0f/s); "
                        + "CPU per assignment: JVM %.1f ms, PostgreSQL %.1f ms; %s%n",
                label, state.assignments(), (clicked - start) / 1e9, seconds, state.assignments() / seconds,
                (cpuAfter[0] - cpuBefore[0]) * 1000 / expected, (cpuAfter[1] - cpuBefore[1]) * 1000 / expected, state);
        assertThat(state.complete(expected)).as(state.toString()).isTrue();
        assertThat(state.incidents()).isZero();
        return new Result(seconds, state.assignments());
    }

    /**
     * CPU seconds used so far by this JVM and by the PostgreSQL server's processes (postmaster and
     * its children, from /proc): on a machine shared with other builds, less noisy than wall time.
     */
    private double[] cpuSeconds() {
        double jvm = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
        long postmaster = jdbc.sql("select pid from pg_stat_activity where backend_type = 'checkpointer'")
                .query(Long.class).optional()
                .flatMap(pid -> ProcessHandle.of(pid)).flatMap(ProcessHandle::parent).map(ProcessHandle::pid).orElse(-1L);
        double pg = 0;
        if (postmaster > 0) {
            pg += ticks(postmaster);
            for (ProcessHandle child : ProcessHandle.of(postmaster).map(p -> p.children().toList()).orElse(List.of())) {
                pg += ticks(child.pid());
            }
        }
        return new double[] {jvm, pg / 100.0};
    }

    /** utime + stime of a process in clock ticks (100 per second on Linux). */
    private static long ticks(long pid) {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
    }

    private long one(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** Inserts per table so far (PostgreSQL's cumulative statistics; flushed by idle backends within ~10 s). */
    private Map<String, Long> inserts() {
        sleep(12_000);
        jdbc.sql("select pg_stat_clear_snapshot()").query().singleRow();
        Map<String, Long> rows = new TreeMap<>();
        jdbc.sql("select relname, n_tup_ins from pg_stat_user_tables")
                .query((rs, n) -> rows.put(rs.getString(1).toLowerCase(), rs.getLong(2))).list();
        return rows;
    }

    /** One cumulative counter of pg_stat_user_tables per table (read right after {@link #inserts()}'s wait). */
    private Map<String, Long> tableStat(String column) {
        jdbc.sql("select pg_stat_clear_snapshot()").query().singleRow();
        Map<String, Long> values = new TreeMap<>();
        jdbc.sql("select relname, coalesce(" + column + ", 0) from pg_stat_user_tables")
                .query((rs, n) -> values.put(rs.getString(1).toLowerCase(), rs.getLong(2))).list();
        return values;
    }

    private static Map<String, Long> diff(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> d = new LinkedHashMap<>();
        after.forEach((table, n) -> {
            long delta = n - before.getOrDefault(table, 0L);
            if (delta > 0) {
                d.put(table, delta);
            }
        });
        return d;
    }

    private static void print(String title, Map<String, Long> inserted, long assignments) {
        long total = inserted.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder line = new StringBuilder();
        inserted.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> line.append(String.format(" %s=%.2f", e.getKey(), e.getValue() / (double) assignments)));
        System.out.printf("[fan-out] %s: total %.1f;%s%n", title, total / (double) assignments, line);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
