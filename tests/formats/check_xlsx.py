#!/usr/bin/env python3
"""The xlsx report as Excel reads it: an xlsx is a ZIP of XML parts, opened here with
the standard library (zipfile, xml.etree) and checked against the same report's JSON.

Each table's sheet starts with the report's title and its as-of (period) line; the
headings below them are bold and frozen (the pane split under them); every column is
at least as wide as its widest text, a Chinese character counting two; numbers are
numbers in the format of what they count: percentages as 0.0% (the value a hundredth
of the JSON's), working days as 0.0, counts and years as 0. The same report gives the
same bytes. Run in English and in Chinese (sheet names and headings translated).
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata
import zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "rel": "http://schemas.openxmlformats.org/package/2006/relationships"}
BUILT_IN_FORMATS = {0: "General", 1: "0", 2: "0.00", 9: "0%", 10: "0.00%"}
EXPECTED_FORMAT = {"count": "0", "percent": "0.0%", "working_days": "0.0", "year": "0"}
FAILURES = []


def fail(message):
    FAILURES.append(message)
    print(f"check_xlsx: {message}", file=sys.stderr)


def width(text):
    """Display columns: East Asian wide and full-width characters count two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def column_index(ref):
    letters = re.match(r"[A-Z]+", ref).group(0)
    n = 0
    for c in letters:
        n = n * 26 + ord(c) - ord("A") + 1
    return n - 1


def row_index(ref):
    return int(re.search(r"\d+", ref).group(0)) - 1


