-- Issue 11 (ADR 25, figure c; also figure b): Camunda's job acquisition asks, every round, for the
-- jobs that are due: (DUEDATE_ IS NULL OR DUEDATE_ <= now) AND not locked AND active, without an
-- order. Camunda has no index on DUEDATE_, so PostgreSQL read ACT_RU_JOB from the start until it had
-- enough rows; with every open assignment holding two waiting timers (tens of thousands of rows due
-- in days or weeks) that is most of the table per round, thousands of rows per reminder sent.
-- With this index the due jobs are two index ranges (null due dates: async continuations; past due
-- dates: timers). Name DT_ (never ACT_), IF NOT EXISTS: as V32 (ADR 18).
CREATE INDEX IF NOT EXISTS DT_IDX_JOB_DUEDATE ON ACT_RU_JOB (DUEDATE_);
