#!/usr/bin/env python3
"""check_cycles.py - fail when analyzer/ or checks/ has an include or call cycle, or a layer includes a higher one.

Three checks, each printing what it found:

1. the #include graph between modules (a module is a .c with its .h; "x_int.h" belongs to module x;
   checks.def is a module of its own) has no cycle;
2. no module includes an internal header of a higher layer (the order is LAYERS below, documented in
   docs/architecture.md); the public headers in include/cvet/ are the API every layer may use;
3. with --objects, the call graph between object files (a file calls another when `nm` shows it using a
   symbol the other defines) has no cycle either.

Usage: check_cycles.py SOURCE_DIR [--objects FILE.o ...]
       check_cycles.py --self-test        (the checker must catch a planted cycle and a layer violation)
"""
import os
import re
import subprocess
import sys
import tempfile

# Higher number = higher layer. A folder may include its own headers and those of lower layers.
# code/, checks/ and flow/ are one layer (the code analysis): the walker runs the checks and lowers each
# function into the flow engine while the TU is alive; the checks and the engine use the cx/tu helpers.
LAYERS = {
    "analyzer/cli": 70,
    "analyzer/scan": 60,
    "analyzer/code": 50,
    "checks": 50,
    "analyzer/deps": 50,
    "analyzer/flow": 50,
    "analyzer/advdb": 30,
    "analyzer/report": 20,
    "analyzer/common": 10,
}
# Folders of the same layer that may include each other (everything else of equal rank may not).
SAME_LAYER_OK = {frozenset(("analyzer/code", "checks")), frozenset(("analyzer/code", "analyzer/flow")),
                 frozenset(("analyzer/flow", "checks"))}

# Call cycles that exist today and are owned elsewhere, listed exactly: a known cycle is printed as a warning;
# one that grows, shrinks or is new fails. The flow engine (landed with it) calls its rules' hooks directly and
# they call back into it; it goes once the engine dispatches to rules through registered callbacks.
KNOWN_CALL_CYCLES = []

INCLUDE_RE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def folder_of(module):
    """Layer folder of a module path (relative to the source root), or None when it has no layer."""
    best = None
    for f in LAYERS:
        if module == f or module.startswith(f + "/"):
            if best is None or len(f) > len(best):
                best = f
    return best


def module_of(rel):
    base, ext = os.path.splitext(rel)
    if ext == ".def":
        return rel
    if base.endswith("_int"):
        base = base[: -len("_int")]
    return base


def source_files(root):
    for top in ("analyzer", "checks"):
        for d, dirs, files in os.walk(os.path.join(root, top)):
            dirs.sort()
            for f in sorted(files):
                if f.endswith((".c", ".h", ".def")):
                    yield os.path.relpath(os.path.join(d, f), root)


def resolve(root, rel, name):
    """The repository path an #include "name" in file rel refers to, or None (public or system header)."""
    for base in (os.path.dirname(rel), "analyzer", "checks"):
        cand = os.path.normpath(os.path.join(base, name))
        if os.path.isfile(os.path.join(root, cand)):
            return cand
    return None


def include_graph(root):
    graph, why = {}, {}
    for rel in source_files(root):
        m = module_of(rel)
        graph.setdefault(m, set())
        with open(os.path.join(root, rel), encoding="utf-8", errors="replace") as fh:
            text = fh.read()
        for name in INCLUDE_RE.findall(text):
            target = resolve(root, rel, name)
            if target is None:
                continue
            t = module_of(target)
            if t != m:
                graph[m].add(t)
                why.setdefault((m, t), "%s includes \"%s\"" % (rel, name))
    return graph, why


def call_graph(objects):
    defs, uses = {}, {}
    for o in objects:
        m = re.sub(r"^.*?CMakeFiles/[^/]+\.dir/", "", o)
        m = re.sub(r"\.c\.o(bj)?$", "", m)
        out = subprocess.run(["nm", o], capture_output=True, text=True, check=True).stdout
        uses[m] = set()
        for line in out.splitlines():
            p = line.split()
            if len(p) == 3 and p[1] in "TDRBCV":
                defs[p[2]] = m
            elif len(p) == 2 and p[0] == "U":
                uses[m].add(p[1])
    graph, why = {}, {}
    for m, syms in uses.items():
        graph.setdefault(m, set())
        for s in sorted(syms):
            t = defs.get(s)
            if t and t != m:
                graph[m].add(t)
                why.setdefault((m, t), "%s calls %s" % (m, s))
    return graph, why


