package vn.directivetracker.access;

import static org.camunda.bpm.engine.authorization.Resources.FILTER;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.directivetracker.assignment.AgencyAssignmentProcess;
import vn.directivetracker.directive.DirectiveIssuanceProcess;
import vn.directivetracker.identity.Roles;
import vn.directivetracker.common.StartupStep;

/**
 * The shared Tasklist filters, in Vietnamese, kept up to date at every start (created, or their
 * query and properties rewritten) together with who may read them. Filters only choose among the
 * tasks a user may already read; they are a convenience, authorization is the fence (ADR 6).
 *
 * <p>"Sắp đến hạn" and "Quá hạn" compare the task's due date with the time the list is shown; tasks
 * get due dates from the deadline work (issue 3), until then these lists stay empty.
 */
@Component
class TasklistFilters implements StartupStep {

    static final String MY_AGENCY = "Việc của đơn vị";
    static final String MINE = "Việc của tôi";
    static final String DELEGATED = "Việc được ủy quyền";
    static final String DUE_SOON = "Sắp đến hạn";
    static final String OVERDUE = "Quá hạn";
    static final String AWAITING_REVIEW = "Chờ thẩm định";
    static final String AWAITING_SIGNATURE = "Chờ ký";

    /** Task keys a reviewer decides on; {@code DecideExtension} arrives with the deadline work (issue 3). */
    static final String[] REVIEW_TASKS = {
        AgencyAssignmentProcess.Elements.REVIEW_RESULT, DirectiveIssuanceProcess.Elements.REVIEW_DRAFT,
        AgencyAssignmentProcess.Elements.DECIDE_EXTENSION};

    /** Who may read a filter: everyone signed in, or only the listed groups. */
    private record Spec(String name, String description, int priority, String color, TaskQuery query, List<String> groups) {}

    private final FilterService filterService;
    private final TaskService taskService;
    private final Grants grants;
    private final int dueSoonDays;

    TasklistFilters(FilterService filterService, TaskService taskService, Grants grants,
            @Value("${directive-tracker.tasklist.due-soon-days:3}") int dueSoonDays) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.grants = grants;
        this.dueSoonDays = dueSoonDays;
    }

    @Override
    public String name() {
        return "tasklist-filters";
    }

    @Override
    public void run() {
        for (Spec spec : specs()) {
            String filterId = ensure(spec);
            if (spec.groups().isEmpty()) {
                grants.toEveryone(FILTER, filterId, Permissions.READ);
            } else {
                spec.groups().forEach(group -> grants.toGroup(group, FILTER, filterId, Permissions.READ));
            }
        }
    }

    private List<Spec> specs() {
        List<String> everyone = List.of();
        return List.of(
                new Spec(MY_AGENCY, "Việc giao cho đơn vị, nhóm của tôi", -10, "#1e5aa8", ofMyGroups(), everyone),
                new Spec(MINE, "Việc tôi đã nhận xử lý", -5, "#2e7d32",
                        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"), everyone),
                // Delegation (ADR 6) offers the absent user's tasks to the deputy as a candidate user.
                new Spec(DELEGATED, "Việc người vắng mặt ủy quyền cho tôi, chưa ai nhận", 0, "#6a1b9a",
                        taskService.createTaskQuery().taskInvolvedUserExpression("${currentUser()}").taskUnassigned(), everyone),
                new Spec(DUE_SOON, "Việc của đơn vị đến hạn trong " + dueSoonDays + " ngày tới", 5, "#ef6c00",
                        ofMyGroups().dueAfterExpression("${now()}")
                                .dueBeforeExpression("${dateTime().plusDays(" + dueSoonDays + ").toDate()}"), everyone),
                new Spec(OVERDUE, "Việc của đơn vị đã quá hạn", 10, "#c62828",
                        ofMyGroups().dueBeforeExpression("${now()}"), everyone),
                new Spec(AWAITING_REVIEW, "Kết quả, dự thảo, đề nghị gia hạn chờ tôi thẩm định", 15, "#00838f",
                        ofMyGroups().taskDefinitionKeyIn(REVIEW_TASKS), List.of(Roles.COORDINATOR, Roles.OFFICE_LEADER)),
                new Spec(AWAITING_SIGNATURE, "Văn bản chờ lãnh đạo UBND tỉnh ký", 20, "#4e342e",
                        ofMyGroups().taskDefinitionKey(DirectiveIssuanceProcess.Elements.SIGN_DIRECTIVE),
                        List.of(Roles.PROVINCIAL_LEADER)));
    }

    /** Tasks offered to any group of the signed-in user (for agency staff: their agency), claimed or not. */
    private TaskQuery ofMyGroups() {
        return taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks();
    }

    private String ensure(Spec spec) {
        Filter filter = filterService.createFilterQuery().filterName(spec.name()).list().stream().findFirst()
                .orElseGet(() -> filterService.newTaskFilter(spec.name()));
        filter.setProperties(Map.of(
                "description", spec.description(), "priority", spec.priority(), "color", spec.color(), "refresh", true));
        filter.setQuery(spec.query());
        return filterService.saveFilter(filter).getId();
    }
}
