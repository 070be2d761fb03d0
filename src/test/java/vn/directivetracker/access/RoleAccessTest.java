package vn.directivetracker.access;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.directivetracker.assignment.AgencyAssignmentProcess.Elements.*;
import static vn.directivetracker.assignment.AgencyAssignmentProcess.Variables.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import vn.directivetracker.assignment.AgencyAssignmentProcess;
import vn.directivetracker.assignment.Assignment;
import vn.directivetracker.assignment.AssignmentRepository;
import vn.directivetracker.directive.DirectiveIssuanceProcess;
import vn.directivetracker.support.DirectiveFixtures;
import vn.directivetracker.support.IntegrationTest;

/**
 * Each role sees and does what DESIGN §2 gives it, no less (and, where it matters, no more): the
 * coordinator every review task and every instance with its history; leaders sign and read
 * everything; the clerk issues; agency heads approve their own agency's results only; web
 * applications open per role.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleAccessTest extends IntegrationTest {

    @Autowired AssignmentRepository assignments;
    @Autowired AuthorizationService authorizationService;
    @Autowired ObjectMapper mapper;
    @LocalServerPort int port;

    private String soNgoaiVu;
    private String soTaiChinh;

    @BeforeAll
    void soNgoaiVuAwaitsReviewAndSoTaiChinhAwaitsItsHead() {
        long id = submitAndIssue(DirectiveFixtures.smallDirective("Vai trò: xem xét và duyệt", List.of("SNGV", "STC"), List.of()));
        List<Assignment> all = assignments.ofDirective(id);
        soNgoaiVu = processOf(all, "SNGV");
        soTaiChinh = processOf(all, "STC");
        Map<String, Object> ready = Map.of(PROGRESS_NOTE, "Đã hoàn thành", PROGRESS_PERCENT, 100, RESULT_READY, true);
        complete(soNgoaiVu, ACKNOWLEDGE_RECEIPT, "cbsngv", Map.of("acknowledged", true));
        complete(soNgoaiVu, REPORT_PROGRESS, "cbsngv", ready);
        complete(soNgoaiVu, APPROVE_RESULT, "ldsngv", Map.of(HEAD_DECISION, "APPROVE"));
        complete(soTaiChinh, ACKNOWLEDGE_RECEIPT, "cbstc", Map.of("acknowledged", true));
        complete(soTaiChinh, REPORT_PROGRESS, "cbstc", ready);
    }

    @Test
    void coordinatorSeesEveryReviewTaskAndMonitorsEveryInstanceWithHistory() throws Exception {
        long reviewTasks = taskService.createTaskQuery().taskDefinitionKey(REVIEW_RESULT).count();
        assertThat(reviewTasks).isPositive();
        assertThat(count("dieuphoi", "/task/count?taskDefinitionKey=" + REVIEW_RESULT)).isEqualTo(reviewTasks);
        assertThat(count("dieuphoi", "/process-instance/count?processDefinitionKey=" + AgencyAssignmentProcess.KEY))
                .isEqualTo(runtimeService.createProcessInstanceQuery().processDefinitionKey(AgencyAssignmentProcess.KEY).count());
        assertThat(count("dieuphoi", "/history/process-instance/count?processDefinitionKey=" + AgencyAssignmentProcess.KEY))
                .isEqualTo(processEngine.getHistoryService().createHistoricProcessInstanceQuery()
                        .processDefinitionKey(AgencyAssignmentProcess.KEY).count());
        assertThat(json("dieuphoi", "/process-instance/" + soTaiChinh + "/variables").get("acknowledged").get("value").asBoolean()).isTrue();
        assertThat(json("dieuphoi", "/history/task?processInstanceId=" + soNgoaiVu)).hasSize(4);
        assertThat(json("dieuphoi", "/history/user-operation?processInstanceId=" + soNgoaiVu + "&operationType=Complete"))
                .extracting(e -> e.get("userId").asText()).contains("cbsngv", "ldsngv");

        // It reviews through REST ...
        String review = task(soNgoaiVu, REVIEW_RESULT).getId();
        assertThat(post("dieuphoi", "/task/" + review + "/claim", "{\"userId\":\"dieuphoi\"}")).isEqualTo(204);
        assertThat(post("dieuphoi", "/task/" + review + "/complete",
                "{\"variables\":{\"reviewDecision\":{\"value\":\"ACCEPT\"}}}")).isEqualTo(204);
        // ... but it does not do an agency's work for it: reading is not working.
        String approve = task(soTaiChinh, APPROVE_RESULT).getId();
        assertThat(post("dieuphoi", "/task/" + approve + "/claim", "{\"userId\":\"dieuphoi\"}")).isEqualTo(403);
    }

    @Test
    void provincialLeaderSignsAndReadsEveryInstanceButDoesNoAgencyWork() {
        long[] id = new long[1];
        asUser("dieuphoi", () -> id[0] = directiveService.submit(DirectiveFixtures.smallDirective("Vai trò: ký", List.of("SCT"), List.of()), "dieuphoi"));
        String issuance = directiveService.get(id[0]).issuanceProcessInstanceId();
        String review = task(issuance, DirectiveIssuanceProcess.Elements.REVIEW_DRAFT).getId();
        assertThat(count("lanhdaovp", "/task/count?taskDefinitionKey=ReviewDraft"))
                .isEqualTo(taskService.createTaskQuery().taskDefinitionKey("ReviewDraft").count());
        assertThat(post("lanhdaovp", "/task/" + review + "/complete", "{\"variables\":{\"reviewDecision\":{\"value\":\"APPROVE\"}}}"))
                .isEqualTo(204);

        String sign = task(issuance, DirectiveIssuanceProcess.Elements.SIGN_DIRECTIVE).getId();
        assertThat(post("lanhdaoubnd", "/task/" + sign + "/claim", "{\"userId\":\"lanhdaoubnd\"}")).isEqualTo(204);
        assertThat(post("lanhdaoubnd", "/task/" + sign + "/complete", "{\"variables\":{\"signDecision\":{\"value\":\"APPROVE\"}}}"))
                .isEqualTo(204);
        String register = task(issuance, DirectiveIssuanceProcess.Elements.REGISTER_AND_ISSUE).getId();
        assertThat(count("vanthu", "/task/count?taskId=" + register)).isEqualTo(1);

        assertThat(count("lanhdaoubnd", "/process-instance/count?processDefinitionKey=" + AgencyAssignmentProcess.KEY))
                .isEqualTo(runtimeService.createProcessInstanceQuery().processDefinitionKey(AgencyAssignmentProcess.KEY).count());
        assertThat(post("lanhdaoubnd", "/task/" + task(soTaiChinh, APPROVE_RESULT).getId() + "/claim", "{\"userId\":\"lanhdaoubnd\"}"))
                .isEqualTo(403);
        // Only coordinators start directives, in the engine as in the application API.
        assertThat(post("lanhdaoubnd", "/process-definition/key/directive-issuance/start", "{}")).isEqualTo(403);
        assertThat(Probe.post("/api/directives", DirectiveFixtures.seedJson()).send(as("lanhdaoubnd")).getStatusCode().value())
                .isEqualTo(403);
    }

    @Test
    void clerkIssuesButSeesNoAgencyWork() {
        assertThat(count("vanthu", "/process-instance/count?processDefinitionKey=" + AgencyAssignmentProcess.KEY)).isZero();
        assertThat(count("vanthu", "/task/count?processInstanceId=" + soNgoaiVu)).isZero();
    }

    @Test
    void agencyHeadApprovesItsOwnAgencysResultOnly() {
        String approve = task(soTaiChinh, APPROVE_RESULT).getId();
        assertThat(count("ldstc", "/task/count?taskId=" + approve)).isEqualTo(1);
        assertThat(count("cbstc", "/task/count?taskId=" + approve)).as("officer of the same agency").isZero();
        assertThat(post("cbstc", "/task/" + approve + "/claim", "{\"userId\":\"cbstc\"}")).isEqualTo(403);
        assertThat(count("ldsngv", "/task/count?taskId=" + approve)).as("head of another agency").isZero();
        assertThat(post("ldsngv", "/task/" + approve + "/claim", "{\"userId\":\"ldsngv\"}")).isEqualTo(403);
    }

    @Test
    void webApplicationsOpenPerRole() {
        Map<String, Integer> cockpit = Map.of("dieuphoi", 200, "lanhdaovp", 200, "lanhdaoubnd", 200, "vanthu", 403,
                "cbsngv", 403, "ldsngv", 403, "admin", 200);
        cockpit.forEach((user, status) -> assertThat(login(user, "cockpit")).as(user + " → Cockpit").isEqualTo(status));
        for (String user : List.of("dieuphoi", "lanhdaovp", "lanhdaoubnd", "vanthu", "cbsngv", "ldsngv", "cbcat")) {
            assertThat(login(user, "tasklist")).as(user + " → Tasklist").isEqualTo(200);
        }
        assertThat(login("dieuphoi", "admin")).as("dieuphoi → Admin").isEqualTo(403);
        assertThat(login("admin", "admin")).as("admin → Admin").isEqualTo(200);
    }

    /** Camunda itself grants a task's candidate group READ and UPDATE when authorization is on: verified, not assumed. */
    @Test
    void candidateGroupsGetTheirTaskGrantsFromCamunda() {
        String approve = task(soTaiChinh, APPROVE_RESULT).getId();
        Authorization grant = authorizationService.createAuthorizationQuery()
                .groupIdIn("STChead").resourceType(Resources.TASK).resourceId(approve).singleResult();
        assertThat(grant).isNotNull();
        assertThat(grant.isPermissionGranted(Permissions.READ)).isTrue();
        assertThat(grant.isPermissionGranted(Permissions.UPDATE)).isTrue();
        assertThat(authorizationService.createAuthorizationQuery().groupIdIn("STC").resourceType(Resources.TASK)
                .resourceId(approve).count()).as("the officers' group is no candidate of the head's task").isZero();
    }

    private static String processOf(List<Assignment> all, String agency) {
        return all.stream().filter(a -> a.agencyCode().equals(agency)).findFirst().orElseThrow().processInstanceId();
    }

    private int login(String user, String app) {
        return new TasklistSession(port, processEngine.getName()).login(user, "demo", app);
    }

    private String engineRest(String path) {
        return "/engine-rest/engine/" + processEngine.getName() + path;
    }

    private JsonNode json(String user, String path) {
        ResponseEntity<String> response = Probe.get(engineRest(path)).send(as(user));
        assertThat(response.getStatusCode().value()).as(user + " GET " + path).isEqualTo(200);
        try {
            return mapper.readTree(response.getBody());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private long count(String user, String path) {
        return json(user, path).get("count").asLong();
    }

    private int post(String user, String path, String body) {
        return Probe.post(engineRest(path), body).send(as(user)).getStatusCode().value();
    }
}
