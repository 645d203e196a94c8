#!/usr/bin/env python3
"""validate_gitlab.py - check GitLab reports: SAST and Dependency Scanning against GitLab's published
security report schemas (copied next to this file, see SOURCES.md), Code Quality against the fields
GitLab documents as required (GitLab publishes no schema file for it).

Usage: validate_gitlab.py KIND FILE...   with KIND one of codequality, sast, dependency_scanning

Exit status: 0 when every file passes, 1 when any check fails, 2 on usage errors,
77 (ctest SKIP_RETURN_CODE) when python3-jsonschema is not installed.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMA_VERSION = "15.2.1"
SCHEMAS = {
    "sast": os.path.join(HERE, "gitlab-sast-report-format-%s.json" % SCHEMA_VERSION),
    "dependency_scanning": os.path.join(HERE, "gitlab-dependency-scanning-report-format-%s.json" % SCHEMA_VERSION),
}

# GitLab's "Code Quality report format" (docs: ci/testing/code_quality, section "Code Quality report
# format"): the file is a single JSON array; each object has at least description, check_name,
# fingerprint, severity (info, minor, major, critical or blocker), location.path (a relative path in
# the repository) and location.lines.begin or location.positions.begin.line (an integer). Other
# CodeClimate fields are allowed and ignored by GitLab. The file must not start with a byte order mark.
LINE = {"type": "integer", "minimum": 1}
CODE_QUALITY_SCHEMA = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string"},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path"],
                "properties": {
                    "path": {"type": "string", "minLength": 1},
                    "lines": {"type": "object", "required": ["begin"],
                              "properties": {"begin": LINE, "end": LINE}},
                    "positions": {"type": "object", "required": ["begin"],
                                  "properties": {"begin": {"type": "object", "required": ["line"],
                                                           "properties": {"line": LINE}}}},
                },
                "anyOf": [{"required": ["lines"]}, {"required": ["positions"]}],
            },
            "categories": {"type": "array", "items": {"type": "string"}},
            "type": {"const": "issue"},
        },
    },
}


class Checker:
    def __init__(self, name):
        self.name = name
        self.errors = []

    def expect(self, cond, where, msg):
        if not cond:
            self.errors.append("%s: %s: %s" % (self.name, where, msg))
        return cond


def check_codequality(c, doc):
    seen = set()
    for i, issue in enumerate(doc if isinstance(doc, list) else []):
        if not isinstance(issue, dict):
            continue
        where = "[%d] %r" % (i, issue.get("check_name"))
        fp = issue.get("fingerprint")
        # GitLab shows issues with identical fingerprints as one entry in the merge request widget
        c.expect(fp not in seen, where, "fingerprint %r is not unique" % fp)
        seen.add(fp)
        path = issue.get("location", {}).get("path", "")
        if isinstance(path, str):
            c.expect(not path.startswith(("/", "./")) and "\\" not in path, where,
                     "location.path %r is not a relative repository path" % path)
        lines = issue.get("location", {}).get("lines", {})
        if isinstance(lines.get("end"), int) and isinstance(lines.get("begin"), int):
            c.expect(lines["end"] >= lines["begin"], where, "lines.end < lines.begin")


def check_security(c, kind, doc):
    c.expect(doc.get("version") == SCHEMA_VERSION, "version", "expected %s" % SCHEMA_VERSION)
    c.expect(doc.get("scan", {}).get("type") == kind, "scan.type", "expected %r" % kind)
    c.expect(doc.get("scan", {}).get("start_time", "") <= doc.get("scan", {}).get("end_time", ""), "scan",
             "start_time after end_time")
    ids = [v.get("id") for v in doc.get("vulnerabilities", []) if isinstance(v, dict)]
    c.expect(len(ids) == len(set(ids)), "vulnerabilities", "ids are not unique")
    for i, v in enumerate(doc.get("vulnerabilities", [])):
        if not isinstance(v, dict):
            continue
        where = "vulnerabilities[%d] %r" % (i, v.get("name"))
        c.expect(re.match(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", v.get("id", "")),
                 where, "id is not a UUID")
        loc = v.get("location", {})
        c.expect(isinstance(loc.get("file"), str) and loc["file"] and not loc["file"].startswith("/"), where,
                 "location.file missing or absolute")
        if kind == "sast" and "end_line" in loc:
            c.expect(loc["end_line"] >= loc.get("start_line", 0), where, "end_line < start_line")
    if kind == "dependency_scanning":
        files = doc.get("dependency_files", [])
        c.expect(isinstance(files, list), "dependency_files", "not an array")
        for i, f in enumerate(files if isinstance(files, list) else []):
            c.expect(isinstance(f.get("path"), str) and f["path"] and isinstance(f.get("package_manager"), str)
                     and isinstance(f.get("dependencies"), list), "dependency_files[%d]" % i,
                     "needs path, package_manager and dependencies")


def main():
    if len(sys.argv) < 3 or sys.argv[1] not in ("codequality", "sast", "dependency_scanning"):
        print(__doc__, file=sys.stderr)
        return 2
    kind, files = sys.argv[1], sys.argv[2:]
    try:
        import jsonschema
    except ImportError:
        print("skipped: python3-jsonschema is not installed", file=sys.stderr)
        return 77
    if kind == "codequality":
        schema = CODE_QUALITY_SCHEMA
    else:
        with open(SCHEMAS[kind], encoding="utf-8") as f:
            schema = json.load(f)
    jsonschema.Draft7Validator.check_schema(schema)
    validator = jsonschema.Draft7Validator(schema)

    failed = False
    for path in files:
        c = Checker(path)
        doc = None
        try:
            with open(path, "rb") as f:
                raw = f.read()
            c.expect(not raw.startswith(b"\xef\xbb\xbf"), "file", "starts with a byte order mark")
            doc = json.loads(raw.decode("utf-8"))
        except (OSError, ValueError) as e:
            c.expect(False, "file", "not readable JSON: %s" % e)
        if doc is not None:
            for err in sorted(validator.iter_errors(doc), key=lambda e: [str(p) for p in e.absolute_path]):
                loc = "/".join(str(p) for p in err.absolute_path) or "(root)"
                c.expect(False, "schema at %s" % loc, err.message[:300])
            if kind == "codequality":
                check_codequality(c, doc)
            elif isinstance(doc, dict):
                check_security(c, kind, doc)
        if c.errors:
            failed = True
            for e in c.errors[:200]:
                print(e, file=sys.stderr)
        else:
            n = len(doc) if kind == "codequality" else len(doc.get("vulnerabilities", []))
            print("ok: %s: %s, %d entries" % (path, kind, n))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
