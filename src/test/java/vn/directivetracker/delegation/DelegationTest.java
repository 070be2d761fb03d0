package vn.directivetracker.delegation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.directivetracker.assignment.AgencyAssignmentProcess.Elements.*;
import static vn.directivetracker.assignment.AgencyAssignmentProcess.Variables.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Comment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.directivetracker.assignment.AssignmentRepository;
import vn.directivetracker.common.Clocks;
import vn.directivetracker.support.DirectiveFixtures;
import vn.directivetracker.support.IntegrationTest;

/**
 * "Ủy quyền": the head of Sở Ngoại vụ (ldsngv) is away and names an officer of the agency (cbsngv) as
 * deputy. Within the dates the deputy sees and completes the head's approvals — also ones created
 * after the delegation began — and the record names both; after the last day, or once cancelled,
 * the deputy can neither see nor act on them any more.
 */
class DelegationTest extends IntegrationTest {

    @Autowired AssignmentRepository assignments;
    @Autowired DelegationService delegations;
    @Autowired AuthorizationService authorizationService;
    @Autowired Clocks clocks;

    @AfterEach
    void endDelegationsAndRestoreTheClock() {
        ClockUtil.reset();
        delegations.all().stream().filter(d -> d.cancelledAt() == null).forEach(d -> delegations.cancel(d.id(), "admin"));
    }

    @Test
    void deputyWorksTheAbsentHeadsTasksOnlyWithinTheDatesAndTheRecordNamesBoth() throws Exception {
        String before = awaitingHeadApproval("Ủy quyền: trước khi đi vắng");
        assertThat(visibleTo("cbsngv", before)).as("an officer does not see the head's approval").isZero();
        assertThat(engine("cbsngv", HttpMethod.POST, "/task/" + before + "/claim", "{\"userId\":\"cbsngv\"}")).isEqualTo(403);

        LocalDate today = clocks.today();
        ResponseEntity<JsonNode> created = delegate("ldsngv", "cbsngv", today, today.plusDays(1));
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        long id = created.getBody().get("id").asLong();
        assertThat(created.getBody().get("status").asText()).isEqualTo("ACTIVE");

        // Open tasks are offered at once, new ones as they are created; another agency still sees nothing.
        String during = awaitingHeadApproval("Ủy quyền: trong thời gian đi vắng");
        assertThat(visibleTo("cbsngv", before)).isEqualTo(1);
        assertThat(visibleTo("cbsngv", during)).isEqualTo(1);
        assertThat(visibleTo("cbstc", during)).isZero();
        assertThat(listedIn("cbsngv", "Việc được ủy quyền")).contains(before, during);

        String pi = taskService.createTaskQuery().taskId(before).singleResult().getProcessInstanceId();
        assertThat(engine("cbsngv", HttpMethod.POST, "/task/" + before + "/claim", "{\"userId\":\"cbsngv\"}")).isEqualTo(204);
        assertThat(engine("cbsngv", HttpMethod.POST, "/task/" + before + "/complete",
                "{\"variables\":{\"headDecision\":{\"value\":\"APPROVE\"}}}")).isEqualTo(204);
        assertThat(taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey(REVIEW_RESULT).count()).isEqualTo(1);

        JsonNode record = as("ldsngv").getForObject("/api/delegations/" + id, JsonNode.class);
        assertThat(record.get("delegator").get("name").asText()).isEqualTo("Lãnh đạo Sở Ngoại vụ");
        assertThat(record.get("deputy").get("name").asText()).isEqualTo("Cán bộ Sở Ngoại vụ");
        assertThat(record.get("actions")).extracting(a -> a.get("action").asText() + " " + a.get("actedBy").get("id").asText()
                        + " for " + a.get("actedFor").get("id").asText())
                .containsExactly("CLAIM cbsngv for ldsngv", "COMPLETE cbsngv for ldsngv");
        assertThat(record.get("actions").get(1).get("summary").asText())
                .isEqualTo("Cán bộ Sở Ngoại vụ hoàn thành «Lãnh đạo đơn vị duyệt kết quả» thay Lãnh đạo Sở Ngoại vụ");
        assertThat(taskService.getTaskComments(before)).extracting(Comment::getFullMessage)
                .singleElement().asString().contains("Cán bộ Sở Ngoại vụ (cbsngv) hoàn thành thay Lãnh đạo Sở Ngoại vụ (ldsngv)",
                        "ủy quyền số " + id);
        // The deputy claims the second approval but is still at it when the delegation ends.
        assertThat(engine("cbsngv", HttpMethod.POST, "/task/" + during + "/claim", "{\"userId\":\"cbsngv\"}")).isEqualTo(204);

        moveClockTo(today.plusDays(2));
        // Before the sweep has run the engine itself refuses the deputy's action, in Java as over REST ...
        assertThatThrownBy(() -> asUser("cbsngv", () -> taskService.complete(during, Map.of(HEAD_DECISION, "APPROVE"))))
                .hasMessageContaining("đã kết thúc");
        ResponseEntity<String> refused = as("cbsngv").exchange(engineRest("/task/" + during + "/complete"), HttpMethod.POST,
                json("{\"variables\":{\"headDecision\":{\"value\":\"APPROVE\"}}}"), String.class);
        // Camunda's REST API answers a listener's refusal with 500 and the reason (ADR 6, consequences).
        assertThat(refused.getStatusCode().value()).isEqualTo(500);
        assertThat(refused.getBody()).contains("đã kết thúc");
        assertThat(taskService.createTaskQuery().taskId(during).count()).isEqualTo(1);
        // ... and the sweep withdraws the offer: the task goes back to the agency heads, the grant is gone.
        delegations.synchronize();
        assertThat(taskService.createTaskQuery().taskId(during).singleResult().getAssignee()).isNull();
        assertThat(visibleTo("cbsngv", during)).isZero();
        assertThat(engine("cbsngv", HttpMethod.POST, "/task/" + during + "/claim", "{\"userId\":\"cbsngv\"}")).isEqualTo(403);
        assertThat(authorizationService.createAuthorizationQuery().userIdIn("cbsngv").resourceType(Resources.TASK)
                .resourceId(during).count()).isZero();
        assertThat(visibleTo("ldsngv", during)).as("the head has it back").isEqualTo(1);
        JsonNode ended = as("cbsngv").getForObject("/api/delegations/" + id, JsonNode.class);
        assertThat(ended.get("status").asText()).isEqualTo("ENDED");
    }

