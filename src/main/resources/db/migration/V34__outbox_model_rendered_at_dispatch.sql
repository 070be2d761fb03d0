-- Issue 11, ADR 21: an email is rendered when the dispatcher sends it, not in the transaction of the
-- step that causes it. The step stores the template's model (the values as they were when the step
-- committed, as JSON); the dispatcher renders just before sending and stores the text and HTML it
-- sent. Rows written before this migration keep their bodies and are sent as they are.
-- Portable SQL: H2 2.x and PostgreSQL 15.

alter table notification add column mail_model varchar(1000000);
alter table notification alter column body_text drop not null;
alter table notification alter column body_html drop not null;
-- Every row can be shown and sent: it has its bodies, or the model to render them from.
alter table notification add constraint ck_notification_body check (body_text is not null or mail_model is not null);
