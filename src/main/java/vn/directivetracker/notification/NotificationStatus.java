package vn.directivetracker.notification;

public enum NotificationStatus {
    /** Written by a committed step, waiting for the dispatcher (first try or a retry after backoff). */
    PENDING,
    /** Handed to the SMTP server. */
    SENT,
    /** No SMTP server configured (embedded default): kept in the table, readable at /api/notifications. */
    KEPT,
    /** The recipient has no email address in the registry: visible to coordinators, nothing sent. */
    NO_ADDRESS,
    /** Every attempt failed (see attempts, last_error); a coordinator can resend it. */
    FAILED
}
