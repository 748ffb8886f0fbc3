#!/usr/bin/env python3
"""The output guard: every file sqgl writes, against every name it must never write.

Each writer (backup, report --out as text and as xlsx, import --errors) is aimed
at the database and each of its side files (by name, relative and absolute, and
through a hard link), a directory, a device, a FIFO, a socket, a symbolic link
(to the database, to a file, dangling) and a missing directory. Each is refused
(exit 2, or 3 for the missing directory) and nothing outside the target changes:
every other file keeps its bytes, mode and inode, /dev/null stays a device, the
database's rows stay as they were, and no temporary name is left.

Then: a file of the target's name is replaced whole with the mode the `files`
setting asks for; a backup killed at random moments leaves no copy behind; as
root, a side file made by another user is refused (exit 4) and a read-only
database in a read-only directory is read by another user; a SQLite file that is
not sqgl's is left byte for byte as it was by every writing command.
"""
import hashlib
import os
import random
import shutil
import signal
import socket
import sqlite3
import stat
import subprocess
import sys
import tempfile
import time

import common

NOW = "2012-01-29T09:00"


def snapshot(directory, database):
    """What must not change: every entry's type, inode, mode and (for plain files
    that are not the database or its side files) its bytes; and the database's rows."""
    out = {}
    for name in sorted(os.listdir(directory)):
        path = os.path.join(directory, name)
        st = os.lstat(path)
        entry = (stat.S_IFMT(st.st_mode), st.st_ino, stat.S_IMODE(st.st_mode))
        if stat.S_ISREG(st.st_mode) and not name.startswith(os.path.basename(database)):
            with open(path, "rb") as f:
                entry += (hashlib.sha256(f.read()).hexdigest(),)
        out[name] = entry
    out["/dev/null"] = stat.S_IFMT(os.lstat("/dev/null").st_mode)
    out["rows"] = common.canonical_dump(database)
    return out


def recorded_backup(db, target):
    """Whether the history of `db` records a finished backup into `target`."""
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT count(*) FROM events WHERE kind = 'db.backup' AND subject = ?",
                           (target,)).fetchone()[0] > 0
    finally:
        con.close()


