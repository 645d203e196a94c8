/* alloca-variable.c - flags stack allocations of non-constant size: alloca(n) and variable-length arrays (CWE-770) */
#include <stdlib.h>
#include <string.h>
#include "code/check.h"
#include "code/cx.h"
#include "code/cx_text.h"
#include "lib/calls.h"
#include "lib/text.h"
#include "lib/parse_errors.h"
#include "lib/decls.h"

extern const cvet_check cvet_check_alloca_variable;

static const char *const alloca_names[] = {"alloca", "_alloca", "__builtin_alloca", "__builtin_alloca_with_align",
					   "__builtin_alloca_uninitialized", NULL};

static const enum CXCursorKind kinds[] = {CXCursor_VarDecl, 0};

typedef struct av_state {
	cvet_parse_errors errors; /* where the parse failed: a size may then only look non-constant */
} av_state;

/* alloca-family call with a size argument that does not evaluate to a constant. */
static void on_call(cvet_tu *tu, void *state, const cvet_event *ev)
{
	char *macro, *size;
	const char *shown = ev->call->name;
	int known = 0;
	(void)state;
	for (int i = 0; alloca_names[i]; i++)
		if (strcmp(ev->call->name, alloca_names[i]) == 0)
			known = 1;
	if (!known || ev->call->nargs < 1 || !cvet_calls__is_libc_decl(ev->call->callee))
		return;
	if (cx_int_const(ev->call->args[0], NULL))
		return;
	/* glibc spells alloca() and strdupa() as macros over __builtin_alloca: name what the user wrote */
	macro = cx_macro_name(tu, ev->call->expr);
	if (macro)
		shown = macro;
	if (macro && strcmp(macro, "alloca") != 0 && strcmp(macro, "_alloca") != 0) {
		/* strdupa(s), strndupa(s, n): the size is hidden inside the macro */
		cvet_tu_report(tu, &cvet_check_alloca_variable, ev->call->expr,
			       "'%s' copies onto the stack a size not known at compile time; bound the input "
			       "or use the heap ('strdup', 'malloc')",
			       shown);
		free(macro);
		return;
	}
	size = cvet_text__short_or(tu, ev->call->args[0], "the size");
	if (size)
		cvet_tu_report(tu, &cvet_check_alloca_variable, ev->call->expr,
			       "'%s' reserves '%s' bytes on the stack, a size not known at compile time; "
			       "bound it with a constant or allocate with 'malloc'",
			       shown, size);
	free(size);
	free(macro);
}

/* First expression child of a VarDecl of variable-length array type: its size expression. */
static CXCursor vla_size_expr(CXCursor decl)
{
	unsigned n = cx_child_count(decl);
	for (unsigned i = 0; i < n && i < 16; i++) {
		CXCursor k = cx_child(decl, i);
		if (clang_isExpression(k.kind))
			return k;
	}
	return clang_getNullCursor();
}

/* Local variable-length arrays (C99 VLAs, GNU C++ extension). */
static void on_cursor(cvet_tu *tu, void *state, const cvet_event *ev)
{
	av_state *st = state;
	CXType t;
	CXCursor size;
	char *name, *text;
	if (cx_is_null(ev->function) || !cvet_decls__is_auto_local(ev->cursor))
		return;
	t = clang_getCanonicalType(clang_getCursorType(ev->cursor));
	if (t.kind != CXType_VariableArray)
		return;
	size = vla_size_expr(ev->cursor);
	if (!cx_is_null(size) && cx_int_const(size, NULL))
		return; /* `const int n = 16; char b[n];` is a VLA to C but has a fixed size */
	if (cvet_parse_errors__body_unreliable(&st->errors, ev->cursor))
		return; /* e.g. a size macro from a header that was not found */
	name = cx_spelling(ev->cursor);
	text = cx_is_null(size) ? NULL : cvet_text__short_or(tu, size, "?");
	if (name)
		cvet_tu_report(tu, &cvet_check_alloca_variable, ev->cursor,
			       "variable-length array '%s' takes '%s' elements of stack, a size not known at "
			       "compile time; use a fixed-size array with a bound check, or 'malloc'",
			       name, text ? text : "?");
	free(name);
	free(text);
}

static void on_tu_begin(cvet_tu *tu, void *state)
{
	av_state *st = state;
	cvet_parse_errors__load(tu, &st->errors);
}

static void cleanup(void *state)
{
	av_state *st = state;
	cvet_parse_errors__free(&st->errors);
}

const cvet_check cvet_check_alloca_variable = {
	.rule = {.id = "alloca-variable",
		 .title = "Stack allocation (alloca or variable-length array) with a non-constant size",
		 .severity = CVET_SEV_MEDIUM,
		 .cwe = {770},
		 .precision = CVET_PRECISION_HIGH},
	.kinds = kinds,
	.state_size = sizeof(av_state),
	.on_tu_begin = on_tu_begin,
	.on_call = on_call,
	.on_cursor = on_cursor,
	.cleanup = cleanup,
};
