package vn.directivetracker.notification;

import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    private final JdbcClient jdbc;
    private final ManagementService management;
    private volatile String taskTable;

    AssignmentContexts(AssignmentRepository assignments, AssignmentService assignmentService, DirectiveService directives,
            AgencyRegistry registry, JdbcClient jdbc, ManagementService management) {
        this.assignments = assignments;
        this.assignmentService = assignmentService;
        this.directives = directives;
        this.registry = registry;
        this.jdbc = jdbc;
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
        // One id read in the step's own transaction, where the engine's native task query (ADR 25) built a
        // whole TaskEntity through MyBatis for it: ~8 % of a reminder job's CPU in issue 11's profile
        // (ADR 38). Like that query it sees committed and flushed tasks only and asks no authorization:
        // the link is checked by Tasklist when it is opened.
        return jdbc.sql("select ID_ from " + taskTable() + " where PROC_INST_ID_ = ? order by CREATE_TIME_ desc fetch first 1 rows only")
                .param(processInstanceId)
                .query(String.class)
                .list().stream().findFirst();
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
