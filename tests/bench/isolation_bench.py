#!/usr/bin/env python3
"""isolation_bench.py - what parsing each translation unit in a worker process costs (a benchmark, not a test).

For each project directory holding compile_commands.json (e.g. the build trees tests/realworld/scan_real.py
prepares), run `cvet code -p DIR DIR` with and without --no-isolate, REPS times each, alternating, and print
the median CPU seconds (user + system, worker processes included), wall seconds and peak resident memory of
each mode, the overhead, and whether both modes wrote byte-identical JSON.
usage: isolation_bench.py --cvet build/cvet [--reps 3] [-j 2] DIR|DB_DIR:SOURCE_DIR...
"""
import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time


def once(cvet, db, d, jobs, isolate, out):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.time()
    args = [cvet, "code", "-p", db, d, "-j", str(jobs), "-q", "--format", "json", "-o", out, "--fail-on", "none"]
    if not isolate:
        args.append("--no-isolate")
    r = subprocess.run(args, cwd=d, capture_output=True)
    wall = time.time() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if r.returncode == 2:
        sys.exit("cvet failed on %s: %s" % (d, r.stderr.decode(errors="replace")[-500:]))
    return cpu, wall, after.ru_maxrss / 1024


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cvet", required=True)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("-j", type=int, default=2)
    ap.add_argument("dirs", nargs="+")
    a = ap.parse_args()
    cvet = os.path.abspath(a.cvet)
    print("%-28s %10s %10s %9s %9s %9s  %s" % ("project", "cpu in-proc", "cpu isolated", "overhead", "wall in", "wall iso",
                                             "same output"))
    with tempfile.TemporaryDirectory() as tmp:
        for d in a.dirs:
            db, _, src = d.partition(":")  # DB_DIR:SOURCE_DIR for an out-of-tree build (curl's CMake build)
            db = os.path.abspath(db)
            d = os.path.abspath(src or db)
            res = {True: [], False: []}
            outs = {True: os.path.join(tmp, "iso.json"), False: os.path.join(tmp, "inproc.json")}
            for _ in range(a.reps):
                for iso in (False, True):
                    res[iso].append(once(cvet, db, d, a.j, iso, outs[iso]))
            cpu_in = statistics.median(x[0] for x in res[False])
            cpu_iso = statistics.median(x[0] for x in res[True])
            same = open(outs[True], "rb").read() == open(outs[False], "rb").read()
            print("%-28s %10.2f %10.2f %8.1f%% %9.2f %9.2f  %s" % (
                os.path.basename(d), cpu_in, cpu_iso, 100.0 * (cpu_iso - cpu_in) / cpu_in if cpu_in else 0.0,
                statistics.median(x[1] for x in res[False]), statistics.median(x[1] for x in res[True]),
                "yes" if same else "NO"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
