package vn.directivetracker.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.directivetracker.assignment.AssignmentRepository;
import vn.directivetracker.common.Clocks;
import vn.directivetracker.support.DirectiveFixtures;
import vn.directivetracker.support.EngineClock;
import vn.directivetracker.support.IntegrationTest;
import vn.directivetracker.support.Mails;
import vn.directivetracker.support.TestMailServer;

/**
 * The outbox against a real SMTP server that goes down and comes back: nothing committed is lost,
 * nothing is sent twice, failures back off, give up visibly, and can be resent. Time is the engine's
 * clock, moved by the test.
 */
class OutboxReliabilityTest extends IntegrationTest {

    @Autowired NotificationService notifications;
    @Autowired Outbox outbox;
    @Autowired AssignmentRepository assignments;
    @Autowired MailSettings settings;
    @Autowired Clocks clocks;
    @Autowired NotificationRepository repository;
    @Autowired AssignmentContexts contexts;
    @Autowired MeterRegistry meters;

    @BeforeEach
    void everythingEarlierIsSent() {
        mailServerUpWithEarlierMailSent();
    }

    @AfterEach
    void restore() {
        TestMailServer.start();
        EngineClock.reset();
    }

    @Test
    void smtpDownWhileTwoHundredEmailsBecomeDueLosesNoneAndDuplicatesNone() {
        TestMailServer.stop();
        long id = submitAndIssue(DirectiveFixtures.directive("V/v thử nghiệm máy chủ thư ngừng hoạt động " + System.nanoTime(),
                List.of("ALL_AGENCIES"),
                DirectiveFixtures.itemDueIn(10, "1", "Triển khai hướng dẫn thông tin đối ngoại", List.of("ALL_AGENCIES"), List.of())));
        Set<String> written = keysOf(id);
        assertThat(written).hasSizeGreaterThanOrEqualTo(200);

        // Down: each round stops at the first refused connection, charging that one row only.
        EngineClock.freezeAt(clocks, clocks.now());
        assertThat(dispatchMail()).isZero();
        EngineClock.move(clocks, Duration.ofSeconds(20));
        assertThat(dispatchMail()).isZero();
        assertThat(rows("status = 'PENDING' and directive_id = " + id)).isEqualTo(written.size());
        assertThat(rows("attempts = 1 and directive_id = " + id)).isEqualTo(2);
        assertThat(jdbc.sql("select last_error from notification where attempts = 1 and directive_id = ?").param(id)
                .query(String.class).list()).allSatisfy(error -> assertThat(error).contains("ConnectException"));

        // Back: what is due goes out now, the two rows in backoff when their time comes.
        TestMailServer.start();
        assertThat(dispatchMail()).isEqualTo(written.size() - 2);
        assertThat(dispatchMail()).isZero();
        EngineClock.move(clocks, settings.dispatcher().backoffAfter(1));
        assertThat(dispatchMail()).isEqualTo(2);

        assertThat(rows("status = 'SENT' and directive_id = " + id)).isEqualTo(written.size());
        Map<String, Long> received = Mails.countByKey(TestMailServer.SMTP);
        assertThat(received.keySet()).containsAll(written);
        assertThat(received).allSatisfy((key, times) -> assertThat(times).as(key).isEqualTo(1));
    }

