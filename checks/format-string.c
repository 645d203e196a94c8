/* format-string.c - flags printf-family calls whose format is not a constant string (CWE-134) */
#include <ctype.h>
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
	{"__vprintf_chk", 1}, {"__vfprintf_chk", 2}, {"__vsprintf_chk", 3}, {"__vsnprintf_chk", 4},
	{"__dprintf_chk", 2}, {"__vdprintf_chk", 2}, {"__asprintf_chk", 2}, {"__vasprintf_chk", 2},
	{"__syslog_chk", 2}, {"__vsyslog_chk", 2}, {"__builtin___sprintf_chk", 3}, {"__builtin___snprintf_chk", 4},
	{"__builtin___vsprintf_chk", 3}, {"__builtin___vsnprintf_chk", 4},
};

/* Functions that fill their first argument; the taint tracker tells whether from constants only. */
static const char *const const_writers[] = {
	"sprintf", "snprintf", "strcpy", "strncpy", "strcat", "strncat", "memcpy", "strlcpy", "strlcat", NULL,
};

#define MAX_VARS 128

typedef struct format_string_state {
	cvet_taint taint;
	CXCursor dirty[MAX_VARS]; /* locals assigned a non-constant value in this function */
	size_t ndirty;
	CXCursor clean[MAX_VARS]; /* locals assigned a constant string in this function */
	size_t nclean;
} format_string_state;

static int constant_choice(CXCursor e, int depth);

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
	if (constant_choice(rhs, 0)) {
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
		return constant_choice(init, 0); /* a literal, or NULL until a literal is assigned */
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
	CXFile file = NULL;
	if (cx_is_null(d))
		return 1;
	clang_getExpansionLocation(clang_getCursorLocation(d), &file, NULL, NULL, NULL);
	return !file || clang_Location_isInSystemHeader(clang_getCursorLocation(d)); /* no file: a builtin */
}

/* 1 when parameter i of fn has a character pointer type (const char *, const wchar_t *). */
static int char_pointer_param(CXCursor fn, int i)
{
	CXType t = clang_getCanonicalType(clang_getCursorType(clang_Cursor_getArgument(fn, (unsigned)i)));
	CXType el;
	if (t.kind != CXType_Pointer)
		return 0;
	el = clang_getCanonicalType(clang_getPointeeType(t));
	return el.kind == CXType_Char_S || el.kind == CXType_Char_U || el.kind == CXType_SChar ||
	       el.kind == CXType_UChar || el.kind == CXType_WChar;
}

/*
 * Format argument index (0-based) from a printf format attribute on the callee, or -1. The attribute
 * text is read as written: format(printf, N, M), __format__(__printf__, N, M), or a macro such as
 * PRINTF_LIKE(N, M) / G_GNUC_PRINTF(N, M) (first number after the word "printf"). When the number
 * cannot be read or does not name a character pointer, the last character-pointer parameter is used.
 */
static int attr_format_index(cvet_tu *tu, CXCursor callee)
{
	unsigned n = cx_child_count(callee);
	int nparams = clang_Cursor_getNumArguments(callee);
	if (callee.kind != CXCursor_FunctionDecl || n > 256 || nparams <= 0)
		return -1;
	for (unsigned i = 0; i < n; i++) {
		CXCursor c = cx_child(callee, i);
		char *text;
		const char *p;
		int idx = -1, found = 0;
		if (c.kind != CXCursor_UnexposedAttr)
			continue;
		text = cx_text(tu, c);
		if (!text)
			continue;
		for (char *q = text; *q; q++)
			*q = (char)tolower((unsigned char)*q);
		p = strstr(text, "printf");
		if (p && !strstr(text, "format_arg")) {
			found = 1;
			p += 6;
			for (int k = 0; *p && k < 64 && !isdigit((unsigned char)*p); k++)
				p++;
			if (isdigit((unsigned char)*p))
				idx = (int)strtol(p, NULL, 10) - 1;
		}
		free(text);
		if (!found)
			continue;
		if (idx >= 0 && idx < nparams && char_pointer_param(callee, idx))
			return idx;
		for (int k = nparams - 1; k >= 0; k--)
			if (char_pointer_param(callee, k))
				return k;
		return -1;
	}
	return -1;
}

/* 1 when e is a constant string or a null pointer, or a conditional (depth <= 8) choosing between such values:
 * `ok ? "done" : NULL`. */
static int constant_choice(CXCursor e, int depth)
{
	CXCursor s = cx_strip_casts(e);
	if (cvet_checksa__const_string(e, NULL) || cx_int_const(e, NULL))
		return 1;
	if (s.kind != CXCursor_ConditionalOperator || depth >= 8 || cx_child_count(s) != 3)
		return 0;
	return constant_choice(cx_child(s, 1), depth + 1) && constant_choice(cx_child(s, 2), depth + 1);
}

