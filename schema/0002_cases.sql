-- sqgl schema 2: cases (办件), their steps, materials and the residents' ratings.

-- One application of one resident for one item, under the chain of the model it
-- was opened with. Its number is <district>-<YYYYMMDD>-<NNNN>, ordered by date.
CREATE TABLE cases (
  id            INTEGER PRIMARY KEY,
  number        TEXT NOT NULL UNIQUE,
  item          TEXT NOT NULL REFERENCES items(code),
  model         TEXT NOT NULL CHECK (model IN ('new', 'old')),
  resident_id   INTEGER NOT NULL REFERENCES residents(id),
  community_id  INTEGER NOT NULL REFERENCES units(id),
  window        TEXT NOT NULL REFERENCES windows(code),
  status        TEXT NOT NULL CHECK (status IN ('open', 'returned', 'approved', 'rejected', 'withdrawn')),
  current_seq   INTEGER,                   -- the step in progress; NULL once decided
  accepted_at   TEXT NOT NULL,             -- local date-time the station accepted it
  accepted_by   INTEGER NOT NULL REFERENCES staff(id),
  due_date      TEXT NOT NULL,             -- the promise, moved by time spent waiting for materials
  paused_days   INTEGER NOT NULL DEFAULT 0 CHECK (paused_days >= 0),
  returned_at   TEXT,                      -- set while waiting for materials (补正)
  decided_at    TEXT,
  note          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX cases_resident_item ON cases(resident_id, item);
CREATE INDEX cases_status_due ON cases(status, due_date);
CREATE INDEX cases_community ON cases(community_id, status);
CREATE INDEX cases_accepted ON cases(accepted_at);

-- The case's copy of its chain, each step bound to the concrete unit that decides it.
CREATE TABLE case_steps (
  case_id     INTEGER NOT NULL REFERENCES cases(id),
  seq         INTEGER NOT NULL CHECK (seq >= 1),
  level       TEXT NOT NULL,
  unit_id     INTEGER NOT NULL REFERENCES units(id),
  name_zh     TEXT NOT NULL,
  role        TEXT NOT NULL REFERENCES roles(code),
  days        INTEGER NOT NULL CHECK (days >= 0),
  status      TEXT NOT NULL CHECK (status IN ('pending', 'active', 'returned', 'approved', 'rejected',
                                              'withdrawn')),
  assignee_id INTEGER REFERENCES staff(id),
  started_at  TEXT,
  due_date    TEXT,
  decided_at  TEXT,
  decided_by  INTEGER REFERENCES staff(id),
  note        TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (case_id, seq)
) WITHOUT ROWID;
CREATE INDEX case_steps_open ON case_steps(status, unit_id);
CREATE INDEX case_steps_assignee ON case_steps(assignee_id, status);

CREATE TABLE case_materials (
  case_id     INTEGER NOT NULL REFERENCES cases(id),
  seq         INTEGER NOT NULL,
  name_zh     TEXT NOT NULL,
  required    INTEGER NOT NULL CHECK (required IN (0, 1)),
  received_at TEXT,                        -- NULL: not handed in (yet)
  requested_at TEXT,                       -- set when a reviewer returned the case asking for it
  PRIMARY KEY (case_id, seq)
) WITHOUT ROWID;

-- 好差评: the resident's rating of a decided case, once per case.
CREATE TABLE evaluations (
  case_id     INTEGER PRIMARY KEY REFERENCES cases(id),
  score       INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
  comment     TEXT NOT NULL DEFAULT '',
  at          TEXT NOT NULL,
  recorded_by INTEGER NOT NULL REFERENCES staff(id)
);
