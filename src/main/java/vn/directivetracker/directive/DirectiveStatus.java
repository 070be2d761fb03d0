package vn.directivetracker.directive;

public enum DirectiveStatus {
    IN_REVIEW,
    RETURNED_FOR_REVISION,
    AWAITING_SIGNATURE,
    AWAITING_ISSUE,
    ISSUED,
    CLOSED,
    REVOKED
}
