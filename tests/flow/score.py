#!/usr/bin/env python3
"""Score cvet's flow checks on the flawed/fixed corpus in testdata/flow/.

usage: score.py --cvet PATH/TO/cvet [--corpus testdata/flow] [--family F]... [--json OUT]
                [--verbose] [--check-baseline FILE] [--write-baseline FILE] [-j N]
                [-- EXTRA CVET ARGS...]

Each case (a <shape>_bad.c / <shape>_good.c file (or .cpp), or a <shape>_bad/ / <shape>_good/ directory
for cross-file shapes) under <corpus>/<family>/ is analysed by one invocation of

    cvet code <case> --format json --fail-on none --quiet [EXTRA...]

run in the case's parent directory. The family directory name is the rule id that must be
reported.
  - a flawed case is "found" when a finding of that rule is reported on the line marked
    `// flaw` (in the same file);
  - a fixed case is "flagged" when any finding of that rule is reported anywhere in it.
score = found% - flagged%.

A cvet exit status other than 0/1, a timeout, or output that is not the expected JSON is an
error for that case: it is counted and listed, and the case counts as neither found nor
flagged.

--check-baseline FILE reads {"family": {"found": n, "flagged": m}, ...} and exits 1 when a
family finds fewer flawed cases or flags more fixed cases than the baseline says (families not
in the baseline are not checked). --write-baseline FILE writes the current numbers in that
format. Otherwise the exit status is 0 (2 for a usage error).

Standard library only.
"""

import argparse
import concurrent.futures
import json
import os
import re
import subprocess
import sys

FLAW_RE = re.compile(r"//\s*flaw\b")
SOURCE_EXTS = (".c", ".h", ".cc", ".cpp", ".cxx", ".hh", ".hpp")


class Case:
    def __init__(self, family, shape, kind, path):
        self.family = family
        self.shape = shape
        self.kind = kind            # "bad" or "good"
        self.path = path            # absolute path of the file or directory
        self.flaw = None            # (realpath of file, line) for bad cases
        self.marker_problem = None  # text when the bad case has not exactly one marker
        self.result = None          # "found"/"missed" for bad, "flagged"/"clean" for good
        self.error = None
        self.rule_lines = []        # (relative file, line) of findings of the family rule

    @property
    def name(self):
        return "%s/%s" % (self.family, os.path.basename(self.path))


def case_files(path):
    if os.path.isdir(path):
        out = []
        for root, dirs, files in os.walk(path):
            dirs.sort()
            for f in sorted(files):
                if f.endswith(SOURCE_EXTS):
                    out.append(os.path.join(root, f))
        return out
    return [path]


def find_flaw(case):
    marks = []
    for f in case_files(case.path):
        try:
            with open(f, encoding="utf-8", errors="replace") as fh:
                for i, line in enumerate(fh, 1):
                    if FLAW_RE.search(line):
                        marks.append((os.path.realpath(f), i))
        except OSError as e:
            case.marker_problem = "cannot read %s: %s" % (f, e)
            return
    if len(marks) != 1:
        case.marker_problem = "%d '// flaw' markers (want exactly 1)" % len(marks)
    else:
        case.flaw = marks[0]


def discover(corpus, families):
    cases = []
    fams = sorted(d for d in os.listdir(corpus)
                  if os.path.isdir(os.path.join(corpus, d)) and not d.startswith("."))
    if families:
        unknown = [f for f in families if f not in fams]
        if unknown:
            raise SystemExit("score.py: no family %s in %s (have: %s)"
                             % (", ".join(unknown), corpus, ", ".join(fams)))
        fams = [f for f in fams if f in families]
    for fam in fams:
        fdir = os.path.join(corpus, fam)
        for entry in sorted(os.listdir(fdir)):
            full = os.path.join(fdir, entry)
            m = re.match(r"^(.+)_(bad|good)(\.c|\.cpp)?$", entry)
            if not m:
                continue
            if os.path.isdir(full) != (m.group(3) is None):
                continue
            c = Case(fam, m.group(1), m.group(2), os.path.abspath(full))
            if c.kind == "bad":
                find_flaw(c)
            cases.append(c)
    return fams, cases


def finding_rule(f):
    for k in ("rule_id", "rule", "ruleId", "check"):
        v = f.get(k)
        if isinstance(v, str):
            return v
    return None


def finding_location(f):
    loc = f.get("location")
    if isinstance(loc, dict):
        path = loc.get("path") or loc.get("file")
        line = loc.get("line")
    else:
        path = f.get("path") or f.get("file")
        line = f.get("line")
    try:
        line = int(line)
    except (TypeError, ValueError):
        line = None
    return path, line


