#!/usr/bin/env python3
"""hostile.compdb: a compile_commands.json written by an attacker must not make libclang write, print or read
what it should not, and nothing in it may run; a real-world database must keep its defines and include paths.

Usage: test_compdb.py --cvet PATH. Exit 0 when every case holds."""
import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile

FAILS = []
CVET = None

GETS_C = """#include <stdio.h>
char *gets(char *s);
void read_line(void)
{
	char buf[16];
	gets(buf);
}
"""

# a finding only when the database's -D and -I reach the parser: USE_COPY comes from -D, cfg.h from -Iinclude
GATED_C = """#include <string.h>
#include "cfg.h"
char *gets(char *s);
#ifdef USE_GETS
void from_define(void) { char b[8]; gets(b); }
#endif
#if CFG_UNSAFE
void from_include(char *dst, const char *src) { strcpy(dst, src); }
#endif
"""


def check(cond, what):
    if not cond:
        FAILS.append(what)
        print("FAIL: " + what)
    return cond


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def snapshot(top):
    """Every path under top with a hash of its content (directories and FIFOs by kind)."""
    seen = {}
    for d, dirs, files in os.walk(top):
        for n in dirs:
            seen[os.path.join(d, n)] = "dir"
        for n in files:
            p = os.path.join(d, n)
            if os.path.islink(p):
                seen[p] = "link:" + os.readlink(p)
            elif os.path.isfile(p):
                with open(p, "rb") as f:
                    seen[p] = hashlib.sha256(f.read()).hexdigest()
            else:
                seen[p] = "other"
    return seen


def run(args, top, cwd):
    env = dict(os.environ)
    # anything libclang would write by default (module cache, crash reports, temp files) lands under top
    env.update(HOME=os.path.join(top, "home"), TMPDIR=os.path.join(top, "tmp"), XDG_CACHE_HOME=os.path.join(top, "cache"))
    return subprocess.run([CVET] + args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def findings(stdout, fmt):
    rep = json.loads(stdout)
    if fmt == "sarif":
        return rep, [(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], r["ruleId"])
                     for r in rep["runs"][0]["results"]]
    return rep, [(f.get("location", {}).get("path"), f["rule_id"]) for f in rep["findings"]]


def notes_of(rep):
    return [n if isinstance(n, str) else json.dumps(n) for n in rep.get("notes", [])]


def make_tree(top, entries):
    t = os.path.join(top, "t")
    write(os.path.join(t, "src", "a.c"), GETS_C)
    with open(os.path.join(t, "compile_commands.json"), "w") as f:
        json.dump(entries, f)
    return t


def case_writers(top):
    """--output=, --dependencies and friends, @rsp, -fmodules, -Xclang: nothing outside the tree changes."""
    out = os.path.join(top, "outside")
    v = [os.path.join(out, "victim%d" % i) for i in range(8)]
    for p in v:
        write(p, "precious\n")
    write(os.path.join(out, "evil.rsp"), "--write-dependencies --output=%s\n" % v[2])
    t = os.path.join(top, "t")
    write(os.path.join(t, "evil.rsp"), "--dependencies --output=%s\n" % v[3])
    attacks = [
        ["--dependencies", "--output=" + v[0]],                       # the database
        ["--write-dependencies", "--output", v[0]],
        ["--user-dependencies", "-o", v[0]],
        ["-MD", "-MF", v[1]], ["-MMD", "-MF" + v[1]], ["-Wp,-MD," + v[1]],
        ["@" + os.path.join(out, "evil.rsp")], ["@evil.rsp"],
        ["-fmodules", "-fmodules-cache-path=" + os.path.join(out, "mcache")], ["-fmodules"],
        ["-Xclang", "-dependency-file", "-Xclang", v[4], "-Xclang", "-MT", "-Xclang", "y"],
        ["-save-temps=obj", "-ftime-trace", "-ftime-trace=" + v[5], "-fcrash-diagnostics-dir=" + out],
        ["-MJ", v[6], "--serialize-diagnostics", v[7], "-fsave-optimization-record"],
    ]
    for n, attack in enumerate(attacks):
        args = ["cc", "-c", "src/a.c"] + attack
        make_tree(top, [{"directory": t, "file": "src/a.c", "arguments": args}] if n % 2 == 0 else
                  [{"directory": t, "file": "src/a.c", "command": " ".join(args)}])
        for fmt in ("json", "sarif") if n == 0 else ("json",):
            what = "writers %r/%s" % (attack, fmt)
            before = snapshot(top)
            p = run(["scan", "--format", fmt, "--fail-on", "none", "."], top, t)
            check(p.returncode == 0, "%s: exit %d: %s" % (what, p.returncode, p.stderr))
            after = snapshot(top)
            changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
            check(not changed, "%s: files changed: %r" % (what, changed[:3]))
            try:
                rep, got = findings(p.stdout, fmt)
            except ValueError as e:
                check(False, "%s: stdout is not JSON (%s): %r" % (what, e, p.stdout[:300]))
                continue
            check(("src/a.c", "unsafe-gets") in got, "%s: the gets() finding is lost: %r" % (what, got))
            if fmt == "json":
                ns = [n for n in notes_of(rep) if "dropped" in n]
                quiet = attack[0] in ("-MD", "-MMD", "-Wp,-MD," + v[1])  # build mechanics: dropped without a note
                check(len(ns) == (0 if quiet else 1), "%s: one note about dropped flags: %r" % (what, notes_of(rep)))
                check(quiet or (ns and attack[0] in ns[0] and "compile_commands.json" in ns[0]),
                      "%s: the note names the database and a dropped flag: %r" % (what, ns))


