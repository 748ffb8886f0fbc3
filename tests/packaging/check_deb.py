#!/usr/bin/env python3
"""The Debian package as CPack builds it from this build tree: its dependencies
come from the binary (dpkg-shlibdeps) and name Debian's shared libraries, it holds
what `cmake --install` puts in place with the configuration file as a conffile,
its maintainer scripts are the ones in packaging/debian/, and lintian finds no
error in it (the warnings it may give are listed in ALLOWED with the reason)."""
import argparse
import glob
import os
import shutil
import tempfile

from common import fail, run

# Lintian warnings sqgl's package may carry, each with why (also in the README).
ALLOWED = {
    # sqgl is a district's own package, not uploaded to Debian: its first changelog
    # entry has no "intent to package" bug to close.
    "initial-upload-closes-no-bugs",
}



def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", required=True, help="the build directory (configured with prefix /usr)")
    args = ap.parse_args()
    out = tempfile.mkdtemp(prefix="sqgl-deb-")
    try:
        made = run(["cpack", "-G", "DEB", "-B", out, "--config", os.path.join(args.build, "CPackConfig.cmake")])
        if made.returncode != 0:
            fail(f"cpack failed: {made.stdout[-2000:]} {made.stderr[-2000:]}")
        debs = glob.glob(os.path.join(out, "*.deb"))
        if len(debs) != 1:
            fail(f"expected one package, found {debs}")
        deb = debs[0]

        depends = run(["dpkg-deb", "-f", deb, "Depends"]).stdout
        for lib in ("libsqlite3-0", "libssl3", "libutf8proc2", "libxlsxwriter4", "libminizip1", "libinih1", "libfmt9",
                    "libstdc++6", "adduser"):
            if lib not in depends:
                fail(f"Depends does not name {lib}: {depends.strip()}")
        version = run(["dpkg-deb", "-f", deb, "Version"]).stdout.strip()
        binary_version = None

        contents = run(["dpkg-deb", "-c", deb]).stdout
        for path in ("./usr/bin/sqgl", "./etc/sqgl/sqgl.conf", "./usr/share/man/man1/sqgl.1.gz",
                     "./usr/share/man/man1/sqgl-apply.1.gz", "./usr/share/bash-completion/completions/sqgl",
                     "./usr/share/doc/sqgl/copyright", "./usr/share/doc/sqgl/changelog.gz",
                     "./usr/share/doc/sqgl/changelog.Debian.gz",
                     "./lib/systemd/system/sqgl-backup.timer", "./lib/systemd/system/sqgl-check.service"):
            if f" {path}\n" not in contents:
                fail(f"the package holds no {path}")

        control = tempfile.mkdtemp(dir=out)
        run(["dpkg-deb", "-e", deb, control])
        conffiles = open(os.path.join(control, "conffiles")).read().split()
        if conffiles != ["/etc/sqgl/sqgl.conf"]:
            fail(f"conffiles: {conffiles}")
        here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "packaging", "debian")
        for script in ("postinst", "prerm", "postrm"):
            if open(os.path.join(control, script)).read() != open(os.path.join(here, script)).read():
                fail(f"the package's {script} is not packaging/debian/{script}")
            if not os.access(os.path.join(control, script), os.X_OK):
                fail(f"{script} is not executable")

        extracted = tempfile.mkdtemp(dir=out)
        run(["dpkg-deb", "-x", deb, extracted])
        shown = run([os.path.join(extracted, "usr", "bin", "sqgl"), "--version"])
        binary_version = shown.stdout.strip()
        if binary_version != f"sqgl {version.rsplit('-', 1)[0]}":
            fail(f"the package is version {version}, the binary says {binary_version!r}")
        # Debian's SQLite and libcrypto, whose security updates then reach sqgl.
        linked = run(["ldd", os.path.join(extracted, "usr", "bin", "sqgl")]).stdout
        for lib in ("libsqlite3.so.0 => /", "libcrypto.so.3 => /"):
            if lib not in linked:
                fail(f"ldd of the packaged binary shows no {lib.split()[0]} from the system: {linked}")

        if shutil.which("lintian"):
            linted = run(["lintian", "--no-tag-display-limit", deb])
            tags = []
            for line in linted.stdout.splitlines():
                parts = line.split()
                if len(parts) >= 3 and parts[0] in ("E:", "W:"):
                    tags.append((parts[0], parts[2], line))
            errors = [l for kind, tag, l in tags if kind == "E:"]
            unexplained = [l for kind, tag, l in tags if kind == "W:" and tag not in ALLOWED]
            if errors or unexplained:
                fail("lintian: " + "; ".join(errors + unexplained))
            print(f"deb: {os.path.basename(deb)}, Depends from the binary, lintian: 0 errors, "
                  f"{len(tags)} explained warnings")
        else:
            fail("lintian is not installed (scripts/deps installs it)")
    finally:
        shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
