package vn.directivetracker.bench;

import org.springframework.jdbc.core.simple.JdbcClient;
import vn.directivetracker.assignment.AssignmentTally;

/**
 * Bulk-inserted history for figure e, in plain SQL into our own tables (no engine, no process
 * instances): issued directives (number series {@code BENCH}) spread over the last two years, one
 * item each due 30 days after issue, one assignment per registry agency (at most 170), and a
 * realistic mix — 40 % done on time, 15 % done late, 25 % in progress after a deadline extension
 * (with its {@code deadline_change} row), 20 % overdue.
 */
public final class BulkAssignments {

    private final JdbcClient jdbc;

    public BulkAssignments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts at least {@code assignments} assignments (whole directives); answers how many. */
    public long insert(int assignments) {
        int perDirective = Math.min(BenchSizes.LETTER_ASSIGNMENTS,
                jdbc.sql("select count(*) from agency where active").query(Integer.class).single());
        int directives = (assignments + perDirective - 1) / perDirective;
        jdbc.sql("""
                insert into directive (doc_type, field_code, number_series, number_year, number_seq, doc_number, subject,
                                       place, urgency, issue_date, status, drafted_by, created_at)
                select 'CONG_VAN', 'KGVX', 'BENCH', 2000 + g / 100000, g % 100000, g || '/UBND-KGVX',
                       '[BENCH] Văn bản nạp sẵn số ' || g, 'Gia Lai', 'NORMAL', day, 'ISSUED', 'dieuphoi', day + time '08:00'
                from generate_series(1, :directives) g
                cross join lateral (select (current_date - (40 + (g * 37) % 700))::date as day) d
                """).param("directives", directives).update();
        jdbc.sql("""
                insert into directive_item (directive_id, position, label, content, deadline, ongoing)
                select id, 1, '1', 'Nhiệm vụ nạp sẵn để đo thống kê', issue_date + 30, false
                from directive where number_series = 'BENCH'
                """).update();
        long inserted = jdbc.sql("""
                insert into assignment (directive_id, item_id, agency_code, role, deadline, phase,
                                        acknowledged_at, result_submitted_at, completed_at, created_at)
                select i.directive_id, i.id, ag.code, 'LEAD',
                       case when h between 11 and 15 then current_date + 10 + h else i.deadline end,
                       case when h <= 10 then 'COMPLETED' when h <= 17 then 'IN_PROGRESS' else 'RECEIVED' end,
                       case when h <= 17 then d.created_at + interval '1 day' end,
                       case when h <= 7 then d.created_at + interval '20 days' when h <= 10 then (i.deadline + 5) + time '09:00' end,
                       case when h <= 7 then d.created_at + interval '20 days' when h <= 10 then (i.deadline + 5) + time '09:00' end,
                       d.created_at
                from directive d
                join directive_item i on i.directive_id = d.id
                cross join (select code, row_number() over (order by code) as rn from agency where active) ag
                cross join lateral (select ((i.id * 31 + ag.rn * 17) % 20)::int as h) mix
                where d.number_series = 'BENCH' and ag.rn <= :perDirective
                """).param("perDirective", perDirective).update();
        jdbc.sql("""
                insert into deadline_change (assignment_id, previous_deadline, new_deadline, changed_at)
                select a.id, i.deadline, a.deadline, a.created_at + interval '25 days'
                from assignment a join directive_item i on i.id = a.item_id join directive d on d.id = a.directive_id
                where d.number_series = 'BENCH' and a.deadline <> i.deadline
                """).update();
        // Plain SQL around AssignmentRepository: the tally (ADR 20) is recounted from the rows, as at
        // start-up when it disagrees with the table; without it today's statistics would miss these rows.
        new AssignmentTally(jdbc).rebuild();
        // As after any bulk load: with ANALYZE alone, autovacuum's insert-triggered VACUUM of the
        // million new rows came by a minute later — in the 2026-12-02 17:35 run inside e's timed requests.
        jdbc.sql("vacuum analyze").update();
        return inserted;
    }
}
