package vn.directivetracker.delegation;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import vn.directivetracker.common.Clocks;
import vn.directivetracker.common.VnFormats;

/**
 * What delegation does on every user task of every process (registered by {@link DelegationEnginePlugin},
 * no BPMN change): a task created for, or assigned to, an absent user is offered to their deputy; a
 * deputy's claim and completion are recorded as acting for the absent user, with a comment on the task;
 * and once the delegation is over, the deputy can no longer claim or complete what it offered.
 * Runs inside the engine's transaction, where Camunda checks no authorization for listener code.
 */
@Component
class DelegationTaskEvents {


    private final DelegationRepository repository;
    private final DeputyOffers offers;
    private final IdentityService identityService;
    private final Clocks clocks;

    DelegationTaskEvents(DelegationRepository repository, DeputyOffers offers, IdentityService identityService, Clocks clocks) {
        this.repository = repository;
        this.offers = offers;
        this.identityService = identityService;
        this.clocks = clocks;
    }

    void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case TaskListener.EVENTNAME_CREATE -> offerToDeputiesOfWhoeverItIsFor(task);
            case TaskListener.EVENTNAME_ASSIGNMENT -> assigned(task);
            case TaskListener.EVENTNAME_COMPLETE -> completed(task);
            default -> { }
        }
    }

    private void offerToDeputiesOfWhoeverItIsFor(DelegateTask task) {
        List<Delegation> active = repository.activeOn(clocks.today());
        if (active.isEmpty()) {
            return;
        }
        // Who the task is for as modelled, before any deputy is added: deputies do not pass work on.
        TaskPeople people = TaskPeople.of(task.getId(), task.getAssignee(), task.getCandidates());
        for (Delegation delegation : active) {
            if (people.isWorkOf(delegation.delegatorId(), offers.groupsOf(delegation.delegatorId()))) {
                offers.offer(delegation, people, task::addCandidateUser);
            }
        }
    }

    private void assigned(DelegateTask task) {
        String assignee = task.getAssignee();
        if (assignee == null) {
            return;
        }
        List<Delegation> offering = repository.offeringTaskTo(task.getId(), assignee);
        if (!offering.isEmpty()) {
            record(task, DelegationAction.CLAIM, assignee, stillActive(offering, task));
            return;
        }
        TaskPeople people = TaskPeople.of(task.getId(), assignee, task.getCandidates());
        repository.activeOn(clocks.today()).stream()
                .filter(d -> d.delegatorId().equals(assignee))
                .forEach(d -> offers.offer(d, people, task::addCandidateUser));
    }

    private void completed(DelegateTask task) {
        Authentication authentication = identityService.getCurrentAuthentication();
        String actor = authentication == null ? null : authentication.getUserId();
        if (actor != null) {
            List<Delegation> offering = repository.offeringTaskTo(task.getId(), actor);
            if (!offering.isEmpty()) {
                Delegation delegation = stillActive(offering, task);
                record(task, DelegationAction.COMPLETE, actor, delegation);
                task.getProcessEngineServices().getTaskService().createComment(task.getId(), task.getProcessInstanceId(),
                        name(actor) + " hoàn thành thay " + name(delegation.delegatorId()) + " theo ủy quyền số "
                                + delegation.id() + " (" + VnFormats.DATE.format(delegation.startsOn()) + " – "
                                + VnFormats.DATE.format(delegation.endsOn()) + ")");
            }
        }
        repository.forgetTask(task.getId());
    }

    private Delegation stillActive(List<Delegation> offering, DelegateTask task) {
        LocalDate today = clocks.today();
        return offering.stream().filter(d -> d.activeOn(today)).findFirst().orElseThrow(() -> {
            Delegation over = offering.get(0);
            return new DelegationEndedException("Ủy quyền số " + over.id() + " của " + name(over.delegatorId())
                    + " đã kết thúc (" + VnFormats.DATE.format(over.endsOn()) + "): không thể xử lý thay việc «" + task.getName() + "»");
        });
    }

    private void record(DelegateTask task, String action, String actor, Delegation delegation) {
        repository.record(new DelegationAction(delegation.id(), task.getId(), task.getName(), task.getTaskDefinitionKey(),
                task.getProcessInstanceId(), action, actor, delegation.delegatorId(), clocks.now()));
    }

    private String name(String userId) {
        var user = identityService.createUserQuery().userId(userId).singleResult();
        return user == null ? userId : user.getFirstName() + " " + user.getLastName() + " (" + userId + ")";
    }
}
