#!/usr/bin/env python3
"""test_isolation.py - one hostile file ends its own worker process, never the scan.

One tree holds an ordinary file with gets(), a macro bomb (40 doubling #defines), a function nested 10,000
levels deep, and a file that #includes a FIFO. `cvet code` must finish with a report that still has the
ordinary file's finding, one note for each file it had to give up on (naming the file and the reason), valid
JSON, and bounded memory. A worker killed from outside (as a libclang crash would end it) is a note too.
usage: test_isolation.py --cvet PATH
"""
import argparse
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time

FAILED = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        FAILED.append(what)


def write(path, text):
    with open(path, "w") as f:
        f.write(text)


def make_tree(root):
    write(os.path.join(root, "plain.c"),
          "#include <stdio.h>\nint main(void)\n{\n\tchar b[16];\n\tgets(b);\n\treturn 0;\n}\n")
    bomb = ["#define A0 x"] + ["#define A%d A%d A%d" % (i, i - 1, i - 1) for i in range(1, 41)]
    write(os.path.join(root, "bomb.c"), "\n".join(bomb) + "\nint x;\nint y = A40;\n")
    depth = 10000
    write(os.path.join(root, "deep.c"),
          "int f(int x)\n{\n" + "{" * depth + "x++;" + "}" * depth + "\nreturn x;\n}\n")
    os.mkfifo(os.path.join(root, "pipe.h"))
    write(os.path.join(root, "fifo.c"), '#include "pipe.h"\nint z;\n')
    write(os.path.join(root, "zero.c"), '#include "/dev/zero"\nint w;\n')


def children_of(pid):
    """Every process below pid (the workers are the children of cvet's spawner process)."""
    kids = []
    try:
        for task in os.listdir("/proc/%d/task" % pid):
            with open("/proc/%d/task/%s/children" % (pid, task)) as f:
                kids += [int(k) for k in f.read().split()]
    except OSError:
        pass
    return kids + [g for k in kids for g in children_of(k)]


def wchan_of(pid):
    """What any thread of pid sleeps in ("wait_for_partner" is a FIFO open waiting for a writer)."""
    text = ""
    try:
        for task in os.listdir("/proc/%d/task" % pid):
            with open("/proc/%d/task/%s/wchan" % (pid, task)) as f:
                text += f.read() + " "
    except OSError:
        pass
    return text


def notes_for(report, name):
    return [f for f in report["findings"] if f["rule_id"] == "parse-error" and f["location"]["path"] == name]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cvet", required=True)
    args = ap.parse_args()
    cvet = os.path.abspath(args.cvet)

    with tempfile.TemporaryDirectory() as tmp:
        root = os.path.join(tmp, "tree")
        os.mkdir(root)
        make_tree(root)
        out = os.path.join(tmp, "r.json")
        t0 = time.time()
        r = subprocess.run([cvet, "code", root, "-j2", "--tu-timeout", "8", "--tu-memory", "512", "--format", "json",
                            "-o", out, "--fail-on", "none", "--quiet"], cwd=tmp, capture_output=True, text=True,
                           timeout=300)
        took = time.time() - t0
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        check(r.returncode == 0, "hostile tree: exit 0 (got %d: %s)" % (r.returncode, r.stderr.strip()[-300:]))
        report = json.load(open(out)) if os.path.exists(out) else {"findings": []}
        rules = [(f["rule_id"], f["location"]["path"]) for f in report["findings"]]
        check(("unsafe-gets", "tree/plain.c") in rules, "the ordinary file's finding survives: %s" % rules)
        bomb = notes_for(report, "tree/bomb.c")
        # the watchdog's kill names the bound; when RLIMIT_AS stops it first, libclang recovers and says it crashed
        bounded = ("memory", "longer than", "crashed")
        check(len(bomb) == 1 and any(b in bomb[0]["message"] for b in bounded),
              "macro bomb: one note naming the bound: %s" % [b["message"] for b in bomb])
        fifo = notes_for(report, "tree/fifo.c")
        check(any("longer than 8 s" in f["message"] or "not a regular file" in f["message"] for f in fifo),
              "FIFO include: a note: %s" % [f["message"] for f in fifo])
        zero = notes_for(report, "tree/zero.c")
        check(len(zero) == 1 and any(b in zero[0]["message"] for b in bounded),
              "#include of /dev/zero: one note naming the bound: %s" % [z["message"] for z in zero])
        deep = notes_for(report, "tree/deep.c")
        check(len(deep) >= 1, "10,000-deep nesting: a note: %s" % [d["message"][:120] for d in deep])
        check(took < 120, "finished in %.1f s" % took)
        # a resident bound of 512 MiB per worker, polled every 50 ms: far below what the bomb would take
        check(peak_mb < 2048, "peak memory of any process %.0f MiB" % peak_mb)

        # a worker that dies of a signal while it works is one note; the rest of the scan goes on
        tree2 = os.path.join(tmp, "tree2")
        os.mkdir(tree2)
        write(os.path.join(tree2, "plain.c"),
              "#include <stdio.h>\nint main(void)\n{\n\tchar b[16];\n\tgets(b);\n\treturn 0;\n}\n")
        os.mkfifo(os.path.join(tree2, "pipe.h"))
        write(os.path.join(tree2, "stuck.c"), '#include "pipe.h"\nint z;\n')
        out2 = os.path.join(tmp, "r2.json")
        p = subprocess.Popen([cvet, "code", tree2, "-j1", "--tu-timeout", "120", "--format", "json", "-o", out2,
                              "--fail-on", "none", "--quiet"], cwd=tmp, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
        killed = False
        deadline = time.time() + 60
        while time.time() < deadline and p.poll() is None and not killed:
            for kid in children_of(p.pid):
                if any(w in wchan_of(kid) for w in ("partner", "pipe", "fifo")):
                    # blocked opening the FIFO (on the walker's thread): kill it as a crash would
                    os.kill(kid, signal.SIGSEGV)
                    killed = True
            time.sleep(0.1)
        _, err = p.communicate(timeout=180)
        check(killed, "found the worker blocked on the FIFO and sent it SIGSEGV")
        check(p.returncode == 0, "crashed worker: exit 0 (got %s: %s)" % (p.returncode, err.strip()[-300:]))
        report = json.load(open(out2)) if os.path.exists(out2) else {"findings": []}
        stuck = notes_for(report, "tree2/stuck.c")
        check(any("crashed" in f["message"] and ("signal 11" in f["message"] or "signal 6" in f["message"]) for f in stuck),
              "crashed worker: a note naming the signal (ASan turns SIGSEGV into SIGABRT): %s" % [f["message"] for f in stuck])
        check(any(f["rule_id"] == "unsafe-gets" for f in report["findings"]), "crashed worker: other files still analysed")

        # --no-isolate keeps the old contract: the run is abandoned with exit 2 and no report
        out3 = os.path.join(tmp, "r3.json")
        r = subprocess.run([cvet, "code", tree2, "-j1", "--no-isolate", "--tu-timeout", "3", "--format", "json",
                            "-o", out3, "--quiet"], cwd=tmp, capture_output=True, text=True, timeout=120)
        check(r.returncode == 2 and "--tu-timeout" in r.stderr and not os.path.exists(out3),
              "--no-isolate: exit 2, one line, no report (got %d: %s)" % (r.returncode, r.stderr.strip()))

    if FAILED:
        print("%d case(s) failed" % len(FAILED))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
