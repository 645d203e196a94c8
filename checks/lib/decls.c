/* decls.c - check helpers: declarations, types, storage and lvalues: what an expression designates */
#include <stdlib.h>
#include <string.h>
#include <clang-c/Index.h>
#include "code/cx.h"
#include "code/cx_text.h"
#include "lib/decls.h"

int cvet_decls__same_path(CXCursor a, CXCursor b)
{
	char *sa = NULL, *sb = NULL;
	int same = 0;
	if (cx_is_null(a) || cx_is_null(b))
		return 0;
	if (cx_same_ref(a, b))
		return 1;
	if (cx_string_literal(a, &sa) && cx_string_literal(b, &sb) && sa && sb)
		same = strcmp(sa, sb) == 0;
	free(sa);
	free(sb);
	return same;
}

int cvet_decls__is_auto_local(CXCursor decl)
{
	if (decl.kind != CXCursor_VarDecl)
		return 0;
	if (clang_Cursor_hasVarDeclGlobalStorage(decl) == 1 || clang_Cursor_hasVarDeclExternalStorage(decl) == 1)
		return 0;
	if (clang_getCursorTLSKind(decl) != CXTLS_None)
		return 0;
	return 1;
}

int cvet_decls__is_array_decl(CXCursor decl)
{
	CXType t = clang_getCanonicalType(clang_getCursorType(decl));
	return t.kind == CXType_ConstantArray || t.kind == CXType_IncompleteArray || t.kind == CXType_VariableArray ||
	       t.kind == CXType_DependentSizedArray;
}

int cvet_decls__is_pointer_type(CXType t)
{
	return clang_getCanonicalType(t).kind == CXType_Pointer;
}

int cvet_decls__is_dependent(CXCursor e)
{
	enum CXTypeKind k = clang_getCanonicalType(clang_getCursorType(e)).kind;
	return k == CXType_Dependent || k == CXType_Unexposed || k == CXType_Invalid;
}

int cvet_decls__is_array_type(CXType t)
{
	CXType c = clang_getCanonicalType(t);
	return c.kind == CXType_ConstantArray || c.kind == CXType_IncompleteArray || c.kind == CXType_VariableArray;
}

int cvet_decls__is_reference_type(CXType t)
{
	CXType c = clang_getCanonicalType(t);
	return c.kind == CXType_LValueReference || c.kind == CXType_RValueReference;
}

/*
 * The variable or parameter whose own storage an lvalue expression denotes (x, x.f, x.a[2], arr[i] for
 * an array arr), or a null cursor when the storage may be elsewhere (through a pointer, a reference,
 * a call).
 */
static CXCursor storage_owner_depth(CXCursor e, unsigned depth)
{
	CXCursor s = cx_strip_casts(e), d, base;
	if (depth > 32 || cx_is_null(s) || cvet_decls__is_dependent(e))
		return clang_getNullCursor();
	switch (s.kind) {
	case CXCursor_DeclRefExpr:
		d = clang_getCursorReferenced(s);
		if (d.kind != CXCursor_VarDecl && d.kind != CXCursor_ParmDecl)
			return clang_getNullCursor();
		if (cvet_decls__is_reference_type(clang_getCursorType(d)))
			return clang_getNullCursor();
		/* a parameter written as an array is a pointer (libclang reports the written type) */
		if (d.kind == CXCursor_ParmDecl && cvet_decls__is_array_type(clang_getCursorType(d)))
			return clang_getNullCursor();
		return d;
	case CXCursor_MemberRefExpr:
		if (cx_child_count(s) != 1)
			return clang_getNullCursor(); /* implicit this-> */
		base = cx_child(s, 0);
		if (cvet_decls__is_pointer_type(clang_getCursorType(cx_strip(base))))
			return clang_getNullCursor(); /* p->f: wherever p points */
		return storage_owner_depth(base, depth + 1);
	case CXCursor_ArraySubscriptExpr:
		base = cx_strip(cx_child(s, 0));
		if (!cvet_decls__is_array_type(clang_getCursorType(base)))
			return clang_getNullCursor();
		return storage_owner_depth(base, depth + 1);
	default:
		return clang_getNullCursor();
	}
}

CXCursor cvet_decls__storage_owner(CXCursor e)
{
	return storage_owner_depth(e, 0);
}

