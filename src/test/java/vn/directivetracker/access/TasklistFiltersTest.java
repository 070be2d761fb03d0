package vn.directivetracker.access;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.directivetracker.assignment.AgencyAssignmentProcess.Elements.ACKNOWLEDGE_RECEIPT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.directivetracker.assignment.AssignmentRepository;
import vn.directivetracker.support.DirectiveFixtures;
import vn.directivetracker.support.IntegrationTest;

/**
 * The shared Tasklist filters: who may read which (filter authorizations), and that "Sắp đến hạn" and
 * "Quá hạn" follow the task's due date, evaluated when the list is shown.
 */
class TasklistFiltersTest extends IntegrationTest {

    private static final List<String> SHARED = List.of(TasklistFilters.MY_AGENCY, TasklistFilters.MINE,
            TasklistFilters.DELEGATED, TasklistFilters.DUE_SOON, TasklistFilters.OVERDUE);

    @Autowired ObjectMapper mapper;
    @Autowired AssignmentRepository assignments;

    @Test
    void eachRoleReadsTheSharedFiltersAndOnlyItsOwn() throws Exception {
        assertThat(filterNames("cbsngv")).containsExactlyInAnyOrderElementsOf(SHARED);
        assertThat(filterNames("ldsngv")).containsExactlyInAnyOrderElementsOf(SHARED);
        assertThat(filterNames("vanthu")).containsExactlyInAnyOrderElementsOf(SHARED);
        assertThat(filterNames("dieuphoi")).containsExactlyInAnyOrderElementsOf(plus(TasklistFilters.AWAITING_REVIEW));
        assertThat(filterNames("lanhdaovp")).containsExactlyInAnyOrderElementsOf(plus(TasklistFilters.AWAITING_REVIEW));
        assertThat(filterNames("lanhdaoubnd")).containsExactlyInAnyOrderElementsOf(plus(TasklistFilters.AWAITING_SIGNATURE));
        // A filter one may not read cannot be run either.
        assertThat(Probe.get(engineRest("/filter/" + filterId(TasklistFilters.AWAITING_SIGNATURE) + "/list"))
                .send(as("cbsngv")).getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void dueSoonAndOverdueFollowTheTaskDueDate() throws Exception {
        long id = submitAndIssue(DirectiveFixtures.smallDirective("Bộ lọc theo hạn", List.of("SNGV"), List.of()));
        Task task = task(assignments.ofDirective(id).get(0).processInstanceId(), ACKNOWLEDGE_RECEIPT);
        assertThat(listed("cbsngv", TasklistFilters.DUE_SOON)).doesNotContain(task.getId());
        assertThat(listed("cbsngv", TasklistFilters.OVERDUE)).doesNotContain(task.getId());

        setDue(task, Instant.now().plus(Duration.ofDays(2)));
        assertThat(listed("cbsngv", TasklistFilters.DUE_SOON)).contains(task.getId());
        assertThat(listed("cbsngv", TasklistFilters.OVERDUE)).doesNotContain(task.getId());
        assertThat(listed("cbstc", TasklistFilters.DUE_SOON)).doesNotContain(task.getId());

        setDue(task, Instant.now().plus(Duration.ofDays(10)));
        assertThat(listed("cbsngv", TasklistFilters.DUE_SOON)).doesNotContain(task.getId());

        setDue(task, Instant.now().minus(Duration.ofHours(1)));
        assertThat(listed("cbsngv", TasklistFilters.OVERDUE)).contains(task.getId());
        assertThat(listed("cbsngv", TasklistFilters.DUE_SOON)).doesNotContain(task.getId());
        assertThat(listed("cbstc", TasklistFilters.OVERDUE)).doesNotContain(task.getId());
    }

    private void setDue(Task task, Instant due) {
        Task stored = taskService.createTaskQuery().taskId(task.getId()).singleResult();
        stored.setDueDate(Date.from(due));
        taskService.saveTask(stored);
    }

    private List<String> plus(String own) {
        List<String> names = new ArrayList<>(SHARED);
        names.add(own);
        return names;
    }

    private List<String> filterNames(String user) throws Exception {
        JsonNode filters = mapper.readTree(Probe.get(engineRest("/filter")).send(as(user)).getBody());
        List<String> names = new ArrayList<>();
        filters.forEach(f -> names.add(f.get("name").asText()));
        return names;
    }

    private List<String> listed(String user, String filter) throws Exception {
        JsonNode tasks = mapper.readTree(Probe.post(engineRest("/filter/" + filterId(filter) + "/list?maxResults=1000"), "{}")
                .send(as(user)).getBody());
        List<String> ids = new ArrayList<>();
        tasks.forEach(t -> ids.add(t.get("id").asText()));
        return ids;
    }

    private String filterId(String name) {
        return processEngine.getFilterService().createFilterQuery().filterName(name).singleResult().getId();
    }

    private String engineRest(String path) {
        return "/engine-rest/engine/" + processEngine.getName() + path;
    }
}
