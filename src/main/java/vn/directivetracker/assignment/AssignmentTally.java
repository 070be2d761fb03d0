package vn.directivetracker.assignment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.directivetracker.common.MultiRowInsert;

/**
 * How many assignments stand in each date-free state, per agency and per directive
 * (docs/adr/0020-statistics-from-a-tally-issue-11.md), so that today's statistics and dashboard
 * need not read a million rows.
 *
 * <p>An assignment's state is its bucket with no reference date: cancelled, no deadline (ongoing),
 * completed on time or late (completion day = day of the accepted result's submission), or open
 * with its deadline. Whenever every counted timestamp lies before the end of the reference date and
 * no deadline changed after it, the bucket of a state at that date is fixed, or for open rows a
 * function of the deadline only: the tally then gives the same figures as the live {@code GROUP BY}.
 * {@link #latest()} is the guard.
 *
 * <p>Writes are append-only: {@link AssignmentRepository} inserts ±1 delta rows in the writer's own
 * transaction (no row is updated, so 100 letters fanning out at once never wait for or deadlock on a
 * hot counter). {@link #fold()} moves committed deltas into the per-agency and per-directive tables
 * (one folder at a time, under a row lock); readers add both up, so folding never changes a figure.
 */
@Repository
public class AssignmentTally {

    /** State codes; the fixed ones equal {@code AssignmentBuckets}' bucket codes. */
    public static final int DONE_ON_TIME = 0, DONE_LATE = 1, OPEN = 2, ONGOING = 4, CANCELLED = 5;

    /** The state of each assignment row {@code a}, in SQL (same rules as {@link #state}). */
    static final String STATE_SQL = """
            case when a.cancelled_at is not null then 5
                 when a.deadline is null then 4
                 when a.completed_at is not null
                   then case when cast(coalesce(a.result_submitted_at, a.completed_at) as date) > a.deadline then 1 else 0 end
                 else 2 end""";

    /** The latest timestamp the state depends on, in SQL (same rule as {@link Row#latest}). */
    static final String LATEST_SQL = """
            greatest(a.created_at, coalesce(a.cancelled_at, a.created_at), coalesce(a.completed_at, a.created_at),
                     case when a.completed_at is not null then coalesce(a.result_submitted_at, a.created_at) else a.created_at end)""";

    /** Every assignment's key, state and latest timestamp, from the live rows. */
    private static final String LIVE = """
            select s.agency_code, s.directive_id, s.state, case when s.state = 2 then s.deadline end as deadline, s.latest
            from (select a.agency_code, a.directive_id, a.deadline, %s as state, %s as latest from assignment a) s"""
            .formatted(STATE_SQL, LATEST_SQL);

    private final JdbcClient jdbc;
    private final DirectiveProgressTally progress;

    public AssignmentTally(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.progress = new DirectiveProgressTally(jdbc);
    }

    /** The columns of an assignment the tally depends on. */
    record Row(String agencyCode, long directiveId, LocalDate deadline, LocalDateTime createdAt,
            LocalDateTime cancelledAt, LocalDateTime completedAt, LocalDateTime resultSubmittedAt) {

        int state() {
            return AssignmentTally.state(deadline, cancelledAt, completedAt, resultSubmittedAt);
        }

        Key key() {
            int state = state();
            return new Key(agencyCode, directiveId, state, state == OPEN ? deadline : null);
        }

        LocalDateTime latest() {
            LocalDateTime latest = createdAt;
            for (LocalDateTime t : new LocalDateTime[] {cancelledAt, completedAt,
                    completedAt == null ? null : resultSubmittedAt}) {
                latest = t != null && t.isAfter(latest) ? t : latest;
            }
            return latest;
        }
    }

    /** What one tally row counts; {@code deadline} only for open assignments. */
    record Key(String agencyCode, long directiveId, int state, LocalDate deadline) {}