class Workbook:
    def __init__(self, path):
        self.zip = zipfile.ZipFile(path)
        self.strings = []
        if "xl/sharedStrings.xml" in self.zip.namelist():
            for si in ET.fromstring(self.zip.read("xl/sharedStrings.xml")).findall("m:si", NS):
                self.strings.append("".join(t.text or "" for t in si.iter(f"{{{NS['m']}}}t")))
        styles = ET.fromstring(self.zip.read("xl/styles.xml"))
        formats = dict(BUILT_IN_FORMATS)
        for f in styles.findall("m:numFmts/m:numFmt", NS):
            formats[int(f.get("numFmtId"))] = f.get("formatCode")
        bold_fonts = [font.find("m:b", NS) is not None for font in styles.findall("m:fonts/m:font", NS)]
        # Each cell style: (number format, bold).
        self.styles = [(formats.get(int(xf.get("numFmtId", "0")), "?"), bold_fonts[int(xf.get("fontId", "0"))])
                       for xf in styles.findall("m:cellXfs/m:xf", NS)]
        book = ET.fromstring(self.zip.read("xl/workbook.xml"))
        rels = ET.fromstring(self.zip.read("xl/_rels/workbook.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels.findall("rel:Relationship", NS)}
        self.sheets = [(s.get("name"), "xl/" + targets[s.get(f"{{{NS['r']}}}id")])
                       for s in book.findall("m:sheets/m:sheet", NS)]

    def sheet(self, part):
        """The cells {(row, col): (value, style)} of a sheet, its frozen pane and its column widths."""
        root = ET.fromstring(self.zip.read(part))
        cells = {}
        for c in root.iter(f"{{{NS['m']}}}c"):
            v = c.find("m:v", NS)
            if v is None:
                continue
            value = self.strings[int(v.text)] if c.get("t") == "s" else float(v.text)
            cells[(row_index(c.get("r")), column_index(c.get("r")))] = (value, self.styles[int(c.get("s", "0"))])
        pane = root.find("m:sheetViews/m:sheetView/m:pane", NS)
        widths = {}
        for col in root.findall("m:cols/m:col", NS):
            for i in range(int(col.get("min")) - 1, int(col.get("max"))):
                widths[i] = float(col.get("width"))
        return cells, pane, widths


def check_report(sqgl, env, work, args, label):
    xlsx = os.path.join(work, f"{label}.xlsx")
    run = lambda extra: subprocess.run([sqgl, "report", *args, *extra], env=env, capture_output=True, check=True)
    run(["--format", "xlsx", "--out", xlsx])
    again = run(["--format", "xlsx", "--out", "-"]).stdout
    with open(xlsx, "rb") as f:
        if f.read() != again:
            fail(f"{label}: the same report gave different bytes")
    document = json.loads(run(["--format", "json"]).stdout)
    table_text = run(["--format", "md"]).stdout.decode()
    title = re.match(r"# (.*)\n\n(.*)\n", table_text)
    report_title, header_line = title.group(1).replace("\\", ""), title.group(2)
    book = Workbook(xlsx)
    if len(book.sheets) != len(document["tables"]) + 1:
        fail(f"{label}: {len(book.sheets)} sheets for {len(document['tables'])} tables and the summary")
    checked = {"bold": 0, "numbers": 0, "formats": set()}
    for (name, part), table in zip(book.sheets[1:], document["tables"]):
        cells, pane, widths = book.sheet(part)
        where = f"{label}: sheet {name!r}"
        top = cells.get((0, 0), ("", None))[0]
        if not (isinstance(top, str) and top.startswith(report_title + " — ")):
            fail(f"{where}: A1 is {top!r}, not the report's title")
        if cells.get((1, 0), ("", None))[0] != header_line:
            fail(f"{where}: A2 is {cells.get((1, 0))!r}, not the as-of line {header_line!r}")
        if "as of " not in header_line and "截至" not in header_line:
            fail(f"{where}: the header line {header_line!r} names no as-of time")
        if pane is None or pane.get("state") != "frozen" or pane.get("ySplit") != "3" or pane.get("topLeftCell") != "A4":
            fail(f"{where}: the headings are not frozen under row 3: {None if pane is None else pane.attrib}")
        columns = table["columns"]
        for i, column in enumerate(columns):
            heading = cells.get((2, i))
            if heading is None or not isinstance(heading[0], str) or not heading[1][1]:
                fail(f"{where}: heading {i} ({column['key']}) is {heading!r}, not bold text")
            else:
                checked["bold"] += 1
            texts = [heading[0] if heading else ""]
            for r, row in enumerate(table["rows"]):
                value = row[column["key"]]
                cell = cells.get((3 + r, i))
                if value is None:
                    if cell is not None:
                        fail(f"{where}: row {r} {column['key']}: {cell!r} for an empty cell")
                    continue
                if cell is None:
                    fail(f"{where}: row {r} {column['key']}: no cell for {value!r}")
                    continue
                if column["unit"] == "text":
                    if not isinstance(cell[0], str):
                        fail(f"{where}: row {r} {column['key']}: text stored as {cell!r}")
                    texts.append(cell[0])
                    continue
                expected = value / 100 if column["unit"] == "percent" else value
                if not isinstance(cell[0], float) or abs(cell[0] - expected) > 1e-9:
                    fail(f"{where}: row {r} {column['key']}: {cell[0]!r}, expected the number {expected!r}")
                if cell[1][0] != EXPECTED_FORMAT[column["unit"]]:
                    fail(f"{where}: {column['key']} ({column['unit']}) formatted {cell[1][0]!r}")
                checked["numbers"] += 1
                checked["formats"].add(column["unit"])
                shown = {"percent": f"{value:.1f}%", "working_days": f"{value:.1f}"}.get(column["unit"], f"{value:.0f}")
                texts.append(shown)
            widest = max(width(t) for t in texts)
            if i not in widths or not (min(widest, 58) + 2 <= widths[i] <= 62):
                fail(f"{where}: column {column['key']} is {widths.get(i)!r} wide for text {widest} wide")
    return checked


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sqgl", required=True)
    parser.add_argument("--localedir", required=True)
    parser.add_argument("--work", required=True)
    args = parser.parse_args()
    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)
    db = os.path.join(args.work, "sqgl.db")
    base = dict(os.environ, SQGL_DB=db, SQGL_NOW="2016-12-30T09:00", SQGL_CONFIG="", SQGL_LOCALEDIR=args.localedir)
    subprocess.run([args.sqgl, "init", "--demo", "--scale", "0.05", "--history", "1"], env=dict(base, LC_ALL="C.UTF-8"),
                   check=True, capture_output=True)
    totals = {"bold": 0, "numbers": 0, "formats": set()}
    for locale in ("C.UTF-8", "zh_CN.UTF-8"):
        env = dict(base, LC_ALL=locale)
        for label, report in (("performance", ["performance", "--period", "2016-11"]),
                              ("backlog", ["backlog", "--as-of", "2016-11-30"]),
                              ("calendar", ["calendar"])):
            got = check_report(args.sqgl, env, args.work, report, f"{label}-{locale}")
            totals["bold"] += got["bold"]
            totals["numbers"] += got["numbers"]
            totals["formats"] |= got["formats"]
    if totals["formats"] != set(EXPECTED_FORMAT):
        fail(f"only these units were seen: {sorted(totals['formats'])}")
    if totals["numbers"] < 100:
        fail(f"only {totals['numbers']} numbers were checked")
    print(f"check_xlsx: {totals['bold']} bold frozen headings and {totals['numbers']} numbers checked in "
          f"{', '.join(sorted(totals['formats']))} formats; {len(FAILURES)} problems")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
