package vn.directivetracker.access;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.directivetracker.assignment.AgencyAssignmentProcess.Elements.ACKNOWLEDGE_RECEIPT;
import static vn.directivetracker.assignment.AgencyAssignmentProcess.Elements.REPORT_PROGRESS;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import vn.directivetracker.assignment.Assignment;
import vn.directivetracker.assignment.AssignmentRepository;
import vn.directivetracker.support.DirectiveFixtures;
import vn.directivetracker.support.IntegrationTest;

/**
 * Issue 10 through the engine REST API and Tasklist's copy of it: an officer of Sở Tài chính (STC)
 * works their OWN task but tries to write process state (assignment, head group, period), to end it
 * with a BPMN error, to hand it across agencies, to store a foreign Java type; a coordinator tries
 * to revoke or start on the engine directly. Each attempt must be refused (status checked) and leave
 * both agencies' assignment rows, process variables, tasks, identity links, progress reports, history
 * events and outbox rows exactly as they were (a snapshot before, compared after).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineRestAbuseTest extends IntegrationTest {

    private static final String OFFICER = "cbstc";
    /** Tests run a uniquely named engine: the REST paths name it (Camunda's /engine/{name} form). */
    private String engineRest;

    @Autowired AssignmentRepository assignments;
    @LocalServerPort int port;

    private long directiveId;
    private Assignment own;
    private Assignment other;
    private String ownTask;
    private String otherTask;
    private String executionInstance;

    @BeforeAll
    void bothAgenciesAreWorking() {
        engineRest = "/engine-rest/engine/" + processEngine.getName();
        directiveId = submitAndIssue(DirectiveFixtures.smallDirective("Lạm dụng: Sở Tài chính và Sở Ngoại vụ",
                List.of("STC", "SNGV"), List.of()));
        own = agency("STC");
        other = agency("SNGV");
        complete(own.processInstanceId(), ACKNOWLEDGE_RECEIPT, OFFICER, Map.of("acknowledged", true));
        complete(other.processInstanceId(), ACKNOWLEDGE_RECEIPT, "cbsngv", Map.of("acknowledged", true));
        ownTask = task(own.processInstanceId(), REPORT_PROGRESS).getId();
        otherTask = task(other.processInstanceId(), REPORT_PROGRESS).getId();
        executionInstance = directiveService.get(directiveId).executionProcessInstanceId();
    }

    private static String progress(String extra) {
        return "{\"variables\":{\"progressNote\":{\"value\":\"Đã triển khai\"},"
                + "\"progressPercent\":{\"value\":40,\"type\":\"Long\"},\"resultReady\":{\"value\":false}" + extra + "}}";
    }

    /** Expected status, who, and the request: the officer's own work unless said otherwise. */
    private record Abuse(int status, String user, Probe probe) {}

    private List<Abuse> abuses() {
        String t = engineRest + "/task/" + ownTask;
        String pi = engineRest + "/process-instance/" + own.processInstanceId();
        String execution = runtimeService.createExecutionQuery().processInstanceId(own.processInstanceId()).list().get(0).getId();
        return List.of(
                // Extra variables on the officer's own completion: state a listener used to trust.
                new Abuse(400, OFFICER, Probe.post(t + "/complete", progress(",\"assignmentId\":{\"value\":" + other.id() + ",\"type\":\"Long\"}"))),
                new Abuse(400, OFFICER, Probe.post(t + "/complete", progress(",\"agencyHeadGroup\":{\"value\":\"STC\"}"))),
                new Abuse(400, OFFICER, Probe.post(t + "/complete", progress(",\"agencyCode\":{\"value\":\"SNGV\"}"))),
                new Abuse(400, OFFICER, Probe.post(t + "/complete", progress(",\"reportPeriodId\":{\"value\":1,\"type\":\"Long\"}"))),
                new Abuse(400, OFFICER, Probe.post(t + "/complete", progress(",\"headDecision\":{\"value\":\"APPROVE\"}"))),
                new Abuse(400, OFFICER, Probe.post(t + "/submit-form", progress(",\"assignmentId\":{\"value\":" + other.id() + ",\"type\":\"Long\"}"))),
                new Abuse(400, OFFICER, Probe.post(t + "/submit-form", progress(",\"extensionDeciderGroup\":{\"value\":\"STC\"}"))),
                new Abuse(400, OFFICER, Probe.post(t + "/resolve", progress(",\"directiveId\":{\"value\":1,\"type\":\"Long\"}"))),
                // A form field of a foreign type: Spin would deserialize a type of the caller's choosing.
                new Abuse(400, OFFICER, Probe.post(t + "/complete", "{\"variables\":{\"progressNote\":{\"value\":\"\\\"http://x\\\"\","
                        + "\"type\":\"Object\",\"valueInfo\":{\"objectTypeName\":\"java.net.URL\",\"serializationDataFormat\":\"application/json\"}},"
                        + "\"progressPercent\":{\"value\":40,\"type\":\"Long\"}}}")),
                // Variable writes outside a form.
                new Abuse(403, OFFICER, Probe.put(t + "/variables/assignmentId", "{\"value\":" + other.id() + ",\"type\":\"Long\"}")),
                new Abuse(403, OFFICER, Probe.post(t + "/variables", "{\"modifications\":{\"agencyHeadGroup\":{\"value\":\"STC\"}}}")),
                new Abuse(403, OFFICER, Probe.put(t + "/localVariables/agencyCode", "{\"value\":\"SNGV\"}")),
                new Abuse(403, OFFICER, Probe.delete(t + "/variables/agencyHeadGroup")),
                new Abuse(403, OFFICER, Probe.put(pi + "/variables/assignmentId", "{\"value\":" + other.id() + ",\"type\":\"Long\"}")),
                new Abuse(403, OFFICER, Probe.post(engineRest + "/execution/" + execution + "/localVariables",
                        "{\"modifications\":{\"assignmentId\":{\"value\":" + other.id() + ",\"type\":\"Long\"}}}")),
                new Abuse(403, OFFICER, Probe.put(t + "/variables/gadget", "{\"value\":\"\\\"http://x\\\"\",\"type\":\"Object\","
                        + "\"valueInfo\":{\"objectTypeName\":\"java.net.URL\",\"serializationDataFormat\":\"application/json\"}}")),
                // Ending the own assignment (and its deadline watch) silently.
                new Abuse(403, OFFICER, Probe.post(t + "/bpmnError", "{\"errorCode\":\"x\"}")),
                new Abuse(403, OFFICER, Probe.post(t + "/bpmnEscalation", "{\"escalationCode\":\"x\"}")),
                // The same with a trailing slash, a path parameter and a doubled slash.
                new Abuse(403, OFFICER, Probe.post(engineRest + "//task/" + ownTask + "/bpmnError", "{\"errorCode\":\"x\"}")),
                new Abuse(403, OFFICER, Probe.post(t + "/bpmnError/", "{\"errorCode\":\"x\"}")),
                // A path parameter is refused by the strict firewall (400) before any rule is matched.
                new Abuse(400, OFFICER, Probe.post(t + ";x=1/bpmnError", "{\"errorCode\":\"x\"}")),
                // Handing the own task across agencies.
                new Abuse(400, OFFICER, Probe.post(t + "/identity-links", "{\"groupId\":\"SNGV\",\"type\":\"candidate\"}")),
                new Abuse(400, OFFICER, Probe.post(t + "/identity-links", "{\"userId\":\"cbsngv\",\"type\":\"candidate\"}")),
                new Abuse(400, OFFICER, Probe.post(t + "/assignee", "{\"userId\":\"cbsngv\"}")),
                new Abuse(400, OFFICER, Probe.post(t + "/delegate", "{\"userId\":\"ldsngv\"}")),
                new Abuse(400, OFFICER, Probe.post(t + "/identity-links/delete", "{\"groupId\":\"coordinator\",\"type\":\"candidate\"}")),
                // Operations the application's API owns.
                new Abuse(403, "dieuphoi", Probe.post(engineRest + "/message", "{\"messageName\":\"DirectiveRevoked\",\"processInstanceId\":\""
                        + executionInstance + "\"}")),
                new Abuse(403, OFFICER, Probe.post(engineRest + "/message", "{\"messageName\":\"DeadlineChanged\",\"processInstanceId\":\""
                        + own.processInstanceId() + "\"}")),
                new Abuse(403, "dieuphoi", Probe.post(engineRest + "/process-definition/key/directive-issuance/start", "{}")),
                new Abuse(403, "dieuphoi", Probe.post(engineRest + "/process-definition/key/report-collection/submit-form", "{}")),
                new Abuse(403, "dieuphoi", Probe.delete(engineRest + "/process-instance/" + other.processInstanceId())),
                new Abuse(403, "dieuphoi", Probe.post(engineRest + "/signal", "{\"name\":\"x\"}")));
    }

    @Test
    void everyAbuseIsRefusedAndChangesNothing() {
        List<String> failures = new ArrayList<>();
        List<Abuse> abuses = abuses();
        for (Abuse abuse : abuses) {
            String before = snapshot();
            ResponseEntity<String> response = abuse.probe().send(as(abuse.user()));
            String after = snapshot();
            if (response.getStatusCode().value() != abuse.status()
                    || !String.valueOf(response.getHeaders().getContentType()).startsWith("application/problem+json")) {
                failures.add(abuse.user() + " " + abuse.probe() + " → " + response.getStatusCode() + " " + response.getBody());
            }
            if (!before.equals(after)) {
                failures.add(abuse.user() + " " + abuse.probe() + " changed state:\n" + before + "\n" + after);
            }
        }
        assertThat(abuses).hasSizeGreaterThanOrEqualTo(30);
        assertThat(failures).isEmpty();
    }

    @Test
    void tasklistSessionIsHeldToTheSameRules() {
        TasklistSession session = new TasklistSession(port, processEngine.getName());
        assertThat(session.login(OFFICER, "demo", "tasklist")).isEqualTo(200);
        List<String> failures = new ArrayList<>();
        List<Supplier<HttpResponse<String>>> attempts = List.of(
                () -> session.post("/task/" + ownTask + "/submit-form", progress(",\"assignmentId\":{\"value\":" + other.id() + ",\"type\":\"Long\"}")),
                () -> session.post("/task/" + ownTask + "/complete", progress(",\"agencyHeadGroup\":{\"value\":\"STC\"}")),
                () -> session.put("/task/" + ownTask + "/variables/assignmentId", "{\"value\":" + other.id() + ",\"type\":\"Long\"}"),
                () -> session.post("/task/" + ownTask + "/bpmnError", "{\"errorCode\":\"x\"}"),
                () -> session.post("/task/" + ownTask + "/identity-links", "{\"groupId\":\"SNGV\",\"type\":\"candidate\"}"),
                () -> session.post("/message", "{\"messageName\":\"DeadlineChanged\",\"processInstanceId\":\"" + own.processInstanceId() + "\"}"));
        List<Integer> expected = List.of(400, 400, 403, 403, 400, 403);
        for (int i = 0; i < attempts.size(); i++) {
            String before = snapshot();
            HttpResponse<String> response = attempts.get(i).get();
            if (response.statusCode() != expected.get(i)) {
                failures.add("Tasklist attempt " + i + " → " + response.statusCode() + " " + response.body());
            }
            if (!before.equals(snapshot())) {
                failures.add("Tasklist attempt " + i + " changed state");
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void crossAgencyReadsOnEveryEngineResourceShowNothing() {
        String pi = other.processInstanceId();
        String execution = runtimeService.createExecutionQuery().processInstanceId(pi).list().get(0).getId();
        String deployment = repositoryDeploymentOf(pi);
        List<String> reads = List.of(
                "/task/" + otherTask, "/task?processInstanceId=" + pi, "/task/" + otherTask + "/variables",
                "/task/" + otherTask + "/form-variables", "/task/" + otherTask + "/identity-links",
                "/process-instance/" + pi, "/process-instance?businessKey=" + runtimeService.createProcessInstanceQuery()
                        .processInstanceId(pi).singleResult().getBusinessKey(),
                "/process-instance/" + pi + "/variables", "/execution/" + execution, "/execution?processInstanceId=" + pi,
                "/execution/" + execution + "/localVariables", "/variable-instance?processInstanceIdIn=" + pi,
                "/history/process-instance?processInstanceId=" + pi, "/history/task?processInstanceId=" + pi,
                "/history/variable-instance?processInstanceId=" + pi, "/history/activity-instance?processInstanceId=" + pi,
                "/history/identity-link-log?taskId=" + otherTask, "/history/detail?processInstanceId=" + pi,
                "/deployment/" + deployment, "/deployment?id=" + deployment, "/job?processInstanceId=" + pi,
                "/job/count?processInstanceId=" + pi, "/incident?processInstanceId=" + pi, "/incident/count?processInstanceId=" + pi);
        Attempts attempts = new Attempts();
        String before = snapshot();
        for (String read : reads) {
            ResponseEntity<String> response = Probe.get(engineRest + read).send(as(OFFICER));
            attempts.record("GET " + read, response.getStatusCode().value(), response.getBody());
        }
        attempts.assertNoneSucceeded(reads.size());
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void theOfficerStillWorksTheOwnTaskWithTheFormsFields() {
        Probe claim = Probe.post(engineRest + "/task/" + ownTask + "/claim", "{\"userId\":\"" + OFFICER + "\"}");
        assertThat(claim.send(as(OFFICER)).getStatusCode().value()).isEqualTo(204);
        assertThat(Probe.post(engineRest + "/task/" + ownTask + "/unclaim", null).send(as(OFFICER)).getStatusCode().value())
                .isEqualTo(204);
        assertThat(claim.send(as(OFFICER)).getStatusCode().value()).isEqualTo(204);
        String otherBefore = rows("select * from assignment where id = " + other.id());
        ResponseEntity<String> done = Probe.post(engineRest + "/task/" + ownTask + "/complete", progress("")).send(as(OFFICER));
        assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(204);
        assertThat(rows("select percent_done from progress_report where assignment_id = " + own.id())).contains("40");
        assertThat(rows("select * from assignment where id = " + other.id())).isEqualTo(otherBefore);
        ownTask = task(own.processInstanceId(), REPORT_PROGRESS).getId();
    }

    /** Both agencies' rows, variables, tasks and links, the directive's history and outbox rows, as text. */
    private String snapshot() {
        StringBuilder s = new StringBuilder();
        s.append(rows("select * from assignment where directive_id = " + directiveId + " order by id"));
        s.append(rows("select * from progress_report where assignment_id in (" + own.id() + "," + other.id() + ") order by id"));
        s.append(rows("select * from extension_request where assignment_id in (" + own.id() + "," + other.id() + ") order by id"));
        s.append(rows("select * from directive_event where directive_id = " + directiveId + " order by id"));
        s.append(rows("select * from notification where directive_id = " + directiveId + " order by id"));
        s.append(rows("select * from directive where id = " + directiveId));
        for (String pi : List.of(own.processInstanceId(), other.processInstanceId(), executionInstance)) {
            s.append(new java.util.TreeMap<>(runtimeService.getVariables(pi)));
            s.append(runtimeService.createExecutionQuery().processInstanceId(pi).count());
            for (Task task : taskService.createTaskQuery().processInstanceId(pi).orderByTaskId().asc().list()) {
                s.append(task.getId()).append(task.getTaskDefinitionKey()).append(task.getAssignee()).append(task.getOwner())
                        .append(task.getDueDate()).append(new java.util.TreeMap<>(taskService.getVariablesLocal(task.getId())));
                for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
                    s.append(link.getType()).append(link.getGroupId()).append(link.getUserId());
                }
            }
        }
        return s.toString();
    }

    private String rows(String sql) {
        return jdbc.sql(sql).query().listOfRows().toString();
    }

    private String repositoryDeploymentOf(String processInstanceId) {
        String definition = runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
                .getProcessDefinitionId();
        return processEngine.getRepositoryService().getProcessDefinition(definition).getDeploymentId();
    }

    private Assignment agency(String code) {
        return assignments.ofDirective(directiveId).stream().filter(a -> a.agencyCode().equals(code)).findFirst().orElseThrow();
    }
}
