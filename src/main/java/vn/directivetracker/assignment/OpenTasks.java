package vn.directivetracker.assignment;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import vn.directivetracker.agency.Agency;

/** What only the engine can do with an assignment's open tasks when the work changes hands. */
@Component
public class OpenTasks {

    private final TaskService taskService;

    public OpenTasks(TaskService taskService) {
        this.taskService = taskService;
    }

    /** Open tasks offered to the old agency (or its heads) are offered to the new one instead. */
    public void handOver(String processInstanceId, String previous, Agency next) {
        for (Task task : taskService.createTaskQuery().processInstanceId(processInstanceId).list()) {
            for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
                if (!IdentityLinkType.CANDIDATE.equals(link.getType()) || link.getGroupId() == null) {
                    continue;
                }
                if (link.getGroupId().equals(previous)) {
                    taskService.deleteCandidateGroup(task.getId(), previous);
                    taskService.addCandidateGroup(task.getId(), next.code());
                } else if (link.getGroupId().equals(Agency.headGroupOf(previous))) {
                    taskService.deleteCandidateGroup(task.getId(), link.getGroupId());
                    taskService.addCandidateGroup(task.getId(), next.headGroupId());
                }
            }
            if (task.getAssignee() != null) {
                taskService.setAssignee(task.getId(), null);
            }
        }
    }
}
