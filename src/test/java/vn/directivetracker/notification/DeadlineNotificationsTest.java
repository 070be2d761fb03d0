package vn.directivetracker.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.directivetracker.assignment.AgencyAssignmentProcess;
import vn.directivetracker.assignment.Assignment;
import vn.directivetracker.assignment.AssignmentRepository;
import vn.directivetracker.support.DirectiveFixtures;
import vn.directivetracker.support.IntegrationTest;
import vn.directivetracker.support.Mails;
import vn.directivetracker.support.TestMailServer;

/**
 * The emails the deadline timers of issue 3 will send, called here directly as their delegates will:
 * right recipients, Vietnamese content, a link to the agency's open task, and once per occurrence
 * however often a timer fires.
 */
class DeadlineNotificationsTest extends IntegrationTest {

    private static final String DATE = "\\d{2}/\\d{2}/\\d{4}";

    @Autowired NotificationService notifications;
    @Autowired AssignmentRepository assignments;

    private long directiveId;
    private Assignment assignment;
    private String number;
    private String openTask;

    @BeforeEach
    void anAssignmentWithADeadline() throws Exception {
        directiveId = submitAndIssue(DirectiveFixtures.directive("V/v thử nghiệm nhắc hạn " + System.nanoTime(), List.of("SNGV"),
                DirectiveFixtures.itemDueIn(5, "2", "Báo cáo kết quả công tác thông tin đối ngoại", List.of("SNGV"), List.of())));
        assignment = assignments.ofDirective(directiveId).get(0);
        number = directiveService.get(directiveId).number();
        openTask = task(assignment.processInstanceId(), AgencyAssignmentProcess.Elements.ACKNOWLEDGE_RECEIPT).getId();
        flushEarlierMail();
        TestMailServer.purge();
    }

    @Test
    void acknowledgementReminderLinksToTheOpenTaskOncePerDay() {
        notifications.acknowledgementReminder(assignment.id());
        notifications.acknowledgementReminder(assignment.id()); // the timer fires again the same day
        MimeMessage mail = only();
        assertThat(Mails.to(mail)).containsExactly("sngv@example.gov.vn");
        assertThat(Mails.subject(mail)).isEqualTo("[Nhắc việc] Chưa xác nhận tiếp nhận nhiệm vụ – Văn bản số " + number + ", mục 2");
        assertThat(Mails.text(mail)).contains("CHƯA XÁC NHẬN TIẾP NHẬN", "Báo cáo kết quả công tác thông tin đối ngoại",
                "/camunda/app/tasklist/default/#/?task=" + openTask);
    }

    @Test
    void dueSoonReminderNamesTheDeadline() {
        notifications.dueSoonReminder(assignment.id());
        MimeMessage mail = only();
        assertThat(Mails.to(mail)).containsExactly("sngv@example.gov.vn");
        assertThat(Mails.subject(mail)).matches("\\[Sắp đến hạn\\] Văn bản số .*, mục 2 – hạn " + DATE);
        assertThat(Mails.text(mail)).contains("SẮP ĐẾN HẠN", "Thời hạn: " + deadline());
    }

    @Test
    void overdueNoticeGoesToTheAgencyItsHeadAndEveryCoordinator() {
        notifications.overdueNotice(assignment.id());
        notifications.overdueNotice(assignment.id());
        dispatchMail();
        List<MimeMessage> mails = Mails.received(TestMailServer.SMTP);
        assertThat(mails).extracting(m -> Mails.to(m).get(0))
                .containsExactlyInAnyOrder("sngv@example.gov.vn", "lanhdao.sngv@example.gov.vn", "dieuphoi@example.gov.vn");
        assertThat(mails).allSatisfy(m -> assertThat(Mails.subject(m))
                .isEqualTo("[Quá hạn] Văn bản số " + number + ", mục 2 – Sở Ngoại vụ chưa hoàn thành, hạn " + deadline()));
        assertThat(textTo(mails, "sngv@example.gov.vn")).contains("Kính gửi: Sở Ngoại vụ", "đề nghị gia hạn kèm lý do");
        assertThat(textTo(mails, "lanhdao.sngv@example.gov.vn")).contains("Kính gửi: Lãnh đạo Sở Ngoại vụ",
                "Đề nghị lãnh đạo đơn vị chỉ đạo");
        assertThat(textTo(mails, "dieuphoi@example.gov.vn")).contains("chuyên viên theo dõi đôn đốc");
    }

