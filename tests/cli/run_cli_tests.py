#!/usr/bin/env python3
"""run_cli_tests.py - end-to-end tests of the cvet command line (exit codes, options, outputs, the
compilation database, discovery, config and suppressions), driving the built binary.

Usage: run_cli_tests.py --cvet PATH/TO/cvet --source REPO [--filter SUBSTRING] [-v]
Each test_* function is one behaviour; a failing assertion names what was expected.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import traceback

CVET = None
SRC = None
VERBOSE = False
PROJ = None  # testdata/cli/proj

# every option the help must explain
OPTIONS = ["-p", "--compile-commands", "--extra-arg", "--exclude", "--enable", "--disable", "--config",
           "--no-config", "--report-unused-suppressions", "--tu-timeout", "--tu-memory", "--no-isolate", "--baseline", "--db", "--format", "-o", "--output", "--root",
           "--no-color", "-q", "--quiet", "--fail-on", "--fail-on-all-code", "--profile", "-j", "--jobs", "-h", "--help", "--force", "--progress", "--stdin-filename"]


class Failure(Exception):
    pass


class Skipped(Exception):
    """The test cannot run on this machine (said in its message); not a failure."""


def check(cond, what):
    if not cond:
        raise Failure(what)


def run(args, cwd=None, env=None, timeout=300):
    e = dict(os.environ)
    e.pop("NO_COLOR", None)
    if env:
        e.update(env)
    p = subprocess.run([CVET] + args, cwd=cwd, env=e, capture_output=True, text=True, timeout=timeout)
    if VERBOSE:
        print("$ cvet %s  -> %d" % (" ".join(args), p.returncode))
        if p.stderr:
            print("  stderr: " + p.stderr.strip()[:500])
    for marker in ("runtime error:", "AddressSanitizer", "LeakSanitizer", "UndefinedBehaviorSanitizer"):
        check(marker not in p.stderr, "cvet %s: sanitizer report: %s" % (args, p.stderr[-1500:]))
    check(p.returncode in (0, 1, 2), "cvet %s: exit status %d (crash?), stderr: %s" % (args, p.returncode, p.stderr[-800:]))
    return p


def gcc_lines(out):
    return [l for l in out.splitlines() if l.strip()]


def rules_of(out):
    res = []
    for l in gcc_lines(out):
        if l.endswith("]") and "[" in l:
            res.append((l.split(":", 1)[0], l[l.rindex("[") + 1:-1]))
    return res


def expect_usage_error(args, needle=None, cwd=None):
    p = run(args, cwd=cwd)
    check(p.returncode == 2, "cvet %s: expected exit 2, got %d" % (" ".join(args), p.returncode))
    lines = p.stderr.splitlines()
    check(len(lines) == 1, "cvet %s: expected one line on stderr, got %r" % (" ".join(args), p.stderr))
    check(lines[0].startswith("cvet: error: "), "cvet %s: stderr should start 'cvet: error: ': %r" % (args, lines[0]))
    if needle:
        check(needle in lines[0], "cvet %s: stderr should mention %r: %r" % (args, needle, lines[0]))
    check(p.stdout == "", "cvet %s: nothing expected on stdout, got %r" % (args, p.stdout[:200]))
    return lines[0]


# ---- usage ----

def test_usage__errors_exit_2_with_one_line():
    expect_usage_error([])
    expect_usage_error(["frobnicate"], "unknown command")
    expect_usage_error(["scan", "--bogus", PROJ], "--bogus")
    expect_usage_error(["scan", "--format", "xml", PROJ], "xml")
    expect_usage_error(["scan", PROJ, "--format"], "needs a value")
    expect_usage_error(["code", "-j", "0", PROJ], "-j")
    expect_usage_error(["code", "-j", "many", PROJ], "-j")
    expect_usage_error(["code", "--fail-on", "severe", PROJ], "severe")
    expect_usage_error(["code", "--format", "json", "--format", "gcc", PROJ], "standard output")
    expect_usage_error(["code", "--root", "/nonexistent-cvet-root", PROJ], "--root")
    expect_usage_error(["code", "--config", "/nonexistent-cvet.json", PROJ], "nonexistent-cvet.json")


def test_usage__missing_path_exits_2():
    line = expect_usage_error(["code", "/nonexistent/cvet/path"], "/nonexistent/cvet/path")
    check("No such file" in line, "message should say why: %r" % line)
    expect_usage_error(["scan", PROJ, "does-not-exist.c"], "does-not-exist.c")
    expect_usage_error(["deps", "/nonexistent/cvet/path"], "/nonexistent/cvet/path")


def test_help__lists_every_option():
    for args in (["--help"], ["help", "scan"], ["scan", "--help"], ["help", "code"], ["code", "-h"], ["deps", "--help"]):
        p = run(args)
        check(p.returncode == 0, "cvet %s: exit 0 expected, got %d" % (args, p.returncode))
        for opt in OPTIONS:
            check((" " + opt + " ") in p.stdout or (" " + opt + ",") in p.stdout or (" " + opt + "\n") in p.stdout,
                  "cvet %s: help does not explain %s" % (" ".join(args), opt))
    p = run(["--help"])
    for cmd in ("scan", "code", "deps", "db", "rules", "explain", "--version"):
        check(cmd in p.stdout, "cvet --help: command %s not listed" % cmd)
    p = run(["help", "rules"])
    check(p.returncode == 0 and "explain" in p.stdout, "cvet help rules should explain 'explain'")


def test_version():
    p = run(["--version"])
    check(p.returncode == 0 and p.stdout.startswith("cvet "), "cvet --version: %r" % p.stdout)


# ---- rules ----

def test_rules__list_and_explain():
    p = run(["rules", "list"])
    check(p.returncode == 0, "rules list: exit %d" % p.returncode)
    rows = p.stdout.splitlines()
    check(rows[0].split()[:3] == ["RULE", "SEVERITY", "CWE"], "rules list header: %r" % rows[0])
    ids = [r.split()[0] for r in rows[1:]]
    check(ids == sorted(ids), "rules list should be sorted by id")
    for rid in ("unsafe-gets", "parse-error", "suppression-without-reason", "unused-suppression"):
        check(rid in ids, "rules list lacks %s" % rid)
    row = [r for r in rows if r.startswith("suppression-without-reason ")][0]
    check(" low " in row and "CWE-710" in row, "suppression-without-reason row: %r" % row)
    check(run(["rules"]).stdout == p.stdout, "'cvet rules' should list like 'cvet rules list'")
    p = run(["rules", "explain", "suppression-without-reason"])
    check(p.returncode == 0 and "suppression-without-reason" in p.stdout and "## How to fix" in p.stdout,
          "rules explain should print the doc: %r" % p.stdout[:200])


def test_rules__unknown_rule_exit_2():
    line = expect_usage_error(["rules", "explain", "no-such-rule"], "no-such-rule")
    check("cvet rules list" in line, "should suggest 'cvet rules list': %r" % line)
    expect_usage_error(["code", "--disable", "no-such-rule", PROJ], "no-such-rule")
    expect_usage_error(["code", "--enable", "unsafe-gets,no-such-rule", PROJ], "no-such-rule")


# ---- exit codes ----

def test_fail_on__thresholds():
    # src/main.c: unsafe-gets (high), realloc-leak (medium), unsafe-libc (low, audit profile only)
    main_c = os.path.join(PROJ, "src", "main.c")
    for level, status in (("critical", 0), ("high", 1), ("medium", 1), ("low", 1), ("note", 1), ("none", 0)):
        p = run(["code", "--quiet", "--format", "gcc", "--fail-on", level, main_c])
        check(p.returncode == status, "--fail-on %s: expected %d, got %d" % (level, status, p.returncode))
    p = run(["code", "--quiet", "--format", "gcc", main_c])
    check(p.returncode == 1, "default --fail-on high: expected 1, got %d" % p.returncode)
    p = run(["code", "--quiet", "--format", "gcc", "--disable", "unsafe-gets", main_c])
    check(p.returncode == 0, "high finding disabled: expected 0, got %d" % p.returncode)
    check("unsafe-gets" not in p.stdout, "disabled rule still reported")
    p = run(["code", "--quiet", "--format", "gcc", "--disable", "unsafe-gets", "--fail-on", "medium", main_c])
    check(p.returncode == 1, "medium finding left: expected 1, got %d" % p.returncode)
    p = run(["code", "--quiet", "--format", "gcc", "--disable", "unsafe-gets,realloc-leak", "--enable", "unsafe-gets",
             main_c])
    check(p.returncode == 1 and "unsafe-gets" in p.stdout and "realloc-leak" not in p.stdout,
          "--enable after --disable should win (exit %d)" % p.returncode)


def test_config__rules_exclude_fail_on():
    with tempfile.TemporaryDirectory() as d:
        shutil.copytree(PROJ, os.path.join(d, "proj"))
        root = os.path.join(d, "proj")
        cfg = {"rules": {"unsafe-gets": "low", "unsafe-libc": "off"}, "exclude": ["vendor", "tests"], "fail_on": "medium"}
        with open(os.path.join(root, ".cvet.json"), "w") as f:
            json.dump(cfg, f)
        p = run(["code", "--quiet", "--format", "json", "."], cwd=root)
        check(p.returncode == 1, "config fail_on medium with a medium finding: expected 1, got %d" % p.returncode)
        rep = json.loads(p.stdout)
        rules = sorted(set(f["rule_id"] for f in rep["findings"]))
        check("unsafe-libc" not in rules, "rule switched off in config still reported")
        check(not any(f["location"]["path"].startswith(("vendor/", "tests/")) for f in rep["findings"]),
              "config exclude ignored")
        sev = [f["severity"] for f in rep["findings"] if f["rule_id"] == "unsafe-gets"]
        check(sev and all(s == "low" for s in sev), "severity override not applied: %r" % sev)
        p = run(["code", "--quiet", "--format", "gcc", "--fail-on", "high", "."], cwd=root)
        check(p.returncode == 0, "--fail-on beats config fail_on: expected 0, got %d" % p.returncode)
        p = run(["code", "--quiet", "--format", "gcc", "--no-config", "--profile", "audit", "--fail-on", "high", "."],
                cwd=root)
        check(p.returncode == 1 and "unsafe-libc" in p.stdout, "--no-config should ignore .cvet.json")
        # found from the first PATH when run elsewhere
        p = run(["code", "--quiet", "--format", "gcc", "proj"], cwd=d)
        check("unsafe-libc" not in p.stdout, "config in the first PATH not read")
        # malformed configs: one line, exit 2
        for bad, needle in (("{not json", "not a valid JSON"), ('{"rules": {"nope": "off"}}', "nope"),
                            ('{"rules": {"unsafe-gets": "loud"}}', "loud"), ('{"fail_on": "x"}', "fail_on"),
                            ('{"exclude": "vendor"}', "exclude"), ("[]", "JSON object"),
                            ('{"profile": "paranoid"}', "profile"), ('{"fail_on_all_code": "yes"}', "fail_on_all_code"),
                            ('{"locations": ["vendor"]}', "locations"), ('{"locations": {"vendor": ["v"]}}', "'vendor'"),
                            ('{"locations": {"vendored": "v/**"}}', "vendored"),
                            ('{"locations": {"test": [1]}}', "non-empty strings")):
            with open(os.path.join(root, ".cvet.json"), "w") as f:
                f.write(bad)
            expect_usage_error(["code", "--quiet", "."], needle, cwd=root)
        with open(os.path.join(root, ".cvet.json"), "w") as f:
            f.write(" " * (1024 * 1024 + 10))
        expect_usage_error(["code", "--quiet", "."], "larger", cwd=root)


# ---- outputs ----

def test_outputs__several_in_one_run():
    with tempfile.TemporaryDirectory() as d:
        j, s, m = os.path.join(d, "r.json"), os.path.join(d, "r.sarif"), os.path.join(d, "r.md")
        p = run(["code", "--quiet", "--format", "json", "-o", j, "--format", "sarif", "--output", s,
                 "--format", "gcc", "-o" + m, PROJ, "--format", "gcc"], cwd=SRC)
        check(p.returncode == 1, "expected exit 1 (high findings), got %d: %s" % (p.returncode, p.stderr))
        rep = json.load(open(j))
        check(len(rep["findings"]) > 0, "json output has no findings")
        sar = json.load(open(s))
        check(sar.get("version") == "2.1.0", "sarif output is not SARIF 2.1.0")
        check(open(m).read() == p.stdout, "the same format to a file and to stdout should be identical")
        check(len(rules_of(p.stdout)) == len(rep["findings"]), "gcc on stdout and json disagree on the count")
        # an -o without --format takes the format from the extension
        j2 = os.path.join(d, "auto.json")
        p = run(["code", "--quiet", "-o", j2, PROJ])
        check(p.stdout == "" and json.load(open(j2))["findings"], "-o x.json should write JSON and nothing to stdout")


def test_outputs__unwritable_exit_2_no_partial_file():
    with tempfile.TemporaryDirectory() as d:
        blocker = os.path.join(d, "file")
        open(blocker, "w").close()
        for target in (os.path.join(d, "missing-dir", "r.json"), os.path.join(blocker, "r.json"), d):
            expect_usage_error(["code", "--quiet", "--format", "json", "-o", target, PROJ])
        check(sorted(os.listdir(d)) == ["file"], "partial output left behind: %r" % os.listdir(d))
        # a good output next to a bad one: still exit 2 and nothing half-written
        good = os.path.join(d, "good.json")
        expect_usage_error(["code", "--quiet", "--format", "json", "-o", good, "--format", "sarif", "-o",
                            os.path.join(d, "nope", "r.sarif"), PROJ])
        check(not os.path.exists(good), "outputs are checked before the scan: nothing should be written")


def test_outputs__same_file_or_an_input_refused_before_the_scan():
    # issue "Hardening" items 7 and 8: an output onto an input, or two outputs onto one file however spelled
    with tempfile.TemporaryDirectory() as d:
        tree = os.path.join(d, "t")
        shutil.copytree(os.path.join(PROJ, "src"), tree)
        base = os.path.join(d, "base.json")
        with open(base, "w") as f:
            f.write('{"schema_version": 1, "findings": []}')
        expect_usage_error(["code", "--quiet", "--baseline", "base.json", "-o", "./base.json", "t"], "the baseline", cwd=d)
        expect_usage_error(["code", "--quiet", "-o", "s.out", "--format", "json", "-o", "t/../s.out", "t"],
                           "two outputs go to the same file", cwd=d)
        check(sorted(os.listdir(d)) == ["base.json", "t"], "nothing written: %r" % os.listdir(d))
        with open(base) as f:
            check("findings" in f.read(), "the baseline is untouched")


def test_outputs__force_lets_a_report_replace_a_source_in_the_tree():
    with tempfile.TemporaryDirectory() as d:
        tree = os.path.join(d, "t")
        shutil.copytree(os.path.join(PROJ, "src"), tree)
        victim = os.path.join(tree, "gen.h")
        expect_usage_error(["code", "--quiet", "-o", "t/gen.h", "t"], "--force", cwd=d)
        check(not os.path.exists(victim), "refused: nothing written")
        p = run(["code", "--quiet", "--fail-on", "none", "-o", "t/report.txt", "t"], cwd=d)
        check(p.returncode == 0 and os.path.exists(os.path.join(tree, "report.txt")),
              "a report of another name inside the tree is fine: %d %s" % (p.returncode, p.stderr))
        p = run(["code", "--quiet", "--force", "--fail-on", "none", "-o", "t/gen.h", "t"], cwd=d)
        check(p.returncode == 0 and os.path.exists(victim), "--force writes there: %d %s" % (p.returncode, p.stderr))


def test_outputs__devices_and_fifos_are_written_not_replaced():
    # regression: the atomic temp-file-and-rename replaced /dev/null itself with a regular file (as root)
    import stat
    import threading
    p = run(["code", "--quiet", "--format", "json", "-o", "/dev/null", "--fail-on", "none", "src/main.c"], cwd=PROJ)
    check(p.returncode == 0, "-o /dev/null: exit %d: %s" % (p.returncode, p.stderr))
    check(stat.S_ISCHR(os.stat("/dev/null").st_mode), "/dev/null is still a character device")
    with tempfile.TemporaryDirectory() as d:
        fifo = os.path.join(d, "out.fifo")
        os.mkfifo(fifo)
        got = []
        reader = threading.Thread(target=lambda: got.append(open(fifo).read()))
        reader.start()
        p = run(["code", "--quiet", "--format", "json", "-o", fifo, "--fail-on", "none", "src/main.c"], cwd=PROJ, timeout=120)
        reader.join(60)
        check(p.returncode == 0 and got and json.loads(got[0])["schema_version"] == 1, "a FIFO receives the report")
        check(stat.S_ISFIFO(os.stat(fifo).st_mode), "the FIFO is still a FIFO")


def test_outputs__jobs_1_and_2_identical():
    outs = []
    with tempfile.TemporaryDirectory() as d:
        # a private copy: the trees must not change between the two runs
        for sub in ("checks", "cli"):
            shutil.copytree(os.path.join(SRC, "testdata", sub), os.path.join(d, "testdata", sub), symlinks=True)
        for j in ("1", "2"):
            p = run(["code", "--quiet", "--format", "json", "--fail-on", "none", "-j", j, "testdata/checks",
                     "testdata/cli"], cwd=d)
            check(p.returncode == 0, "-j%s: exit %d: %s" % (j, p.returncode, p.stderr))
            outs.append(p.stdout)
    check(outs[0] == outs[1], "-j1 and -j2 JSON differ")
    check(json.loads(outs[0])["findings"], "no findings at all in testdata/checks?")


def test_outputs__no_color_when_not_a_tty():
    p = run(["code", os.path.join(PROJ, "src", "main.c")])
    check("\x1b[" not in p.stdout, "colour escape codes written to a pipe")
    check("\r" not in p.stderr, "progress drawn on a non-terminal stderr")


def run_on_pty(args, cwd=None, env=None, stdout_tty=True):
    """Run cvet with stderr (and stdout when stdout_tty) on a pseudo-terminal; returns (status, tty bytes, stdout)."""
    import pty
    try:
        master, slave = pty.openpty()
    except OSError as e:  # no /dev/ptmx or /dev/pts mounted: nothing to test against
        raise Skipped("no pseudo-terminal on this machine (%s); mount devpts to run it" % e)
    e = dict(os.environ)
    e.pop("NO_COLOR", None)
    e.update(env or {})
    p = subprocess.Popen([CVET] + args, cwd=cwd, env=e, stderr=slave,
                         stdout=slave if stdout_tty else subprocess.PIPE)
    os.close(slave)
    data = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        data += chunk
    out = p.stdout.read() if p.stdout else b""
    status = p.wait(timeout=300)
    os.close(master)
    return status, data, out


def test_outputs__progress_lines_without_a_terminal():
    # --progress with stderr in a pipe (a CI log): plain lines, no carriage returns or escapes; -q wins
    p = run(["code", "--progress", "--format", "json", "--fail-on", "none", "."], cwd=PROJ)
    lines = [l for l in p.stderr.splitlines() if l.startswith("cvet: ") and " files, " in l]
    check(p.returncode == 0 and lines and lines[-1].startswith("cvet: 5/5 files, ") and "elapsed" in lines[-1],
          "plain progress lines: %r" % p.stderr)
    check("\r" not in p.stderr and "\x1b" not in p.stderr, "no terminal control in plain progress: %r" % p.stderr)
    p = run(["code", "--progress", "-q", "--format", "json", "--fail-on", "none", "."], cwd=PROJ)
    check(p.stderr == "", "--quiet silences --progress: %r" % p.stderr)


def test_outputs__terminal_progress_and_colour():
    status, tty, out = run_on_pty(["code", "--format", "json", "--fail-on", "none", "."], cwd=PROJ, stdout_tty=False)
    check(status == 0, "exit %d" % status)
    check(b"\r\x1b[K[" in tty and b"] 1/5 0:0" in tty and b"] 5/5 " in tty,
          "no progress bar with a file counter and the elapsed time on a terminal: %r" % tty[:300])
    check(b"\x1b[" not in out, "escape codes in JSON")
    status, tty, out = run_on_pty(["code", "--quiet", "--format", "json", "--fail-on", "none", "."], cwd=PROJ,
                                  stdout_tty=False)
    check(tty == b"", "--quiet should leave the terminal alone: %r" % tty[:300])
    main_c = os.path.join(PROJ, "src", "main.c")
    _, tty, _ = run_on_pty(["code", "--quiet", "--fail-on", "none", main_c])
    check(b"\x1b[" in tty, "text on a terminal should be coloured")
    _, tty, _ = run_on_pty(["code", "--quiet", "--fail-on", "none", main_c], env={"NO_COLOR": "1"})
    check(b"\x1b[" not in tty, "NO_COLOR ignored")
    _, tty, _ = run_on_pty(["code", "--quiet", "--no-color", "--fail-on", "none", main_c])
    check(b"\x1b[" not in tty, "--no-color ignored")


# ---- discovery ----

def test_discover__skips_build_dirs_and_excludes():
    p = run(["code", "--quiet", "--format", "gcc", "--fail-on", "none", "."], cwd=PROJ)
    files = set(f for f, _ in rules_of(p.stdout))
    check("src/main.c" in files, "src/main.c not scanned: %r" % files)
    check("vendor/bundled.c" in files, "vendor/ scanned by default")
    check(not any(f.startswith(("build/", "cmake-build-")) for f in files), "build directories scanned: %r" % files)
    check(not any(f.startswith(".pc/") for f in files), "quilt's .pc backups scanned: %r" % files)
    for ex in (["--exclude", "vendor"], ["--exclude", "vendor/*"], ["--exclude=*.c", "--exclude", "*.h"]):
        p = run(["code", "--quiet", "--format", "gcc", "--fail-on", "none", "."] + ex, cwd=PROJ)
        files = set(f for f, _ in rules_of(p.stdout))
        check("vendor/bundled.c" not in files, "%s did not exclude vendor/bundled.c" % ex)
        check(p.returncode == 0, "exit %d" % p.returncode)
    p = run(["code", "--quiet", "--format", "gcc", "--fail-on", "none", "--exclude", "src", "."], cwd=PROJ)
    check("src/main.c" not in p.stdout, "a directory component pattern should exclude the directory")


def test_discover__headers_alone_and_include_dirs():
    p = run(["code", "--quiet", "--format", "json", "--fail-on", "none", "."], cwd=PROJ)
    rep = json.loads(p.stdout)
    got = set((f["location"]["path"], f["rule_id"]) for f in rep["findings"])
    check(("include/lonely.h", "unsafe-gets") in got, "a header no source includes must be parsed alone")
    check(not any(r == "parse-error" for _, r in got), "include/ should be on the include path: %r" % got)
    # src/main.c + vendor/bundled.c + tests/suppressed.c + include/lonely.h (proj.h is included, not parsed alone)
    check(rep["summary"]["files_scanned"] == 4, "files_scanned: %r" % rep["summary"]["files_scanned"])
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, "only.hpp"), "w") as f:
            f.write("#include <cstdio>\nchar *gets(char *s);\ninline void r() { char b[4]; gets(b); }\n")
        p = run(["code", "--quiet", "--format", "gcc", "--fail-on", "none", "."], cwd=d)
        check(rules_of(p.stdout) == [("only.hpp", "unsafe-gets")], "header-only project: %r" % p.stdout)


def test_discover__symlinks_not_followed_out():
    with tempfile.TemporaryDirectory() as d:
        inside, outside = os.path.join(d, "in"), os.path.join(d, "out-of-tree")
        os.makedirs(inside)
        os.makedirs(outside)
        with open(os.path.join(outside, "x.c"), "w") as f:
            f.write("char *gets(char *s);\nvoid f(void) { char b[4]; gets(b); }\n")
        os.symlink(outside, os.path.join(inside, "linkdir"))
        os.symlink(os.path.join(outside, "x.c"), os.path.join(inside, "link.c"))
        with open(os.path.join(inside, "ok.c"), "w") as f:
            f.write("int ok(void) { return 0; }\n")
        p = run(["code", "--quiet", "--format", "gcc", "--fail-on", "none", "."], cwd=inside)
        check(p.returncode == 0 and p.stdout == "", "symlinks out of the tree were followed: %r" % p.stdout)


def test_discover__file_named_directly_finds_project_includes():
    p = run(["code", "--quiet", "--format", "gcc", "--fail-on", "none", "testdata/cli/proj/src/main.c"], cwd=SRC)
    got = rules_of(p.stdout)
    check(("testdata/cli/proj/src/main.c", "unsafe-gets") in got, "named file: %r" % p.stdout)
    check("parse-error" not in p.stdout, "include/ above the file should be on the include path: %r" % p.stdout)


def test_root__paths_relative_to_root():
    p = run(["code", "--quiet", "--format", "gcc", "--fail-on", "none", "--root", PROJ, os.path.join(PROJ, "src")])
    check(rules_of(p.stdout) and all(f.startswith("src/") for f, _ in rules_of(p.stdout)), "--root: %r" % p.stdout)


# ---- compilation database ----

DANGEROUS_C = """#include "cfg.h"
#ifdef DANGEROUS
char *gets(char *s);
void f(void) { struct cfg c; gets(c.buf); }
#endif
int g(void) { return CFG_SIZE; }
"""
CFG_H = "#define CFG_SIZE 8\nstruct cfg { char buf[CFG_SIZE]; };\n"


def make_db_project(d, name="compile_commands.json", extra_flags=(), entries=None):
    os.makedirs(os.path.join(d, "src"), exist_ok=True)
    os.makedirs(os.path.join(d, "inc"), exist_ok=True)
    with open(os.path.join(d, "src", "d.c"), "w") as f:
        f.write(DANGEROUS_C)
    with open(os.path.join(d, "inc", "cfg.h"), "w") as f:
        f.write(CFG_H)
    if entries is None:
        entries = [{"directory": ".", "file": "src/d.c",
                    "arguments": ["gcc", "-DDANGEROUS", "-Iinc", "-c", "src/d.c", "-o", "d.o"] + list(extra_flags)}]
    with open(os.path.join(d, name), "w") as f:
        json.dump(entries, f)


def test_compdb__flags_matter():
    with tempfile.TemporaryDirectory() as d:
        make_db_project(d)
        p = run(["code", "--quiet", "--format", "gcc", "--fail-on", "none", "."], cwd=d)
        check(rules_of(p.stdout) == [("src/d.c", "unsafe-gets")], "auto-detected database: %r" % p.stdout)
        # explicit -p from elsewhere; report paths relative to the cwd
        p = run(["code", "--quiet", "--format", "gcc", "--fail-on", "none", "-p", d, d], cwd="/")
        check([r for _, r in rules_of(p.stdout)] == ["unsafe-gets"], "-p DIR: %r" % p.stdout)
        # a file named directly picks up the database of the directory it is run from
        p = run(["code", "--quiet", "--format", "gcc", "--fail-on", "none", "src/d.c"], cwd=d)
        check(rules_of(p.stdout) == [("src/d.c", "unsafe-gets")], "file named directly: %r" % p.stdout)
        # without the database: no -DDANGEROUS, so no gets() call
        os.rename(os.path.join(d, "compile_commands.json"), os.path.join(d, "cc.json"))
        p = run(["code", "--quiet", "--format", "gcc", "--fail-on", "none", "--no-config", "."], cwd=d)
        check("unsafe-gets" not in p.stdout, "without the database DANGEROUS is not defined: %r" % p.stdout)
        # --compile-commands FILE with another name; --extra-arg is applied too
        p = run(["code", "--quiet", "--format", "gcc", "--fail-on", "none", "--compile-commands", "cc.json", "."], cwd=d)
        check(rules_of(p.stdout) == [("src/d.c", "unsafe-gets")], "--compile-commands FILE: %r" % p.stdout)
        p = run(["code", "--quiet", "--format", "gcc", "--fail-on", "none", "--extra-arg=-UDANGEROUS",
                 "--compile-commands", "cc.json", "."], cwd=d)
        check("unsafe-gets" not in p.stdout, "--extra-arg not applied: %r" % p.stdout)
        check(os.listdir(d) and not [n for n in os.listdir(d) if n.endswith((".o", ".d"))], "build outputs written")


def test_compdb__build_subdir_and_gcc_flags():
    with tempfile.TemporaryDirectory() as d:
        make_db_project(d, entries=[{"directory": "..", "file": "src/d.c",
                                     "command": "gcc -DDANGEROUS -I inc -fno-tree-vrp -fconserve-stack -Werror "
                                                "-Werror=format -Wno-such-warning-anywhere -MD -MF d.d -Wp,-MD,x.d "
                                                "-mpreferred-stack-boundary=3 -std=gnu11 -Xclang -load -Xclang /nonexistent/evil.so "
                                                "-fplugin=/nonexistent/evil.so -MJ frag.json --config=/nonexistent.cfg "
                                                "-c src/d.c -o d.o"}])
        os.makedirs(os.path.join(d, "build"))
        entries = json.load(open(os.path.join(d, "compile_commands.json")))
        # a generated source in the build tree: skipped like discovery skips build/
        with open(os.path.join(d, "build", "gen.c"), "w") as f:
            f.write("char *gets(char *s);\nvoid gen(void) { char b[4]; gets(b); }\n")
        entries.append({"directory": ".", "file": "gen.c", "arguments": ["cc", "-c", "gen.c"]})
        with open(os.path.join(d, "build", "compile_commands.json"), "w") as f:
            json.dump(entries, f)
        os.unlink(os.path.join(d, "compile_commands.json"))
        p = run(["code", "--quiet", "--format", "gcc", "--fail-on", "none", "."], cwd=d)
        check(rules_of(p.stdout) == [("src/d.c", "unsafe-gets")], "build/compile_commands.json with gcc flags: %r"
              % p.stdout)
        check(not any(n.endswith((".d", ".json", ".o")) for n in os.listdir(d)), "build side files written: %r"
              % os.listdir(d))
        p = run(["code", "--quiet", "--format", "gcc", "--fail-on", "none", "build"], cwd=d)
        check(rules_of(p.stdout) == [("build/gen.c", "unsafe-gets")], "scanning build/ itself: %r" % p.stdout)


def test_compdb__entries_outside_paths_ignored():
    with tempfile.TemporaryDirectory() as d:
        make_db_project(d)
        os.makedirs(os.path.join(d, "other"))
        with open(os.path.join(d, "other", "o.c"), "w") as f:
            f.write("char *gets(char *s);\nvoid o(void) { char b[4]; gets(b); }\n")
        entries = json.load(open(os.path.join(d, "compile_commands.json")))
        entries.append({"directory": d, "file": "other/o.c", "arguments": ["cc", "-c", "other/o.c"]})
        with open(os.path.join(d, "compile_commands.json"), "w") as f:
            json.dump(entries, f)
        p = run(["code", "--quiet", "--format", "gcc", "--fail-on", "none", "-p", ".", "src"], cwd=d)
        check(rules_of(p.stdout) == [("src/d.c", "unsafe-gets")], "only entries under PATH: %r" % p.stdout)


def test_compdb__malformed_exit_2():
    for text, needle in (("this is not json", "malformed"), ("{}", "malformed"),
                         ('[{"directory": ".", "file": "a.c"}]', "entry 1"),
                         ('[{"directory": ".", "file": "a.c", "arguments": ["cc", 1]}]', "entry 1"),
                         ("", "malformed")):
        with tempfile.TemporaryDirectory() as d:
            with open(os.path.join(d, "compile_commands.json"), "w") as f:
                f.write(text)
            expect_usage_error(["code", "--quiet", "."], needle, cwd=d)
            expect_usage_error(["code", "--quiet", "-p", d, d], needle)
    expect_usage_error(["code", "--quiet", "-p", "/nonexistent-cvet-db", SRC], "nonexistent-cvet-db")


# ---- suppressions ----

def test_suppressions__end_to_end():
    tdir = os.path.join(PROJ, "tests")
    p = run(["code", "--quiet", "--format", "gcc", "--fail-on", "none", "."], cwd=tdir)
    got = rules_of(p.stdout)
    check(got == [("suppressed.c", "suppression-without-reason")], "suppressions: %r" % p.stdout)
    check(":18:" in p.stdout, "the no-reason finding belongs on the comment's line: %r" % p.stdout)
    p = run(["code", "--quiet", "--format", "gcc", "--fail-on", "none", "--report-unused-suppressions", "."], cwd=tdir)
    check(sorted(r for _, r in rules_of(p.stdout)) == ["suppression-without-reason", "unused-suppression"],
          "unused suppression: %r" % p.stdout)
    p2 = run(["code", "--quiet", "--format", "gcc", "--fail-on", "none", "--enable", "unused-suppression", "."], cwd=tdir)
    check(p2.stdout == p.stdout, "--enable unused-suppression should ask for the report: %r" % p2.stdout)
    p = run(["code", "--quiet", "--format", "gcc", "--fail-on", "none", "--report-unused-suppressions", "--disable",
             "unused-suppression,suppression-without-reason", "."], cwd=tdir)
    check(p.stdout == "", "built-in rules can be disabled: %r" % p.stdout)
    # low severity: fails only at --fail-on low
    check(run(["code", "--quiet", "--format", "gcc", "--fail-on", "medium", "."], cwd=tdir).returncode == 0, "medium")
    check(run(["code", "--quiet", "--format", "gcc", "--fail-on", "low", "."], cwd=tdir).returncode == 1, "low")


# ---- dependencies ----

def test_deps__scan_merges_and_deps_only():
    demo = os.path.join(SRC, "testdata", "demo")
    p = run(["scan", "--quiet", "--format", "json", "--fail-on", "none", "."], cwd=demo)
    check(p.returncode == 0, "scan: exit %d: %s" % (p.returncode, p.stderr))
    rep = json.loads(p.stdout)
    check(rep["analyses"] == {"code": True, "dependencies": True}, "scan runs both analyses: %r" % rep["analyses"])
    kinds = set(f["kind"] for f in rep["findings"])
    p = run(["deps", "--quiet", "--format", "json", "--fail-on", "none", "."], cwd=demo)
    check(p.returncode == 0, "deps: exit %d: %s" % (p.returncode, p.stderr))
    rep2 = json.loads(p.stdout)
    check(rep2["analyses"] == {"code": False, "dependencies": True}, "deps only: %r" % rep2["analyses"])
    check(all(f["kind"] == "dependency" for f in rep2["findings"]), "deps reports code findings")
    check("code" in kinds, "scan lacks code findings")


def test_timeout__hostile_include_of_a_fifo():
    # libclang blocks forever reading an #include'd FIFO: its worker process is stopped, the file gets a note
    # and the report is written; with --no-isolate the watchdog can only end the run (exit 2, no output)
    with tempfile.TemporaryDirectory() as d:
        os.mkfifo(os.path.join(d, "evil.h"))
        with open(os.path.join(d, "a.c"), "w") as f:
            f.write('#include "evil.h"\nint x;\n')
        out = os.path.join(d, "out.json")
        p = run(["code", "--tu-timeout", "2", "--format", "json", "-o", out, "a.c"], cwd=d, timeout=60)
        check(p.returncode == 0, "a hung translation unit is a note, exit 0, got %d: %s" % (p.returncode, p.stderr))
        notes = [f["message"] for f in json.load(open(out))["findings"]] if os.path.exists(out) else []
        check(any("longer than 2 s (--tu-timeout)" in m for m in notes), "the note names the bound: %s" % notes)
        os.unlink(out) if os.path.exists(out) else None
        p = run(["code", "--no-isolate", "--tu-timeout", "2", "--format", "json", "-o", out, "a.c"], cwd=d, timeout=60)
        check(p.returncode == 2, "--no-isolate: a hung translation unit gives exit 2, got %d" % p.returncode)
        check("--tu-timeout" in p.stderr and p.stderr.count("\n") == 1, "one-line message naming --tu-timeout: %r" % p.stderr)
        check(not os.path.exists(out), "no output file is left behind")
    expect_usage_error(["code", "--tu-timeout", "soon", "."], "--tu-timeout")
    expect_usage_error(["code", "--tu-memory", "12", "."], "--tu-memory")
    expect_usage_error(["code", "--tu-memory", "lots", "."], "--tu-memory")


def test_baseline__only_new_findings_fail():
    with tempfile.TemporaryDirectory() as d:
        demo = os.path.join(d, "demo")
        shutil.copytree(os.path.join(SRC, "testdata", "demo"), demo)
        base = os.path.join(d, "base.json")
        p = run(["code", "--quiet", "--format", "json", "-o", base, "."], cwd=demo)
        check(p.returncode == 1, "the demo fails without a baseline")
        before = len(json.load(open(base))["findings"])
        # move every line down and add one new problem: only the new one may be reported
        path = os.path.join(demo, "src", "handler.c")
        text = open(path).read()
        open(path, "w").write("\n\n\n" + text + "\nvoid read_name(char *buf)\n{\n\tgets(buf);\n}\n")
        p = run(["code", "--quiet", "--baseline", base, "--format", "json", "-o", "-", "."], cwd=demo)
        rep = json.loads(p.stdout)
        rules = sorted(f["rule_id"] for f in rep["findings"])
        check(rules == ["unsafe-gets"], "only the new finding is reported after lines moved, got %s" % rules)
        check(p.returncode == 1, "a new high finding fails the run")
        check(any("%d finding(s) already in the baseline" % before in n for n in rep["notes"]),
              "a note counts the baselined findings: %s" % rep["notes"])
        open(path, "w").write("\n" + text)
        p = run(["code", "--quiet", "--baseline", base, "--format", "gcc", "."], cwd=demo)
        check(p.returncode == 0 and p.stdout == "", "nothing new, nothing reported: %r" % p.stdout)
        bad = os.path.join(d, "bad.json")
        open(bad, "w").write('{"findings": "no"}')
        expect_usage_error(["code", "--baseline", bad, demo], "baseline")
        expect_usage_error(["code", "--baseline", os.path.join(d, "missing.json"), demo], "baseline")


# ---- profiles ----

ATOI_AND_GETS = "int atoi(const char *);\nchar *gets(char *);\nint f(char *b) { gets(b); return atoi(b); }\n"


def test_profile__default_runs_high_precision_rules_only():
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, "a.c"), "w") as f:
            f.write(ATOI_AND_GETS)
        base = ["code", "--quiet", "--format", "gcc", "--fail-on", "none", "--no-config"]
        got = lambda p: sorted(r for _, r in rules_of(p.stdout))
        p = run(base + ["a.c"], cwd=d)
        check(got(p) == ["unsafe-gets"], "default profile: unsafe-libc (low precision) must not run: %r" % p.stdout)
        p = run(base + ["--profile", "audit", "a.c"], cwd=d)
        check(got(p) == ["unsafe-gets", "unsafe-libc"], "--profile audit runs every rule: %r" % p.stdout)
        p = run(base + ["--enable", "unsafe-libc", "a.c"], cwd=d)
        check(got(p) == ["unsafe-gets", "unsafe-libc"], "--enable turns on one rule in the default profile: %r" % p.stdout)
        p = run(base + ["--profile", "audit", "--disable", "unsafe-libc", "a.c"], cwd=d)
        check(got(p) == ["unsafe-gets"], "--disable still wins in the audit profile: %r" % p.stdout)
        # the config's profile, and the command line over it; a rule the config names runs
        with open(os.path.join(d, "audit.json"), "w") as f:
            json.dump({"profile": "audit"}, f)
        p = run(["code", "--quiet", "--format", "gcc", "--fail-on", "none", "--config", "audit.json", "a.c"], cwd=d)
        check(got(p) == ["unsafe-gets", "unsafe-libc"], "config profile audit: %r" % p.stdout)
        p = run(["code", "--quiet", "--format", "gcc", "--fail-on", "none", "--config", "audit.json", "--profile",
                 "default", "a.c"], cwd=d)
        check(got(p) == ["unsafe-gets"], "--profile beats the config: %r" % p.stdout)
        with open(os.path.join(d, "named.json"), "w") as f:
            json.dump({"rules": {"unsafe-libc": "medium"}}, f)
        p = run(["code", "--quiet", "--format", "gcc", "--fail-on", "none", "--config", "named.json", "a.c"], cwd=d)
        check(got(p) == ["unsafe-gets", "unsafe-libc"], "a rule the config gives a severity runs: %r" % p.stdout)
        expect_usage_error(base + ["--profile", "paranoid", "a.c"], "--profile", cwd=d)
        expect_usage_error(base + ["a.c", "--profile"], "needs a value", cwd=d)


def test_profile__rules_list_shows_precision_and_profile():
    p = run(["rules", "list"])
    rows = p.stdout.splitlines()
    check(rows[0].split()[:5] == ["RULE", "SEVERITY", "CWE", "PRECISION", "PROFILE"], "header: %r" % rows[0])
    cols = {r.split()[0]: r.split() for r in rows[1:]}
    check(cols["unsafe-libc"][3:5] == ["low", "audit"], "unsafe-libc row: %r" % cols["unsafe-libc"])
    check(cols["unsafe-gets"][3:5] == ["very-high", "default"], "unsafe-gets row: %r" % cols["unsafe-gets"])
    check(cols["command-injection"][4] == "default", "command-injection row: %r" % cols["command-injection"])
    for rid, c in cols.items():
        check(c[4] == ("default" if c[3] in ("high", "very-high") else "audit"), "%s: profile follows precision" % rid)


STRCPY_OVERFLOW = ("char *strcpy(char *, const char *);\nint puts(const char *);\n"
                   "void f(void) { char b[4]; const char *s = \"longer\"; strcpy(b, s); puts(b); }\n")


def test_profile__buffer_overflow_replaces_unbounded_copy_at_the_same_call():
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, "a.c"), "w") as f:
            f.write(STRCPY_OVERFLOW)
        base = ["code", "--quiet", "--format", "gcc", "--fail-on", "none", "--no-config", "--no-cache"]
        got = lambda p: sorted(r for _, r in rules_of(p.stdout))
        p = run(base + ["a.c"], cwd=d)
        check(got(p) == ["unbounded-copy"], "default profile: unbounded-copy reports the copy: %r" % p.stdout)
        p = run(base + ["--profile", "audit", "a.c"], cwd=d)
        check(got(p) == ["buffer-overflow"], "audit: buffer-overflow's proof replaces it: %r" % p.stdout)
        p = run(base + ["--profile", "audit", "--disable", "buffer-overflow", "a.c"], cwd=d)
        check(got(p) == ["unbounded-copy"], "audit without buffer-overflow: unbounded-copy stays: %r" % p.stdout)


# ---- location classes ----

GETS = "char *gets(char *);\nvoid %s(char *b) { gets(b); }\n"
REALLOC = ("#include <stdlib.h>\nvoid *grow(void *p, size_t n) { p = realloc(p, n); return p; }\n")


def make_location_tree(d):
    """A project with product code (one medium finding), and a high finding in each kind of other code."""
    files = {
        "src/main.c": REALLOC,
        "src/parser_test.c": GETS % "t1",
        "tests/unit.c": GETS % "t2",
        "vendor/zlib/inflate.c": GETS % "v1",
        "ext/libfoo/foo.c": GETS % "s1",          # a git submodule
        "lib/gnulib/regex.c": GETS % "g1",        # vendored by the config
        "examples/hello.c": GETS % "e1",
        "tools/gen.c": GETS % "x1",
        "src/contrib/keep.c": REALLOC.replace("grow", "grow2"),  # product by the config, conventions aside
    }
    for rel, text in files.items():
        os.makedirs(os.path.dirname(os.path.join(d, rel)), exist_ok=True)
        with open(os.path.join(d, rel), "w") as f:
            f.write(text)
    with open(os.path.join(d, ".gitmodules"), "w") as f:
        f.write('[submodule "libfoo"]\n\tpath = ext/libfoo\n\turl = https://github.com/example/libfoo.git\n'
                '[submodule "evil"]\n\tpath = ../../etc\n\turl = https://example.com/evil.git\n')
    with open(os.path.join(d, ".cvet.json"), "w") as f:
        json.dump({"locations": {"vendored": ["lib/gnulib/**"], "product": ["src/contrib/**"]}}, f)


def test_locations__classes_in_json_and_fail_on():
    with tempfile.TemporaryDirectory() as d:
        make_location_tree(d)
        p = run(["code", "--quiet", "--format", "json", "."], cwd=d)
        check(p.returncode == 0, "high findings only outside product code: exit 0 expected, got %d" % p.returncode)
        rep = json.loads(p.stdout)
        got = {f["location"]["path"]: f["location_class"] for f in rep["findings"]}
        want = {"src/main.c": "product", "src/parser_test.c": "test", "tests/unit.c": "test",
                "vendor/zlib/inflate.c": "vendored", "ext/libfoo/foo.c": "vendored", "lib/gnulib/regex.c": "vendored",
                "examples/hello.c": "example", "tools/gen.c": "tool", "src/contrib/keep.c": "product"}
        check(got == want, "location classes: %r" % got)
        s = rep["summary"]
        check(s["at_or_above_fail_on"] == 7 and s["failing"] == 0 and s["fail_on_all_code"] is False,
              "summary counts: %r" % s)
        check(s["code_by_location_class"]["vendored"] == 3, "summary by class: %r" % s["code_by_location_class"])
        # --fail-on medium: the product findings fail the run; non-product ones never count by default
        check(run(["code", "--quiet", "--format", "gcc", "--fail-on", "medium", "."], cwd=d).returncode == 1,
              "medium product finding at --fail-on medium")
        p = run(["code", "--quiet", "--format", "gcc", "--fail-on-all-code", "."], cwd=d)
        check(p.returncode == 1, "--fail-on-all-code counts every finding: exit %d" % p.returncode)
        cfg = json.load(open(os.path.join(d, ".cvet.json")))
        cfg["fail_on_all_code"] = True
        with open(os.path.join(d, "all.json"), "w") as f:
            json.dump(cfg, f)
        p = run(["code", "--quiet", "--format", "gcc", "--config", "all.json", "."], cwd=d)
        check(p.returncode == 1, "config fail_on_all_code: exit %d" % p.returncode)
        # without the config, lib/gnulib is product code and fails the run; src/contrib is contrib
        p = run(["code", "--quiet", "--format", "json", "--no-config", "."], cwd=d)
        rep = json.loads(p.stdout)
        got = {f["location"]["path"]: f["location_class"] for f in rep["findings"]}
        check(p.returncode == 1 and got["lib/gnulib/regex.c"] == "product" and got["src/contrib/keep.c"] == "contrib",
              "conventions without the config (exit %d): %r" % (p.returncode, got))
        # the stderr summary says what counts
        p = run(["code", "--format", "json", "-o", os.path.join(d, "r.json"), "."], cwd=d)
        check("0 at or above high in product code" in p.stderr, "stderr summary: %r" % p.stderr)


def test_locations__flow_from_a_test_is_test_code():
    """A product function judged only through a test's call (the test reads the input) is test code."""
    with tempfile.TemporaryDirectory() as d:
        os.makedirs(os.path.join(d, "src"))
        os.makedirs(os.path.join(d, "tests"))
        with open(os.path.join(d, "src", "lib.c"), "w") as f:
            f.write("#include <stdio.h>\nFILE *lib_open(const char *name) { return fopen(name, \"r\"); }\n")
        with open(os.path.join(d, "tests", "t.c"), "w") as f:
            f.write("#include <stdio.h>\nFILE *lib_open(const char *name);\n"
                    "int main(void) { char b[64]; if (!fgets(b, sizeof b, stdin)) return 1; "
                    "return lib_open(b) != NULL; }\n")
        p = run(["code", "--quiet", "--format", "json", "--fail-on", "high", "."], cwd=d)
        rep = json.loads(p.stdout)
        got = [(f["rule_id"], f["location"]["path"], f["location_class"]) for f in rep["findings"]]
        check(("path-traversal", "src/lib.c", "test") in got, "flow from a test into product code: %r" % got)
        check(p.returncode == 0, "a finding only a test reaches does not fail the run: exit %d" % p.returncode)


