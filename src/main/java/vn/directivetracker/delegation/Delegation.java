package vn.directivetracker.delegation;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** "Ủy quyền": the delegator names a deputy who works their tasks from {@code startsOn} to {@code endsOn}, both included. */
public record Delegation(long id, String delegatorId, String deputyId, LocalDate startsOn, LocalDate endsOn, String reason,
        String createdBy, LocalDateTime createdAt, String cancelledBy, LocalDateTime cancelledAt) {

    public boolean activeOn(LocalDate day) {
        return cancelledAt == null && !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }
}
