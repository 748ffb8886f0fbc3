-- sqgl schema 3: indexes the reports read through. A report as of a day looks for
-- the cases still open then (decided after that day, or not at all) and for the
-- steps decided within a period.
CREATE INDEX cases_decided ON cases(decided_at);
CREATE INDEX case_steps_decided ON case_steps(decided_at);
