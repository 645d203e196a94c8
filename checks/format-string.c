/* format-string.c - flags printf-family calls whose format is not a constant string (CWE-134) */
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "cx.h"
#include "checksa_util.h"
#include "taint.h"

extern const cvet_check cvet_check_format_string;

/* {name, format argument}. Only matched when declared in a system header (or undeclared). */
static const struct {
	const char *name;
	unsigned fmt;
} format_fns[] = {
	{"printf", 0}, {"fprintf", 1}, {"sprintf", 1}, {"snprintf", 2}, {"dprintf", 1}, {"asprintf", 1},
	{"vprintf", 0}, {"vfprintf", 1}, {"vsprintf", 1}, {"vsnprintf", 2}, {"vdprintf", 1}, {"vasprintf", 1},
	{"wprintf", 0}, {"fwprintf", 1}, {"swprintf", 2}, {"vwprintf", 0}, {"vfwprintf", 1}, {"vswprintf", 2},
	{"syslog", 1}, {"vsyslog", 1}, {"err", 1}, {"errx", 1}, {"warn", 0}, {"warnx", 0}, {"verr", 1},
	{"verrx", 1}, {"vwarn", 0}, {"vwarnx", 0}, {"error", 2}, {"error_at_line", 4}, {"printf_s", 0},
	{"fprintf_s", 1}, {"__printf_chk", 1}, {"__fprintf_chk", 2}, {"__sprintf_chk", 3}, {"__snprintf_chk", 4},
};

#define MAX_VARS 128

typedef struct format_string_state {
	cvet_taint taint;
	CXCursor dirty[MAX_VARS]; /* locals assigned a non-constant value in this function */
	size_t ndirty;
	CXCursor clean[MAX_VARS]; /* locals assigned a constant string in this function */
	size_t nclean;
} format_string_state;

static int in_list(const CXCursor *list, size_t n, CXCursor c)
{
	for (size_t i = 0; i < n; i++)
		if (clang_equalCursors(list[i], c))
			return 1;
	return 0;
}

/* Record a plain assignment to a local: constant strings keep it usable as a format, anything else not. */
static void note_assignment(format_string_state *st, CXCursor var, CXCursor rhs)
{
	if (cx_is_null(var) || var.kind != CXCursor_VarDecl)
		return;
	if (cvet_checksa__const_string(rhs, NULL)) {
		if (st->nclean < MAX_VARS && !in_list(st->clean, st->nclean, var))
			st->clean[st->nclean++] = var;
	} else if (st->ndirty < MAX_VARS && !in_list(st->dirty, st->ndirty, var)) {
		st->dirty[st->ndirty++] = var;
	}
}

/* 1 when a local variable only ever holds constant strings in this function (so far). */
static int constant_local(const format_string_state *st, CXCursor var)
{
	CXCursor init;
	if (var.kind != CXCursor_VarDecl || in_list(st->dirty, st->ndirty, var))
		return 0;
	if (st->ndirty >= MAX_VARS)
		return 0; /* overflowed: unknown */
	init = clang_Cursor_getVarDeclInitializer(var);
	if (!cx_is_null(init))
		return cvet_checksa__const_string(init, NULL);
	return in_list(st->clean, st->nclean, var);
}

/* 1 when the parameter belongs to a printf-like wrapper: a variadic function, one taking a va_list,
 * or a parameter named like a format. */
static int wrapper_param(CXCursor fn, CXCursor parm)
{
	char *pname;
	int yes = 0, n;
	if (cx_is_null(fn))
		return 0;
	pname = cx_spelling(parm);
	if (pname && (strstr(pname, "fmt") || strstr(pname, "format") || strstr(pname, "Fmt") || strstr(pname, "Format")))
		yes = 1;
	free(pname);
	if (yes || clang_Cursor_isVariadic(fn))
		return 1;
	n = clang_Cursor_getNumArguments(fn);
	for (int i = 0; i < n && i < 64; i++) {
		CXType t = clang_getCursorType(clang_Cursor_getArgument(fn, (unsigned)i));
		CXString sp = clang_getTypeSpelling(t);
		const char *s = clang_getCString(sp);
		if (s && (strstr(s, "va_list") || strstr(s, "__va_list_tag")))
			yes = 1;
		clang_disposeString(sp);
	}
	return yes;
}

/* 1 when the declaration was read from a system header. */
static int system_decl(CXCursor d)
{
	return cx_is_null(d) || clang_Location_isInSystemHeader(clang_getCursorLocation(d));
}

