#!/usr/bin/env python3
"""test_cli.py - the command line and source discovery against a hostile tree (issue "Hardening": items 6, 7, 8,
9 and "nothing leaves the tree").

Each case runs the cvet under test on a tree built in a temporary directory and states the exit code, the
one-line message, that no raw control byte (ESC, BEL, C1 CSI) reaches stdout or stderr, and that the files
outside the scanned tree (the victims) are byte for byte what they were.

Usage: test_cli.py --cvet PATH [-v] [--filter SUBSTRING]. Exit 0 when every case held, 1 otherwise.
"""
import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import traceback

CVET = None
VERBOSE = False

GETS = "#include <stdio.h>\nvoid f(char *b) { gets(b); }\n"
# raw control bytes that must never reach a terminal from a file name (ESC, BEL, C1 CSI as UTF-8)
CONTROL = (b"\x1b", b"\x07", b"\xc2\x9b", b"\x9b")


class Failure(Exception):
    pass


class Skipped(Exception):
    pass


def check(cond, what):
    if not cond:
        raise Failure(what)


def write(path, text, mode="w"):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, mode) as f:
        f.write(text)


def snapshot(top):
    """{relative path: sha256 or link target} of everything under top (links not followed)."""
    out = {}
    for d, dirs, files in os.walk(top):
        for n in dirs + files:
            p = os.path.join(d, n)
            rel = os.path.relpath(p, top)
            if os.path.islink(p):
                out[rel] = "-> " + os.readlink(p)
            elif os.path.isfile(p):
                with open(p, "rb") as f:
                    out[rel] = hashlib.sha256(f.read()).hexdigest()
    return out


class Tree:
    """D/t: the scanned tree (one ordinary file with gets()), D/victim: files outside it that must not change."""

    def __init__(self, d):
        self.d = d
        self.t = os.path.join(d, "t")
        self.victim = os.path.join(d, "victim")
        write(os.path.join(self.t, "src", "main.c"), GETS)
        write(os.path.join(self.t, "conan.lock"), json.dumps({"version": "0.5", "requires": ["zlib/1.2.11"]}))
        write(os.path.join(self.victim, "evil.c"), GETS.replace("f(", "evil("))
        write(os.path.join(self.victim, "lib", "outside.c"), GETS.replace("f(", "outside("))
        write(os.path.join(self.victim, "advisories.db"), "not really a database, but an input all the same\n")
        write(os.path.join(self.victim, "base.json"), '{"schema_version": 1, "findings": []}\n')
        self.before = snapshot(self.victim)

    def victims_unchanged(self):
        after = snapshot(self.victim)
        check(after == self.before, "files outside the tree changed: %r" % sorted(
            k for k in set(after) | set(self.before) if after.get(k) != self.before.get(k)))


def run(args, cwd, user=None, timeout=300):
    e = dict(os.environ)
    e.pop("NO_COLOR", None)
    e["CVET_DB"] = ""
    p = subprocess.run([CVET] + args, cwd=cwd, env=e, capture_output=True, timeout=timeout, user=user)
    if VERBOSE:
        print("$ cvet %r -> %d\n  %r" % (args, p.returncode, p.stderr[-400:]))
    err = p.stderr.decode("utf-8", "replace")
    for marker in ("runtime error:", "AddressSanitizer", "LeakSanitizer", "UndefinedBehaviorSanitizer"):
        check(marker not in err, "cvet %r: sanitizer report: %s" % (args, err[-1500:]))
    check(p.returncode in (0, 1, 2), "cvet %r: exit %d (crash?): %s" % (args, p.returncode, err[-800:]))
    for c in CONTROL:
        check(c not in p.stdout and c not in p.stderr, "cvet %r: raw control byte %r on stdout/stderr" % (args, c))
    return p


