#!/usr/bin/env python3
"""tamper: every row edited behind sqgl's back is named by `sqgl check`, down to the field.

On a small demo district with a year of generated history (init --demo --scale 0.25
--history 1) and five live cases worked through the real binary (apply, route, approve,
return for materials, supplement, withdraw, evaluate; a setting changed and changed
back), `sqgl --json check` must first be clean. Then each tamper — one direct SQL edit
of cases, steps, materials, waits, ratings, settings, staff, residents' flags or the
calendar, made with Python's sqlite3 on a fresh copy of that database (foreign keys
off, the append-only, hash-chained events table untouched) — must make `sqgl check`
exit 1 with integrity_check, foreign_key_check and the history's hash chain still
passing: only the replay of the history can see it. The replay must name the edit —
a difference whose subject holds the expected case number, staff number, setting,
masked citizen ID or date, and whose field is exactly the expected one — and every
difference it reports must be one the tamper explains.

Every case tamper runs on a generated history case (init --history) and on a live
case, so both origins are covered. --long also repeats each case tamper on 10 random
generated cases (seeded).
"""
import concurrent.futures
import json
import os
import random
import re
import sqlite3
import sys
import time

import common

OPERATOR = "ZZ0101"           # a worker and the head of station 150204001001
COMMUNITY = "150204001001"
LONG_REPEATS = 10
GROUPS = ["cases", "steps", "materials", "waits", "ratings", "settings", "staff", "flags", "calendar"]


class Tamper:
    """One edit: its group (for the summary), a name, the SQL, and the differences
    (subject part, exact field) it must cause — every one of them, and no other."""

    def __init__(self, group, name, sql, expected):
        self.group, self.name, self.sql, self.expected = group, name, sql, expected


def main():
    args = common.arguments(__doc__.splitlines()[0])
    started = time.monotonic()
    base = f"{args.work}/baseline.db"
    common.demo_database(args.sqgl, base, scale=0.25, history=1)
    problems = []
    live = work_live_cases(args.sqgl, base, problems)
    if problems:
        return report("tamper: could not work the live cases through sqgl", problems)

    # The baseline must be clean, or nothing below means anything.
    baseline, stderr = check(args.sqgl, base)
    compared = baseline.get("replay", {}).get("compared", {})
    if baseline["exit"] != 0 or not baseline.get("ok") or not baseline.get("replay", {}).get("ok"):
        return report("tamper: the baseline is not clean",
                      [f"check exited {baseline['exit']}: {json.dumps(baseline, ensure_ascii=False)[:2000]} "
                       f"{stderr.strip()[:500]}"])

    con = sqlite3.connect(base)
    con.row_factory = sqlite3.Row
    world = World(con)
    generated_numbers = world.generated_numbers()
    generated = [world.case(n) for n in world.generated_cases()]
    live_cases = [world.case(n) for n in live]
    tampers = []
    # Each case tamper on a generated case (the first of a few chosen ones it suits)
    # and on a live case (taking turns, the first it suits from there).
    for i, fn in enumerate(CASE_TAMPERS):
        made = next((t for t in (fn(world, c) for c in generated) if t is not None), None)
        if made is not None:
            tampers.append(made)
        elif fn not in LIVE_ONLY:
            problems.append(f"{fn.__name__}: no generated case to apply it to")
        made = next((t for t in (fn(world, live_cases[(i + k) % len(live_cases)]) for k in range(len(live_cases)))
                     if t is not None), None)
        if made is not None:
            tampers.append(made)
        else:
            problems.append(f"{fn.__name__}: no live case to apply it to")
    tampers += setting_tampers(world) + staff_tampers(world) + flag_tampers(world) + calendar_tampers(world)
    extra = []
    if args.long:
        rng = random.Random(2012)
        chosen = {c.number for c in generated}
        pool = [n for n in generated_numbers if n not in chosen]
        for fn in CASE_TAMPERS:
            if fn in LIVE_ONLY:
                continue
            picked = 0
            for number in rng.sample(pool, min(len(pool), 50 * LONG_REPEATS)):
                made = fn(world, world.case(number))
                if made is not None:
                    extra.append(made)
                    picked += 1
                    if picked == LONG_REPEATS:
                        break
    con.close()

    # Every tamper on its own copy of the baseline, two at a time (two cores).
    def attempt(i, tamper):
        copy = f"{args.work}/tamper-{i:03d}.db"
        clone(base, copy)
        try:
            edit = sqlite3.connect(copy)
            edit.executescript(tamper.sql)
            edit.close()
        except sqlite3.Error as e:
            return f"the tamper's SQL failed: {e}", 0.0
        t0 = time.monotonic()
        result, stderr = check(args.sqgl, copy)
        seconds = time.monotonic() - t0
        wrong = judge(tamper, result, stderr)
        if not wrong:  # a failing copy stays in --work, to look at
            remove(copy)
        return wrong, seconds

    everything = tampers + extra
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as workers:
        outcomes = list(workers.map(attempt, range(len(everything)), everything))
    counts = {}
    named = 0
    for tamper, (wrong, _) in zip(everything, outcomes):
        counts[tamper.group] = counts.get(tamper.group, 0) + 1
        if wrong:
            problems.append(f"{tamper.name}: {wrong}\n      sql: {tamper.sql.strip()}")
        else:
            named += 1
    seconds = [s for _, s in outcomes if s]
    subjects = {s for t in everything for s, _ in t.expected}
    generated_hit = sum(1 for n in generated_numbers if n in subjects)
    live_hit = sum(1 for n in live if n in subjects)

    total = len(everything)
    by_group = ", ".join(f"{g} {counts[g]}" for g in GROUPS if g in counts)
    repeats = f", {len(extra)} of them repeats on random generated cases" if extra else ""
    summary = (f"tamper: {total} edits behind sqgl's back ({by_group}{repeats}; case edits on {generated_hit} "
               f"generated and {live_hit} live cases): {named}/{total} named by check down to the field, "
               f"baseline clean; {compared.get('case_count', 0)} cases, {compared.get('staff_count', 0)} staff, "
               f"{compared.get('resident_count', 0)} residents' flags, {compared.get('calendar_day_count', 0)} calendar days "
               f"replayed in {sum(seconds) / max(len(seconds), 1):.2f} s each, two at a time "
               f"({time.monotonic() - started:.1f} s in all)")
    return report(summary, problems)


