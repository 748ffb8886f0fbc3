-- sqgl schema 10: a register that changes. Residents die, leave the district and
-- move between households and communities; what depends on them reacts.
--
-- A resident who died or left stays in the register (their cases name them), with
-- the date and, for a departure, where to. Both are written only by the register
-- commands and imports, each of which records its event (register.death,
-- register.leave); `sqgl check` replays them.
ALTER TABLE residents ADD COLUMN died_on TEXT;   -- date of death
ALTER TABLE residents ADD COLUMN left_on TEXT;   -- date the resident left the district
ALTER TABLE residents ADD COLUMN left_to TEXT;   -- where to, as the registry gave it

-- Who lives in a household now: the members that household notices, counts and
-- the register commands ask for.
CREATE INDEX residents_living ON residents(household_id) WHERE died_on IS NULL AND left_on IS NULL;

-- A change in the register that an open case must be reviewed for: a member of the
-- applicant's household died, the household (or the applicant) left the district, or
-- the applicant moved. Each row is the case.notice event of its case, which `sqgl
-- check` replays.
CREATE TABLE case_notices (
  id          INTEGER PRIMARY KEY,
  case_id     INTEGER NOT NULL REFERENCES cases(id),
  at          TEXT NOT NULL,                    -- local date-time it was recorded
  kind        TEXT NOT NULL CHECK (kind IN ('death', 'left_district', 'moved')),
  resident_id INTEGER NOT NULL REFERENCES residents(id),  -- whom the change was about
  on_date     TEXT NOT NULL,                    -- when it happened, as the register says
  detail      TEXT NOT NULL DEFAULT ''          -- where to (a departure), the new household (a move)
);
CREATE INDEX case_notices_case ON case_notices(case_id);