/* Format argument index (0-based) from a format(printf, N, M) attribute on the callee, or -1. */
static int attr_format_index(cvet_tu *tu, CXCursor callee)
{
	unsigned n = cx_child_count(callee);
	if (callee.kind != CXCursor_FunctionDecl || n > 256)
		return -1;
	for (unsigned i = 0; i < n; i++) {
		CXCursor c = cx_child(callee, i);
		char *text;
		const char *p;
		int idx = -1;
		if (c.kind != CXCursor_UnexposedAttr)
			continue;
		text = cx_text(tu, c);
		if (!text)
			continue;
		p = strstr(text, "printf");
		if (p && (strstr(text, "format") || strstr(text, "__format__"))) {
			p += 6;
			while (*p == '_' || *p == ' ' || *p == ',' || *p == '\t')
				p++;
			if (*p >= '1' && *p <= '9')
				idx = (int)strtol(p, NULL, 10) - 1;
		}
		free(text);
		if (idx >= 0 && idx < 64)
			return idx;
	}
	return -1;
}

static void on_call(cvet_tu *tu, void *state, const cvet_event *ev)
{
	format_string_state *st = state;
	int row = cvet_checksa__find_row(ev->call->name, format_fns, sizeof format_fns / sizeof format_fns[0],
					 sizeof format_fns[0]);
	int fmt_index = -1;
	CXCursor arg, s;
	cvet_taint_hit hit;
	cvet_finding *f;
	if (row >= 0 && cvet_checksa__is_libc(ev) && system_decl(ev->call->callee))
		fmt_index = (int)format_fns[row].fmt;
	else if (!cx_is_null(ev->call->callee))
		fmt_index = attr_format_index(tu, ev->call->callee);
	if (fmt_index < 0 || (unsigned)fmt_index >= ev->call->nargs)
		goto track;
	arg = ev->call->args[fmt_index];
	if (cvet_checksa__const_string(arg, NULL))
		goto track;
	s = cx_strip_casts(arg);
	cvet_taint__query(&st->taint, arg, &hit);
	if (hit.label != CVET_TAINT_UNTRUSTED && s.kind == CXCursor_DeclRefExpr) {
		CXCursor d = clang_getCursorReferenced(s);
		if (d.kind == CXCursor_ParmDecl && wrapper_param(ev->function, d))
			goto track;
		if (d.kind == CXCursor_VarDecl && constant_local(st, d))
			goto track;
	}
	if (hit.label == CVET_TAINT_UNTRUSTED) {
		f = cvet_tu_report(tu, &cvet_check_format_string, arg,
				   "format string of '%s' comes from untrusted data ('%s'); pass the data as an argument of "
				   "a literal format such as \"%%s\"", ev->call->name, hit.origin);
		cvet_taint__add_steps(&st->taint, tu, f, &hit, arg, ev->call->name);
	} else {
		char *text = cvet_checksa__short_text(tu, arg);
		f = cvet_tu_report(tu, &cvet_check_format_string, arg,
				   "format string of '%s' is not a literal; a '%%' in '%s' would be read as a conversion, "
				   "use a literal format such as \"%%s\"", ev->call->name, text ? text : "it");
		free(text);
		cvet_taint__add_steps(&st->taint, tu, f, &hit, arg, ev->call->name);
	}
track:
	cvet_taint__call(&st->taint, ev);
}

static void on_function_begin(cvet_tu *tu, void *state, const cvet_event *ev)
{
	format_string_state *st = state;
	(void)tu;
	if (st->taint.depth == 0)
		st->ndirty = st->nclean = 0;
	cvet_taint__function_begin(&st->taint, ev);
}

static void on_function_end(cvet_tu *tu, void *state, const cvet_event *ev)
{
	(void)tu;
	cvet_taint__function_end(&((format_string_state *)state)->taint, ev);
}

static void on_cursor(cvet_tu *tu, void *state, const cvet_event *ev)
{
	format_string_state *st = state;
	(void)tu;
	if (ev->kind == CXCursor_BinaryOperator && cx_binop(ev->cursor) == CX_BO_Assign) {
		CXCursor lhs = cx_strip_casts(cx_child(ev->cursor, 0));
		if (lhs.kind == CXCursor_DeclRefExpr)
			note_assignment(st, clang_getCursorReferenced(lhs), cx_child(ev->cursor, 1));
	}
	cvet_taint__cursor(&st->taint, ev);
}

const cvet_check cvet_check_format_string = {
	.rule = {.id = "format-string",
		 .title = "printf-style format string that is not a literal",
		 .severity = CVET_SEV_HIGH,
		 .cwe = {134},
		 .precision = CVET_PRECISION_HIGH},
	.kinds = cvet_taint__kinds,
	.state_size = sizeof(format_string_state),
	.on_function_begin = on_function_begin,
	.on_call = on_call,
	.on_cursor = on_cursor,
	.on_function_end = on_function_end,
};
