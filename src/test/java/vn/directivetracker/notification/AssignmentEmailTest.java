package vn.directivetracker.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.directivetracker.support.DirectiveFixtures;
import vn.directivetracker.support.IntegrationTest;
import vn.directivetracker.support.Mails;
import vn.directivetracker.support.TestMailServer;

/** The assignment notice goes through Spring Mail to a real SMTP server, in Vietnamese, escaped. */
class AssignmentEmailTest extends IntegrationTest {

    @Test
    void agencyReceivesAssignmentNoticeInVietnamese() throws Exception {
        String subject = "V/v tăng cường thông tin đối ngoại <script>alert('x')</script> – đợt " + System.nanoTime();
        long id = submitAndIssue(DirectiveFixtures.smallDirective(subject, List.of("SNGV"), List.of()));
        dispatchMail();
        String number = directiveService.get(id).number();

        List<MimeMessage> notices = messagesTo("sngv@example.gov.vn", "[Giao nhiệm vụ] Văn bản số " + number + " – ");
        assertThat(notices).hasSize(1);
        MimeMessage notice = notices.get(0);
        assertThat(notice.getSubject()).isEqualTo("[Giao nhiệm vụ] Văn bản số " + number + " – " + subject);
        assertThat(notice.getHeader("Subject")[0]).startsWith("=?UTF-8?"); // encoded, not raw 8-bit
        assertThat(notice.getFrom()[0].toString()).contains("no-reply@example.gov.vn");

        String text = Mails.text(notice);
        String html = Mails.html(notice);
        assertThat(text)
                .contains("ỦY BAN NHÂN DÂN TỈNH GIA LAI")
                .contains("Kính gửi: Sở Ngoại vụ")
                .contains("Nội dung nhiệm vụ thử nghiệm")
                .contains("Vai trò: Chủ trì")
                .contains("Thời hạn: Thường xuyên")
                .contains("/camunda/app/tasklist/");
        assertThat(html)
                .contains("Sở Ngoại vụ")
                .contains("&lt;script&gt;")
                .doesNotContain("<script>");

        // The directive-issued letter also reaches the agency, once; no other agency is written to.
        assertThat(messagesTo("sngv@example.gov.vn", "[Văn bản mới] Số " + number + " – ")).hasSize(1);
        assertThat(Mails.received(TestMailServer.SMTP).stream()
                .filter(m -> Mails.subject(m).contains(number + " – " + subject))
                .flatMap(m -> Mails.to(m).stream())
                .distinct()).containsExactly("sngv@example.gov.vn");
    }

    private static List<MimeMessage> messagesTo(String address, String subjectPrefix) {
        return List.of(TestMailServer.SMTP.getReceivedMessagesForDomain(address)).stream()
                .filter(m -> Mails.subject(m).startsWith(subjectPrefix))
                .toList();
    }
}