def refused(args, cwd, needle):
    """Exit 2, exactly one line 'cvet: error: ...' naming `needle`, nothing on stdout."""
    p = run(args, cwd)
    err = p.stderr.decode("utf-8", "replace")
    lines = err.splitlines()
    check(p.returncode == 2, "cvet %r: expected exit 2, got %d: %s" % (args, p.returncode, err))
    check(len(lines) == 1 and lines[0].startswith("cvet: error: "), "cvet %r: expected one error line: %r" % (args, err))
    check(needle in lines[0], "cvet %r: the message should say %r: %r" % (args, needle, lines[0]))
    check(p.stdout == b"", "cvet %r: nothing expected on stdout: %r" % (args, p.stdout[:200]))
    return lines[0]


# ---- item 7: an output onto an input ----

def case_output_onto_the_advisory_db(d):
    tr = Tree(d)
    refused(["scan", "--db", "victim/advisories.db", "-o", "./victim/../victim/advisories.db", "t"], d,
            "the advisory database")
    tr.victims_unchanged()


def case_output_onto_the_baseline_even_with_force(d):
    tr = Tree(d)
    refused(["code", "--force", "--baseline", "victim/base.json", "--format", "json", "-o", "victim/base.json", "t"], d,
            "the baseline")
    tr.victims_unchanged()


def case_output_onto_a_scanned_lockfile_or_source_given_as_path(d):
    tr = Tree(d)
    lock = os.path.join(tr.t, "conan.lock")
    before = open(lock).read()
    refused(["deps", "--force", "-o", "t/./conan.lock", "t/conan.lock"], d, "a scanned file")
    refused(["code", "--force", "-o", "t/src/../src/main.c", "t/src/main.c"], d, "a scanned file")
    check(open(lock).read() == before, "the lockfile is untouched")
    tr.victims_unchanged()


def case_output_onto_the_config(d):
    tr = Tree(d)
    write(os.path.join(tr.t, ".cvet.json"), '{"fail_on": "none"}\n')
    refused(["scan", "--force", "-o", "t/.cvet.json", "t"], d, "the configuration")
    check(open(os.path.join(tr.t, ".cvet.json")).read() == '{"fail_on": "none"}\n', "the config is untouched")
    tr.victims_unchanged()


# ---- item 8: two outputs onto one file ----

def case_two_outputs_one_file(d):
    tr = Tree(d)
    os.mkdir(os.path.join(d, "dir"))
    os.symlink("s.out", os.path.join(d, "s.link"))
    for other in ("./s.out", "dir/../s.out", "s.link", os.path.join(d, "s.out")):
        refused(["code", "-o", "s.out", "--format", "json", "-o", other, "t"], d, "two outputs go to")
    check(not os.path.exists(os.path.join(d, "s.out")), "nothing written when refused")
    # two different files are fine, and both arrive
    p = run(["code", "--fail-on", "none", "-o", "s.out", "--format", "json", "-o", "dir/s.out", "t"], d)
    check(p.returncode == 0, "two distinct outputs: exit %d %r" % (p.returncode, p.stderr))
    check(os.path.getsize(os.path.join(d, "s.out")) > 0 and json.load(open(os.path.join(d, "dir", "s.out"))),
          "both reports written")
    tr.victims_unchanged()


# ---- "nothing leaves the tree": outputs over the tree's sources and manifests ----

def case_output_over_tree_sources_needs_force(d):
    tr = Tree(d)
    main_c = os.path.join(tr.t, "src", "main.c")
    refused(["scan", "-o", "t/src/main.c", "t"], d, "--force")
    refused(["scan", "-o", "t/conan.lock", "t"], d, "a lockfile or manifest")
    refused(["scan", "-o", "t/src/new.h", "t"], d, "a source file")
    check(open(main_c).read() == GETS and not os.path.exists(os.path.join(tr.t, "src", "new.h")), "the tree is untouched")
    p = run(["scan", "--fail-on", "none", "--format", "sarif", "-o", "t/report.sarif", "t"], d)
    check(p.returncode == 0 and json.load(open(os.path.join(tr.t, "report.sarif")))["version"] == "2.1.0",
          "a report of its own name inside the tree is allowed: %r" % p.stderr)
    tr.victims_unchanged()


# ---- symlinks out of the tree ----

