#!/usr/bin/env python3
"""test_diff.py - diff-aware scans: --diff FILE (a unified diff) and --diff-base REV (the user's git).

A repository with a pre-existing unsafe call gets a change that adds one; only the new one is reported. Renamed
files (old findings on moved lines stay out), deleted files, new files, a change on a dataflow step rather
than at the sink, a changed manifest, malformed and hostile diffs (exit 2, one line), a revision that looks
like an option, and a repository whose config asks git to run programs (they must not run).
usage: test_diff.py --cvet PATH
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

FAILED = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        FAILED.append(what)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


OLD = "#include <stdio.h>\nvoid old_one(char *b)\n{\n\tgets(b);\n}\n"
MOVED = "#include <stdio.h>\nvoid moved(char *b)\n{\n\tgets(b);\n}\n"
FLOW = ("#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\nint main(void)\n{\n\tchar cmd[256];\n"
        "\tif (!fgets(cmd, sizeof cmd, stdin))\n\t\treturn 1;\n\treturn system(cmd);\n}\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cvet", required=True)
    cvet = os.path.abspath(ap.parse_args().cvet)
    if not shutil.which("git"):
        print("skipped: no git")
        return 77

    def git(*args, cwd):
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false"] + list(args),
                       cwd=cwd, check=True, capture_output=True)

    def scan(args, cwd, stdin=None):
        r = subprocess.run([cvet, "scan", "-q", "--format", "json", "-o", "-", "--fail-on", "none"] + args, cwd=cwd,
                           input=stdin, capture_output=True, text=True, timeout=300)
        try:
            rep = json.loads(r.stdout)
        except ValueError:
            rep = {"findings": [], "notes": []}
        return r, sorted((f["rule_id"], f["location"]["path"], f["location"]["line"]) for f in rep["findings"]), rep

    with tempfile.TemporaryDirectory() as d:
        repo = os.path.join(d, "repo")
        write(os.path.join(repo, "src", "old.c"), OLD)
        write(os.path.join(repo, "src", "gone.c"), OLD.replace("old_one", "gone"))
        write(os.path.join(repo, "src", "move_me.c"), MOVED)
        write(os.path.join(repo, "src", "flow.c"), FLOW)
        write(os.path.join(repo, "conanfile.txt"), "[requires]\nzlib/1.2.11\n")
        git("init", "-q", ".", cwd=repo)
        git("add", "-A", cwd=repo)
        git("commit", "-q", "-m", "base", cwd=repo)
        base = subprocess.run(["git", "rev-parse", "HEAD"], cwd=repo, capture_output=True, text=True).stdout.strip()

        r, everything, _ = scan(["."], repo)
        check(("unsafe-gets", "src/old.c", 4) in everything, "the full scan sees the old finding: %s" % everything)

        # the change: a new gets() in old.c, a deleted file, a renamed file, a new file, a moved flow step
        write(os.path.join(repo, "src", "old.c"), OLD + "void new_one(char *b)\n{\n\tgets(b);\n}\n")
        os.unlink(os.path.join(repo, "src", "gone.c"))
        git("mv", "src/move_me.c", "src/moved.c", cwd=repo)
        # (unlike anything deleted, or git would call it a rename of gone.c with one changed line)
        write(os.path.join(repo, "src", "fresh.c"), "#include <stdio.h>\n#include <string.h>\nint fresh(char *b, int n)\n"
              "{\n\tif (n < 2)\n\t\treturn 0;\n\tgets(b);\n\treturn (int)strlen(b);\n}\n")
        # the source line of the flow changes, the sink's line does not
        write(os.path.join(repo, "src", "flow.c"), FLOW.replace("fgets(cmd, sizeof cmd, stdin)", "fgets(cmd, 200, stdin)"))
        git("add", "-A", cwd=repo)  # git diff REV shows tracked changes; fresh.c is added to the index

        r, found, rep = scan(["--diff-base", base, "."], repo)
        check(r.returncode == 0, "--diff-base: exit 0 (%s)" % r.stderr.strip())
        check(("unsafe-gets", "src/old.c", 8) in found, "the new finding is reported: %s" % found)
        check(("unsafe-gets", "src/old.c", 4) not in found, "the old finding on an unchanged line is not: %s" % found)
        check(not any(p == "src/moved.c" for _, p, _ in found), "a pure rename brings no findings: %s" % found)
        check(("unsafe-gets", "src/fresh.c", 7) in found, "a new file's findings are all new: %s" % found)
        check(any(rule == "command-injection" and p == "src/flow.c" for rule, p, _ in found),
              "a change on a dataflow step (not the sink) keeps the flow finding: %s" % found)
        check(not any(p == "conanfile.txt" for _, p, _ in found), "an unchanged manifest's advisories stay out")
        check(any("diff-aware scan:" in n for n in rep["notes"]), "a note says how many were left out: %s" % rep["notes"])

        # the same change as a diff file, and from standard input; a changed manifest brings its advisories
        write(os.path.join(repo, "conanfile.txt"), "[requires]\nzlib/1.2.11\nlibpng/1.6.30\n")
        git("add", "-A", cwd=repo)
        patch = subprocess.run(["git", "diff", base], cwd=repo, capture_output=True, text=True).stdout
        write(os.path.join(d, "change.diff"), patch)
        r2, found2, _ = scan(["--diff", os.path.join(d, "change.diff"), "."], repo)
        check(r2.returncode == 0 and ("unsafe-gets", "src/old.c", 8) in found2 and ("unsafe-gets", "src/old.c", 4) not in found2,
              "--diff FILE: the same selection: %s %s" % (found2, r2.stderr.strip()))
        check(any(p == "conanfile.txt" for _, p, _ in found2), "--diff: a changed manifest keeps its advisories: %s" % found2)
        r3, found3, _ = scan(["--diff", "-", "."], repo, stdin=patch)
        check(found3 == found2, "--diff -: standard input works the same")

        # with a baseline too: both filters apply
        rb, _, _ = scan(["-o", os.path.join(d, "base.json"), "."], repo)
        r4, found4, _ = scan(["--baseline", os.path.join(d, "base.json"), "--diff", os.path.join(d, "change.diff"), "."], repo)
        check(r4.returncode == 0 and found4 == [], "--baseline and --diff together: what both leave: %s" % found4)

        # malformed and hostile diffs: exit 2 and one line
        for name, text, needle in [("bad hunk", "--- a/x.c\n+++ b/x.c\n@@ -1,2 +1,2 @@\n garbage\n?\n", "not a unified diff"),
                                   ("cut short", "--- a/x.c\n+++ b/x.c\n@@ -1,5 +1,5 @@\n a\n", "cut short"),
                                   ("huge count", "--- a/x.c\n+++ b/x.c\n@@ -1 +1,99999999999999999999 @@\n+x\n", "not a unified diff")]:
            write(os.path.join(d, "bad.diff"), text)
            r, _, _ = scan(["--diff", os.path.join(d, "bad.diff"), "."], repo)
            check(r.returncode == 2 and r.stderr.count("\n") == 1 and needle in r.stderr, "%s: exit 2, one line: %r"
                  % (name, r.stderr))
        r, _, _ = scan(["--diff", os.path.join(d, "missing.diff"), "."], repo)
        check(r.returncode == 2 and "cannot read diff" in r.stderr, "a missing diff: exit 2: %r" % r.stderr)
        r, _, _ = scan(["--diff-base", "--output=/tmp/x", "."], repo)
        check(r.returncode == 2 and "revision" in r.stderr, "a revision that looks like an option is refused: %r" % r.stderr)
        r, _, _ = scan(["--diff-base", "no-such-rev", "."], repo)
        check(r.returncode == 2 and "git diff no-such-rev failed" in r.stderr and r.stderr.count("\n") == 1,
              "an unknown revision: exit 2, git's reason: %r" % r.stderr)

        # the scanned repository configures programs for git to run: none of them may run
        marker = os.path.join(d, "ran")
        hook = os.path.join(d, "evil.sh")
        write(hook, "#!/bin/sh\ntouch %s\ncat\n" % marker)
        os.chmod(hook, 0o755)
        for key, val in [("core.fsmonitor", hook), ("diff.external", hook), ("core.pager", hook),
                         ("diff.c.textconv", hook)]:
            git("config", key, val, cwd=repo)
        write(os.path.join(repo, ".gitattributes"), "*.c diff=c\n")
        r, found, _ = scan(["--diff-base", base, "."], repo)
        check(r.returncode == 0 and ("unsafe-gets", "src/old.c", 8) in found, "hostile git config: still works (%s)"
              % r.stderr.strip())
        check(not os.path.exists(marker), "hostile git config: nothing the repository configures ran")
    if FAILED:
        print("%d case(s) failed" % len(FAILED))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
