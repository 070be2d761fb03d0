package vn.directivetracker.access;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.TaskQueryImpl;

/**
 * ADR 22: which task queries are checked with Camunda's per-task authorization form instead of its join.
 * <p>
 * Camunda writes one authorization check in two SQL forms with the same answers: a join of the tasks with
 * every authorization row of the caller ({@code AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*')}, used while no
 * REVOKE exists), and a {@code CASE} of per-task index look-ups (its "revoke-aware" form, used as soon as
 * one REVOKE exists). An officer's rows are one task grant per open task of their agency (ADR 6), so
 * listing their agency's tasks through the join compares every such task with every such grant — 663 × 663
 * at 100k open tasks, ~100 ms; the per-task form needs one look-up per task, ~15 ms. For a caller whose
 * access comes from a few {@code *} grants (coordinators, leaders) the join is the cheap one and the
 * per-task form costs several look-ups per row (a coordinator counting 100k tasks: 0.2 s vs 5.5 s).
 * <p>
 * So the per-task form is chosen for a query restricted to candidate groups that are all the caller's own:
 * its rows are bounded by the tasks of groups whose grants the join would read. Only the SQL form
 * changes; who may see what stays Camunda's rule (RevokeAwareTaskQueryTest compares both forms).
 */
final class OwnGroupTaskQueries {

    private OwnGroupTaskQueries() {
    }

    /** A single (not {@code or}) query naming only candidate groups the caller belongs to. */
    static boolean matches(TaskQueryImpl query, List<String> callerGroups) {
        if (callerGroups == null || callerGroups.isEmpty() || query.getQueries().size() != 1) {
            return false;
        }
        List<String> named = new ArrayList<>();
        if (query.getCandidateGroup() != null) {
            named.add(query.getCandidateGroup());
        }
        if (query.getCandidateGroupsInternal() != null) {
            named.addAll(query.getCandidateGroupsInternal());
        }
        return !named.isEmpty() && callerGroups.containsAll(named);
    }
}
