-- Issue 11, ADR 33: the dashboard's directive table from one row per directive instead of ~8 (one per
-- state and open deadline: 52k rows at 1M assignments, ~60 ms to group per page on 2 cores).
-- The folder (AssignmentTally.fold) keeps these totals with the per-directive tally; open rows of
-- assignment_tally_directive whose deadline has passed since the last fold are added by the reader
-- (AssignmentTally.DIRECTIVE_PROGRESS), through the index below.
-- Plain standard SQL: the same file runs on H2 and PostgreSQL.
create table assignment_tally_directive_sum (
    directive_id  bigint  not null primary key,
    counted       integer not null, -- every assignment tallied, cancelled ones too
    total         integer not null, -- not cancelled
    completed     integer not null, -- completed on time or late
    overdue       integer not null  -- open with a deadline before the day of the tally's latest timestamp
);

insert into assignment_tally_directive_sum (directive_id, counted, total, completed, overdue)
select directive_id, sum(n), sum(case when state <> 5 then n else 0 end), sum(case when state in (0, 1) then n else 0 end),
       sum(case when state = 3 then n else 0 end)
from assignment_tally_directive
group by directive_id
having sum(n) <> 0;

create index ix_assignment_tally_directive_open on assignment_tally_directive (state, deadline);
