package vn.directivetracker.assignment;

import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One row per directive with the totals of the dashboard's directive table — assignments counted,
 * not cancelled, completed, overdue before the tally's day — kept by {@link AssignmentTally#fold}
 * beside the per-directive tally (ADR 33): the table is ranked from ~6,500 rows at 1M assignments
 * instead of grouping ~52,000 state-and-deadline rows on every page.
 */
final class DirectiveProgressTally {

    /** Indexes of a directive's change in {@link #add}. */
    static final int COUNTED = 0, TOTAL = 1, COMPLETED = 2, OVERDUE = 3;

    private final JdbcClient jdbc;

    DirectiveProgressTally(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a tally change of {@code n} assignments in {@code state} adds to its directive's row. */
    static void count(long[] change, int state, long n) {
        change[COUNTED] += n;
        change[TOTAL] += state == AssignmentTally.CANCELLED ? 0 : n;
        change[COMPLETED] += state == AssignmentTally.DONE_ON_TIME || state == AssignmentTally.DONE_LATE ? n : 0;
        change[OVERDUE] += state == AssignmentTally.OVERDUE_BEFORE_LATEST ? n : 0;
    }

    /** Adds each directive's change to its row (creating it), then drops rows that count nothing. */
    void add(Map<Long, long[]> changes) {
        if (changes.isEmpty()) {
            return; // most folds (every few seconds) have nothing to add
        }
        changes.forEach((directive, c) -> {
            if (c[COUNTED] == 0 && c[TOTAL] == 0 && c[COMPLETED] == 0 && c[OVERDUE] == 0) {
                return;
            }
            if (jdbc.sql("update assignment_tally_directive_sum set counted = counted + ?, total = total + ?,"
                    + " completed = completed + ?, overdue = overdue + ? where directive_id = ?")
                    .params(c[COUNTED], c[TOTAL], c[COMPLETED], c[OVERDUE], directive).update() == 0) {
                jdbc.sql("insert into assignment_tally_directive_sum (directive_id, counted, total, completed, overdue)"
                        + " values (?, ?, ?, ?, ?)").params(directive, c[COUNTED], c[TOTAL], c[COMPLETED], c[OVERDUE]).update();
            }
        });
        jdbc.sql("delete from assignment_tally_directive_sum where counted = 0").update();
    }

    /** Recounts every row from the per-directive tally as it stands (rebuild, before its fold). */
    void recount() {
        jdbc.sql("delete from assignment_tally_directive_sum").update();
        jdbc.sql("""
                insert into assignment_tally_directive_sum (directive_id, counted, total, completed, overdue)
                select directive_id, sum(n), sum(case when state <> 5 then n else 0 end),
                       sum(case when state in (0, 1) then n else 0 end), sum(case when state = 3 then n else 0 end)
                from assignment_tally_directive group by directive_id having sum(n) <> 0""").update();
    }
}
