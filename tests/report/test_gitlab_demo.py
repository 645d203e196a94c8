#!/usr/bin/env python3
"""test_gitlab_demo.py - end-to-end: scan testdata/demo (code and dependency findings) in the three GitLab
formats, validate each with validate_gitlab.py (GitLab's published SAST / Dependency Scanning schemas, the
documented Code Quality fields) and check them against the JSON report of the same scan: one Code Quality
issue per finding with the finding's fingerprint, SAST = the code findings, Dependency Scanning = the
dependency findings plus every manifest in dependency_files; byte-identical output on a second run.

Usage: test_gitlab_demo.py CVET
Exit status: 0 when every check holds, 1 otherwise, 77 when python3-jsonschema is not installed.
"""
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
FORMATS = [("codequality", "codequality"), ("gitlab-sast", "sast"),
           ("gitlab-dependency-scanning", "dependency_scanning")]
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL", what)


def scan(cvet, demo, outdir, env):
    """Scan the demo once in json and the three GitLab formats; returns the output paths by format."""
    outs = {"json": os.path.join(outdir, "demo.json")}
    args = [cvet, "scan", "--quiet", "--format", "json", "-o", outs["json"]]
    for fmt, _ in FORMATS:
        outs[fmt] = os.path.join(outdir, "demo-%s.json" % fmt)
        args += ["--format", fmt, "-o", outs[fmt]]
    r = subprocess.run(args + ["."], cwd=demo, capture_output=True, text=True, timeout=600, env=env)
    check(r.returncode == 1, "demo scan exits 1 at the default --fail-on high (got %d: %s)" % (r.returncode, r.stderr))
    return outs


def main():
    try:
        import jsonschema  # noqa: F401
    except ImportError:
        print("skipped: python3-jsonschema is not installed", file=sys.stderr)
        return 77
    cvet = sys.argv[1]
    demo = os.path.join(ROOT, "testdata", "demo")
    env = dict(os.environ)
    env.pop("SOURCE_DATE_EPOCH", None)
    with tempfile.TemporaryDirectory() as tmp:
        os.mkdir(os.path.join(tmp, "a"))
        os.mkdir(os.path.join(tmp, "b"))
        os.mkdir(os.path.join(tmp, "c"))
        outs = scan(cvet, demo, os.path.join(tmp, "a"), env)
        for fmt, kind in FORMATS:
            r = subprocess.run([sys.executable, os.path.join(HERE, "validate_gitlab.py"), kind, outs[fmt]],
                               capture_output=True, text=True)
            check(r.returncode == 0, "%s validates: %s" % (fmt, (r.stdout + r.stderr)[-3000:]))

        rep = json.load(open(outs["json"]))
        code = [f for f in rep["findings"] if f["kind"] == "code"]
        deps = [f for f in rep["findings"] if f["kind"] == "dependency"]
        check(len(code) >= 5 and len(deps) >= 3, "the demo has code (%d) and dependency (%d) findings" % (len(code), len(deps)))

        cq = json.load(open(outs["codequality"]))
        check(len(cq) == len(rep["findings"]), "one Code Quality issue per finding (%d vs %d)" % (len(cq), len(rep["findings"])))
        check([i["fingerprint"] for i in cq] == [f["fingerprint"] for f in rep["findings"]],
              "Code Quality fingerprints are the findings' fingerprints, in report order")
        check({i["location"]["path"] for i in cq if i["check_name"] in {d["rule_id"] for d in deps}} == {"conanfile.txt"},
              "dependency findings sit on their manifest in Code Quality")
        sev = {"critical": "blocker", "high": "critical", "medium": "major", "low": "minor", "note": "info"}
        check([i["severity"] for i in cq] == [sev[f["severity"]] for f in rep["findings"]], "Code Quality severities")

        sast = json.load(open(outs["gitlab-sast"]))
        check(len(sast["vulnerabilities"]) == len(code), "SAST lists the code findings (%d vs %d)" % (len(sast["vulnerabilities"]), len(code)))
        check(sorted((v["location"]["file"], v["location"].get("start_line"), v["identifiers"][0]["value"]) for v in sast["vulnerabilities"])
              == sorted((f["location"]["path"], f["location"]["line"], f["rule_id"]) for f in code),
              "SAST locations and rule ids match the JSON report")
        check(any("details" in v for v in sast["vulnerabilities"]), "SAST carries a dataflow path (code_flows)")
        check(sast["scan"]["start_time"] == "1970-01-01T00:00:00", "no SOURCE_DATE_EPOCH: the epoch")

        ds = json.load(open(outs["gitlab-dependency-scanning"]))
        check(len(ds["vulnerabilities"]) == len(deps), "Dependency Scanning lists the dependency findings")
        check(sorted(v["identifiers"][0]["value"] for v in ds["vulnerabilities"])
              == sorted(f["dependency"]["advisory_id"] for f in deps), "Dependency Scanning advisory ids")
        manifests = {p["location"]["path"] for p in rep["dependencies"]}
        check({f["path"] for f in ds["dependency_files"]} == manifests, "dependency_files lists every manifest")
        check(sum(len(f["dependencies"]) for f in ds["dependency_files"]) == len(rep["dependencies"]),
              "dependency_files lists every package")

        # deterministic: a second run writes the same bytes
        again = scan(cvet, demo, os.path.join(tmp, "b"), env)
        for fmt, _ in FORMATS:
            check(open(outs[fmt], "rb").read() == open(again[fmt], "rb").read(), "%s is byte-identical on a re-run" % fmt)

        # SOURCE_DATE_EPOCH sets the scan times
        env["SOURCE_DATE_EPOCH"] = "1700000000"
        dated = scan(cvet, demo, os.path.join(tmp, "c"), env)
        t = json.load(open(dated["gitlab-sast"]))["scan"]
        check(t["start_time"] == t["end_time"] == "2023-11-14T22:13:20", "SOURCE_DATE_EPOCH gives the scan time (%s)" % t)
    print("%d problem(s)" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
