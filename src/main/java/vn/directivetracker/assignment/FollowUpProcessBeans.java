package vn.directivetracker.assignment;

import static vn.directivetracker.assignment.AgencyAssignmentProcess.Variables.*;
import static vn.directivetracker.assignment.AgencyAssignmentProcess.assignmentId;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.directivetracker.agency.Agency;
import vn.directivetracker.agency.AgencyRegistry;
import vn.directivetracker.common.CurrentActor;

/**
 * Delegates and listeners of the deadline watch and the extension path of {@code agency-assignment}:
 * adapters from process variables to {@link FollowUpService}, plus what only the engine can do —
 * restart the watch after a deadline moved, and hand open tasks to another agency ({@link OpenTasks}).
 */
@Configuration
class FollowUpProcessBeans {

    @Bean
    JavaDelegate sendAcknowledgeReminderDelegate(FollowUpService followUps) {
        return execution -> followUps.remindToAcknowledge(assignmentId(execution));
    }

    @Bean
    JavaDelegate sendDueSoonReminderDelegate(FollowUpService followUps) {
        return execution -> followUps.remindDueSoon(assignmentId(execution));
    }

    @Bean
    JavaDelegate sendOverdueNoticeDelegate(FollowUpService followUps) {
        return execution -> followUps.noticeOverdue(assignmentId(execution));
    }

    @Bean
    TaskListener recordExtensionDecision(FollowUpService followUps, CurrentActor actor) {
        return task -> followUps.decideExtension(assignmentId(task), (String) task.getVariable(EXTENSION_DECISION),
                (String) task.getVariable(EXTENSION_COMMENT), actor.completing(task));
    }

    @Bean
    JavaDelegate applyExtensionDecisionDelegate(FollowUpService followUps, AssignmentService assignments,
            DeadlineChanges deadlineChanges) {
        return execution -> {
            long id = assignmentId(execution);
            execution.setVariable(REQUEST_EXTENSION, false);
            if (followUps.applyExtensionDecision(id)) {
                // The watch branch waits on timers computed from the old deadline: interrupt it so
                // that it starts again from the new one. No old timer survives the interruption.
                deadlineChanges.restartWatch(assignments.get(id));
            }
        };
    }

    /** The leaders are asked to step in, with a link straight to their new task. */
    @Bean
    TaskListener notifyEscalation(AssignmentService assignments) {
        return task -> assignments.announce(new AssignmentEvents.EscalatedToLeader(assignmentId(task), task.getId()));
    }

    @Bean
    TaskListener recordLeaderDecision(FollowUpService followUps, CurrentActor actor) {
        return task -> followUps.recordLeaderDecision(assignmentId(task), (String) task.getVariable(LEADER_DECISION),
                (String) task.getVariable(LEADER_NEW_DEADLINE), (String) task.getVariable(REASSIGN_TO),
                (String) task.getVariable(LEADER_COMMENT), actor.completing(task));
    }

    @Bean
    JavaDelegate applyLeaderExtensionDelegate(FollowUpService followUps, AssignmentService assignments,
            DeadlineChanges deadlineChanges, CurrentActor actor) {
        return execution -> {
            long id = assignmentId(execution);
            followUps.extendByLeader(id, (String) execution.getVariable(LEADER_NEW_DEADLINE),
                    (String) execution.getVariable(LEADER_COMMENT), actor.userId());
            execution.setVariable(DEADLINE_LABEL, AssignmentService.deadlineLabel(assignments.get(id)));
            deadlineChanges.refreshTaskDueDates(assignments.get(id));
        };
    }

    @Bean
    JavaDelegate reassignAssignmentDelegate(FollowUpService followUps, AssignmentService assignments,
            AgencyRegistry registry, OpenTasks openTasks, DeadlineChanges deadlineChanges) {
        return execution -> {
            long id = assignmentId(execution);
            String previous = followUps.reassign(id, (String) execution.getVariable(REASSIGN_TO),
                    (String) execution.getVariable(LEADER_NEW_DEADLINE), (String) execution.getVariable(LEADER_COMMENT));
            Assignment assignment = assignments.get(id);
            Agency agency = registry.get(assignment.agencyCode());
            execution.setVariable(AGENCY_CODE, agency.code());
            execution.setVariable(AGENCY_HEAD_GROUP, agency.headGroupId());
            execution.setVariable(AGENCY_NAME, agency.name());
            execution.setVariable(DEADLINE_LABEL, AssignmentService.deadlineLabel(assignment));
            String businessKey = execution.getProcessBusinessKey();
            execution.setProcessBusinessKey(businessKey.substring(0, businessKey.lastIndexOf('/') + 1) + agency.code());
            openTasks.handOver(execution.getProcessInstanceId(), previous, agency);
            deadlineChanges.refreshTaskDueDates(assignment);
        };
    }

    @Bean
    JavaDelegate sendFormalReminderDelegate(FollowUpService followUps) {
        return execution -> followUps.sendFormalReminder(assignmentId(execution), (String) execution.getVariable(LEADER_COMMENT));
    }

    @Bean
    JavaDelegate closeOngoingAssignmentDelegate(FollowUpService followUps) {
        return execution -> followUps.closeOngoing(assignmentId(execution));
    }

}
