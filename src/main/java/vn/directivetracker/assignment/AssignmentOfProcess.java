package vn.directivetracker.assignment;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import vn.directivetracker.agency.Agency;
import vn.directivetracker.common.ProcessScopes;

/**
 * Which assignment, agency and groups an {@code agency-assignment} instance is about, from our own
 * table by process instance id (DESIGN §6): the variables {@code assignmentId}, {@code agencyCode},
 * {@code agencyHeadGroup} are there for the forms to show and are never read back. Named
 * {@code assignmentOf} for the BPMN expressions (candidate groups, timers, due dates).
 */
@Component("assignmentOf")
public class AssignmentOfProcess {

    private final AssignmentRepository assignments;
    private final ExtensionRequestRepository extensions;

    AssignmentOfProcess(AssignmentRepository assignments, ExtensionRequestRepository extensions) {
        this.assignments = assignments;
        this.extensions = extensions;
    }

    public long id(VariableScope scope) {
        String processInstanceId = ProcessScopes.processInstanceId(scope);
        return assignments.idOfProcessInstance(processInstanceId)
                .orElseThrow(() -> new IllegalStateException("Quy trình " + processInstanceId + " không gắn với nhiệm vụ nào"));
    }

    public Assignment of(VariableScope scope) {
        return assignments.get(id(scope));
    }

    /** The agency's own group: candidates of its work tasks. */
    public String agencyGroup(VariableScope scope) {
        return of(scope).agencyCode();
    }

    /** The agency's heads: candidates of the approval. */
    public String headGroup(VariableScope scope) {
        return Agency.headGroupOf(of(scope).agencyCode());
    }

    /** Who decides the pending extension request, as recorded when it was made. */
    public String extensionDeciderGroup(VariableScope scope) {
        return extensions.pending(id(scope))
                .orElseThrow(() -> new IllegalStateException("Không có đề nghị gia hạn đang chờ"))
                .deciderGroup();
    }
}
