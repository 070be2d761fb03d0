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

    public DirectiveAssignments(AssignmentRepository assignments, DirectiveService directives) {
        this.assignments = assignments;
        this.directives = directives;
    }

    public List<Long> idsOf(Object directiveId) {
        return assignments.idsOfDirective(((Number) directiveId).longValue());
    }

    /** {@code <document number>/<agency code>}, e.g. {@code 15/UBND-KGVX/SNGV}. */
    public String businessKeyOf(Object assignmentId) {
        Assignment assignment = assignments.get(((Number) assignmentId).longValue());
        return directives.get(assignment.directiveId()).number() + "/" + assignment.agencyCode();
    }
}