def report(summary, problems):
    print(summary)
    for p in problems:
        print("  problem:", p)
    return 1 if problems else 0


def check(sqgl, db):
    """`sqgl --db DB --json check`: its JSON document with "exit" added, and its stderr.
    No pinned clock: check needs none, and a database whose 'clock' setting was
    tampered to 'system' refuses $SQGL_NOW."""
    done = common.run(sqgl, ["--db", db, "--json", "check"], db, now=None)
    try:
        result = json.loads(done.stdout)
    except ValueError:
        result = {"unparsed": done.stdout[:500]}
    result["exit"] = done.returncode
    return result, done.stderr


def remove(path):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)


def clone(base, copy):
    """A consistent copy through SQLite's backup API (the -wal may hold commits)."""
    remove(copy)
    src = sqlite3.connect(base)
    dst = sqlite3.connect(copy)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def judge(tamper, result, stderr):
    """What is wrong with check's answer to this tamper, or "" when it named exactly it."""
    if "unparsed" in result:
        return f"check printed no JSON (exit {result['exit']}): {result['unparsed']!r} {stderr.strip()[:300]}"
    wrong = []
    if result["exit"] != 1:
        wrong.append(f"check exited {result['exit']}, not 1")
    if not result.get("audit", {}).get("ok"):
        wrong.append(f"the history no longer verifies: {result.get('audit')}")
    if result.get("integrity") or result.get("foreign_keys"):
        wrong.append(f"integrity {result.get('integrity')}, foreign keys {result.get('foreign_keys')[:3]}")
    replay = result.get("replay", {})
    shown = replay.get("differences", [])
    if replay.get("ok", True):
        wrong.append("the replay says ok")
    if replay.get("difference_count") != len(shown):
        wrong.append(f"{replay.get('difference_count')} differences, {len(shown)} shown")
    missing = [e for e in tamper.expected if not any(names(d, e) for d in shown)]
    unexplained = [d for d in shown if not any(names(d, e) for e in tamper.expected)]
    if missing:
        wrong.append("not named: " + ", ".join(f"{s} {f!r}" for s, f in missing))
    if unexplained:
        wrong.append("unexplained: " + ", ".join(describe(d) for d in unexplained[:5]))
    if wrong:
        wrong.append("check showed: " + (", ".join(describe(d) for d in shown[:8]) or "nothing"))
    return "; ".join(wrong)


