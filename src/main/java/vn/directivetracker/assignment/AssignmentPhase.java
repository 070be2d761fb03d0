package vn.directivetracker.assignment;

/** Where an assignment stands in its workflow (the status buckets are computed from dates, see {@link StatusBucket}). */
public enum AssignmentPhase {
    RECEIVED,
    IN_PROGRESS,
    AWAITING_HEAD_APPROVAL,
    AWAITING_REVIEW,
    COMPLETED,
    CANCELLED
}
