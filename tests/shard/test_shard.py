#!/usr/bin/env python3
"""test_shard.py - a scan split over a CI matrix (--shard K/N --save-part) and merged (--merge-part) gives the
byte-identical report of one unsharded run, cross-file flow findings included; bad merges are refused.
usage: test_shard.py --cvet PATH --corpus DIR (testdata/flow: flows between translation units)
"""
import argparse
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
    ap.add_argument("--corpus", required=True)
    a = ap.parse_args()
    cvet = os.path.abspath(a.cvet)
    corpus = os.path.abspath(a.corpus)
    common = ["--profile", "audit", "-q", "--fail-on", "none"]

    def run(args):
        return subprocess.run([cvet, "scan"] + common + args, capture_output=True, timeout=900)

    with tempfile.TemporaryDirectory() as d:
        full = {}
        for fmt in ("json", "sarif"):
            r = run(["--format", fmt, "-o", os.path.join(d, "full." + fmt), corpus])
            check(r.returncode == 0, "unsharded %s run: exit %d %s" % (fmt, r.returncode, r.stderr[-300:]))
            full[fmt] = open(os.path.join(d, "full." + fmt), "rb").read()
        for n in (1, 2, 3):
            parts = []
            for k in range(1, n + 1):
                part = os.path.join(d, "p%d-%d.part" % (n, k))
                r = run(["--shard", "%d/%d" % (k, n), "--save-part", part, "-j1" if k % 2 else "-j2", corpus])
                if r.returncode != 0:
                    check(False, "shard %d/%d: exit %d %s" % (k, n, r.returncode, r.stderr[-300:]))
                    break
                parts.append(part)
            if len(parts) != n:
                continue
            for fmt in ("json", "sarif"):
                merged = os.path.join(d, "merged.%s" % fmt)
                args = []
                for p in reversed(parts):  # any order
                    args += ["--merge-part", p]
                r = run(args + ["--format", fmt, "-o", merged, corpus])
                same = r.returncode == 0 and open(merged, "rb").read() == full[fmt]
                check(same, "%d shard(s) merged: %s byte-identical to the unsharded run (%s)" % (n, fmt, r.stderr[-200:]))

        # more shards than translation units (some parts empty), with a flow from one file into the other
        small = os.path.join(d, "small")
        os.mkdir(small)
        open(os.path.join(small, "src.c"), "w").write(
            "#include <stdio.h>\nint run(const char *c);\nint main(void)\n{\n\tchar b[64];\n"
            "\tif (!fgets(b, sizeof b, stdin))\n\t\treturn 1;\n\treturn run(b);\n}\n")
        open(os.path.join(small, "sink.c"), "w").write(
            "#include <stdlib.h>\nint run(const char *c)\n{\n\treturn system(c);\n}\n")
        r = run(["--format", "json", "-o", os.path.join(d, "small.json"), small])
        want = open(os.path.join(d, "small.json"), "rb").read()
        check(b"command-injection" in want, "the small tree's cross-file flow is found unsharded")
        args = []
        for k in range(1, 6):
            part = os.path.join(d, "s%d.part" % k)
            r = run(["--shard", "%d/5" % k, "--save-part", part, small])
            args += ["--merge-part", part]
        r = run(args + ["--format", "json", "-o", os.path.join(d, "small-merged.json"), small])
        check(r.returncode == 0 and open(os.path.join(d, "small-merged.json"), "rb").read() == want,
              "5 shards over 2 files (3 empty parts), merged: byte-identical, cross-file flow kept")

        two = [os.path.join(d, "p2-1.part"), os.path.join(d, "p2-2.part")]

        def refused(args, needle, what):
            r = run(args + ["--format", "json", "-o", os.path.join(d, "x.json"), corpus])
            err = r.stderr.decode(errors="replace")
            check(r.returncode == 2 and needle in err and err.count("\n") == 1, "%s: exit 2, one line: %r" % (what, err))

        refused(["--merge-part", two[0]], "missing", "a shard missing from the merge")
        refused(["--merge-part", two[0], "--merge-part", two[0], "--merge-part", two[1]], "twice", "a shard given twice")
        refused(["--merge-part", two[0], "--merge-part", os.path.join(d, "p3-2.part")], "does not fit",
                "shards of different splits")
        r = subprocess.run([cvet, "scan", "-q", "--fail-on", "none", "--merge-part", two[0], "--merge-part", two[1],
                            "--format", "json", "-o", os.path.join(d, "x.json"), corpus], capture_output=True)
        check(r.returncode == 2 and b"other options" in r.stderr, "parts made with other options (the profile): %r" % r.stderr)
        data = open(two[1], "rb").read()
        for name, bad in (("truncated", data[: len(data) // 2]), ("empty", b""), ("garbage", b"\x00" * 64),
                          ("another version", data.replace(b"0.1.0", b"9.9.9", 1)),
                          ("flipped byte", data[:200] + bytes([data[200] ^ 0xFF]) + data[201:])):
            bad_path = os.path.join(d, "bad.part")
            open(bad_path, "wb").write(bad)
            r = run(["--merge-part", two[0], "--merge-part", bad_path, "--format", "json", "-o", os.path.join(d, "y.json"), corpus])
            check(r.returncode in (0, 2) and not os.path.exists(os.path.join(d, "y.json")) or r.returncode == 0,
                  "%s part: no crash (exit %d)" % (name, r.returncode))
            if name != "flipped byte":  # a flipped byte inside a string can still be a well-formed part
                check(r.returncode == 2, "%s part: refused with exit 2: %r" % (name, r.stderr[-200:]))
        refused(["--shard", "3/2", "--save-part", os.path.join(d, "z.part")], "--shard", "--shard 3/2")
        refused(["--shard", "1/2"], "--save-part", "--shard without --save-part")
    if FAILED:
        print("%d case(s) failed" % len(FAILED))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
