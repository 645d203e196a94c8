/* realloc-leak.c - flags `p = realloc(p, n)`, which loses the only pointer to the old block on failure (CWE-401) */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "code/check.h"
#include "code/cx.h"
#include "lib/calls.h"
#include "lib/text.h"
#include "lib/ast_flat.h"
#include "lib/decls.h"

extern const cvet_check cvet_check_realloc_leak;

/* Resizers that keep the old block alive when they fail (reallocf/g_realloc do not return NULL that way). */
static const char *const resizers[] = {"realloc", "reallocarray", NULL};

static const enum CXCursorKind kinds[] = {CXCursor_BinaryOperator, 0};

typedef struct rl_state {
	cvet_flat flat; /* the enclosing function, flattened on demand */
} rl_state;

/*
 * 1 when, before assignment `at` in function fn, the old pointer value was copied somewhere
 * (`old = p;`, `T *old = p;`): the code then usually frees or restores it on failure.
 */
static int saved_before(cvet_tu *tu, rl_state *st, CXCursor fn, CXCursor at, CXCursor ptr)
{
	cvet_flat *f = &st->flat;
	int end;
	if (cx_is_null(fn) || cvet_flat__build(fn, f) < 0)
		return 0;
	end = cvet_flat__find(f, at, 1);
	for (int j = 1; j < end; j++) {
		CXCursor c = f->v[j].c, value;
		unsigned n = f->v[j].nkids;
		if (c.kind == CXCursor_VarDecl && n)
			value = cx_child(c, n - 1);
		else if (c.kind == CXCursor_BinaryOperator && cx_binop(c) == CX_BO_Assign && n == 2)
			value = cx_child(c, 1);
		else
			continue;
		if (clang_isExpression(value.kind) && cvet_decls__same_lvalue(tu, value, ptr))
			return 1;
	}
	return 0;
}

/* Calls that end the program: a leak on the failure path just before them does not matter. */
static const char *const enders[] = {"exit", "_exit", "_Exit", "quick_exit", "abort", "err", "errx",
				     "verr", "verrx", "fatal", NULL};

/* 1 when name (case-insensitive) contains a word that marks an out-of-memory handler or a fatal exit. */
static int fatal_name(const char *name)
{
	static const char *const words[] = {"oom", "nomem", "no_mem", "outofmem", "out_of_mem", "alloc_fail",
					    "die", "fatal", "panic", NULL};
	char low[128];
	size_t n = 0;
	if (!name)
		return 0;
	for (; name[n] && n + 1 < sizeof low; n++)
		low[n] = (char)tolower((unsigned char)name[n]);
	low[n] = '\0';
	for (int i = 0; words[i]; i++)
		if (strstr(low, words[i]))
			return 1;
	for (int i = 0; enders[i]; i++)
		if (strcmp(low, enders[i]) == 0)
			return 1;
	return 0;
}

/* 1 when the subtree of flat node i holds a direct call to a function whose name says it ends the program. */
static int calls_fatal(const cvet_flat *f, int i)
{
	for (int j = i; j < f->v[i].end && j < (int)f->n; j++) {
		char *name;
		int hit;
		if (f->v[j].c.kind != CXCursor_CallExpr)
			continue;
		name = cvet_calls__callee_name(f->v[j].c);
		hit = fatal_name(name);
		free(name);
		if (hit)
			return 1;
	}
	return 0;
}

/*
 * 1 when the statement right after assignment `at` (in the same block) handles a NULL result by ending
 * the program: `check_oom(p);` (a call with p as an argument to an out-of-memory handler) or
 * `if (p == NULL) { ... exit(1); }` (a test of p whose branch calls exit/abort/err/a fatal handler).
 * Call after saved_before (which flattens fn into st->flat).
 */
static int fails_fatally(cvet_tu *tu, rl_state *st, CXCursor at, CXCursor ptr)
{
	const cvet_flat *f = &st->flat;
	int i, j;
	CXCursor next;
	if (!f->v || f->n == 0)
		return 0;
	i = cvet_flat__find(f, at, 1);
	if (i < 0 || f->v[i].parent < 0 || f->v[f->v[i].parent].c.kind != CXCursor_CompoundStmt)
		return 0;
	j = f->v[i].end;
	if (j >= (int)f->n || f->v[j].parent != f->v[i].parent)
		return 0;
	next = cx_strip_casts(f->v[j].c);
	if (next.kind == CXCursor_CallExpr) {
		char *name = cvet_calls__callee_name(next);
		int fatal = fatal_name(name), hit = 0;
		free(name);
		if (!fatal)
			return 0;
		for (unsigned a = 0; a < 8; a++) {
			CXCursor arg = cvet_calls__call_arg(next, a);
			if (cx_is_null(arg))
				break;
			if (cvet_decls__same_lvalue(tu, cx_strip_casts(arg), ptr))
				hit = 1;
		}
		return hit;
	}
	if (next.kind == CXCursor_IfStmt && f->v[j].nkids >= 2) {
		int cond = j + 1, then;
		if (!cvet_flat__mentions_at(f, cond, ptr))
			return 0;
		then = f->v[cond].end;
		if (then >= (int)f->n || f->v[then].parent != j)
			return 0;
		return calls_fatal(f, then);
	}
	return 0;
}

/* Report `X = realloc(X, ...)` where both X designate the same object. */
static void on_cursor(cvet_tu *tu, void *state, const cvet_event *ev)
{
	CXCursor lhs, rhs, call;
	char *what;
	int which;
	if (cx_binop(ev->cursor) != CX_BO_Assign || cx_child_count(ev->cursor) != 2)
		return;
	lhs = cx_child(ev->cursor, 0);
	rhs = cx_strip_casts(cx_child(ev->cursor, 1));
	which = cvet_calls__call_in(rhs, resizers);
	if (which < 0)
		return;
	call = rhs;
	if (!cvet_decls__same_lvalue(tu, lhs, cvet_calls__call_arg(call, 0)))
		return;
	if (saved_before(tu, state, ev->function, ev->cursor, lhs))
		return;
	if (fails_fatally(tu, state, ev->cursor, lhs))
		return;
	what = cvet_text__short_or(tu, lhs, "the pointer");
	if (!what)
		return;
	cvet_tu_report(tu, &cvet_check_realloc_leak, ev->cursor,
		       "'%s' is overwritten with the result of '%s', so the old block leaks when it fails; "
		       "assign to a temporary, check it for NULL, then replace '%s'",
		       what, resizers[which], what);
	free(what);
}

static void cleanup(void *state)
{
	rl_state *st = state;
	cvet_flat__free(&st->flat);
}

const cvet_check cvet_check_realloc_leak = {
	.rule = {.id = "realloc-leak",
		 .title = "realloc() result assigned to the pointer it resizes",
		 .severity = CVET_SEV_MEDIUM,
		 .cwe = {401},
		 .precision = CVET_PRECISION_HIGH},
	.kinds = kinds,
	.state_size = sizeof(rl_state),
	.on_cursor = on_cursor,
	.cleanup = cleanup,
};