def cycles(graph):
    """Strongly connected components with more than one node (Tarjan, iterative)."""
    index, low, on, stack, out, n = {}, {}, set(), [], [], 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = n
        n += 1
        stack.append(start)
        on.add(start)
        while work:
            v, it = work[-1]
            advanced = False
            for w in it:
                if w not in graph:
                    continue
                if w not in index:
                    index[w] = low[w] = n
                    n += 1
                    stack.append(w)
                    on.add(w)
                    work.append((w, iter(sorted(graph[w]))))
                    advanced = True
                    break
                if w in on:
                    low[v] = min(low[v], index[w])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[v])
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop()
                    on.discard(w)
                    comp.append(w)
                    if w == v:
                        break
                if len(comp) > 1:
                    out.append(sorted(comp))
    return out


def report_cycles(kind, graph, why, known=()):
    found = [c for c in cycles(graph) if c not in known]
    for comp in cycles(graph):
        if comp in known:
            print("warning: known %s cycle between %s (see KNOWN_CALL_CYCLES)" % (kind, ", ".join(comp)))
    for comp in found:
        print("%s cycle between %s:" % (kind, ", ".join(comp)))
        for a in comp:
            for b in sorted(graph[a]):
                if b in comp:
                    print("    " + why[(a, b)])
    return len(found)


def layer_violations(graph, why):
    bad = 0
    for a in sorted(graph):
        fa = folder_of(a)
        for b in sorted(graph[a]):
            fb = folder_of(b)
            if fa is None or fb is None or fa == fb:
                continue
            if LAYERS[fb] < LAYERS[fa]:
                continue
            if LAYERS[fb] == LAYERS[fa] and frozenset((fa, fb)) in SAME_LAYER_OK:
                continue
            print("layer violation: %s (%s) may not include %s (%s): %s" % (fa, LAYERS[fa], fb, LAYERS[fb], why[(a, b)]))
            bad += 1
    return bad


def check(root, objects):
    graph, why = include_graph(root)
    missing = [f for f in LAYERS if not os.path.isdir(os.path.join(root, f))]
    bad = len(missing)
    for f in missing:
        print("layer folder missing: %s" % f)
    bad += report_cycles("include", graph, why)
    bad += layer_violations(graph, why)
    print("include graph: %d modules, %d edges" % (len(graph), sum(len(v) for v in graph.values())))
    if objects:
        cg, cwhy = call_graph(objects)
        bad += report_cycles("call", cg, cwhy, KNOWN_CALL_CYCLES)
        print("call graph: %d object files, %d edges" % (len(cg), sum(len(v) for v in cg.values())))
    return bad


def self_test():
    with tempfile.TemporaryDirectory() as root:
        def put(rel, text):
            os.makedirs(os.path.dirname(os.path.join(root, rel)), exist_ok=True)
            with open(os.path.join(root, rel), "w") as fh:
                fh.write(text)
        for f in LAYERS:
            os.makedirs(os.path.join(root, f), exist_ok=True)
        put("analyzer/report/a.c", '#include "report/b.h"\n')
        put("analyzer/report/a.h", "")
        put("analyzer/report/b.c", '#include "report/a.h"\n')
        put("analyzer/report/b.h", "")
        put("analyzer/common/u.c", '#include "scan/s.h"\n')
        put("analyzer/scan/s.h", "")
        graph, why = include_graph(root)
        ok = cycles(graph) == [["analyzer/report/a", "analyzer/report/b"]]
        ok = ok and layer_violations(graph, why) == 1
    print("self-test: %s" % ("ok" if ok else "FAILED"))
    return 0 if ok else 1


def main(argv):
    if argv[1:] == ["--self-test"]:
        return self_test()
    if len(argv) < 2:
        print(__doc__)
        return 2
    objects = []
    if "--objects" in argv:
        i = argv.index("--objects")
        objects = [o for o in argv[i + 1:] if o.endswith((".o", ".obj"))]
        argv = argv[:i]
    bad = check(argv[1], objects)
    print("layout: %s" % ("OK" if bad == 0 else "%d problem(s)" % bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
