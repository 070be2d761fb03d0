package vn.directivetracker.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox as the application writes and shows it; the dispatcher's side is {@link DispatchQueue}. */
@Repository
class NotificationRepository {

    private static final String VIEW_COLUMNS = """
            id, event_type, recipient, subject, body_text, status, attempts, last_error, next_attempt_at,
            directive_id, assignment_id, task_id, created_at, sent_at""";

    private final JdbcClient jdbc;

    NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(String dedupKey) {
        return jdbc.sql("select count(*) from notification where dedup_key = ?").param(dedupKey).query(Integer.class).single() > 0;
    }

    /** Runs in the caller's transaction: the row commits or rolls back with the step that wrote it. */
    void insert(MailRequest mail, String recipient, MailTemplates.Rendered body, NotificationStatus status, LocalDateTime now) {
        jdbc.sql("""
                        insert into notification (dedup_key, event_type, recipient, subject, body_text, body_html, status,
                            attempts, next_attempt_at, directive_id, assignment_id, task_id, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)""")
                .params(mail.dedupKey, mail.event.name(), recipient, mail.subject, body.text(), body.html(), status.name(),
                        now, mail.directiveId, mail.assignmentId, mail.taskId, now)
                .update();
    }

    /** The latest rows, newest first, optionally of one status. */
    List<Notification> latest(NotificationStatus status, int limit) {
        String where = status == null ? "" : "where status = :status ";
        var spec = jdbc.sql("select " + VIEW_COLUMNS + " from notification " + where + "order by id desc fetch first :limit rows only")
                .param("limit", limit);
        if (status != null) {
            spec = spec.param("status", status.name());
        }
        return spec.query(NotificationRepository::view).list();
    }

    Optional<Notification> find(long id) {
        return jdbc.sql("select " + VIEW_COLUMNS + " from notification where id = ?").param(id)
                .query(NotificationRepository::view).optional();
    }

    /**
     * Makes a row due now: FAILED, KEPT and SENT rows start again with a full set of attempts; a
     * PENDING row waiting for its backoff keeps its count. A row a dispatcher holds right now is left
     * alone (it is being sent), as is a row without an address.
     *
     * @return whether the row was changed
     */
    boolean makeDue(long id, LocalDateTime now) {
        return jdbc.sql("""
                        update notification
                        set attempts = case when status = 'PENDING' then attempts else 0 end,
                            status = 'PENDING', next_attempt_at = ?, last_error = null, sent_at = null,
                            claimed_by = null, claim_until = null
                        where id = ? and status in ('PENDING', 'FAILED', 'KEPT', 'SENT')
                          and (claim_until is null or claim_until < ?)""")
                .params(now, id, now)
                .update() == 1;
    }

    /** All FAILED rows due now, with a full set of attempts (after an SMTP outage has been fixed). */
    int makeFailedDue(LocalDateTime now) {
        return jdbc.sql("""
                        update notification set status = 'PENDING', attempts = 0, next_attempt_at = ?, last_error = null
                        where status = 'FAILED'""")
                .param(now)
                .update();
    }

    long count(NotificationStatus status) {
        return jdbc.sql("select count(*) from notification where status = ?").param(status.name()).query(Long.class).single();
    }

    private static Notification view(ResultSet rs, int row) throws SQLException {
        return new Notification(
                rs.getLong("id"), rs.getString("event_type"), rs.getString("recipient"), rs.getString("subject"),
                rs.getString("body_text"), NotificationStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                rs.getString("last_error"), rs.getObject("next_attempt_at", LocalDateTime.class),
                rs.getObject("directive_id", Long.class), rs.getObject("assignment_id", Long.class),
                rs.getString("task_id"), rs.getObject("created_at", LocalDateTime.class),
                rs.getObject("sent_at", LocalDateTime.class));
    }
}
