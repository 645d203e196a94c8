/* walker.c - parse one translation unit with libclang, walk its project cursors once, dispatch to checks, report */

/*
 * How a translation unit is handled (cvet__walk_file):
 *   1. on a thread of its own with a 1 GiB stack reservation (see run_job: clang recurses per nesting level);
 *   2. the main file is checked first (exists, regular file, at most 64 MiB) - otherwise a parse-error note;
 *   3. clang_parseTranslationUnit2 with KeepGoing; errors in project files become ONE parse-error note;
 *   4. per-TU dispatch tables (cursor kind -> checks) and zeroed check states; on_tu_begin; on_file for
 *      every project file the TU includes;
 *   5. one pre-order walk with an explicit stack (no native recursion): declarations outside the project
 *      (system headers, files outside the roots) are skipped with their subtrees, statements and
 *      expressions inherit their parent's decision; nesting deeper than MAX_WALK_DEPTH and operand
 *      chains longer than MAX_EXPR_SPINE are skipped with one note;
 *   6. on_tu_end, cleanup, and everything freed.
 * Findings, steps and endpoints go straight into the caller's report.
 */
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <clang-c/Index.h>
#include "code/check.h"
#include "code/cx.h"
#include "code/walker.h"
#include "common/util.h"
#include "flow/flow.h"

#ifndef CVET_CLANG_RESOURCE_DIR
#define CVET_CLANG_RESOURCE_DIR ""
#endif

static const char resource_dir[] = CVET_CLANG_RESOURCE_DIR; /* builtin headers (stddef.h, ...) */

#define MAX_MAIN_FILE_BYTES (64u * 1024u * 1024u) /* larger main files are not parsed (sqlite3.c is ~9 MiB) */
#define MAX_WALK_DEPTH 2000u                     /* deeper subtrees are skipped (one note per TU) */
#define MAX_EXPR_SPINE 1024u                     /* longer operand chains are skipped (one note per TU) */
#define MAX_MESSAGE_BYTES 2048u                  /* finding messages are cut here */
#define MAX_STEPS 64u                            /* dataflow steps kept per finding */
#define MAX_SNIPPET_BYTES 200u                   /* finding snippets are cut here */
#define KIND_TABLE_SIZE 1024u                    /* cursor kinds are small enums (< 1024) */

/* One file seen by the TU: project decision and paths, cached by CXFile. */
typedef struct file_entry {
	CXFile file;     /* key (libclang's per-TU file handle) */
	int project;     /* 1 when not a system header and under a root */
	char *real;      /* absolute real path (malloc'd), or NULL */
	char *rel;       /* report path (malloc'd), or NULL when not a project file */
	const char *text;/* file bytes, lent by libclang; valid when has_text */
	size_t len;
	int has_text;
	int announced;   /* on_file / on_project_file already called for it */
} file_entry;

/* One level of the explicit walk stack: a cursor and its direct children. */
typedef struct frame {
	CXCursor cursor;
	CXCursor *kids;     /* owned buffer, reused across frames at this depth */
	size_t nkids, capkids, next;
	int is_function;    /* the cursor is a function definition: on_function_end when done */
	CXCursor prev_fn;   /* function context to restore */
	const char *prev_fn_name;
	char *fn_name;      /* owned name of this frame's function (when is_function) */
} frame;

struct cvet_tu {
	CXTranslationUnit cx;
	const cvet_walk_options *opts;
	cvet_report *out;
	char *main_rel;            /* report path of the main file (malloc'd) */
	char *directory;           /* working directory (malloc'd), or NULL */
	/* checks */
	const cvet_check **checks; /* enabled checks */
	void **states;             /* per-check state, parallel to checks */
	size_t nchecks;
	size_t *kind_start;        /* CSR index: checks wanting kind k are kind_list[kind_start[k]..kind_start[k+1]) */
	size_t *kind_list;
	size_t *call_list, ncall;  /* checks with on_call */
	size_t *fn_list, nfn;      /* checks with on_function_begin or on_function_end */
	/* file cache: open addressing on the CXFile pointer */
	file_entry *files;
	size_t capfiles, nfiles;
	/* walk state */
	CXCursor function;
	const char *function_name;
	int depth_noted;
	int oom;
	/* the flow engine: functions lowered while the TU is alive */
	cvet_flow_tu flow;
	int flow_on;
};

/* ---- small utilities ---- */

static char *dup_str(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	char *d = malloc(n + 1);
	if (d) {
		if (n)
			memcpy(d, s, n);
		d[n] = '\0';
	}
	return d;
}

