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

    public StatusBucket statusAsOf(LocalDate asOf) {
        return StatusBucket.of(deadline, completedOn(), cancelledAt == null ? null : cancelledAt.toLocalDate(), asOf);
    }
}
