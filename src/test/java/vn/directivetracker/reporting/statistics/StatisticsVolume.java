package vn.directivetracker.reporting.statistics;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A province's years of assignments, bulk-inserted in PostgreSQL with {@code generate_series}
 * (straight into our tables, no processes): 170 agencies, directives of 2 items sent to 100 agencies
 * each, created over three years; about 85 % completed (5 % of them late), 5 % open, 3 % ongoing,
 * 2 % cancelled, 2 % with a deadline changed later, a few holidays. For the statistics benchmark.
 */
final class StatisticsVolume {

    private StatisticsVolume() {}

    static void insert(JdbcClient jdbc, int assignments) {
        int directives = Math.max(1, assignments / 200);
        agencies(jdbc);
        insertHistory(jdbc, directives);
        holidays(jdbc);
        jdbc.sql("analyze").update();
    }

    /** 170 agencies of the four kinds, codes AG001…AG170. */
    static void agencies(JdbcClient jdbc) {
        jdbc.sql("""
                insert into agency (code, kind, name, short_name)
                select 'AG' || lpad(g::text, 3, '0'),
                       (array['DEPARTMENT','PROVINCIAL_UNIT','WARD','COMMUNE'])[1 + g % 4],
                       'Đơn vị số ' || g, 'ĐV ' || g
                from generate_series(1, 170) g""").update();
    }

    private static void insertHistory(JdbcClient jdbc, int directives) {
        jdbc.sql("""
                insert into directive (doc_type, field_code, doc_number, subject, place, urgency, status, created_at)
                select 'CHI_THI', 'VP', g || '/CT-UBND', 'Văn bản số ' || g, 'Tỉnh', 'NORMAL', 'ISSUED',
                       timestamp '2024-01-02 08:00' + (g * 1000 / :n) * interval '1 day'
                from generate_series(1, :n) g""").param("n", directives).update();
        jdbc.sql("""
                insert into directive_item (directive_id, position, label, content, ongoing)
                select d.id, p, p::text, 'Nhiệm vụ ' || p, false from directive d, generate_series(1, 2) p""").update();
        jdbc.sql("""
                insert into assignment (directive_id, item_id, agency_code, role, deadline, phase,
                                        result_submitted_at, completed_at, cancelled_at, created_at)
                select directive_id, item_id, agency, 'LEAD',
                       case when r % 100 between 95 and 97 then null else created::date + 20 + r % 60 end,
                       case when r % 100 < 90 then 'COMPLETED' when r % 100 >= 98 then 'CANCELLED' else 'IN_PROGRESS' end,
                       case when r % 100 < 90 then created + (case when r % 100 < 5 then 85 else 15 + r % 5 end) * interval '1 day' end,
                       case when r % 100 < 90 then created + (case when r % 100 < 5 then 87 else 17 + r % 5 end) * interval '1 day' end,
                       case when r % 100 >= 98 then created + 10 * interval '1 day' end,
                       created
                from (select i.directive_id, i.id as item_id, d.created_at as created,
                             'AG' || lpad(((i.id * 37 + g) % 170 + 1)::text, 3, '0') as agency,
                             (((i.id * 100 + g) * 7919) % 10007)::int as r
                      from directive_item i join directive d on d.id = i.directive_id, generate_series(1, 100) g) x
                """).update();
        jdbc.sql("""
                insert into deadline_change (assignment_id, previous_deadline, new_deadline, changed_at)
                select id, deadline - 15, deadline, created_at + interval '10 days'
                from assignment where deadline is not null and id % 50 = 0""").update();
    }

    /** A few public holidays over the years of the data. */
    static void holidays(JdbcClient jdbc) {
        jdbc.sql("""
                insert into holiday (holiday_date, day_type, name)
                select d, 'OFF', 'Nghỉ' from (values (date '2024-09-02'), (date '2025-01-01'), (date '2025-09-01'),
                    (date '2025-09-02'), (date '2026-01-01'), (date '2026-04-27'), (date '2026-09-02')) v(d)""").update();
    }
}
