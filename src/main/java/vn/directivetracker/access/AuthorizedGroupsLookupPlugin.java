package vn.directivetracker.access;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;
import vn.directivetracker.common.CustomSessions;

/**
 * Removes a full scan of the authorization table from every authorized engine call (ADR 18).
 * <p>
 * Before it checks anything, Camunda narrows the caller's groups to those that hold at least one
 * authorization, by reading {@code SELECT DISTINCT GROUP_ID_ FROM ACT_RU_AUTHORIZATION} once per command.
 * That table holds a row per candidate group per open task (ADR 6), so at 100k open tasks the narrowing
 * costs more than the task list itself, on every Tasklist and engine REST request. The narrowing only
 * shortens an {@code A.GROUP_ID_ IN (…)} list: a group without authorizations matches no row, so leaving
 * it in gives the same answer. Our users belong to a handful of groups (agency, heads, a role), so the
 * list stays short; a caller with more than {@value #MAX_UNFILTERED} groups is narrowed as before.
 * <p>
 * ADR 22: an officer's list of their own group's tasks is checked with Camunda's per-task form of the
 * authorization check ({@link OwnGroupTaskQueries}) instead of its join.
 * <p>
 * Replaces the engine's {@code AuthorizationManager} session through the documented custom session
 * factory hook; every check, grant and revoke rule is Camunda's own.
 */
@Component
class AuthorizedGroupsLookupPlugin extends AbstractProcessEnginePlugin {

    static final int MAX_UNFILTERED = 50;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        CustomSessions.register(configuration, AuthorizationManager.class, UnnarrowedGroupsAuthorizationManager::new);
    }

    /** Camunda's manager, without the per-command scan that narrows the caller's groups. */
    static class UnnarrowedGroupsAuthorizationManager extends AuthorizationManager {

        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
            if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
                return List.of();
            }
            if (authenticatedGroupIds.size() > MAX_UNFILTERED) {
                return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
            }
            return new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds));
        }

        @Override
        public void configureTaskQuery(TaskQueryImpl query) {
            super.configureTaskQuery(query);
            AuthorizationCheck check = query.getAuthCheck();
            String mode = Context.getProcessEngineConfiguration().getAuthorizationCheckRevokes();
            if (check.isAuthorizationCheckEnabled() && !check.isRevokeAuthorizationCheckEnabled()
                    && !ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER.equalsIgnoreCase(mode)
                    && OwnGroupTaskQueries.matches(query, check.getAuthGroupIds())) {
                check.setRevokeAuthorizationCheckEnabled(true);
            }
        }
    }
}
