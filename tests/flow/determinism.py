#!/usr/bin/env python3
"""determinism.py - the flow engine's output does not depend on thread count or on the order translation
units finish in: scan testdata/flow (every case at once, cross-file summaries between unrelated programs
included) with -j1 and -j2, three times each, and require byte-identical JSON.
usage: determinism.py --cvet PATH --corpus DIR
"""
import argparse
import subprocess
import sys


def run(cvet, corpus, jobs):
    r = subprocess.run([cvet, "code", corpus, "-j", str(jobs), "--profile", "audit", "--format", "json",
                        "--fail-on", "none", "--quiet"],
                       capture_output=True)
    if r.returncode != 0:
        sys.stderr.write(r.stderr.decode(errors="replace"))
        sys.exit("cvet exited %d with -j%d" % (r.returncode, jobs))
    return r.stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cvet", required=True)
    ap.add_argument("--corpus", required=True)
    a = ap.parse_args()
    outs = [run(a.cvet, a.corpus, j) for j in (1, 2, 1, 2, 2, 1)]
    if any(o != outs[0] for o in outs):
        sys.exit("flow findings differ between runs or thread counts")
    if b'"rule_id"' not in outs[0]:
        sys.exit("no findings at all on the corpus?")
    print("ok: %d bytes of identical JSON over %d runs" % (len(outs[0]), len(outs)))


if __name__ == "__main__":
    main()
