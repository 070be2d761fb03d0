package vn.directivetracker.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.directivetracker.assignment.AgencyAssignmentProcess.Elements.*;
import static vn.directivetracker.assignment.AgencyAssignmentProcess.Variables.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.directivetracker.assignment.AssignmentRepository;
import vn.directivetracker.common.Clocks;
import vn.directivetracker.delegation.DelegationService;
import vn.directivetracker.support.DirectiveFixtures;
import vn.directivetracker.support.IntegrationTest;

/**
 * The audit trail of a directive, for coordinators and leaders: the engine's log of who started,
 * claimed and completed, our decisions with their comments (a head's return), and a deputy acting for
 * the absent head — in time order. Other roles are refused.
 */
class AuditTest extends IntegrationTest {

    @Autowired AssignmentRepository assignments;
    @Autowired DelegationService delegations;
    @Autowired Clocks clocks;

    @AfterEach
    void endDelegations() {
        delegations.all().stream().filter(d -> d.cancelledAt() == null).forEach(d -> delegations.cancel(d.id(), "admin"));
    }

    @Test
    void coordinatorsAndLeadersReadWhoDidWhatToADirective() {
        long id = submitAndIssue(DirectiveFixtures.smallDirective("Nhật ký: một nhiệm vụ", List.of("SNGV"), List.of()));
        String pi = assignments.ofDirective(id).get(0).processInstanceId();
        Map<String, Object> ready = Map.of(PROGRESS_NOTE, "Xong", PROGRESS_PERCENT, 100, RESULT_READY, true);
        complete(pi, ACKNOWLEDGE_RECEIPT, "cbsngv", Map.of("acknowledged", true));
        complete(pi, REPORT_PROGRESS, "cbsngv", ready);
        complete(pi, APPROVE_RESULT, "ldsngv", Map.of(HEAD_DECISION, "RETURN", HEAD_COMMENT, "Bổ sung số liệu"));
        complete(pi, REPORT_PROGRESS, "cbsngv", ready);
        // The head is away: the officer approves for them.
        delegations.create("ldsngv", "cbsngv", clocks.today(), clocks.today(), "Nghỉ phép", "ldsngv", false);
        complete(pi, APPROVE_RESULT, "cbsngv", Map.of(HEAD_DECISION, "APPROVE"));

        JsonNode trail = as("dieuphoi").getForObject("/api/audit?directiveId=" + id, JsonNode.class);
        assertThat(trail.isArray()).as(trail.toString()).isTrue();
        List<String> lines = new ArrayList<>();
        trail.forEach(e -> lines.add(e.get("source").asText() + " " + e.path("actor").asText("-") + " " + e.get("action").asText()
                + (e.hasNonNull("taskName") ? " " + e.get("taskName").asText() : "")
                + (e.hasNonNull("onBehalfOf") ? " for " + e.get("onBehalfOf").asText() : "")));
        assertThat(lines).contains(
                "CAMUNDA dieuphoi Create",
                "DIRECTIVE dieuphoi SUBMITTED",
                "CAMUNDA lanhdaovp Claim Kiểm tra dự thảo",
                "CAMUNDA lanhdaovp Complete Kiểm tra dự thảo",
                "DIRECTIVE lanhdaoubnd SIGNED",
                "CAMUNDA vanthu Complete Vào sổ, cấp số và phát hành",
                "CAMUNDA cbsngv Complete Xác nhận tiếp nhận nhiệm vụ",
                "DIRECTIVE ldsngv HEAD_RETURNED",
                "DELEGATION cbsngv COMPLETE Lãnh đạo đơn vị duyệt kết quả for ldsngv");
        assertThat(lines.indexOf("DIRECTIVE ldsngv HEAD_RETURNED"))
                .isLessThan(lines.indexOf("DELEGATION cbsngv COMPLETE Lãnh đạo đơn vị duyệt kết quả for ldsngv"));
        JsonNode returned = find(trail, "HEAD_RETURNED");
        assertThat(returned.get("label").asText()).isEqualTo("Lãnh đạo đơn vị yêu cầu bổ sung");
        assertThat(returned.get("detail").asText()).isEqualTo("SNGV: Bổ sung số liệu");

        assertThat(as("lanhdaoubnd").getForEntity("/api/audit?directiveId=" + id, String.class).getStatusCode().value()).isEqualTo(200);
        assertThat(as("lanhdaovp").getForEntity("/api/audit?directiveId=" + id, String.class).getStatusCode().value()).isEqualTo(200);
        for (String user : List.of("vanthu", "cbsngv", "ldsngv")) {
            assertThat(as(user).getForEntity("/api/audit?directiveId=" + id, String.class).getStatusCode().value()).as(user).isEqualTo(403);
        }
        assertThat(as("dieuphoi").getForEntity("/api/audit?directiveId=999999", String.class).getStatusCode().value()).isEqualTo(404);

        // One user's actions over a period: the officer's own and those done for the head.
        JsonNode officer = as("dieuphoi").getForObject("/api/audit?userId=cbsngv&from=" + clocks.today().minusDays(1), JsonNode.class);
        assertThat(officer).isNotEmpty();
        assertThat(officer).allSatisfy(e -> assertThat(e.get("actor").asText()).isEqualTo("cbsngv"));
    }

    private static JsonNode find(JsonNode trail, String action) {
        for (JsonNode entry : trail) {
            if (entry.get("action").asText().equals(action)) {
                return entry;
            }
        }
        throw new AssertionError("No " + action + " in " + trail);
    }
}
