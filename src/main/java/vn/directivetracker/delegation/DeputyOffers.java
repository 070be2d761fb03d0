package vn.directivetracker.delegation;

import static org.camunda.bpm.engine.authorization.Resources.TASK;

import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import vn.directivetracker.access.Grants;

/**
 * Offers one task to a deputy and withdraws it again (ADR 6). Offering adds the deputy as a candidate
 * user, for which Camunda itself grants READ and UPDATE on the task; withdrawing removes the link,
 * hands a task the deputy had claimed back to the group, and deletes that grant (Camunda keeps it
 * when a link is removed). Callers run inside the engine's or Spring's transaction, without a user's
 * authorization checks (task listeners, or {@code EngineAsSystem}).
 */
@Component
class DeputyOffers {

    private final DelegationRepository repository;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final Grants grants;

    DeputyOffers(DelegationRepository repository, TaskService taskService, IdentityService identityService, Grants grants) {
        this.repository = repository;
        this.taskService = taskService;
        this.identityService = identityService;
        this.grants = grants;
    }

    Set<String> groupsOf(String userId) {
        return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).collect(Collectors.toSet());
    }

    /**
     * Offers the task to the delegation's deputy unless they can already work it themselves.
     *
     * @param addCandidate adds the deputy as candidate user (through the task being created, or TaskService)
     */
    void offer(Delegation delegation, TaskPeople task, Consumer<String> addCandidate) {
        String deputy = delegation.deputyId();
        if (repository.isOffered(delegation.id(), task.taskId())) {
            return;
        }
        // Another delegation may have made the deputy a candidate already: that is no reach of their own.
        boolean offeredByAnother = !repository.offeringTaskTo(task.taskId(), deputy).isEmpty();
        TaskPeople withoutOffers = offeredByAnother ? task.withoutCandidateUser(deputy) : task;
        if (withoutOffers.reachableBy(deputy, groupsOf(deputy))) {
            return;
        }
        repository.offer(delegation.id(), task.taskId());
        if (!task.candidateUsers().contains(deputy)) {
            addCandidate.accept(deputy);
        }
    }

    void offer(Delegation delegation, Task task) {
        offer(delegation, peopleOf(task), user -> taskService.addCandidateUser(task.getId(), user));
    }

    TaskPeople peopleOf(Task task) {
        return TaskPeople.of(task.getId(), task.getAssignee(), taskService.getIdentityLinksForTask(task.getId()));
    }

    /** Undoes the offer; the deputy keeps the task only while another delegation still offers it to them. */
    void withdraw(Delegation delegation, String taskId) {
        repository.withdraw(delegation.id(), taskId);
        String deputy = delegation.deputyId();
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        if (task == null || !repository.offeringTaskTo(taskId, deputy).isEmpty()) {
            return;
        }
        if (deputy.equals(task.getAssignee())) {
            taskService.setAssignee(taskId, null);
        }
        taskService.deleteCandidateUser(taskId, deputy);
        grants.revokeUserGrant(deputy, TASK, taskId);
    }
}
