package vn.directivetracker.assignment;

import static vn.directivetracker.assignment.AgencyAssignmentProcess.Variables.*;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.directivetracker.common.ConflictException;
import vn.directivetracker.common.CurrentActor;
import vn.directivetracker.common.ForbiddenException;
import vn.directivetracker.security.Roles;

/** One assignment: its reports and extension history, and the agency's request for more time. */
@RestController
@RequestMapping("/api/assignments")
class AssignmentController {

    private final AssignmentRepository assignments;
    private final FollowUpService followUps;
    private final TaskService taskService;
    private final CurrentActor actor;

    AssignmentController(AssignmentRepository assignments, FollowUpService followUps, TaskService taskService,
            CurrentActor actor) {
        this.assignments = assignments;
        this.followUps = followUps;
        this.taskService = taskService;
        this.actor = actor;
    }

    record AssignmentDetails(Assignment assignment, List<ProgressReport> reports, List<ExtensionRequest> extensions) {}

    @GetMapping("/{id}")
    AssignmentDetails get(@PathVariable long id) {
        Assignment assignment = visible(id);
        return new AssignmentDetails(assignment, assignments.progressReports(id), followUps.extensionHistory(id));
    }

    record ExtensionRequestBody(
            @NotNull(message = "Chưa có thời hạn đề nghị (yyyy-mm-dd)") LocalDate requestedDeadline,
            @NotBlank(message = "Chưa nêu lý do đề nghị gia hạn") @Size(max = 4000) String reason) {}

    /**
     * The agency asks for more time. Allowed while it works on the assignment ("Thực hiện và báo cáo
     * tiến độ" open): the request completes that step exactly as the form in Tasklist does, and goes
     * to the coordinator — or to the provincial leader for a long or repeated extension.
     */
    @PostMapping("/{id}/extension-requests")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ExtensionRequest requestExtension(@PathVariable long id, @Valid @RequestBody ExtensionRequestBody body) {
        Assignment assignment = visible(id);
        if (!actor.isMemberOf(assignment.agencyCode())) {
            throw new ForbiddenException("Chỉ đơn vị được giao nhiệm vụ mới được đề nghị gia hạn");
        }
        Task task = taskService.createTaskQuery()
                .processInstanceId(assignment.processInstanceId())
                .taskDefinitionKey(AgencyAssignmentProcess.Elements.REPORT_PROGRESS)
                .singleResult();
        if (task == null) {
            throw new ConflictException("Chỉ đề nghị gia hạn được khi nhiệm vụ đang ở bước thực hiện và báo cáo tiến độ");
        }
        List<ProgressReport> reports = assignments.progressReports(id);
        Map<String, Object> variables = new HashMap<>();
        variables.put(REQUEST_EXTENSION, true);
        // As the form would have it (the coordinator's form shows it as typed): dd/mm/yyyy.
        variables.put(REQUESTED_DEADLINE, vn.directivetracker.common.FormDates.format(body.requestedDeadline()));
        variables.put(EXTENSION_REASON, body.reason());
        variables.put(PROGRESS_NOTE, "Đề nghị gia hạn: " + body.reason());
        variables.put(PROGRESS_PERCENT, reports.isEmpty() ? 0 : reports.get(reports.size() - 1).percentDone());
        variables.put(RESULT_READY, false);
        taskService.complete(task.getId(), variables);
        return followUps.extensionHistory(id).get(followUps.extensionHistory(id).size() - 1);
    }

    /** Coordinators and leaders see every assignment; an agency sees its own. */
    private Assignment visible(long id) {
        Assignment assignment = assignments.get(id);
        boolean oversight = actor.isMemberOf(Roles.COORDINATOR) || actor.isMemberOf(Roles.PROVINCIAL_LEADER)
                || actor.isMemberOf(Roles.OFFICE_LEADER);
        if (!oversight && !actor.isMemberOf(assignment.agencyCode())) {
            throw new ForbiddenException("Nhiệm vụ này không thuộc đơn vị của bạn");
        }
        return assignment;
    }
}
