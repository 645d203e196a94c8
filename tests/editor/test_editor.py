#!/usr/bin/env python3
"""test_editor.py - the editor fast path: `cvet code FILE` with a compilation database, a header or a new file
the database does not list (a neighbour's flags), and `--stdin-filename PATH` (an unsaved buffer on standard
input, with PATH's flags and its suppressions read from the buffer).
usage: test_editor.py --cvet PATH
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

FAILED = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        FAILED.append(what)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


# a.c calls gets() only when FOO is defined, through a macro from inc/: only the database's -DFOO -Iinc find it
MAIN = ('#include <stdio.h>\n#include "m.h"\nint main(void)\n{\n\tchar b[8];\n#ifdef FOO\n\tGETIT(b);\n#endif\n'
        '\treturn 0;\n}\n')
HEADER = '#include <stdio.h>\n#include "m.h"\nstatic inline void h(char *b)\n{\n#ifdef FOO\n\tGETIT(b);\n#endif\n}\n'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cvet", required=True)
    cvet = os.path.abspath(ap.parse_args().cvet)

    def run(args, cwd, stdin=None):
        r = subprocess.run([cvet, "code", "-q", "--format", "json", "-o", "-", "--fail-on", "none"] + args, cwd=cwd,
                           input=stdin, capture_output=True, text=True, timeout=120)
        try:
            rep = json.loads(r.stdout)
        except ValueError:
            rep = {"findings": [], "notes": []}
        return r, [(f["rule_id"], f["location"]["path"], f["location"]["line"]) for f in rep["findings"]], rep

    with tempfile.TemporaryDirectory() as d:
        proj = os.path.join(d, "proj")
        write(os.path.join(proj, "inc", "m.h"), "#define GETIT(b) gets(b)\n")
        write(os.path.join(proj, "src", "a.c"), MAIN)
        write(os.path.join(proj, "src", "a.h"), HEADER)
        write(os.path.join(proj, "src", "new.c"), MAIN.replace("main", "other"))
        build = os.path.join(d, "build")  # an out-of-tree build, as CMake makes it
        os.mkdir(build)
        with open(os.path.join(build, "compile_commands.json"), "w") as f:
            json.dump([{"directory": build, "file": os.path.join(proj, "src", "a.c"),
                        "arguments": ["cc", "-DFOO", "-I" + os.path.join(proj, "inc"), "-c",
                                      os.path.join(proj, "src", "a.c"), "-o", "a.o"]}], f)

        r, found, _ = run(["-p", build, "src/a.c"], proj)
        check(("unsafe-gets", "src/a.c", 7) in found, "a listed file takes its own flags: %s %s" % (found, r.stderr))
        r, found, rep = run(["-p", build, "src/a.h"], proj)
        check(("unsafe-gets", "src/a.h", 6) in found, "a header takes a neighbour's flags: %s %s" % (found, r.stderr))
        check(not any("no entries" in n for n in rep["notes"]), "no 'no entries' note then: %s" % rep["notes"])
        r, found, _ = run(["-p", build, "src/new.c"], proj)
        check(("unsafe-gets", "src/new.c", 7) in found, "a new file takes a neighbour's flags: %s" % found)

        # the buffer, not the file on disk, is analysed; line numbers are the buffer's
        edited = MAIN.replace("\tchar b[8];\n", "\tchar b[8];\n\n\n")
        r, found, _ = run(["-p", build, "--stdin-filename", "src/a.c"], proj, stdin=edited)
        check(found == [("unsafe-gets", "src/a.c", 9)], "--stdin-filename: the buffer's lines: %s %s" % (found, r.stderr))
        r, found, _ = run(["-p", build, "--stdin-filename", "src/a.c"], proj,
                          stdin=MAIN.replace("\tGETIT(b);\n", "\tGETIT(b); // cvet-ignore: unsafe-gets fixed next\n"))
        check(found == [], "--stdin-filename: a suppression typed in the buffer counts: %s" % found)
        r, found, _ = run(["-p", build, "--stdin-filename", "src/a.c"], proj, stdin="int main(void) { return 0; }\n")
        check(r.returncode == 0 and found == [], "--stdin-filename: a clean buffer is clean although the file is not")
        r, _, _ = run(["--stdin-filename", "src/a.c", "src/a.h"], proj, stdin="")
        check(r.returncode == 2 and "--stdin-filename" in r.stderr, "--stdin-filename names the only path: %s" % r.stderr)
        big = "x" * (65 * 1024 * 1024)
        r, _, _ = run(["--stdin-filename", "src/a.c"], proj, stdin=big)
        check(r.returncode == 2 and "larger than 64 MiB" in r.stderr, "a buffer over 64 MiB: exit 2: %s" % r.stderr[-200:])
    if FAILED:
        print("%d case(s) failed" % len(FAILED))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
