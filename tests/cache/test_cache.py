#!/usr/bin/env python3
"""test_cache.py - the incremental cache (analyzer/scan/cache.c): a warm scan reports byte-for-byte what a cold
one does (isolated or not, -j1 or -j2), re-parses only what changed (a .c file, a header and its includers),
misses on other flags, rules or config, survives a damaged or foreign cache file, concurrent runs and a tight
size bound, refuses unsafe folders, and 'cvet cache status|clear' work.
usage: test_cache.py --cvet PATH --corpus DIR (testdata/flow: flows between translation units)
"""
import argparse
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile

FAILED = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        FAILED.append(what)


def counts(stderr):
    """(from cache, parsed) of the 'cvet: cache:' line, or None."""
    m = re.search(rb"cvet: cache: (\d+) translation units? from the cache, (\d+) parsed", stderr)
    return (int(m.group(1)), int(m.group(2))) if m else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cvet", required=True)
    ap.add_argument("--corpus", required=True)
    a = ap.parse_args()
    cvet = os.path.abspath(a.cvet)
    env = dict(os.environ)
    env.pop("CVET_NO_CACHE", None)
    env.pop("CVET_CACHE_DIR", None)

    with tempfile.TemporaryDirectory() as d:
        tree = os.path.join(d, "tree")
        os.makedirs(tree)
        for rule in ("format-string", "use-after-free", "command-injection"):
            shutil.copytree(os.path.join(a.corpus, rule), os.path.join(tree, rule))
        ntu = sum(1 for _, _, fs in os.walk(tree) for f in fs if f.endswith((".c", ".cpp")))
        cache = os.path.join(d, "cache")
        out = os.path.join(d, "out")
        os.makedirs(out)

        def run(args, cache_dir=cache, extra_env=None, path=tree):
            e = dict(env)
            if extra_env:
                e.update(extra_env)
            cmd = [cvet, "scan", "--profile", "audit", "--fail-on", "none", "--no-config"]
            if cache_dir:
                cmd += ["--cache", cache_dir]
            return subprocess.run(cmd + args + [path], capture_output=True, timeout=900, cwd=d, env=e)

        def scan(name, args=(), **kw):
            o = os.path.join(out, name)
            r = run(["--format", "json", "-o", o] + list(args), **kw)
            data = open(o, "rb").read() if r.returncode == 0 and os.path.exists(o) else None
            return r, data, counts(r.stderr)

        r, ref, _ = scan("ref.json", ["--no-cache"])
        check(r.returncode == 0 and ref and b'"findings"' in ref, "reference run without the cache: exit %d" % r.returncode)
        check(counts(r.stderr) is None, "--no-cache prints no cache line")

        r, cold, c = scan("cold.json")
        check(r.returncode == 0 and cold == ref, "cold run with the cache = run without it (byte for byte)")
        check(c == (0, ntu), "cold run: 0 from the cache, %d parsed (got %s)" % (ntu, c))
        check(stat_mode(cache) == 0o700, "the cache folder is created 0700 (got %o)" % stat_mode(cache))
        for name, args in (("warm.json", []), ("warm-j1.json", ["-j1"]), ("warm-j2.json", ["-j2"]),
                           ("warm-noiso.json", ["--no-isolate"]), ("warm-noiso-j1.json", ["--no-isolate", "-j1"])):
            r, warm, c = scan(name, args)
            check(r.returncode == 0 and warm == ref, "warm run %s = cold run (byte for byte)" % " ".join(args))
            check(c == (ntu, 0), "warm run %s: %d from the cache, 0 parsed (got %s)" % (" ".join(args), ntu, c))
        sarif_ref = os.path.join(out, "ref.sarif")
        sarif_warm = os.path.join(out, "warm.sarif")
        run(["--no-cache", "--format", "sarif", "-o", sarif_ref])
        run(["--format", "sarif", "-o", sarif_warm])
        check(open(sarif_ref, "rb").read() == open(sarif_warm, "rb").read(), "warm SARIF = SARIF without the cache")

        # a cache filled --no-isolate serves isolated runs and the other way round
        other = os.path.join(d, "cache-noiso")
        r, x, c = scan("noiso-cold.json", ["--no-isolate"], cache_dir=other)
        check(x == ref and c == (0, ntu), "cold --no-isolate run = reference (%s)" % (c,))
        r, x, c = scan("noiso-warm.json", [], cache_dir=other)
        check(x == ref and c == (ntu, 0), "isolated run from a --no-isolate cache = reference (%s)" % (c,))

        # touching a file without changing it changes nothing; editing one .c re-parses only that unit
        one = os.path.join(tree, "format-string", "direct_bad.c")
        os.utime(one, None)
        r, x, c = scan("touched.json")
        check(x == ref and c == (ntu, 0), "mtime-only touch: still all from the cache (%s)" % (c,))
        with open(one, "a") as f:
            f.write("\nint cache_test_added(void) { return 1; }\n")
        r, edited_ref, _ = scan("edited-ref.json", ["--no-cache"])
        r, x, c = scan("edited.json")
        check(c == (ntu - 1, 1), "one .c edited: %d from the cache, 1 parsed (got %s)" % (ntu - 1, c))
        check(x == edited_ref, "after the edit: the report of a run without the cache")

        # editing a header re-parses every unit that includes it, and only those
        hdr = None
        for root, _, fs in os.walk(tree):
            for f in sorted(fs):
                if f.endswith(".h") and hdr is None:
                    hdr = os.path.join(root, f)
        includers = 0
        base = os.path.basename(hdr)
        for root, _, fs in os.walk(os.path.dirname(hdr)):
            for f in fs:
                if f.endswith(".c") and ('"%s"' % base) in open(os.path.join(root, f), errors="replace").read():
                    includers += 1
        with open(hdr, "a") as f:
            f.write("\n/* edited */\n")
        r, hdr_ref, _ = scan("hdr-ref.json", ["--no-cache"])
        r, x, c = scan("hdr.json")
        check(includers > 0 and c == (ntu - includers, includers),
              "header %s edited: its %d includers parsed again (got %s)" % (base, includers, c))
        check(x == hdr_ref, "after the header edit: the report of a run without the cache")
        r, x, c = scan("hdr2.json")
        check(c == (ntu, 0) and x == hdr_ref, "and the run after it: all from the cache again (%s)" % (c,))

        # the whole-program part (the flow analysis across units) follows a header edit in a unit it does not
        # re-parse: a.c (unchanged, from the cache) hands input to b.c, whose sink a header switches off and on
        prog = os.path.join(d, "prog")
        os.makedirs(prog)
        with open(os.path.join(prog, "a.c"), "w") as f:
            f.write('#include <sys/types.h>\n#include <sys/socket.h>\nint run_it(const char *c);\n'
                    'int serve(int s)\n{\n\tchar cmd[64];\n\tssize_t n = recv(s, cmd, sizeof cmd - 1, 0);\n'
                    '\tif (n <= 0)\n\t\treturn -1;\n\tcmd[n] = 0;\n\treturn run_it(cmd);\n}\n')
        with open(os.path.join(prog, "b.c"), "w") as f:
            f.write('#include <stdlib.h>\n#include "cfg.h"\nint run_it(const char *c)\n{\n'
                    '\tif (USE_SHELL)\n\t\treturn system(c);\n\treturn 0;\n}\n')
        pcache = os.path.join(d, "cache-prog")
        for step, flag in enumerate((1, 0, 1, 0)):
            with open(os.path.join(prog, "cfg.h"), "w") as f:
                f.write("#define USE_SHELL %d\n" % flag)
            r, pref, _ = scan("prog-ref-%d.json" % step, ["--no-cache"], path=prog)
            r, x, c = scan("prog-%d.json" % step, cache_dir=pcache, path=prog)
            r2, x2, c2 = scan("prog-again-%d.json" % step, cache_dir=pcache, path=prog)
            want = b"command-injection" in (pref or b"")
            check(want == bool(flag), "header switch %d: the reference run %s the cross-unit flow"
                  % (flag, "reports" if flag else "does not report"))
            check(x == pref and x2 == pref, "header switch %d (step %d): cached runs = run without the cache (%s, %s)"
                  % (flag, step, c, c2))

        # another flag, rule switch or config misses; going back hits again
        r, x, c = scan("flag.json", ["--extra-arg=-DCACHE_TEST_FLAG=1"])
        check(c == (0, ntu), "another compile flag: every unit parsed (%s)" % (c,))
        r, x, c = scan("rule.json", ["--disable", "format-string"])
        check(c == (0, ntu), "another rule switch: every unit parsed (%s)" % (c,))
        cfg = os.path.join(d, "cfg.json")
        with open(cfg, "w") as f:
            f.write('{"rules": {"use-after-free": "low"}}')
        cmd_cfg = ["--config", cfg]
        r = subprocess.run([cvet, "scan", "--profile", "audit", "--fail-on", "none", "--cache", cache] + cmd_cfg +
                           ["--format", "json", "-o", os.path.join(out, "cfg.json"), tree], capture_output=True,
                           timeout=900, cwd=d, env=env)
        check(counts(r.stderr) == (0, ntu), "another config file: every unit parsed (%s)" % (counts(r.stderr),))
        r, x, c = scan("back.json")
        check(c == (ntu, 0) and x == hdr_ref, "back to the first options: all from the cache (%s)" % (c,))

        # two runs at once on one cache, both right; a third finds everything
        fresh = os.path.join(d, "cache-concurrent")
        procs = []
        for k in range(2):
            o = os.path.join(out, "conc%d.json" % k)
            cmd = [cvet, "scan", "--profile", "audit", "--fail-on", "none", "--no-config", "--cache", fresh, "-j1",
                   "--format", "json", "-o", o, tree]
            procs.append((subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=d, env=env), o))
        for p, o in procs:
            _, err = p.communicate(timeout=900)
            check(p.returncode == 0 and open(o, "rb").read() == hdr_ref,
                  "concurrent run: exit %d, report right (%s)" % (p.returncode, err[-200:]))
        r, x, c = scan("after-conc.json", cache_dir=fresh)
        check(c == (ntu, 0) and x == hdr_ref, "after two concurrent runs: all from the cache (%s)" % (c,))

        # a damaged cache file (garbage, truncated) and a foreign SQLite file are moved aside with one note
        for what, damage in (("garbage", lambda p: open(p, "wb").write(b"not a database at all" * 100)),
                             ("truncated", lambda p: truncate_half(p)),
                             ("foreign", lambda p: foreign_db(p))):
            broken = os.path.join(d, "cache-" + what)
            scan("fill-%s.json" % what, cache_dir=broken)
            db = os.path.join(broken, "cache.db")
            for suffix in ("-wal", "-shm"):
                if os.path.exists(db + suffix):
                    os.remove(db + suffix)
            damage(db)
            r, x, c = scan("%s.json" % what, cache_dir=broken)
            notes = r.stderr.count(b"cvet: note:")
            check(r.returncode == 0 and x == hdr_ref, "%s cache file: the scan is right (exit %d)" % (what, r.returncode))
            check(notes <= 1 and b"Traceback" not in r.stderr, "%s cache file: at most one note (%s)" % (what, r.stderr[-300:]))
            if what != "truncated":  # a file cut in half may still open: its damage shows when a page is read
                check(notes == 1 and b"moved it aside" in r.stderr, "%s cache file: moved aside with a note" % what)
            r, x, c = scan("%s-again.json" % what, cache_dir=broken)
            check(r.returncode == 0 and x == hdr_ref and b"cvet: note:" not in r.stderr,
                  "%s cache file: the next run works without a note (%s)" % (what, r.stderr[-200:]))

        # a tight bound evicts the least recently used entries
        tight = os.path.join(d, "cache-tight")
        r, x, c = scan("tight.json", ["--cache-size", "64K"], cache_dir=tight)
        check(r.returncode == 0 and x == hdr_ref, "--cache-size 64K: the report is right")
        size = db_bytes(os.path.join(tight, "cache.db"))
        n = db_entries(os.path.join(tight, "cache.db"))
        check(size <= 64 * 1024 and 0 < n < ntu, "--cache-size 64K: %d bytes of results in %d entries (of %d units)"
              % (size, n, ntu))
        r = subprocess.run([cvet, "cache", "status", "--cache", tight], capture_output=True, env=env)
        check(r.returncode == 0 and b"entries: %d" % n in r.stdout and b"cache.db" in r.stdout,
              "cache status: path and entries (%s)" % r.stdout)
        r = subprocess.run([cvet, "cache", "clear", "--cache", tight], capture_output=True, env=env)
        check(r.returncode == 0 and not os.path.exists(os.path.join(tight, "cache.db")), "cache clear removes the file")
        r = subprocess.run([cvet, "cache", "status", "--cache", tight], capture_output=True, env=env)
        check(r.returncode == 0 and b"entries: 0" in r.stdout, "cache status after clear: no entries")
        r = subprocess.run([cvet, "cache", "frobnicate"], capture_output=True, env=env)
        check(r.returncode == 2 and b"usage: cvet cache" in r.stderr, "cache with an unknown subcommand: exit 2")
        r = run(["--cache-size", "12Q", "--format", "json", "-o", os.path.join(out, "q.json")])
        check(r.returncode == 2 and b"--cache-size" in r.stderr, "a bad --cache-size: exit 2 with a message")

        # unsafe or unusable folders: no cache, one note, the scan as usual
        link = os.path.join(d, "cache-link")
        os.symlink(cache, link)
        open_dir = os.path.join(d, "cache-open")
        os.makedirs(open_dir)
        os.chmod(open_dir, 0o777)
        afile = os.path.join(d, "a-file")
        open(afile, "w").close()
        for what, where, expect in (("a symbolic link", link, b"symbolic link"),
                                    ("writable by others", open_dir, b"others may write"),
                                    ("below a file", os.path.join(afile, "cache"), b"cannot create")):
            r, x, c = scan("unsafe.json", cache_dir=where)
            check(r.returncode == 0 and x == hdr_ref and c is None and r.stderr.count(b"cvet: note:") == 1 and
                  expect in r.stderr, "cache folder %s: no cache, one note (%s)" % (what, r.stderr[-200:]))
        # the default folder inside the scanned tree is not used; HOME and XDG_CACHE_HOME unset: no cache
        r, x, c = scan("inside.json", cache_dir=None, extra_env={"XDG_CACHE_HOME": os.path.join(tree, ".cache")})
        check(r.returncode == 0 and x == hdr_ref and c is None and b"inside the scanned tree" in r.stderr,
              "default cache folder inside the scanned tree: not used, one note")
        e = dict(env)
        e.pop("HOME", None)
        e.pop("XDG_CACHE_HOME", None)
        r = subprocess.run([cvet, "scan", "--profile", "audit", "--fail-on", "none", "--no-config", "--format", "json",
                            "-o", os.path.join(out, "nohome.json"), tree], capture_output=True, cwd=d, env=e, timeout=900)
        check(r.returncode == 0 and b"no cache" in r.stderr, "no HOME and no XDG_CACHE_HOME: no cache, a note")
        r, x, c = scan("envoff.json", cache_dir=None, extra_env={"CVET_NO_CACHE": "1", "XDG_CACHE_HOME": d})
        check(c is None and not os.path.exists(os.path.join(d, "cvet")), "CVET_NO_CACHE=1: no cache")
        r, x, c = scan("envdir.json", cache_dir=None, extra_env={"CVET_CACHE_DIR": os.path.join(d, "envcache")})
        check(c == (0, ntu) and os.path.exists(os.path.join(d, "envcache", "cache.db")), "CVET_CACHE_DIR: the folder")

    if FAILED:
        print("%d case(s) failed" % len(FAILED))
        return 1
    return 0


def stat_mode(p):
    return os.stat(p).st_mode & 0o777


def truncate_half(p):
    n = os.path.getsize(p)
    with open(p, "r+b") as f:
        f.truncate(n // 2)


def foreign_db(p):
    os.remove(p)
    c = sqlite3.connect(p)
    c.execute("CREATE TABLE unit(x)")
    c.execute("PRAGMA application_id = 1234")
    c.commit()
    c.close()


def db_bytes(p):
    c = sqlite3.connect(p)
    try:
        return c.execute("SELECT coalesce(sum(size), 0) FROM unit").fetchone()[0]
    finally:
        c.close()


def db_entries(p):
    c = sqlite3.connect(p)
    try:
        return c.execute("SELECT count(*) FROM unit").fetchone()[0]
    finally:
        c.close()


if __name__ == "__main__":
    sys.exit(main())