def test_config__flow_models():
    """.cvet.json "models": a wrapper source, a wrapper sink and a check function steer the flow rules."""
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, "w.c"), "w") as f:
            f.write("int net_read(int fd, char *buf, int n);\nint run_shell(const char *cmd);\n"
                    "int name_ok(const char *s);\n"
                    "void handle(int fd)\n{\n\tchar b[64], c[64];\n"
                    "\tif (net_read(fd, b, sizeof b) <= 0)\n\t\treturn;\n"
                    "\trun_shell(b);\n"                                   # line 9: reported
                    "\tif (net_read(fd, c, sizeof c) <= 0 || !name_ok(c))\n\t\treturn;\n"
                    "\trun_shell(c);\n}\n")                              # line 12: checked, not reported
        models = [{"function": "net_read", "role": "source", "arg": 1, "kind": "remote"},
                  {"function": "run_shell", "role": "sink", "arg": 0, "as": "command"},
                  {"function": "name_ok", "role": "check", "arg": 0, "as": "command"}]
        with open(os.path.join(d, ".cvet.json"), "w") as f:
            json.dump({"models": models}, f)
        p = run(["code", "--quiet", "--format", "json", "--fail-on", "none", "."], cwd=d)
        got = [(x["rule_id"], x["location"]["line"]) for x in json.loads(p.stdout)["findings"]]
        check(got == [("command-injection", 9)], "user models: %r" % got)
        # without the config nothing is known about the wrappers
        p = run(["code", "--quiet", "--format", "json", "--fail-on", "none", "--no-config", "."], cwd=d)
        check(not json.loads(p.stdout)["findings"], "no models, no findings")
        for bad, want in [({"function": "x", "role": "sink", "arg": 0, "as": "cmd"}, "must be command, format"),
                          ({"function": "x", "role": "source", "arg": 1}, ".kind must be"),
                          ({"function": "x", "role": "wrapper", "arg": 1}, ".role must be"),
                          ({"role": "noreturn"}, "needs a \"function\""),
                          ({"function": "x", "role": "propagate", "arg": "return"}, "needs \"from\""),
                          ({"function": "x", "role": "sink", "arg": 99, "as": "path"}, "argument index")]:
            with open(os.path.join(d, "bad.json"), "w") as f:
                json.dump({"models": [bad]}, f)
            p = run(["code", "--config", "bad.json", "."], cwd=d)
            check(p.returncode == 2 and want in p.stderr and p.stderr.count("\n") == 1,
                  "bad model %r: exit %d, %r" % (bad, p.returncode, p.stderr))


