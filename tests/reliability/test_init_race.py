#!/usr/bin/env python3
"""Racing and interrupted inits: two `init --demo` for one new file, and inits cut short.

Pairs of `sqgl init --demo` are started together on a name that does not exist:
exactly one must succeed and leave a whole database that passes `sqgl check`;
the other must exit 5 with one clear line, having written nothing (before, about
one race in five ended with no database at all while the winner reported
success). Then `init --demo --history 1` is interrupted (SIGINT, SIGTERM or
SIGKILL) at random moments: nothing may be left behind, neither a database nor
its side files nor a temporary name, and a new init of the same name succeeds.
"""
import os
import random
import signal
import subprocess
import sys
import time

import common

NOW = "2012-01-29T09:00"


def leftovers(work, name):
    return sorted(n for n in os.listdir(work) if n.startswith(name) or ".sqgl-" in n)


def main():
    args = common.arguments(__doc__.splitlines()[0])
    pairs = 100 if args.long else 20
    cuts = 40 if args.long else 10
    problems = []
    lost = won_twice = 0
    started = time.monotonic()
    for i in range(pairs):
        db = f"{args.work}/race-{i}.db"
        env = common.environment(db, NOW)
        runs = [subprocess.Popen([args.sqgl, "init", "--demo", "--scale", "0.1"], env=env, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True) for _ in range(2)]
        results = [(p.wait(), p.stderr.read().strip()) for p in runs]
        for p in runs:
            p.stdout.close()
            p.stderr.close()
        codes = sorted(code for code, _ in results)
        if not os.path.exists(db):
            lost += 1
            problems.append(f"pair {i}: no database left; exits {results}")
            continue
        if codes != [0, 5]:
            won_twice += codes == [0, 0]
            problems.append(f"pair {i}: exits {results}, expected one 0 and one 5")
        loser = [err for code, err in results if code == 5]
        if loser and ("created by another process meanwhile; nothing written" not in loser[0] or "\n" in loser[0]):
            problems.append(f"pair {i}: the loser said {loser[0]!r}")
        check = common.run(args.sqgl, ["check"], db)
        if check.returncode != 0:
            problems.append(f"pair {i}: the winner's database fails check: {check.stdout.strip()} {check.stderr.strip()}")
        os.unlink(db)
    race_seconds = time.monotonic() - started

    rng = random.Random(2012)
    signals = [signal.SIGINT, signal.SIGTERM, signal.SIGKILL]
    interrupted = 0
    for i in range(cuts):
        name = f"cut-{i}.db"
        db = f"{args.work}/{name}"
        process = subprocess.Popen([args.sqgl, "init", "--demo", "--history", "1"], env=common.environment(db, NOW),
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.05, 2.5))
        process.send_signal(signals[i % len(signals)])
        process.wait()
        if process.returncode == 0:
            os.unlink(db)  # it finished first: nothing to look at
            continue
        interrupted += 1
        left = leftovers(args.work, name)
        if left:
            problems.append(f"init interrupted by {signals[i % len(signals)].name} left {left}")
            continue
        again = common.run(args.sqgl, ["init", "--demo", "--scale", "0.05"], db)
        if again.returncode != 0:
            problems.append(f"after an interrupted init, a new one failed: {again.stderr.strip()}")
        os.unlink(db)

    print(f"init_race: {pairs} pairs of init --demo on one new file: {lost} lost databases, {won_twice} double wins, "
          f"every loser exit 5 with nothing written, every winner passes check ({race_seconds:.1f} s); "
          f"{interrupted} inits interrupted at random moments (SIGINT, SIGTERM, SIGKILL): nothing left behind, "
          f"a new init succeeded each time")
    for p in problems:
        print("  problem:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
