#!/usr/bin/env python3
"""Time that nobody can fake: $SQGL_NOW only on a pinned database, dates only in 2000-2099, case times causal.

A database made by `sqgl init` is dated by the machine's clock: every command run
with $SQGL_NOW set is refused there (exit 2, one line, nothing written), and so is
`init` of a new database unless it asks for a pinned clock (--clock pinned, or
--demo). On a pinned database (the demo district) $SQGL_NOW dates events, but a
date outside 2000-2099 is refused, and so is every command about a case dated
before the newest event of its history: an approval before the acceptance, the
bureau's decision before the station's, a rating before the decision, a route, a
return, a rejection, a withdrawal, a supplement before the return, `route --auto`.
Dated at or after that event, the same commands succeed. Imported cases and
ratings obey the same bounds, row by row.

Every event records the machine's clock and which clock dated it: events dated by
$SQGL_NOW are back-filled (marked by `audit log --backfilled`, `audit verify`'s
count and `show`), events dated by the machine's clock carry the time they were
recorded. The admin's `setting clock system|pinned` is an event too, and once the
clock is the machine's a clerk cannot date C02-03 (at most 2 a year) into another
year to get around its limit.
"""
import datetime
import json
import os
import sqlite3
import sys

import common

DEMO_NOW = "2012-01-29T09:00"        # the demo district's own day (common.demo_database)
MACHINE = "$SQGL_NOW pins the clock, but this database is dated by the machine's clock"
NEW_MACHINE = "$SQGL_NOW pins the clock, but a new database is dated by the machine's clock"
RANGE = "sqgl keeps cases from 2000 to 2099"
CAUSAL = "nothing about a case is dated before what its history holds"
COMMUNITY = "150204001001"


def business(now):
    """SQGL_NOW as sqgl writes it: YYYY-MM-DDTHH:MM:SS."""
    if "T" not in now:
        now += "T00:00"
    return now if now.count(":") == 2 else now + ":00"


def moment(text):
    return datetime.datetime.fromisoformat(text)


class Run:
    """Runs sqgl and keeps the figures: refusals by kind, successes, events by clock."""

    def __init__(self, sqgl):
        self.sqgl = sqgl
        self.problems = []
        self.refusals = {"machine": 0, "range": 0, "causal": 0, "import": 0}
        self.succeeded = 0
        self.pinned_events = 0
        self.system_events = 0
        self.dumps = {}  # db -> its canonical dump, while nothing is known to have changed it

    def problem(self, text):
        self.problems.append(text)

    def dump(self, db):
        if db not in self.dumps:
            self.dumps[db] = common.canonical_dump(db)
        return self.dumps[db]

    def refuse(self, kind, argv, db, now, phrase, starts=None, lines=1, exit_code=2, new_file=False, recorded=False):
        """`argv` must exit `exit_code` with `lines` error lines (the first naming `phrase`)
        and leave the database as it was (or, for a new database, leave no file; a denied
        permission is `recorded` in the history)."""
        before = None if new_file else self.dump(db)
        out = common.run(self.sqgl, argv, db, now)
        what = f"SQGL_NOW={now} sqgl {' '.join(argv)}" if now else f"sqgl {' '.join(argv)}"
        errors = out.stderr.splitlines()
        if out.returncode != exit_code:
            self.problem(f"{what}: exit {out.returncode}, expected {exit_code}: {out.stderr.strip()[:300]}")
        if len(errors) != lines or not all(e.startswith("sqgl: error: ") for e in errors):
            self.problem(f"{what}: expected {lines} 'sqgl: error:' line(s), got {out.stderr!r}")
        elif phrase not in errors[0] or (starts and not errors[0].startswith("sqgl: error: " + starts)):
            self.problem(f"{what}: the error does not say {(starts or '') + ' … ' + phrase!r}: {errors[0]}")
        if out.stdout:
            self.problem(f"{what}: a refusal printed {out.stdout[:200]!r}")
        if new_file:
            left = [p for p in (db, db + "-wal", db + "-shm", db + "-journal") if os.path.exists(p)]
            if left:
                self.problem(f"{what}: the refused init left {left}")
        else:
            self.dumps.pop(db)
            if not recorded and self.dump(db) != before:
                self.problem(f"{what}: refused, but the database changed")
        if kind:
            self.refusals[kind] += 1
        return out

    def succeed(self, argv, db, now, events=None):
        """`argv` must exit 0; every event it adds must be dated by the clock it ran
        with: $SQGL_NOW ('pinned', back-filled) or the machine's ('system', at = recorded_at)."""
        first = newest_event(db) + 1
        started = datetime.datetime.now().replace(microsecond=0)
        out = common.run(self.sqgl, argv, db, now)
        ended = datetime.datetime.now()
        what = f"SQGL_NOW={now} sqgl {' '.join(argv)}" if now else f"sqgl {' '.join(argv)}"
        self.dumps.pop(db, None)
        if out.returncode != 0:
            self.problem(f"{what}: exit {out.returncode}, expected 0: {out.stderr.strip()[:300]}")
            return out
        self.succeeded += 1
        added = query(db, "SELECT id, at, recorded_at, clock, kind FROM events WHERE id >= ? ORDER BY id", (first,))
        if events is not None and len(added) != events:
            self.problem(f"{what}: {len(added)} events recorded, expected {events}")
        for event_id, at, recorded_at, clock, kind in added:
            if recorded_at is None or not started <= moment(recorded_at) <= ended:
                self.problem(f"{what}: event {event_id} ({kind}) recorded at {recorded_at}, "
                             f"not the machine's time ({started:%Y-%m-%dT%H:%M:%S})")
            if now and (clock != "pinned" or at != business(now)):
                self.problem(f"{what}: event {event_id} ({kind}) dated {at} by the {clock} clock, "
                             f"expected {business(now)} by the pinned clock")
            elif not now and (clock != "system" or at != recorded_at):
                self.problem(f"{what}: event {event_id} ({kind}) dated {at} by the {clock} clock, "
                             f"recorded {recorded_at}: expected the system clock's time of recording")
            if clock == "pinned":
                self.pinned_events += 1
            else:
                self.system_events += 1
        return out


