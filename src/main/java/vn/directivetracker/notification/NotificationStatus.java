package vn.directivetracker.notification;

public enum NotificationStatus {
    /** Handed to the SMTP server. */
    SENT,
    /** No SMTP server configured (embedded default): kept in the table, readable at /api/notifications. */
    KEPT,
    /** The agency has no email address in the registry: visible to coordinators, nothing sent. */
    NO_ADDRESS
}
