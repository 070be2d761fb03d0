package vn.directivetracker.reporting.statistics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.directivetracker.agency.AgencyKind;
import vn.directivetracker.assignment.Assignment;
import vn.directivetracker.assignment.AssignmentRepository;
import vn.directivetracker.assignment.AssignmentTally;
import vn.directivetracker.assignment.StatusBucket;

/**
 * The status buckets counted by the database (docs/adr/0016-statistics-aggregated-in-sql.md): each
 * assignment's bucket is a {@code CASE} over its dates, the deadline in force at the reference date
 * (issue 15: the previous deadline of the first later {@code deadline_change}) and two dates the
 * caller computes once per request with the working-day calendar; {@code GROUP BY} does the rest.
 * The rules are {@link StatusBucket#of} and {@link StatisticsService#firstNotDueSoon} — written
 * once more in SQL, so {@code SqlStatisticsEquivalenceTest} compares both on H2 and PostgreSQL.
 *
 * <p>Standard SQL only (window function, {@code CAST AS DATE}, {@code FETCH FIRST … WITH TIES}): the
 * same text runs on H2 and PostgreSQL.
 */
@Repository
public class AssignmentBuckets {

    /** Bucket codes of the SQL; {@link #DUE_SOON} is "in progress, on time" with at most N working days left. */
    static final int COMPLETED_ON_TIME = 0, COMPLETED_LATE = 1, IN_PROGRESS_ON_TIME = 2, IN_PROGRESS_OVERDUE = 3,
            ONGOING = 4, CANCELLED = 5, DUE_SOON = 6;

    /**
     * The bucket code of row {@code x} with deadline column {@code %1$s}. Completion counts from the
     * day the accepted result was submitted (ADR 5); a day's status is read at its end, hence "before
     * the next day" for timestamps.
     */
    private static final String BUCKET = """
            case
              when x.cancelled_at < :dayAfter then 5
              when %1$s is null then 4
              when x.completed_at is not null and coalesce(x.result_submitted_at, x.completed_at) < :dayAfter
                then case when cast(coalesce(x.result_submitted_at, x.completed_at) as date) > %1$s then 1 else 0 end
              when %1$s < :asOf then 3
              when %1$s < :firstNotSoon then 6
              else 2
            end""";

    /** One row per assignment counted: id, agency, directive, deadline (as given) and bucket code. */
    private static final String BUCKETED = """
            select x.id, x.agency_code, x.directive_id, x.deadline, %s as bucket
            from (
              select a.id, a.agency_code, a.directive_id, a.cancelled_at, a.completed_at, a.result_submitted_at,
                     %%s as deadline
              from assignment a%%s
              where a.created_at < :dayAfter%%s
            ) x""".formatted(BUCKET.formatted("x.deadline"));

    /** Per assignment whose deadline changed after the reference date: the first such change's previous deadline. */
    private static final String FIRST_LATER_CHANGE = """
            select c.assignment_id, c.previous_deadline
            from (select assignment_id, previous_deadline,
                         row_number() over (partition by assignment_id order by changed_at, id) as rn
                  from deadline_change where changed_at >= :dayAfter) c
            where c.rn = 1""";

    /** The deadline in force at the reference date (issue 15), for the lists. */
    private static final String IN_FORCE_JOIN = " left join (" + FIRST_LATER_CHANGE + ") f on f.assignment_id = a.id";
    private static final String IN_FORCE = "case when f.assignment_id is null then a.deadline else f.previous_deadline end";

