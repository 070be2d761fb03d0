package vn.directivetracker.workspace;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.directivetracker.directive.DirectiveStatus;

/**
 * The page of directives the list shows, counted and cut in SQL (a province keeps thousands of
 * directives over the years). An agency user sees only directives that give one of their agencies
 * work, and their figures count only those agencies' rows.
 */
@Component
class DirectiveList {

    static final int PAGE_SIZE = 20;

    /** {@code any}: some filter is set (the page offers to clear them). */
    record Filter(String text, DirectiveStatus status, Integer year, String agency, int page, boolean any) {

        Filter(String text, DirectiveStatus status, Integer year, String agency, int page) {
            this(text, status, year, agency, page,
                    (text != null && !text.isBlank()) || status != null || year != null || agency != null);
        }
    }

    /** {@code percent}: completed ÷ live assignments (cancelled ones are not live). */
    record Row(long id, String number, LocalDate date, String subject, DirectiveStatus status, String statusLabel,
            int live, int completed, int overdue, int percent) {

        Row(long id, String number, LocalDate date, String subject, DirectiveStatus status, String statusLabel,
                int live, int completed, int overdue) {
            this(id, number, date, subject, status, statusLabel, live, completed, overdue,
                    live == 0 ? 0 : Math.round(completed * 100f / live));
        }
    }

    record Page(List<Row> rows, long total, int page, int pages) {}

    private final JdbcClient jdbc;

    DirectiveList(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param agencies null when the user sees every agency */
    Page find(Filter filter, Set<String> agencies, LocalDate today) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, agencies, params);
        long total = jdbc.sql("select count(*) from directive d where " + where).params(params).query(Long.class).single();
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(Math.max(1, filter.page()), pages);
        params.put("today", today);
        params.put("limit", PAGE_SIZE);
        params.put("offset", (page - 1) * PAGE_SIZE);
        String ownRows = agencies == null ? "" : " and a.agency_code in (:agencies)";
        List<Row> rows = jdbc.sql("""
                        select d.id, d.doc_number, coalesce(d.issue_date, cast(d.created_at as date)) as doc_date,
                            d.subject, d.status,
                            sum(case when a.id is not null and a.cancelled_at is null then 1 else 0 end) as live,
                            sum(case when a.cancelled_at is null and a.completed_at is not null then 1 else 0 end) as completed,
                            sum(case when a.cancelled_at is null and a.completed_at is null and a.deadline < :today
                                then 1 else 0 end) as overdue
                        from directive d left join assignment a on a.directive_id = d.id"""
                        + ownRows + " where " + where
                        + " group by d.id, d.doc_number, d.issue_date, d.created_at, d.subject, d.status"
                        + " order by doc_date desc, d.id desc limit :limit offset :offset")
                .params(params)
                .query((rs, n) -> {
                    DirectiveStatus status = DirectiveStatus.valueOf(rs.getString("status"));
                    return new Row(rs.getLong("id"), rs.getString("doc_number"), rs.getObject("doc_date", LocalDate.class),
                            rs.getString("subject"), status, StatusLabels.DIRECTIVE.get(status),
                            rs.getInt("live"), rs.getInt("completed"), rs.getInt("overdue"));
                })
                .list();
        return new Page(rows, total, page, pages);
    }

    /** Years that have directives, newest first, for the year filter. */
    List<Integer> years() {
        return jdbc.sql("""
                        select distinct extract(year from coalesce(d.issue_date, cast(d.created_at as date))) as y
                        from directive d order by y desc""")
                .query((rs, n) -> rs.getInt(1))
                .list();
    }

    private static String where(Filter filter, Set<String> agencies, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        conditions.add("1 = 1");
        if (agencies != null) {
            params.put("agencies", agencies);
            conditions.add("exists (select 1 from assignment o where o.directive_id = d.id and o.agency_code in (:agencies))");
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            params.put("text", "%" + escapeLike(filter.text().strip().toLowerCase(java.util.Locale.ROOT)) + "%");
            conditions.add("(lower(d.subject) like :text escape '\\' or lower(coalesce(d.doc_number, '')) like :text escape '\\')");
        }
        if (filter.status() != null) {
            params.put("status", filter.status().name());
            conditions.add("d.status = :status");
        }
        if (filter.year() != null) {
            params.put("from", LocalDate.of(filter.year(), 1, 1));
            params.put("to", LocalDate.of(filter.year() + 1, 1, 1));
            conditions.add("coalesce(d.issue_date, cast(d.created_at as date)) >= :from"
                    + " and coalesce(d.issue_date, cast(d.created_at as date)) < :to");
        }
        if (filter.agency() != null && !filter.agency().isBlank()) {
            params.put("agency", filter.agency());
            conditions.add("exists (select 1 from assignment f where f.directive_id = d.id and f.agency_code = :agency)");
        }
        return String.join(" and ", conditions);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
