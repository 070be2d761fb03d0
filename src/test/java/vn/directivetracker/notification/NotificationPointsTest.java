package vn.directivetracker.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.directivetracker.assignment.AgencyAssignmentProcess.Elements.*;
import static vn.directivetracker.assignment.AgencyAssignmentProcess.Variables.*;

import jakarta.mail.internet.MimeMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.directivetracker.assignment.Assignment;
import vn.directivetracker.assignment.AssignmentRepository;
import vn.directivetracker.support.DirectiveFixtures;
import vn.directivetracker.support.IntegrationTest;
import vn.directivetracker.support.Mails;
import vn.directivetracker.support.TestMailServer;

/**
 * Every notification point of today's processes, through the real engine, outbox, dispatcher and
 * SMTP server: each email exactly once, to the right people, in Vietnamese.
 */
class NotificationPointsTest extends IntegrationTest {

    @Autowired AssignmentRepository assignments;

    @BeforeEach
    void emptyMailbox() throws Exception {
        TestMailServer.purge();
    }

    @Test
    void issuingWritesToEachAgencyOnceWithItsOwnItemsAndToEveryNewTasksPeople() {
        String subject = "V/v thử nghiệm thông báo phát hành " + System.nanoTime();
        long id = submitAndIssue(DirectiveFixtures.directive(subject, List.of("SNGV", "STC", "SCT"),
                DirectiveFixtures.itemDueIn(10, "1", "Xây dựng kế hoạch thông tin đối ngoại", List.of("SNGV"), List.of("STC")),
                DirectiveFixtures.itemDueIn(20, "2", "Bố trí kinh phí thực hiện", List.of("STC"), List.of())));
        dispatchMail();
        String number = directiveService.get(id).number();
        Map<String, MimeMessage> mail = Mails.byKey(TestMailServer.SMTP);

        // Directive issued: every recipient once, each with only its own items and its role there.
        String sngvLetter = Mails.text(mail.get("directive-issued:" + id + ":SNGV"));
        assertThat(Mails.to(mail.get("directive-issued:" + id + ":SNGV"))).containsExactly("sngv@example.gov.vn");
        assertThat(Mails.subject(mail.get("directive-issued:" + id + ":SNGV"))).isEqualTo("[Văn bản mới] Số " + number + " – " + subject);
        assertThat(sngvLetter).contains("Kính gửi: Sở Ngoại vụ", "Xây dựng kế hoạch thông tin đối ngoại", "Vai trò: Chủ trì")
                .doesNotContain("Bố trí kinh phí");
        assertThat(Mails.text(mail.get("directive-issued:" + id + ":STC")))
                .contains("Kính gửi: Sở Tài chính", "Xây dựng kế hoạch", "Vai trò: Phối hợp", "Bố trí kinh phí", "Vai trò: Chủ trì");
        assertThat(Mails.text(mail.get("directive-issued:" + id + ":SCT")))
                .contains("Kính gửi: Sở Công Thương", "để biết và thực hiện theo chức năng").doesNotContain("Vai trò");

        // Assignment received: one per assignment, to the agency's mailbox.
        List<Assignment> all = assignments.ofDirective(id);
        assertThat(all).hasSize(3);
        for (Assignment a : all) {
            MimeMessage notice = mail.get("assignment-received:" + a.id() + ":" + a.agencyCode());
            assertThat(Mails.to(notice)).containsExactly(a.agencyCode().toLowerCase() + "@example.gov.vn");
            assertThat(Mails.subject(notice)).startsWith("[Giao nhiệm vụ] Văn bản số " + number);
        }

        // New task: every member of the candidate group (officer and head), with a link to that very task.
        Assignment sngv = all.stream().filter(a -> a.agencyCode().equals("SNGV")).findFirst().orElseThrow();
        Task acknowledge = task(sngv.processInstanceId(), ACKNOWLEDGE_RECEIPT);
        for (String user : List.of("cbsngv", "ldsngv")) {
            MimeMessage newTask = mail.get("task-created:" + acknowledge.getId() + ":" + user);
            assertThat(Mails.to(newTask)).containsExactly(user + "@example.gov.vn");
            assertThat(Mails.subject(newTask))
                    .isEqualTo("[Việc mới] Xác nhận tiếp nhận nhiệm vụ – Văn bản số " + number + ", mục 1 – Sở Ngoại vụ");
            assertThat(Mails.html(newTask)).contains("/camunda/app/tasklist/default/#/?task=" + acknowledge.getId());
            assertThat(Mails.text(newTask)).contains("Xây dựng kế hoạch thông tin đối ngoại", "Thực hiện nhiệm vụ của đơn vị");
        }
        // The issuance steps' tasks reached the office leader, the provincial leader and the clerk.
        assertThat(mail.values().stream().filter(m -> Mails.key(m).startsWith("task-created:"))
                .flatMap(m -> Mails.to(m).stream()).distinct())
                .contains("lanhdaovp@example.gov.vn", "lanhdaoubnd@example.gov.vn", "vanthu@example.gov.vn",
                        "cbstc@example.gov.vn", "ldstc@example.gov.vn");

        // Exactly once each, and running the engine and the dispatcher again changes nothing.
        assertThat(Mails.countByKey(TestMailServer.SMTP)).allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo(1));
        int received = Mails.received(TestMailServer.SMTP).size();
        executeJobs();
        assertThat(dispatchMail()).isZero();
        assertThat(Mails.received(TestMailServer.SMTP)).hasSize(received);
    }

    @Test
    void headReturnCoordinatorReturnAndAcceptanceEachReachTheAgencyOnce() {
        long id = submitAndIssue(DirectiveFixtures.smallDirective("V/v thử nghiệm trả lại " + System.nanoTime(),
                List.of("SNGV"), List.of()));
        String pi = assignments.ofDirective(id).get(0).processInstanceId();
        long assignmentId = assignments.ofDirective(id).get(0).id();
        complete(pi, ACKNOWLEDGE_RECEIPT, "cbsngv", Map.of("acknowledged", true));
        reportResult(pi);
        String approvalTask = task(pi, APPROVE_RESULT).getId();
        complete(pi, APPROVE_RESULT, "ldsngv", Map.of(HEAD_DECISION, "RETURN", HEAD_COMMENT, "Bổ sung số liệu quý I"));
        reportResult(pi);
        complete(pi, APPROVE_RESULT, "ldsngv", Map.of(HEAD_DECISION, "APPROVE"));
        String reviewTask = task(pi, REVIEW_RESULT).getId();
        String reason = "Thiếu số liệu đối ngoại <script>alert('x')</script> & \"kèm theo\"";
        complete(pi, REVIEW_RESULT, "dieuphoi", Map.of(REVIEW_DECISION, "RETURN", RETURN_REASON, reason));
        reportResult(pi);
        complete(pi, APPROVE_RESULT, "ldsngv", Map.of(HEAD_DECISION, "APPROVE"));
        complete(pi, REVIEW_RESULT, "dieuphoi", Map.of(REVIEW_DECISION, "ACCEPT"));
        executeJobs();
        dispatchMail();
        Map<String, MimeMessage> mail = Mails.byKey(TestMailServer.SMTP);

        MimeMessage headReturned = mail.get("head-returned:" + approvalTask);
        assertThat(Mails.to(headReturned)).containsExactly("sngv@example.gov.vn");
        assertThat(Mails.subject(headReturned)).startsWith("[Yêu cầu bổ sung] Văn bản số ");
        assertThat(Mails.text(headReturned)).contains("Ý kiến của lãnh đạo đơn vị: Bổ sung số liệu quý I");

        MimeMessage returned = mail.get("result-returned:" + reviewTask);
        assertThat(Mails.to(returned)).containsExactly("sngv@example.gov.vn");
        assertThat(Mails.text(returned)).contains("Lý do trả lại: " + reason);
        assertThat(Mails.html(returned))
                .contains("Thiếu số liệu đối ngoại &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;kèm theo&quot;")
                .doesNotContain("<script>");

        MimeMessage accepted = mail.get("result-accepted:" + assignmentId);
        assertThat(Mails.to(accepted)).containsExactly("sngv@example.gov.vn");
        // Sở Ngoại vụ leads: it "đã thực hiện" (a coordinating agency would read "đã phối hợp thực hiện").
        assertThat(Mails.text(accepted)).contains("CHẤP NHẬN", "Nhiệm vụ được ghi nhận: đơn vị đã thực hiện.",
                "Cảm ơn đơn vị đã thực hiện.").doesNotContain("phối hợp");
        assertThat(Mails.html(accepted)).contains("đơn vị đã thực hiện", "Cảm ơn đơn vị đã thực hiện.");

        // Each return created a new "report progress" task: its people heard of it, except whoever caused it.
        List<String> reportTaskRecipients = mail.values().stream()
                .filter(m -> Mails.subject(m).startsWith("[Việc mới] Thực hiện và báo cáo tiến độ"))
                .flatMap(m -> Mails.to(m).stream()).toList();
        assertThat(reportTaskRecipients).containsExactlyInAnyOrder(
                "ldsngv@example.gov.vn",                         // after cbsngv acknowledged
                "cbsngv@example.gov.vn",                         // after ldsngv returned
                "cbsngv@example.gov.vn", "ldsngv@example.gov.vn"); // after dieuphoi returned
        assertThat(Mails.countByKey(TestMailServer.SMTP)).allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo(1));
    }

    private void reportResult(String pi) {
        Map<String, Object> v = new HashMap<>();
        v.put(PROGRESS_NOTE, "Đã hoàn thành");
        v.put(PROGRESS_PERCENT, 100);
        v.put(RESULT_READY, true);
        complete(pi, REPORT_PROGRESS, "cbsngv", v);
    }
}
