package vn.directivetracker.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.directivetracker.common.Clocks;
import vn.directivetracker.support.DirectiveFixtures;
import vn.directivetracker.support.EngineClock;
import vn.directivetracker.support.IntegrationTest;
import vn.directivetracker.support.Mails;
import vn.directivetracker.support.TestMailServer;

/**
 * ADR 31: the background dispatcher's rounds yield to a busy job executor. Fresh mail waits; mail due
 * for longer than {@code yield-at-most} goes out even while the engine stays busy; an idle engine
 * delays nothing; and whatever waited is sent once, none lost. The engine's clock is moved by the test.
 */
class MailYieldTest extends IntegrationTest {

    @Autowired MailSettings settings;
    @Autowired Clocks clocks;
    @Autowired MeterRegistry meters;

    @BeforeEach
    void everythingEarlierIsSent() {
        mailServerUpWithEarlierMailSent();
    }

    @AfterEach
    void realClock() {
        EngineClock.reset();
    }

    @Test
    void whileTheEngineIsBusyFreshMailWaitsUntilItHasBeenDueForYieldAtMost() {
        long id = issueToTwoAgencies("V/v thử nhường máy cho tiến trình " + System.nanoTime());
        Set<String> written = keysOf(id);
        assertThat(written).hasSizeGreaterThanOrEqualTo(4);
        Duration patience = settings.dispatcher().yieldAtMost();
        assertThat(patience).isEqualTo(Duration.ofSeconds(60));
        EngineClock.freezeAt(clocks, clocks.now());
        double yieldedBefore = yieldedRounds();

        assertThat(mailDispatcher.dispatchDue(() -> true)).isZero();
        EngineClock.move(clocks, patience.minusSeconds(1));
        assertThat(mailDispatcher.dispatchDue(() -> true)).isZero();
        assertThat(pending(id)).isEqualTo(written.size());
        assertThat(Mails.countByKey(TestMailServer.SMTP)).isEmpty();
        assertThat(yieldedRounds()).isGreaterThanOrEqualTo(yieldedBefore + 2);

        // Still busy, but now every row has been due for longer than yield-at-most: out it goes, once.
        EngineClock.move(clocks, Duration.ofSeconds(2));
        assertThat(mailDispatcher.dispatchDue(() -> true)).isGreaterThanOrEqualTo(written.size());
        assertThat(pending(id)).isZero();
        Map<String, Long> received = Mails.countByKey(TestMailServer.SMTP);
        assertThat(received.keySet()).containsAll(written);
        assertThat(received).allSatisfy((key, times) -> assertThat(times).as(key).isEqualTo(1));
    }

    @Test
    void anIdleEngineDelaysNothing() {
        long id = issueToTwoAgencies("V/v thử gửi ngay khi máy rảnh " + System.nanoTime());
        Set<String> written = keysOf(id);
        EngineClock.freezeAt(clocks, clocks.now());
        double yieldedBefore = yieldedRounds();

        assertThat(mailDispatcher.dispatchDue(() -> false)).isGreaterThanOrEqualTo(written.size());

        assertThat(pending(id)).isZero();
        assertThat(Mails.countByKey(TestMailServer.SMTP).keySet()).containsAll(written);
        assertThat(yieldedRounds()).isEqualTo(yieldedBefore);
    }

    private long issueToTwoAgencies(String subject) {
        return submitAndIssue(DirectiveFixtures.smallDirective(subject, List.of("SNGV", "SCT"), List.of()));
    }

    private Set<String> keysOf(long directiveId) {
        return jdbc.sql("select dedup_key from notification where directive_id = ?").param(directiveId)
                .query(String.class).list().stream().collect(Collectors.toSet());
    }

    private long pending(long directiveId) {
        return jdbc.sql("select count(*) from notification where status = 'PENDING' and directive_id = ?")
                .param(directiveId).query(Long.class).single();
    }

    private double yieldedRounds() {
        Counter counter = meters.find("directive.tracker.mail.yielded.rounds").counter();
        return counter == null ? 0 : counter.count();
    }
}