def case_printers(top):
    """--help, --version, -print-*, -dump*, -v, -###, -E, -H: stdout stays one valid report, stderr stays quiet."""
    t = os.path.join(top, "t")
    attacks = [["--dependencies"], ["--help"], ["--version"], ["-print-search-dirs"], ["--print-search-dirs"],
               ["-print-file-name=libc.so"], ["--print-prog-name=ld"], ["-print-libgcc-file-name"],
               ["-print-resource-dir"], ["-print-targets"], ["-dumpmachine"], ["-dumpversion"], ["-v"], ["-###"],
               ["-E"], ["-H"], ["-M"], ["-dM", "-E"], ["-Xclang", "-ast-dump"], ["-ftime-report"],
               ["-Xclang", "-print-stats"], ["-Wl,--help"]]
    for n, attack in enumerate(attacks):
        args = ["cc", "-c", "src/a.c"] + attack
        make_tree(top, [{"directory": t, "file": "src/a.c", "arguments": args}] if n % 2 == 0 else
                  [{"directory": t, "file": "src/a.c", "command": " ".join(args)}])
        for fmt in ("json", "sarif"):
            what = "printers %r/%s" % (attack, fmt)
            p = run(["code", "--format", fmt, "--fail-on", "none", "."], top, t)
            check(p.returncode == 0, "%s: exit %d: %s" % (what, p.returncode, p.stderr))
            try:
                _, got = findings(p.stdout, fmt)
                check(("src/a.c", "unsafe-gets") in got, "%s: the gets() finding is lost: %r" % (what, got))
            except ValueError as e:
                check(False, "%s: stdout is not JSON (%s): %r" % (what, e, p.stdout[:200]))
            for needle in ("OVERVIEW", "clang version", "InstalledDir", "programs:", "#include", "Target:", "a.c:",
                           "TranslationUnitDecl"):
                check(needle not in p.stderr, "%s: libclang printed %r to stderr: %r" % (what, needle, p.stderr[:200]))


def case_nothing_runs(top):
    """$(...), backticks, ;, |, && in "command" strings and arguments: parsed as text, never run."""
    t = os.path.join(top, "t")
    marks = [os.path.join(top, "ran%d" % i) for i in range(6)]
    cmd = ("cc -c src/a.c $(touch %s) `touch %s` ; touch %s | touch %s && touch %s -D'X=$(touch %s)'"
           % tuple(marks))
    make_tree(top, [{"directory": t, "file": "src/a.c", "command": cmd},
                    {"directory": t, "file": "src/a.c",
                     "arguments": ["cc", "-c", "src/a.c", "$(touch %s)" % marks[0], "`touch %s`" % marks[1], ";",
                                   "touch", marks[2], "|", "-DY=`touch %s`" % marks[3]]},
                    {"directory": "$(touch %s)" % marks[4], "file": "`touch %s`.c" % marks[5], "command": "cc -c x.c"}])
    p = run(["code", "--format", "json", "--fail-on", "none", "."], top, t)
    check(p.returncode == 0, "nothing-runs: exit %d: %s" % (p.returncode, p.stderr))
    check(not any(os.path.exists(m) for m in marks), "nothing-runs: a command ran: %r"
          % [m for m in marks if os.path.exists(m)])
    _, got = findings(p.stdout, "json")
    check(("src/a.c", "unsafe-gets") in got, "nothing-runs: the gets() finding is lost: %r" % got)


