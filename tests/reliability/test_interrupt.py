#!/usr/bin/env python3
"""Ctrl-C: an import, a backup and a demo history stopped by SIGINT say so in one
line, exit 130 and leave nothing half-written.

At fixed points (sqgl_crash's SQGL_INTERRUPT_AT: mid-import, just before the commit,
after the backup's copy) and from outside at a moment (a demo history being made, an
import reading a pipe whose writer was interrupted too): stderr is exactly the one
line, in the user's language (English under --json); the import's rows and event are
absent, the backup file and the new database do not exist, nothing else is left in
the directory, `audit verify` passes and the import succeeds when run again. A second
Ctrl-C ends the process at once, and the database is still whole.
"""
import os
import signal
import sqlite3
import subprocess
import sys
import time

import common

NOW = "2012-01-29T09:00"
COLUMNS = ("citizen_id,name,sex,birth_date,household,relation,phone,pregnant,disabled,low_income,"
           "party_member,unemployed")
ENGLISH = "sqgl: interrupted\n"
CHINESE = "sqgl: 已中断\n"


def residents_csv(args, source):
    rows = common.query(source, "SELECT r.citizen_id, r.name, CASE r.sex WHEN 'M' THEN '男' ELSE '女' END, r.birth_date, "
                          "h.code, r.relation, COALESCE(r.phone, ''), r.pregnant, r.disabled, r.low_income, "
                          "r.party_member, r.unemployed FROM residents r JOIN households h ON h.id = r.household_id "
                          "ORDER BY r.id")
    lines = [COLUMNS] + [",".join(str(v) for v in r) for r in rows]
    return "\n".join(lines) + "\n", len(rows)


def template(args):
    """A demo district without its residents (they are the import), and their CSV."""
    source = f"{args.work}/source.db"
    common.demo_database(args.sqgl, source, scale=0.5)
    text, rows = residents_csv(args, source)
    csv = f"{args.work}/residents.csv"
    with open(csv, "w", encoding="utf-8") as f:
        f.write(text)
    con = sqlite3.connect(source)
    con.execute("DELETE FROM residents")
    con.commit()
    con.execute("VACUUM")
    con.close()
    return source, csv, text, rows


def fresh(args, source, name):
    """A directory of its own holding a copy of the template database."""
    home = f"{args.work}/{name}"
    os.makedirs(home)
    db = f"{home}/sqgl.db"
    with open(source, "rb") as f, open(db, "wb") as out:
        out.write(f.read())
    return home, db


def leftovers(home, expected):
    return sorted(set(os.listdir(home)) - set(expected))


def check_import_absent(args, db, home, label, problems):
    count = common.query(db, "SELECT count(*) FROM residents")[0][0]
    events = common.query(db, "SELECT count(*) FROM events WHERE kind = 'import.residents'")[0][0]
    if count or events:
        problems.append(f"{label}: {count} residents and {events} import events after the interrupt")
    extra = leftovers(home, ["sqgl.db"])
    if extra:
        problems.append(f"{label}: left in the directory: {extra}")
    audit = common.run(args.sqgl, ["audit", "verify"], db, NOW)
    if audit.returncode != 0:
        problems.append(f"{label}: audit verify: {audit.stderr.strip()}")


def locale_available(name):
    out = subprocess.run(["locale", "-a"], capture_output=True, text=True)
    wanted = name.lower().replace("-", "")
    return any(line.strip().lower().replace("-", "") == wanted for line in out.stdout.splitlines())