/* Visitor: stops where the variable *ud may change (see cvet_decls__written_in). */
static int writes_to(CXCursor c, CXCursor parent, void *ud)
{
	const CXCursor *var = ud;
	CXCursor target = clang_getNullCursor();
	(void)parent;
	if (c.kind == CXCursor_CompoundAssignOperator || (c.kind == CXCursor_BinaryOperator && cx_binop(c) == CX_BO_Assign)) {
		target = cx_child(c, 0);
	} else if (c.kind == CXCursor_UnaryOperator) {
		enum CXUnaryOperatorKind op = cx_unop(c);
		if (op == CXUnaryOperator_AddrOf || op == CXUnaryOperator_PreInc || op == CXUnaryOperator_PreDec ||
		    op == CXUnaryOperator_PostInc || op == CXUnaryOperator_PostDec)
			target = cx_child(c, 0);
	} else if (c.kind == CXCursor_CallExpr && cvet_decls__is_array_decl(*var)) {
		unsigned n = cx_child_count(c);
		for (unsigned i = 1; i < n; i++) {
			CXCursor a = cx_strip_casts(cx_child(c, i));
			if (a.kind == CXCursor_DeclRefExpr && clang_equalCursors(clang_getCursorReferenced(a), *var))
				return 1;
		}
	}
	return !cx_is_null(target) && clang_equalCursors(cvet_decls__storage_owner(target), *var);
}

int cvet_decls__written_in(CXCursor fn, CXCursor var)
{
	return cx_each_descendant(fn, writes_to, &var);
}

/* Kind of storage of a variable or parameter, for messages. */
const char *cvet_decls__storage_word(CXCursor decl)
{
	CXCursor p;
	if (decl.kind == CXCursor_ParmDecl)
		return "parameter";
	if (cvet_decls__is_auto_local(decl))
		return "local";
	p = clang_getCursorSemanticParent(decl);
	if (p.kind == CXCursor_FunctionDecl || p.kind == CXCursor_CXXMethod || p.kind == CXCursor_Constructor ||
	    p.kind == CXCursor_Destructor)
		return "static local";
	return "global";
}

/* Copy of s without whitespace; NULL on OOM or when s holds something with side effects or calls. */
static char *squeeze(const char *s)
{
	size_t n = strlen(s), k = 0;
	char *out;
	if (n > 512 || strchr(s, '(') || strstr(s, "++") || strstr(s, "--") || strchr(s, '='))
		return NULL;
	out = malloc(n + 1);
	if (!out)
		return NULL;
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			out[k++] = *s;
	out[k] = '\0';
	return out;
}

static int textual_kind(enum CXCursorKind k)
{
	return k == CXCursor_ArraySubscriptExpr || k == CXCursor_UnaryOperator || k == CXCursor_MemberRefExpr;
}

int cvet_decls__same_lvalue(cvet_tu *tu, CXCursor a, CXCursor b)
{
	CXCursor sa = cx_strip_casts(a), sb = cx_strip_casts(b);
	char *ta, *tb, *qa = NULL, *qb = NULL;
	int same = 0;
	if (cx_is_null(sa) || cx_is_null(sb))
		return 0;
	if (cx_same_ref(sa, sb))
		return 1;
	if (sa.kind != sb.kind || !textual_kind(sa.kind))
		return 0;
	if (sa.kind == CXCursor_UnaryOperator && cx_unop(sa) != CXUnaryOperator_Deref)
		return 0;
	ta = cx_text(tu, sa);
	tb = cx_text(tu, sb);
	if (ta && tb) {
		qa = squeeze(ta);
		qb = squeeze(tb);
		same = qa && qb && *qa && strcmp(qa, qb) == 0;
	}
	free(ta);
	free(tb);
	free(qa);
	free(qb);
	return same;
}

struct mention_ctx {
	CXCursor ref;
	int found;
};

static int mention_visit(CXCursor c, CXCursor parent, void *ud)
{
	struct mention_ctx *m = ud;
	(void)parent;
	if ((c.kind == CXCursor_DeclRefExpr || c.kind == CXCursor_MemberRefExpr) && cx_same_ref(c, m->ref)) {
		m->found = 1;
		return 1;
	}
	return 0;
}

int cvet_decls__mentions(CXCursor e, CXCursor ref)
{
	struct mention_ctx m = {ref, 0};
	if (cx_is_null(e))
		return 0;
	if ((e.kind == CXCursor_DeclRefExpr || e.kind == CXCursor_MemberRefExpr) && cx_same_ref(e, ref))
		return 1;
	cx_each_descendant(e, mention_visit, &m);
	return m.found;
}

CXCursor cvet_decls__var_init(CXCursor decl)
{
	unsigned n = cx_child_count(decl);
	CXCursor last;
	if (!n)
		return clang_getNullCursor();
	last = cx_child(decl, n - 1);
	return clang_isExpression(last.kind) ? last : clang_getNullCursor();
}
