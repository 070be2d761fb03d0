package vn.directivetracker.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.directivetracker.support.DirectiveFixtures;
import vn.directivetracker.support.IntegrationTest;

/** Health groups, indicators and operator gauges of ADR 13, on the real application. */
class HealthAndGaugesTest extends IntegrationTest {

    @Autowired MeterRegistry meters;

    @SuppressWarnings("rawtypes")
    private Map health(String path) {
        return rest.withBasicAuth("admin", "demo").getForObject("/actuator/health" + path, Map.class);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private Map component(String name) {
        return (Map) ((Map) health("").get("components")).get(name);
    }

    private double gauge(String name, String... tags) {
        return meters.get(name).tags(tags).gauge().value();
    }

    @Test
    @SuppressWarnings("rawtypes")
    void livenessAndReadinessGroupsAnswerWithTheirComponents() {
        ResponseEntity<Map> liveness = rest.withBasicAuth("admin", "demo").getForEntity("/actuator/health/liveness", Map.class);
        ResponseEntity<Map> readiness = rest.withBasicAuth("admin", "demo").getForEntity("/actuator/health/readiness", Map.class);
        assertThat(liveness.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((Map) liveness.getBody().get("components")).containsOnlyKeys("livenessState", "jobExecutor");
        assertThat((Map) readiness.getBody().get("components")).containsOnlyKeys("readinessState", "db");
        // A probe (anonymous) gets the status and nothing about the components.
        ResponseEntity<Map> anonymous = rest.getForEntity("/actuator/health", Map.class);
        assertThat(anonymous.getBody()).doesNotContainKey("components");
        // SMTP is configured in tests (GreenMail): Spring Boot's mail indicator checks it is reachable.
        assertThat(((Map) health("").get("components"))).containsKeys("db", "jobExecutor", "jobBacklog", "mailOutbox", "mail");
    }

    @Test
    @SuppressWarnings("rawtypes")
    void aFailedEmailPutsTheOutboxOutOfServiceWithItsCountAndResendingBringsItBack() {
        submitAndIssue(DirectiveFixtures.smallDirective("V/v thử sức khỏe hộp thư " + System.nanoTime(), List.of("SNGV"), List.of()));
        long failedBefore = count("notification where status = 'FAILED'");
        long row = jdbc.sql("select max(id) from notification where status = 'PENDING'").query(Long.class).single();
        if (failedBefore == 0) {
            assertThat(component("mailOutbox").get("status")).isEqualTo("UP");
        }

        jdbc.sql("update notification set status = 'FAILED', attempts = 12, last_error = 'thử' where id = ?").param(row).update();
        Map outbox = component("mailOutbox");
        assertThat(outbox.get("status")).isEqualTo(Status.OUT_OF_SERVICE.getCode());
        assertThat(((Map) outbox.get("details")).get("failed")).isEqualTo((int) failedBefore + 1);
        assertThat(rest.getForEntity("/actuator/health", Map.class).getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        // A failed email does not take the node out of the load balancer.
        assertThat(rest.getForEntity("/actuator/health/readiness", Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);

        jdbc.sql("update notification set status = 'PENDING', attempts = 0 where id = ?").param(row).update();
        if (failedBefore == 0) {
            assertThat(component("mailOutbox").get("status")).isEqualTo("UP");
        }
    }

    @Test
    void dueJobsShowInTheGaugeAndTurnTheJobHealthDownAboveTheThreshold() {
        submitAndIssue(DirectiveFixtures.withDeadline("V/v thử tồn đọng công việc " + System.nanoTime(), List.of("SNGV"),
                LocalDate.now().plusMonths(2)));
        long due = JobBacklogHealthIndicator.dueJobs(managementService);
        double gaugeBefore = gauge("directive.tracker.jobs.due");
        JobBacklogHealthIndicator health = new JobBacklogHealthIndicator(managementService, new OperationsSettings(due + 1));
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);

        // Two timers come due: two more jobs waiting for an executor, one more than the threshold allows.
        List<Job> timers = managementService.createJobQuery().timers().duedateHigherThan(new Date()).list().subList(0, 2);
        for (Job timer : timers) {
            managementService.setJobDuedate(timer.getId(), new Date(System.currentTimeMillis() - 1000));
        }
        try {
            assertThat(gauge("directive.tracker.jobs.due")).isEqualTo(gaugeBefore + 2);
            Health down = health.health();
            assertThat(down.getStatus()).isEqualTo(Status.DOWN);
            assertThat(down.getDetails()).containsEntry("dueJobs", due + 2).containsKey("reason");
        } finally {
            timers.forEach(timer -> managementService.setJobDuedate(timer.getId(), timer.getDuedate()));
        }
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void anIncidentIncrementsTheIncidentGauge() {
        submitAndIssue(DirectiveFixtures.smallDirective("V/v thử sự cố " + System.nanoTime(), List.of("SNGV"), List.of()));
        String pi = jdbc.sql("select process_instance_id from assignment where id = (select max(id) from assignment)")
                .query(String.class).single();
        String execution = taskService.createTaskQuery().processInstanceId(pi).list().get(0).getExecutionId();
        double before = gauge("directive.tracker.incidents.open");
        Incident incident = runtimeService.createIncident("test-incident", execution, "thử", "Sự cố thử nghiệm");
        assertThat(gauge("directive.tracker.incidents.open")).isEqualTo(before + 1);
        runtimeService.resolveIncident(incident.getId());
        assertThat(gauge("directive.tracker.incidents.open")).isEqualTo(before);
    }

    @Test
    void openAndOverdueAssignmentsAreCountedByAgencyKind() {
        double openBefore = gauge("directive.tracker.assignments.open", "kind", "DEPARTMENT");
        double wardsBefore = gauge("directive.tracker.assignments.open", "kind", "WARD");
        double overdueBefore = gauge("directive.tracker.assignments.overdue", "kind", "DEPARTMENT");
        long id = submitAndIssue(DirectiveFixtures.withDeadline("V/v thử đếm nhiệm vụ " + System.nanoTime(),
                List.of("SNGV", "STC"), LocalDate.now().plusMonths(1)));
        assertThat(gauge("directive.tracker.assignments.open", "kind", "DEPARTMENT")).isEqualTo(openBefore + 2);
        assertThat(gauge("directive.tracker.assignments.open", "kind", "WARD")).isEqualTo(wardsBefore);

        jdbc.sql("update assignment set deadline = ? where directive_id = ? and agency_code = 'SNGV'")
                .param(LocalDate.now().minusDays(2)).param(id).update();
        assertThat(gauge("directive.tracker.assignments.overdue", "kind", "DEPARTMENT")).isEqualTo(overdueBefore + 1);
    }
}
