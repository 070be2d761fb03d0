package vn.directivetracker.directive;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import vn.directivetracker.common.ProcessScopes;

/**
 * The directive an issuance or execution instance is about, from {@code directive} by process
 * instance id (DESIGN §6): the {@code directiveId} and {@code directiveNumber} variables are for
 * the forms to show and are never read back.
 */
@Component
public class DirectiveOfProcess {

    private final DirectiveRepository directives;

    DirectiveOfProcess(DirectiveRepository directives) {
        this.directives = directives;
    }

    public long id(VariableScope scope) {
        String processInstanceId = ProcessScopes.processInstanceId(scope);
        return directives.idOfProcessInstance(processInstanceId)
                .orElseThrow(() -> new IllegalStateException("Quy trình " + processInstanceId + " không gắn với văn bản nào"));
    }
}
