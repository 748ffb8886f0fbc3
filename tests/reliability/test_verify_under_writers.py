#!/usr/bin/env python3
"""Verification under load: `audit verify` and `check` while 8 clerks keep writing.

Eight writer processes apply and approve cases (C04-07: the station step, then the
bureau) without pause, while `audit verify` runs 200 times and `check` (which also
replays every case from the history) 20 times. Every verification must pass: before,
the events and the history's head record were read in two snapshots, and 69 of 298
runs under 12 writers reported "the tail was deleted". At the end the database
passes `check` and the writers' commands all committed.
"""
import json
import sqlite3
import sys
import threading
import time

import common

WRITERS = 8
NOW = "2012-01-29T09:00"


def main():
    args = common.arguments(__doc__.splitlines()[0])
    verifications = 1000 if args.long else 200
    checks = 50 if args.long else 20
    db = f"{args.work}/verify.db"
    common.demo_database(args.sqgl, db, scale=0.25)
    con = sqlite3.connect(db)
    communities = [r[0] for r in con.execute("SELECT code FROM units WHERE kind = 'community' ORDER BY code")]
    clerks, residents = {}, {}
    for code in communities:
        clerks[code] = [r[0] for r in con.execute(
            "SELECT s.staff_no FROM staff s JOIN staff_roles sr ON sr.staff_id = s.id AND sr.role = 'worker' "
            "JOIN units u ON u.id = s.unit_id WHERE u.code = ? ORDER BY s.staff_no", (code + "-FWZ",))]
        residents[code] = [r[0] for r in con.execute(
            "SELECT r.citizen_id FROM residents r JOIN households h ON h.id = r.household_id "
            "JOIN units u ON u.id = h.community_id WHERE u.code = ? ORDER BY r.id", (code,))]
    con.close()

    stop = threading.Event()
    written = [0] * WRITERS
    failures = []

    def writer(w):
        code = communities[w % len(communities)]
        clerk = clerks[code][(w // len(communities)) % len(clerks[code])]
        pool = residents[code][w // len(communities)::2]
        for resident in pool:
            if stop.is_set():
                return
            out = common.run(args.sqgl, ["--json", "apply", "--resident", resident, "--item", "C04-07",
                                         "--materials", "1,2"], db, NOW, clerk)
            if out.returncode != 0:
                failures.append(f"apply: {out.stderr.strip()}")
                continue
            number = json.loads(out.stdout)["number"]
            for operator in (clerk, "CGJ01"):
                done = common.run(args.sqgl, ["approve", number], db, NOW, operator)
                if done.returncode != 0:
                    failures.append(f"approve: {done.stderr.strip()}")
            written[w] += 3

    threads = [threading.Thread(target=writer, args=(w,)) for w in range(WRITERS)]
    for t in threads:
        t.start()
    time.sleep(0.5)
    alarms = []
    started = time.monotonic()
    for i in range(verifications):
        done = common.run(args.sqgl, ["audit", "verify"], db, NOW)
        if done.returncode != 0:
            alarms.append(f"audit verify {i}: {done.stderr.strip()}")
        if i % (verifications // checks) == 0:
            done = common.run(args.sqgl, ["check"], db, NOW)
            if done.returncode != 0:
                alarms.append(f"check {i}: {done.stdout.strip()[-300:]} {done.stderr.strip()}")
    elapsed = time.monotonic() - started
    stop.set()
    for t in threads:
        t.join()

    problems = list(alarms)
    if failures:
        problems.append(f"{len(failures)} writer commands failed, e.g. {failures[:2]}")
    final = common.run(args.sqgl, ["check"], db, NOW)
    if final.returncode != 0:
        problems.append(f"final check: {final.stdout.strip()[-300:]}")
    commands = sum(written)
    print(f"verify_under_writers: {verifications} audit verify and {checks} check under {WRITERS} writers "
          f"({commands} commands committed meanwhile, {len(failures)} failed): {len(alarms)} false alarms; "
          f"final check {'ok' if final.returncode == 0 else 'FAILED'} ({elapsed:.1f} s)")
    for p in problems[:20]:
        print("  problem:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