def names(difference, expected):
    """Whether a difference check showed is the expected (subject part, field): the part
    appears whole in the subject ("calendar 2012" is not "calendar 2012-01-23"), and
    the field is exactly the same."""
    subject, field = expected
    # A difference in the thing as a whole has no field (null); the expectations write it "".
    return ((difference.get("field") or "") == field
            and re.search(re.escape(subject) + r"(?![\w-])", difference.get("subject", "")) is not None)


def describe(d):
    return (f"{d.get('subject')} {d.get('field')!r} (history {d.get('history_value')!r}, "
            f"table {d.get('table_value')!r})")


# --- the live cases -------------------------------------------------------------------

def work_live_cases(sqgl, db, problems):
    """Works five cases through the real binary, so every kind of row exists with
    events behind it, and returns their numbers:
      A  C08-01 (disability certificate), three steps approved, then rated;
      B  C02-05 (特困供养), routed, returned by the bureau for materials, resumed, routed;
      C  C02-05 under the old model, withdrawn;
      D  C05-01 (一杯奶), with a note, routed, approved at both steps, not rated;
      E  C08-01, returned by the disabled persons' federation: waiting now.
    Also the setting 'files', changed and changed back."""
    con = sqlite3.connect(db)

    def residents(where, limit):
        return [r[0] for r in con.execute(
            "SELECT r.citizen_id FROM residents r JOIN households h ON h.id = r.household_id "
            f"JOIN units u ON u.id = h.community_id WHERE {where} AND u.code = ? ORDER BY r.id LIMIT ?",
            (COMMUNITY, limit))]
    disabled = residents("r.disabled", 2)
    low_income = residents("r.low_income AND r.relation = '户主'", 2)
    pregnant = residents("r.pregnant", 1)
    con.close()
    if len(disabled) < 2 or len(low_income) < 2 or len(pregnant) < 1:
        problems.append(f"the demo lacks residents: disabled {disabled}, low income {low_income}, pregnant {pregnant}")
        return []

    numbers = {}

    def sqgl_run(argv, operator, now, key=None):
        done = common.run(sqgl, ["--json", *argv] if key else argv, db, now, operator)
        if done.returncode != 0:
            problems.append(f"{' '.join(argv)} (as {operator} at {now}) failed {done.returncode}: "
                            f"{done.stderr.strip()}")
        elif key:
            numbers[key] = json.loads(done.stdout)["number"]

    sqgl_run(["setting", "files", "group"], "IT01", "2012-01-29T09:00")
    sqgl_run(["setting", "files", "owner"], "IT01", "2012-01-29T09:00")
    sqgl_run(["apply", "--resident", disabled[0], "--item", "C08-01", "--materials", "1,2,3,4",
              "--note", "轮椅"], OPERATOR, "2012-01-29T09:30", "A")
    sqgl_run(["apply", "--resident", low_income[0], "--item", "C02-05", "--materials", "1,2,3,4"],
             OPERATOR, "2012-01-29T09:40", "B")
    sqgl_run(["apply", "--resident", low_income[1], "--item", "C02-05", "--materials", "1,2,3,4",
              "--model", "old"], OPERATOR, "2012-01-29T09:50", "C")
    sqgl_run(["apply", "--resident", pregnant[0], "--item", "C05-01", "--materials", "1,2,3,4",
              "--note", "怀孕3个月"], OPERATOR, "2012-01-29T10:00", "D")
    sqgl_run(["apply", "--resident", disabled[1], "--item", "C08-01", "--materials", "1,2,3,4"],
             OPERATOR, "2012-01-29T10:10", "E")
    if len(numbers) < 5:
        return []
    a, b, c, d, e = (numbers[k] for k in "ABCDE")
    sqgl_run(["route", b, "--to", "ZZ0102"], OPERATOR, "2012-01-29T11:00")
    sqgl_run(["route", d, "--to", "ZZ0102"], OPERATOR, "2012-01-29T11:00")
    sqgl_run(["approve", a, "--note", "材料齐全"], OPERATOR, "2012-01-30T10:00")
    sqgl_run(["approve", b], "ZZ0102", "2012-01-30T10:00")
    sqgl_run(["approve", d], "ZZ0102", "2012-01-30T10:00")
    sqgl_run(["approve", e], OPERATOR, "2012-01-30T10:00")
    sqgl_run(["withdraw", c, "--reason", "本人申请撤回"], OPERATOR, "2012-01-30T11:00")
    sqgl_run(["approve", a], "CL01", "2012-02-01T10:00")
    sqgl_run(["approve", d], "JSJ01", "2012-02-01T10:00")
    sqgl_run(["approve", b, "--return", "3", "--note", "收入证明缺少单位盖章"], "MZJ01", "2012-02-01T10:00")
    sqgl_run(["approve", e, "--return", "2", "--note", "照片不清"], "CL01", "2012-02-01T11:00")
    sqgl_run(["approve", a], "ZZ0102", "2012-02-02T10:00")
    sqgl_run(["evaluate", a, "--score", "4", "--comment", "很快"], OPERATOR, "2012-02-03T10:00")
    sqgl_run(["apply", "--supplement", b, "--materials", "3"], OPERATOR, "2012-02-06T10:00")
    sqgl_run(["route", b, "--to", "MZJ02"], "MZJ01", "2012-02-06T11:00")
    return [a, b, c, d, e]


