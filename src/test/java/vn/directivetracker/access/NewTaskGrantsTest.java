package vn.directivetracker.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.directivetracker.support.IntegrationTest;

/**
 * {@link NewTaskGrantsPlugin}: a task created in the command skips the look-up of an existing grant,
 * and the grants come out as Camunda's own provider writes them: one row per group and task, the same
 * permissions as for a group added to an existing task, merged when a group is added twice in one
 * command, and extended (not duplicated) when added again to an existing task.
 */
class NewTaskGrantsTest extends IntegrationTest {

    private static final String PROCESS = "newTaskGrantsProbe";
    private static final String GROUP = "grant-probe";
    private static final String OTHER_GROUP = "grant-probe-2";

    @Autowired RepositoryService repositoryService;
    @Autowired AuthorizationService authorizationService;
    @Autowired ProcessEngineConfigurationImpl engine;

    private String deploymentId;

    @BeforeEach
    void deploy() {
        deploymentId = repositoryService.createDeployment().addModelInstance(PROCESS + ".bpmn",
                Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1).startEvent()
                        .userTask("Probe").name("Việc thử quyền").camundaCandidateGroups(GROUP)
                        .camundaTaskListenerClass(TaskListener.EVENTNAME_CREATE, AddTheGroupAgain.class)
                        .endEvent().done()).deploy().getId();
        AddTheGroupAgain.seenAsNew = null;
    }

    @AfterEach
    void undeploy() {
        repositoryService.deleteDeployment(deploymentId, true);
    }

    @Test
    void aNewTasksGrantsAreCamundasOwnWithoutTheLookUp() {
        assertThat(engine.getResourceAuthorizationProvider()).isInstanceOf(NewTaskGrantsPlugin.NewTaskGrants.class);
        runtimeService.startProcessInstanceByKey(PROCESS);
        Task task = taskService.createTaskQuery().processDefinitionKey(PROCESS).singleResult();

        assertThat(AddTheGroupAgain.seenAsNew).as("the task counts as created in its own command").isTrue();
        List<Authorization> grants = grants(GROUP, task.getId());
        assertThat(grants).as("the group added twice in one command: one grant").hasSize(1);
        int permissions = bits(grants.get(0));
        assertThat(permissions).isPositive();

        taskService.addCandidateGroup(task.getId(), OTHER_GROUP);
        List<Authorization> existingTaskGrants = grants(OTHER_GROUP, task.getId());
        assertThat(existingTaskGrants).hasSize(1);
        assertThat(bits(existingTaskGrants.get(0))).as("as Camunda's provider grants a group of an existing task")
                .isEqualTo(permissions);

        // An existing task: the look-up runs and finds the grant, which is extended, not written twice.
        taskService.addCandidateGroup(task.getId(), GROUP);
        assertThat(grants(GROUP, task.getId())).hasSize(1);
        assertThat(NewTaskGrantsPlugin.NewTaskGrants.createdInThisCommand(task.getId())).as("outside any command").isFalse();
    }

    private static int bits(Authorization grant) {
        return ((AuthorizationEntity) grant).getPermissions();
    }

    private List<Authorization> grants(String group, String taskId) {
        return authorizationService.createAuthorizationQuery().groupIdIn(group).resourceType(Resources.TASK)
                .resourceId(taskId).list();
    }

    /** The task's create listener: records what the plugin sees, and adds the BPMN's group a second time. */
    public static class AddTheGroupAgain implements TaskListener {

        static volatile Boolean seenAsNew;

        @Override
        public void notify(DelegateTask task) {
            seenAsNew = NewTaskGrantsPlugin.NewTaskGrants.createdInThisCommand(task.getId());
            task.addCandidateGroup(GROUP);
        }
    }
}