def test_locations__scanned_directory_names_do_not_count():
    with tempfile.TemporaryDirectory() as d:
        proj = os.path.join(d, "tests", "proj")
        os.makedirs(os.path.join(proj, "src"))
        with open(os.path.join(proj, "src", "a.c"), "w") as f:
            f.write(GETS % "a")
        # from the parent: the user named tests/proj, so its code is product code
        p = run(["code", "--quiet", "--format", "json", "--no-config", "tests/proj"], cwd=d)
        rep = json.loads(p.stdout)
        check(p.returncode == 1 and [f["location_class"] for f in rep["findings"]] == ["product"],
              "code under a named PATH: exit %d, %r" % (p.returncode, p.stdout[:300]))
        p = run(["code", "--quiet", "--format", "json", "--no-config", "."], cwd=d)
        rep = json.loads(p.stdout)
        check(p.returncode == 0 and [f["location_class"] for f in rep["findings"]] == ["test"],
              "the same file under tests/ of the scanned root: exit %d" % p.returncode)


def test_locations__sarif_text_markdown_gcc():
    with tempfile.TemporaryDirectory() as d:
        make_location_tree(d)
        sarif, md = os.path.join(d, "r.sarif"), os.path.join(d, "r.md")
        p = run(["code", "--quiet", "--no-color", "--fail-on", "medium", "--format", "sarif", "-o", sarif,
                 "--format", "markdown", "-o", md, "--format", "text", "."], cwd=d)
        check(p.returncode == 1, "exit %d" % p.returncode)
        text = p.stdout
        head = "\nIn tests, examples, vendored and other non-product code: 7 findings\n"
        check(head in text, "text section: %r" % text[:2000])
        before, after = text.split(head, 1)
        check("src/main.c:" in before and "src/contrib/keep.c:" in before, "product findings come first")
        check("tests/unit.c:" in after and "{test code}" in after and "{vendored code}" in after,
              "non-product findings in their section, tagged")
        check("passed" not in text and "(7 more outside product code, not counted)" in text, "text summary: %r" % text[-300:])
        m = open(md).read()
        check("#### In tests, examples, vendored and other non-product code: 7 findings" in m and "| vendored | high |" in m,
              "markdown section: %r" % m[:1500])
        log = json.load(open(sarif))
        tags = {}
        for res in log["runs"][0]["results"]:
            uri = res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            tags[uri] = res.get("properties", {}).get("tags", [])
        check(tags.get("tests/unit.c") == ["test-code"] and tags.get("ext/libfoo/foo.c") == ["vendored-code"]
              and tags.get("examples/hello.c") == ["example-code"] and tags.get("tools/gen.c") == ["tool-code"]
              and tags.get("src/main.c") == [], "SARIF tags: %r" % tags)
        schema = os.path.join(SRC, "tests", "report", "sarif-schema-2.1.0.json")
        v = subprocess.run([sys.executable, os.path.join(SRC, "tests", "report", "validate_sarif.py"), "--schema", schema,
                            sarif], capture_output=True, text=True)
        check(v.returncode in (0, 77), "SARIF with tags validates: %s" % (v.stdout + v.stderr)[-1500:])
        # gcc: the same lines as ever, no hint appended
        p = run(["code", "--quiet", "--format", "gcc", "--fail-on", "none", "."], cwd=d)
        lines = gcc_lines(p.stdout)
        check(len(lines) == 9 and all(l.endswith("]") for l in lines) and "code}" not in p.stdout,
              "gcc lines unchanged: %r" % p.stdout)


def main():
    global CVET, SRC, VERBOSE, PROJ
    ap = argparse.ArgumentParser()
    ap.add_argument("--cvet", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--filter", default="")
    ap.add_argument("-v", action="store_true")
    a = ap.parse_args()
    CVET, SRC, VERBOSE = os.path.abspath(a.cvet), os.path.abspath(a.source), a.v
    PROJ = os.path.join(SRC, "testdata", "cli", "proj")
    tests = [(n, f) for n, f in sorted(globals().items()) if n.startswith("test_") and callable(f)]
    failures = 0
    ran = 0
    for name, fn in tests:
        if a.filter not in name:
            continue
        ran += 1
        try:
            fn()
            print("ok   " + name)
        except Skipped as e:
            print("skip %s: %s" % (name, e))
        except Failure as e:
            failures += 1
            print("FAIL %s: %s" % (name, e))
        except Exception:
            failures += 1
            print("FAIL %s: exception\n%s" % (name, traceback.format_exc()))
        sys.stdout.flush()
    print("%d tests, %d failures" % (ran, failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
