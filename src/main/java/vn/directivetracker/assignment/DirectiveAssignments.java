package vn.directivetracker.assignment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.directivetracker.agency.AgencyRegistry;
import vn.directivetracker.directive.DirectiveOfProcess;
import vn.directivetracker.directive.DirectiveService;

/**
 * Read by expressions in {@code directive-execution}: the chunks of the outer multi-instance, the ids
 * of one chunk, and each child's business key. The chunks come from the full, ordered id list, so
 * re-evaluating them after a retry of the body's job yields the same chunks; once created, each
 * chunk's ids are a variable of its own instance, so its retries never take another chunk's ids.
 */
@Component("directiveAssignments")
public class DirectiveAssignments {

    private final AssignmentRepository assignments;
    private final AgencyRegistry registry;
    private final DirectiveService directives;
    private final DirectiveOfProcess directiveOf;
    private final int chunkSize;

    public DirectiveAssignments(AssignmentRepository assignments, AgencyRegistry registry, DirectiveService directives,
            DirectiveOfProcess directiveOf, @Value("${directive-tracker.fan-out.chunk-size:20}") int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("directive-tracker.fan-out.chunk-size must be at least 1, was " + chunkSize);
        }
        this.directiveOf = directiveOf;
        this.assignments = assignments;
        this.registry = registry;
        this.directives = directives;
        this.chunkSize = chunkSize;
    }

    /** BPMN passes the execution: the directive bound to the instance, not its variable. */
    public List<Long> idsOf(Object ref) {
        long directiveId = ref instanceof org.camunda.bpm.engine.delegate.VariableScope scope
                ? directiveOf.id(scope) : ((Number) ref).longValue();
        return assignments.idsOfDirective(directiveId);
    }

    /**
     * The directive's assignment ids in chunks of at most {@code chunk-size}, as even as possible
     * (170 ids at 20 → 9 chunks of 18–19: the chunk jobs take about equally long), each chunk the
     * comma-separated ids (ADR 23).
     */
    public List<String> batchesOf(Object ref) {
        return chunks(idsOf(ref), chunkSize);
    }

    static List<String> chunks(List<Long> ids, int maxSize) {
        int count = (ids.size() + maxSize - 1) / maxSize;
        List<String> chunks = new ArrayList<>(count);
        int from = 0;
        for (int i = 0; i < count; i++) {
            int size = ids.size() / count + (i < ids.size() % count ? 1 : 0);
            chunks.add(ids.subList(from, from + size).stream().map(String::valueOf).collect(Collectors.joining(",")));
            from += size;
        }
        return chunks;
    }

    /** One chunk's ids, in order (the inner multi-instance's collection). */
    public List<Long> idsIn(Object batch) {
        List<Long> ids = Arrays.stream(String.valueOf(batch).split(",")).map(String::trim).map(Long::valueOf).toList();
        // The chunk's job starts each of these children next, in this transaction, and each asks for its
        // assignment and agency: two queries for the chunk instead of two per child (ADR 30).
        registry.byCodes(assignments.readAhead(ids).stream().map(Assignment::agencyCode).distinct().toList());
        return ids;
    }

    /** {@code <document number>/<agency code>}, e.g. {@code 15/UBND-KGVX/SNGV}. */
    public String businessKeyOf(Object assignmentId) {
        Assignment assignment = assignments.get(((Number) assignmentId).longValue());
        return directives.get(assignment.directiveId()).number() + "/" + assignment.agencyCode();
    }
}
