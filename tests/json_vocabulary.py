#!/usr/bin/env python3
"""Every command's JSON on the demo district, checked against docs/json.md.

Builds a demo database in a temporary directory (init --demo, the clock pinned by
SQGL_NOW), runs a small workflow on it (apply, route, approve with a note, return
for materials, supplement, reject, withdraw, evaluate, imports, a backup, settings)
and then every reading command, each with --json (list also with --jsonl, report
with --format json for every kind). Each document must keep the rules:

* the document is an object; no array holds arrays; the objects of one array have
  the same keys (absent is null, never left out);
* keys are snake_case English; no bare "count"; no "name_zh" (a thing's name is
  "name");
* no "" (absent is null), outside a history event's recorded "detail";
* a value under "date", "from", "to" or a key ending in "_date" is YYYY-MM-DD; one
  under "at" or a key ending in "_at" is YYYY-MM-DDTHH:MM:SS; a date or an instant
  under any other key is named wrong;
* a key ending in "_count" holds a whole number, and a plural key holds the things,
  not how many there are (a number under it is a count without "_count");
* a key has one JSON type across all documents (null goes with any);
* the document is byte for byte the same under LC_ALL=C and LC_ALL=zh_CN.UTF-8.

The workflow runs once in each language (instants of the machine's clock, the
hashes that cover them and a backup's size masked, as two runs differ in them); the reading commands
run again on the first run's database in Chinese and must print the same bytes.

    python3 tests/json_vocabulary.py --sqgl build/test/cli/sqgl --localedir build/test/locale \\
        --fixtures tests/fixtures [--except list,report] [--work DIR]

--except skips the rules (not the language comparison) for documents of the named
commands. A problem names the command and the path of the key.
"""
import argparse
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile

NOW = "2012-01-29T09:00"
CHINESE = "zh_CN.UTF-8"
REPORT_KINDS = ["backlog", "overdue", "performance", "workload", "evaluation", "staffing", "reform", "calendar"]

SNAKE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
INSTANT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$")
# Anything that reads as a day or a moment: what rule 4 wants under a key that says so.
LOOKS_DATED = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?)?$")
# A history event's detail is what the hash chain covers, as it was recorded.
EXEMPT = re.compile(r"\.(history|events)\[\d+\]\.detail$")
# What the machine's clock decides: two runs of the workflow differ in these only.
# A backup's size follows too: the events' hashes are indexed, and the index's pages
# split where the hashes fall.
MACHINE = re.compile(r'("(?:recorded_at|head)": )"[^"]*"|("(?:byte_count|page_count)": )\d+')


def masked(match):
    """A MACHINE value replaced by a mark that is the same in both runs."""
    return (match.group(1) or match.group(2)) + '"…"'


def is_date_key(key):
    return key in ("date", "from", "to") or key.endswith("_date")


def is_instant_key(key):
    return key == "at" or key.endswith("_at")


