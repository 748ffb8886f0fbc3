#!/usr/bin/env python3
"""Who may do what: every writing command against every role, as the table in docs/commands.md says.

One demo district is made once and brought to the states the commands need (a case at a
station step, at a residents' committee step, at a street-office step, at a bureau step, one at
a station step whose first step the same person decided, a case returned for materials, a
decided case). Each cell then runs on its own copy of that database, as a representative staff
member of the role, in the scope the cell is about (own community or another, own street or
another, the named bureau or another):

* allowed: exit 0 and the change made, no refusal recorded;
* denied: exit 4, one line `sqgl: error: …` on stderr, nothing on stdout, every table but the
  history holding the same rows as before (compared row by row in SQLite, like
  common.canonical_dump but without the cost of sorting 15,000 residents per cell), exactly one
  new `permission.denied` event naming the operator, the command and its subject, and a
  history that still verifies (`audit verify`);
* refused as input or state (no operator, another community's resident, a decided case):
  exit 2 or 5, and nothing written at all.

Every row also runs with an unknown staff number, an inactive staff member and no operator.
MATRIX below is the table as data; the "Who may do what" table of docs/commands.md must say the same.
"""
import collections
import json
import os
import re
import shutil
import sqlite3
import sys

import common

NOW = "2012-01-29T09:00"
ROLES = ["worker", "head", "director", "secretary", "reviewer", "approver", "admin"]

# The table of docs/commands.md, row by row: one cell per role, footnote markers left out.
APPROVE_STATION = "`approve`, `--reject`, `--return` at a station step"
APPROVE_COMMITTEE = "the same at a residents' committee step"
APPROVE_STREET = "the same at a street-office step"
APPROVE_BUREAU = "the same at a bureau step"
NO = "—"
MATRIX = {
    "`apply`": ["own station", NO, NO, NO, NO, NO, NO],
    "`apply --supplement`": ["own community", NO, NO, NO, NO, NO, NO],
    "`withdraw`": ["own community", NO, NO, NO, NO, NO, NO],
    "`evaluate`": ["own community", NO, NO, NO, NO, NO, NO],
    APPROVE_STATION: ["own community", NO, NO, NO, NO, NO, NO],
    APPROVE_COMMITTEE: [NO, NO, "own community", NO, NO, NO, NO],
    APPROVE_STREET: [NO, NO, NO, NO, "own street", NO, NO],
    APPROVE_BUREAU: [NO, NO, NO, NO, NO, "the named bureau", NO],
    "`route CASE --to STAFF`": ["step's unit", "step's unit", "step's unit", NO, "step's unit", "step's unit",
                                "any step"],
    "`route --auto`": [NO, "own station's steps", NO, NO, NO, NO, "every step"],
    "`register death`, `birth`, `arrive`, `leave`, `restore`": ["own community", NO, NO, NO, NO, NO, NO],
    "`register move`": ["receiving community", NO, NO, NO, NO, NO, NO],
    "`import KIND`": [NO, NO, NO, NO, NO, NO, "every kind"],
    "`backup FILE`": [NO, NO, NO, NO, NO, NO, "the whole database"],
    "`setting KEY VALUE`": [NO, NO, NO, NO, NO, NO, "every setting"],
    "`init`, `init --demo`": ["anyone"] * 7,
}

# Who plays each role: the member nearest the cases (all in community 150204001001 of
# street 150204001) and one elsewhere (community 150204001002; street 150204002; another
# bureau than the JSJ step's). ZZ0199/ZZ0299 hold `head` alone, so the head column is the
# head role by itself (the demo's heads also hold worker).
OWN = {"worker": "ZZ0102", "head": "ZZ0199", "director": "JW0101", "secretary": "DW0101",
       "reviewer": "JD0101", "approver": "JSJ01", "admin": "IT01"}
OTHER = {"worker": "ZZ0202", "head": "ZZ0299", "director": "JW0201", "secretary": "DW0201",
         "reviewer": "JD0201", "approver": "MZJ01"}
# Staff added to the demo: heads without the worker role, and inactive members of each
# unit the rows need (each would be allowed were they active).
EXTRA_STAFF = """staff_no,name,unit,roles,active
ZZ0199,站长甲,150204001001-FWZ,head,1
ZZ0299,站长乙,150204001002-FWZ,head,1
ZZ0198,停用甲,150204001001-FWZ,worker,0
JW0198,停用乙,150204001001-JWH,director,0
JD0198,停用丙,150204001,reviewer,0
JSJ98,停用丁,JSJ,approver,0
IT98,停用戊,150204,admin,0
"""
# One cell's command: expect is "ok", "denied" or an exit code (2, 5); subject and command
# are what the refusal must record; check(db, stdout) returns "" or what is wrong with an
# allowed cell; operator overrides the role's representative.
Cell = collections.namedtuple("Cell", "name argv expect subject command check operator",
                              defaults=(None, None, None, None))
