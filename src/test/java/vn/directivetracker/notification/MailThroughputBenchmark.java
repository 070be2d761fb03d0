package vn.directivetracker.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import vn.directivetracker.directive.DirectiveRequest;
import vn.directivetracker.support.DirectiveFixtures;
import vn.directivetracker.support.EmbeddedPostgresConfig;
import vn.directivetracker.support.IntegrationTest;
import vn.directivetracker.support.Mails;
import vn.directivetracker.support.TestMailServer;

/**
 * Issue 11, perf-mail's before/after figures (not the official benchmark, which lives on perf-bench;
 * not part of verify: surefire excludes *Benchmark*). On a real PostgreSQL 15 (zonky) and GreenMail,
 * with the real job executor (application.yaml's settings) and, for the reminders, the real
 * dispatcher thread:
 * <ul>
 *   <li>{@code dispatcherAlone}: N PENDING rows (copies of one real assignment email, bulk-inserted by
 *       SQL — labelled as such), timed through {@link MailDispatcher#dispatchDue()} until GreenMail has
 *       every one;</li>
 *   <li>{@code remindersDueTheSameMorning}: a letter to every agency with enough items for ~N
 *       assignments, fanned out by the job executor; then every due-soon timer job is made due now by
 *       {@code UPDATE act_ru_job SET duedate_} (labelled: the clock is not moved), and the time until
 *       GreenMail has every due-soon reminder is measured.</li>
 * </ul>
 * Run: {@code ./mvnw -B -o test -Dtest=MailThroughputBenchmark -Dbench.rows=10000 -Dbench.assignments=2000}.
 * Prints figures; asserts only completeness (every email once), never a time.
 */
@Import(EmbeddedPostgresConfig.class)
@TestPropertySource(properties = {
        "camunda.bpm.job-execution.enabled=true",
        "directive-tracker.mail.dispatcher.enabled=true",
        "directive-tracker.mail.dispatcher.interval=1s",
        "logging.level.org.camunda.bpm.engine.jobexecutor=warn"})
class MailThroughputBenchmark extends IntegrationTest {

    private static final int ROWS = Integer.getInteger("bench.rows", 10_000);
    private static final int ASSIGNMENTS = Integer.getInteger("bench.assignments", 2_000);

    @Test
    void dispatcherAlone() throws Exception {
        stopBackgroundDispatch();
        waitUntilOutboxEmpty();
        TestMailServer.purge();
        // A real email to copy: the assignment notice of a small letter — its stored model, so the
        // dispatcher renders each copy as it would a real row (ADR 21).
        submitIssueAndWait(DirectiveFixtures.smallDirective("V/v đo tốc độ gửi thư " + System.nanoTime(), List.of("SNGV"), List.of()));
        waitUntilOutboxEmpty();
        TestMailServer.purge();
        long template = jdbc.sql("select max(id) from notification where event_type = 'ASSIGNMENT_RECEIVED'").query(Long.class).single();
        LocalDateTime due = LocalDateTime.now().minusMinutes(1);
        long started = System.nanoTime();
        int inserted = jdbc.sql("""
                        insert into notification (dedup_key, event_type, recipient, subject, mail_model, status,
                            attempts, next_attempt_at, directive_id, assignment_id, task_id, created_at)
                        select 'bench-dispatch:' || g, event_type, 'bench' || (g % 170) || '@example.gov.vn', subject, mail_model,
                            'PENDING', 0, ?, directive_id, assignment_id, task_id, created_at
                        from notification, generate_series(1, ?) g where id = ?""")
                .params(due, ROWS, template).update();
        System.out.printf("BENCH dispatcherAlone: %d rows bulk-inserted (SQL, labelled) in %.1f s%n", inserted, seconds(started));
        double cpuStart = jvmCpuSeconds();
        started = System.nanoTime();
        int sent = mailDispatcher.dispatchDue();
        double took = seconds(started);
        int received = waitForReceived("bench-dispatch:", ROWS, 600);
        System.out.printf("BENCH dispatcherAlone: %d rows -> SMTP in %.1f s (%.0f/s); GreenMail has %d (%.1f s); "
                + "JVM CPU per email (dispatcher and GreenMail): %.2f ms%n",
                sent, took, sent / took, received, seconds(started), (jvmCpuSeconds() - cpuStart) * 1000 / received);
        assertThat(received).isEqualTo(ROWS);
        assertEachOnce("bench-dispatch:");
    }

