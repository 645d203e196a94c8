/* scanf-unbounded.c - flags scanf-family %s / %[ conversions without a field width (CWE-120) */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "code/check.h"
#include "code/cx.h"
#include "lib/calls.h"
#include "lib/buffers.h"
#include "lib/literals.h"

extern const cvet_check cvet_check_scanf_unbounded;

/* {name, index of the format argument, 1 when argument 0 is the string read from}. */
static const struct {
	const char *name;
	unsigned fmt;
	int from_string;
} scanf_fns[] = {
	{"scanf", 0, 0}, {"fscanf", 1, 0}, {"sscanf", 1, 1}, {"vscanf", 0, 0}, {"vfscanf", 1, 0},
	{"vsscanf", 1, 1}, {"wscanf", 0, 0}, {"fwscanf", 1, 0}, {"swscanf", 1, 1}, {"vwscanf", 0, 0},
	{"vfwscanf", 1, 0}, {"vswscanf", 1, 1}, {"__isoc99_scanf", 0, 0}, {"__isoc99_fscanf", 1, 0},
	{"__isoc99_sscanf", 1, 1}, {"__isoc23_scanf", 0, 0}, {"__isoc23_fscanf", 1, 0}, {"__isoc23_sscanf", 1, 1},
};

/*
 * Find the nth (0-based) %s / %[ conversion that stores into a buffer without a width. Returns 1 and sets
 * *conv ('s' or '[') and *argno (0-based index among the arguments after the format), else 0.
 */
static int find_unbounded(const char *p, unsigned nth, char *conv, unsigned *argno, int *consumed)
{
	unsigned arg = 0;
	*consumed = 0;
	for (size_t guard = 0; *p && guard < 100000; guard++) {
		int suppress = 0, width = 0, alloc = 0;
		char c;
		if (*p != '%') {
			if (!isspace((unsigned char)*p))
				*consumed = 1; /* a literal character must match one of the input */
			p++;
			continue;
		}
		p++;
		if (*p == '%') {
			*consumed = 1;
			p++;
			continue;
		}
		{
			const char *q = p;
			while (isdigit((unsigned char)*q))
				q++;
			if (*q == '$' && q != p)
				return 0; /* positional arguments: not modelled */
		}
		if (*p == '*') {
			suppress = 1;
			p++;
		}
		while (isdigit((unsigned char)*p)) {
			width = 1;
			p++;
		}
		if (*p == 'm') { /* POSIX: the function allocates the buffer */
			alloc = 1;
			p++;
		}
		while (*p && strchr("hlLqjzt", *p))
			p++;
		c = *p;
		if (!c)
			return 0;
		p++;
		if (c == '[') {
			if (*p == '^')
				p++;
			if (*p == ']')
				p++;
			while (*p && *p != ']')
				p++;
			if (*p)
				p++;
		}
		if ((c == 's' || c == '[' || c == 'S') && !suppress && !width && !alloc && nth-- == 0) {
			*conv = c == 'S' ? 's' : c;
			*argno = arg;
			return 1;
		}
		if (c != 'n')
			*consumed = 1; /* a conversion that matched took at least one character */
		if (!suppress)
			arg++;
	}
	return 0;
}

/* ---- a destination allocated from the same object the source string was made from ---- */

#define MAX_REFS 16

typedef struct defs_walk {
	CXCursor var;      /* the variable whose stores are looked for */
	CXCursor value;    /* the one value stored into it */
	unsigned nstores;
} defs_walk;

/* Visitor: counts the stores into w->var (initialiser, assignment, compound assignment, address taken). */
static int count_stores(CXCursor c, CXCursor parent, void *ud)
{
	defs_walk *w = ud;
	CXCursor lhs;
	(void)parent;
	if (c.kind == CXCursor_VarDecl && clang_equalCursors(c, w->var)) {
		CXCursor init = clang_Cursor_getVarDeclInitializer(c);
		long long k;
		if (!cx_is_null(init) && !(cx_int_const(init, &k) && k == 0)) { /* `char *p = NULL;` stores nothing yet */
			w->value = init;
			w->nstores++;
		}
	} else if ((c.kind == CXCursor_BinaryOperator && cx_binop(c) == CX_BO_Assign) ||
		   c.kind == CXCursor_CompoundAssignOperator) {
		lhs = cx_strip_casts(cx_child(c, 0));
		if (lhs.kind == CXCursor_DeclRefExpr && clang_equalCursors(clang_getCursorReferenced(lhs), w->var)) {
			w->value = cx_child(c, 1);
			w->nstores += c.kind == CXCursor_CompoundAssignOperator ? 2 : 1;
		}
	} else if (c.kind == CXCursor_UnaryOperator && cx_unop(c) == CXUnaryOperator_AddrOf) {
		lhs = cx_strip_casts(cx_child(c, 0));
		if (lhs.kind == CXCursor_DeclRefExpr && clang_equalCursors(clang_getCursorReferenced(lhs), w->var))
			w->nstores += 2;
	}
	return 0;
}

/* The call stored into local pointer e's variable, when it is its only store in function fn; else null. */
static CXCursor only_call_stored(CXCursor fn, CXCursor e)
{
	defs_walk w;
	CXCursor s = cx_strip_casts(e), v;
	if (s.kind != CXCursor_DeclRefExpr || cx_is_null(fn))
		return clang_getNullCursor();
	w.var = clang_getCursorReferenced(s);
	w.value = clang_getNullCursor();
	w.nstores = 0;
	if (w.var.kind != CXCursor_VarDecl || clang_Cursor_hasVarDeclGlobalStorage(w.var) != 0)
		return clang_getNullCursor();
	cx_each_descendant(fn, count_stores, &w);
	v = cx_strip_casts(w.value);
	return w.nstores == 1 && v.kind == CXCursor_CallExpr ? v : clang_getNullCursor();
}