    /**
     * The counts' correction for the deadline history: each assignment whose deadline changed after
     * the reference date, with its bucket under today's deadline and under the one in force then.
     * The counts are taken with today's deadlines (one pass, no join over every row) and moved from
     * the first bucket to the second: the same figures, and the join touches only the changed rows.
     */
    private static final String MOVED = """
            select y.agency_code, ag.name, ag.kind, y.directive_id, d.doc_number, d.subject, y.now_bucket, y.then_bucket,
                   count(*) as n
            from (select x.agency_code, x.directive_id, %s as now_bucket, %s as then_bucket
                  from (select a.agency_code, a.directive_id, a.cancelled_at, a.completed_at, a.result_submitted_at,
                               a.deadline, f.previous_deadline as previous
                        from (%s) f join assignment a on a.id = f.assignment_id
                        where a.created_at < :dayAfter%%s) x) y
            join agency ag on ag.code = y.agency_code
            join directive d on d.id = y.directive_id
            where y.now_bucket <> y.then_bucket
            group by y.agency_code, ag.name, ag.kind, y.directive_id, d.doc_number, d.subject, y.now_bucket, y.then_bucket"""
            .formatted(BUCKET.formatted("x.deadline"), BUCKET.formatted("x.previous"), FIRST_LATER_CHANGE);

    /**
     * Only assignments that can be open at the reference date (not completed, not cancelled by then):
     * a superset written so that indexes find it (V30), for the overdue and due-soon lists; the
     * bucket decides exactly.
     */
    private static final String POSSIBLY_OPEN = " and ((a.completed_at is null and a.cancelled_at is null)"
            + " or a.completed_at >= :dayAfter or a.result_submitted_at >= :dayAfter or a.cancelled_at >= :dayAfter)";

    private final JdbcClient jdbc;
    private final AssignmentTally tally;

    public AssignmentBuckets(JdbcClient jdbc) {
        this(jdbc, new AssignmentTally(jdbc));
    }

    @org.springframework.beans.factory.annotation.Autowired
    public AssignmentBuckets(JdbcClient jdbc, AssignmentTally tally) {
        this.jdbc = jdbc;
        this.tally = tally;
    }

    /** One agency's count in one bucket code. */
    public record AgencyCount(String agencyCode, String agencyName, AgencyKind agencyKind, int bucket, int count) {}

    /** One directive's count in one bucket. */
    public record DirectiveCount(long directiveId, String number, String subject, StatusBucket bucket, int count) {}

    /**
     * Counts per agency and, for the dashboard, per directive. An agency or directive may have several
     * rows for one bucket, some negative (the deadline-history moves): callers add them up.
     */
    public record Counts(List<AgencyCount> agencies, List<DirectiveCount> directives) {}

    /**
     * Counts per agency and bucket code; with {@code perDirective} also per directive and bucket (a
     * second pass: one pass with PostgreSQL's {@code GROUPING SETS} measured slower, and H2 has none).
     */
    public Counts counts(StatisticsFilter filter, LocalDate firstNotSoon, boolean perDirective) {
        Query q = bucketed(filter, firstNotSoon, false, false);
        if (q == null) {
            return new Counts(List.of(), List.of());
        }
        if (tallied(filter)) {
            return talliedCounts(filter, q.params, perDirective);
        }
        Counts counts = countsWithTodaysDeadlines(q, perDirective);
        if (hasLaterChanges(q.params)) {
            moveToDeadlinesInForce(filter, q.params, counts);
        }
        return counts;
    }

    /** Applies {@link #MOVED}: minus one in the bucket under today's deadline, plus one in the bucket then. */
    private void moveToDeadlinesInForce(StatisticsFilter filter, Map<String, Object> params, Counts counts) {
        String where = conditions(filter, new HashMap<>());
        jdbc.sql(MOVED.formatted(where)).params(params).query(rs -> {
            int n = rs.getInt(9);
            for (int sign : new int[] {-1, 1}) {
                int bucket = rs.getInt(sign < 0 ? 7 : 8);
                counts.agencies().add(new AgencyCount(rs.getString(1), rs.getString(2), AgencyKind.valueOf(rs.getString(3)),
                        bucket, sign * n));
                counts.directives().add(new DirectiveCount(rs.getLong(4), rs.getString(5), rs.getString(6), bucketOf(bucket),
                        sign * n));
            }
        });
    }

    private Counts countsWithTodaysDeadlines(Query q, boolean perDirective) {
        return new Counts(new ArrayList<>(grouped(q, "agency_code", AGENCY_NAMES, AssignmentBuckets::agencyCount)),
                perDirective ? new ArrayList<>(grouped(q, "directive_id", DIRECTIVE_NAMES, AssignmentBuckets::directiveCount))
                        : new ArrayList<>());
    }

