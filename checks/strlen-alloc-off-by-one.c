/* strlen-alloc-off-by-one.c - flags malloc(strlen(s)) buffers that then receive s and its NUL (CWE-131, 193) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "code/check.h"
#include "code/cx.h"
#include "lib/calls.h"
#include "lib/text.h"
#include "lib/ast_flat.h"
#include "lib/decls.h"

extern const cvet_check cvet_check_strlen_alloc_off_by_one;

#define MAX_STRS 4u /* strings summed in one size: strlen(a) + strlen(b) + ... */

static const struct sized_fn {
	const char *name;
	unsigned size_arg;
} sized_fns[] = {
	{"malloc", 0}, {"realloc", 1}, {"alloca", 0}, {"__builtin_alloca", 0}, {"aligned_alloc", 1},
};

static const char *const length_fns[] = {"strlen", "wcslen", NULL};

/* Copies that write the whole source string and its terminator into argument 0. */
static const char *const string_copies[] = {"strcpy", "stpcpy", "strcat", "wcscpy", "wcscat", NULL};
static const char *const printers[] = {"sprintf", "swprintf", "vsprintf", NULL};
static const char *const memcopies[] = {"memcpy", "memmove", "wmemcpy", NULL};

typedef struct sao_state {
	cvet_flat flat;
} sao_state;

/* The lengths a size is made of: the strings measured, and the variable holding the length (if any). */
typedef struct lens {
	CXCursor str[MAX_STRS]; /* arguments of strlen/wcslen */
	unsigned n;
	CXCursor var;           /* `len` in `len = strlen(s); malloc(len)`, or null */
} lens;

/* Collect strlen(s), strlen(s) * k, and sums of those without any constant term. 1 when e is such. */
static int parse_lengths(CXCursor e, lens *out, unsigned depth)
{
	CXCursor s = cx_strip_casts(e);
	long long k;
	if (depth > 8 || cx_is_null(s))
		return 0;
	if (cvet_calls__call_in(s, length_fns) >= 0) {
		CXCursor a = cvet_calls__call_arg(s, 0);
		if (cx_is_null(a) || out->n >= MAX_STRS)
			return 0;
		out->str[out->n++] = a;
		return 1;
	}
	if (s.kind != CXCursor_BinaryOperator || cx_child_count(s) != 2)
		return 0;
	switch (cx_binop(s)) {
	case CX_BO_Add:
		return parse_lengths(cx_child(s, 0), out, depth + 1) && parse_lengths(cx_child(s, 1), out, depth + 1);
	case CX_BO_Mul: /* wcslen(w) * sizeof(wchar_t): the element size, still no terminator */
		if (cx_int_const(cx_child(s, 1), &k) && k > 0)
			return parse_lengths(cx_child(s, 0), out, depth + 1);
		if (cx_int_const(cx_child(s, 0), &k) && k > 0)
			return parse_lengths(cx_child(s, 1), out, depth + 1);
		return 0;
	default:
		return 0;
	}
}

/* Size argument at node `call`: direct lengths, or a local variable last set to them. */
static int size_lengths(const cvet_flat *f, CXCursor size, int call, lens *out)
{
	CXCursor s = cx_strip_casts(size), d, value;
	memset(out, 0, sizeof(*out));
	out->var = clang_getNullCursor();
	if (parse_lengths(size, out, 0))
		return 1;
	out->n = 0;
	if (s.kind != CXCursor_DeclRefExpr)
		return 0;
	d = clang_getCursorReferenced(s);
	if (!cvet_decls__is_auto_local(d) || cvet_flat__last_write(f, d, call, &value) < 0)
		return 0;
	if (!parse_lengths(value, out, 0))
		return 0;
	out->var = d;
	return 1;
}

