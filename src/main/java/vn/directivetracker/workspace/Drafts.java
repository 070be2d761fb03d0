package vn.directivetracker.workspace;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Saved drafts ("Lưu nháp"): the new-directive form as the coordinator left it, as JSON. A draft
 * belongs to its author only; it becomes a directive when submitted for review.
 */
@Repository
class Drafts {

    record Summary(long id, String subject, LocalDateTime updatedAt) {}

    private final JdbcClient jdbc;

    Drafts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Summary> of(String user) {
        return jdbc.sql("select id, subject, updated_at from workspace_draft where drafted_by = ? order by updated_at desc")
                .param(user)
                .query((rs, n) -> new Summary(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDateTime.class)))
                .list();
    }

    Optional<String> formOf(long id, String user) {
        return jdbc.sql("select form_json from workspace_draft where id = ? and drafted_by = ?")
                .params(id, user)
                .query(String.class)
                .optional();
    }

    /** Inserts a new draft ({@code id} null) or updates the user's own; returns its id. */
    long save(Long id, String user, String subject, String json, LocalDateTime now) {
        String title = subject == null || subject.isBlank() ? "(chưa có trích yếu)" : subject.strip();
        title = title.length() > 500 ? title.substring(0, 500) : title;
        if (id != null && jdbc.sql("update workspace_draft set subject = ?, form_json = ?, updated_at = ? where id = ? and drafted_by = ?")
                .params(title, json, now, id, user).update() == 1) {
            return id;
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into workspace_draft (drafted_by, subject, form_json, updated_at) values (?, ?, ?, ?)")
                .params(user, title, json, now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void delete(long id, String user) {
        jdbc.sql("delete from workspace_draft where id = ? and drafted_by = ?").params(id, user).update();
    }
}