    private static final String AGENCY_NAMES =
            "select g.agency_code, ag.name, ag.kind, g.bucket, g.n from (%s) g join agency ag on ag.code = g.agency_code";
    private static final String DIRECTIVE_NAMES =
            "select g.directive_id, d.doc_number, d.subject, g.bucket, g.n from (%s) g join directive d on d.id = g.directive_id";

    /**
     * Whether the tally (ADR 20) gives this request's exact figures: every filter but a directive or a
     * single agency (those read few rows through their indexes), and only if no tallied timestamp and
     * no deadline change lies after the reference date — as a rule, as of today.
     */
    boolean tallied(StatisticsFilter filter) {
        if (filter.directiveId() != null || filter.agency() != null) {
            return false;
        }
        java.time.LocalDateTime dayAfter = filter.asOf().plusDays(1).atStartOfDay();
        java.time.LocalDateTime latest = tally.latest();
        return (latest == null || latest.isBefore(dayAfter)) && !hasLaterChanges(Map.of("dayAfter", dayAfter));
    }

    /** The tally's state as a bucket code: fixed, or for open assignments a function of the deadline. */
    private static final String TALLY_BUCKET = "case when t.state = 2 then case when t.deadline < :asOf then 3"
            + " when t.deadline < :firstNotSoon then 6 else 2 end else t.state end";

    /**
     * Counts from the tally per agency (kind and visible agencies as the live query filters them, by
     * the agency's current kind); per directive from the live rows ({@link #topDirectives} is the
     * tally's answer for the dashboard).
     */
    private Counts talliedCounts(StatisticsFilter filter, Map<String, Object> params, boolean perDirective) {
        String where = conditions(filter, new HashMap<>()).replace("a.agency_code", "t.agency_code");
        List<AgencyCount> agencies = jdbc.sql("""
                        select g.agency_code, ag.name, ag.kind, g.bucket, g.n
                        from (select b.agency_code, b.bucket, sum(b.n) as n
                              from (select t.agency_code, %s as bucket, t.n from (%s) t where 1 = 1%s) b
                              group by b.agency_code, b.bucket) g
                        join agency ag on ag.code = g.agency_code
                        where g.n <> 0""".formatted(TALLY_BUCKET, AssignmentTally.PER_AGENCY, where))
                .params(params).query(AssignmentBuckets::agencyCount).list();
        List<DirectiveCount> directives = List.of();
        if (perDirective) {
            directives = grouped(bucketed(filter, (LocalDate) params.get("firstNotSoon"), false, false), "directive_id",
                    DIRECTIVE_NAMES, AssignmentBuckets::directiveCount);
        }
        return new Counts(new ArrayList<>(agencies), new ArrayList<>(directives));
    }

    /** One directive's progress: assignments not cancelled, completed (on time or late), overdue. */
    public record DirectiveTotals(long id, String number, String subject, int total, int completed, int overdue) {}

    /** The first directives by most overdue, then newest, and how many directives have assignments counted. */
    public record TopDirectives(List<DirectiveTotals> first, int counted) {}

