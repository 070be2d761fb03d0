package vn.directivetracker.assignment;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.directivetracker.common.Decisions;

@Repository
public class ExtensionRequestRepository {

    private final JdbcClient jdbc;

    public ExtensionRequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(long assignmentId, LocalDate previous, LocalDate requested, String reason, String by,
            LocalDateTime at, String deciderGroup) {
        jdbc.sql("""
                        insert into extension_request (assignment_id, previous_deadline, requested_deadline, reason,
                            requested_by, requested_at, decider_group)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(assignmentId, previous, requested, reason, by, at, deciderGroup)
                .update();
    }

    /** A deadline set directly by a leader: recorded as a request decided at once. */
    public void insertDecided(long assignmentId, LocalDate previous, LocalDate newDeadline, String reason, String by,
            LocalDateTime at, String deciderGroup) {
        jdbc.sql("""
                        insert into extension_request (assignment_id, previous_deadline, requested_deadline, reason,
                            requested_by, requested_at, decider_group, decision, decided_by, decided_at, decision_comment,
                            set_by_leader)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true)""")
                .params(assignmentId, previous, newDeadline, reason, by, at, deciderGroup,
                        Decisions.APPROVE, by, at, reason)
                .update();
    }

    public Optional<ExtensionRequest> pending(long assignmentId) {
        return jdbc.sql("select * from extension_request where assignment_id = ? and decision is null order by id desc")
                .param(assignmentId)
                .query(this::map)
                .optional();
    }

    public Optional<ExtensionRequest> latest(long assignmentId) {
        return jdbc.sql("select * from extension_request where assignment_id = ? order by id desc")
                .param(assignmentId)
                .query(this::map)
                .stream()
                .findFirst();
    }

    /** Requests the agency itself made (not deadlines set by a leader). */
    public int countAgencyRequests(long assignmentId) {
        return jdbc.sql("select count(*) from extension_request where assignment_id = ? and set_by_leader = false")
                .param(assignmentId)
                .query(Integer.class)
                .single();
    }

    public void decide(long id, String decision, String by, LocalDateTime at, String comment) {
        jdbc.sql("update extension_request set decision = ?, decided_by = ?, decided_at = ?, decision_comment = ? where id = ?")
                .params(decision, by, at, comment, id)
                .update();
    }

    public List<ExtensionRequest> ofAssignment(long assignmentId) {
        return jdbc.sql("select * from extension_request where assignment_id = ? order by id")
                .param(assignmentId)
                .query(this::map)
                .list();
    }

    private ExtensionRequest map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ExtensionRequest(
                rs.getLong("id"),
                rs.getLong("assignment_id"),
                rs.getObject("previous_deadline", LocalDate.class),
                rs.getObject("requested_deadline", LocalDate.class),
                rs.getString("reason"),
                rs.getString("requested_by"),
                rs.getObject("requested_at", LocalDateTime.class),
                rs.getString("decider_group"),
                rs.getString("decision"),
                rs.getString("decided_by"),
                rs.getObject("decided_at", LocalDateTime.class),
                rs.getString("decision_comment"));
    }
}