# --- what the tampers need to know ----------------------------------------------------

class Case:
    """A case as the baseline holds it: its columns, and its steps, materials, waits
    (lists of dicts) and rating (a dict or None)."""


class World:
    """The baseline, read as the tampers need it."""

    GENERATED = "EXISTS (SELECT 1 FROM events e WHERE e.kind = 'case.generate' AND e.subject = c.number)"

    def __init__(self, con):
        self.con = con
        self.staff = {r["id"]: r["staff_no"] for r in con.execute("SELECT id, staff_no FROM staff")}

    def generated_numbers(self):
        """The cases init --history generated (a 'case.generate' event made each), by number."""
        return [r[0] for r in self.con.execute(
            f"SELECT c.number FROM cases c WHERE {self.GENERATED} ORDER BY c.number")]

    def generated_cases(self):
        """A few generated cases, between them fit for every case tamper that can be
        made on one: an approved, rated case of three steps or more; an unrated decided
        case; one with materials and one with waits, should the demo make any (it
        makes none now)."""
        found = []
        for where in ("c.status = 'approved' AND EXISTS (SELECT 1 FROM evaluations ev WHERE ev.case_id = c.id) "
                      "AND (SELECT count(*) FROM case_steps s WHERE s.case_id = c.id) >= 3",
                      "c.status IN ('approved', 'rejected') AND NOT EXISTS "
                      "(SELECT 1 FROM evaluations ev WHERE ev.case_id = c.id)",
                      "EXISTS (SELECT 1 FROM case_materials m WHERE m.case_id = c.id)",
                      "EXISTS (SELECT 1 FROM case_waits w WHERE w.case_id = c.id)"):
            row = self.con.execute(f"SELECT c.number FROM cases c WHERE {where} AND {self.GENERATED} "
                                   "ORDER BY c.id LIMIT 1").fetchone()
            if row:
                found.append(row[0])
        return found

    def case(self, number):
        con = self.con
        c = Case()
        row = con.execute("SELECT * FROM cases WHERE number = ?", (number,)).fetchone()
        for key in row.keys():
            setattr(c, key, row[key])
        c.steps = [dict(r) for r in con.execute("SELECT * FROM case_steps WHERE case_id = ? ORDER BY seq", (c.id,))]
        c.materials = [dict(r) for r in con.execute(
            "SELECT * FROM case_materials WHERE case_id = ? ORDER BY seq", (c.id,))]
        c.waits = [dict(r) for r in con.execute("SELECT * FROM case_waits WHERE case_id = ? ORDER BY seq", (c.id,))]
        rating = con.execute("SELECT * FROM evaluations WHERE case_id = ?", (c.id,)).fetchone()
        c.rating = dict(rating) if rating else None
        return c

    def other_staff(self, staff_id):
        """Another staff member's id than this one."""
        return next(sid for sid in sorted(self.staff) if sid != staff_id)

    def one(self, sql, *params):
        return self.con.execute(sql, params).fetchone()[0]


def first(rows, test=lambda row: True):
    return next((row for row in rows if test(row)), None)


# --- cases ----------------------------------------------------------------------------

def case_edit(c, column, value, field, what):
    return Tamper("cases", f"case {c.number}: {what}", f"UPDATE cases SET {column} = {value} WHERE id = {c.id};",
                  [(c.number, field)])


def t_status(w, c):
    new = "rejected" if c.status == "approved" else "approved"
    return case_edit(c, "status", f"'{new}'", "status", f"status {c.status} -> {new}")