IMPORT_KINDS = ["district", "streets", "communities", "bureaus", "staff", "grids", "households", "residents",
                "calendar", "catalog", "standards", "cases", "evaluations", "deaths", "births", "arrivals",
                "moves", "departures"]


def fail(message):
    raise SystemExit(f"role_matrix: FAILED: {message}")


def documented_matrix(path):
    """The "Who may do what" table of docs/commands.md: {row label: [cell per role]}."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    start = text.find("\n### Who may do what\n")
    if start < 0:
        fail(f"{path} has no '### Who may do what' section")
    lines = text[start:].splitlines()[2:]
    table = []
    for line in lines:
        if line.startswith("|"):
            table.append(line)
        elif table:
            break
    if not table:
        fail("the 'Who may do what' section has no table")
    cells = [[c.strip() for c in line.strip().strip("|").split("|")] for line in table]
    header, body = cells[0], cells[2:]
    if header[1:] != ROLES:
        fail(f"the documented table's columns are {header[1:]}, expected {ROLES}")
    strip = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+$")
    return {row[0]: [strip.sub("", c).strip() for c in row[1:]] for row in body}


class Matrix:
    def __init__(self, args):
        self.args = args
        self.work = args.work
        self.base = os.path.join(self.work, "pristine.db")
        self.counter = 0
        self.allowed = self.denied = self.other = 0
        self.failures = []

    # --- the pristine database ------------------------------------------------------------

    def sqgl(self, argv, db=None, operator=None):
        return common.run(self.args.sqgl, argv, db or self.base, now=NOW, operator=operator)

    def must(self, argv, operator, what):
        done = self.sqgl(["--json", *argv], operator=operator)
        if done.returncode != 0:
            fail(f"setup: {what}: exit {done.returncode}: {done.stderr.strip()}")
        return json.loads(done.stdout) if done.stdout.strip() else None

    def query(self, sql, *params, db=None):
        con = sqlite3.connect(f"file:{db or self.base}?mode=ro", uri=True)
        try:
            return con.execute(sql, params).fetchall()
        finally:
            con.close()

    def residents(self, condition, count, community="150204001001"):
        rows = self.query(
            "SELECT r.citizen_id FROM residents r JOIN households h ON h.id = r.household_id "
            f"JOIN units u ON u.id = h.community_id WHERE {condition} AND u.code = ? "
            "ORDER BY r.id LIMIT ?", community, count)
        if len(rows) < count:
            fail(f"setup: the demo has fewer than {count} residents with {condition}")
        return [r[0] for r in rows]

    def setup(self):
        common.demo_database(self.args.sqgl, self.base, scale=0.2)
        staff = os.path.join(self.work, "extra-staff.csv")
        with open(staff, "w", encoding="utf-8") as f:
            f.write(EXTRA_STAFF)
        self.must(["import", "staff", staff], "IT01", "import the extra staff")

        pregnant = self.residents("r.pregnant", 5)
        poor = self.residents("r.low_income AND r.relation = '户主'", 2)
        disabled = self.residents("r.disabled", 1)
        self.man = self.residents("r.sex = 'M'", 1)[0]
        self.applicant = pregnant[4]

        def apply(resident, item, materials, *extra):
            return self.must(["apply", "--resident", resident, "--item", item, "--materials", materials, *extra],
                             "ZZ0101", f"apply {item}")["number"]

        def approve(case, operator, *extra):
            self.must(["approve", case, *extra], operator, f"approve {case} as {operator}")

        # A case at the station step, at the committee step, at the street step, at the bureau step.
        self.at_station = apply(pregnant[0], "C05-01", "1,2,3,4")
        self.at_committee = apply(poor[0], "C02-05", "1,2,3,4", "--model", "old")
        self.at_street = apply(pregnant[1], "C05-01", "1,2,3,4", "--model", "old")
        approve(self.at_street, "JW0101")
        self.at_bureau = apply(pregnant[2], "C05-01", "1,2,3,4")
        approve(self.at_bureau, "ZZ0101")
        # 残疾证 (C08-01): station, 残联, station again; ZZ0101 decided the first station step.
        self.second_station = apply(disabled[0], "C08-01", "1,2,3,4")
        approve(self.second_station, "ZZ0101")
        approve(self.second_station, "CL01")
        # Returned for materials at the bureau; and one decided, for a rating.
        self.returned = apply(poor[1], "C02-05", "1,2,3,4")
        approve(self.returned, "ZZ0101")
        approve(self.returned, "MZJ01", "--return", "3")
        self.decided = apply(pregnant[3], "C05-01", "1,2,3,4")
        approve(self.decided, "ZZ0101")
        approve(self.decided, "JSJ01")

        steps = {number: (seq, unit) for number, seq, unit in self.query(
            "SELECT c.number, s.seq, u.code FROM cases c JOIN case_steps s ON s.case_id = c.id "
            "AND s.seq = c.current_seq JOIN units u ON u.id = s.unit_id")}
        expected = {self.at_station: "150204001001-FWZ", self.at_committee: "150204001001-JWH",
                    self.at_street: "150204001", self.at_bureau: "JSJ", self.second_station: "150204001001-FWZ",
                    self.returned: "MZJ"}
        for number, unit in expected.items():
            if steps.get(number, (0, ""))[1] != unit:
                fail(f"setup: case {number} is at {steps.get(number)}, expected a step of {unit}")
        self.open_cases = [self.at_station, self.at_committee, self.at_street, self.at_bureau, self.second_station]

        # Residents no case names, for the register's changes: five of 150204001001, one of
        # 150204001002. The fifth's death is recorded in error, for a restore.
        spare = "r.id NOT IN (SELECT resident_id FROM cases) AND r.birth_date < '1990-01-01'"
        self.spare = self.residents(spare, 5)
        self.spare_elsewhere = self.residents(spare, 1, "150204001002")[0]
        self.must(["register", "death", "--resident", self.spare[4], "--date", "2012-01-27"], "ZZ0101",
                  "record a death to restore")
        self.write_import_files()
        # One file, the WAL folded in, so that a copy is the whole database.
        con = sqlite3.connect(self.base)
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.close()
        self.tables = [r[0] for r in self.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        self.pristine_events = self.query("SELECT max(id) FROM events")[0][0]

    def write_import_files(self):
        """One small file per import kind that makes a real change to the pristine database."""
        new_id = citizen_id("150204", "19850312", "123")
        if self.query("SELECT 1 FROM residents WHERE citizen_id = ?", new_id):
            fail(f"setup: citizen ID {new_id} is already in the demo")
        files = {
            "district": "code,name_zh,name_en\n150204,青山区,Qingshan District of Baotou\n",
            "streets": "code,name_zh,district\n150204003,测试街道,150204\n",
            "communities": "code,name_zh,street\n150204001009,测试社区,150204001\n",
            "bureaus": "code,kind,name_zh\nTSTJ,bureau,测试局\n",
            "staff": "staff_no,name,unit,roles\nZZ0197,测试员,150204001001-FWZ,worker\n",
            "grids": "code,community,name,worker\n150204001001-G99,150204001001,测试网格,ZZ0102\n",
            "households": "code,community,address\n150204001001-9999,150204001001,测试路1号\n",
            "residents": f"citizen_id,name,sex,birth_date,household\n{new_id},王伟,男,1985-03-12,150204001001-0001\n",
            "calendar": "date,kind,name\n2027-01-01,off,元旦\n",
            "catalog": "item,model,seq,level,unit,name_zh,role,days\n"
                       "C05-01,new,1,station,,服务站,worker,1\nC05-01,new,2,bureau,JSJ,区人口计生局,approver,2\n",
            "standards": "kind,district,year,value\ndibao,150204,2013,500\n",
            "cases": "number,item,resident,status,accepted_at,decided_at,model\n"
                     f"150204-20110301-0001,C04-01,{self.man},办结,2011-03-01 09:30,2011-03-02 16:00,新\n",
            "evaluations": f"case,score\n{self.decided},5\n",
            "deaths": f"citizen_id,date\n{self.spare[0]},2012-01-28\n",
            "births": f"citizen_id,name,household\n{citizen_id('150204', '20120101', '013')},王小明,150204001001-0001\n",
            "arrivals": f"citizen_id,name,household,relation,from\n{citizen_id('150204', '19800101', '047')},赵新,"
                        "150204001001-0001,其他,包头市昆都仑区\n",
            "moves": f"citizen_id,to_household,relation\n{self.spare[1]},150204001001-0002,子女\n",
            "departures": f"citizen_id,date,to\n{self.spare[2]},2012-01-28,北京市\n",
        }
        self.import_files = {}
        for kind, text in files.items():
            path = os.path.join(self.work, f"import-{kind}.csv")
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            self.import_files[kind] = path

    # --- one cell -------------------------------------------------------------------------

    def cell(self, name, argv, operator, expect, subject=None, command=None, check=None):
        """Runs `argv` as `operator` on a fresh copy of the pristine database.

        expect: "ok" (exit 0; `check(db, stdout)` returns "" or what is wrong), "denied" (exit 4,
        one refusal event for `command` on `subject`), or an exit code (2, 5) for a refusal as
        input or state: nothing written at all."""
        self.counter += 1
        db = os.path.join(self.work, "cell.db")
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db + suffix):
                os.remove(db + suffix)
        shutil.copyfile(self.base, db)
        done = self.sqgl(argv, db=db, operator=operator)
        label = f"{name} as {operator or '(no operator)'}: sqgl {' '.join(argv)}"
        problems = []
        if expect == "ok":
            if done.returncode != 0:
                problems.append(f"exit {done.returncode}, expected 0: {done.stderr.strip()}")
            else:
                if check:
                    wrong = check(db, done.stdout)
                    if wrong:
                        problems.append(wrong)
                if self.query("SELECT count(*) FROM events WHERE id > ? AND kind = 'permission.denied'",
                              self.pristine_events, db=db)[0][0]:
                    problems.append("an allowed command recorded a refusal")
            self.allowed += 1
        elif expect == "denied":
            problems += self.one_line_error(done, 4)
            changed = self.changed_tables(db)
            if changed - {"events"}:
                problems.append(f"a refused command changed {sorted(changed - {'events'})}")
            events = self.query("SELECT operator, kind, subject, detail FROM events WHERE id > ? ORDER BY id",
                                self.pristine_events, db=db)
            if len(events) != 1:
                problems.append(f"{len(events)} new events, expected one refusal: {events}")
            else:
                who, kind, about, detail = events[0]
                detail = json.loads(detail)
                if (who, kind, about, detail.get("command")) != (operator, "permission.denied", subject, command):
                    problems.append(f"refusal recorded as {(who, kind, about, detail.get('command'))}, expected "
                                    f"{(operator, 'permission.denied', subject, command)}")
                if not detail.get("reason"):
                    problems.append("the refusal has no reason")
            verify = self.sqgl(["audit", "verify"], db=db)
            if verify.returncode != 0:
                problems.append(f"audit verify after the refusal: exit {verify.returncode}: {verify.stderr.strip()}")
            self.denied += 1
        else:
            problems += self.one_line_error(done, expect)
            changed = self.changed_tables(db)
            if changed:
                problems.append(f"a command refused with exit {expect} changed {sorted(changed)}")
            self.other += 1
        if problems:
            self.failures.append(f"{label}\n    " + "\n    ".join(problems))

    @staticmethod
    def one_line_error(done, code):
        problems = []
        if done.returncode != code:
            problems.append(f"exit {done.returncode}, expected {code}: {done.stderr.strip()}")
        lines = done.stderr.splitlines()
        if len(lines) != 1 or not lines[0].startswith("sqgl: error: "):
            problems.append(f"stderr is not one 'sqgl: error: …' line: {done.stderr!r}")
        if done.stdout:
            problems.append(f"stdout not empty: {done.stdout!r}")
        return problems

    def changed_tables(self, db):
        """The tables of `db` whose rows differ from the pristine database's: the canonical
        dump's comparison (every row, in any order), done by SQLite itself. The settings row
        'history.head' is the history's own bookkeeping: it counts as part of "events"."""
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            con.execute("ATTACH DATABASE ? AS pristine", (f"file:{self.base}?mode=ro",))
            changed = set()
            for t in self.tables:
                where = " WHERE key <> 'history.head'" if t == "settings" else ""
                counts = con.execute(f'SELECT (SELECT count(*) FROM main."{t}"{where}), '
                                     f'(SELECT count(*) FROM pristine."{t}"{where})').fetchone()
                if counts[0] != counts[1] or con.execute(
                        f'SELECT 1 FROM (SELECT * FROM main."{t}"{where} EXCEPT SELECT * FROM pristine."{t}"{where}) '
                        f'UNION ALL SELECT 1 FROM (SELECT * FROM pristine."{t}"{where} '
                        f'EXCEPT SELECT * FROM main."{t}"{where}) LIMIT 1').fetchone():
                    changed.add(t)
            return changed
        finally:
            con.close()

    # --- checks of allowed cells ----------------------------------------------------------

    def case_row(self, db, number):
        rows = self.query("SELECT c.status, u.code, a.staff_no FROM cases c JOIN units u ON u.id = c.community_id "
                          "JOIN staff a ON a.id = c.accepted_by WHERE c.number = ?", number, db=db)
        return rows[0] if rows else None

    def event_by(self, db, kind, subject, operator):
        return self.query("SELECT count(*) FROM events WHERE id > ? AND kind = ? AND subject = ? AND operator = ?",
                          self.pristine_events, kind, subject, operator, db=db)[0][0] == 1

    def expect_case(self, number, status, kind, operator):
        """The case ends `status`, with one `kind` event by `operator`."""
        def check(db, _stdout):
            row = self.case_row(db, number)
            if not row or row[0] != status:
                return f"case {number} is {row and row[0]}, expected {status}"
            if not self.event_by(db, kind, number, operator):
                return f"no {kind} event by {operator} on {number}"
            return ""
        return check

    def expect_step(self, number, status, operator):
        """The step the case was at is decided `status` by `operator`."""
        seq = self.query("SELECT current_seq FROM cases WHERE number = ?", number)[0][0]

        def check(db, _stdout):
            rows = self.query("SELECT s.status, d.staff_no FROM case_steps s JOIN cases c ON c.id = s.case_id "
                              "LEFT JOIN staff d ON d.id = s.decided_by WHERE c.number = ? AND s.seq = ?",
                              number, seq, db=db)
            if rows != [(status, operator)]:
                return f"step {seq} of {number} is {rows}, expected {[(status, operator)]}"
            return ""
        return check

    def assigned(self, wanted):
        """wanted: {case number: staff number, None (still unassigned) or "*" (someone)}."""
        def check(_operator):
            return lambda db, _stdout: self.assignees(db, wanted)
        return check

    def assignees(self, db, wanted):
        for number, who in wanted.items():
            got = self.query("SELECT a.staff_no FROM cases c JOIN case_steps s ON s.case_id = c.id "
                             "AND s.seq = c.current_seq LEFT JOIN staff a ON a.id = s.assignee_id "
                             "WHERE c.number = ?", number, db=db)[0][0]
            if (who == "*" and got is None) or (who != "*" and got != who):
                return f"the current step of {number} is assigned to {got}, expected {who}"
        return ""

    # --- the rows -------------------------------------------------------------------------

    def run_row(self, row, scenarios, inactive):
        """Runs every cell of `row`. scenarios(role, text, scope, operator) returns the Cells of the
        documented cell `text` ("status" for the operator checks) in `scope`; `inactive` is a staff
        member the row would allow, were they active."""
        for role, text in zip(ROLES, MATRIX[row]):
            scopes = [("own", OWN[role])]
            if text not in (NO, "anyone", "any step", "every step", "every kind", "the whole database",
                            "every setting"):
                scopes.append(("other", OTHER[role]))
            for scope, operator in scopes:
                for c in scenarios(role, text, scope, operator):
                    who = c.operator or operator
                    self.cell(f"{row} [{role}, {scope}] {c.name}", c.argv, who, c.expect, c.subject, c.command,
                              c.check and c.check(who))
        everyone = row == "`init`, `init --demo`"
        for status, operator in (("unknown staff number", "NOBODY"), ("inactive staff", inactive),
                                 ("no operator", None)):
            for c in scenarios(None, "status", "own", operator):
                expect = c.expect if everyone else 2 if operator is None else "denied"
                self.cell(f"{row} [{status}] {c.name}", c.argv, operator, expect, c.subject, c.command,
                          c.check and expect == "ok" and c.check(operator))

    def rows(self):
        """The rows of MATRIX, each with its scenarios and an inactive member it would allow."""

        def allowed(text, scope):
            return "ok" if text not in (NO, "status") and scope == "own" else "denied"

        def apply(role, text, scope, operator):
            # A pregnant resident of community 150204001001 applies for 一杯奶 (local-only).
            argv = ["apply", "--resident", self.applicant, "--item", "C05-01", "--materials", "1,2,3,4"]
            if allowed(text, "own") == "denied":
                return [Cell("", argv, "denied", "C05-01", "apply")]

            def accepted(community):
                def check(op):
                    def run(db, _stdout):
                        rows = self.query("SELECT c.number, u.code, a.staff_no FROM cases c JOIN units u "
                                          "ON u.id = c.community_id JOIN staff a ON a.id = c.accepted_by "
                                          "WHERE c.id = (SELECT max(id) FROM cases)", db=db)
                        if not rows or rows[0][1:] != (community, op):
                            return f"the newest case is {rows}, expected one of {community} accepted by {op}"
                        return "" if self.event_by(db, "case.apply", rows[0][0], op) else "no case.apply event"
                    return run
                return check
            if scope == "own":
                return [Cell("", argv, "ok", check=accepted("150204001001"))]
            # Another community's worker: a local-only item is bad input (exit 2); one that is not
            # (C04-01, residence registration) is accepted there and belongs to that community.
            return [Cell("local-only item", argv, 2),
                    Cell("item not local-only", ["apply", "--resident", self.man, "--item", "C04-01",
                                                 "--materials", "1,2,3"], "ok", check=accepted("150204001002"))]

        def on_case(number, argv, command, check):
            def scenarios(role, text, scope, operator):
                expect = allowed(text, scope)
                return [Cell("", argv, expect, number, command, check if expect == "ok" else None)]
            return scenarios

        supplement = on_case(self.returned, ["apply", "--supplement", self.returned, "--materials", "3"],
                             "apply --supplement",
                             lambda op: self.expect_case(self.returned, "open", "case.supplement", op))
        withdraw = on_case(self.at_station, ["withdraw", self.at_station, "--reason", "本人申请撤回"], "withdraw",
                           lambda op: self.expect_case(self.at_station, "withdrawn", "case.withdraw", op))
        evaluate = on_case(self.decided, ["evaluate", self.decided, "--score", "5"], "evaluate", self.evaluated)

        def decide(number):
            def scenarios(role, text, scope, operator):
                out = []
                for mode, extra, command, check in (
                        ("approve", [], "approve", lambda op: self.expect_step(number, "approved", op)),
                        ("reject", ["--reject", "不符合条件"], "approve --reject",
                         lambda op: self.expect_case(number, "rejected", "case.reject", op)),
                        ("return", ["--return", "1"], "approve --return",
                         lambda op: self.expect_case(number, "returned", "case.return", op))):
                    expect = allowed(text, scope)
                    out.append(Cell(mode, ["approve", number, *extra], expect, number, command,
                                    check if expect == "ok" else None))
                    if number == self.at_station and text == "own community" and scope == "own":
                        # Nobody decides two steps: ZZ0101 decided step 1 of the C08-01 case.
                        out.append(Cell(f"{mode}, a second step of one case", ["approve", self.second_station,
                                                                               *extra],
                                        "denied", self.second_station, command, operator="ZZ0101"))
                    if text == "own street" and scope == "other":
                        # The state comes first: deciding a decided case is exit 5 whoever asks.
                        out.append(Cell(f"{mode}, a decided case", ["approve", self.decided, *extra], 5))
                return out
            return scenarios

        def route_to(role, text, scope, operator):
            if text == "any step":
                return [Cell(what, ["route", number, "--to", to], "ok", check=self.assigned({number: to}))
                        for what, number, to in (("station step", self.at_station, "ZZ0102"),
                                                 ("committee step", self.at_committee, "JW0101"),
                                                 ("street step", self.at_street, "JD0102"),
                                                 ("bureau step", self.at_bureau, "JSJ02"))]
            # The role's own kind of step, and a colleague who may decide it.
            number, to = {"worker": (self.at_station, "ZZ0101"), "director": (self.at_committee, "JW0101"),
                          "reviewer": (self.at_street, "JD0102"),
                          "approver": (self.at_bureau, "JSJ02")}.get(role, (self.at_station, "ZZ0102"))
            expect = allowed(text, scope)
            out = [Cell("", ["route", number, "--to", to], expect, number, "route",
                        self.assigned({number: to}) if expect == "ok" else None)]
            if text == "step's unit" and scope == "own":
                # The same member, a step of another unit of the same community or street.
                number, to = {"director": (self.at_station, "ZZ0102"), "reviewer": (self.at_bureau, "JSJ02"),
                              "approver": (self.at_street, "JD0102")}.get(role, (self.at_committee, "JW0101"))
                out.append(Cell("another unit's step", ["route", number, "--to", to], "denied", number, "route"))
            return out

        def route_auto(role, text, scope, operator):
            argv = ["route", "--auto"]
            if text in (NO, "status"):
                return [Cell("", argv, "denied", "", "route --auto")]
            if text == "every step":
                return [Cell("", argv, "ok", check=self.assigned({n: "*" for n in self.open_cases}))]
            # A head: their own station's steps and nothing else; another station's head: none of these.
            wanted = {n: None for n in self.open_cases}
            if scope == "own":
                wanted[self.at_station] = wanted[self.second_station] = "*"
            return [Cell("", argv, "ok", check=self.assigned(wanted))]

        def import_kind(role, text, scope, operator):
            out = []
            for kind in IMPORT_KINDS:
                path = self.import_files[kind]
                argv = ["--json", "import", kind, path]
                if kind == "calendar":
                    argv += ["--year", "2027", "--notice", "测试通知"]
                if kind in ("district", "catalog"):
                    argv += ["--mode", "upsert"]
                expect = "ok" if text == "every kind" else "denied"
                out.append(Cell(kind, argv, expect, path, f"import {kind}",
                                self.imported(kind) if expect == "ok" else None))
            return out

        def register_change(role, text, scope, operator):
            # A resident of 150204001001 dies or leaves, a child is born into one of its households.
            resident, masked = self.spare[3], self.spare[3][:6] + "********" + self.spare[3][-4:]
            child = citizen_id("150204", "20120102", "013")
            newcomer = citizen_id("150204", "19800101", "031")
            dead, dead_masked = self.spare[4], self.spare[4][:6] + "********" + self.spare[4][-4:]
            dead_home = self.query("SELECT h.code FROM residents r JOIN households h ON h.id = r.household_id "
                                   "WHERE r.citizen_id = ?", dead)[0][0]
            home = self.query("SELECT h.code FROM residents r JOIN households h ON h.id = r.household_id "
                              "WHERE r.citizen_id = ?", resident)[0][0]
            out = []
            for name, argv, subject, check in (
                    ("death", ["register", "death", "--resident", resident, "--date", "2012-01-28"], masked,
                     self.register_check("register.death", "SELECT died_on FROM residents WHERE citizen_id = ?",
                                         resident, "2012-01-28", home)),
                    ("birth", ["register", "birth", "--citizen-id", child, "--name", "王小明", "--household",
                               "150204001001-0001"], "150204001001-0001",
                     self.register_check("register.birth", "SELECT birth_date FROM residents WHERE citizen_id = ?",
                                         child, "2012-01-02", "150204001001-0001")),
                    ("leave", ["register", "leave", "--resident", resident, "--date", "2012-01-28", "--to", "北京市"],
                     masked, self.register_check("register.leave", "SELECT left_on FROM residents WHERE citizen_id = ?",
                                                 resident, "2012-01-28", home)),
                    ("arrive", ["register", "arrive", "--citizen-id", newcomer, "--name", "赵新", "--household",
                                "150204001001-0001", "--relation", "其他", "--from", "包头市昆都仑区"],
                     "150204001001-0001",
                     self.register_check("register.arrive",
                                         "SELECT h.code FROM residents r JOIN households h ON h.id = r.household_id "
                                         "WHERE r.citizen_id = ?", newcomer, "150204001001-0001",
                                         "150204001001-0001")),
                    ("restore", ["register", "restore", "--resident", dead, "--note", "死亡登记有误"], dead_masked,
                     self.register_check("register.restore",
                                         "SELECT COALESCE(died_on, 'none') FROM residents WHERE citizen_id = ?",
                                         dead, "none", dead_home))):
                expect = allowed(text, scope)
                out.append(Cell(name, argv, expect, subject, f"register {name}", check if expect == "ok" else None))
            return out

        def register_move(role, text, scope, operator):
            # A resident of 150204001002 moves into a new household of 150204001001's first grid:
            # its station (own) records it; the station the resident leaves (other) may not.
            resident = self.spare_elsewhere
            masked = resident[:6] + "********" + resident[-4:]
            argv = ["register", "move", "--resident", resident, "--to-household", "150204001001-9001", "--to-grid",
                    "150204001001-G01", "--address", "阳光社区 9 号楼"]
            expect = allowed(text, scope)
            check = self.register_check(
                "register.move", "SELECT h.code FROM residents r JOIN households h ON h.id = r.household_id "
                "WHERE r.citizen_id = ?", resident, "150204001001-9001", "150204001001-9001")
            return [Cell("", argv, expect, masked, "register move", check if expect == "ok" else None)]

        def backup(role, text, scope, operator):
            path = os.path.join(self.work, "backup.db")
            if os.path.exists(path):
                os.remove(path)

            def made(op):
                def check(db, _stdout):
                    if not os.path.exists(path):
                        return "no backup file"
                    return "" if self.event_by(db, "db.backup", path, op) else "no db.backup event"
                return check

            def absent(_op):
                return lambda db, _stdout: "a refused backup left its file" if os.path.exists(path) else ""
            if allowed(text, "own") == "denied":
                return [Cell("", ["backup", path], "denied", path, "backup")]
            return [Cell("", ["backup", path], "ok", check=made)]

        def setting(role, text, scope, operator):
            def changed(op):
                def check(db, _stdout):
                    value = self.query("SELECT value FROM settings WHERE key = 'auth'", db=db)
                    if value != [("peer",)]:
                        return f"auth is {value}, expected peer"
                    return "" if self.event_by(db, "setting.change", "auth", op) else "no setting.change event"
                return check
            argv = ["setting", "auth", "peer"]
            if allowed(text, "own") == "denied":
                return [Cell("", argv, "denied", "auth", "setting")]
            return [Cell("", argv, "ok", check=changed)]

        def init(role, text, scope, operator):
            def unchanged(_op):
                return lambda db, _stdout: ("" if not self.changed_tables(db)
                                            else f"init changed {sorted(self.changed_tables(db))}")
            return [Cell("", ["init"], "ok", check=unchanged)]

        return [
            ("`apply`", apply, "ZZ0198"),
            ("`apply --supplement`", supplement, "ZZ0198"),
            ("`withdraw`", withdraw, "ZZ0198"),
            ("`evaluate`", evaluate, "ZZ0198"),
            (APPROVE_STATION, decide(self.at_station), "ZZ0198"),
            (APPROVE_COMMITTEE, decide(self.at_committee), "JW0198"),
            (APPROVE_STREET, decide(self.at_street), "JD0198"),
            (APPROVE_BUREAU, decide(self.at_bureau), "JSJ98"),
            ("`route CASE --to STAFF`", route_to, "ZZ0198"),
            ("`route --auto`", route_auto, "IT98"),
            ("`register death`, `birth`, `arrive`, `leave`, `restore`", register_change, "ZZ0198"),
            ("`register move`", register_move, "ZZ0198"),
            ("`import KIND`", import_kind, "IT98"),
            ("`backup FILE`", backup, "IT98"),
            ("`setting KEY VALUE`", setting, "IT98"),
            ("`init`, `init --demo`", init, "ZZ0198"),
        ]

    def register_check(self, kind, sql, key, want, subject):
        """A register change: `sql` on `key` reads `want`, with one `kind` event on `subject` by the operator."""
        def by(operator):
            def check(db, _stdout):
                got = self.query(sql, key, db=db)
                if got != [(want,)]:
                    return f"{sql} gives {got}, expected {want}"
                return "" if self.event_by(db, kind, subject, operator) else f"no {kind} event"
            return check
        return by

    def evaluated(self, operator):
        def check(db, _stdout):
            rows = self.query("SELECT e.score, s.staff_no FROM evaluations e JOIN cases c ON c.id = e.case_id "
                              "JOIN staff s ON s.id = e.recorded_by WHERE c.number = ?", self.decided, db=db)
            if rows != [(5, operator)]:
                return f"the rating of {self.decided} is {rows}, expected {[(5, operator)]}"
            return "" if self.event_by(db, "case.evaluate", self.decided, operator) else "no case.evaluate event"
        return check

    def imported(self, kind):
        return lambda operator: lambda db, stdout: self.import_report(kind, operator, db, stdout)

    def import_report(self, kind, operator, db, stdout):
        report = json.loads(stdout)
        if not report["written"] or report["rejected_count"] or report["inserted_count"] + report["updated_count"] < 1:
            return f"import {kind} wrote nothing: {report}"
        found = self.query("SELECT count(*) FROM events WHERE id > ? AND kind = ? AND operator = ?",
                           self.pristine_events, f"import.{kind}", operator, db=db)[0][0]
        return "" if found == 1 else f"no import.{kind} event by {operator}"

    def run(self):
        for row, scenarios, inactive in self.rows():
            self.run_row(row, scenarios, inactive)
        # init --demo into a new file needs no operator, and records the one given.
        fresh = os.path.join(self.work, "fresh.db")
        done = common.run(self.args.sqgl, ["init", "--demo", "--scale", "0.01"], fresh, now=NOW, operator="NOBODY")
        self.counter += 1
        self.allowed += 1
        if done.returncode != 0:
            self.failures.append(f"init --demo as NOBODY: exit {done.returncode}: {done.stderr.strip()}")
        elif self.query("SELECT operator FROM events WHERE kind = 'demo.generate'", db=fresh) != [("NOBODY",)]:
            self.failures.append("init --demo did not record the operator it was given")


def citizen_id(region, birth, serial):
    """An 18-digit citizen ID with its GB 11643-1999 MOD 11-2 check character."""
    body = region + birth + serial
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return body + "10X98765432"[sum(int(d) * w for d, w in zip(body, weights)) % 11]


def main():
    args = common.arguments(__doc__.splitlines()[0])
    commands_md = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "docs", "commands.md")
    documented = documented_matrix(commands_md)
    if documented != MATRIX:
        diff = [f"  {row}: docs {documented.get(row)} / test {MATRIX.get(row)}"
                for row in sorted(set(documented) | set(MATRIX)) if documented.get(row) != MATRIX.get(row)]
        fail("the 'Who may do what' table of docs/commands.md and this test's MATRIX differ:\n" + "\n".join(diff))

    m = Matrix(args)
    m.setup()
    m.run()
    if m.failures:
        print(f"role_matrix: {len(m.failures)} of {m.counter} cells wrong:", file=sys.stderr)
        for f in m.failures:
            print(f"  {f}", file=sys.stderr)
        return 1
    print(f"role_matrix: {m.allowed + m.denied} cells ({m.allowed} allowed, {m.denied} denied), every denial "
          f"recorded; {m.other} more refused as input or state (exit 2 or 5) with nothing written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