def run_case(case, cvet, extra, timeout):
    cwd = os.path.dirname(case.path)
    target = os.path.basename(case.path)
    cmd = [cvet, "code", target, "--format", "json", "--fail-on", "none", "--quiet"] + extra
    try:
        p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=timeout)
    except subprocess.TimeoutExpired:
        case.error = "timed out after %ss" % timeout
        return
    except OSError as e:
        case.error = "cannot run cvet: %s" % e
        return
    if p.returncode not in (0, 1):
        err = p.stderr.decode("utf-8", "replace").strip().splitlines()
        case.error = "cvet exit %d%s" % (p.returncode, (": " + err[-1]) if err else "")
        return
    try:
        doc = json.loads(p.stdout.decode("utf-8", "replace"))
        findings = doc["findings"]
        if not isinstance(findings, list):
            raise TypeError("'findings' is not a list")
    except (ValueError, KeyError, TypeError) as e:
        case.error = "unparseable cvet output (%s)" % e
        return

    hit = False
    for f in findings:
        if not isinstance(f, dict) or finding_rule(f) != case.family:
            continue
        path, line = finding_location(f)
        rel = path if path else "?"
        case.rule_lines.append((rel, line))
        if case.kind == "bad" and case.flaw and path and line is not None:
            real = os.path.realpath(os.path.join(cwd, path))
            if (real, line) == case.flaw:
                hit = True
    if case.kind == "bad":
        if case.marker_problem:
            case.error = case.marker_problem
            return
        case.result = "found" if hit else "missed"
    else:
        case.result = "flagged" if case.rule_lines else "clean"


def pct(n, d):
    return 100.0 * n / d if d else 0.0


def summarise(fams, cases):
    rows = {}
    for fam in fams:
        bad = [c for c in cases if c.family == fam and c.kind == "bad"]
        good = [c for c in cases if c.family == fam and c.kind == "good"]
        r = {
            "pairs": len({c.shape for c in bad} & {c.shape for c in good}),
            "flawed": len(bad),
            "fixed": len(good),
            "found": sum(c.result == "found" for c in bad),
            "flagged": sum(c.result == "flagged" for c in good),
            "errors": sum(c.error is not None for c in bad + good),
        }
        r["found_pct"] = round(pct(r["found"], r["flawed"]), 1)
        r["flagged_pct"] = round(pct(r["flagged"], r["fixed"]), 1)
        r["score"] = round(r["found_pct"] - r["flagged_pct"], 1)
        rows[fam] = r
    tot = {k: sum(r[k] for r in rows.values())
           for k in ("pairs", "flawed", "fixed", "found", "flagged", "errors")}
    tot["found_pct"] = round(pct(tot["found"], tot["flawed"]), 1)
    tot["flagged_pct"] = round(pct(tot["flagged"], tot["fixed"]), 1)
    tot["score"] = round(tot["found_pct"] - tot["flagged_pct"], 1)
    return rows, tot


def print_table(rows, tot, out):
    hdr = ("family", "pairs", "found in flawed", "flagged in fixed", "score", "errors")
    lines = []
    for fam, r in list(rows.items()) + [("overall", tot)]:
        lines.append((fam, str(r["pairs"]),
                      "%d/%d %5.1f%%" % (r["found"], r["flawed"], r["found_pct"]),
                      "%d/%d %5.1f%%" % (r["flagged"], r["fixed"], r["flagged_pct"]),
                      "%+.1f" % r["score"], str(r["errors"])))
    widths = [max(len(h), *(len(l[i]) for l in lines)) for i, h in enumerate(hdr)]

    def fmt(cells):
        return " | ".join(c.ljust(w) if i == 0 else c.rjust(w)
                          for i, (c, w) in enumerate(zip(cells, widths)))
    print(fmt(hdr), file=out)
    print("-+-".join("-" * w for w in widths), file=out)
    for l in lines[:-1]:
        print(fmt(l), file=out)
    print("-+-".join("-" * w for w in widths), file=out)
    print(fmt(lines[-1]), file=out)


def where(c):
    if not c.rule_lines:
        return ""
    return " (%s reported at %s)" % (c.family, ", ".join(
        "%s:%s" % (p, l) for p, l in c.rule_lines[:4]) + (", ..." if len(c.rule_lines) > 4 else ""))