/* malloc'd printf; NULL on OOM. Newlines and other control characters become spaces; cut at `max` bytes. */
static char *vformat_line(size_t max, const char *fmt, va_list ap)
{
	va_list cp;
	int n;
	char *s;
	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		return dup_str("");
	if ((size_t)n > max)
		n = (int)max;
	s = malloc((size_t)n + 1);
	if (!s)
		return NULL;
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	for (char *p = s; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = ' ';
	return s;
}

static char *format_line(size_t max, const char *fmt, ...)
{
	va_list ap;
	char *s;
	va_start(ap, fmt);
	s = vformat_line(max, fmt, ap);
	va_end(ap);
	return s;
}

/* Cut s at max bytes without splitting a UTF-8 sequence. */
static void cut_utf8(char *s, size_t max)
{
	size_t n = strlen(s);
	if (n <= max)
		return;
	n = max;
	while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;
	s[n] = '\0';
}

/* Join dir and a relative path (malloc'd); a copy of path when it is absolute or dir is NULL. */
static char *join_path(const char *dir, const char *path)
{
	size_t a, b;
	char *s;
	if (!path)
		return NULL;
	if (path[0] == '/' || !dir || !*dir)
		return dup_str(path);
	a = strlen(dir);
	b = strlen(path);
	s = malloc(a + b + 2);
	if (!s)
		return NULL;
	memcpy(s, dir, a);
	s[a] = '/';
	memcpy(s + a + 1, path, b + 1);
	return s;
}


/* Report path of an absolute path: relative to report_root when under it, else absolute (malloc'd). */
static char *report_path(const cvet_walk_options *opts, const char *abs)
{
	const char *r = opts ? opts->report_root : NULL;
	if (r && *r && cvet_util__path_under(abs, r)) {
		size_t n = strlen(r);
		while (n > 1 && r[n - 1] == '/')
			n--;
		if (n == 1 && r[0] == '/')
			return dup_str(abs + 1);
		if (abs[n] == '/' && abs[n + 1])
			return dup_str(abs + n + 1);
	}
	return dup_str(abs);
}

/* Absolute real path of a libclang file (malloc'd), or NULL. */
static char *file_real_path(cvet_tu *tu, CXFile f)
{
	char *name = cx_str(clang_File_tryGetRealPathName(f)), *joined, *real;
	if (name && name[0] == '/') {
		real = realpath(name, NULL);
		if (real) {
			free(name);
			return real;
		}
		return name;
	}
	free(name);
	name = cx_str(clang_getFileName(f));
	if (!name || !*name) {
		free(name);
		return NULL;
	}
	joined = join_path(tu->directory, name);
	free(name);
	if (!joined)
		return NULL;
	real = realpath(joined, NULL);
	if (real) {
		free(joined);
		return real;
	}
	return joined;
}

/* ---- the per-file cache ---- */

static size_t hash_ptr(const void *p, size_t cap)
{
	uintptr_t x = (uintptr_t)p;
	x ^= x >> 17;
	x *= (uintptr_t)0x9E3779B97F4A7C15ull;
	x ^= x >> 29;
	return (size_t)x & (cap - 1);
}

static int files_grow(cvet_tu *tu)
{
	size_t ncap = tu->capfiles ? tu->capfiles * 2 : 64;
	file_entry *n = calloc(ncap, sizeof(*n));
	if (!n)
		return -1;
	for (size_t i = 0; i < tu->capfiles; i++) {
		if (!tu->files[i].file)
			continue;
		size_t h = hash_ptr(tu->files[i].file, ncap);
		while (n[h].file)
			h = (h + 1) & (ncap - 1);
		n[h] = tu->files[i];
	}
	free(tu->files);
	tu->files = n;
	tu->capfiles = ncap;
	return 0;
}

/* The cache entry for f (created on first use), or NULL on OOM / a NULL file. */
static file_entry *file_get(cvet_tu *tu, CXFile f)
{
	size_t h;
	file_entry *e;
	if (!f)
		return NULL;
	if (tu->capfiles) {
		h = hash_ptr(f, tu->capfiles);
		while (tu->files[h].file) {
			if (tu->files[h].file == f)
				return &tu->files[h];
			h = (h + 1) & (tu->capfiles - 1);
		}
	}
	if ((tu->nfiles + 1) * 2 > tu->capfiles && files_grow(tu) < 0) {
		tu->oom = 1;
		return NULL;
	}
	h = hash_ptr(f, tu->capfiles);
	while (tu->files[h].file)
		h = (h + 1) & (tu->capfiles - 1);
	e = &tu->files[h];
	e->file = f;
	tu->nfiles++;
	/* decide once: system headers are never project files, whatever their path (and need no realpath) */
	{
		CXSourceLocation l = clang_getLocationForOffset(tu->cx, f, 0);
		int system = clang_Location_isInSystemHeader(l);
		e->real = system ? NULL : file_real_path(tu, f);
		e->project = 0;
		if (!system && e->real && tu->opts) {
			for (size_t i = 0; i < tu->opts->nroots; i++)
				if (cvet_util__path_under(e->real, tu->opts->roots[i])) {
					e->project = 1;
					break;
				}
		}
		if (e->project) {
			e->rel = report_path(tu->opts, e->real);
			if (!e->rel) {
				tu->oom = 1;
				e->project = 0;
			}
		}
	}
	return e;
}

const char *cvet_walker__file_text(cvet_tu *tu, CXFile file, size_t *len)
{
	file_entry *e = tu ? file_get(tu, file) : NULL;
	*len = 0;
	if (!e)
		return NULL;
	if (!e->has_text) {
		e->text = clang_getFileContents(tu->cx, file, &e->len);
		if (!e->text)
			e->len = 0;
		e->has_text = 1;
	}
	*len = e->len;
	return e->text;
}

static void files_free(cvet_tu *tu)
{
	for (size_t i = 0; i < tu->capfiles; i++) {
		free(tu->files[i].real);
		free(tu->files[i].rel);
	}
	free(tu->files);
	tu->files = NULL;
	tu->capfiles = tu->nfiles = 0;
}

/* Expansion file of a location, or NULL. */
static CXFile expansion_file(CXSourceLocation l, unsigned *line, unsigned *col, unsigned *off)
{
	CXFile f = NULL;
	clang_getExpansionLocation(l, &f, line, col, off);
	return f;
}

/* ---- locations ---- */

/*
 * Resolve the cursor to a location in a project file: the file location of its extent start (where a macro
 * argument was written, or the expansion site of a macro body), else the expansion location. Fills loc
 * (path malloc'd) and returns 1; 0 when neither is in a project file (or on OOM).
 */
static int cursor_location(cvet_tu *tu, CXCursor c, cvet_location *loc)
{
	CXSourceRange r = clang_getCursorExtent(c);
	CXSourceLocation start = clang_getRangeStart(r), end = clang_getRangeEnd(r);
	CXFile f = NULL, ef = NULL;
	unsigned line = 0, col = 0, eline = 0, ecol = 0;
	file_entry *e;
	int by_expansion = 0;

	if (clang_Range_isNull(r))
		start = end = clang_getCursorLocation(c);
	clang_getFileLocation(start, &f, &line, &col, NULL);
	e = file_get(tu, f);
	if (!e || !e->project) {
		f = expansion_file(start, &line, &col, NULL);
		e = file_get(tu, f);
		by_expansion = 1;
		if (!e || !e->project)
			return 0;
	}
	memset(loc, 0, sizeof(*loc));
	loc->path = dup_str(e->rel);
	if (!loc->path) {
		tu->oom = 1;
		return 0;
	}
	loc->line = line;
	loc->column = col;
	if (by_expansion)
		clang_getExpansionLocation(end, &ef, &eline, &ecol, NULL);
	else
		clang_getFileLocation(end, &ef, &eline, &ecol, NULL);
	if (ef && clang_File_isEqual(ef, f) && (eline > line || (eline == line && ecol >= col))) {
		loc->end_line = eline;
		loc->end_column = ecol;
	}
	return 1;
}

const char *cvet_tu_where(cvet_tu *tu, CXCursor c, unsigned *line, unsigned *column, int *in_macro)
{
	CXSourceLocation at = clang_getCursorLocation(c);
	CXSourceRange r = clang_getCursorExtent(c);
	CXFile f = NULL;
	unsigned l = 0, col = 0;
	file_entry *e;
	if (!clang_Range_isNull(r))
		at = clang_getRangeStart(r);
	clang_getFileLocation(at, &f, &l, &col, NULL);
	e = file_get(tu, f);
	if (in_macro)
		*in_macro = 0;
	if (!e || !e->project) {
		f = expansion_file(at, &l, &col, NULL);
		e = file_get(tu, f);
		if (in_macro)
			*in_macro = 1;
		if (!e || !e->project)
			return NULL;
	}
	*line = l;
	*column = col;
	return e->rel;
}

int cvet_tu_in_project(cvet_tu *tu, CXCursor c)
{
	file_entry *e;
	if (!tu || cx_is_null(c))
		return 0;
	e = file_get(tu, expansion_file(clang_getCursorLocation(c), NULL, NULL, NULL));
	return e && e->project;
}

CXTranslationUnit cvet_tu_cx(cvet_tu *tu)
{
	return tu ? tu->cx : NULL;
}

/* ---- function names ---- */

static int is_function_kind(enum CXCursorKind k)
{
	return k == CXCursor_FunctionDecl || k == CXCursor_CXXMethod || k == CXCursor_Constructor ||
	       k == CXCursor_Destructor || k == CXCursor_FunctionTemplate || k == CXCursor_ConversionFunction;
}

/* malloc'd name of a function definition: "name", or "Class::name" for members; NULL on OOM. */
static char *function_name_of(CXCursor fn)
{
	char *name = cx_spelling(fn), *cls, *out;
	CXCursor p;
	size_t a, b;
	if (!name || fn.kind == CXCursor_FunctionDecl)
		return name;
	p = clang_getCursorSemanticParent(fn);
	if (p.kind != CXCursor_ClassDecl && p.kind != CXCursor_StructDecl && p.kind != CXCursor_ClassTemplate &&
	    p.kind != CXCursor_UnionDecl && p.kind != CXCursor_ClassTemplatePartialSpecialization)
		return name;
	cls = cx_spelling(p);
	if (!cls || !*cls || cls[0] == '(') { /* "(lambda at f.cpp:3:5)", "(anonymous struct at ...)": no lines */
		free(cls);
		return name;
	}
	a = strlen(cls);
	b = strlen(name);
	out = malloc(a + b + 3);
	if (out) {
		memcpy(out, cls, a);
		memcpy(out + a, "::", 2);
		memcpy(out + a + 2, name, b + 1);
	}
	free(cls);
	free(name);
	return out;
}

/* 1 for the operator() of a lambda's closure class: the enclosing named function owns its body. */
static int is_lambda_call_operator(CXCursor fn)
{
	CXCursor p;
	char *cls;
	int lambda;
	if (fn.kind != CXCursor_CXXMethod)
		return 0;
	p = clang_getCursorSemanticParent(fn);
	cls = cx_spelling(p);
	lambda = cls && strncmp(cls, "(lambda", 7) == 0;
	free(cls);
	return lambda;
}

/* malloc'd name of the function definition enclosing c (by semantic parents), or NULL. */
static char *enclosing_function(cvet_tu *tu, CXCursor c)
{
	CXCursor p = c;
	for (int i = 0; i < 64 && !cx_is_null(p) && p.kind != CXCursor_TranslationUnit; i++) {
		if (is_function_kind(p.kind) && clang_isCursorDefinition(p) && !is_lambda_call_operator(p))
			return function_name_of(p);
		p = clang_getCursorSemanticParent(p);
	}
	return tu->function_name ? dup_str(tu->function_name) : NULL;
}

/* ---- reporting ---- */

static int check_enabled(const cvet_tu *tu, const cvet_check *check)
{
	for (size_t i = 0; i < tu->nchecks; i++)
		if (tu->checks[i] == check)
			return 1;
	return 0;
}

/* Create a finding with rule metadata and an owned message; not yet added. NULL on OOM. */
static cvet_finding *finding_for(const cvet_rule *rule, char *message)
{
	cvet_finding *f;
	if (!message)
		return NULL;
	f = cvet_finding_new();
	if (!f) {
		free(message);
		return NULL;
	}
	f->rule_id = dup_str(rule->id);
	f->kind = CVET_KIND_CODE;
	f->severity = rule->severity;
	for (int i = 0; i < CVET_MAX_CWE; i++)
		f->cwe[i] = rule->cwe[i];
	f->message = message;
	if (!f->rule_id) {
		cvet_finding_free(f);
		return NULL;
	}
	return f;
}

/* Add f to the report; returns f (owned by the report) or NULL (freed) on OOM. */
static cvet_finding *add_finding(cvet_tu *tu, cvet_finding *f)
{
	if (!f) {
		tu->oom = 1;
		return NULL;
	}
	if (cvet_report_add(tu->out, f) < 0) {
		tu->oom = 1;
		return NULL;
	}
	return f;
}

cvet_finding *cvet_tu_report(cvet_tu *tu, const cvet_check *check, CXCursor at, const char *fmt, ...)
{
	cvet_location loc;
	cvet_finding *f;
	va_list ap;
	char *msg, *snippet;
	if (!tu || !check || !fmt || !check_enabled(tu, check) || cx_is_null(at))
		return NULL;
	if (!cursor_location(tu, at, &loc))
		return NULL;
	va_start(ap, fmt);
	msg = vformat_line(MAX_MESSAGE_BYTES, fmt, ap);
	va_end(ap);
	f = finding_for(&check->rule, msg);
	if (!f) {
		cvet_location_clear(&loc);
		tu->oom = 1;
		return NULL;
	}
	f->loc = loc;
	f->function = enclosing_function(tu, at);
	snippet = cx_text(tu, at);
	if (snippet)
		cut_utf8(snippet, MAX_SNIPPET_BYTES);
	f->snippet = snippet;
	return add_finding(tu, f);
}

cvet_finding *cvet_tu_report_at(cvet_tu *tu, const cvet_check *check, const char *path, unsigned line,
				unsigned column, const char *snippet, const char *fmt, ...)
{
	cvet_finding *f;
	va_list ap;
	char *msg;
	if (!tu || !check || !path || !fmt || !check_enabled(tu, check))
		return NULL;
	va_start(ap, fmt);
	msg = vformat_line(MAX_MESSAGE_BYTES, fmt, ap);
	va_end(ap);
	f = finding_for(&check->rule, msg);
	if (!f) {
		tu->oom = 1;
		return NULL;
	}
	f->loc.path = dup_str(path);
	f->loc.line = line;
	f->loc.column = column;
	if (snippet) {
		f->snippet = dup_str(snippet);
		if (f->snippet)
			cut_utf8(f->snippet, MAX_SNIPPET_BYTES);
	}
	if (!f->loc.path) {
		cvet_finding_free(f);
		f = NULL;
	}
	return add_finding(tu, f);
}

int cvet_tu_add_step(cvet_tu *tu, cvet_finding *f, CXCursor at, const char *fmt, ...)
{
	cvet_location loc;
	cvet_location *steps;
	va_list ap;
	if (!tu || !f || !fmt || f->nsteps >= MAX_STEPS)
		return 0;
	if (!cursor_location(tu, at, &loc))
		return tu->oom ? CVET_ENOMEM : 0;
	va_start(ap, fmt);
	loc.message = vformat_line(MAX_MESSAGE_BYTES, fmt, ap);
	va_end(ap);
	steps = loc.message ? reallocarray(f->steps, f->nsteps + 1, sizeof(*steps)) : NULL;
	if (!steps) {
		cvet_location_clear(&loc);
		tu->oom = 1;
		return CVET_ENOMEM;
	}
	f->steps = steps;
	f->steps[f->nsteps++] = loc;
	return 0;
}

void cvet_tu_add_endpoint(cvet_tu *tu, CXCursor at, const char *api, const char *address, int port)
{
	cvet_endpoint *e;
	if (!tu || !api)
		return;
	e = calloc(1, sizeof(*e));
	if (!e) {
		tu->oom = 1;
		return;
	}
	if (!cursor_location(tu, at, &e->loc)) {
		free(e);
		return;
	}
	e->api = dup_str(api);
	e->address = address ? dup_str(address) : NULL;
	e->port = port;
	e->function = enclosing_function(tu, at);
	if (!e->api || (address && !e->address)) {
		cvet_endpoint_free(e);
		tu->oom = 1;
		return;
	}
	if (cvet_report_add_endpoint(tu->out, e) < 0)
		tu->oom = 1;
}

/* The built-in parse-error note at path:line:column (path report-relative). Returns 0 or CVET_ENOMEM. */
static int parse_note(cvet_tu *tu, const char *path, unsigned line, unsigned column, char *message)
{
	static const cvet_rule parse_rule = {CVET_RULE_PARSE_ERROR, "", CVET_SEV_NOTE, {0}, CVET_PRECISION_VERY_HIGH};
	const cvet_rule *rule = cvet_rules_find(CVET_RULE_PARSE_ERROR);
	cvet_finding *f = finding_for(rule ? rule : &parse_rule, message);
	if (!f)
		return CVET_ENOMEM;
	f->loc.path = dup_str(path);
	f->loc.line = line;
	f->loc.column = column;
	if (!f->loc.path) {
		cvet_finding_free(f);
		return CVET_ENOMEM;
	}
	return cvet_report_add(tu->out, f) < 0 ? CVET_ENOMEM : 0;
}

/* ---- dispatch tables ---- */

/* Build the per-TU dispatch tables for `checks`; allocates zeroed states. 0 or CVET_ENOMEM. */
static int setup_checks(cvet_tu *tu, const cvet_check *const *checks, size_t n)
{
	size_t total = 0, *fill;
	tu->checks = calloc(n ? n : 1, sizeof(*tu->checks));
	tu->states = calloc(n ? n : 1, sizeof(*tu->states));
	tu->call_list = calloc(n ? n : 1, sizeof(size_t));
	tu->fn_list = calloc(n ? n : 1, sizeof(size_t));
	tu->kind_start = calloc(KIND_TABLE_SIZE + 1, sizeof(size_t));
	if (!tu->checks || !tu->states || !tu->call_list || !tu->fn_list || !tu->kind_start)
		return CVET_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		const cvet_check *c = checks[i];
		if (!c)
			continue;
		tu->states[tu->nchecks] = calloc(1, c->state_size ? c->state_size : 1);
		if (!tu->states[tu->nchecks])
			return CVET_ENOMEM;
		tu->checks[tu->nchecks] = c;
		if (c->on_call)
			tu->call_list[tu->ncall++] = tu->nchecks;
		if (c->on_function_begin || c->on_function_end)
			tu->fn_list[tu->nfn++] = tu->nchecks;
		if (c->kinds && c->on_cursor)
			for (const enum CXCursorKind *k = c->kinds; *k; k++)
				if ((unsigned)*k < KIND_TABLE_SIZE) {
					tu->kind_start[*k + 1]++;
					total++;
				}
		tu->nchecks++;
	}
	for (size_t k = 1; k <= KIND_TABLE_SIZE; k++)
		tu->kind_start[k] += tu->kind_start[k - 1];
	tu->kind_list = calloc(total ? total : 1, sizeof(size_t));
	fill = calloc(KIND_TABLE_SIZE, sizeof(size_t));
	if (!tu->kind_list || !fill) {
		free(fill);
		return CVET_ENOMEM;
	}
	for (size_t i = 0; i < tu->nchecks; i++) {
		const cvet_check *c = tu->checks[i];
		if (c->kinds && c->on_cursor)
			for (const enum CXCursorKind *k = c->kinds; *k; k++)
				if ((unsigned)*k < KIND_TABLE_SIZE)
					tu->kind_list[tu->kind_start[*k] + fill[*k]++] = i;
	}
	free(fill);
	return 0;
}

