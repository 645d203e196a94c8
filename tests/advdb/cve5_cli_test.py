#!/usr/bin/env python3
"""cve5_cli_test.py - `cvet db import` of CVE JSON 5 records through the real binary: folders, zips, the summary
line's CVE 5 counts, exit 2 for a malformed record named directly, hostile records never crash."""
import json, os, subprocess, sys, tempfile, zipfile

cvet = sys.argv[1]
failures = 0

def check(cond, what):
    global failures
    print(("ok   " if cond else "FAIL ") + what)
    failures += 0 if cond else 1

def run(*args):
    p = subprocess.run([cvet, *args], capture_output=True, text=True, timeout=120)
    return p.returncode, p.stdout, p.stderr

namemap = {"projects": {"libfoo": {"repo": "https://github.com/fooorg/libfoo", "cpe_vendor_product": "foo:libfoo"}}}

def cve5(cve, affected, adp=None):
    r = {"dataType": "CVE_RECORD", "dataVersion": "5.1",
         "cveMetadata": {"cveId": cve, "state": "PUBLISHED", "assignerShortName": "mitre"},
         "containers": {"cna": {"affected": affected, "descriptions": [{"lang": "en", "value": "bug"}]}}}
    if adp:
        r["containers"]["adp"] = adp
    return json.dumps(r)

good = cve5("CVE-2099-2001", [{"vendor": "n/a", "product": "n/a", "versions": [{"version": "n/a", "status": "affected"}]}],
            [{"affected": [{"cpes": ["cpe:2.3:a:foo:libfoo:*:*:*:*:*:*:*:*"], "vendor": "foo", "product": "libfoo",
                            "versions": [{"version": "0", "lessThan": "1.4.2", "status": "affected", "versionType": "custom"}]}]}])
unknown = cve5("CVE-2099-2002", [{"vendor": "acme", "product": "rocket", "versions": [{"version": "1.0", "status": "affected"}]}])
gitonly = cve5("CVE-2099-2003", [{"product": "libfoo", "versions": [{"version": "abc1234", "lessThan": "def5678",
                                                                    "status": "affected", "versionType": "git"}]}])
osv = json.dumps({"id": "OSV-TEST-1", "aliases": ["CVE-2099-2001"],
                  "affected": [{"package": {"ecosystem": "Bitnami", "name": "libfoo"},
                                "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "1.4.2"}]}]}]})

with tempfile.TemporaryDirectory() as tmp:
    def w(name, text):
        p = os.path.join(tmp, name)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "w") as f:
            f.write(text)
        return p
    nm = w("map.json", json.dumps(namemap))
    for name, text in [("good.json", good), ("unknown.json", unknown), ("git.json", gitonly), ("osv.json", osv),
                       ("trunc.json", good[:200])]:
        w("recs/" + name, text)
    db = os.path.join(tmp, "a.db")
    rc, out, err = run("db", "import", "--db", db, os.path.join(tmp, "recs"), nm)
    check(rc == 0, "a folder of CVE 5 and OSV records imports (exit 0): " + err.strip()[:200])
    check("imported 2 records (1 skipped)" in out, "summary counts records (CVE 5 skips counted apart): " + out.strip())
    check("CVE 5: 1 imported, 1 skipped with no known product, 1 with no comparable version (1 git" in out,
          "summary line counts CVE 5 records skipped for an unknown product and for git-only versions")
    check(err.count("cvet: warning: skipped") == 1 and "trunc.json" in err, "the truncated record is one warning")

    # dedup: one finding for libfoo 1.4.1 although two records describe CVE-2099-2001
    pins = w("proj/conanfile.txt", "[requires]\nlibfoo/1.4.1\n")
    rc, out, err = run("deps", "--db", db, "--format", "json", "-o", os.path.join(tmp, "r.json"), os.path.dirname(pins))
    if rc in (0, 1) and os.path.exists(os.path.join(tmp, "r.json")):
        rep = json.load(open(os.path.join(tmp, "r.json")))
        hits = [f for f in rep.get("findings", []) if f.get("dependency", {}).get("package") == "libfoo"]
        check(len(hits) == 1 and sorted(hits[0]["dependency"]["sources"]) == ["CVE-2099-2001", "OSV-TEST-1"],
              "one finding for the pin, both records as its sources (%d findings)" % len(hits))
    else:
        check(False, "cvet deps ran on the pin (exit %d: %s)" % (rc, err.strip()[:200]))

    # a zip of CVE 5 records
    z = os.path.join(tmp, "recs.zip")
    with zipfile.ZipFile(z, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("cves/CVE-2099-2001.json", good)
        zf.writestr("cves/CVE-2099-2002.json", unknown)
    rc, out, err = run("db", "import", "--db", os.path.join(tmp, "z.db"), z, nm)
    check(rc == 0 and "CVE 5: 1 imported, 1 skipped with no known product" in out, "CVE 5 records inside a zip: " + out.strip())

    # malformed records named directly: exit 2, one error line, the database untouched
    before = open(db, "rb").read()
    hostile = {
        "truncated": good[:150],
        "wrong-types": good.replace('"versions": [{"version": "0"', '"versions": {"version": "0"').replace('}]}]}]', '}}]}]'),
        "version-5-as-number": good.replace('"dataVersion": "5.1"', '"dataVersion": 5.1'),
        "nul": good.replace('"bug"', '"b\\u0000ug"'),
        "deep": '{"dataType": "CVE_RECORD", "x": ' + "[" * 5000 + "]" * 5000 + "}",
        "huge-array": good.replace('"versions": [', '"versions": [' + '{"version": "1.0", "status": "affected"},' * 100001),
        "not-cve5-version": good.replace('"dataVersion": "5.1"', '"dataVersion": "4.0"'),
    }
    for name, text in hostile.items():
        p = w(name + ".json", text)
        rc, out, err = run("db", "import", "--db", db, p, nm)
        lines = err.strip().splitlines()
        check(rc == 2 and len(lines) == 1 and lines[0].startswith("cvet: error: "),
              "%s CVE 5 record named directly: exit 2 and one error line (exit %d, %s)" % (name, rc, err.strip()[:120]))
    check(open(db, "rb").read() == before, "failed imports left the database byte-identical")
    big = w("big.json", '{"dataType": "CVE_RECORD", "pad": "' + "x" * (17 << 20) + '"}')
    rc, out, err = run("db", "import", "--db", db, big)
    check(rc == 2, "a record over 16 MiB named directly: exit 2")

sys.exit(1 if failures else 0)
