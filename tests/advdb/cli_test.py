#!/usr/bin/env python3
"""cli_test.py - `cvet db` through the real binary: warning lines and summary, exit codes, atomic replace."""
import json, os, subprocess, sys, tempfile

cvet = sys.argv[1]
osv_dir = sys.argv[2] if len(sys.argv) > 2 else None
failures = 0

def check(cond, what):
    global failures
    if not cond:
        failures += 1
        print("FAIL", what)
    else:
        print("ok  ", what)

def run(*args):
    p = subprocess.run([cvet, *args], capture_output=True, text=True, timeout=120)
    return p.returncode, p.stdout, p.stderr

good = {"id": "CLI-1", "modified": "2026-01-01T00:00:00Z", "aliases": ["CVE-2099-1111"],
        "affected": [{"package": {"ecosystem": "Bitnami", "name": "libbar"},
                      "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "2.0"}]}]}]}

with tempfile.TemporaryDirectory() as tmp:
    folder = os.path.join(tmp, "records")
    os.mkdir(folder)
    with open(os.path.join(folder, "good.json"), "w") as f:
        json.dump(good, f)
    for i in range(25):
        with open(os.path.join(folder, "bad-%02d.json" % i), "w") as f:
            f.write('{"id": %d}' % i)
    db = os.path.join(tmp, "a.db")
    rc, out, err = run("db", "import", "--db", db, folder)
    lines = err.strip().splitlines()
    check(rc == 0, "a folder with malformed records imports (exit 0)")
    check(out.startswith("imported 1 records (25 skipped)"), "summary line counts imported and skipped: " + out.strip())
    check(len(lines) == 21 and all(l.startswith("cvet: warning: skipped ") for l in lines[:20])
          and "5 more" in lines[20], "at most 20 warning lines, then a count (%d lines)" % len(lines))

    rc, out, err = run("db", "status", "--db", db)
    check(rc == 0 and "records:  1" in out and "bitnami 1" in out and "schema:   1" in out, "status reports the import")

    before = open(db, "rb").read()
    bad = os.path.join(tmp, "bad.json")
    with open(bad, "w") as f:
        f.write('{"id": "X", "affected": [}')
    rc, out, err = run("db", "import", "--db", db, folder, bad)
    check(rc == 2 and len(err.strip().splitlines()) >= 1 and err.strip().splitlines()[-1].startswith("cvet: error: "),
          "a malformed file named directly fails with exit 2 and a one-line error")
    check(open(db, "rb").read() == before, "the failed import left the database byte-identical")
    check(not [n for n in os.listdir(tmp) if ".tmp-" in n], "no temporary files are left behind")

    notdb = os.path.join(tmp, "text.db")
    with open(notdb, "w") as f:
        f.write("hello " * 100)
    rc, out, err = run("db", "status", "--db", notdb)
    check(rc == 2 and len(err.strip().splitlines()) == 1 and "not a SQLite database" in err, "a text file is refused")
    rc, out, err = run("db", "import", "--db", notdb, folder)
    check(rc == 2 and open(notdb).read() == "hello " * 100, "importing into a non-database fails and leaves it alone")

    rc, out, err = run("db", "frobnicate")
    check(rc == 2, "an unknown subcommand exits 2")

    # an interrupted import leaves the old database as it was and removes its temporary file
    if osv_dir:
        import signal, time
        big = os.path.join(tmp, "big.db")
        run("db", "import", "--db", big, osv_dir)
        before = open(big, "rb").read()
        p = subprocess.Popen([cvet, "db", "import", "--db", big, osv_dir, osv_dir],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(0.2)
        p.send_signal(signal.SIGINT)
        rc = p.wait(timeout=120)
        if rc == 0:
            print("skip  interrupted import (it finished before the signal)")
        else:
            check(open(big, "rb").read() == before, "an interrupted import leaves the database byte-identical")
            check(not [n for n in os.listdir(tmp) if ".tmp-" in n], "an interrupted import leaves no temporary file")

sys.exit(1 if failures else 0)
