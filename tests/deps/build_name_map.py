#!/usr/bin/env python3
"""build_name_map.py - regenerate advisories/name-map.json from the package registries' own indexes.

Run by hand (not in CI: the snapshots are not part of this repository). Each registry is given as a git
directory (a bare clone or a checkout's .git; its HEAD is read) or as a plain checkout directory:

  build_name_map.py --conan DIR --vcpkg DIR --bcr DIR --wrapdb DIR --oss-fuzz DIR \
      [--debian-sources FILE ...] [--base advisories/name-map.json] [--advisories advisories] \
      [--min-registries 2] -o advisories/name-map.json

What is read (facts only: names and upstream repository URLs):
  Conan Center Index   recipes/<name>/{all,<folder>}/conanfile.py `homepage = "..."`, conandata.yml URLs
  vcpkg                ports/<name>/vcpkg.json "homepage", portfile.cmake `vcpkg_from_github(REPO o/r)`
  Bazel Central Reg.   modules/<name>/metadata.json "repository" ("github:o/r") and "homepage"
  Meson WrapDB         releases.json (names, dependency_names) and subprojects/<name>.wrap source/url
  OSS-Fuzz             projects/<name>/project.yaml main_repo, homepage, language (C/C++ only)
  Debian               a Sources index (apt's deb-src list, decompressed): Package, Homepage, Vcs-Git
  CPE vendor:product   the bundled CVE 5 records (advisories/cve5, affected[].cpes + repo/product) and
                       Bitnami records (database_specific.cpes), joined by repository URL or exact name

Names are joined by the upstream repository (github.com/owner/repo, lower case). A project is written when
at least --min-registries of Conan, vcpkg, BCR and WrapDB name it, or one of them and OSS-Fuzz or Debian do.
Projects of --base (the hand-checked map) keep every field they have; registry names only fill gaps there.
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys


class Tree:
    """Read-only view of a snapshot: a git directory (its HEAD) or a plain directory."""

    def __init__(self, path):
        self.path = path
        self.git = os.path.isfile(os.path.join(path, "HEAD")) and os.path.isdir(os.path.join(path, "objects"))
        self.proc = None
        if self.git:
            self.proc = subprocess.Popen(["git", "--git-dir", path, "cat-file", "--batch"], stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE)

    def commit(self):
        if self.git:
            return subprocess.check_output(["git", "--git-dir", self.path, "rev-parse", "HEAD"], text=True).strip()
        try:
            return subprocess.check_output(["git", "-C", self.path, "rev-parse", "HEAD"], text=True,
                                           stderr=subprocess.DEVNULL).strip()
        except (subprocess.CalledProcessError, OSError):
            return "unknown"

    def files(self, prefix):
        """Every file path under `prefix` (a folder, no trailing slash)."""
        if self.git:
            out = subprocess.check_output(["git", "--git-dir", self.path, "ls-tree", "-r", "--name-only", "HEAD",
                                           "--", prefix + "/"], text=True)
            return out.splitlines()
        res = []
        for root, _dirs, names in os.walk(os.path.join(self.path, prefix)):
            for n in names:
                res.append(os.path.relpath(os.path.join(root, n), self.path))
        return res

    def read(self, rel):
        """Text of one file, or None when it is not there."""
        if self.git:
            self.proc.stdin.write(("HEAD:%s\n" % rel).encode())
            self.proc.stdin.flush()
            head = self.proc.stdout.readline().decode().split()
            if len(head) < 3 or head[1] != "blob":
                return None
            size = int(head[2])
            data = self.proc.stdout.read(size)
            self.proc.stdout.read(1)
            return data.decode("utf-8", "replace")
        try:
            with open(os.path.join(self.path, rel), encoding="utf-8", errors="replace") as f:
                return f.read()
        except OSError:
            return None


HOSTS = ("github.com", "gitlab.com", "gitlab.gnome.org", "gitlab.freedesktop.org", "codeberg.org",
         "bitbucket.org", "salsa.debian.org", "code.videolan.org", "gitlab.xiph.org", "invent.kde.org",
         "gitlab.kitware.com")


def repo_key(url):
    """'https://github.com/Owner/Repo.git' (also git@, /archive/..., /releases/...) -> 'github.com/owner/repo'."""
    if not url:
        return None
    u = url.strip().strip('"').lower()
    u = re.sub(r"^git\+", "", u)
    m = re.match(r"^github:([\w.-]+)/([\w.-]+)", u)
    if m:
        return "github.com/%s/%s" % (m.group(1), re.sub(r"\.git$", "", m.group(2)))
    m = re.match(r"^(?:https?://|git://|ssh://git@|git@)(?:www\.)?([\w.-]+)[/:]([\w.-]+)/([\w.-]+)", u)
    if not m or m.group(1) not in HOSTS:
        return home_key(u)
    host, owner, repo = m.group(1), m.group(2), re.sub(r"\.git$", "", m.group(3))
    if host == "github.com" and owner in ("orgs", "sponsors", "topics"):
        return None
    return "%s/%s/%s" % (host, owner, repo)


def home_key(u):
    """A project's own web page when it has no repository URL: 'https://www.gnu.org/software/libiconv/' ->
    'home:gnu.org/software/libiconv'; never a download or archive URL. A bare host ('home:gmplib.org') joins
    names only when the registries agree on the name (see main)."""
    m = re.match(r"^https?://(?:www\.)?([\w.-]+\.[a-z]+)(/[^?#]*)?$", u)
    if not m or m.group(1) in HOSTS:
        return None
    path = re.sub(r"/(index\.html?|index\.php)$", "", (m.group(2) or "").rstrip("/"))
    if re.search(r"\.(tar|gz|xz|bz2|zip|tgz|zst)$|/(download|downloads|releases|files|dist|pub)(/|$)",
                              path):
        return None
    return "home:%s%s" % (m.group(1), path)


def canon_url(key):
    if key.startswith("home:"):
        return "https://" + key[5:]
    return "https://" + key


def read_conan(t):
    names = {}
    for p in t.files("recipes"):
        parts = p.split("/")
        if len(parts) != 4 or parts[3] not in ("conanfile.py", "conandata.yml"):
            continue
        text = t.read(p) or ""
        keys = []
        if parts[3] == "conanfile.py":
            m = re.search(r'^\s*homepage\s*=\s*"([^"]+)"', text, re.M)
            keys.append(repo_key(m.group(1)) if m else None)
        else:
            for u in re.findall(r'url:\s*"?(https?://[^"\s]+)', text)[:3]:
                keys.append(repo_key(u))
        for k in keys:
            if k:
                names.setdefault(parts[1], []).append(k)
    return names


def read_vcpkg(t):
    names = {}
    for p in t.files("ports"):
        parts = p.split("/")
        if len(parts) != 3:
            continue
        if parts[2] == "vcpkg.json":
            try:
                doc = json.loads(t.read(p) or "{}")
            except ValueError:
                continue
            k = repo_key(doc.get("homepage") if isinstance(doc, dict) else None)
            if k:
                names.setdefault(parts[1], []).append(k)
        elif parts[2] == "portfile.cmake":
            for r in re.findall(r"vcpkg_from_github\s*\([^)]*?\bREPO\s+([\w.-]+/[\w.-]+)", t.read(p) or "", re.S)[:1]:
                names.setdefault(parts[1], []).insert(0, "github.com/" + r.lower())
            for r in re.findall(r"vcpkg_from_gitlab\s*\([^)]*?\bGITLAB_URL\s+(\S+)[^)]*?\bREPO\s+([\w./-]+)",
                                t.read(p) or "", re.S)[:1]:
                k = repo_key(r[0].rstrip("/") + "/" + r[1])
                if k:
                    names.setdefault(parts[1], []).insert(0, k)
    return names


def read_bcr(t):
    names = {}
    for p in t.files("modules"):
        parts = p.split("/")
        if len(parts) != 3 or parts[2] != "metadata.json":
            continue
        try:
            doc = json.loads(t.read(p) or "{}")
        except ValueError:
            continue
        for r in (doc.get("repository") or []) + [doc.get("homepage")]:
            k = repo_key(r) if isinstance(r, str) else None
            if k:
                names.setdefault(parts[1], []).append(k)
    return names


def read_wrapdb(t):
    names, provides = {}, {}
    try:
        rel = json.loads(t.read("releases.json") or "{}")
    except ValueError:
        rel = {}
    for name, info in rel.items():
        provides[name] = [d for d in (info.get("dependency_names") or []) if isinstance(d, str)]
        text = t.read("subprojects/%s.wrap" % name) or ""
        for m in re.finditer(r"^\s*(source_url|url|source_fallback_url)\s*=\s*(\S+)", text, re.M):
            k = repo_key(m.group(2))
            if k and not k.startswith("github.com/mesonbuild/"):
                names.setdefault(name, []).append(k)
    return names, provides


def read_oss_fuzz(t):
    names = {}
    for p in t.files("projects"):
        parts = p.split("/")
        if len(parts) != 3 or parts[2] != "project.yaml":
            continue
        text = t.read(p) or ""
        lang = re.search(r"^language:\s*\"?([\w+]+)", text, re.M)
        if not lang or lang.group(1) not in ("c", "c++") or "example" in parts[1]:
            continue  # OSS-Fuzz's own examples (bad_example fuzzes zlib) are no project of their repository
        for key in ("main_repo", "homepage"):
            m = re.search(r"^%s:\s*\"?([^\"\s]+)" % key, text, re.M)
            k = repo_key(m.group(1)) if m else None
            if k:
                names.setdefault(parts[1], []).append(k)
    return names


def read_debian(paths):
    names = {}
    for path in paths:
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        for stanza in text.split("\n\n"):
            pkg = re.search(r"^Package:\s*(\S+)", stanza, re.M)
            if not pkg:
                continue
            for field in ("Homepage", "Vcs-Git", "Vcs-Browser"):
                m = re.search(r"^%s:\s*(\S+)" % field, stanza, re.M)
                k = repo_key(m.group(1)) if m else None
                if k and not k.startswith("salsa.debian.org/"):
                    names.setdefault(pkg.group(1), []).append(k)
    return names


def invert(names):
    """name -> [repo keys]  to  repo key -> [names] (a name counts for its first key only when it has several)."""
    by_repo = {}
    for name, keys in names.items():
        seen = []
        for k in keys:
            if k not in seen:
                seen.append(k)
        for k in seen[:2]:
            by_repo.setdefault(k, []).append(name)
    return by_repo


def best_name(cands, repo):
    """The registry's name for a repository: the one equal to the repository's name, else the shortest."""
    if not cands:
        return None
    tail = repo.rsplit("/", 1)[-1]
    for c in cands:
        if c.lower() == tail:
            return c
    return sorted(cands, key=lambda c: (len(c), c))[0]


def vendor_fits(pair, repo):
    """A CPE found by product name only is kept when its vendor is the repository's owner (or a prefix of
    it), the product itself or "<product>_project": "facebook:thrift" is not Apache Thrift."""
    vendor, product = pair.split(":", 1)
    parts = repo.split("/")
    owner = parts[1] if len(parts) > 2 and not repo.startswith("home:") else ""
    return vendor in (product, product + "_project") or (owner and (owner == vendor or owner.startswith(vendor)))


def data_projects(adv):
    """The project names the bundled advisory records use when the name map does not rename them: OSS-Fuzz
    and Bitnami folder names, Julia's Foo_jll as foo."""
    res = set()
    for sub in ("oss-fuzz", "bitnami"):
        d = os.path.join(adv, "osv", sub)
        if os.path.isdir(d):
            res.update(n.lower() for n in os.listdir(d) if os.path.isdir(os.path.join(d, n)))
    try:
        with open(os.path.join(adv, "osv", "julia-jll", "_index.json"), encoding="utf-8") as f:
            res.update(re.sub(r"_jll$", "", n).lower() for n in (json.load(f).get("package_counts") or {}))
    except (OSError, ValueError):
        pass
    return res


