package vn.directivetracker.assignment;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.directivetracker.directive.DirectiveService;

/**
 * Read by expressions in {@code directive-execution}: the multi-instance collection and each
 * child's business key. The collection is the full, ordered id list, so re-evaluating it after a
 * retry yields the same instances.
 */
@Component("directiveAssignments")
public class DirectiveAssignments {

    private final AssignmentRepository assignments;
    private final DirectiveService directives;
    private final vn.directivetracker.directive.DirectiveOfProcess directiveOf;

    public DirectiveAssignments(AssignmentRepository assignments, DirectiveService directives,
            vn.directivetracker.directive.DirectiveOfProcess directiveOf) {
        this.directiveOf = directiveOf;
        this.assignments = assignments;
        this.directives = directives;
    }

    /** BPMN passes the execution: the directive bound to the instance, not its variable. */
    public List<Long> idsOf(Object ref) {
        long directiveId = ref instanceof org.camunda.bpm.engine.delegate.VariableScope scope
                ? directiveOf.id(scope) : ((Number) ref).longValue();
        return assignments.idsOfDirective(directiveId);
    }

    /** {@code <document number>/<agency code>}, e.g. {@code 15/UBND-KGVX/SNGV}. */
    public String businessKeyOf(Object assignmentId) {
        Assignment assignment = assignments.get(((Number) assignmentId).longValue());
        return directives.get(assignment.directiveId()).number() + "/" + assignment.agencyCode();
    }
}
