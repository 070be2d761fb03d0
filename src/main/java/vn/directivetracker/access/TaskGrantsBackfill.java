package vn.directivetracker.access;

import static org.camunda.bpm.engine.authorization.Resources.TASK;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.directivetracker.common.StartupStep;

/**
 * Camunda writes a task's grants (candidates, assignee, owner: READ and UPDATE) only when the task
 * gets them with authorization on. A database whose tasks were created before authorization was
 * switched on (an embedded default from an earlier version) has open tasks and no task grant at all:
 * without this, every agency would lose sight of its waiting work. Runs once in that state, then never
 * again (the table then holds task grants).
 */
@Component
class TaskGrantsBackfill implements StartupStep {

    private static final Logger log = LoggerFactory.getLogger(TaskGrantsBackfill.class);
    private static final int PAGE = 500;

    private final AuthorizationService authorizationService;
    private final TaskService taskService;
    private final Grants grants;
    private final Permission work;

    TaskGrantsBackfill(AuthorizationService authorizationService, TaskService taskService, Grants grants, ProcessEngine engine) {
        this.authorizationService = authorizationService;
        this.taskService = taskService;
        this.grants = grants;
        this.work = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDefaultUserPermissionForTask();
    }

    @Override
    public String name() {
        return "task-grants-backfill";
    }

    @Override
    public void run() {
        if (authorizationService.createAuthorizationQuery().resourceType(TASK).count() > 0
                || taskService.createTaskQuery().count() == 0) {
            return;
        }
        int done = 0;
        for (List<Task> page = taskService.createTaskQuery().orderByTaskId().asc().listPage(0, PAGE); !page.isEmpty();
                page = taskService.createTaskQuery().orderByTaskId().asc().listPage(done, PAGE)) {
            page.forEach(this::grant);
            done += page.size();
        }
        log.info("Authorization: task grants written for {} open tasks created before authorization was on", done);
    }

    private void grant(Task task) {
        for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
            if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                continue;
            }
            if (link.getGroupId() != null) {
                grants.toGroup(link.getGroupId(), TASK, task.getId(), Permissions.READ, work);
            } else if (link.getUserId() != null) {
                grants.toUser(link.getUserId(), TASK, task.getId(), Permissions.READ, work);
            }
        }
        for (String user : new String[] {task.getAssignee(), task.getOwner()}) {
            if (user != null) {
                grants.toUser(user, TASK, task.getId(), Permissions.READ, work);
            }
        }
    }
}
