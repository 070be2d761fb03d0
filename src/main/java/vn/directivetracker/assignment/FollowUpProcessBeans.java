package vn.directivetracker.assignment;

import static vn.directivetracker.assignment.AgencyAssignmentProcess.Variables.*;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.directivetracker.agency.Agency;
import vn.directivetracker.agency.AgencyRegistry;
import vn.directivetracker.common.CurrentActor;

/**
 * Delegates and listeners of the deadline watch and the extension path of {@code agency-assignment}:
 * adapters to {@link FollowUpService} (which assignment: {@link AssignmentOfProcess}; variables read
 * are only the leader's and the agency's form fields), plus what only the engine can do —
 * restart the watch after a deadline moved, and hand open tasks to another agency ({@link OpenTasks}).
 */
@Configuration
class FollowUpProcessBeans {

    private final AssignmentOfProcess assignmentOf;

    FollowUpProcessBeans(AssignmentOfProcess assignmentOf) {
        this.assignmentOf = assignmentOf;
    }

    @Bean
    JavaDelegate sendAcknowledgeReminderDelegate(FollowUpService followUps) {
        return execution -> followUps.remindToAcknowledge(assignmentOf.id(execution));
    }

    @Bean
    JavaDelegate sendDueSoonReminderDelegate(FollowUpService followUps) {
        return execution -> followUps.remindDueSoon(assignmentOf.id(execution));
    }

    @Bean
    JavaDelegate sendOverdueNoticeDelegate(FollowUpService followUps) {
        return execution -> followUps.noticeOverdue(assignmentOf.id(execution));
    }

    @Bean
    TaskListener recordExtensionDecision(FollowUpService followUps, CurrentActor actor) {
        return task -> followUps.decideExtension(assignmentOf.id(task), (String) task.getVariable(EXTENSION_DECISION),
                (String) task.getVariable(EXTENSION_COMMENT), actor.completing(task));
    }

    @Bean
    JavaDelegate applyExtensionDecisionDelegate(FollowUpService followUps, AssignmentService assignments,
            DeadlineChanges deadlineChanges) {
        return execution -> {
            long id = assignmentOf.id(execution);
            execution.setVariable(REQUEST_EXTENSION, false);
            if (followUps.applyExtensionDecision(id)) {
                // The watch branch waits on timers computed from the old deadline: restart it so that
                // it starts again from the new one (a modification of this very instance, from its own
                // job). No old timer survives.
                deadlineChanges.restartWatch(assignments.get(id));
            }
        };
    }

    /** The leaders are asked to step in, with a link straight to their new task. */
    @Bean
    TaskListener notifyEscalation(AssignmentService assignments) {
        return task -> assignments.announce(new AssignmentEvents.EscalatedToLeader(assignmentOf.id(task), task.getId()));
    }

    @Bean
    TaskListener recordLeaderDecision(FollowUpService followUps, CurrentActor actor) {
        return task -> followUps.recordLeaderDecision(assignmentOf.id(task), (String) task.getVariable(LEADER_DECISION),
                (String) task.getVariable(LEADER_NEW_DEADLINE), (String) task.getVariable(REASSIGN_TO),
                (String) task.getVariable(LEADER_COMMENT), actor.completing(task));
    }

    @Bean
    JavaDelegate applyLeaderExtensionDelegate(FollowUpService followUps, AssignmentService assignments,
            DeadlineChanges deadlineChanges, CurrentActor actor) {
        return execution -> {
            long id = assignmentOf.id(execution);
            followUps.extendByLeader(id, (String) execution.getVariable(LEADER_NEW_DEADLINE),
                    (String) execution.getVariable(LEADER_COMMENT), actor.userId());
            // No restart here: this runs on the watch's own token, which goes on to "Sắp đến hạn"
            // (Flow_ExtensionToDueSoon) and so computes the timers from the new deadline.
            deadlineChanges.refreshTaskDueDates(assignments.get(id));
        };
    }

    @Bean
    JavaDelegate reassignAssignmentDelegate(FollowUpService followUps, AssignmentService assignments,
            AgencyRegistry registry, OpenTasks openTasks, DeadlineChanges deadlineChanges) {
        return execution -> {
            long id = assignmentOf.id(execution);
            String previous = followUps.reassign(id, (String) execution.getVariable(REASSIGN_TO),
                    (String) execution.getVariable(LEADER_NEW_DEADLINE), (String) execution.getVariable(LEADER_COMMENT));
            Assignment assignment = assignments.get(id);
            Agency agency = registry.get(assignment.agencyCode());
            String businessKey = execution.getProcessBusinessKey();
            execution.setProcessBusinessKey(businessKey.substring(0, businessKey.lastIndexOf('/') + 1) + agency.code());
            openTasks.handOver(execution.getProcessInstanceId(), previous, agency);
            deadlineChanges.refreshTaskDueDates(assignment);
        };
    }

    @Bean
    JavaDelegate sendFormalReminderDelegate(FollowUpService followUps) {
        return execution -> followUps.sendFormalReminder(assignmentOf.id(execution), (String) execution.getVariable(LEADER_COMMENT));
    }

    @Bean
    JavaDelegate closeOngoingAssignmentDelegate(FollowUpService followUps) {
        return execution -> followUps.closeOngoing(assignmentOf.id(execution));
    }
}
