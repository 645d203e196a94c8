#!/usr/bin/env python3
"""hostile.flow_bounds: sources built to push buffer-overflow's arithmetic to its edges (huge and zero-size
arrays, indices and counts at the 64-bit limits, huge calloc products, deep index chains, macros, string
lengths and formats at the limits) must give a clean exit and valid JSON, never a crash or a hang.

Usage: test_flow_bounds.py --cvet PATH. Exit 0 when every case holds."""
import argparse
import json
import os
import subprocess
import sys
import tempfile

FAILS = []

CASES = {
    "huge.c": """#include <string.h>
#include <stdlib.h>
static char big[0x7fffffffffffLL];
static long long wide[0x1fffffffffffLL];
char edge(long long i, unsigned long long n, const char *s)
{
	char small[1];
	char none[0];
	if (i > 0x7ffffffffffffff0LL)
		big[i] = 1;
	if (i < -0x7ffffffffffffff0LL)
		wide[i] = 2;
	if (n <= 0xffffffffffffffffULL)
		memcpy(small, s, n);
	if (n > 3)
		memset(none, 0, n);
	return big[i + 0x7fffffffffffffffLL] + small[i - 1];
}
void *products(unsigned long a, unsigned long b, const char *s)
{
	char *p = calloc(0x7fffffff, 0x7fffffff);
	char *q = malloc((unsigned long)-1);
	char *r = realloc(p, 0);
	if (a < 0x3fffffff && b < 0x3fffffff) {
		char *t = calloc(a, b);
		if (t)
			memcpy(t, s, 0x7fffffffffffffffUL);
		free(t);
	}
	free(q);
	return r;
}
""",
    "chains.c": """#define IDX(a, i) a[(i) + 1]
int grid[4][4][4];
int chains(int i, int j, int k)
{
	int s = 0;
	for (i = -5; i <= 5; i++)
		for (j = -5; j <= 5; j++)
			for (k = -5; k <= 5; k++)
				s += grid[i][j][k] + IDX(grid[0][0], k) + *(*(*(grid + i) + j) + k);
	return s + grid[grid[0][0][0]][grid[1][1][1]][grid[2][2][2]];
}
""",
    "strings.c": """#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
static char huge[0x7fffffffffffLL];
void strings(unsigned long n, const char *s, int k)
{
	char small[1], *p = malloc(n), *q = malloc(0);
	char fmt[] = "%s%s%s%s%s%s%s%s%s%s%s%s%s%s%s%s%s%s%s%s%s%s%s%s%s%s%s%s%s%s%s%s%s%s%s%s%s%s%s%s%s%s%s%s%s%s%s";
	wchar_t w[2];
	int i;
	memset(huge, 'A', 0x7ffffffffffeLL);
	huge[0x7ffffffffffeLL] = 0;
	strcpy(small, huge);
	strcat(huge, huge);
	memset(small, 'B', (unsigned long)-1);
	small[0x7fffffffffffffffLL] = 0;
	wmemset(w, 0x7fffffff, 0x7fffffffffffffffLL);
	w[1] = 0;
	wcscpy(w, w);
	for (i = 0; i < k; i++)
		strcat(small, "xxxxxxxxxxxxxxxx");
	sprintf(small, "%s%s%s%s%s%%%c%s", huge, huge, huge, huge, huge, 'c', s);
	sprintf(small, fmt, "");
	sprintf(small, "%");
	sprintf(small);
	snprintf(small, (unsigned long)-1, "%s", huge);
	strncpy(small, huge, 0x7fffffffffffffffLL);
	if (p && q) {
		strcpy(p, huge);
		strcat(q, "");
		memcpy(q, huge, (strlen(huge) + 1) * 1 * sizeof(char));
	}
	puts(small);
	free(p);
	free(q);
}
""",
}


def check(cond, what):
    if not cond:
        FAILS.append(what)
        print("FAIL: " + what)
    return cond


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cvet", required=True)
    args = ap.parse_args()
    args.cvet = os.path.abspath(args.cvet)
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in CASES.items():
            with open(os.path.join(tmp, name), "w") as f:
                f.write(text)
        for name in CASES:
            out = os.path.join(tmp, name + ".json")
            try:
                p = subprocess.run([args.cvet, "code", name, "--profile", "audit", "--format", "json", "-o", out,
                                    "--fail-on", "none", "-q", "--no-cache"], cwd=tmp, capture_output=True,
                                   text=True, timeout=120)
            except subprocess.TimeoutExpired:
                check(False, "%s: timed out" % name)
                continue
            if not check(p.returncode == 0, "%s: exit %d: %s" % (name, p.returncode, p.stderr[-400:])):
                continue
            try:
                with open(out) as f:
                    doc = json.load(f)
                check(isinstance(doc.get("findings"), list), "%s: no findings list" % name)
            except (OSError, ValueError) as e:
                check(False, "%s: output is not JSON: %s" % (name, e))
    return 1 if FAILS else 0


if __name__ == "__main__":
    sys.exit(main())
