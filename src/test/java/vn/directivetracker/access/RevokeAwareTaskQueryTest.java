package vn.directivetracker.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.directivetracker.assignment.AgencyAssignmentProcess;
import vn.directivetracker.support.DirectiveFixtures;
import vn.directivetracker.support.IntegrationTest;

/**
 * ADR 22: a task query restricted to the caller's own candidate groups is checked with Camunda's per-task
 * (revoke-aware) form of the authorization check instead of its join ({@link OwnGroupTaskQueries}).
 * Differential: on the same data, every user's task queries — including forged candidate groups,
 * assignees and {@code or} queries — return exactly the tasks of Camunda's join everywhere ({@code never},
 * with no REVOKE in the database) and of its per-task form everywhere ({@code always}); and a REVOKE an
 * administrator sets is honoured.
 */
class RevokeAwareTaskQueryTest extends IntegrationTest {

    private static final List<String> USERS = List.of("cbsngv", "ldsngv", "cbstc", "ldstc", "dieuphoi", "lanhdaoubnd",
            "lanhdaovp", "vanthu");

    @Autowired AuthorizationService authorizationService;

    @Test
    void onlyTheCallersOwnCandidateGroupQueriesUseThePerTaskForm() {
        assertThat(configuration().getAuthorizationCheckRevokes()).isEqualTo("auto");
        assertThat(perTaskForm("cbsngv", () -> taskService.createTaskQuery().taskCandidateGroup("SNGV"))).isTrue();
        assertThat(perTaskForm("cbsngv", () -> taskService.createTaskQuery().taskCandidateGroupIn(List.of("SNGV")))).isTrue();
        // Another agency's group, no group, an or query, a coordinator's whole list: Camunda's join as before.
        assertThat(perTaskForm("cbsngv", () -> taskService.createTaskQuery().taskCandidateGroup("STC"))).isFalse();
        assertThat(perTaskForm("cbsngv", () -> taskService.createTaskQuery().taskCandidateGroupIn(List.of("SNGV", "STC")))).isFalse();
        assertThat(perTaskForm("cbsngv", () -> taskService.createTaskQuery())).isFalse();
        assertThat(perTaskForm("cbsngv", () -> taskService.createTaskQuery().or().taskCandidateGroup("SNGV").taskAssignee("cbstc").endOr()))
                .isFalse();
        assertThat(perTaskForm("dieuphoi", () -> taskService.createTaskQuery())).isFalse();
    }

    private boolean perTaskForm(String user, Supplier<TaskQuery> query) {
        List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        identityService.setAuthentication(user, groups);
        try {
            TaskQueryImpl built = (TaskQueryImpl) query.get();
            return configuration().getCommandExecutorTxRequired().execute(context -> {
                context.getAuthorizationManager().configureTaskQuery(built);
                return built.getAuthCheck().isRevokeAuthorizationCheckEnabled();
            });
        } finally {
            identityService.clearAuthentication();
        }
    }

    @Test
    void everyUserSeesExactlyTheTasksCamundasJoinShows() {
        submitAndIssue(DirectiveFixtures.smallDirective("Kiểm tra thu hồi quyền: hai đơn vị", List.of("SNGV", "STC"), List.of()));
        // Children get no display variables since ADR 27; instances started before it still carry them,
        // which the variable queries below join on (and a user could forge one): give these that variable.
        runtimeService.createProcessInstanceQuery().processDefinitionKey(AgencyAssignmentProcess.KEY).list()
                .forEach(child -> runtimeService.setVariable(child.getId(), AgencyAssignmentProcess.Variables.DIRECTIVE_SUBJECT,
                        "Kiểm tra thu hồi quyền: hai đơn vị"));
        assertThat(authorizationService.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_REVOKE).count())
                .as("no REVOKE rows, so 'never' answers with Camunda's join everywhere").isZero();

        for (String user : USERS) {
            for (Map.Entry<String, Supplier<TaskQuery>> query : queries(user).entrySet()) {
                List<String> join = taskIds(user, ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER, query.getValue());
                List<String> perTask = taskIds(user, ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_ALWAYS, query.getValue());
                List<String> chosen = taskIds(user, "auto", query.getValue());
                assertThat(perTask).as(user + ": " + query.getKey()).isEqualTo(join);
                assertThat(chosen).as(user + ": " + query.getKey()).isEqualTo(join);
            }
        }
        // The comparison is not between two empty lists: each agency sees its own tasks, never the other's.
        List<String> sngv = taskIds("cbsngv", "auto", () -> taskService.createTaskQuery().taskCandidateGroup("SNGV"));
        List<String> stc = taskIds("cbstc", "auto", () -> taskService.createTaskQuery().taskCandidateGroup("STC"));
        assertThat(sngv).isNotEmpty();
        assertThat(stc).isNotEmpty().doesNotContainAnyElementsOf(sngv);
        assertThat(taskIds("cbsngv", "auto", () -> taskService.createTaskQuery())).doesNotContainAnyElementsOf(stc);
        assertThat(taskIds("cbsngv", "auto", () -> taskService.createTaskQuery().taskCandidateGroup("STC"))).isEmpty();

