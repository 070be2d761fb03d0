package vn.directivetracker.operations;

import org.camunda.bpm.engine.ManagementService;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * {@code jobBacklog} in /actuator/health (ADR 13): jobs due and not yet done, and jobs out of retries,
 * over the whole database; DOWN when more are due than
 * {@code directive-tracker.operations.job-backlog-down-threshold} (0: never). Not in a probe group:
 * a backlog is for an operator to look at, restarting or unrouting a node does not shorten it.
 */
@Component
class JobBacklogHealthIndicator extends AbstractHealthIndicator {

    private final ManagementService management;
    private final OperationsSettings settings;

    JobBacklogHealthIndicator(ManagementService management, OperationsSettings settings) {
        super("Job backlog health check failed");
        this.management = management;
        this.settings = settings;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        long due = dueJobs(management);
        health.withDetail("dueJobs", due).withDetail("failedJobs", management.createJobQuery().noRetriesLeft().count());
        long threshold = settings.jobBacklogDownThreshold();
        if (threshold > 0 && due > threshold) {
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