    /** The date-free state of an assignment, as {@link StatusBucket#of} would place it at any date after its last change. */
    static int state(LocalDate deadline, LocalDateTime cancelledAt, LocalDateTime completedAt, LocalDateTime submittedAt) {
        if (cancelledAt != null) {
            return CANCELLED;
        }
        if (deadline == null) {
            return ONGOING;
        }
        if (completedAt != null) {
            LocalDate done = (submittedAt != null ? submittedAt : completedAt).toLocalDate();
            return done.isAfter(deadline) ? DONE_LATE : DONE_ON_TIME;
        }
        return OPEN;
    }

    /** The tallied columns of the given assignments, by id. */
    Map<Long, Row> rows(Collection<Long> ids) {
        Map<Long, Row> rows = new HashMap<>();
        if (ids.isEmpty()) {
            return rows;
        }
        jdbc.sql("select id, agency_code, directive_id, deadline, created_at, cancelled_at, completed_at, result_submitted_at"
                        + " from assignment where id in (:ids)")
                .param("ids", new ArrayList<>(ids))
                .query(rs -> {
                    rows.put(rs.getLong(1), new Row(rs.getString(2), rs.getLong(3), rs.getObject(4, LocalDate.class),
                            rs.getObject(5, LocalDateTime.class), rs.getObject(6, LocalDateTime.class),
                            rs.getObject(7, LocalDateTime.class), rs.getObject(8, LocalDateTime.class)));
                });
        return rows;
    }

    /** New assignments: +1 under each one's key, summed per key (a letter's ~170 are one batch, ADR 30). */
    void added(Collection<Row> rows) {
        Map<Key, long[]> deltas = new LinkedHashMap<>();
        Map<Key, LocalDateTime> latest = new HashMap<>();
        for (Row row : rows) {
            deltas.computeIfAbsent(row.key(), k -> new long[1])[0]++;
            latest.merge(row.key(), row.latest(), AssignmentTally::max);
        }
        insertDeltas(deltas, latest);
    }

    /**
     * The same assignments before and after a write: minus one under each row's former key, plus one
     * under its new key, for the rows whose key or latest timestamp changed. Deltas of one key are
     * summed first (a directive's cancellation is a few rows, not one per assignment).
     */
    void changed(Map<Long, Row> before, Map<Long, Row> after) {
        Map<Key, long[]> deltas = new LinkedHashMap<>();
        Map<Key, LocalDateTime> latest = new HashMap<>();
        before.forEach((id, old) -> {
            Row now = after.get(id);
            if (now != null && old.key().equals(now.key()) && old.latest().equals(now.latest())) {
                return;
            }
            deltas.computeIfAbsent(old.key(), k -> new long[1])[0]--;
            latest.merge(old.key(), old.latest(), AssignmentTally::max);
            if (now != null) {
                deltas.computeIfAbsent(now.key(), k -> new long[1])[0]++;
                latest.merge(now.key(), now.latest(), AssignmentTally::max);
            }
        });
        insertDeltas(deltas, latest);
    }