def json_type(value):
    """The JSON type of a value; an array is typed by its elements ("array of object")."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, dict):
        return "object"
    kinds = {json_type(v) for v in value} - {"null"}
    if not kinds:
        return "array"
    return "array of " + (kinds.pop() if len(kinds) == 1 else "mixed values")


def compatible(a, b):
    if "null" in (a, b) or a == b:
        return True
    return a.startswith("array") and b.startswith("array") and "array" in (a, b)


class Checker:
    """The rules, applied document by document; types are compared across all of them."""

    def __init__(self):
        self.problems = []
        self.types = {}  # key -> (type, label, path) of its first typed occurrence

    def problem(self, label, path, text):
        self.problems.append(f"{label}: {path}: {text}")

    def document(self, label, doc):
        if not isinstance(doc, dict):
            self.problem(label, "$", f"the document is {json_type(doc)}, not an object (rule 1)")
        self.walk(label, doc, "$", None)

    def walk(self, label, value, path, key):
        if isinstance(value, dict):
            for k, v in value.items():
                child = f"{path}.{k}"
                if EXEMPT.search(child):
                    continue
                self.member(label, child, k, v)
                self.walk(label, v, child, k)
        elif isinstance(value, list):
            shapes = set()
            nested = [i for i, v in enumerate(value) if isinstance(v, list)]
            if nested:
                self.problem(label, f"{path}[{nested[0]}]", f"an array inside an array ({len(nested)} of "
                                                            f"{len(value)}): a row is an object (rule 1)")
            for i, v in enumerate(value):
                if isinstance(v, dict):
                    shapes.add(tuple(sorted(v)))
                self.walk(label, v, f"{path}[{i}]", key)
            if len(shapes) > 1:
                keys = [set(s) for s in shapes]
                odd = sorted(set.union(*keys) - set.intersection(*keys))
                self.problem(label, path, f"its objects differ in keys {odd}: absent is null, never left out (rule 3)")
        elif isinstance(value, str) and key is not None and not (is_date_key(key) or is_instant_key(key)):
            if LOOKS_DATED.match(value):
                self.problem(label, path, f"{value!r} is a date or time under a key not ending in _date or _at "
                                          "(rule 4)")

    def member(self, label, path, key, value):
        if not SNAKE.match(key):
            self.problem(label, path, f"key {key!r} is not snake_case (rule 2)")
        if key == "count":
            self.problem(label, path, 'a bare "count": say what is counted, THINGS_count (rule 8)')
        if key.endswith("_zh"):
            self.problem(label, path, f'"{key}": a thing\'s name is "name", another\'s "THING_name" (rules 5, 6)')
        if value == "":
            self.problem(label, path, '"" for a value that is not there: absent is null (rule 3)')
        if isinstance(value, str) and value:
            if is_date_key(key) and not DATE.match(value):
                self.problem(label, path, f"{value!r} is not a day YYYY-MM-DD (rule 4)")
            if is_instant_key(key) and not INSTANT.match(value):
                self.problem(label, path, f"{value!r} is not an instant YYYY-MM-DDTHH:MM:SS (rule 4)")
        is_number = isinstance(value, (int, float)) and not isinstance(value, bool)
        if key.endswith("_count") and value is not None and not (is_number and value == int(value) and value >= 0):
            self.problem(label, path, f"a count holds {json.dumps(value, ensure_ascii=False)}, not a whole number "
                                      "(rule 8)")
        if is_number and key.endswith("s") and not key.endswith(("_days", "_years")):
            self.problem(label, path, f'the number {value} under the plural "{key}": a count is THINGS_count, the '
                                      "plural holds the things (rule 8)")
        kind = json_type(value)
        if kind == "null":
            return
        seen = self.types.get(key)
        if seen is None or seen[0] in ("array",) and kind.startswith("array of"):
            self.types[key] = (kind, label, path)
        elif not compatible(seen[0], kind):
            self.problem(label, path, f'"{key}" is {kind} here but {seen[0]} in {seen[1]} ({seen[2]}) (rule 2)')


def selftest():
    """Each rule must catch a document that breaks it: the checker cannot pass by accident."""
    cases = [
        ([["a"]], "not an object"),
        ({"rows": [[1, 2]]}, "array inside an array"),
        ({"staffNo": "x"}, "not snake_case"),
        ({"count": 3}, 'bare "count"'),
        ({"name_zh": "阳光社区"}, '"name_zh"'),
        ({"note": ""}, "absent is null"),
        ({"due_date": "2012/02/03"}, "not a day"),
        ({"decided_at": "2012-02-03"}, "not an instant"),
        ({"due": "2012-02-03"}, "under a key not ending"),
        ({"case_count": "3"}, "not a whole number"),
        ({"households": 4000}, "under the plural"),
        ({"steps": [{"step": 1, "note": None}, {"step": 2}]}, "differ in keys"),
        ({"a": {"staff": 3}, "b": {"staff": []}}, "is array here but number"),
        ({"history": [{"detail": {"from": ""}}], "x": {"detail": ""}}, "$.x.detail"),
    ]
    failures = []
    for doc, expected in cases:
        checker = Checker()
        checker.document("selftest", doc)
        if not any(expected in p for p in checker.problems):
            failures.append(f"selftest: {json.dumps(doc, ensure_ascii=False)} should give {expected!r}, "
                            f"gave {checker.problems}")
    good = Checker()
    good.document("selftest", {"history": [{"detail": {"from": "", "count": 1}, "at": "2012-01-29T09:00:00"}],
                               "staff": [], "staff_count": 0, "date": "2012-01-29", "working_days": 5})
    failures += [f"selftest: a good document gave {p}" for p in good.problems]
    return failures


class Runner:
    """Runs sqgl in one work directory and language; keeps each JSON document it prints."""

    def __init__(self, sqgl, work, locale, localedir, fixtures, excepted=()):
        self.sqgl, self.work, self.fixtures, self.excepted = sqgl, work, fixtures, excepted
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("SQGL_")}
        self.env.update({"SQGL_DB": "sqgl.db", "SQGL_CONFIG": "", "LC_ALL": locale,
                         "SQGL_LOCALEDIR": os.path.abspath(localedir)})
        self.env.pop("LANGUAGE", None)
        self.outputs = []  # (label, command word, stdout, is_write, is_jsonl)
        self.failures = []  # reading commands that failed

    def run(self, argv, now=NOW, operator=None, code=0, write=False, jsonl=False, optional=False):
        env = dict(self.env, SQGL_NOW=now)
        if operator:
            env["SQGL_OPERATOR"] = operator
        done = subprocess.run([self.sqgl, *argv], cwd=self.work, env=env, capture_output=True, timeout=300)
        label = "sqgl " + " ".join(argv)
        if done.returncode != code:
            failure = f"{label}: exit {done.returncode}, not {code}: {done.stderr.decode(errors='replace').strip()}"
            if write:
                sys.exit(failure)  # the workflow cannot go on
            if not optional:
                self.failures.append(failure)
            return None
        word = next(a for a in argv if not a.startswith("-"))
        self.outputs.append((label, word, done.stdout, write, jsonl))
        try:
            text = done.stdout.decode()
            return [json.loads(line) for line in text.splitlines()] if jsonl else json.loads(text)
        except ValueError as e:
            failure = f"{label}: its output is not {'JSON Lines' if jsonl else 'one JSON document'}: {e}"
            if write:
                sys.exit(failure)
            self.failures.append(failure)
            self.outputs.pop()
            return None

    def printed(self):
        """Each command's output by its label and the how-manieth run of that label it was."""
        seen, out = {}, {}
        for label, _, stdout, _, _ in self.outputs:
            seen[label] = seen.get(label, 0) + 1
            out[(label, seen[label])] = stdout
        return out


