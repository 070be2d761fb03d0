package vn.directivetracker.reporting.statistics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.directivetracker.agency.AgencyKind;
import vn.directivetracker.assignment.Assignment;
import vn.directivetracker.assignment.AssignmentRepository;
import vn.directivetracker.assignment.DeadlineHistory;

/**
 * Assignments for statistics, straight from our tables (ADR 0001): one query whatever the filter,
 * never Camunda history, so ~170 agencies cost one round trip.
 */
@Repository
public class TrackedAssignments {

    private final JdbcClient jdbc;
    private final DeadlineHistory deadlineHistory;

    public TrackedAssignments(JdbcClient jdbc, DeadlineHistory deadlineHistory) {
        this.jdbc = jdbc;
        this.deadlineHistory = deadlineHistory;
    }

    public List<TrackedAssignment> find(StatisticsFilter filter) {
        StringBuilder sql = new StringBuilder("""
                select a.*, ag.name as agency_name, ag.short_name as agency_short_name, ag.kind as agency_kind,
                       d.doc_number, d.subject, i.label as item_label
                from assignment a
                join agency ag on ag.code = a.agency_code
                join directive d on d.id = a.directive_id
                join directive_item i on i.id = a.item_id
                where a.created_at < :dayAfter""");
        Map<String, Object> params = new HashMap<>();
        String conditions = AssignmentBuckets.conditions(filter, params);
        if (conditions == null) {
            return List.of();
        }
        sql.append(conditions);
        sql.append(" order by a.agency_code, a.directive_id, i.position, a.id");
        List<TrackedAssignment> rows = jdbc.sql(sql.toString()).params(params).query(TrackedAssignments::map).list();
        return withDeadlinesInForce(rows, filter.asOf());
    }

    /** Each row with the deadline in force on the reference date, not today's (ADR 9, issue 15). */
    private List<TrackedAssignment> withDeadlinesInForce(List<TrackedAssignment> rows, java.time.LocalDate asOf) {
        List<Assignment> inForce = deadlineHistory.inForce(rows.stream().map(TrackedAssignment::assignment).toList(), asOf);
        List<TrackedAssignment> result = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            TrackedAssignment row = rows.get(i);
            result.add(inForce.get(i) == row.assignment() ? row : new TrackedAssignment(inForce.get(i), row.agencyName(),
                    row.agencyShortName(), row.agencyKind(), row.directiveNumber(), row.directiveSubject(), row.itemLabel()));
        }
        return result;
    }

    private static TrackedAssignment map(ResultSet rs, int row) throws SQLException {
        Assignment assignment = AssignmentRepository.fromRow(rs);
        return new TrackedAssignment(assignment, rs.getString("agency_name"), rs.getString("agency_short_name"),
                AgencyKind.valueOf(rs.getString("agency_kind")), rs.getString("doc_number"), rs.getString("subject"),
                rs.getString("item_label"));
    }
}