    @Test
    void failuresBackOffExponentiallyThenFailVisiblyAndACoordinatorCanResend() {
        long directiveId = submitAndIssue(DirectiveFixtures.smallDirective("V/v thử gửi lại " + System.nanoTime(),
                List.of("SNGV"), List.of()));
        dispatchMail();
        long assignmentId = assignments.ofDirective(directiveId).get(0).id();
        String key = "result-accepted:" + assignmentId;
        TestMailServer.stop();
        notifications.resultAccepted(assignmentId);
        long id = jdbc.sql("select id from notification where dedup_key = ?").param(key).query(Long.class).single();

        EngineClock.freezeAt(clocks, clocks.now());
        int maxAttempts = settings.dispatcher().maxAttempts();
        for (int attempt = 1; attempt < maxAttempts; attempt++) {
            LocalDateTime triedAt = clocks.now();
            dispatchMail();
            Notification row = row(id);
            assertThat(row.status()).isEqualTo(NotificationStatus.PENDING);
            assertThat(row.attempts()).isEqualTo(attempt);
            assertThat(Duration.between(triedAt, row.nextAttemptAt())).isEqualTo(settings.dispatcher().backoffAfter(attempt));
            dispatchMail(); // not yet due: untouched
            assertThat(row(id).attempts()).isEqualTo(attempt);
            EngineClock.move(clocks, Duration.between(triedAt, row.nextAttemptAt()));
        }
        assertThat(settings.dispatcher().backoffAfter(maxAttempts - 1)).isEqualTo(settings.dispatcher().backoffMax());
        dispatchMail();
        assertThat(row(id).status()).isEqualTo(NotificationStatus.FAILED);
        assertThat(row(id).attempts()).isEqualTo(maxAttempts);

        // Visible: in the outbox view and in the metrics (scraped by Prometheus: MailSettingsVariantsTest).
        JsonNode failed = as("dieuphoi").getForObject("/api/notifications?status=FAILED", JsonNode.class);
        JsonNode listed = find(failed, id);
        assertThat(listed.get("attempts").asInt()).isEqualTo(maxAttempts);
        assertThat(listed.get("lastError").asText()).contains("ConnectException");
        assertThat(gauge("FAILED")).isEqualTo(rows("status = 'FAILED'")).isPositive();

        // Resend: coordinators only; then sent once.
        TestMailServer.start();
        assertThat(as("cbsngv").postForEntity("/api/notifications/{id}/resend", null, JsonNode.class, id).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> resent = as("dieuphoi").postForEntity("/api/notifications/{id}/resend", null, JsonNode.class, id);
        assertThat(resent.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(resent.getBody().get("status").asText()).isEqualTo("PENDING");
        assertThat(resent.getBody().get("attempts").asInt()).isZero();
        assertThat(dispatchMail()).isEqualTo(1);
        assertThat(row(id).status()).isEqualTo(NotificationStatus.SENT);
        assertThat(Mails.countByKey(TestMailServer.SMTP)).containsEntry(key, 1L);
    }

    @Test
    void anUnusableAddressFailsAtOnceWithoutHoldingUpTheOthers() {
        long directiveId = submitAndIssue(DirectiveFixtures.smallDirective("V/v thử địa chỉ sai " + System.nanoTime(),
                List.of("SNGV"), List.of()));
        dispatchMail();
        long assignmentId = assignments.ofDirective(directiveId).get(0).id();
        outbox.enqueue(MailRequest.of(MailEvent.RESULT_ACCEPTED, "bad-address:" + assignmentId)
                .to("không phải địa chỉ@", "Địa chỉ sai").subject("Thử địa chỉ sai").model(contexts.load(assignmentId).model()));
        notifications.resultAccepted(assignmentId);

        assertThat(dispatchMail()).isEqualTo(1);
        Notification bad = row(jdbc.sql("select id from notification where dedup_key = ?").param("bad-address:" + assignmentId)
                .query(Long.class).single());
        assertThat(bad.status()).isEqualTo(NotificationStatus.FAILED);
        assertThat(bad.attempts()).isEqualTo(1);
        assertThat(Mails.countByKey(TestMailServer.SMTP)).containsEntry("result-accepted:" + assignmentId, 1L);
    }

    private Set<String> keysOf(long directiveId) {
        return jdbc.sql("select dedup_key from notification where directive_id = ?").param(directiveId)
                .query(String.class).list().stream().collect(Collectors.toSet());
    }

    private long rows(String where) {
        return jdbc.sql("select count(*) from notification where " + where).query(Long.class).single();
    }

    private Notification row(long id) {
        return repository.find(id).orElseThrow();
    }

    private static JsonNode find(JsonNode list, long id) {
        for (JsonNode n : list) {
            if (n.get("id").asLong() == id) {
                return n;
            }
        }
        throw new AssertionError("Notification " + id + " not listed");
    }

    private long gauge(String status) {
        return (long) meters.get("directive.tracker.mail.outbox").tag("status", status).gauge().value();
    }
}