    @Test
    void remindersDueTheSameMorning() throws Exception {
        int agencies = jdbc.sql("select count(*) from agency").query(Integer.class).single();
        int items = Math.max(1, (ASSIGNMENTS + agencies - 1) / agencies);
        List<DirectiveRequest.Item> list = new ArrayList<>();
        for (int i = 1; i <= items; i++) {
            list.add(DirectiveFixtures.itemDueIn(20, String.valueOf(i), "Nhiệm vụ đo tốc độ nhắc việc " + i,
                    List.of("ALL_AGENCIES"), List.of()));
        }
        long started = System.nanoTime();
        submitIssueAndWait(DirectiveFixtures.directive("V/v đo tốc độ nhắc việc " + System.nanoTime(), List.of("ALL_AGENCIES"),
                list.toArray(DirectiveRequest.Item[]::new)));
        long children = jdbc.sql("select count(*) from assignment where deadline is not null").query(Long.class).single();
        System.out.printf("BENCH reminders: fan-out of %d assignments (%d items) took %.1f s%n", children, items, seconds(started));
        waitUntilOutboxEmpty();
        TestMailServer.purge();

        // Labelled: the timers are made due by SQL, not by moving the clock.
        double cpuStart = jvmCpuSeconds();
        started = System.nanoTime();
        int timers = jdbc.sql("""
                        update act_ru_job set duedate_ = ? where handler_type_ = 'timer-intermediate-transition'
                          and handler_cfg_ like 'DueSoon%'""")
                .param(java.sql.Timestamp.valueOf(LocalDateTime.now().minusSeconds(1))).update();
        for (int i = 0; i < 900 && outboxRows("due-soon-reminder:%") < timers; i++) {
            Thread.sleep(1000);
        }
        double cpuWritten = jvmCpuSeconds();
        System.out.printf("BENCH reminders: every reminder's outbox row written (job executor) after %.1f s%n", seconds(started));
        int received = waitForReceived("due-soon-reminder:", timers, 900);
        double took = seconds(started);
        double cpuReceived = jvmCpuSeconds();
        System.out.printf("BENCH reminders: JVM CPU per reminder: %.1f ms until every row written, %.1f ms until all at GreenMail%n",
                (cpuWritten - cpuStart) * 1000 / timers, (cpuReceived - cpuStart) * 1000 / timers);
        Map<String, Long> byEvent = Mails.countByKey(TestMailServer.SMTP).keySet().stream()
                .collect(java.util.stream.Collectors.groupingBy(k -> k.split(":")[0], java.util.stream.Collectors.counting()));
        System.out.println("BENCH reminders: received by kind " + byEvent);
        System.out.printf("BENCH reminders: %d due-soon timers made due (SQL UPDATE act_ru_job.duedate_) -> %d emails at GreenMail in %.1f s (%.0f/s)%n",
                timers, received, took, received / took);
        assertThat(timers).isEqualTo((int) children);
        assertThat(received).isEqualTo(timers);
        assertEachOnce("due-soon-reminder:");
    }

    // ---------------------------------------------------------------------------------------------

    private long outboxRows(String keyPattern) {
        return jdbc.sql("select count(*) from notification where dedup_key like ?").param(keyPattern).query(Long.class).single();
    }

    private void submitIssueAndWait(DirectiveRequest request) throws InterruptedException {
        submitAndIssueLeavingJobs(request);
        for (int i = 0; i < 3600; i++) {
            if (managementService.createJobQuery().executable().count() == 0) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("jobs still due after 30 min");
    }

    private void waitUntilOutboxEmpty() throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            if (jdbc.sql("select count(*) from notification where status = 'PENDING' and next_attempt_at <= ?")
                    .param(LocalDateTime.now()).query(Long.class).single() == 0) {
                return;
            }
            if (!backgroundDispatch) {
                mailDispatcher.dispatchDue();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("outbox not emptied");
    }

    private boolean backgroundDispatch = true;

    /** The dispatcher-alone figure times dispatchDue() on this thread, without the background one. */
    private void stopBackgroundDispatch() {
        backgroundDispatch = false;
        mailScheduleStop.run();
    }

    @org.springframework.beans.factory.annotation.Autowired
    void schedule(MailSchedule schedule) {
        mailScheduleStop = schedule::stop;
    }

    private Runnable mailScheduleStop = () -> {};

    private static int waitForReceived(String keyPrefix, int expected, int maxSeconds) throws InterruptedException {
        int count = 0;
        for (int i = 0; i < maxSeconds; i++) {
            // Cheap total first; the keys are read only once enough messages arrived.
            if (TestMailServer.SMTP.getReceivedMessages().length >= expected && (count = countReceived(keyPrefix)) >= expected) {
                return count;
            }
            Thread.sleep(1000);
        }
        return countReceived(keyPrefix);
    }

    private static int countReceived(String keyPrefix) {
        return (int) Mails.received(TestMailServer.SMTP).stream().filter(m -> Mails.key(m).startsWith(keyPrefix)).count();
    }

    private static void assertEachOnce(String keyPrefix) {
        Map<String, Long> byKey = Mails.countByKey(TestMailServer.SMTP);
        assertThat(byKey.entrySet().stream().filter(e -> e.getKey().startsWith(keyPrefix)))
                .allSatisfy(e -> assertThat(e.getValue()).as(e.getKey()).isEqualTo(1));
    }

    /** CPU seconds this JVM used so far: on a machine shared with other builds, less noisy than wall time. */
    private static double jvmCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
