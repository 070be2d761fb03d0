-- The notification table becomes a transactional outbox (docs/adr/0007-mail-outbox.md): rows are
-- written PENDING in the transaction of the step that causes them, and a dispatcher claims, sends
-- and marks them. Portable SQL: runs on H2 2.x (embedded default, tests) and PostgreSQL 15.

alter table notification add column attempts integer default 0 not null;
-- When a PENDING row may next be tried (now at first, later after an exponential backoff).
alter table notification add column next_attempt_at timestamp;
alter table notification add column last_error varchar(2000);
-- Row-level claim of one dispatcher round: who holds the row, and until when (a lease, so that a
-- node that dies mid-round does not keep its rows forever).
alter table notification add column claimed_by varchar(100);
alter table notification add column claim_until timestamp;
-- The Tasklist task the email points to, when there is one.
alter table notification add column task_id varchar(64);

-- Keys carry ids and user ids; bodies list a directive's items for an agency (each up to 10,000
-- characters): room enough that a long letter can never make the engine step that writes it fail.
alter table notification alter column dedup_key set data type varchar(500);
alter table notification alter column body_text set data type varchar(1000000);
alter table notification alter column body_html set data type varchar(1000000);

-- Rows of the interim mechanism (ADR 3) were sent or kept at once; nothing is left to dispatch.
update notification set next_attempt_at = created_at;

-- The dispatcher's question: which PENDING rows are due?
create index ix_notification_due on notification (status, next_attempt_at);
