#!/usr/bin/env python3
"""test_output_links.py - outputs named through this process's own descriptors, and links at the output path.

`-o /dev/stdout` with standard output redirected to a file used to be written atomically: a temporary file
beside /dev/stdout renamed over it, which (as root) replaced the /dev/stdout link itself and lost the report.
Such names are now written through the descriptor, appending where it stands. A link planted where a report
is written is replaced, never followed out of the tree.
usage: test_output_links.py --cvet PATH
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

FAILED = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        FAILED.append(what)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cvet", required=True)
    cvet = os.path.abspath(ap.parse_args().cvet)
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "src")
        os.mkdir(src)
        with open(os.path.join(src, "a.c"), "w") as f:
            f.write("#include <stdio.h>\nint main(void)\n{\n\tchar b[8];\n\tgets(b);\n\treturn 0;\n}\n")
        before = os.readlink("/dev/stdout") if os.path.islink("/dev/stdout") else None
        for name in ("/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"):
            out = os.path.join(tmp, "out.txt")
            with open(out, "w") as f:
                f.write("prefix\n")
            with open(out, "a") as f:
                r = subprocess.run([cvet, "code", src, "--quiet", "--format", "json", "-o", name, "--fail-on", "none"],
                                   cwd=tmp, stdout=f, stderr=subprocess.PIPE, text=True, timeout=120)
            text = open(out).read()
            ok = r.returncode == 0 and text.startswith("prefix\n")
            try:
                ok = ok and len(json.loads(text[len("prefix\n"):])["findings"]) == 1
            except ValueError:
                ok = False
            check(ok, "-o %s into a redirected file appends the report after what was there (rc %d: %s)"
                  % (name, r.returncode, r.stderr.strip()[-200:]))
        after = os.readlink("/dev/stdout") if os.path.islink("/dev/stdout") else None
        check(before == after, "/dev/stdout is still the same link (%s)" % after)
        if before and before != after and os.geteuid() == 0:  # a regression must not leave the machine broken
            os.unlink("/dev/stdout")
            os.symlink(before, "/dev/stdout")
        check(not any(n.startswith("stdout.cvet-tmp") for n in os.listdir("/dev")), "no temporary file left in /dev")

        # a link at the output path pointing outside the tree is replaced, not written through
        victim = os.path.join(tmp, "victim.txt")
        with open(victim, "w") as f:
            f.write("untouched\n")
        link = os.path.join(src, "report.json")
        os.symlink(victim, link)
        r = subprocess.run([cvet, "code", src, "--quiet", "--format", "json", "-o", link, "--fail-on", "none"],
                           cwd=tmp, capture_output=True, text=True, timeout=120)
        check(open(victim).read() == "untouched\n", "the link's target outside the tree is untouched")
        check(r.returncode != 0 or not os.path.islink(link), "the link was replaced by the report, or refused (rc %d: %s)"
              % (r.returncode, r.stderr.strip()))
    if FAILED:
        print("%d case(s) failed" % len(FAILED))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
