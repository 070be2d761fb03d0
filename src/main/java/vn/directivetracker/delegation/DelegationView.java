package vn.directivetracker.delegation;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** A delegation as the API shows it: both people by name, its state today, and who acted for whom. */
record DelegationView(long id, Person delegator, Person deputy, LocalDate from, LocalDate to, String reason,
        String status, String statusLabel, String createdBy, LocalDateTime createdAt, LocalDateTime cancelledAt,
        List<Action> actions) {

    record Person(String id, String name) {}

    record Action(String action, String taskId, String taskName, String processInstanceId, Person actedBy,
            Person actedFor, LocalDateTime at, String summary) {}
}