static void teardown_checks(cvet_tu *tu)
{
	for (size_t i = 0; i < tu->nchecks; i++) {
		if (tu->checks[i]->cleanup && tu->states[i])
			tu->checks[i]->cleanup(tu->states[i]);
		free(tu->states[i]);
	}
	free(tu->checks);
	free(tu->states);
	free(tu->call_list);
	free(tu->fn_list);
	free(tu->kind_start);
	free(tu->kind_list);
}

/* ---- call folding ---- */

static int is_callee_kind(enum CXCursorKind k)
{
	return k == CXCursor_FunctionDecl || k == CXCursor_CXXMethod || k == CXCursor_FunctionTemplate ||
	       k == CXCursor_ConversionFunction;
}

static int is_identifier(const char *s)
{
	if (!s || !*s || (*s >= '0' && *s <= '9'))
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') || *s == '_'))
			return 0;
	return 1;
}

/* Dispatch on_call for a CallExpr whose callee has a name (direct call, method call, unresolved call). */
static void dispatch_call(cvet_tu *tu, cvet_event *ev)
{
	CXCursor callee = clang_getCursorReferenced(ev->cursor), argv_small[16], *argv = argv_small;
	cvet_call call;
	CXString spelled; /* the name is lent by libclang (no copy per call); disposed below */
	const char *name;
	int n;
	if (!tu->ncall)
		return;
	if (!cx_is_null(callee) && is_callee_kind(callee.kind)) {
		spelled = clang_getCursorSpelling(callee);
	} else if (cx_is_null(callee) || callee.kind == CXCursor_OverloadedDeclRef) {
		/* unresolved (dependent) call: take the written name, if it is one */
		spelled = clang_getCursorSpelling(ev->cursor);
		callee = clang_getNullCursor();
	} else {
		return; /* a call through a variable, field or constructor: no function name */
	}
	name = clang_getCString(spelled);
	if (!name || !is_identifier(name)) {
		clang_disposeString(spelled);
		return;
	}
	n = clang_Cursor_getNumArguments(ev->cursor);
	if (n < 0)
		n = 0;
	if ((size_t)n > sizeof(argv_small) / sizeof(argv_small[0])) {
		argv = malloc((size_t)n * sizeof(*argv));
		if (!argv) {
			clang_disposeString(spelled);
			tu->oom = 1;
			return;
		}
	}
	for (int i = 0; i < n; i++)
		argv[i] = clang_Cursor_getArgument(ev->cursor, (unsigned)i);
	call.name = name;
	call.expr = ev->cursor;
	call.callee = callee;
	call.nargs = (unsigned)n;
	call.args = argv;
	ev->call = &call;
	for (size_t i = 0; i < tu->ncall; i++) {
		size_t ci = tu->call_list[i];
		tu->checks[ci]->on_call(tu, tu->states[ci], ev);
	}
	ev->call = NULL;
	if (argv != argv_small)
		free(argv);
	clang_disposeString(spelled);
}

