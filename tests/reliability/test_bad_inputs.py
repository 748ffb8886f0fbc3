#!/usr/bin/env python3
"""bad_inputs: a corpus of bad input — arguments, CSV files, citizen IDs, dates, codes,
strings shaped like SQL, a 10 MB field, invalid UTF-8, a NUL byte, GB18030 read as UTF-8 —
given to the real binary on the demo district. Each must be one clear error on stderr
(`sqgl: error: …`, the value quoted), exit 2, nothing on stdout, and the canonical dump of
the database unchanged afterwards (compared after every input).

Imports are the one documented exception to "one line": they name each bad row as
FILE:LINE:COLUMN (the first ten), then sum up in a last line; such rows say how many lines
they expect. A second, shorter table holds inputs the contract answers with 3 (not found),
4 (refused: the refusal, and only it, is recorded in the history) or 5 (conflict). Last,
the strings shaped like SQL are given where a command accepts free text, and must be
stored exactly as typed.
"""
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field

import common

INJECTIONS = ["'; DROP TABLE cases; --", '" OR 1=1 --']
CHECK_CHARS = "10X98765432"
WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CRASH_MARKS = ("terminate called", "what():", "Segmentation fault", "Aborted", "Assertion", "core dumped",
               "Traceback", "AddressSanitizer", "runtime error:")


def with_check_char(first17):
    return first17 + CHECK_CHARS[sum(int(d) * w for d, w in zip(first17, WEIGHTS)) % 11]


@dataclass
class Bad:
    """One bad invocation: argv after `sqgl`, what the message must contain, the exit code."""
    name: str
    argv: list
    expect: str
    code: int = 2
    lines: int = 1  # stderr lines: one, except an import naming its bad rows and summing up
    stdin: bytes = b""
    env: dict = field(default_factory=dict)
    operator: str = None
    allow: tuple = ()  # files the command may create (a --errors report)


def query(db, sql, *params):
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def sqgl_json(args, argv, db, operator=None):
    done = common.run(args.sqgl, ["--json", *argv], db, operator=operator)
    if done.returncode != 0:
        raise SystemExit(f"setup: sqgl {' '.join(argv)} failed ({done.returncode}): {done.stderr}")
    return json.loads(done.stdout)


def setup(args):
    """The demo district with one open case at its first step; returns the facts the corpus uses."""
    db = os.path.join(args.work, "demo.db")
    started = time.monotonic()
    common.demo_database(args.sqgl, db, **({} if args.long else {"scale": 0.1}))
    in_community = ("SELECT r.citizen_id FROM residents r JOIN households h ON h.id = r.household_id "
                    "JOIN units u ON u.id = h.community_id WHERE u.code = '150204001001' AND {} ORDER BY r.id LIMIT {}")
    pregnant = query(db, in_community.format("r.pregnant", 1))[0][0]
    men = [r[0] for r in query(db, in_community.format("r.sex = 'M' AND NOT r.pregnant", 3))]
    case = sqgl_json(args, ["apply", "--resident", pregnant, "--item", "C05-01", "--materials", "1,2,3,4"], db,
                     operator="ZZ0101")["number"]
    done = common.run(args.sqgl, ["route", "--auto"], db, operator="IT01")
    if done.returncode != 0:
        raise SystemExit(f"setup: route --auto failed: {done.stderr}")
    facts = {"db": db, "case": case, "pregnant": pregnant, "men": men, "setup_s": time.monotonic() - started}
    # A valid ID of nobody in the district (the demo's ID sequence numbers never reach 999).
    facts["nobody_id"] = with_check_char("15020419850312999")
    wrong = "0" if pregnant[17] != "0" else "1"
    facts["wrong_check"] = pregnant[:17] + wrong
    return facts


