package vn.directivetracker.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import vn.directivetracker.directive.DirectiveRequest;
import vn.directivetracker.support.DirectiveFixtures;
import vn.directivetracker.support.EmbeddedPostgresConfig;
import vn.directivetracker.support.IntegrationTest;
import vn.directivetracker.support.Mails;
import vn.directivetracker.support.PgStatements;
import vn.directivetracker.support.TestMailServer;

/**
 * Issue 11 figure c, split into its two halves (perf-remind's component benchmark, ADR 25; not part
 * of verify: surefire excludes *Benchmark*). On zonky PostgreSQL 15 and GreenMail, with the real job
 * executor and dispatcher (application.yaml's settings, the dispatcher's default interval as in
 * {@code bench/}): two letters to every agency, ~N assignments each, fanned out by the job executor;
 * then the acknowledgement-reminder timers ({@code AcknowledgeOverdue}) are made due by
 * {@code UPDATE act_ru_job SET duedate_} (labelled: the clock is not moved).
 * <ol>
 *   <li><b>together</b> (letter 1): as {@code bench/ReminderScenario} — executor and dispatcher at once,
 *       until GreenMail has every reminder;</li>
 *   <li><b>apart</b> (letter 2): the dispatcher stopped while the executor writes every outbox row
 *       (jobs/s, rows/s), then the dispatcher alone until GreenMail has them (mails/s).</li>
 * </ol>
 * Per phase: JVM and PostgreSQL CPU per reminder (/proc of the server's processes), transactions,
 * table scans and rows written per reminder (PostgreSQL's statistics views), and a JFR profile of the
 * job threads and the mail threads (top methods). Run:
 * {@code ./mvnw -B -o test -Dtest=ReminderThroughputBenchmark -Dbench.reminders=2000}.
 * Asserts completeness only (every reminder exactly once), never a time.
 */
@Import(EmbeddedPostgresConfig.class)
@TestPropertySource(properties = {
        "camunda.bpm.job-execution.enabled=true",
        "directive-tracker.mail.dispatcher.enabled=true",
        "logging.level.org.camunda.bpm.engine.jobexecutor=warn",
        "logging.level.org.camunda.bpm.engine.context=error"})
class ReminderThroughputBenchmark extends IntegrationTest {

    private static final int REMINDERS = Integer.getInteger("bench.reminders", 2_000);
    private static final String KEY = "acknowledgement-reminder:";

    @Autowired
    private MailSchedule schedule;

    @Test
    void remindersTogetherThenApart() throws Exception {
        long first = fanOut("V/v đo nhắc xác nhận 1 ");
        long second = fanOut("V/v đo nhắc xác nhận 2 ");
        System.out.printf("BENCH remind: %d jobs in act_ru_job, %d open tasks%n",
                jdbc.sql("select count(*) from act_ru_job").query(Long.class).single(),
                jdbc.sql("select count(*) from act_ru_task").query(Long.class).single());

        // 1. Together, as the benchmark's figure c.
        int expected = expectedMails(first);
        Probe probe = Probe.start(this, "together");
        int timers = makeDue(first);
        double seconds = waitUntil(1800, () -> received() >= expected);
        probe.stop(timers, "all " + expected + " at GreenMail", seconds);
        assertEachOnce(expected);

        // 2. Apart: the executor alone, then the dispatcher alone.
        schedule.stop();
        TestMailServer.purge();
        int expected2 = expectedMails(second);
        probe = Probe.start(this, "executor alone");
        int timers2 = makeDue(second);
        double written = waitUntil(1800, () -> outboxRows(second) >= timers2);
        probe.stop(timers2, "every outbox row written", written);
        probe = Probe.start(this, "dispatcher alone");
        long started = System.nanoTime();
        mailDispatcher.dispatchDue();
        double sent = waitUntil(600, () -> received() >= expected2);
        probe.stop(expected2, "all " + expected2 + " at GreenMail (dispatchDue " + String.format("%.1f s", (System.nanoTime() - started) / 1e9) + ")", sent);
        assertEachOnce(expected2);
        schedule.start();
    }

    // ---------------------------------------------------------------------------------------------

