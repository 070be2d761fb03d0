package vn.directivetracker.common;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The process instance a delegate, listener or expression runs in: the key to our own rows (DESIGN §6). */
public final class ProcessScopes {

    public static String processInstanceId(VariableScope scope) {
        if (scope instanceof DelegateTask task) {
            return task.getProcessInstanceId();
        }
        if (scope instanceof DelegateExecution execution) {
            return execution.getProcessInstanceId();
        }
        throw new IllegalArgumentException("Không xác định được quy trình từ " + scope);
    }

    private ProcessScopes() {}
}