def input_files(args, fx):
    """Copies the committed bad files (tests/fixtures/bad, and the import ones reused) into the
    scratch directory, and makes the large or odd ones at run time."""
    os.makedirs(fx)
    for sub in ("bad", "import"):
        source = os.path.join(args.fixtures, sub)
        for name in os.listdir(source):
            shutil.copy(os.path.join(source, name), os.path.join(fx, name if sub == "bad" else "import-" + name))
    header = "身份证号,姓名,性别,出生日期,户号,联系电话\n".encode()
    with open(os.path.join(fx, "ten-mb-field.csv"), "wb") as f:  # 10 MB in one field: never committed
        f.write(header + b"150204198503121230," + b"A" * (10 * 1024 * 1024) + ",男,1985-03-12,150204001001-0001,\n".encode())
    with open(os.path.join(fx, "ten-mb-quoted.csv"), "wb") as f:  # ... and inside quotes, with line breaks
        f.write(header + b'150204198503121230,"' + b"AB\n" * (10 * 1024 * 1024 // 3) + '",男,1985-03-12,150204001001-0001,\n'.encode())
    with open(os.path.join(fx, "gb18030-header.csv"), "wb") as f:
        f.write(header.decode().encode("gb18030") + "150204198503121230,王伟,男,1985-03-12,150204001001-0001,\n".encode("gb18030"))
    with open(os.path.join(fx, "nul-in-header.csv"), "wb") as f:
        f.write("身份证号,姓\0名,性别\n".encode())
    with open(os.path.join(fx, "utf16.csv"), "wb") as f:  # what "Unicode text" in Excel saves
        f.write(header.decode().encode("utf-16"))
    with open(os.path.join(fx, "text.db"), "w") as f:
        f.write("name,phone\n")
    foreign = sqlite3.connect(os.path.join(fx, "foreign.db"))
    foreign.execute("CREATE TABLE t (x)")
    foreign.commit()
    foreign.close()
    with open(os.path.join(fx, "residents.csv"), "wb") as f:  # a good file, for the bad options around it
        f.write(header + "150204198503121230,王伟,男,1985-03-12,150204001001-0001,13904721234\n".encode())


def corpus(facts, fx, work):
    """The bad inputs: (exit 2 rows, other rows)."""
    case, db = facts["case"], facts["db"]
    man = facts["men"][0]
    f = lambda name: os.path.join(fx, name)  # noqa: E731
    apply = lambda rid: ["apply", "--resident", rid, "--item", "C05-01", "--materials", "1,2,3,4"]  # noqa: E731
    imp = lambda kind, name, *more: ["import", kind, f(name), *more]  # noqa: E731
    bad = [
        # The command line.
        Bad("no command", [], "a command is required"),
        Bad("unknown command", ["catalgo"], "unknown command 'catalgo' (did you mean 'catalog'?)"),
        Bad("unknown option", ["catalog", "--bogus"], "--bogus"),
        Bad("unknown global option", ["--verbose", "list"], "--verbose"),
        Bad("--db without its value", ["--db"], "--db"),
        Bad("--as without its value", ["list", "--as"], "--as"),
        Bad("--db ''", ["--db", "", "list"], "--db: must not be empty"),
        Bad("--as '' with $SQGL_OPERATOR set", ["--as", "", "list", "--mine"], "--as: must not be empty",
            env={"SQGL_OPERATOR": "ZZ0101"}),
        Bad("--db a directory", ["--db", fx, "list"], "is a directory"),
        Bad("--db a text file", ["--db", f("text.db"), "list"], "is not an sqgl database"),
        Bad("--db another program's SQLite file", ["--db", f("foreign.db"), "list"], "is not an sqgl database"),
        Bad("SQGL_NOW words", ["calendar", "--due", "2012-01-29", "5"], "invalid SQGL_NOW 'tomorrow'",
            env={"SQGL_NOW": "tomorrow"}),
        Bad("SQGL_NOW 30 February", ["list"], "invalid SQGL_NOW '2012-02-30'", env={"SQGL_NOW": "2012-02-30"}),
        Bad("SQGL_NOW hour 25", ["list"], "invalid SQGL_NOW", env={"SQGL_NOW": "2012-01-29T25:00"}),
        Bad("SQGL_NOW with a time zone", ["list"], "invalid SQGL_NOW", env={"SQGL_NOW": "2012-01-29T09:00+08:00"}),
        Bad("a positional argument too many", ["show", case, "extra"], "not expected: extra"),
        Bad("a required argument missing", ["show"], "case is required"),
        Bad("an empty case number", ["show", ""], "case: must not be empty"),
        # Citizen IDs.
        Bad("ID with a wrong check character", ["--as", "ZZ0101", *apply(facts["wrong_check"])], "check character"),
        Bad("ID of 17 characters", ["--as", "ZZ0101", *apply(facts["pregnant"][:17])], "has 17 characters"),
        Bad("ID of 19 characters", ["--as", "ZZ0101", *apply(facts["pregnant"] + "0")], "has 19 characters"),
        Bad("ID born on 30 February", ["--as", "ZZ0101", *apply("150204198502301234")], "not a real date"),
        Bad("ID born after today", ["--as", "ZZ0101", *apply(with_check_char("15020420151231000"))], "in the future"),
        Bad("ID with letters", ["--as", "ZZ0101", *apply("1502041985031212AB")], "17 digits followed by"),
        Bad("ID of a region that does not exist", ["resident", "000000198503121230"], "region code '000000'"),
        Bad("ID of 15 digits", ["resident", "150204850312123"], "15-digit"),
        Bad("ID mangled by a spreadsheet", ["resident", "1.50204E+17"], "spreadsheet number"),
        Bad("ID in full-width digits", ["resident", "１５０２０４１９８５０３１２１２３０"], "full-width"),
        Bad("ID empty", ["resident", ""], "citizen ID is empty"),
        Bad("ID with a line break", ["resident", "150204198503\n121230"], "invalid citizen ID"),
        Bad("ID invalid UTF-8", ["resident", "\udcff\udcfe150204198503121230"], "\\xff\\xfe"),
        # Dates, months and numbers.
        Bad("due date 30 February", ["calendar", "--due", "2012-02-30", "5"], "invalid date '2012-02-30'"),
        Bad("due date month 13", ["calendar", "--due", "2012-13-01", "5"], "invalid date '2012-13-01'"),
        Bad("due date with slashes", ["calendar", "--due", "2012/01/29", "5"], "invalid date '2012/01/29'"),
        Bad("due date empty", ["calendar", "--due", "", "5"], "invalid date ''"),
        Bad("working days negative", ["calendar", "--due", "2012-01-29", "-1"], "working days '-1'"),
        Bad("working days in words", ["calendar", "--due", "2012-01-29", "five"], "working days 'five'"),
        Bad("working days missing", ["calendar", "--due", "2012-01-29"], "--due"),
        Bad("calendar month 13", ["calendar", "2012-13"], "invalid month '2012-13'"),
        Bad("calendar month with a slash", ["calendar", "2012/01"], "invalid month '2012/01'"),
        Bad("calendar month empty", ["calendar", ""], "must not be empty"),
        Bad("report period month 13", ["report", "performance", "--period", "2012-13"], "invalid period '2012-13'"),
        Bad("report period without its zero", ["report", "performance", "--period", "2012-1"], "invalid period"),
        Bad("report --from 30 February", ["report", "performance", "--from", "2012-02-30", "--to", "2012-03-01"],
            "invalid --from date '2012-02-30'"),
        Bad("report --to before --from", ["report", "performance", "--from", "2012-03-01", "--to", "2012-02-01"],
            "--to is before --from"),
        Bad("report --from after the as-of day", ["report", "performance", "--from", "2012-03-01"],
            "ends before it starts"),
        Bad("report --period and --from", ["report", "performance", "--period", "2012-01", "--from", "2012-01-01"],
            "not both"),
        Bad("report period on a report of one moment", ["report", "backlog", "--period", "2012-01"],
            "reports the state at --as-of"),
        Bad("report --as-of month 13", ["report", "backlog", "--as-of", "2012-13-01"], "invalid --as-of date"),
        Bad("report --as-of empty", ["report", "overdue", "--as-of", ""], "--as-of: must not be empty"),
        Bad("report format pdf", ["report", "backlog", "--format", "pdf"], "pdf not in"),
        Bad("report --out the database", ["report", "backlog", "--out", db], "is the database"),
        Bad("report --out a directory", ["report", "backlog", "--out", work], "is a directory"),
        Bad("report without a kind", ["report"], "kind is required"),
        # Codes, case numbers, scores, choices.
        Bad("apply --model bogus", ["--as", "ZZ0101", *apply(man), "--model", "bogus"], "bogus not in {new,old}"),
        Bad("apply a material the item has not", ["--as", "ZZ0101", "apply", "--resident", man, "--item", "C10-01",
                                                  "--materials", "1,2,99"], "'99' is not a material of C10-01"),
        Bad("apply without --item", ["--as", "ZZ0101", "apply", "--resident", man], "needs --resident ID and --item"),
        Bad("approve --reject ''", ["--as", "ZZ0101", "approve", case, "--reject", ""], "--reject: must not be empty"),
        Bad("approve --return ''", ["--as", "ZZ0101", "approve", case, "--return", ""], "--return: must not be empty"),
        Bad("approve --reject and --return", ["--as", "ZZ0101", "approve", case, "--reject", "x", "--return", "1"],
            "not both"),
        Bad("approve --return a material the item has not", ["--as", "ZZ0101", "approve", case, "--return", "9"],
            "'9' is not a material of C05-01"),
        Bad("score 0", ["--as", "ZZ0101", "evaluate", case, "--score", "0"], "--score"),
        Bad("score 6", ["--as", "ZZ0101", "evaluate", case, "--score", "6"], "--score"),
        Bad("score 4.5", ["--as", "ZZ0101", "evaluate", case, "--score", "4.5"], "--score"),
        Bad("score in words", ["--as", "ZZ0101", "evaluate", case, "--score", "five"], "--score"),
        Bad("list --due-within 400", ["list", "--due-within", "400"], "--due-within"),
        Bad("list --status bogus", ["list", "--status", "bogus"], "bogus not in"),
        Bad("staff --role bogus", ["staff", "--role", "boss"], "invalid role 'boss'"),
        Bad("audit bogus", ["audit", "fix"], "fix not in {verify,head,log}"),
        Bad("init --scale 0", ["init", "--scale", "0"], "--scale"),
        Bad("init --history 31", ["init", "--history", "31"], "--history"),
        Bad("route two ways at once", ["--as", "IT01", "route", case, "--to", "ZZ0102", "--auto"], "exactly one of"),
        # Import options.
        Bad("import without a kind", ["import"], "kind is required", operator="IT01"),
        Bad("import without a file", ["import", "residents"], "file is required", operator="IT01"),
        Bad("import --encoding latin1", imp("residents", "residents.csv", "--encoding", "latin1"),
            "invalid encoding 'latin1'", operator="IT01"),
        Bad("import --mode replace", imp("residents", "residents.csv", "--mode", "replace"), "replace not in",
            operator="IT01"),
        Bad("import calendar without --year", imp("calendar", "calendar-weekday.csv"), "needs --year", operator="IT01"),
        Bad("import residents with --year", imp("residents", "residents.csv", "--year", "2012"),
            "for 'import calendar' only", operator="IT01"),
        Bad("import --errors the database", imp("residents", "residents.csv", "--errors", db), "is the database",
            operator="IT01"),
        Bad("import --errors the file imported", imp("residents", "residents.csv", "--errors", f("residents.csv")),
            "is the file being read", operator="IT01"),
        Bad("import a directory", ["import", "residents", fx], "is a directory", operator="IT01"),
        # CSV files: the file as a whole.
        Bad("CSV wrong header", imp("residents", "wrong-header.csv"), ":1:1: unknown column 'id'", operator="IT01"),
        Bad("CSV missing column", imp("residents", "missing-column.csv"), ":1: missing column 'household'",
            operator="IT01"),
        Bad("CSV column twice", imp("residents", "duplicate-column.csv"), ":1:6: column 'citizen_id' appears twice",
            operator="IT01"),
        Bad("CSV unknown column", imp("residents", "import-unknown-column.csv"), ":1:6: unknown column '民族'",
            operator="IT01"),
        Bad("CSV unterminated quote", imp("residents", "unterminated-quote.csv"), ":3:2: unterminated quoted field",
            operator="IT01"),
        Bad("CSV quote inside a field", imp("residents", "quote-in-field.csv"), ":2:2: a quote inside", operator="IT01"),
        Bad("CSV invalid UTF-8", imp("residents", "import-invalid-utf8.csv"), ":3:2: invalid UTF-8 byte 0xFF",
            operator="IT01"),
        Bad("CSV NUL byte", imp("residents", "import-nul-byte.csv"), ":2:2: a NUL byte", operator="IT01"),
        Bad("CSV NUL byte in the header", imp("residents", "nul-in-header.csv"), ":1:2: a NUL byte", operator="IT01"),
        Bad("CSV 10 MB field", imp("residents", "ten-mb-field.csv"), ":2:2: a field longer than 1 MiB",
            operator="IT01"),
        Bad("CSV 10 MB quoted field with line breaks", imp("residents", "ten-mb-quoted.csv"),
            ":2:2: a field longer than 1 MiB", operator="IT01"),
        Bad("CSV GB18030 without --encoding", imp("residents", "import-gb18030.csv"),
            "invalid UTF-8 byte", operator="IT01"),
        Bad("CSV GB18030 header without --encoding", imp("residents", "gb18030-header.csv"),
            ":1:1: invalid UTF-8 byte 0xC9 (if the file comes from Excel in Chinese, try --encoding gb18030)",
            operator="IT01"),
        Bad("CSV UTF-16", imp("residents", "utf16.csv"), ":1:1: invalid UTF-8 byte 0xFF", operator="IT01"),
        Bad("CSV empty file", imp("residents", "import-empty.csv"), "the file is empty", operator="IT01"),
        Bad("CSV byte-order mark only", imp("residents", "bom-only.csv"), "the file is empty", operator="IT01"),
        Bad("CSV empty standard input", ["import", "residents", "-"], "<stdin>: the file is empty", operator="IT01"),
        Bad("CSV NUL bytes on standard input", ["import", "residents", "-"], "<stdin>:1:1: a NUL byte",
            stdin=b"\0\0\0", operator="IT01"),
        # CSV files: bad rows, each named by line and column, then the sum.
        Bad("CSV row with a field too many", imp("residents", "extra-field.csv"), ":2:7: 7 fields, but the header has 6",
            lines=2, operator="IT01"),
        Bad("CSV row with fields missing", imp("residents", "short-row.csv"), ":2:1: '150204********1230': 3 fields",
            lines=2, operator="IT01"),
        Bad("CSV duplicate rows", imp("residents", "duplicate-rows.csv"), ":3:1: '150204********1230': duplicate of line 2",
            lines=2, operator="IT01"),
        Bad("CSV bad ID on line 3", imp("residents", "bad-id-line3.csv"), ":3:1: '150204********246X': check character",
            lines=2, operator="IT01"),
        Bad("CSV 15-digit ID", imp("residents", "import-fifteen-digit.csv"), ":2:1: '150204*****2123'", lines=2,
            operator="IT01"),
        Bad("CSV ID mangled by a spreadsheet", imp("residents", "import-excel-id.csv"), ":2:1: '1.5020*E+17'",
            lines=2, operator="IT01"),
        Bad("CSV birth date 30 February", imp("residents", "bad-birth-date.csv"),
            ":2:4: '1985-02-30' is not a real date", lines=2, operator="IT01"),
        Bad("CSV ID and birth date impossible", imp("residents", "import-impossible-date.csv"),
            ":2:1: '150204********5025': birth date 1978-02-29", lines=3, operator="IT01"),
        Bad("CSV sex disagreeing with the ID", imp("residents", "import-sex-mismatch.csv"),
            ":2:3: '女' disagrees with the citizen ID", lines=2, operator="IT01"),
        Bad("CSV sex neither", imp("residents", "bad-sex.csv"), ":2:3: '未知' is not a sex", lines=2, operator="IT01"),
        Bad("CSV yes/no neither", imp("residents", "bad-flag.csv"), ":2:6: '也许' is not yes or no", lines=2,
            operator="IT01"),
        Bad("CSV phone too short", imp("residents", "import-bad-phone.csv"), ":2:6: '1390472' is not a phone number",
            lines=2, operator="IT01"),
        Bad("CSV unknown household", imp("residents", "import-unknown-household.csv"),
            ":2:5: unknown household '150204009001-0001'", lines=2, operator="IT01"),
        Bad("CSV unknown community", imp("households", "import-unknown-community.csv"),
            ":2:2: unknown community '150204009001'", lines=2, operator="IT01"),
        Bad("CSV community shaped like SQL", imp("households", "sql-community.csv"),
            ":2:2: unknown community '150204001001'; DROP TABLE households; --'", lines=2, operator="IT01"),
        Bad("CSV unknown role", imp("staff", "staff-bad-role.csv"), ":2:4: unknown role 'boss'", lines=2,
            operator="IT01"),
        Bad("CSV calendar: a weekday as a working weekend", imp("calendar", "calendar-weekday.csv", "--year", "2027",
                                                                 "--notice", "x"),
            ":2:1: '2027-01-04' is a weekday", lines=2, operator="IT01"),
        Bad("CSV cases: open, decided before accepted, unknown item", imp("cases", "import-cases-bad.csv"),
            ":2:4: 'open' is not a decided status", lines=7, operator="IT01"),
        Bad("CSV evaluations: unknown cases, score 6", imp("evaluations", "import-evaluations-bad.csv"),
            ":3:2: '6' is not a score", lines=4, operator="IT01"),
        Bad("CSV twelve bad rows: ten shown, the rest counted", imp("residents", "twelve-bad-rows.csv"),
            "… and 2 more problem(s)", lines=12, operator="IT01"),
        Bad("CSV bad rows with a reject file", imp("residents", "duplicate-rows.csv", "--errors",
                                                   os.path.join(work, "rejects.csv")),
            ":3:1:", lines=2, operator="IT01", allow=("rejects.csv",)),
    ]
    # SQL-shaped strings in every argument that is checked against a form or a list.
    for i, text in enumerate(INJECTIONS, 1):
        bad += [
            Bad(f"SQL {i} as --resident", ["--as", "ZZ0101", *apply(text)], "invalid citizen ID"),
            Bad(f"SQL {i} as resident ID", ["resident", text], "invalid citizen ID"),
            Bad(f"SQL {i} as --materials", ["--as", "ZZ0101", "apply", "--resident", man, "--item", "C10-01",
                                            "--materials", text], "is not a material of C10-01"),
            Bad(f"SQL {i} as --return", ["--as", "ZZ0101", "approve", case, "--return", text], "is not a material"),
            Bad(f"SQL {i} as --period", ["report", "performance", "--period", text], "invalid period"),
            Bad(f"SQL {i} as --from", ["report", "performance", "--from", text], "invalid --from date"),
            Bad(f"SQL {i} as --as-of", ["report", "backlog", "--as-of", text], "invalid --as-of date"),
            Bad(f"SQL {i} as a month", ["calendar", text], "invalid month"),
            Bad(f"SQL {i} as a due date", ["calendar", "--due", text, "1"], "invalid date"),
            Bad(f"SQL {i} as --encoding", imp("residents", "residents.csv", "--encoding", text), "invalid encoding",
                operator="IT01"),
            Bad(f"SQL {i} as --status", ["list", "--status", text], "not in"),
            Bad(f"SQL {i} as --role", ["staff", "--role", text], "invalid role"),
            Bad(f"SQL {i} as --format", ["report", "backlog", "--format", text], "not in"),
            Bad(f"SQL {i} as --score", ["--as", "ZZ0101", "evaluate", case, "--score", text], "--score"),
            Bad(f"SQL {i} as SQGL_NOW", ["list"], "invalid SQGL_NOW", env={"SQGL_NOW": text}),
        ]
    # What the contract answers otherwise: not found (3), refused (4, recorded), conflict (5).
    other = [
        Bad("no database there", ["--db", os.path.join(work, "missing.db"), "list"], "no database at", code=3),
        Bad("unknown item", ["--as", "ZZ0101", "apply", "--resident", man, "--item", "C99-01"],
            "unknown item 'C99-01' (did you mean", code=3),
        Bad("unknown category", ["catalog", "--category", "C13"], "unknown category 'C13'", code=3),
        Bad("unknown window", ["catalog", "--window", "desk"], "unknown window 'desk'", code=3),
        Bad("unknown case", ["show", case[:-4] + "9999"], "no case", code=3),
        Bad("unknown resident", ["resident", facts["nobody_id"]], "no resident with citizen ID '150204********", code=3),
        Bad("unknown report", ["report", "weekly"], "unknown report 'weekly'", code=3),
        Bad("unknown import kind", ["import", "people", f("residents.csv")], "unknown import kind 'people'", code=3,
            operator="IT01"),
        Bad("import file missing", ["import", "residents", f("missing.csv")], "cannot read", code=3, operator="IT01"),
        Bad("list --community unknown", ["list", "--community", "150204009001"], "unknown community", code=3),
        Bad("list --street unknown", ["list", "--street", "150204009"], "unknown street office", code=3),
        Bad("list --mine of nobody", ["--as", "nobody", "list", "--mine"], "unknown staff number 'nobody'", code=3),
        Bad("staff --unit unknown", ["staff", "--unit", "150204009001"], "unknown unit", code=3),
        Bad("report --staff unknown", ["report", "overdue", "--staff", "ZZ9999"], "unknown staff number", code=3),
        Bad("route --auto --item unknown", ["--as", "IT01", "route", "--auto", "--item", "C99-01"], "unknown item",
            code=3),
        Bad("route --to unknown staff", ["--as", "ZZ0101", "route", case, "--to", "ZZ9999"],
            "unknown staff number 'ZZ9999'", code=3),
        Bad("unknown operator", ["--as", "nobody", "approve", case], "unknown operator 'nobody'", code=4),
        Bad("a bureau approver at the station's step", ["--as", "JSJ01", "approve", case], "may not decide", code=4),
        Bad("a clerk importing", imp("residents", "residents.csv"), "may not import", code=4, operator="ZZ0101"),
        Bad("a second open case", ["--as", "ZZ0101", *apply(facts["pregnant"])], "already has open case", code=5),
        Bad("supplement a case that is not returned", ["--as", "ZZ0101", "apply", "--supplement", case,
                                                       "--materials", "1"], "not waiting for materials", code=5),
        Bad("demo into a district", ["init", "--demo"], "already holds district", code=5),
    ]
    for i, text in enumerate(INJECTIONS, 1):
        other += [
            Bad(f"SQL {i} as --item", ["--as", "ZZ0101", "apply", "--resident", man, "--item", text], "unknown item",
                code=3),
            Bad(f"SQL {i} as a case number", ["show", text], "no case", code=3),
            Bad(f"SQL {i} as --community", ["report", "backlog", "--community", text], "unknown community", code=3),
            Bad(f"SQL {i} as --category", ["catalog", "--category", text], "unknown category", code=3),
            Bad(f"SQL {i} as --unit", ["list", "--unit", text], "unknown unit", code=3),
            Bad(f"SQL {i} as --to", ["--as", "ZZ0101", "route", case, "--to", text], "unknown staff number", code=3),
            Bad(f"SQL {i} as --as", ["--as", text, "withdraw", case], "unknown operator", code=4),
        ]
    return bad, other


def snapshot(directory):
    """Name → (size, mtime) of every file under `directory`."""
    out = {}
    for root, _, files in os.walk(directory):
        for name in files:
            path = os.path.join(root, name)
            st = os.stat(path)
            out[os.path.relpath(path, directory)] = (st.st_size, st.st_mtime_ns)
    return out


def sections(dump):
    """The canonical dump split by table: name → its lines. The settings row
    'history.head' follows the events table, so it is filed with the events."""
    out, current = {}, None
    for line in dump.split("\n"):
        if line.startswith("-- "):
            current = line.split(" ")[1]
            out.setdefault(current, [])
        elif line.startswith("('history.head'"):
            out.setdefault("events", []).append(line)
        else:
            out[current].append(line)
    return out


def check(args, facts, work, item, baseline):
    """Runs one bad input; returns (problems with its answer, problems with what it left
    behind, the new baseline dump, its stderr lines)."""
    env = common.environment(facts["db"], operator=item.operator)
    env.update(item.env)
    argv = [a.encode("utf-8", "surrogateescape") for a in item.argv]  # "\udcff" is the byte 0xFF
    before = snapshot(work)
    done = subprocess.run([args.sqgl, *argv], env=env, input=item.stdin, capture_output=True, timeout=120, cwd=work)
    message, state = [], []  # what is wrong with the answer; with what was left behind
    try:
        err = done.stderr.decode("utf-8")
    except UnicodeDecodeError:
        err = done.stderr.decode("utf-8", "replace")
        message.append("stderr is not valid UTF-8")
    lines = err.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if done.returncode < 0:
        message.append(f"killed by signal {-done.returncode}")
    elif done.returncode != item.code:
        message.append(f"exit {done.returncode}, expected {item.code}")
    if any(mark in err for mark in CRASH_MARKS):
        message.append("a crash report on stderr")
    if done.stdout:
        message.append(f"{len(done.stdout)} bytes on stdout: {done.stdout[:120]!r}")
    if len(lines) != item.lines:
        message.append(f"{len(lines)} stderr lines, expected {item.lines}")
    if any(not line.startswith("sqgl: error: ") for line in lines) or not lines:
        message.append("a stderr line not starting 'sqgl: error: '")
    if item.expect not in err:
        message.append(f"message lacks {item.expect!r}")
    if any(len(line) > 400 for line in lines):
        message.append("a message line over 400 characters")
    dump = common.canonical_dump(facts["db"])
    if item.code == 4:
        # A refusal is recorded: exactly one new event, permission.denied; nothing else.
        old, new = sections(baseline), sections(dump)
        events = query(facts["db"], "SELECT kind FROM events ORDER BY id DESC LIMIT 1")
        if {k: v for k, v in old.items() if k != "events"} != {k: v for k, v in new.items() if k != "events"} or \
                len(new["events"]) != len(old["events"]) + 1 or events[0][0] != "permission.denied":
            state.append("the database changed beyond one permission.denied event")
        baseline = dump
    elif dump != baseline:
        changed = [k for k, v in sections(dump).items() if sections(baseline).get(k) != v]
        state.append(f"the database changed: {', '.join(changed)}")
        baseline = dump  # one bad input, one failure: the next compares with what is there now
    db_name = os.path.basename(facts["db"])
    after = snapshot(work)
    created = set(after) - set(before) - {db_name + "-wal", db_name + "-shm"} - set(item.allow)
    changed_files = {k for k in set(before) & set(after) if before[k] != after[k] and not k.startswith(db_name)}
    if created:
        state.append(f"files created: {sorted(created)}")
    if changed_files:
        state.append(f"files changed: {sorted(changed_files)}")
    return message, state, baseline, lines


def stored_verbatim(args, facts, work):
    """SQL-shaped strings where a command takes free text (notes, reasons, comments) are
    stored exactly as typed. Runs on a copy; returns (strings checked, problems)."""
    copy = os.path.join(work, "verbatim.db")
    src, dst = sqlite3.connect(facts["db"]), sqlite3.connect(copy)
    src.backup(dst)
    src.close()
    dst.close()
    tables_before = query(copy, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    inj0, inj1 = INJECTIONS
    man, other = facts["men"][1], facts["men"][2]
    steps = []

    def sqgl(argv, operator):
        done = common.run(args.sqgl, ["--json", *argv], copy, operator=operator)
        steps.append((argv, done))
        return json.loads(done.stdout) if done.returncode == 0 and done.stdout.strip() else {}

    def assignee(number):
        c = sqgl(["show", number], None)
        steps.pop()
        current = c.get("step") or 1
        return (c.get("steps") or [{}])[current - 1].get("assignee") or "ZZ0101"

    materials = "1,2,3"
    first = sqgl(["apply", "--resident", man, "--item", "C10-01", "--materials", materials, "--note", inj0],
                 "ZZ0101").get("number", "")
    sqgl(["route", "--auto"], "IT01")
    sqgl(["approve", facts["case"], "--note", inj1], assignee(facts["case"]))
    sqgl(["approve", first, "--reject", inj1], assignee(first))
    sqgl(["evaluate", first, "--score", "1", "--comment", inj0], "ZZ0101")
    second = sqgl(["apply", "--resident", other, "--item", "C10-01", "--materials", materials], "ZZ0101").get("number")
    sqgl(["withdraw", second or "", "--reason", inj0], "ZZ0101")
    problems = [f"sqgl {' '.join(a)}: exit {d.returncode}: {d.stderr.strip()}" for a, d in steps if d.returncode != 0]
    if query(copy, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") != tables_before:
        problems.append("the tables changed")
    con = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
    found = {text: 0 for text in INJECTIONS}
    for (table,) in tables_before:
        for column in [r[1] for r in con.execute(f'PRAGMA table_info("{table}")')]:
            for text in INJECTIONS:
                found[text] += con.execute(f'SELECT count(*) FROM "{table}" WHERE "{column}" = ?', (text,)).fetchone()[0]
    con.close()
    # Notes, reasons and comments: 0 → apply note, evaluation comment, withdraw reason; 1 → two decisions' notes.
    for text, least in ((inj0, 3), (inj1, 2)):
        if found[text] < least:
            problems.append(f"{text!r} stored {found[text]} times, expected at least {least}")
    if common.integrity(copy) != "ok":
        problems.append(f"integrity: {common.integrity(copy)}")
    return len(steps), problems


def main():
    args = common.arguments(__doc__.split("\n")[0])
    facts = setup(args)
    fx = os.path.join(args.work, "fx")
    input_files(args, fx)
    bad, other = corpus(facts, fx, args.work)

    started = time.monotonic()
    baseline = common.canonical_dump(facts["db"])
    dump_s = time.monotonic() - started
    failures, one_line, unchanged, seen = [], 0, 0, set()
    for table, rows in (("bad", bad), ("other", other)):
        for item in rows:
            assert item.name not in seen, f"two inputs named {item.name!r}"
            seen.add(item.name)
            message, state, baseline, lines = check(args, facts, args.work, item, baseline)
            if table == "bad":
                one_line += not message
                unchanged += not state
            if message or state:
                failures.append((item, message + state, lines))
    total_s = time.monotonic() - started

    verbatim_steps, verbatim_problems = stored_verbatim(args, facts, args.work)
    for f_item, problems, lines in failures:
        print(f"FAIL {f_item.name}: sqgl {' '.join(map(repr, f_item.argv))}", file=sys.stderr)
        for p in problems:
            print(f"    {p}", file=sys.stderr)
        for line in lines[:3]:
            print(f"    | {line[:300]}", file=sys.stderr)
    for p in verbatim_problems:
        print(f"FAIL stored verbatim: {p}", file=sys.stderr)
    integrity = common.integrity(facts["db"])
    if integrity != "ok":
        print(f"FAIL integrity of the demo database: {integrity}", file=sys.stderr)

    exit2 = sum(1 for item in bad if item.code == 2)
    multi = sum(1 for item in bad if item.lines > 1)
    other_ok = len(other) - sum(1 for item, _, _ in failures if item in other)
    print(f"bad_inputs: {len(bad)} bad inputs, {one_line} clear errors with exit 2 "
          f"({len(bad) - multi} of one line; {multi} imports with a FILE:LINE:COLUMN line a bad row and a summary line), "
          f"database unchanged {unchanged}/{len(bad)}; "
          f"{other_ok}/{len(other)} not-found, refused and conflicting inputs answered as the contract says; "
          f"SQL-shaped free text stored verbatim in {verbatim_steps} commands"
          f"{'' if not verbatim_problems else ' (FAILED)'}; "
          f"{len(bad) + len(other)} inputs in {total_s:.1f} s, one canonical dump {dump_s:.2f} s, "
          f"setup {facts['setup_s']:.1f} s")
    ok = (not failures and not verbatim_problems and integrity == "ok" and len(bad) >= 40 and exit2 == len(bad))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