typedef struct refs_walk {
	CXCursor refs[MAX_REFS];
	unsigned n;
	int shrinks; /* a subtraction, division or shift among the arguments */
} refs_walk;

/* Visitor: collects the variables an expression mentions, and whether it shrinks anything. */
static int collect_refs(CXCursor c, CXCursor parent, void *ud)
{
	refs_walk *w = ud;
	enum CX_BinaryOperatorKind op;
	(void)parent;
	if (c.kind == CXCursor_DeclRefExpr && w->n < MAX_REFS) {
		CXCursor d = clang_getCursorReferenced(c);
		if (d.kind == CXCursor_VarDecl || d.kind == CXCursor_ParmDecl)
			w->refs[w->n++] = d;
	}
	op = cx_binop(c);
	if (op == CX_BO_Sub || op == CX_BO_Div || op == CX_BO_Shr || op == CX_BO_Rem || op == CX_BO_SubAssign)
		w->shrinks = 1;
	return 0;
}

static void call_refs(CXCursor call, refs_walk *w)
{
	unsigned n = cx_child_count(call);
	CXCursor args[MAX_REFS];
	memset(w, 0, sizeof(*w));
	n = cx_children(call, args, n < MAX_REFS ? n : MAX_REFS);
	for (unsigned i = 1; i < n; i++)
		if (!collect_refs(args[i], call, w))
			cx_each_descendant(args[i], collect_refs, w);
}

/*
 * 1 when dest was allocated, in this function, by a call sized from the same variable as the call that made
 * the source string (`src = dup_string(b); dst = calloc(1, len(b))`): taken to mean the destination has
 * room for the source's length. With at least one character of the input consumed before the field, the
 * field and its terminator then fit.
 */
static int sized_like_source(const cvet_event *ev, CXCursor src, CXCursor dest)
{
	CXCursor made = only_call_stored(ev->function, src), alloc = only_call_stored(ev->function, dest);
	refs_walk a, b;
	if (cx_is_null(made) || cx_is_null(alloc) ||
	    clang_getCanonicalType(clang_getCursorType(alloc)).kind != CXType_Pointer)
		return 0;
	call_refs(alloc, &a);
	call_refs(made, &b);
	if (a.shrinks)
		return 0;
	for (unsigned i = 0; i < a.n; i++)
		for (unsigned j = 0; j < b.n; j++)
			if (clang_equalCursors(a.refs[i], b.refs[j]))
				return 1;
	return 0;
}

static void on_call(cvet_tu *tu, void *state, const cvet_event *ev)
{
	int row = cvet_calls__find_row(ev->call->name, scanf_fns, sizeof scanf_fns / sizeof scanf_fns[0],
					 sizeof scanf_fns[0]);
	CXCursor fmt_arg;
	char *fmt = NULL, conv;
	unsigned argno;
	long long src_len = 0;
	int src_known, consumed = 0;
	(void)state;
	if (row < 0 || !cvet_calls__is_libc(ev))
		return;
	fmt_arg = cvet_calls__arg(ev, scanf_fns[row].fmt);
	if (cx_is_null(fmt_arg) || !cvet_literals__format_text(fmt_arg, &fmt) || !fmt)
		return;
	/* reading from a string of bounded length (an array, a literal), no field is longer than it */
	src_known = scanf_fns[row].from_string && cvet_literals__len(cvet_calls__arg(ev, 0), &src_len);
	for (unsigned nth = 0; nth < 64 && find_unbounded(fmt, nth, &conv, &argno, &consumed); nth++) {
		long long room = 0, elem = 1;
		CXCursor dest = cvet_calls__arg(ev, scanf_fns[row].fmt + 1 + argno);
		const char *spec = conv == 's' ? "%s" : "%[";
		int room_known = !cx_is_null(dest) && cvet_buffers__dest_room(dest, &room, &elem) && room / elem > 1;
		if (room_known && src_known && src_len + 1 <= room / elem)
			continue;
		if (!room_known && scanf_fns[row].from_string && consumed &&
		    sized_like_source(ev, cvet_calls__arg(ev, 0), dest))
			continue;
		if (room_known)
			cvet_tu_report(tu, &cvet_check_scanf_unbounded, fmt_arg,
				       "'%s' reads '%s' without a field width and can overflow its buffer of %lld characters; "
				       "use a width such as '%%%lld%s'", ev->call->name, spec, room / elem, room / elem - 1,
				       conv == 's' ? "s" : "[");
		else
			cvet_tu_report(tu, &cvet_check_scanf_unbounded, fmt_arg,
				       "'%s' reads '%s' without a field width; give a width one less than the buffer size",
				       ev->call->name, spec);
		break;
	}
	free(fmt);
}

const cvet_check cvet_check_scanf_unbounded = {
	.rule = {.id = "scanf-unbounded",
		 .title = "scanf string conversion without a field width",
		 .severity = CVET_SEV_HIGH,
		 .cwe = {120},
		 .precision = CVET_PRECISION_VERY_HIGH},
	.on_call = on_call,
};
