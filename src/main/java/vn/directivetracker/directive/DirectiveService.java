package vn.directivetracker.directive;

import java.time.LocalDate;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import vn.directivetracker.agency.AgencyRegistry;
import vn.directivetracker.assignment.Assignment;
import vn.directivetracker.assignment.AssignmentPlanner;
import vn.directivetracker.assignment.AssignmentRepository;
import vn.directivetracker.assignment.DeadlineChanges;
import vn.directivetracker.calendar.WorkingDayCalendar;
import vn.directivetracker.common.ConflictException;
import vn.directivetracker.common.FieldViolation;
import vn.directivetracker.common.InvalidRequestException;
import vn.directivetracker.assignment.AssignmentEvents;
import vn.directivetracker.common.Clocks;
import vn.directivetracker.common.NotFoundException;
import vn.directivetracker.common.TrackerProperties;

/**
 * The life of a directive in our tables. Each method runs in the caller's transaction, which is the
 * engine's when called from a delegate: the business rows and the process state commit or roll back
 * together.
 */
@Service
public class DirectiveService {

    /** Symbol of the issuing body in document numbers (15/UBND-KGVX). */
    static final String ISSUER_SYMBOL = "UBND";

    private final DirectiveRepository directives;
    private final DirectiveRequestValidator validator;
    private final DocumentNumberSeries numberSeries;
    private final AssignmentPlanner planner;
    private final RuntimeService runtimeService;
    private final TrackerProperties properties;
    private final Clocks clocks;
    private final AssignmentRepository assignments;
    private final DeadlineChanges deadlineChanges;
    private final WorkingDayCalendar calendar;
    private final ApplicationEventPublisher events;
    private final AgencyRegistry registry;
    private final ExecutionFanOut fanOut;

    public DirectiveService(DirectiveRepository directives, DirectiveRequestValidator validator,
            DocumentNumberSeries numberSeries, AssignmentPlanner planner, RuntimeService runtimeService,
            TrackerProperties properties, Clocks clocks, AssignmentRepository assignments,
            DeadlineChanges deadlineChanges, WorkingDayCalendar calendar, ApplicationEventPublisher events,
            AgencyRegistry registry, ExecutionFanOut fanOut) {
        this.registry = registry;
        this.fanOut = fanOut;
        this.assignments = assignments;
        this.deadlineChanges = deadlineChanges;
        this.calendar = calendar;
        this.events = events;
        this.directives = directives;
        this.validator = validator;
        this.numberSeries = numberSeries;
        this.planner = planner;
        this.runtimeService = runtimeService;
        this.properties = properties;
        this.clocks = clocks;
    }

    /** "Phát hành": tells every agency the letter names (an email each, written to the outbox by {@code notification}). */
    public void announceIssued(long id) {
        events.publishEvent(new DirectiveEvents.Issued(id));
    }

    /** After revocation: every agency of the letter learns its work under it is cancelled, and why. */
    public void announceRevoked(long id) {
        events.publishEvent(new DirectiveEvents.Revoked(id, get(id).revocationReason()));
    }

    /** Stores the draft and starts its issuance: review, signature, numbering. All or nothing. */
    @Transactional
    public long submit(DirectiveRequest request, String drafter) {
        validator.validate(request);
        String place = request.place() == null || request.place().isBlank() ? properties.place() : request.place();
        long id = directives.insertDraft(request, place, drafter, clocks.now());
        ProcessInstance instance = runtimeService.createProcessInstanceByKey(DirectiveIssuanceProcess.KEY)
                .businessKey(String.valueOf(id))
                .setVariable(DirectiveIssuanceProcess.Variables.DIRECTIVE_ID, id)
                .setVariable(DirectiveIssuanceProcess.Variables.DIRECTIVE_SUBJECT, request.subject())
                .setVariable(DirectiveIssuanceProcess.Variables.DRAFTER, drafter)
                .execute();
        directives.setIssuanceProcess(id, instance.getId());
        directives.recordEvent(id, null, DirectiveEventType.SUBMITTED, drafter, null, clocks.now());
        return id;
    }

    public Directive get(long id) {
        return directives.find(id).orElseThrow(() -> new NotFoundException("Không có văn bản chỉ đạo " + id));
    }

    /**
     * Numbers and issues the directive and plans its assignments. Idempotent: a retried job keeps the
     * number already given and adds only missing assignments.
     *
     * @return the document number
     */
    @Transactional
    public String issue(long id) {
        Directive directive = get(id);
        String number = directive.number();
        LocalDate issueDate = directive.issueDate();
        if (number == null) {
            issueDate = clocks.today();
            int sequence = numberSeries.next(issueDate.getYear());
            number = directive.type().formatNumber(sequence, ISSUER_SYMBOL, directive.fieldCode());
            directives.markIssued(id, issueDate.getYear(), sequence, number, issueDate);
        }
        planner.plan(id, directives.items(id), issueDate);
        return number;
    }