def residents(db):
    """Demo residents the workflow needs (the demo is deterministic: same seed, same people)."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    base = ("SELECT r.citizen_id FROM residents r JOIN households h ON h.id = r.household_id "
            "JOIN units u ON u.id = h.community_id WHERE u.code = '150204001001' AND ")
    pick = {
        "pregnant": [r[0] for r in con.execute(base + "r.pregnant ORDER BY r.id LIMIT 1")],
        "low_income": [r[0] for r in con.execute(base + "r.low_income AND r.relation = '户主' "
                                                         "ORDER BY r.id LIMIT 2")],
        "disabled": [r[0] for r in con.execute(base + "r.disabled ORDER BY r.id LIMIT 1")],
    }
    con.close()
    return pick


def workflow(r):
    """Writes, then every reading command; returns the reading commands' argv lists."""
    r.run(["--json", "init", "--demo"], write=True)
    people = residents(os.path.join(r.work, "sqgl.db"))
    pregnant, low_income, disabled = people["pregnant"][0], people["low_income"], people["disabled"][0]
    fx = lambda name: os.path.join(r.fixtures, "import", name)  # noqa: E731
    w = dict(write=True)
    milk = r.run(["--json", "apply", "--resident", pregnant, "--item", "C05-01", "--materials", "1,2,3,4",
                  "--note", "怀孕3个月"], operator="ZZ0101", **w)["number"]
    low = r.run(["--json", "apply", "--resident", low_income[0], "--item", "C02-05", "--materials", "1,2,3,4"],
                operator="ZZ0101", **w)["number"]
    old = r.run(["--json", "apply", "--resident", low_income[1], "--item", "C02-05", "--materials", "1,2,3,4",
                 "--model", "old"], operator="ZZ0101", **w)["number"]
    card = r.run(["--json", "apply", "--resident", disabled, "--item", "C08-01", "--materials", "1,2,3,4"],
                 operator="ZZ0101", **w)["number"]
    r.run(["--json", "route", "--auto"], operator="IT01", **w)
    r.run(["--json", "approve", milk, "--note", "材料齐全"], now="2012-01-30T10:00", operator="ZZ0101", **w)
    r.run(["--json", "approve", milk], now="2012-02-01T15:30", operator="JSJ01", **w)
    r.run(["--json", "evaluate", milk, "--score", "5", "--comment", "当周就批了"], now="2012-02-02",
          operator="ZZ0101", **w)
    r.run(["--json", "approve", low], now="2012-01-30", operator="ZZ0101", **w)
    r.run(["--json", "route", low, "--to", "MZJ02"], now="2012-01-30T11:00", operator="MZJ01", **w)
    r.run(["--json", "approve", low, "--return", "3", "--note", "收入证明缺少单位盖章"], now="2012-02-01",
          operator="MZJ02", **w)
    r.run(["--json", "apply", "--supplement", low, "--materials", "3"], now="2012-02-06", operator="ZZ0101", **w)
    r.run(["--json", "approve", low, "--reject", "家庭人均收入高于低保标准"], now="2012-02-07", operator="MZJ02",
          **w)
    r.run(["--json", "withdraw", card, "--reason", "本人申请撤回"], now="2012-02-07", operator="ZZ0101", **w)
    # The register changes: a birth, a move to another community with an open case, a death.
    moved = r.run(["--json", "apply", "--resident", disabled, "--item", "C01-01", "--materials", "1,2,3"],
                  now="2012-02-07T09:00", operator="ZZ0101", **w)["number"]
    r.run(["--json", "register", "birth", "--citizen-id", "150204201202010013", "--name", "王小明", "--household",
           "150204001001-0001"], now="2012-02-07T10:00", operator="ZZ0101", **w)
    r.run(["--json", "register", "move", "--resident", disabled, "--to-household", "150204001002-9001",
           "--to-grid", "150204001002-G01", "--address", "富康社区 9 号楼"], now="2012-02-07T10:00",
          operator="ZZ0201", **w)
    r.run(["--json", "register", "death", "--resident", low_income[1], "--date", "2012-02-06"],
          now="2012-02-07T11:00", operator="ZZ0101", **w)
    r.run(["--json", "import", "residents", fx("good.csv"), "--dry-run"], operator="IT01", **w)
    r.run(["--json", "import", "residents", fx("bad-check.csv"), "--dry-run"], operator="IT01", code=2, **w)
    r.run(["--json", "import", "residents", fx("good.csv")], operator="IT01", **w)
    r.run(["--json", "backup", "backup.db"], now="2012-02-07T18:00", operator="IT01", **w)
    r.run(["--json", "setting", "files", "group"], now="2012-02-07T18:00", operator="IT01", **w)
    r.run(["--json", "setting", "files", "owner"], now="2012-02-07T18:00", operator="IT01", **w)
    r.run(["--json", "setting", "files", "owner"], now="2012-02-07T18:00", operator="IT01", **w)

    reads = [["--json", "show", n] for n in (milk, low, old, card, moved)]
    reads += [["--json", "catalog"], ["--json", "catalog", "--category", "C02"], ["--json", "catalog", "C05-01"],
              ["--json", "route", "--plan", "C05-01"], ["--json", "route", "--plan", "C02-01", "--model", "old"],
              ["--json", "calendar", "2012-01"], ["--json", "calendar", "2030-05"], ["--json", "calendar", "--years"],
              ["--json", "calendar", "--due", "2012-01-29", "5"], ["--json", "calendar", "--due", "2029-12-20", "10"],
              ["--json", "district"], ["--json", "staff"], ["--json", "staff", "--unit", "150204001001"],
              ["--json", "resident", pregnant], ["--json", "resident", disabled],
              ["--json", "resident", low_income[1]], ["--json", "household", "150204001001-0026"],
              ["--json", "household", "--standards"], ["--json", "audit", "verify"], ["--json", "audit", "head"],
              ["--json", "audit", "log"], ["--json", "audit", "log", "--subject", milk],
              ["--json", "audit", "log", "--kind", "setting", "--backfilled"], ["--json", "check"], ["--json", "init"],
              ["--json", "setting"], ["--json", "setting", "auth"], ["--json", "setting", "db"],
              ["--json", "list"], ["--json", "list", "--status", "open"], ["--json", "list", "--status", "withdrawn"]]
    reads += [["report", kind, "--format", "json"] for kind in REPORT_KINDS]
    reads += [["--json", "report", "performance", "--period", "2012-02"]]
    # (--except list lets a branch without list --jsonl run the rest.)
    reads.append(["list", "--jsonl"])
    return [argv for argv in reads
            if r.run(argv, now="2012-03-15", jsonl=argv[-1] == "--jsonl",
                     optional=argv[0] == "list" and "list" in r.excepted) is not None]


