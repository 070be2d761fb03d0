package vn.directivetracker.notification;

import java.util.LinkedHashMap;
import java.util.Map;

/** One email to one address, before rendering: what {@link Outbox#enqueue} writes as a row. */
final class MailRequest {

    final MailEvent event;
    final String dedupKey;
    String address;
    String recipientName;
    String subject;
    final Map<String, Object> model = new LinkedHashMap<>();
    Long directiveId;
    Long assignmentId;
    String taskId;

    private MailRequest(MailEvent event, String dedupKey) {
        this.event = event;
        this.dedupKey = dedupKey;
    }

    /**
     * @param dedupKey unique per email that must exist at most once (event, the records it is about,
     *                 the recipient, and whatever makes a repeated event distinct, such as a task id)
     */
    static MailRequest of(MailEvent event, String dedupKey) {
        return new MailRequest(event, dedupKey);
    }

    MailRequest to(String address, String recipientName) {
        this.address = address;
        this.recipientName = recipientName;
        return this;
    }

    MailRequest subject(String subject) {
        this.subject = subject;
        return this;
    }

    MailRequest model(Map<String, ?> values) {
        model.putAll(values);
        return this;
    }

    MailRequest about(Long directiveId, Long assignmentId) {
        this.directiveId = directiveId;
        this.assignmentId = assignmentId;
        return this;
    }

    /** The Tasklist task the email links to (null: Tasklist's start page). */
    MailRequest task(String taskId) {
        this.taskId = taskId;
        return this;
    }
}
