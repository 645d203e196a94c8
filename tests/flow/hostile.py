#!/usr/bin/env python3
"""hostile.py - the flow engine on pathological functions: 400 nested ifs, a 5,000-case switch, 1,000 labels
jumping at each other, 300 mutually recursive functions, a 20,000-term expression, 60 nested loops, for
nullness a 3,000-term && chain, 200 nested statement expressions and a 2,000-term || chain of NULL tests, and
2,000 read() results kept in locals nothing tests, ahead of a 2,000-statement loop (unchecked-return follows
each). Each must finish (the test's timeout bounds it) with exit 0, the recursion still finds its flow and the
results are still reported.
usage: hostile.py --cvet PATH
"""
import argparse
import os
import subprocess
import sys
import tempfile


def cases():
    n = 400
    yield "deep_if.c", ("int f(int x)\n{\n\tint y = 0;\n" + "".join("if (x > %d) {\n" % i for i in range(n)) +
                        "y = 100 / x;\n" + "}\n" * n + "\treturn y;\n}\n")
    yield "big_switch.c", ("int g(int x)\n{\n\tint y = 0;\n\tswitch (x) {\n" +
                           "".join("\tcase %d: y += %d; break;\n" % (i, i) for i in range(5000)) +
                           "\tdefault: y = 1;\n\t}\n\treturn 10 / (y + 1);\n}\n")
    yield "gotos.c", ("int h(int x)\n{\n\tint y = 0;\n" +
                      "".join("L%d: y += x; if (y > %d) goto L%d;\n" % (i, i * 7, (i * 31) % 1000) for i in range(1000)) +
                      "\treturn y;\n}\n")
    yield "recursion.c", ("#include <stdio.h>\n#include <stdlib.h>\n" + "".join("int r%d(char *s);\n" % i for i in range(300)) +
                          "".join("int r%d(char *s)\n{\n\tif (!s[0])\n\t\treturn system(s);\n\treturn r%d(s + 1);\n}\n" % (i, (i + 1) % 300)
                                  for i in range(300)) +
                          "int main(void)\n{\n\tchar b[64];\n\tif (!fgets(b, sizeof b, stdin))\n\t\treturn 1;\n\treturn r0(b);\n}\n")
    yield "long_expr.c", "int k(int x)\n{\n\treturn " + " + ".join("x" for _ in range(20000)) + ";\n}\n"
    # nullness: a 3,000-term && chain in an expression (each term refines the next), statement expressions
    # nested 200 deep, and a 2,000-term || chain of NULL tests
    yield "and_chain.c", ("#include <stddef.h>\nint c(const char *p)\n{\n\tint ok = p != NULL && " +
                          " && ".join("p[%d] != %d" % (i % 50, i % 7) for i in range(3000)) + ";\n\treturn ok;\n}\n")
    yield "stmt_expr.c", ("int e(int *p)\n{\n\t" + "({ if (p) ; else return 0; " * 200 + "*p;" + " })" * 200 +
                          ";\n\treturn *p;\n}\n")
    yield "or_chain.c", ("#include <stdlib.h>\nint o(char **v)\n{\n\tif (" +
                         " || ".join("v[%d] == NULL" % (i % 60) for i in range(2000)) + ")\n\t\treturn 0;\n\treturn *v[0];\n}\n")
    yield "loops.c", ("int m(int n)\n{\n\tint a = 0;\n" +
                      "".join("for (int i%d = 0; i%d < n; i%d++) {\n" % (i, i, i) for i in range(60)) + "a += n;\n" +
                      "}\n" * 60 + "\treturn a;\n}\n")
    yield "stored_results.c", ("#include <unistd.h>\nint s(char *b)\n{\n" +
                               "".join("\tssize_t v%d = read(0, b, 1);\n" % i for i in range(2000)) + "\tfor (;;) {\n" +
                               "".join("\t\tif (b[%d])\n\t\t\tb[0]++;\n" % (i % 50) for i in range(2000)) + "\t}\n}\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cvet", required=True)
    a = ap.parse_args()
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in cases():
            path = os.path.join(tmp, name)
            with open(path, "w") as f:
                f.write(text)
            r = subprocess.run([a.cvet, "code", path, "--format", "gcc", "--fail-on", "none", "--quiet"],
                               capture_output=True, text=True, timeout=240)
            ok = r.returncode == 0
            if name == "recursion.c":
                ok = ok and "[command-injection]" in r.stdout
            if name == "stored_results.c":
                ok = ok and r.stdout.count("[unchecked-return]") == 2000
            print("%s %s (exit %d)" % ("ok  " if ok else "FAIL", name, r.returncode))
            if not ok:
                failures += 1
                sys.stdout.write(r.stderr[-2000:])
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