/* ---- the walk ---- */

static enum CXChildVisitResult collect_kid(CXCursor c, CXCursor parent, CXClientData data)
{
	frame *fr = data;
	(void)parent;
	if (fr->nkids == fr->capkids) {
		size_t ncap = fr->capkids ? fr->capkids * 2 : 8;
		CXCursor *k = realloc(fr->kids, ncap * sizeof(*k));
		if (!k) {
			fr->capkids = SIZE_MAX; /* marks OOM for the caller */
			return CXChildVisit_Break;
		}
		fr->kids = k;
		fr->capkids = ncap;
	}
	fr->kids[fr->nkids++] = c;
	return CXChildVisit_Continue;
}

/*
 * 1 when the walk should enter c. Declarations (and everything at the top level) are entered when their
 * expansion location is in a project file; statements and expressions inherit their parent's decision.
 * (Their location would cost O(depth): clang finds a binary operator's start through its left operand.)
 */
static int walkable(cvet_tu *tu, CXCursor c, int top_level)
{
	CXFile f;
	file_entry *e;
	if (!top_level && (clang_isStatement(c.kind) || clang_isExpression(c.kind)))
		return 1;
	f = expansion_file(clang_getCursorLocation(c), NULL, NULL, NULL);
	if (!f)
		return !top_level;
	e = file_get(tu, f);
	return e && e->project;
}

