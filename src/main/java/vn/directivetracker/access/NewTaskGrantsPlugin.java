package vn.directivetracker.access;

import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * One query less for every new task (issue 11, ADR 30). When a task gets its candidate group,
 * Camunda grants the group on the task; before it writes the grant it reads the database for one that
 * already exists for that task and group, to add to it. For a task created in the same command (every
 * task our processes create: each fanned-out assignment's first task) no such row can be in the
 * database: its id was generated in this command and nothing has been flushed. So for such a task the
 * read is skipped; a grant created earlier in the same command is still found and extended by
 * Camunda's own look into the command's cache, which follows the read. Every other case (a candidate
 * group added to an existing task, a new assignee) reads as before.
 */
@Component
class NewTaskGrantsPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getResourceAuthorizationProvider() == null) {
            configuration.setResourceAuthorizationProvider(new NewTaskGrants());
        }
    }

    /** Camunda's provider; only the look-up of an existing grant on a task created in this command is skipped. */
    static class NewTaskGrants extends DefaultAuthorizationProvider {

        @Override
        protected AuthorizationEntity getGrantAuthorization(String taskId, String userId, String groupId, Resource resource) {
            if (isTaskResource(resource) && createdInThisCommand(taskId)) {
                return null;
            }
            return super.getGrantAuthorization(taskId, userId, groupId, resource);
        }

        private static boolean isTaskResource(Resource resource) {
            return resource.resourceType() == Resources.TASK.resourceType()
                    || resource.resourceType() == Resources.HISTORIC_TASK.resourceType();
        }

        static boolean createdInThisCommand(String taskId) {
            CommandContext command = Context.getCommandContext();
            if (command == null || taskId == null) {
                return false;
            }
            CachedDbEntity cached = command.getDbEntityManager().getDbEntityCache().getCachedEntity(TaskEntity.class, taskId);
            return cached != null && cached.getEntityState() == DbEntityState.TRANSIENT;
        }
    }
}