def main():
    args = common.arguments(__doc__.splitlines()[0])
    work = args.work
    db = f"{work}/guard.db"
    common.demo_database(args.sqgl, db, scale=0.1)
    con = sqlite3.connect(db)
    resident = con.execute(
        "SELECT r.citizen_id FROM residents r JOIN households h ON h.id = r.household_id "
        "JOIN units u ON u.id = h.community_id WHERE r.disabled AND u.code = '150204001001' ORDER BY r.id").fetchone()[0]
    con.close()
    if common.run(args.sqgl, ["apply", "--resident", resident, "--item", "C08-01", "--materials", "1,2,3,4"],
                  db, NOW, "ZZ0101").returncode != 0:
        sys.exit("setup: apply failed")
    # While someone has the database open, its log and index lie beside it: another
    # process holding a connection through the writers keeps them there (another
    # process: this one reads the hard link below, and closing any descriptor of the
    # file drops all of a process's locks on it). A rollback journal is made up.
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
         "c.execute('SELECT count(*) FROM cases').fetchone(); print('open', flush=True); sys.stdin.read()", db],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    if holder.stdout.readline().strip() != "open" or not (
            os.path.exists(f"{db}-wal") and os.path.exists(f"{db}-shm")):
        sys.exit("setup: no -wal and -shm beside an open database")
    open(f"{db}-journal", "wb").close()
    with open(f"{work}/precious.txt", "w") as f:
        f.write("precious\n")
    with open(f"{work}/rows.csv", "w") as f:
        f.write("citizen_id,name\n1,x\n")
    os.link(db, f"{work}/hardlink.db")
    os.symlink("guard.db", f"{work}/link-to-db")
    os.symlink("precious.txt", f"{work}/link-to-file")
    os.symlink("nowhere.txt", f"{work}/dangling")
    os.mkdir(f"{work}/dir")
    os.mkfifo(f"{work}/fifo")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(f"{work}/sock")

    targets = {
        "database": ("guard.db", 2), "database ./": ("./guard.db", 2), "database absolute": (db, 2),
        "-wal": ("guard.db-wal", 2), "-shm": ("guard.db-shm", 2), "-journal": ("guard.db-journal", 2),
        "-wal absolute": (f"{db}-wal", 2), "hard link": ("hardlink.db", 2), "link to the database": ("link-to-db", 2),
        "link to a file": ("link-to-file", 2), "dangling link": ("dangling", 2), "directory": ("dir", 2),
        "device": ("/dev/null", 2), "FIFO": ("fifo", 2), "socket": ("sock", 2), "the import's input": ("rows.csv", 2),
        "missing directory": ("no/such/dir/out", 3),
    }
    writers = {
        "backup": lambda t: ["--as", "IT01", "backup", t],
        "report --out": lambda t: ["report", "backlog", "--out", t],
        "report xlsx": lambda t: ["report", "overdue", "--format", "xlsx", "--out", t],
        "import --errors": lambda t: ["--as", "IT01", "import", "residents", "rows.csv", "--errors", t],
    }
    problems = []
    refused = 0
    before = snapshot(work, db)
    for writer, argv in writers.items():
        for what, (target, code) in targets.items():
            if writer != "import --errors" and what == "the import's input":
                continue
            done = subprocess.run([args.sqgl, *argv(target)], cwd=work, env=common.environment(db, NOW),
                                  capture_output=True, text=True, timeout=60)
            lines = done.stderr.splitlines()
            if done.returncode != code or len(lines) != 1 or not lines[0].startswith("sqgl: error: "):
                problems.append(f"{writer} onto the {what}: exit {done.returncode} {lines!r}, expected {code}")
                continue
            refused += 1
            after = snapshot(work, db)
            if after != before:
                changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
                problems.append(f"{writer} onto the {what} changed {changed}")
                before = after
    sock.close()
    holder.communicate()

    # An older file of that name is replaced whole, with the setting's mode.
    modes = []
    for files, mode in (("owner", 0o600), ("group", 0o660), ("owner", 0o600)):
        if common.run(args.sqgl, ["--as", "IT01", "setting", "files", files], db, NOW).returncode != 0:
            problems.append(f"setting files {files} failed")
        for argv in (["--as", "IT01", "backup", "old.db"], ["report", "backlog", "--out", "old.txt"]):
            target = f"{work}/{argv[-1]}"
            with open(target, "w") as f:
                f.write("old")
            os.chmod(target, 0o644)
            done = subprocess.run([args.sqgl, *argv], cwd=work, env=common.environment(db, NOW), capture_output=True)
            got = stat.S_IMODE(os.stat(target).st_mode)
            modes.append(got)
            with open(target, "rb") as f:
                head = f.read(16)
            if done.returncode != 0 or got != mode or head == b"old":
                problems.append(f"{argv[-2:]} under files {files}: exit {done.returncode}, mode {got:o}, not replaced")

    # A backup killed at any moment leaves no copy of anyone's data.
    big = f"{work}/big.db"
    common.demo_database(args.sqgl, big, history=1)
    kills = 30 if args.long else 8
    left = killed = 0
    rng = random.Random(2012)
    for i in range(kills):
        target = f"{work}/killed-{i}.db"
        process = subprocess.Popen([args.sqgl, "--as", "IT01", "backup", target], cwd=work,
                                   env=common.environment(big, NOW), stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.0, 0.6))
        process.send_signal(signal.SIGKILL)
        process.wait()
        killed += process.returncode == -signal.SIGKILL
        # A kill after the copy was recorded and renamed into place (while the process
        # closed the database) ends a backup that is whole: its event says so.
        if os.path.exists(target) and process.returncode != 0 and not recorded_backup(big, target):
            left += 1
            problems.append(f"a killed backup left {target}")
        if os.path.exists(target):
            os.unlink(target)
    # A kill between naming the finished copy and renaming it into place can leave
    # it under its hidden name; the next file sqgl writes in that directory removes it.
    abandoned = [n for n in os.listdir(work) if ".sqgl-" in n]
    after = subprocess.run([args.sqgl, "--as", "IT01", "backup", f"{work}/after-kills.db"], cwd=work,
                           env=common.environment(big, NOW), capture_output=True, text=True)
    if after.returncode != 0:
        problems.append(f"the backup after the kills failed: {after.stderr.strip()}")
    if os.path.exists(f"{work}/after-kills.db"):
        os.unlink(f"{work}/after-kills.db")
    stray = [n for n in os.listdir(work) if ".sqgl-" in n]
    if stray:
        problems.append(f"temporary files left after the next backup: {stray}")

    root = os.geteuid() == 0
    owners = readonly = chmod = "skipped (not root)"
    if root:
        owners = side_file_of_another_user(args, work, problems)
        readonly = read_only_database(args, work, big, problems)
        chmod = setting_files_without_chmod(args, work, problems)
    foreign = foreign_file(args, work, problems)
    cut = reject_file_that_cannot_be_written(args, work, db, problems)

    print(f"output_guard: {refused} writes aimed at the database, its side files, links, a directory, a device, "
          f"a FIFO, a socket and a missing directory: all refused, 0 writes outside the target; "
          f"older files replaced whole with modes {sorted(set(f'{m:o}' for m in modes))}; "
          f"{killed} backups killed at random moments ({kills - killed} finished first), {left} copies left, {len(abandoned)} staged copies left by a kill and removed by the next backup; side files of another user: {owners}; "
          f"read-only database: {readonly}; 'setting files' by a user who cannot chmod: {chmod}; "
          f"a reject file cut by a write error: {cut}; foreign SQLite file: {foreign}")
    for p in problems:
        print("  problem:", p)
    return 1 if problems else 0


