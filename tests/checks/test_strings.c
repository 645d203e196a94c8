/* test_strings.c - unit tests of the string helpers (printf length estimate, security names) and the taint tracker */
#define _XOPEN_SOURCE 700 /* nftw, mkdtemp */
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "test.h"
#include "code/check.h"
#include "code/walker.h"
#include "cvet/report.h"
#include "lib/formats.h"
#include "lib/names.h"

/* ---- printf estimate (no call context: %s arguments are unknown) ---- */

static long long estimate(const char *fmt)
{
	cvet_printf_estimate est;
	cvet_formats__printf_max(fmt, NULL, 0, &est);
	return est.ok ? est.max_len : -1;
}

static void test_strings__printf_ints(void)
{
	T_ASSERT_INT(11, estimate("%d"));
	T_ASSERT_INT(20, estimate("%ld"));
	T_ASSERT_INT(41, estimate("%ld-%lld"));
	T_ASSERT_INT(4, estimate("%hhd"));
	T_ASSERT_INT(10, estimate("%#x"));
	T_ASSERT_INT(10, estimate("%u"));
	T_ASSERT_INT(22, estimate("%lo"));
	T_ASSERT_INT(30, estimate("%30d"));
	T_ASSERT_INT(16, estimate("%.15d"));
	T_ASSERT_INT(18, estimate("%p"));
}

static void test_strings__printf_text_and_escapes(void)
{
	T_ASSERT_INT(0, estimate(""));
	T_ASSERT_INT(5, estimate("hello"));
	T_ASSERT_INT(1, estimate("%%"));
	T_ASSERT_INT(3, estimate("a%cb"));
	T_ASSERT_INT(7, estimate("%.7s"));
	T_ASSERT_INT(16, estimate("%e"));
}

static void test_strings__printf_unknown(void)
{
	T_ASSERT_INT(-1, estimate("%s"));           /* argument unknown */
	T_ASSERT_INT(-1, estimate("%Lf"));          /* long double: thousands of digits */
	T_ASSERT_INT(-1, estimate("%1$d"));         /* positional */
	T_ASSERT_INT(-1, estimate("%'d"));          /* grouping */
	T_ASSERT_INT(-1, estimate("%*d"));          /* width from an unknown argument */
	T_ASSERT_INT(-1, estimate("%m"));
	T_ASSERT_INT(-1, estimate("abc%"));         /* truncated conversion */
}

static void test_strings__printf_hostile(void)
{
	/* huge widths and precisions are capped, not overflowed */
	long long v = estimate("%99999999999999999999999d");
	T_ASSERT(v >= 100000 && v < (1LL << 41));
	v = estimate("%.99999999999999999999999d");
	T_ASSERT(v >= 100000 && v < (1LL << 41));
	{
		size_t n = 200000;
		char *big = malloc(n + 1);
		T_ASSERT(big != NULL);
		for (size_t i = 0; i < n; i += 2)
			memcpy(big + i, "%d", 2);
		big[n] = '\0';
		v = estimate(big);
		free(big);
		T_ASSERT_INT(11LL * 100000, v);
	}
}

static void test_strings__security_names(void)
{
	T_ASSERT_INT(1, cvet_names__security("make_session_token"));
	T_ASSERT_INT(1, cvet_names__security("sessionId"));
	T_ASSERT_INT(1, cvet_names__security("apiKey"));
	T_ASSERT_INT(1, cvet_names__security("iv"));
	T_ASSERT_INT(1, cvet_names__security("gen_otp"));
	T_ASSERT_INT(1, cvet_names__security("resetPasswordToken"));
	T_ASSERT_INT(1, cvet_names__security("CSRFValue"));
	T_ASSERT_INT(0, cvet_names__security("monkey"));
	T_ASSERT_INT(0, cvet_names__security("keyboard"));
	T_ASSERT_INT(0, cvet_names__security("driver"));
	T_ASSERT_INT(0, cvet_names__security("ivory"));
	T_ASSERT_INT(0, cvet_names__security("dice"));
	T_ASSERT_INT(0, cvet_names__security(""));
	T_ASSERT_INT(0, cvet_names__security(NULL));
}

/* ---- end to end through the walker: taint paths become finding steps ---- */

static char scratch[PATH_MAX];

static int rm_entry(const char *path, const struct stat *sb, int type, struct FTW *ftw)
{
	return remove(path);
}

/* Write `text` to scratch/name, walk it with every check, return the report (caller frees) or NULL. */
static cvet_report *walk_text_args(const char *name, const char *text, const char *const *args, int nargs);

static cvet_report *walk_text(const char *name, const char *text)
{
	static const char *const c11[] = {"-std=c11"};
	return walk_text_args(name, text, c11, 1);
}