/* 1 for expression kinds that never have operands (no children in libclang). */
static int is_literal_leaf(enum CXCursorKind k)
{
	switch (k) {
	case CXCursor_IntegerLiteral:
	case CXCursor_FloatingLiteral:
	case CXCursor_CharacterLiteral:
	case CXCursor_StringLiteral:
	case CXCursor_CXXBoolLiteralExpr:
	case CXCursor_CXXNullPtrLiteralExpr:
	case CXCursor_CXXThisExpr:
	case CXCursor_GNUNullExpr:
		return 1;
	default:
		return 0;
	}
}

/* 1 when an expression of kind k needs no spine measurement (the common leaves). */
static int spine_leaf(enum CXCursorKind k)
{
	return k == CXCursor_DeclRefExpr || is_literal_leaf(k);
}

/*
 * 1 when the left spine (first operands) that starts with `first` - the first child of an expression, already
 * collected by the walk - is MAX_EXPR_SPINE operands long or more, e.g. "1+1+...+1" from generated code or
 * a macro bomb. Checks asking for the start of such an expression pay for its whole depth, so it is skipped.
 * Costs O(min(spine, limit)) constant-time child lookups.
 */
static int spine_too_deep_from(CXCursor first)
{
	CXCursor c = first;
	if (cx_is_null(c) || !clang_isExpression(c.kind))
		return 0;
	for (unsigned d = 1; d < MAX_EXPR_SPINE; d++) {
		if (is_literal_leaf(c.kind))
			return 0; /* no operands: the next step would find none */
		c = cx_child(c, 0);
		if (cx_is_null(c) || !clang_isExpression(c.kind))
			return 0;
	}
	return 1;
}

static void fn_event(cvet_tu *tu, CXCursor c, CXCursor parent, unsigned depth, int end)
{
	cvet_event ev;
	memset(&ev, 0, sizeof(ev));
	ev.cursor = c;
	ev.kind = c.kind;
	ev.parent = parent;
	ev.function = tu->function;
	ev.function_name = tu->function_name;
	ev.depth = depth;
	for (size_t i = 0; i < tu->nfn; i++) {
		size_t ci = tu->fn_list[i];
		if (end && tu->checks[ci]->on_function_end)
			tu->checks[ci]->on_function_end(tu, tu->states[ci], &ev);
		else if (!end && tu->checks[ci]->on_function_begin)
			tu->checks[ci]->on_function_begin(tu, tu->states[ci], &ev);
	}
}

/* Hand one entered cursor to the checks wanting its kind, and to on_call for calls. */
static void dispatch(cvet_tu *tu, CXCursor c, CXCursor parent, unsigned depth)
{
	cvet_event ev;
	unsigned k = (unsigned)c.kind;
	memset(&ev, 0, sizeof(ev));
	ev.cursor = c;
	ev.kind = c.kind;
	ev.parent = parent;
	ev.function = tu->function;
	ev.function_name = tu->function_name;
	ev.depth = depth;
	if (k < KIND_TABLE_SIZE)
		for (size_t i = tu->kind_start[k]; i < tu->kind_start[k + 1]; i++) {
			size_t ci = tu->kind_list[i];
			tu->checks[ci]->on_cursor(tu, tu->states[ci], &ev);
		}
	if (c.kind == CXCursor_CallExpr)
		dispatch_call(tu, &ev);
}

/* Note a too-deep subtree once per TU. */
static void depth_note(cvet_tu *tu, CXCursor c, const char *what, unsigned limit)
{
	cvet_location loc;
	if (tu->depth_noted)
		return;
	tu->depth_noted = 1;
	if (!cursor_location(tu, c, &loc))
		return;
	if (parse_note(tu, loc.path, loc.line, loc.column,
		       format_line(MAX_MESSAGE_BYTES, "%s in '%s' nests deeper than %u levels; the deeper parts were not analysed",
				   what, loc.path, limit)) < 0)
		tu->oom = 1;
	cvet_location_clear(&loc);
}

