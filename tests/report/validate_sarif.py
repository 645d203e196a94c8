#!/usr/bin/env python3
"""validate_sarif.py - check SARIF files against the SARIF 2.1.0 schema and GitHub code scanning's rules.

Usage: validate_sarif.py [--schema SCHEMA.json] FILE.sarif...

Exit status: 0 when every file passes, 1 when any check fails, 2 on usage errors,
77 (ctest SKIP_RETURN_CODE) when the schema or python3-jsonschema is not available.
"""
import argparse
import json
import os
import re
import sys

DEFAULT_SCHEMA = os.environ.get("CVET_SARIF_SCHEMA", os.path.join(os.path.dirname(os.path.abspath(__file__)), "sarif-schema-2.1.0.json"))
LEVELS = {"none", "note", "warning", "error"}
PRECISIONS = {"very-high", "high", "medium", "low"}
PROBLEM_SEVERITIES = {"error", "warning", "recommendation"}
FINGERPRINT_KEY = "cvetFingerprint/v1"
# GitHub code scanning upload limits (docs: "SARIF support for code scanning", "Validating your SARIF file")
MAX_RUNS, MAX_RESULTS, MAX_RULES = 20, 25000, 25000
MAX_TAGS, MAX_LOCATIONS, MAX_THREADFLOW_LOCATIONS = 20, 1000, 10000
# RFC 3986: unreserved / sub-delims / ":" / "@" / "/" / "?" / "#" and percent escapes
URI_CHARS = re.compile(r"^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#]|%[0-9A-Fa-f]{2})*$")


class Checker:
    def __init__(self, name):
        self.name = name
        self.errors = []

    def fail(self, where, msg):
        self.errors.append(f"{self.name}: {where}: {msg}")

    def expect(self, cond, where, msg):
        if not cond:
            self.fail(where, msg)
        return cond


def text_of(obj, key):
    v = obj.get(key) if isinstance(obj, dict) else None
    return v.get("text") if isinstance(v, dict) else None


def check_uri(c, where, art):
    uri = art.get("uri")
    if not c.expect(isinstance(uri, str) and uri != "", where, "artifactLocation.uri missing"):
        return
    c.expect(URI_CHARS.match(uri) is not None, where, f"uri {uri!r} has characters that must be percent-encoded")
    c.expect("\\" not in uri, where, f"uri {uri!r} uses backslashes")
    if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", uri):
        # absolute URI: only file:// for paths outside the source root, and then no uriBaseId
        c.expect(uri.startswith("file:///"), where, f"absolute uri {uri!r} is not a file:/// URI")
        c.expect("uriBaseId" not in art, where, f"absolute uri {uri!r} must not carry a uriBaseId")
    else:
        c.expect(not uri.startswith("./"), where, f"relative uri {uri!r} starts with './'")
        c.expect(not uri.startswith("/"), where, f"relative uri {uri!r} starts with '/'")
        c.expect(art.get("uriBaseId") == "%SRCROOT%", where, f"relative uri {uri!r} needs uriBaseId %SRCROOT%")


def check_location(c, where, loc, need_physical=True):
    if not c.expect(isinstance(loc, dict), where, "location is not an object"):
        return
    phys = loc.get("physicalLocation")
    if phys is None:
        c.expect(not need_physical, where, "physicalLocation missing")
        return
    check_uri(c, where, phys.get("artifactLocation", {}))
    region = phys.get("region")
    if region is not None:
        start = region.get("startLine")
        c.expect(isinstance(start, int) and start >= 1, where, "region.startLine must be >= 1")
        end = region.get("endLine", start)
        c.expect(isinstance(end, int) and isinstance(start, int) and end >= start, where, "endLine < startLine")
        if end == start and "startColumn" in region and "endColumn" in region:
            c.expect(region["endColumn"] >= region["startColumn"], where, "endColumn < startColumn")


def check_rule(c, i, rule):
    where = f"rules[{i}] {rule.get('id')!r}"
    c.expect(isinstance(rule.get("id"), str) and rule["id"], where, "id missing")
    c.expect(isinstance(rule.get("name"), str) and re.match(r"^[A-Za-z0-9]+$", rule.get("name", "")) is not None,
             where, "name missing or not CamelCase alphanumerics")
    for key in ("shortDescription", "fullDescription", "help"):
        c.expect(isinstance(text_of(rule, key), str) and text_of(rule, key) != "", where, f"{key}.text missing")
    c.expect(isinstance(rule.get("help", {}).get("markdown"), str), where, "help.markdown missing")
    c.expect(rule.get("defaultConfiguration", {}).get("level") in LEVELS, where, "defaultConfiguration.level invalid")
    props = rule.get("properties", {})
    sev = props.get("security-severity")
    if c.expect(isinstance(sev, str), where, "properties.security-severity must be a string"):
        try:
            c.expect(0.0 <= float(sev) <= 10.0, where, f"security-severity {sev!r} outside 0..10")
        except ValueError:
            c.fail(where, f"security-severity {sev!r} is not a number")
    tags = props.get("tags", [])
    c.expect(isinstance(tags, list) and "security" in tags, where, "tags must contain 'security'")
    c.expect(len(tags) == len(set(tags)), where, "tags are not distinct")
    c.expect(len(tags) <= MAX_TAGS, where, f"more than {MAX_TAGS} tags")
    for t in tags:
        if t.startswith("external/cwe/"):
            c.expect(re.match(r"^external/cwe/cwe-\d+$", t) is not None, where, f"malformed CWE tag {t!r}")
    c.expect(props.get("precision") in PRECISIONS, where, "properties.precision invalid")
    c.expect(props.get("problem.severity") in PROBLEM_SEVERITIES, where, "properties.problem.severity invalid")


