package vn.directivetracker.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.directivetracker.support.DirectiveFixtures;
import vn.directivetracker.support.IntegrationTest;
import vn.directivetracker.support.TestMailServer;

/** The assignment notice goes through Spring Mail to a real SMTP server, in Vietnamese, escaped. */
class AssignmentEmailTest extends IntegrationTest {

    @Test
    void agencyReceivesAssignmentNoticeInVietnamese() throws Exception {
        String subject = "V/v tăng cường thông tin đối ngoại <script>alert('x')</script> – đợt " + System.nanoTime();
        long id = submitAndIssue(DirectiveFixtures.smallDirective(subject, List.of("SNGV"), List.of()));
        String number = directiveService.get(id).number();

        List<MimeMessage> notices = messagesTo("sngv@example.gov.vn", "[Giao nhiệm vụ] Văn bản số " + number + " – ");
        assertThat(notices).hasSize(1);
        MimeMessage notice = notices.get(0);
        assertThat(notice.getSubject()).isEqualTo("[Giao nhiệm vụ] Văn bản số " + number + " – " + subject);
        assertThat(notice.getHeader("Subject")[0]).startsWith("=?UTF-8?"); // encoded, not raw 8-bit
        assertThat(notice.getFrom()[0].toString()).contains("no-reply@example.gov.vn");

        String text = part(notice, "text/plain");
        String html = part(notice, "text/html");
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
        assertThat(Arrays.stream(TestMailServer.SMTP.getReceivedMessages())
                .filter(m -> subjectOf(m).contains(number + " – " + subject))
                .flatMap(m -> recipients(m).stream())
                .distinct()).containsExactly("sngv@example.gov.vn");
    }

    private static List<MimeMessage> messagesTo(String address, String subjectPrefix) {
        return Arrays.stream(TestMailServer.SMTP.getReceivedMessagesForDomain(address))
                .filter(m -> subjectOf(m).startsWith(subjectPrefix))
                .toList();
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body of the given type, decoded (the message is multipart/mixed → alternative → text, html). */
    private static String part(MimeMessage message, String type) throws Exception {
        String found = find(message.getContent(), type);
        assertThat(found).as(type + " part").isNotNull();
        return found;
    }

    private static String find(Object content, String type) throws Exception {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                var bodyPart = multipart.getBodyPart(i);
                if (bodyPart.isMimeType(type)) {
                    return (String) bodyPart.getContent();
                }
                String nested = find(bodyPart.getContent(), type);
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }
}