def query(db, sql, params=()):
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def newest_event(db):
    if not os.path.exists(db):
        return 0
    return query(db, "SELECT coalesce(max(id), 0) FROM events")[0][0]


def residents(db, condition, limit, offset=0):
    return [r[0] for r in query(
        db, "SELECT r.citizen_id FROM residents r JOIN households h ON h.id = r.household_id "
            f"JOIN units u ON u.id = h.community_id WHERE {condition} AND u.code = ? ORDER BY r.id LIMIT ? OFFSET ?",
        (COMMUNITY, limit, offset))]


def newest_case_time(db, number):
    """What the causal refusal names: the newest case.* event of the case, else its acceptance."""
    row = query(db, "SELECT at FROM events WHERE subject = ? AND kind LIKE 'case.%' ORDER BY id DESC LIMIT 1",
                (number,))
    accepted = query(db, "SELECT accepted_at FROM cases WHERE number = ?", (number,))[0][0]
    return max(accepted, row[0][0]) if row else accepted


def number_of(out):
    return json.loads(out.stdout)["number"]


def setting_value(stdout, name):
    """The value `sqgl --json setting` gives a setting, or None."""
    return next((s["value"] for s in json.loads(stdout)["settings"] if s["name"] == name), None)


def machine_clock_database(r, work):
    """(a) A database made by plain `sqgl init`: $SQGL_NOW is refused there, whatever it says."""
    db = f"{work}/sys.db"
    r.succeed(["init"], db, None)
    setting = common.run(r.sqgl, ["--json", "setting"], db, None)
    if setting.returncode != 0 or setting_value(setting.stdout, "clock") != "system":
        r.problem(f"sqgl init (no SQGL_NOW): the clock setting is not 'system': {setting.stdout.strip()}")
    machine_now = datetime.datetime.now().strftime("%Y-%m-%dT%H:%M:%S")
    someone = "15020419820927536X"
    for now, argv in [
        ("2026-03-02T09:00", ["catalog"]),
        ("2026-03-02T09:00", ["catalog", "C05-01"]),
        ("2026-03-02", ["calendar"]),
        ("2026-03-02", ["list", "--status", "open"]),
        ("2026-03-02", ["report", "backlog"]),
        ("2026-03-02", ["setting"]),
        ("2026-03-02", ["--as", "IT01", "setting", "clock", "pinned"]),
        ("2026-03-02", ["--as", "X", "apply", "--resident", someone, "--item", "C05-01", "--materials", "1,2,3,4"]),
        ("2026-03-02", ["show", "150204-20260302-0001"]),
        ("2026-03-02", ["audit", "verify"]),
        ("2026-03-02", ["init"]),
        (machine_now, ["catalog", "C05-01"]),  # even the machine's own time: pinning is refused, not a date
    ]:
        r.refuse("machine", argv, db, now, MACHINE, starts="$SQGL_NOW")
    # A new database takes $SQGL_NOW only when asked for a pinned clock.
    for argv in (["init"], ["init", "--clock", "system"]):
        r.refuse("machine", argv, f"{work}/new.db", "2026-03-02", NEW_MACHINE, new_file=True)
    # Its events: dated by the machine's clock, as recorded.
    wrong = query(db, "SELECT id, kind, at, recorded_at, clock FROM events "
                      "WHERE clock IS NOT 'system' OR at IS NOT recorded_at")
    if wrong:
        r.problem(f"sys.db: events not dated by the machine's clock as recorded: {wrong[:3]}")
    return db


