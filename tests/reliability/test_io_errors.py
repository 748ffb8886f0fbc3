#!/usr/bin/env python3
"""I/O errors: every failed write, sync or truncate is a clean error and leaves a whole database.

Runs `import residents FILE`, `approve CASE` and `backup FILE` (when this sqgl has a
backup command) under sqgl_faulty, which is sqgl with a SQLite VFS that fails the N-th
call of one kind (tests/faults/faulty_vfs.h). For each command, each kind (write, sync,
truncate, shmmap) and each code (ioerr: a dying disk; full: SQLITE_FULL), for N = 1, 2, …
until the N-th call no longer happens, it copies a pristine database, runs the faulty
binary once and checks:

* the process exited by itself (no signal) with 0 or 1 — a disk failure is exit 1;
* on exit 1, stderr is exactly one line `sqgl: error: …`, and an injected SQLITE_FULL
  says "disk full"; on exit 0, stderr is empty;
* then, with the real sqlite3 module and the real sqgl: integrity_check is ok,
  foreign_key_check empty, `sqgl audit verify` exits 0, and the database's canonical
  dump equals the dump before the command (exit 1: nothing written) or the dump after a
  clean run (exit 0: SQLite may rightly ignore a failed checkpoint after the commit);
  a file the command writes (the backup) is absent after a failure and equal to a clean
  run's after success;
* no other file is left in the run directory (a temporary copy, say);
* after a failure, the real sqgl runs the same command to the clean result.

Faults are transient (only the N-th call fails: a glitch) or persistent (the N-th and
every later call fail: a dead or full disk). Default: transient I/O errors and a
persistent full disk; --long adds the other two pairs and imports 1,000 rows, not 200.

The faulty binary: $SQGL_FAULTY (tests/CMakeLists.txt sets it to the sqgl_faulty
target for this test), else `sqgl_faulty` in tests/ of the build tree that holds --sqgl
(BUILD/cli/sqgl → BUILD/tests/sqgl_faulty).
"""
import os
import shutil
import sqlite3
import subprocess
import sys
import time

import common

KINDS = ["write", "sync", "truncate", "shmmap"]
# (code, mode): by default a passing I/O glitch and a disk that fills up and stays
# full, the two a station meets; --long adds the other two pairs.
DEFAULT_FAULTS = [("ioerr", "transient"), ("full", "persistent")]
LONG_FAULTS = DEFAULT_FAULTS + [("full", "transient"), ("ioerr", "persistent")]
MAX_N = 5000  # a guard: no command here makes this many calls of one kind


def faulty_binary(sqgl):
    """$SQGL_FAULTY, else BUILD/tests/sqgl_faulty next to BUILD/cli/sqgl."""
    path = os.environ.get("SQGL_FAULTY") or os.path.join(os.path.dirname(sqgl), "..", "tests", "sqgl_faulty")
    path = os.path.abspath(path)
    if not os.access(path, os.X_OK):
        raise SystemExit(f"io_errors: no faulty binary at {path} (build the sqgl_faulty target, or set SQGL_FAULTY)")
    return path


def citizen_id(region, birth, seq):
    """An 18-character ID with its GB 11643-1999 check character."""
    body = f"{region}{birth}{seq:03d}"
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return body + "10X98765432"[sum(int(d) * w for d, w in zip(body, weights)) % 11]


