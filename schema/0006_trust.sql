-- sqgl schema 6: a record that proves itself.
--
-- Every event records the machine's clock beside the business time it claims, and
-- which clock dated it: 'system' (the machine's), or 'pinned' ($SQGL_NOW, allowed
-- only by the database's `clock` setting: tests, demos and recorded back-filling).
-- Events written before schema 6 have neither (and keep their first hash form).
ALTER TABLE events ADD COLUMN recorded_at TEXT;
ALTER TABLE events ADD COLUMN clock TEXT CHECK (clock IN ('system', 'pinned'));

-- The time a case waited for the resident's materials (补正): one row per return,
-- closed when the materials come (or the case ends). Reports as of a past day
-- need it: a waiting case is not overdue, and its due date then was `due_before`.
CREATE TABLE case_waits (
  case_id         INTEGER NOT NULL REFERENCES cases(id),
  seq             INTEGER NOT NULL CHECK (seq >= 1),
  step            INTEGER NOT NULL,          -- the step that returned it
  returned_at     TEXT NOT NULL,
  resumed_at      TEXT,                      -- NULL while it waits
  working_days    INTEGER CHECK (working_days >= 0),  -- the working days it waited, once resumed
  due_before      TEXT NOT NULL,             -- the case's due date when it was returned
  step_due_before TEXT,                      -- and its step's
  PRIMARY KEY (case_id, seq)
) WITHOUT ROWID;

-- Cases waiting now began their wait before this schema: their one open wait.
INSERT INTO case_waits (case_id, seq, step, returned_at, due_before, step_due_before)
  SELECT c.id, 1, c.current_seq, c.returned_at, c.due_date, s.due_date
  FROM cases c JOIN case_steps s ON s.case_id = c.id AND s.seq = c.current_seq
  WHERE c.status = 'returned';
