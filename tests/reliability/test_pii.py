#!/usr/bin/env python3
"""pii: outside --show-pii, no full citizen ID or phone number leaves sqgl — on stdout,
stderr, report files in every format (the xlsx unzipped, each XML part read), import
reject files (--errors), or error messages.

On the demo district, after importing the fixture residents (tests/fixtures/import/good.csv:
IDs and phones known) and some historical cases, and after a day of casework (apply,
route, approve, return, supplement, reject, withdraw, evaluate), every command that prints
is run, human and --json, and so are bad imports of every fixture file and errors that
name a resident. Every output is scanned for

  * any ID or phone number held in the database (residents' IDs and phones, staff phones),
    as an 18-character or 11-digit run, a mobile number split by spaces or dashes, or a
    landline as written or without its dash;
  * any 18-character run with a valid MOD 11-2 check character, and any 11-digit mobile
    number (1[3-9]…), in the database or not — a typed ID one digit off, or the
    18-digit form of a 15-digit one, is still someone's.
"""
import io
import json
import os
import re
import sqlite3
import subprocess
import sys
import zipfile

import common

ID_RUN = re.compile(rb"(?<![0-9A-Za-z])[0-9]{17}[0-9Xx](?![0-9A-Za-z])")
MOBILE_RUN = re.compile(rb"(?<![0-9])1[3-9][0-9]{9}(?![0-9])")
DIGIT_RUN = re.compile(rb"[0-9][0-9-]{6,}[0-9]")
SPACED_PHONE = re.compile(rb"(?<![0-9])[0-9](?:[ -]?[0-9]){10}(?![0-9])")  # 139 0472 1234, 139-0472-1234
WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
REPORT_KINDS = ["backlog", "overdue", "performance", "workload", "evaluation", "staffing", "reform", "calendar"]
PERIOD_KINDS = {"performance", "workload", "evaluation", "reform"}
FORMATS = ["table", "csv", "json", "md", "html", "xlsx"]


def with_check_char(first17):
    return first17 + "10X98765432"[sum(int(d) * w for d, w in zip(first17, WEIGHTS)) % 11]


def valid_id(run):
    text = run.decode().upper()
    return "10X98765432"[sum(int(d) * w for d, w in zip(text, WEIGHTS)) % 11] == text[17]


class Scanner:
    """Collects outputs and what each held that it should not."""

    def __init__(self, db):
        self.kinds = {}
        self.leaks = []
        self.load(db)

    def load(self, db):
        """The IDs and phone numbers the database holds now."""
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        self.ids = {r[0].upper().encode() for r in con.execute("SELECT citizen_id FROM residents")}
        phones = [r[0] for r in con.execute(
            "SELECT phone FROM residents WHERE phone <> '' UNION SELECT phone FROM staff WHERE phone <> ''")]
        con.close()
        self.phones = {p.encode() for p in phones} | {p.replace("-", "").encode() for p in phones}

    def scan(self, kind, label, data):
        self.kinds[kind] = self.kinds.get(kind, 0) + 1
        found = set()
        for m in ID_RUN.finditer(data):
            if m.group().upper() in self.ids or valid_id(m.group()):
                found.add(m.group().decode())
        for m in MOBILE_RUN.finditer(data):
            found.add(m.group().decode())
        for m in SPACED_PHONE.finditer(data):
            digits = re.sub(rb"[ -]", b"", m.group())
            if digits in self.phones:
                found.add(m.group().decode())
        for m in DIGIT_RUN.finditer(data):  # landlines as written (0472-5123456) or run together
            for p in self.phones:
                if p in m.group():
                    found.add(p.decode())
        for value in sorted(found):
            at = data.find(value.encode())
            context = data[max(0, at - 60):at + 60].decode("utf-8", "replace").replace("\n", "⏎")
            self.leaks.append(f"{label}: {value!r} in …{context}…")

    def scan_file(self, kind, label, path):
        with open(path, "rb") as f:
            data = f.read()
        if path.endswith(".xlsx"):
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                for name in z.namelist():
                    self.scan("xlsx parts", f"{label} [{name}]", z.read(name))
        else:
            self.scan(kind, label, data)