def main():
    args = common.arguments(__doc__.splitlines()[0])
    if not args.crash:
        sys.exit("test_interrupt needs --crash (sqgl_crash, which sends SIGINT at named points)")
    source, csv, text, rows = template(args)
    localedir = os.environ.get("SQGL_LOCALEDIR")
    problems = []
    checked = 0

    # Ctrl-C at fixed points of an import and a backup, in English, under --json and in Chinese.
    cases = [
        ("import mid-way", ["import", "residents", csv], "import.progress:2", {}, ENGLISH),
        ("import before its commit", ["import", "residents", csv], "import.before-commit", {}, ENGLISH),
        ("import --json", ["--json", "import", "residents", csv], "import.progress:2", {"LC_ALL": "zh_CN.UTF-8"},
         ENGLISH),
    ]
    if localedir and locale_available("zh_CN.UTF-8"):
        cases.append(("import in Chinese", ["import", "residents", csv], "import.progress:2",
                      {"LC_ALL": "zh_CN.UTF-8", "SQGL_LOCALEDIR": localedir}, CHINESE))
    for label, command, point, extra, said in cases:
        home, db = fresh(args, source, f"fixed-{checked}")
        env = common.environment(db, NOW, "IT01", SQGL_INTERRUPT_AT=point, **extra)
        out = subprocess.run([args.crash, *command], env=env, capture_output=True, text=True, timeout=600)
        checked += 1
        if out.returncode != 130:
            problems.append(f"{label}: exit {out.returncode}, expected 130 ({out.stderr.strip()})")
        if out.stderr != said:
            problems.append(f"{label}: stderr {out.stderr!r}, expected {said!r}")
        if out.stdout:
            problems.append(f"{label}: stdout {out.stdout[:80]!r}")
        check_import_absent(args, db, home, label, problems)
        again = common.run(args.sqgl, ["import", "residents", csv], db, NOW, "IT01", timeout=600)
        if again.returncode != 0 or common.query(db, "SELECT count(*) FROM residents")[0][0] != rows:
            problems.append(f"{label}: the import run again: exit {again.returncode} {again.stderr.strip()}")

    # A backup stopped after its copy: no file, nothing beside it.
    home, db = fresh(args, source, "backup")
    target = f"{home}/copy.db"
    out = subprocess.run([args.crash, "backup", target], env=common.environment(
        db, NOW, "IT01", SQGL_INTERRUPT_AT="backup.after-copy"), capture_output=True, text=True, timeout=600)
    checked += 1
    if out.returncode != 130 or out.stderr != ENGLISH:
        problems.append(f"backup: exit {out.returncode}, stderr {out.stderr!r}")
    if leftovers(home, ["sqgl.db"]):
        problems.append(f"backup: left in the directory: {leftovers(home, ['sqgl.db'])}")
    if common.query(db, "SELECT count(*) FROM events WHERE kind = 'db.backup'")[0][0]:
        problems.append("backup: its event was recorded")

    # Ctrl-C from outside while `init --demo --history` makes ten years of cases: no database.
    home = f"{args.work}/init"
    os.makedirs(home)
    db = f"{home}/new.db"
    proc = subprocess.Popen([args.sqgl, "init", "--demo", "--history", "10"], env=common.environment(db, NOW),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(2.0)
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=120)
    checked += 1
    if proc.returncode != 130 or stderr != ENGLISH:
        problems.append(f"init --demo --history: exit {proc.returncode}, stderr {stderr!r}")
    if os.listdir(home):
        problems.append(f"init --demo --history: left in the directory: {sorted(os.listdir(home))}")

    # An import reading a pipe: Ctrl-C reaches the writer too, whose output then ends.
    # What was read is not kept: nothing commits after Ctrl-C.
    home, db = fresh(args, source, "pipe")
    proc = subprocess.Popen([args.sqgl, "import", "residents", "-"], env=common.environment(db, NOW, "IT01"),
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    half = text.splitlines(keepends=True)
    proc.stdin.write("".join(half[: len(half) // 2]))
    proc.stdin.flush()
    time.sleep(1.0)
    proc.send_signal(signal.SIGINT)
    time.sleep(0.2)
    proc.stdin.close()
    stderr = proc.stderr.read()
    proc.wait(timeout=120)
    checked += 1
    if proc.returncode != 130 or stderr != ENGLISH:
        problems.append(f"import from a pipe: exit {proc.returncode}, stderr {stderr!r}")
    check_import_absent(args, db, home, "import from a pipe", problems)

    # A second Ctrl-C while the import waits for input ends the process at once.
    home, db = fresh(args, source, "twice")
    proc = subprocess.Popen([args.sqgl, "import", "residents", "-"], env=common.environment(db, NOW, "IT01"),
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    proc.stdin.write("".join(half[: len(half) // 2]))
    proc.stdin.flush()
    time.sleep(1.0)
    proc.send_signal(signal.SIGINT)
    time.sleep(0.2)
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        problems.append("a second Ctrl-C did not end the process")
    proc.stdin.close()
    checked += 1
    if proc.returncode != -signal.SIGINT:
        problems.append(f"a second Ctrl-C: exit {proc.returncode}, expected death by SIGINT")
    count = common.query(db, "SELECT count(*) FROM residents")[0][0]
    if count or common.integrity(db) != "ok":
        problems.append(f"a second Ctrl-C: {count} residents, integrity {common.integrity(db)}")

    for p in problems:
        print(f"FAIL {p}")
    print(f"interrupt: {checked} commands stopped by Ctrl-C, {len(problems)} problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
