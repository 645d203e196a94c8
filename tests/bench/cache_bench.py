#!/usr/bin/env python3
"""cache_bench.py - what the incremental cache saves (a benchmark, not a test).

On a project with a compilation database (e.g. curl's CMake build from tests/realworld/scan_real.py), run
`cvet code -p DB SRC` in a fresh temporary cache: without the cache, cold (empty cache), warm with nothing
changed, and after editing one .c file (a comment appended; the file's bytes and times are put back
afterwards), the same edit scanned diff-aware (`--diff` with a one-line unified diff, warm cache), and the
scan split in two shards (`--shard K/2 --save-part`, no cache) then merged (`--merge-part` x2). Prints CPU
seconds (user + system, worker processes included) and wall seconds of each, CPU as a share of cold, the units
parsed, and whether the reports are byte-identical to the run without the cache (the merged one too).
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


def once(cvet, db, src, jobs, out, cache, extra=()):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.time()
    args = [cvet, "code", "-p", db, src, "-j", str(jobs), "--fail-on", "none"]
    args += ["--format", "json", "-o", out] if out else []
    args += ["--cache", cache] if cache else ["--no-cache"]
    args += list(extra)
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
            nlines = original.count(b"\n") + (0 if original.endswith(b"\n") else 1)
            diff = os.path.join(tmp, "one.diff")
            with open(diff, "w") as f:
                f.write("--- a/%s\n+++ b/%s\n@@ -%d,0 +%d,2 @@\n+\n+/* cache_bench: an edit */\n"
                        % (a.touch, a.touch, nlines, nlines + 1))
            rows.append(("--diff, warm",) + once(cvet, db, src, a.j, os.path.join(tmp, "diff.json"), cache,
                                                 ("--diff", diff)))
        finally:
            with open(touch, "wb") as f:
                f.write(original)
            os.utime(touch, ns=(st.st_atime_ns, st.st_mtime_ns))
        parts = []
        for k in (1, 2):
            parts.append(os.path.join(tmp, "part-%d.cvetpart" % k))
            rows.append(("shard %d/2" % k,) + once(cvet, db, src, a.j, None, None,
                                                    ("--shard", "%d/2" % k, "--save-part", parts[-1])))
        outs["merged"] = os.path.join(tmp, "merged.json")
        rows.append(("merge of 2",) + once(cvet, db, src, a.j, outs["merged"], None,
                                           ("--merge-part", parts[0], "--merge-part", parts[1])))
        cold = rows[1][1]
        print("project: %s (-j%d), edited: %s" % (os.path.basename(src), a.j, a.touch))
        print("%-18s %9s %9s %9s  %s" % ("run", "cpu s", "wall s", "of cold", "units"))
        for name, cpu, wall, units in rows:
            print("%-18s %9.2f %9.2f %8.1f%%  %s" % (name, cpu, wall, 100.0 * cpu / cold if cold else 0.0, units))
        same = all(open(outs[n], "rb").read() == open(outs["no cache"], "rb").read()
                   for n in ("cold", "warm, no change"))
        same_edit = open(outs["one file edited"], "rb").read() == open(outs["ref after edit"], "rb").read()
        same_merge = open(outs["merged"], "rb").read() == open(outs["no cache"], "rb").read()
        shard_cpu = sum(r[1] for r in rows if r[0].startswith(("shard", "merge")))
        shard_wall = max(r[2] for r in rows if r[0].startswith("shard")) + rows[-1][2]
        print("2 shards + merge: %.2f s CPU in all (%.0f%% of the unsharded run), %.2f s wall with the shards side by "
              "side" % (shard_cpu, 100.0 * shard_cpu / rows[0][1] if rows[0][1] else 0.0, shard_wall))
        print("reports byte-identical to the run without the cache: %s; after the edit: %s; merged shards: %s"
              % ("yes" if same else "NO", "yes" if same_edit else "NO", "yes" if same_merge else "NO"))
        return 0 if same and same_edit and same_merge else 1


if __name__ == "__main__":
    sys.exit(main())
