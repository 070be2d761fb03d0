-- ADR 18: an officer's task list at 100k open tasks. Camunda keeps one ACT_RU_AUTHORIZATION row per
-- candidate group per open task (ADR 6) and joins them into every authorized task query:
--   (A.USER_ID_ IN (user, '*') OR A.GROUP_ID_ IN (groups)) AND resource type / permission bits
-- Camunda indexes GROUP_ID_ but not USER_ID_ (its unique keys start with TYPE_), so the OR could only
-- be answered by reading the whole table on every request; with this index it is two index lookups.
-- Names start with DT_ (never ACT_), and IF NOT EXISTS keeps the script safe on H2 and PostgreSQL and
-- on a database where an operator created them by hand. Camunda's upgrade scripts neither know nor
-- drop foreign indexes; a Camunda/Operaton upgrade that adds an equivalent index leaves these as
-- harmless duplicates (check ACT_IDX_* after an upgrade, ADR 18).
CREATE INDEX IF NOT EXISTS DT_IDX_AUTH_USER ON ACT_RU_AUTHORIZATION (USER_ID_, RESOURCE_TYPE_);

-- The candidate-group criterion (I.TYPE_ = 'candidate' AND I.GROUP_ID_ IN (...)): one agency's task
-- ids straight from the index, without visiting the link rows (Camunda indexes GROUP_ID_ alone).
CREATE INDEX IF NOT EXISTS DT_IDX_IDENT_LNK_GROUP_TASK ON ACT_RU_IDENTITYLINK (GROUP_ID_, TYPE_, TASK_ID_);
