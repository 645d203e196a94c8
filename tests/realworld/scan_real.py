#!/usr/bin/env python3
"""scan_real.py - scan real projects from Debian source packages and print numbers (not a timed test).

For each project: prepare a compilation database (CMake or bear), then print files, findings by rule,
and wall time of `cvet code -j1` and `-j2` against `clang -fsyntax-only` over the same files (the parse is
the floor for any libclang tool). Exits nonzero only when cvet crashes or exits with status 2.

usage: tests/realworld/scan_real.py --cvet build/cvet [--work /tmp/cvet-real] [zlib curl ...]
"""
import argparse
import collections
import json
import os
import shlex
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def sh(cmd, cwd=None, quiet=True):
    r = subprocess.run(cmd, cwd=cwd, shell=isinstance(cmd, str),
                       stdout=subprocess.DEVNULL if quiet else None, stderr=subprocess.DEVNULL if quiet else None)
    return r.returncode


def srcdir(work, pkg):
    for d in sorted(os.listdir(work)):
        if d.startswith(pkg + "-") and os.path.isdir(os.path.join(work, d)) and not d.endswith("-build"):
            return os.path.join(work, d)
    return None


def prepare(work, pkg):
    """Return a directory holding compile_commands.json for pkg, building one if needed."""
    src = srcdir(work, pkg)
    if not src:
        raise SystemExit("source of %s not found under %s" % (pkg, work))
    build = os.path.join(work, pkg + "-build")
    db = os.path.join(build, "compile_commands.json")
    if os.path.exists(db) and os.path.getsize(db) > 16:
        # a CMake build folder holds only the database; a bear build is a full copy of the tree
        return build, (src if os.path.exists(os.path.join(build, "CMakeCache.txt")) else build)
    if os.path.isdir(build):
        shutil.rmtree(build)  # an earlier attempt that produced an empty database
    if pkg == "curl":
        flags = ("-DCURL_USE_OPENSSL=OFF -DCURL_ENABLE_SSL=OFF -DUSE_LIBIDN2=OFF -DCURL_USE_LIBPSL=OFF "
                 "-DCURL_ZLIB=OFF -DCURL_BROTLI=OFF -DCURL_ZSTD=OFF -DUSE_NGHTTP2=OFF -DCURL_USE_LIBSSH2=OFF "
                 "-DBUILD_TESTING=OFF -DENABLE_CURL_MANUAL=OFF")
        sh("cmake -S %s -B %s -DCMAKE_EXPORT_COMPILE_COMMANDS=ON %s" % (shlex.quote(src), shlex.quote(build), flags))
        return build, src
    # autotools/Makefile projects: build once under bear in a copy of the tree (copy2 keeps timestamps, so
    # configure does not think configure.ac is newer; a tree without configure is bootstrapped first)
    shutil.copytree(src, build, symlinks=True, copy_function=shutil.copy2)
    if os.path.exists(os.path.join(build, "CMakeLists.txt")) and not os.path.exists(os.path.join(build, "configure")):
        os.makedirs(os.path.join(build, "_b"), exist_ok=True)
        sh("cmake -S . -B _b -DCMAKE_EXPORT_COMPILE_COMMANDS=ON", cwd=build)
        if os.path.exists(os.path.join(build, "_b", "compile_commands.json")):
            sh("make -C _b -j%d" % os.cpu_count(), cwd=build)
            shutil.copy(os.path.join(build, "_b", "compile_commands.json"), db)
            return build, build
    if not os.path.exists(os.path.join(build, "configure")) or sh("./configure", cwd=build) != 0:
        sh("autoreconf -fi", cwd=build)
        sh("./configure", cwd=build)
    sh("bear -- make -j%d" % os.cpu_count(), cwd=build)
    if not os.path.exists(db):
        raise SystemExit("could not produce a compilation database for %s" % pkg)
    return build, build


def syntax_only_seconds(db_dir, clang):
    entries, seen = [], set()
    for e in json.load(open(os.path.join(db_dir, "compile_commands.json"))):
        path = os.path.join(e["directory"], e["file"])
        if path not in seen:  # a file built twice (static and shared objects) is one translation unit for cvet too
            seen.add(path)
            entries.append(e)
    start = time.monotonic()
    for e in entries:
        args = e.get("arguments") or shlex.split(e["command"])
        out = []
        skip = False
        for a in args[1:]:
            if skip:
                skip = False
                continue
            if a in ("-c",):
                continue
            if a == "-o":
                skip = True
                continue
            out.append(a)
        subprocess.run([clang, "-fsyntax-only", "-w"] + out, cwd=e["directory"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.monotonic() - start, len(entries)


def run_cvet(cvet, db_dir, root, jobs):
    out = os.path.join(db_dir, "cvet-j%d.json" % jobs)
    start = time.monotonic()
    r = subprocess.run([cvet, "code", "-p", db_dir, "--format", "json", "-o", out, "--fail-on", "none",
                        "--quiet", "-j", str(jobs), root], cwd=root, capture_output=True, text=True)
    return time.monotonic() - start, r, out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cvet", required=True)
    ap.add_argument("--work", default="/tmp/cvet-real")
    ap.add_argument("--clang", default="clang-19")
    ap.add_argument("packages", nargs="*", default=["zlib", "curl"])
    a = ap.parse_args()
    cvet = os.path.abspath(a.cvet)
    subprocess.run([os.path.join(HERE, "fetch_sources.sh"), a.work] + a.packages, check=True,
                   stdout=subprocess.DEVNULL)
    failed = False
    for pkg in a.packages:
        db_dir, root = prepare(a.work, pkg)
        floor, nfiles = syntax_only_seconds(db_dir, a.clang)
        t1, r1, out1 = run_cvet(cvet, db_dir, root, 1)
        t2, r2, out2 = run_cvet(cvet, db_dir, root, 2)
        print("== %s: %d translation units" % (pkg, nfiles))
        for jobs, r in ((1, r1), (2, r2)):
            if r.returncode not in (0, 1) or "Sanitizer" in r.stderr or "runtime error" in r.stderr:
                failed = True
                print("   cvet -j%d FAILED (status %d): %s" % (jobs, r.returncode, r.stderr[-3000:]))
        if failed:
            continue
        report = json.load(open(out1))
        same = open(out1, "rb").read() == open(out2, "rb").read()
        by_rule = collections.Counter(f["rule_id"] for f in report["findings"])
        print("   clang -fsyntax-only (sequential): %.2fs" % floor)
        print("   cvet code -j1: %.2fs (%.2fx the parse)   -j2: %.2fs (speed-up %.2fx)   -j1/-j2 output identical: %s"
              % (t1, t1 / floor if floor else 0, t2, t1 / t2 if t2 else 0, same))
        print("   findings: %d  endpoints: %d" % (len(report["findings"]), len(report.get("network_surface", []))))
        for rule, n in sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
            print("     %5d  %s" % (n, rule))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
