-- sqgl schema 1: settings, history, the catalog, the community model, the calendar.
-- Applied by `sqgl init` inside one BEGIN IMMEDIATE transaction; PRAGMA user_version
-- records that it ran. Never edit a migration that has shipped: add the next one.

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- The history: every change writes one event in the same transaction. Events are
-- append-only and hash-chained (hash = SHA-256 over the event and prev_hash).
CREATE TABLE events (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,              -- local date-time from the clock (SQGL_NOW in tests)
  operator  TEXT,                       -- staff number, NULL for the system (init)
  kind      TEXT NOT NULL,              -- 'schema.migrate', 'catalog.load', 'demo.generate', …
  subject   TEXT NOT NULL DEFAULT '',   -- what it is about: a case number, a unit code, a year
  detail    TEXT NOT NULL DEFAULT '{}', -- JSON: counts, before and after
  prev_hash TEXT NOT NULL,
  hash      TEXT NOT NULL UNIQUE
);
CREATE INDEX events_subject ON events(subject, id);
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

-- The catalog ------------------------------------------------------------------

CREATE TABLE windows (
  code    TEXT PRIMARY KEY,
  seq     INTEGER NOT NULL UNIQUE,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE categories (
  code    TEXT PRIMARY KEY CHECK (code GLOB 'C[0-9][0-9]'),
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL
) WITHOUT ROWID;

-- Units of the district: the district itself, street offices, communities and the
-- three bodies of each community (station, residents' committee, party committee),
-- district bureaus and other named units that chains point at.
CREATE TABLE units (
  id        INTEGER PRIMARY KEY,
  code      TEXT NOT NULL UNIQUE,
  kind      TEXT NOT NULL CHECK (kind IN ('district', 'street', 'community', 'station', 'committee',
                                          'party', 'bureau', 'other')),
  name_zh   TEXT NOT NULL,
  name_en   TEXT NOT NULL DEFAULT '',
  parent_id INTEGER REFERENCES units(id)
);
CREATE INDEX units_parent ON units(parent_id);
CREATE INDEX units_kind ON units(kind);

CREATE TABLE items (
  code          TEXT PRIMARY KEY CHECK (code GLOB 'C[0-9][0-9]-[0-9][0-9]'),
  category      TEXT NOT NULL REFERENCES categories(code),
  name_zh       TEXT NOT NULL,
  name_en       TEXT NOT NULL,
  window        TEXT NOT NULL REFERENCES windows(code),
  promise_days  INTEGER NOT NULL CHECK (promise_days >= 1),
  handling      TEXT NOT NULL CHECK (handling IN ('immediate', 'promised')),
  item_type     TEXT NOT NULL CHECK (item_type IN ('service', 'benefit', 'confirmation')),
  trips_new     INTEGER NOT NULL CHECK (trips_new >= 1),
  trips_old     INTEGER NOT NULL CHECK (trips_old >= 1),
  -- Eligibility facts checkable from resident data (NULL or '' = no condition).
  min_age       INTEGER CHECK (min_age >= 0),
  max_age       INTEGER CHECK (max_age >= 0),
  sex           TEXT CHECK (sex IN ('M', 'F')),
  flags         TEXT NOT NULL DEFAULT '',   -- '|'-separated: pregnant, disabled, low_income, party_member, unemployed
  max_per_year  INTEGER CHECK (max_per_year >= 1),
  one_open_case INTEGER NOT NULL DEFAULT 1 CHECK (one_open_case IN (0, 1)),
  local_only    INTEGER NOT NULL DEFAULT 1 CHECK (local_only IN (0, 1)),
  era           TEXT NOT NULL DEFAULT '',
  facts         TEXT NOT NULL DEFAULT '',
  source        TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
CREATE INDEX items_category ON items(category);

-- Approval chains: one row per step, under the new model and the old one.
CREATE TABLE item_steps (
  item    TEXT NOT NULL REFERENCES items(code),
  model   TEXT NOT NULL CHECK (model IN ('new', 'old')),
  seq     INTEGER NOT NULL CHECK (seq >= 1),
  level   TEXT NOT NULL CHECK (level IN ('committee', 'station', 'street', 'bureau', 'other')),
  unit    TEXT REFERENCES units(code),          -- the named unit, for bureau and other steps
  name_zh TEXT NOT NULL,
  role    TEXT NOT NULL REFERENCES roles(code),  -- the role that decides this step
  days    INTEGER NOT NULL CHECK (days >= 0),     -- working days this step may take
  PRIMARY KEY (item, model, seq),
  CHECK ((level IN ('bureau', 'other')) = (unit IS NOT NULL))
) WITHOUT ROWID;

CREATE TABLE item_materials (
  item     TEXT NOT NULL REFERENCES items(code),
  seq      INTEGER NOT NULL CHECK (seq >= 1),
  name_zh  TEXT NOT NULL,
  required INTEGER NOT NULL CHECK (required IN (0, 1)),
  PRIMARY KEY (item, seq)
) WITHOUT ROWID;

-- People --------------------------------------------------------------------------

CREATE TABLE roles (
  code    TEXT PRIMARY KEY,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO roles (code, name_zh, name_en) VALUES
  ('worker',    '服务站工作人员',   'station worker (window clerk, grid worker)'),
  ('head',      '服务站站长',       'station head'),
  ('director',  '居委会主任/副主任', 'residents'' committee director or deputy'),
  ('secretary', '社区党委书记',     'community party secretary'),
  ('reviewer',  '街道审核人员',     'street-office reviewer'),
  ('approver',  '区局审批人员',     'bureau approver'),
  ('admin',     '系统管理员',       'district IT administrator');

CREATE TABLE staff (
  id       INTEGER PRIMARY KEY,
  staff_no TEXT NOT NULL UNIQUE,
  name     TEXT NOT NULL,
  unit_id  INTEGER NOT NULL REFERENCES units(id),
  phone    TEXT,
  login    TEXT UNIQUE,                 -- the system login, for peer authentication
  active   INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);
CREATE INDEX staff_unit ON staff(unit_id);

CREATE TABLE staff_roles (
  staff_id INTEGER NOT NULL REFERENCES staff(id),
  role     TEXT NOT NULL REFERENCES roles(code),
  PRIMARY KEY (staff_id, role)
) WITHOUT ROWID;

-- Grids (网格): about 400 households each, one station worker per grid.
CREATE TABLE grids (
  id           INTEGER PRIMARY KEY,
  code         TEXT NOT NULL UNIQUE,
  community_id INTEGER NOT NULL REFERENCES units(id),
  name         TEXT NOT NULL,
  worker_id    INTEGER REFERENCES staff(id)
);
CREATE INDEX grids_community ON grids(community_id);
CREATE INDEX grids_worker ON grids(worker_id);

CREATE TABLE households (
  id           INTEGER PRIMARY KEY,
  code         TEXT NOT NULL UNIQUE,          -- 户号
  community_id INTEGER NOT NULL REFERENCES units(id),
  grid_id      INTEGER REFERENCES grids(id),
  address      TEXT NOT NULL
);
CREATE INDEX households_community ON households(community_id);
CREATE INDEX households_grid ON households(grid_id);

CREATE TABLE residents (
  id           INTEGER PRIMARY KEY,
  citizen_id   TEXT NOT NULL UNIQUE CHECK (length(citizen_id) = 18),
  name         TEXT NOT NULL,
  sex          TEXT NOT NULL CHECK (sex IN ('M', 'F')),
  birth_date   TEXT NOT NULL,
  household_id INTEGER NOT NULL REFERENCES households(id),
  relation     TEXT NOT NULL DEFAULT '',      -- to the head of household: 户主, 配偶, 子女, 父母, …
  phone        TEXT,
  pregnant     INTEGER NOT NULL DEFAULT 0 CHECK (pregnant IN (0, 1)),
  disabled     INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  low_income   INTEGER NOT NULL DEFAULT 0 CHECK (low_income IN (0, 1)),
  party_member INTEGER NOT NULL DEFAULT 0 CHECK (party_member IN (0, 1)),
  unemployed   INTEGER NOT NULL DEFAULT 0 CHECK (unemployed IN (0, 1))
);
CREATE INDEX residents_household ON residents(household_id);

-- The working-day calendar: Monday–Friday, minus 'off' days, plus 'work' days (调休).
CREATE TABLE calendar_years (
  year   INTEGER PRIMARY KEY,
  source TEXT NOT NULL               -- the State Council notice it comes from
);

CREATE TABLE calendar_days (
  date TEXT PRIMARY KEY CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  kind TEXT NOT NULL CHECK (kind IN ('off', 'work')),
  name TEXT NOT NULL DEFAULT '',
  year INTEGER NOT NULL REFERENCES calendar_years(year)   -- the notice year that set it
) WITHOUT ROWID;
CREATE INDEX calendar_days_year ON calendar_days(year);
