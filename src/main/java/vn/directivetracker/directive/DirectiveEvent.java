package vn.directivetracker.directive;

import java.time.LocalDateTime;

/** One entry of a directive's history: who did what (review, signature, acknowledgement, return…) and why. */
public record DirectiveEvent(Long assignmentId, String type, String actor, String comment, LocalDateTime occurredAt) {}
