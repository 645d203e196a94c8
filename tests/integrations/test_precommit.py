#!/usr/bin/env python3
"""test_precommit.py - the repository's .pre-commit-hooks.yaml, run by Debian's pre-commit on a throwaway repo.

A repository with an old gets() commits a change that adds another: the `cvet` hook fails the commit and names
only the new line; a change that adds nothing unsafe passes; `cvet-files` reports the whole staged file.
Skipped (77) when pre-commit is not installed.
usage: test_precommit.py --cvet PATH --source DIR
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

FAILED = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        FAILED.append(what)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cvet", required=True)
    ap.add_argument("--source", required=True)
    a = ap.parse_args()
    if not shutil.which("pre-commit") or not shutil.which("git"):
        print("skipped: pre-commit or git is not installed (Debian package pre-commit)")
        return 77
    with tempfile.TemporaryDirectory() as d:
        env = dict(os.environ)
        env["PATH"] = os.path.dirname(os.path.abspath(a.cvet)) + os.pathsep + env.get("PATH", "")
        env["PRE_COMMIT_HOME"] = os.path.join(d, "cache")
        env["HOME"] = d
        env["GIT_CONFIG_NOSYSTEM"] = "1"
        for k, v in (("user.name", "t"), ("user.email", "t@t"), ("commit.gpgsign", "false"), ("init.defaultBranch", "main")):
            subprocess.run(["git", "config", "--global", k, v], env=env, check=True)
        # the hooks file as this tree has it, in a repository of its own (pre-commit clones hook repositories)
        hooks = os.path.join(d, "hooks")
        os.mkdir(hooks)
        shutil.copy(os.path.join(a.source, ".pre-commit-hooks.yaml"), hooks)
        for cmd in (["git", "init", "-q", "."], ["git", "add", "-A"], ["git", "commit", "-q", "-m", "hooks"]):
            subprocess.run(cmd, cwd=hooks, env=env, check=True)
        rev = subprocess.run(["git", "rev-parse", "HEAD"], cwd=hooks, env=env, capture_output=True, text=True).stdout.strip()

        repo = os.path.join(d, "repo")
        os.makedirs(os.path.join(repo, "src"))
        with open(os.path.join(repo, ".pre-commit-config.yaml"), "w") as f:
            f.write("repos:\n- repo: %s\n  rev: %s\n  hooks:\n  - id: cvet\n" % (hooks, rev))
        old = "#include <stdio.h>\nvoid old(char *b)\n{\n\tgets(b);\n}\n"
        with open(os.path.join(repo, "src", "a.c"), "w") as f:
            f.write(old)

        def git(*args):
            return subprocess.run(["git"] + list(args), cwd=repo, env=env, capture_output=True, text=True)

        git("init", "-q", ".")
        git("add", "-A")
        first = subprocess.run(["pre-commit", "run", "--all-files"], cwd=repo, env=env, capture_output=True, text=True)
        check(first.returncode == 1 and "src/a.c:4:2" in first.stdout,
              "the first commit (no HEAD yet) is checked whole: %d %s" % (first.returncode, first.stdout[-400:]))
        git("commit", "-q", "--no-verify", "-m", "base")
        subprocess.run(["pre-commit", "install"], cwd=repo, env=env, check=True, capture_output=True)

        with open(os.path.join(repo, "src", "a.c"), "a") as f:
            f.write("void added(char *b)\n{\n\tgets(b);\n}\n")
        git("add", "-A")
        c = git("commit", "-m", "adds a gets")
        out = c.stdout + c.stderr
        check(c.returncode != 0, "a commit that adds gets() is stopped: %s" % out[-400:])
        check("src/a.c:8:2" in out and "src/a.c:4:2" not in out, "only the new line is named: %s" % out[-400:])

        with open(os.path.join(repo, "src", "a.c"), "w") as f:
            f.write(old + "int fine(void)\n{\n\treturn 1;\n}\n")
        git("add", "-A")
        c = git("commit", "-m", "safe change")
        check(c.returncode == 0, "a safe change to a file with an old finding commits: %s" % (c.stdout + c.stderr)[-400:])

        with open(os.path.join(repo, ".pre-commit-config.yaml"), "w") as f:
            f.write("repos:\n- repo: %s\n  rev: %s\n  hooks:\n  - id: cvet-files\n" % (hooks, rev))
        r = subprocess.run(["pre-commit", "run", "--all-files"], cwd=repo, env=env, capture_output=True, text=True)
        check(r.returncode == 1 and "src/a.c:4:2" in r.stdout, "cvet-files reports the whole file: %s" % r.stdout[-400:])
    if FAILED:
        print("%d case(s) failed" % len(FAILED))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