/*
 * Walk the TU with an explicit stack (no native recursion, so hostile nesting cannot exhaust the C stack):
 * each frame holds the direct children of an entered cursor. Returns 0 or CVET_ENOMEM.
 */
static int walk(cvet_tu *tu)
{
	frame *st = calloc(MAX_WALK_DEPTH + 1, sizeof(*st));
	size_t top = 0;
	int rc = 0, collected;
	if (!st)
		return CVET_ENOMEM;
	st[0].cursor = clang_getTranslationUnitCursor(tu->cx);
	clang_visitChildren(st[0].cursor, collect_kid, &st[0]);
	if (st[0].capkids == SIZE_MAX) {
		rc = CVET_ENOMEM;
		goto done;
	}
	for (;;) {
		frame *fr = &st[top];
		CXCursor c;
		if (tu->oom) {
			rc = CVET_ENOMEM;
			goto done;
		}
		if (fr->next >= fr->nkids) {
			/* leave this cursor */
			if (fr->is_function) {
				fn_event(tu, fr->cursor, top ? st[top - 1].cursor : fr->cursor, (unsigned)top, 1);
				tu->function = fr->prev_fn;
				tu->function_name = fr->prev_fn_name;
				free(fr->fn_name);
				fr->fn_name = NULL;
				fr->is_function = 0;
			}
			if (top == 0)
				break;
			top--;
			continue;
		}
		c = fr->kids[fr->next++];
		if (!walkable(tu, c, top == 0))
			continue;
		if (top + 1 > MAX_WALK_DEPTH) {
			depth_note(tu, c, "code", MAX_WALK_DEPTH);
			continue;
		}
		/* each left spine is measured once, from its top: an expression that is not a first operand. Its
		 * children are collected first, for the walk and as the spine's first step. */
		collected = 0;
		if (clang_isExpression(c.kind) && !(fr->next == 1 && clang_isExpression(fr->cursor.kind)) &&
		    !spine_leaf(c.kind)) {
			frame *nf = &st[top + 1];
			nf->nkids = nf->next = 0;
			clang_visitChildren(c, collect_kid, nf);
			if (nf->capkids == SIZE_MAX) {
				rc = CVET_ENOMEM;
				goto done;
			}
			collected = 1;
			if (spine_too_deep_from(nf->nkids ? nf->kids[0] : clang_getNullCursor())) {
				depth_note(tu, c, "an expression", MAX_EXPR_SPINE);
				continue;
			}
		}
		/* enter c */
		{
			frame *nf = &st[top + 1];
			int is_fn = is_function_kind(c.kind) && clang_isCursorDefinition(c);
			nf->cursor = c;
			if (!collected)
				nf->nkids = nf->next = 0;
			nf->is_function = 0;
			if (is_fn) {
				char *name = function_name_of(c);
				if (!name) {
					rc = CVET_ENOMEM;
					goto done;
				}
				nf->is_function = 1;
				nf->fn_name = name;
				nf->prev_fn = tu->function;
				nf->prev_fn_name = tu->function_name;
				tu->function = c;
				tu->function_name = name;
				fn_event(tu, c, fr->cursor, (unsigned)top + 1, 0);
				if (tu->flow_on)
					cvet_flow__lower_function(&tu->flow, c, name);
			}
			dispatch(tu, c, fr->cursor, (unsigned)top + 1);
			if (tu->flow_on && c.kind == CXCursor_VarDecl && cx_is_null(tu->function))
				cvet_flow__global(&tu->flow, c);
			if (!collected) {
				clang_visitChildren(c, collect_kid, nf);
				if (nf->capkids == SIZE_MAX) {
					rc = CVET_ENOMEM;
					goto done;
				}
			}
			top++;
		}
	}
done:
	for (size_t i = 0; i <= MAX_WALK_DEPTH; i++) {
		free(st[i].kids);
		free(st[i].fn_name);
	}
	free(st);
	tu->function = clang_getNullCursor();
	tu->function_name = NULL;
	return rc;
}

/* ---- files touched by the TU ---- */

struct incl_ctx {
	cvet_tu *tu;
	CXFile *files;
	size_t n, cap;
};

static void inclusion_visit(CXFile f, CXSourceLocation *stack, unsigned len, CXClientData data)
{
	struct incl_ctx *ctx = data;
	(void)stack;
	(void)len;
	if (!f || ctx->tu->oom)
		return;
	if (ctx->n == ctx->cap) {
		size_t ncap = ctx->cap ? ctx->cap * 2 : 32;
		CXFile *p = realloc(ctx->files, ncap * sizeof(*p));
		if (!p) {
			ctx->tu->oom = 1;
			return;
		}
		ctx->files = p;
		ctx->cap = ncap;
	}
	ctx->files[ctx->n++] = f;
}

/* Call on_file for each check and opts->on_project_file for every project file the TU touched, once each. */
static void visit_files(cvet_tu *tu)
{
	struct incl_ctx ctx = {tu, NULL, 0, 0};
	int want_text = 0;
	CXFile *seen;
	size_t nseen = 0;
	for (size_t i = 0; i < tu->nchecks; i++)
		if (tu->checks[i]->on_file)
			want_text = 1;
	clang_getInclusions(tu->cx, inclusion_visit, &ctx);
	seen = calloc(ctx.n ? ctx.n : 1, sizeof(*seen));
	if (!seen) {
		tu->oom = 1;
		free(ctx.files);
		return;
	}
	for (size_t i = 0; i < ctx.n && !tu->oom; i++) {
		file_entry *e = file_get(tu, ctx.files[i]);
		int dup = 0;
		if (!e || !e->project || e->announced) /* inclusions list a file once per #include */
			continue;
		e->announced = 1;
		/* the same file reached under another name has another CXFile: compare with those announced */
		for (size_t j = 0; j < nseen && !dup; j++)
			dup = clang_File_isEqual(seen[j], ctx.files[i]);
		if (dup)
			continue;
		seen[nseen++] = ctx.files[i];
		if (tu->opts && tu->opts->on_project_file)
			tu->opts->on_project_file(tu->opts->ud, e->rel);
		if (want_text) {
			size_t len = 0;
			const char *text = cvet_walker__file_text(tu, ctx.files[i], &len);
			if (!text)
				continue;
			for (size_t k = 0; k < tu->nchecks; k++)
				if (tu->checks[k]->on_file)
					tu->checks[k]->on_file(tu, tu->states[k], e->rel, text, len);
		}
	}
	free(seen);
	free(ctx.files);
}

