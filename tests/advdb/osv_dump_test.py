#!/usr/bin/env python3
"""osv_dump_test.py - full OSV dumps through `cvet db import`: bounded memory, other ecosystems left out, progress
line, hostile archives (bomb entry, a million entries claimed, control characters in names, truncation, an
oversized record), and the stale-database warning of `cvet db status`.
usage: osv_dump_test.py CVET"""
import datetime, json, os, pty, struct, subprocess, sys, tempfile, zipfile, zlib

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "bench"))
from osv_dump_bench import make_dump, run_import  # noqa: E402

cvet = sys.argv[1]
failures = 0
RSS_LIMIT_MB = 200


def check(cond, what):
    global failures
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures += 1


def run(*args, **kw):
    p = subprocess.run([cvet, *args], capture_output=True, text=True, timeout=600, **kw)
    return p.returncode, p.stdout, p.stderr


def under_asan():
    """1 when the binary is built with AddressSanitizer: it then prints its flag list for help=1."""
    env = dict(os.environ, ASAN_OPTIONS="help=1")
    p = subprocess.run([cvet, "--version"], capture_output=True, text=True, env=env, timeout=60)
    return "Available flags for AddressSanitizer" in p.stderr + p.stdout


def rec(i, eco=None, name="zlib", modified="2026-01-01T00:00:00Z"):
    r = {"id": "DUMP-%d" % i, "modified": modified,
         "affected": [{"ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "9.%d" % i}]}]}]}
    if eco:
        r["affected"][0]["package"] = {"ecosystem": eco, "name": name}
    else:
        r["database_specific"] = {"package": name}
    return json.dumps(r).encode()


def zip64_claim(path, claimed):
    """A one-record archive whose zip64 end record claims `claimed` central-directory entries."""
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("a.json", rec(1, "OSS-Fuzz"))
    data = open(path, "rb").read()
    e = data.rindex(b"PK\x05\x06")
    _, _, _, _, cd_size, cd_off, _ = struct.unpack("<IHHHHII", data[e:e + 20])
    body = data[:e]
    z64_off = len(body)
    z64 = struct.pack("<IQHHIIQQQQ", 0x06064b50, 44, 45, 45, 0, 0, claimed, claimed, cd_size, cd_off)
    loc = struct.pack("<IIQI", 0x07064b50, 0, z64_off, 1)
    eocd = struct.pack("<IHHHHIIH", 0x06054b50, 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0)
    with open(path, "wb") as f:
        f.write(body + z64 + loc + eocd)


with tempfile.TemporaryDirectory() as tmp:
    db = lambda name: os.path.join(tmp, name + ".db")  # noqa: E731

    # ---- a 20,000-record dump: imported with bounded memory, other ecosystems left out ----
    dump = os.path.join(tmp, "dump.zip")
    kept = make_dump(dump, 20000)
    rc, dt, rss, out, err = run_import(cvet, dump, db("dump"))
    check(rc == 0, "a 20,000-record dump imports (exit %d, %.1f s) %s" % (rc, dt, err[-300:]))
    check(out.startswith("imported %d records (0 skipped)" % kept) and "%d records for ecosystems" % (20000 - kept) in out,
          "only records of ecosystems cvet matches are kept: " + out.strip())
    check(err == "", "-q prints no progress line: %r" % err[:200])
    if under_asan():
        print("skip peak RSS check: built with AddressSanitizer (its shadow memory is not cvet's)")
    else:
        check(rss <= RSS_LIMIT_MB, "peak RSS %.1f MB <= %d MB" % (rss, RSS_LIMIT_MB))

    # ---- progress: redrawn on a terminal, nothing in a log for a short import ----
    mini = os.path.join(tmp, "mini.zip")
    with zipfile.ZipFile(mini, "w", zipfile.ZIP_DEFLATED) as z:
        for i in range(50):
            z.writestr("r%d.json" % i, rec(i, "OSS-Fuzz" if i % 2 else "PyPI"))
    master, slave = pty.openpty()
    p = subprocess.run([cvet, "db", "import", "--db", db("tty"), mini], stdout=subprocess.PIPE, stderr=slave, timeout=120)
    os.close(slave)
    tty = b""
    try:
        while True:
            chunk = os.read(master, 65536)
            if not chunk:
                break
            tty += chunk
    except OSError:
        pass
    os.close(master)
    check(p.returncode == 0 and b"\r" in tty and b"50/50 entries, 25 records imported, 25 skipped" in tty,
          "on a terminal the progress line is redrawn and ends with the totals: %r" % tty[-160:])
    rc, out, err = run("db", "import", "--db", db("log"), mini)
    check(rc == 0 and err == "", "a short import into a log prints no progress line: %r" % err[:200])

    # ---- which ecosystems are kept ----
    eco = os.path.join(tmp, "eco.zip")
    with zipfile.ZipFile(eco, "w") as z:
        z.writestr("1.json", rec(1, "PyPI"))
        z.writestr("2.json", rec(2, "Debian:12"))
        z.writestr("3.json", rec(3, "ConanCenter"))
        z.writestr("4.json", rec(4))  # no ecosystem (curl/OpenSSL style): kept
        mixed = json.loads(rec(5, "npm"))
        mixed["affected"].append({"package": {"ecosystem": "OSS-Fuzz", "name": "zlib"},
                                  "ranges": [{"type": "GIT", "repo": "https://x.invalid/z", "events": [{"introduced": "0"}]}]})
        z.writestr("5.json", json.dumps(mixed))
        z.writestr("6.json", rec(6, "Ubuntu:22.04:LTS"))
        z.writestr("7.json", rec(7, "oss-fuzz"))
    rc, out, err = run("db", "import", "-q", "--db", db("eco"), eco)
    check(rc == 0 and out.startswith("imported 4 records") and "3 records for ecosystems" in out,
          "PyPI, Debian:12, Ubuntu:22.04:LTS left out; ConanCenter, none, mixed, oss-fuzz kept: " + out.strip())

    # ---- hostile archives ----
    bomb = os.path.join(tmp, "bomb.zip")
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("a.json", rec(1, "OSS-Fuzz"))
        with z.open("bomb.json", "w", force_zip64=True) as f:
            zero = b"\0" * (1 << 20)
            for _ in range(300):
                f.write(zero)
    print("bomb: %d bytes compressed, 300 MiB inflated" % os.path.getsize(bomb))
    rc, dt, rss, out, err = run_import(cvet, bomb, db("bomb"))
    check(rc == 2 and "zip bomb" in err and len(err.strip().splitlines()) == 1, "a zip bomb entry fails with exit 2: " + err.strip())
    check(not os.path.exists(db("bomb")), "no database is left behind by the bomb")

    for claimed, what in ((1000000, "out of bounds"), (1000001, "entries (limit")):
        many = os.path.join(tmp, "many%d.zip" % claimed)
        zip64_claim(many, claimed)
        rc, dt, rss, out, err = run_import(cvet, many, db("many"))
        check(rc == 2 and what in err and "Traceback" not in err,
              "%d central-directory entries claimed: exit 2 (%s), peak RSS %.1f MB" % (claimed, err.strip(), rss))

    ctrl = os.path.join(tmp, "ctrl.zip")
    with zipfile.ZipFile(ctrl, "w") as z:
        z.writestr("ok.json", rec(1, "OSS-Fuzz"))
        z.writestr("evil\x1b]0;owned\x07\x1b[2J.json", rec(2, "OSS-Fuzz"))
    rc, out, err = run("db", "import", "-q", "--db", db("ctrl"), ctrl)
    check(rc == 0 and out.startswith("imported 1 records (1 skipped)") and "control characters" in err and "\x1b" not in err,
          "a name with control characters is skipped with a warning that holds none: %r" % err.strip())

    full = open(mini, "rb").read()
    for cut, label in ((len(full) // 2, "half"), (len(full) - 10, "its end record")):
        trunc = os.path.join(tmp, "trunc.zip")
        with open(trunc, "wb") as f:
            f.write(full[:cut])
        rc, out, err = run("db", "import", "-q", "--db", db("trunc"), trunc)
        check(rc == 2 and err.startswith("cvet: error: ") and len(err.strip().splitlines()) == 1,
              "a zip truncated by %s fails with exit 2: %s" % (label, err.strip()))

    big = os.path.join(tmp, "big.zip")
    with zipfile.ZipFile(big, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("small.json", rec(1, "OSS-Fuzz"))
        r = json.loads(rec(2, "OSS-Fuzz"))
        r["details"] = os.urandom(3 << 20).hex()  # 6 MiB of text that compresses about 2:1
        z.writestr("big.json", json.dumps(r))
    rc, out, err = run("db", "import", "-q", "--db", db("big"), big)
    check(rc == 0 and out.startswith("imported 1 records (1 skipped)") and "limit" in err and "per record" in err,
          "a record over the per-record cap is skipped with a warning: %s" % err.strip())

    # ---- the stale-database warning ----
    today = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT00:00:00Z")
    stale, fresh = os.path.join(tmp, "stale.json"), os.path.join(tmp, "fresh.json")
    with open(stale, "wb") as f:
        f.write(rec(1, "OSS-Fuzz", modified="2020-03-01T00:00:00Z"))
    with open(fresh, "wb") as f:
        f.write(rec(2, "OSS-Fuzz", modified=today))
    run("db", "import", "--db", db("stale"), stale)
    rc, out, err = run("db", "status", "--db", db("stale"))
    check(rc == 0 and "days old (over 90)" in err and "newest:   2020-03-01" in out,
          "status warns when the newest record is over 90 days old: " + err.strip())
    run("db", "import", "--db", db("stale"), fresh)
    rc, out, err = run("db", "status", "--db", db("stale"))
    check(rc == 0 and err == "" and today[:10] in out, "no warning once a fresh record is in: %r" % err)
    pub = json.loads(rec(3, "OSS-Fuzz", modified="2020-01-01T00:00:00Z"))
    pub["published"] = today
    with open(fresh, "w") as f:
        json.dump(pub, f)
    run("db", "import", "--db", db("pub"), fresh)
    rc, out, err = run("db", "status", "--db", db("pub"))
    check(rc == 0 and err == "", "a recent 'published' date counts as new: %r" % err)

print("%d failure(s)" % failures)
sys.exit(1 if failures else 0)