def reachable_by_others():
    """A directory another user can reach: the work directory may sit below private ones
    (a clean clone in a mktemp directory)."""
    directory = tempfile.mkdtemp(prefix="sqgl-guard-", dir="/tmp")
    os.chmod(directory, 0o755)
    return directory


def side_file_of_another_user(args, work, problems):
    """A -wal or -shm that another user made beside the database is refused, untouched."""
    db = f"{work}/shared.db"
    common.demo_database(args.sqgl, db, scale=0.05)
    refusals = 0
    for suffix in ("-wal", "-shm"):
        side = db + suffix
        open(side, "wb").close()
        os.chown(side, 65534, 65534)  # nobody
        done = common.run(args.sqgl, ["--as", "IT01", "setting", "auth", "peer"], db)
        if done.returncode != 4 or "belongs to user 65534" not in done.stderr or os.path.getsize(side) != 0:
            problems.append(f"a {suffix} of another user: exit {done.returncode} {done.stderr.strip()!r}")
        else:
            refusals += 1
        os.unlink(side)
    return f"{refusals}/2 refused (exit 4)"


def read_only_database(args, work, source, problems):
    """Another user reads a database they may not write, in a directory they may not write."""
    top = reachable_by_others()
    directory = f"{top}/readonly"
    os.mkdir(directory, 0o755)
    db = f"{directory}/ro.db"
    common.run(args.sqgl, ["--as", "IT01", "backup", db], source)
    os.chmod(db, 0o644)
    os.chmod(directory, 0o555)
    env = common.environment(db, NOW)
    done = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", args.sqgl, "list",
                           "--status", "approved", "--json"], env=env, capture_output=True, text=True, timeout=120)
    os.chmod(directory, 0o755)
    shutil.rmtree(top)
    if done.returncode != 0 or '"case_count"' not in done.stdout:
        problems.append(f"read-only database: exit {done.returncode} {done.stderr.strip()!r}")
        return "not read"
    return "read (list exit 0)"


