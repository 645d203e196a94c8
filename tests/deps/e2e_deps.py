#!/usr/bin/env python3
"""e2e_deps.py - end-to-end tests of `cvet deps`: fixture trees, ignores, hostile files, git submodules.

Runs the built cvet binary; builds git fixtures in temporary directories (the test may run git,
the product never does). Usage: e2e_deps.py --cvet PATH --testdata DIR  [--db PATH] [CASE...]
"""
import argparse
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile

ARGS = None
FAILURES = []


def run(args, cwd=None, expect=None):
    """Run cvet with args; returns (exit code, stdout, stderr)."""
    cmd = [ARGS.cvet] + args
    env = dict(os.environ)
    env.pop("CVET_DB", None)
    p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=120, env=env)
    if expect is not None and p.returncode != expect:
        raise AssertionError("%s: exit %d, expected %d\nstderr: %s" % (" ".join(cmd), p.returncode, expect,
                                                                       p.stderr[-2000:]))
    if p.returncode < 0 or p.returncode > 2:
        raise AssertionError("%s crashed with %d: %s" % (" ".join(cmd), p.returncode, p.stderr[-2000:]))
    return p.returncode, p.stdout, p.stderr


def deps_json(path, extra=(), cwd=None, expect=None):
    args = ["deps", "--format", "json", "--no-config", "-q"] + list(extra) + [path]
    if ARGS.db:
        args = ["deps", "--db", ARGS.db] + args[1:]
    code, out, err = run(args, cwd=cwd, expect=expect)
    return code, json.loads(out), err


def findings_by_alias(doc):
    res = {}
    for f in doc["findings"]:
        d = f.get("dependency") or {}
        for k in [d.get("advisory_id")] + list(d.get("aliases") or []):
            if k:
                res.setdefault(k, []).append(f)
    return res


def check(cond, msg):
    if not cond:
        raise AssertionError(msg)


# ---- cases ----

def case_vulnerable_fixture():
    tree = os.path.join(ARGS.testdata, "deps", "vulnerable")
    code, doc, err = deps_json(".", cwd=tree)
    check(code == 1, "default --fail-on high must fail on the vulnerable fixture (exit %d)" % code)
    by = findings_by_alias(doc)
    f = by.get("CVE-2022-3602")
    check(f, "CVE-2022-3602 (openssl 3.0.6) missing")
    d = f[0]["dependency"]
    check(d["package"] == "openssl" and d["version"] == "3.0.6", "openssl finding: %r" % d)
    check(d["upgrade_to"] == "3.0.7", "CVE-2022-3602 upgrade_to %r" % d["upgrade_to"])
    check(f[0]["location"]["path"] == "conanfile.txt" and f[0]["location"]["line"] == 2,
          "openssl location %r" % f[0]["location"])
    check(f[0]["message"].startswith("openssl 3.0.6 is affected by CVE-2022-3602: "), f[0]["message"])
    check(f[0]["snippet"] == "conan:openssl@3.0.6", f[0]["snippet"])
    check(d["purl"] == "pkg:conan/openssl@3.0.6", d["purl"])
    check(f[0]["kind"] == "dependency" and f[0]["cwe"] == [], "kind/cwe")
    f = by.get("CVE-2023-38545")
    check(f, "CVE-2023-38545 (libcurl 8.3.0) missing")
    d = f[0]["dependency"]
    check(d["package"] == "libcurl" and d["upstream"] == "curl", "libcurl maps to curl: %r" % d)
    check(d["upgrade_to"] == "8.4.0", "CVE-2023-38545 upgrade_to %r" % d["upgrade_to"])
    check(f[0]["location"]["line"] == 3, "libcurl line")
    f = by.get("CVE-2018-25032")
    check(f, "CVE-2018-25032 (zlib 1.2.11 via vcpkg override) missing")
    d = f[0]["dependency"]
    check(d["ecosystem"] == "vcpkg" and d["version"] == "1.2.11", "zlib: %r" % d)
    check(f[0]["location"]["path"] == "vcpkg.json", "zlib location")
    if d["approximate"]:
        check("(approximate range)" in f[0]["message"], "approximate flag must show in the message")
    pk = {(p["name"], p["ecosystem"]): p for p in doc["dependencies"]}
    check(("cmake", "conan") in pk and pk[("cmake", "conan")]["build_only"], "cmake is a build-only tool requirement")
    check(pk[("fmt", "vcpkg")]["version"] is None, "fmt has no pinned version")
    check(not pk[("fmt", "vcpkg")]["checked"], "unknown versions are never checked")
    check(pk[("openssl", "conan")]["checked"], "openssl was checked")
    check(doc["summary"]["manifests_scanned"] >= 3 if "manifests_scanned" in doc["summary"] else True, "manifest count")
    # deterministic: same input, same bytes
    code2, out2, _ = run(["deps", "--format", "json", "--no-config", "-q", "."], cwd=tree)
    code3, out3, _ = run(["deps", "--format", "json", "--no-config", "-q", "."], cwd=tree)
    check(out2 == out3, "two runs must produce identical output")
    # --fail-on none -> 0
    run(["deps", "--no-config", "-q", "--fail-on", "none", "."], cwd=tree, expect=0)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as fh:
        fh.write(text)


