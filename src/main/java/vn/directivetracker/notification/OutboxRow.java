package vn.directivetracker.notification;

/** A row the dispatcher has claimed: everything needed to send it, and how often it failed before. */
record OutboxRow(long id, String dedupKey, String eventType, String recipient, String subject, String text, String html,
        int attempts) {}
