package vn.directivetracker.assignment;

import static vn.directivetracker.common.Decisions.APPROVE;
import static vn.directivetracker.assignment.AgencyAssignmentProcess.EXTEND;
import static vn.directivetracker.assignment.AgencyAssignmentProcess.REASSIGN;
import static vn.directivetracker.assignment.AgencyAssignmentProcess.REJECT;
import static vn.directivetracker.assignment.AgencyAssignmentProcess.REMIND;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import vn.directivetracker.common.ConflictException;
import vn.directivetracker.common.TaskFormFields;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import vn.directivetracker.agency.AgencyRegistry;
import vn.directivetracker.calendar.WorkingDayCalendar;
import vn.directivetracker.common.Clocks;
import vn.directivetracker.common.FieldViolation;
import vn.directivetracker.common.FormDates;
import vn.directivetracker.common.InvalidRequestException;
import vn.directivetracker.directive.DirectiveRepository;
import vn.directivetracker.identity.Roles;
import vn.directivetracker.directive.DirectiveEventType;
import vn.directivetracker.common.VnFormats;

/**
 * Follow-up ("đôn đốc") of one assignment: reminders, overdue notices, extension requests and the
 * provincial leader's decisions on overdue work. Business rules and records only; the process
 * adapters ({@link FollowUpProcessBeans}) move the process along.
 */
@Service
public class FollowUpService {


    private final AssignmentRepository assignments;
    private final ExtensionRequestRepository extensions;
    private final DirectiveRepository directives;
    private final AgencyRegistry registry;
    private final WorkingDayCalendar calendar;
    private final DeadlineSettings settings;
    private final ApplicationEventPublisher events;
    private final Clocks clocks;
    private final TaskService taskService;
    private final TaskFormFields formFields;

    public FollowUpService(AssignmentRepository assignments, ExtensionRequestRepository extensions,
            DirectiveRepository directives, AgencyRegistry registry, WorkingDayCalendar calendar,
            DeadlineSettings settings, ApplicationEventPublisher events, Clocks clocks,
            TaskService taskService, TaskFormFields formFields) {
        this.formFields = formFields;
        this.assignments = assignments;
        this.extensions = extensions;
        this.directives = directives;
        this.registry = registry;
        this.calendar = calendar;
        this.settings = settings;
        this.events = events;
        this.clocks = clocks;
        this.taskService = taskService;
    }

    // ---- Reminders and notices fired by the timers -------------------------------------------

    /**
     * The watch's first timer fires whether or not the agency has acknowledged (ADR 32: it is no longer
     * a boundary timer that the acknowledgement removes), so only an agency that has not is reminded.
     */
    public void remindToAcknowledge(long assignmentId) {
        if (assignments.get(assignmentId).acknowledgedAt() == null) {
            events.publishEvent(new AssignmentEvents.AcknowledgementDue(assignmentId));
        }
    }

    public void remindDueSoon(long assignmentId) {
        events.publishEvent(new AssignmentEvents.DueSoon(assignmentId));
    }

    public void noticeOverdue(long assignmentId) {
        Assignment a = assignments.get(assignmentId);
        directives.recordEvent(a.directiveId(), assignmentId, DirectiveEventType.OVERDUE, null, "Hạn " + a.deadline().format(VnFormats.DATE), clocks.now());
        events.publishEvent(new AssignmentEvents.Overdue(assignmentId));
    }

    // ---- Extension requests --------------------------------------------------------------------