def locale_installed(name):
    have = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.split()
    return name.lower().replace("-", "") in [n.lower().replace("-", "") for n in have]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sqgl", required=True, help="the sqgl binary under test")
    ap.add_argument("--localedir", required=True, help="sqgl's compiled translations (the build tree's locale/)")
    ap.add_argument("--fixtures", required=True, help="tests/fixtures")
    ap.add_argument("--except", dest="excepted", default="",
                    help="commands whose documents the rules skip, comma-separated (list,report)")
    ap.add_argument("--work", help="a scratch directory to keep (default: a temporary one, removed)")
    args = ap.parse_args()
    excepted = {w for w in args.excepted.split(",") if w}
    sqgl = os.path.abspath(args.sqgl)
    fixtures = os.path.abspath(args.fixtures)
    os.umask(0o077)

    problems = selftest()
    work = args.work or tempfile.mkdtemp(prefix="sqgl-json-")
    shutil.rmtree(work, ignore_errors=True)
    english_dir, chinese_dir = os.path.join(work, "C"), os.path.join(work, "zh_CN")
    os.makedirs(english_dir)
    os.makedirs(chinese_dir)
    try:
        english = Runner(sqgl, english_dir, "C", args.localedir, fixtures, excepted)
        reads = workflow(english)
        problems += english.failures
        checker = Checker()
        documents = 0
        for label, word, stdout, _, jsonl in english.outputs:
            if word in excepted:
                continue
            text = stdout.decode()
            for doc in ([json.loads(line) for line in text.splitlines()] if jsonl else [json.loads(text)]):
                checker.document(label, doc)
                documents += 1
        problems += checker.problems

        if not locale_installed(CHINESE):
            problems.append(f"the locale {CHINESE} is not installed here, so the documents were not compared across "
                            "languages (scripts/deps --test generates it)")
        else:
            chinese = Runner(sqgl, chinese_dir, CHINESE, args.localedir, fixtures, excepted)
            workflow(chinese)
            theirs = chinese.printed()
            for (label, n), a in english.printed().items():
                b = theirs.get((label, n), b"")
                if MACHINE.sub(masked, a.decode()) != MACHINE.sub(masked, b.decode()):
                    problems.append(f"{label}: differs between LC_ALL=C and LC_ALL={CHINESE}")
            # The reading commands again on the English run's database: the same bytes.
            again = Runner(sqgl, english_dir, CHINESE, args.localedir, fixtures)
            for argv in reads:
                again.run(argv, now="2012-03-15", jsonl=argv[-1] == "--jsonl")
            problems += [f"{p} (LC_ALL={CHINESE})" for p in chinese.failures + again.failures]
            first = {label: stdout for label, _, stdout, write, _ in english.outputs if not write}
            for label, _, stdout, _, _ in again.outputs:
                if stdout != first.get(label):
                    problems.append(f"{label}: on one database, differs between LC_ALL=C and LC_ALL={CHINESE}")
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)

    for p in problems:
        print(p)
    skipped = f", skipping the rules for {', '.join(sorted(excepted))}" if excepted else ""
    print(f"json vocabulary: {documents} documents of {len(english.outputs)} commands{skipped}: "
          f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
