package vn.directivetracker.delegation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.directivetracker.common.Clocks;
import vn.directivetracker.common.FieldViolation;
import vn.directivetracker.common.ForbiddenException;
import vn.directivetracker.common.InvalidRequestException;
import vn.directivetracker.common.NotFoundException;
import vn.directivetracker.identity.EngineAsSystem;

/**
 * Delegations (ADR 6): created and cancelled through the API, and kept in step with the calendar by
 * {@link #synchronize()} — on the first day the absent user's open tasks are offered to the deputy,
 * after the last day (or on cancelling) they are withdrawn. Tasks created or assigned in between are
 * offered as they appear ({@link DelegationTaskEvents}).
 */
@Service
public class DelegationService {

    static final int MAX_DAYS = 366;

    private static final Logger log = LoggerFactory.getLogger(DelegationService.class);

    private final DelegationRepository repository;
    private final DeputyOffers offers;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final EngineAsSystem asSystem;
    private final Clocks clocks;
    private final TransactionTemplate transactions;

    DelegationService(DelegationRepository repository, DeputyOffers offers, TaskService taskService,
            IdentityService identityService, EngineAsSystem asSystem, Clocks clocks, TransactionTemplate transactions) {
        this.repository = repository;
        this.offers = offers;
        this.taskService = taskService;
        this.identityService = identityService;
        this.asSystem = asSystem;
        this.clocks = clocks;
        this.transactions = transactions;
    }

    /**
     * @param delegator whose tasks; only an administrator names someone other than themselves
     * @param administrator the caller administers the system: may delegate for anyone, to anyone
     */
    @Transactional
    public Delegation create(String delegator, String deputy, LocalDate from, LocalDate to, String reason,
            String caller, boolean administrator) {
        if (!delegator.equals(caller) && !administrator) {
            throw new ForbiddenException("Chỉ quản trị hệ thống được ủy quyền thay cho người khác");
        }
        asSystem.run(() -> validate(delegator, deputy, from, to, administrator));
        long id = repository.insert(delegator, deputy, from, to, reason, caller, clocks.now());
        Delegation delegation = get(id);
        if (delegation.activeOn(clocks.today())) {
            asSystem.run(() -> offerOpenTasks(delegation));
        }
        return delegation;
    }

    @Transactional
    public Delegation cancel(long id, String caller) {
        Delegation delegation = get(id);
        repository.cancel(id, caller, clocks.now());
        asSystem.run(() -> withdrawAll(delegation));
        return get(id);
    }

    public Delegation get(long id) {
        return repository.find(id).orElseThrow(() -> new NotFoundException("Không có ủy quyền số " + id));
    }

    public List<Delegation> involving(String userId) {
        return repository.involving(userId);
    }

    public List<Delegation> all() {
        return repository.all();
    }

    public List<DelegationAction> actions(long id) {
        return repository.actions(id);
    }

    /**
     * Brings the offers in line with today: offers every active delegation's open tasks, withdraws
     * those of delegations that ended, were cancelled or have not begun. Idempotent; each delegation in
     * its own transaction so that one failure (another node syncing the same one) spoils nothing else.
     */
    public void synchronize() {
        LocalDate today = clocks.today();
        for (Delegation delegation : repository.activeOn(today)) {
            inTransaction(delegation, () -> offerOpenTasks(delegation));
        }
        for (Delegation delegation : repository.offeringOutsideTheirRange(today)) {
            inTransaction(delegation, () -> withdrawAll(delegation));
        }
    }

    private void inTransaction(Delegation delegation, Runnable work) {
        try {
            transactions.executeWithoutResult(status -> asSystem.run(work));
        } catch (RuntimeException e) {
            log.warn("Delegation {}: could not bring its task offers up to date, retried at the next sweep", delegation.id(), e);
        }
    }

    /** The delegator's open work: assigned to them, or open to them or their groups — not what they hold as a deputy. */
    private void offerOpenTasks(Delegation delegation) {
        String delegator = delegation.delegatorId();
        Map<String, Task> open = new LinkedHashMap<>();
        taskService.createTaskQuery().taskAssignee(delegator).list().forEach(t -> open.put(t.getId(), t));
        taskService.createTaskQuery().taskCandidateUser(delegator).list().forEach(t -> open.put(t.getId(), t));
        var groups = offers.groupsOf(delegator);
        for (Task task : open.values()) {
            boolean heldAsDeputy = !repository.offeringTaskTo(task.getId(), delegator).isEmpty();
            if (!heldAsDeputy && offers.peopleOf(task).isWorkOf(delegator, groups)) {
                offers.offer(delegation, task);
            }
        }
    }

    private void withdrawAll(Delegation delegation) {
        repository.offeredTasks(delegation.id()).forEach(taskId -> offers.withdraw(delegation, taskId));
    }

    private void validate(String delegator, String deputy, LocalDate from, LocalDate to, boolean administrator) {
        List<FieldViolation> problems = new ArrayList<>();
        if (identityService.createUserQuery().userId(delegator).count() == 0) {
            problems.add(new FieldViolation("delegator", "Không có người dùng " + delegator));
        }
        if (identityService.createUserQuery().userId(deputy).count() == 0) {
            problems.add(new FieldViolation("deputy", "Không có người dùng " + deputy));
        } else if (deputy.equals(delegator)) {
            problems.add(new FieldViolation("deputy", "Không thể ủy quyền cho chính mình"));
        } else if (!administrator && Collections.disjoint(offers.groupsOf(delegator), offers.groupsOf(deputy))) {
            problems.add(new FieldViolation("deputy",
                    "Người được ủy quyền phải cùng đơn vị hoặc cùng nhóm vai trò với người ủy quyền"));
        }
        if (to.isBefore(from)) {
            problems.add(new FieldViolation("to", "Ngày kết thúc phải từ ngày bắt đầu trở đi"));
        } else if (to.isBefore(clocks.today())) {
            problems.add(new FieldViolation("to", "Thời gian ủy quyền đã qua"));
        } else if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            problems.add(new FieldViolation("to", "Ủy quyền dài nhất " + MAX_DAYS + " ngày"));
        } else {
            repository.overlapping(delegator, from, to).stream().findFirst().ifPresent(other -> problems.add(new FieldViolation(
                    "from", "Trùng thời gian với ủy quyền số " + other.id() + " (" + other.startsOn() + " – " + other.endsOn() + ")")));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }
}
