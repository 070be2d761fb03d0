package vn.directivetracker.assignment;

import java.time.LocalDate;
import java.time.LocalDateTime;
import vn.directivetracker.directive.ResponsibleRole;

/** One agency's share of one directive item. */
public record Assignment(
        long id,
        long directiveId,
        long itemId,
        String agencyCode,
        ResponsibleRole role,
        LocalDate deadline,
        AssignmentPhase phase,
        LocalDateTime acknowledgedAt,
        LocalDateTime resultSubmittedAt,
        LocalDateTime completedAt,
        LocalDateTime cancelledAt,
        String processInstanceId,
        LocalDateTime createdAt,
        LocalDateTime lastFormalReminderAt,
        String reassignedFrom) {

    /** Completion counts from the day the agency submitted the result that was then accepted. */
    public LocalDate completedOn() {
        if (completedAt == null) {
            return null;
        }
        return (resultSubmittedAt != null ? resultSubmittedAt : completedAt).toLocalDate();
    }

    /** The same assignment, worked by the given process instance (what binding writes). */
    Assignment boundTo(String processInstanceId) {
        return new Assignment(id, directiveId, itemId, agencyCode, role, deadline, phase, acknowledgedAt, resultSubmittedAt,
                completedAt, cancelledAt, processInstanceId, createdAt, lastFormalReminderAt, reassignedFrom);
    }

    /** The same assignment with another deadline: the one in force at a past date ({@link DeadlineHistory}). */
    public Assignment withDeadline(LocalDate otherDeadline) {
        return new Assignment(id, directiveId, itemId, agencyCode, role, otherDeadline, phase, acknowledgedAt,
                resultSubmittedAt, completedAt, cancelledAt, processInstanceId, createdAt, lastFormalReminderAt,
                reassignedFrom);
    }

    public StatusBucket statusAsOf(LocalDate asOf) {
        return StatusBucket.of(deadline, completedOn(), cancelledAt == null ? null : cancelledAt.toLocalDate(), asOf);
    }
}
