package vn.directivetracker.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.directivetracker.support.IntegrationTest;

/**
 * Onboarding from a CSV file: accounts with their agency and role groups, passwords under Camunda's
 * policy (generated when absent), a bad file rejected as a whole naming each bad line, administrators
 * only.
 */
class AccountImportTest extends IntegrationTest {

    private static final String HEADER = "id;firstName;lastName;email;agencyCode;role;password\n";

    private ResponseEntity<JsonNode> upload(String user, String password, String csv) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType("text", "csv"));
        return rest.withBasicAuth(user, password)
                .postForEntity("/api/admin/users/import", new HttpEntity<>(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), headers), JsonNode.class);
    }

    @Test
    void importsAccountsWithAgencyAndRoleMembershipsAndPolicyPasswords() {
        String csv = "\uFEFF" + HEADER
                + "# Sở Tư pháp và Sở Nội vụ\n"
                + "nvtuphap1;Nguyễn Văn;An;an.nv@stp.example.gov.vn;STP;officer;Tu-phap#2026\n"
                + "ldtuphap1;Trần Thị;Bình;binh.tt@stp.example.gov.vn;STP;head;\n"
                + "theodoi2;Lê Văn;Cường;cuong.lv@vpubnd.example.gov.vn;;coordinator;Theo-doi#2026\n";
        ResponseEntity<JsonNode> response = upload("admin", "demo", csv);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody().get("created").asInt()).isEqualTo(3);
        assertThat(groupsOf("nvtuphap1")).containsExactly("STP");
        assertThat(groupsOf("ldtuphap1")).containsExactlyInAnyOrder("STP", "STPhead");
        assertThat(groupsOf("theodoi2")).containsExactly("coordinator");
        User an = identityService.createUserQuery().userId("nvtuphap1").singleResult();
        assertThat(an.getFirstName() + " " + an.getLastName()).isEqualTo("Nguyễn Văn An");
        assertThat(identityService.checkPassword("nvtuphap1", "Tu-phap#2026")).isTrue();

        // The head had no password in the file: one was generated, satisfies the policy and works.
        String generated = account(response.getBody(), "ldtuphap1").get("initialPassword").asText();
        assertThat(vn.directivetracker.identity.PasswordRules.violations(generated, identityService.createUserQuery()
                .userId("ldtuphap1").singleResult())).isEmpty();
        assertThat(identityService.checkPassword("ldtuphap1", generated)).isTrue();
        assertThat(account(response.getBody(), "nvtuphap1").has("initialPassword")).isFalse();
        // The new officer works at once: their agency's API and Tasklist grants came with the group.
        assertThat(rest.withBasicAuth("nvtuphap1", "Tu-phap#2026").getForEntity("/api/agencies", String.class)
                .getStatusCode().value()).isEqualTo(200);

        // Importing again updates, duplicates nothing and leaves passwords alone when the cell is empty.
        ResponseEntity<JsonNode> again = upload("admin", "demo", csv.replace("Cường", "Cương"));
        assertThat(again.getBody().get("created").asInt()).isZero();
        assertThat(again.getBody().get("updated").asInt()).isEqualTo(3);
        assertThat(identityService.createUserQuery().userId("theodoi2").singleResult().getLastName()).isEqualTo("Cương");
        assertThat(identityService.checkPassword("ldtuphap1", generated)).isTrue();
        assertThat(groupsOf("ldtuphap1")).hasSize(2);
    }

    @Test
    void aBadFileIsRejectedNamingEachBadLineAndCreatesNobody() {
        String csv = HEADER
                + "tot1;Phạm;Tốt;tot@example.gov.vn;SNGV;officer;Mat-khau#2026\n"
                + "xau1;Phạm;Xấu;xau@example.gov.vn;KHONGCO;officer;Mat-khau#2026\n"
                + "yeu1;Phạm;Yếu;yeu@example.gov.vn;SNGV;officer;demo\n"
                + "tot1;Phạm;Trùng;trung@example.gov.vn;SNGV;head;\n"
                + "vai1;Phạm;Vai;vai@example.gov.vn;SNGV;giamdoc;\n"
                + "có dấu;Phạm;Dấu;dau@example.gov.vn;SNGV;officer;\n"
                + "thieu1;Phạm;Thiếu\n";
        long usersBefore = identityService.createUserQuery().count();

        ResponseEntity<JsonNode> response = upload("admin", "demo", csv);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        JsonNode errors = response.getBody().get("errors");
        assertThat(errors).extracting(e -> e.get("field").asText())
                .containsExactly("dòng 3", "dòng 4", "dòng 5", "dòng 6", "dòng 7", "dòng 8");
        assertThat(errors.get(0).get("message").asText()).contains("KHONGCO");
        assertThat(errors.get(1).get("message").asText()).contains("Mật khẩu không đạt chính sách", "ít nhất 10 ký tự");
        assertThat(errors.get(2).get("message").asText()).contains("lặp lại");
        assertThat(identityService.createUserQuery().count()).isEqualTo(usersBefore);
        assertThat(identityService.createUserQuery().userId("tot1").count()).isZero();
    }

    @Test
    void onlyAdministratorsImport() {
        String csv = HEADER + "lau1;Kẻ;Lạ;la@example.gov.vn;SNGV;head;Mat-khau#2026\n";
        for (String user : List.of("dieuphoi", "cbsngv", "lanhdaoubnd")) {
            assertThat(upload(user, "demo", csv).getStatusCode().value()).as(user).isEqualTo(403);
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType("text", "csv"));
        assertThat(rest.postForEntity("/api/admin/users/import", new HttpEntity<>(csv, headers), String.class)
                .getStatusCode().value()).as("anonymous").isEqualTo(401);
        assertThat(identityService.createUserQuery().userId("lau1").count()).isZero();
    }

    private List<String> groupsOf(String user) {
        return identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    }

    private static JsonNode account(JsonNode result, String id) {
        for (JsonNode account : result.get("accounts")) {
            if (account.get("id").asText().equals(id)) {
                return account;
            }
        }
        throw new AssertionError("No account " + id + " in " + result);
    }
}
