/* realloc-leak.c - flags `p = realloc(p, n)`: when realloc fails, the only pointer to the old block is lost (CWE-401) */
#include <stdlib.h>
#include "check.h"
#include "cx.h"
#include "checksc_util.h"

extern const cvet_check cvet_check_realloc_leak;

/* Resizers that keep the old block alive when they fail (reallocf/g_realloc do not return NULL that way). */
static const char *const resizers[] = {"realloc", "reallocarray", NULL};

static const enum CXCursorKind kinds[] = {CXCursor_BinaryOperator, 0};

/* Report `X = realloc(X, ...)` where both X designate the same object. */
static void on_cursor(cvet_tu *tu, void *state, const cvet_event *ev)
{
	CXCursor lhs, rhs, call;
	char *what;
	int which;
	(void)state;
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
	what = cvet_checksc__short_text(tu, lhs, "the pointer");
	if (!what)
		return;
	cvet_tu_report(tu, &cvet_check_realloc_leak, ev->cursor,
		       "'%s' is overwritten with the result of '%s', so the old block leaks when it fails; "
		       "assign to a temporary, check it for NULL, then replace '%s'",
		       what, resizers[which], what);
	free(what);
}

const cvet_check cvet_check_realloc_leak = {
	.rule = {.id = "realloc-leak",
		 .title = "realloc() result assigned to the pointer it resizes",
		 .severity = CVET_SEV_MEDIUM,
		 .cwe = {401},
		 .precision = CVET_PRECISION_HIGH},
	.kinds = kinds,
	.on_cursor = on_cursor,
};