    /**
     * Validates and records an agency's request for more time.
     *
     * @return the group that decides it: the coordinators, or the provincial leaders for a long
     *     extension or a repeated request
     * @throws InvalidRequestException naming each bad field; nothing is recorded then
     */
    public String requestExtension(long assignmentId, String requestedDeadline, String reason, String actor) {
        Assignment a = assignments.get(assignmentId);
        List<FieldViolation> violations = new ArrayList<>();
        LocalDate requested = null;
        if (a.deadline() == null) {
            violations.add(new FieldViolation("requestedDeadline", "Nhiệm vụ thường xuyên không có thời hạn để gia hạn"));
        } else {
            requested = parseDate("requestedDeadline", requestedDeadline, violations);
            if (requested != null && !requested.isAfter(a.deadline())) {
                violations.add(new FieldViolation("requestedDeadline",
                        "Thời hạn đề nghị phải sau thời hạn hiện tại (" + a.deadline().format(VnFormats.DATE) + ")"));
            }
        }
        if (reason == null || reason.isBlank()) {
            violations.add(new FieldViolation("extensionReason", "Chưa nêu lý do đề nghị gia hạn"));
        }
        if (extensions.pending(assignmentId).isPresent()) {
            violations.add(new FieldViolation("requestedDeadline", "Đã có đề nghị gia hạn đang chờ xem xét"));
        }
        if (a.completedAt() != null || a.cancelledAt() != null) {
            violations.add(new FieldViolation("assignment", "Nhiệm vụ đã kết thúc"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        boolean repeated = extensions.countAgencyRequests(assignmentId) > 0;
        boolean long_ = calendar.workingDaysBetween(a.deadline(), requested) > settings.leaderExtensionDays();
        String decider = repeated || long_ ? Roles.PROVINCIAL_LEADER : Roles.COORDINATOR;
        extensions.insert(assignmentId, a.deadline(), requested, reason.strip(), actor, clocks.now(), decider);
        directives.recordEvent(a.directiveId(), assignmentId, DirectiveEventType.EXTENSION_REQUESTED, actor,
                "Đề nghị gia hạn đến " + requested.format(VnFormats.DATE) + ": " + reason.strip(), clocks.now());
        return decider;
    }

    public void decideExtension(long assignmentId, String decision, String comment, String actor) {
        ExtensionRequest request = extensions.pending(assignmentId)
                .orElseThrow(() -> new IllegalStateException("Không có đề nghị gia hạn đang chờ cho nhiệm vụ " + assignmentId));
        List<FieldViolation> violations = new ArrayList<>();
        if (!APPROVE.equals(decision) && !REJECT.equals(decision)) {
            violations.add(new FieldViolation("extensionDecision", "Chọn đồng ý hoặc không đồng ý gia hạn"));
        }
        if (REJECT.equals(decision) && (comment == null || comment.isBlank())) {
            violations.add(new FieldViolation("extensionComment", "Khi không đồng ý phải nêu lý do"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        extensions.decide(request.id(), decision, actor, clocks.now(), comment);
        Assignment a = assignments.get(assignmentId);
        directives.recordEvent(a.directiveId(), assignmentId, APPROVE.equals(decision) ? DirectiveEventType.EXTENSION_APPROVED : DirectiveEventType.EXTENSION_REJECTED,
                actor, comment, clocks.now());
    }

    /**
     * Applies the latest decided request: an approval moves the deadline. Tells the agency either way.
     *
     * @return whether the deadline changed
     */
    public boolean applyExtensionDecision(long assignmentId) {
        ExtensionRequest request = extensions.latest(assignmentId)
                .filter(r -> r.decision() != null)
                .orElseThrow(() -> new IllegalStateException("Chưa có quyết định gia hạn cho nhiệm vụ " + assignmentId));
        Assignment a = assignments.get(assignmentId);
        boolean changed = request.approved() && !request.requestedDeadline().equals(a.deadline());
        if (changed) {
            assignments.updateDeadline(assignmentId, request.requestedDeadline());
        }
        events.publishEvent(new AssignmentEvents.ExtensionDecided(assignmentId, "request:" + request.id(), request.approved(),
                request.approved() ? request.requestedDeadline() : null, request.decisionComment()));
        return changed;
    }

    /**
     * The agency asks for more time through the API. Allowed while it works on the assignment ("Thực
     * hiện và báo cáo tiến độ" open): the request completes that step exactly as the Tasklist form does,
     * and goes to the coordinator — or to the provincial leader for a long or repeated extension.
     */
    public ExtensionRequest requestExtensionFromApi(Assignment assignment, LocalDate requestedDeadline, String reason) {
        Task task = taskService.createTaskQuery()
                .processInstanceId(assignment.processInstanceId())
                .taskDefinitionKey(AgencyAssignmentProcess.Elements.REPORT_PROGRESS)
                .singleResult();
        if (task == null) {
            throw new ConflictException("Chỉ đề nghị gia hạn được khi nhiệm vụ đang ở bước thực hiện và báo cáo tiến độ");
        }
        List<ProgressReport> reports = assignments.progressReports(assignment.id());
        Map<String, Object> variables = new HashMap<>();
        variables.put(AgencyAssignmentProcess.Variables.REQUEST_EXTENSION, true);
        // As the form would have it (the coordinator's form shows it as typed): dd/mm/yyyy.
        variables.put(AgencyAssignmentProcess.Variables.REQUESTED_DEADLINE, FormDates.format(requestedDeadline));
        variables.put(AgencyAssignmentProcess.Variables.EXTENSION_REASON, reason);
        variables.put(AgencyAssignmentProcess.Variables.PROGRESS_NOTE, "Đề nghị gia hạn: " + reason);
        variables.put(AgencyAssignmentProcess.Variables.PROGRESS_PERCENT,
                reports.isEmpty() ? 0 : reports.get(reports.size() - 1).percentDone());
        variables.put(AgencyAssignmentProcess.Variables.RESULT_READY, false);
        // The same per-form check as Tasklist and the engine REST API go through (ADR 12).
        formFields.requireDeclared(task.getId(), variables.keySet());
        taskService.complete(task.getId(), variables);
        List<ExtensionRequest> history = extensionHistory(assignment.id());
        return history.get(history.size() - 1);
    }

    public List<ExtensionRequest> extensionHistory(long assignmentId) {
        return extensions.ofAssignment(assignmentId);
    }

    // ---- The provincial leader's decision on overdue work -------------------------------------

    /** Checks the leader's choice before the task completes: a bad choice changes nothing. */
    public void recordLeaderDecision(long assignmentId, String decision, String newDeadline, String reassignTo,
            String comment, String actor) {
        Assignment a = assignments.get(assignmentId);
        List<FieldViolation> violations = new ArrayList<>();
        if (!List.of(EXTEND, REASSIGN, REMIND).contains(decision)) {
            violations.add(new FieldViolation("leaderDecision", "Chọn gia hạn, giao đơn vị khác hoặc gửi văn bản đôn đốc"));
        }
        if (EXTEND.equals(decision) || (REASSIGN.equals(decision) && newDeadline != null && !newDeadline.isBlank())) {
            parseDate("leaderNewDeadline", newDeadline, violations);
        }
        if (REASSIGN.equals(decision)) {
            String code = reassignTo == null ? "" : reassignTo.strip().toUpperCase();
            if (!registry.isActiveAgency(code)) {
                violations.add(new FieldViolation("reassignTo", "Không có đơn vị mã '" + code + "'"));
            } else if (code.equals(a.agencyCode()) || assignments.hasAssignment(a.itemId(), code)) {
                violations.add(new FieldViolation("reassignTo", "Đơn vị " + code + " đã được giao nhiệm vụ này"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        directives.recordEvent(a.directiveId(), assignmentId, DirectiveEventType.leaderDecision(decision), actor, comment, clocks.now());
    }

    public void extendByLeader(long assignmentId, String newDeadline, String comment, String actor) {
        Assignment a = assignments.get(assignmentId);
        LocalDate deadline = FormDates.parse(newDeadline);
        extensions.insertDecided(assignmentId, a.deadline(), deadline,
                comment == null || comment.isBlank() ? "Lãnh đạo UBND tỉnh gia hạn" : comment, actor, clocks.now(),
                Roles.PROVINCIAL_LEADER);
        assignments.updateDeadline(assignmentId, deadline);
        events.publishEvent(new AssignmentEvents.ExtensionDecided(assignmentId, "leader:" + deadline, true, deadline, comment));
    }

    /** Hands the work to another agency; returns the previous agency's code. */
    public String reassign(long assignmentId, String newAgency, String newDeadline, String comment) {
        Assignment a = assignments.get(assignmentId);
        LocalDate deadline = newDeadline == null || newDeadline.isBlank() ? a.deadline() : FormDates.parse(newDeadline);
        String code = newAgency.strip().toUpperCase();
        events.publishEvent(new AssignmentEvents.Notice("reassigned:" + code, assignmentId, true,
                "Nhiệm vụ được giao cho đơn vị khác",
                "Lãnh đạo UBND tỉnh đã giao nhiệm vụ này cho " + registry.get(code).name() + " thực hiện."
                        + (comment == null || comment.isBlank() ? "" : " Ý kiến chỉ đạo: " + comment)));
        assignments.reassign(assignmentId, code, deadline);
        events.publishEvent(new AssignmentEvents.Received(assignmentId));
        return a.agencyCode();
    }

    public void sendFormalReminder(long assignmentId, String comment) {
        Assignment a = assignments.get(assignmentId);
        assignments.markFormalReminder(assignmentId, clocks.now());
        events.publishEvent(new AssignmentEvents.Notice("formal-reminder:" + clocks.now(), assignmentId, true,
                "Văn bản đôn đốc của Lãnh đạo UBND tỉnh",
                "Nhiệm vụ đã quá hạn ngày " + a.deadline().format(VnFormats.DATE) + ". Lãnh đạo UBND tỉnh đề nghị đơn vị khẩn trương"
                        + " hoàn thành và báo cáo kết quả."
                        + (comment == null || comment.isBlank() ? "" : " Ý kiến chỉ đạo: " + comment)));
    }

    /** An ongoing item's work ends with the directive's period. */
    public void closeOngoing(long assignmentId) {
        Assignment a = assignments.get(assignmentId);
        assignments.markCompleted(assignmentId, clocks.now());
        directives.recordEvent(a.directiveId(), assignmentId, DirectiveEventType.PERIOD_ENDED, null, null, clocks.now());
    }

    private LocalDate parseDate(String field, String text, List<FieldViolation> violations) {
        if (text == null || text.isBlank()) {
            violations.add(new FieldViolation(field, "Chưa nhập thời hạn (" + FormDates.PATTERN_LABEL + ")"));
            return null;
        }
        LocalDate date;
        try {
            date = FormDates.parse(text);
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation(field, "Thời hạn phải theo dạng " + FormDates.PATTERN_LABEL + ", ví dụ 26/02/2027: " + text));
            return null;
        }
        if (!date.isAfter(clocks.today())) {
            violations.add(new FieldViolation(field, "Thời hạn phải sau hôm nay (" + clocks.today().format(VnFormats.DATE) + ")"));
            return null;
        }
        return date;
    }
}
