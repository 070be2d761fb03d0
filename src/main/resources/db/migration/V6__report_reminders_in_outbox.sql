-- Periodic-report reminders now go through the mail outbox (table notification) like every other
-- email; their interim log is no longer written.
drop table report_notification;