def t_decided_at(w, c):
    return case_edit(c, "decided_at", "'2011-11-11T11:11:00'", "decided_at", "decided_at moved")


def t_due_date(w, c):
    return case_edit(c, "due_date", "date(due_date, '+7 days')", "due_date", "due_date 7 days later")


def t_accepted_by(w, c):
    other = w.other_staff(c.accepted_by)
    return case_edit(c, "accepted_by", other, "accepted_by", f"accepted by {w.staff[other]}")


def t_accepted_at(w, c):
    return case_edit(c, "accepted_at", "'2011-01-01T08:00:00'", "accepted_at", "accepted_at moved")


def t_resident(w, c):
    other = w.one("SELECT r.id FROM residents r JOIN households h ON h.id = r.household_id "
                  "WHERE h.community_id = ? AND r.id <> ? ORDER BY r.id LIMIT 1", c.community_id, c.resident_id)
    return case_edit(c, "resident_id", other, "resident", "another resident of the community")


def t_community(w, c):
    other = w.one("SELECT id FROM units WHERE kind = 'community' AND id <> ? ORDER BY id LIMIT 1", c.community_id)
    return case_edit(c, "community_id", other, "community", "moved to another community")


def t_item(w, c):
    other = w.con.execute("SELECT code FROM items WHERE window = ? AND code <> ? ORDER BY code LIMIT 1",
                          (c.window, c.item)).fetchone()
    if other is None:
        return None
    return case_edit(c, "item", f"'{other[0]}'", "item", f"item {c.item} -> {other[0]}")


def t_model(w, c):
    new = "old" if c.model == "new" else "new"
    return case_edit(c, "model", f"'{new}'", "model", f"model {c.model} -> {new}")


def t_window(w, c):
    other = w.one("SELECT code FROM windows WHERE code <> ? ORDER BY seq LIMIT 1", c.window)
    return case_edit(c, "window", f"'{other}'", "window", f"window {c.window} -> {other}")


def t_current_step(w, c):
    new = "NULL" if c.current_seq is not None else "1"
    return case_edit(c, "current_seq", new, "current step", f"current step {c.current_seq} -> {new}")


def t_paused_days(w, c):
    return case_edit(c, "paused_days", "paused_days + 2", "paused_days", "paused_days + 2")


def t_returned_at(w, c):
    new = "NULL" if c.returned_at is not None else "'2012-01-30T10:00:00'"
    return case_edit(c, "returned_at", new, "returned_at", f"returned_at -> {new}")


def t_note(w, c):
    return case_edit(c, "note", "note || '(已改)'", "note", "note edited")


def t_case_inserted(w, c):
    number = c.number[:-4] + "9" + c.number[-3:]
    columns = ("item, model, resident_id, community_id, window, status, current_seq, accepted_at, accepted_by, "
               "due_date, paused_days, returned_at, decided_at, note")
    return Tamper("cases", f"case {number} inserted (a copy of {c.number}), no event",
                  f"INSERT INTO cases (number, {columns}) SELECT '{number}', {columns} FROM cases WHERE id = {c.id};",
                  [(number, "")])


def t_case_deleted(w, c):
    return Tamper("cases", f"case {c.number} deleted with its steps, materials, waits and rating",
                  "".join(f"DELETE FROM {table} WHERE case_id = {c.id}; "
                          for table in ("case_steps", "case_materials", "case_waits", "evaluations"))
                  + f"DELETE FROM cases WHERE id = {c.id};", [(c.number, "")])


# --- steps, materials, waits ------------------------------------------------------------

def row_edit(group, table, c, row, column, value, field, what):
    return Tamper(group, f"case {c.number}: {what}",
                  f"UPDATE {table} SET {column} = {value} WHERE case_id = {c.id} AND seq = {row['seq']};",
                  [(c.number, field)])


def step_edit(c, step, column, value, field, what):
    if step is None:
        return None
    seq = step["seq"]
    return row_edit("steps", "case_steps", c, step, column, value, f"step {seq} {field}", f"step {seq} {what}")


def t_step_status(w, c):
    s = first(c.steps, lambda s: s["status"] in ("approved", "active"))
    new = "rejected" if s and s["status"] == "approved" else "approved"
    return step_edit(c, s, "status", f"'{new}'", "status", f"status -> {new}")


def t_step_decided_by(w, c):
    s = first(c.steps, lambda s: s["decided_by"] is not None)
    return s and step_edit(c, s, "decided_by", w.other_staff(s["decided_by"]), "decided_by",
                           f"decided by {w.staff[w.other_staff(s['decided_by'])]}")


