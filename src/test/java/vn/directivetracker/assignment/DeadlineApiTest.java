package vn.directivetracker.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.directivetracker.assignment.AgencyAssignmentProcess.Elements.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.directivetracker.support.DirectiveFixtures;
import vn.directivetracker.support.IntegrationTest;

/**
 * Deadlines through the application API: extension requests (and their bad input), item deadline
 * amendments, revocation, and ongoing work that closes with its period.
 */
class DeadlineApiTest extends IntegrationTest {

    @Autowired AssignmentRepository assignments;

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

    private Assignment issueTo(String agency, LocalDate deadline) {
        long id = submitAndIssue(DirectiveFixtures.withDeadline("API thời hạn " + System.nanoTime(), List.of(agency), deadline));
        Assignment assignment = assignments.ofDirective(id).get(0);
        complete(assignment.processInstanceId(), ACKNOWLEDGE_RECEIPT, "cb" + agency.toLowerCase(), Map.of());
        return assignment;
    }

    private List<java.util.Date> timers(Assignment a) {
        return managementService.createJobQuery().processInstanceId(a.processInstanceId()).timers().list().stream()
                .map(Job::getDuedate).toList();
    }

    static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private long extensionRows() {
        return count("extension_request");
    }

    @Test
    void agencyRequestsExtensionThroughTheApi() {
        Assignment a = issueTo("SNGV", LocalDate.of(2026, 12, 18));
        ResponseEntity<JsonNode> response = as("cbsngv").postForEntity("/api/assignments/" + a.id() + "/extension-requests",
                json("{\"requestedDeadline\":\"2026-12-23\",\"reason\":\"Chờ số liệu\"}"), JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(response.getBody().get("deciderGroup").asText()).isEqualTo("coordinator");
        assertThat(task(a.processInstanceId(), DECIDE_EXTENSION)).isNotNull();

        JsonNode details = as("dieuphoi").getForObject("/api/assignments/" + a.id(), JsonNode.class);
        assertThat(details.get("extensions")).hasSize(1);
        assertThat(details.get("extensions").get(0).get("requestedBy").asText()).isEqualTo("cbsngv");
    }

    @Test
    void badExtensionRequestsAnswer400AndChangeNothing() {
        Assignment a = issueTo("SNGV", LocalDate.of(2026, 12, 18));
        String url = "/api/assignments/" + a.id() + "/extension-requests";
        Map<String, String> cases = Map.of(
                "{\"requestedDeadline\":\"2026-11-01\",\"reason\":\"x\"}", "requestedDeadline",   // in the past
                "{\"requestedDeadline\":\"2026-12-10\",\"reason\":\"x\"}", "requestedDeadline",   // before the deadline
                "{\"requestedDeadline\":\"2026-12-23\",\"reason\":\" \"}", "reason",              // reason missing
                "{\"requestedDeadline\":\"23/12/2026\",\"reason\":\"x\"}", "requestedDeadline");  // malformed
        long before = extensionRows();
        cases.forEach((body, field) -> {
            ResponseEntity<JsonNode> response = as("cbsngv").postForEntity(url, json(body), JsonNode.class);
            assertThat(response.getStatusCode()).as(body).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getBody().get("errors").findValuesAsText("field")).as(body).contains(field);
        });
        assertThat(extensionRows()).isEqualTo(before);
        assertThat(task(a.processInstanceId(), REPORT_PROGRESS)).isNotNull();
        assertThat(assignments.get(a.id()).deadline()).isEqualTo(LocalDate.of(2026, 12, 18));
        // Another agency may not ask on Sở Ngoại vụ's behalf.
        assertThat(as("cbstc").postForEntity(url, json("{\"requestedDeadline\":\"2026-12-23\",\"reason\":\"x\"}"), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void itemDeadlineAmendmentMovesOpenAssignmentsAndTheirTimers() {
        Assignment a = issueTo("SNGV", LocalDate.of(2026, 12, 18));
        ResponseEntity<JsonNode> response = as("dieuphoi").exchange("/api/directives/" + a.directiveId() + "/items/1",
                HttpMethod.PATCH, json("{\"deadline\":\"2027-01-08\",\"reason\":\"Điều chỉnh theo kế hoạch\"}"), JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(assignments.get(a.id()).deadline()).isEqualTo(LocalDate.of(2027, 1, 8));
        // The watch still waits at its first timer (ADR 32), which the new deadline leaves on Wednesday 2/12;
        // from there it goes to "due soon": 3 working days before Friday 8/1/2027 is Tuesday 5/1/2027, 08:00.
        assertThat(timers(a)).containsExactly(DeadlineFollowUpTest.at(2026, 12, 2, 8));
        DeadlineFollowUpTest.clockAt(LocalDateTime.of(2026, 12, 2, 8, 1));
        executeJobs();
        assertThat(timers(a)).containsExactly(DeadlineFollowUpTest.at(2027, 1, 5, 8));
        assertThat(response.getBody().get("assignments").get(0).get("deadline").asText()).isEqualTo("2027-01-08");
        assertThat(as("dieuphoi").getForObject("/api/directives/" + a.directiveId() + "/history", JsonNode.class)
                .findValuesAsText("type")).contains("DEADLINE_CHANGED");
    }

    @Test
    void itemAgencyAmendmentStartsAndCancelsAgencyProcesses() {
        long id = submitAndIssue(DirectiveFixtures.withDeadline("Điều chỉnh đơn vị " + System.nanoTime(), List.of("SNGV", "STC"),
                LocalDate.of(2026, 12, 18)));
        String execution = directiveService.get(id).executionProcessInstanceId();
        String url = "/api/directives/" + id + "/items/1";

        ResponseEntity<JsonNode> bad = as("dieuphoi").exchange(url, HttpMethod.PATCH,
                json("{\"addLeadAgencies\":[\"KHONGCO\"],\"removeAgencies\":[\"SCT\"],\"reason\":\"x\"}"), JsonNode.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().get("errors").findValuesAsText("field")).contains("addLeadAgencies", "removeAgencies");
        assertThat(assignments.ofDirective(id)).hasSize(2);

        ResponseEntity<JsonNode> ok = as("dieuphoi").exchange(url, HttpMethod.PATCH,
                json("{\"addCoordinatingAgencies\":[\"SCT\"],\"removeAgencies\":[\"STC\"],\"reason\":\"Phân công lại\"}"),
                JsonNode.class);
        assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.OK);
        executeJobs();

        Assignment added = assignments.ofDirective(id).stream().filter(a -> a.agencyCode().equals("SCT")).findFirst().orElseThrow();
        Assignment removed = assignments.ofDirective(id).stream().filter(a -> a.agencyCode().equals("STC")).findFirst().orElseThrow();
        assertThat(added.role()).isEqualTo(vn.directivetracker.directive.ResponsibleRole.COORDINATING);
        assertThat(added.deadline()).isEqualTo(LocalDate.of(2026, 12, 18));
        assertThat(task(added.processInstanceId(), ACKNOWLEDGE_RECEIPT)).isNotNull();
        assertThat(removed.cancelledAt()).isNotNull();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(removed.processInstanceId()).count()).isZero();
        assertThat(runtimeService.createProcessInstanceQuery().superProcessInstanceId(execution).list())
                .extracting(pi -> pi.getBusinessKey().substring(pi.getBusinessKey().lastIndexOf('/') + 1))
                .containsExactlyInAnyOrder("SNGV", "SCT");

        // The directive still closes once the remaining agencies are done.
        for (String agency : List.of("SNGV", "SCT")) {
            String pi = assignments.ofDirective(id).stream().filter(a -> a.agencyCode().equals(agency)).findFirst().orElseThrow()
                    .processInstanceId();
            String lower = agency.toLowerCase();
            complete(pi, ACKNOWLEDGE_RECEIPT, "cb" + lower, Map.of());
            complete(pi, REPORT_PROGRESS, "cb" + lower, Map.of(AgencyAssignmentProcess.Variables.PROGRESS_NOTE, "Xong",
                    AgencyAssignmentProcess.Variables.PROGRESS_PERCENT, 100, AgencyAssignmentProcess.Variables.RESULT_READY, true));
            complete(pi, APPROVE_RESULT, "ld" + lower, Map.of(AgencyAssignmentProcess.Variables.HEAD_DECISION, "APPROVE"));
            complete(pi, REVIEW_RESULT, "dieuphoi", Map.of(AgencyAssignmentProcess.Variables.REVIEW_DECISION, "ACCEPT"));
            executeJobs();
        }
        assertThat(task(execution, vn.directivetracker.directive.DirectiveExecutionProcess.Elements.EVALUATE_DIRECTIVE)).isNotNull();
    }

    @Test
    void revocationCancelsEveryAssignmentAndTellsTheAgencies() {
        long id = submitAndIssue(DirectiveFixtures.withDeadline("Thu hồi " + System.nanoTime(), List.of("SNGV", "STC"),
                LocalDate.of(2026, 12, 18)));
        String execution = directiveService.get(id).executionProcessInstanceId();
        assertThat(runtimeService.createProcessInstanceQuery().superProcessInstanceId(execution).count()).isEqualTo(2);

        ResponseEntity<JsonNode> denied = as("cbsngv").postForEntity("/api/directives/" + id + "/revoke",
                json("{\"reason\":\"x\"}"), JsonNode.class);
        assertThat(denied.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> revoked = as("dieuphoi").postForEntity("/api/directives/" + id + "/revoke",
                json("{\"reason\":\"Thay thế bằng văn bản khác\"}"), JsonNode.class);
        assertThat(revoked.getStatusCode()).isEqualTo(HttpStatus.OK);
        executeJobs();

        assertThat(revoked.getBody().get("status").asText()).isEqualTo("REVOKED");
        assertThat(revoked.getBody().get("assignments").findValuesAsText("status")).containsOnly("CANCELLED");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(execution).count()).isZero();
        assertThat(assignments.ofDirective(id)).allSatisfy(a ->
                assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(a.processInstanceId()).count()).isZero());
        assertThat(jdbc.sql("select count(distinct recipient) from notification where directive_id = ? and event_type = 'DIRECTIVE_REVOKED'")
                .param(id).query(Long.class).single()).isEqualTo(2); // both agencies
        assertThat(as("dieuphoi").postForEntity("/api/directives/" + id + "/revoke", json("{\"reason\":\"lần hai\"}"),
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void ongoingWorkHasNoDeadlineTimersAndClosesWithItsPeriod() {
        long withPeriod = submitAndIssue(DirectiveFixtures.ongoingUntil("Thường xuyên " + System.nanoTime(), List.of("SNGV"),
                LocalDate.of(2026, 12, 31)));
        Assignment a = assignments.ofDirective(withPeriod).get(0);
        complete(a.processInstanceId(), ACKNOWLEDGE_RECEIPT, "cbsngv", Map.of());
        // The watch's first timer (ADR 32), then the period's end.
        assertThat(timers(a)).containsExactly(DeadlineFollowUpTest.at(2026, 12, 2, 8));
        DeadlineFollowUpTest.clockAt(LocalDateTime.of(2026, 12, 2, 8, 1));
        executeJobs();
        assertThat(timers(a))
                .containsExactly(java.util.Date.from(LocalDate.of(2027, 1, 1).atStartOfDay(DeadlineFollowUpTest.VIETNAM).toInstant()));

        DeadlineFollowUpTest.clockAt(LocalDateTime.of(2027, 1, 1, 0, 1));
        executeJobs();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(a.processInstanceId()).count()).isZero();
        assertThat(assignments.get(a.id()).phase()).isEqualTo(AssignmentPhase.COMPLETED);

        DeadlineFollowUpTest.clockAt(LocalDateTime.of(2026, 11, 30, 9, 0));
        long noPeriod = submitAndIssue(DirectiveFixtures.smallDirective("Không kỳ " + System.nanoTime(), List.of("SNGV"), List.of()));
        Assignment b = assignments.ofDirective(noPeriod).get(0);
        complete(b.processInstanceId(), ACKNOWLEDGE_RECEIPT, "cbsngv", Map.of());
        assertThat(timers(b)).containsExactly(DeadlineFollowUpTest.at(2026, 12, 2, 8));
        DeadlineFollowUpTest.clockAt(LocalDateTime.of(2026, 12, 2, 8, 1));
        executeJobs();
        // Nothing more to wait for; the work itself goes on.
        assertThat(timers(b)).isEmpty();
        assertThat(task(b.processInstanceId(), REPORT_PROGRESS)).isNotNull();
    }

    @Test
    void statusesAsOfAnyDateWithDueSoonFlag() {
        Assignment a = issueTo("SNGV", LocalDate.of(2026, 12, 18));
        JsonNode early = as("dieuphoi").getForObject("/api/directives/" + a.directiveId() + "?asOf=2026-12-01", JsonNode.class);
        JsonNode soon = as("dieuphoi").getForObject("/api/directives/" + a.directiveId() + "?asOf=2026-12-15", JsonNode.class);
        JsonNode late = as("dieuphoi").getForObject("/api/directives/" + a.directiveId() + "?asOf=2026-12-21", JsonNode.class);
        assertThat(early.get("assignments").get(0).get("status").asText()).isEqualTo("IN_PROGRESS_ON_TIME");
        assertThat(early.get("assignments").get(0).get("dueSoon").asBoolean()).isFalse();
        assertThat(soon.get("assignments").get(0).get("status").asText()).isEqualTo("IN_PROGRESS_ON_TIME");
        assertThat(soon.get("assignments").get(0).get("dueSoon").asBoolean()).isTrue();
        assertThat(late.get("assignments").get(0).get("status").asText()).isEqualTo("IN_PROGRESS_OVERDUE");
        ResponseEntity<JsonNode> malformed = as("dieuphoi").getForEntity("/api/directives/" + a.directiveId() + "?asOf=21-12-2026", JsonNode.class);
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
