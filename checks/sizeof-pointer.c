/* sizeof-pointer.c - flags sizeof(p) of a pointer used as the size of the buffer p points to (CWE-467) */
#include <stdlib.h>
#include <string.h>
#include "code/check.h"
#include "code/cx.h"
#include "code/cx_text.h"
#include "lib/calls.h"
#include "lib/text.h"
#include "lib/decls.h"

extern const cvet_check cvet_check_sizeof_pointer;

/* Functions taking a buffer and its size: bit k of `bufs` = argument k is a buffer, `sizes` likewise. */
static const struct sized_buf_fn {
	const char *name;
	unsigned bufs, sizes;
} buf_fns[] = {
	{"memcpy", 3, 4},     {"memmove", 3, 4},   {"memset", 1, 4},        {"memcmp", 3, 4},   {"memchr", 1, 4},
	{"strncpy", 3, 4},    {"strncat", 3, 4},   {"strncmp", 3, 4},       {"strlcpy", 3, 4},  {"strlcat", 3, 4},
	{"snprintf", 1, 2},   {"vsnprintf", 1, 2}, {"fgets", 1, 2},         {"read", 2, 4},     {"write", 2, 4},
	{"pread", 2, 4},      {"pwrite", 2, 4},    {"recv", 2, 4},          {"send", 2, 4},     {"recvfrom", 2, 4},
	{"sendto", 2, 4},     {"fread", 1, 6},     {"fwrite", 1, 6},        {"bzero", 1, 2},    {"explicit_bzero", 1, 2},
	{"getcwd", 1, 2},     {"gethostname", 1, 2}, {"readlink", 2, 4},    {"strftime", 1, 2}, {"inet_ntop", 4, 8},
	{"memccpy", 3, 8},
};

static const char *const allocators[] = {"malloc", "calloc", "realloc", NULL};

static const enum CXCursorKind kinds[] = {CXCursor_VarDecl, CXCursor_BinaryOperator, 0};

/*
 * When e (after casts) is `sizeof x` / `sizeof(x)` of an expression, possibly with a constant added or
 * subtracted (sizeof buf - 1), returns the operand; else a null cursor.
 */
static CXCursor sizeof_operand(cvet_tu *tu, CXCursor e)
{
	CXCursor s = cx_strip_casts(e), op;
	char *text;
	int is_sizeof;
	if (s.kind == CXCursor_BinaryOperator && (cx_binop(s) == CX_BO_Add || cx_binop(s) == CX_BO_Sub)) {
		if (cx_int_const(cx_child(s, 1), NULL))
			s = cx_strip_casts(cx_child(s, 0));
		else if (cx_binop(s) == CX_BO_Add && cx_int_const(cx_child(s, 0), NULL))
			s = cx_strip_casts(cx_child(s, 1));
		else
			return clang_getNullCursor();
	}
	if (s.kind != CXCursor_UnaryExpr || cx_child_count(s) != 1)
		return clang_getNullCursor();
	op = cx_child(s, 0);
	if (!clang_isExpression(op.kind) || cvet_decls__is_dependent(op))
		return clang_getNullCursor(); /* sizeof(type), or template code we cannot see through */
	/* the same cursor kind covers alignof and friends: look at the spelling */
	text = cx_text(tu, s);
	is_sizeof = text && strncmp(text, "sizeof", 6) == 0;
	free(text);
	return is_sizeof ? cx_strip(op) : clang_getNullCursor();
}

/* 1 when e (a sizeof operand) is a variable, parameter or field of pointer type. A parameter written as an
 * array (char buf[64]) is a pointer too, although libclang reports the type as written. */
static int is_pointer_object(CXCursor e)
{
	CXCursor s = cx_strip(e), d;
	if (s.kind != CXCursor_DeclRefExpr && s.kind != CXCursor_MemberRefExpr)
		return 0;
	d = cx_referenced(s);
	if (cx_is_null(d))
		return 0;
	if (d.kind == CXCursor_ParmDecl && cvet_decls__is_array_type(clang_getCursorType(d)))
		return 1;
	return cvet_decls__is_pointer_type(clang_getCursorType(s));
}

/* 1 when the declaration was written as an array parameter (void f(char buf[64])). */
static int is_array_param(CXCursor op)
{
	CXCursor d = cx_referenced(op);
	return d.kind == CXCursor_ParmDecl && cvet_decls__is_array_type(clang_getCursorType(d));
}

/* 1 when the pointer's target is as large as the pointer itself (void **pp, uint64_t *p): sizeof p is then
 * the right number by coincidence, nothing is cut short. */
static int same_size_as_pointee(CXCursor op)
{
	CXType t = clang_getCanonicalType(clang_getCursorType(cx_strip(op)));
	long long ps, es;
	if (t.kind != CXType_Pointer)
		return 0; /* an array parameter: its elements are what the buffer holds */
	ps = clang_Type_getSizeOf(t);
	es = clang_Type_getSizeOf(clang_getPointeeType(t));
	return ps > 0 && es == ps;
}

