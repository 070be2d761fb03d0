package vn.directivetracker.notification;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import vn.directivetracker.agency.AgencyRegistry;
import vn.directivetracker.assignment.Assignment;
import vn.directivetracker.assignment.AssignmentRepository;
import vn.directivetracker.assignment.AssignmentService;
import vn.directivetracker.directive.DirectiveService;

/** Loads an {@link AssignmentContext}, and the task its agency should open now. */
@Component
class AssignmentContexts {

    private final AssignmentRepository assignments;
    private final AssignmentService assignmentService;
    private final DirectiveService directives;
    private final AgencyRegistry registry;
    private final TaskService tasks;
    private final IdentityService identity;

    AssignmentContexts(AssignmentRepository assignments, AssignmentService assignmentService, DirectiveService directives,
            AgencyRegistry registry, TaskService tasks, IdentityService identity) {
        this.assignments = assignments;
        this.assignmentService = assignmentService;
        this.directives = directives;
        this.registry = registry;
        this.tasks = tasks;
        this.identity = identity;
    }

    AssignmentContext load(long assignmentId) {
        Assignment assignment = assignments.get(assignmentId);
        return new AssignmentContext(assignment, directives.get(assignment.directiveId()),
                assignmentService.item(assignment), registry.get(assignment.agencyCode()));
    }

    /** The newest open task of the assignment's process (acknowledge, report, …), for a direct link. */
    Optional<String> openTask(AssignmentContext context) {
        String processInstanceId = context.assignment().processInstanceId();
        if (processInstanceId == null) {
            return Optional.empty();
        }
        List<Task> open = WithoutAuthentication.call(identity, () -> tasks.createTaskQuery()
                .processInstanceId(processInstanceId).orderByTaskCreateTime().desc().list());
        return open.stream().findFirst().map(Task::getId);
    }
}
