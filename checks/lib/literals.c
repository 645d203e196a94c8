/* literals.c - check helpers: string literals and constant strings: their text and longest length */
#include <stdlib.h>
#include <string.h>
#include <clang-c/Index.h>
#include "code/cx.h"
#include "lib/literals.h"
#include "lib/buffers.h"
#include "lib/calls.h"
#include "lib/decls.h"

#define MAX_DEPTH 32
#define MAX_TABLE 4096 /* elements of a table of literals read for their longest */

/* 1 when a variable's type is const (the pointer itself, or the elements of an array). */
static int const_var(CXCursor decl)
{
	CXType t = clang_getCursorType(decl), c = clang_getCanonicalType(t);
	if (clang_isConstQualifiedType(t) || clang_isConstQualifiedType(c))
		return 1;
	while (c.kind == CXType_ConstantArray || c.kind == CXType_IncompleteArray) {
		c = clang_getCanonicalType(clang_getArrayElementType(c));
		if (clang_isConstQualifiedType(c))
			return 1;
	}
	return 0;
}

static int literal_len_depth(CXCursor e, long long *chars, unsigned depth);

/* The variable an lvalue is part of: a in a, a[i], a[i].f, a.f[i] (after casts); else a null cursor. */
static CXCursor base_var(CXCursor e)
{
	CXCursor s = cx_strip_casts(e);
	for (unsigned guard = 0; guard < MAX_DEPTH && !cx_is_null(s); guard++) {
		if ((s.kind == CXCursor_ArraySubscriptExpr || s.kind == CXCursor_MemberRefExpr) && cx_child_count(s) > 0) {
			s = cx_strip_casts(cx_child(s, 0));
			continue;
		}
		break;
	}
	return s.kind == CXCursor_DeclRefExpr ? clang_getCursorReferenced(s) : clang_getNullCursor();
}

/* 1 when the table's contents stay those of its initialiser: const, static storage (re-filling a static
 * table of literals at run time is rare), or a local its function never writes into, takes the address of
 * or hands on. */
static int table_fixed(CXCursor d)
{
	CXCursor fn;
	if (const_var(d) || clang_Cursor_hasVarDeclGlobalStorage(d) == 1)
		return 1;
	fn = clang_getCursorSemanticParent(d);
	if (fn.kind != CXCursor_FunctionDecl && fn.kind != CXCursor_CXXMethod)
		return 0;
	return !cvet_decls__written_in(fn, d);
}

/*
 * The longest string an element of a fixed table of literals can hold: names[i] for `const char *names[]
 * = {"a", "bc"}`, cases[i].text for `struct { const char *text; int e; } cases[] = {{"<a>", 1}, ...}`.
 * Every element's entry must be a literal.
 */
static int table_max_len(CXCursor s, long long *chars, unsigned depth)
{
	CXCursor sub = s, d, init, field = clang_getNullCursor();
	CXCursor *els;
	long long best = -1, n;
	unsigned idx = 0, nel;
	int member = 0, ok = 1;
	if (s.kind == CXCursor_MemberRefExpr) {
		CXCursor rec, f;
		unsigned i, nf;
		field = clang_getCursorReferenced(s);
		if (field.kind != CXCursor_FieldDecl || cx_child_count(s) == 0)
			return 0;
		sub = cx_strip_casts(cx_child(s, 0));
		rec = clang_getCursorSemanticParent(field);
		nf = cx_child_count(rec);
		for (i = 0, idx = 0; i < nf; i++) {
			f = cx_child(rec, i);
			if (clang_equalCursors(f, field))
				break;
			if (f.kind == CXCursor_FieldDecl)
				idx++;
		}
		if (i == nf)
			return 0;
		member = 1;
	}
	if (sub.kind != CXCursor_ArraySubscriptExpr || cx_child_count(sub) == 0)
		return 0;
	sub = cx_strip_casts(cx_child(sub, 0));
	if (sub.kind != CXCursor_DeclRefExpr)
		return 0;
	d = clang_getCursorReferenced(sub);
	if (d.kind != CXCursor_VarDecl)
		return 0;
	init = clang_Cursor_getVarDeclInitializer(d);
	if (cx_is_null(init) || init.kind != CXCursor_InitListExpr || !table_fixed(d))
		return 0;
	if (!(els = malloc(MAX_TABLE * sizeof(*els))))
		return 0;
	nel = cx_children(init, els, MAX_TABLE);
	for (unsigned i = 0; i < nel && ok; i++) {
		CXCursor el = els[i];
		if (member) {
			if (el.kind != CXCursor_InitListExpr || idx >= cx_child_count(el)) {
				ok = 0;
				break;
			}
			el = cx_child(el, idx);
		}
		if (!literal_len_depth(el, &n, depth + 1))
			ok = 0;
		else if (n > best)
			best = n;
	}
	free(els);
	if (!ok || best < 0 || nel >= MAX_TABLE)
		return 0;
	*chars = best;
	return 1;
}

