"""What the packaging checks share: one way to fail and one way to run a command."""
import os
import subprocess
import sys


def fail(message):
    """Prints `NAME: message` (NAME: the running script) on stderr and exits 1."""
    name = os.path.splitext(os.path.basename(sys.argv[0]))[0]
    print(f"{name}: {message}", file=sys.stderr)
    sys.exit(1)


def run(args, **kw):
    """Runs a command, its output captured as text."""
    return subprocess.run(args, capture_output=True, text=True, **kw)