class Session:
    def __init__(self, args, db, scanner):
        self.args, self.db, self.scanner = args, db, scanner
        self.runs = 0

    def run(self, argv, operator=None, now="2012-01-29T09:00", stdin=None, files=(), ok=None):
        """Runs sqgl, scans stdout, stderr and the files it was told to write; returns the
        CompletedProcess (bytes). `ok` True/False: the exit must be 0 / non-zero."""
        env = common.environment(self.db, now=now, operator=operator)
        for path in files:
            if os.path.exists(path):
                os.remove(path)
        done = subprocess.run([self.args.sqgl, *argv], env=env, input=stdin, capture_output=True, timeout=300,
                              cwd=self.args.work)
        self.runs += 1
        label = "sqgl " + " ".join(argv)
        if done.returncode < 0 or (ok is True and done.returncode != 0) or (ok is False and done.returncode == 0):
            raise SystemExit(f"{label}: unexpected exit {done.returncode}: {done.stderr.decode(errors='replace')}")
        self.scanner.scan("stdout", label + " (stdout)", done.stdout)
        self.scanner.scan("stderr", label + " (stderr)", done.stderr)
        for path in files:
            if os.path.exists(path):
                kind = "reject files" if os.path.basename(path).startswith("rejects") else "report files"
                self.scanner.scan_file(kind, f"{label} → {os.path.basename(path)}", path)
        return done

    def both(self, argv, **kw):
        """The human form and --json."""
        self.run(argv, **kw)
        return self.run(["--json", *argv], **kw)

    def json(self, argv, **kw):
        return json.loads(self.run(["--json", *argv], ok=True, **kw).stdout)


def bad_files(work, residents, phones):
    """Files made at run time around known people: rows that must be refused, each naming
    a real resident or a real phone number, in the forms people type them."""
    out = {}
    header = "身份证号,姓名,性别,出生日期,户号,联系电话\n"
    rid = residents[0]
    spaced = [f"{p[:3]} {p[3:7]} {p[7:]}" for p in phones if len(p) == 11][:1]
    plus = [f"+86{p}" for p in phones if len(p) == 11][:1]
    dashed = [f"{p[:3]}-{p[3:7]}-{p[7:]}" for p in phones if len(p) == 11][:1]
    rows = [f"{rid},王伟,男,1985-03-12,150204009001-0001,\n",  # unknown household
            f"{rid[:17]}{'0' if rid[17] != '0' else '1'},王伟,男,1985-03-12,150204001001-0001,\n",  # one digit off
            f"{rid[:6]}{rid[8:17]},王伟,男,1985-03-12,150204001001-0001,\n"]  # its 15-digit form
    rows += [f"150204198503121230,王伟,男,1985-03-12,150204001001-0001,{p}\n" for p in spaced + plus + dashed]
    out["residents"] = header + "".join(rows)
    out["cases"] = ("number,item,resident,status,accepted_at,decided_at\n"
                    f"PII-0001,C99-01,{rid},approved,2011-05-09,2011-06-01\n"
                    f"PII-0002,C02-01,{rid[:17]}{'0' if rid[17] != '0' else '1'},approved,2011-05-09,2011-06-01\n"
                    f"PII-0003,C02-01,150204198503121230,open,2011-05-09,2011-06-01\n")
    out["staff"] = ("staff_no,name,unit,roles,phone\n" +
                    "".join(f"ZZ09{i:02d},张三,150204001001-FWZ,worker,{p}\n" for i, p in enumerate(spaced + dashed)) +
                    f"ZZ0101,改名,150204001001-FWZ,worker,{phones[0]}\n")  # exists with other values
    paths = {}
    for kind, text in out.items():
        paths[kind] = os.path.join(work, f"pii-{kind}.csv")
        with open(paths[kind], "w") as f:
            f.write(text)
    return paths


def guess_kind(name):
    for prefix, kind in (("cases", "cases"), ("import-cases", "cases"), ("evaluations", "evaluations"),
                         ("catalog", "catalog"), ("unknown-community", "households"), ("sql-community", "households"),
                         ("staff", "staff"), ("calendar", "calendar")):
        if name.startswith(prefix):
            return kind
    return "residents"


def import_fixtures(session, fixtures, work, tag):
    """Every committed CSV fixture as a dry-run import with a reject file, human and --json."""
    n = 0
    for sub in ("import", "bad"):
        directory = os.path.join(fixtures, sub)
        if not os.path.isdir(directory):
            continue
        for name in sorted(os.listdir(directory)):
            if not name.endswith(".csv"):
                continue
            kind = guess_kind(name)
            more = ["--year", "2027", "--notice", "x"] if kind == "calendar" else []
            encoding = ["--encoding", "gb18030"] if name == "gb18030.csv" else []
            for json_flag in ([], ["--json"]):
                n += 1
                rejects = os.path.join(work, f"rejects-{tag}-{n}.csv")
                session.run([*json_flag, "import", kind, os.path.join(directory, name), "--dry-run", "--errors", rejects,
                             *more, *encoding], operator="IT01", files=[rejects])


