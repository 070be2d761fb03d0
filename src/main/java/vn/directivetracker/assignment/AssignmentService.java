package vn.directivetracker.assignment;

import java.time.LocalDateTime;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import vn.directivetracker.common.Clocks;
import vn.directivetracker.directive.DirectiveItem;
import vn.directivetracker.directive.DirectiveRepository;
import vn.directivetracker.directive.DirectiveEventType;
import vn.directivetracker.common.VnFormats;

/** What happens to one assignment as its agency works on it; called from the process, in its transaction. */
@Service
public class AssignmentService {


    private final AssignmentRepository assignments;
    private final DirectiveRepository directives;
    private final Clocks clocks;
    private final ApplicationEventPublisher events;

    public AssignmentService(AssignmentRepository assignments, DirectiveRepository directives, Clocks clocks,
            ApplicationEventPublisher events) {
        this.assignments = assignments;
        this.directives = directives;
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
     * Binds the assignment to its process instance: from then on every step, form and email finds
     * the assignment by process instance id ({@link AssignmentOfProcess}, {@link AssignmentFormContext}).
     * Refuses an assignment already bound to another instance. No variable is set: what the forms
     * show comes from our tables when a form opens (ADR 27), who does the work and whether it has a
     * deadline the process asks {@link AssignmentOfProcess} (ADR 12, ADR 17).
     */
    public void bind(long assignmentId, String processInstanceId) {
        assignments.setProcessInstance(assignmentId, processInstanceId);
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
