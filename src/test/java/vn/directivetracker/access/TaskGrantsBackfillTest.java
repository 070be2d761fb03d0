package vn.directivetracker.access;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.directivetracker.assignment.AgencyAssignmentProcess.Elements.ACKNOWLEDGE_RECEIPT;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.directivetracker.assignment.AssignmentRepository;
import vn.directivetracker.support.DirectiveFixtures;
import vn.directivetracker.support.IntegrationTest;

/** An embedded database from before authorization: its open tasks get their grants back at start-up. */
class TaskGrantsBackfillTest extends IntegrationTest {

    @Autowired AuthorizationService authorizationService;
    @Autowired AssignmentRepository assignments;
    @Autowired TaskGrantsBackfill backfill;

    @Test
    void openTasksWithoutAnyTaskGrantGetCamundasDefaultGrants() throws Exception {
        long id = submitAndIssue(DirectiveFixtures.smallDirective("Dữ liệu cũ", List.of("SNGV"), List.of()));
        String task = task(assignments.ofDirective(id).get(0).processInstanceId(), ACKNOWLEDGE_RECEIPT).getId();
        // As if the tasks had been created with authorization off: no task grant anywhere.
        authorizationService.createAuthorizationQuery().resourceType(Resources.TASK).list()
                .forEach(a -> authorizationService.deleteAuthorization(a.getId()));
        assertThat(visibleTo("cbsngv", task)).isZero();

        backfill.run();

        Authorization grant = authorizationService.createAuthorizationQuery().groupIdIn("SNGV")
                .resourceType(Resources.TASK).resourceId(task).singleResult();
        assertThat(grant.isPermissionGranted(Permissions.READ)).isTrue();
        assertThat(grant.isPermissionGranted(Permissions.UPDATE)).isTrue();
        assertThat(visibleTo("cbsngv", task)).isEqualTo(1);
        assertThat(visibleTo("cbstc", task)).isZero();
    }

    private long visibleTo(String user, String taskId) {
        return as(user).getForObject("/engine-rest/engine/" + processEngine.getName() + "/task/count?taskId=" + taskId,
                com.fasterxml.jackson.databind.JsonNode.class).get("count").asLong();
    }
}
