#!/usr/bin/env python3
"""The source tree's rules, checked from the files themselves (see docs/architecture.md):

  layers   a file includes only headers of its own layer or lower ones:
           core/base < core/db < core/model < core/import, core/report < core/admin < cli;
           import and report do not include each other.
  writers  every table of schema/*.sql is written (INSERT, UPDATE, DELETE, REPLACE) by
           one source file only, and only under core/.

Usage: check_structure.py [--root DIR] {layers|writers|selftest}
(selftest: both rules find the breaches planted in a scratch tree.)
Prints one summary line; each breach on its own line, and exit 1.
"""
import argparse
import os
import re
import sys

LAYERS = {"core/base": 0, "core/db": 1, "core/model": 2, "core/import": 3, "core/report": 3, "core/admin": 4,
          "cli": 5}
SOURCE = (".h", ".cpp")
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
TABLE = re.compile(r"CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?([a-z_]+)", re.I)
WRITE = re.compile(r"\b(?:INSERT(?:\s+OR\s+[A-Z]+)?\s+INTO|REPLACE\s+INTO|UPDATE|DELETE\s+FROM)\s+([a-z_]+)\b")


def layer_of(path):
    """The layer a repository path belongs to, or None outside core/ and cli/."""
    for prefix, _ in sorted(LAYERS.items(), key=lambda kv: -len(kv[0])):
        if path == prefix or path.startswith(prefix + "/"):
            return prefix
    return None


def sources(root, top):
    for folder, _, files in os.walk(os.path.join(root, top)):
        for name in sorted(files):
            if name.endswith(SOURCE):
                full = os.path.join(folder, name)
                yield os.path.relpath(full, root), full


def check_layers(root):
    breaches, files, includes = [], 0, 0
    for top in ("core", "cli"):
        for rel, full in sources(root, top):
            own = layer_of(rel)
            if own is None:
                breaches.append(f"{rel}: in no layer (core/{{base,db,model,import,report,admin}} or cli)")
                continue
            files += 1
            with open(full, encoding="utf-8") as f:
                text = f.read()
            for target in INCLUDE.findall(text):
                theirs = layer_of(target)
                if theirs is None:
                    continue
                includes += 1
                if LAYERS[theirs] > LAYERS[own] or (LAYERS[theirs] == LAYERS[own] and theirs != own):
                    breaches.append(f"{rel} includes {target}: {own} may not depend on {theirs}")
    return breaches, f"layers: {files} files, {includes} includes of sqgl headers"


def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    return re.sub(r"//[^\n]*", " ", text)


def check_writers(root):
    tables = set()
    schema = os.path.join(root, "schema")
    for name in sorted(os.listdir(schema)):
        if name.endswith(".sql"):
            with open(os.path.join(schema, name), encoding="utf-8") as f:
                tables.update(t.lower() for t in TABLE.findall(f.read()))
    writers = {}
    for top in ("core", "cli"):
        for rel, full in sources(root, top):
            with open(full, encoding="utf-8") as f:
                text = strip_comments(f.read())
            for table in WRITE.findall(text):
                if table in tables:
                    # A header and its .cpp are one place.
                    writers.setdefault(table, set()).add(os.path.splitext(rel)[0])
    breaches = []
    for table, places in sorted(writers.items()):
        if len(places) > 1:
            breaches.append(f"{table} is written in {len(places)} places: {', '.join(sorted(places))}")
        for place in places:
            if not place.startswith("core/"):
                breaches.append(f"{table} is written in {place}: only core/ writes tables")
    return breaches, f"writers: {len(writers)} of {len(tables)} tables written, each in one place"


def selftest():
    import tempfile
    with tempfile.TemporaryDirectory() as root:
        files = {
            "schema/0001.sql": "CREATE TABLE cases (id);\nCREATE TABLE units (id);",
            "core/db/database.cpp": '#include "core/model/cases/cases.h"\n',
            "core/import/cases.cpp": '#include "core/report/report.h"\n// INSERT INTO units in a comment\n'
                                     'auto sql = "INSERT INTO cases (id) VALUES (1)";',
            "core/model/cases.cpp": '#include "core/db/database.h"\nauto sql = "UPDATE cases SET id = 2";',
            "cli/apply.cpp": '#include "core/model/cases/cases.h"\nauto sql = "DELETE FROM units";',
        }
        for path, text in files.items():
            os.makedirs(os.path.join(root, os.path.dirname(path)), exist_ok=True)
            with open(os.path.join(root, path), "w", encoding="utf-8") as f:
                f.write(text)
        layers, _ = check_layers(root)
        writers, _ = check_writers(root)
    expected_layers = ["core/db/database.cpp includes core/model/cases/cases.h: core/db may not depend on core/model",
                       "core/import/cases.cpp includes core/report/report.h: core/import may not depend on core/report"]
    expected_writers = ["cases is written in 2 places: core/import/cases, core/model/cases",
                        "units is written in cli/apply: only core/ writes tables"]
    if sorted(layers) != expected_layers or sorted(writers) != expected_writers:
        print("selftest: the rules missed planted breaches or found others:")
        for line in layers + writers:
            print("  " + line)
        return 1
    print("selftest: both rules find the 4 breaches planted in a scratch tree, and nothing else")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    parser.add_argument("rule", choices=["layers", "writers", "selftest"])
    args = parser.parse_args()
    if args.rule == "selftest":
        return selftest()
    breaches, summary = (check_layers if args.rule == "layers" else check_writers)(os.path.abspath(args.root))
    for breach in breaches:
        print(breach)
    if breaches:
        print(f"{args.rule}: {len(breaches)} breach(es)")
        return 1
    print(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
