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
import vn.directivetracker.common.Decisions;
import vn.directivetracker.directive.DirectiveIssuanceProcess;
import vn.directivetracker.support.DirectiveFixtures;
import vn.directivetracker.support.IntegrationTest;
import vn.directivetracker.support.WebSession;

/**
 * "Yêu cầu báo cáo" on the detail page opens a report collection through the same service as
 * {@code POST /api/directives/{id}/report-requests}: a bad value is shown and opens nothing, the same
 * period twice is refused, and an agency officer cannot do it at all.
 */
class ReportRequestPageTest extends IntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    @LocalServerPort int port;

    @Test
    void coordinatorOpensAReportCollectionFromTheDetailPage() {
        long id = issuedDirective();
        WebSession coordinator = new WebSession(port);
        coordinator.login("dieuphoi", "demo");
        String page = coordinator.get("/app/directives/" + id).body();
        assertThat(page).contains("Yêu cầu báo cáo");
        String csrf = csrf(page);

        // Neither a period nor a cut-off, and a cut-off that is not a date: refused, nothing opened.
        assertThat(post(coordinator, id, csrf, "", "", "").statusCode()).isEqualTo(302);
        assertThat(coordinator.get("/app/directives/" + id).body()).contains("Cần đúng một trong hai");
        assertThat(post(coordinator, id, csrf, "", "31/02/2026", "").statusCode()).isEqualTo(302);
        assertThat(coordinator.get("/app/directives/" + id).body()).contains("không hợp lệ");
        assertThat(periods(id)).isZero();

        assertThat(post(coordinator, id, csrf, "", "01/12/2026", "").statusCode()).isEqualTo(302);
        assertThat(coordinator.get("/app/directives/" + id).body()).contains("Đã yêu cầu các đơn vị đang thực hiện nộp báo cáo");
        assertThat(periods(id)).isEqualTo(1);
        String processInstance = jdbc.sql("select process_instance_id from report_period where directive_id = ?")
                .param(id).query(String.class).single();
        assertThat(processInstance).isNotNull();

        // The same ad-hoc request again: a conflict, shown on the page, and still one period.
        post(coordinator, id, csrf, "", "01/12/2026", "");
        assertThat(coordinator.get("/app/directives/" + id).body()).contains("đã có kỳ báo cáo");
        assertThat(periods(id)).isEqualTo(1);

        WebSession officer = new WebSession(port);
        officer.login("cbsngv", "demo");
        String officerPage = officer.get("/app/directives/" + id).body();
        assertThat(officerPage).doesNotContain("report-request-form");
        assertThat(post(officer, id, csrf(officerPage), "2026-Q4", "", "").statusCode()).isEqualTo(403);
        assertThat(periods(id)).isEqualTo(1);
    }

    private long issuedDirective() {
        long[] id = new long[1];
        asUser("dieuphoi", () -> id[0] = directiveService.submit(
                DirectiveFixtures.smallDirective("Báo cáo theo yêu cầu", List.of("SNGV", "STC"), List.of()), "dieuphoi"));
        String pi = directiveService.get(id[0]).issuanceProcessInstanceId();
        complete(pi, DirectiveIssuanceProcess.Elements.REVIEW_DRAFT, "lanhdaovp",
                Map.of(DirectiveIssuanceProcess.Variables.REVIEW_DECISION, Decisions.APPROVE));
        complete(pi, DirectiveIssuanceProcess.Elements.SIGN_DIRECTIVE, "lanhdaoubnd",
                Map.of(DirectiveIssuanceProcess.Variables.SIGN_DECISION, Decisions.APPROVE));
        complete(pi, DirectiveIssuanceProcess.Elements.REGISTER_AND_ISSUE, "vanthu", Map.of("registered", true));
        executeJobs();
        return id[0];
    }

    private HttpResponse<String> post(WebSession session, long id, String csrf, String period, String cutOff, String deadline) {
        return session.postForm("/app/directives/" + id + "/report-request", String.join("&",
                "_csrf=" + enc(csrf), "period=" + enc(period), "cutOff=" + enc(cutOff), "deadline=" + enc(deadline)));
    }

    private long periods(long directiveId) {
        return jdbc.sql("select count(*) from report_period where directive_id = ?").param(directiveId).query(Long.class).single();
    }

    private static String csrf(String page) {
        Matcher matcher = CSRF.matcher(page);
        assertThat(matcher.find()).as("CSRF token on the page").isTrue();
        return matcher.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
