package vn.directivetracker.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import vn.directivetracker.support.IntegrationTest;

/**
 * ADR 31: the dispatcher's view of the engine's load reads the job executor the Camunda starter really
 * builds — with job execution on, as in production (every other test runs jobs itself). Its own context,
 * closed afterwards, so its job executor never runs another test's jobs.
 */
@TestPropertySource(properties = "camunda.bpm.job-execution.enabled=true")
@DirtiesContext
class JobExecutorLoadTest extends IntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired JobExecutorLoad load;
    @Autowired ProcessEngine engine;

    @Test
    void isSaturatedWhileEveryCoreThreadOfTheJobExecutorIsTakenAndNotOtherwise() throws Exception {
        var executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        assertThat(executor).isInstanceOf(SpringJobExecutor.class);
        var pool = (org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor) ((SpringJobExecutor) executor).getTaskExecutor();
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