def case_linked_directory_and_source_out_of_the_tree(d):
    tr = Tree(d)
    os.symlink(os.path.join(tr.victim, "lib"), os.path.join(tr.t, "src", "lib"))
    os.symlink("../../victim/evil.c", os.path.join(tr.t, "src", "evil.c"))
    p = run(["code", "--fail-on", "none", "--format", "json", "t"], d)
    check(p.returncode == 0, "exit %d: %r" % (p.returncode, p.stderr))
    rep = json.loads(p.stdout)
    files = sorted({f["location"]["path"] for f in rep["findings"]})
    check(files == ["t/src/main.c"], "only the tree's own file is scanned: %r" % files)
    notes = rep.get("notes", [])
    check(any("did not follow 't/src/lib'" in n for n in notes), "a note for the linked directory: %r" % notes)
    check(any("did not scan 't/src/evil.c'" in n for n in notes), "a note for the linked source: %r" % notes)
    tr.victims_unchanged()


def case_compile_database_entry_out_of_the_tree(d):
    tr = Tree(d)
    os.symlink("../../victim/evil.c", os.path.join(tr.t, "src", "link.c"))
    db = [{"directory": tr.t, "file": f, "arguments": ["cc", "-c", f]}
          for f in ("src/main.c", "../victim/evil.c", os.path.join(tr.victim, "lib", "outside.c"), "src/link.c")]
    write(os.path.join(tr.t, "compile_commands.json"), json.dumps(db))
    p = run(["code", "--fail-on", "none", "--format", "json", "t"], d)
    check(p.returncode == 0, "exit %d: %r" % (p.returncode, p.stderr))
    files = sorted({f["location"]["path"] for f in json.loads(p.stdout)["findings"]})
    check(files == ["t/src/main.c"], "database entries resolving outside the tree are not parsed: %r" % files)
    tr.victims_unchanged()


# ---- item 9: an unreadable subdirectory ----

def case_unreadable_subdirectory_noted(d):
    tr = Tree(d)
    locked = os.path.join(tr.t, "locked")
    write(os.path.join(locked, "hidden.c"), GETS)
    os.chmod(locked, 0)
    user = None
    if os.geteuid() == 0:
        # root reads anything: run cvet as an ordinary user, for whom the directory is closed
        try:
            import pwd
            user = pwd.getpwnam("nobody").pw_uid
        except (ImportError, KeyError):
            raise Skipped("running as root and there is no 'nobody' user to run cvet as")
        for p in (d, tr.t, os.path.join(tr.t, "src")):
            os.chmod(p, 0o755)
        try:
            probe = subprocess.run([CVET, "--version"], capture_output=True, user=user)
        except OSError as e:  # the build is under a folder 'nobody' cannot enter (/root in a fresh root)
            raise Skipped("cvet cannot run as 'nobody' here: %s" % e)
        if probe.returncode != 0:
            raise Skipped("cvet cannot run as 'nobody' here: %r" % probe.stderr[-200:])
    write(os.path.join(locked, "vcpkg.json"), '{"name": "x", "dependencies": ["zlib"]}')
    os.chmod(locked, 0)
    runs = {}
    try:
        for cmd in ("code", "deps", "scan"):
            runs[cmd] = subprocess.run([CVET, cmd, "--fail-on", "none", "--format", "json", "t"], cwd=d,
                                       capture_output=True, user=user, timeout=300)
    finally:
        os.chmod(locked, 0o755)
    for cmd, p in runs.items():
        check(p.returncode == 0, "%s: exit %d: %r" % (cmd, p.returncode, p.stderr))
        notes = json.loads(p.stdout).get("notes", []) if p.returncode == 0 else []
        said = [n for n in notes if "could not scan directory 't/locked': cannot read it" in n]
        # the code and the dependency scans walk the same tree and word it alike: `scan` says it once
        check(len(said) == 1, "%s: one note for the unreadable directory: %r" % (cmd, notes))
    tr.victims_unchanged()


# ---- a .cvet.json found in the tree that links out of it ----

