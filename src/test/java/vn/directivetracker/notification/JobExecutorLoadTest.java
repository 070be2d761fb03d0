package vn.directivetracker.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import vn.directivetracker.common.Clocks;
import vn.directivetracker.support.IntegrationTest;
import vn.directivetracker.support.Mails;
import vn.directivetracker.support.TestMailServer;

/**
 * ADR 31 with the real job executor and the real dispatcher thread, as in production (every other test
 * runs jobs and sends mail itself): the dispatcher's view of the engine's load reads the executor the
 * Camunda starter really builds, and the scheduled rounds leave fresh mail for later while it is
 * saturated, then send it once it is not. Its own context, closed afterwards, so its threads never touch
 * another test's jobs or mail.
 */
@TestPropertySource(properties = {
        "camunda.bpm.job-execution.enabled=true",
        "directive-tracker.mail.dispatcher.enabled=true",
        "directive-tracker.mail.dispatcher.interval=1s"})
@DirtiesContext
class JobExecutorLoadTest extends IntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired JobExecutorLoad load;
    @Autowired ProcessEngine engine;
    @Autowired Clocks clocks;
    @Autowired MeterRegistry meters;

    @Test
    void isSaturatedWhileEveryCoreThreadOfTheJobExecutorIsTakenAndNotOtherwise() throws Exception {
        ThreadPoolTaskExecutor pool = jobPool();
        awaitUntil("the job executor is idle", () -> !load.saturated());

        // One thread short of the core: not yet saturated.
        CountDownLatch release = new CountDownLatch(1);
        int core = pool.getCorePoolSize();
        assertThat(core).isGreaterThan(1);
        for (int i = 0; i < core - 1; i++) {
            pool.execute(() -> await(release));
        }
        awaitUntil("all but one core thread taken", () -> pool.getActiveCount() == core - 1);
        assertThat(load.saturated()).isFalse();

        pool.execute(() -> await(release));
        awaitUntil("every core thread taken", () -> pool.getActiveCount() == core);
        assertThat(load.saturated()).isTrue();

        release.countDown();
        awaitUntil("the job executor is idle again", () -> !load.saturated());
    }

    @Test
    void theDispatcherThreadLeavesFreshMailWhileTheExecutorIsSaturatedAndSendsItAfterwards() throws Exception {
        ThreadPoolTaskExecutor pool = jobPool();
        TestMailServer.start();
        awaitUntil("the job executor is idle", () -> !load.saturated());
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i < pool.getCorePoolSize(); i++) {
            pool.execute(() -> await(release));
        }
        awaitUntil("the job executor is saturated", load::saturated);
        String key = "yield-probe:" + System.nanoTime();
        try {
            // A row as written before ADR 21 (bodies included), so it needs no letter and no fan-out.
            jdbc.sql("""
                            insert into notification (dedup_key, event_type, recipient, subject, body_text, body_html, status,
                                attempts, next_attempt_at, created_at)
                            values (?, 'RESULT_ACCEPTED', 'sngv@example.gov.vn', 'Thử nhường máy', 'Nội dung thử',
                                '<p>Nội dung thử</p>', 'PENDING', 0, ?, ?)""")
                    .params(key, clocks.now(), clocks.now())
                    .update();
            double yielded = yieldedRounds();
            awaitUntil("two scheduled rounds yielded", () -> yieldedRounds() >= yielded + 2);
            assertThat(status(key)).isEqualTo("PENDING");
        } finally {
            release.countDown();
        }
        awaitUntil("the dispatcher thread sent the probe once the executor was free", () -> "SENT".equals(status(key)));
        assertThat(Mails.countByKey(TestMailServer.SMTP)).containsEntry(key, 1L);
    }

    /** The job executor's thread pool as the Camunda starter builds it: what {@link JobExecutorLoad} reads. */
    private ThreadPoolTaskExecutor jobPool() {
        var executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        assertThat(executor).isInstanceOf(SpringJobExecutor.class);
        assertThat(((SpringJobExecutor) executor).getTaskExecutor()).isInstanceOf(ThreadPoolTaskExecutor.class);
        return (ThreadPoolTaskExecutor) ((SpringJobExecutor) executor).getTaskExecutor();
    }

    private String status(String key) {
        return jdbc.sql("select status from notification where dedup_key = ?").param(key).query(String.class).single();
    }

    private double yieldedRounds() {
        var counter = meters.find("directive.tracker.mail.yielded.rounds").counter();
        return counter == null ? 0 : counter.count();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitUntil(String what, BooleanSupplier condition) throws InterruptedException {
        awaitUntil(what, PATIENCE, condition);
    }
}
