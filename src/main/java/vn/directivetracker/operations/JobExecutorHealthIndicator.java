package vn.directivetracker.operations;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * {@code jobExecutor} in /actuator/health and the liveness group (ADR 13): whether this node's job
 * acquisition thread runs — if it died, only a restart brings back fan-outs, timers and async steps.
 * Reads no database, so a database outage (readiness's business) never makes a node look dead.
 */
@Component
class JobExecutorHealthIndicator extends AbstractHealthIndicator {

    private final ProcessEngineConfigurationImpl configuration;

    JobExecutorHealthIndicator(ProcessEngine engine) {
        super("Job executor health check failed");
        this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        JobExecutor executor = configuration.getJobExecutor();
        boolean running = executor != null && executor.isActive();
        health.withDetail("acquisitionRunning", running)
                .withDetail("lockTimeMillis", executor == null ? 0 : executor.getLockTimeInMillis());
        if (configuration.isJobExecutorActivate() && !running) {
            health.down().withDetail("reason", "job acquisition is not running");
        } else {
            health.up();
        }
    }
}
