#!/usr/bin/env python3
"""test_demo.py - end-to-end: scan the bundled demo project and every check fixture, check what the
demo must report (both analyses, the network surface, exit status) and validate all SARIF output
against the SARIF 2.1.0 schema and GitHub's code-scanning rules."""
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL", what)


def main():
    cvet, validator, schema = sys.argv[1], sys.argv[2], sys.argv[3]
    demo = os.path.join(ROOT, "testdata", "demo")
    with tempfile.TemporaryDirectory() as tmp:
        js, sarif = os.path.join(tmp, "demo.json"), os.path.join(tmp, "demo.sarif")
        r = subprocess.run([cvet, "scan", "--quiet", "--format", "json", "-o", js, "--format", "sarif", "-o", sarif, "."],
                           cwd=demo, capture_output=True, text=True, timeout=600)
        check(r.returncode == 1, "demo scan exits 1 at the default --fail-on high (got %d: %s)" % (r.returncode, r.stderr))
        rep = json.load(open(js))
        rules = {(f["rule_id"], f["location"]["path"]) for f in rep["findings"]}
        for rule, path in [("command-injection", "src/handler.c"), ("unbounded-copy", "src/handler.c"),
                           ("scanf-unbounded", "src/handler.c"), ("format-string", "src/util.c"),
                           ("weak-crypto", "src/util.c"), ("bind-all-interfaces", "src/server.c"),
                           ("hardcoded-credential", "src/server.c")]:
            check((rule, path) in rules, "demo reports %s in %s" % (rule, path))
        aliases = {a for f in rep["findings"] if f.get("dependency") for a in f["dependency"].get("aliases", [])}
        for cve in ("CVE-2022-3602", "CVE-2023-38545", "CVE-2018-25032"):
            check(cve in aliases, "demo reports %s from conanfile.txt" % cve)
        surface = {(e["api"], e.get("address"), e.get("port")) for e in rep["network_surface"]}
        check(("bind", "0.0.0.0", 8080) in surface, "network surface lists bind 0.0.0.0:8080 (got %s)" % sorted(surface, key=str))
        secret_leak = [f for f in rep["findings"] if "hunter2" in json.dumps(f)]
        check(not secret_leak, "the hard-coded password is redacted in JSON")
        text = subprocess.run([cvet, "scan", "--no-color", "--quiet", "."], cwd=demo, capture_output=True, text=True).stdout
        check("hunter2-admin" not in text, "the hard-coded password is redacted in text output")

        sarifs = [sarif]
        fixtures = os.path.join(ROOT, "testdata", "checks")
        for name in sorted(os.listdir(fixtures)):
            if not name.endswith((".c", ".cpp")):
                continue
            out = os.path.join(tmp, name + ".sarif")
            r = subprocess.run([cvet, "code", "--quiet", "--fail-on", "none", "--format", "sarif", "-o", out, name],
                               cwd=fixtures, capture_output=True, text=True, timeout=300)
            check(r.returncode == 0 and os.path.exists(out), "SARIF for fixture %s (status %d)" % (name, r.returncode))
            sarifs.append(out)
        r = subprocess.run([sys.executable, validator, "--schema", schema] + sarifs, capture_output=True, text=True)
        check(r.returncode == 0, "all %d SARIF logs validate: %s" % (len(sarifs), (r.stdout + r.stderr)[-3000:]))
    print("%d problem(s)" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