def main(argv):
    extra = []
    if "--" in argv:
        i = argv.index("--")
        argv, extra = argv[:i], argv[i + 1:]
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(
        description="Score cvet's flow checks on testdata/flow (found in flawed, flagged in fixed).",
        epilog="Arguments after -- are passed to every cvet invocation.")
    ap.add_argument("--cvet", required=True, help="path to the cvet binary")
    ap.add_argument("--corpus", default=os.path.normpath(os.path.join(here, "..", "..", "testdata", "flow")),
                    help="corpus directory (default: testdata/flow of this checkout)")
    ap.add_argument("--family", action="append", default=[],
                    help="score only this family (repeatable, or comma-separated)")
    ap.add_argument("--json", metavar="OUT", help="write the numbers (and the per-case results) to OUT")
    ap.add_argument("--verbose", "-v", action="store_true",
                    help="list each missed flawed case and each flagged fixed case")
    ap.add_argument("--check-baseline", metavar="FILE",
                    help="exit 1 when a family finds fewer or flags more than FILE says")
    ap.add_argument("--write-baseline", metavar="FILE",
                    help="write the current numbers as a baseline file")
    ap.add_argument("-j", "--jobs", type=int, default=min(8, os.cpu_count() or 1),
                    help="cases analysed in parallel (default: min(8, CPUs))")
    ap.add_argument("--timeout", type=float, default=300, help="seconds per case (default 300)")
    args = ap.parse_args(argv)

    cvet = args.cvet
    if os.sep in cvet or (os.altsep and os.altsep in cvet):
        cvet = os.path.abspath(cvet)
        if not os.access(cvet, os.X_OK):
            print("score.py: %s is not an executable" % cvet, file=sys.stderr)
            return 2
    corpus = os.path.abspath(args.corpus)
    if not os.path.isdir(corpus):
        print("score.py: no corpus directory %s" % corpus, file=sys.stderr)
        return 2
    families = [f for spec in args.family for f in spec.split(",") if f]
    try:
        fams, cases = discover(corpus, families)
    except SystemExit as e:
        print(e, file=sys.stderr)
        return 2
    if not cases:
        print("score.py: no cases under %s" % corpus, file=sys.stderr)
        return 2

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as ex:
        list(ex.map(lambda c: run_case(c, cvet, extra, args.timeout), cases))

    rows, tot = summarise(fams, cases)
    print_table(rows, tot, sys.stdout)

    errors = [c for c in cases if c.error]
    unpaired = sorted({(c.family, c.shape) for c in cases}
                      - ({(c.family, c.shape) for c in cases if c.kind == "bad"}
                         & {(c.family, c.shape) for c in cases if c.kind == "good"}))
    if errors:
        print("\n%d case(s) with errors:" % len(errors))
        for c in errors:
            print("  ERROR   %s: %s" % (c.name, c.error))
    if unpaired:
        print("\ncases without a twin: %s" % ", ".join("%s/%s" % u for u in unpaired))
    if args.verbose:
        missed = [c for c in cases if c.result == "missed"]
        flagged = [c for c in cases if c.result == "flagged"]
        if missed:
            print("\nmissed flawed cases (%d):" % len(missed))
            for c in missed:
                rel = os.path.relpath(c.flaw[0], os.path.dirname(c.path))
                print("  MISSED  %s  (flaw at %s:%d)%s" % (c.name, rel, c.flaw[1], where(c)))
        if flagged:
            print("\nflagged fixed cases (%d):" % len(flagged))
            for c in flagged:
                print("  FLAGGED %s%s" % (c.name, where(c)))

    if args.json:
        doc = {
            "cvet": args.cvet,
            "corpus": corpus,
            "extra_args": extra,
            "families": rows,
            "overall": tot,
            "cases": [{
                "case": c.name, "family": c.family, "shape": c.shape, "kind": c.kind,
                "result": c.result, "error": c.error,
                "findings_of_rule": [{"path": p, "line": l} for p, l in c.rule_lines],
            } for c in cases],
        }
        with open(args.json, "w") as fh:
            json.dump(doc, fh, indent=2, sort_keys=False)
            fh.write("\n")
    if args.write_baseline:
        with open(args.write_baseline, "w") as fh:
            json.dump({f: {"found": r["found"], "flagged": r["flagged"]} for f, r in rows.items()},
                      fh, indent=2)
            fh.write("\n")

    if args.check_baseline:
        try:
            with open(args.check_baseline) as fh:
                base = json.load(fh)
            if not isinstance(base, dict):
                raise ValueError("not a JSON object")
        except (OSError, ValueError) as e:
            print("score.py: cannot read baseline %s: %s" % (args.check_baseline, e), file=sys.stderr)
            return 2
        worse = []
        for fam, r in rows.items():
            b = base.get(fam)
            if not isinstance(b, dict):
                continue
            if isinstance(b.get("found"), int) and r["found"] < b["found"]:
                worse.append("%s: found %d < baseline %d" % (fam, r["found"], b["found"]))
            if isinstance(b.get("flagged"), int) and r["flagged"] > b["flagged"]:
                worse.append("%s: flagged %d > baseline %d" % (fam, r["flagged"], b["flagged"]))
        if worse:
            print("\nworse than baseline %s:" % args.check_baseline)
            for w in worse:
                print("  " + w)
            return 1
        print("\nno family is worse than baseline %s" % args.check_baseline)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(1)
