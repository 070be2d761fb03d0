package vn.directivetracker.directive;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;
import vn.directivetracker.common.ConflictException;

/**
 * Changes the running fan-out of {@code directive-execution} when an item's agencies are amended:
 * one more child for an added agency, one child cancelled for a removed one. Uses Camunda's process
 * instance modification on the multi-instance activities, so their counters stay right and the
 * directive still closes when the remaining children are done. Public for {@code assignment}'s item
 * amendments, which decide what to add or cancel.
 *
 * <p>Two shapes of the process run side by side after an upgrade, chosen by the instance's own
 * definition: chunked (ADR 23: outer multi-instance subprocess over chunks, inner synchronous
 * multi-instance call activity) and, for letters issued before it, the one-level multi-instance
 * call activity (ADR 2/17). An added agency gets a chunk of its own (resp. a call activity instance);
 * a removed one's call activity instance is cancelled in either shape (found by its local
 * {@code assignmentId}), and a chunk left empty is cancelled with it by Camunda.
 */
@Component
public class ExecutionFanOut {

    private static final String CALL_ACTIVITY = DirectiveExecutionProcess.Elements.EXECUTE_ASSIGNMENTS;
    private static final String BATCHES = DirectiveExecutionProcess.Elements.EXECUTE_ASSIGNMENT_BATCHES;
    private static final String BODY_SUFFIX = "#multiInstanceBody";
    private static final String STILL_FANNING_OUT = "Văn bản đang được giao cho các đơn vị; vui lòng điều chỉnh lại sau ít giây";

    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;

    ExecutionFanOut(RuntimeService runtimeService, RepositoryService repositoryService) {
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
    }

    public void add(String executionProcessInstanceId, long assignmentId) {
        boolean chunked = chunked(executionProcessInstanceId);
        String fanOut = chunked ? BATCHES : CALL_ACTIVITY;
        requireFanOutRunning(executionProcessInstanceId, fanOut);
        if (chunked) {
            runtimeService.createProcessInstanceModification(executionProcessInstanceId)
                    .startBeforeActivity(BATCHES)
                    .setVariableLocal(DirectiveExecutionProcess.Variables.ASSIGNMENT_BATCH, String.valueOf(assignmentId))
                    .execute();
        } else {
            runtimeService.createProcessInstanceModification(executionProcessInstanceId)
                    .startBeforeActivity(CALL_ACTIVITY)
                    .setVariableLocal(DirectiveExecutionProcess.Variables.ASSIGNMENT_ID, assignmentId)
                    .execute();
        }
    }

    public void cancel(String executionProcessInstanceId, long assignmentId) {
        String fanOut = chunked(executionProcessInstanceId) ? BATCHES : CALL_ACTIVITY;
        requireFanOutRunning(executionProcessInstanceId, fanOut);
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
        // Not started yet: its chunk's (or child's) job is still waiting and would start it after this.
        if (hasTransitionInstance(runtimeService.getActivityInstance(executionProcessInstanceId), fanOut)) {
            throw new ConflictException(STILL_FANNING_OUT);
        }
    }

    /** Whether the instance runs a version with chunks (ADR 23), from its own definition. */
    private boolean chunked(String processInstanceId) {
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        if (instance == null) {
            throw new ConflictException("Văn bản không còn quy trình thực hiện; không điều chỉnh được đơn vị");
        }
        return repositoryService.getBpmnModelInstance(instance.getProcessDefinitionId()).getModelElementById(BATCHES) != null;
    }

    /**
     * The fan-out's multi-instance body must be running with its instances created: before its
     * (async) body job has run, an added instance would be created twice (once more by the body,
     * which reads every assignment of the letter), after it there is nothing to add to.
     */
    private void requireFanOutRunning(String processInstanceId, String fanOut) {
        ActivityInstance root = runtimeService.getActivityInstance(processInstanceId);
        if (find(root, fanOut + BODY_SUFFIX) == null) {
            throw new ConflictException(hasTransitionInstance(root, fanOut + BODY_SUFFIX)
                    ? STILL_FANNING_OUT
                    : "Các đơn vị đã thực hiện xong; không điều chỉnh được đơn vị của văn bản");
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

    private static boolean hasTransitionInstance(ActivityInstance root, String activityId) {
        Deque<ActivityInstance> pending = new ArrayDeque<>(List.of(root));
        while (!pending.isEmpty()) {
            ActivityInstance instance = pending.pop();
            if (List.of(instance.getChildTransitionInstances()).stream().anyMatch(t -> activityId.equals(t.getActivityId()))) {
                return true;
            }
            pending.addAll(List.of(instance.getChildActivityInstances()));
        }
        return false;
    }

    private static ActivityInstance find(ActivityInstance root, String activityId) {
        Deque<ActivityInstance> pending = new ArrayDeque<>(List.of(root));
        while (!pending.isEmpty()) {
            ActivityInstance instance = pending.pop();
            if (activityId.equals(instance.getActivityId())) {
                return instance;
            }
            pending.addAll(List.of(instance.getChildActivityInstances()));
        }
        return null;
    }
}