    public void recordDecision(long id, DirectiveStatus newStatus, DirectiveEventType event, String actor, String comment) {
        directives.updateStatus(id, newStatus);
        directives.recordEvent(id, null, event, actor, comment, clocks.now());
    }

    public void startExecution(long id, String number) {
        Directive directive = get(id);
        if (directive.executionProcessInstanceId() != null) {
            return;
        }
        ProcessInstance instance = runtimeService.createProcessInstanceByKey(DirectiveExecutionProcess.KEY)
                .businessKey(number)
                .setVariable(DirectiveExecutionProcess.Variables.DIRECTIVE_ID, id)
                .setVariable(DirectiveExecutionProcess.Variables.DIRECTIVE_NUMBER, number)
                .execute();
        directives.setExecutionProcess(id, instance.getId());
    }

    /**
     * Revokes an issued directive: every open assignment is cancelled now, the fan-out is interrupted
     * (which cancels each agency's process), and the agencies are told by the process.
     */
    @Transactional
    public void revoke(long id, String reason, String actor) {
        Directive directive = get(id);
        if (directive.status() != DirectiveStatus.ISSUED) {
            throw new ConflictException("Chỉ thu hồi được văn bản đang thực hiện (trạng thái hiện tại: " + directive.status() + ")");
        }
        directives.markRevoked(id, reason, clocks.now());
        assignments.cancelOpen(id, clocks.now());
        directives.recordEvent(id, null, DirectiveEventType.REVOKED, actor, reason, clocks.now());
        if (directive.executionProcessInstanceId() != null) {
            runtimeService.createMessageCorrelation(DirectiveExecutionProcess.MESSAGE_DIRECTIVE_REVOKED)
                    .processInstanceId(directive.executionProcessInstanceId())
                    .correlateWithResult();
        }
    }

    /** An amendment of one item: its deadline, its agencies, or both — all or nothing. */
    @Transactional
    public void amendItem(long id, String itemLabel, LocalDate newDeadline, List<String> addLead,
            List<String> addCoordinating, List<String> remove, String reason, String actor) {
        boolean agencies = !addLead.isEmpty() || !addCoordinating.isEmpty() || !remove.isEmpty();
        if (newDeadline == null && !agencies) {
            throw new InvalidRequestException(List.of(new FieldViolation("deadline",
                    "Chưa có nội dung điều chỉnh (thời hạn mới hoặc đơn vị thêm/bớt)")));
        }
        if (newDeadline != null) {
            changeItemDeadline(id, itemLabel, newDeadline, reason, actor);
        }
        if (agencies) {
            changeItemAgencies(id, itemLabel, addLead, addCoordinating, remove, reason, actor);
        }
    }

    /**
     * Changes one item's deadline (an amendment): every open assignment of the item follows, with its
     * reminders and escalation recomputed. Ongoing items have no deadline to change.
     */
    @Transactional
    public void changeItemDeadline(long id, String itemLabel, LocalDate newDeadline, String reason, String actor) {
        Directive directive = get(id);
        if (directive.status() != DirectiveStatus.ISSUED) {
            throw new ConflictException("Chỉ điều chỉnh được văn bản đang thực hiện");
        }
        DirectiveItem item = item(id, itemLabel);
        if (item.ongoing()) {
            throw new ConflictException("Mục " + itemLabel + " là nhiệm vụ thường xuyên, không có thời hạn để điều chỉnh");
        }
        if (newDeadline == null || !newDeadline.isAfter(clocks.today())) {
            throw new InvalidRequestException(List.of(new FieldViolation("deadline", "Thời hạn mới phải sau hôm nay")));
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidRequestException(List.of(new FieldViolation("reason", "Chưa nêu lý do điều chỉnh")));
        }
        LocalDate deadline = calendar.onOrNextWorkingDay(newDeadline);
        directives.updateItemDeadline(item.id(), deadline, null);
        for (Assignment assignment : assignments.openOfItem(item.id())) {
            deadlineChanges.move(assignment.id(), deadline);
            directives.recordEvent(id, assignment.id(), DirectiveEventType.DEADLINE_CHANGED, actor,
                    "Mục " + itemLabel + ": thời hạn mới " + deadline + ". " + reason, clocks.now());
            events.publishEvent(new AssignmentEvents.Notice("deadline:" + deadline, assignment.id(), false,
                    "Điều chỉnh thời hạn nhiệm vụ",
                    "Ủy ban nhân dân tỉnh điều chỉnh thời hạn thực hiện nhiệm vụ. Lý do: " + reason));
        }
    }