static cvet_report *walk_text_args(const char *name, const char *text, const char *const *args, int nargs)
{
	char tmpl[] = "/tmp/cvet-strings-XXXXXX", path[PATH_MAX + 64];
	const char *roots[1];
	cvet_walk_options o;
	cvet_report *r = NULL;
	CXIndex idx;
	FILE *f;
	if (!mkdtemp(tmpl) || !realpath(tmpl, scratch))
		return NULL;
	snprintf(path, sizeof path, "%s/%s", scratch, name);
	f = fopen(path, "w");
	if (!f)
		return NULL;
	fputs(text, f);
	fclose(f);
	roots[0] = scratch;
	memset(&o, 0, sizeof o);
	o.roots = roots;
	o.nroots = 1;
	o.report_root = scratch;
	if (cvet_report_new(&r) < 0)
		return NULL;
	idx = clang_createIndex(0, 0);
	if (cvet__walk_file(idx, path, args, nargs, scratch, &o, r) < 0) {
		cvet_report_free(r);
		r = NULL;
	}
	clang_disposeIndex(idx);
	if (strncmp(scratch, "/tmp/", 5) == 0)
		nftw(scratch, rm_entry, 8, FTW_DEPTH | FTW_PHYS);
	return r;
}

/* The n-th finding (0-based) of `rule` in r, or NULL. */
static const cvet_finding *find_rule(const cvet_report *r, const char *rule, size_t n)
{
	for (size_t i = 0; i < r->nfindings; i++)
		if (strcmp(r->findings[i]->rule_id, rule) == 0 && n-- == 0)
			return r->findings[i];
	return NULL;
}

static void test_strings__no_taint_no_report(void)
{
	static const char src[] =
		"#include <stdlib.h>\n"
		"int run(const char *cmd) { return system(cmd); }\n"
		"int fixed(void) { return system(\"ls\"); }\n";
	cvet_report *r = walk_text("u.c", src);
	T_ASSERT(r != NULL);
	T_ASSERT(find_rule(r, "command-injection", 0) == NULL);
	cvet_report_free(r);
}

static void test_strings__hostile_nesting(void)
{
	/* a format argument nested thousands of parentheses deep, and a call with many arguments */
	size_t depth = 3000, n = 0, cap = 3000 * 2 + 4096;
	char *src = malloc(cap);
	cvet_report *r;
	T_ASSERT(src != NULL);
	n += (size_t)snprintf(src + n, cap - n, "#include <stdio.h>\nvoid f(const char *s) {\n\tprintf(");
	for (size_t i = 0; i < depth; i++)
		src[n++] = '(';
	src[n++] = 's';
	for (size_t i = 0; i < depth; i++)
		src[n++] = ')';
	n += (size_t)snprintf(src + n, cap - n, ");\n\tprintf(\"%%d\"");
	for (int i = 0; i < 300; i++)
		n += (size_t)snprintf(src + n, cap - n, ", %d", i);
	n += (size_t)snprintf(src + n, cap - n, ");\n}\n");
	r = walk_text("h.c", src);
	free(src);
	T_ASSERT(r != NULL); /* no crash, no hang; what is reported depends on the walker's depth limit */
	cvet_report_free(r);
}

/* glibc's _FORTIFY_SOURCE turns printf into __printf_chk and sprintf into __builtin___sprintf_chk under clang */
static void test_strings__fortified_names(void)
{
	static const char src[] =
		"#include <stdio.h>\n"
		"void f(const char *msg)\n"
		"{\n"
		"\tchar buf[16];\n"
		"\tprintf(msg);\n"                              /* 5 */
		"\tsprintf(buf, \"%s\", msg);\n"             /* 6 */
		"\tsnprintf(buf, 64, \"%s\", msg);\n"        /* 7 */
		"}\n";
	static const char *const args[] = {"-std=c11", "-O2", "-D_FORTIFY_SOURCE=2"};
	cvet_report *r = walk_text_args("fort.c", src, args, 3);
	const cvet_finding *a, *b, *c;
	T_ASSERT(r != NULL);
	/* format-string is a flow rule now (whole-program, see tests/flow); the walker's own checks still see
	 * through the fortified names */
	a = NULL;
	b = find_rule(r, "unbounded-sprintf", 0);
	c = find_rule(r, "copy-size-overflow", 0);
	if (!b || !c)
		cvet_report_free(r);
	T_ASSERT(!a && b && c);
	T_ASSERT_INT(6, b->loc.line);
	T_ASSERT(strstr(b->message, "'sprintf'") != NULL);
	T_ASSERT_INT(7, c->loc.line);
	T_ASSERT(strstr(c->message, "'snprintf'") != NULL);
	cvet_report_free(r);
}

CVET_TEST_MAIN(T(test_strings__fortified_names), T(test_strings__printf_ints), T(test_strings__printf_text_and_escapes),
	       T(test_strings__printf_unknown), T(test_strings__printf_hostile), T(test_strings__security_names),
	       T(test_strings__no_taint_no_report), T(test_strings__hostile_nesting))
