#!/usr/bin/env python3
"""test_deps.py - hostile trees, databases and baselines against the dependency scan (issue "Hardening").

Each case builds its input in a temporary directory, runs the cvet under test and checks the exit code,
the one-line message, that stderr carries no raw control bytes, and where it matters a time bound and a
memory bound.

Memory: the child's peak resident set comes from os.wait4() (the kernel's ru_maxrss for exactly that
process), compared with a bound; RLIMIT_AS (set in the child through preexec_fn) is a safety net so that
a regression fails the case instead of swapping the machine. Under AddressSanitizer neither is
meaningful (ASan reserves terabytes of address space and keeps freed memory in quarantine), so both are
skipped there. ASan is detected by running the binary with ASAN_OPTIONS=help=1: the ASan runtime reads
that variable before main() and prints its flag list, whatever the program is and however it was linked
(static or shared runtime), with no need for nm, ldd or the build directory.
"""
import argparse
import hashlib
import io
import json
import os
import re
import resource
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zipfile

failures = 0
CVET = None
ASAN = False


def check(cond, what):
    global failures
    if cond:
        print("ok   " + what)
    else:
        failures += 1
        print("FAIL " + what)


def write(path, data, mode="w"):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, mode) as fh:
        fh.write(data)


def run(args, cwd, mem_mb=None, timeout=120):
    """Run cvet; returns (rc, stdout, stderr bytes, seconds, peak RSS in MiB or None)."""
    limit = None
    if mem_mb and not ASAN:
        limit = (mem_mb + 2048) << 20  # address space: a net well above the RSS bound

    def pre():
        if limit:
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    out = tempfile.TemporaryFile()
    err = tempfile.TemporaryFile()
    t0 = time.monotonic()
    p = subprocess.Popen([CVET] + args, cwd=cwd, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                         preexec_fn=pre)
    deadline = t0 + timeout
    while True:
        pid, status, ru = os.wait4(p.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            p.kill()
            pid, status, ru = os.wait4(p.pid, 0)
            break
        time.sleep(0.02)
    p.returncode = os.waitstatus_to_exitcode(status)
    dt = time.monotonic() - t0
    out.seek(0)
    err.seek(0)
    return p.returncode, out.read().decode("utf-8", "replace"), err.read(), dt, ru.ru_maxrss / 1024.0


def clean_stderr(err):
    """No byte a terminal acts on: C0 controls other than newline, DEL, or a C1 control in UTF-8 or raw."""
    if re.search(rb"[\x00-\x09\x0b-\x1f\x7f]", err):
        return False
    if re.search(rb"\xc2[\x80-\x9f]", err):
        return False
    try:
        err.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def one_line_error(err, needle):
    lines = err.decode("utf-8", "replace").splitlines()
    return len(lines) == 1 and lines[0].startswith("cvet: error: ") and needle in lines[0]


def mem_ok(rss, bound):
    return ASAN or rss is None or rss < bound


# ---- a small advisory database of our own (the test reads nothing outside its temporary tree) ----

def osv(id_, eco, name, versions, summary="bad"):
    return {"id": id_, "modified": "2026-01-01T00:00:00Z", "summary": summary,
            "affected": [{"package": {"ecosystem": eco, "name": name}, "versions": versions}]}


def make_db(tmp):
    recs = os.path.join(tmp, "recs")
    os.makedirs(recs)
    for i in range(50):
        with open(os.path.join(recs, "BAD-%d.json" % i), "w") as fh:
            json.dump(osv("BAD-%d" % i, "ConanCenter", "libbad", ["1.0"]), fh)
    db = os.path.join(tmp, "adv.db")
    rc, out, err, _, _ = run(["db", "import", "--db", db, recs], tmp)
    check(rc == 0, "a small advisory database is built (%s)" % err[:200])
    return db


# ---- git data written by hand (no git needed) ----

def git_index(paths_commits):
    body = b""
    for path, sha in paths_commits:
        p = path.encode()
        e = struct.pack(">10I", 0, 0, 0, 0, 0, 0, 0o160000, 0, 0, 0) + bytes.fromhex(sha)
        e += struct.pack(">H", min(len(p), 0xFFF)) + p
        e += b"\0" * (8 - (len(e) % 8))
        body += e
    data = b"DIRC" + struct.pack(">II", 2, len(paths_commits)) + body
    return data + hashlib.sha1(data).digest()


ZLIB = "1" * 40
EVIL = "6.6.6"


def case_symlinks_out(tmp):
    # the project root (the report root: the working directory here) bounds what may be read; git data
    # may come from anywhere below it (a submodule's "gitdir: ../.git/modules/x"), nothing from beyond
    work = os.path.join(tmp, "work")
    tree, out = os.path.join(work, "tree"), os.path.join(tmp, "outside")
    gm = ('[submodule "zlib"]\n\tpath = zlib\n\turl = https://github.com/madler/zlib.git\n'
          '[submodule "viadir"]\n\tpath = tp/viadir\n\turl = https://github.com/x/viadir.git\n')
    write(os.path.join(tree, ".gitmodules"), gm)
    write(os.path.join(tree, ".git", "index"), git_index([("zlib", ZLIB), ("tp/viadir", ZLIB)]), "wb")
    # packed-refs of a submodule linked out of the tree
    write(os.path.join(out, "packed-refs"), "%s refs/tags/v%s\n" % (ZLIB, EVIL))
    os.makedirs(os.path.join(tree, ".git", "modules", "zlib"))
    os.symlink(os.path.join(out, "packed-refs"), os.path.join(tree, ".git", "modules", "zlib", "packed-refs"))
    # a submodule path through a linked directory
    write(os.path.join(out, "tp", "viadir", ".git", "packed-refs"), "%s refs/tags/v%s\n" % (ZLIB, EVIL))
    os.symlink(os.path.join(out, "tp"), os.path.join(tree, "tp"))
    # vcpkg_installed linked out
    write(os.path.join(tree, "app", "vcpkg.json"), '{"dependencies": ["zlib"]}')
    write(os.path.join(out, "vi", "vcpkg", "status"), "Package: zlib\nVersion: %s\nStatus: install ok installed\n\n" % EVIL)
    os.symlink(os.path.join(out, "vi"), os.path.join(tree, "app", "vcpkg_installed"))
    # a manifest that is itself a link out
    write(os.path.join(out, "conanfile.txt"), "[requires]\nsecretpkg/%s\n" % EVIL)
    os.symlink(os.path.join(out, "conanfile.txt"), os.path.join(tree, "conanfile.txt"))
    rc, _, err, dt, _ = run(["deps", "tree", "--format", "json", "-o", "r.json"], work)
    check(rc in (0, 1), "symlinks out: the scan finishes (rc %d, %s)" % (rc, err[:200]))
    check(clean_stderr(err), "symlinks out: stderr is clean")
    rep = open(os.path.join(work, "r.json")).read() if os.path.exists(os.path.join(work, "r.json")) else ""
    check(rep and EVIL not in rep and "secretpkg" not in rep, "symlinks out: nothing from outside reaches the report")
    notes = json.loads(rep).get("notes", []) if rep else []
    text = "\n".join(notes)
    check("packed-refs: it leads outside the scanned tree" in text, "symlinks out: a note for the linked packed-refs")
    check("viadir" in text and "outside the scanned tree" in text, "symlinks out: a note for the submodule through a linked dir")
    check("vcpkg_installed: it leads outside" in text, "symlinks out: a note for vcpkg_installed")
    check("conanfile.txt: a symbolic link" in text, "symlinks out: a note for the linked manifest")
    # .git/index itself linked out
    os.rename(os.path.join(tree, ".git", "index"), os.path.join(out, "index"))
    os.symlink(os.path.join(out, "index"), os.path.join(tree, ".git", "index"))
    rc, _, err, _, _ = run(["deps", "tree", "--format", "json", "-o", "r2.json"], work)
    rep = json.load(open(os.path.join(work, "r2.json")))
    check(rc in (0, 1) and ZLIB not in json.dumps(rep.get("dependencies", [])),
          "index linked out: no pinned commit from it (rc %d)" % rc)
    check(any("leads outside the scanned tree" in n for n in rep.get("notes", [])), "index linked out: a note says so")


def case_concurrent_imports(tmp):
    for name, pfx in (("a", "IMPA"), ("b", "IMPB")):
        d = os.path.join(tmp, name)
        os.makedirs(d)
        for i in range(1000):
            with open(os.path.join(d, "%s-%d.json" % (pfx, i)), "w") as fh:
                json.dump(osv("%s-%d" % (pfx, i), "ConanCenter", "p%s%d" % (pfx, i), ["1.0"]), fh)
    db = os.path.join(tmp, "c.db")
    for trial in range(4):
        if os.path.exists(db):
            os.unlink(db)
        ps = [subprocess.Popen([CVET, "db", "import", "--db", db, os.path.join(tmp, n)], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE) for n in ("a", "b")]
        rcs = [p.wait(timeout=300) for p in ps]
        for p in ps:
            p.stdout.close()
            p.stderr.close()
        rc, out, err, _, _ = run(["db", "status", "--db", db], tmp)
        m = re.search(r"records:\s+(\d+)", out)
        check(rcs == [0, 0] and m and int(m.group(1)) == 2000,
              "concurrent imports, trial %d: both sets present (%s records)" % (trial + 1, m.group(1) if m else "?"))


def case_identical_pins(tmp, db):
    write(os.path.join(tmp, "p", "conanfile.txt"), "[requires]\n" + "libbad/1.0\n" * 10000)
    rc, _, err, dt, rss = run(["deps", "p", "--db", db, "--format", "json", "-o", "r.json"], tmp, mem_mb=300)
    rep = json.load(open(os.path.join(tmp, "r.json"))) if rc in (0, 1) else {}
    n = len(rep.get("findings", []))
    check(rc in (0, 1) and n == 50, "10,000 identical pins: one finding per advisory (%d, rc %d)" % (n, rc))
    check(any("pinned 10000 times" in x for x in rep.get("notes", [])), "10,000 identical pins: a note gives the count")
    check(dt < 60, "10,000 identical pins: %.1f s" % dt)
    check(mem_ok(rss, 300), "10,000 identical pins: peak RSS %.0f MiB < 300 MiB%s" % (rss, " (not checked under ASan)" if ASAN else ""))


def case_baseline(tmp):
    write(os.path.join(tmp, "e", "conanfile.txt"), "[requires]\nzlib/1.2.11\n")
    # many tiny values (a 114 MiB baseline like this took 4.9 GB)
    with open(os.path.join(tmp, "values.json"), "w") as fh:
        fh.write('{"schema_version": 1, "findings": [{"x": [')
        fh.write(",".join(["0"] * 3000000))
        fh.write("]}]}")
    rc, _, err, dt, rss = run(["deps", "e", "--baseline", "values.json"], tmp, mem_mb=400)
    check(rc == 2 and one_line_error(err, "baseline 'values.json' holds more than"),
          "baseline of 3,000,000 values: exit 2, one line (%d, %r)" % (rc, err[:200]))
    check(mem_ok(rss, 400) and dt < 30, "baseline of 3,000,000 values: %.0f MiB, %.1f s" % (rss, dt))
    with open(os.path.join(tmp, "big.json"), "wb") as fh:
        fh.truncate(70 << 20)
    rc, _, err, dt, rss = run(["deps", "e", "--baseline", "big.json"], tmp, mem_mb=400)
    check(rc == 2 and one_line_error(err, "larger than"), "70 MiB baseline: exit 2, one line (%d, %r)" % (rc, err[:200]))
    check(mem_ok(rss, 400), "70 MiB baseline: %.0f MiB" % rss)


def case_shared_packed_refs(tmp):
    """Three .gitmodules (two through "gitdir:" files) and 3 x 2,000 submodules whose git dirs are one
    directory with an 8 MiB packed-refs: read once, looked up by binary search."""
    tree = os.path.join(tmp, "mono")
    n = 2000
    gm = "".join('[submodule "s%d"]\n\tpath = s%d\n\turl = https://github.com/x/s%d.git\n' % (i, i, i) for i in range(n))
    commits = [("s%d" % i, "%040x" % (i + 1)) for i in range(n)]
    write(os.path.join(tree, ".gitmodules"), gm)
    write(os.path.join(tree, ".git", "index"), git_index(commits), "wb")
    shared = os.path.join(tree, ".git", "modules", "shared")
    lines = []
    size = 0
    k = 0
    while size < (8 << 20) - 200:
        line = "%040x refs/tags/t%07d\n" % ((k % n) + 1, k)
        lines.append(line)
        size += len(line)
        k += 1
    write(os.path.join(shared, "packed-refs"), "".join(lines))
    for i in range(n):
        os.symlink("shared", os.path.join(tree, ".git", "modules", "s%d" % i))
    for sub in ("a", "b"):
        write(os.path.join(tree, sub, ".gitmodules"), gm)
        write(os.path.join(tree, sub, ".git"), "gitdir: ../.git\n")
    rc, _, err, dt, rss = run(["deps", "mono", "--format", "json", "-o", "m.json"], tmp, mem_mb=600, timeout=300)
    rep = json.load(open(os.path.join(tmp, "m.json"))) if rc in (0, 1) else {}
    tagged = [p for p in rep.get("dependencies", []) if p.get("version")]
    check(rc in (0, 1) and len(rep.get("dependencies", [])) >= n, "shared packed-refs: the scan finishes (rc %d)" % rc)
    check(len(tagged) >= n, "shared packed-refs: tags found (%d packages with a version)" % len(tagged))
    check(dt < 30, "shared packed-refs: %.1f s (was 210 s)" % dt)
    check(mem_ok(rss, 600), "shared packed-refs: %.0f MiB" % rss)


def case_escapes(tmp, db):
    esc = "\x1b]0;pwned\x07\x1b[31m\x9b"
    write(os.path.join(tmp, "x", "conanfile.txt"), "[requires]\nlib%sbad/1.0\nlibbad/1.0\n" % esc)
    write(os.path.join(tmp, "x", "bad", "conan.lock"), '{"version": "0.5", "requires": ["%s"]}' % "\\u001b[31mx")
    rc, out, err, _, _ = run(["deps", "x", "--db", db, "--format", "text"], tmp)
    check(rc in (0, 1) and clean_stderr(err), "escapes in lockfiles: stderr clean (rc %d)" % rc)
    check("\x1b" not in out and "\x07" not in out and "\x9b" not in out, "escapes in lockfiles: text report clean")
    rc, out, err, _, _ = run(["deps", "x", "--db", db, "--format", "gcc"], tmp)
    check("\x1b" not in out and "\x07" not in out, "escapes in lockfiles: gcc report clean")
    # a config whose error quotes hostile text
    write(os.path.join(tmp, "y", ".cvet.json"), '{"ignore": [{"id": "\\u001b[2J\\u0007X"}]}')
    write(os.path.join(tmp, "y", "conanfile.txt"), "[requires]\nlibbad/1.0\n")
    rc, _, err, _, _ = run(["deps", "y", "--db", db], tmp)
    check(rc == 2 and clean_stderr(err) and one_line_error(err, "y/.cvet.json: line 1"),
          ".cvet.json with escapes: exit 2, clean one-line message naming y/.cvet.json (%r)" % err[:200])
    # zip entry names and broken records through the importer's warnings
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("evil\x1b[2J\x07.json", "{not json")
        z.writestr("ok.json", json.dumps(osv("Z-1", "ConanCenter", "z", ["1.0"])))
    with open(os.path.join(tmp, "e.zip"), "wb") as fh:
        fh.write(buf.getvalue())
    rc, _, err, _, _ = run(["db", "import", "--db", os.path.join(tmp, "z.db"), "e.zip"], tmp)
    check(rc == 0 and b"skipped" in err and clean_stderr(err), "zip entry names with escapes: warning clean (%r)" % err[:200])


def case_error_texts(tmp):
    write(os.path.join(tmp, "v", "vcpkg.json"), '{\n  "dependencies": [\n    "zlib",\n    null\n  ]\n}\n')
    rc, _, err, _, _ = run(["deps", "v/vcpkg.json"], tmp)
    check(rc == 2 and one_line_error(err, "v/vcpkg.json: line 4:"), "vcpkg.json null dependency: line 4 (%r)" % err[:200])
    write(os.path.join(tmp, "b", "MODULE.bazel"), 'bazel_dep(name = "x", version = ' + "(" * 5000 + ")")
    rc, _, err, _, _ = run(["deps", "b/MODULE.bazel"], tmp)
    check(rc == 2 and one_line_error(err, "nested deeper than 64") and b"unterminated" not in err,
          "deep MODULE.bazel: said to be nested too deep (%r)" % err[:200])
    write(os.path.join(tmp, "n", "N-1.json"), '{"id": "N-1", "summary": "cut\\u0000 here", "affected": []}')
    rc, _, err, _, _ = run(["db", "import", "--db", os.path.join(tmp, "n.db"), "n/N-1.json"], tmp)
    check(rc == 2 and one_line_error(err, "NUL"), "OSV string with a NUL: rejected, exit 2 (%r)" % err[:200])


def main():
    global CVET, ASAN
    ap = argparse.ArgumentParser()
    ap.add_argument("--cvet", required=True)
    a = ap.parse_args()
    CVET = os.path.abspath(a.cvet)
    env_probe = dict(os.environ, ASAN_OPTIONS="help=1")
    probe = subprocess.run([CVET, "--version"], env=env_probe, capture_output=True)
    ASAN = b"AddressSanitizer" in probe.stderr or b"AddressSanitizer" in probe.stdout
    if ASAN:
        print("note: AddressSanitizer build: memory bounds are not checked")
    if not hasattr(os, "symlink"):
        print("skip: no symbolic links here")
        return 77
    cases = [case_symlinks_out, case_concurrent_imports, case_baseline, case_shared_packed_refs, case_error_texts]
    with tempfile.TemporaryDirectory(prefix="cvet-hostile-deps-") as tmp:
        db = make_db(os.path.join(tmp, "db"))
        for fn in cases:
            d = os.path.join(tmp, fn.__name__)
            os.makedirs(d)
            fn(d)
        for fn in (case_identical_pins, case_escapes):
            d = os.path.join(tmp, fn.__name__)
            os.makedirs(d)
            fn(d, db)
    print("%d failure(s)" % failures)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