    @Test
    void aDelegationStartsOnItsFirstDayAndStopsAtOnceWhenCancelled() {
        String task = awaitingHeadApproval("Ủy quyền: từ tuần sau");
        LocalDate start = clocks.today().plusDays(7);
        long id = delegate("ldsngv", "cbsngv", start, start.plusDays(2)).getBody().get("id").asLong();
        assertThat(visibleTo("cbsngv", task)).as("not yet").isZero();

        moveClockTo(start);
        delegations.synchronize();
        assertThat(visibleTo("cbsngv", task)).isEqualTo(1);

        ResponseEntity<JsonNode> cancelled = as("ldsngv").exchange("/api/delegations/" + id, HttpMethod.DELETE, null, JsonNode.class);
        assertThat(cancelled.getBody().get("status").asText()).isEqualTo("CANCELLED");
        assertThat(visibleTo("cbsngv", task)).isZero();
    }

    @Test
    void delegationsAreCheckedAndPrivate() {
        LocalDate today = clocks.today();
        assertThat(errorFields(delegate("ldsngv", "ldsngv", today, today))).containsExactly("deputy");
        assertThat(errorFields(delegate("ldsngv", "cbcat", today, today))).as("another agency").containsExactly("deputy");
        assertThat(errorFields(delegate("ldsngv", "cbsngv", today, today.minusDays(1)))).containsExactly("to");
        assertThat(errorFields(delegate("ldsngv", "khongco", today, today))).containsExactly("deputy");
        assertThat(delegate("cbsngv", "cbsngv", today, today).getStatusCode().value()).isEqualTo(400);
        assertThat(delegate("ldsngv", "cbsngv", today, today.plusDays(3)).getStatusCode().value()).isEqualTo(201);
        ResponseEntity<JsonNode> overlapping = delegate("ldsngv", "cbsngv", today.plusDays(2), today.plusDays(5));
        assertThat(errorFields(overlapping)).containsExactly("from");

        long id = delegations.involving("ldsngv").get(0).id();
        assertThat(as("cbstc").getForEntity("/api/delegations/" + id, String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(as("cbstc").exchange("/api/delegations/" + id, HttpMethod.DELETE, null, String.class).getStatusCode().value())
                .isEqualTo(404);
        assertThat(as("cbsngv").exchange("/api/delegations/" + id, HttpMethod.DELETE, null, String.class).getStatusCode().value())
                .as("the deputy cannot cancel").isEqualTo(403);
        assertThat(as("dieuphoi").getForEntity("/api/delegations/" + id, String.class).getStatusCode().value()).isEqualTo(200);
        assertThat(rest.getForEntity("/api/delegations/" + id, String.class).getStatusCode().value()).isEqualTo(401);
        // Only an administrator delegates for someone else.
        ResponseEntity<JsonNode> forSomeoneElse = post("cbstc", Map.of("delegator", "ldstc", "deputy", "cbstc",
                "from", today.toString(), "to", today.toString()));
        assertThat(forSomeoneElse.getStatusCode().value()).isEqualTo(403);
        assertThat(post("admin", Map.of("delegator", "ldstc", "deputy", "cbstc", "from", today.toString(), "to", today.toString()))
                .getStatusCode().value()).isEqualTo(201);
    }

    /** Issues a one-agency directive and brings Sở Ngoại vụ's assignment to the head's approval; its task id. */
    private String awaitingHeadApproval(String subject) {
        long directive = submitAndIssue(DirectiveFixtures.smallDirective(subject, List.of("SNGV"), List.of()));
        String pi = assignments.ofDirective(directive).get(0).processInstanceId();
        complete(pi, ACKNOWLEDGE_RECEIPT, "cbsngv", Map.of("acknowledged", true));
        complete(pi, REPORT_PROGRESS, "cbsngv", Map.of(PROGRESS_NOTE, "Xong", PROGRESS_PERCENT, 100, RESULT_READY, true));
        return task(pi, APPROVE_RESULT).getId();
    }

    private ResponseEntity<JsonNode> delegate(String delegator, String deputy, LocalDate from, LocalDate to) {
        return post(delegator, Map.of("deputy", deputy, "from", from.toString(), "to", to.toString(), "reason", "Đi công tác"));
    }

    private ResponseEntity<JsonNode> post(String user, Map<String, String> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return as(user).postForEntity("/api/delegations", new HttpEntity<>(body, headers), JsonNode.class);
    }

    private static List<String> errorFields(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        return response.getBody().get("errors").findValuesAsText("field");
    }

    private void moveClockTo(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant()));
    }

    private long visibleTo(String user, String taskId) {
        return as(user).getForObject(engineRest("/task/count?taskId=" + taskId), JsonNode.class).get("count").asLong();
    }

    private List<String> listedIn(String user, String filter) {
        String filterId = processEngine.getFilterService().createFilterQuery().filterName(filter).singleResult().getId();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        JsonNode tasks = as(user).postForObject(engineRest("/filter/" + filterId + "/list?maxResults=1000"),
                new HttpEntity<>("{}", headers), JsonNode.class);
        return tasks.findValuesAsText("id");
    }

    private int engine(String user, HttpMethod method, String path, String body) {
        return as(user).exchange(engineRest(path), method, json(body), String.class).getStatusCode().value();
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private String engineRest(String path) {
        return "/engine-rest/engine/" + processEngine.getName() + path;
    }
}
