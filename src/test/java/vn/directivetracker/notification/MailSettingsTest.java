package vn.directivetracker.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Backoff arithmetic and the per-event switches, without Spring. */
class MailSettingsTest {

    private static MailSettings.Dispatcher dispatcher(Duration base, Duration max) {
        return new MailSettings.Dispatcher(true, Duration.ofSeconds(10), 50, 1, Duration.ofMinutes(2), 12, base, max, Duration.ofSeconds(60));
    }

    @Test
    void backoffDoublesFromTheBaseUpToTheMaximum() {
        MailSettings.Dispatcher d = dispatcher(Duration.ofMinutes(1), Duration.ofHours(1));
        assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 8, 30)).map(d::backoffAfter).containsExactly(
                Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(8),
                Duration.ofMinutes(16), Duration.ofMinutes(32), Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1));
    }

    @Test
    void aMaximumBelowTheBaseWins() {
        assertThat(dispatcher(Duration.ofMinutes(5), Duration.ofMinutes(3)).backoffAfter(1)).isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void eventsAreOnUnlessSwitchedOffUnderAnySpellingOfTheirKey() {
        MailSettings settings = new MailSettings(
                Map.of("task-created", false, "OVERDUENOTICE", false, "escalation", true), null, null, null);
        assertThat(settings.enabled(MailEvent.TASK_CREATED)).isFalse();
        assertThat(settings.enabled(MailEvent.OVERDUE_NOTICE)).isFalse(); // from DIRECTIVE_TRACKER_MAIL_EVENTS_OVERDUENOTICE
        assertThat(settings.enabled(MailEvent.ESCALATION)).isTrue();
        assertThat(settings.enabled(MailEvent.DIRECTIVE_ISSUED)).isTrue();
    }

    @Test
    void ofTwoSpellingsOfOneEventTheFirstListedWinsAndNoSwitchesMeanAllOn() {
        Map<String, Boolean> events = new java.util.LinkedHashMap<>();
        events.put("task-created", false);
        events.put("TASKCREATED", true);
        assertThat(new MailSettings(events, null, null, null).enabled(MailEvent.TASK_CREATED)).isFalse();
        MailSettings none = new MailSettings(null, null, null, null);
        assertThat(MailEvent.values()).allSatisfy(event -> assertThat(none.enabled(event)).as(event.key()).isTrue());
    }
}
