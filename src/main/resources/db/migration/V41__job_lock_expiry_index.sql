-- Issue 11 (ADR 38, figure c): Camunda's job acquisition keeps exclusive jobs of one process instance
-- apart with NOT EXISTS (a job of the same instance, exclusive, locked: LOCK_OWNER_ not null and
-- LOCK_EXP_TIME_ >= now). PostgreSQL runs that part once per acquisition as a hashed subplan, and
-- without an index on the lock it read all of ACT_RU_JOB for it: with ~35,000 waiting timers, ~2,000
-- blocks and 12 ms per acquisition, a third of the server's time while 10,000 reminders fell due.
-- The locked jobs are the few in the job executor's hands, a short range of this index.
-- Name DT_ (never ACT_), IF NOT EXISTS: as V32 (ADR 18).
CREATE INDEX IF NOT EXISTS DT_IDX_JOB_LOCK_EXP ON ACT_RU_JOB (LOCK_EXP_TIME_);