    /**
     * Changes which agencies carry out one item (an amendment): added agencies get an assignment and
     * their own process at once; removed agencies' open work is cancelled and they are told. Sets
     * ("ALL_COMMUNES") may be added; removals name agencies.
     */
    @Transactional
    public void changeItemAgencies(long id, String itemLabel, List<String> addLead, List<String> addCoordinating,
            List<String> remove, String reason, String actor) {
        Directive directive = get(id);
        if (directive.status() != DirectiveStatus.ISSUED) {
            throw new ConflictException("Chỉ điều chỉnh được văn bản đang thực hiện");
        }
        DirectiveItem item = item(id, itemLabel);
        List<FieldViolation> violations = new java.util.ArrayList<>();
        java.util.Map<String, ResponsibleRole> additions = new java.util.LinkedHashMap<>();
        expandInto(additions, addLead, ResponsibleRole.LEAD, "addLeadAgencies", violations);
        expandInto(additions, addCoordinating, ResponsibleRole.COORDINATING, "addCoordinatingAgencies", violations);
        additions.keySet().stream().filter(code -> assignments.hasAssignment(item.id(), code)).forEach(code ->
                violations.add(new FieldViolation("addLeadAgencies", "Đơn vị " + code + " đã được giao mục " + itemLabel)));
        for (String code : remove) {
            if (assignments.findOpen(item.id(), code).isEmpty()) {
                violations.add(new FieldViolation("removeAgencies", "Đơn vị " + code + " không có nhiệm vụ đang thực hiện ở mục " + itemLabel));
            }
        }
        if (reason == null || reason.isBlank()) {
            violations.add(new FieldViolation("reason", "Chưa nêu lý do điều chỉnh"));
        }
        if (additions.isEmpty() && remove.isEmpty()) {
            violations.add(new FieldViolation("addLeadAgencies", "Chưa có đơn vị nào được thêm hoặc bớt"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        LocalDate deadline = assignments.ofDirective(id).stream()
                .filter(a -> a.itemId() == item.id() && a.cancelledAt() == null)
                .map(Assignment::deadline)
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(item.deadline());
        additions.forEach((code, role) -> {
            assignments.insertIfAbsent(id, item.id(), code, role, deadline, clocks.now());
            directives.addResponsible(item.id(), code, role);
            Assignment added = assignments.getByItemAndAgency(item.id(), code);
            fanOut.add(directive.executionProcessInstanceId(), added.id());
            directives.recordEvent(id, added.id(), DirectiveEventType.AGENCY_ADDED, actor, "Mục " + itemLabel + ": thêm " + code + ". " + reason, clocks.now());
        });
        for (String code : remove) {
            Assignment removed = assignments.findOpen(item.id(), code).orElseThrow();
            events.publishEvent(new AssignmentEvents.Notice("removed", removed.id(), false, "Điều chỉnh đơn vị thực hiện",
                    "Ủy ban nhân dân tỉnh điều chỉnh văn bản: đơn vị không còn thực hiện nhiệm vụ này. Lý do: " + reason));
            assignments.cancel(removed.id(), clocks.now());
            directives.removeResponsible(item.id(), code);
            fanOut.cancel(directive.executionProcessInstanceId(), removed.id());
            directives.recordEvent(id, removed.id(), DirectiveEventType.AGENCY_REMOVED, actor, "Mục " + itemLabel + ": bớt " + code + ". " + reason, clocks.now());
        }
    }

    private void expandInto(java.util.Map<String, ResponsibleRole> additions, List<String> codes, ResponsibleRole role,
            String field, List<FieldViolation> violations) {
        for (String code : codes) {
            try {
                registry.expand(code).forEach(agency -> additions.putIfAbsent(agency, role));
            } catch (vn.directivetracker.agency.UnknownAgencyException e) {
                violations.add(new FieldViolation(field, e.getMessage()));
            }
        }
    }

    private DirectiveItem item(long id, String itemLabel) {
        return directives.items(id).stream()
                .filter(i -> i.label().equals(itemLabel))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Văn bản không có mục " + itemLabel));
    }

    public void close(long id, String actor, String evaluation) {
        recordDecision(id, DirectiveStatus.CLOSED, DirectiveEventType.CLOSED, actor, evaluation);
    }
}