def case_reads(top):
    """A response file and an -include from outside the tree are never read: their -D never takes effect."""
    t = os.path.join(top, "t")
    out = os.path.join(top, "outside")
    write(os.path.join(out, "defs.rsp"), "-DUSE_GETS\n")
    write(os.path.join(out, "evil.h"), "#define USE_GETS 1\n")
    write(os.path.join(t, "local.rsp"), "-DUSE_GETS\n")
    write(os.path.join(t, "src", "g.c"), GATED_C)
    write(os.path.join(t, "include", "cfg.h"), "#define CFG_UNSAFE 0\n")
    for extra in (["@" + os.path.join(out, "defs.rsp")], ["@local.rsp"], ["-include", os.path.join(out, "evil.h")],
                  ["-imacros", "../outside/evil.h"]):
        make_tree(top, [{"directory": t, "file": "src/g.c", "arguments": ["cc", "-Iinclude", "-c", "src/g.c"] + extra},
                        {"directory": t, "file": "src/a.c", "command": "cc -c src/a.c " + " ".join(extra)}])
        p = run(["code", "--format", "json", "--fail-on", "none", "."], top, t)
        check(p.returncode == 0, "reads %s: exit %d: %s" % (extra, p.returncode, p.stderr))
        rep, got = findings(p.stdout, "json")
        check(("src/g.c", "unsafe-gets") not in got, "reads %s: the outside file took effect: %r" % (extra, got))
        check(("src/a.c", "unsafe-gets") in got, "reads %s: the gets() finding is lost: %r" % (extra, got))
        ns = [n for n in notes_of(rep) if "dropped" in n]
        check(len(ns) == 1 and os.path.basename(extra[-1]) in ns[0], "reads %s: one note naming it: %r" % (extra, ns))


def case_real_world(top):
    """A CMake-style database ("command" strings, -I/-D/-std/-O2/-Wall/-o/-c, "output"): defines and include
    paths still reach the parser, and build mechanics make no note."""
    t = os.path.join(top, "t")
    write(os.path.join(t, "src", "g.c"), GATED_C)
    write(os.path.join(t, "include", "cfg.h"), "#define CFG_UNSAFE 1\n")
    build = os.path.join(t, "build")
    os.makedirs(build, exist_ok=True)
    src = os.path.join(t, "src", "g.c")
    entries = [{"directory": build,
                "command": "/usr/bin/cc -DUSE_GETS -D_GNU_SOURCE -I%s/include -isystem /usr/local/include -O2 -g "
                           "-Wall -Wextra -Werror=format-security -fstack-protector-strong -fPIC -std=gnu11 "
                           "-MD -MT CMakeFiles/g.dir/src/g.c.o -MF CMakeFiles/g.dir/src/g.c.o.d "
                           "-o CMakeFiles/g.dir/src/g.c.o -c %s" % (t, src),
                "file": src, "output": "CMakeFiles/g.dir/src/g.c.o"}]
    with open(os.path.join(build, "compile_commands.json"), "w") as f:
        json.dump(entries, f)
    p = run(["code", "--format", "json", "--fail-on", "none", "."], top, t)
    check(p.returncode == 0, "real-world: exit %d: %s" % (p.returncode, p.stderr))
    rep, got = findings(p.stdout, "json")
    rules = sorted(r for path, r in got if path == "src/g.c")
    check("unsafe-gets" in rules, "real-world: -DUSE_GETS lost: %r" % got)
    check(any("strcpy" in r or "overflow" in r or "unbounded" in r for r in rules),
          "real-world: -Iinclude lost (CFG_UNSAFE from include/cfg.h): %r" % got)
    check(not [n for n in notes_of(rep) if "dropped" in n], "real-world: build flags made a note: %r" % notes_of(rep))
    check(not [n for n in os.listdir(build) if n != "compile_commands.json"], "real-world: the build dir was written")


def main():
    global CVET
    ap = argparse.ArgumentParser()
    ap.add_argument("--cvet", required=True)
    CVET = os.path.abspath(ap.parse_args().cvet)
    for case in (case_writers, case_printers, case_nothing_runs, case_reads, case_real_world):
        with tempfile.TemporaryDirectory() as top:
            top = os.path.realpath(top)
            for d in ("t", "home", "tmp"):
                os.makedirs(os.path.join(top, d))
            case(top)
    if FAILS:
        print("%d case(s) failed" % len(FAILS))
        return 1
    print("all compile-database cases held")
    return 0


if __name__ == "__main__":
    sys.exit(main())
