/* test_memory.c - unit tests of the memory checks: flattened bodies, finding steps, hostile input */
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
#include "code/cx.h"
#include "code/walker.h"
#include "cvet/report.h"
#include "lib/ast_flat.h"

static char scratch[PATH_MAX];

static int rm_entry(const char *path, const struct stat *sb, int type, struct FTW *ftw)
{
	(void)sb;
	(void)type;
	(void)ftw;
	return remove(path);
}

/* Make a scratch directory and write `text` to scratch/name; 0 on success, path in out. */
static int write_scratch(const char *name, const char *text, char *out, size_t outlen)
{
	char tmpl[] = "/tmp/cvet-memory-XXXXXX";
	FILE *f;
	if (!mkdtemp(tmpl) || !realpath(tmpl, scratch))
		return -1;
	snprintf(out, outlen, "%s/%s", scratch, name);
	f = fopen(out, "w");
	if (!f)
		return -1;
	fputs(text, f);
	fclose(f);
	return 0;
}

static void remove_scratch(void)
{
	if (strncmp(scratch, "/tmp/cvet-memory-", 17) == 0)
		nftw(scratch, rm_entry, 8, FTW_DEPTH | FTW_PHYS);
}

/* Walk `text` (saved as `name`) with every registered check; the report is the caller's, NULL on failure. */
static cvet_report *walk_text(const char *name, const char *text)
{
	static const char *const args[] = {"-std=c11"};
	char path[PATH_MAX + 64];
	const char *roots[1];
	cvet_walk_options o;
	cvet_report *r = NULL;
	CXIndex idx;
	if (write_scratch(name, text, path, sizeof path) < 0)
		return NULL;
	roots[0] = scratch;
	memset(&o, 0, sizeof o);
	o.roots = roots;
	o.nroots = 1;
	o.report_root = scratch;
	if (cvet_report_new(&r) < 0)
		return NULL;
	idx = clang_createIndex(0, 0);
	if (cvet__walk_file(idx, path, args, 1, scratch, &o, r) < 0) {
		cvet_report_free(r);
		r = NULL;
	}
	clang_disposeIndex(idx);
	remove_scratch();
	return r;
}

/* Number of findings of `rule` in r; *first receives the first one. */
static size_t count_rule(const cvet_report *r, const char *rule, const cvet_finding **first)
{
	size_t n = 0;
	if (first)
		*first = NULL;
	for (size_t i = 0; i < r->nfindings; i++)
		if (strcmp(r->findings[i]->rule_id, rule) == 0) {
			if (first && !*first)
				*first = r->findings[i];
			n++;
		}
	return n;
}

/* ---- flattening ---- */

static enum CXChildVisitResult find_fn(CXCursor c, CXCursor parent, CXClientData data)
{
	(void)parent;
	if (c.kind == CXCursor_FunctionDecl && clang_isCursorDefinition(c) &&
	    clang_Location_isFromMainFile(clang_getCursorLocation(c))) {
		*(CXCursor *)data = c;
		return CXChildVisit_Break;
	}
	return CXChildVisit_Continue;
}

static void test_memory__flatten_links(void)
{
	static const char src[] = "int f(int a, int b)\n"
				  "{\n"
				  "\tint s = 0;\n"
				  "\tfor (int i = 0; i < a; i++)\n"
				  "\t\ts += (b ? i * 2 : i) + (a > b);\n"
				  "\treturn s;\n"
				  "}\n";
	char path[PATH_MAX + 64];
	CXIndex idx;
	CXTranslationUnit tu;
	CXCursor fn = clang_getNullCursor();
	cvet_flat f;
	int ok = 1, saw_for = 0;
	memset(&f, 0, sizeof f);
	T_ASSERT(write_scratch("f.c", src, path, sizeof path) == 0);
	idx = clang_createIndex(0, 0);
	tu = clang_parseTranslationUnit(idx, path, NULL, 0, NULL, 0, 0);
	remove_scratch();
	if (!tu) {
		clang_disposeIndex(idx);
		T_ASSERT(tu != NULL);
	}
	clang_visitChildren(clang_getTranslationUnitCursor(tu), find_fn, &fn);
	if (!cx_is_null(fn) && cvet_flat__build(fn, &f) == 0 && f.n > 10) {
		for (size_t i = 1; i < f.n && ok; i++) {
			int p = f.v[i].parent;
			/* a parent comes first, and its subtree covers the child's */
			ok = p >= 0 && (size_t)p < i && f.v[i].end <= f.v[p].end && f.v[i].end > (int)i &&
			     cvet_flat__within(&f, p, (int)i) && !cvet_flat__within(&f, (int)i, p);
			/* a child found again through cx_child is recognised as the same node */
			if (ok)
				ok = cvet_flat__same_cursor(cx_child(f.v[p].c, f.v[i].ord), f.v[i].c);
			if (f.v[i].c.kind == CXCursor_ForStmt) {
				saw_for = 1;
				ok = ok && f.v[i].nkids == 4; /* init, condition, increment, body */
			}
		}
	} else {
		ok = 0;
	}
	cvet_flat__free(&f);
	clang_disposeTranslationUnit(tu);
	clang_disposeIndex(idx);
	T_ASSERT(ok);
	T_ASSERT(saw_for);
}

/* ---- findings and their steps ---- */

