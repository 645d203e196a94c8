/* test_walker.c - unit tests of the AST walker, the libclang helpers (cx) and the rule registry */
#define _XOPEN_SOURCE 700 /* nftw */
#include <ftw.h>
#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "test.h"
#include "code/check.h"
#include "code/cx.h"
#include "code/cx_text.h"
#include "code/walker.h"
#include "cvet/rules.h"

/* ---- fixture helpers: a temp project dir with a few files ---- */

static char tmp_root[512];   /* real path of the current temp project */
static char other_root[512]; /* a second dir, not a root */

static int rm_entry(const char *path, const struct stat *sb, int type, struct FTW *ftw)
{
	return remove(path);
}

/* Remove a temp tree we created (never anything outside /tmp). */
static void rm_rf(const char *dir)
{
	if (!dir[0] || strncmp(dir, "/tmp/", 5) != 0)
		return;
	if (nftw(dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
}

static int setup_dirs(void)
{
	char a[] = "/tmp/cvet-walker-XXXXXX", b[] = "/tmp/cvet-other-XXXXXX";
	char ra[PATH_MAX], rb[PATH_MAX];
	if (!mkdtemp(a) || !mkdtemp(b))
		return -1;
	if (!realpath(a, ra) || !realpath(b, rb) || strlen(ra) >= sizeof(tmp_root) || strlen(rb) >= sizeof(other_root))
		return -1;
	memcpy(tmp_root, ra, strlen(ra) + 1);
	memcpy(other_root, rb, strlen(rb) + 1);
	return 0;
}

static void teardown_dirs(void)
{
	rm_rf(tmp_root);
	rm_rf(other_root);
	tmp_root[0] = other_root[0] = '\0';
}

/* Write dir/name with len bytes of text; returns 0 on success. */
static int write_file(const char *dir, const char *name, const char *text, size_t len)
{
	char path[PATH_MAX];
	FILE *f;
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	if (!f)
		return -1;
	if (len && fwrite(text, 1, len, f) != len) {
		fclose(f);
		return -1;
	}
	return fclose(f);
}

/* ---- a test-only check that records what the walker hands it ---- */

#define MAX_SEEN 64
static struct {
	char calls[MAX_SEEN][64];    /* callee names in order */
	int ncalls;
	char fns[MAX_SEEN][64];      /* function definitions entered (on_cursor FunctionDecl) */
	int nfns;
	char begins[MAX_SEEN][64];   /* on_function_begin names; "/name" for on_function_end */
	int nbegins;
	char files[MAX_SEEN][128];   /* on_file paths */
	int nfiles;
	char projfiles[MAX_SEEN][128]; /* opts->on_project_file paths */
	int nprojfiles;
	long long ints[MAX_SEEN];    /* cx_int_const of each call's args (INT64_MIN when not constant) */
	int nints;
	char strs[MAX_SEEN][64];     /* cx_string_literal of each call's args ("<none>" when not) */
	int nstrs;
	char macros[MAX_SEEN][64];   /* cx_macro_name of each call's args ("<none>" when not a macro) */
	int nmacros;
	int tu_begin, tu_end, cleanup;
} seen;

static const cvet_check test_check; /* forward */

static void put(char (*arr)[64], int *n, const char *s)
{
	if (*n < MAX_SEEN)
		snprintf(arr[(*n)++], 64, "%s", s ? s : "(null)");
}

static void t_tu_begin(cvet_tu *tu, void *state)
{
	seen.tu_begin++;
}

static void t_on_file(cvet_tu *tu, void *state, const char *path, const char *text, size_t len)
{
	if (seen.nfiles < MAX_SEEN)
		snprintf(seen.files[seen.nfiles++], 128, "%s", path);
}

static void t_fn_begin(cvet_tu *tu, void *state, const cvet_event *ev)
{
	put(seen.begins, &seen.nbegins, ev->function_name);
}

static void t_fn_end(cvet_tu *tu, void *state, const cvet_event *ev)
{
	char buf[64];
	snprintf(buf, sizeof(buf), "/%s", ev->function_name ? ev->function_name : "(null)");
	put(seen.begins, &seen.nbegins, buf);
}

static void t_on_call(cvet_tu *tu, void *state, const cvet_event *ev)
{
	const cvet_call *c = ev->call;
	put(seen.calls, &seen.ncalls, c->name);
	for (unsigned i = 0; i < c->nargs; i++) {
		long long v = 0;
		char *s = NULL, *m;
		if (seen.nints < MAX_SEEN)
			seen.ints[seen.nints++] = cx_int_const(c->args[i], &v) ? v : INT64_MIN;
		if (cx_string_literal(c->args[i], &s))
			put(seen.strs, &seen.nstrs, s);
		else
			put(seen.strs, &seen.nstrs, "<none>");
		free(s);
		m = cx_macro_name(tu, c->args[i]);
		put(seen.macros, &seen.nmacros, m ? m : "<none>");
		free(m);
	}
	cvet_tu_report(tu, &test_check, c->expr, "call to '%s'\nwith newline", c->name);
}

static void t_on_cursor(cvet_tu *tu, void *state, const cvet_event *ev)
{
	char *name = cx_spelling(ev->cursor);
	put(seen.fns, &seen.nfns, name);
	free(name);
	*(int *)state += 1;
}

static void t_tu_end(cvet_tu *tu, void *state)
{
	seen.tu_end++;
}

static void t_cleanup(void *state)
{
	seen.cleanup++;
}

static const enum CXCursorKind test_kinds[] = {CXCursor_FunctionDecl, 0};
static const cvet_check test_check = {
	{"test-call", "test check", CVET_SEV_LOW, {78, 0}, CVET_PRECISION_HIGH},
	test_kinds, sizeof(int), t_tu_begin, t_on_file, t_fn_begin, t_on_call, t_on_cursor, t_fn_end, t_tu_end,
	t_cleanup};

static void on_project_file(void *ud, const char *path)
{
	if (seen.nprojfiles < MAX_SEEN)
		snprintf(seen.projfiles[seen.nprojfiles++], 128, "%s", path);
}

/* Walk tmp_root/name with the test check (roots: `root`); returns the walker's code, fills *out. */
static int walk_one(const char *name, const char *root, const char *const *args, int nargs, cvet_report **out)
{
	const char *roots[1];
	cvet_walk_options o;
	const cvet_check *list[1] = {&test_check};
	char path[PATH_MAX];
	CXIndex idx = clang_createIndex(0, 0);
	int rc;
	memset(&seen, 0, sizeof(seen));
	memset(&o, 0, sizeof(o));
	roots[0] = root;
	o.roots = roots;
	o.nroots = 1;
	o.report_root = tmp_root;
	o.on_project_file = on_project_file;
	snprintf(path, sizeof(path), "%s/%s", tmp_root, name);
	if (cvet_report_new(out) < 0) {
		clang_disposeIndex(idx);
		return -1;
	}
	rc = cvet__walk_file_with(idx, path, args, nargs, NULL, &o, list, 1, *out);
	clang_disposeIndex(idx);
	return rc;
}

static const cvet_finding *find_rule(const cvet_report *r, const char *rule)
{
	for (size_t i = 0; i < r->nfindings; i++)
		if (strcmp(r->findings[i]->rule_id, rule) == 0)
			return r->findings[i];
	return NULL;
}

static int has(char (*arr)[64], int n, const char *s)
{
	for (int i = 0; i < n; i++)
		if (strcmp(arr[i], s) == 0)
			return 1;
	return 0;
}

/* ---- tests ---- */

static void test_walker__variable_named_system_is_not_a_call(void)
{
	static const char src[] =
		"typedef int (*fp)(const char *);\n"
		"struct s { fp system; };\n"
		"int real(const char *);\n"
		"void f(struct s *p) { p->system(\"ls\"); }\n"
		"void g(void) { fp system = 0; system(\"ls\"); (*system)(\"ls\"); (system)(\"ls\"); }\n"
		"void h(void) { real(\"x\"); }\n";
	cvet_report *r = NULL;
	T_ASSERT(setup_dirs() == 0);
	T_ASSERT(write_file(tmp_root, "a.c", src, sizeof(src) - 1) == 0);
	T_ASSERT_INT(0, walk_one("a.c", tmp_root, NULL, 0, &r));
	T_ASSERT_INT(1, seen.ncalls);
	T_ASSERT_STR("real", seen.calls[0]);
	T_ASSERT_INT(1, seen.tu_begin);
	T_ASSERT_INT(1, seen.tu_end);
	T_ASSERT_INT(1, seen.cleanup);
	T_ASSERT(find_rule(r, CVET_RULE_PARSE_ERROR) == NULL);
	cvet_report_free(r);
	teardown_dirs();
}

static void test_walker__macro_call_is_found_at_the_users_line(void)
{
	static const char src[] =
		"int system(const char *);\n"
		"#define RUN(c) system(c)\n"
		"void f(const char *c)\n"
		"{\n"
		"\tRUN(c);\n"
		"}\n";
	cvet_report *r = NULL;
	const cvet_finding *f;
	T_ASSERT(setup_dirs() == 0);
	T_ASSERT(write_file(tmp_root, "m.c", src, sizeof(src) - 1) == 0);
	T_ASSERT_INT(0, walk_one("m.c", tmp_root, NULL, 0, &r));
	T_ASSERT_INT(1, seen.ncalls);
	T_ASSERT_STR("system", seen.calls[0]);
	f = find_rule(r, "test-call");
	T_ASSERT(f != NULL);
	T_ASSERT_STR("m.c", f->loc.path);
	T_ASSERT_INT(5, f->loc.line);
	T_ASSERT_INT(2, f->loc.column);
	T_ASSERT_STR("call to 'system' with newline", f->message);
	T_ASSERT_STR("f", f->function);
	T_ASSERT_STR("RUN(c)", f->snippet);
	T_ASSERT_INT(CVET_SEV_LOW, f->severity);
	T_ASSERT_INT(78, f->cwe[0]);
	cvet_report_free(r);
	teardown_dirs();
}

static void test_walker__system_headers_are_not_walked(void)
{
	static const char src[] =
		"#include <stdio.h>\n"
		"#include <string.h>\n"
		"int mine(void) { char b[8]; strcpy(b, \"x\"); return printf(\"%s\", b); }\n";
	cvet_report *r = NULL;
	T_ASSERT(setup_dirs() == 0);
	T_ASSERT(write_file(tmp_root, "s.c", src, sizeof(src) - 1) == 0);
	T_ASSERT_INT(0, walk_one("s.c", tmp_root, NULL, 0, &r));
	T_ASSERT_INT(1, seen.nfns);
	T_ASSERT_STR("mine", seen.fns[0]);
	T_ASSERT_INT(2, seen.ncalls);
	T_ASSERT_STR("strcpy", seen.calls[0]);
	T_ASSERT_STR("printf", seen.calls[1]);
	T_ASSERT_INT(1, seen.nfiles); /* on_file: only the project file, not stdio.h */
	T_ASSERT_STR("s.c", seen.files[0]);
	cvet_report_free(r);
	teardown_dirs();
}

static void test_walker__project_headers_are_walked_and_seen_once(void)
{
	static const char hdr[] = "#pragma once\nstatic inline int helper(void) { return 1; }\n";
	static const char src[] = "#include \"inc/h.h\"\n#include \"./inc/../inc/h.h\"\n#include \"inc/h.h\"\n"
				  "int user(void) { return helper(); }\n";
	cvet_report *r = NULL;
	char inc[PATH_MAX];
	T_ASSERT(setup_dirs() == 0);
	snprintf(inc, sizeof(inc), "%s/inc", tmp_root);
	T_ASSERT(mkdir(inc, 0700) == 0);
	T_ASSERT(write_file(inc, "h.h", hdr, sizeof(hdr) - 1) == 0);
	T_ASSERT(write_file(tmp_root, "u.c", src, sizeof(src) - 1) == 0);
	T_ASSERT_INT(0, walk_one("u.c", tmp_root, NULL, 0, &r));
	T_ASSERT_INT(2, seen.nfns);
	T_ASSERT(has(seen.fns, seen.nfns, "helper"));
	T_ASSERT(has(seen.fns, seen.nfns, "user"));
	T_ASSERT_INT(2, seen.nfiles);
	T_ASSERT_INT(2, seen.nprojfiles);
	T_ASSERT(strcmp(seen.projfiles[0], "inc/h.h") == 0 || strcmp(seen.projfiles[1], "inc/h.h") == 0);
	T_ASSERT(strcmp(seen.projfiles[0], "u.c") == 0 || strcmp(seen.projfiles[1], "u.c") == 0);
	cvet_report_free(r);
	teardown_dirs();
}

static void test_walker__file_outside_roots_is_not_walked(void)
{
	static const char src[] = "int f(void); int g(void) { return f(); }\n";
	cvet_report *r = NULL;
	T_ASSERT(setup_dirs() == 0);
	T_ASSERT(write_file(tmp_root, "o.c", src, sizeof(src) - 1) == 0);
	T_ASSERT_INT(0, walk_one("o.c", other_root, NULL, 0, &r));
	T_ASSERT_INT(0, seen.nfns);
	T_ASSERT_INT(0, seen.ncalls);
	T_ASSERT_INT(0, seen.nfiles);
	T_ASSERT_INT(0, (long long)r->nfindings);
	cvet_report_free(r);
	teardown_dirs();
}

static void test_walker__function_begin_and_end_pair(void)
{
	static const char src[] =
		"int a(void) { return 0; }\n"
		"int proto(void);\n"
		"struct S { int x; };\n"
		"int b(int x) { if (x) { return a(); } return 1; }\n";
	cvet_report *r = NULL;
	T_ASSERT(setup_dirs() == 0);
	T_ASSERT(write_file(tmp_root, "fb.c", src, sizeof(src) - 1) == 0);
	T_ASSERT_INT(0, walk_one("fb.c", tmp_root, NULL, 0, &r));
	T_ASSERT_INT(4, seen.nbegins);
	T_ASSERT_STR("a", seen.begins[0]);
	T_ASSERT_STR("/a", seen.begins[1]);
	T_ASSERT_STR("b", seen.begins[2]);
	T_ASSERT_STR("/b", seen.begins[3]);
	cvet_report_free(r);
	teardown_dirs();
}

static void test_walker__cxx_method_calls_are_folded(void)
{
	static const char src[] =
		"struct Shell { int system(const char *c); };\n"
		"namespace n { int run(const char *); }\n"
		"int Shell::system(const char *c) { return n::run(c); }\n"
		"int go(Shell &s) { return s.system(\"ls\"); }\n"
		"template <class T> int tmpl(T c) { return n::run(c) + c.system(\"x\"); }\n";
	cvet_report *r = NULL;
	const cvet_finding *f;
	T_ASSERT(setup_dirs() == 0);
	T_ASSERT(write_file(tmp_root, "k.cpp", src, sizeof(src) - 1) == 0);
	T_ASSERT_INT(0, walk_one("k.cpp", tmp_root, NULL, 0, &r));
	T_ASSERT(find_rule(r, CVET_RULE_PARSE_ERROR) == NULL);
	T_ASSERT_INT(3, seen.ncalls); /* c.system() in the template is a dependent member call: no callee yet */
	T_ASSERT_STR("run", seen.calls[0]);
	T_ASSERT_STR("system", seen.calls[1]);
	T_ASSERT_STR("run", seen.calls[2]);
	T_ASSERT_STR("Shell::system", seen.begins[0]);
	f = find_rule(r, "test-call");
	T_ASSERT(f != NULL);
	T_ASSERT_STR("Shell::system", f->function);
	cvet_report_free(r);
	teardown_dirs();
}

static void test_walker__parse_error_is_one_note(void)
{
	static const char src[] = "int ok(void) { return 0; }\nint main( { return 0; }\nint x = ;\n";
	cvet_report *r = NULL;
	const cvet_finding *f;
	size_t notes = 0;
	T_ASSERT(setup_dirs() == 0);
	T_ASSERT(write_file(tmp_root, "bad.c", src, sizeof(src) - 1) == 0);
	T_ASSERT_INT(0, walk_one("bad.c", tmp_root, NULL, 0, &r));
	for (size_t i = 0; i < r->nfindings; i++)
		notes += strcmp(r->findings[i]->rule_id, CVET_RULE_PARSE_ERROR) == 0;
	T_ASSERT_INT(1, (long long)notes);
	f = find_rule(r, CVET_RULE_PARSE_ERROR);
	T_ASSERT(f != NULL);
	T_ASSERT_INT(CVET_SEV_NOTE, f->severity);
	T_ASSERT_STR("bad.c", f->loc.path);
	T_ASSERT_INT(2, f->loc.line);
	T_ASSERT(strstr(f->message, "could not parse 'bad.c' completely: ") == f->message);
	T_ASSERT(strstr(f->message, "findings in this file may be incomplete") != NULL);
	T_ASSERT(has(seen.fns, seen.nfns, "ok"));
	cvet_report_free(r);
	teardown_dirs();
}

static void test_walker__missing_file_is_a_note_not_an_error(void)
{
	cvet_report *r = NULL;
	const cvet_finding *f;
	T_ASSERT(setup_dirs() == 0);
	T_ASSERT_INT(0, walk_one("does-not-exist.c", tmp_root, NULL, 0, &r));
	f = find_rule(r, CVET_RULE_PARSE_ERROR);
	T_ASSERT(f != NULL);
	T_ASSERT_STR("could not parse 'does-not-exist.c': cannot read it (No such file or directory)", f->message);
	cvet_report_free(r);
	teardown_dirs();
}

static void test_walker__empty_and_junk_files_do_not_crash(void)
{
	unsigned char junk[4096];
	uint32_t x = 12345;
	cvet_report *r = NULL;
	for (size_t i = 0; i < sizeof(junk); i++) {
		x = x * 1103515245u + 12345u;
		junk[i] = (unsigned char)(x >> 16);
	}
	T_ASSERT(setup_dirs() == 0);
	T_ASSERT(write_file(tmp_root, "empty.c", "", 0) == 0);
	T_ASSERT(write_file(tmp_root, "junk.c", (const char *)junk, sizeof(junk)) == 0);
	T_ASSERT_INT(0, walk_one("empty.c", tmp_root, NULL, 0, &r));
	T_ASSERT_INT(0, (long long)r->nfindings);
	cvet_report_free(r);
	T_ASSERT_INT(0, walk_one("junk.c", tmp_root, NULL, 0, &r));
	T_ASSERT(find_rule(r, CVET_RULE_PARSE_ERROR) != NULL);
	cvet_report_free(r);
	{
		/* a FIFO would block libclang's open() forever: skipped with a note */
		char fifo[PATH_MAX];
		const cvet_finding *f;
		snprintf(fifo, sizeof(fifo), "%s/fifo.c", tmp_root);
		T_ASSERT(mkfifo(fifo, 0600) == 0);
		T_ASSERT_INT(0, walk_one("fifo.c", tmp_root, NULL, 0, &r));
		f = find_rule(r, CVET_RULE_PARSE_ERROR);
		T_ASSERT(f != NULL);
		T_ASSERT(strstr(f->message, "not a regular file") != NULL);
		cvet_report_free(r);
		/* a directory named like a source file */
		snprintf(fifo, sizeof(fifo), "%s/dir.c", tmp_root);
		T_ASSERT(mkdir(fifo, 0700) == 0);
		T_ASSERT_INT(0, walk_one("dir.c", tmp_root, NULL, 0, &r));
		T_ASSERT(find_rule(r, CVET_RULE_PARSE_ERROR) != NULL);
		cvet_report_free(r);
	}
	teardown_dirs();
}

static void test_walker__huge_file_is_skipped_with_a_note(void)
{
	cvet_report *r = NULL;
	char path[PATH_MAX];
	const cvet_finding *f;
	FILE *fp;
	T_ASSERT(setup_dirs() == 0);
	snprintf(path, sizeof(path), "%s/huge.c", tmp_root);
	fp = fopen(path, "wb");
	T_ASSERT(fp != NULL);
	T_ASSERT(fseek(fp, 65L * 1024 * 1024, SEEK_SET) == 0);
	T_ASSERT(fputc('\n', fp) == '\n');
	T_ASSERT(fclose(fp) == 0);
	T_ASSERT_INT(0, walk_one("huge.c", tmp_root, NULL, 0, &r));
	f = find_rule(r, CVET_RULE_PARSE_ERROR);
	T_ASSERT(f != NULL);
	T_ASSERT(strstr(f->message, "larger than") != NULL);
	T_ASSERT_INT(0, seen.tu_begin);
	T_ASSERT_INT(1, seen.nprojfiles); /* so that the note can be suppressed in the file */
	T_ASSERT_STR("huge.c", seen.projfiles[0]);
	cvet_report_free(r);
	teardown_dirs();
}

static void test_walker__deep_nesting_is_bounded(void)
{
	/* an else-if chain 3000 long nests 3000 IfStmts: deeper than the walk limit, no bracket limit hit */
	size_t depth = 3000, n = 0, cap = depth * 32 + 64;
	char *src = malloc(cap);
	cvet_report *r = NULL;
	const cvet_finding *f;
	size_t notes = 0;
	T_ASSERT(src != NULL);
	n += (size_t)snprintf(src, cap, "int g(int);\nvoid f(int x) {\n");
	for (size_t i = 0; i < depth; i++)
		n += (size_t)snprintf(src + n, cap - n, "if (x == %zu) g(1); else ", i);
	n += (size_t)snprintf(src + n, cap - n, "g(2);\n}\n");
	T_ASSERT(setup_dirs() == 0);
	T_ASSERT(write_file(tmp_root, "deep.c", src, n) == 0);
	free(src);
	T_ASSERT_INT(0, walk_one("deep.c", tmp_root, NULL, 0, &r));
	for (size_t i = 0; i < r->nfindings; i++)
		notes += strcmp(r->findings[i]->rule_id, CVET_RULE_PARSE_ERROR) == 0;
	T_ASSERT_INT(1, (long long)notes);
	f = find_rule(r, CVET_RULE_PARSE_ERROR);
	T_ASSERT(strstr(f->message, "nests deeper") != NULL);
	T_ASSERT_INT(2, seen.nbegins); /* begin and end still pair up */
	T_ASSERT_INT(MAX_SEEN, seen.ncalls); /* calls above the limit were seen (the record is capped) */
	cvet_report_free(r);
	teardown_dirs();
}

static void test_walker__long_expression_does_not_overflow_the_stack(void)
{
	/* regression: a 70,000-term sum overflowed libclang's 8 MiB parse thread and killed the process */
	size_t terms = 70000, n = 0, cap = terms * 2 + 64;
	char *src = malloc(cap);
	cvet_report *r = NULL;
	const cvet_finding *f;
	T_ASSERT(src != NULL);
	n += (size_t)snprintf(src, cap, "int g(int);\nint f(int v) {\n  v = g(1) + ");
	for (size_t i = 0; i < terms; i++) {
		src[n++] = '1';
		src[n++] = '+';
	}
	n += (size_t)snprintf(src + n, cap - n, "1;\n  return g(v);\n}\n");
	T_ASSERT(setup_dirs() == 0);
	T_ASSERT(write_file(tmp_root, "long.c", src, n) == 0);
	free(src);
	T_ASSERT_INT(0, walk_one("long.c", tmp_root, NULL, 0, &r));
	f = find_rule(r, CVET_RULE_PARSE_ERROR);
	T_ASSERT(f != NULL);
	T_ASSERT(strstr(f->message, "an expression in 'long.c' nests deeper") != NULL);
	T_ASSERT_INT(3, f->loc.line);
	T_ASSERT_INT(1, seen.ncalls); /* g(v) after the long expression is still seen; g(1) inside it is not */
	T_ASSERT_STR("g", seen.calls[0]);
	cvet_report_free(r);
	teardown_dirs();
}

static void test_cx__int_const_on_macros(void)
{
	static const char src[] =
		"#define MODE 0777\n"
		"#define VERIFY_NONE 0x00\n"
		"enum { E = 5 };\n"
		"int chmod(const char *, int);\n"
		"void f(int v) { chmod(\"x\", MODE); chmod(\"y\", (int)VERIFY_NONE); chmod(\"z\", E + 1); chmod(\"w\", v); }\n";
	cvet_report *r = NULL;
	T_ASSERT(setup_dirs() == 0);
	T_ASSERT(write_file(tmp_root, "i.c", src, sizeof(src) - 1) == 0);
	T_ASSERT_INT(0, walk_one("i.c", tmp_root, NULL, 0, &r));
	T_ASSERT_INT(8, seen.nints);
	T_ASSERT_INT(0777, seen.ints[1]);
	T_ASSERT_INT(0, seen.ints[3]);
	T_ASSERT_INT(6, seen.ints[5]);
	T_ASSERT(seen.ints[7] == INT64_MIN);
	T_ASSERT_STR("MODE", seen.macros[1]);
	T_ASSERT_STR("VERIFY_NONE", seen.macros[3]);
	T_ASSERT_STR("<none>", seen.macros[5]);
	T_ASSERT_STR("<none>", seen.macros[7]);
	cvet_report_free(r);
	teardown_dirs();
}

static void test_cx__string_literal_through_define(void)
{
	static const char src[] =
		"#define PASSWORD \"hunter\" \"2\"\n"
		"#define ESC \"a\\tb\\x41\\101\"\n"
		"int login(const char *u, const char *p);\n"
		"void f(const char *u) { login(u, PASSWORD); login((const char *)\"root\", ESC); }\n";
	cvet_report *r = NULL;
	T_ASSERT(setup_dirs() == 0);
	T_ASSERT(write_file(tmp_root, "p.c", src, sizeof(src) - 1) == 0);
	T_ASSERT_INT(0, walk_one("p.c", tmp_root, NULL, 0, &r));
	T_ASSERT_INT(4, seen.nstrs);
	T_ASSERT_STR("<none>", seen.strs[0]);
	T_ASSERT_STR("hunter2", seen.strs[1]);
	T_ASSERT_STR("root", seen.strs[2]);
	T_ASSERT_STR("a\tbAA", seen.strs[3]);
	T_ASSERT_STR("PASSWORD", seen.macros[1]);
	cvet_report_free(r);
	teardown_dirs();
}

static void test_cx__macro_name_inaddr_any(void)
{
	static const char src[] =
		"#include <string.h>\n"
		"#include <netinet/in.h>\n"
		"#include <sys/socket.h>\n"
		"int serve(int s) {\n"
		"  struct sockaddr_in addr;\n"
		"  memset(&addr, 0, sizeof addr);\n"
		"  addr.sin_addr.s_addr = htonl(INADDR_ANY);\n"
		"  return bind(s, (struct sockaddr *)&addr, sizeof addr);\n"
		"}\n";
	static const char *const o2[] = {"-O2"};
	cvet_report *r = NULL;
	T_ASSERT(setup_dirs() == 0);
	T_ASSERT(write_file(tmp_root, "n.c", src, sizeof(src) - 1) == 0);
	T_ASSERT_INT(0, walk_one("n.c", tmp_root, NULL, 0, &r));
	T_ASSERT(has(seen.calls, seen.ncalls, "htonl"));
	T_ASSERT(has(seen.macros, seen.nmacros, "INADDR_ANY"));
	cvet_report_free(r);
	/* with optimisation glibc turns htonl into a macro: the argument's macro name must survive */
	T_ASSERT_INT(0, walk_one("n.c", tmp_root, o2, 1, &r));
	T_ASSERT(has(seen.macros, seen.nmacros, "INADDR_ANY"));
	cvet_report_free(r);
	teardown_dirs();
}

/* ---- a second test-only check: runs `probe_fn` at on_tu_end, for helper tests on a parsed TU ---- */

static void (*probe_fn)(cvet_tu *tu);
static int probe_ran;
static const cvet_check probe_check;

static void p_tu_end(cvet_tu *tu, void *state)
{
	if (probe_fn) {
		probe_fn(tu);
		probe_ran = 1;
	}
}

static const cvet_check probe_check = {
	{"test-probe", "probe", CVET_SEV_MEDIUM, {0}, CVET_PRECISION_HIGH},
	NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL, p_tu_end, NULL};

/* Walk tmp_root/name with the probe check only; returns the walker's code. */
static int probe_one(const char *name, const char *const *args, int nargs, void (*fn)(cvet_tu *), cvet_report **out)
{
	const char *roots[1] = {tmp_root};
	cvet_walk_options o;
	const cvet_check *list[1] = {&probe_check};
	char path[PATH_MAX];
	CXIndex idx = clang_createIndex(0, 0);
	int rc;
	memset(&o, 0, sizeof(o));
	o.roots = roots;
	o.nroots = 1;
	o.report_root = tmp_root;
	probe_fn = fn;
	probe_ran = 0;
	snprintf(path, sizeof(path), "%s/%s", tmp_root, name);
	if (cvet_report_new(out) < 0) {
		clang_disposeIndex(idx);
		return -1;
	}
	rc = cvet__walk_file_with(idx, path, args, nargs, NULL, &o, list, 1, *out);
	clang_disposeIndex(idx);
	return rc;
}

struct named { const char *name; enum CXCursorKind kind; CXCursor found; };

static int find_named_visit(CXCursor c, CXCursor parent, void *ud)
{
	struct named *n = ud;
	char *sp;
	int hit;
	if (c.kind != n->kind)
		return 0;
	sp = cx_spelling(c);
	hit = sp && strcmp(sp, n->name) == 0;
	free(sp);
	if (hit)
		n->found = c;
	return hit;
}

/* The first cursor of `kind` spelled `name` under root (pre-order), or a null cursor. */
static CXCursor find_named(CXCursor root, enum CXCursorKind kind, const char *name)
{
	struct named n = {name, kind, clang_getNullCursor()};
	cx_each_descendant(root, find_named_visit, &n);
	return n.found;
}

/* Helper results recorded by the probes (asserted after the walk, since probes cannot return). */
static struct {
	int binop_assign, binop_add, unop_minus, same_n, same_ax, diff_ax_bx, array_ok, ptr_buf, ptr_p, loc_ok;
	long long array_n;
	char text[64], fn_at_end[64], lambda_fn[64];
	unsigned kids, loc_line;
	int step_rc, in_project, disabled_null;
} pr;

static void probe_helpers(cvet_tu *tu)
{
	CXCursor root = clang_getTranslationUnitCursor(cvet_tu_cx(tu));
	CXCursor f = find_named(root, CXCursor_FunctionDecl, "f"), body, assign, rhs, ax, bx, unop, buf, call;
	char *t, *path = NULL;
	cvet_finding *fi;
	if (cx_is_null(f))
		return;
	body = cx_find_kind(f, CXCursor_CompoundStmt);
	pr.kids = cx_child_count(body);
	assign = cx_find_kind(body, CXCursor_BinaryOperator);
	pr.binop_assign = cx_binop(assign) == CX_BO_Assign;
	rhs = cx_strip(cx_child(assign, 1));
	pr.binop_add = cx_binop(rhs) == CX_BO_Add;
	pr.same_n = cx_same_ref(cx_child(assign, 0), cx_child(rhs, 0));
	t = cx_text(tu, assign);
	snprintf(pr.text, sizeof(pr.text), "%s", t ? t : "(null)");
	free(t);
	unop = cx_find_kind(body, CXCursor_UnaryOperator);
	pr.unop_minus = cx_unop(unop) == CXUnaryOperator_Minus;
	ax = find_named(body, CXCursor_MemberRefExpr, "x");
	bx = cx_child(cx_child(body, 3), 0); /* b->x = a->x; lhs */
	pr.same_ax = cx_same_ref(ax, ax);
	pr.diff_ax_bx = !cx_same_ref(ax, bx) && !cx_is_null(cx_referenced(bx));
	buf = find_named(body, CXCursor_VarDecl, "buf");
	pr.array_ok = cx_array_size(clang_getCursorType(buf), &pr.array_n);
	{
		CXCursor last = cx_child(body, pr.kids - 1); /* p = buf; */
		pr.ptr_buf = cx_is_pointer_expr(cx_child(last, 1));
		pr.ptr_p = cx_is_pointer_expr(cx_child(last, 0));
	}
	call = cx_find_kind(body, CXCursor_CallExpr);
	pr.loc_ok = cx_location(call, &path, &pr.loc_line, NULL) == 0 && path && strstr(path, "h.c") != NULL;
	free(path);
	fi = cvet_tu_report(tu, &probe_check, call, "at end");
	if (fi && fi->function)
		snprintf(pr.fn_at_end, sizeof(pr.fn_at_end), "%s", fi->function);
	if (fi)
		pr.step_rc = cvet_tu_add_step(tu, fi, assign, "'n' is changed\there");
	cvet_tu_add_endpoint(tu, call, "bind", "0.0.0.0", 8080);
	pr.in_project = cvet_tu_in_project(tu, call) && !cvet_tu_in_project(tu, clang_getNullCursor());
	pr.disabled_null = cvet_tu_report(tu, &test_check, call, "not enabled in this walk") == NULL;
}

static void test_cx__helpers_on_expressions(void)
{
	static const char src[] =
		"struct P { int x; char name[16]; };\n"
		"int g(unsigned long);\n"
		"void f(struct P *a, struct P *b, char *p, int n)\n"
		"{\n"
		"\tchar buf[32];\n"
		"\tn = n + 1;\n"
		"\ta->x = -n;\n"
		"\tb->x = a->x;\n"
		"\tg(sizeof(buf));\n"
		"\tp = buf;\n"
		"}\n";
	cvet_report *r = NULL;
	memset(&pr, 0, sizeof(pr));
	T_ASSERT(setup_dirs() == 0);
	T_ASSERT(write_file(tmp_root, "h.c", src, sizeof(src) - 1) == 0);
	T_ASSERT_INT(0, probe_one("h.c", NULL, 0, probe_helpers, &r));
	T_ASSERT_INT(1, probe_ran);
	T_ASSERT_INT(6, pr.kids);
	T_ASSERT(pr.binop_assign);
	T_ASSERT(pr.binop_add);
	T_ASSERT(pr.same_n);
	T_ASSERT_STR("n = n + 1", pr.text);
	T_ASSERT(pr.unop_minus);
	T_ASSERT(pr.same_ax);
	T_ASSERT(pr.diff_ax_bx);
	T_ASSERT(pr.array_ok);
	T_ASSERT_INT(32, pr.array_n);
	T_ASSERT(!pr.ptr_buf);
	T_ASSERT(pr.ptr_p);
	T_ASSERT(pr.loc_ok);
	T_ASSERT_INT(9, pr.loc_line);
	T_ASSERT_STR("f", pr.fn_at_end); /* reported after the walk: the function comes from the cursor */
	T_ASSERT_INT(0, pr.step_rc);
	T_ASSERT(pr.in_project);
	T_ASSERT(pr.disabled_null);
	T_ASSERT_INT(1, (long long)r->nfindings);
	T_ASSERT_INT(1, (long long)r->findings[0]->nsteps);
	T_ASSERT_STR("h.c", r->findings[0]->steps[0].path);
	T_ASSERT_INT(6, r->findings[0]->steps[0].line);
	T_ASSERT_STR("'n' is changed here", r->findings[0]->steps[0].message);
	T_ASSERT_STR("g(sizeof(buf))", r->findings[0]->snippet);
	T_ASSERT_INT(9, r->findings[0]->loc.line);
	T_ASSERT_INT(2, r->findings[0]->loc.column);
	T_ASSERT_INT(9, r->findings[0]->loc.end_line);
	T_ASSERT_INT(16, r->findings[0]->loc.end_column);
	T_ASSERT_INT(1, (long long)r->nendpoints);
	T_ASSERT_STR("bind", r->endpoints[0]->api);
	T_ASSERT_STR("0.0.0.0", r->endpoints[0]->address);
	T_ASSERT_INT(8080, r->endpoints[0]->port);
	T_ASSERT_STR("f", r->endpoints[0]->function);
	T_ASSERT_STR("h.c", r->endpoints[0]->loc.path);
	cvet_report_free(r);
	teardown_dirs();
}

static void probe_lambda(cvet_tu *tu)
{
	CXCursor root = clang_getTranslationUnitCursor(cvet_tu_cx(tu));
	CXCursor outer = find_named(root, CXCursor_FunctionDecl, "outer");
	CXCursor call = find_named(outer, CXCursor_CallExpr, "sink");
	cvet_finding *fi = cvet_tu_report(tu, &probe_check, call, "in lambda");
	snprintf(pr.lambda_fn, sizeof(pr.lambda_fn), "%s", fi && fi->function ? fi->function : "(none)");
}

static void test_walker__lambda_body_belongs_to_enclosing_function(void)
{
	static const char src[] =
		"int sink(int);\n"
		"int outer(int v) {\n"
		"  auto l = [v](int k) { return sink(v + k); };\n"
		"  return l(1);\n"
		"}\n";
	cvet_report *r = NULL;
	memset(&pr, 0, sizeof(pr));
	T_ASSERT(setup_dirs() == 0);
	T_ASSERT(write_file(tmp_root, "l.cc", src, sizeof(src) - 1) == 0);
	T_ASSERT_INT(0, probe_one("l.cc", NULL, 0, probe_lambda, &r));
	T_ASSERT(find_rule(r, CVET_RULE_PARSE_ERROR) == NULL);
	T_ASSERT_STR("outer", pr.lambda_fn);
	cvet_report_free(r);
	teardown_dirs();
}

static void test_walker__werror_is_not_a_parse_error(void)
{
	static const char src[] = "int f(void) { int unused; return undeclared_fn(1); }\n";
	static const char *const args[] = {"-Wall", "-Werror"};
	cvet_report *r = NULL;
	T_ASSERT(setup_dirs() == 0);
	T_ASSERT(write_file(tmp_root, "w.c", src, sizeof(src) - 1) == 0);
	T_ASSERT_INT(0, walk_one("w.c", tmp_root, args, 2, &r));
	T_ASSERT(find_rule(r, CVET_RULE_PARSE_ERROR) == NULL);
	T_ASSERT_INT(1, seen.ncalls);
	T_ASSERT_STR("undeclared_fn", seen.calls[0]);
	cvet_report_free(r);
	teardown_dirs();
}

static void test_walker__disabled_check_does_not_report(void)
{
	static const char src[] = "int g(void); int f(void) { return g(); }\n";
	const char *roots[1];
	cvet_walk_options o;
	cvet_report *r = NULL;
	CXIndex idx;
	char path[PATH_MAX];
	unsigned char enabled[64];
	T_ASSERT(setup_dirs() == 0);
	T_ASSERT(write_file(tmp_root, "d.c", src, sizeof(src) - 1) == 0);
	memset(&o, 0, sizeof(o));
	memset(enabled, 0, sizeof(enabled)); /* every registered check disabled */
	roots[0] = tmp_root;
	o.roots = roots;
	o.nroots = 1;
	o.report_root = tmp_root;
	o.enabled = enabled;
	T_ASSERT(cvet__checks_count() <= sizeof(enabled));
	snprintf(path, sizeof(path), "%s/d.c", tmp_root);
	T_ASSERT(cvet_report_new(&r) == 0);
	idx = clang_createIndex(0, 0);
	T_ASSERT_INT(0, cvet__walk_file(idx, path, NULL, 0, NULL, &o, r));
	clang_disposeIndex(idx);
	T_ASSERT_INT(0, (long long)r->nfindings);
	cvet_report_free(r);
	teardown_dirs();
}

static void test_walker__relative_file_and_working_directory(void)
{
	static const char hdr[] = "int g(void);\n";
	static const char src[] = "#include \"sub/g.h\"\nint f(void) { return g(); }\n";
	static const char *const args[] = {"-I."};
	const char *roots[1];
	cvet_walk_options o;
	cvet_report *r = NULL;
	const cvet_check *list[1] = {&test_check};
	const cvet_finding *f;
	char sub[PATH_MAX];
	CXIndex idx;
	T_ASSERT(setup_dirs() == 0);
	snprintf(sub, sizeof(sub), "%s/sub", tmp_root);
	T_ASSERT(mkdir(sub, 0700) == 0);
	T_ASSERT(write_file(sub, "g.h", hdr, sizeof(hdr) - 1) == 0);
	T_ASSERT(write_file(sub, "rel.c", src, sizeof(src) - 1) == 0);
	memset(&o, 0, sizeof(o));
	memset(&seen, 0, sizeof(seen));
	roots[0] = tmp_root;
	o.roots = roots;
	o.nroots = 1;
	o.report_root = tmp_root;
	T_ASSERT(cvet_report_new(&r) == 0);
	idx = clang_createIndex(0, 0);
	/* "sub/g.h" resolves against -I. in the working directory, not the process's cwd */
	T_ASSERT_INT(0, cvet__walk_file_with(idx, "sub/rel.c", args, 1, tmp_root, &o, list, 1, r));
	clang_disposeIndex(idx);
	T_ASSERT(find_rule(r, CVET_RULE_PARSE_ERROR) == NULL);
	f = find_rule(r, "test-call");
	T_ASSERT(f != NULL);
	T_ASSERT_STR("sub/rel.c", f->loc.path);
	T_ASSERT_INT(2, f->loc.line);
	cvet_report_free(r);
	teardown_dirs();
}

/* ---- thread safety: a check with per-TU state only, walked from two threads at once ---- */

typedef struct { int calls; char path[128]; } count_state;
static const cvet_check count_check;

static void c_on_file(cvet_tu *tu, void *state, const char *path, const char *text, size_t len)
{
	count_state *st = state;
	if (!st->path[0])
		snprintf(st->path, sizeof(st->path), "%s", path);
}

static void c_on_call(cvet_tu *tu, void *state, const cvet_event *ev)
{
	((count_state *)state)->calls++;
}

static void c_tu_end(cvet_tu *tu, void *state)
{
	count_state *st = state;
	cvet_tu_report_at(tu, &count_check, st->path, 1, 1, NULL, "calls=%d", st->calls);
}

static const cvet_check count_check = {
	{"test-count", "count", CVET_SEV_NOTE, {0}, CVET_PRECISION_HIGH},
	NULL, sizeof(count_state), NULL, c_on_file, NULL, c_on_call, NULL, NULL, c_tu_end, NULL};

typedef struct { const char *file; int ok; } thread_arg;

static void *walk_many(void *p)
{
	thread_arg *a = p;
	const char *roots[1] = {tmp_root};
	const cvet_check *list[1] = {&count_check};
	cvet_walk_options o;
	CXIndex idx = clang_createIndex(0, 0);
	char want[32];
	memset(&o, 0, sizeof(o));
	o.roots = roots;
	o.nroots = 1;
	o.report_root = tmp_root;
	snprintf(want, sizeof(want), "calls=%d", strstr(a->file, "t2.c") ? 2 : 1);
	a->ok = 1;
	for (int i = 0; i < 10 && a->ok; i++) {
		cvet_report *r = NULL;
		if (cvet_report_new(&r) < 0 || cvet__walk_file_with(idx, a->file, NULL, 0, NULL, &o, list, 1, r) != 0 ||
		    r->nfindings != 1 || strcmp(r->findings[0]->message, want) != 0)
			a->ok = 0;
		cvet_report_free(r);
	}
	clang_disposeIndex(idx);
	return NULL;
}

static void test_walker__parallel_walks_keep_state_apart(void)
{
	static const char s1[] = "#include <stdio.h>\nint main(void) { return puts(\"a\"); }\n";
	static const char s2[] = "#include <string.h>\nunsigned long f(const char *s) { return strlen(s) + strlen(s); }\n";
	char p1[PATH_MAX], p2[PATH_MAX];
	thread_arg a1, a2;
	pthread_t t1, t2;
	T_ASSERT(setup_dirs() == 0);
	T_ASSERT(write_file(tmp_root, "t1.c", s1, sizeof(s1) - 1) == 0);
	T_ASSERT(write_file(tmp_root, "t2.c", s2, sizeof(s2) - 1) == 0);
	snprintf(p1, sizeof(p1), "%s/t1.c", tmp_root);
	snprintf(p2, sizeof(p2), "%s/t2.c", tmp_root);
	a1.file = p1;
	a2.file = p2;
	T_ASSERT(pthread_create(&t1, NULL, walk_many, &a1) == 0);
	T_ASSERT(pthread_create(&t2, NULL, walk_many, &a2) == 0);
	pthread_join(t1, NULL);
	pthread_join(t2, NULL);
	T_ASSERT(a1.ok);
	T_ASSERT(a2.ok);
	teardown_dirs();
}

static void test_registry__rules_sorted_with_builtins(void)
{
	size_t n = cvet_rules_count();
	const cvet_rule *pe;
	T_ASSERT(n >= 3);
	T_ASSERT_INT((long long)cvet__checks_count() + 3, (long long)n);
	for (size_t i = 1; i < n; i++)
		T_ASSERT(strcmp(cvet_rules_at(i - 1)->id, cvet_rules_at(i)->id) < 0);
	pe = cvet_rules_find(CVET_RULE_PARSE_ERROR);
	T_ASSERT(pe != NULL);
	T_ASSERT_INT(CVET_SEV_NOTE, pe->severity);
	T_ASSERT(cvet_rules_find(CVET_RULE_SUPPRESSION_NO_REASON) != NULL);
	T_ASSERT_INT(710, cvet_rules_find(CVET_RULE_SUPPRESSION_NO_REASON)->cwe[0]);
	T_ASSERT(cvet_rules_find(CVET_RULE_SUPPRESSION_UNUSED) != NULL);
	T_ASSERT(cvet_rules_find("no-such-rule") == NULL);
	T_ASSERT(cvet_rules_find(NULL) == NULL);
	T_ASSERT_INT(-1, cvet_rules_index("zzz"));
	T_ASSERT(cvet_rules_at(n) == NULL);
	T_ASSERT(strcmp(cvet_rules_at((size_t)cvet_rules_index(CVET_RULE_PARSE_ERROR))->id, CVET_RULE_PARSE_ERROR) == 0);
	T_ASSERT(cvet_rules_doc(CVET_RULE_PARSE_ERROR) != NULL);
	T_ASSERT(strstr(cvet_rules_doc(CVET_RULE_PARSE_ERROR), "## What it finds") != NULL);
	T_ASSERT(cvet_rules_doc("no-such-rule") == NULL);
	for (size_t i = 0; i < cvet__checks_count(); i++) {
		T_ASSERT(cvet__checks_at(i) != NULL);
		T_ASSERT(cvet__checks_at(i)->rule.id != NULL);
	}
	T_ASSERT(cvet__checks_at(cvet__checks_count()) == NULL);
}

CVET_TEST_MAIN(
	T(test_walker__variable_named_system_is_not_a_call),
	T(test_walker__macro_call_is_found_at_the_users_line),
	T(test_walker__system_headers_are_not_walked),
	T(test_walker__project_headers_are_walked_and_seen_once),
	T(test_walker__file_outside_roots_is_not_walked),
	T(test_walker__function_begin_and_end_pair),
	T(test_walker__cxx_method_calls_are_folded),
	T(test_walker__parse_error_is_one_note),
	T(test_walker__missing_file_is_a_note_not_an_error),
	T(test_walker__empty_and_junk_files_do_not_crash),
	T(test_walker__huge_file_is_skipped_with_a_note),
	T(test_walker__deep_nesting_is_bounded),
	T(test_walker__long_expression_does_not_overflow_the_stack),
	T(test_cx__int_const_on_macros),
	T(test_cx__string_literal_through_define),
	T(test_cx__macro_name_inaddr_any),
	T(test_cx__helpers_on_expressions),
	T(test_walker__lambda_body_belongs_to_enclosing_function),
	T(test_walker__werror_is_not_a_parse_error),
	T(test_walker__disabled_check_does_not_report),
	T(test_walker__relative_file_and_working_directory),
	T(test_walker__parallel_walks_keep_state_apart),
	T(test_registry__rules_sorted_with_builtins)
)
