#!/usr/bin/env python3
"""vcpkg_root_test.py - `--vcpkg-root DIR` / $VCPKG_ROOT: versions that only a manifest's builtin-baseline decides
come from versions/baseline.json at that commit of a small fake vcpkg checkout (loose objects, then packed with
deltas), with overrides and version>= applied; a note says why a version stays unknown. The test runs git to
build the checkout; cvet never does.
usage: vcpkg_root_test.py CVET"""
import json, os, shutil, subprocess, sys, tempfile

cvet = sys.argv[1]
failures = 0


def check(cond, what):
    global failures
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures += 1


def git(cwd, *args):
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.invalid", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@example.invalid", GIT_CONFIG_NOSYSTEM="1", HOME=cwd)
    return subprocess.run(["git", "-c", "init.defaultBranch=master", "-c", "gc.auto=0", *args], cwd=cwd, env=env,
                          check=True, capture_output=True, text=True).stdout.strip()


def deps(project, *extra, env_root=None):
    env = dict(os.environ)
    env.pop("CVET_DB", None)
    env.pop("VCPKG_ROOT", None)
    if env_root:
        env["VCPKG_ROOT"] = env_root
    p = subprocess.run([cvet, "deps", "--format", "json", "--no-config", "-q", *extra, project], capture_output=True,
                       text=True, timeout=120, env=env)
    if p.returncode not in (0, 1):
        return p.returncode, {}, [p.stderr.strip()]
    d = json.loads(p.stdout)
    return p.returncode, {x["name"]: x["version"] for x in d["dependencies"]}, d["notes"]


if shutil.which("git") is None:
    print("skip: git is not installed")
    sys.exit(77)

