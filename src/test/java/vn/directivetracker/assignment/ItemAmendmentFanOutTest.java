package vn.directivetracker.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.directivetracker.assignment.AgencyAssignmentProcess.Elements.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.directivetracker.directive.DirectiveExecutionProcess;
import vn.directivetracker.support.DirectiveFixtures;
import vn.directivetracker.support.IntegrationTest;

/**
 * Item amendments that add or remove agencies change the running fan-out (directive.ExecutionFanOut)
 * in the shape of the instance's own process version: chunks (ADR 23) for letters issued now, the
 * one-level multi-instance for letters issued before the upgrade. In both the multi-instance
 * counters stay right: the directive reaches its evaluation once the remaining agencies are done.
 */
class ItemAmendmentFanOutTest extends IntegrationTest {

    private static final String BATCHES_BODY = DirectiveExecutionProcess.Elements.EXECUTE_ASSIGNMENT_BATCHES + "#multiInstanceBody";
    private static final String CALLS_BODY = DirectiveExecutionProcess.Elements.EXECUTE_ASSIGNMENTS + "#multiInstanceBody";

    @Autowired AssignmentRepository assignments;
    @Autowired RepositoryService repositoryService;

    @BeforeEach
    void monday30November() {
        deleteAllProcessInstances();
        DeadlineFollowUpTest.clockAt(LocalDateTime.of(2026, 11, 30, 9, 0));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        deleteAllProcessInstances();
    }

    @Test
    void anAddedAgencyGetsAChunkOfItsOwnAndRemovingItsOnlyChildCancelsTheChunk() {
        long id = issue();
        String execution = directiveService.get(id).executionProcessInstanceId();
        assertThat(counter(execution, BATCHES_BODY, "nrOfInstances")).isEqualTo(1);

        assertThat(amend(id, "{\"addLeadAgencies\":[\"SCT\"],\"reason\":\"Bổ sung đơn vị\"}")).isEqualTo(HttpStatus.OK);
        executeJobs();
        assertThat(task(agency(id, "SCT").processInstanceId(), ACKNOWLEDGE_RECEIPT)).isNotNull();
        assertThat(instances(execution, DirectiveExecutionProcess.Elements.EXECUTE_ASSIGNMENT_BATCHES)).hasSize(2);
        assertThat(counter(execution, BATCHES_BODY, "nrOfInstances")).isEqualTo(2);
        assertThat(counter(execution, BATCHES_BODY, "nrOfActiveInstances")).isEqualTo(2);
        assertThat(notices(agency(id, "SCT").id())).isEqualTo(1);

        // SCT is its chunk's only child: the chunk goes with it; STC leaves SNGV alone in the first chunk.
        assertThat(amend(id, "{\"removeAgencies\":[\"SCT\",\"STC\"],\"reason\":\"Phân công lại\"}")).isEqualTo(HttpStatus.OK);
        executeJobs();
        assertThat(agency(id, "SCT").cancelledAt()).isNotNull();
        assertThat(agency(id, "STC").cancelledAt()).isNotNull();
        assertThat(runtimeService.createProcessInstanceQuery().superProcessInstanceId(execution).list())
                .extracting(pi -> pi.getBusinessKey().substring(pi.getBusinessKey().lastIndexOf('/') + 1))
                .containsExactly("SNGV");
        assertThat(instances(execution, DirectiveExecutionProcess.Elements.EXECUTE_ASSIGNMENT_BATCHES)).hasSize(1);
        // Camunda counts a cancelled instance as started (nrOfInstances) but no longer active; the
        // body completes when no inner execution is left, which the evaluation task below shows.
        assertThat(counter(execution, BATCHES_BODY, "nrOfInstances")).isEqualTo(2);
        assertThat(counter(execution, BATCHES_BODY, "nrOfActiveInstances")).isEqualTo(1);

        finish(id, "SNGV");
        assertThat(task(execution, DirectiveExecutionProcess.Elements.EVALUATE_DIRECTIVE)).isNotNull();
    }

    @Test
    void aLetterIssuedBeforeTheUpgradeIsAmendedInItsOwnShape() {
        Deployment previous = repositoryService.createDeployment().name("directive-execution before ADR 23")
                .addClasspathResource("previous-models/directive-execution-before-adr23.bpmn").deploy();
        try {
            long id = issue();
            String execution = directiveService.get(id).executionProcessInstanceId();
            String definition = runtimeService.createProcessInstanceQuery().processInstanceId(execution).singleResult()
                    .getProcessDefinitionId();
            assertThat(repositoryService.getProcessDefinition(definition).getDeploymentId()).isEqualTo(previous.getId());
            assertThat(instances(execution, BATCHES_BODY)).isEmpty();
            assertThat(counter(execution, CALLS_BODY, "nrOfInstances")).isEqualTo(2);

            assertThat(amend(id, "{\"addCoordinatingAgencies\":[\"SCT\"],\"removeAgencies\":[\"STC\"],\"reason\":\"Phân công lại\"}"))
                    .isEqualTo(HttpStatus.OK);
            executeJobs();
            assertThat(task(agency(id, "SCT").processInstanceId(), ACKNOWLEDGE_RECEIPT)).isNotNull();
            assertThat(agency(id, "STC").cancelledAt()).isNotNull();
            assertThat(runtimeService.createProcessInstanceQuery().superProcessInstanceId(execution).list())
                    .extracting(pi -> pi.getBusinessKey().substring(pi.getBusinessKey().lastIndexOf('/') + 1))
                    .containsExactlyInAnyOrder("SNGV", "SCT");
            assertThat(instances(execution, DirectiveExecutionProcess.Elements.EXECUTE_ASSIGNMENTS)).hasSize(2);
            assertThat(counter(execution, CALLS_BODY, "nrOfInstances")).isEqualTo(3);
            assertThat(counter(execution, CALLS_BODY, "nrOfActiveInstances")).isEqualTo(2);

            finish(id, "SNGV");
            finish(id, "SCT");
            assertThat(task(execution, DirectiveExecutionProcess.Elements.EVALUATE_DIRECTIVE)).isNotNull();
        } finally {
            deleteAllProcessInstances();
            repositoryService.deleteDeployment(previous.getId(), true);
        }
        // Letters issued from now on get the chunked version again.
        long next = issue();
        assertThat(instances(directiveService.get(next).executionProcessInstanceId(), BATCHES_BODY)).hasSize(1);
    }

