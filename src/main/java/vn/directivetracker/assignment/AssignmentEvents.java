package vn.directivetracker.assignment;

import java.time.LocalDate;

/**
 * What happened to one assignment, published by the assignment services inside the step's
 * transaction ({@code ApplicationEventPublisher}). The {@code notification} package listens
 * synchronously and writes its emails to the outbox in that same transaction, so an email commits or
 * rolls back with the step (docs/adr/0007-mail-outbox.md, docs/adr/0010-dependency-direction-and-domain-events.md).
 */
public final class AssignmentEvents {

    private AssignmentEvents() {}

    /** Any of the events below. */
    public interface Event {
        long assignmentId();
    }

    /** The agency received the work (at the start, or after a hand-over to it). */
    public record Received(long assignmentId) implements Event {}

    /** The agency head sent the result back to the officers; {@code taskId} is the head's task. */
    public record HeadReturned(long assignmentId, String comment, String taskId) implements Event {}

    public record ResultAccepted(long assignmentId) implements Event {}

    /** The coordinator returned the result; {@code taskId} is the review task. */
    public record ResultReturned(long assignmentId, String reason, String taskId) implements Event {}

    /** Receipt is still not acknowledged (acknowledgement timer). */
    public record AcknowledgementDue(long assignmentId) implements Event {}

    /** The deadline is near (due-soon timer). */
    public record DueSoon(long assignmentId) implements Event {}

    /** The deadline has passed (overdue timer). */
    public record Overdue(long assignmentId) implements Event {}

    /** Overdue beyond the tolerance: the provincial leaders are asked to decide ({@code leaderTaskId}). */
    public record EscalatedToLeader(long assignmentId, String leaderTaskId) implements Event {}

    /**
     * An extension was decided. {@code decisionId} is unique to the decision; {@code newDeadline} is
     * null when refused.
     */
    public record ExtensionDecided(long assignmentId, String decisionId, boolean granted, LocalDate newDeadline,
            String comment) implements Event {}

    /**
     * A follow-up notice about the assignment (formal reminder, hand-over, amended deadline or agency
     * list). {@code occurrence} makes it unique besides the assignment; {@code toHead} also tells the head.
     */
    public record Notice(String occurrence, long assignmentId, boolean toHead, String headline, String message) implements Event {}
}
