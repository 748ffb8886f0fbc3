"""Shared helpers for the reliability tests (tests/reliability/test_*.py).

Every test is a script run by CTest as

    python3 tests/reliability/test_NAME.py --sqgl PATH --fixtures DIR --work DIR [--long]

It drives the real sqgl binary, prints one summary line with its figure
("NAME: …"), and exits non-zero when the figure is not met.
"""
import argparse
import os
import shutil
import sqlite3
import subprocess


def arguments(description):
    """Parses the common command line; returns the namespace (sqgl, fixtures, work, long)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--sqgl", required=True, help="the sqgl binary under test")
    parser.add_argument("--crash", help="sqgl_crash: sqgl with kill -9 at named points (SQGL_CRASH_AT)")
    parser.add_argument("--fixtures", required=True, help="tests/fixtures")
    parser.add_argument("--work", required=True, help="a scratch directory (emptied first)")
    parser.add_argument("--long", action="store_true", help="the longer mode")
    args = parser.parse_args()
    # What the tests copy holds residents' data, as sqgl's own files do: owner-only, so
    # sqgl's warning about readable databases stays for the tests that want it.
    os.umask(0o077)
    args.sqgl = os.path.abspath(args.sqgl)
    if args.crash:
        args.crash = os.path.abspath(args.crash)
    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)
    return args


def environment(db, now="2012-01-29T09:00", operator=None, **extra):
    """The environment for one sqgl process: SQGL_DB and SQGL_NOW set, no
    configuration file, the caller's SQGL_* variables dropped."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SQGL_")}
    env["SQGL_DB"] = db
    env["SQGL_CONFIG"] = ""
    if now:
        env["SQGL_NOW"] = now
    if operator:
        env["SQGL_OPERATOR"] = operator
    env.update(extra)
    return env


def run(sqgl, args, db, now="2012-01-29T09:00", operator=None, stdin=None, timeout=120, **extra):
    """Runs sqgl once; returns the CompletedProcess (text mode)."""
    return subprocess.run([sqgl, *args], env=environment(db, now, operator, **extra), input=stdin,
                          capture_output=True, text=True, timeout=timeout)


def demo_database(sqgl, path, **init_args):
    """Creates the demo district at `path` (init --demo), failing loudly."""
    extra = []
    for key, value in init_args.items():
        extra += [f"--{key}", str(value)]
    done = run(sqgl, ["init", "--demo", *extra], path)
    if done.returncode != 0:
        raise SystemExit(f"init --demo failed ({done.returncode}): {done.stderr}")


# What differs between two runs of the same commands: the machine's clock, which
# every event records, and the hashes that chain it.
MACHINE_TIME = {
    "events": "SELECT id, at, clock, operator, kind, subject, detail FROM events",
    "settings": "SELECT key, CASE key WHEN 'history.head' THEN substr(value, 1, instr(value, ' ')) "
                "ELSE value END FROM settings",
}


def query(db, sql):
    """The rows of one statement on `db`."""
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def canonical_dump(path):
    """Every table's rows, sorted, as one string: two databases with equal dumps
    hold the same data whatever their page layout. (The settings row 'history.head'
    follows the events table: a refusal recorded in the history changes both.) The
    machine's time each event records, and so the hashes, are left out: running the
    same commands again gives the same dump."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        out = []
        tables = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        for table in tables:
            query = MACHINE_TIME.get(table, f'SELECT * FROM "{table}"')
            rows = sorted(repr(r) for r in con.execute(query))
            out.append(f"-- {table} ({len(rows)})")
            out.extend(rows)
        return "\n".join(out)
    finally:
        con.close()


def integrity(path):
    """`PRAGMA integrity_check` and `foreign_key_check` of the file: "ok" or the problems."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        check = [r[0] for r in con.execute("PRAGMA integrity_check")]
        fks = list(con.execute("PRAGMA foreign_key_check"))
        problems = [] if check == ["ok"] else check
        problems += [f"foreign key: {fk}" for fk in fks]
        return "ok" if not problems else "; ".join(map(str, problems))
    finally:
        con.close()
