-- Issue 11 (ADR 25 addendum): each dispatcher round reads the rows it has just claimed by its token
-- (DispatchQueue.claim: where claimed_by = ? and status = 'PENDING'). Without an index that read the
-- whole outbox, which holds every email of the last 90 days (ADR 13 retention): during a 170-letter
-- fan-out ~580 outbox rows were read per assignment, growing with the table, on every round of
-- the 4 rounds that run side by side (ADR 19).
create index ix_notification_claimed_by on notification (claimed_by);
