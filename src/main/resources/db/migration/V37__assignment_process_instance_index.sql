-- Issue 11, ADR 25: every step of an assignment's process finds its assignment by process instance
-- (AssignmentRepository.idOfProcessInstance / refOfProcessInstance: delegates, timers, listeners, the
-- new-task email). Without an index each of those read the whole assignment table: a morning of
-- 10,000 reminders over 17,000 assignments read ~170 million rows.
create index ix_assignment_process_instance on assignment (process_instance_id);
