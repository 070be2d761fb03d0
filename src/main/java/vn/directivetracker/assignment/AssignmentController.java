package vn.directivetracker.assignment;


import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.directivetracker.common.CurrentActor;
import vn.directivetracker.common.ForbiddenException;
import vn.directivetracker.identity.Roles;

/** One assignment: its reports and extension history, and the agency's request for more time. */
@RestController
@RequestMapping("/api/assignments")
class AssignmentController {

    private final AssignmentService assignments;
    private final FollowUpService followUps;
    private final CurrentActor actor;

    AssignmentController(AssignmentService assignments, FollowUpService followUps, CurrentActor actor) {
        this.assignments = assignments;
        this.followUps = followUps;
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
        actor.requireMemberOf(assignment.agencyCode(), "Chỉ đơn vị được giao nhiệm vụ mới được đề nghị gia hạn");
        return followUps.requestExtensionFromApi(assignment, body.requestedDeadline(), body.reason());
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
