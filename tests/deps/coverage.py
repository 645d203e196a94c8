#!/usr/bin/env python3
"""coverage.py - how much of the real samples' dependencies cvet compares against advisories.

Runs `cvet deps --format json` over testdata/deps/real/ (manifests and lockfiles of public projects, see
its SOURCES.md) and prints, of the packages pinned there: how many have a version cvet could read, how many
have a name the name map knows (an upstream project), and how many were compared against advisories (the
"checked" flag). With --min-checked N / --min-known N it fails (exit 1) when fewer were checked / had a
known name, so coverage cannot regress (registered as the ctest deps_coverage); --unknown lists the names with a version but no upstream project (candidates for the name map).

Usage: coverage.py --cvet PATH --testdata DIR [--db PATH] [--min-checked N] [--min-known N] [--unknown] [--json]
"""
import argparse
import collections
import json
import os
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cvet", required=True)
    ap.add_argument("--testdata", required=True)
    ap.add_argument("--db")
    ap.add_argument("--min-checked", type=int, default=0)
    ap.add_argument("--min-known", type=int, default=0, help="floor for packages with a version and a known name")
    ap.add_argument("--unknown", action="store_true", help="list versioned packages with no upstream project")
    ap.add_argument("--json", action="store_true", help="print the numbers as one JSON object")
    a = ap.parse_args()
    base = os.path.join(a.testdata, "deps", "real")
    cmd = [a.cvet, "deps", "--format", "json", "--no-config", "-q", "--fail-on", "none", "--root", base]
    if a.db:
        cmd += ["--db", a.db]
    env = dict(os.environ)
    env.pop("CVET_DB", None)
    p = subprocess.run(cmd + [base], capture_output=True, text=True, timeout=300, env=env)
    if p.returncode not in (0, 1):
        print("coverage: cvet exited %d: %s" % (p.returncode, p.stderr.strip()[-500:]), file=sys.stderr)
        return 2
    deps = json.loads(p.stdout)["dependencies"]
    n = len(deps)
    versioned = [d for d in deps if d.get("version")]
    named = [d for d in versioned if d.get("upstream")]
    checked = [d for d in deps if d.get("checked")]
    manifests = {d["location"]["path"] for d in deps}
    stats = {"manifests": len(manifests), "pinned": n, "versioned": len(versioned),
             "versioned_known_name": len(named), "checked": len(checked),
             "no_version": n - len(versioned), "unknown_name": len(versioned) - len(named),
             "known_no_data": len(named) - len([d for d in named if d.get("checked")])}
    if a.json:
        print(json.dumps(stats, sort_keys=True))
    else:
        pct = lambda k: 100.0 * k / n if n else 0.0
        print("real samples: %d packages pinned in %d manifests" % (n, len(manifests)))
        print("  with a readable version:        %4d (%4.1f%%)" % (len(versioned), pct(len(versioned))))
        print("  ... and a known upstream name:  %4d (%4.1f%%)" % (len(named), pct(len(named))))
        print("  compared against advisories:    %4d (%4.1f%%)" % (len(checked), pct(len(checked))))
        print("  no version %d; a version but a name the map does not know %d; a known name but no advisory data"
              " for it in the database %d" % (stats["no_version"], stats["unknown_name"], stats["known_no_data"]))
    if a.unknown:
        c = collections.Counter("%s:%s" % (d["ecosystem"], d["name"]) for d in versioned if not d.get("upstream"))
        for k, v in sorted(c.items()):
            print("  unknown %s (%d)" % (k, v))
    rc = 0
    if len(checked) < a.min_checked:
        print("coverage: %d packages checked, fewer than the floor %d" % (len(checked), a.min_checked),
              file=sys.stderr)
        rc = 1
    if len(named) < a.min_known:
        print("coverage: %d packages with a version and a known name, fewer than the floor %d" %
              (len(named), a.min_known), file=sys.stderr)
        rc = 1
    return rc


if __name__ == "__main__":
    sys.exit(main())