def check_result(c, i, res, rules):
    where = f"results[{i}] {res.get('ruleId')!r}"
    rule_id, idx = res.get("ruleId"), res.get("ruleIndex")
    c.expect(isinstance(rule_id, str) and rule_id, where, "ruleId missing")
    if c.expect(isinstance(idx, int) and 0 <= idx < len(rules), where, f"ruleIndex {idx!r} out of range"):
        c.expect(rules[idx].get("id") == rule_id, where, f"ruleIndex {idx} names rule {rules[idx].get('id')!r}")
    c.expect(res.get("level", "warning") in LEVELS, where, "level invalid")
    c.expect(isinstance(text_of(res, "message"), str) and text_of(res, "message") != "", where, "message.text missing")
    locs = res.get("locations", [])
    c.expect(1 <= len(locs) <= MAX_LOCATIONS, where, f"needs 1..{MAX_LOCATIONS} locations")
    for k, loc in enumerate(locs):
        check_location(c, f"{where} locations[{k}]", loc)
    fps = res.get("partialFingerprints", {})
    fp = fps.get(FINGERPRINT_KEY)
    # 32 hex digits, plus ":N" for the N-th repeat of identical code in one function
    c.expect(isinstance(fp, str) and re.match(r"^[0-9a-f]{32}(:[1-9][0-9]*)?$", fp or "") is not None, where,
             f"partialFingerprints[{FINGERPRINT_KEY!r}] missing or not 32 hex digits")
    for f, flow in enumerate(res.get("codeFlows", [])):
        tfs = flow.get("threadFlows", [])
        c.expect(len(tfs) >= 1, where, f"codeFlows[{f}] has no threadFlows")
        for t, tf in enumerate(tfs):
            tls = tf.get("locations", [])
            c.expect(1 <= len(tls) <= MAX_THREADFLOW_LOCATIONS, where, f"threadFlows[{t}] location count")
            for k, tl in enumerate(tls):
                check_location(c, f"{where} codeFlows[{f}].threadFlows[{t}].locations[{k}]", tl.get("location"),
                               need_physical=False)


def check_github(c, log):
    c.expect(log.get("version") == "2.1.0", "log", "version must be '2.1.0'")
    c.expect(isinstance(log.get("$schema"), str), "log", "$schema missing")
    runs = log.get("runs", [])
    if not c.expect(len(runs) == 1, "log", f"expected exactly one run, got {len(runs)}"):
        return
    run = runs[0]
    driver = run.get("tool", {}).get("driver", {})
    c.expect(driver.get("name") == "cvet", "driver", "tool.driver.name must be 'cvet'")
    c.expect(isinstance(driver.get("semanticVersion"), str), "driver", "semanticVersion missing")
    rules = driver.get("rules", [])
    c.expect(len(rules) <= MAX_RULES, "driver", f"more than {MAX_RULES} rules")
    ids = [r.get("id") for r in rules]
    c.expect(len(ids) == len(set(ids)), "driver", "rule ids are not unique")
    for i, rule in enumerate(rules):
        check_rule(c, i, rule)
    results = run.get("results")
    if not c.expect(isinstance(results, list), "run", "results array missing"):
        return
    c.expect(len(results) <= MAX_RESULTS, "run", f"more than {MAX_RESULTS} results")
    for i, res in enumerate(results):
        check_result(c, i, res, rules)
    for key, base in run.get("originalUriBaseIds", {}).items():
        uri = base.get("uri", "")
        c.expect(uri.startswith("file:///") and uri.endswith("/"), "originalUriBaseIds", f"{key}: {uri!r}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--schema", default=DEFAULT_SCHEMA)
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    try:
        import jsonschema
        from jsonschema.validators import validator_for
    except ImportError:
        print("skipped: python3-jsonschema is not installed", file=sys.stderr)
        return 77
    if not os.path.exists(args.schema):
        print(f"skipped: SARIF schema not found at {args.schema}", file=sys.stderr)
        return 77
    with open(args.schema, encoding="utf-8") as f:
        schema = json.load(f)
    # the official schema declares draft-04; validator_for picks the matching validator
    cls = validator_for(schema, default=jsonschema.Draft7Validator)
    cls.check_schema(schema)
    validator = cls(schema)

    failed = False
    for path in args.files:
        c = Checker(path)
        try:
            with open(path, encoding="utf-8") as f:
                log = json.load(f)
        except (OSError, ValueError) as e:
            c.fail("file", f"not readable JSON: {e}")
            log = None
        if log is not None:
            for err in sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path)):
                loc = "/".join(str(p) for p in err.absolute_path) or "(root)"
                c.fail(f"schema at {loc}", err.message[:300])
            check_github(c, log)
        if c.errors:
            failed = True
            for e in c.errors[:200]:
                print(e, file=sys.stderr)
            if len(c.errors) > 200:
                print(f"{path}: ... and {len(c.errors) - 200} more", file=sys.stderr)
        else:
            run = log["runs"][0]
            print(f"ok: {path}: {len(run.get('results', []))} results, "
                  f"{len(run['tool']['driver'].get('rules', []))} rules")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