/* Where an allocation at node i is stored: a declared variable (*decl) or an assigned lvalue (*lhs). */
static int destination(const cvet_flat *f, int i, CXCursor *decl, CXCursor *lhs)
{
	int child, p = cvet_flat__up(f, i, &child);
	*decl = clang_getNullCursor();
	*lhs = clang_getNullCursor();
	if (p < 0)
		return 0;
	if (f->v[p].c.kind == CXCursor_VarDecl) {
		*decl = f->v[p].c;
		return 1;
	}
	if (f->v[p].c.kind == CXCursor_BinaryOperator && cx_binop(f->v[p].c) == CX_BO_Assign && f->v[child].ord == 1) {
		*lhs = cx_child(f->v[p].c, 0);
		return 1;
	}
	return 0;
}

static int is_dest(cvet_tu *tu, CXCursor e, CXCursor decl, CXCursor lhs)
{
	CXCursor s = cx_strip_casts(e);
	if (!cx_is_null(decl))
		return s.kind == CXCursor_DeclRefExpr && clang_equalCursors(clang_getCursorReferenced(s), decl);
	return cvet_decls__same_lvalue(tu, s, lhs);
}

/* Index of the measured string e designates, or -1. */
static int which_str(cvet_tu *tu, CXCursor e, const lens *l)
{
	for (unsigned i = 0; i < l->n; i++)
		if (cvet_decls__same_lvalue(tu, e, l->str[i]))
			return (int)i;
	return -1;
}

/* 1 when e is the allocated length itself: the length variable or strlen() of a measured string. */
static int is_length(cvet_tu *tu, CXCursor e, const lens *l)
{
	CXCursor s = cx_strip_casts(e);
	if (!cx_is_null(l->var) && s.kind == CXCursor_DeclRefExpr &&
	    clang_equalCursors(clang_getCursorReferenced(s), l->var))
		return 1;
	return l->n == 1 && cvet_calls__call_in(s, length_fns) >= 0 &&
	       which_str(tu, cvet_calls__call_arg(s, 0), l) >= 0;
}

/* 1 when e is `length + k` with k >= 1. */
static int is_length_plus(cvet_tu *tu, CXCursor e, const lens *l)
{
	CXCursor s = cx_strip_casts(e);
	long long k;
	if (s.kind != CXCursor_BinaryOperator || cx_binop(s) != CX_BO_Add || cx_child_count(s) != 2)
		return 0;
	return (is_length(tu, cx_child(s, 0), l) && cx_int_const(cx_child(s, 1), &k) && k >= 1) ||
	       (is_length(tu, cx_child(s, 1), l) && cx_int_const(cx_child(s, 0), &k) && k >= 1);
}

/* 1 when node j writes the terminator (or more) of a measured string into the destination; *what names
 * the operation for the message. */
static int overflowing_write(cvet_tu *tu, const cvet_flat *f, int j, CXCursor decl, CXCursor lhs,
			     const lens *l, const char **what)
{
	CXCursor c = f->v[j].c;
	int w;
	if (c.kind == CXCursor_CallExpr) {
		CXCursor dst = cvet_calls__call_arg(c, 0);
		if (cx_is_null(dst) || !is_dest(tu, dst, decl, lhs))
			return 0;
		if ((w = cvet_calls__call_in(c, string_copies)) >= 0) {
			*what = string_copies[w];
			return which_str(tu, cvet_calls__call_arg(c, 1), l) >= 0;
		}
		if ((w = cvet_calls__call_in(c, memcopies)) >= 0) {
			*what = memcopies[w];
			return which_str(tu, cvet_calls__call_arg(c, 1), l) >= 0 && is_length_plus(tu, cvet_calls__call_arg(c, 2), l);
		}
		if ((w = cvet_calls__call_in(c, printers)) >= 0) {
			int n = clang_Cursor_getNumArguments(c);
			*what = printers[w];
			for (int a = 2; a < n && a < 64; a++)
				if (which_str(tu, cvet_calls__call_arg(c, (unsigned)a), l) >= 0)
					return 1;
		}
		return 0;
	}
	if (c.kind == CXCursor_BinaryOperator && cx_binop(c) == CX_BO_Assign) {
		/* p[len] = '\0' */
		CXCursor target = cx_strip_casts(cx_child(c, 0));
		if (target.kind != CXCursor_ArraySubscriptExpr || cx_child_count(target) != 2)
			return 0;
		*what = NULL; /* a store, not a call */
		return is_dest(tu, cx_child(target, 0), decl, lhs) && is_length(tu, cx_child(target, 1), l);
	}
	return 0;
}