    private long fanOut(String subject) throws InterruptedException {
        // As bench/OurLetters writes its letters: every agency named in the item, not a set code, so
        // an item carries ~150 responsible entries, as the benchmark's reminders do.
        List<String> agencies = jdbc.sql("select code from agency where active order by code").query(String.class).list();
        int items = Math.max(1, (REMINDERS + agencies.size() - 1) / agencies.size());
        List<DirectiveRequest.Item> list = new ArrayList<>();
        for (int i = 1; i <= items; i++) {
            list.add(DirectiveFixtures.itemDueIn(20, String.valueOf(i), "Nhiệm vụ đo nhắc xác nhận " + i,
                    agencies, List.of()));
        }
        long started = System.nanoTime();
        long id = submitAndIssueLeavingJobs(DirectiveFixtures.directive(subject + System.nanoTime(), List.of("ALL_AGENCIES"),
                list.toArray(DirectiveRequest.Item[]::new)));
        waitUntil(3600, () -> managementService.createJobQuery().executable().count() == 0
                && jdbc.sql("select count(*) from notification where status = 'PENDING'").query(Long.class).single() == 0);
        System.out.printf("BENCH remind: fan-out of %d assignments took %.1f s%n",
                jdbc.sql("select count(*) from assignment where directive_id = ?").param(id).query(Long.class).single(),
                (System.nanoTime() - started) / 1e9);
        TestMailServer.purge();
        return id;
    }

    private int expectedMails(long directiveId) {
        return jdbc.sql("""
                select count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_
                join assignment a on a.process_instance_id = j.process_instance_id_
                join agency ag on ag.code = a.agency_code
                where d.act_id_ = 'AcknowledgeOverdue' and a.directive_id = ? and ag.email is not null and ag.email <> ''""")
                .param(directiveId).query(Integer.class).single();
    }

    private int makeDue(long directiveId) {
        return jdbc.sql("""
                update act_ru_job set duedate_ = ? where id_ in (select j.id_ from act_ru_job j
                  join act_ru_jobdef d on d.id_ = j.job_def_id_
                  join assignment a on a.process_instance_id = j.process_instance_id_
                  where d.act_id_ = 'AcknowledgeOverdue' and a.directive_id = ?)""")
                .params(new Timestamp(System.currentTimeMillis()), directiveId).update();
    }

    private long outboxRows(long directiveId) {
        return jdbc.sql("select count(*) from notification where directive_id = ? and dedup_key like ?")
                .params(directiveId, KEY + "%").query(Long.class).single();
    }

    private static long received() {
        return TestMailServer.SMTP.getReceivedMessages().length;
    }

