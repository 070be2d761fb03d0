package vn.directivetracker.directive;

import java.time.LocalDateTime;

/**
 * One entry of a directive's history: who did what (review, signature, acknowledgement, return…) and
 * why. {@code type} is the stored code of a {@link DirectiveEventType} (kept a string in the API).
 */
public record DirectiveEvent(Long assignmentId, String type, String actor, String comment, LocalDateTime occurredAt) {

    public DirectiveEventType kind() {
        return DirectiveEventType.ofCode(type);
    }
}
