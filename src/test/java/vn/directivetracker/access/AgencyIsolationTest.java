package vn.directivetracker.access;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.directivetracker.assignment.AgencyAssignmentProcess.Elements.ACKNOWLEDGE_RECEIPT;
import static vn.directivetracker.assignment.AgencyAssignmentProcess.Elements.REPORT_PROGRESS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import vn.directivetracker.assignment.Assignment;
import vn.directivetracker.assignment.AssignmentRepository;
import vn.directivetracker.support.DirectiveFixtures;
import vn.directivetracker.support.IntegrationTest;

/**
 * DESIGN §6 through every door: an officer of Sở Tài chính (agency B) tries to read and work Sở Ngoại
 * vụ's (agency A) assignment through the engine REST API, through Tasklist's own API with a login
 * session, and through the application API; every attempt is counted and none may succeed. The same
 * doors without credentials answer 401. A positive control shows the doors do open for agency A.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgencyIsolationTest extends IntegrationTest {

    private static final String INTRUDER = "cbstc";

    @Autowired AssignmentRepository assignments;
    @Autowired ObjectMapper mapper;
    @LocalServerPort int port;

    private long bothAgencies;
    private long soNgoaiVuOnly;
    private String processInstance;
    private String openTask;
    private String completedTask;

    @BeforeAll
    void soNgoaiVuHasWorkInProgress() {
        bothAgencies = submitAndIssue(DirectiveFixtures.smallDirective("Cô lập: Sở Ngoại vụ và Sở Tài chính",
                List.of("SNGV", "STC"), List.of()));
        soNgoaiVuOnly = submitAndIssue(DirectiveFixtures.smallDirective("Cô lập: chỉ Sở Ngoại vụ", List.of("SNGV"), List.of()));
        Assignment soNgoaiVu = assignments.ofDirective(bothAgencies).stream()
                .filter(a -> a.agencyCode().equals("SNGV")).findFirst().orElseThrow();
        processInstance = soNgoaiVu.processInstanceId();
        completedTask = task(processInstance, ACKNOWLEDGE_RECEIPT).getId();
        // A completed step leaves history, variables and an operation log entry behind to probe for.
        complete(processInstance, ACKNOWLEDGE_RECEIPT, "cbsngv", Map.of("acknowledged", true));
        openTask = task(processInstance, REPORT_PROGRESS).getId();
    }

    /** Reads and writes of agency A's work, relative to an engine API root (REST or Tasklist's). */
    private List<Probe> engineProbes() {
        String pi = processInstance;
        String t = openTask;
        return List.of(
                Probe.get("/task?processInstanceId=" + pi),
                Probe.get("/task?candidateGroup=SNGV"),
                Probe.get("/task/count?processInstanceId=" + pi),
                Probe.get("/task/" + t),
                Probe.get("/task/" + t + "/variables"),
                Probe.get("/task/" + t + "/form-variables"),
                Probe.get("/task/" + t + "/deployed-form"),
                Probe.get("/task/" + t + "/identity-links"),
                Probe.get("/task/" + completedTask + "/comment"),
                Probe.get("/process-instance?processInstanceIds=" + pi),
                Probe.get("/process-instance/" + pi),
                Probe.get("/process-instance/" + pi + "/variables"),
                Probe.get("/process-instance/" + pi + "/activity-instances"),
                Probe.get("/execution?processInstanceId=" + pi),
                Probe.get("/variable-instance?processInstanceIdIn=" + pi),
                Probe.get("/history/process-instance?processInstanceId=" + pi),
                Probe.get("/history/task?processInstanceId=" + pi),
                Probe.get("/history/task?taskId=" + completedTask),
                Probe.get("/history/variable-instance?processInstanceId=" + pi),
                Probe.get("/history/activity-instance?processInstanceId=" + pi),
                Probe.get("/history/detail?processInstanceId=" + pi),
                Probe.get("/history/user-operation?processInstanceId=" + pi),
                Probe.post("/task/" + t + "/claim", "{\"userId\":\"" + INTRUDER + "\"}"),
                Probe.post("/task/" + t + "/assignee", "{\"userId\":\"" + INTRUDER + "\"}"),
                Probe.post("/task/" + t + "/identity-links", "{\"userId\":\"" + INTRUDER + "\",\"type\":\"candidate\"}"),
                Probe.put("/task/" + t + "/variables/progressNote", "{\"value\":\"giả mạo\",\"type\":\"String\"}"),
                Probe.post("/task/" + t + "/complete", "{\"variables\":{\"progressNote\":{\"value\":\"giả mạo\"},"
                        + "\"progressPercent\":{\"value\":100,\"type\":\"Long\"},\"resultReady\":{\"value\":true}}}"),
                Probe.post("/task/" + t + "/submit-form", "{\"variables\":{\"progressNote\":{\"value\":\"giả mạo\"}}}"),
                Probe.post("/task/" + t + "/comment/create", "{\"message\":\"giả mạo\"}"),
                Probe.post("/process-instance/" + pi + "/variables", "{\"modifications\":{\"agencyCode\":{\"value\":\"STC\"}}}"),
                Probe.put("/process-instance/" + pi + "/suspended", "{\"suspended\":true}"),
                Probe.delete("/process-instance/" + pi),
                Probe.post("/process-definition/key/directive-issuance/start", "{}"));
    }

    private List<Probe> engineRestProbes() {
        String root = "/engine-rest/engine/" + processEngine.getName();
        return engineProbes().stream().map(p -> new Probe(p.method(), root + p.path(), p.json())).toList();
    }

    private List<Probe> apiProbes() {
        return List.of(
                Probe.get("/api/directives/" + soNgoaiVuOnly),
                Probe.get("/api/directives/" + soNgoaiVuOnly + "/history"),
                Probe.get("/api/notifications"),
                Probe.get("/api/audit?directiveId=" + bothAgencies),
                Probe.post("/api/directives", DirectiveFixtures.seedJson()),
                Probe.post("/api/admin/users/import", "id;firstName"));
    }

    @Test
    void engineRestApiGivesAgencyBNothingOfAgencyA() {
        Attempts attempts = new Attempts();
        for (Probe probe : engineRestProbes()) {
            ResponseEntity<String> response = probe.send(as(INTRUDER));
            attempts.record(probe.toString(), response.getStatusCode().value(), response.getBody());
        }
        attempts.assertNoneSucceeded(engineProbes().size());
        assertAgencyAWorkUntouched();
    }

    @Test
    void tasklistApiGivesAgencyBNothingOfAgencyA() {
        TasklistSession session = new TasklistSession(port, processEngine.getName());
        assertThat(session.login(INTRUDER, "demo", "tasklist")).isEqualTo(200);
        Attempts attempts = new Attempts();
        for (Probe probe : engineProbes()) {
            HttpResponse<String> response = switch (probe.method().name()) {
                case "GET" -> session.get(probe.path());
                case "POST" -> session.post(probe.path(), probe.json());
                case "PUT" -> session.put(probe.path(), probe.json());
                default -> session.delete(probe.path());
            };
            attempts.record("Tasklist " + probe, response.statusCode(), response.body());
        }
        // What Tasklist itself shows: the shared filter "Việc của đơn vị" lists agency B's work only.
        String filterId = filterId(TasklistFilters.MY_AGENCY);
        HttpResponse<String> list = session.post("/filter/" + filterId + "/list?firstResult=0&maxResults=1000", "{}");
        assertThat(list.statusCode()).isEqualTo(200);
        attempts.record("Tasklist filter list: agency A's tasks", 200, idsIn(list.body(), openTask));
        attempts.assertNoneSucceeded(engineProbes().size() + 1);
        assertAgencyAWorkUntouched();
    }

    @Test
    void applicationApiGivesAgencyBNothingOfAgencyA() throws Exception {
        Attempts attempts = new Attempts();
        for (Probe probe : apiProbes()) {
            ResponseEntity<String> response = probe.send(as(INTRUDER));
            attempts.record(probe.toString(), response.getStatusCode().value(), response.getBody());
        }
        // A directive to both agencies: agency B reads it, with its own assignment and none of A's.
        ResponseEntity<String> shared = Probe.get("/api/directives/" + bothAgencies).send(as(INTRUDER));
        assertThat(shared.getStatusCode().value()).isEqualTo(200);
        JsonNode assignmentsSeen = mapper.readTree(shared.getBody()).get("assignments");
        assertThat(assignmentsSeen).extracting(a -> a.get("agencyCode").asText()).containsExactly("STC");
        attempts.record("GET /api/directives/{both}: agency A's assignments", 200, rowsOf(assignmentsSeen, "agencyCode", "SNGV"));
        ResponseEntity<String> history = Probe.get("/api/directives/" + bothAgencies + "/history").send(as(INTRUDER));
        long soNgoaiVuAssignment = assignments.ofDirective(bothAgencies).stream()
                .filter(a -> a.agencyCode().equals("SNGV")).findFirst().orElseThrow().id();
        attempts.record("GET /api/directives/{both}/history: agency A's events", history.getStatusCode().value(),
                rowsOf(mapper.readTree(history.getBody()), "assignmentId", String.valueOf(soNgoaiVuAssignment)));
        attempts.assertNoneSucceeded(apiProbes().size() + 2);
        // The coordinator, for comparison, sees both agencies and agency A's acknowledgement.
        JsonNode full = mapper.readTree(Probe.get("/api/directives/" + bothAgencies).send(as("dieuphoi")).getBody());
        assertThat(full.get("assignments")).extracting(a -> a.get("agencyCode").asText()).containsExactlyInAnyOrder("SNGV", "STC");
    }

    @Test
    void everyDoorAnswers401WithoutCredentials() {
        Attempts attempts = new Attempts();
        for (Probe probe : engineRestProbes()) {
            attempts.record(probe.toString(), probe.send(rest).getStatusCode().value(), null);
        }
        for (Probe probe : apiProbes()) {
            attempts.record(probe.toString(), probe.send(rest).getStatusCode().value(), null);
        }
        for (String path : List.of("/api/directives/" + bothAgencies, "/api/agencies", "/api/calendar/add-working-days?from=2026-03-02&days=5")) {
            attempts.record("GET " + path, Probe.get(path).send(rest).getStatusCode().value(), null);
        }
        TasklistSession anonymous = new TasklistSession(port, processEngine.getName());
        anonymous.anonymous();
        List<Probe> reads = engineProbes().stream().filter(p -> p.method() == HttpMethod.GET).toList();
        for (Probe probe : reads) {
            attempts.record("Tasklist " + probe, anonymous.get(probe.path()).statusCode(), null);
        }
        attempts.assertAllUnauthenticated(engineProbes().size() + apiProbes().size() + 3 + reads.size());
    }

    @Test
    void agencyAItselfReadsAndWorksItsTaskThroughBothEngineApis() {
        String root = "/engine-rest/engine/" + processEngine.getName();
        for (String read : List.of("/task/" + openTask, "/task/" + openTask + "/variables",
                "/task/" + openTask + "/form-variables", "/task/" + openTask + "/deployed-form")) {
            assertThat(Probe.get(root + read).send(as("cbsngv")).getStatusCode().value()).as(read).isEqualTo(200);
        }
        assertThat(Probe.post(root + "/task/" + openTask + "/claim", "{\"userId\":\"cbsngv\"}").send(as("cbsngv"))
                .getStatusCode().value()).isEqualTo(204);
        assertThat(Probe.post(root + "/task/" + openTask + "/unclaim", null).send(as("cbsngv"))
                .getStatusCode().value()).isEqualTo(204);

        TasklistSession session = new TasklistSession(port, processEngine.getName());
        assertThat(session.login("cbsngv", "demo", "tasklist")).isEqualTo(200);
        assertThat(session.get("/task/" + openTask + "/deployed-form").statusCode()).isEqualTo(200);
        HttpResponse<String> list = session.post("/filter/" + filterId(TasklistFilters.MY_AGENCY) + "/list?firstResult=0&maxResults=1000", "{}");
        assertThat(list.body()).contains(openTask);
        assertThat(session.post("/task/" + openTask + "/claim", "{\"userId\":\"cbsngv\"}").statusCode()).isEqualTo(204);
        assertThat(session.post("/task/" + openTask + "/unclaim", "{}").statusCode()).isEqualTo(204);
    }

    private void assertAgencyAWorkUntouched() {
        assertThat(taskService.createTaskQuery().taskId(openTask).singleResult().getAssignee()).isNull();
        assertThat(taskService.getVariable(openTask, "progressNote")).isNull();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(processInstance).active().count()).isEqualTo(1);
        assertThat(taskService.getTaskComments(completedTask)).isEmpty();
    }

    private String filterId(String name) {
        return processEngine.getFilterService().createFilterQuery().filterName(name).singleResult().getId();
    }

    /** The rows whose field has the given value, as JSON ("[]" when none). */
    private String rowsOf(JsonNode rows, String field, String value) {
        ArrayNode matching = mapper.createArrayNode();
        rows.forEach(row -> {
            if (row.hasNonNull(field) && row.get(field).asText().equals(value)) {
                matching.add(row);
            }
        });
        return matching.toString();
    }

    private String idsIn(String body, String id) {
        return body.contains(id) ? "[\"" + id + "\"]" : "[]";
    }
}
