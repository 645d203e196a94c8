#!/usr/bin/env python3
"""engine_cost.py - what the flow engine's whole-program analysis costs next to the rest of a scan (numbers
printed, nothing asserted).

For each project, runs `cvet code -j1 --no-isolate --no-cache` (everything in one process, so its CPU time
is the whole scan) with CVET_FLOW_DEBUG=1, which makes the engine print the CPU time of its analysis
(summaries over the call graph and every flow rule). The rest is libclang's parsing, the AST checks and
the lowering into the engine's IR. The issues' budget: analysis at most 1.0x the rest on zlib, curl and
openssl, 2.0x on sqlite3.
usage: tests/bench/engine_cost.py --cvet build/cvet [--profile audit] DIR|DB_DIR:SOURCE_DIR...
  (DIR: a tree with its own compile_commands.json; DB_DIR:SOURCE_DIR: the database's folder and the
  sources to scan, for out-of-tree builds)
"""
import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time


def run(cvet, spec, profile):
    db, src = spec.split(":", 1) if ":" in spec else (spec, spec)
    env = dict(os.environ, CVET_FLOW_DEBUG="1", CVET_NO_CACHE="1")
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "r.json")
        cmd = [os.path.abspath(cvet), "code", "-p", os.path.abspath(db), ".", "-j1", "--no-isolate", "--no-cache",
               "--fail-on", "none", "--quiet", "--format", "json", "-o", out]
        if profile:
            cmd += ["--profile", profile]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.monotonic()
        r = subprocess.run(cmd, cwd=src, env=env, capture_output=True, text=True, errors="replace")
        wall = time.monotonic() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    m = re.findall(r"flow: analysis took ([0-9.]+) s of CPU", r.stderr)
    engine = float(m[-1]) if m else None
    return wall, cpu, engine, r.returncode


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cvet", required=True)
    ap.add_argument("--profile", default=None)
    ap.add_argument("projects", nargs="+")
    a = ap.parse_args()
    print("%-28s %8s %8s %10s %9s %8s" % ("project", "wall s", "cpu s", "analysis s", "rest s", "ratio"))
    for spec in a.projects:
        wall, cpu, engine, rc = run(a.cvet, spec, a.profile)
        name = os.path.basename(os.path.normpath(spec.split(":")[-1]))
        if engine is None:
            print("%-28s %8.2f %8.2f %10s %9s %8s  (exit %d, no analysis time printed)" % (name, wall, cpu, "-", "-", "-", rc))
            continue
        rest = max(cpu - engine, 1e-9)
        print("%-28s %8.2f %8.2f %10.2f %9.2f %7.2fx%s" % (name, wall, cpu, engine, rest, engine / rest,
                                                         "" if rc in (0, 1) else "  (exit %d)" % rc))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
