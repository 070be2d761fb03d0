package vn.directivetracker.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.directivetracker.assignment.AssignmentRepository;
import vn.directivetracker.common.VnFormats;
import vn.directivetracker.support.DirectiveFixtures;
import vn.directivetracker.support.IntegrationTest;
import vn.directivetracker.support.Mails;
import vn.directivetracker.support.TestMailServer;

/**
 * ADR 21: the step stores the email's model, the dispatcher renders it just before sending. The email
 * still says what was true when the step committed; a row that cannot be rendered fails on its own,
 * visibly, and is retried; the outbox view shows every row's text, sent or not.
 */
class RenderAtDispatchTest extends IntegrationTest {

    @Autowired NotificationService notifications;
    @Autowired AssignmentRepository assignments;
    @Autowired MailSettings settings;

    @BeforeEach
    void everythingEarlierIsSent() {
        mailServerUpWithEarlierMailSent();
    }

    @Test
    void theEmailSaysWhatWasTrueWhenItsStepCommittedAndTheViewShowsItBeforeAndAfterSending() {
        long directiveId = submitAndIssue(DirectiveFixtures.withDeadline("V/v thử hiển thị thư khi gửi " + System.nanoTime(),
                List.of("SNGV"), LocalDate.now().plusDays(60)));
        dispatchMail();
        TestMailServer.purge();
        long assignmentId = assignments.ofDirective(directiveId).get(0).id();
        // As planned (moved to a working day when the date given was not one).
        LocalDate deadline = assignments.get(assignmentId).deadline();
        LocalDate later = deadline.plusDays(30);
        String key = "result-accepted:" + assignmentId;
        notifications.resultAccepted(assignmentId);
        long id = jdbc.sql("select id from notification where dedup_key = ?").param(key).query(Long.class).single();
        // Written without rendering: the model only.
        assertThat(jdbc.sql("select count(*) from notification where id = ? and body_text is null and body_html is null"
                + " and mail_model is not null").param(id).query(Integer.class).single()).isEqualTo(1);

        // The deadline changes after the step committed (as an extension would): the email keeps the old one.
        jdbc.sql("update assignment set deadline = ? where id = ?").params(later, assignmentId).update();
        String then = deadline.format(VnFormats.DATE);
        String now = later.format(VnFormats.DATE);

        JsonNode pending = listed(as("dieuphoi").getForObject("/api/notifications?status=PENDING&limit=500", JsonNode.class), id);
        assertThat(pending.get("bodyText").asText()).contains(then, "Sở Ngoại vụ").doesNotContain(now);

        assertThat(dispatchMail()).isEqualTo(1);
        MimeMessage sent = Mails.byKey(TestMailServer.SMTP).get(key);
        assertThat(Mails.text(sent)).contains(then).doesNotContain(now);
        assertThat(Mails.html(sent)).contains(then).doesNotContain(now);

        // Stored as sent: the view shows the text that went out.
        JsonNode done = listed(as("dieuphoi").getForObject("/api/notifications?status=SENT&limit=500", JsonNode.class), id);
        assertThat(done.get("bodyText").asText()).isEqualToNormalizingNewlines(Mails.text(sent).strip());
        assertThat(jdbc.sql("select body_html from notification where id = ?").param(id).query(String.class).single())
                .contains(then);
    }

    @Test
    void aModelThatCannotBeRenderedFailsItsOwnRowVisiblyAndIsRetriedWhileTheOthersGoOut() {
        long directiveId = submitAndIssue(DirectiveFixtures.smallDirective("V/v thử thư không hiển thị được " + System.nanoTime(),
                List.of("SNGV", "SNV"), List.of()));
        dispatchMail();
        TestMailServer.purge();
        List<Long> ids = assignments.ofDirective(directiveId).stream().map(a -> a.id()).toList();
        notifications.resultAccepted(ids.get(0));
        notifications.resultAccepted(ids.get(1));
        String broken = "result-accepted:" + ids.get(0);
        // A model the template cannot use (as a template changed incompatibly in a new release would).
        jdbc.sql("update notification set mail_model = '{\"directive\": 7}' where dedup_key = ?").param(broken).update();
        long id = jdbc.sql("select id from notification where dedup_key = ?").param(broken).query(Long.class).single();

        assertThat(dispatchMail()).isEqualTo(1);
        assertThat(Mails.countByKey(TestMailServer.SMTP)).containsOnlyKeys("result-accepted:" + ids.get(1));
        JsonNode row = listed(as("dieuphoi").getForObject("/api/notifications?status=PENDING&limit=500", JsonNode.class), id);
        assertThat(row.get("attempts").asInt()).isEqualTo(1);
        assertThat(row.get("lastError").asText()).isNotBlank();
        assertThat(row.get("bodyText").asText()).startsWith("(Không hiển thị được nội dung thư");

        // The last allowed attempt: FAILED, listed, never silently dropped.
        jdbc.sql("update notification set attempts = ?, next_attempt_at = ? where id = ?")
                .params(settings.dispatcher().maxAttempts() - 1, LocalDateTime.now().minusMinutes(1), id).update();
        assertThat(dispatchMail()).isZero();
        JsonNode failed = listed(as("dieuphoi").getForObject("/api/notifications?status=FAILED&limit=500", JsonNode.class), id);
        assertThat(failed.get("attempts").asInt()).isEqualTo(settings.dispatcher().maxAttempts());
        assertThat(Mails.countByKey(TestMailServer.SMTP)).doesNotContainKey(broken);
    }

    @Test
    void rowsWrittenBeforeV34KeepTheirBodiesAndAreSentAsTheyAre() {
        String key = "before-v34:" + System.nanoTime();
        jdbc.sql("""
                        insert into notification (dedup_key, event_type, recipient, subject, body_text, body_html, status,
                            attempts, next_attempt_at, created_at)
                        values (?, 'RESULT_ACCEPTED', 'sngv@example.gov.vn', 'Thư cũ', 'Nội dung cũ đã hiển thị',
                            '<p>Nội dung cũ đã hiển thị</p>', 'PENDING', 0, ?, ?)""")
                .params(key, LocalDateTime.now().minusMinutes(1), LocalDateTime.now()).update();

        assertThat(dispatchMail()).isEqualTo(1);
        MimeMessage sent = Mails.byKey(TestMailServer.SMTP).get(key);
        assertThat(Mails.text(sent).strip()).isEqualTo("Nội dung cũ đã hiển thị");
        assertThat(Mails.html(sent)).isEqualTo("<p>Nội dung cũ đã hiển thị</p>");
    }

    private static JsonNode listed(JsonNode list, long id) {
        for (JsonNode n : list) {
            if (n.get("id").asLong() == id) {
                return n;
            }
        }
        throw new AssertionError("Notification " + id + " not listed");
    }
}
