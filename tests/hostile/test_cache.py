#!/usr/bin/env python3
"""test_cache.py - hostile entries in the incremental cache (analyzer/scan/cache.c): results and input lists
that were mangled, truncated, forged with a valid checksum, or that name a FIFO, a device, a folder or a
relative path are misses (the unit is parsed again and the report is right), never a crash or a hang.
usage: test_cache.py --cvet PATH
"""
import argparse
import hashlib
import os
import random
import re
import sqlite3
import struct
import subprocess
import sys
import tempfile

FAILED = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        FAILED.append(what)


SOURCES = {
    "a.c": '#include <stdio.h>\n#include "h.h"\nvoid a(char *s) { char b[8]; gets(b); shout(s); printf(s); }\n',
    "b.c": '#include <stdlib.h>\nint b(const char *e) { return system(e); }\n',
    "c.c": '#include "h.h"\nint main(int argc, char **argv) { if (argc > 1) shout(argv[1]); return 0; }\n',
    "h.h": '#include <stdio.h>\nstatic inline void shout(const char *s) { fprintf(stderr, s); }\n',
}


M64 = (1 << 64) - 1


def mix64(b, h):
    """scan/cache.c's mix64: 8-byte little-endian words, the tail zero-padded, the length mixed in."""
    k = 0x9E3779B97F4A7C15
    for i in range(0, len(b), 8):
        w = int.from_bytes(b[i:i + 8].ljust(8, b"\0"), "little")
        h = ((h ^ w) * k) & M64
        h ^= h >> 32
    h = ((h ^ len(b)) * k) & M64
    return h ^ (h >> 29)


def entry_sum(key, deps, res):
    h = mix64(key, 0x6376657463616368)
    h = mix64(struct.pack("<Q", len(deps)), h)
    h = mix64(deps, h)
    h = mix64(res, h)
    return h.to_bytes(8, "little")


def str_(s):
    b = s.encode()
    return struct.pack("<I", len(b)) + b


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cvet", required=True)
    a = ap.parse_args()
    cvet = os.path.abspath(a.cvet)
    env = dict(os.environ)
    env.pop("CVET_NO_CACHE", None)
    rng = random.Random(11)

    with tempfile.TemporaryDirectory() as d:
        tree = os.path.join(d, "tree")
        os.makedirs(tree)
        for name, text in SOURCES.items():
            with open(os.path.join(tree, name), "w") as f:
                f.write(text)
        cache = os.path.join(d, "cache")
        db = os.path.join(cache, "cache.db")
        out = os.path.join(d, "out.json")

        def scan(*extra):
            cmd = [cvet, "scan", "--profile", "audit", "--fail-on", "none", "--no-config", "--cache", cache,
                   "--format", "json", "-o", out] + list(extra) + [tree]
            try:
                r = subprocess.run(cmd, capture_output=True, timeout=120, cwd=d, env=env)
            except subprocess.TimeoutExpired:
                return None, None, None
            m = re.search(rb"cvet: cache: (\d+) translation units? from the cache, (\d+) parsed", r.stderr)
            data = open(out, "rb").read() if os.path.exists(out) else None
            return r, data, (int(m.group(1)), int(m.group(2))) if m else None

        r, ref, c = scan()
        check(r is not None and r.returncode == 0 and c == (0, 3), "cold run fills the cache (%s)" % (c,))
        conn = sqlite3.connect(db)
        rows = conn.execute("SELECT key, deps, result FROM unit").fetchall()
        conn.close()
        units = [row for row in rows if row[1] != b"\0\0\0\0"]
        check(len(units) == 3 and len(rows) == 4,
              "three unit entries kept, and the whole program's (an empty input list); mangled below too")
        originals = {k: (dp, rs) for k, dp, rs in rows}

        def put(key, deps, res, fix_sum=True, sum_=None):
            conn = sqlite3.connect(db)
            s = entry_sum(key, deps, res) if fix_sum else (sum_ if sum_ is not None else b"\0" * 32)
            conn.execute("UPDATE unit SET deps = ?, result = ?, sum = ? WHERE key = ?", (deps, res, s, key))
            conn.commit()
            conn.close()

        def restore():
            for k, (dp, rs) in originals.items():
                put(k, dp, rs)

        def case(what, mangle, expect_miss=True):
            restore()
            for k, (dp, rs) in originals.items():
                mangle(k, dp, rs)
            r, data, c = scan()
            if r is None:
                check(False, "%s: the scan hung" % what)
                return
            ok = r.returncode == 0 and b"AddressSanitizer" not in r.stderr and b"runtime error" not in r.stderr
            if expect_miss:
                ok = ok and data == ref and c == (0, 3)
            check(ok, "%s: exit %d, %s (%s)" % (what, r.returncode, c, r.stderr[-200:]))

        # the checksum catches any change to a stored entry
        case("result truncated (old checksum)", lambda k, dp, rs: put(k, dp, rs[: len(rs) // 2], fix_sum=False,
                                                                    sum_=entry_sum(k, dp, rs)))
        case("one bit flipped (old checksum)", lambda k, dp, rs: put(k, dp, flip(rs, rng), fix_sum=False,
                                                                   sum_=entry_sum(k, dp, rs)))
        case("checksum missing", lambda k, dp, rs: put(k, dp, rs, fix_sum=False, sum_=b""))
        # forged entries with a valid checksum: the readers refuse what is not a unit
        case("result truncated (forged checksum)", lambda k, dp, rs: put(k, dp, rs[: len(rs) // 2]))
        case("result of random bytes", lambda k, dp, rs: put(k, dp, bytes(rng.randrange(256) for _ in range(len(rs)))))
        case("result claims 4 billion findings", lambda k, dp, rs: put(k, dp, b"\xff\xff\xff\xff" + rs[4:]))
        case("result with trailing bytes", lambda k, dp, rs: put(k, dp, rs + b"\0\0\0\0"))
        case("empty result", lambda k, dp, rs: put(k, dp, b""))
        case("input list of random bytes", lambda k, dp, rs: put(k, bytes(rng.randrange(256) for _ in range(64)), rs))
        case("input list claims 4 billion files", lambda k, dp, rs: put(k, b"\xff\xff\xff\xff" + dp[4:], rs))
        fifo = os.path.join(d, "fifo")
        os.mkfifo(fifo)
        for what, path in (("a FIFO", fifo), ("a device", "/dev/zero"), ("a folder", d), ("a relative path", "h.h"),
                           ("a missing file", os.path.join(d, "gone.h"))):
            deps = struct.pack("<I", 1) + str_(path) + struct.pack("<Q", 0) + hashlib.sha256(b"").digest()
            case("input list naming %s" % what, lambda k, dp, rs, deps=deps: put(k, deps, rs))
        # random bit flips with a forged checksum may still read as some unit: no crash, no hang is what holds
        for i in range(12):
            case("forged flip %d" % i, lambda k, dp, rs: put(k, dp, flip(rs, rng)), expect_miss=False)
        restore()
        r, data, c = scan()
        check(r is not None and data == ref and c == (3, 0), "the restored entries are hits again (%s)" % (c,))

    if FAILED:
        print("%d case(s) failed" % len(FAILED))
        return 1
    return 0


def flip(b, rng):
    if not b:
        return b
    i = rng.randrange(len(b))
    return b[:i] + bytes([b[i] ^ (1 << rng.randrange(8))]) + b[i + 1:]


if __name__ == "__main__":
    sys.exit(main())