def residents_csv(path, db, count):
    """`count` valid new residents spread over one demo community's households."""
    con = sqlite3.connect(db)
    try:
        households = [r[0] for r in con.execute(
            "SELECT code FROM households WHERE code LIKE '150204001002-%' ORDER BY code")]
        taken = {r[0] for r in con.execute("SELECT citizen_id FROM residents")}
    finally:
        con.close()
    surnames = "王李张刘陈杨赵黄周吴"
    given = "伟芳娜敏静丽强磊军洋"
    lines = ["身份证号,姓名,性别,出生日期,户号,联系电话"]
    made = set()
    i = 0
    while len(lines) <= count:
        year, month, day = 1950 + i % 50, 1 + i % 12, 1 + i % 28
        seq = 900 + i % 97
        cid = citizen_id("150204", f"{year}{month:02d}{day:02d}", seq)
        i += 1
        if cid in taken or cid in made:
            continue
        made.add(cid)
        sex = "男" if seq % 2 else "女"
        name = surnames[i % 10] + given[(i // 10) % 10]
        lines.append(f"{cid},{name},{sex},{year}-{month:02d}-{day:02d},"
                     f"{households[i % len(households)]},139{i:08d}")
    with open(path, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")


def checkpoint(db):
    """Folds any -wal into the file, so that copying the file alone copies the database."""
    con = sqlite3.connect(db)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()
    for suffix in ("-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)


def read_counts(path):
    counts = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            key, value = line.split()
            counts[key] = int(value)
    return counts


class Command:
    """One sqgl command under test, with its pristine database and clean results."""

    def __init__(self, name, args, operator, pristine, work, output=None):
        self.name, self.args, self.operator = name, args, operator
        self.pristine, self.work = pristine, work
        self.output = output  # a file the command writes (backup FILE), relative to the run directory
        self.before = common.canonical_dump(pristine)
        self.after = None
        self.output_dump = None

    def fresh(self, tag):
        """A run directory holding a copy of the pristine database; returns (dir, db)."""
        run_dir = os.path.join(self.work, tag)
        shutil.rmtree(run_dir, ignore_errors=True)
        os.makedirs(run_dir)
        db = os.path.join(run_dir, "sqgl.db")
        shutil.copy(self.pristine, db)  # with its mode: 600, as init made it
        return run_dir, db

    def run(self, binary, run_dir, db, **fault):
        # In the run directory, so that a relative output path (recorded in the
        # history) is the same in every run.
        return subprocess.run([binary, *self.args], cwd=run_dir,
                              env=common.environment(db, operator=self.operator, **fault),
                              capture_output=True, text=True, timeout=120)


def output_dump(path):
    """The canonical dump of the output file copied alone, as it would be taken off-site:
    a backup must hold everything in itself, nothing in a -wal beside it."""
    alone = os.path.join(os.path.dirname(os.path.dirname(path)), "alone", os.path.basename(path))
    shutil.rmtree(os.path.dirname(alone), ignore_errors=True)
    os.makedirs(os.path.dirname(alone))
    shutil.copyfile(path, alone)
    return common.canonical_dump(alone)


def state_problems(sqgl, cmd, run_dir, db, expected_dump, output_expected):
    """What is wrong with the database (and the output file) after a run: [] when whole."""
    problems = []
    # Nothing but the database, its -wal and -shm and the output: no temporary copy
    # left behind, whatever happened. (Listed first: reading a WAL-mode file below
    # creates its -wal and -shm.)
    known = {"sqgl.db", "sqgl.db-wal", "sqgl.db-shm", "counts", cmd.output}
    stray = sorted(set(os.listdir(run_dir)) - known)
    if stray:
        problems.append(f"stray files left: {', '.join(stray)}")
    # The next real user opens it read-write, recovering a -wal the faulty run left.
    try:
        con = sqlite3.connect(db)
        try:
            check = [r[0] for r in con.execute("PRAGMA integrity_check")]
            fks = list(con.execute("PRAGMA foreign_key_check"))
        finally:
            con.close()
    except sqlite3.Error as e:
        return [f"the database cannot be opened: {e}"]
    if check != ["ok"]:
        problems.append(f"integrity_check: {'; '.join(check[:3])}")
    if fks:
        problems.append(f"foreign_key_check: {fks[:3]}")
    verify = common.run(sqgl, ["audit", "verify"], db)
    if verify.returncode != 0:
        problems.append(f"audit verify exit {verify.returncode}: {verify.stderr.strip()}")
    dump = common.canonical_dump(db)
    if dump != expected_dump:
        state = "the clean result" if dump == cmd.after else "the state before" if dump == cmd.before else "neither"
        problems.append(f"the database holds {state}, not what the exit code says")
    if cmd.output:
        out = os.path.join(run_dir, cmd.output)
        if output_expected and not os.path.exists(out):
            problems.append(f"exit 0 but no {cmd.output}")
        elif output_expected and output_dump(out) != cmd.output_dump:
            problems.append(f"{cmd.output} alone differs from a clean run's")
        elif not output_expected and os.path.exists(out):
            problems.append(f"a failed run left {cmd.output}")
    return problems


def clean_results(sqgl, faulty, cmd):
    """Runs the command cleanly with both binaries: they must agree; sets cmd.after."""
    for tag, binary in (("clean", sqgl), ("clean-faulty", faulty)):
        run_dir, db = cmd.fresh(tag)
        counts_file = os.path.join(run_dir, "counts")
        done = cmd.run(binary, run_dir, db, SQGL_FAULT_COUNTS=counts_file)
        if done.returncode != 0 or done.stderr:
            raise SystemExit(f"io_errors: a clean {cmd.name} failed ({done.returncode}): {done.stderr.strip()}")
        dump = common.canonical_dump(db)
        written = output_dump(os.path.join(run_dir, cmd.output)) if cmd.output else None
        if cmd.after is None:
            cmd.after, cmd.output_dump = dump, written
        elif dump != cmd.after or written != cmd.output_dump:
            raise SystemExit(f"io_errors: two clean runs of {cmd.name} disagree (is SQGL_NOW honoured?)")
    if cmd.after == cmd.before:
        raise SystemExit(f"io_errors: a clean {cmd.name} changed nothing: nothing to test")
    return read_counts(counts_file)


def fault_runs(sqgl, faulty, cmd, kind, code, mode, failures):
    """N = 1, 2, … until the N-th call of `kind` never happens; returns (runs, exit 1s, exit 0s)."""
    runs = errors = successes = 0
    for n in range(1, MAX_N + 1):
        tag = f"{kind}-{code}-{mode}-{n}"
        run_dir, db = cmd.fresh("run")
        counts_file = os.path.join(run_dir, "counts")
        done = cmd.run(faulty, run_dir, db, SQGL_FAULT=f"{kind}:{n}", SQGL_FAULT_CODE=code,
                       SQGL_FAULT_MODE=mode, SQGL_FAULT_COUNTS=counts_file)
        where = f"{cmd.name} {tag}"
        if done.returncode < 0:
            failures.append((where, "crash", f"killed by signal {-done.returncode}: {done.stderr.strip()[-300:]}"))
            continue
        if not os.path.exists(counts_file):
            failures.append((where, "crash", f"exit {done.returncode} without running its exit handlers"))
            continue
        if read_counts(counts_file)["faults"] == 0:
            if done.returncode != 0:
                failures.append((where, "no fault", f"exit {done.returncode}: {done.stderr.strip()}"))
            return runs, errors, successes
        runs += 1
        lines = done.stderr.splitlines()
        if done.returncode == 0:
            successes += 1
            if lines:
                failures.append((where, "message", f"exit 0 with stderr {lines!r}"))
        elif done.returncode == 1:
            errors += 1
            if len(lines) != 1 or not lines[0].startswith("sqgl: error: "):
                failures.append((where, "message", f"stderr is not one error line: {lines!r}"))
            elif code == "full" and kind != "shmmap" and "disk full" not in lines[0]:
                failures.append((where, "disk full", f"SQLITE_FULL reported as {lines[0]!r}"))
        else:
            failures.append((where, "exit code", f"exit {done.returncode}: {lines!r}"))
        ok = done.returncode == 0
        problems = state_problems(sqgl, cmd, run_dir, db, cmd.after if ok else cmd.before, ok)
        if problems:
            failures.append((where, "inconsistent", f"exit {done.returncode} {lines!r}: " + "; ".join(problems)))
            continue
        if not ok:
            # Whatever the failure left behind (a -wal, a -shm) must not stop the next run.
            again = cmd.run(sqgl, run_dir, db)
            if again.returncode != 0 or common.canonical_dump(db) != cmd.after:
                failures.append((where, "inconsistent",
                                 f"the real sqgl cannot redo it afterwards: exit {again.returncode} "
                                 f"{again.stderr.strip()}"))
    failures.append((f"{cmd.name} {kind}-{code}-{mode}", "runaway", f"still faulting at N = {MAX_N}"))
    return runs, errors, successes


def main():
    args = common.arguments(__doc__.splitlines()[0])
    faulty = faulty_binary(args.sqgl)
    started = time.monotonic()

    # The demo district, small: what matters is the number of I/O calls, not the data.
    base = os.path.join(args.work, "demo.db")
    common.demo_database(args.sqgl, base, scale=0.01)
    con = sqlite3.connect(base)
    try:
        pregnant = con.execute(
            "SELECT r.citizen_id FROM residents r JOIN households h ON h.id = r.household_id "
            "JOIN units u ON u.id = h.community_id WHERE r.pregnant AND u.code = '150204001001' "
            "ORDER BY r.id LIMIT 1").fetchone()[0]
    finally:
        con.close()
    applied = common.run(args.sqgl, ["apply", "--resident", pregnant, "--item", "C05-01", "--materials", "1,2,3,4"],
                         base, operator="ZZ0101")
    if applied.returncode != 0:
        raise SystemExit(f"io_errors: apply failed ({applied.returncode}): {applied.stderr}")
    case = applied.stdout.split()[2].rstrip(":")
    checkpoint(base)

    residents = os.path.join(args.work, "residents.csv")
    residents_csv(residents, base, 1000 if args.long else 200)

    commands = [
        Command("import", ["import", "residents", residents], "IT01", base, args.work),
        Command("approve", ["approve", case], "ZZ0101", base, args.work),
    ]
    has_backup = common.run(args.sqgl, ["backup", "--help"], base).returncode == 0
    if has_backup:
        commands.append(Command("backup", ["backup", "backup.db"], "IT01", base, args.work, output="backup.db"))
    else:
        print("io_errors: note: this sqgl has no backup command ('sqgl backup --help' fails); backup not covered")

    faults = LONG_FAULTS if args.long else DEFAULT_FAULTS
    failures = []
    runs = {}
    errors = successes = 0
    for cmd in commands:
        counts = clean_results(args.sqgl, faulty, cmd)
        print(f"io_errors: a clean {cmd.name} makes " + ", ".join(f"{counts[k]} {k}" for k in KINDS) + " calls")
        runs[cmd.name] = 0
        for code, mode in faults:
            for kind in KINDS:
                n, e, ok = fault_runs(args.sqgl, faulty, cmd, kind, code, mode, failures)
                runs[cmd.name] += n
                errors += e
                successes += ok
    for where, what, detail in failures[:20]:
        print(f"io_errors: FAIL {where}: {what}: {detail}")
    if len(failures) > 20:
        print(f"io_errors: … and {len(failures) - 20} more failures")

    def count(*whats):
        return sum(1 for f in failures if f[1] in whats)

    total = sum(runs.values())
    disk_full = "disk-full message ok" if count("disk full") == 0 else f"{count('disk full')} disk-full messages wrong"
    print(f"io_errors: {total} faulted runs (import {runs['import']}, approve {runs['approve']}, "
          f"backup {runs['backup'] if has_backup else '0: no backup command'}), "
          f"{errors} exit 1, {successes} exit 0 (SQLite absorbed the fault), "
          f"{count('crash')} crashes, {count('inconsistent')} inconsistent databases, "
          f"{count('message', 'exit code', 'no fault', 'runaway')} wrong exits or messages, {disk_full} "
          f"({', '.join(f'{c} {m}' for c, m in faults)}; {time.monotonic() - started:.0f} s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
