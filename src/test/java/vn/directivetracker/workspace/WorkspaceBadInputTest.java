package vn.directivetracker.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.directivetracker.directive.DirectiveStatus;
import vn.directivetracker.support.DirectiveFixtures;
import vn.directivetracker.support.IntegrationTest;
import vn.directivetracker.support.WebSession;

/**
 * Bad input to the workspace, through the same form posts a browser makes (session, CSRF token):
 * every refusal is a clear Vietnamese message on the page and nothing is stored; coordinator-only
 * pages and actions answer 403 to an agency's officer and change nothing.
 */
class WorkspaceBadInputTest extends IntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final String BOUNDARY = "----workspace-test-boundary";

    @LocalServerPort int port;

    private WebSession coordinator;
    private Map<String, Long> before;

    @BeforeEach
    void signInAndCount() {
        coordinator = signedIn("dieuphoi");
        before = counts();
    }

    @Test
    void emptyPasteIsRefusedWithAMessage() {
        HttpResponse<String> page = parse(coordinator, Map.of("text", "   \n  "), null, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(message(page)).contains("Chưa có nội dung văn bản");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void fiveMegabytePasteIsRefusedWithAMessage() {
        String huge = "Ủy ban nhân dân tỉnh giao các sở thực hiện nhiệm vụ. ".repeat(5 * 1024 * 1024 / 60);
        HttpResponse<String> page = parse(coordinator, Map.of("text", huge), null, null);
        assertThat(page.statusCode()).isIn(200, 413);
        assertThat(page.body()).contains("quá lớn", "Chưa có gì được lưu");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void binaryFileIsRefusedWithAMessage() {
        byte[] noise = new byte[64 * 1024];
        new Random(9).nextBytes(noise);
        HttpResponse<String> page = parse(coordinator, Map.of(), "anh-chup.bin", noise);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(message(page)).contains("Không nhận dạng được tệp");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void wordFileThatIsNoLetterIsRefusedWithAMessage() throws IOException {
        ByteArrayOutputStream docx = new ByteArrayOutputStream();
        try (XWPFDocument document = new XWPFDocument()) {
            document.createParagraph().createRun().setText("Thực đơn bữa trưa tuần này: cơm gà, canh chua, rau muống xào tỏi.");
            document.createParagraph().createRun().setText("Chúc cả nhà ngon miệng!");
            document.write(docx);
        }
        HttpResponse<String> page = parse(coordinator, Map.of(), "thuc-don.docx", docx.toByteArray());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(message(page)).contains("Không nhận ra văn bản hành chính");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void submittingAnInvalidFormShowsEachErrorNextToItsFieldAndSavesNothing() {
        String csrf = csrf(coordinator, "/app/directives/new");
        HttpResponse<String> page = coordinator.postForm("/app/directives", String.join("&",
                "_csrf=" + csrf, "action=submit", "type=CONG_VAN", "fieldCode=kgvx!", "subject=",
                "recipients=SNGV,KHONGCO", "signerAuthority=TM.+UBND", "signerTitle=CHU+TICH", "signerName=",
                "items[0].label=1", "items[0].content=Triển+khai", "items[0].leadAgencies=",
                "items[0].deadlineKind=DATE", "items[0].deadlineDate=31/02/2027"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Chưa trình được", "Chưa có trích yếu", "Chưa có họ tên người ký",
                "Chưa có đơn vị chủ trì", "Ngày &#39;31/02/2027&#39; không hợp lệ", "Mã lĩnh vực chỉ gồm chữ in hoa");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void agencyOfficerGets403ForCoordinatorPagesAndActionsAndNothingChanges() {
        long id = submitAndIssue(DirectiveFixtures.smallDirective("Kiểm thử quyền trên không gian làm việc", List.of("SNGV"), List.of()));
        Map<String, Long> issued = counts();
        WebSession officer = signedIn("cbsngv");
        String csrf = csrf(officer, "/app/delegations");

        assertThat(officer.get("/app/directives/new").statusCode()).isEqualTo(403);
        assertThat(officer.get("/app/agencies/suggest?q=so").statusCode()).isEqualTo(403);
        HttpResponse<String> revoke = officer.postForm("/app/directives/" + id + "/revoke", "_csrf=" + csrf + "&reason=thu");
        assertThat(revoke.statusCode()).isEqualTo(403);
        assertThat(revoke.body()).contains("Chỉ chuyên viên theo dõi");
        assertThat(officer.postForm("/app/directives/" + id + "/amend",
                "_csrf=" + csrf + "&item=1&deadline=01/01/2030&reason=x").statusCode()).isEqualTo(403);
        assertThat(parse(officer, Map.of("text", "Kính gửi: Sở Ngoại vụ"), null, null).statusCode()).isEqualTo(403);
        assertThat(officer.postForm("/app/holidays", "_csrf=" + csrf + "&date=03/03/2030&type=OFF&name=x").statusCode())
                .isEqualTo(403);

        assertThat(directiveService.get(id).status()).isEqualTo(DirectiveStatus.ISSUED);
        assertThat(jdbc.sql("select count(*) from assignment where directive_id = ? and cancelled_at is null")
                .param(id).query(Long.class).single()).isEqualTo(1);
        assertThat(counts()).isEqualTo(issued);
        assertThat(jdbc.sql("select count(*) from holiday where holiday_date = ?").param(java.time.LocalDate.of(2030, 3, 3))
                .query(Long.class).single()).isZero();
    }

    // --- helpers ----------------------------------------------------------------------------------

    private WebSession signedIn(String user) {
        WebSession session = new WebSession(port);
        assertThat(session.login(user, "demo").headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).doesNotContain("error"));
        return session;
    }

    private Map<String, Long> counts() {
        return Map.of("directive", count("directive"), "workspace_draft", count("workspace_draft"),
                "directive_item", count("directive_item"), "assignment", count("assignment"),
                "directive_event", count("directive_event"));
    }

    private static String csrf(WebSession session, String page) {
        HttpResponse<String> response = session.get(page);
        Matcher m = CSRF.matcher(response.body());
        assertThat(m.find()).as("CSRF token on " + page + " (" + response.statusCode() + ")").isTrue();
        return m.group(1);
    }

    /** "Phân tích" as the browser sends it: multipart with the text box and the file input. */
    private static HttpResponse<String> parse(WebSession session, Map<String, String> fields, String fileName, byte[] file) {
        String token = csrf(session, "/app/delegations");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> part(body, "Content-Disposition: form-data; name=\"" + name + "\"\r\n"
                + "Content-Type: text/plain; charset=UTF-8", value.getBytes(StandardCharsets.UTF_8)));
        part(body, "Content-Disposition: form-data; name=\"_csrf\"", token.getBytes(StandardCharsets.UTF_8));
        if (fileName != null) {
            part(body, "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                    + "Content-Type: application/octet-stream", file);
        }
        body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return session.send(HttpRequest.newBuilder(URI.create(session.origin() + "/app/directives/parse"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private static void part(ByteArrayOutputStream body, String headers, byte[] content) {
        body.writeBytes(("--" + BOUNDARY + "\r\n" + headers + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** The refusal shown above the paste box. */
    private static String message(HttpResponse<String> page) {
        Matcher m = Pattern.compile("id=\"parse-error\"[^>]*>([^<]*)<").matcher(page.body());
        assertThat(m.find()).as("parse error on the page: " + page.body().substring(0, Math.min(400, page.body().length()))).isTrue();
        return m.group(1);
    }
}
