package vn.directivetracker.assignment;

import java.time.LocalDate;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.directivetracker.agency.AgencyRegistry;
import vn.directivetracker.calendar.WorkingDayCalendar;
import vn.directivetracker.common.Clocks;
import vn.directivetracker.common.ConflictException;
import vn.directivetracker.common.FieldViolation;
import vn.directivetracker.common.InvalidRequestException;
import vn.directivetracker.common.NotFoundException;
import vn.directivetracker.directive.Directive;
import vn.directivetracker.directive.DirectiveEventType;
import vn.directivetracker.directive.DirectiveItem;
import vn.directivetracker.directive.DirectiveRepository;
import vn.directivetracker.directive.DirectiveService;
import vn.directivetracker.directive.DirectiveStatus;
import vn.directivetracker.directive.ExecutionFanOut;
import vn.directivetracker.directive.ResponsibleRole;

/**
 * Amendments of an issued directive's items: a new deadline, agencies added or removed. They change
 * assignments (and the directive's item with them), so they live here, above {@code directive}
 * (docs/adr/0010-dependency-direction-and-domain-events.md). Each runs in the caller's transaction:
 * all or nothing.
 */
@Service
public class ItemAmendments {

    private final DirectiveService directiveService;
    private final DirectiveRepository directives;
    private final AssignmentRepository assignments;
    private final DeadlineChanges deadlineChanges;
    private final WorkingDayCalendar calendar;
    private final AgencyRegistry registry;
    private final ExecutionFanOut fanOut;
    private final Clocks clocks;
    private final ApplicationEventPublisher events;

    public ItemAmendments(DirectiveService directiveService, DirectiveRepository directives,
            AssignmentRepository assignments, DeadlineChanges deadlineChanges, WorkingDayCalendar calendar,
            AgencyRegistry registry, ExecutionFanOut fanOut, Clocks clocks, ApplicationEventPublisher events) {
        this.directiveService = directiveService;
        this.directives = directives;
        this.assignments = assignments;
        this.deadlineChanges = deadlineChanges;
        this.calendar = calendar;
        this.registry = registry;
        this.fanOut = fanOut;
        this.clocks = clocks;
        this.events = events;
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
        Directive directive = directiveService.get(id);
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
        Directive directive = directiveService.get(id);
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

}
