package vn.directivetracker.delegation;

import java.time.LocalDateTime;

/** A claim or completion a deputy made for the absent user, through a delegation. */
public record DelegationAction(long delegationId, String taskId, String taskName, String taskDefinitionKey,
        String processInstanceId, String action, String actedBy, String actedFor, LocalDateTime occurredAt) {

    public static final String CLAIM = "CLAIM";
    public static final String COMPLETE = "COMPLETE";
}