    private static double waitUntil(int maxSeconds, BooleanSupplier done) throws InterruptedException {
        long started = System.nanoTime();
        while (!done.getAsBoolean()) {
            if ((System.nanoTime() - started) / 1e9 > maxSeconds) {
                throw new AssertionError("not done within " + maxSeconds + " s");
            }
            Thread.sleep(100);
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private static void assertEachOnce(int expected) {
        Map<String, Long> byKey = Mails.countByKey(TestMailServer.SMTP);
        assertThat(byKey.keySet().stream().filter(k -> k.startsWith(KEY))).hasSize(expected);
        assertThat(byKey.entrySet().stream().filter(e -> e.getKey().startsWith(KEY)))
                .allSatisfy(e -> assertThat(e.getValue()).as(e.getKey()).isEqualTo(1));
    }

    /** CPU (JVM, PostgreSQL), database counters and a JFR profile over one phase. */
    private static final class Probe {
        private final ReminderThroughputBenchmark test;
        private final String name;
        private final double jvmCpu;
        private final double pgCpu;
        private final Map<String, Long> db;
        private final Map<String, Long> tables;
        private final Map<String, Long> metrics;
        private final Recording jfr;

        private Probe(ReminderThroughputBenchmark test, String name) throws Exception {
            this.test = test;
            this.name = name;
            this.db = test.databaseCounters();
            this.tables = test.tableCounters();
            this.metrics = test.jobMetrics();
            PgStatements.reset(test.jdbc);
            this.jfr = new Recording(Configuration.getConfiguration("profile"));
            jfr.start();
            this.jvmCpu = jvmCpuSeconds();
            this.pgCpu = test.postgresCpuSeconds();
        }

        static Probe start(ReminderThroughputBenchmark test, String name) throws Exception {
            return new Probe(test, name);
        }

        void stop(int items, String what, double seconds) throws IOException, InterruptedException {
            Thread.sleep(1500); // PostgreSQL flushes a backend's statistics at most once a second
            double jvm = jvmCpuSeconds() - jvmCpu;
            double pg = test.postgresCpuSeconds() - pgCpu;
            jfr.stop();
            Path file = Path.of("target", "remind-" + name.replace(' ', '-') + ".jfr");
            jfr.dump(file);
            jfr.close();
            Map<String, Long> db2 = test.databaseCounters();
            Map<String, Long> tables2 = test.tableCounters();
            System.out.printf("BENCH remind [%s]: %d reminders, %s after %.1f s = %.0f/s; CPU per reminder JVM %.2f ms, PostgreSQL %.2f ms; load %s%n",
                    name, items, what, seconds, items / seconds, jvm * 1000 / items, pg * 1000 / items, loadAverage());
            StringBuilder counters = new StringBuilder();
            db2.forEach((k, v) -> counters.append(String.format(" %s=%.2f", k, (v - db.getOrDefault(k, 0L)) / (double) items)));
            System.out.printf("BENCH remind [%s]: per reminder:%s%n", name, counters);
            StringBuilder perTable = new StringBuilder();
            tables2.entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), e.getValue() - tables.getOrDefault(e.getKey(), 0L)))
                    .filter(e -> e.getValue() >= items / 10)
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> perTable.append(String.format(" %s=%.2f", e.getKey(), e.getValue() / (double) items)));
            System.out.printf("BENCH remind [%s]: per reminder by table:%s%n", name, perTable);
            StringBuilder jobs = new StringBuilder();
            test.jobMetrics().forEach((k, v) -> jobs.append(String.format(" %s=%d", k, v - metrics.getOrDefault(k, 0L))));
            System.out.printf("BENCH remind [%s]: job executor (Camunda's metrics, this JVM):%s%n", name, jobs);
            PgStatements.print(test.jdbc, "remind " + name, items);
            profile(file);
        }

        private void profile(Path file) throws IOException {
            Map<String, Map<String, Integer>> top = new HashMap<>();
            Map<String, Map<String, Integer>> ours = new HashMap<>();
            Map<String, Integer> totals = new HashMap<>();
            for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                    continue;
                }
                String thread = event.getThread("sampledThread") == null ? "?" : event.getThread("sampledThread").getJavaName();
                String group = thread == null ? "?" : thread.startsWith("mail") || thread.equals("main") ? "mail" : thread.contains("camunda") || thread.contains("JobExecutor") ? "jobs"
                        : thread.startsWith("127.0.0.1:") ? "greenmail" : null;
                if (group == null) {
                    continue;
                }
                totals.merge(group, 1, Integer::sum);
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                if (!frames.isEmpty()) {
                    top.computeIfAbsent(group, g -> new HashMap<>()).merge(method(frames.get(0)), 1, Integer::sum);
                }
                // Inclusive: every distinct interesting frame on the stack once.
                java.util.Set<String> seen = new java.util.HashSet<>();
                for (RecordedFrame frame : frames) {
                    String m = method(frame);
                    if (interesting(m) && seen.add(m)) {
                        ours.computeIfAbsent(group, g -> new HashMap<>()).merge(m, 1, Integer::sum);
                    }
                }
            }
            for (String group : totals.keySet()) {
                int total = totals.get(group);
                System.out.printf("BENCH remind [%s] JFR %s: %d samples; top frames: %s%n", name, group, total, percent(top.get(group), total, 12));
                System.out.printf("BENCH remind [%s] JFR %s: inclusive: %s%n", name, group, percent(ours.get(group), total, 40));
            }
        }

        private static boolean interesting(String m) {
            return m.startsWith("vn.directivetracker") || m.contains("DbSqlSession.flush") || m.contains("ExecuteJobsRunnable")
                    || m.contains("executeJob") || m.contains("PgStatement.execute") || m.contains("thymeleaf.TemplateEngine.process")
                    || m.contains("Transport.sendMessage") || m.contains("HistoryEventProducer") || m.contains("DbEntityManager.flush")
                    || m.contains("TimerEntity") || m.contains("TimerExecuteNestedActivityJobHandler.execute")
                    || m.contains("CommandContext.close") || m.contains("AcquireJobsCmd") || m.contains("PgConnection.commit")
                    || m.contains("ensureExecutionTreeInitialized") || m.contains("TaskQueryImpl") || m.contains("IdentityService");
        }

        private static String percent(Map<String, Integer> counts, int total, int limit) {
            if (counts == null) {
                return "";
            }
            return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
                    .map(e -> String.format("%s %.1f%%", e.getKey(), 100.0 * e.getValue() / total))
                    .collect(Collectors.joining("; "));
        }

        private static String method(RecordedFrame frame) {
            return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
        }
    }

    /** The job executor's own counters (acquisition attempts, jobs acquired, rejected, executed), from memory. */
    private Map<String, Long> jobMetrics() {
        var registry = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
                .getMetricsRegistry();
        Map<String, Long> m = new LinkedHashMap<>();
        for (String name : List.of(org.camunda.bpm.engine.management.Metrics.JOB_ACQUISITION_ATTEMPT,
                org.camunda.bpm.engine.management.Metrics.JOB_ACQUIRED_SUCCESS,
                org.camunda.bpm.engine.management.Metrics.JOB_ACQUIRED_FAILURE,
                org.camunda.bpm.engine.management.Metrics.JOB_EXECUTION_REJECTED,
                org.camunda.bpm.engine.management.Metrics.JOB_SUCCESSFUL,
                org.camunda.bpm.engine.management.Metrics.JOB_FAILED)) {
            var meter = registry.getDbMeterByName(name);
            m.put(name, meter == null ? -1 : meter.get());
        }
        return m;
    }

    private Map<String, Long> databaseCounters() {
        return jdbc.sql("""
                select xact_commit, xact_rollback, tup_returned, tup_fetched, tup_inserted, tup_updated, tup_deleted
                from pg_stat_database where datname = current_database()""")
                .query((rs, n) -> {
                    Map<String, Long> m = new LinkedHashMap<>();
                    for (String c : List.of("xact_commit", "xact_rollback", "tup_returned", "tup_fetched", "tup_inserted",
                            "tup_updated", "tup_deleted")) {
                        m.put(c, rs.getLong(c));
                    }
                    return m;
                }).single();
    }

    /** Per table: scans (seq + index: about one per statement that reads it) and rows written. */
    private Map<String, Long> tableCounters() {
        jdbc.sql("select pg_stat_clear_snapshot()").query().singleValue();
        Map<String, Long> m = new LinkedHashMap<>();
        jdbc.sql("""
                select relname, coalesce(seq_scan, 0) + coalesce(idx_scan, 0), n_tup_ins, n_tup_upd, n_tup_del,
                    coalesce(seq_tup_read, 0)
                from pg_stat_user_tables""")
                .query(rs -> {
                    String t = rs.getString(1).toLowerCase();
                    m.put(t + ".scans", rs.getLong(2));
                    m.put(t + ".ins", rs.getLong(3));
                    m.put(t + ".upd", rs.getLong(4));
                    m.put(t + ".del", rs.getLong(5));
                    m.put(t + ".seqread", rs.getLong(6));
                });
        return m;
    }

    /** CPU of this test's PostgreSQL server: its postmaster, live children and reaped children (/proc). */
    private double postgresCpuSeconds() {
        try {
            long backend = jdbc.sql("select pg_backend_pid()").query(Long.class).single();
            long postmaster = Long.parseLong(stat(backend)[3]);
            String[] pm = stat(postmaster);
            long ticks = Long.parseLong(pm[13]) + Long.parseLong(pm[14]) + Long.parseLong(pm[15]) + Long.parseLong(pm[16]);
            try (var procs = Files.list(Path.of("/proc"))) {
                for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    try {
                        String[] s = stat(Long.parseLong(p.getFileName().toString()));
                        if (Long.parseLong(s[3]) == postmaster) {
                            ticks += Long.parseLong(s[13]) + Long.parseLong(s[14]);
                        }
                    } catch (IOException | RuntimeException gone) {
                        // exited meanwhile
                    }
                }
            }
            return ticks / 100.0;
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    /** Fields of /proc/pid/stat, the command name (which may hold spaces) taken out: [0]=pid, [3]=ppid, [13]=utime. */
    private static String[] stat(long pid) throws IOException {
        String s = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        String rest = s.substring(s.lastIndexOf(')') + 2);
        String[] f = rest.split(" ");
        String[] all = new String[f.length + 2];
        all[0] = String.valueOf(pid);
        all[1] = "comm";
        System.arraycopy(f, 0, all, 2, f.length);
        return all;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    private static double jvmCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }
}