def t_step_decided_at(w, c):
    s = first(c.steps, lambda s: s["decided_at"] is not None)
    return step_edit(c, s, "decided_at", "'2011-11-11T11:11:00'", "decided_at", "decided_at moved")


def t_step_started_at(w, c):
    s = first(c.steps, lambda s: s["started_at"] is not None)
    return step_edit(c, s, "started_at", "'2011-11-11T11:11:00'", "started_at", "started_at moved")


def t_step_due_date(w, c):
    s = first(c.steps, lambda s: s["due_date"] is not None)
    return step_edit(c, s, "due_date", "date(due_date, '+3 days')", "due_date", "due 3 days later")


def t_step_assignee(w, c):
    s = first(c.steps, lambda s: s["assignee_id"] is not None)
    return s and step_edit(c, s, "assignee_id", w.other_staff(s["assignee_id"]), "assignee",
                           f"assigned to {w.staff[w.other_staff(s['assignee_id'])]}")


def t_step_note(w, c):
    return step_edit(c, c.steps[-1], "note", "note || '(已改)'", "note", "note edited")


def t_step_unit(w, c):
    s = c.steps[0]
    other = w.one("SELECT id FROM units WHERE id <> ? AND kind = 'bureau' ORDER BY id LIMIT 1", s["unit_id"])
    return step_edit(c, s, "unit_id", other, "unit", "moved to a bureau")


def t_step_days(w, c):
    return step_edit(c, c.steps[0], "days", "days + 5", "days", "5 more working days")


def t_step_role(w, c):
    return step_edit(c, c.steps[0], "role", "'admin'", "role", "decided by the admin role")


def t_step_deleted(w, c):
    s = c.steps[-1]
    return Tamper("steps", f"case {c.number}: step {s['seq']} deleted",
                  f"DELETE FROM case_steps WHERE case_id = {c.id} AND seq = {s['seq']};",
                  [(c.number, f"step {s['seq']}")])


def material_edit(c, m, column, value, field, what):
    if m is None:
        return None
    return row_edit("materials", "case_materials", c, m, column, value, f"material {m['seq']} {field}",
                    f"material {m['seq']} {what}")


def t_material_received(w, c):
    m = first(c.materials, lambda m: m["received_at"] is not None)
    return material_edit(c, m, "received_at", "NULL", "received_at", "never received")


def t_material_requested(w, c):
    m = first(c.materials, lambda m: m["requested_at"] is None)
    return material_edit(c, m, "requested_at", "'2012-01-30T10:00:00'", "requested_at", "requested")


def t_material_required(w, c):
    m = first(c.materials)
    return material_edit(c, m, "required", "1 - required", "required", "required flipped")


def t_material_deleted(w, c):
    m = first(reversed(c.materials))
    if m is None:
        return None
    return Tamper("materials", f"case {c.number}: material {m['seq']} deleted",
                  f"DELETE FROM case_materials WHERE case_id = {c.id} AND seq = {m['seq']};",
                  [(c.number, f"material {m['seq']}")])


def wait_edit(c, wt, column, value, field, what):
    if wt is None:
        return None
    return row_edit("waits", "case_waits", c, wt, column, value, f"wait {wt['seq']} {field}",
                    f"wait {wt['seq']} {what}")


def t_wait_days(w, c):
    wt = first(c.waits)
    return wait_edit(c, wt, "working_days", "coalesce(working_days, 0) + 1", "working_days", "a day longer")


def t_wait_resumed(w, c):
    wt = first(reversed(c.waits))
    return wait_edit(c, wt, "resumed_at", "'2012-02-07T10:00:00'", "resumed_at", "resumed_at moved or set")


def t_wait_returned(w, c):
    wt = first(c.waits)
    return wait_edit(c, wt, "returned_at", "'2012-01-31T10:00:00'", "returned_at", "returned_at moved")


def t_wait_due_before(w, c):
    wt = first(c.waits)
    return wait_edit(c, wt, "due_before", "date(due_before, '-1 day')", "due_before", "due_before a day earlier")


def t_wait_deleted(w, c):
    wt = first(reversed(c.waits))
    if wt is None:
        return None
    return Tamper("waits", f"case {c.number}: wait {wt['seq']} deleted",
                  f"DELETE FROM case_waits WHERE case_id = {c.id} AND seq = {wt['seq']};",
                  [(c.number, f"wait {wt['seq']}")])