with tempfile.TemporaryDirectory() as tmp:
    root = os.path.join(tmp, "vcpkg")
    os.makedirs(os.path.join(root, "versions"))
    git(root, "init", "-q")
    ports = {"port%03d" % i: {"baseline": "1.%d.0" % i, "port-version": 0} for i in range(400)}  # deltas need bulk

    def commit(changes, msg):
        base = dict(ports)
        base.update(changes)
        with open(os.path.join(root, "versions", "baseline.json"), "w") as f:
            json.dump({"default": base}, f, indent=2, sort_keys=True)
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", msg)
        return git(root, "rev-parse", "HEAD")

    old = commit({"zlib": {"baseline": "1.2.11", "port-version": 3}, "curl": {"baseline": "7.80.0", "port-version": 0},
                  "fmt": {"baseline": "9.1.0", "port-version": 0}, "openssl": {"baseline": "1.1.1n", "port-version": 0},
                  "spdlog": {"baseline": "1.12.0", "port-version": 1}}, "old")
    new = commit({"zlib": {"baseline": "1.3.1", "port-version": 0}, "curl": {"baseline": "8.9.0", "port-version": 0},
                  "fmt": {"baseline": "11.0.0", "port-version": 0}, "openssl": {"baseline": "3.3.1", "port-version": 0},
                  "spdlog": {"baseline": "1.14.0", "port-version": 0}}, "new")

    proj = os.path.join(tmp, "proj")
    os.makedirs(proj)
    manifest = {"name": "app", "builtin-baseline": old,
                "dependencies": ["zlib", "curl", {"name": "fmt", "version>=": "10.0.0"},
                                 {"name": "spdlog", "version>=": "1.10.0"}, "openssl", "not-a-port"],
                "overrides": [{"name": "openssl", "version": "3.0.1"}]}
    with open(os.path.join(proj, "vcpkg.json"), "w") as f:
        json.dump(manifest, f, indent=2)
    want = {"zlib": "1.2.11#3", "curl": "7.80.0", "fmt": "10.0.0", "spdlog": "1.12.0#1", "openssl": "3.0.1",
            "not-a-port": None}

    rc, v, notes = deps(proj)
    check(v.get("zlib") is None and v.get("openssl") == "3.0.1" and v.get("fmt") == "10.0.0",
          "without a vcpkg root: override and version>= only: %s" % v)
    check(any("3 vcpkg ports without a version (zlib, curl, not-a-port)" in n and "--vcpkg-root" in n for n in notes),
          "the note names the unknown ports and says how to resolve them: %s" % notes)

    rc, v, notes = deps(proj, "--vcpkg-root", root)
    check(v == want, "loose objects: the baseline at the manifest's commit, not HEAD's: %s" % v)
    check(any("1 vcpkg port without a version (not-a-port)" in n and "does not list" in n for n in notes),
          "a port the baseline does not list is named with the reason: %s" % notes)

    rc, v, notes = deps(proj, env_root=root)
    check(v == want, "$VCPKG_ROOT works like --vcpkg-root: %s" % v)

    git(root, "repack", "-adq", "--depth=10", "--window=10")
    git(root, "prune-packed")
    loose = [d for d in os.listdir(os.path.join(root, ".git", "objects")) if len(d) == 2]
    check(not loose, "the checkout is fully packed (%d loose object folders left)" % len(loose))
    rc, v, notes = deps(proj, "--vcpkg-root", root)
    check(v == want, "packed objects with deltas: the same versions: %s" % v)

    # a commit the checkout does not have
    manifest["builtin-baseline"] = "0" * 40
    with open(os.path.join(proj, "vcpkg.json"), "w") as f:
        json.dump(manifest, f)
    rc, v, notes = deps(proj, "--vcpkg-root", root)
    check(v.get("zlib") is None and any("could not be read" in n and "0000000000" in n for n in notes),
          "a baseline commit that is not in the checkout: unknown, with the reason: %s" % notes)

    # not a git checkout
    plain = os.path.join(tmp, "plain")
    os.makedirs(os.path.join(plain, "versions"))
    manifest["builtin-baseline"] = old
    with open(os.path.join(proj, "vcpkg.json"), "w") as f:
        json.dump(manifest, f)
    rc, v, notes = deps(proj, "--vcpkg-root", plain)
    check(v.get("zlib") is None and any("is not a git checkout" in n for n in notes),
          "a vcpkg root that is not a git checkout is named in the note: %s" % notes)

    # the objects cannot be read but HEAD is the baseline commit: the working tree's baseline.json
    wt = os.path.join(tmp, "wt")
    shutil.copytree(root, wt)
    git(wt, "checkout", "-q", old)
    shutil.rmtree(os.path.join(wt, ".git", "objects", "pack"))
    rc, v, notes = deps(proj, "--vcpkg-root", wt)
    check(v == want and any("working tree" in n for n in notes),
          "HEAD at the baseline commit: the working tree's baseline.json is used, and said so: %s" % notes)
    # ... but never when HEAD is another commit
    with open(os.path.join(wt, ".git", "HEAD"), "w") as f:
        f.write(new + "\n")
    rc, v, notes = deps(proj, "--vcpkg-root", wt)
    check(v.get("zlib") is None, "HEAD elsewhere: the working tree is not trusted: %s" % v)

    # hostile: damaged pack and index, a baseline.json that is not JSON
    bad = os.path.join(tmp, "bad")
    shutil.copytree(root, bad)
    pdir = os.path.join(bad, ".git", "objects", "pack")
    for n in os.listdir(pdir):
        p = os.path.join(pdir, n)
        data = open(p, "rb").read()
        if n.endswith(".pack"):
            data = data[:12] + bytes((b * 7 + 3) & 255 for b in data[12:len(data) // 2])
        else:
            data = data[:1100] + b"\xff" * 64
        with open(p, "wb") as f:
            f.write(data)
    rc, v, notes = deps(proj, "--vcpkg-root", bad)
    check(rc in (0, 1) and v.get("zlib") is None and any("could not be read" in n for n in notes),
          "a damaged pack gives a note, not a crash: %s" % notes[-1:])

    junk = os.path.join(tmp, "junk")
    os.makedirs(os.path.join(junk, "versions"))
    git(junk, "init", "-q")
    with open(os.path.join(junk, "versions", "baseline.json"), "w") as f:
        f.write('{"default": [1, 2,')
    git(junk, "add", "-A")
    git(junk, "commit", "-q", "-m", "junk")
    manifest["builtin-baseline"] = git(junk, "rev-parse", "HEAD")
    with open(os.path.join(proj, "vcpkg.json"), "w") as f:
        json.dump(manifest, f)
    rc, v, notes = deps(proj, "--vcpkg-root", junk)
    check(rc in (0, 1) and v.get("zlib") is None and any("malformed" in n for n in notes),
          "a malformed baseline.json gives a note: %s" % notes[-1:])

    # hostile packs written by hand: a REF_DELTA whose base is itself, a blob claiming 1 TiB, an offset past the end
    import struct, zlib
    hostile = os.path.join(tmp, "hostile")
    pdir = os.path.join(hostile, ".git", "objects", "pack")
    os.makedirs(pdir)
    with open(os.path.join(hostile, ".git", "HEAD"), "w") as f:
        f.write("ref: refs/heads/master\n")
    selfref, huge, past = bytes([0x11] * 20), bytes([0x22] * 20), bytes([0x33] * 20)
    pack = b"PACK" + struct.pack(">II", 2, 2)
    off_self = len(pack)
    pack += bytes([0x70 | 5]) + selfref + zlib.compress(b"\x05\x05hello")
    off_huge = len(pack)
    size, hdr = 1 << 40, bytearray([0x30 | 0x80])  # blob, size 2^40 in the continuation bytes
    rest = size >> 4
    while rest:
        hdr.append((rest & 0x7F) | (0x80 if rest >> 7 else 0))
        rest >>= 7
    pack += bytes(hdr) + zlib.compress(b"x")
    pack += b"\0" * 20
    entries = sorted([(selfref, off_self), (huge, off_huge), (past, len(pack) + 1000)])
    fan = [sum(1 for e in entries if e[0][0] <= b) for b in range(256)]
    idx = b"\377tOc" + struct.pack(">I", 2) + b"".join(struct.pack(">I", x) for x in fan)
    idx += b"".join(e[0] for e in entries) + b"\0" * 4 * len(entries)
    idx += b"".join(struct.pack(">I", e[1]) for e in entries) + b"\0" * 40
    with open(os.path.join(pdir, "pack-h.pack"), "wb") as f:
        f.write(pack)
    with open(os.path.join(pdir, "pack-h.idx"), "wb") as f:
        f.write(idx)
    for sha, what in ((selfref, "deeper than 64"), (huge, "larger than"), (past, "out of bounds")):
        manifest["builtin-baseline"] = sha.hex()
        with open(os.path.join(proj, "vcpkg.json"), "w") as f:
            json.dump(manifest, f)
        rc, v, notes = deps(proj, "--vcpkg-root", hostile)
        check(rc in (0, 1) and v.get("zlib") is None and any(what in n for n in notes),
              "hostile pack entry (%s): a note, not a crash or a hang: %s" % (what, notes[-1:]))

print("%d failure(s)" % failures)
sys.exit(1 if failures else 0)
