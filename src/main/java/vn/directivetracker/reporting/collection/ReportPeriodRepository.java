package vn.directivetracker.reporting.collection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.directivetracker.common.NotFoundException;
import vn.directivetracker.reporting.collection.ReportSubmission.SubmissionStatus;

@Repository
public class ReportPeriodRepository {

    private final JdbcClient jdbc;

    public ReportPeriodRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the period with a PENDING submission per agency, unless the directive already has this
     * period: the unique key decides, so two nodes or a retry can never open it twice.
     */
    public Optional<Long> insertIfAbsent(long directiveId, String code, String schedule, String label, LocalDate start,
            LocalDate cutOff, LocalDate deadline, LocalDate closesOn, String requestedBy, Collection<String> agencies,
            LocalDateTime now) {
        if (find(directiveId, code).isPresent()) {
            return Optional.empty();
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                            insert into report_period (directive_id, period_code, schedule, label, start_date, cut_off,
                                deadline, closes_on, status, requested_by, created_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(directiveId, code, schedule, label, start, cutOff, deadline, closesOn,
                            ReportPeriodStatus.COLLECTING.name(), requestedBy, now)
                    .update(key, "id");
        } catch (DuplicateKeyException openedMeanwhile) {
            return Optional.empty();
        }
        long id = key.getKey().longValue();
        for (String agency : agencies) {
            jdbc.sql("insert into report_submission (report_period_id, agency_code, status) values (?, ?, ?)")
                    .params(id, agency, SubmissionStatus.PENDING.name())
                    .update();
        }
        return Optional.of(id);
    }

    public Optional<ReportPeriod> find(long directiveId, String code) {
        return jdbc.sql("select * from report_period where directive_id = ? and period_code = ?")
                .params(directiveId, code).query(ReportPeriodRepository::map).optional();
    }

    public ReportPeriod get(long id) {
        return jdbc.sql("select * from report_period where id = ?").param(id).query(ReportPeriodRepository::map)
                .optional().orElseThrow(() -> new NotFoundException("Không có kỳ báo cáo " + id));
    }

    public List<ReportPeriod> ofDirective(long directiveId) {
        return jdbc.sql("select * from report_period where directive_id = ? order by cut_off, id")
                .param(directiveId).query(ReportPeriodRepository::map).list();
    }

    /** Reports the agency still owes (its submission is pending), for its calendar feed. */
    public List<ReportPeriod> owedBy(String agencyCode) {
        return jdbc.sql("""
                        select p.* from report_period p join report_submission s on s.report_period_id = p.id
                        where s.agency_code = ? and s.status = ? and p.status = ? order by p.deadline, p.id""")
                .params(agencyCode, SubmissionStatus.PENDING.name(), ReportPeriodStatus.COLLECTING.name())
                .query(ReportPeriodRepository::map).list();
    }

    /** Collections still running for directives that have been revoked since. */
    public List<ReportPeriod> runningOfRevokedDirectives() {
        return jdbc.sql("""
                        select p.* from report_period p join directive d on d.id = p.directive_id
                        where d.status = 'REVOKED' and p.status in (?, ?) order by p.id""")
                .params(ReportPeriodStatus.COLLECTING.name(), ReportPeriodStatus.CONSOLIDATING.name())
                .query(ReportPeriodRepository::map).list();
    }

    public void markWithdrawn(long id) {
        jdbc.sql("update report_period set status = ? where id = ?").params(ReportPeriodStatus.WITHDRAWN.name(), id).update();
    }

    public void setProcessInstance(long id, String processInstanceId) {
        jdbc.sql("update report_period set process_instance_id = ? where id = ?").params(processInstanceId, id).update();
    }

    public java.util.Optional<Long> idOfProcessInstance(String processInstanceId) {
        return jdbc.sql("select id from report_period where process_instance_id = ?")
                .param(processInstanceId).query(Long.class).optional();
    }

    public void markCollected(long id, LocalDateTime at) {
        jdbc.sql("update report_period set status = ?, collected_at = ? where id = ? and collected_at is null")
                .params(ReportPeriodStatus.CONSOLIDATING.name(), at, id).update();
        jdbc.sql("update report_submission set status = ? where report_period_id = ? and status = ?")
                .params(SubmissionStatus.MISSING.name(), id, SubmissionStatus.PENDING.name()).update();
    }

    public void markConsolidated(long id, String by, LocalDateTime at) {
        jdbc.sql("update report_period set status = ?, consolidated_at = ?, consolidated_by = ? where id = ?")
                .params(ReportPeriodStatus.CONSOLIDATED.name(), at, by, id).update();
    }

    public List<String> agencies(long periodId) {
        return jdbc.sql("select agency_code from report_submission where report_period_id = ? order by agency_code")
                .param(periodId).query(String.class).list();
    }

    public void submit(long periodId, String agency, String text, String figures, String preparedBy, String approvedBy,
            LocalDateTime at) {
        jdbc.sql("""
                        update report_submission set status = ?, report_text = ?, figures = ?, prepared_by = ?,
                            approved_by = ?, submitted_at = ?
                        where report_period_id = ? and agency_code = ? and status = ?""")
                .params(SubmissionStatus.SUBMITTED.name(), text, figures, preparedBy, approvedBy, at, periodId, agency,
                        SubmissionStatus.PENDING.name())
                .update();
    }

    /** Every agency's submission, in the order of the agency registry's kinds and codes. */
    public List<ReportSubmission> submissions(long periodId) {
        return jdbc.sql("""
                        select s.*, a.name as agency_name from report_submission s join agency a on a.code = s.agency_code
                        where s.report_period_id = ? order by a.kind, a.code""")
                .param(periodId)
                .query((rs, row) -> new ReportSubmission(rs.getLong("id"), rs.getLong("report_period_id"),
                        rs.getString("agency_code"), rs.getString("agency_name"),
                        SubmissionStatus.valueOf(rs.getString("status")), rs.getString("report_text"),
                        rs.getString("figures"), rs.getString("prepared_by"), rs.getString("approved_by"),
                        rs.getObject("submitted_at", LocalDateTime.class)))
                .list();
    }

    private static ReportPeriod map(ResultSet rs, int row) throws SQLException {
        return new ReportPeriod(rs.getLong("id"), rs.getLong("directive_id"), rs.getString("period_code"),
                rs.getString("schedule"), rs.getString("label"), rs.getObject("start_date", LocalDate.class),
                rs.getObject("cut_off", LocalDate.class), rs.getObject("deadline", LocalDate.class),
                rs.getObject("closes_on", LocalDate.class), ReportPeriodStatus.valueOf(rs.getString("status")),
                rs.getString("requested_by"), rs.getString("process_instance_id"),
                rs.getObject("created_at", LocalDateTime.class), rs.getObject("collected_at", LocalDateTime.class),
                rs.getObject("consolidated_at", LocalDateTime.class));
    }
}