static void report_buffer(cvet_tu *tu, CXCursor at, CXCursor op, const char *fn)
{
	char *name = cvet_text__short_or(tu, op, "the pointer");
	if (!name)
		return;
	if (is_array_param(op))
		cvet_tu_report(tu, &cvet_check_sizeof_pointer, at,
			       "parameter '%s' is declared as an array but is a pointer, so 'sizeof' gives the size of a "
			       "pointer, not of the buffer passed to '%s'; pass the buffer size as a separate parameter",
			       name, fn);
	else
		cvet_tu_report(tu, &cvet_check_sizeof_pointer, at,
			       "'sizeof' of pointer '%s' gives the size of the pointer, not of the buffer it points to, "
			       "as the size given to '%s'; use the real buffer size",
			       name, fn);
	free(name);
}

/* memset(p, 0, sizeof p), fgets(buf, sizeof buf, f), ...: the sized pointer is one of the call's buffers. */
static void on_call(cvet_tu *tu, void *state, const cvet_event *ev)
{
	const cvet_call *call = ev->call;
	const struct sized_buf_fn *fn = NULL;
	(void)state;
	for (size_t i = 0; i < sizeof(buf_fns) / sizeof(buf_fns[0]); i++)
		if (strcmp(buf_fns[i].name, call->name) == 0)
			fn = &buf_fns[i];
	if (!fn || !fn->sizes || !cvet_calls__is_libc_decl(call->callee))
		return;
	for (unsigned s = 0; s < call->nargs && s < 8; s++) {
		CXCursor op;
		if (!((fn->sizes >> s) & 1u))
			continue;
		op = sizeof_operand(tu, call->args[s]);
		if (cx_is_null(op) || !is_pointer_object(op) || same_size_as_pointee(op))
			continue;
		for (unsigned b = 0; b < call->nargs && b < 8; b++)
			if (((fn->bufs >> b) & 1u) && cvet_decls__same_lvalue(tu, call->args[b], op)) {
				report_buffer(tu, call->args[s], op, call->name);
				return;
			}
	}
}

/* The sizeof(pointer) factor of an allocation size (sizeof p, n * sizeof p), or null. */
static CXCursor size_factor(cvet_tu *tu, CXCursor e, unsigned depth)
{
	CXCursor s = cx_strip_casts(e), op;
	if (depth > 8 || cx_is_null(s))
		return clang_getNullCursor();
	if (s.kind == CXCursor_BinaryOperator && cx_binop(s) == CX_BO_Mul) {
		op = size_factor(tu, cx_child(s, 0), depth + 1);
		return cx_is_null(op) ? size_factor(tu, cx_child(s, 1), depth + 1) : op;
	}
	if (s.kind != CXCursor_UnaryExpr)
		return clang_getNullCursor();
	op = sizeof_operand(tu, s);
	return !cx_is_null(op) && is_pointer_object(op) ? op : clang_getNullCursor();
}

/* T *p = malloc(sizeof p) / p = calloc(n, sizeof p) where T is not itself a pointer (nor void). */
static void on_cursor(cvet_tu *tu, void *state, const cvet_event *ev)
{
	CXCursor value, call, op = clang_getNullCursor();
	CXType dest, pointee;
	int which, n;
	char *name, *tname;
	(void)state;
	if (ev->kind == CXCursor_VarDecl) {
		unsigned k = cx_child_count(ev->cursor);
		if (!k)
			return;
		value = cx_child(ev->cursor, k - 1);
		if (!clang_isExpression(value.kind))
			return;
		dest = clang_getCursorType(ev->cursor);
	} else {
		if (cx_binop(ev->cursor) != CX_BO_Assign || cx_child_count(ev->cursor) != 2)
			return;
		value = cx_child(ev->cursor, 1);
		dest = clang_getCursorType(cx_child(ev->cursor, 0));
	}
	call = cx_strip_casts(value);
	which = cvet_calls__call_in(call, allocators);
	if (which < 0 || !cvet_decls__is_pointer_type(dest))
		return;
	pointee = clang_getCanonicalType(clang_getPointeeType(clang_getCanonicalType(dest)));
	if (pointee.kind == CXType_Pointer || pointee.kind == CXType_Void || pointee.kind == CXType_Invalid)
		return; /* an array of pointers needs sizeof(pointer) per element */
	n = clang_Cursor_getNumArguments(call);
	for (int a = which == 2 ? 1 : 0; a < n && cx_is_null(op); a++)
		op = size_factor(tu, cvet_calls__call_arg(call, (unsigned)a), 0);
	if (cx_is_null(op))
		return;
	name = cvet_text__short_or(tu, op, "the pointer");
	tname = cx_str(clang_getTypeSpelling(clang_getPointeeType(dest)));
	if (name && tname)
		cvet_tu_report(tu, &cvet_check_sizeof_pointer, op,
			       "'%s' allocates room for pointer '%s' instead of the '%s' it points to; use "
			       "'sizeof(*%s)' or the element type",
			       allocators[which], name, tname, name);
	free(name);
	free(tname);
}

const cvet_check cvet_check_sizeof_pointer = {
	.rule = {.id = "sizeof-pointer",
		 .title = "sizeof of a pointer used as the size of the buffer it points to",
		 .severity = CVET_SEV_MEDIUM,
		 .cwe = {467},
		 .precision = CVET_PRECISION_HIGH},
	.kinds = kinds,
	.on_call = on_call,
	.on_cursor = on_cursor,
};
