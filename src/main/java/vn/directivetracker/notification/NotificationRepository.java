package vn.directivetracker.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox as the application writes and shows it; the dispatcher's side is {@link DispatchQueue}. */
@Repository
class NotificationRepository {

    private static final String VIEW_COLUMNS = """
            id, event_type, recipient, subject, body_text, status, attempts, last_error, next_attempt_at,
            directive_id, assignment_id, task_id, created_at, sent_at, mail_model""";

    private static final Logger log = LoggerFactory.getLogger(NotificationRepository.class);

    private static final String INSERT_UNLESS_EXISTS = """
            insert into notification (dedup_key, event_type, recipient, subject, mail_model, status,
                attempts, next_attempt_at, directive_id, assignment_id, task_id, created_at)
            select cast(? as varchar), cast(? as varchar), cast(? as varchar),
                cast(? as varchar), cast(? as varchar), cast(? as varchar), 0,
                cast(? as timestamp), cast(? as bigint), cast(? as bigint), cast(? as varchar),
                cast(? as timestamp)
            where not exists (select 1 from notification where dedup_key = ?)""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final MailBodies bodies;

    NotificationRepository(JdbcClient jdbc, JdbcTemplate batches, MailBodies bodies) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.bodies = bodies;
    }

    /** A row {@link Outbox} has prepared: the request, its stripped address, its encoded model and status. */
    record NewRow(MailRequest mail, String recipient, String model, NotificationStatus status) {

        private Object[] parameters(LocalDateTime now) {
            return new Object[] {mail.dedupKey, mail.event.name(), recipient, mail.subject, model, status.name(),
                    now, mail.directiveId, mail.assignmentId, mail.taskId, now, mail.dedupKey};
        }
    }

    /**
     * Runs in the caller's transaction: the row commits or rolls back with the step that wrote it.
     * Writes nothing if a row with the same de-duplication key exists: one statement, where a check
     * and an insert were two for every email (issue 11, ADR 28). The casts give PostgreSQL the
     * parameters' types, which an INSERT … SELECT does not infer from the columns (unbounded, so that a
     * value too long for its column still fails as before instead of being cut).
     *
     * @return whether the row was written
     */
    boolean insertUnlessExists(NewRow row, LocalDateTime now) {
        return jdbc.sql(INSERT_UNLESS_EXISTS).params(row.parameters(now)).update() == 1;
    }

    /**
     * {@link #insertUnlessExists} for many rows as one JDBC batch: one round trip to the database
     * instead of one per row (a letter's "issued" notices, ~170 at once; ADR 30). Same transaction
     * rules; a concurrent duplicate still fails the whole batch on the unique key.
     *
     * @return per row, whether it was written
     */
    boolean[] insertAllUnlessExist(List<NewRow> rows, LocalDateTime now) {
        int[] counts = batches.batchUpdate(INSERT_UNLESS_EXISTS, rows.stream().map(r -> r.parameters(now)).toList());
        boolean[] written = new boolean[counts.length];
        for (int i = 0; i < counts.length; i++) {
            // A driver may answer SUCCESS_NO_INFO (-2) for a batched statement; it ran, and only a
            // unique-key violation (an exception) or the NOT EXISTS can keep a row out.
            written[i] = counts[i] == 1 || counts[i] == java.sql.Statement.SUCCESS_NO_INFO;
        }
        return written;
    }

    /** The latest rows, newest first, optionally of one status. */
    List<Notification> latest(NotificationStatus status, int limit) {
        String where = status == null ? "" : "where status = :status ";
        var spec = jdbc.sql("select " + VIEW_COLUMNS + " from notification " + where + "order by id desc fetch first :limit rows only")
                .param("limit", limit);
        if (status != null) {
            spec = spec.param("status", status.name());
        }
        return spec.query(this::view).list();
    }

    Optional<Notification> find(long id) {
        return jdbc.sql("select " + VIEW_COLUMNS + " from notification where id = ?").param(id)
                .query(this::view).optional();
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

    private Notification view(ResultSet rs, int row) throws SQLException {
        return new Notification(
                rs.getLong("id"), rs.getString("event_type"), rs.getString("recipient"), rs.getString("subject"),
                bodyText(rs), NotificationStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                rs.getString("last_error"), rs.getObject("next_attempt_at", LocalDateTime.class),
                rs.getObject("directive_id", Long.class), rs.getObject("assignment_id", Long.class),
                rs.getString("task_id"), rs.getObject("created_at", LocalDateTime.class),
                rs.getObject("sent_at", LocalDateTime.class));
    }

    /**
     * The text as sent, or — for a row not sent yet (ADR 21: rendered by the dispatcher) — as it will
     * be sent, rendered now from the stored model. A model that cannot be rendered is shown as such;
     * the dispatcher records the same failure on the row when it tries.
     */
    private String bodyText(ResultSet rs) throws SQLException {
        String text = rs.getString("body_text");
        if (text != null) {
            return text;
        }
        try {
            return bodies.render(rs.getString("event_type"), rs.getString("mail_model")).text();
        } catch (RuntimeException e) {
            log.warn("Outbox row {} cannot be rendered: {}", rs.getLong("id"), e.toString());
            return "(Không hiển thị được nội dung thư: " + e.getMessage() + ")";
        }
    }
}
