package vn.directivetracker.access;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.directivetracker.assignment.AgencyAssignmentProcess.Elements.ACKNOWLEDGE_RECEIPT;
import static vn.directivetracker.assignment.AgencyAssignmentProcess.Variables.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import vn.directivetracker.assignment.AgencyAssignmentProcess;
import vn.directivetracker.assignment.Assignment;
import vn.directivetracker.assignment.AssignmentFormContext;
import vn.directivetracker.assignment.AssignmentRepository;
import vn.directivetracker.calendar.WorkingDayCalendar;
import vn.directivetracker.common.VnFormats;
import vn.directivetracker.directive.Directive;
import vn.directivetracker.directive.DirectiveIssuanceProcess;
import vn.directivetracker.directive.DirectiveRepository;
import vn.directivetracker.support.DirectiveFixtures;
import vn.directivetracker.support.IntegrationTest;

/**
 * ADR 27: what an agency-assignment form displays is no process variable; {@code task/{id}/form-variables}
 * (where Tasklist loads a Camunda Form's data) serves it from our tables, on both engine REST mounts,
 * over any variable of the same name, and only to whom the engine itself answers 200.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormContextOfTasksTest extends IntegrationTest {

    private static final String SUBJECT = "Ngữ cảnh biểu mẫu: đón đoàn công tác";
    @Autowired AssignmentRepository assignments;
    @Autowired WorkingDayCalendar calendar;
    @Autowired DirectiveRepository directives;
    @Autowired ObjectMapper mapper;
    @LocalServerPort int port;

    private Assignment soNgoaiVu;
    private String task;
    private Map<String, String> expected;

    @BeforeAll
    void soNgoaiVuHasAnOpenAcknowledgement() {
        // A working day, or the letter's deadline moves to the next one (two months from 2026-12-04 is
        // 2027-02-04, a day of the Tết holiday, shown as 11/02/2027): the form shows the deadline in force.
        LocalDate deadline = calendar.onOrNextWorkingDay(LocalDate.now().plusMonths(2));
        long directiveId = submitAndIssue(DirectiveFixtures.withDeadline(SUBJECT, List.of("SNGV", "STC"), deadline));
        soNgoaiVu = assignments.ofDirective(directiveId).stream().filter(a -> a.agencyCode().equals("SNGV")).findFirst().orElseThrow();
        task = task(soNgoaiVu.processInstanceId(), ACKNOWLEDGE_RECEIPT).getId();
        Directive directive = directiveService.get(directiveId);
        expected = new LinkedHashMap<>();
        expected.put(AGENCY_NAME, "Sở Ngoại vụ");
        expected.put(DIRECTIVE_NUMBER, directive.number());
        expected.put(DIRECTIVE_SUBJECT, SUBJECT);
        expected.put(ITEM_ORDINAL, directives.itemHeading(soNgoaiVu.itemId()).label());
        expected.put(ITEM_CONTENT, "Nhiệm vụ có thời hạn");
        expected.put(ROLE_LABEL, soNgoaiVu.role().label());
        expected.put(DEADLINE_LABEL, deadline.format(VnFormats.DATE));
    }

    @Test
    void theChildCarriesNoDisplayVariablesNorItsAssignmentId() {
        assertThat(runtimeService.getVariables(soNgoaiVu.processInstanceId()).keySet())
                .doesNotContainAnyElementsOf(AssignmentFormContext.NAMES)
                .doesNotContain(AgencyAssignmentProcess.Variables.ASSIGNMENT_ID);
    }

    @Test
    void formVariablesOfAnAgencyTaskAreTheValuesOfOurTablesOnBothMounts() throws Exception {
        assertThat(expected.get(DIRECTIVE_NUMBER)).isNotBlank();
        assertContext(engineRest("cbsngv", "/task/" + task + "/form-variables"));

        TasklistSession tasklist = new TasklistSession(port, processEngine.getName());
        assertThat(tasklist.login("cbsngv", "demo", "tasklist")).isEqualTo(200);
        HttpResponse<String> fromTasklist = tasklist.get("/task/" + task + "/form-variables?deserializeValues=false");
        assertThat(fromTasklist.statusCode()).isEqualTo(200);
        assertContext(mapper.readTree(fromTasklist.body()));
    }

    @Test
    void onlyTheNamesAskedForAreAdded() {
        JsonNode some = engineRest("cbsngv", "/task/" + task + "/form-variables?variableNames=directiveNumber,acknowledged");
        assertThat(some.get(DIRECTIVE_NUMBER).get("value").asText()).isEqualTo(expected.get(DIRECTIVE_NUMBER));
        assertThat(some.has(AGENCY_NAME)).isFalse();
        assertThat(some.has(DEADLINE_LABEL)).isFalse();
    }

    @Test
    void aVariableOfTheSameNameDoesNotChangeWhatTheFormShows() {
        String pi = soNgoaiVu.processInstanceId();
        runtimeService.setVariable(pi, DIRECTIVE_NUMBER, "99/GIẢ-MẠO");
        runtimeService.setVariable(pi, AGENCY_NAME, "Sở Tài chính");
        try {
            assertContext(engineRest("cbsngv", "/task/" + task + "/form-variables"));
        } finally {
            runtimeService.removeVariables(pi, List.of(DIRECTIVE_NUMBER, AGENCY_NAME));
        }
        // A user cannot write it through a completion either: it is a display field of the form (ADR 12).
        ResponseEntity<String> forged = as("cbsngv").postForEntity(root() + "/task/" + task + "/complete",
                json("{\"variables\":{\"acknowledged\":{\"value\":true},\"directiveNumber\":{\"value\":\"99/GIẢ-MẠO\"}}}"),
                String.class);
        assertThat(forged.getStatusCode().value()).isEqualTo(400);
        assertThat(taskService.createTaskQuery().taskId(task).count()).isEqualTo(1);
    }

    @Test
    void anotherAgencysOfficerGetsNoValuesThroughEitherMount() throws Exception {
        ResponseEntity<String> engineRest = as("cbstc").getForEntity(root() + "/task/" + task + "/form-variables", String.class);
        assertThat(engineRest.getStatusCode().value()).isIn(403, 404);
        assertNoContext(engineRest.getBody());

        TasklistSession tasklist = new TasklistSession(port, processEngine.getName());
        assertThat(tasklist.login("cbstc", "demo", "tasklist")).isEqualTo(200);
        HttpResponse<String> fromTasklist = tasklist.get("/task/" + task + "/form-variables?deserializeValues=false");
        assertThat(fromTasklist.statusCode()).isIn(403, 404);
        assertNoContext(fromTasklist.body());
        // Without credentials: 401 and nothing.
        ResponseEntity<String> anonymous = rest.getForEntity(root() + "/task/" + task + "/form-variables", String.class);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
        assertNoContext(anonymous.getBody());
    }

    @Test
    void tasksOfOtherProcessesKeepTheirOwnVariables() {
        long[] id = new long[1];
        asUser("dieuphoi", () -> id[0] = directiveService.submit(
                DirectiveFixtures.smallDirective("Ngữ cảnh biểu mẫu: dự thảo", List.of("SCT"), List.of()), "dieuphoi"));
        String review = task(directiveService.get(id[0]).issuanceProcessInstanceId(),
                DirectiveIssuanceProcess.Elements.REVIEW_DRAFT).getId();
        JsonNode variables = engineRest("lanhdaovp", "/task/" + review + "/form-variables");
        assertThat(variables.get(DirectiveIssuanceProcess.Variables.DIRECTIVE_SUBJECT).get("value").asText())
                .isEqualTo("Ngữ cảnh biểu mẫu: dự thảo");
        assertThat(variables.has(AGENCY_NAME)).isFalse();
        assertThat(variables.has(DEADLINE_LABEL)).isFalse();
    }

    private void assertContext(JsonNode variables) {
        expected.forEach((name, value) -> {
            assertThat(variables.get(name)).as(name).isNotNull();
            assertThat(variables.get(name).get("type").asText()).as(name).isEqualTo("String");
            assertThat(variables.get(name).get("value").asText()).as(name).isEqualTo(value);
        });
    }

    private void assertNoContext(String body) {
        String text = body == null ? "" : body;
        assertThat(text).doesNotContain(SUBJECT).doesNotContain(expected.get(DIRECTIVE_NUMBER)).doesNotContain("Sở Ngoại vụ");
    }

    private JsonNode engineRest(String user, String path) {
        ResponseEntity<String> response = as(user).getForEntity(root() + path, String.class);
        assertThat(response.getStatusCode().value()).as(path).isEqualTo(200);
        try {
            return mapper.readTree(response.getBody());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private String root() {
        return "/engine-rest/engine/" + processEngine.getName();
    }

    private static org.springframework.http.HttpEntity<String> json(String body) {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        return new org.springframework.http.HttpEntity<>(body, headers);
    }
}
