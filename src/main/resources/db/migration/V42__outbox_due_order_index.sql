-- Issue 11 (ADR 38, figure c): each dispatcher round claims the oldest due rows,
-- "status = 'PENDING' and next_attempt_at <= now ... order by next_attempt_at, id fetch first 50 rows
-- only for update skip locked". The index of V4 (status, next_attempt_at) gave no order for the id, so
-- PostgreSQL read and sorted every due row to hand out 50: all 10,000 of a morning's reminders, ~2,000
-- blocks per round. With the id in the index the rows come in the order asked for and the scan stops
-- after the 50 it can lock. It serves every query the old index served, which goes.
create index ix_notification_due_order on notification (status, next_attempt_at, id);
drop index ix_notification_due;