    /**
     * The dashboard's directive table from the per-directive tally, ordered and cut by the database
     * (most overdue first, then newest — the order {@code DashboardService} gives the live counts):
     * the names of {@code limit} directives are read, not of thousands. Empty where the tally does
     * not answer, or with a kind or visibility filter (the per-directive tally has no agency, and an
     * agency's kind can change): then the caller counts per directive live.
     */
    public java.util.Optional<TopDirectives> topDirectives(StatisticsFilter filter, int limit) {
        if (filter.agencyKind() != null || filter.visibleAgencies() != null || !tallied(filter)) {
            return java.util.Optional.empty();
        }
        Map<String, Object> params = new HashMap<>();
        params.put("asOf", filter.asOf());
        // About one row per directive (ADR 33), not one per directive, state and open deadline.
        String progress = """
                select p.directive_id, sum(p.total) as total, sum(p.completed) as completed, sum(p.overdue) as overdue
                from (%s) p
                group by p.directive_id having sum(p.counted) <> 0""".formatted(AssignmentTally.DIRECTIVE_PROGRESS);
        // One pass: the window counts every directive before the cut.
        int[] counted = {0};
        List<DirectiveTotals> first = jdbc.sql("""
                        select p.directive_id, d.doc_number, d.subject, p.total, p.completed, p.overdue, p.counted
                        from (select q.*, count(*) over () as counted from (%s) q
                              order by q.overdue desc, q.directive_id desc fetch first %d rows only) p
                        join directive d on d.id = p.directive_id
                        order by p.overdue desc, p.directive_id desc""".formatted(progress, limit))
                .params(params)
                .query((rs, i) -> {
                    counted[0] = rs.getInt(7);
                    return new DirectiveTotals(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                            rs.getInt(6));
                })
                .list();
        return java.util.Optional.of(new TopDirectives(first, counted[0]));
    }

    private static AgencyCount agencyCount(ResultSet rs, int row) throws SQLException {
        return new AgencyCount(rs.getString(1), rs.getString(2), AgencyKind.valueOf(rs.getString(3)), rs.getInt(4), rs.getInt(5));
    }

    private static DirectiveCount directiveCount(ResultSet rs, int row) throws SQLException {
        return new DirectiveCount(rs.getLong(1), rs.getString(2), rs.getString(3), bucketOf(rs.getInt(4)), rs.getInt(5));
    }

    /** Counts per {@code key} column and bucket code, named by {@code outer} (which joins the key's table). */
    private <T> List<T> grouped(Query q, String key, String outer, org.springframework.jdbc.core.RowMapper<T> mapper) {
        String counts = "select %s, bucket, count(*) as n from (%s) b group by %s, bucket".formatted(key, q.sql, key);
        return jdbc.sql(outer.formatted(counts)).params(q.params).query(mapper).list();
    }

    /**
     * The assignments in the overdue or the due-soon bucket with the earliest deadlines in force: at
     * least the first {@code limit}, plus every row sharing the last one's deadline, so the caller's
     * finer order (deadline, agency name, as Java compares them) can cut exactly. Deadlines are those
     * in force at the reference date.
     */
    public List<TrackedAssignment> earliestDeadlines(StatisticsFilter filter, LocalDate firstNotSoon, boolean overdue,
            int limit) {
        Query q = bucketed(filter, firstNotSoon, true, true);
        if (q == null) {
            return List.of();
        }
        Map<String, Object> params = new HashMap<>(q.params);
        params.put("bucket", overdue ? IN_PROGRESS_OVERDUE : DUE_SOON);
        String earliest = "select b.id, b.deadline from (%s) b where b.bucket = :bucket order by b.deadline".formatted(q.sql);
        if (tallied(filter)) {
            // Where the tally answers, "open now" is "open at the reference date" and the deadline is the
            // one in force: the rows come in deadline order from ix_assignment_open_deadline (V33).
            earliest = "select a.id, a.deadline from assignment a where a.completed_at is null and a.cancelled_at is null"
                    + (overdue ? " and a.deadline < :asOf" : " and a.deadline >= :asOf and a.deadline < :firstNotSoon")
                    + conditions(filter, new HashMap<>()) + " order by a.deadline";
        }
        return jdbc.sql("""
                        select a.*, t.deadline as deadline_in_force, ag.name as agency_name, ag.short_name as agency_short_name,
                               ag.kind as agency_kind, d.doc_number, d.subject, i.label as item_label
                        from (%s fetch first %d rows with ties) t
                        join assignment a on a.id = t.id
                        join agency ag on ag.code = a.agency_code
                        join directive d on d.id = a.directive_id
                        join directive_item i on i.id = a.item_id
                        order by a.agency_code, a.directive_id, i.position, a.id""".formatted(earliest, limit))
                .params(params)
                .query(AssignmentBuckets::tracked)
                .list();
    }