# --- ratings --------------------------------------------------------------------------

def rating_edit(c, column, value, field, what):
    if c.rating is None:
        return None
    return Tamper("ratings", f"case {c.number}: rating {what}",
                  f"UPDATE evaluations SET {column} = {value} WHERE case_id = {c.id};", [(c.number, field)])


def t_rating_score(w, c):
    new = 1 if c.rating and c.rating["score"] != 1 else 5
    return rating_edit(c, "score", new, "rating score", f"score -> {new}")


def t_rating_comment(w, c):
    return rating_edit(c, "comment", "comment || '(已改)'", "rating comment", "comment edited")


def t_rating_at(w, c):
    return rating_edit(c, "at", "'2012-12-12T12:12:00'", "rating at", "at moved")


def t_rating_recorded_by(w, c):
    if c.rating is None:
        return None
    other = w.other_staff(c.rating["recorded_by"])
    return rating_edit(c, "recorded_by", other, "rating recorded_by", f"recorded by {w.staff[other]}")


def t_rating_deleted(w, c):
    if c.rating is None:
        return None
    return Tamper("ratings", f"case {c.number}: rating deleted", f"DELETE FROM evaluations WHERE case_id = {c.id};",
                  [(c.number, "rating")])


def t_rating_inserted(w, c):
    if c.rating is not None or c.status not in ("approved", "rejected"):
        return None
    return Tamper("ratings", f"case {c.number}: a rating inserted on the decided, unrated case",
                  "INSERT INTO evaluations (case_id, score, comment, at, recorded_by) "
                  f"VALUES ({c.id}, 5, '好', '{c.decided_at}', {c.accepted_by});", [(c.number, "rating")])


CASE_TAMPERS = [t_status, t_decided_at, t_due_date, t_accepted_by, t_accepted_at, t_resident, t_community, t_item,
                t_model, t_window, t_current_step, t_paused_days, t_returned_at, t_note, t_case_inserted,
                t_case_deleted,
                t_step_status, t_step_decided_by, t_step_decided_at, t_step_started_at, t_step_due_date,
                t_step_assignee, t_step_note, t_step_unit, t_step_days, t_step_role, t_step_deleted,
                t_material_received, t_material_requested, t_material_required, t_material_deleted,
                t_wait_days, t_wait_resumed, t_wait_returned, t_wait_due_before, t_wait_deleted,
                t_rating_score, t_rating_comment, t_rating_at, t_rating_recorded_by, t_rating_deleted,
                t_rating_inserted]

# The generated history has neither materials nor waits (only cases worked through
# sqgl have them): these tampers need a live case.
LIVE_ONLY = {t_material_received, t_material_requested, t_material_required, t_material_deleted,
             t_wait_days, t_wait_resumed, t_wait_returned, t_wait_due_before, t_wait_deleted}


# --- settings, staff, residents' flags, calendar ------------------------------------------

def setting_tampers(w):
    return [
        Tamper("settings", "setting auth: trust (the default) -> peer",
               "INSERT OR REPLACE INTO settings (key, value) VALUES ('auth', 'peer');", [("setting 'auth'", "")]),
        Tamper("settings", "setting files: owner (set by sqgl) -> group",
               "INSERT OR REPLACE INTO settings (key, value) VALUES ('files', 'group');", [("setting 'files'", "")]),
        Tamper("settings", "setting files deleted",
               "DELETE FROM settings WHERE key = 'files';", [("setting 'files'", "")]),
        Tamper("settings", "setting clock: pinned -> system",
               "UPDATE settings SET value = 'system' WHERE key = 'clock';", [("setting 'clock'", "")]),
        Tamper("settings", "setting clock deleted",
               "DELETE FROM settings WHERE key = 'clock';", [("setting 'clock'", "")]),
        Tamper("settings", "setting catalog_version changed",
               "UPDATE settings SET value = '2013.1' WHERE key = 'catalog_version';",
               [("setting 'catalog_version'", "")]),
        Tamper("settings", "a new, unknown setting",
               "INSERT INTO settings (key, value) VALUES ('backdoor', 'on');", [("setting 'backdoor'", "")]),
    ]


