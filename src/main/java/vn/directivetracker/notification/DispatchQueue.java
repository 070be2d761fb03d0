package vn.directivetracker.notification;

import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dispatcher's side of the outbox. Safe with several application nodes on one database:
 * <ul>
 *   <li>{@link #claim} picks due rows with {@code FOR UPDATE SKIP LOCKED} (PostgreSQL and H2 2.x), so
 *       concurrent dispatchers take disjoint rows without waiting for each other, and stamps them with
 *       the round's token and a lease — the update repeats the lease condition, so even a row that slipped
 *       past the lock is claimed by one round only, and the round reads back only rows still pending;</li>
 *   <li>every later write names the token: a round whose lease ran out and whose row was taken over
 *       changes nothing ({@link #renew} tells it not to send).</li>
 * </ul>
 * Not a Spring bean of its own: a second node in a test builds one on its own connection pool.
 */
class DispatchQueue {

    private static final int MAX_ERROR = 2000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    DispatchQueue(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** Claims up to {@code limit} due rows for the round {@code token}; returns them, oldest due first. */
    List<OutboxRow> claim(String token, LocalDateTime now, LocalDateTime leaseUntil, int limit) {
        return claim(token, now, now, leaseUntil, limit);
    }

    /**
     * As {@link #claim(String, LocalDateTime, LocalDateTime, int)}, but only rows due at or before
     * {@code dueBy}: a dispatcher yielding to a busy engine (ADR 31) takes only what has waited long.
     */
    List<OutboxRow> claim(String token, LocalDateTime dueBy, LocalDateTime now, LocalDateTime leaseUntil, int limit) {
        List<Long> claimed = transaction.execute(status -> {
            List<Long> due = jdbc.sql("""
                            select id from notification
                            where status = 'PENDING' and next_attempt_at <= ? and (claim_until is null or claim_until < ?)
                            order by next_attempt_at, id
                            fetch first ? rows only
                            for update skip locked""")
                    .params(dueBy, now, limit)
                    .query(Long.class)
                    .list();
            if (!due.isEmpty()) {
                // By primary key only (ADR 38): with a "status = 'PENDING'" here or in the read below,
                // PostgreSQL, whose statistics still counted a handful of pending rows while a morning's
                // reminders were being written, walked every pending row to find the 50 of this round.
                // The rows are locked by the select above; the status is checked again on reading.
                jdbc.sql("""
                                update notification set claimed_by = :token, claim_until = :leaseUntil
                                where id in (:ids) and (claim_until is null or claim_until < :now)""")
                        .param("token", token)
                        .param("leaseUntil", leaseUntil)
                        .param("ids", due)
                        .param("now", now)
                        .update();
            }
            return due;
        });
        if (claimed == null || claimed.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select id, dedup_key, event_type, recipient, subject, body_text, body_html, attempts, mail_model, status
                        from notification where id in (:ids) and claimed_by = :token order by next_attempt_at, id""")
                .param("ids", claimed)
                .param("token", token)
                .query((rs, row) -> new ClaimedRow(rs.getString(10), new OutboxRow(rs.getLong(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8),
                        rs.getString(9))))
                .list().stream()
                .filter(ClaimedRow::pending)
                .map(ClaimedRow::row)
                .toList();
    }

    private record ClaimedRow(String status, OutboxRow row) {
        boolean pending() {
            return NotificationStatus.PENDING.name().equals(status);
        }
    }

    /**
     * Extends the claim right before the row is sent. False if the row is no longer this round's
     * (its lease ran out and another node took it, or a coordinator changed it): then it must not be sent.
     */
    boolean renew(long id, String token, LocalDateTime leaseUntil) {
        return jdbc.sql("update notification set claim_until = ? where id = ? and claimed_by = ? and status = 'PENDING'")
                .params(leaseUntil, id, token)
                .update() == 1;
    }

    /**
     * @param row as sent; its bodies are stored when this round rendered them (ADR 21), so the outbox
     *            view shows what went out
     * @return false if the claim was lost meanwhile (the row may then be sent twice: logged by the caller)
     */
    boolean markSent(OutboxRow row, boolean rendered, String token, LocalDateTime now) {
        return finish(row, rendered, token, NotificationStatus.SENT, now);
    }

    /** No SMTP server configured: the row stays readable (bodies stored as for a sent row), nothing is sent. */
    boolean markKept(OutboxRow row, boolean rendered, String token) {
        return finish(row, rendered, token, NotificationStatus.KEPT, null);
    }

    /** A failed attempt: try again at {@code nextAttemptAt}. */
    void retryLater(long id, String token, int attempts, String error, LocalDateTime nextAttemptAt) {
        jdbc.sql("""
                        update notification set attempts = ?, last_error = ?, next_attempt_at = ?, claimed_by = null, claim_until = null
                        where id = ? and claimed_by = ?""")
                .params(attempts, truncate(error), nextAttemptAt, id, token)
                .update();
    }

    /** The last allowed attempt failed: FAILED, visible and resendable. */
    void markFailed(long id, String token, int attempts, String error) {
        jdbc.sql("""
                        update notification set status = 'FAILED', attempts = ?, last_error = ?, claimed_by = null, claim_until = null
                        where id = ? and claimed_by = ?""")
                .params(attempts, truncate(error), id, token)
                .update();
    }

    /** Gives rows back untouched (not attempted in this round), due as they were. */
    void release(List<Long> ids, String token) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("update notification set claimed_by = null, claim_until = null where id in (:ids) and claimed_by = :token")
                .param("ids", ids)
                .param("token", token)
                .update();
    }

    private boolean finish(OutboxRow row, boolean rendered, String token, NotificationStatus status, LocalDateTime sentAt) {
        if (rendered) {
            return jdbc.sql("""
                            update notification set status = ?, sent_at = ?, last_error = null, claimed_by = null, claim_until = null,
                                body_text = ?, body_html = ?
                            where id = ? and claimed_by = ?""")
                    .params(status.name(), sentAt, row.text(), row.html(), row.id(), token)
                    .update() == 1;
        }
        return jdbc.sql("""
                        update notification set status = ?, sent_at = ?, last_error = null, claimed_by = null, claim_until = null
                        where id = ? and claimed_by = ?""")
                .params(status.name(), sentAt, row.id(), token)
                .update() == 1;
    }

    private static String truncate(String error) {
        return error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
    }
}