def case_ignores():
    tmp = tempfile.mkdtemp(prefix="cvet-ign-")
    try:
        shutil.copy(os.path.join(ARGS.testdata, "deps", "vulnerable", "conanfile.txt"), tmp)
        cfg = os.path.join(tmp, "ignores.json")
        write(cfg, json.dumps({"ignore": [
            {"id": "CVE-2023-38545", "package": "libcurl", "reason": "no SOCKS5 proxy in use", "until": "2999-12-31"},
            {"id": "x_OPENSSL-CVE-2022-3602", "reason": "advisory id form", "until": "2999-01-01"},
            {"id": "CVE-2022-3786", "reason": "expired on purpose", "until": "2020-01-01"},
            {"id": "CVE-1999-0001", "reason": "never matches"},
            {"id": "CVE-2023-38546", "package": "zlib", "reason": "wrong package: must not apply"},
        ]}, indent=1))
        args = ["deps", "--format", "json", "-q", "--config", cfg, "."]
        if ARGS.db:
            args[1:1] = ["--db", ARGS.db]
        code, out, err = run(args, cwd=tmp)
        doc = json.loads(out)
        by = findings_by_alias(doc)
        check("CVE-2023-38545" not in by, "ignored CVE-2023-38545 still reported")
        check("CVE-2022-3602" not in by, "ignore by advisory id did not apply")
        check("CVE-2022-3786" in by, "an expired ignore must stop applying")
        check("CVE-2023-38546" in by, "an ignore for another package must not apply")
        notes = "\n".join(doc.get("notes") or [])
        check("ignore for CVE-2022-3786 expired on 2020-01-01" in notes, "expired note missing: " + notes)
        check("unused ignore for CVE-1999-0001" in notes, "unused note missing: " + notes)
        check("unused ignore for CVE-2023-38546 in zlib" in notes, "unused (wrong package) note missing: " + notes)
        # nvulns drops with the ignores
        pk = {p["name"]: p for p in doc["dependencies"]}
        check(pk["libcurl"]["vulnerabilities"] if "vulnerabilities" in pk["libcurl"] else True, "libcurl count")
        # an entry without a reason is a configuration error
        write(cfg, json.dumps({"ignore": [{"id": "CVE-2023-38545"}]}))
        code, out, err = run(["deps", "-q", "--config", cfg, "."], cwd=tmp, expect=2)
        check("reason" in err and err.count("\n") <= 1, "missing reason message: %r" % err)
        write(cfg, json.dumps({"ignore": [{"id": "CVE-2023-38545", "reason": "x", "until": "next week"}]}))
        run(["deps", "-q", "--config", cfg, "."], cwd=tmp, expect=2)
        write(cfg, json.dumps({"ignore": {"id": "x"}}))
        run(["deps", "-q", "--config", cfg, "."], cwd=tmp, expect=2)
    finally:
        shutil.rmtree(tmp)