static void test_memory__strlen_alloc_step(void)
{
	static const char src[] = "#include <stdlib.h>\n"
				  "#include <string.h>\n"
				  "char *d(const char *s)\n"
				  "{\n"
				  "\tsize_t n = strlen(s);\n"
				  "\tchar *p = malloc(n);\n"   /* 6 */
				  "\tif (!p)\n"
				  "\t\treturn NULL;\n"
				  "\tmemcpy(p, s, n + 1);\n"   /* 9 */
				  "\treturn p;\n"
				  "}\n";
	cvet_report *r = walk_text("s.c", src);
	const cvet_finding *f;
	T_ASSERT(r != NULL);
	T_ASSERT_INT(1, count_rule(r, "strlen-alloc-off-by-one", &f));
	T_ASSERT_INT(6, f->loc.line);
	T_ASSERT_INT(1, f->nsteps);
	T_ASSERT_INT(9, f->steps[0].line);
	cvet_report_free(r);
}

static void test_memory__return_local_step(void)
{
	static const char src[] = "char *f(void)\n"
				  "{\n"
				  "\tchar buf[8] = \"x\";\n"
				  "\tchar *p = buf;\n" /* 4 */
				  "\tp++;\n"
				  "\treturn p;\n"      /* 6 */
				  "}\n";
	cvet_report *r = walk_text("r.c", src);
	const cvet_finding *f;
	T_ASSERT(r != NULL);
	T_ASSERT_INT(1, count_rule(r, "return-local-address", &f));
	T_ASSERT_INT(6, f->loc.line);
	T_ASSERT_INT(1, f->nsteps);
	T_ASSERT_INT(4, f->steps[0].line);
	cvet_report_free(r);
}

/* Regression: clang drops statements it cannot parse, so `if (!p) return UNKNOWN;` vanished and the
 * dereference after it was reported (curl's packages/OS400/os400sys.c without its headers). */
static void test_memory__parse_error_silences_absence_checks(void)
{
	static const char src[] = "#include <stdlib.h>\n"
				  "struct n { int v; };\n"
				  "int f(size_t k)\n"
				  "{\n"
				  "\tstruct n *p = malloc(k * sizeof *p);\n"
				  "\tif (!p)\n"
				  "\t\treturn NOT_DECLARED_ANYWHERE;\n"
				  "\tp->v = 1;\n"
				  "\treturn 0;\n"
				  "}\n";
	cvet_report *r = walk_text("e.c", src);
	T_ASSERT(r != NULL);
	T_ASSERT_INT(0, count_rule(r, "unchecked-alloc", NULL));
	T_ASSERT_INT(0, count_rule(r, "alloc-size-overflow", NULL));
	cvet_report_free(r);
}

/* Regression: libclang reports an array parameter's written type (char[64]), but it is a pointer. */
static void test_memory__array_parameter_is_pointer(void)
{
	static const char src[] = "#include <stdlib.h>\n"
				  "#include <string.h>\n"
				  "char *keep(char buf[64]) { return buf + 1; }\n"
				  "void drop(char buf[64]) { free(buf); }\n"
				  "void wipe(char buf[64]) { memset(buf, 0, sizeof(buf)); }\n";
	cvet_report *r = walk_text("a.c", src);
	T_ASSERT(r != NULL);
	T_ASSERT_INT(0, count_rule(r, "return-local-address", NULL));
	T_ASSERT_INT(0, count_rule(r, "free-non-heap", NULL));
	T_ASSERT_INT(1, count_rule(r, "sizeof-pointer", NULL));
	cvet_report_free(r);
}

/* Deep nesting and long chains must end quickly and quietly. */
static void test_memory__hostile_shapes(void)
{
	size_t cap = 1 << 20, n = 0;
	char *src = malloc(cap);
	cvet_report *r;
	T_ASSERT(src != NULL);
	n += (size_t)snprintf(src + n, cap - n, "#include <stdlib.h>\nchar g[4];\nchar *c(int k) { char b[4]; return ");
	for (int i = 0; i < 400; i++)
		n += (size_t)snprintf(src + n, cap - n, "k == %d ? g : (", i);
	n += (size_t)snprintf(src + n, cap - n, "b");
	for (int i = 0; i < 400; i++)
		src[n++] = ')';
	n += (size_t)snprintf(src + n, cap - n, "; }\nchar *h(void) { char b[4]; char *p0 = b;");
	for (int i = 0; i < 300; i++)
		n += (size_t)snprintf(src + n, cap - n, " char *p%d = p%d;", i + 1, i);
	n += (size_t)snprintf(src + n, cap - n, " return p300; }\nvoid *m(size_t n) { return malloc(");
	for (int i = 0; i < 500; i++)
		src[n++] = '(';
	n += (size_t)snprintf(src + n, cap - n, "n * 4");
	for (int i = 0; i < 500; i++)
		src[n++] = ')';
	n += (size_t)snprintf(src + n, cap - n, "); }\n");
	src[n] = '\0';
	r = walk_text("h.c", src);
	free(src);
	T_ASSERT(r != NULL);
	/* the chains are longer than what is followed: silence is the expected answer */
	T_ASSERT_INT(0, count_rule(r, "return-local-address", NULL));
	cvet_report_free(r);
}

CVET_TEST_MAIN(T(test_memory__flatten_links), T(test_memory__strlen_alloc_step), T(test_memory__return_local_step),
	       T(test_memory__parse_error_silences_absence_checks), T(test_memory__array_parameter_is_pointer),
	       T(test_memory__hostile_shapes))
