#!/usr/bin/env python3
"""cache_bench.py - what the incremental cache saves (a benchmark, not a test).

On a project with a compilation database (e.g. curl's CMake build from tests/realworld/scan_real.py), run
`cvet code -p DB SRC` in a fresh temporary cache: without the cache, cold (empty cache), warm with nothing
changed, and after editing one .c file (a comment appended; the file's bytes and times are put back
afterwards). Prints CPU seconds (user + system, worker processes included) and wall seconds of each, warm CPU
as a share of cold, the units parsed, and whether every report is byte-identical to the run without the cache.
usage: cache_bench.py --cvet build/cvet [-j 2] [--touch lib/url.c] DB_DIR:SOURCE_DIR
"""
import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time


def once(cvet, db, src, jobs, out, cache):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.time()
    args = [cvet, "code", "-p", db, src, "-j", str(jobs), "--format", "json", "-o", out, "--fail-on", "none"]
    args += ["--cache", cache] if cache else ["--no-cache"]
    r = subprocess.run(args, cwd=src, capture_output=True)
    wall = time.time() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if r.returncode == 2:
        sys.exit("cvet failed: %s" % r.stderr.decode(errors="replace")[-500:])
    m = re.search(rb"cvet: cache: (\d+) translation units? from the cache, (\d+) parsed", r.stderr)
    return cpu, wall, ("%s from the cache, %s parsed" % (m.group(1).decode(), m.group(2).decode())) if m else "-"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cvet", required=True)
    ap.add_argument("-j", type=int, default=2)
    ap.add_argument("--touch", default="lib/url.c", help="the .c file (relative to SOURCE_DIR) to edit")
    ap.add_argument("project")
    a = ap.parse_args()
    cvet = os.path.abspath(a.cvet)
    db, _, src = a.project.partition(":")
    db = os.path.abspath(db)
    src = os.path.abspath(src or db)
    touch = os.path.join(src, a.touch)
    with tempfile.TemporaryDirectory() as tmp:
        cache = os.path.join(tmp, "cache")
        outs = {}
        rows = []
        for name, use in (("no cache", None), ("cold", cache), ("warm, no change", cache)):
            outs[name] = os.path.join(tmp, name.replace(" ", "_").replace(",", "") + ".json")
            rows.append((name,) + once(cvet, db, src, a.j, outs[name], use))
        st = os.stat(touch)
        original = open(touch, "rb").read()
        try:
            with open(touch, "ab") as f:
                f.write(b"\n/* cache_bench: an edit */\n")
            outs["ref after edit"] = os.path.join(tmp, "edit_ref.json")
            once(cvet, db, src, a.j, outs["ref after edit"], None)
            outs["one file edited"] = os.path.join(tmp, "edit.json")
            rows.append(("one file edited",) + once(cvet, db, src, a.j, outs["one file edited"], cache))
        finally:
            with open(touch, "wb") as f:
                f.write(original)
            os.utime(touch, ns=(st.st_atime_ns, st.st_mtime_ns))
        cold = rows[1][1]
        print("project: %s (-j%d), edited: %s" % (os.path.basename(src), a.j, a.touch))
        print("%-18s %9s %9s %9s  %s" % ("run", "cpu s", "wall s", "of cold", "units"))
        for name, cpu, wall, units in rows:
            print("%-18s %9.2f %9.2f %8.1f%%  %s" % (name, cpu, wall, 100.0 * cpu / cold if cold else 0.0, units))
        same = all(open(outs[n], "rb").read() == open(outs["no cache"], "rb").read()
                   for n in ("cold", "warm, no change"))
        same_edit = open(outs["one file edited"], "rb").read() == open(outs["ref after edit"], "rb").read()
        print("reports byte-identical to the run without the cache: %s; after the edit: %s"
              % ("yes" if same else "NO", "yes" if same_edit else "NO"))
        return 0 if same and same_edit else 1


if __name__ == "__main__":
    sys.exit(main())