def setting_files_without_chmod(args, work, problems):
    """bug: 'setting files owner' by someone who cannot chmod the database exited 1 after
    committing the setting and its event. The files change first, or nothing does."""
    top = reachable_by_others()
    directory = f"{top}/group"
    os.mkdir(directory, 0o777)
    db = f"{directory}/g.db"
    common.demo_database(args.sqgl, db, scale=0.05)
    common.run(args.sqgl, ["--as", "IT01", "setting", "files", "group"], db)
    os.chmod(directory, 0o770)
    os.chown(directory, 0, 65534)
    for name in os.listdir(directory):
        os.chown(f"{directory}/{name}", 0, 65534)  # root's files, the group's to share
    before = common.canonical_dump(db)
    env = common.environment(db, NOW)
    done = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", args.sqgl, "--as", "IT01",
                           "setting", "files", "owner"], env=env, capture_output=True, text=True, timeout=60)
    after = common.canonical_dump(db)
    mode = stat.S_IMODE(os.stat(db).st_mode)
    shutil.rmtree(top)
    if done.returncode != 1 or "cannot chmod" not in done.stderr or after != before or mode != 0o660:
        problems.append(f"setting files by a non-owner: exit {done.returncode} {done.stderr.strip()!r}, "
                        f"database changed {after != before}, mode {mode:o}")
        return "FAILED"
    return "exit 1, nothing written"


def reject_file_that_cannot_be_written(args, work, db, problems):
    """bug: a disk full while writing a reject file left it silently empty or cut. A
    write error on any output file is an error (exit 1), and the file is not left."""
    rows = "\n".join(f"15020419900717{i:04d},x,男,1990-07-17,none" for i in range(3000))
    with open(f"{work}/many-bad.csv", "w") as f:
        f.write("citizen_id,name,sex,birth_date,household\n" + rows + "\n")
    before = common.canonical_dump(db)

    def small_files():
        import resource
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails, as on a full disk
        resource.setrlimit(resource.RLIMIT_FSIZE, (65536, 65536))

    done = subprocess.run([args.sqgl, "--as", "IT01", "import", "residents", "many-bad.csv", "--errors",
                           "rejects.csv"], cwd=work, env=common.environment(db, NOW), capture_output=True,
                          text=True, timeout=60, preexec_fn=small_files)
    last = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""
    if done.returncode != 1 or "cannot write" not in last or os.path.exists(f"{work}/rejects.csv") or \
            common.canonical_dump(db) != before:
        problems.append(f"a reject file cut short: exit {done.returncode}, last line {last!r}, "
                        f"file left {os.path.exists(f'{work}/rejects.csv')}")
        return "FAILED"
    return "exit 1, no file left"


def foreign_file(args, work, problems):
    """A SQLite file that is not sqgl's is never touched: no journal-mode change, no side files."""
    path = f"{work}/foreign.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    with open(path, "rb") as f:
        before = f.read()
    commands = [["init"], ["init", "--demo"], ["--as", "IT01", "setting", "auth", "peer"], ["list"],
                ["--as", "IT01", "import", "residents", f"{work}/rows.csv"], ["check"], ["--as", "IT01", "backup",
                                                                                          f"{work}/f.db"]]
    touched = 0
    for argv in commands:
        done = common.run(args.sqgl, argv, path)
        with open(path, "rb") as f:
            after = f.read()
        sides = [s for s in ("-wal", "-shm", "-journal") if os.path.exists(path + s)]
        if done.returncode != 2 or "is not an sqgl database" not in done.stderr or after != before or sides:
            touched += 1
            problems.append(f"foreign file, {argv}: exit {done.returncode}, changed {after != before}, sides {sides}")
    return f"{len(commands) - touched}/{len(commands)} commands refused it untouched"


if __name__ == "__main__":
    sys.exit(main())
