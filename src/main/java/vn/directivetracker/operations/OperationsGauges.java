package vn.directivetracker.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.ManagementService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.directivetracker.agency.AgencyKind;
import vn.directivetracker.common.Clocks;

/**
 * Prometheus gauges for operators (ADR 13), read from the database at each scrape so every node
 * reports the same figures: {@code directive_tracker_assignments_open{kind}},
 * {@code directive_tracker_assignments_overdue{kind}} (open and past the deadline, province date),
 * {@code directive_tracker_incidents_open} and {@code directive_tracker_jobs_due}.
 */
@Component
class OperationsGauges implements MeterBinder {

    private static final String OPEN = """
            select count(*) from assignment a join agency g on g.code = a.agency_code
            where a.completed_at is null and a.cancelled_at is null and g.kind = ?""";

    private final JdbcClient jdbc;
    private final ManagementService management;
    private final Clocks clocks;

    OperationsGauges(JdbcClient jdbc, ManagementService management, Clocks clocks) {
        this.jdbc = jdbc;
        this.management = management;
        this.clocks = clocks;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (AgencyKind kind : AgencyKind.values()) {
            Gauge.builder("directive.tracker.assignments.open", () -> open(kind))
                    .description("Assignments not completed or cancelled, by agency kind")
                    .tag("kind", kind.name())
                    .register(registry);
            Gauge.builder("directive.tracker.assignments.overdue", () -> overdue(kind))
                    .description("Open assignments past their deadline, by agency kind")
                    .tag("kind", kind.name())
                    .register(registry);
        }
        // Root causes only: Camunda repeats a child's incident in every calling (parent) instance.
        Gauge.builder("directive.tracker.incidents.open", () -> jdbc.sql(
                        "select count(*) from ACT_RU_INCIDENT where ID_ = ROOT_CAUSE_INCIDENT_ID_").query(Long.class).single())
                .description("Camunda incidents waiting for a person (Cockpit), counted once per root cause")
                .register(registry);
        Gauge.builder("directive.tracker.jobs.due", () -> JobBacklogHealthIndicator.dueJobs(management))
                .description("Jobs due and not yet done (fan-out, timers, async steps)")
                .register(registry);
    }

    long open(AgencyKind kind) {
        return jdbc.sql(OPEN).param(kind.name()).query(Long.class).single();
    }

    long overdue(AgencyKind kind) {
        return jdbc.sql(OPEN + " and a.deadline < ?").param(kind.name()).param(clocks.today()).query(Long.class).single();
    }
}