def squash(name):
    return re.sub(r"[-_.]", "", name.lower())


def agree(a, b):
    """Two registries name the same thing: equal but for case and separators, or one is the other plus a
    separated suffix ("readline" / "readline-unix"; never "libidn" / "libidn2")."""
    a, b = a.lower(), b.lower()
    if squash(a) == squash(b):
        return True
    short, long_ = sorted((a, b), key=len)
    return long_.startswith(short) and long_[len(short)] in "-_."


def read_cpes(adv):
    """(repo key or product name) -> set of 'vendor:product' from the bundled CVE 5 and Bitnami records."""
    by_repo, by_name = {}, {}
    for path in glob.glob(os.path.join(adv, "cve5", "**", "*.json"), recursive=True):
        try:
            with open(path, encoding="utf-8") as f:
                doc = json.load(f)
        except (OSError, ValueError):
            continue
        conts = doc.get("containers") or {}
        for c in [conts.get("cna") or {}] + list(conts.get("adp") or []):
            for a in c.get("affected") or []:
                pairs = set()
                for cpe in a.get("cpes") or []:
                    f = cpe.split(":")
                    if len(f) > 4 and f[3] not in ("*", "-") and f[4] not in ("*", "-"):
                        pairs.add("%s:%s" % (f[3].lower(), f[4].lower()))
                if not pairs:
                    continue
                k = repo_key(a.get("repo"))
                if k:
                    by_repo.setdefault(k, set()).update(pairs)
                prod = (a.get("product") or "").lower()
                if prod:
                    by_name.setdefault(prod, set()).update(pairs)
    for path in glob.glob(os.path.join(adv, "osv", "bitnami", "*", "*.json")):
        try:
            with open(path, encoding="utf-8") as f:
                doc = json.load(f)
        except (OSError, ValueError):
            continue
        for a in doc.get("affected") or []:
            name = ((a.get("package") or {}).get("name") or "").lower()
            for cpe in (a.get("database_specific") or {}).get("cpes") or []:
                f = cpe.split(":")
                if name and len(f) > 4 and f[3] not in ("*", "-"):
                    by_name.setdefault(name, set()).add("%s:%s" % (f[3].lower(), f[4].lower()))
    return by_repo, by_name


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    for k in ("conan", "vcpkg", "bcr", "wrapdb", "oss-fuzz"):
        ap.add_argument("--" + k, required=True)
    ap.add_argument("--debian-sources", nargs="*", default=[])
    ap.add_argument("--debian-release", default="unknown")
    ap.add_argument("--base", help="the current name-map.json; its projects keep their fields")
    ap.add_argument("--advisories", help="advisories/ folder, for CPE pairs from the bundled records")
    ap.add_argument("--min-registries", type=int, default=2)
    ap.add_argument("-o", "--output", required=True)
    a = ap.parse_args()

    trees = {k: Tree(getattr(a, k.replace("-", "_"))) for k in ("conan", "vcpkg", "bcr", "wrapdb", "oss-fuzz")}
    commits = {k: t.commit() for k, t in trees.items()}
    wrap_names, provides = read_wrapdb(trees["wrapdb"])
    raw = {"conan": read_conan(trees["conan"]), "vcpkg": read_vcpkg(trees["vcpkg"]), "bcr": read_bcr(trees["bcr"]),
           "wrapdb": wrap_names, "debian": read_debian(a.debian_sources)}
    regs = {ns: invert(raw[ns]) for ns in ("conan", "vcpkg", "bcr", "wrapdb")}
    fuzz = invert(read_oss_fuzz(trees["oss-fuzz"]))
    deb = invert(raw["debian"])
    with_data = data_projects(a.advisories) if a.advisories else set()
    cpe_repo, cpe_name = read_cpes(a.advisories) if a.advisories else ({}, {})

    base = {}
    if a.base:
        with open(a.base, encoding="utf-8") as f:
            base = json.load(f).get("projects", {})
    base_by_repo = {repo_key(p.get("repo")): n for n, p in base.items() if repo_key(p.get("repo"))}

    repos = set()
    for r in regs.values():
        repos.update(r)
    projects, taken = {}, set(base)
    # every (namespace, name) goes to one project: the hand-compiled ones first, then repository joins, then
    # project pages, then bare hosts
    assigned = {ns: set() for ns in ("conan", "vcpkg", "bcr", "wrapdb", "debian", "fuzz")}
    for p in base.values():
        for ns in ("conan", "vcpkg", "bcr", "wrapdb", "debian"):
            if isinstance(p.get(ns), dict) and p[ns].get("name"):
                assigned[ns].add(p[ns]["name"].split(" (")[0].lower())
        for k in ("oss_fuzz_project", "oss_fuzz_project_declared"):
            if p.get(k):
                assigned["fuzz"].add(p[k].lower())

    def pick(ns, cands, repo):
        return best_name([c for c in cands or [] if c.lower() not in assigned[ns]], repo)

    stats = {"base": len(base), "added": 0, "filled": 0}
    for repo in sorted(repos, key=lambda r: (r.startswith("home:"), r.startswith("home:") and "/" not in r, r)):
        found = {ns: pick(ns, regs[ns].get(repo), repo) for ns in regs}
        n_reg = sum(1 for v in found.values() if v)
        fz, dn = pick("fuzz", fuzz.get(repo), repo), pick("debian", deb.get(repo), repo)
        if repo in base_by_repo:
            p = base[base_by_repo[repo]]
            for ns, v in found.items():
                if v and (not isinstance(p.get(ns), dict) or not p[ns].get("exists")):
                    p[ns] = {"name": v, "exists": True}
                    stats["filled"] += 1
            for ns, v in found.items():
                if v:
                    assigned[ns].add(v.lower())
            if dn and not p.get("debian"):
                p["debian"] = {"name": dn, "exists": True}
                assigned["debian"].add(dn.lower())
            if fz and not p.get("oss_fuzz_project_declared"):
                p["oss_fuzz_project_declared"] = fz
            continue
        if n_reg < a.min_registries and not (n_reg >= 1 and (fz or dn)):
            continue
        if repo.startswith("github.com/boostorg/"):
            continue  # Boost's libraries: the "boost" project's boost-* / boost.* patterns cover them
        names = [v.lower() for v in (found["vcpkg"], found["conan"], found["bcr"], found["wrapdb"], dn) if v]
        if repo.startswith("home:"):
            # a project page naming a project a repository join already made ("systemd" on systemd's wiki
            # page and on GitHub): its names equal to that project's key (or "lib" + it) fill empty slots
            sq = {squash(v) for v in names + ([fz] if fz else [])}
            t = next((k for k in projects if squash(k) in sq and not projects[k]["repo"].startswith(
                "https://" + repo[5:].split("/")[0])), None)
            if t:
                same = (squash(t), "lib" + squash(t))
                for ns, v in list(found.items()) + [("debian", dn)]:
                    if v and not projects[t].get(ns) and squash(v) in same:
                        projects[t][ns] = {"name": v, "exists": True}
                        assigned[ns].add(v.lower())
                if fz and not projects[t].get("oss_fuzz_project_declared") and squash(fz) in same:
                    projects[t]["oss_fuzz_project_declared"] = fz
                    assigned["fuzz"].add(fz.lower())
                stats["merged"] = stats.get("merged", 0) + 1
                continue
            # a page is often shared (GNU's libidn page also presents libidn2, a bare host many packages):
            # keep only the names two registries agree on
            voters = names + ([fz] if fz else [])
            common = min(names, key=lambda v: (-sum(agree(v, w) for w in voters), len(v)))
            if sum(agree(common, w) for w in voters) < 2:
                continue
            for ns in found:
                if found[ns] and not agree(common, found[ns]):
                    found[ns] = None
            dn = dn if dn and agree(common, dn) else None
            names = [common] + [v for v in names if agree(common, v) and v != common]
        tail = repo.rsplit("/", 1)[-1]
        # the project's key: a name the bundled advisory records use, else the repository's name when two
        # registries agree on it, else the vcpkg, Conan, BCR, WrapDB or Debian name (OSS-Fuzz's last: its
        # names are often generic words); never a taken key
        order = ([v for v in names if v in with_data] + ([fz.lower()] if fz and fz.lower() in with_data else []) +
                 ([tail] if names.count(tail) >= 2 else []) + names + ([fz.lower()] if fz else []))
        key = next((k for k in order if k not in taken and re.fullmatch(r"[a-z0-9][a-z0-9_.+-]*", k)), None)
        if not key:
            continue
        taken.add(key)
        for ns, v in list(found.items()) + [("debian", dn), ("fuzz", fz)]:
            if v:
                assigned[ns].add(v.lower())
        entry = {"repo": canon_url(repo)}
        cpes = sorted(cpe_repo.get(repo, set()))
        if not cpes:
            for v in [key] + [x for x in found.values() if x]:
                if v.lower() in cpe_name:
                    cpes = sorted(c for c in cpe_name[v.lower()] if vendor_fits(c, repo))
                    break
        entry["cpe_vendor_product"] = cpes if cpes else None
        for ns in ("conan", "vcpkg", "bcr", "wrapdb"):
            entry[ns] = {"name": found[ns], "exists": True} if found[ns] else None
        if found["wrapdb"] and provides.get(found["wrapdb"]):
            entry["wrapdb_provides"] = provides[found["wrapdb"]][:20]
        entry["debian"] = {"name": dn, "exists": True} if dn else None
        entry["oss_fuzz_project"] = None
        entry["oss_fuzz_project_declared"] = fz
        projects[key] = entry
        stats["added"] += 1

    # projects the bundled records name that no repository join found: the same name in two registries
    for n in sorted(with_data - taken):
        hits = {ns: next((k for k in raw[ns] if k.lower() == n), None) for ns in raw}
        hits = {ns: v for ns, v in hits.items() if v and n not in assigned[ns]}
        if len(hits) < 2 or not re.fullmatch(r"[a-z0-9][a-z0-9_.+-]*", n):
            continue
        repos_seen = [k for ns, v in hits.items() for k in raw[ns][v][:1]]
        entry = {"repo": canon_url(max(set(repos_seen), key=repos_seen.count)) if repos_seen else None,
                 "joined_by": "name", "cpe_vendor_product": None}
        for ns in ("conan", "vcpkg", "bcr", "wrapdb", "debian"):
            entry[ns] = {"name": hits[ns], "exists": True} if ns in hits else None
        entry["oss_fuzz_project"] = None
        entry["oss_fuzz_project_declared"] = None
        projects[n] = entry
        taken.add(n)
        stats["by_name"] = stats.get("by_name", 0) + 1

    out = {"_about": (
        "Upstream C/C++ project -> package names in each namespace. The first %d projects were compiled by hand "
        "(see their git_tag_pattern_hint; cpe_vendor_product there is maintainer knowledge). The others were "
        "generated by tests/deps/build_name_map.py from the registries' own indexes, joined by upstream "
        "repository URL: conan-io/conan-center-index@%s recipes/, microsoft/vcpkg@%s ports/, "
        "bazelbuild/bazel-central-registry@%s modules/, mesonbuild/wrapdb@%s releases.json, google/oss-fuzz@%s "
        "projects/ (oss_fuzz_project_declared: C/C++ projects), Debian %s Sources (debian: source package). "
        "Generated cpe_vendor_product pairs come only from the bundled CVE 5 and Bitnami records (joined by "
        "repository or exact product name); null means none was found, not that none exists. See "
        "advisories/SOURCES.md." % (len(base), commits["conan"][:8], commits["vcpkg"][:8], commits["bcr"][:8],
                                    commits["wrapdb"][:8], commits["oss-fuzz"][:8], a.debian_release)),
        "projects": {}}
    out["projects"].update(base)
    out["projects"].update(projects)
    with open(a.output + ".tmp", "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1, ensure_ascii=True)
        f.write("\n")
    os.replace(a.output + ".tmp", a.output)
    print("name map: %d projects (%d kept from the base, %d added by repository, %d by name, %d project pages merged "
          "into them, %d registry names filled in); commits %s" % (len(out["projects"]), stats["base"], stats["added"],
                                                                   stats.get("by_name", 0), stats.get("merged", 0),
                                     stats["filled"],
           ", ".join("%s %s" % (k, v[:12]) for k, v in commits.items())), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