def staff_tampers(w):
    zz = w.one("SELECT id FROM staff WHERE staff_no = 'ZZ0102'")
    it = w.one("SELECT id FROM staff WHERE staff_no = 'IT01'")
    station = w.one("SELECT unit_id FROM staff WHERE id = ?", zz)
    other_station = w.one("SELECT id FROM units WHERE code = '150204001002-FWZ'")
    # A staff member nothing refers to (no case, step, rating or grid): deleting them
    # leaves the foreign keys whole.
    idle, idle_no = w.con.execute(
        "SELECT id, staff_no FROM staff s WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.accepted_by = s.id) "
        "AND NOT EXISTS (SELECT 1 FROM case_steps t WHERE s.id IN (t.assignee_id, t.decided_by)) "
        "AND NOT EXISTS (SELECT 1 FROM evaluations e WHERE e.recorded_by = s.id) "
        "AND NOT EXISTS (SELECT 1 FROM grids g WHERE g.worker_id = s.id) ORDER BY id LIMIT 1").fetchone()

    def edit(staff_no, what, sql, field):
        return Tamper("staff", f"staff {staff_no}: {what}", sql, [(f"staff '{staff_no}'", field)])
    return [
        edit("ZZ0102", "login set", f"UPDATE staff SET login = 'zz0102' WHERE id = {zz};", "login"),
        edit("IT01", "login set to root", f"UPDATE staff SET login = 'root' WHERE id = {it};", "login"),
        edit("ZZ0102", "deactivated", f"UPDATE staff SET active = 0 WHERE id = {zz};", "active"),
        edit("ZZ0102", "moved to another station", f"UPDATE staff SET unit_id = {other_station} WHERE id = {zz};",
             "unit"),
        edit("ZZ0102", "renamed", f"UPDATE staff SET name = name || '甲' WHERE id = {zz};", "name"),
        edit("ZZ0102", "role worker deleted", f"DELETE FROM staff_roles WHERE staff_id = {zz} AND role = 'worker';",
             "roles"),
        edit("ZZ0102", "given the admin role", f"INSERT INTO staff_roles (staff_id, role) VALUES ({zz}, 'admin');",
             "roles"),
        edit("ZZ0199", "inserted as an admin, no event",
             f"INSERT INTO staff (staff_no, name, unit_id, login, active) VALUES ('ZZ0199', '王五', {station}, "
             "'wangwu', 1); INSERT INTO staff_roles (staff_id, role) "
             "SELECT id, 'admin' FROM staff WHERE staff_no = 'ZZ0199';", ""),
        edit(idle_no, "deleted with their roles",
             f"DELETE FROM staff_roles WHERE staff_id = {idle}; DELETE FROM staff WHERE id = {idle};", ""),
    ]


def flag_tampers(w):
    out = []
    for flag in ("pregnant", "disabled", "low_income", "party_member", "unemployed"):
        # Each flag on a resident who has it and on one who has not, in turn.
        rid, cid, value = w.con.execute(
            f"SELECT id, citizen_id, {flag} FROM residents WHERE {flag} = ? ORDER BY id LIMIT 1",
            (len(out) % 2,)).fetchone()
        masked = cid[:6] + "*" * 8 + cid[-4:]
        out.append(Tamper("flags", f"resident {masked}: {flag} {value} -> {1 - value}",
                          f"UPDATE residents SET {flag} = {1 - value} WHERE id = {rid};",
                          [(f"resident '{masked}'", flag)]))
    return out


def calendar_tampers(w):
    return [
        Tamper("calendar", "calendar 2012-01-23 (春节) made a working day",
               "UPDATE calendar_days SET kind = 'work' WHERE date = '2012-01-23';", [("calendar 2012-01-23", "")]),
        Tamper("calendar", "calendar 2012-01-29 (春节调休) deleted",
               "DELETE FROM calendar_days WHERE date = '2012-01-29';", [("calendar 2012-01-29", "")]),
        Tamper("calendar", "calendar 2012-03-05 inserted as a holiday",
               "INSERT INTO calendar_days (date, kind, name, year) VALUES ('2012-03-05', 'off', '假日', 2012);",
               [("calendar 2012-03-05", "")]),
        Tamper("calendar", "calendar 2012-10-01 renamed",
               "UPDATE calendar_days SET name = name || '(改)' WHERE date = '2012-10-01';",
               [("calendar 2012-10-01", "")]),
        Tamper("calendar", "calendar 2012: its notice changed",
               "UPDATE calendar_years SET source = '国办发明电〔2011〕99号' WHERE year = 2012;",
               [("calendar 2012", "notice")]),
    ]


if __name__ == "__main__":
    sys.exit(main())
