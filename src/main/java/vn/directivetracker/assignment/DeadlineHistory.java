package vn.directivetracker.assignment;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every change of an assignment's deadline (extension, a leader's new deadline, amendment,
 * reassignment with a new deadline), so that the status of a past date uses the deadline in force
 * on that date: a report for quý III must read the same after the deadline is extended in quý IV.
 */
@Repository
public class DeadlineHistory {

    private final JdbcClient jdbc;

    public DeadlineHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(long assignmentId, LocalDate previous, LocalDate next, LocalDateTime at) {
        jdbc.sql("insert into deadline_change (assignment_id, previous_deadline, new_deadline, changed_at) values (?, ?, ?, ?)")
                .params(assignmentId, previous, next, at)
                .update();
    }

    /**
     * The assignments with the deadline each had in force at the end of {@code asOf}: a change made
     * on a later day is undone by taking the previous deadline of the first such change. Changes made
     * on {@code asOf} itself count (the status of a day is read at its end).
     */
    public List<Assignment> inForce(List<Assignment> assignments, LocalDate asOf) {
        Map<Long, LocalDate> before = new HashMap<>();
        jdbc.sql("""
                        select assignment_id, previous_deadline from deadline_change
                        where changed_at >= ? order by changed_at desc, id desc""")
                .param(asOf.plusDays(1).atStartOfDay())
                // Newest first, so the earliest later change is the one left in the map.
                .query(rs -> {
                    before.put(rs.getLong(1), rs.getObject(2, LocalDate.class));
                });
        if (before.isEmpty()) {
            return assignments;
        }
        return assignments.stream()
                .map(a -> before.containsKey(a.id()) ? a.withDeadline(before.get(a.id())) : a)
                .toList();
    }
}
