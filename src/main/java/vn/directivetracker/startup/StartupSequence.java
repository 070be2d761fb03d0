package vn.directivetracker.startup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import vn.directivetracker.common.StartupStep;

/**
 * What is created at start, in order — the one place that says so. Each feature contributes a
 * {@link StartupStep}; this class runs them in {@link #ORDER} and logs each. Steps that are switched off
 * (demo users and the seed letter outside the embedded default) are simply absent. A step that is not
 * in {@link #ORDER} stops the start: a new step must be placed deliberately.
 */
@Component
class StartupSequence implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StartupSequence.class);

    static final List<String> ORDER = List.of(
            "role-groups",          // identity: the four provincial role groups
            "agency-registry",      // agency: agencies and sets, one Camunda group each for staff and heads
            "holidays",             // calendar: shipped holiday files into the holiday table
            "access-grants",        // access: every group's grants (after the groups exist)
            "task-grants-backfill", // access: task grants for tasks created before authorization was on
            "tasklist-filters",     // access: the shared Tasklist filters
            "demo-users",           // accounts: demo accounts (embedded default only)
            "seed-directive",       // directive: the seed letter (embedded default only)
            "delegations");         // delegation: delegations in step with today

    private final Map<String, StartupStep> steps = new LinkedHashMap<>();

    StartupSequence(List<StartupStep> steps) {
        List<String> unplaced = new ArrayList<>();
        for (StartupStep step : steps) {
            if (!ORDER.contains(step.name())) {
                unplaced.add(step.name());
            }
            this.steps.put(step.name(), step);
        }
        if (!unplaced.isEmpty()) {
            throw new IllegalStateException("Start-up steps missing from StartupSequence.ORDER: " + unplaced);
        }
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        for (String name : ORDER) {
            StartupStep step = steps.get(name);
            if (step == null) {
                log.info("Start-up: {} switched off", name);
                continue;
            }
            long started = System.nanoTime();
            step.run();
            log.info("Start-up: {} done in {} ms", name, (System.nanoTime() - started) / 1_000_000);
        }
    }
}