def case_hostile_walk_and_direct():
    tmp = tempfile.mkdtemp(prefix="cvet-hostile-")
    try:
        write(os.path.join(tmp, "a", "conan.lock"), '{"version": "0.5",\n "requires": ["zlib/1.2')
        write(os.path.join(tmp, "b", "vcpkg.json"), '{"dependencies": {"zlib": 1}}')
        write(os.path.join(tmp, "c", "conanfile.txt"), "[requires]\nopenssl/3.0.6\n")
        os.makedirs(os.path.join(tmp, "d"))
        with open(os.path.join(tmp, "d", "conan.lock"), "wb") as fh:
            fh.write(bytes((i * 37 + 11) % 256 for i in range(5000)))
        # 10 MB string, deep nesting, huge line count: generated here, never committed
        write(os.path.join(tmp, "e", "vcpkg.json"), '{"dependencies": ["' + "a" * (10 << 20) + '"]}')
        write(os.path.join(tmp, "f", "bom.json"), "[" * 200000 + "]" * 200000)
        write(os.path.join(tmp, "g", "conanfile.txt"), "\n" * 2000000 + "[requires]\nzlib/1.2.11\n")
        write(os.path.join(tmp, "j", "package-lock.cmake"),
              "CPMDeclarePackage(\x1b[31mevil\x07 VERSION 1.0\x1b[0m GIT_REPOSITORY \"https://x/\x1b]0;t\x07.git\")\n")
        os.makedirs(os.path.join(tmp, "h", "vcpkg.json"))  # a directory with a manifest's name
        os.mkfifo(os.path.join(tmp, "i.conan.lock"))      # a FIFO must never be opened for reading
        code, doc, err = deps_json(".", cwd=tmp)
        notes = doc.get("notes") or []
        joined = "\n".join(notes)
        check("skipped a/conan.lock: line 2: invalid JSON" in joined, "truncated JSON note: " + joined)
        check("skipped b/vcpkg.json: line 1: \"dependencies\" must be an array" in joined, "wrong type note: " + joined)
        check("skipped d/conan.lock" in joined, "binary junk note: " + joined)
        check("skipped e/vcpkg.json" in joined, "10 MB name note: " + joined)
        check("skipped f/bom.json" in joined and "nested deeper" in joined, "deep nesting note: " + joined)
        for n in notes:
            check("\n" not in n and len(n) < 1100, "notes are one bounded line")
        pk = {(p["name"], p["location"]["path"]): p for p in doc["dependencies"]}
        check(("openssl", "c/conanfile.txt") in pk, "good files are still read next to bad ones")
        check(("?[31mevil?", "j/package-lock.cmake") in pk, "control characters in names are neutralised: %r" % list(pk))
        code, text, _ = run(["deps", "--no-config", "-q", "--format", "text", "."], cwd=tmp)
        check("\x1b[31m" not in text and "\x07" not in text, "no terminal escapes from manifests in text output")
        check(pk[("zlib", "g/conanfile.txt")]["location"]["line"] == 2000002, "line numbers survive huge files")
        # the same malformed file named directly is an input error: exit 2, one line on stderr
        code, out, err = run(["deps", "--no-config", "-q", os.path.join("a", "conan.lock")], cwd=tmp, expect=2)
        check("line 2: invalid JSON" in err and err.strip().count("\n") == 0, "direct error message: %r" % err)
        run(["deps", "--no-config", "-q", os.path.join("d", "conan.lock")], cwd=tmp, expect=2)
        run(["deps", "--no-config", "-q", os.path.join("e", "vcpkg.json")], cwd=tmp, expect=2)
    finally:
        shutil.rmtree(tmp)


def git(cwd, *args):
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@e", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@e", GIT_CONFIG_NOSYSTEM="1", HOME=cwd)
    return subprocess.run(["git"] + list(args), cwd=cwd, env=env, check=True, capture_output=True,
                          text=True).stdout.strip()


ZLIB_COMMIT = "21767c654d31d2dccdde4330529775c6c5fd5389"   # an arbitrary 40-hex id for the gitlink
CURL_COMMIT = "0123456789abcdef0123456789abcdef01234567"


def make_super(tmp, index_version):
    """A repository with two submodule gitlinks staged in its index (no network, no clone)."""
    root = os.path.join(tmp, "super")
    os.makedirs(root)
    git(root, "init", "-q")
    write(os.path.join(root, ".gitmodules"),
          '[submodule "zlib"]\n\tpath = third_party/zlib\n\turl = https://github.com/madler/zlib.git\n'
          '[submodule "curl"]\n\tpath = third_party/curl\n\turl = https://github.com/curl/curl.git\n')
    write(os.path.join(root, "src", "a.c"), "int main(void) { return 0; }\n")
    git(root, "add", ".gitmodules", "src/a.c")
    git(root, "update-index", "--add", "--cacheinfo", "160000,%s,third_party/zlib" % ZLIB_COMMIT)
    git(root, "update-index", "--add", "--cacheinfo", "160000,%s,third_party/curl" % CURL_COMMIT)
    if index_version == 3:
        # git writes version 3 only when an entry has extended flags: skip-worktree sets one
        git(root, "update-index", "--skip-worktree", "src/a.c")
    git(root, "update-index", "--index-version", str(index_version))
    # the submodule's git dir knows a tag at the pinned zlib commit (packed-refs, as git writes it)
    write(os.path.join(root, ".git", "modules", "zlib", "packed-refs"),
          "# pack-refs with: peeled fully-peeled sorted \n"
          "%s refs/tags/v1.2.11\n" % ZLIB_COMMIT)
    return root


