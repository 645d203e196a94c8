#!/usr/bin/env python3
"""flow_bench.py - cost of the flow engine on generated functions (numbers printed, nothing asserted).

Generates one function of N statements (a mix of input reads, guarded arithmetic, branches and a switch),
runs `cvet code` on it and prints wall time, peak memory and time per statement, for 2,000 and 20,000
statements: the engine should stay near-linear in function size (the issue's target: per-statement time
at most 2x apart).
usage: tests/bench/flow_bench.py --cvet build/cvet [--sizes 2000,20000]
"""
import argparse
import os
import resource
import subprocess
import tempfile
import time


def generate(n, path):
    with open(path, "w") as f:
        f.write("#include <stdio.h>\n#include <stdlib.h>\nint big(FILE *fp)\n{\n\tint acc = 0, v = 0;\n\tchar buf[64];\n")
        for i in range(n):
            k = i % 5
            if k == 0:
                f.write('\tif (fscanf(fp, "%%d", &v) == 1 && v > %d)\n\t\tacc += v %% 7;\n' % i)
            elif k == 1:
                f.write("\tacc = acc * 3 + %d;\n" % i)
            elif k == 2:
                f.write("\tif (acc > 1000)\n\t\tacc -= 1000;\n\telse\n\t\tacc += %d;\n" % i)
            elif k == 3:
                f.write("\tif (fgets(buf, sizeof buf, fp))\n\t\tacc += buf[0];\n")
            else:
                f.write("\tswitch (acc & 3) {\n\tcase 0: acc++; break;\n\tcase 1: acc--; break;\n"
                        "\tdefault: acc ^= %d;\n\t}\n" % i)
        f.write("\treturn acc;\n}\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cvet", required=True)
    ap.add_argument("--sizes", default="2000,20000")
    a = ap.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in [int(x) for x in a.sizes.split(",")]:
            src = os.path.join(tmp, "big%d.c" % n)
            generate(n, src)
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.monotonic()
            r = subprocess.run([a.cvet, "code", src, "--fail-on", "none", "--quiet", "--format", "json", "-o",
                                os.path.join(tmp, "out.json")], capture_output=True, text=True)
            wall = time.monotonic() - t0
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            rows.append((n, wall, cpu, after.ru_maxrss, r.returncode))
    print("%10s %9s %9s %12s %16s" % ("statements", "wall s", "cpu s", "peak MiB", "cpu us/statement"))
    for n, wall, cpu, rss, rc in rows:
        print("%10d %9.2f %9.2f %12.1f %16.1f%s" % (n, wall, cpu, rss / 1024.0, cpu * 1e6 / n,
                                                    "" if rc == 0 else "  (exit %d)" % rc))
    if len(rows) >= 2:
        print("per-statement cost ratio (largest / smallest): %.2f" % ((rows[-1][2] / rows[-1][0]) / (rows[0][2] / rows[0][0])))


if __name__ == "__main__":
    main()
