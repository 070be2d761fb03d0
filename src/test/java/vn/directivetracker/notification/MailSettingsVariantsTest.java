package vn.directivetracker.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.test.context.TestPropertySource;
import vn.directivetracker.assignment.Assignment;
import vn.directivetracker.assignment.AssignmentRepository;
import vn.directivetracker.support.DirectiveFixtures;
import vn.directivetracker.support.IntegrationTest;
import vn.directivetracker.support.Mails;
import vn.directivetracker.support.TestMailServer;

/**
 * Mail configured away from the defaults: an event switched off, a task without the generic email,
 * an agency on the morning digest; and the metrics as Prometheus scrapes them.
 */
@AutoConfigureObservability(tracing = false)
@TestPropertySource(properties = {
        "directive-tracker.mail.events.result-accepted=false",
        "directive-tracker.mail.task-created.exclude-tasks=AcknowledgeReceipt",
        "directive-tracker.mail.digest.agencies=SCT",
        "directive-tracker.mail.digest.due-soon-working-days=3"})
class MailSettingsVariantsTest extends IntegrationTest {

    @Autowired NotificationService notifications;
    @Autowired DailyDigest digest;
    @Autowired AssignmentRepository assignments;

    private long directiveId;
    private Assignment sctSoon;
    private Assignment sctLater;
    private Assignment sngv;

    @BeforeEach
    void issue() throws Exception {
        directiveId = submitAndIssue(DirectiveFixtures.directive("V/v thử cấu hình thư " + System.nanoTime(), List.of("SCT", "SNGV"),
                DirectiveFixtures.itemDueIn(5, "1", "Rà soát hoạt động xúc tiến thương mại có yếu tố nước ngoài", List.of("SCT", "SNGV"), List.of()),
                DirectiveFixtures.itemDueIn(20, "2", "Tổng hợp báo cáo năm", List.of("SCT"), List.of())));
        List<Assignment> all = assignments.ofDirective(directiveId);
        sctSoon = all.stream().filter(a -> a.agencyCode().equals("SCT") && a.deadline().equals(earliest(all))).findFirst().orElseThrow();
        sctLater = all.stream().filter(a -> a.agencyCode().equals("SCT") && a != sctSoon).findFirst().orElseThrow();
        sngv = all.stream().filter(a -> a.agencyCode().equals("SNGV")).findFirst().orElseThrow();
        flushEarlierMail();
        TestMailServer.purge();
    }

    @Test
    void aSwitchedOffEventWritesNothingAndExcludedTasksGetNoGenericEmail() {
        notifications.resultAccepted(sngv.id());
        assertThat(rows("event_type = 'RESULT_ACCEPTED' and directive_id = " + directiveId)).isZero();
        // The issuing steps' tasks were announced; the agencies' acknowledgement tasks were not.
        assertThat(rows("event_type = 'TASK_CREATED' and directive_id = " + directiveId + " and subject like '[Việc mới] Ký ban hành%'"))
                .isOne();
        assertThat(rows("event_type = 'TASK_CREATED' and directive_id = " + directiveId + " and subject like '[Việc mới] Xác nhận%'"))
                .isZero();
        assertThat(rows("event_type = 'ASSIGNMENT_RECEIVED' and directive_id = " + directiveId)).isEqualTo(3);
    }

    @Test
    void aDigestAgencyGetsOneMorningEmailInsteadOfRemindersAndOthersKeepTheirs() {
        notifications.dueSoonReminder(sctSoon.id());
        notifications.dueSoonReminder(sngv.id());
        notifications.overdueNotice(sctSoon.id());
        dispatchMail();
        assertThat(Mails.received(TestMailServer.SMTP)).extracting(m -> Mails.to(m).get(0)).containsExactlyInAnyOrder(
                "sngv@example.gov.vn",                                       // due soon: not on the digest
                "lanhdao.sct@example.gov.vn", "dieuphoi@example.gov.vn");   // overdue: head and coordinator only
        TestMailServer.purge();

        // Only this letter's work is open at SCT (other tests of this context issued letters to it too).
        jdbc.sql("update assignment set cancelled_at = created_at where agency_code = 'SCT' and directive_id <> ?")
                .param(directiveId).update();

        // The day after the first deadline: item 1 overdue; item 2 is weeks away and not listed.
        LocalDate dayAfter = sctSoon.deadline().plusDays(1);
        digest.writeFor(dayAfter);
        digest.writeFor(dayAfter); // the other node's scheduler, the same morning
        dispatchMail();
        MimeMessage first = onlyTo("sct@example.gov.vn");
        assertThat(Mails.subject(first)).isEqualTo("[Tổng hợp ngày " + label(dayAfter) + "] 1 nhiệm vụ quá hạn, 0 nhiệm vụ sắp đến hạn");
        assertThat(Mails.text(first)).contains("QUÁ HẠN (" + label(sctSoon.deadline()) + ")", "Rà soát hoạt động xúc tiến")
                .doesNotContain("Tổng hợp báo cáo năm");
        TestMailServer.purge();

        // The day before the second deadline: both listed.
        LocalDate dayBefore = sctLater.deadline().minusDays(1);
        digest.writeFor(dayBefore);
        dispatchMail();
        MimeMessage second = onlyTo("sct@example.gov.vn");
        assertThat(Mails.subject(second)).endsWith("1 nhiệm vụ quá hạn, 1 nhiệm vụ sắp đến hạn");
        assertThat(Mails.text(second)).contains("Sắp đến hạn (" + label(sctLater.deadline()) + ")", "Tổng hợp báo cáo năm");
        assertThat(Mails.html(second)).contains("Quá hạn", "Sắp đến hạn");
    }

    @Test
    void prometheusScrapesTheOutboxGaugesAndTheSendCounters() {
        notifications.dueSoonReminder(sngv.id());
        String before = rest.withBasicAuth("admin", "demo").getForObject("/actuator/prometheus", String.class);
        assertThat(before).containsPattern("directive_tracker_mail_outbox\\{status=\"PENDING\"\\} [1-9]")
                .contains("directive_tracker_mail_outbox{status=\"FAILED\"}");
        dispatchMail();
        String after = rest.withBasicAuth("admin", "demo").getForObject("/actuator/prometheus", String.class);
        assertThat(after).contains("directive_tracker_mail_outbox{status=\"PENDING\"} 0.0")
                .containsPattern("directive_tracker_mail_sent_total\\{event=\"DUE_SOON_REMINDER\"\\} [1-9]");
    }

    private MimeMessage onlyTo(String address) {
        List<MimeMessage> mails = Mails.received(TestMailServer.SMTP);
        assertThat(mails).hasSize(1);
        assertThat(Mails.to(mails.get(0))).containsExactly(address);
        return mails.get(0);
    }

    private long rows(String where) {
        return jdbc.sql("select count(*) from notification where " + where).query(Long.class).single();
    }

    private static LocalDate earliest(List<Assignment> all) {
        return all.stream().map(Assignment::deadline).min(LocalDate::compareTo).orElseThrow();
    }

    private static String label(LocalDate date) {
        return date.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }
}