        // The same through engine REST, forged parameters included: Camunda's join (engine, 'never') decides.
        List<String> joinSngv = taskIds("cbsngv", ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER,
                () -> taskService.createTaskQuery().taskCandidateGroup("SNGV"));
        assertThat(restTaskIds("cbsngv", "candidateGroup=SNGV")).isEqualTo(joinSngv);
        assertThat(restTaskIds("cbsngv", "candidateGroups=SNGV,STC")).isEqualTo(joinSngv);
        assertThat(restTaskIds("cbsngv", "candidateGroup=STC")).isEmpty();
        assertThat(restTaskIds("cbsngv", "assignee=cbstc")).isEmpty();
        assertThat(restTaskIds("cbsngv", "candidateGroup=SNGV&processVariables=directiveSubject_like_Ki%")).isNotEmpty().isSubsetOf(joinSngv);
    }

    private List<String> restTaskIds(String user, String parameters) {
        String path = "/engine-rest/engine/" + processEngine.getName() + "/task?maxResults=500&" + parameters;
        org.springframework.http.ResponseEntity<Map[]> response = as(user).getForEntity(path, Map[].class);
        assertThat(response.getStatusCode().value()).as(path).isEqualTo(200);
        return java.util.Arrays.stream(response.getBody()).map(task -> (String) task.get("id")).sorted().toList();
    }

    @Test
    void aRevokeSetByAnAdministratorTakesTheTaskAway() {
        submitAndIssue(DirectiveFixtures.smallDirective("Kiểm tra thu hồi quyền: một đơn vị", List.of("SNGV"), List.of()));
        Supplier<TaskQuery> own = () -> taskService.createTaskQuery().taskCandidateGroup("SNGV");
        String revoked = taskIds("cbsngv", "auto", own).get(0);
        Authorization revoke = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
        // A user's REVOKE outranks their group's GRANT (Camunda: user before group; within one level GRANT wins).
        revoke.setUserId("cbsngv");
        revoke.setResource(Resources.TASK);
        revoke.setResourceId(revoked);
        revoke.removePermission(Permissions.READ);
        revoke = authorizationService.saveAuthorization(revoke);
        try {
            assertThat(taskIds("cbsngv", "always", own)).isNotEmpty().doesNotContain(revoked);
            assertThat(taskIds("cbsngv", "auto", own)).doesNotContain(revoked);
            assertThat(taskIds("ldsngv", "always", own)).contains(revoked);
            // Only because of the REVOKE: a configuration that ignores revokes would still show it.
            assertThat(taskIds("cbsngv", "never", own)).contains(revoked);
        } finally {
            authorizationService.deleteAuthorization(revoke.getId());
        }
    }

    private Map<String, Supplier<TaskQuery>> queries(String user) {
        List<String> own = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        Map<String, Supplier<TaskQuery>> queries = new LinkedHashMap<>();
        queries.put("own groups (Tasklist's filter)", () -> taskService.createTaskQuery().taskCandidateGroupIn(own).includeAssignedTasks());
        queries.put("all", () -> taskService.createTaskQuery());
        queries.put("candidateGroup SNGV", () -> taskService.createTaskQuery().taskCandidateGroup("SNGV"));
        queries.put("candidateGroup STC", () -> taskService.createTaskQuery().taskCandidateGroup("STC"));
        queries.put("candidateGroups both, assigned too", () -> taskService.createTaskQuery()
                .taskCandidateGroupIn(List.of("SNGV", "STC")).includeAssignedTasks());
        queries.put("assignee", () -> taskService.createTaskQuery().taskAssignee("cbstc"));
        queries.put("process", () -> taskService.createTaskQuery().processDefinitionKey(AgencyAssignmentProcess.KEY));
        queries.put("or", () -> taskService.createTaskQuery().or().taskCandidateGroup("STC").taskCandidateUser("cbstc").endOr());
        queries.put("forged process variable", () -> taskService.createTaskQuery()
                .processVariableValueLike(AgencyAssignmentProcess.Variables.DIRECTIVE_SUBJECT, "Kiểm tra%"));
        queries.put("own groups and process variable", () -> taskService.createTaskQuery().taskCandidateGroupIn(own)
                .processVariableValueLike(AgencyAssignmentProcess.Variables.DIRECTIVE_SUBJECT, "Kiểm tra%"));
        queries.put("created desc", () -> taskService.createTaskQuery().orderByTaskCreateTime().desc());
        return queries;
    }

    /** The ids a user's query returns (and its count agrees) with the engine checking revokes in the given mode. */
    private List<String> taskIds(String user, String revokeMode, Supplier<TaskQuery> query) {
        String configured = configuration().getAuthorizationCheckRevokes();
        List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        configuration().setAuthorizationCheckRevokes(revokeMode);
        identityService.setAuthentication(user, groups);
        try {
            List<String> ids = query.get().list().stream().map(Task::getId).sorted().toList();
            assertThat(query.get().count()).isEqualTo(ids.size());
            return ids;
        } finally {
            identityService.clearAuthentication();
            configuration().setAuthorizationCheckRevokes(configured);
        }
    }

    private ProcessEngineConfigurationImpl configuration() {
        return (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    }
}
