package vn.directivetracker.assignment;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import vn.directivetracker.agency.Agency;
import vn.directivetracker.agency.AgencyRegistry;
import vn.directivetracker.common.Clocks;
import vn.directivetracker.directive.Directive;
import vn.directivetracker.directive.DirectiveItem;
import vn.directivetracker.directive.DirectiveRepository;
import vn.directivetracker.directive.DirectiveService;
import vn.directivetracker.directive.DirectiveEventType;
import vn.directivetracker.common.VnFormats;

import static vn.directivetracker.assignment.AgencyAssignmentProcess.Variables.*;

/** What happens to one assignment as its agency works on it; called from the process, in its transaction. */
@Service
public class AssignmentService {


    private final AssignmentRepository assignments;
    private final DirectiveService directiveService;
    private final DirectiveRepository directives;
    private final AgencyRegistry registry;
    private final Clocks clocks;
    private final ApplicationEventPublisher events;

    public AssignmentService(AssignmentRepository assignments, DirectiveService directiveService,
            DirectiveRepository directives, AgencyRegistry registry, Clocks clocks, ApplicationEventPublisher events) {
        this.assignments = assignments;
        this.directiveService = directiveService;
        this.directives = directives;
        this.registry = registry;
        this.clocks = clocks;
        this.events = events;
    }

    /**
     * Announces an assignment event (the agency received the work, a result was returned, …). The
     * {@code notification} package writes its emails in this transaction (docs/adr/0007-mail-outbox.md).
     */
    public void announce(AssignmentEvents.Event assignmentEvent) {
        events.publishEvent(assignmentEvent);
    }

    public Assignment get(long assignmentId) {
        return assignments.get(assignmentId);
    }

    public List<ProgressReport> progressReports(long assignmentId) {
        return assignments.progressReports(assignmentId);
    }

    /**
     * Binds the assignment to its process instance and returns the variables its forms (and the
     * new-task email) show: what it is about. Who does it, and whether it has a deadline, the process
     * asks {@link AssignmentOfProcess} (ADR 12, ADR 17: no variable that nothing displays).
     */
    public Map<String, Object> start(long assignmentId, String processInstanceId) {
        Assignment assignment = assignments.get(assignmentId);
        assignments.setProcessInstance(assignmentId, processInstanceId);
        Directive directive = directiveService.get(assignment.directiveId());
        // One row by id: the child's start ran once per assignment and read every item of the letter
        // with its responsible agencies (~6 % of a fan-out job's CPU, profile in ADR 23's addendum).
        DirectiveItem.Heading item = itemHeading(assignment);
        Agency agency = registry.get(assignment.agencyCode());
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(AGENCY_NAME, agency.name());
        variables.put(DIRECTIVE_NUMBER, directive.number());
        variables.put(DIRECTIVE_SUBJECT, directive.subject());
        variables.put(ITEM_ORDINAL, item.label());
        variables.put(ITEM_CONTENT, item.content());
        variables.put(ROLE_LABEL, assignment.role().label());
        variables.put(DEADLINE_LABEL, deadlineLabel(assignment));
        return variables;
    }

    /** The assignment's item as its emails show it: one row by id, not every item of the directive (ADR 25). */
    public DirectiveItem.Heading itemHeading(Assignment assignment) {
        return directives.itemHeading(assignment.itemId());
    }

    public static String deadlineLabel(Assignment assignment) {
        return assignment.deadline() == null ? "Thường xuyên" : assignment.deadline().format(VnFormats.DATE);
    }

    public void acknowledge(long assignmentId, String actor) {
        Assignment assignment = assignments.get(assignmentId);
        assignments.markAcknowledged(assignmentId, clocks.now());
        event(assignment, DirectiveEventType.ACKNOWLEDGED, actor, null);
    }

    public void reportProgress(long assignmentId, String note, int percent, boolean resultReady, String actor) {
        if (note == null || note.isBlank()) {
            throw new IllegalArgumentException("Chưa nhập nội dung báo cáo");
        }
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("Tỷ lệ hoàn thành phải từ 0 đến 100");
        }
        LocalDateTime now = clocks.now();
        assignments.insertProgressReport(assignmentId, note, percent, resultReady, actor, now);
        assignments.setPhase(assignmentId, resultReady ? AssignmentPhase.AWAITING_HEAD_APPROVAL : AssignmentPhase.IN_PROGRESS);
    }

    public void decideAsHead(long assignmentId, boolean approved, String comment, String actor) {
        Assignment assignment = assignments.get(assignmentId);
        if (approved) {
            assignments.markResultSubmitted(assignmentId, clocks.now());
        } else {
            assignments.setPhase(assignmentId, AssignmentPhase.IN_PROGRESS);
        }
        event(assignment, approved ? DirectiveEventType.HEAD_APPROVED : DirectiveEventType.HEAD_RETURNED, actor, comment);
    }

    public void review(long assignmentId, boolean accepted, String reason, String actor) {
        if (!accepted && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("Khi trả lại phải nêu lý do");
        }
        Assignment assignment = assignments.get(assignmentId);
        if (!accepted) {
            assignments.setPhase(assignmentId, AssignmentPhase.IN_PROGRESS);
        }
        event(assignment, accepted ? DirectiveEventType.RESULT_ACCEPTED : DirectiveEventType.RESULT_RETURNED, actor, reason);
    }

    public void complete(long assignmentId) {
        assignments.markCompleted(assignmentId, clocks.now());
    }

    private void event(Assignment assignment, DirectiveEventType type, String actor, String comment) {
        directives.recordEvent(assignment.directiveId(), assignment.id(), type, actor, comment, clocks.now());
    }
}
