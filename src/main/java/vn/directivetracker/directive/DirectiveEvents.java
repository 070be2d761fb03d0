package vn.directivetracker.directive;

/**
 * What happened to a directive, published inside the step's transaction; {@code notification}
 * listens synchronously (docs/adr/0010-dependency-direction-and-domain-events.md).
 */
public final class DirectiveEvents {

    private DirectiveEvents() {}

    /** The letter was issued: every agency it names is told. */
    public record Issued(long directiveId) {}

    /** The letter was revoked: every agency it names learns its work is cancelled, and why. */
    public record Revoked(long directiveId, String reason) {}
}