def case_git_submodules():
    for version in (2, 3, 4):
        tmp = tempfile.mkdtemp(prefix="cvet-git-")
        try:
            root = make_super(tmp, version)
            with open(os.path.join(root, ".git", "index"), "rb") as fh:
                check(struct.unpack(">I", fh.read(8)[4:8])[0] == version, "fixture index version")
            code, doc, err = deps_json(".", extra=["--root", root], cwd=root)
            pk = {p["name"]: p for p in doc["dependencies"]}
            check("zlib" in pk and "curl" in pk, "submodules listed: %r" % list(pk))
            check(pk["zlib"]["version"] == "1.2.11", "zlib version from the tag at the pinned commit: %r" % pk["zlib"])
            check(pk["zlib"]["location"]["path"] == ".gitmodules" and pk["zlib"]["location"]["line"] == 3,
                  "zlib location %r" % pk["zlib"]["location"])
            check(pk["curl"]["version"] == CURL_COMMIT, "curl pinned commit from the index (v%d): %r" % (version, pk["curl"]))
            check(pk["curl"]["ecosystem"] == "git-submodule", "ecosystem")
            by = findings_by_alias(doc)
            check("CVE-2018-25032" in by, "zlib 1.2.11 (from the submodule tag) matched")
        finally:
            shutil.rmtree(tmp)


def case_git_annotated_tag():
    """A submodule pinned at a commit that a loose annotated tag names: the tag object is peeled."""
    tmp = tempfile.mkdtemp(prefix="cvet-git-tag-")
    try:
        src = os.path.join(tmp, "curlsrc")
        os.makedirs(src)
        git(src, "init", "-q")
        write(os.path.join(src, "README"), "fixture\n")
        git(src, "add", "README")
        git(src, "commit", "-q", "-m", "release")
        git(src, "tag", "-a", "curl-8_3_0", "-m", "curl 8.3.0")
        commit = git(src, "rev-parse", "HEAD")
        root = os.path.join(tmp, "super")
        os.makedirs(root)
        git(root, "init", "-q")
        write(os.path.join(root, ".gitmodules"),
              '[submodule "curl"]\n\tpath = third_party/curl\n\turl = https://github.com/curl/curl.git\n')
        git(root, "add", ".gitmodules")
        git(root, "update-index", "--add", "--cacheinfo", "160000,%s,third_party/curl" % commit)
        shutil.copytree(os.path.join(src, ".git"), os.path.join(root, ".git", "modules", "curl"))
        code, doc, err = deps_json(".", extra=["--root", root], cwd=root)
        pk = {p["name"]: p for p in doc["dependencies"]}
        check(pk["curl"]["version"] == "8.3.0", "annotated tag curl-8_3_0 -> 8.3.0: %r" % pk["curl"])
        check("CVE-2023-38545" in findings_by_alias(doc), "curl 8.3.0 from the tag is matched")
    finally:
        shutil.rmtree(tmp)


def case_git_gitdir_file_inside():
    """.git as a "gitdir:" file pointing inside the project is followed (relative path)."""
    tmp = tempfile.mkdtemp(prefix="cvet-git-file-")
    try:
        root = make_super(tmp, 2)
        os.rename(os.path.join(root, ".git"), os.path.join(root, ".realgit"))
        write(os.path.join(root, ".git"), "gitdir: .realgit\n")
        code, doc, err = deps_json(".", extra=["--root", root], cwd=root)
        pk = {p["name"]: p for p in doc["dependencies"]}
        check(pk["curl"]["version"] == CURL_COMMIT, "commit read through the gitdir file: %r" % pk["curl"])
        check(pk["zlib"]["version"] == "1.2.11", "tag read through the gitdir file")
    finally:
        shutil.rmtree(tmp)


