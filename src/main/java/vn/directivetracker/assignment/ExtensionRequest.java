package vn.directivetracker.assignment;

import java.time.LocalDate;
import java.time.LocalDateTime;
import vn.directivetracker.common.Decisions;

/** A request for more time ("đề nghị gia hạn") and its decision, or a deadline a leader set. */
public record ExtensionRequest(
        long id,
        long assignmentId,
        LocalDate previousDeadline,
        LocalDate requestedDeadline,
        String reason,
        String requestedBy,
        LocalDateTime requestedAt,
        String deciderGroup,
        String decision,
        String decidedBy,
        LocalDateTime decidedAt,
        String decisionComment) {

    public boolean approved() {
        return Decisions.APPROVE.equals(decision);
    }
}
