package vn.directivetracker.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.directivetracker.directive.DirectiveIssuanceProcess;
import vn.directivetracker.directive.DirectiveStatus;
import vn.directivetracker.support.DirectiveFixtures;
import vn.directivetracker.support.IntegrationTest;
import vn.directivetracker.support.WebSession;

/** A draft the office leader returns opens in the workspace's form; saving it resubmits it for review. */
class DraftRevisionPageTest extends IntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    @LocalServerPort int port;

    @Test
    void returnedDraftIsRevisedInTheFormAndGoesBackToReview() {
        long[] id = new long[1];
        asUser("dieuphoi", () -> id[0] = directiveService.submit(
                DirectiveFixtures.smallDirective("Dự thảo sẽ bị trả lại", List.of("SNGV"), List.of()), "dieuphoi"));
        String pi = directiveService.get(id[0]).issuanceProcessInstanceId();
        complete(pi, DirectiveIssuanceProcess.Elements.REVIEW_DRAFT, "lanhdaovp", Map.of(
                DirectiveIssuanceProcess.Variables.REVIEW_DECISION, vn.directivetracker.common.Decisions.RETURN,
                DirectiveIssuanceProcess.Variables.REVIEW_COMMENT, "Bổ sung Sở Tài chính phối hợp"));
        assertThat(directiveService.get(id[0]).status()).isEqualTo(DirectiveStatus.RETURNED_FOR_REVISION);

        WebSession coordinator = new WebSession(port);
        coordinator.login("dieuphoi", "demo");
        assertThat(coordinator.get("/app/directives/" + id[0]).body()).contains("Sửa dự thảo bị trả lại");
        HttpResponse<String> form = coordinator.get("/app/directives/" + id[0] + "/revise");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Dự thảo sẽ bị trả lại", "value=\"" + id[0] + "\"");
        Matcher csrf = CSRF.matcher(form.body());
        assertThat(csrf.find()).isTrue();

        HttpResponse<String> saved = coordinator.postForm("/app/directives", String.join("&",
                "_csrf=" + enc(csrf.group(1)), "action=submit", "directiveId=" + id[0], "type=CONG_VAN", "fieldCode=KGVX",
                "subject=" + enc("Dự thảo đã sửa theo ý kiến"), "recipients=SNGV", "signerAuthority=" + enc("TM. ỦY BAN NHÂN DÂN"),
                "signerTitle=" + enc("CHỦ TỊCH"), "signerName=" + enc("Nguyễn Văn Thử"), "items[0].label=1",
                "items[0].content=" + enc("Nội dung đã sửa"), "items[0].leadAgencies=SNGV", "items[0].coordinatingAgencies=STC",
                "items[0].deadlineKind=ONGOING", "revisionNote=" + enc("Đã thêm Sở Tài chính")));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(directiveService.get(id[0]).subject()).isEqualTo("Dự thảo đã sửa theo ý kiến");
        assertThat(directiveService.get(id[0]).status()).isEqualTo(DirectiveStatus.IN_REVIEW);
        assertThat(jdbc.sql("select count(*) from directive_item_responsible r join directive_item i on i.id = r.item_id"
                + " where i.directive_id = ? and r.responsible_code = 'STC' and r.role = 'COORDINATING'")
                .param(id[0]).query(Long.class).single()).isEqualTo(1);
        task(pi, DirectiveIssuanceProcess.Elements.REVIEW_DRAFT);
        assertThat(jdbc.sql("select comment_text from directive_event where directive_id = ? and event_type = 'REVISED'")
                .param(id[0]).query(String.class).single()).isEqualTo("Đã thêm Sở Tài chính");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
