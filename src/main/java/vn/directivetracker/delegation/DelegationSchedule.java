package vn.directivetracker.delegation;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import vn.directivetracker.common.StartupStep;

/**
 * Keeps delegations in step with the calendar: at start-up, just after midnight in the province
 * (a delegation ends with its last day) and every few minutes (a node that was down catches up).
 * {@code directive-tracker.delegation.sweep-cron: "-"} switches the periodic sweep off (tests run it
 * themselves).
 */
@Configuration
@EnableScheduling
class DelegationSchedule implements StartupStep {

    private final DelegationService delegations;

    DelegationSchedule(DelegationService delegations) {
        this.delegations = delegations;
    }

    @Override
    public String name() {
        return "delegations";
    }

    @Override
    public void run() {
        delegations.synchronize();
    }

    @Scheduled(cron = "${directive-tracker.delegation.sweep-cron:5 0/5 * * * *}", zone = "${directive-tracker.time-zone}")
    void sweep() {
        delegations.synchronize();
    }
}
