/* buffers.c - check helpers: room left in destination buffers and the variable a write lands in */
#include <clang-c/Index.h>
#include "code/cx.h"
#include "lib/buffers.h"

/* Size in bytes of a constant array type and of its element; 1 on success. */
static int array_bytes(CXType t, long long *bytes, long long *elem)
{
	CXType c = clang_getCanonicalType(t);
	long long n, sz, es;
	if (!cx_array_size(c, &n))
		return 0;
	sz = clang_Type_getSizeOf(c);
	es = clang_Type_getSizeOf(clang_getArrayElementType(c));
	if (sz < 0 || es <= 0 || n < 0)
		return 0;
	*bytes = sz;
	*elem = es;
	return 1;
}

/* Visitor: remember the last FieldDecl among a record's direct children. */
static enum CXChildVisitResult last_field_visit(CXCursor c, CXCursor parent, CXClientData data)
{
	(void)parent;
	if (c.kind == CXCursor_FieldDecl)
		*(CXCursor *)data = c;
	return CXChildVisit_Continue;
}

/* 1 when a member expression names a trailing array of at most one element (the "struct hack"). */
static int is_struct_hack(CXCursor member)
{
	CXCursor field = clang_getCursorReferenced(member), rec, last = clang_getNullCursor();
	long long n = 0;
	if (field.kind != CXCursor_FieldDecl)
		return 0;
	if (!cx_array_size(clang_getCursorType(field), &n) || n > 1)
		return 0;
	rec = clang_getCursorSemanticParent(field);
	if (cx_is_null(rec))
		return 1;
	clang_visitChildren(rec, last_field_visit, &last);
	return !cx_is_null(last) && clang_equalCursors(last, field);
}

/* Room of an array-typed expression (after implicit casts); 1 on success. */
int cvet_buffers__array_room(CXCursor a, long long *bytes, long long *elem)
{
	a = cx_strip(a);
	if (cx_is_null(a))
		return 0;
	if (a.kind == CXCursor_MemberRefExpr && is_struct_hack(a))
		return 0;
	if (a.kind != CXCursor_DeclRefExpr && a.kind != CXCursor_MemberRefExpr && a.kind != CXCursor_ArraySubscriptExpr)
		return 0;
	return array_bytes(clang_getCursorType(a), bytes, elem);
}

int cvet_buffers__dest_room(CXCursor e, long long *bytes, long long *elem)
{
	CXCursor s = cx_strip_casts(e);
	long long b = 0, el = 0, k = 0;
	if (cx_is_null(s))
		return 0;
	if (s.kind == CXCursor_UnaryOperator && cx_unop(s) == CXUnaryOperator_AddrOf) {
		CXCursor x = cx_strip(cx_child(s, 0));
		if (x.kind == CXCursor_ArraySubscriptExpr) {
			if (!cvet_buffers__array_room(cx_child(x, 0), &b, &el) || !cx_int_const(cx_child(x, 1), &k))
				return 0;
		} else if (!cvet_buffers__array_room(x, &b, &el)) {
			return 0;
		}
	} else if (s.kind == CXCursor_BinaryOperator && cx_binop(s) == CX_BO_Add) {
		if (!cvet_buffers__array_room(cx_child(s, 0), &b, &el) || !cx_int_const(cx_child(s, 1), &k))
			return 0;
	} else if (!cvet_buffers__array_room(s, &b, &el)) {
		return 0;
	}
	if (k < 0 || k > b / el)
		return 0;
	*bytes = b - k * el;
	*elem = el;
	return 1;
}

/* 1 when an expression (implicit casts stripped) has pointer or array type. */
static int ptr_or_array(CXCursor e)
{
	CXType t = clang_getCanonicalType(clang_getCursorType(cx_strip(e)));
	return t.kind == CXType_Pointer || t.kind == CXType_ConstantArray || t.kind == CXType_IncompleteArray ||
	       t.kind == CXType_VariableArray;
}

CXCursor cvet_buffers__root_var(CXCursor e)
{
	CXCursor s = cx_strip_casts(e);
	for (unsigned depth = 0; depth < 64 && !cx_is_null(s); depth++) {
		switch (s.kind) {
		case CXCursor_UnaryOperator:
		case CXCursor_ArraySubscriptExpr:
			s = cx_strip_casts(cx_child(s, 0));
			continue;
		case CXCursor_MemberRefExpr:
			if (cx_child_count(s) == 0 || cx_strip_casts(cx_child(s, 0)).kind == CXCursor_CXXThisExpr)
				return cx_referenced(s);
			s = cx_strip_casts(cx_child(s, 0));
			continue;
		case CXCursor_BinaryOperator: {
			enum CX_BinaryOperatorKind op = cx_binop(s);
			if (op != CX_BO_Add && op != CX_BO_Sub)
				return clang_getNullCursor();
			s = (op == CX_BO_Add && ptr_or_array(cx_child(s, 1)) && !ptr_or_array(cx_child(s, 0)))
				    ? cx_strip_casts(cx_child(s, 1))
				    : cx_strip_casts(cx_child(s, 0));
			continue;
		}
		case CXCursor_DeclRefExpr: {
			CXCursor d = clang_getCursorReferenced(s);
			if (d.kind == CXCursor_VarDecl || d.kind == CXCursor_ParmDecl)
				return d;
			return clang_getNullCursor();
		}
		default:
			return clang_getNullCursor();
		}
	}
	return clang_getNullCursor();
}