    @Test
    void anAmendmentWhileTheLettersChunksWaitForTheirJobsIsRefusedAndChangesNothing() {
        long id = submitAndIssueLeavingJobs(DirectiveFixtures.withDeadline("Đang giao " + System.nanoTime(), List.of("SNGV", "STC"),
                LocalDate.of(2026, 12, 18)));
        // Run the issuance up to the fan-out's body job, which has not run yet.
        while (directiveService.get(id).executionProcessInstanceId() == null) {
            managementService.executeJob(managementService.createJobQuery()
                    .processInstanceId(directiveService.get(id).issuanceProcessInstanceId()).executable().list().get(0).getId());
        }
        String execution = directiveService.get(id).executionProcessInstanceId();
        ResponseEntity<JsonNode> refused = as("dieuphoi").exchange("/api/directives/" + id + "/items/1", HttpMethod.PATCH,
                DeadlineApiTest.json("{\"addLeadAgencies\":[\"SCT\"],\"reason\":\"Bổ sung\"}"), JsonNode.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().toString()).contains("đang được giao");
        assertThat(assignments.ofDirective(id)).extracting(Assignment::agencyCode).containsExactlyInAnyOrder("SNGV", "STC");

        executeJobs();
        assertThat(runtimeService.createProcessInstanceQuery().superProcessInstanceId(execution).count()).isEqualTo(2);
    }

    private long issue() {
        return submitAndIssue(DirectiveFixtures.withDeadline("Điều chỉnh theo nhóm " + System.nanoTime(), List.of("SNGV", "STC"),
                LocalDate.of(2026, 12, 18)));
    }

    private HttpStatus amend(long id, String body) {
        return HttpStatus.valueOf(as("dieuphoi").exchange("/api/directives/" + id + "/items/1", HttpMethod.PATCH, DeadlineApiTest.json(body),
                JsonNode.class).getStatusCode().value());
    }

    private Assignment agency(long directiveId, String code) {
        return assignments.ofDirective(directiveId).stream().filter(a -> a.agencyCode().equals(code)).findFirst().orElseThrow();
    }

    private long notices(long assignmentId) {
        return jdbc.sql("select count(*) from notification where dedup_key like 'assignment-received:%' and assignment_id = ?")
                .param(assignmentId).query(Long.class).single();
    }

    private void finish(long directiveId, String agency) {
        String pi = agency(directiveId, agency).processInstanceId();
        String lower = agency.toLowerCase();
        complete(pi, ACKNOWLEDGE_RECEIPT, "cb" + lower, Map.of());
        complete(pi, REPORT_PROGRESS, "cb" + lower, Map.of(AgencyAssignmentProcess.Variables.PROGRESS_NOTE, "Xong",
                AgencyAssignmentProcess.Variables.PROGRESS_PERCENT, 100, AgencyAssignmentProcess.Variables.RESULT_READY, true));
        complete(pi, APPROVE_RESULT, "ld" + lower, Map.of(AgencyAssignmentProcess.Variables.HEAD_DECISION, "APPROVE"));
        complete(pi, REVIEW_RESULT, "dieuphoi", Map.of(AgencyAssignmentProcess.Variables.REVIEW_DECISION, "ACCEPT"));
        executeJobs();
    }

    private List<ActivityInstance> instances(String processInstanceId, String activityId) {
        List<ActivityInstance> found = new ArrayList<>();
        List<ActivityInstance> pending = new ArrayList<>(List.of(runtimeService.getActivityInstance(processInstanceId)));
        while (!pending.isEmpty()) {
            ActivityInstance instance = pending.remove(0);
            if (activityId.equals(instance.getActivityId())) {
                found.add(instance);
            }
            pending.addAll(List.of(instance.getChildActivityInstances()));
        }
        return found;
    }

    /** A multi-instance body's counter (nrOfInstances, nrOfActiveInstances), a local variable of the body's execution. */
    private int counter(String processInstanceId, String bodyId, String name) {
        List<ActivityInstance> bodies = instances(processInstanceId, bodyId);
        assertThat(bodies).hasSize(1);
        return ((Number) runtimeService.getVariableLocal(bodies.get(0).getExecutionIds()[0], name)).intValue();
    }
}
