#!/usr/bin/env python3
"""Progress lines: long work says how far it has come on a terminal, and nowhere else.

On a pseudo-terminal (util-linux `script`), `init --demo --history`, `import` from a
file and from standard input, and `backup` draw a line on stderr that returns to the
start with a carriage return and is erased before the result is printed; the line's
text is escaped as all of sqgl's output is, but its own control characters are not
(test_import_progress_line_escaped: they once came out as a literal "\\x0d"). With
stderr a pipe or a file, the same commands print no progress at all.
"""
import os
import re
import shlex
import subprocess
import sys

import common

NOW = "2012-01-29T09:00"
ERASE = "\x1b[K"


def on_terminal(command, env):
    """Runs `command` (a list) with stdin, stdout and stderr on a pseudo-terminal;
    returns (exit code, what the terminal showed)."""
    line = " ".join(shlex.quote(a) for a in command)
    out = subprocess.run(["script", "-qec", line, "/dev/null"], env=env, capture_output=True, timeout=600,
                         stdin=subprocess.DEVNULL)
    return out.returncode, out.stdout.decode("utf-8", "replace")


def check_terminal(label, shown, phase, problems):
    if "\\x0d" in shown or "\\x1b" in shown:
        problems.append(f"{label}: the progress line's control characters came out escaped: {shown[:120]!r}")
    drawn = re.findall("\r([^\r\n]*?)" + re.escape(ERASE), shown)
    if not any(phase in text for text in drawn):
        problems.append(f"{label}: no progress line with {phase!r} on the terminal: {shown[:200]!r}")
    if "\r" + ERASE not in shown:
        problems.append(f"{label}: the progress line was not erased before the result")


def main():
    args = common.arguments(__doc__.splitlines()[0])
    problems = []
    checked = 0
    db = f"{args.work}/sqgl.db"
    env = common.environment(db, NOW, "IT01")

    # A demo with two years of history: long enough for a few lines.
    code, shown = on_terminal([args.sqgl, "init", "--demo", "--history", "2"], env)
    checked += 1
    if code != 0:
        problems.append(f"init --demo --history: exit {code}: {shown[-300:]}")
    check_terminal("init --demo --history", shown, "generating the history", problems)

    # The residents as CSV, imported into a second district without them.
    csv = f"{args.work}/residents.csv"
    export = subprocess.run(["sqlite3", "-csv", "-header", db,
                             "SELECT r.citizen_id, r.name, CASE r.sex WHEN 'M' THEN '男' ELSE '女' END AS sex, "
                             "r.birth_date, h.code AS household, r.relation, COALESCE(r.phone, '') AS phone, "
                             "r.pregnant, r.disabled, r.low_income, r.party_member, r.unemployed "
                             "FROM residents r JOIN households h ON h.id = r.household_id ORDER BY r.id"],
                            capture_output=True, text=True, check=True)
    with open(csv, "w", encoding="utf-8") as f:
        f.write(export.stdout)
    for label, source in (("import from a file", csv), ("import from standard input", "-")):
        target = f"{args.work}/{'file' if source != '-' else 'stdin'}.db"
        common.demo_database(args.sqgl, target)
        subprocess.run(["sqlite3", target, "DELETE FROM residents"], check=True)
        target_env = common.environment(target, NOW, "IT01")
        command = [args.sqgl, "import", "residents", source]
        if source == "-":
            command = ["sh", "-c", f"cat {shlex.quote(csv)} | {' '.join(shlex.quote(a) for a in command)}"]
        code, shown = on_terminal(command, target_env)
        checked += 1
        if code != 0:
            problems.append(f"{label}: exit {code}: {shown[-300:]}")
        check_terminal(label, shown, "importing residents", problems)

    code, shown = on_terminal([args.sqgl, "backup", f"{args.work}/copy.db"], env)
    checked += 1
    if code != 0:
        problems.append(f"backup: exit {code}: {shown[-300:]}")
    check_terminal("backup", shown, "copying pages", problems)

    # Not a terminal: nothing but the result.
    quiet = common.run(args.sqgl, ["backup", f"{args.work}/copy2.db"], db, NOW, "IT01")
    checked += 1
    if quiet.returncode != 0 or quiet.stderr:
        problems.append(f"backup to a pipe: exit {quiet.returncode}, stderr {quiet.stderr[:200]!r}")
    with open(csv, encoding="utf-8") as f:
        target = f"{args.work}/piped.db"
        common.demo_database(args.sqgl, target)
        subprocess.run(["sqlite3", target, "DELETE FROM residents"], check=True)
        piped = subprocess.run([args.sqgl, "import", "residents", "-"], stdin=f, capture_output=True, text=True,
                               env=common.environment(target, NOW, "IT01"), timeout=600)
    checked += 1
    if piped.returncode != 0 or piped.stderr:
        problems.append(f"import to a pipe: exit {piped.returncode}, stderr {piped.stderr[:200]!r}")

    for p in problems:
        print(f"FAIL {p}")
    print(f"progress: {checked} commands on a terminal and off it, {len(problems)} problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
