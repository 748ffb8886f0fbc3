-- sqgl schema 11: review stages as kinds of chain step.
--
-- A step of a chain is a level's decision (审批) or one of the stages a level goes
-- through before it decides: the home investigation (入户调查), the democratic review
-- (民主评议) and the public posting (公示). A posting's days are calendar days, counted
-- outside the working-day promise; its place is where the notice hangs.
ALTER TABLE item_steps ADD COLUMN kind TEXT NOT NULL DEFAULT 'decision'
  CHECK (kind IN ('decision', 'investigation', 'review', 'posting'));
ALTER TABLE item_steps ADD COLUMN place TEXT NOT NULL DEFAULT '';
ALTER TABLE case_steps ADD COLUMN kind TEXT NOT NULL DEFAULT 'decision'
  CHECK (kind IN ('decision', 'investigation', 'review', 'posting'));
ALTER TABLE case_steps ADD COLUMN place TEXT NOT NULL DEFAULT '';

-- The working days a case spent in its postings: not the station's time, so not in
-- the working days it took.
ALTER TABLE cases ADD COLUMN posting_days INTEGER NOT NULL DEFAULT 0 CHECK (posting_days >= 0);

-- What each stage of a case found, one row per step and attempt (an objection during
-- a posting sends the case back, and the stages after run again as new attempts).
CREATE TABLE case_stages (
  case_id       INTEGER NOT NULL REFERENCES cases(id),
  step          INTEGER NOT NULL CHECK (step >= 1),
  attempt       INTEGER NOT NULL CHECK (attempt >= 1),
  kind          TEXT NOT NULL CHECK (kind IN ('investigation', 'review', 'posting')),
  held_on       TEXT NOT NULL,             -- the visit, the meeting, the posting's first day
  ends_on       TEXT,                      -- a posting's end: held_on + its calendar days
  income_fen    INTEGER CHECK (income_fen >= 0),  -- investigation: monthly income per member, in fen
  area_dm2      INTEGER CHECK (area_dm2 >= 0),    -- investigation: living area per person, in 1/100 m²
  attendees     INTEGER CHECK (attendees >= 1),   -- review: who came, and how they voted
  votes_for     INTEGER CHECK (votes_for >= 0),
  votes_against INTEGER CHECK (votes_against >= 0),
  votes_abstain INTEGER CHECK (votes_abstain >= 0),
  minutes       TEXT NOT NULL DEFAULT '',  -- review: the minutes' reference
  place         TEXT NOT NULL DEFAULT '',  -- posting: where the notice hangs
  result        TEXT CHECK (result IN ('pass', 'fail', 'objected')),  -- NULL while a posting runs
  note          TEXT NOT NULL DEFAULT '',  -- an objection's text, a failed investigation's reason
  recorded_by   INTEGER REFERENCES staff(id),  -- who visited, organised, closed or took the objection
  recorded_at   TEXT,
  PRIMARY KEY (case_id, step, attempt)
) WITHOUT ROWID;

-- The shipped chains with their stages, for a database whose catalog was loaded
-- before them (a new database loads them from schema/catalog/steps.csv, the same
-- rows). Cases keep the chain they were opened under. The new chains' working days
-- are the items' promises as before.
DELETE FROM item_steps WHERE item IN ('C02-01', 'C02-03', 'C03-02', 'C06-01');
INSERT INTO item_steps (item, model, seq, level, unit, name_zh, role, days, kind, place)
SELECT * FROM (VALUES
  ('C02-01', 'new', 1, 'station', NULL, '入户调查', 'worker', 5, 'investigation', ''),
  ('C02-01', 'new', 2, 'station', NULL, '民主评议', 'head', 3, 'review', ''),
  ('C02-01', 'new', 3, 'station', NULL, '社区公示', 'worker', 7, 'posting', '社区公示栏'),
  ('C02-01', 'new', 4, 'bureau', 'MZJ', '区民政局', 'approver', 12, 'decision', ''),
  ('C02-01', 'new', 5, 'bureau', 'MZJ', '区民政局公示', 'approver', 7, 'posting', '区民政局公示栏'),
  ('C02-01', 'old', 1, 'committee', NULL, '入户调查', 'director', 5, 'investigation', ''),
  ('C02-01', 'old', 2, 'committee', NULL, '民主评议', 'director', 5, 'review', ''),
  ('C02-01', 'old', 3, 'committee', NULL, '张榜', 'director', 3, 'posting', '居委会公示栏'),
  ('C02-01', 'old', 4, 'street', NULL, '街道', 'reviewer', 15, 'decision', ''),
  ('C02-01', 'old', 5, 'bureau', 'MZJ', '区民政局', 'approver', 5, 'decision', ''),
  ('C02-01', 'old', 6, 'bureau', 'MZJ', '区民政局公示', 'approver', 3, 'posting', '区民政局公示栏'),
  ('C02-03', 'new', 1, 'station', NULL, '入户调查', 'worker', 2, 'investigation', ''),
  ('C02-03', 'new', 2, 'bureau', 'MZJ', '区民政局', 'approver', 5, 'decision', ''),
  ('C02-03', 'old', 1, 'committee', NULL, '入户调查', 'director', 2, 'investigation', ''),
  ('C02-03', 'old', 2, 'street', NULL, '街道', 'reviewer', 3, 'decision', ''),
  ('C02-03', 'old', 3, 'bureau', 'MZJ', '区民政局', 'approver', 7, 'decision', ''),
  ('C03-02', 'new', 1, 'station', NULL, '服务站初审', 'worker', 4, 'decision', ''),
  ('C03-02', 'new', 2, 'station', NULL, '社区公示', 'worker', 5, 'posting', '社区公示栏'),
  ('C03-02', 'new', 3, 'bureau', 'JYJ', '区就业局', 'approver', 3, 'decision', ''),
  ('C03-02', 'old', 1, 'committee', NULL, '居委会', 'director', 5, 'decision', ''),
  ('C03-02', 'old', 2, 'street', NULL, '街道', 'reviewer', 5, 'decision', ''),
  ('C03-02', 'old', 3, 'bureau', 'JYJ', '区就业局', 'approver', 5, 'decision', ''),
  ('C06-01', 'new', 1, 'station', NULL, '入户调查', 'worker', 12, 'investigation', ''),
  ('C06-01', 'new', 2, 'station', NULL, '社区公示', 'worker', 7, 'posting', '社区公示栏'),
  ('C06-01', 'new', 3, 'bureau', 'ZJJ', '区住房保障部门', 'approver', 18, 'decision', ''),
  ('C06-01', 'old', 1, 'committee', NULL, '入户调查', 'director', 5, 'investigation', ''),
  ('C06-01', 'old', 2, 'committee', NULL, '张榜', 'director', 7, 'posting', '居委会公示栏'),
  ('C06-01', 'old', 3, 'street', NULL, '街道', 'reviewer', 30, 'decision', ''),
  ('C06-01', 'old', 4, 'bureau', 'ZJJ', '区住房保障部门', 'approver', 5, 'decision', '')
) AS v WHERE v.column1 IN (SELECT code FROM items);
