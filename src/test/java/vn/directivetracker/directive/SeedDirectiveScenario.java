package vn.directivetracker.directive;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.directivetracker.assignment.AgencyAssignmentProcess.Variables.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.directivetracker.assignment.AgencyAssignmentProcess;
import vn.directivetracker.support.DirectiveFixtures;
import vn.directivetracker.support.IntegrationTest;

/**
 * The founding letter end to end through the public API: posted as JSON, reviewed, signed, issued,
 * fanned out to exactly the agencies the letter names, one agency's work done and accepted. Runs on
 * H2 and on a real PostgreSQL (subclasses).
 */
abstract class SeedDirectiveScenario extends IntegrationTest {

    private static final List<String> STEERING_COMMITTEE =
            List.of("CAT", "BCHQS", "SNGV", "SVHTTDL", "STC", "SCT", "SDTTG", "VPUBND");

    /**
     * item × agency × role, written the way the letter reads (and independently of the registry code).
     * Exactly the letter: lead agencies only (it assigns no coordinating agency — "phát huy vai trò của
     * Liên hiệp…" and "phối hợp với Ban Tuyên giáo…" assign nothing UBND can track), 163 in all.
     */
    private static Set<String> expectedAssignments() throws IOException {
        Set<String> expected = new HashSet<>();
        // Item 1 "Các sở, ngành, địa phương, đơn vị": every agency of the registry file leads.
        for (String line : Files.readAllLines(Path.of("src/main/resources/data/agencies.csv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("code;")) {
                continue;
            }
            expected.add("1/" + line.split(";")[0] + "/LEAD");
        }
        // Item 2: the eight steering-committee members lead.
        STEERING_COMMITTEE.forEach(code -> expected.add("2/" + code + "/LEAD"));
        // Item 3: Sở VHTTDL leads.
        expected.add("3/SVHTTDL/LEAD");
        return expected;
    }

    @Test
    void seedLetterIsIssuedFannedOutReportedAndAccepted() throws IOException {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> created = as("dieuphoi").postForEntity(
                "/api/directives", new HttpEntity<>(DirectiveFixtures.seedJson(), headers), JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long id = created.getBody().get("id").asLong();
        assertThat(created.getHeaders().getLocation()).hasPath("/api/directives/" + id);

        String issuance = directiveService.get(id).issuanceProcessInstanceId();
        complete(issuance, DirectiveIssuanceProcess.Elements.REVIEW_DRAFT, "lanhdaovp", Map.of("reviewDecision", "APPROVE"));
        complete(issuance, DirectiveIssuanceProcess.Elements.SIGN_DIRECTIVE, "lanhdaoubnd", Map.of("signDecision", "APPROVE"));
        complete(issuance, DirectiveIssuanceProcess.Elements.REGISTER_AND_ISSUE, "vanthu", Map.of("registered", true));
        executeJobs();

        JsonNode directive = as("dieuphoi").getForObject("/api/directives/" + id, JsonNode.class);
        assertThat(directive.get("status").asText()).isEqualTo("ISSUED");
        String number = directive.get("number").asText();
        assertThat(number).matches("\\d{2,}/UBND-KGVX");
        Set<String> actual = new HashSet<>();
        directive.get("assignments").forEach(a -> actual.add(
                a.get("itemLabel").asText() + "/" + a.get("agencyCode").asText() + "/" + a.get("role").asText()));
        assertThat(actual).isEqualTo(expectedAssignments());
        assertThat(directive.get("assignments")).hasSize(163);
        // The letter sets no deadline and asks for no periodic report: every item is ongoing.
        assertThat(directive.get("items")).allSatisfy(item -> {
            assertThat(item.get("ongoing").asBoolean()).isTrue();
            assertThat(item.has("deadline")).isFalse();
            assertThat(item.has("reportSchedule")).isFalse();
            item.get("responsible").forEach(r -> assertThat(r.get("role").asText()).isEqualTo("LEAD"));
        });

        // One child process per assignment, keyed <number>/<agency>, each waiting for its agency.
        String execution = directiveService.get(id).executionProcessInstanceId();
        List<ProcessInstance> children = runtimeService.createProcessInstanceQuery().superProcessInstanceId(execution).list();
        assertThat(children).hasSize(actual.size());
        assertThat(children).allSatisfy(child -> assertThat(child.getBusinessKey()).startsWith(number + "/"));
        // Sở Ngoại vụ has two tasks waiting: item 1 (all agencies) and item 2 (steering committee).
        assertThat(taskService.createTaskQuery().taskCandidateGroup("SNGV")
                .processInstanceBusinessKey(number + "/SNGV").count()).isEqualTo(2);

        // Item 3 is continuing work ("thường xuyên"): no deadline, "Không thời hạn".
        JsonNode item3 = find(directive.get("assignments"), "3", "SVHTTDL");
        assertThat(item3.has("deadline")).isFalse();
        assertThat(item3.get("status").asText()).isEqualTo("ONGOING");

        // Sở VHTTDL does item 3; its head approves; the coordinator accepts.
        String child = item3.get("processInstanceId").asText();
        complete(child, AgencyAssignmentProcess.Elements.ACKNOWLEDGE_RECEIPT, "cbsvhttdl", Map.of("acknowledged", true));
        complete(child, AgencyAssignmentProcess.Elements.REPORT_PROGRESS, "cbsvhttdl", Map.of(
                PROGRESS_NOTE, "Đã phối hợp tổ chức tuyên truyền trên báo chí", PROGRESS_PERCENT, 100, RESULT_READY, true));
        complete(child, AgencyAssignmentProcess.Elements.APPROVE_RESULT, "ldsvhttdl", Map.of(HEAD_DECISION, "APPROVE"));
        complete(child, AgencyAssignmentProcess.Elements.REVIEW_RESULT, "dieuphoi", Map.of(REVIEW_DECISION, "ACCEPT"));
        executeJobs();

        JsonNode after = as("dieuphoi").getForObject("/api/directives/" + id, JsonNode.class);
        JsonNode done = find(after.get("assignments"), "3", "SVHTTDL");
        assertThat(done.get("phase").asText()).isEqualTo("COMPLETED");
        assertThat(find(after.get("assignments"), "1", "SVHTTDL").get("phase").asText()).isEqualTo("RECEIVED");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(child).count()).isZero();
    }

    private static JsonNode find(JsonNode assignments, String item, String agency) {
        for (JsonNode a : assignments) {
            if (a.get("itemLabel").asText().equals(item) && a.get("agencyCode").asText().equals(agency)) {
                return a;
            }
        }
        throw new AssertionError("No assignment " + item + "/" + agency);
    }
}
