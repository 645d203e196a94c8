/* realloc-leak.c - flags `p = realloc(p, n)`, which loses the only pointer to the old block on failure (CWE-401) */
#include <stdlib.h>
#include "check.h"
#include "cx.h"
#include "checksc_util.h"

extern const cvet_check cvet_check_realloc_leak;

/* Resizers that keep the old block alive when they fail (reallocf/g_realloc do not return NULL that way). */
static const char *const resizers[] = {"realloc", "reallocarray", NULL};

static const enum CXCursorKind kinds[] = {CXCursor_BinaryOperator, 0};

typedef struct rl_state {
	cvet_checksc_flat flat; /* the enclosing function, flattened on demand */
} rl_state;

/*
 * 1 when, before assignment `at` in function fn, the old pointer value was copied somewhere
 * (`old = p;`, `T *old = p;`): the code then usually frees or restores it on failure.
 */
static int saved_before(cvet_tu *tu, rl_state *st, CXCursor fn, CXCursor at, CXCursor ptr)
{
	cvet_checksc_flat *f = &st->flat;
	int end;
	if (cx_is_null(fn) || cvet_checksc__flatten(fn, f) < 0)
		return 0;
	end = cvet_checksc__find(f, at, 1);
	for (int j = 1; j < end; j++) {
		CXCursor c = f->v[j].c, value;
		unsigned n = f->v[j].nkids;
		if (c.kind == CXCursor_VarDecl && n)
			value = cx_child(c, n - 1);
		else if (c.kind == CXCursor_BinaryOperator && cx_binop(c) == CX_BO_Assign && n == 2)
			value = cx_child(c, 1);
		else
			continue;
		if (clang_isExpression(value.kind) && cvet_checksc__same_lvalue(tu, value, ptr))
			return 1;
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
	which = cvet_checksc__call_in(rhs, resizers);
	if (which < 0)
		return;
	call = rhs;
	if (!cvet_checksc__same_lvalue(tu, lhs, cvet_checksc__arg(call, 0)))
		return;
	if (saved_before(tu, state, ev->function, ev->cursor, lhs))
		return;
	what = cvet_checksc__short_text(tu, lhs, "the pointer");
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
	cvet_checksc__flat_free(&st->flat);
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