def casework(session, db):
    """A day and a half at the station, every step printed human or --json."""
    def pick(where, n=1):
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        rows = [r[0] for r in con.execute(
            "SELECT r.citizen_id FROM residents r JOIN households h ON h.id = r.household_id "
            f"JOIN units u ON u.id = h.community_id WHERE u.code = '150204001001' AND {where} ORDER BY r.id LIMIT {n}")]
        con.close()
        return rows

    pregnant = pick("r.pregnant", 3)
    disabled = pick("r.disabled")[0]
    men = pick("r.sex = 'M' AND NOT r.pregnant AND NOT r.disabled", 4)
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    elsewhere = con.execute("SELECT r.citizen_id FROM residents r JOIN households h ON h.id = r.household_id "
                            "JOIN units u ON u.id = h.community_id WHERE u.code = '150204002001' AND r.pregnant "
                            "ORDER BY r.id LIMIT 1").fetchone()[0]
    con.close()

    s = session
    cases = []
    for i, rid in enumerate(pregnant):
        argv = ["apply", "--resident", rid, "--item", "C05-01", "--materials", "1,2,3,4", "--note", "怀孕"]
        if i == 0:
            s.run(argv, operator="ZZ0101", ok=True)
            cases.append(s.json(["list", "--status", "open", "--sort", "accepted"])["cases"][-1]["number"])
        else:
            cases.append(s.json(argv, operator="ZZ0101")["number"])
    cases.append(s.json(["apply", "--resident", disabled, "--item", "C08-01", "--materials", "1,2,3,4"],
                        operator="ZZ0101")["number"])
    cases.append(s.json(["apply", "--resident", men[0], "--item", "C10-01", "--materials", "1,2,3"],
                        operator="ZZ0101")["number"])
    # Refusals and errors that name the applicant.
    s.both(["apply", "--resident", pregnant[0], "--item", "C05-01", "--materials", "1,2,3,4"], operator="ZZ0101",
           ok=False)  # already has an open case
    s.both(["apply", "--resident", men[1], "--item", "C05-01", "--materials", "1,2,3,4"], operator="ZZ0101",
           ok=False)  # not eligible
    s.both(["apply", "--resident", elsewhere, "--item", "C05-01", "--materials", "1,2,3,4"], operator="ZZ0101",
           ok=False)  # another community's resident
    s.both(["apply", "--resident", men[2], "--item", "C05-01", "--materials", "1"], operator="ZZ0101", ok=False)
    wrong = men[2][:17] + ("0" if men[2][17] != "0" else "1")
    s.both(["apply", "--resident", wrong, "--item", "C10-01", "--materials", "1,2,3"], operator="ZZ0101", ok=False)
    s.both(["apply", "--resident", with_check_char("15020419850312999"), "--item", "C10-01"], operator="ZZ0101",
           ok=False)  # a valid ID of nobody here
    s.both(["resident", wrong], ok=False)
    s.both(["resident", men[2][:6] + men[2][8:17]], ok=False)  # its 15-digit form
    s.both(["--as", "JSJ01", "apply", "--resident", men[3], "--item", "C10-01", "--materials", "1,2,3"], ok=False)

    s.both(["route", "--auto"], operator="IT01")

    def assignee(number):
        c = s.json(["show", number])
        return c["steps"][(c["step"] or 1) - 1]["assignee"] or "ZZ0101"

    s.run(["approve", cases[0], "--note", "材料齐全"], operator=assignee(cases[0]), now="2012-01-30T10:00", ok=True)
    s.run(["route", "--auto"], operator="IT01", now="2012-01-30T10:05", ok=True)
    s.both(["approve", cases[0]], operator="JSJ01", now="2012-02-01T15:30")
    s.both(["evaluate", cases[0], "--score", "2", "--comment", "太慢"], operator="ZZ0101", now="2012-02-02T09:00")
    s.json(["approve", cases[1], "--return", "2", "--note", "结婚证复印件不清晰"], operator=assignee(cases[1]),
           now="2012-01-30T11:00")
    s.both(["apply", "--supplement", cases[1], "--materials", "2"], operator="ZZ0101", now="2012-02-03T09:00")
    s.json(["approve", cases[2], "--reject", "不符合政策"], operator=assignee(cases[2]), now="2012-01-31T09:00")
    s.both(["withdraw", cases[4], "--reason", "本人申请撤回"], operator="ZZ0101", now="2012-01-31T10:00")
    s.both(["approve", cases[3]], operator=assignee(cases[3]), now="2012-02-01T09:00")
    return cases, pregnant + [disabled] + men


