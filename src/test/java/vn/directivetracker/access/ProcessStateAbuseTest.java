package vn.directivetracker.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.directivetracker.assignment.AgencyAssignmentProcess.Elements.ACKNOWLEDGE_RECEIPT;
import static vn.directivetracker.assignment.AgencyAssignmentProcess.Elements.APPROVE_RESULT;
import static vn.directivetracker.assignment.AgencyAssignmentProcess.Elements.DECIDE_EXTENSION;
import static vn.directivetracker.assignment.AgencyAssignmentProcess.Elements.REPORT_PROGRESS;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import vn.directivetracker.assignment.Assignment;
import vn.directivetracker.assignment.AssignmentRepository;
import vn.directivetracker.support.DirectiveFixtures;
import vn.directivetracker.support.IntegrationTest;

/**
 * DESIGN §6, the server side: even if a process variable were overwritten (here directly through
 * the Java API, the door the REST guard does not cover), the assignment, agency, head group and
 * extension decider still come from our tables by process instance id. And an object variable of a
 * caller-chosen Java type is never deserialized.
 */
class ProcessStateAbuseTest extends IntegrationTest {

    @Autowired AssignmentRepository assignments;

    @Test
    void overwrittenVariablesDoNotRedirectReportsApprovalsOrDecisions() {
        long directiveId = submitAndIssue(DirectiveFixtures.withDeadline("Biến quy trình giả mạo",
                List.of("STC", "SNGV"), LocalDate.now().plusMonths(2)));
        Assignment own = agency(directiveId, "STC");
        Assignment other = agency(directiveId, "SNGV");
        complete(own.processInstanceId(), ACKNOWLEDGE_RECEIPT, "cbstc", Map.of("acknowledged", true));
        String otherBefore = rows("select * from assignment where id = " + other.id())
                + rows("select * from progress_report where assignment_id = " + other.id());

        runtimeService.setVariables(own.processInstanceId(), Map.of(
                "assignmentId", other.id(), "directiveId", -1L, "agencyCode", "SNGV", "agencyHeadGroup", "STC",
                "extensionDeciderGroup", "STC"));
        complete(own.processInstanceId(), REPORT_PROGRESS, "cbstc", Map.of(
                "progressNote", "Đã hoàn thành", "progressPercent", 100L, "resultReady", true));

        assertThat(rows("select note from progress_report where assignment_id = " + own.id())).contains("Đã hoàn thành");
        assertThat(rows("select * from assignment where id = " + other.id())
                + rows("select * from progress_report where assignment_id = " + other.id())).isEqualTo(otherBefore);
        // The approval goes to STC's heads, not to the officers the variable named.
        assertThat(candidateGroups(own.processInstanceId(), APPROVE_RESULT)).containsExactly("STChead");

        complete(own.processInstanceId(), APPROVE_RESULT, "ldstc", Map.of("headDecision", "RETURN", "headComment", "Bổ sung"));
        runtimeService.setVariable(own.processInstanceId(), "extensionDeciderGroup", "STC");
        complete(own.processInstanceId(), REPORT_PROGRESS, "cbstc", Map.of(
                "progressNote", "Xin gia hạn", "progressPercent", 50L, "resultReady", false, "requestExtension", true,
                "requestedDeadline", LocalDate.now().plusMonths(3).toString(), "extensionReason", "Chờ kinh phí"));
        // Who decides is what the request recorded, not the variable.
        String decider = jdbc.sql("select decider_group from extension_request where assignment_id = ?")
                .param(own.id()).query(String.class).single();
        assertThat(decider).isIn("coordinator", "provincialleader");
        assertThat(candidateGroups(own.processInstanceId(), DECIDE_EXTENSION)).containsExactly(decider);
    }

    @Test
    void anObjectVariableOfAForeignTypeIsNeverDeserialized() {
        long directiveId = submitAndIssue(DirectiveFixtures.smallDirective("Kiểu đối tượng lạ", List.of("STC"), List.of()));
        String pi = agency(directiveId, "STC").processInstanceId();
        // Even the administrator, whom the REST guard lets through, cannot make the engine build a URL.
        ResponseEntity<String> put = Probe.put("/engine-rest/engine/" + processEngine.getName() + "/process-instance/" + pi
                        + "/variables/gadget", "{\"value\":\"\\\"http://attacker.example/\\\"\",\"type\":\"Object\","
                        + "\"valueInfo\":{\"objectTypeName\":\"java.net.URL\",\"serializationDataFormat\":\"application/json\"}}")
                .send(rest.withBasicAuth("admin", "demo"));
        if (put.getStatusCode().is2xxSuccessful()) {
            assertThatThrownBy(() -> runtimeService.getVariable(pi, "gadget")).hasMessageContaining("java.net.URL");
        } else {
            assertThat(put.getStatusCode().value()).as(put.getBody()).isBetween(400, 499);
            assertThat((Object) runtimeService.getVariableTyped(pi, "gadget", false)).isNull();
        }
    }

    private List<String> candidateGroups(String processInstanceId, String taskKey) {
        return taskService.getIdentityLinksForTask(task(processInstanceId, taskKey).getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .toList();
    }

    private String rows(String sql) {
        return jdbc.sql(sql).query().listOfRows().toString();
    }

    private Assignment agency(long directiveId, String code) {
        return assignments.ofDirective(directiveId).stream().filter(a -> a.agencyCode().equals(code)).findFirst().orElseThrow();
    }
}