/*
 * 1 when every string argument after the destination is a constant string (numbers do not matter), a local
 * holding only constant strings, or the format parameter of the enclosing printf-like wrapper
 * (snprintf(buf, n, "%s: %s", level, fmt) in a logging function: buf is then as trusted as fmt).
 */
static int constant_sources(const format_string_state *st, const cvet_event *ev)
{
	for (unsigned i = 1; i < ev->call->nargs && i < 64; i++) {
		CXCursor a = ev->call->args[i], s = cx_strip_casts(a);
		CXType t = clang_getCanonicalType(clang_getCursorType(cx_strip(a)));
		if (t.kind != CXType_Pointer && t.kind != CXType_ConstantArray && t.kind != CXType_IncompleteArray)
			continue;
		if (constant_choice(a, 0))
			continue;
		if (s.kind == CXCursor_DeclRefExpr) {
			CXCursor d = clang_getCursorReferenced(s);
			if (d.kind == CXCursor_ParmDecl && wrapper_param(ev->function, d))
				continue;
			if (d.kind == CXCursor_VarDecl && constant_local(st, d))
				continue;
		}
		return 0;
	}
	return 1;
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
	char shown[64];
	const char *fn = cvet_checksa__display_name(ev->call->name, shown, sizeof shown);
	if (row >= 0 && cvet_checksa__is_libc(ev) &&
	    (system_decl(ev->call->callee) || strncmp(ev->call->name, "__builtin", 9) == 0))
		fmt_index = (int)format_fns[row].fmt;
	else if (!cx_is_null(ev->call->callee))
		fmt_index = attr_format_index(tu, ev->call->callee);
	if (fmt_index < 0 || (unsigned)fmt_index >= ev->call->nargs)
		goto track;
	arg = ev->call->args[fmt_index];
	s = cx_strip_casts(arg);
	cvet_taint__query(&st->taint, arg, &hit);
	if (hit.label == CVET_TAINT_NONE && cvet_checksa__const_string(arg, NULL))
		goto track;
	if (cx_int_const(arg, NULL))
		goto track; /* a null pointer: err(1, NULL) prints only the errno text */
	if (hit.label == CVET_TAINT_NONE && constant_choice(arg, 0))
		goto track; /* done ? "finished" : NULL */
	if (hit.label == CVET_TAINT_NONE && s.kind == CXCursor_DeclRefExpr) {
		CXCursor d = clang_getCursorReferenced(s);
		if (d.kind == CXCursor_ParmDecl && wrapper_param(ev->function, d))
			goto track;
	}
	if (hit.label != CVET_TAINT_UNTRUSTED && s.kind == CXCursor_DeclRefExpr) {
		CXCursor d = clang_getCursorReferenced(s);
		/* a buffer built only from constants and the wrapper's own format is "built" yet safe */
		if (d.kind == CXCursor_VarDecl && constant_local(st, d))
			goto track;
	}
	if (hit.label == CVET_TAINT_UNTRUSTED) {
		f = cvet_tu_report(tu, &cvet_check_format_string, arg,
				   "format string of '%s' comes from untrusted data ('%s'); pass the data as an argument of "
				   "a literal format such as \"%%s\"", fn, hit.origin);
		cvet_taint__add_steps(&st->taint, tu, f, &hit, arg, fn);
	} else {
		char *text = cvet_checksa__short_text(tu, arg);
		f = cvet_tu_report(tu, &cvet_check_format_string, arg,
				   "format string of '%s' is not a literal; a '%%' in '%s' would be read as a conversion, "
				   "use a literal format such as \"%%s\"", fn, text ? text : "it");
		free(text);
		cvet_taint__add_steps(&st->taint, tu, f, &hit, arg, fn);
	}
track:
	cvet_taint__call(&st->taint, ev);
	/* a buffer filled only from constants (snprintf(f, n, "%%-%ds", w)) is a usable format later on */
	if (cvet_checksa__name_in(ev->call->name, const_writers) && ev->call->nargs >= 2 && cvet_checksa__is_libc(ev) &&
	    constant_sources(st, ev)) {
		CXCursor dest = cvet_checksa__root_var(ev->call->args[0]);
		if (!cx_is_null(dest) && dest.kind == CXCursor_VarDecl &&
		    cvet_taint__query(&st->taint, ev->call->args[0], &hit) != CVET_TAINT_UNTRUSTED &&
		    st->nclean < MAX_VARS && !in_list(st->clean, st->nclean, dest))
			st->clean[st->nclean++] = dest;
	} else if (cvet_checksa__name_in(ev->call->name, const_writers) && ev->call->nargs >= 2) {
		/* written from something else: no longer a constant-only buffer */
		CXCursor dest = cvet_checksa__root_var(ev->call->args[0]);
		if (!cx_is_null(dest) && dest.kind == CXCursor_VarDecl && st->ndirty < MAX_VARS &&
		    !in_list(st->dirty, st->ndirty, dest))
			st->dirty[st->ndirty++] = dest;
	}
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