/* ---- parse errors ---- */

/*
 * 1 when an error is a warning the build promoted (-Werror, -Werror=foo) or one of clang's warnings that are
 * errors by default (implicit function declarations): the AST is complete, so it is not a parse problem.
 */
static int is_promoted_warning(CXDiagnostic d)
{
	char *opt = cx_str(clang_getDiagnosticOption(d, NULL));
	int promoted = opt && strncmp(opt, "-W", 2) == 0;
	free(opt);
	return promoted;
}

/* Turn error diagnostics in project files into one parse-error note. 0 or CVET_ENOMEM. */
static int report_diagnostics(cvet_tu *tu)
{
	unsigned n = clang_getNumDiagnostics(tu->cx), errors = 0;
	char *first = NULL, *first_path = NULL;
	unsigned line = 0, col = 0;
	int rc = 0;
	for (unsigned i = 0; i < n; i++) {
		CXDiagnostic d = clang_getDiagnostic(tu->cx, i);
		enum CXDiagnosticSeverity sev = clang_getDiagnosticSeverity(d);
		if ((sev == CXDiagnostic_Error || sev == CXDiagnostic_Fatal) && !is_promoted_warning(d)) {
			CXSourceLocation l = clang_getDiagnosticLocation(d);
			CXFile f = NULL;
			unsigned dl = 0, dc = 0;
			file_entry *e;
			clang_getFileLocation(l, &f, &dl, &dc, NULL);
			e = file_get(tu, f);
			if (e && e->project) {
				errors++;
				if (!first) {
					first = cx_str(clang_getDiagnosticSpelling(d));
					first_path = dup_str(e->rel);
					line = dl;
					col = dc;
				}
			}
		}
		clang_disposeDiagnostic(d);
	}
	if (errors && first && first_path) {
		rc = parse_note(tu, first_path, line, col,
				format_line(MAX_MESSAGE_BYTES,
					    "could not parse '%s' completely: %s (%u error%s); findings in this file may "
					    "be incomplete",
					    tu->main_rel, first, errors, errors == 1 ? "" : "s"));
	} else if (errors) {
		rc = CVET_ENOMEM;
	}
	free(first);
	free(first_path);
	return rc;
}

/* ---- parsing ---- */

static int has_suffix(const char *s, const char *suf)
{
	size_t a = strlen(s), b = strlen(suf);
	return a >= b && strcmp(s + a - b, suf) == 0;
}

static int is_cxx_path(const char *p)
{
	static const char *const ext[] = {".cc", ".cpp", ".cxx", ".c++", ".C", ".hpp", ".hh", ".hxx", ".ipp", ".tcc"};
	for (size_t i = 0; i < sizeof(ext) / sizeof(ext[0]); i++)
		if (has_suffix(p, ext[i]))
			return 1;
	return 0;
}

static const char *clang_error_name(enum CXErrorCode e)
{
	switch (e) {
	case CXError_Failure: return "libclang failed (are the compile flags right for this file?)";
	case CXError_Crashed: return "libclang crashed on it";
	case CXError_InvalidArguments: return "libclang rejected the arguments";
	case CXError_ASTReadError: return "libclang built no syntax tree (are the compile flags right for this file?)";
	default: return "libclang failed";
	}
}

/*
 * Tell opts->on_project_file about a main file that was not walked (too large, or libclang failed), when it
 * is a regular file under a root: its note can then be suppressed in the file like any finding.
 */
static void main_touched(cvet_tu *tu, const char *real)
{
	const cvet_walk_options *o = tu->opts;
	if (!o || !o->on_project_file || !real)
		return;
	for (size_t i = 0; i < o->nroots; i++)
		if (cvet_util__path_under(real, o->roots[i])) {
			o->on_project_file(o->ud, tu->main_rel);
			return;
		}
}