def outside_the_years(r, db, work):
    """Dates outside 2000-2099, refused even on a pinned database; the bounds themselves pass."""
    someone = residents(db, "r.pregnant", 1)[0]
    for now, argv in [
        ("1999-12-31", ["catalog", "C05-01"]),
        ("2100-01-01", ["list", "--status", "open"]),
        ("9999-12-31", ["--as", "ZZ0101", "apply", "--resident", someone, "--item", "C05-01", "--materials", "1,2,3,4"]),
        ("1999-12-31T23:59:59", ["--as", "IT01", "setting", "clock", "system"]),
        ("2100-01-01T00:00", ["report", "backlog"]),
    ]:
        r.refuse("range", argv, db, now, RANGE, starts=f"invalid SQGL_NOW '{now[:10]}")
    r.refuse("range", ["init", "--clock", "pinned"], f"{work}/future.db", "2100-01-01", RANGE, new_file=True)
    for now in ("2000-01-01T00:00", "2099-12-31T23:59:59"):
        r.succeed(["catalog", "C05-01"], db, now, events=0)


def causal(r, db):
    """(b) On the pinned demo database: nothing about a case dated before its history."""
    pregnant = residents(db, "r.pregnant", 1)[0]
    low_income = residents(db, "r.low_income AND r.relation = '户主'", 2)

    def backdated(argv, now, number=None):
        starts = None
        if number:
            starts = f"the clock says {business(now)}, but case '{number}' has an event dated " \
                     f"{newest_case_time(db, number)}"
        r.refuse("causal", argv, db, now, CAUSAL, starts=starts)

    # A: 一杯奶 (C05-01), station then the family-planning bureau, then rated.
    a = number_of(r.succeed(["--json", "--as", "ZZ0101", "apply", "--resident", pregnant, "--item", "C05-01",
                             "--materials", "1,2,3,4"], db, "2026-03-02T09:00", events=1))
    backdated(["--as", "ZZ0101", "approve", a], "2019-06-01", a)              # 2019 on a case of 2026
    backdated(["--as", "ZZ0101", "approve", a], "2026-03-02T08:59:59", a)     # a second before acceptance
    backdated(["--as", "IT01", "route", a, "--to", "ZZ0101"], "2026-03-01T12:00", a)
    backdated(["--as", "ZZ0101", "withdraw", a, "--reason", "x"], "2026-03-02T08:00", a)
    r.succeed(["--as", "IT01", "route", a, "--to", "ZZ0101"], db, "2026-03-02T09:00", events=1)  # at, not before
    r.succeed(["--as", "ZZ0101", "approve", a], db, "2026-03-03T10:00", events=1)
    backdated(["--as", "JSJ01", "approve", a], "2026-03-03T09:00", a)         # the bureau before the station
    # bug: one not allowed to act, dating the attempt before the case, had a refusal
    # recorded out of time. A known clerk's date is refused first (exit 2, nothing
    # written); an unknown operator's refusal is recorded by the machine's clock.
    backdated(["--as", "CL01", "approve", a], "2026-03-01T09:00", a)
    r.refuse(None, ["--as", "NOBODY", "approve", a], db, "2026-03-01T09:00", "unknown operator 'NOBODY'",
             exit_code=4, recorded=True)
    refusal = query(db, "SELECT clock, at = recorded_at FROM events WHERE kind = 'permission.denied' "
                        "ORDER BY id DESC LIMIT 1")[0]
    if refusal != ("system", 1):
        r.problem(f"a refusal under $SQGL_NOW was dated {refusal}, not by the machine's clock")
    r.succeed(["--as", "JSJ01", "approve", a], db, "2026-03-04T15:30", events=1)
    backdated(["--as", "ZZ0101", "evaluate", a, "--score", "5"], "2026-03-04T15:29", a)  # rated before decided
    r.succeed(["--as", "ZZ0101", "evaluate", a, "--score", "5"], db, "2026-03-04T15:30", events=1)

    # B: 特困供养 (C02-05) returned for materials by the civil-affairs bureau, then supplemented.
    b = number_of(r.succeed(["--json", "--as", "ZZ0101", "apply", "--resident", low_income[0], "--item", "C02-05",
                             "--materials", "1,2,3,4"], db, "2026-03-02T09:30", events=1))
    r.succeed(["--as", "ZZ0101", "approve", b], db, "2026-03-03", events=1)
    r.succeed(["--as", "MZJ01", "approve", b, "--return", "3", "--note", "x"], db, "2026-03-05T10:00", events=1)
    backdated(["--as", "ZZ0101", "apply", "--supplement", b, "--materials", "3"], "2026-03-04", b)
    backdated(["--as", "MZJ01", "route", b, "--to", "MZJ02"], "2026-03-05T09:59", b)
    r.succeed(["--as", "ZZ0101", "apply", "--supplement", b, "--materials", "3"], db, "2026-03-09", events=1)
    backdated(["--as", "MZJ01", "approve", b, "--return", "2", "--note", "y"], "2026-03-08", b)
    backdated(["--as", "MZJ01", "approve", b, "--reject", "x"], "2026-03-08T23:59", b)
    backdated(["--as", "ZZ0101", "withdraw", b, "--reason", "x"], "2026-03-06", b)
    r.succeed(["--as", "MZJ01", "approve", b], db, "2026-03-10", events=1)

    # C: a step decided by the machine's clock; nothing pinned may then be dated before it.
    c = number_of(r.succeed(["--json", "--as", "ZZ0101", "apply", "--resident", low_income[1], "--item", "C02-05",
                             "--materials", "1,2,3,4"], db, "2026-03-02T09:40", events=1))
    backdated(["--as", "IT01", "route", "--auto"], "2026-03-01")
    backdated(["--as", "ZZ0101", "withdraw", c, "--reason", "x"], "2026-03-02T09:39", c)
    r.succeed(["--as", "IT01", "route", "--auto"], db, "2026-03-02T09:40")
    r.succeed(["--as", "ZZ0101", "approve", c], db, None, events=1)   # the machine's clock
    decided = query(db, "SELECT at FROM events WHERE subject = ? ORDER BY id DESC LIMIT 1", (c,))[0][0]
    before = (moment(decided) - datetime.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%S")
    backdated(["--as", "ZZ0101", "withdraw", c, "--reason", "x"], before, c)
    r.succeed(["--as", "ZZ0101", "withdraw", c, "--reason", "x"], db, decided, events=1)
    return [a, b, c]


def imported(r, db, work):
    """Imported cases and ratings: times in 2000-2099, a rating not before its decision."""
    someone = residents(db, "r.relation = '户主'", 1, offset=5)[0]
    now = "2026-03-20T09:00"
    header = "number,item,resident,status,accepted_at,decided_at\n"
    files = {
        "cases-1999.csv": header + f"150204-19991231-0001,C04-07,{someone},approved,1999-12-31 08:00,2000-01-04 08:30\n",
        "cases-2100.csv": header + f"150204-20991231-0001,C04-07,{someone},approved,2099-12-31 08:00,2100-01-04 08:30\n",
        "cases.csv": header + f"150204-20250304-0001,C04-07,{someone},approved,2025-03-04 08:00,2025-03-10 16:00\n",
        "early.csv": "case,score,at\n150204-20250304-0001,5,2025-03-10 15:59\n",
        "rating-1999.csv": "case,score,at\n150204-20250304-0001,5,1999-03-10 15:59\n",
        "rating.csv": "case,score,at\n150204-20250304-0001,4,2025-03-10 16:00\n",
    }
    for name, text in files.items():
        with open(f"{work}/{name}", "w", encoding="utf-8") as f:
            f.write(text)

    def bad(kind, name, column, phrase):
        path = f"{work}/{name}"
        r.refuse("import", ["--as", "IT01", "import", kind, path], db, now, phrase, starts=f"{path}:2:{column}:",
                 lines=2)

    bad("cases", "cases-1999.csv", 5, RANGE)
    bad("cases", "cases-2100.csv", 6, RANGE)
    r.succeed(["--as", "IT01", "import", "cases", f"{work}/cases.csv"], db, now)
    bad("evaluations", "early.csv", 3, "2025-03-10T15:59:00 is before the case was decided (2025-03-10T16:00:00)")
    bad("evaluations", "rating-1999.csv", 3, RANGE)
    r.succeed(["--as", "IT01", "import", "evaluations", f"{work}/rating.csv"], db, now)


def marks(r, db, cases):
    """Back-filled events marked everywhere they are shown; machine-clock ones dated as recorded."""
    pinned = [row[0] for row in query(db, "SELECT id FROM events WHERE clock = 'pinned' ORDER BY id")]
    total = newest_event(db)
    wrong = query(db, "SELECT id, kind, at, recorded_at, clock FROM events "
                      "WHERE recorded_at IS NULL OR clock IS NULL OR (clock = 'system' AND at IS NOT recorded_at)")
    if wrong:
        r.problem(f"demo.db: events without their machine time or clock, or machine-clock events not dated "
                  f"as recorded: {wrong[:3]}")
    log = common.run(r.sqgl, ["--json", "audit", "log", "--backfilled", "--limit", "1000000"], db, None)
    logged = json.loads(log.stdout)["events"] if log.returncode == 0 else []
    if log.returncode != 0 or sorted(e["id"] for e in logged) != pinned or not all(e["backfilled"] for e in logged):
        r.problem(f"audit log --backfilled: {len(logged)} events (exit {log.returncode}), "
                  f"the history holds {len(pinned)} dated by $SQGL_NOW")
    verify = common.run(r.sqgl, ["--json", "audit", "verify"], db, None)
    report = json.loads(verify.stdout) if verify.returncode == 0 else {}
    if (report.get("backfilled_count") != len(pinned) or report.get("event_count") != total
            or report.get("ok") is not True):
        r.problem(f"audit verify: {verify.stdout.strip()!r} (exit {verify.returncode}), expected {total} events, "
                  f"{len(pinned)} back-filled")
    shown = 0
    for number in cases:
        text = common.run(r.sqgl, ["show", number], db, None)
        data = common.run(r.sqgl, ["--json", "show", number], db, None)
        if text.returncode != 0 or data.returncode != 0:
            r.problem(f"show {number}: exit {text.returncode}/{data.returncode}")
            continue
        history = json.loads(data.stdout)["history"]
        clocks = dict(query(db, "SELECT id, clock FROM events WHERE subject = ?", (number,)))
        for event in history:
            if event["backfilled"] != (clocks.get(event["id"]) == "pinned"):
                r.problem(f"show {number} --json: event {event['id']} back-filled {event['backfilled']}, "
                          f"clock {clocks.get(event['id'])}")
        lines = text.stdout.split("\nhistory:\n", 1)[-1].splitlines()
        flagged = [line for line in lines if "(back-filled, recorded " in line]
        expected = sum(1 for e in history if e["backfilled"])
        if len(flagged) != expected:
            r.problem(f"show {number}: {len(flagged)} history lines marked back-filled, expected {expected}")
        shown += len(flagged)
    return len(pinned), shown


def setting_the_clock(r, db):
    """(c) The admin sets a demo database's clock to the machine's, and back: both recorded;
    meanwhile $SQGL_NOW is refused, so C02-03's limit of 2 a year cannot be dated around."""
    changes = r.succeed(["--as", "IT01", "setting", "clock", "system"], db, None, events=1)
    event = query(db, "SELECT kind, subject, detail, clock FROM events ORDER BY id DESC LIMIT 1")[0]
    if changes.returncode != 0 or (event[0], event[1], event[3]) != ("setting.change", "clock", "system") or \
            json.loads(event[2]) != {"from": "pinned", "to": "system"}:
        r.problem(f"setting clock system: recorded as {event}")
    someone = residents(db, "r.relation = '户主'", 1)[0]
    apply = ["--json", "--as", "ZZ0101", "apply", "--resident", someone, "--item", "C02-03", "--materials", "1,2,3"]
    refused = [("2026-03-02", ["catalog", "C02-03"]), ("2026-03-02", apply[1:]),
               ("2026-03-02", ["--as", "IT01", "setting", "clock", "pinned"])]
    for now, argv in refused:
        r.refuse("machine", argv, db, now, MACHINE, starts="$SQGL_NOW")
    # Two C02-03 cases this year, investigated and approved, by the machine's clock: the limit is reached.
    for _ in range(2):
        number = number_of(r.succeed(apply, db, None, events=1))
        r.succeed(["--as", "ZZ0101", "investigate", number, "--visited", datetime.date.today().isoformat(),
                   "--result", "pass"], db, None, events=1)
        r.succeed(["--as", "MZJ01", "approve", number], db, None, events=1)
    r.refuse(None, apply[1:], db, None, "the limit is 2 a year", exit_code=5)
    year = datetime.date.today().year
    for now in (f"{year - 1}-06-01T09:00", f"{year + 1}-01-04T09:00"):  # last year's, next year's quota
        r.refuse("machine", apply[1:], db, now, MACHINE, starts="$SQGL_NOW")
    cases = query(db, "SELECT count(*) FROM cases WHERE item = 'C02-03'")
    if cases != [(2,)]:
        r.problem(f"C02-03: {cases[0][0]} cases, expected the 2 the limit allows")
    # A clerk may not change the clock; the admin may pin it again, and $SQGL_NOW then dates events.
    r.refuse(None, ["--as", "ZZ0101", "setting", "clock", "pinned"], db, None, "may not change settings",
             exit_code=4, recorded=True)
    r.succeed(["--as", "IT01", "setting", "clock", "pinned"], db, None, events=1)
    event = query(db, "SELECT kind, subject, detail, clock FROM events ORDER BY id DESC LIMIT 1")[0]
    if (event[0], event[1], event[3]) != ("setting.change", "clock", "system") or \
            json.loads(event[2]) != {"from": "system", "to": "pinned"}:
        r.problem(f"setting clock pinned: recorded as {event}")
    r.succeed(["catalog", "C02-03"], db, "2026-03-02", events=0)


def main():
    args = common.arguments(__doc__.splitlines()[0])
    scale = 1 if args.long else 0.1
    r = Run(args.sqgl)
    if datetime.datetime.now() < datetime.datetime(2026, 4, 1):
        sys.exit("the machine's clock is before 2026-04: the back-filled cases of 2026-03 would be in its future")

    machine_clock_database(r, args.work)

    demo = f"{args.work}/demo.db"
    common.demo_database(args.sqgl, demo, scale=scale)  # pinned: init --demo under SQGL_NOW
    recorded = query(demo, "SELECT count(*) FROM events WHERE kind = 'setting.change' AND subject = 'clock' "
                           "AND detail = '{\"from\":\"system\",\"to\":\"pinned\"}' AND clock = 'pinned'")
    pinned_setting = query(demo, "SELECT value FROM settings WHERE key = 'clock'")
    if recorded != [(1,)] or pinned_setting != [("pinned",)]:
        r.problem(f"init --demo: clock setting {pinned_setting}, {recorded[0][0]} setting.change events")
    outside_the_years(r, demo, args.work)
    cases = causal(r, demo)
    imported(r, demo, args.work)
    backfilled, shown = marks(r, demo, cases)

    second = f"{args.work}/demo2.db"
    common.demo_database(args.sqgl, second, scale=scale)
    setting_the_clock(r, second)

    for db in (f"{args.work}/sys.db", demo, second):
        for argv in (["audit", "verify"], ["check"]):
            out = common.run(args.sqgl, argv, db, None)
            if out.returncode != 0:
                r.problem(f"{os.path.basename(db)}: {' '.join(argv)} exit {out.returncode}: {out.stderr.strip()}")

    refused = sum(r.refusals.values())
    print(f"time: {refused} refusals ({r.refusals['machine']} of $SQGL_NOW on a machine-clock database, "
          f"{r.refusals['range']} dates outside 2000-2099, {r.refusals['causal']} backdated case commands, "
          f"{r.refusals['import']} imported times), each exit 2 with one error line (an import: the row named) and nothing written; "
          f"{r.succeeded} commands dated at or after their history succeeded; {backfilled} back-filled events "
          f"marked ({shown} in show), {r.system_events} machine-clock events dated as recorded; "
          f"C02-03's 2 a year held")
    for p in r.problems:
        print("  problem:", p)
    return 1 if r.problems else 0


if __name__ == "__main__":
    sys.exit(main())
