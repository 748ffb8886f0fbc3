-- sqgl schema 8: the whole list in due-date order.
--
-- `sqgl list --all` reads every case by due date, then case number; this index
-- hands them over in that order, so that ten years of cases stream out without
-- SQLite sorting them first (in memory or in temporary files). Queues keep their
-- own indexes and sort the little they read. tests/unit/queues_test.cpp pins each
-- plan.
CREATE INDEX cases_due ON cases(due_date, number);
