#!/usr/bin/env python3
"""osv_dump_bench.py - import a generated full-OSV-dump zip and print records/s and peak RSS (a benchmark, not a test).

Generates a zip of N OSV records (default 200,000) shaped like an OSV ecosystem export: one JSON file per
record, 1-6 KB each (details, references, ranges, a version list), spread over several ecosystems, most of
them ones cvet never matches (PyPI, npm, Maven, Go, crates.io, Debian:12, Ubuntu:22.04:LTS) and a few it does
(OSS-Fuzz, Bitnami, Julia). Then runs `cvet db import -q --db TMP ZIP` and prints the entries read per
second, the records kept, and the child's peak resident memory (ru_maxrss from wait4).
usage: osv_dump_bench.py --cvet build/cvet [--records 200000] [--keep ZIP]
The generator (make_dump) is also used by tests/advdb/osv_dump_test.py.
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import zipfile

SKIPPED = ["PyPI", "npm", "Maven", "Go", "crates.io", "Debian:12", "Ubuntu:22.04:LTS"]
KEPT = ["OSS-Fuzz", "Bitnami", "Julia"]
WORDS = ("buffer overflow heap use after free out of bounds read write integer crafted input remote attacker "
         "denial of service memory corruption parser function allows via length check missing when handling "
         "malformed request header certificate decoder image font archive stream").split()


def record(i, rng, eco):
    name = "pkg%d" % rng.randrange(5000) if eco not in KEPT else rng.choice(["zlib", "libpng", "curl", "expat", "libxml2"])
    n_words = rng.randrange(80, 700)
    details = " ".join(rng.choice(WORDS) for _ in range(n_words))
    fixed = "%d.%d.%d" % (rng.randrange(1, 9), rng.randrange(30), rng.randrange(30))
    versions = ["%d.%d.%d" % (rng.randrange(1, 9), rng.randrange(30), k) for k in range(rng.randrange(0, 40))]
    rec = {
        "schema_version": "1.6.0",
        "id": "BENCH-%07d" % i,
        "modified": "2026-%02d-%02dT12:00:00Z" % (rng.randrange(1, 12), rng.randrange(1, 28)),
        "published": "2025-%02d-%02dT12:00:00Z" % (rng.randrange(1, 12), rng.randrange(1, 28)),
        "aliases": ["CVE-2025-%05d" % rng.randrange(100000)],
        "summary": " ".join(rng.choice(WORDS) for _ in range(10)),
        "details": details,
        "affected": [{
            "package": {"ecosystem": eco, "name": name, "purl": "pkg:generic/%s" % name},
            "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": fixed}]}],
            "versions": versions,
            "database_specific": {"source": "https://example.invalid/%d.json" % i},
        }],
        "references": [{"type": "WEB", "url": "https://example.invalid/advisory/%d/%d" % (i, k)}
                       for k in range(rng.randrange(1, 8))],
        "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],
    }
    return json.dumps(rec, indent=2).encode()


def make_dump(path, n, seed=2026, kept_share=0.05):
    """Write a zip of n records; returns the number in ecosystems cvet keeps."""
    rng = random.Random(seed)
    kept = 0
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        for i in range(n):
            eco = rng.choice(KEPT) if rng.random() < kept_share else rng.choice(SKIPPED)
            kept += eco in KEPT
            z.writestr("BENCH-%07d.json" % i, record(i, rng, eco))
    return kept


def run_import(cvet, zip_path, db):
    """Run the import; returns (exit code, seconds, peak RSS in MB, stdout, stderr)."""
    t0 = time.time()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        p = subprocess.Popen([cvet, "db", "import", "-q", "--db", db, zip_path], stdout=out, stderr=err)
        _, status, usage = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        dt = time.time() - t0
        out.seek(0)
        err.seek(0)
        return p.returncode, dt, usage.ru_maxrss / 1024.0, out.read().decode(errors="replace"), \
            err.read().decode(errors="replace")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cvet", required=True)
    ap.add_argument("--records", type=int, default=200000)
    ap.add_argument("--keep", help="write the zip here and keep it")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        zp = a.keep or os.path.join(tmp, "dump.zip")
        t0 = time.time()
        kept = make_dump(zp, a.records)
        print("generated %d records (%d in ecosystems cvet keeps), %.1f MB zip, in %.1f s"
              % (a.records, kept, os.path.getsize(zp) / 1e6, time.time() - t0))
        rc, dt, rss, out, err = run_import(a.cvet, zp, os.path.join(tmp, "bench.db"))
        if rc != 0:
            sys.exit("import failed (%d): %s" % (rc, err[-500:]))
        print(out.strip())
        print("import: %.1f s, %.0f records/s read, peak RSS %.1f MB" % (dt, a.records / dt, rss))


if __name__ == "__main__":
    main()
