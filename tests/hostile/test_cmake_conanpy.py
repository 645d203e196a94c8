#!/usr/bin/env python3
"""test_cmake_conanpy.py - conanfile.py and CMake declarations end to end (issue 10, items 1-2).

A tiny project pins a vulnerable zlib in conanfile.py and a vulnerable expat through FetchContent in
CMakeLists.txt: both are matched against the bundled database. Then hostile variants (unterminated strings
and brackets, 100,000-deep nesting, a 50 MB file, NUL bytes, control characters): a file named on the
command line gives exit 2 and one clean line on stderr; the same file found in a walk is a note, and the
scan goes on. Every case has a time bound; outside AddressSanitizer, a memory bound too.

Usage: test_cmake_conanpy.py --cvet PATH. Exit 0 when every case held, 1 otherwise.
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

failures = 0
CVET = None
ASAN = False


def check(cond, what):
    global failures
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures += 1


def write(path, data, mode="w"):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, mode) as fh:
        fh.write(data)


def run(args, cwd, timeout=120):
    """(rc, stdout text, stderr bytes, seconds, peak RSS MiB) of one cvet run."""
    t0 = time.monotonic()
    p = subprocess.Popen([CVET] + args, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         stdin=subprocess.DEVNULL)
    try:
        out, err = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        p.kill()
        out, err = p.communicate()
    dt = time.monotonic() - t0
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return p.returncode, out.decode("utf-8", "replace"), err, dt, ru.ru_maxrss / 1024.0


def clean_one_line(err):
    text = err.decode("utf-8", "replace").rstrip("\n")
    return "\n" not in text and not any(ord(c) < 32 and c != "\t" for c in text) and "\x7f" not in text


PROJECT_PY = '''from conan import ConanFile

class App(ConanFile):
    settings = "os", "compiler", "build_type", "arch"

    def requirements(self):
        self.requires("zlib/1.2.11")
'''

PROJECT_CMAKE = '''cmake_minimum_required(VERSION 3.24)
project(app C)
set(EXPAT_TAG R_2_4_1)
include(FetchContent)
FetchContent_Declare(expat
  GIT_REPOSITORY https://github.com/libexpat/libexpat.git
  GIT_TAG ${EXPAT_TAG})
FetchContent_MakeAvailable(expat)
'''


def deps_json(tmp, *paths):
    rc, out, err, dt, _ = run(["deps", "--format", "json", "--fail-on", "none", "--no-config"] + list(paths), tmp)
    if rc != 0:
        return rc, None, err
    try:
        return rc, json.loads(out), err
    except ValueError:
        return rc, None, err


def case_project(tmp):
    proj = os.path.join(tmp, "proj")
    write(os.path.join(proj, "conanfile.py"), PROJECT_PY)
    write(os.path.join(proj, "CMakeLists.txt"), PROJECT_CMAKE)
    rc, doc, err = deps_json(tmp, "proj")
    check(rc == 0 and doc is not None, "project: exit 0 with JSON (got %s: %s)" % (rc, err[:200]))
    if doc is None:
        return
    deps = {(d["name"], d.get("version")): d for d in doc.get("dependencies", [])}
    z = deps.get(("zlib", "1.2.11"))
    check(z is not None and z["location"]["path"].endswith("conanfile.py") and z["location"]["line"] == 7,
          "conanfile.py: zlib 1.2.11 at line 7")
    check(z is not None and z.get("vulnerabilities", 0) > 0, "conanfile.py: zlib 1.2.11 matched advisories")
    e = [d for d in doc.get("dependencies", []) if d["name"] == "expat"]
    check(len(e) == 1 and e[0].get("version") == "2.4.1" and e[0]["location"]["line"] == 5,
          "CMakeLists.txt: expat tag R_2_4_1 through ${EXPAT_TAG} is version 2.4.1 at line 5 (%s)" % e)
    check(len(e) == 1 and e[0].get("vulnerabilities", 0) > 0, "CMakeLists.txt: expat 2.4.1 matched advisories")
    rules = {(f.get("dependency") or {}).get("package") for f in doc.get("findings", [])}
    check({"zlib", "expat"} <= rules, "findings name both packages (%s)" % sorted(x for x in rules if x))


# (file name, content bytes, expected message fragment)
HOSTILE = [
    ("conanfile.py", b"class A:\n    requires = \"zlib/1.2\n", b"line 2: unterminated string"),
    ("conanfile.py", b"class A:\n    x = '''open\n" * 3, b"unterminated string"),
    ("conanfile.py", b"class A:\n    requires = (\"a/1\",\n", b"is never closed"),
    ("conanfile.py", b"x = " + b"[" * 100000 + b"]" * 100000 + b"\n", b"nested deeper than"),
    ("conanfile.py", b"class A:\n    requires = 'zlib/1.2.11'\0\n", b"NUL byte"),
    ("CMakeLists.txt", b"FetchContent_Declare(zlib URL zlib-1.2.11.tar.gz\n", b"missing ')'"),
    ("CMakeLists.txt", b"set(A \"open\n", b"unterminated quoted argument"),
    ("CMakeLists.txt", b"set(A [==[ open ]=])\n", b"unterminated bracket argument"),
    ("CMakeLists.txt", b"#[[ open\n", b"unterminated bracket comment"),
    ("CMakeLists.txt", b"set(A " + b"(" * 100000 + b")" * 100000 + b")\n", b"nested deeper than"),
    ("CMakeLists.txt", b"\x1b]0;pwned\x07(\n", b"expected a CMake command"),
    ("x.cmake", b"set(A 1)\0\n", b"NUL byte"),
]


def case_hostile(tmp):
    for i, (name, data, needle) in enumerate(HOSTILE):
        d = os.path.join(tmp, "h%d" % i)
        write(os.path.join(d, name), data, "wb")
        rc, out, err, dt, _ = run(["deps", "--no-config", os.path.join(d, name)], tmp, timeout=60)
        check(rc == 2 and needle in err and clean_one_line(err) and dt < 30,
              "named %s #%d: exit 2, one clean line with %r in %.1fs (got %s: %r)" % (name, i, needle, dt, rc, err[:160]))
        # in a walk: a note, exit 0, and the good manifest beside it still read
        write(os.path.join(d, "sub", "conanfile.txt"), "[requires]\nzlib/1.2.11\n")
        rc, doc, err = deps_json(tmp, d)
        notes = doc.get("notes", []) if doc else []
        names = [p["name"] for p in doc.get("dependencies", [])] if doc else []
        check(rc == 0 and any(n.startswith("skipped ") and needle.decode() in n for n in notes) and "zlib" in names,
              "walk %s #%d: a 'skipped' note and the other manifest read (got %s, %s)" % (name, i, rc, notes[:2]))


def case_big(tmp):
    d = os.path.join(tmp, "big")
    os.makedirs(d)
    line = b"message(STATUS \"padding ${X}\") # comment\n"
    with open(os.path.join(d, "CMakeLists.txt"), "wb") as fh:
        for _ in range((50 << 20) // len(line) + 1):
            fh.write(line)
    with open(os.path.join(d, "conanfile.py"), "wb") as fh:
        fh.write(b"x = 1\n" * ((50 << 20) // 6 + 1))
    for name in ("CMakeLists.txt", "conanfile.py"):
        rc, out, err, dt, rss = run(["deps", "--no-config", os.path.join(d, name)], tmp, timeout=120)
        check(rc == 2 and b"larger than" in err and clean_one_line(err),
              "50 MB %s named: exit 2, one line naming the bound (got %s: %r)" % (name, rc, err[:160]))
        check(dt < 30, "50 MB %s: %.1fs" % (name, dt))
    rc, doc, err = deps_json(tmp, d)
    notes = doc.get("notes", []) if doc else []
    check(rc == 0 and sum(1 for n in notes if n.startswith("skipped ")) == 2,
          "50 MB files in a walk: two 'skipped' notes (got %s, %s)" % (rc, notes[:3]))


def case_near_cap(tmp):
    """30 MB (just under the 32 MiB read bound) of ordinary text, the declaration at its end: read in bounded
    time and memory."""
    d = os.path.join(tmp, "near")
    os.makedirs(d)
    line = b"message(STATUS \"padding ${X}\" [[bracket]]) # comment\n"
    with open(os.path.join(d, "CMakeLists.txt"), "wb") as fh:
        for _ in range((30 << 20) // len(line)):
            fh.write(line)
        fh.write(b"FetchContent_Declare(zlib URL https://zlib.net/fossils/zlib-1.2.11.tar.gz)\n")
    pyline = b"    x = ['a', \"b\", (1, 2)]  # c\n"
    with open(os.path.join(d, "conanfile.py"), "wb") as fh:
        fh.write(b"class A:\n")
        for _ in range((30 << 20) // len(pyline)):
            fh.write(pyline)
        fh.write(b"    requires = 'zlib/1.2.11'\n")
    for name in ("CMakeLists.txt", "conanfile.py"):
        rc, out, err, dt, rss = run(["deps", "--no-config", "--fail-on", "none", os.path.join(d, name)], tmp)
        check(rc == 0 and "zlib" in out and dt < 60, "30 MB %s: read in %.1fs, zlib found (got %s)" % (name, dt, rc))
        if not ASAN:
            check(rss < 400, "30 MB %s: peak RSS %.0f MiB < 400" % (name, rss))


def case_lock_above(tmp):
    """A CPM package pinned by a package-lock.cmake in a directory above is reported once, from the lock."""
    d = os.path.join(tmp, "lockabove")
    write(os.path.join(d, "package-lock.cmake"),
          "CPMDeclarePackage(expat NAME expat VERSION 2.4.1 GITHUB_REPOSITORY libexpat/libexpat)\n")
    write(os.path.join(d, "cmake", "deps.cmake"), "CPMAddPackage(\"gh:libexpat/libexpat@2.4.1\")\n"
          "CPMAddPackage(NAME expat GITHUB_REPOSITORY libexpat/libexpat VERSION 2.4.1)\n")
    rc, doc, err = deps_json(tmp, "lockabove")
    ex = [p for p in doc.get("dependencies", []) if p["name"] in ("expat", "libexpat")] if doc else []
    check(rc == 0 and len(ex) == 1 and ex[0]["location"]["path"].endswith("package-lock.cmake"),
          "CPM lock above: expat listed once, from the lock (%s)" % [(p["name"], p["location"]["path"]) for p in ex])
    rc, doc, err = deps_json(tmp, "lockabove", "--exclude", "package-lock.cmake")
    ex = [p for p in doc.get("dependencies", []) if p["name"] in ("expat", "libexpat")] if doc else []
    check(rc == 0 and len(ex) >= 1 and all(p["location"]["path"].endswith("deps.cmake") for p in ex),
          "CPM lock excluded: the CMake file's packages are listed (%s)" % [p["name"] for p in ex])


def case_control_chars_in_values(tmp):
    d = os.path.join(tmp, "ctl")
    write(os.path.join(d, "CMakeLists.txt"),
          "FetchContent_Declare(\"evil\x1b[31m\" GIT_REPOSITORY https://h/x GIT_TAG \"v1.0\x07\")\n")
    write(os.path.join(d, "conanfile.py"), "class A:\n    requires = 'zlib/1.2.11\\x1b[2J'\n")
    rc, out, err, dt, _ = run(["deps", "--no-config", "--fail-on", "none", d], tmp)
    check(rc == 0 and "\x1b" not in out and b"\x1b" not in err and "\x07" not in out,
          "control characters from manifests never reach the terminal (got %s)" % rc)


def main():
    global CVET, ASAN
    ap = argparse.ArgumentParser()
    ap.add_argument("--cvet", required=True)
    a = ap.parse_args()
    CVET = os.path.abspath(a.cvet)
    env = dict(os.environ, ASAN_OPTIONS="help=1")
    probe = subprocess.run([CVET, "--version"], env=env, capture_output=True)
    ASAN = b"detect_leaks" in probe.stdout + probe.stderr
    with tempfile.TemporaryDirectory() as tmp:
        case_project(tmp)
        case_hostile(tmp)
        case_big(tmp)
        case_near_cap(tmp)
        case_lock_above(tmp)
        case_control_chars_in_values(tmp)
    print("%d case(s) failed" % failures if failures else "all cases held")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
