package vn.directivetracker.directive;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.directivetracker.common.ReadsOfThisTransaction;

@Repository
public class DirectiveRepository {

    private final JdbcClient jdbc;

    /**
     * This repository's kind of {@link ReadsOfThisTransaction}: a directive and an item heading are
     * read once per transaction (a fan-out chunk asked for the same directive ~3 times per child);
     * every write method below forgets them first.
     */
    private static final String READS = "directive";

    public DirectiveRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insertDraft(DirectiveRequest request, String place, String draftedBy, LocalDateTime now) {
        ReadsOfThisTransaction.forget(READS);
        var keys = new GeneratedKeyHolder();
        Map<String, Object> p = documentParams(request, place);
        p.put("status", DirectiveStatus.IN_REVIEW.name());
        p.put("draftedBy", draftedBy);
        p.put("createdAt", now);
        p.put("periodEnd", request.periodEnd());
        jdbc.sql("""
                        insert into directive (doc_type, field_code, subject, legal_basis, place, urgency,
                            signer_authority, signer_title, signer_name, closing_text, copy_to, archive_codes,
                            status, drafted_by, created_at, period_end)
                        values (:type, :fieldCode, :subject, :legalBasis, :place, :urgency, :authority, :title,
                            :name, :closingText, :copyTo, :archiveCodes, :status, :draftedBy, :createdAt, :periodEnd)""")
                .params(p)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        insertContent(id, request);
        return id;
    }

    /** The document's own columns, named as in the insert and the revision. */
    private static Map<String, Object> documentParams(DirectiveRequest request, String place) {
        Map<String, Object> p = new HashMap<>();
        p.put("type", request.type().name());
        p.put("fieldCode", request.fieldCode());
        p.put("subject", request.subject());
        p.put("legalBasis", request.legalBasis());
        p.put("place", place);
        p.put("urgency", (request.urgency() == null ? Urgency.NORMAL : request.urgency()).name());
        p.put("authority", request.signer().authority());
        p.put("title", request.signer().title());
        p.put("name", request.signer().name());
        p.put("closingText", request.closingText());
        p.put("copyTo", String.join("\n", request.copyToOrEmpty()));
        p.put("archiveCodes", request.archiveCodes());
        p.put("periodEnd", request.periodEnd());
        return p;
    }

    /** Recipients and items of a draft, in the order written. */
    private void insertContent(long id, DirectiveRequest request) {
        List<String> recipients = request.recipients();
        for (int i = 0; i < recipients.size(); i++) {
            jdbc.sql("insert into directive_recipient (directive_id, position, recipient_code) values (?, ?, ?)")
                    .params(id, i + 1, recipients.get(i))
                    .update();
        }
        for (int i = 0; i < request.items().size(); i++) {
            insertItem(id, i + 1, request.items().get(i));
        }
    }

    /**
     * Replaces a returned draft's content with its revision. Only before issuing: no assignment
     * refers to the items yet, so they are replaced, not patched.
     */
    public void replaceDraft(long id, DirectiveRequest request, String place) {
        ReadsOfThisTransaction.forget(READS);
        Map<String, Object> p = documentParams(request, place);
        p.put("id", id);
        jdbc.sql("""
                        update directive set doc_type = :type, field_code = :fieldCode, subject = :subject,
                            legal_basis = :legalBasis, place = :place, urgency = :urgency, signer_authority = :authority,
                            signer_title = :title, signer_name = :name, closing_text = :closingText, copy_to = :copyTo,
                            archive_codes = :archiveCodes, period_end = :periodEnd
                        where id = :id""")
                .params(p)
                .update();
        jdbc.sql("delete from directive_item_responsible where item_id in (select id from directive_item where directive_id = ?)")
                .param(id).update();
        jdbc.sql("delete from directive_item where directive_id = ?").param(id).update();
        jdbc.sql("delete from directive_recipient where directive_id = ?").param(id).update();
        insertContent(id, request);
    }

