package vn.directivetracker.assignment;

import static vn.directivetracker.assignment.AgencyAssignmentProcess.Variables.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.directivetracker.agency.AgencyRegistry;
import vn.directivetracker.directive.Directive;
import vn.directivetracker.directive.DirectiveItem;
import vn.directivetracker.directive.DirectiveService;

/**
 * What an {@code agency-assignment}'s forms and its "Việc mới" email show about the work: the agency,
 * the directive, the item, the role and the deadline, from our tables by the assignment bound to the
 * process instance (DESIGN §6), never from a variable. They were process variables set at start until
 * ADR 27: 7 variable rows and their 7 history rows per fanned-out child, and a deadline or agency
 * that had to be copied again whenever it changed. Computed when asked, so always current.
 */
@Component
public class AssignmentFormContext {

    /** The form fields served from here, in the order the forms show them. */
    public static final List<String> NAMES = List.of(AGENCY_NAME, DIRECTIVE_NUMBER, DIRECTIVE_SUBJECT, ITEM_ORDINAL,
            ITEM_CONTENT, ROLE_LABEL, DEADLINE_LABEL);

    private final AssignmentRepository assignments;
    private final AssignmentService assignmentService;
    private final DirectiveService directives;
    private final AgencyRegistry registry;

    AssignmentFormContext(AssignmentRepository assignments, AssignmentService assignmentService,
            DirectiveService directives, AgencyRegistry registry) {
        this.assignments = assignments;
        this.assignmentService = assignmentService;
        this.directives = directives;
        this.registry = registry;
    }

    /** The context of the assignment bound to the process instance; empty for any other process. */
    public Optional<Map<String, String>> ofProcessInstance(String processInstanceId) {
        return processInstanceId == null ? Optional.empty()
                : assignments.idOfProcessInstance(processInstanceId).map(this::of);
    }

    /** The context of one assignment, by field name ({@link #NAMES}). */
    public Map<String, String> of(long assignmentId) {
        Assignment assignment = assignments.get(assignmentId);
        Directive directive = directives.get(assignment.directiveId());
        DirectiveItem.Heading item = assignmentService.itemHeading(assignment);
        Map<String, String> context = new LinkedHashMap<>();
        context.put(AGENCY_NAME, registry.get(assignment.agencyCode()).name());
        context.put(DIRECTIVE_NUMBER, directive.number());
        context.put(DIRECTIVE_SUBJECT, directive.subject());
        context.put(ITEM_ORDINAL, item.label());
        context.put(ITEM_CONTENT, item.content());
        context.put(ROLE_LABEL, assignment.role().label());
        context.put(DEADLINE_LABEL, AssignmentService.deadlineLabel(assignment));
        return context;
    }
}
