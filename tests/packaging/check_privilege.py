#!/usr/bin/env python3
"""The privilege boundary of an installed sqgl, tried by two clerks.

As the package installs it: the binary setgid to a group the clerks are not in,
the database directory and the backups that group's alone, the configuration
file naming the database. Then, as each clerk: the sqlite3 shell cannot open the
database; sqgl acts for the clerk's real user whatever `--as` says, even with the
database's `auth` left at `trust`, and an LD_PRELOAD shim faking getuid() changes
nothing; --db, $SQGL_DB, $SQGL_CONFIG, $SQGL_NOW and `init` are refused; files
the clerk names are opened with her own rights, so sqgl neither reads nor writes
the group's files for her; her own report lands as hers.

Needs root (accounts, a setgid binary, a mount namespace). The accounts and group
are removed at the end; the fixture lives on a tmpfs mounted, in a private mount
namespace, over the build's configuration directory, so nothing of it outlives
the test. Without root the test says so and is skipped (exit 77)."""
import argparse
import grp
import json
import os
import pwd
import shutil
import stat
import subprocess
import sys

from common import fail, run

SKIP = 77
GROUP = "sqgltest-grp"
# account → staff number: the station's clerk, the bureau's reviewer, the district's
# admin, and an account that is nobody's on the staff.
CLERKS = {"sqgltest-c1": "ZZ0101", "sqgltest-c2": "JSJ01", "sqgltest-ad": "IT01", "sqgltest-c3": None}


def remove_accounts():
    for name in CLERKS:
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        run(["userdel", name])
    try:
        grp.getgrnam(GROUP)
        run(["groupdel", GROUP])
    except KeyError:
        pass


def create_accounts():
    remove_accounts()  # what a killed run may have left
    for args in [["groupadd", "--system", GROUP]] + [
            ["useradd", "--no-create-home", "--user-group", "--shell", "/usr/sbin/nologin", name] for name in CLERKS]:
        got = run(args)
        if got.returncode != 0:
            fail(f"{' '.join(args)}: {got.stderr.strip()}")


def outside(args):
    """Creates the accounts and the configuration directory if missing, runs the
    checks in a private mount namespace, removes what it created."""
    conf_dir = os.path.dirname(args.config)
    created = []
    path = conf_dir
    while not os.path.exists(path):
        created.append(path)
        path = os.path.dirname(path)
    try:
        for d in reversed(created):
            os.mkdir(d, 0o755)
        create_accounts()
        code = subprocess.call(["unshare", "--mount", "--propagation", "private", sys.executable, __file__,
                                "--inside", "--sqgl", args.sqgl, "--config", args.config])
    finally:
        remove_accounts()
        for d in created:
            os.rmdir(d)
    sys.exit(code)


class Fixture:
    def __init__(self, sqgl, config):
        self.top = os.path.dirname(config)
        self.config = config
        got = run(["mount", "-t", "tmpfs", "-o", "mode=0755,size=256m", "sqgltest", self.top])
        if got.returncode != 0:
            fail(f"cannot mount a tmpfs on {self.top}: {got.stderr.strip()}")
        self.gid = grp.getgrnam(GROUP).gr_gid
        self.bin = os.path.join(self.top, "bin", "sqgl")
        self.lib = os.path.join(self.top, "lib")
        self.backups = os.path.join(self.top, "backups")
        self.db = os.path.join(self.lib, "sqgl.db")
        os.makedirs(os.path.dirname(self.bin))
        shutil.copy(sqgl, self.bin)
        os.chown(self.bin, 0, self.gid)
        os.chmod(self.bin, 0o2755)
        for d in (self.lib, self.backups):
            os.mkdir(d)
            os.chown(d, 0, self.gid)
            os.chmod(d, 0o2770)
        with open(config, "w") as f:
            f.write(f"db = {self.db}\n")
        self.homes = {}
        for name in CLERKS:
            home = os.path.join(self.top, "home", name)
            os.makedirs(home)
            entry = pwd.getpwnam(name)
            os.chown(home, entry.pw_uid, entry.pw_gid)
            os.chmod(home, 0o700)
            self.homes[name] = home

    def as_root(self, *argv, env=None):
        return run([self.bin, *argv], cwd=self.top, env=dict(os.environ, **(env or {})))

    def as_clerk(self, name, argv, env=None, program=None):
        """Runs sqgl (or `program`) as the clerk: her uid, her own group only."""
        entry = pwd.getpwnam(name)
        base = {"PATH": "/usr/bin:/bin", "HOME": self.homes[name], "LANG": "C.UTF-8"}
        return run([program or self.bin, *argv], cwd=self.homes[name], env=dict(base, **(env or {})),
                   user=entry.pw_uid, group=entry.pw_gid, extra_groups=[])


