package vn.directivetracker.audit;

import java.time.LocalDateTime;

/**
 * One line of the audit trail. {@code source}: CAMUNDA (the engine's user operation log: claims,
 * completions, assignments, variable changes, process starts), DIRECTIVE (our directive_event table:
 * decisions with their comments), DELEGATION (acting for an absent user).
 */
public record AuditEntry(LocalDateTime at, String source, String actor, String onBehalfOf, String action, String label,
        String taskName, String processInstanceId, String taskId, String detail) {}