def case_git_hostile():
    tmp = tempfile.mkdtemp(prefix="cvet-git-bad-")
    try:
        root = make_super(tmp, 2)
        idx = os.path.join(root, ".git", "index")
        data = bytearray(open(idx, "rb").read())
        data[8:12] = struct.pack(">I", 99999)  # lying entry count
        open(idx, "wb").write(bytes(data))
        code, doc, err = deps_json(".", extra=["--root", root], cwd=root)
        notes = "\n".join(doc.get("notes") or [])
        check("pinned commits of submodules zlib, curl unknown" in notes, "lying index note: " + notes)
        check(len(doc["dependencies"]) == 2, "submodules are still listed")
        os.remove(idx)
        code, doc, err = deps_json(".", extra=["--root", root], cwd=root)
        check("unknown" in "\n".join(doc.get("notes") or []), "missing index note")
        # a gitdir file pointing outside the project is not followed
        outside = tempfile.mkdtemp(prefix="cvet-outside-")
        shutil.rmtree(os.path.join(root, ".git"))
        git(outside, "init", "-q")
        write(os.path.join(root, ".git"), "gitdir: %s/.git\n" % outside)
        code, doc, err = deps_json(".", extra=["--root", root], cwd=root)
        notes = "\n".join(doc.get("notes") or [])
        check("outside the scanned tree" in notes, "gitdir outside note: " + notes)
        shutil.rmtree(outside)
        write(os.path.join(root, ".git"), "gitdir: /dev\n")
        deps_json(".", extra=["--root", root], cwd=root)
        write(os.path.join(root, ".git"), "x" * 100000)
        deps_json(".", extra=["--root", root], cwd=root)
    finally:
        shutil.rmtree(tmp)


def case_real_samples_walk():
    """Every real sample is found by walking and parses without a skip note."""
    base = os.path.join(ARGS.testdata, "deps", "real")
    code, doc, err = deps_json(base, extra=["--root", base])
    notes = doc.get("notes") or []
    for n in notes:
        check(not n.startswith("skipped"), "a real sample was skipped: " + n)
    files = {p["location"]["path"] for p in doc["dependencies"]}
    for d in sorted(os.listdir(base)):
        if not os.path.isdir(os.path.join(base, d)):
            continue
        for f in sorted(os.listdir(os.path.join(base, d))):
            rel = d + "/" + f
            if f.endswith("vcpkg-configuration.json") or rel.endswith("Fast-Crypto-Options-Pricing__MODULE.bazel"):
                continue  # no packages in these
            check(rel in files, "no package from sample " + rel)
    pk = [(p["name"], p["version"]) for p in doc["dependencies"]]
    check(("OpenSSL", "1.1.1c") in pk, "Babel OpenSSL")
    check(("openscenegraph-mr", "3.7.0") in pk, "Skybolt openscenegraph-mr")
    check(("gdal", "3.10.0#2") in pk, "duckdb gdal")
    check(("openssl", "3.0.8") in pk, "nvme-cli openssl.wrap")
    check(("bzip2", "1.0.8") in pk, "riegeli bzip2 .bcr stripped")
    check(("nghttp2", "1.69.0") in pk, "nghttp2 tag v1.69.0 -> 1.69.0")


def case_meson_sqlite_wrap():
    """Issue 10: sqlite3.wrap (sqlite-amalgamation-3310100, wrapdb_version 3.31.1-1) is sqlite 3.31.1."""
    code, doc, err = deps_json(os.path.join(ARGS.testdata, "deps", "meson-sqlite"))
    pk = doc["dependencies"]
    check(len(pk) == 1 and pk[0]["name"] == "sqlite3" and pk[0]["version"] == "3.31.1", "sqlite3.wrap: %r" % pk)
    check(pk[0]["upstream"] == "sqlite" and pk[0]["checked"], "sqlite3.wrap not checked: %r" % pk[0])
    f = findings_by_alias(doc).get("CVE-2020-11655")
    check(f, "CVE-2020-11655 missing for sqlite 3.31.1")
    check(f[0]["location"]["line"] == 8, "sqlite3.wrap line %r" % f[0]["location"])


CASES = [case_vulnerable_fixture, case_meson_sqlite_wrap, case_ignores, case_hostile_walk_and_direct, case_git_submodules,
         case_git_annotated_tag, case_git_gitdir_file_inside, case_git_hostile, case_real_samples_walk]


def main():
    global ARGS
    ap = argparse.ArgumentParser()
    ap.add_argument("--cvet", required=True)
    ap.add_argument("--testdata", required=True)
    ap.add_argument("--db")
    ap.add_argument("cases", nargs="*")
    ARGS = ap.parse_args()
    ARGS.cvet = os.path.abspath(ARGS.cvet)
    for c in CASES:
        if ARGS.cases and not any(s in c.__name__ for s in ARGS.cases):
            continue
        try:
            c()
            print("ok   " + c.__name__)
        except Exception as e:  # report every case, then fail
            print("FAIL %s: %s" % (c.__name__, e))
            FAILURES.append(c.__name__)
    print("%d failures" % len(FAILURES))
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