static int walk_main(CXIndex index, const char *file, const char *const *args, int nargs, const char *directory,
		     const cvet_walk_options *opts, const cvet_check *const *checks, size_t nchecks, cvet_report *out)
{
	cvet_tu tu;
	const char **argv = NULL;
	char *abs = NULL, *real = NULL;
	int argc = 0, rc = 0, has_x = 0, has_rd = 0;
	struct stat sb;
	enum CXErrorCode err;
	unsigned flags = CXTranslationUnit_KeepGoing | CXTranslationUnit_IgnoreNonErrorsFromIncludedFiles;

	if (!file || !out)
		return cvet_error_setc(CVET_EUSAGE, "walker: no file or report");
	if (nargs < 0 || (nargs > 0 && !args))
		nargs = 0;
	memset(&tu, 0, sizeof(tu));
	tu.opts = opts;
	tu.out = out;
	tu.function = clang_getNullCursor();
	if (directory && *directory && !(tu.directory = dup_str(directory)))
		goto oom;

	abs = join_path(directory, file);
	if (!abs)
		goto oom;
	real = realpath(abs, NULL);
	tu.main_rel = report_path(opts, real ? real : abs);
	if (!tu.main_rel)
		goto oom;

	if (stat(real ? real : abs, &sb) != 0) {
		int e = errno;
		rc = parse_note(&tu, tu.main_rel, 1, 1,
				format_line(MAX_MESSAGE_BYTES, "could not parse '%s': cannot read it (%s)", tu.main_rel,
					    strerror(e)));
		goto done;
	}
	if (!S_ISREG(sb.st_mode)) {
		/* a FIFO or device would block or never end inside libclang */
		rc = parse_note(&tu, tu.main_rel, 1, 1,
				format_line(MAX_MESSAGE_BYTES, "could not parse '%s': not a regular file; skipped",
					    tu.main_rel));
		goto done;
	}
	if ((uintmax_t)sb.st_size > MAX_MAIN_FILE_BYTES) {
		main_touched(&tu, real);
		rc = parse_note(&tu, tu.main_rel, 1, 1,
				format_line(MAX_MESSAGE_BYTES,
					    "could not parse '%s': the file is larger than %u MiB and was skipped",
					    tu.main_rel, MAX_MAIN_FILE_BYTES / (1024u * 1024u)));
		goto done;
	}

	argv = calloc((size_t)nargs + 8, sizeof(*argv));
	if (!argv)
		goto oom;
	for (int i = 0; i < nargs; i++) {
		const char *a = args[i];
		if (!a)
			continue;
		if (strncmp(a, "-x", 2) == 0)
			has_x = 1;
		if (strcmp(a, "-resource-dir") == 0 || strncmp(a, "-resource-dir=", 14) == 0)
			has_rd = 1;
	}
	if (!has_rd && strlen(resource_dir) > 0) { /* empty when CMake could not ask clang for it */
		argv[argc++] = "-resource-dir";
		argv[argc++] = resource_dir;
	}
	if (tu.directory) {
		argv[argc++] = "-working-directory";
		argv[argc++] = tu.directory;
	}
	if (!has_x && is_cxx_path(file)) {
		argv[argc++] = "-x";
		argv[argc++] = "c++";
	}
	for (int i = 0; i < nargs; i++)
		if (args[i])
			argv[argc++] = args[i];

	err = clang_parseTranslationUnit2(index, abs, argv, argc, NULL, 0, flags, &tu.cx);
	if (err != CXError_Success || !tu.cx) {
		main_touched(&tu, real);
		rc = parse_note(&tu, tu.main_rel, 1, 1,
				format_line(MAX_MESSAGE_BYTES,
					    "could not parse '%s': %s; no findings for this file", tu.main_rel,
					    clang_error_name(err)));
		goto done;
	}

	cx_cache_begin(tu.cx); /* cx_child may keep children of this TU's cursors until cx_cache_end */
	rc = report_diagnostics(&tu);
	if (rc < 0)
		goto done;
	if ((rc = setup_checks(&tu, checks, nchecks)) < 0)
		goto done;
	for (size_t i = 0; i < tu.nchecks; i++)
		if (tu.checks[i]->on_tu_begin)
			tu.checks[i]->on_tu_begin(&tu, tu.states[i]);
	visit_files(&tu);
	if (opts && opts->flow) {
		cvet_flow__tu_init(&tu.flow, opts->flow, &tu);
		tu.flow_on = 1;
	}
	rc = walk(&tu);
	for (size_t i = 0; i < tu.nchecks; i++)
		if (tu.checks[i]->on_tu_end)
			tu.checks[i]->on_tu_end(&tu, tu.states[i]);
	if (tu.oom)
		rc = CVET_ENOMEM;
	goto done;

oom:
	rc = CVET_ENOMEM;
done:
	if (tu.flow_on) {
		if (rc == 0 && !tu.oom)
			rc = cvet_flow__tu_finish(&tu.flow);
		else
			cvet_flow__tu_discard(&tu.flow);
	}
	teardown_checks(&tu);
	files_free(&tu);
	cx_cache_end();
	if (tu.cx)
		clang_disposeTranslationUnit(tu.cx);
	free(argv);
	free(abs);
	free(real);
	free(tu.main_rel);
	free(tu.directory);
	if (rc == CVET_ENOMEM)
		return cvet_error_setc(CVET_ENOMEM, "out of memory while analysing '%s'", file);
	return rc < 0 ? rc : 0;
}

/*
 * libclang parses on a helper thread with an 8 MiB stack of its own, and clang's parser and semantic
 * checks recurse once per nesting level: a 70,000-term expression (or a macro that expands to one)
 * overflows it and kills the process, since a stack overflow cannot be recovered from. So the walker
 * asks libclang to parse on the calling thread (LIBCLANG_NOTHREADS, read by libclang at each parse)
 * and runs each translation unit on a thread of its own with a large stack. The stack is only
 * reserved address space: pages are committed as they are touched and released at thread exit.
 */
#define BIG_STACK_BYTES ((size_t)1 << 30)
#define SMALL_STACK_BYTES ((size_t)64 << 20)

static pthread_once_t nothreads_once = PTHREAD_ONCE_INIT;

static void set_nothreads(void)
{
	/* glibc copies the initial environment on the first setenv, so concurrent readers stay valid */
	if (!getenv("LIBCLANG_NOTHREADS"))
		setenv("LIBCLANG_NOTHREADS", "1", 0);
}

typedef struct walk_job {
	CXIndex index;
	const char *file;
	const char *const *args;
	int nargs;
	const char *directory;
	const cvet_walk_options *opts;
	const cvet_check *const *checks;
	size_t nchecks;
	cvet_report *out;
	int rc;
	char err[512]; /* the worker thread's error message, handed back to the caller's thread */
} walk_job;

static void *walk_thread(void *arg)
{
	walk_job *j = arg;
	j->rc = walk_main(j->index, j->file, j->args, j->nargs, j->directory, j->opts, j->checks, j->nchecks, j->out);
	if (j->rc < 0)
		snprintf(j->err, sizeof(j->err), "%s", cvet_error_last());
	return NULL;
}

/* Run the job on a big-stack thread (falling back to smaller stacks, then to this thread). */
static int run_job(walk_job *j)
{
	static const size_t sizes[] = {BIG_STACK_BYTES, SMALL_STACK_BYTES};
	pthread_once(&nothreads_once, set_nothreads);
	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		pthread_attr_t attr;
		pthread_t t;
		int ok;
		if (pthread_attr_init(&attr) != 0)
			break;
		ok = pthread_attr_setstacksize(&attr, sizes[i]) == 0 && pthread_create(&t, &attr, walk_thread, j) == 0;
		pthread_attr_destroy(&attr);
		if (!ok)
			continue;
		pthread_join(t, NULL);
		if (j->rc < 0)
			return cvet_error_setc(j->rc, "%s", j->err);
		return j->rc;
	}
	return walk_main(j->index, j->file, j->args, j->nargs, j->directory, j->opts, j->checks, j->nchecks, j->out);
}

int cvet__walk_file_with(CXIndex index, const char *file, const char *const *args, int nargs,
			 const char *directory, const cvet_walk_options *opts,
			 const struct cvet_check *const *checks, size_t nchecks, cvet_report *out)
{
	walk_job j = {index, file, args, nargs, directory, opts, checks, nchecks, out, 0, {0}};
	return run_job(&j);
}

int cvet__walk_file(CXIndex index, const char *file, const char *const *args, int nargs,
		    const char *directory, const cvet_walk_options *opts, cvet_report *out)
{
	size_t n = cvet__checks_count(), k = 0;
	const cvet_check **list = calloc(n ? n : 1, sizeof(*list));
	int rc;
	if (!list)
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	for (size_t i = 0; i < n; i++)
		if (!opts || !opts->enabled || opts->enabled[i])
			list[k++] = cvet__checks_at(i);
	rc = cvet__walk_file_with(index, file, args, nargs, directory, opts, list, k, out);
	free(list);
	return rc;
}
