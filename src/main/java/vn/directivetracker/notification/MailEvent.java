package vn.directivetracker.notification;

/**
 * Every kind of email the application writes. {@link #key()} names its templates
 * ({@code templates/mail/<key>.html|.txt}) and its switch ({@code directive-tracker.mail.events.<key>});
 * {@link #name()} is stored as the row's {@code event_type}.
 */
public enum MailEvent {
    DIRECTIVE_ISSUED("directive-issued"),
    ASSIGNMENT_RECEIVED("assignment-received"),
    TASK_CREATED("task-created"),
    HEAD_RETURNED("head-returned"),
    RESULT_RETURNED("result-returned"),
    RESULT_ACCEPTED("result-accepted"),
    ACKNOWLEDGEMENT_REMINDER("acknowledgement-reminder"),
    DUE_SOON_REMINDER("due-soon-reminder"),
    OVERDUE_NOTICE("overdue-notice"),
    ESCALATION("escalation"),
    EXTENSION_DECIDED("extension-decided"),
    REPORT_DUE_SOON("report-due-soon"),
    REPORT_OVERDUE("report-overdue"),
    DIRECTIVE_REVOKED("directive-revoked"),
    /** Follow-up notices without a template of their own: formal reminder, reassignment, amendments. */
    ASSIGNMENT_NOTICE("assignment-notice"),
    DAILY_DIGEST("daily-digest");

    private final String key;

    MailEvent(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
