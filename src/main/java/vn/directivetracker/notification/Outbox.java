package vn.directivetracker.notification;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.directivetracker.common.Clocks;
import vn.directivetracker.common.TrackerProperties;

/**
 * Writes emails as PENDING rows of the outbox, in the caller's transaction — the engine's, when
 * called from a delegate or a task listener. So a step that rolls back leaves no row and nothing is
 * ever sent for it; a step that commits has its row, which {@link MailDispatcher} delivers later.
 * The row holds the template's model as it is now, not the rendered email: rendering is the
 * dispatcher's work, outside the step's transaction (ADR 21).
 */
@Component
class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    /** Column size of notification.subject. */
    private static final int MAX_SUBJECT = 500;
    /** Compiled once: {@code String.replaceAll} compiled it for every email (issue 11 profile). */
    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

    private final NotificationRepository notifications;
    private final TasklistLinks links;
    private final MailSettings settings;
    private final TrackerProperties properties;
    private final Clocks clocks;

    Outbox(NotificationRepository notifications, TasklistLinks links, MailSettings settings,
            TrackerProperties properties, Clocks clocks) {
        this.notifications = notifications;
        this.links = links;
        this.settings = settings;
        this.properties = properties;
        this.clocks = clocks;
    }

    /**
     * Stores the email (subject and model; rendered when sent) unless its event is switched off or an email with the same
     * de-duplication key already exists. Joins the caller's transaction (or opens one when called
     * outside any, e.g. from a scheduled job).
     */
    @Transactional
    public void enqueue(MailRequest mail) {
        NotificationRepository.NewRow row = prepared(mail);
        if (row != null) {
            logOutcome(row, notifications.insertUnlessExists(row, clocks.now()));
        }
    }

    /**
     * {@link #enqueue} for many emails of one step, written as one batch (ADR 30): a letter's
     * "issued" notices are ~170 rows at once, and one round trip each was a tenth of the fan-out's
     * job threads (issue 11). Same rules per email.
     */
    @Transactional
    public void enqueueAll(List<MailRequest> mails) {
        List<NotificationRepository.NewRow> rows = new ArrayList<>(mails.size());
        for (MailRequest mail : mails) {
            NotificationRepository.NewRow row = prepared(mail);
            if (row != null) {
                rows.add(row);
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        boolean[] written = notifications.insertAllUnlessExist(rows, clocks.now());
        for (int i = 0; i < rows.size(); i++) {
            logOutcome(rows.get(i), written[i]);
        }
    }

    /** The row to write, or null when the email's event is switched off. */
    private NotificationRepository.NewRow prepared(MailRequest mail) {
        if (!settings.enabled(mail.event)) {
            log.debug("Event {} switched off: {} not written", mail.event.key(), mail.dedupKey);
            return null;
        }
        mail.subject = oneLine(mail.subject);
        mail.model.put("subject", mail.subject);
        mail.model.put("issuingBody", properties.issuingBody());
        mail.model.put("recipientName", mail.recipientName);
        mail.model.put("link", links.task(mail.taskId));
        mail.model.put("linkToTask", mail.taskId != null);
        boolean hasAddress = mail.address != null && !mail.address.isBlank();
        return new NotificationRepository.NewRow(mail, hasAddress ? mail.address.strip() : "", MailModel.encode(mail.model),
                hasAddress ? NotificationStatus.PENDING : NotificationStatus.NO_ADDRESS);
    }

    private static void logOutcome(NotificationRepository.NewRow row, boolean written) {
        if (!written) {
            log.debug("Email {} already in the outbox", row.mail().dedupKey);
        } else if (row.status() == NotificationStatus.NO_ADDRESS) {
            log.warn("No email address for {} ({}): kept as NO_ADDRESS", row.mail().recipientName, row.mail().dedupKey);
        }
    }

    /** Subjects come partly from users: one line (no header injection), within the column. */
    private static String oneLine(String subject) {
        String line = WHITESPACE.matcher(subject).replaceAll(" ").strip();
        return line.length() <= MAX_SUBJECT ? line : line.substring(0, MAX_SUBJECT - 1) + "…";
    }
}
