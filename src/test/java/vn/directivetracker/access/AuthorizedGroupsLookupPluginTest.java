package vn.directivetracker.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import vn.directivetracker.assignment.AgencyAssignmentProcess;
import vn.directivetracker.support.DirectiveFixtures;
import vn.directivetracker.support.IntegrationTest;

/**
 * ADR 18: the engine no longer scans the authorization table to narrow a caller's groups, and the
 * answer to "which tasks may this officer read" stays what it was: a group without grants adds
 * nothing, another agency's tasks stay invisible, a caller with very many groups is narrowed as before.
 */
class AuthorizedGroupsLookupPluginTest extends IntegrationTest {

    @Test
    void theEngineUsesTheManagerWithoutTheGroupScan() {
        AuthorizationManager manager = configuration().getCommandExecutorTxRequired()
                .execute(context -> context.getAuthorizationManager());
        assertThat(manager).isInstanceOf(AuthorizedGroupsLookupPlugin.UnnarrowedGroupsAuthorizationManager.class);
        assertThat(manager.filterAuthenticatedGroupIds(List.of("SNGV", "no-such-group", "SNGV")))
                .containsExactly("SNGV", "no-such-group");
        assertThat(manager.filterAuthenticatedGroupIds(List.of())).isEmpty();
        assertThat(manager.filterAuthenticatedGroupIds(null)).isEmpty();
    }

    @Test
    void aCallerWithVeryManyGroupsIsNarrowedAsCamundaDoes() {
        List<String> groups = new ArrayList<>(IntStream.range(0, AuthorizedGroupsLookupPlugin.MAX_UNFILTERED)
                .mapToObj(i -> "no-such-group-" + i).toList());
        groups.add("SNGV");
        List<String> narrowed = configuration().getCommandExecutorTxRequired()
                .execute(context -> context.getAuthorizationManager().filterAuthenticatedGroupIds(groups));
        assertThat(narrowed).containsExactly("SNGV");
    }

    @Test
    void anOfficerStillSeesOnlyTheTasksOfTheirOwnAgency() {
        submitAndIssue(DirectiveFixtures.smallDirective("Nhóm không có quyền: hai đơn vị", List.of("SNGV", "STC"), List.of()));
        List<String> own = tasksSeenBy("cbsngv", List.of("SNGV", "no-such-group"));
        List<String> other = tasksSeenBy("cbstc", List.of("STC", "no-such-group"));
        assertThat(own).isNotEmpty();
        assertThat(other).isNotEmpty();
        assertThat(own).doesNotContainAnyElementsOf(other);
        // A group that holds no grant at all opens nothing.
        assertThat(tasksSeenBy("nobody", List.of("no-such-group"))).isEmpty();
        // The candidate-group list of REST and Tasklist, for another agency's group, stays empty.
        identityService.setAuthentication("cbsngv", List.of("SNGV"));
        try {
            assertThat(taskService.createTaskQuery().taskCandidateGroup("STC").list()).isEmpty();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private List<String> tasksSeenBy(String user, List<String> groups) {
        identityService.setAuthentication(user, groups);
        try {
            return taskService.createTaskQuery().processDefinitionKey(AgencyAssignmentProcess.KEY).list().stream()
                    .map(Task::getId).toList();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private ProcessEngineConfigurationImpl configuration() {
        return (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    }
}
