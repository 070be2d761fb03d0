package vn.directivetracker.delegation;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps delegations in step with the calendar: at start-up, just after midnight in the province
 * (a delegation ends with its last day) and every few minutes (a node that was down catches up).
 * {@code directive-tracker.delegation.sweep-cron: "-"} switches the periodic sweep off (tests run it
 * themselves).
 */
@Configuration
@EnableScheduling
@Order(40)
class DelegationSchedule implements ApplicationRunner {

    private final DelegationService delegations;

    DelegationSchedule(DelegationService delegations) {
        this.delegations = delegations;
    }

    @Override
    public void run(ApplicationArguments args) {
        delegations.synchronize();
    }

    @Scheduled(cron = "${directive-tracker.delegation.sweep-cron:5 0/5 * * * *}", zone = "${directive-tracker.time-zone}")
    void sweep() {
        delegations.synchronize();
    }
}