    private void insertItem(long directiveId, int position, DirectiveRequest.Item item) {
        var keys = new GeneratedKeyHolder();
        Map<String, Object> p = new HashMap<>();
        p.put("directiveId", directiveId);
        p.put("position", position);
        p.put("label", item.label());
        p.put("content", item.content());
        p.put("deadline", item.deadline());
        p.put("workingDays", item.deadlineWorkingDays());
        p.put("ongoing", item.ongoing());
        p.put("schedule", item.reportSchedule() == null ? null : item.reportSchedule().name());
        jdbc.sql("""
                        insert into directive_item (directive_id, position, label, content, deadline,
                            deadline_working_days, ongoing, report_schedule)
                        values (:directiveId, :position, :label, :content, :deadline, :workingDays, :ongoing, :schedule)""")
                .params(p)
                .update(keys, "id");
        long itemId = keys.getKey().longValue();
        Map<String, ResponsibleRole> roles = new LinkedHashMap<>();
        item.leadAgencies().forEach(code -> roles.put(code, ResponsibleRole.LEAD));
        item.coordinating().forEach(code -> roles.putIfAbsent(code, ResponsibleRole.COORDINATING));
        roles.forEach((code, role) -> jdbc.sql(
                        "insert into directive_item_responsible (item_id, responsible_code, role) values (?, ?, ?)")
                .params(itemId, code, role.name())
                .update());
    }

    public Optional<Directive> find(long id) {
        return ReadsOfThisTransaction.get(READS, "directive:" + id,
                () -> jdbc.sql("select * from directive where id = ?").param(id).query(this::mapDirective).optional());
    }

    public List<String> recipients(long directiveId) {
        return jdbc.sql("select recipient_code from directive_recipient where directive_id = ? order by position")
                .param(directiveId)
                .query(String.class)
                .list();
    }

    /** One item's label and text (ADR 25: a reminder's email needs no more, and no other item). */
    public DirectiveItem.Heading itemHeading(long itemId) {
        return ReadsOfThisTransaction.get(READS, "item:" + itemId, () -> jdbc.sql("select label, content from directive_item where id = ?")
                .param(itemId)
                .query((rs, row) -> new DirectiveItem.Heading(rs.getString(1), rs.getString(2)))
                .single());
    }

