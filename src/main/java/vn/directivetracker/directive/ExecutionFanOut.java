package vn.directivetracker.directive;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Execution;
import org.springframework.stereotype.Component;
import vn.directivetracker.common.ConflictException;

/**
 * Changes the running fan-out of {@code directive-execution} when an item's agencies are amended:
 * one more child for an added agency, one child cancelled for a removed one. Uses Camunda's process
 * instance modification on the multi-instance call activity, so its counters stay right and the
 * directive still closes when the remaining children are done. Public for {@code assignment}'s item
 * amendments, which decide what to add or cancel.
 */
@Component
public class ExecutionFanOut {

    private static final String CALL_ACTIVITY = DirectiveExecutionProcess.Elements.EXECUTE_ASSIGNMENTS;

    private final RuntimeService runtimeService;

    ExecutionFanOut(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    public void add(String executionProcessInstanceId, long assignmentId) {
        requireFanOutRunning(executionProcessInstanceId);
        runtimeService.createProcessInstanceModification(executionProcessInstanceId)
                .startBeforeActivity(CALL_ACTIVITY)
                .setVariableLocal(DirectiveExecutionProcess.Variables.ASSIGNMENT_ID, assignmentId)
                .execute();
    }

    public void cancel(String executionProcessInstanceId, long assignmentId) {
        requireFanOutRunning(executionProcessInstanceId);
        List<Execution> inner = runtimeService.createExecutionQuery()
                .processInstanceId(executionProcessInstanceId)
                .activityId(CALL_ACTIVITY)
                .list();
        for (Execution execution : inner) {
            Object id = runtimeService.getVariableLocal(execution.getId(), DirectiveExecutionProcess.Variables.ASSIGNMENT_ID);
            if (id instanceof Number number && number.longValue() == assignmentId) {
                runtimeService.createProcessInstanceModification(executionProcessInstanceId)
                        .cancelActivityInstance(activityInstanceOf(executionProcessInstanceId, execution.getId()))
                        .execute();
                return;
            }
        }
    }

    private void requireFanOutRunning(String executionProcessInstanceId) {
        long waiting = runtimeService.createExecutionQuery()
                .processInstanceId(executionProcessInstanceId)
                .activityId(CALL_ACTIVITY)
                .count();
        if (waiting == 0) {
            throw new ConflictException("Các đơn vị đã thực hiện xong; không điều chỉnh được đơn vị của văn bản");
        }
    }

    private String activityInstanceOf(String processInstanceId, String executionId) {
        Deque<ActivityInstance> pending = new ArrayDeque<>(List.of(runtimeService.getActivityInstance(processInstanceId)));
        while (!pending.isEmpty()) {
            ActivityInstance instance = pending.pop();
            if (CALL_ACTIVITY.equals(instance.getActivityId()) && List.of(instance.getExecutionIds()).contains(executionId)) {
                return instance.getId();
            }
            pending.addAll(List.of(instance.getChildActivityInstances()));
        }
        throw new IllegalStateException("Không tìm thấy nhánh thực hiện " + executionId);
    }
}