/* 1 when node j overwrites the destination pointer itself. */
static int rewrites_dest(cvet_tu *tu, const cvet_flat *f, int j, CXCursor decl, CXCursor lhs)
{
	CXCursor c = f->v[j].c;
	if (c.kind != CXCursor_BinaryOperator || cx_binop(c) != CX_BO_Assign)
		return 0;
	return is_dest(tu, cx_child(c, 0), decl, lhs);
}

static void on_function_end(cvet_tu *tu, void *state, const cvet_event *ev)
{
	sao_state *st = state;
	cvet_flat *f = &st->flat;
	long long budget = 5000000; /* nodes the copy searches may look at in this function */
	if (cvet_flat__build(ev->cursor, f) < 0)
		return;
	for (size_t n = 1; n < f->n; n++) {
		CXCursor c = f->v[n].c, size = clang_getNullCursor(), decl, lhs;
		const char *fn = NULL, *what = NULL;
		char *callee, *call_text, *str_text, by[48];
		lens l;
		int j;
		cvet_finding *fd;
		if (c.kind != CXCursor_CallExpr)
			continue;
		callee = cvet_calls__callee_name(c);
		if (!callee)
			continue;
		for (size_t k = 0; k < sizeof(sized_fns) / sizeof(sized_fns[0]); k++)
			if (strcmp(callee, sized_fns[k].name) == 0) {
				fn = sized_fns[k].name;
				size = cvet_calls__call_arg(c, sized_fns[k].size_arg);
			}
		free(callee);
		if (!fn || cx_is_null(size) || !cvet_calls__is_libc_decl(clang_getCursorReferenced(c)))
			continue;
		if (!size_lengths(f, size, (int)n, &l) || !destination(f, (int)n, &decl, &lhs))
			continue;
		for (j = f->v[n].end; j < (int)f->n; j++) {
			if (--budget < 0) { /* hostile input: give up on this body */
				j = (int)f->n;
				break;
			}
			if (overflowing_write(tu, f, j, decl, lhs, &l, &what))
				break;
			if (rewrites_dest(tu, f, j, decl, lhs)) {
				j = (int)f->n;
				break;
			}
		}
		if (j >= (int)f->n)
			continue;
		call_text = cvet_text__short_or(tu, c, fn);
		str_text = l.n > 1 ? strdup("the joined strings") : cvet_text__short_or(tu, l.str[0], "the string");
		if (what)
			snprintf(by, sizeof(by), "'%s'", what);
		else
			snprintf(by, sizeof(by), "the store of the terminator");
		if (call_text && str_text) {
			fd = cvet_tu_report(tu, &cvet_check_strlen_alloc_off_by_one, c,
					    "'%s' leaves no room for the terminating NUL after %s%s%s that %s writes; "
					    "allocate one more byte (strlen(...) + 1)",
					    call_text, l.n > 1 ? "" : "'", str_text, l.n > 1 ? "" : "'", by);
			if (fd)
				cvet_tu_add_step(tu, fd, f->v[j].c, "the terminator is written here");
		}
		free(call_text);
		free(str_text);
	}
}

static void cleanup(void *state)
{
	sao_state *st = state;
	cvet_flat__free(&st->flat);
}

const cvet_check cvet_check_strlen_alloc_off_by_one = {
	.rule = {.id = "strlen-alloc-off-by-one",
		 .title = "Buffer sized by strlen() without room for the terminating NUL",
		 .severity = CVET_SEV_HIGH,
		 .cwe = {131, 193},
		 .precision = CVET_PRECISION_HIGH},
	.state_size = sizeof(sao_state),
	.on_function_end = on_function_end,
	.cleanup = cleanup,
};