    private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    /** One statement however many keys changed (up to {@link MultiRowInsert}'s limit). */
    private void insertDeltas(Map<Key, long[]> deltas, Map<Key, LocalDateTime> latest) {
        if (deltas.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(deltas.size());
        deltas.forEach((key, n) -> rows.add(new Object[] {key.agencyCode(), key.directiveId(), key.state(), key.deadline(),
                n[0], latest.get(key)}));
        MultiRowInsert.insert(jdbc, "insert into assignment_tally_delta (agency_code, directive_id, state, deadline, n, latest)",
                rows);
    }

    /**
     * The latest timestamp any tallied state depends on (null when nothing is tallied): the tally
     * answers for a reference date only if this is before the end of that day. Never decreases but
     * by a {@link #rebuild()}: folds keep it on the lock row.
     */
    public LocalDateTime latest() {
        return jdbc.sql("select max(latest) from (select latest from assignment_tally_lock where id = 1"
                        + " union all select max(latest) from assignment_tally_delta) t")
                .query((rs, i) -> rs.getObject(1, LocalDateTime.class)).optional().orElse(null);
    }

    /** The folded state of long-overdue open assignments (below). */
    public static final int OVERDUE_BEFORE_LATEST = 3;

    /** Per agency, state and (open) deadline: the folded counts and the deltas not folded yet, to be summed. */
    public static final String PER_AGENCY = """
            select agency_code, state, deadline, n from assignment_tally_agency
            union all select agency_code, state, deadline, n from assignment_tally_delta""";

    /** Per directive, state and (open) deadline: the folded counts and the deltas not folded yet, to be summed. */
    public static final String PER_DIRECTIVE = """
            select directive_id, state, deadline, n from assignment_tally_directive
            union all select directive_id, state, deadline, n from assignment_tally_delta""";

    /**
     * Per directive, to be summed and grouped by {@code directive_id}: assignments counted (a directive
     * counts if their sum is not 0), not cancelled, completed, and overdue at {@code :asOf} (a date not
     * before the day of {@link #latest()}, as the tally answers only then) — the folded totals
     * ({@link DirectiveProgressTally}), the open rows whose deadline passed since the last fold, and the
     * deltas not folded yet. About one row per directive (ADR 33).
     */
    public static final String DIRECTIVE_PROGRESS = """
            select directive_id, counted, total, completed, overdue from assignment_tally_directive_sum
            union all select directive_id, 0, 0, 0, n from assignment_tally_directive where state = 2 and deadline < :asOf
            union all select directive_id, n, case when state <> 5 then n else 0 end, case when state in (0, 1) then n else 0 end,
                             case when state = 3 or (state = 2 and deadline < :asOf) then n else 0 end
            from assignment_tally_delta""";

    /**
     * Folds committed deltas (at most {@code limit}, oldest first) into the per-agency and per-directive
     * tables; answers how many. Call in a transaction: the lock row keeps folders one at a time, and
     * only the deltas read are deleted, by id (a delta committed meanwhile stays for the next fold).
     *
     * <p>Open assignments whose deadline is before the day of {@link #latest()} are overdue at every
     * date the tally answers for (those dates are not before that day), so they are folded into one
     * row per agency and directive ({@link #OVERDUE_BEFORE_LATEST}) instead of one per deadline: the
     * tally stays a few rows per agency however many deadlines passed.
     */
    public int fold(int limit) {
        LocalDateTime before = jdbc.sql("select latest from assignment_tally_lock where id = 1 for update")
                .query((rs, i) -> rs.getObject(1, LocalDateTime.class)).list().get(0);
        List<Object[]> deltas = jdbc.sql("select id, agency_code, directive_id, state, deadline, n, latest"
                        + " from assignment_tally_delta order by id fetch first " + limit + " rows only")
                .query((rs, i) -> new Object[] {rs.getLong(1), new Key(rs.getString(2), rs.getLong(3), rs.getInt(4),
                        rs.getObject(5, LocalDate.class)), rs.getLong(6), rs.getObject(7, LocalDateTime.class)})
                .list();
        LocalDateTime latest = before;
        for (Object[] d : deltas) {
            latest = latest == null ? (LocalDateTime) d[3] : max(latest, (LocalDateTime) d[3]);
        }
        if (latest == null) {
            return 0;
        }
        LocalDate cut = latest.toLocalDate();
        Map<List<Object>, long[]> perAgency = new LinkedHashMap<>();
        Map<List<Object>, long[]> perDirective = new LinkedHashMap<>();
        Map<Long, long[]> directiveTotals = new LinkedHashMap<>();
        List<Long> ids = new ArrayList<>();
        for (Object[] d : deltas) {
            ids.add((Long) d[0]);
            Key key = (Key) d[1];
            boolean overdue = key.state() == OPEN && key.deadline().isBefore(cut);
            int state = overdue ? OVERDUE_BEFORE_LATEST : key.state();
            LocalDate deadline = overdue ? null : key.deadline();
            perAgency.computeIfAbsent(java.util.Arrays.asList(key.agencyCode(), state, deadline), k -> new long[1])[0] += (Long) d[2];
            perDirective.computeIfAbsent(java.util.Arrays.asList(key.directiveId(), state, deadline), k -> new long[1])[0] += (Long) d[2];
            DirectiveProgressTally.count(directiveTotals.computeIfAbsent(key.directiveId(), k -> new long[4]), state, (Long) d[2]);
        }
        collapse("assignment_tally_agency", "agency_code", cut, perAgency);
        // A collapsed open row was counted in its directive's totals already; it only becomes overdue.
        collapse("assignment_tally_directive", "directive_id", cut, perDirective).forEach((directive, n) ->
                directiveTotals.computeIfAbsent(((Number) directive).longValue(), k -> new long[4])[DirectiveProgressTally.OVERDUE] += n);
        perAgency.forEach((k, n) -> add("assignment_tally_agency", "agency_code", k, n[0]));
        perDirective.forEach((k, n) -> add("assignment_tally_directive", "directive_id", k, n[0]));
        progress.add(directiveTotals);
        int deleted = 0;
        for (int from = 0; from < ids.size(); from += 1000) {
            deleted += jdbc.sql("delete from assignment_tally_delta where id in (:ids)")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + 1000))).update();
        }
        if (deleted != ids.size()) {
            // A rebuild outside a transaction removed deltas this fold has added: undo the fold.
            throw new IllegalStateException("Assignment tally rebuilt during a fold; the fold is rolled back");
        }
        jdbc.sql("delete from assignment_tally_agency where n = 0").update();
        jdbc.sql("delete from assignment_tally_directive where n = 0").update();
        jdbc.sql("update assignment_tally_lock set latest = ? where id = 1").param(latest).update();
        return deltas.size();
    }

    /**
     * Moves the folded open rows with a deadline before {@code cut} into {@code counts} as overdue (see
     * {@link #fold}); answers how many moved, per key.
     */
    private Map<Object, Long> collapse(String table, String keyColumn, LocalDate cut, Map<List<Object>, long[]> counts) {
        Map<Object, Long> passed = new LinkedHashMap<>();
        jdbc.sql("select " + keyColumn + ", sum(n) from " + table + " where state = 2 and deadline < ? group by " + keyColumn)
                .param(cut).query(rs -> {
                    Object key = rs.getObject(1) instanceof Number number && keyColumn.equals("directive_id")
                            ? (Object) number.longValue() : rs.getObject(1);
                    passed.put(key, rs.getLong(2));
                });
        if (passed.isEmpty()) {
            return passed;
        }
        jdbc.sql("delete from " + table + " where state = 2 and deadline < ?").param(cut).update();
        passed.forEach((key, n) ->
                counts.computeIfAbsent(java.util.Arrays.asList(key, OVERDUE_BEFORE_LATEST, null), k -> new long[1])[0] += n);
        return passed;
    }

    /** Adds {@code n} to the row of {@code key}, creating it; only the folder (under the lock) writes these tables. */
    private void add(String table, String keyColumn, List<Object> key, long n) {
        if (n == 0) {
            return;
        }
        String where = " where " + keyColumn + " = ? and state = ? and deadline " + (key.get(2) == null ? "is null" : "= ?");
        List<Object> params = new ArrayList<>(List.of(n, key.get(0), key.get(1)));
        if (key.get(2) != null) {
            params.add(key.get(2));
        }
        if (jdbc.sql("update " + table + " set n = n + ?" + where).params(params).update() == 0) {
            jdbc.sql("insert into " + table + " (" + keyColumn + ", state, deadline, n) values (?, ?, ?, ?)")
                    .params(key.get(0), key.get(1), nullable(key.get(2)), n)
                    .update();
        }
    }

    private static Object nullable(Object value) {
        return value == null ? new org.springframework.jdbc.core.SqlParameterValue(java.sql.Types.DATE, null) : value;
    }

    /**
     * Recounts the tally from the live rows (after a bulk insert in plain SQL, or when
     * {@link #consistent()} says no), passed deadlines folded as {@link #fold} does. Call in a
     * transaction when nothing writes (start-up, bulk loads, tests): a write committed meanwhile may
     * be counted twice or not at all, as the rows and the deltas are not read from one snapshot.
     */
    public void rebuild() {
        lock();
        jdbc.sql("delete from assignment_tally_delta").update();
        jdbc.sql("delete from assignment_tally_agency").update();
        jdbc.sql("delete from assignment_tally_directive").update();
        jdbc.sql("insert into assignment_tally_agency (agency_code, state, deadline, n)"
                + " select agency_code, state, deadline, count(*) from (" + LIVE + ") t"
                + " group by agency_code, state, deadline").update();
        jdbc.sql("insert into assignment_tally_directive (directive_id, state, deadline, n)"
                + " select directive_id, state, deadline, count(*) from (" + LIVE + ") t"
                + " group by directive_id, state, deadline").update();
        progress.recount();
        jdbc.sql("update assignment_tally_lock set latest = (select max(latest) from (" + LIVE + ") t) where id = 1").update();
        fold(0); // folds the passed deadlines into one overdue row per agency and directive
    }

    /**
     * Whether the tally counts as many assignments as the table holds: a cheap check (one count) that
     * catches rows written around {@link AssignmentRepository}, e.g. bulk inserts in plain SQL.
     */
    /** Takes the folder's lock row for the rest of the transaction: no fold or rebuild runs beside it. */
    public void lock() {
        jdbc.sql("select id from assignment_tally_lock where id = 1 for update").query(Integer.class).list();
    }

    public boolean consistent() {
        // One statement, so both counts come from one snapshot: two statements could see a writer's
        // commit between them and call a correct tally wrong.
        return jdbc.sql("select case when (select coalesce(sum(n), 0) from (" + PER_AGENCY + ") t)"
                + " = (select count(*) from assignment) then 1 else 0 end from assignment_tally_lock where id = 1")
                .query(Integer.class).single() == 1;
    }

    /**
     * Per agency and per directive, "key|state|deadline=n" lines from the tally and from the live rows
     * (open ones due before the day of {@link #latest()} as folded ones), then the directive totals
     * ({@link #DIRECTIVE_PROGRESS}) and the same from the live rows, at that day: for tests.
     */
    public List<List<String>> tallyAndLive() {
        LocalDateTime latest = latest();
        LocalDate cut = latest == null ? LocalDate.MIN : latest.toLocalDate();
        String normal = "select %1$s, case when state = 2 and deadline < ? then 3 else state end as state,"
                + " case when state = 2 and deadline < ? then null else deadline end as deadline, n from (%2$s) r";
        String grouped = "select %1$s, state, deadline, sum(n) from (" + normal + ") t group by %1$s, state, deadline"
                + " having sum(n) <> 0 order by %1$s, state, deadline";
        String live = "select agency_code, directive_id, state, deadline, 1 as n from (" + LIVE + ") l";
        return List.of(lines(grouped.formatted("agency_code", PER_AGENCY), cut), lines(grouped.formatted("agency_code", live), cut),
                lines(grouped.formatted("directive_id", PER_DIRECTIVE), cut), lines(grouped.formatted("directive_id", live), cut),
                progressLines("""
                        select directive_id, sum(counted), sum(total), sum(completed), sum(overdue) from (%s) p
                        group by directive_id having sum(counted) <> 0 order by directive_id""".formatted(DIRECTIVE_PROGRESS), cut),
                progressLines("""
                        select directive_id, count(*), sum(case when state <> 5 then 1 else 0 end),
                               sum(case when state in (0, 1) then 1 else 0 end),
                               sum(case when state = 2 and deadline < :asOf then 1 else 0 end)
                        from (%s) l group by directive_id order by directive_id""".formatted(LIVE), cut));
    }

    /** "directive|counted|total|completed|overdue" at {@code asOf} (lists 5 and 6 of {@link #tallyAndLive}). */
    private List<String> progressLines(String sql, LocalDate asOf) {
        return jdbc.sql(sql).param("asOf", asOf.equals(LocalDate.MIN) ? LocalDate.of(1970, 1, 1) : asOf)
                .query((ResultSet rs, int i) -> rs.getLong(1) + "|" + rs.getLong(2) + "|" + rs.getLong(3) + "|" + rs.getLong(4)
                        + "|" + rs.getLong(5)).list();
    }

    private List<String> lines(String sql, LocalDate cut) {
        return jdbc.sql(sql).params(cut, cut).query((ResultSet rs, int i) -> rs.getString(1) + "|" + rs.getInt(2) + "|"
                + Objects.toString(rs.getObject(3, LocalDate.class)) + "=" + rs.getLong(4)).list();
    }

}