    @Test
    void escalationAsksEveryProvincialLeaderToStepIn() {
        notifications.escalationToLeader(assignment.id(), openTask);
        MimeMessage mail = only();
        assertThat(Mails.to(mail)).containsExactly("lanhdaoubnd@example.gov.vn");
        assertThat(Mails.subject(mail)).isEqualTo("[Đề nghị chỉ đạo] Nhiệm vụ quá hạn của Sở Ngoại vụ – Văn bản số " + number + ", mục 2");
        assertThat(Mails.text(mail)).contains("QUÁ HẠN (hạn " + deadline() + ")", "gia hạn, giao lại",
                "#/?task=" + openTask);
    }

    @Test
    void extensionDecisionsReachTheAgency() {
        notifications.extensionDecided(assignment.id(), "gia-han-1", true, LocalDate.of(2027, 3, 15), "Đồng ý <gia hạn>");
        notifications.extensionDecided(assignment.id(), "gia-han-2", false, null, "Không có lý do chính đáng");
        dispatchMail();
        Map<String, MimeMessage> mail = Mails.byKey(TestMailServer.SMTP);
        MimeMessage granted = mail.get("extension-decided:" + assignment.id() + ":gia-han-1");
        assertThat(Mails.subject(granted)).isEqualTo("[Đồng ý gia hạn] Văn bản số " + number + ", mục 2 – hạn mới 15/03/2027");
        assertThat(Mails.text(granted)).contains("CHẤP THUẬN. Thời hạn mới: 15/03/2027", "Ý kiến: Đồng ý <gia hạn>");
        assertThat(Mails.html(granted)).contains("Đồng ý &lt;gia hạn&gt;");
        MimeMessage refused = mail.get("extension-decided:" + assignment.id() + ":gia-han-2");
        assertThat(Mails.subject(refused)).startsWith("[Không đồng ý gia hạn] Văn bản số " + number);
        assertThat(Mails.text(refused)).contains("KHÔNG ĐƯỢC CHẤP THUẬN; thời hạn giữ nguyên: " + deadline());
        assertThat(mail).hasSize(2);
    }

    @Test
    void periodicReportReminderOncePerPeriodAndOverdueAlsoToTheHead() {
        notifications.periodicReportReminder(false, directiveId, "SNGV", "p1", "quý I/2027", LocalDate.of(2027, 3, 14),
                LocalDate.of(2027, 3, 17));
        notifications.periodicReportReminder(false, directiveId, "SNGV", "p1", "quý I/2027", LocalDate.of(2027, 3, 14),
                LocalDate.of(2027, 3, 17));
        MimeMessage mail = only();
        assertThat(Mails.to(mail)).containsExactly("sngv@example.gov.vn");
        assertThat(Mails.subject(mail)).isEqualTo("[Sắp đến hạn nộp báo cáo] quý I/2027 – Văn bản số " + number);
        assertThat(Mails.text(mail)).contains("Kỳ báo cáo: quý I/2027", "Số liệu tính đến ngày: 14/03/2027",
                "Hạn nộp báo cáo: 17/03/2027");

        TestMailServer.purge();
        notifications.periodicReportReminder(true, directiveId, "SNGV", "p1", "quý I/2027", LocalDate.of(2027, 3, 14),
                LocalDate.of(2027, 3, 17));
        dispatchMail();
        assertThat(Mails.received(TestMailServer.SMTP)).extracting(m -> Mails.to(m).get(0))
                .containsExactlyInAnyOrder("sngv@example.gov.vn", "lanhdao.sngv@example.gov.vn");
    }

    @Test
    void revocationReachesEveryAgencyOfTheLetterWithTheReason() {
        notifications.directiveRevoked(directiveId, "Thay thế bằng Văn bản số 99/UBND-KGVX");
        MimeMessage mail = only();
        assertThat(Mails.to(mail)).containsExactly("sngv@example.gov.vn");
        assertThat(Mails.subject(mail)).startsWith("[Thu hồi văn bản] Số " + number + " – V/v thử nghiệm nhắc hạn");
        assertThat(Mails.text(mail)).contains("thu hồi Văn bản số " + number, "Lý do: Thay thế bằng Văn bản số 99/UBND-KGVX",
                "được hủy");
    }

    /** Dispatches and returns the single email that went out. */
    private MimeMessage only() {
        assertThat(dispatchMail()).isEqualTo(1);
        List<MimeMessage> mails = Mails.received(TestMailServer.SMTP);
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    private String deadline() {
        return assignment.deadline().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }

    private static String textTo(List<MimeMessage> mails, String address) {
        return mails.stream().filter(m -> Mails.to(m).contains(address)).map(Mails::text).findFirst().orElseThrow();
    }
}
