package vn.directivetracker.notification;

/**
 * A row the dispatcher has claimed: everything needed to send it, and how often it failed before.
 * {@code text}/{@code html} are null until rendered from {@code model} (ADR 21; see {@link MailBodies}).
 */
record OutboxRow(long id, String dedupKey, String eventType, String recipient, String subject, String text, String html,
        int attempts, String model) {

    /** Rendered by this round (its bodies are to be stored with the outcome), not stored already. */
    boolean renderedFrom(OutboxRow claimed) {
        return claimed.text() == null && text != null;
    }
}
