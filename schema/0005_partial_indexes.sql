-- sqgl schema 5: the date and assignee indexes hold only the rows they are searched
-- for. A new case's steps are undecided and mostly unassigned; indexing their NULLs
-- cost every `apply` three more pages written (and the checkpoint three more). The
-- reports search these columns by range or by a staff member, which implies NOT
-- NULL, so SQLite still uses them; the open cases a backlog needs are found through
-- cases_status_due (core/report.cpp: open_steps).
DROP INDEX cases_decided;
CREATE INDEX cases_decided ON cases(decided_at) WHERE decided_at IS NOT NULL;
DROP INDEX case_steps_decided;
CREATE INDEX case_steps_decided ON case_steps(decided_at) WHERE decided_at IS NOT NULL;
DROP INDEX case_steps_assignee;
CREATE INDEX case_steps_assignee ON case_steps(assignee_id, status) WHERE assignee_id IS NOT NULL;