def case_config_link_out_of_the_tree(d):
    tr = Tree(d)
    outside = os.path.join(d, "outside.json")
    write(outside, '{"fail_on": "low"}')
    os.symlink(outside, os.path.join(tr.t, ".cvet.json"))
    refused(["code", "t"], d, "leads out of")
    # named on purpose with --config, the same file is fine
    p = run(["code", "--config", outside, "--fail-on", "none", "t"], d)
    check(p.returncode == 0, "--config names it: exit %d" % p.returncode)
    tr.victims_unchanged()


# ---- item 6: control characters in file names ----

EVIL = "ev\x1b[31mil\x07\xc2\x9b2J"  # ESC [31m, BEL, and a C1 CSI in UTF-8


def case_control_characters_in_file_names(d):
    tr = Tree(d)
    write(os.path.join(tr.t, "src", EVIL + ".c"), GETS)
    os.mkdir(os.path.join(tr.t, "src", EVIL + "dir"))
    os.symlink(tr.victim, os.path.join(tr.t, "src", EVIL + "link"))
    for fmt in ("text", "gcc"):
        p = run(["scan", "--no-color", "--fail-on", "none", "--format", fmt, "t"], d)  # run() checks the bytes
        check(p.returncode == 0 and b"gets" in p.stdout, "%s: exit %d, finding shown: %r" % (fmt, p.returncode,
                                                                                              p.stdout[-300:]))
    # error messages quoting a hostile name
    refused(["scan", "t/src/" + EVIL + ".nope"], d, "cannot read")
    refused(["scan", "-o", "t/src/" + EVIL + "missing/r.json", "t"], d, "does not exist")
    refused(["scan", "-o", "t/src/" + EVIL + ".c", "t"], d, "--force")
    tr.victims_unchanged()


def case_control_characters_in_the_progress_line(d):
    import pty
    tr = Tree(d)
    write(os.path.join(tr.t, "src", EVIL + ".c"), GETS)
    try:
        master, slave = pty.openpty()
    except OSError as e:
        raise Skipped("no pseudo-terminal (%s)" % e)
    e = dict(os.environ)
    e.pop("NO_COLOR", None)
    proc = subprocess.Popen([CVET, "code", "--fail-on", "none", "--format", "json", "t"], cwd=d, env=e, stderr=slave,
                            stdout=subprocess.PIPE)
    os.close(slave)
    tty = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        tty += chunk
    out = proc.stdout.read()
    status = proc.wait(timeout=300)
    os.close(master)
    check(status == 0, "exit %d" % status)
    check(b"] 1/" in tty, "a progress line was drawn: %r" % tty[:200])
    # the progress line's own "\r ESC [K" is the only escape allowed
    rest = tty.replace(b"\r\x1b[K", b"")
    for c in CONTROL:
        check(c not in rest, "raw control byte %r in the progress line: %r" % (c, tty[:300]))
    check(b"\x1b" not in out, "escape in JSON")
    tr.victims_unchanged()


def main():
    global CVET, VERBOSE
    ap = argparse.ArgumentParser()
    ap.add_argument("--cvet", required=True)
    ap.add_argument("--filter", default="")
    ap.add_argument("-v", action="store_true")
    a = ap.parse_args()
    CVET, VERBOSE = os.path.abspath(a.cvet), a.v
    cases = [(n, f) for n, f in sorted(globals().items()) if n.startswith("case_") and callable(f)]
    failures = ran = 0
    for name, fn in cases:
        if a.filter not in name:
            continue
        ran += 1
        d = tempfile.mkdtemp(prefix="cvet-hostile-cli-")
        try:
            fn(d)
            print("ok   " + name)
        except Skipped as e:
            print("skip %s: %s" % (name, e))
        except Failure as e:
            failures += 1
            print("FAIL %s: %s" % (name, e))
        except Exception:
            failures += 1
            print("FAIL %s: exception\n%s" % (name, traceback.format_exc()))
        finally:
            for root, dirs, _ in os.walk(d):
                for n in dirs:
                    p = os.path.join(root, n)
                    if not os.path.islink(p):
                        os.chmod(p, 0o755)
            shutil.rmtree(d, ignore_errors=True)
        sys.stdout.flush()
    print("%d cases, %d failures" % (ran, failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
