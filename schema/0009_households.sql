-- sqgl schema 9: the household as the unit of household benefits.
--
-- 低保, 廉租房 and the other household benefits are applied for by one adult of the
-- household with the head's authority, belong to the household, and are tested
-- against the household's facts: the monthly income of the members who live
-- together, what it owns, where it lives. The thresholds are data, per year and
-- per district, which the district edits with `sqgl import standards`.

-- What the register knows of a household and its members (NULL: not on record).
ALTER TABLE households ADD COLUMN housing TEXT CHECK (housing IN ('owned', 'rented', 'public', 'none'));
ALTER TABLE households ADD COLUMN living_area REAL CHECK (living_area >= 0);   -- m² the household lives in
ALTER TABLE households ADD COLUMN assets TEXT NOT NULL DEFAULT '';             -- '|'-separated: vehicle, property, business, savings
ALTER TABLE residents ADD COLUMN monthly_income INTEGER CHECK (monthly_income >= 0);  -- yuan a month
ALTER TABLE residents ADD COLUMN living_together INTEGER NOT NULL DEFAULT 1 CHECK (living_together IN (0, 1));
ALTER TABLE residents ADD COLUMN hukou TEXT CHECK (hukou IN ('urban', 'rural'));

-- What an item asks of its applicant beyond eligibility.
--   applicant:        a person applies for themself, or an adult applies for the household;
--   once:             granted once per pregnancy (a new case only after the entitlement
--                     ended or a birth was registered) or once in a lifetime;
--   entitlement_days: how long a grant runs from its decision (一杯奶: 280 days);
--   renewal_of:       the item whose grant this one reviews (an annual review needs a grant);
--   means_test:       '|'-separated standards the household must be under.
ALTER TABLE items ADD COLUMN applicant TEXT NOT NULL DEFAULT 'person' CHECK (applicant IN ('person', 'household'));
ALTER TABLE items ADD COLUMN once TEXT CHECK (once IN ('pregnancy', 'lifetime'));
ALTER TABLE items ADD COLUMN entitlement_days INTEGER CHECK (entitlement_days >= 1);
ALTER TABLE items ADD COLUMN renewal_of TEXT REFERENCES items(code);
ALTER TABLE items ADD COLUMN means_test TEXT NOT NULL DEFAULT '';

-- Thresholds in force from a year on, until a later year's: the 低保 standard
-- (yuan per person a month), the low-income line (likewise) and the housing area
-- below which a household is in housing difficulty (m² per person). A district's
-- own row comes before the row for every district ('').
CREATE TABLE standards (
  kind     TEXT NOT NULL CHECK (kind IN ('dibao', 'low_income', 'housing_area')),
  district TEXT NOT NULL DEFAULT '',
  year     INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2200),
  value    REAL NOT NULL CHECK (value > 0),
  assumed  INTEGER NOT NULL DEFAULT 0 CHECK (assumed IN (0, 1)),  -- a stand-in until the real figure is known
  source   TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (kind, district, year)
) WITHOUT ROWID;

-- A household benefit's case belongs to the household (NULL for a person's case).
ALTER TABLE cases ADD COLUMN household_id INTEGER REFERENCES households(id);
CREATE INDEX cases_household_item ON cases(household_id, item) WHERE household_id IS NOT NULL;

-- A database whose catalog was loaded before schema 9 gets the same rules as
-- schema/catalog/items.csv gives a new one.
UPDATE items SET applicant = 'household'
  WHERE code IN ('C02-01', 'C02-02', 'C02-07', 'C03-04', 'C06-01', 'C06-02', 'C06-03', 'C06-04');
UPDATE items SET means_test = 'dibao' WHERE code IN ('C02-01', 'C02-02');
UPDATE items SET means_test = 'low_income' WHERE code = 'C02-07';
UPDATE items SET means_test = 'low_income|housing_area' WHERE code IN ('C06-01', 'C06-03', 'C06-04');
UPDATE items SET renewal_of = 'C02-01' WHERE code = 'C02-02';
UPDATE items SET renewal_of = 'C06-01' WHERE code = 'C06-03';
UPDATE items SET once = 'pregnancy', entitlement_days = 280 WHERE code = 'C05-01';
UPDATE items SET once = 'lifetime' WHERE code IN ('C05-05', 'C08-02');
UPDATE items SET max_per_year = 1 WHERE code IN ('C02-02', 'C06-03');