static int literal_len_depth(CXCursor e, long long *chars, unsigned depth)
{
	CXCursor s = cx_strip_casts(e);
	long long n;
	if (depth > MAX_DEPTH || cx_is_null(s))
		return 0;
	if (s.kind == CXCursor_StringLiteral) {
		if (!cx_array_size(clang_getCursorType(s), &n) || n < 1)
			return 0;
		*chars = n - 1;
		return 1;
	}
	if (s.kind == CXCursor_ConditionalOperator && cx_child_count(s) == 3) {
		long long a, b;
		if (!literal_len_depth(cx_child(s, 1), &a, depth + 1) || !literal_len_depth(cx_child(s, 2), &b, depth + 1))
			return 0;
		*chars = a > b ? a : b;
		return 1;
	}
	if (s.kind == CXCursor_DeclRefExpr) {
		CXCursor d = clang_getCursorReferenced(s);
		if (d.kind == CXCursor_VarDecl && const_var(d)) {
			CXCursor init = clang_Cursor_getVarDeclInitializer(d);
			if (!cx_is_null(init) && literal_len_depth(init, chars, depth + 1))
				return 1;
		}
	}
	if ((s.kind == CXCursor_MemberRefExpr || s.kind == CXCursor_ArraySubscriptExpr) && table_max_len(s, chars, depth))
		return 1;
	/* any array of known size holds a terminated string of at most size - 1 characters */
	if (s.kind == CXCursor_DeclRefExpr || s.kind == CXCursor_MemberRefExpr) {
		long long b, el;
		if (cvet_buffers__array_room(s, &b, &el) && b / el >= 1) {
			*chars = b / el - 1;
			return 1;
		}
	}
	return 0;
}

int cvet_literals__len(CXCursor e, long long *chars)
{
	return literal_len_depth(e, chars, 0);
}

int cvet_literals__var_init(CXCursor decl, char **out)
{
	CXCursor init;
	*out = NULL;
	if (decl.kind != CXCursor_VarDecl)
		return 0;
	init = clang_Cursor_getVarDeclInitializer(decl);
	if (cx_is_null(init))
		return 0;
	return cx_string_literal(init, out);
}

static const char *const gettext_like[] = {
	"gettext", "dgettext", "dcgettext", "ngettext", "dngettext", "dcngettext", "pgettext", "npgettext",
	"g_dgettext", "g_dngettext", "g_dpgettext", "g_dpgettext2", "libintl_gettext", "libintl_dgettext",
	"libintl_ngettext", "_", "N_", "C_", "tr", NULL,
};

static int const_string_depth(CXCursor e, char **out, unsigned depth);

/* 1 when any argument of a translation call is a constant string. */
static int gettext_call(CXCursor call, unsigned depth)
{
	char *name = cx_spelling(call);
	int yes = name && cvet_calls__name_in(name, gettext_like);
	unsigned i, n;
	free(name);
	if (!yes)
		return 0;
	n = cx_child_count(call);
	for (i = 1; i < n && i < 8; i++)
		if (const_string_depth(cx_child(call, i), NULL, depth + 1))
			return 1;
	return 0;
}

/* 1 when an element or member expression reads a table whose contents are fixed (table_fixed). */
static int fixed_table(CXCursor e)
{
	CXCursor d = base_var(e);
	if (d.kind != CXCursor_VarDecl || cx_is_null(clang_Cursor_getVarDeclInitializer(d)))
		return 0;
	return table_fixed(d);
}

static int const_string_depth(CXCursor e, char **out, unsigned depth)
{
	CXCursor s;
	if (out)
		*out = NULL;
	if (depth > MAX_DEPTH || cx_is_null(e))
		return 0;
	if (cx_string_literal(e, out))
		return 1;
	s = cx_strip_casts(e);
	switch (s.kind) {
	case CXCursor_ConditionalOperator:
		return cx_child_count(s) == 3 && const_string_depth(cx_child(s, 1), NULL, depth + 1) &&
		       const_string_depth(cx_child(s, 2), NULL, depth + 1);
	case CXCursor_CallExpr:
		return gettext_call(s, depth);
	case CXCursor_DeclRefExpr: {
		CXCursor d = clang_getCursorReferenced(s), init;
		if (d.kind != CXCursor_VarDecl)
			return 0;
		/* const variables, and static-storage pointers initialised with a literal (static const char
		 * *usage = "..."): re-pointing those at runtime data is rare; arrays can be written into */
		if (!const_var(d) && !(clang_Cursor_hasVarDeclGlobalStorage(d) == 1 &&
				       clang_getCanonicalType(clang_getCursorType(d)).kind == CXType_Pointer))
			return 0;
		init = clang_Cursor_getVarDeclInitializer(d);
		return !cx_is_null(init) && const_string_depth(init, out, depth + 1);
	}
	case CXCursor_ArraySubscriptExpr:
	case CXCursor_MemberRefExpr:
		return fixed_table(s);
	default:
		return 0;
	}
}

int cvet_literals__const_string(CXCursor e, char **out)
{
	return const_string_depth(e, out, 0);
}

int cvet_literals__format_text(CXCursor e, char **out)
{
	CXCursor s = cx_strip_casts(e);
	CXType t;
	long long es;
	*out = NULL;
	if (s.kind == CXCursor_StringLiteral) {
		t = clang_getCanonicalType(clang_getCursorType(s));
		es = clang_Type_getSizeOf(clang_getArrayElementType(t));
		if (es > 1) {
			/* wide literal: take the characters between the quotes of each piece */
			char *sp = cx_spelling(s), *o;
			size_t n = 0;
			int in = 0;
			if (!sp)
				return 0;
			o = malloc(strlen(sp) + 1);
			if (!o) {
				free(sp);
				return 0;
			}
			for (const char *p = sp; *p; p++) {
				if (*p == '"') {
					in = !in;
					continue;
				}
				if (!in)
					continue;
				if (*p == '\\' && (p[1] == '"' || p[1] == '\\'))
					p++;
				o[n++] = *p;
			}
			o[n] = '\0';
			free(sp);
			*out = o;
			return 1;
		}
	}
	return cx_string_literal(e, out);
}