    public List<DirectiveItem> items(long directiveId) {
        Map<Long, List<DirectiveItem.Responsible>> responsible = new HashMap<>();
        jdbc.sql("""
                        select r.item_id, r.responsible_code, r.role from directive_item_responsible r
                        join directive_item i on i.id = r.item_id where i.directive_id = ?
                        order by r.item_id, r.role desc, r.responsible_code""")
                .param(directiveId)
                .query(rs -> {
                    responsible.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new DirectiveItem.Responsible(rs.getString(2), ResponsibleRole.valueOf(rs.getString(3))));
                });
        return jdbc.sql("select * from directive_item where directive_id = ? order by position")
                .param(directiveId)
                .query((rs, row) -> new DirectiveItem(
                        rs.getLong("id"),
                        rs.getLong("directive_id"),
                        rs.getInt("position"),
                        rs.getString("label"),
                        rs.getString("content"),
                        rs.getObject("deadline", LocalDate.class),
                        (Integer) rs.getObject("deadline_working_days"),
                        rs.getBoolean("ongoing"),
                        rs.getString("report_schedule") == null ? null : ReportSchedule.valueOf(rs.getString("report_schedule")),
                        responsible.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }

    public void updateStatus(long id, DirectiveStatus status) {
        ReadsOfThisTransaction.forget(READS);
        jdbc.sql("update directive set status = ? where id = ?").params(status.name(), id).update();
    }

    public void setIssuanceProcess(long id, String processInstanceId) {
        ReadsOfThisTransaction.forget(READS);
        jdbc.sql("update directive set issuance_process_instance_id = ? where id = ?").params(processInstanceId, id).update();
    }

    /** The directive whose issuance or execution a process instance is. */
    public java.util.Optional<Long> idOfProcessInstance(String processInstanceId) {
        return jdbc.sql("select id from directive where issuance_process_instance_id = ? or execution_process_instance_id = ?")
                .params(processInstanceId, processInstanceId).query(Long.class).optional();
    }

    public void setExecutionProcess(long id, String processInstanceId) {
        ReadsOfThisTransaction.forget(READS);
        jdbc.sql("update directive set execution_process_instance_id = ? where id = ?").params(processInstanceId, id).update();
    }

    public void markIssued(long id, String series, int year, int sequence, String number, LocalDate issueDate) {
        ReadsOfThisTransaction.forget(READS);
        jdbc.sql("""
                        update directive set number_series = ?, number_year = ?, number_seq = ?, doc_number = ?,
                               issue_date = ?, status = ?
                        where id = ?""")
                .params(series, year, sequence, number, issueDate, DirectiveStatus.ISSUED.name(), id)
                .update();
    }

    public void markRevoked(long id, String reason, LocalDateTime at) {
        ReadsOfThisTransaction.forget(READS);
        jdbc.sql("update directive set status = ?, revoked_at = ?, revocation_reason = ? where id = ?")
                .params(DirectiveStatus.REVOKED.name(), at, reason, id)
                .update();
    }

    public void updateItemDeadline(long itemId, LocalDate deadline, Integer workingDays) {
        ReadsOfThisTransaction.forget(READS);
        jdbc.sql("update directive_item set deadline = ?, deadline_working_days = ? where id = ?")
                .params(deadline, workingDays, itemId)
                .update();
    }

    public void addResponsible(long itemId, String code, ResponsibleRole role) {
        ReadsOfThisTransaction.forget(READS);
        jdbc.sql("delete from directive_item_responsible where item_id = ? and responsible_code = ?").params(itemId, code).update();
        jdbc.sql("insert into directive_item_responsible (item_id, responsible_code, role) values (?, ?, ?)")
                .params(itemId, code, role.name())
                .update();
    }

    public void removeResponsible(long itemId, String code) {
        ReadsOfThisTransaction.forget(READS);
        jdbc.sql("delete from directive_item_responsible where item_id = ? and responsible_code = ?").params(itemId, code).update();
    }

    public long count() {
        return jdbc.sql("select count(*) from directive").query(Long.class).single();
    }

    /** Writes one entry of the directive's history; {@link DirectiveEventType} is the only vocabulary. */
    public void recordEvent(long directiveId, Long assignmentId, DirectiveEventType type, String actor, String comment,
            LocalDateTime at) {
        jdbc.sql("""
                        insert into directive_event (directive_id, assignment_id, event_type, actor, comment_text, occurred_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(directiveId, assignmentId, type.code(), actor, comment, at)
                .update();
    }

    public List<DirectiveEvent> events(long directiveId) {
        return jdbc.sql("""
                        select assignment_id, event_type, actor, comment_text, occurred_at from directive_event
                        where directive_id = ? order by occurred_at, id""")
                .param(directiveId)
                .query((rs, row) -> new DirectiveEvent(
                        (Long) rs.getObject("assignment_id", Long.class),
                        DirectiveEventType.ofCode(rs.getString("event_type")).code(),
                        rs.getString("actor"),
                        rs.getString("comment_text"),
                        rs.getObject("occurred_at", LocalDateTime.class)))
                .list();
    }

    private Directive mapDirective(ResultSet rs, int row) throws SQLException {
        String copyTo = rs.getString("copy_to");
        return new Directive(
                rs.getLong("id"),
                DocumentType.valueOf(rs.getString("doc_type")),
                rs.getString("field_code"),
                rs.getString("doc_number"),
                rs.getString("subject"),
                rs.getString("legal_basis"),
                rs.getString("place"),
                Urgency.valueOf(rs.getString("urgency")),
                rs.getString("signer_authority"),
                rs.getString("signer_title"),
                rs.getString("signer_name"),
                rs.getString("closing_text"),
                copyTo == null || copyTo.isEmpty() ? List.of() : Arrays.asList(copyTo.split("\n")),
                rs.getString("archive_codes"),
                rs.getObject("issue_date", LocalDate.class),
                DirectiveStatus.valueOf(rs.getString("status")),
                rs.getString("drafted_by"),
                rs.getObject("created_at", LocalDateTime.class),
                rs.getString("issuance_process_instance_id"),
                rs.getString("execution_process_instance_id"),
                rs.getObject("period_end", LocalDate.class),
                rs.getObject("revoked_at", LocalDateTime.class),
                rs.getString("revocation_reason"));
    }
}
