package vn.directivetracker.security;

import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Shared Tasklist filters, in Vietnamese, created once. "Việc của đơn vị" shows the tasks offered to
 * any group of the signed-in user — for agency staff, their agency's tasks.
 */
@Component
@Order(15)
class TasklistFilters implements ApplicationRunner {

    private final FilterService filterService;
    private final TaskService taskService;

    TasklistFilters(FilterService filterService, TaskService taskService) {
        this.filterService = filterService;
        this.taskService = taskService;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensure("Việc của đơn vị", "Việc giao cho đơn vị, nhóm của tôi", -10, "#1e5aa8",
                taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
        ensure("Việc của tôi", "Việc tôi đã nhận xử lý", -5, "#2e7d32",
                taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    }

    private void ensure(String name, String description, int priority, String color, TaskQuery query) {
        if (filterService.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        Filter filter = filterService.newTaskFilter(name)
                .setProperties(Map.of("description", description, "priority", priority, "color", color, "refresh", true))
                .setQuery(query);
        filterService.saveFilter(filter);
    }
}