    private static TrackedAssignment tracked(ResultSet rs, int row) throws SQLException {
        Assignment assignment = AssignmentRepository.fromRow(rs).withDeadline(rs.getObject("deadline_in_force", LocalDate.class));
        return new TrackedAssignment(assignment, rs.getString("agency_name"), rs.getString("agency_short_name"),
                AgencyKind.valueOf(rs.getString("agency_kind")), rs.getString("doc_number"), rs.getString("subject"),
                rs.getString("item_label"));
    }

    static StatusBucket bucketOf(int code) {
        return switch (code) {
            case COMPLETED_ON_TIME -> StatusBucket.COMPLETED_ON_TIME;
            case COMPLETED_LATE -> StatusBucket.COMPLETED_LATE;
            case IN_PROGRESS_ON_TIME, DUE_SOON -> StatusBucket.IN_PROGRESS_ON_TIME;
            case IN_PROGRESS_OVERDUE -> StatusBucket.IN_PROGRESS_OVERDUE;
            case ONGOING -> StatusBucket.ONGOING;
            case CANCELLED -> StatusBucket.CANCELLED;
            default -> throw new IllegalStateException("Unknown bucket code " + code);
        };
    }

    private record Query(String sql, Map<String, Object> params) {}

    /** The per-assignment query with the filter's conditions; null when the caller may see no agency. */
    private Query bucketed(StatisticsFilter filter, LocalDate firstNotSoon, boolean possiblyOpenOnly, boolean inForce) {
        Map<String, Object> params = new HashMap<>();
        params.put("asOf", filter.asOf());
        params.put("firstNotSoon", firstNotSoon);
        String where = conditions(filter, params);
        if (where == null) {
            return null;
        }
        if (possiblyOpenOnly) {
            where += POSSIBLY_OPEN;
        }
        // Today, as a rule, no deadline has changed since: then the join is left out.
        boolean history = inForce && hasLaterChanges(params);
        return new Query(BUCKETED.formatted(history ? IN_FORCE : "a.deadline", history ? IN_FORCE_JOIN : "", where), params);
    }

    /**
     * Whether some deadline changed on or after {@code dayAfter}, from the latest change: {@code max}
     * reads one entry of {@code ix_deadline_change_at} whatever the parameter (ADR 24). The former
     * "{@code changed_at >= ? fetch first 1 rows only}" got PostgreSQL's generic plan once the driver
     * prepared it on the server (a sequential scan expected to stop at once, which read all 250k
     * changes when none is later: ~30 ms, six times per dashboard).
     */
    private boolean hasLaterChanges(Map<String, Object> params) {
        LocalDateTime dayAfter = (LocalDateTime) params.get("dayAfter");
        LocalDateTime last = jdbc.sql("select max(changed_at) from deadline_change")
                .query((rs, i) -> rs.getObject(1, LocalDateTime.class)).optional().orElse(null);
        return last != null && !last.isBefore(dayAfter);
    }

    /**
     * The filter as conditions on {@code assignment a} (created by the end of the reference day, then
     * directive, agency, kind, visible agencies), each starting with " and"; null when the caller may
     * see no agency at all. Shared with {@link TrackedAssignments}, so both count the same rows.
     */
    static String conditions(StatisticsFilter filter, Map<String, Object> params) {
        StringBuilder where = new StringBuilder();
        params.put("dayAfter", filter.asOf().plusDays(1).atStartOfDay());
        if (filter.directiveId() != null) {
            where.append(" and a.directive_id = :directiveId");
            params.put("directiveId", filter.directiveId());
        }
        if (filter.agency() != null) {
            where.append(" and a.agency_code = :agency");
            params.put("agency", filter.agency());
        }
        if (filter.agencyKind() != null) {
            where.append(" and a.agency_code in (select code from agency where kind = :kind)");
            params.put("kind", filter.agencyKind().name());
        }
        if (filter.visibleAgencies() != null) {
            if (filter.visibleAgencies().isEmpty()) {
                return null;
            }
            where.append(" and a.agency_code in (:visible)");
            params.put("visible", new ArrayList<>(filter.visibleAgencies()));
        }
        return where.toString();
    }
}
