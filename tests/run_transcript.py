#!/usr/bin/env python3
"""Runs an end-to-end transcript (tests/e2e/*.t) against the real sqgl binary.

A transcript is a list of commands with the output they must give:

    # a comment
    %env SQGL_NOW=2012-01-29T09:00     set a variable for the commands below (%unset NAME removes it)
    $ sqgl calendar --due 2012-01-29 5 a command, run by bash in a fresh directory
    2012-02-03                         a line the command must print on stdout
    ! sqgl: warning: …                 a line it must print on stderr
    ? 3                                its exit code, when not 0
    | $ literal                        a stdout line that would otherwise look like one of the above

Every command runs in the same fresh temporary directory with SQGL_DB=sqgl.db,
SQGL_NOW=2012-01-29T09:00, SQGL_CONFIG empty (no configuration file) and LC_ALL=C.UTF-8
unless the transcript changes them; `sqgl` on PATH is the binary under test, and
$FIXTURES is tests/fixtures. With --update the file is rewritten with what the commands
printed (review the diff before committing it).

Each transcript runs in both languages: tests/e2e/NAME.t in English and
tests/e2e/zh_CN/NAME.t, the same commands with LC_ALL=zh_CN.UTF-8 and sqgl's
translations from --localedir. `--locale zh_CN.UTF-8 --same-commands tests/e2e/NAME.t`
fails when the two transcripts' commands differ; `--update` of a missing zh_CN
transcript writes it from the English one's commands.
"""
import argparse
import difflib
import os
import subprocess
import sys
import tempfile

SPECIAL = ("$ ", "! ", "? ", "#", "%", "| ")


def parse(path):
    """Returns a list of items: ('text', line) for comments and %env lines kept
    as they are, and ('cmd', command, stdout, stderr, code) for commands."""
    items = []
    current = None
    with open(path, encoding="utf-8") as f:
        for raw in f.read().split("\n"):
            line = raw
            if line.startswith("$ "):
                current = ["cmd", line[2:], [], [], 0]
                items.append(current)
            elif line.startswith("#") or line.startswith("%"):
                current = None
                items.append(("text", line))
            elif current is None:
                if line.strip():
                    sys.exit(f"{path}: output line outside a command: {line!r}")
            elif line.startswith("! ") or line == "!":
                current[3].append(line[2:])
            elif line.startswith("? "):
                current[4] = int(line[2:])
            elif line.startswith("| "):
                current[2].append(line[2:])
            else:
                current[2].append(line)
    # The file's final newline leaves one empty "stdout line" on the last command.
    for item in reversed(items):
        if item[0] == "cmd":
            while item[2] and item[2][-1] == "":
                item[2].pop()
            break
    return items


def render(items):
    out = []
    for item in items:
        if item[0] == "text":
            out.append(item[1])
            continue
        _, command, stdout, stderr, code = item
        out.append("$ " + command)
        for line in stdout:
            out.append("| " + line if line.startswith(SPECIAL) else line)
        out.extend(("! " + line) if line else "!" for line in stderr)
        if code:
            out.append(f"? {code}")
    return "\n".join(out) + "\n"


def merge_commands(english, translated):
    """The English transcript's commands and lines, with the outputs the translated one
    has for the same commands (to be rewritten by --update)."""
    outputs = {}
    for item in translated:
        if item[0] == "cmd":
            outputs.setdefault(item[1], []).append(item)
    merged = []
    for item in english:
        if item[0] == "cmd" and outputs.get(item[1]):
            merged.append(outputs[item[1]].pop(0))
        else:
            merged.append(list(item) if item[0] == "cmd" else item)
    return merged


def split_lines(text):
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sqgl", required=True, help="the sqgl binary under test")
    ap.add_argument("--update", action="store_true", help="rewrite the transcript with the actual output")
    ap.add_argument("--locale", default="C.UTF-8", help="LC_ALL for the commands (default C.UTF-8)")
    ap.add_argument("--localedir", help="sqgl's compiled translations (SQGL_LOCALEDIR: the build tree's locale/)")
    ap.add_argument("--same-commands", metavar="ENGLISH_T",
                    help="the transcript whose commands this one must repeat, in order")
    ap.add_argument("transcript")
    args = ap.parse_args()

    if args.same_commands and args.update and not os.path.exists(args.transcript):
        items = [["cmd", item[1], [], [], 0] if item[0] == "cmd" else item for item in parse(args.same_commands)]
    else:
        items = parse(args.transcript)
    if args.same_commands:
        # Comments and %env lines may differ (a translated comment); the commands may not.
        ours = [item[1] for item in items if item[0] == "cmd" or item[1].startswith("%")]
        theirs = [item[1] for item in parse(args.same_commands) if item[0] == "cmd" or item[1].startswith("%")]
        if ours != theirs:
            for line in difflib.unified_diff(theirs, ours, args.same_commands, args.transcript, lineterm=""):
                print("    " + line)
            print(f"{args.transcript}: its commands differ from {args.same_commands}'s "
                  "(run --update on it after changing the English one)")
            if not args.update:
                return 1
            items = merge_commands(parse(args.same_commands), items)
    env = {k: v for k, v in os.environ.items() if not k.startswith("SQGL_")}
    env["PATH"] = os.path.dirname(os.path.abspath(args.sqgl)) + os.pathsep + env.get("PATH", "")
    env["SQGL_DB"] = "sqgl.db"
    env["SQGL_NOW"] = "2012-01-29T09:00"
    env["SQGL_CONFIG"] = ""  # no configuration file: the machine's own never changes a transcript
    if args.locale != "C.UTF-8":
        # Without the locale, glibc would fall back to C and the transcript print English.
        have = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.split()
        if args.locale.lower().replace("-", "") not in [name.lower().replace("-", "") for name in have]:
            print(f"the locale {args.locale} is not installed here (scripts/deps --test generates it)")
            return 1
    env["LC_ALL"] = args.locale
    env.pop("LANGUAGE", None)  # it would override LC_ALL for messages
    if args.localedir:
        env["SQGL_LOCALEDIR"] = os.path.abspath(args.localedir)
    env["FIXTURES"] = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures")
    env.pop("NO_COLOR", None)
    failures = 0
    commands = 0
    with tempfile.TemporaryDirectory(prefix="sqgl-e2e-") as work:
        for item in items:
            if item[0] == "text":
                line = item[1]
                if line.startswith("%env "):
                    key, _, value = line[5:].partition("=")
                    env[key] = value
                elif line.startswith("%unset "):
                    env.pop(line[7:].strip(), None)
                continue
            commands += 1
            _, command, want_out, want_err, want_code = item
            proc = subprocess.run(["bash", "-c", command], cwd=work, env=env, capture_output=True, timeout=300)
            got_out = split_lines(proc.stdout.decode("utf-8", "backslashreplace"))
            got_err = split_lines(proc.stderr.decode("utf-8", "backslashreplace"))
            if args.update:
                item[2], item[3], item[4] = got_out, got_err, proc.returncode
                continue
            if (got_out, got_err, proc.returncode) != (want_out, want_err, want_code):
                failures += 1
                print(f"FAILED: $ {command}")
                want = render([("cmd", command, want_out, want_err, want_code)]).splitlines()
                got = render([("cmd", command, got_out, got_err, proc.returncode)]).splitlines()
                for line in difflib.unified_diff(want, got, "expected", "actual", lineterm=""):
                    print("    " + line)
    if args.update:
        with open(args.transcript, "w", encoding="utf-8") as f:
            f.write(render(items))
        print(f"updated {args.transcript}: {commands} commands")
        return 0
    print(f"{args.transcript}: {commands - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
