package vn.directivetracker.notification;

import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class NotificationRepository {

    private final JdbcClient jdbc;

    NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(String dedupKey) {
        return jdbc.sql("select count(*) from notification where dedup_key = ?").param(dedupKey).query(Integer.class).single() > 0;
    }

    void insert(String dedupKey, OutgoingMail mail, NotificationStatus status, LocalDateTime now) {
        jdbc.sql("""
                        insert into notification (dedup_key, event_type, recipient, subject, body_text, body_html, status,
                            directive_id, assignment_id, created_at, sent_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(dedupKey, mail.eventType(), mail.recipientOrEmpty(), mail.subject(), mail.text(), mail.html(),
                        status.name(), mail.directiveId(), mail.assignmentId(), now,
                        status == NotificationStatus.SENT ? now : null)
                .update();
    }

    List<Notification> latest(int limit) {
        return jdbc.sql("""
                        select id, event_type, recipient, subject, body_text, status, directive_id, assignment_id,
                               created_at, sent_at
                        from notification order by id desc""")
                .query((rs, row) -> new Notification(
                        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        NotificationStatus.valueOf(rs.getString(6)),
                        rs.getObject(7, Long.class), rs.getObject(8, Long.class),
                        rs.getObject(9, LocalDateTime.class), rs.getObject(10, LocalDateTime.class)))
                .stream()
                .limit(limit)
                .toList();
    }
}
