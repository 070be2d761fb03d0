package vn.directivetracker.directive;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * What happened to a directive, published inside the step's transaction; {@code notification} and
 * {@code assignment} listen synchronously, so what they write commits or rolls back with the step
 * (docs/adr/0010-dependency-direction-and-domain-events.md).
 */
public final class DirectiveEvents {

    private DirectiveEvents() {}

    /**
     * The letter is being issued with this issue date, its number taken next in the same transaction
     * (published again by a retried issuing job, which keeps the number): {@code assignment} plans the
     * assignments still missing. Before the number, so the series' counter is not locked meanwhile (ADR 39).
     */
    public record Issuing(long directiveId, LocalDate issueDate) {}

    /** The coordinator revoked the letter just now: {@code assignment} cancels its open assignments. */
    public record RevocationRecorded(long directiveId, LocalDateTime at, String actor, String reason) {}

    /** The letter was issued: every agency it names is told. */
    public record Issued(long directiveId) {}

    /** The letter was revoked: every agency it names learns its work is cancelled, and why. */
    public record Revoked(long directiveId, String reason) {}
}
