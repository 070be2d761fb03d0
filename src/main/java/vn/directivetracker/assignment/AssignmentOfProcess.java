package vn.directivetracker.assignment;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import vn.directivetracker.agency.Agency;
import vn.directivetracker.common.ProcessScopes;
import vn.directivetracker.directive.DirectiveRepository;

/**
 * Which assignment, agency and groups an {@code agency-assignment} instance is about, from our own
 * table by process instance id (DESIGN §6), never from a variable (what the forms show is served from
 * our tables too, {@link AssignmentFormContext}). Named
 * {@code assignmentOf} for the BPMN expressions (candidate groups, timers, due dates, whether the
 * watch branch has a deadline to watch).
 */
@Component("assignmentOf")
public class AssignmentOfProcess {

    private final AssignmentRepository assignments;
    private final ExtensionRequestRepository extensions;
    private final DirectiveRepository directives;

    AssignmentOfProcess(AssignmentRepository assignments, ExtensionRequestRepository extensions, DirectiveRepository directives) {
        this.assignments = assignments;
        this.extensions = extensions;
        this.directives = directives;
    }

    public long id(VariableScope scope) {
        String processInstanceId = ProcessScopes.processInstanceId(scope);
        return assignments.idOfProcessInstance(processInstanceId)
                .orElseThrow(() -> new IllegalStateException("Quy trình " + processInstanceId + " không gắn với nhiệm vụ nào"));
    }

    public Assignment of(VariableScope scope) {
        return assignments.get(id(scope));
    }

    /** An item with a deadline gets the deadline watch; an ongoing one does not. */
    public boolean hasDeadline(VariableScope scope) {
        return of(scope).deadline() != null;
    }

    /** Ongoing work that ends with the directive's period (a timer closes it). */
    public boolean hasPeriodEnd(VariableScope scope) {
        return directives.find(of(scope).directiveId()).orElseThrow().periodEnd() != null;
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
