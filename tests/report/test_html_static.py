#!/usr/bin/env python3
"""test_html_static.py - the HTML report without a browser: the demo scan gives a self-contained page with one
finding element per finding of the JSON report, the same report gives the same bytes, the CSP hashes match the
page's own style and script, and a tree with hostile paths and source lines produces no markup from the data.

usage: test_html_static.py --cvet PATH --source-dir DIR --out-dir DIR
(the pages are kept in --out-dir as test artifacts)"""
import argparse
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import html_check  # noqa: E402

failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cvet", required=True)
    ap.add_argument("--source-dir", required=True)
    ap.add_argument("--out-dir", required=True)
    a = ap.parse_args()
    cvet = os.path.abspath(a.cvet)
    a.out_dir = os.path.abspath(a.out_dir)
    os.makedirs(a.out_dir, exist_ok=True)

    with tempfile.TemporaryDirectory() as tmp:
        demo = os.path.join(tmp, "demo")
        shutil.copytree(os.path.join(a.source_dir, "testdata", "demo"), demo)
        page1, page2 = os.path.join(a.out_dir, "report-demo.html"), os.path.join(tmp, "again.html")
        js = os.path.join(tmp, "demo.json")
        r = html_check.scan(cvet, demo, "html", page1)
        check(r.returncode in (0, 1), "demo scan with --format html exits 0 or 1 (got %d: %s)" % (r.returncode, r.stderr[-300:]))
        html_check.scan(cvet, demo, "html", page2)
        html_check.scan(cvet, demo, "json", js)
        with open(page1, "rb") as f:
            b1 = f.read()
        with open(page2, "rb") as f:
            b2 = f.read()
        check(b1 == b2, "two scans of the same tree give byte-identical HTML")
        text = b1.decode("utf-8")
        for p in html_check.problems(text):
            check(False, "demo page: " + p)
        page = html_check.parse(text)
        n = html_check.json_count(js)
        check(n > 0 and len(page.with_class("finding")) == n,
              "one finding element per JSON finding (%d elements, %d in JSON)" % (len(page.with_class("finding")), n))
        for section in ("summary", "findings", "dependencies", "network", "inventory"):
            check(any(a.get("id") == section for _, a, _ in page.elements), "section #%s present" % section)
        check(any(t == "form" and a.get("id") == "filters" and "hidden" in a for t, a, _ in page.elements),
              "the filters are hidden until the script shows them (nothing dead with scripts off)")
        check(any(t == "pre" for t, _, _ in page.elements), "source snippets are shown")
        check("Dataflow:" in text, "dataflow steps are shown")

        # a file name, source line and comment written by an attacker
        evil = os.path.join(tmp, "evil")
        os.makedirs(evil)
        rel = html_check.write_hostile_tree(evil)
        hpage, hjson = os.path.join(a.out_dir, "report-hostile.html"), os.path.join(tmp, "evil.json")
        r = html_check.scan(cvet, evil, "html", hpage, ["--fail-on", "none"])
        check(r.returncode == 0, "hostile tree scans (got %d: %s)" % (r.returncode, r.stderr[-300:]))
        html_check.scan(cvet, evil, "json", hjson, ["--fail-on", "none"])
        with open(hpage, encoding="utf-8") as f:
            htext = f.read()
        for p in html_check.problems(htext):
            check(False, "hostile page: " + p)
        hp = html_check.parse(htext)
        files = [a.get("data-file") for _, a in hp.with_class("finding")]
        check(rel in files, "the hostile path survives as data: %r in %r" % (rel, files[:3]))
        check("alert(1)&lt;/script&gt;" in htext and "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in htext,
              "the injections are shown as escaped text")
        check(len(hp.with_class("finding")) == html_check.json_count(hjson), "hostile page: one element per finding")

    if failures:
        print("%d failure(s)" % len(failures))
        return 1
    print("all checks hold")
    return 0


if __name__ == "__main__":
    sys.exit(main())
