#!/usr/bin/env python3
"""kill -9: an import of 200,000 residents killed at random moments and at fixed
points (after parsing, mid-insert, just before commit, just after commit).

After every kill: integrity_check and foreign_key_check pass; the batch is
entirely visible or entirely absent; its history event exists exactly when the
batch does; `sqgl audit verify` passes; and re-running the import succeeds (and
leaves the whole batch, once).
"""
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

import common

NOW = "2012-01-29T09:00"
COLUMNS = ("citizen_id,name,sex,birth_date,household,relation,phone,pregnant,disabled,low_income,"
           "party_member,unemployed")
FIXED = ["import.after-parse", "import.progress:25", "import.before-commit", "import.after-commit"]


def prepare(args, scale):
    """A demo district; its residents as CSV; a template database without them."""
    source = f"{args.work}/source.db"
    common.demo_database(args.sqgl, source, scale=scale)
    rows = common.query(source, "SELECT r.citizen_id, r.name, CASE r.sex WHEN 'M' THEN '男' ELSE '女' END, r.birth_date, "
                          "h.code, r.relation, COALESCE(r.phone, ''), r.pregnant, r.disabled, r.low_income, "
                          "r.party_member, r.unemployed FROM residents r JOIN households h ON h.id = r.household_id "
                          "ORDER BY r.id")
    csv = f"{args.work}/residents.csv"
    with open(csv, "w", encoding="utf-8") as f:
        f.write(COLUMNS + "\n")
        for r in rows:
            f.write(",".join(str(v) for v in r) + "\n")
    template = f"{args.work}/template.db"
    shutil.copy(source, template)
    con = sqlite3.connect(template)
    con.execute("DELETE FROM residents")
    con.commit()
    con.execute("VACUUM")
    con.close()
    os.remove(source)
    return csv, template, len(rows)


def state(args, db, rows):
    """(problems, batch_visible) of a database after a kill."""
    problems = []
    integrity = common.integrity(db)
    if integrity != "ok":
        problems.append(f"integrity: {integrity}")
    count = common.query(db, "SELECT count(*) FROM residents")[0][0]
    events = common.query(db, "SELECT count(*) FROM events WHERE kind = 'import.residents'")[0][0]
    if count not in (0, rows):
        problems.append(f"half a batch: {count} of {rows} residents")
    if (count == rows) != (events == 1) or events > 1:
        problems.append(f"{count} residents but {events} import events")
    audit = common.run(args.sqgl, ["audit", "verify"], db, NOW)
    if audit.returncode != 0:
        problems.append(f"audit verify: {audit.stderr.strip()}")
    return problems, count == rows


def rerun(args, db, csv, rows):
    out = common.run(args.sqgl, ["import", "residents", csv], db, NOW, "IT01", timeout=600)
    problems = []
    if out.returncode != 0:
        problems.append(f"re-run failed ({out.returncode}): {out.stderr.strip()}")
    count = common.query(db, "SELECT count(*) FROM residents")[0][0]
    events = common.query(db, "SELECT count(*) FROM events WHERE kind = 'import.residents'")[0][0]
    if count != rows:
        problems.append(f"after the re-run {count} of {rows} residents")
    if events < 1:
        problems.append("after the re-run no import event")
    return problems


def main():
    args = common.arguments(__doc__.splitlines()[0])
    if not args.crash:
        sys.exit("test_kill needs --crash (the sqgl_crash binary)")
    trials = 100 if args.long else 20
    csv, template, rows = prepare(args, scale=2.73)
    random.seed(2012)
    db = f"{args.work}/trial.db"

    def fresh():
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db + suffix):
                os.remove(db + suffix)
        shutil.copy(template, db)

    # How long a whole import takes here, so the random kills fall inside it.
    fresh()
    started = time.monotonic()
    clean = common.run(args.sqgl, ["import", "residents", csv], db, NOW, "IT01", timeout=600)
    duration = time.monotonic() - started
    if clean.returncode != 0:
        sys.exit(f"the clean import failed: {clean.stderr}")

    problems = []
    outcomes = {"visible": 0, "absent": 0, "finished": 0}
    for point in FIXED:
        fresh()
        out = subprocess.run([args.crash, "import", "residents", csv], env=common.environment(db, NOW, "IT01",
                             SQGL_CRASH_AT=point), capture_output=True, text=True, timeout=600)
        if out.returncode != -signal.SIGKILL:
            problems.append(f"{point}: the process was not killed there (exit {out.returncode})")
        found, visible = state(args, db, rows)
        expected_visible = point == "import.after-commit"
        if visible != expected_visible:
            found.append(f"batch {'visible' if visible else 'absent'} after a kill at {point}")
        problems += [f"{point}: {p}" for p in found]
        problems += [f"{point}: {p}" for p in rerun(args, db, csv, rows)]
        outcomes["visible" if visible else "absent"] += 1

    for trial in range(trials):
        fresh()
        delay = random.uniform(0.0, duration * 1.1)
        proc = subprocess.Popen([args.sqgl, "import", "residents", csv], env=common.environment(db, NOW, "IT01"),
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        code = proc.wait()
        found, visible = state(args, db, rows)
        outcomes["finished" if code == 0 else ("visible" if visible else "absent")] += 1
        problems += [f"random trial {trial} ({delay:.2f} s): {p}" for p in found]
        problems += [f"random trial {trial} ({delay:.2f} s): {p}" for p in rerun(args, db, csv, rows)]

    total = len(FIXED) + trials
    if problems:
        print(f"kill: {len(problems)} problems in {total} trials")
    else:
        print(f"kill: {total} imports of {rows:,} residents killed ({len(FIXED)} at fixed points, {trials} at random "
              f"moments in 0–{duration * 1.1:.2f} s): integrity ok {total}/{total}; batch absent "
              f"{outcomes['absent']}, visible {outcomes['visible']}, finished before the kill {outcomes['finished']}; "
              f"0 half batches; history event exactly with the batch; re-run succeeded every time")
    for p in problems:
        print("  problem:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
