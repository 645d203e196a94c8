#!/usr/bin/env python3
"""test_action.py - the GitHub composite action (action.yml), as far as this machine can run it.

Checks the file's structure (composite, every `inputs.X` and `steps.Y` it uses is defined) and runs its own
shell steps - scan and verdict - with bash the way the runner would (inputs rendered into the step's env,
GITHUB_OUTPUT and GITHUB_ENV files), on a throwaway repository whose pull request adds one unsafe call to a
file with an old one: the SARIF file is written, only the new finding is in it (diff-aware), and the verdict
fails the job; with diff-aware off both are in it. The install and build steps and the SARIF upload need
GitHub's runner and are not run here. Skipped (77) without python3-yaml or git.
usage: test_action.py --cvet PATH --source DIR
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

FAILED = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        FAILED.append(what)


def render(value, inputs, ctx):
    def one(m):
        expr = m.group(1).strip()
        if expr.startswith("inputs."):
            return inputs[expr[len("inputs."):]]
        return ctx.get(expr, "")
    return re.sub(r"\$\{\{(.*?)\}\}", one, str(value))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cvet", required=True)
    ap.add_argument("--source", required=True)
    a = ap.parse_args()
    try:
        import yaml
    except ImportError:
        print("skipped: python3-yaml is not installed")
        return 77
    if not shutil.which("git"):
        print("skipped: no git")
        return 77
    action = yaml.safe_load(open(os.path.join(a.source, "action.yml")))
    check(action["runs"]["using"] == "composite", "a composite action")
    steps = action["runs"]["steps"]
    text = open(os.path.join(a.source, "action.yml")).read()
    used_inputs = set(re.findall(r"inputs\.([a-z-]+)", text))
    check(used_inputs <= set(action["inputs"]), "every input used is declared: %s" % (used_inputs - set(action["inputs"])))
    ids = {s.get("id") for s in steps}
    used_steps = set(re.findall(r"steps\.([a-z-]+)\.", text))
    check(used_steps <= ids, "every step referred to exists: %s" % (used_steps - ids))
    check(all("shell" in s for s in steps if "run" in s), "every run step names its shell")
    scan = next(s for s in steps if s.get("id") == "scan")
    verdict = next(s for s in steps if s.get("name") == "Verdict")

    with tempfile.TemporaryDirectory() as d:
        repo = os.path.join(d, "repo")
        os.makedirs(os.path.join(repo, "src"))
        old = "#include <stdio.h>\nvoid old(char *b)\n{\n\tgets(b);\n}\n"
        with open(os.path.join(repo, "src", "a.c"), "w") as f:
            f.write(old)
        g = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false"]
        subprocess.run(["git", "init", "-q", "."], cwd=repo, check=True)
        subprocess.run(g + ["add", "-A"], cwd=repo, check=True)
        subprocess.run(g + ["commit", "-q", "-m", "base"], cwd=repo, check=True)
        base = subprocess.run(["git", "rev-parse", "HEAD"], cwd=repo, capture_output=True, text=True).stdout.strip()
        with open(os.path.join(repo, "src", "a.c"), "a") as f:
            f.write("void added(char *b)\n{\n\tgets(b);\n}\n")
        subprocess.run(g + ["commit", "-q", "-am", "pr"], cwd=repo, check=True)

        def run_step(step, inputs, outputs):
            out_file = os.path.join(d, "out.txt")
            env_file = os.path.join(d, "env.txt")
            open(out_file, "w").close()
            ctx = {"github.event.pull_request.base.sha": base, "steps.scan.outputs.status": outputs.get("status", ""),
                   "steps.scan.outputs.sarif": outputs.get("sarif", "")}
            env = dict(os.environ)
            env.update({k: render(v, inputs, ctx) for k, v in step.get("env", {}).items()})
            env.update({"GITHUB_OUTPUT": out_file, "GITHUB_ENV": env_file, "CVET": os.path.abspath(a.cvet)})
            r = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]], cwd=repo, env=env, capture_output=True, text=True,
                               timeout=300)
            got = dict(l.split("=", 1) for l in open(out_file).read().splitlines() if "=" in l)
            return r, got

        defaults = {k: str(v.get("default", "")) for k, v in action["inputs"].items()}
        r, outs = run_step(scan, defaults, {})
        check(r.returncode == 0 and outs.get("status") == "1", "scan step: findings give status 1, the step itself passes "
              "(%d, %s, %s)" % (r.returncode, outs, r.stderr[-300:]))
        sarif = os.path.join(repo, outs.get("sarif", "cvet.sarif"))
        results = json.load(open(sarif))["runs"][0]["results"] if os.path.exists(sarif) else []
        lines = sorted(x["locations"][0]["physicalLocation"]["region"]["startLine"] for x in results)
        check(lines == [8], "diff-aware on a pull request: only the new finding in the SARIF: %s" % lines)
        v, _ = run_step(verdict, defaults, outs)
        check(v.returncode == 1 and "::error::" in v.stdout, "the verdict step fails the job: %d %s" % (v.returncode, v.stdout))

        r, outs = run_step(scan, dict(defaults, **{"diff-aware": "false", "sarif-file": "all.sarif"}), {})
        results = json.load(open(os.path.join(repo, "all.sarif")))["runs"][0]["results"]
        check(len(results) == 2, "diff-aware off: every finding: %d" % len(results))
        r, outs = run_step(scan, dict(defaults, **{"fail-on": "none"}), {})
        v, _ = run_step(verdict, defaults, outs)
        check(outs.get("status") == "0" and v.returncode == 0, "fail-on none passes: %s" % outs)
    if FAILED:
        print("%d case(s) failed" % len(FAILED))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
