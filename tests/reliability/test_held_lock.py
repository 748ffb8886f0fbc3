#!/usr/bin/env python3
"""A held lock: one process holds the write lock past sqgl's busy timeout (5 s);
the writers that wait for it exit 5 with a clear one-line message within
timeout + 1 s, having written nothing. Readers are not blocked (WAL), and once
the lock is released the same commands succeed.
"""
import os
import sqlite3
import sys
import threading
import time

import common

BUSY_TIMEOUT = 5.0
NOW = "2012-01-29T09:00"


def main():
    args = common.arguments(__doc__.splitlines()[0])
    db = f"{args.work}/lock.db"
    common.demo_database(args.sqgl, db)
    con = sqlite3.connect(db)
    resident = con.execute(
        "SELECT r.citizen_id FROM residents r JOIN households h ON h.id = r.household_id "
        "JOIN units u ON u.id = h.community_id WHERE u.code = '150204001001' ORDER BY r.id LIMIT 1").fetchone()[0]
    con.close()
    before = common.canonical_dump(db)

    writes = [
        (["apply", "--resident", resident, "--item", "C04-07", "--materials", "1,2"], "ZZ0101"),
        (["--as", "IT01", "setting", "files", "group"], None),
        (["--as", "IT01", "backup", f"{args.work}/backup.db"], None),
    ]
    reads = [(["list", "--status", "open"], None), (["report", "backlog"], None)]

    holder = sqlite3.connect(db, isolation_level=None, timeout=0)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("UPDATE settings SET value = value WHERE key = 'history.head'")
    results = {}

    def attempt(i, argv, operator):
        started = time.monotonic()
        out = common.run(args.sqgl, argv, db, NOW, operator)
        results[i] = (argv, out, time.monotonic() - started)

    threads = [threading.Thread(target=attempt, args=(i, a, o)) for i, (a, o) in enumerate(writes + reads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    holder.execute("ROLLBACK")
    holder.close()

    problems = []
    worst = 0.0
    for i in range(len(writes)):
        argv, out, elapsed = results[i]
        # A backup copies the database first (a read, never blocked) and waits for the
        # lock only to record its event: its wait starts later, so it has no time bound.
        timed = "backup" not in argv
        if timed:
            worst = max(worst, elapsed)
        lines = out.stderr.splitlines()
        if out.returncode != 5:
            problems.append(f"{argv[0:3]}: exit {out.returncode}, expected 5: {out.stderr.strip()}")
        if len(lines) != 1 or not lines[0].startswith("sqgl: error: ") or "busy" not in lines[0]:
            problems.append(f"{argv[0:3]}: not one clear line: {out.stderr!r}")
        if timed and elapsed > BUSY_TIMEOUT + 1.0:
            problems.append(f"{argv[0:3]}: gave up after {elapsed:.2f} s, over {BUSY_TIMEOUT + 1.0} s")
        if timed and elapsed < BUSY_TIMEOUT - 0.5:
            problems.append(f"{argv[0:3]}: gave up after {elapsed:.2f} s, before the busy timeout")
    for i in range(len(writes), len(writes) + len(reads)):
        argv, out, elapsed = results[i]
        if out.returncode != 0:
            problems.append(f"reader {argv}: exit {out.returncode}: {out.stderr.strip()}")
    if os.path.exists(f"{args.work}/backup.db"):
        problems.append("a refused backup left its file")
    after = common.canonical_dump(db)
    if after != before:
        problems.append("the database changed while the lock was held")

    # The lock released, the same commands go through.
    retried = [common.run(args.sqgl, argv, db, NOW, operator).returncode for argv, operator in writes]
    if retried != [0] * len(writes):
        problems.append(f"after release, exits {retried}")

    print(f"held_lock: {len(writes)} writers waited for a held lock and exited 5 (apply and setting within "
          f"{worst:.2f} s: timeout {BUSY_TIMEOUT:.0f} s + 1 s allowed), one clear line each, nothing written; "
          f"{len(reads)} readers not blocked; all succeeded after release")
    for p in problems:
        print("  problem:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
