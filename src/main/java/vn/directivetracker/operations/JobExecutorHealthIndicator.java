package vn.directivetracker.operations;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * {@code jobExecutor} in /actuator/health (and the liveness group): whether this node's acquisition
 * thread runs — if it died, only a restart brings back fan-outs, timers and email rows — and how many
 * jobs are due, failed or locked. Jobs are counted over the whole database, like the gauges.
 */
@Component
class JobExecutorHealthIndicator extends AbstractHealthIndicator {

    private final ProcessEngine engine;
    private final ManagementService management;
    private final OperationsSettings settings;

    JobExecutorHealthIndicator(ProcessEngine engine, OperationsSettings settings) {
        super("Job executor health check failed");
        this.engine = engine;
        this.management = engine.getManagementService();
        this.settings = settings;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        boolean enabled = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).isJobExecutorActivate();
        boolean running = executor != null && executor.isActive();
        long due = dueJobs(management);
        health.withDetail("acquisitionRunning", running)
                .withDetail("dueJobs", due)
                .withDetail("failedJobs", management.createJobQuery().noRetriesLeft().count())
                .withDetail("lockTimeMillis", executor == null ? 0 : executor.getLockTimeInMillis());
        long threshold = settings.jobBacklogDownThreshold();
        if (enabled && !running) {
            health.down().withDetail("reason", "job acquisition is not running");
        } else if (threshold > 0 && due > threshold) {
            health.down().withDetail("reason", "more than " + threshold + " jobs are due");
        } else {
            health.up();
        }
    }

    /** Jobs whose time has come and which still have retries: work waiting for a job executor. */
    static long dueJobs(ManagementService management) {
        return management.createJobQuery().executable().count();
    }
}