def main():
    args = common.arguments(__doc__.split("\n")[0])
    args.fixtures, args.work = os.path.abspath(args.fixtures), os.path.abspath(args.work)
    db = os.path.join(args.work, "demo.db")
    init = common.run(args.sqgl, ["init", "--demo", *([] if args.long else ["--scale", "0.1"])], db)
    if init.returncode != 0:
        raise SystemExit(f"init --demo failed: {init.stderr}")
    good = os.path.join(args.fixtures, "import", "good.csv")
    with open(good, encoding="utf-8") as f:
        fixture_ids = [line.split(",")[0] for line in f.read().splitlines()[1:]]

    scanner = Scanner(db)
    s = Session(args, db, scanner)
    scanner.scan("stdout", "sqgl init --demo (stdout)", init.stdout.encode())
    scanner.scan("stderr", "sqgl init --demo (stderr)", init.stderr.encode())
    # Before the fixtures' residents exist, errors name them ("no resident with this citizen ID"):
    # the scan for valid check characters catches those; then they are imported and known by value.
    import_fixtures(s, args.fixtures, args.work, "before")
    s.run(["import", "residents", good], operator="IT01", ok=True)
    scanner.load(db)
    missing = [i for i in fixture_ids if i.encode() not in scanner.ids]
    if missing:
        raise SystemExit(f"fixture residents not imported: {missing}")
    for name in ("cases.csv", "evaluations.csv"):
        s.both(["import", name.split(".")[0], os.path.join(args.fixtures, "import", name)], operator="IT01")
    import_fixtures(s, args.fixtures, args.work, "after")
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    phones = [r[0] for r in con.execute("SELECT phone FROM residents WHERE phone <> '' ORDER BY id LIMIT 20")]
    con.close()
    for kind, path in bad_files(args.work, fixture_ids + [i.decode() for i in sorted(scanner.ids)[:1]], phones).items():
        for json_flag in ([], ["--json"]):
            rejects = os.path.join(args.work, f"rejects-{kind}{json_flag and '-json' or ''}.csv")
            s.run([*json_flag, "import", kind, path, "--errors", rejects], operator="IT01", files=[rejects], ok=False)
            s.run([*json_flag, "import", kind, path, "--skip-bad", "--dry-run", "--errors", rejects], operator="IT01",
                  files=[rejects])

    cases, people = casework(s, db)

    # Everything that prints.
    now = "2012-02-10T09:00"
    for argv in (["district"], ["staff"], ["staff", "--unit", "150204001001"], ["staff", "--role", "approver"],
                 ["list"], ["list", "--status", "approved"], ["list", "--overdue"], ["list", "--community", "150204001001"],
                 ["audit", "verify"], ["audit", "head"], ["catalog", "C05-01"], ["route", "--plan", "C05-01"]):
        s.both(argv, now=now)
    s.both(["list", "--mine"], operator="JSJ01", now=now)
    for number in cases + ["150204-20110301-0001", "150204-20110509-0001", "150204-20110701-0001"]:
        s.both(["show", number], now=now)
    for rid in people + fixture_ids:
        s.both(["resident", rid], now=now)
    for kind in REPORT_KINDS:
        period = ["--from", "2011-01-01", "--to", "2012-02-29"] if kind in PERIOD_KINDS else []
        for fmt in FORMATS:
            out = os.path.join(args.work, f"report-{kind}.{fmt}")
            s.run(["report", kind, *period, "--format", fmt], now=now)
            s.run(["report", kind, *period, "--format", fmt, "--out", out], now=now, files=[out])
        s.run(["report", kind, *period, "--check"], now="2012-12-20T09:00")
        s.run(["report", kind, *period, "--as-of", "2012-01-31", "--staff", "ZZ0101", "--format", "csv"], now=now)

    kinds = ", ".join(f"{n} {k}" for k, n in sorted(scanner.kinds.items()))
    total = sum(scanner.kinds.values())
    for leak in scanner.leaks:
        print(f"LEAK {leak}", file=sys.stderr)
    print(f"pii: {total} outputs scanned ({kinds}; {s.runs + 1} sqgl runs, {len(scanner.ids)} IDs and "
          f"{len(scanner.phones)} phone forms from the database), {len(scanner.leaks)} full IDs or phone numbers")
    return 0 if not scanner.leaks else 1


if __name__ == "__main__":
    sys.exit(main())