def expect(got, code, what, text=None):
    if got.returncode != code:
        fail(f"{what}: expected exit {code}, got {got.returncode}: {got.stderr.strip() or got.stdout.strip()}")
    if text is not None and text not in got.stderr + got.stdout:
        fail(f"{what}: expected {text!r} in the output, got: {got.stderr.strip() or got.stdout.strip()}")


def inside(args):
    fx = Fixture(args.sqgl, args.config)
    c1, c2, admin, stranger = CLERKS
    # The district admin, a member of the group (root here), creates the database.
    expect(fx.as_root("init", "--demo", "--files", "group"), 0, "init as root")
    logins = os.path.join(fx.top, "logins.csv")
    staff = {s["staff_no"]: s for s in json.loads(fx.as_root("--json", "staff").stdout)["staff"]}
    with open(logins, "w") as f:
        f.write("staff_no,name,unit,roles,login\n")
        for name, number in CLERKS.items():
            if number is None:
                continue
            s = staff[number]
            f.write(f'{number},{s["name"]},{s["unit"]},"{",".join(s["roles"])}",{name}\n')
    expect(fx.as_root("--as", "IT01", "import", "staff", logins, "--mode", "upsert"), 0, "import the clerks' logins")
    if run(["sqlite3", fx.db, "SELECT value FROM settings WHERE key = 'auth'"]).stdout.strip() not in ("", "trust"):
        fail("the database should be left at auth trust: the boundary must hold without peer")
    st = os.stat(fx.db)
    if st.st_gid != fx.gid or stat.S_IMODE(st.st_mode) != 0o660:
        fail(f"the database should be group {GROUP}, mode 660: gid {st.st_gid}, mode {stat.S_IMODE(st.st_mode):o}")
    resident = run(["sqlite3", fx.db, "SELECT r.citizen_id FROM residents r JOIN households h ON h.id = r.household_id "
                    "JOIN units u ON u.id = h.community_id WHERE r.pregnant AND u.code = '150204001001' "
                    "ORDER BY r.id LIMIT 1"]).stdout.strip()
    secret = os.path.join(fx.lib, "secret.csv")
    kept = os.path.join(fx.backups, "kept.txt")
    for path, text, mode in ((secret, "staff_no,name\nSECRET,秘密\n", 0o640), (kept, "keep\n", 0o660)):
        with open(path, "w") as f:
            f.write(text)
        os.chown(path, 0, fx.gid)
        os.chmod(path, mode)

    # The clerks are outside the group, and the kernel enforces it.
    for name in CLERKS:
        if fx.gid in os.getgrouplist(name, pwd.getpwnam(name).pw_gid):
            fail(f"{name} should not be in group {GROUP}")
    expect(fx.as_clerk(c1, [fx.db, "SELECT count(*) FROM staff"], program="/usr/bin/sqlite3"), 1,
           "the sqlite3 shell on the database, as a clerk", "unable to open database")

    # She acts as herself, whatever she claims: the database says trust, yet sqgl
    # running with the group's rights takes the kernel's word for who she is.
    applied = fx.as_clerk(c1, ["apply", "--resident", resident, "--item", "C05-01", "--materials", "1,2,3,4"])
    expect(applied, 0, "apply as the clerk herself", "accepted case ")
    case = applied.stdout.split("accepted case ")[1].split(":")[0]
    expect(fx.as_clerk(c1, ["--as", "JSJ01", "approve", case]), 4, "approve as a colleague (--as)",
           f"login '{c1}' is staff member 'ZZ0101', not 'JSJ01'")
    expect(fx.as_clerk(c1, ["approve", case], env={"SQGL_OPERATOR": "JSJ01"}), 4,
           "approve as a colleague ($SQGL_OPERATOR)", "not 'JSJ01'")

    # An LD_PRELOAD shim that fakes getuid() and geteuid(): it works on an ordinary program, and
    # the loader ignores it for sqgl (secure-execution mode).
    shim_c = os.path.join(fx.top, "shim.c")
    shim = os.path.join(fx.top, "shim.so")
    with open(shim_c, "w") as f:
        uid = pwd.getpwnam(c2).pw_uid
        f.write(f"#include <sys/types.h>\nuid_t getuid(void) {{ return {uid}; }}\nuid_t geteuid(void) {{ return {uid}; }}\n")
    got = run(["cc", "-shared", "-fPIC", "-o", shim, shim_c])
    if got.returncode != 0:
        fail(f"cannot build the getuid shim: {got.stderr.strip()}")
    preload = {"LD_PRELOAD": shim}
    control = fx.as_clerk(c1, ["-un"], env=preload, program="/usr/bin/id")
    if control.stdout.strip() != c2:
        fail(f"the shim should make `id -un` say {c2} (the control), got {control.stdout.strip()!r}")
    expect(fx.as_clerk(c1, ["--as", "JSJ01", "approve", case], env=preload), 4,
           "approve as a colleague with a getuid shim", f"login '{c1}' is staff member 'ZZ0101'")

    # Each decides her own step, as herself.
    expect(fx.as_clerk(c1, ["approve", case]), 0, "the station's step, as the station's clerk")
    expect(fx.as_clerk(c2, ["approve", case]), 0, "the bureau's step, as the bureau's reviewer", "approved at step 2")
    shown = json.loads(fx.as_root("--json", "show", case).stdout)
    deciders = [s.get("decided_by") for s in shown["steps"]]
    if deciders != ["ZZ0101", "JSJ01"]:
        fail(f"the steps should be decided by ZZ0101 and JSJ01, the history says {deciders}")
    events = json.loads(fx.as_root("--json", "audit", "log", "--subject", case).stdout)["events"]
    refused = [e for e in events if e["kind"] == "permission.denied"]
    if len(refused) != 3 or any(e["operator"] != "ZZ0101" for e in refused):
        fail(f"the three refused approvals should be in the history as ZZ0101's, who tried: {refused}")

    # Nothing from her environment chooses the database, its configuration or the clock.
    other = os.path.join(fx.homes[c1], "other.db")
    mine = os.path.join(fx.homes[c1], "my.conf")
    for argv, env, what in (
            (["--db", other, "list", "--mine"], None, "--db naming another database"),
            (["list", "--mine"], {"SQGL_DB": other}, "$SQGL_DB naming another database"),
            (["list", "--mine"], {"SQGL_CONFIG": mine}, "$SQGL_CONFIG naming another file"),
            (["list", "--mine"], {"SQGL_CONFIG": ""}, "$SQGL_CONFIG set empty"),
            (["list", "--mine"], {"SQGL_NOW": "2012-01-30"}, "$SQGL_NOW"),
            (["--db", other, "init", "--demo"], None, "init"),
    ):
        expect(fx.as_clerk(c1, argv, env=env), 4, f"as a clerk: {what}", f"group '{GROUP}'")
    if os.path.exists(other):
        fail("a refused init created a database")
    expect(fx.as_clerk(c1, ["--db", fx.db, "list", "--mine"]), 0, "--db naming the configured database")
    # Her spelling of the configured path is never what sqgl opens: through a link of
    # hers, S/../../.. leads into her own directory, where no database is.
    home = fx.homes[c1]
    os.makedirs(os.path.join(home, "x", "y", "z"))
    os.symlink(os.path.join(home, "x", "y", "z"), os.path.join(home, "S"))
    trick = os.path.join(home, "S", "..", "..", os.path.relpath(fx.db, os.path.dirname(home)))
    if os.path.normpath(trick) != fx.db:
        fail(f"the test's own path trick is wrong: {trick}")
    expect(fx.as_clerk(c1, ["--db", trick, "list", "--mine"]), 0, "--db spelling the configured path through a link")
    # Nobody reads through a setgid sqgl who is not on the staff.
    expect(fx.as_clerk(stranger, ["list"]), 4, "list by an account that is no staff member's", "no staff member's")

    # Files she names are opened with her rights: the group's files stay out of reach.
    report_in_lib = os.path.join(fx.lib, "report.txt")
    expect(fx.as_clerk(c1, ["report", "backlog", "--out", report_in_lib]), 4, "report --out into the database's directory")
    if os.path.exists(report_in_lib):
        fail("a refused report was written into the database's directory")
    expect(fx.as_clerk(c1, ["report", "backlog", "--out", kept]), 4, "report --out onto a file of the group")
    if open(kept).read() != "keep\n":
        fail("report --out overwrote a file of the group")
    got = fx.as_clerk(c1, ["import", "staff", secret])
    expect(got, 4, "import of a file only the group may read", "permission denied")
    if "SECRET" in got.stdout + got.stderr or "秘密" in got.stdout + got.stderr:
        fail("sqgl showed a clerk what a file of the group holds")
    expect(fx.as_clerk(c1, ["backup", os.path.join(fx.homes[c1], "copy.db")]), 4, "backup by a clerk")
    # The admin, outside the group too: her import and backup files are hers as well.
    got = fx.as_clerk(admin, ["import", "staff", secret])
    expect(got, 4, "the admin's import of a file only the group may read", "permission denied")
    if "SECRET" in got.stdout + got.stderr:
        fail("sqgl showed the admin what a file of the group holds")
    expect(fx.as_clerk(admin, ["backup", os.path.join(fx.backups, "copy.db")]), 4,
           "the admin's backup into the group's backup directory")
    copy = os.path.join(fx.homes[admin], "copy.db")
    expect(fx.as_clerk(admin, ["backup", copy]), 0, "the admin's backup into her own directory")
    entry = pwd.getpwnam(admin)
    st = os.stat(copy)
    if (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) != (entry.pw_uid, entry.pw_gid, 0o600):
        fail(f"her backup should be hers, mode 600: uid {st.st_uid}, gid {st.st_gid}, mode {stat.S_IMODE(st.st_mode):o}")
    own = os.path.join(fx.homes[c1], "backlog.txt")
    expect(fx.as_clerk(c1, ["report", "backlog", "--out", own]), 0, "report --out into her own directory")
    st = os.stat(own)
    entry = pwd.getpwnam(c1)
    if (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) != (entry.pw_uid, entry.pw_gid, 0o600):
        fail(f"her report should be hers alone (uid {entry.pw_uid}, gid {entry.pw_gid}, mode 600), got "
             f"uid {st.st_uid}, gid {st.st_gid}, mode {stat.S_IMODE(st.st_mode):o}")
    workbook = os.path.join(fx.homes[c1], "backlog.xlsx")
    expect(fx.as_clerk(c1, ["report", "backlog", "--format", "xlsx", "--out", workbook]), 0, "an xlsx report of hers")
    if open(workbook, "rb").read(2) != b"PK" or os.stat(workbook).st_uid != entry.pw_uid:
        fail("her xlsx report should be a workbook of hers")

    # The pager is the clerk's own program: on her terminal (script's pseudo-terminal)
    # it runs with her group, not sqgl's, and holds none of sqgl's files, the
    # database least of all.
    probe = os.path.join(fx.homes[c1], "pager-probe")
    pager = f"{{ id -G; ls -l /proc/$$/fd; }} > {probe}; cat > /dev/null"
    got = fx.as_clerk(c1, ["-qec", f"{fx.bin} list --all", "/dev/null"], env={"SQGL_PAGER": pager},
                      program="/usr/bin/script")
    expect(got, 0, "list through a pager of hers")
    seen = open(probe).read() if os.path.exists(probe) else ""
    groups = seen.split("\n", 1)[0].split()
    if not groups or str(fx.gid) in groups or fx.lib in seen:
        fail(f"her pager should run with her groups and none of sqgl's files, it saw: {seen.strip()}")

    # After all of it the record still proves itself.
    expect(fx.as_root("check"), 0, "check after the clerks' work")
    print(f"privilege boundary holds: case {case} applied and decided by its clerks as themselves; "
          "sqlite3, --as, $SQGL_OPERATOR, a getuid shim, --db, $SQGL_DB, $SQGL_CONFIG, $SQGL_NOW, init, "
          "and files of the group refused; her pager ran with her own group")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sqgl", required=True, help="the built sqgl binary")
    ap.add_argument("--config", required=True, help="the configuration file the build reads (SQGL_CONFIG_FILE)")
    ap.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if os.geteuid() != 0:
        print("skipped: the privilege test needs root (to create two clerk accounts, a group and a setgid binary)")
        sys.exit(SKIP)
    for tool in ("unshare", "mount", "useradd", "sqlite3", "cc", "script"):
        if shutil.which(tool) is None:
            fail(f"needs {tool}")
    if args.inside:
        inside(args)
    else:
        outside(args)


if __name__ == "__main__":
    main()
