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
#include "code/tu.h"
#include "code/tu_int.h"
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
#define KIND_TABLE_SIZE 1024u                    /* cursor kinds are small enums (< 1024) */

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

/* The built-in parse-error note at path:line:column (path report-relative). Returns 0 or CVET_ENOMEM. */
static int parse_note(cvet_tu *tu, const char *path, unsigned line, unsigned column, char *message)
{
	static const cvet_rule parse_rule = {CVET_RULE_PARSE_ERROR, "", CVET_SEV_NOTE, {0}, CVET_PRECISION_VERY_HIGH};
	const cvet_rule *rule = cvet_rules_find(CVET_RULE_PARSE_ERROR);
	cvet_finding *f = cvet_findings__new(rule ? rule : &parse_rule, message);
	if (!f)
		return CVET_ENOMEM;
	f->loc.path = cvet_tu__dup(path);
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
	f = cvet_tu__expansion_file(clang_getCursorLocation(c), NULL, NULL, NULL);
	if (!f)
		return !top_level;
	e = cvet_tu__file_get(tu, f);
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
	if (!cvet_tu__cursor_location(tu, c, &loc))
		return;
	if (parse_note(tu, loc.path, loc.line, loc.column,
		       cvet_tu__format_line(MAX_MESSAGE_BYTES, "%s in '%s' nests deeper than %u levels; the deeper parts were not analysed",
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
			int is_fn = cvet_findings__is_function_kind(c.kind) && clang_isCursorDefinition(c);
			nf->cursor = c;
			if (!collected)
				nf->nkids = nf->next = 0;
			nf->is_function = 0;
			if (is_fn) {
				char *name = cvet_findings__function_name(c);
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
					cvet_flow__lower_function(tu->flow, c, name);
			}
			dispatch(tu, c, fr->cursor, (unsigned)top + 1);
			if (tu->flow_on && c.kind == CXCursor_VarDecl && cx_is_null(tu->function))
				cvet_flow__global(tu->flow, c);
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
		file_entry *e = cvet_tu__file_get(tu, ctx.files[i]);
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
			const char *text = cvet_tu__file_text(tu, ctx.files[i], &len);
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
			e = cvet_tu__file_get(tu, f);
			if (e && e->project) {
				errors++;
				if (!first) {
					first = cx_str(clang_getDiagnosticSpelling(d));
					first_path = cvet_tu__dup(e->rel);
					line = dl;
					col = dc;
				}
			}
		}
		clang_disposeDiagnostic(d);
	}
	if (errors && first && first_path) {
		rc = parse_note(tu, first_path, line, col,
				cvet_tu__format_line(MAX_MESSAGE_BYTES,
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

/*
 * opts->on_included_file for every distinct file of the TU, with the bytes libclang parsed (NULL when libclang
 * cannot give them). First, a call with a NULL name when the TU had an error: a header that was not found
 * is in no inclusion list, so a result that depends on its absence must not be kept.
 */
static void visit_all_files(cvet_tu *tu)
{
	struct incl_ctx ctx = {tu, NULL, 0, 0};
	unsigned ndiag = clang_getNumDiagnostics(tu->cx);
	CXFile *seen;
	size_t nseen = 0;
	for (unsigned i = 0; i < ndiag; i++) {
		CXDiagnostic d = clang_getDiagnostic(tu->cx, i);
		enum CXDiagnosticSeverity sev = clang_getDiagnosticSeverity(d);
		int bad = (sev == CXDiagnostic_Error || sev == CXDiagnostic_Fatal) && !is_promoted_warning(d);
		clang_disposeDiagnostic(d);
		if (bad) {
			tu->opts->on_included_file(tu->opts->ud, NULL, NULL, 0);
			break;
		}
	}
	clang_getInclusions(tu->cx, inclusion_visit, &ctx);
	if (!(seen = calloc(ctx.n ? ctx.n : 1, sizeof(*seen)))) {
		tu->oom = 1;
		free(ctx.files);
		return;
	}
	for (size_t i = 0; i < ctx.n && !tu->oom; i++) {
		size_t len = 0;
		const char *text;
		char *name;
		int dup = 0;
		for (size_t j = 0; j < nseen && !dup; j++)
			dup = ctx.files[i] == seen[j];
		if (dup)
			continue;
		seen[nseen++] = ctx.files[i];
		if (!(name = cx_str(clang_getFileName(ctx.files[i]))))
			continue;
		text = clang_getFileContents(tu->cx, ctx.files[i], &len);
		tu->opts->on_included_file(tu->opts->ud, name, text, text ? len : 0);
		free(name);
	}
	free(seen);
	free(ctx.files);
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
	cvet_flow_tu flow_tu; /* the flow engine's builder for this TU (tu.flow points here when on) */
	const char **argv = NULL;
	char *abs = NULL, *real = NULL;
	int argc = 0, rc = 0, has_x = 0, has_rd = 0;
	struct stat sb;
	enum CXErrorCode err;
	unsigned flags = CXTranslationUnit_KeepGoing | CXTranslationUnit_IgnoreNonErrorsFromIncludedFiles;
	struct CXUnsavedFile unsaved;
	unsigned nunsaved = 0;

	if (!file || !out)
		return cvet_error_setc(CVET_EUSAGE, "walker: no file or report");
	if (nargs < 0 || (nargs > 0 && !args))
		nargs = 0;
	memset(&tu, 0, sizeof(tu));
	tu.opts = opts;
	tu.out = out;
	tu.function = clang_getNullCursor();
	if (directory && *directory && !(tu.directory = cvet_tu__dup(directory)))
		goto oom;

	abs = cvet_tu__join_path(directory, file);
	if (!abs)
		goto oom;
	real = realpath(abs, NULL);
	tu.main_rel = cvet_tu__report_path(opts, real ? real : abs);
	if (!tu.main_rel)
		goto oom;

	if (stat(real ? real : abs, &sb) != 0) {
		int e = errno;
		rc = parse_note(&tu, tu.main_rel, 1, 1,
				cvet_tu__format_line(MAX_MESSAGE_BYTES, "could not parse '%s': cannot read it (%s)", tu.main_rel,
					    strerror(e)));
		goto done;
	}
	if (!S_ISREG(sb.st_mode)) {
		/* a FIFO or device would block or never end inside libclang */
		rc = parse_note(&tu, tu.main_rel, 1, 1,
				cvet_tu__format_line(MAX_MESSAGE_BYTES, "could not parse '%s': not a regular file; skipped",
					    tu.main_rel));
		goto done;
	}
	if ((uintmax_t)sb.st_size > MAX_MAIN_FILE_BYTES) {
		main_touched(&tu, real);
		rc = parse_note(&tu, tu.main_rel, 1, 1,
				cvet_tu__format_line(MAX_MESSAGE_BYTES,
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

	if (opts && opts->unsaved_path && opts->unsaved_text && strcmp(opts->unsaved_path, real ? real : abs) == 0) {
		unsaved.Filename = abs;
		unsaved.Contents = opts->unsaved_text;
		unsaved.Length = (unsigned long)opts->unsaved_len;
		nunsaved = 1;
	}
	err = clang_parseTranslationUnit2(index, abs, argv, argc, nunsaved ? &unsaved : NULL, nunsaved, flags, &tu.cx);
	if (err != CXError_Success || !tu.cx) {
		main_touched(&tu, real);
		rc = parse_note(&tu, tu.main_rel, 1, 1,
				cvet_tu__format_line(MAX_MESSAGE_BYTES,
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
	if (opts && opts->on_included_file)
		visit_all_files(&tu);
	if (opts && opts->flow) {
		tu.flow = &flow_tu;
		cvet_flow__tu_init(tu.flow, opts->flow, &tu);
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
			rc = cvet_flow__tu_finish(tu.flow);
		else
			cvet_flow__tu_discard(tu.flow);
	}
	teardown_checks(&tu);
	cvet_tu__files_free(&tu);
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

int cvet__walk_failure_note(const char *file, const char *directory, const cvet_walk_options *opts,
			     const char *why, cvet_report *out)
{
	char *abs = cvet_tu__join_path(directory, file), *real = NULL, *rel = NULL;
	cvet_tu tu;
	int rc = CVET_ENOMEM;
	memset(&tu, 0, sizeof(tu));
	tu.out = out;
	if (abs && (real = realpath(abs, NULL), rel = cvet_tu__report_path(opts, real ? real : abs)) != NULL)
		rc = parse_note(&tu, rel, 1, 1,
				cvet_tu__format_line(MAX_MESSAGE_BYTES, "could not analyse '%s': %s; no findings for this file",
						     rel, why));
	free(abs);
	free(real);
	free(rel);
	return rc < 0 ? cvet_error_setc(CVET_ENOMEM, "out of memory") : 0;
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
