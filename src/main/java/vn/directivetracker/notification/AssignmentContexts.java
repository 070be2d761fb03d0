package vn.directivetracker.notification;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
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
    private final ManagementService management;
    private volatile String taskTable;

    AssignmentContexts(AssignmentRepository assignments, AssignmentService assignmentService, DirectiveService directives,
            AgencyRegistry registry, TaskService tasks, IdentityService identity, ManagementService management) {
        this.assignments = assignments;
        this.assignmentService = assignmentService;
        this.directives = directives;
        this.registry = registry;
        this.tasks = tasks;
        this.identity = identity;
        this.management = management;
    }

    AssignmentContext load(long assignmentId) {
        Assignment assignment = assignments.get(assignmentId);
        return new AssignmentContext(assignment, directives.get(assignment.directiveId()),
                assignmentService.itemHeading(assignment), registry.get(assignment.agencyCode()));
    }

    /** The newest open task of the assignment's process (acknowledge, report, …), for a direct link. */
    Optional<String> openTask(AssignmentContext context) {
        String processInstanceId = context.assignment().processInstanceId();
        if (processInstanceId == null) {
            return Optional.empty();
        }
        // A native query, not createTaskQuery(): the same rows in the same order, but the task query's
        // MyBatis mapping evaluates hundreds of OGNL conditions per call — ~30 % of a reminder job's
        // CPU in the issue-11 profile (ADR 25). Run without the caller's authentication as before.
        List<Task> open = WithoutAuthentication.call(identity, () -> tasks.createNativeTaskQuery()
                .sql("select * from " + taskTable() + " where PROC_INST_ID_ = #{processInstanceId} order by CREATE_TIME_ desc")
                .parameter("processInstanceId", processInstanceId)
                .list());
        return open.stream().findFirst().map(Task::getId);
    }

    /** ACT_RU_TASK with the engine's table prefix, if one is configured. */
    private String taskTable() {
        String table = taskTable;
        if (table == null) {
            table = management.getTableName(Task.class);
            taskTable = table;
        }
        return table;
    }
}
