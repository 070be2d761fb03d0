-- Issue 11, ADR 16: the dashboard's overdue and due-soon lists read only the assignments that can be
-- open at the reference date: open now (completed_at and cancelled_at null), or completed, submitted
-- or cancelled after it. Each branch of that condition has an index, so PostgreSQL combines them
-- (BitmapOr) instead of reading a million rows; as of today that is the few percent still open.
-- Plain indexes, no partial ones: the same file runs on H2.
create index ix_assignment_completion on assignment (completed_at, cancelled_at);
create index ix_assignment_submitted on assignment (result_submitted_at);
create index ix_assignment_cancelled on assignment (cancelled_at);
