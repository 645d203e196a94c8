#!/usr/bin/env python3
"""Which required flow shapes each family of the corpus has (testdata/flow/<family>/<shape>_bad...).

usage: coverage.py [--corpus testdata/flow] [--markdown] [--check]

The engine issues name the shapes every check must handle; REQUIRED below is that list, per group of
families. A shape is present for a family when both <shape>_bad and <shape>_good exist (a .c/.cpp file
or a cross-file directory). A few shapes mean nothing for a family (NOT_APPLICABLE, each with the
reason). The table lists every required shape ('x' present, '-' not applicable, ' ' missing) and, under
it, the family's other shapes. --check exits 1 when a required shape is missing; --markdown prints the
table as Markdown (for testdata/flow/README.md).
Standard library only.
"""

import argparse
import os
import re
import sys

TAINT = ["command-injection", "divide-by-zero", "format-string", "integer-overflow", "path-traversal",
         "tainted-alloc-size", "tainted-loop-bound", "uncontrolled-search-path", "untrusted-search-path"]
MEMORY = ["buffer-overflow", "double-free", "free-non-heap", "incorrect-return-check", "memory-leak",
          "mismatched-dealloc", "null-dereference", "resource-leak", "unchecked-alloc", "unchecked-return",
          "uninitialized-read", "use-after-free"]

# issue 8: "direct; through locals, pointers to locals, arrays, struct fields, unions, globals; through
# function arguments and return values, one and two calls deep, including through a function pointer ...;
# across two and three translation units; inside loops; behind conditions that are always true or always
# false (literal, #define, static const, a never-written global, a function that returns a constant) ...;
# with and without a guard; switch with the flaw in one case; goto."
TAINT_SHAPES = ["direct", "local_copy", "pointer_to_local", "array_element", "struct_field", "union_member",
                "global_var", "via_arg", "via_arg_two_deep", "via_return", "via_fnptr", "cross_tu_2",
                "cross_tu_3", "in_loop", "always_true_literal", "always_false_define", "static_const",
                "const_global", "const_function", "guard", "switch_case", "goto_flow"]
# issue 9: "locals, pointer copies, struct fields, arrays of pointers, globals, through one and two calls,
# across two and three translation units, in loops, behind always-true/always-false conditions, goto
# error-handling blocks, switch, realloc moving a block."
MEMORY_SHAPES = ["direct", "local_copy", "struct_field", "array_element", "global_var", "via_arg",
                 "via_arg_two_deep", "cross_tu_2", "cross_tu_3", "in_loop", "always_true_literal",
                 "always_false_define", "goto_flow", "switch_case", "realloc"]

REQUIRED = {f: TAINT_SHAPES for f in TAINT}
REQUIRED.update({f: MEMORY_SHAPES for f in MEMORY})

ABBREV = {"command-injection": "CI", "divide-by-zero": "DZ", "format-string": "FS", "integer-overflow": "IO",
          "path-traversal": "PT", "tainted-alloc-size": "AS", "tainted-loop-bound": "LB",
          "uncontrolled-search-path": "UC", "untrusted-search-path": "US", "buffer-overflow": "BO",
          "double-free": "DF", "free-non-heap": "FN", "incorrect-return-check": "IR", "memory-leak": "ML",
          "mismatched-dealloc": "MD", "null-dereference": "ND", "resource-leak": "RL", "unchecked-alloc": "UA",
          "unchecked-return": "UR", "uninitialized-read": "UI", "use-after-free": "UF"}

NOT_APPLICABLE = {
    ("resource-leak", "realloc"): "a stream or descriptor is not resized (freopen is a separate model)",
    ("unchecked-return", "realloc"): "an unchecked realloc result is unchecked-alloc's",
    ("uninitialized-read", "realloc"): "realloc keeps the old contents; the new tail is heap_block's case",
}

BAD_RE = re.compile(r"^(.*)_bad(\.c|\.cpp)?$")


def shapes_of(family_dir):
    names = set(os.listdir(family_dir))
    found = set()
    for n in names:
        m = BAD_RE.match(n)
        if m and (m.group(1) + "_good" + (m.group(2) or "")) in names:
            found.add(m.group(1))
    return found


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                     "..", "..", "testdata", "flow"))
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()

    missing = []
    rows = []
    for group, families, shapes in (("taint", TAINT, TAINT_SHAPES), ("memory", MEMORY, MEMORY_SHAPES)):
        have = {}
        for f in families:
            d = os.path.join(args.corpus, f)
            if not os.path.isdir(d):
                print("coverage: no family directory %s" % d, file=sys.stderr)
                return 2
            have[f] = shapes_of(d)
        table = []
        for s in shapes:
            cells = []
            for f in families:
                if (f, s) in NOT_APPLICABLE:
                    cells.append("-")
                elif s in have[f]:
                    cells.append("x")
                else:
                    cells.append(" ")
                    missing.append((f, s))
            table.append((s, cells))
        extra = {f: sorted(have[f] - set(shapes)) for f in families}
        rows.append((group, families, table, extra))

    for group, families, table, extra in rows:
        abbrev = [ABBREV[f] for f in families]
        if args.markdown:
            print("| shape | " + " | ".join(abbrev) + " |")
            print("|---" * (len(families) + 1) + "|")
            for s, cells in table:
                print("| %s | %s |" % (s, " | ".join(c if c != " " else "" for c in cells)))
            print()
        else:
            print("%-22s %s" % (group + " shape", " ".join("%-4s" % a for a in abbrev)))
            for s, cells in table:
                print("%-22s %s" % (s, " ".join("%-4s" % c for c in cells)))
            print()
        for f, a in zip(families, abbrev):
            if extra[f]:
                print("%s%s (%s) also: %s" % ("- " if args.markdown else "", f, a, ", ".join(extra[f])))
        print()
    total = sum(len(REQUIRED[f]) for f in REQUIRED) - len(NOT_APPLICABLE)
    print("required shapes present: %d/%d" % (total - len(missing), total))
    if missing and not args.markdown:
        print("missing: " + ", ".join("%s/%s" % m for m in missing))
    return 1 if (args.check and missing) else 0


if __name__ == "__main__":
    sys.exit(main())
