package vn.directivetracker.notification;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How email behaves ({@code directive-tracker.mail.*}). The sender's address and name are bound by
 * {@code TrackerProperties.Mail} under the same prefix; the SMTP server is plain {@code spring.mail.*}.
 *
 * @param events       per-event switch, e.g. {@code events.task-created=false}; unlisted events are on
 * @param dispatcher   how the outbox is emptied
 * @param taskCreated  the generic "new task for your group" email
 * @param digest       the optional morning digest per agency
 */
@ConfigurationProperties("directive-tracker.mail")
public record MailSettings(
        @DefaultValue Map<String, Boolean> events,
        @DefaultValue Dispatcher dispatcher,
        @DefaultValue TaskCreated taskCreated,
        @DefaultValue Digest digest) {

    /**
     * The switches by normalized key, built once: {@link #enabled} is asked for every email written, and
     * normalizing every configured key on each call was ~1 % of a fan-out's job threads (issue 11, ADR 39).
     * Of two spellings of one event the first listed wins, as before.
     */
    public MailSettings {
        Map<String, Boolean> byKey = new LinkedHashMap<>();
        if (events != null) {
            events.forEach((key, on) -> byKey.putIfAbsent(normalized(key), on));
        }
        events = Collections.unmodifiableMap(byKey);
    }

    /**
     * Whether the event is switched on. Keys are compared without case and punctuation, so the
     * property ({@code events.task-created}) and its environment variable
     * ({@code DIRECTIVE_TRACKER_MAIL_EVENTS_TASKCREATED}) both work.
     */
    public boolean enabled(MailEvent event) {
        Boolean on = events.get(EVENT_KEYS.get(event));
        return on == null || on;
    }

    /** Compiled once: asked for every email written (issue 11 profile). */
    private static final java.util.regex.Pattern NOT_ALPHANUMERIC = java.util.regex.Pattern.compile("[^A-Za-z0-9]");

    private static final Map<MailEvent, String> EVENT_KEYS = eventKeys();

    private static Map<MailEvent, String> eventKeys() {
        Map<MailEvent, String> keys = new EnumMap<>(MailEvent.class);
        for (MailEvent event : MailEvent.values()) {
            keys.put(event, normalized(event.key()));
        }
        return keys;
    }

    private static String normalized(String key) {
        return NOT_ALPHANUMERIC.matcher(key).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /**
     * @param enabled      run the dispatcher on a background thread (tests switch it off and call
     *                     {@code MailDispatcher.dispatchDue()} themselves)
     * @param interval     pause between two rounds
     * @param batchSize    rows claimed per round; a round sends them over one SMTP connection
     * @param senders      rounds run side by side on this node, each with its own claim and SMTP
     *                     connection (issue 11: one connection sends ~100 messages a second at best;
     *                     the wait is the server's reply, not CPU)
     * @param claimLease   how long a claim protects a row; renewed right before a message once less than
     *                     half of it is left, so half of it has to outlast one SMTP conversation plus the
     *                     clock skew between nodes
     * @param maxAttempts  failed attempts after which a row becomes FAILED
     * @param backoffBase  wait after the first failure, doubled after each further one …
     * @param backoffMax   … up to this
     * @param yieldAtMost  the background dispatcher's patience with a busy engine (ADR 31): while every
     *                     job executor thread of this node is taken, it sends only mail that has been due
     *                     for longer than this, so a burst of fan-out or reminder jobs gets the CPU first
     *                     and no email waits much longer than this for it; {@code 0} never yields
     */
    public record Dispatcher(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("10s") Duration interval,
            @DefaultValue("50") int batchSize,
            @DefaultValue("4") int senders,
            @DefaultValue("2m") Duration claimLease,
            @DefaultValue("12") int maxAttempts,
            @DefaultValue("1m") Duration backoffBase,
            @DefaultValue("1h") Duration backoffMax,
            @DefaultValue("60s") Duration yieldAtMost) {

        /** The wait before the next try, after {@code attempts} failed tries (1, 2, …). */
        public Duration backoffAfter(int attempts) {
            Duration delay = backoffBase;
            for (int i = 1; i < attempts && delay.compareTo(backoffMax) < 0; i++) {
                delay = delay.multipliedBy(2);
            }
            return delay.compareTo(backoffMax) > 0 ? backoffMax : delay;
        }
    }

    /**
     * @param excludeTasks task definition keys that get no generic email (e.g. a task whose own
     *                     event email already says everything, such as an escalation task)
     */
    public record TaskCreated(@DefaultValue List<String> excludeTasks) {}

    /**
     * @param agencies           agency or set codes (e.g. {@code SNGV}, {@code ALL_COMMUNES}) that get one
     *                           morning email instead of separate due-soon reminders and overdue notices
     * @param hour               hour of the day (installation time zone) the digest is written
     * @param dueSoonWorkingDays work due within this many working days counts as "due soon"
     * @param cron               overrides {@code hour} with a full cron expression (the scheduled-work
     *                           smoke test runs it every few seconds; once a day per agency anyway)
     */
    public record Digest(
            @DefaultValue List<String> agencies,
            @DefaultValue("7") int hour,
            @DefaultValue("3") int dueSoonWorkingDays,
            String cron) {

        public String cronExpression() {
            return cron == null || cron.isBlank() ? "0 0 " + hour + " * * *" : cron;
        }
    }
}
