#!/usr/bin/env python3
"""Concurrent writers: 8 real sqgl processes x 250 mixed write commands on
overlapping cases of one database.

Each writer runs cycles of five commands: apply (C04-07, a grid hazard report:
station step, then the urban-management bureau), approve the station step,
route the bureau step, route one of the SHARED cases (every writer re-routes
the same few cases, so their writes overlap row for row), and approve the bureau
step. Two writers share each community's station (8 writers, 7 communities).

Every command must commit (exit 0; none fails on a lock), case numbers must be
unique, every case must end as its commands said (no lost update), the history
must grow by exactly one event per command, and the database must pass
integrity_check, foreign_key_check and `sqgl audit verify`.
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
    commands_per_writer = 1000 if args.long else 250
    cycles = commands_per_writer // 5
    db = f"{args.work}/concurrency.db"
    common.demo_database(args.sqgl, db)

    con = sqlite3.connect(db)
    communities = [r[0] for r in con.execute(
        "SELECT code FROM units WHERE kind = 'community' ORDER BY code")]
    workers = {}
    for code in communities:
        workers[code] = [r[0] for r in con.execute(
            "SELECT s.staff_no FROM staff s JOIN staff_roles sr ON sr.staff_id = s.id AND sr.role = 'worker' "
            "JOIN units u ON u.id = s.unit_id WHERE u.code = ? ORDER BY s.staff_no", (code + "-FWZ",))]
    residents = {}
    for code in communities:
        residents[code] = [r[0] for r in con.execute(
            "SELECT r.citizen_id FROM residents r JOIN households h ON h.id = r.household_id "
            "JOIN units u ON u.id = h.community_id WHERE u.code = ? ORDER BY r.id", (code,))]
    con.close()

    def sqgl(argv, operator):
        return common.run(args.sqgl, ["--json", *argv] if argv[0] == "apply" else argv, db, NOW, operator)

    # The shared cases, opened and moved to the bureau step before the writers start.
    shared = []
    for i in range(4):
        code = communities[i]
        applied = sqgl(["apply", "--resident", residents[code][-1 - i], "--item", "C04-07", "--materials", "1,2"],
                       workers[code][0])
        if applied.returncode != 0:
            sys.exit(f"setup apply failed: {applied.stderr}")
        number = json.loads(applied.stdout)["number"]
        done = sqgl(["approve", number], workers[code][0])
        if done.returncode != 0:
            sys.exit(f"setup approve failed: {done.stderr}")
        shared.append(number)

    events_before = count(db, "SELECT count(*) FROM events")
    results = [[] for _ in range(WRITERS)]  # (kind, argv, returncode, stderr, stdout)
    own_cases = [[] for _ in range(WRITERS)]
    routes = []  # (shared case, assignee, writer, finish time) of every successful shared route
    lock = threading.Lock()

    def writer(w):
        code = communities[w % len(communities)]
        clerk = workers[code][(w // len(communities)) % len(workers[code])]
        # Writers sharing a community take residents from opposite ends of its list.
        pool = residents[code][:len(residents[code]) // 2] if w < len(communities) else \
            residents[code][len(residents[code]) // 2:-8]
        for cycle in range(cycles):
            resident = pool[cycle]
            out = sqgl(["apply", "--resident", resident, "--item", "C04-07", "--materials", "1,2"], clerk)
            results[w].append(("apply", out.returncode, out.stderr))
            if out.returncode != 0:
                continue
            number = json.loads(out.stdout)["number"]
            own_cases[w].append(number)
            out = sqgl(["approve", number], clerk)
            results[w].append(("approve", out.returncode, out.stderr))
            out = sqgl(["route", number, "--to", "CGJ02"], "IT01")
            results[w].append(("route", out.returncode, out.stderr))
            target = shared[(w + cycle) % len(shared)]
            assignee = ("CGJ01", "CGJ02")[(w + cycle) % 2]
            out = sqgl(["route", target, "--to", assignee], "IT01")
            results[w].append(("route shared", out.returncode, out.stderr))
            if out.returncode == 0:
                with lock:
                    routes.append((target, assignee))
            out = sqgl(["approve", number], "CGJ01")
            results[w].append(("approve", out.returncode, out.stderr))

    # Routes to a shared case are recorded in commit order by the history; the
    # test compares each shared case's final assignee with its newest route event.
    started = time.monotonic()
    threads = [threading.Thread(target=writer, args=(w,)) for w in range(WRITERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started

    attempted = sum(len(r) for r in results)
    failed = [(kind, code, err.strip()) for r in results for (kind, code, err) in r if code != 0]
    locked = [f for f in failed if "busy" in f[2] or "locked" in f[2]]
    problems = []
    if failed:
        problems.append(f"{len(failed)} commands failed, e.g. {failed[:3]}")

    con = sqlite3.connect(db)
    numbers = [n for cases in own_cases for n in cases]
    if len(set(numbers)) != len(numbers):
        problems.append("duplicate case numbers")
    for number in numbers:
        status, decided = con.execute(
            "SELECT c.status, (SELECT count(*) FROM case_steps s WHERE s.case_id = c.id AND s.status = 'approved') "
            "FROM cases c WHERE c.number = ?", (number,)).fetchone()
        if status != "approved" or decided != 2:
            problems.append(f"lost update: case {number} is {status} with {decided} of 2 steps approved")
            break
    for number in shared:
        newest = con.execute(
            "SELECT detail FROM events WHERE kind = 'case.route' AND subject = ? ORDER BY id DESC LIMIT 1",
            (number,)).fetchone()
        assignee = con.execute(
            "SELECT st.staff_no FROM case_steps s JOIN cases c ON c.id = s.case_id "
            "JOIN staff st ON st.id = s.assignee_id WHERE c.number = ? AND s.status = 'active'", (number,)).fetchone()
        routed = sum(1 for (n, _) in routes if n == number)
        events = count(db, f"SELECT count(*) FROM events WHERE kind = 'case.route' AND subject = '{number}'")
        if events != routed:
            problems.append(f"shared case {number}: {routed} routes committed but {events} route events")
        if newest is None or assignee is None or assignee[0] not in newest[0]:
            problems.append(f"lost update: shared case {number} is assigned to {assignee}, its newest route says {newest}")
    con.close()

    events = count(db, "SELECT count(*) FROM events") - events_before
    committed = attempted - len(failed)
    if events != committed:
        problems.append(f"history grew by {events} events for {committed} committed commands")
    integrity = common.integrity(db)
    if integrity != "ok":
        problems.append(f"integrity: {integrity}")
    audit = common.run(args.sqgl, ["audit", "verify"], db)
    if audit.returncode != 0:
        problems.append(f"audit verify: {audit.stderr.strip()}")

    print(f"concurrency: {WRITERS} writers x {commands_per_writer} commands: {committed}/{attempted} committed, "
          f"{len(locked)} lock failures, {len(numbers)} unique case numbers, history +{events} events, "
          f"integrity {integrity}, {attempted / elapsed:.0f} commands/s ({elapsed:.1f} s)")
    for p in problems:
        print("  problem:", p)
    return 1 if problems else 0


def count(db, sql):
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


if __name__ == "__main__":
    sys.exit(main())
