/* ast_flat.c - check helpers: a function body flattened in pre-order with parent links, and queries over it */
#include <stdlib.h>
#include <string.h>
#include <clang-c/Index.h>
#include "cvet/common.h"
#include "code/cx.h"
#include "lib/ast_flat.h"

#define MAX_NODES 200000u /* per function body: beyond this the rest is not analysed */
#define MAX_DEPTH 1000u   /* nesting kept per body */

int cvet_flat__same_cursor(CXCursor a, CXCursor b)
{
	/* both tests below need equal kinds; identical fields are equal cursors (cheap paths for flat_visit) */
	if (a.kind != b.kind)
		return 0;
	if (a.data[0] == b.data[0] && a.data[1] == b.data[1] && a.data[2] == b.data[2])
		return 1;
	if (clang_equalCursors(a, b))
		return 1;
	/* clang_equalCursors also compares the parent declaration libclang remembers for an expression, which
	 * depends on how the cursor was reached (a cursor's children found through cx_child lack it). The
	 * statement itself (data[1]) in the same translation unit (data[2]) identifies it. */
	return a.kind == b.kind && (clang_isExpression(a.kind) || clang_isStatement(a.kind)) && a.data[1] &&
	       a.data[1] == b.data[1] && a.data[2] == b.data[2];
}

static int push_node(cvet_flat *f, CXCursor c, int parent)
{
	if (f->n == f->cap) {
		size_t ncap = f->cap ? f->cap * 2 : 256;
		cvet_flat_node *v = realloc(f->v, ncap * sizeof(*v));
		if (!v) {
			f->oom = 1;
			return -1;
		}
		f->v = v;
		f->cap = ncap;
	}
	f->v[f->n].c = c;
	f->v[f->n].parent = parent;
	f->v[f->n].ord = parent >= 0 ? f->v[parent].nkids++ : 0;
	f->v[f->n].nkids = 0;
	f->v[f->n].end = (int)f->n + 1;
	return (int)f->n++;
}

static int push_stack(cvet_flat *f, int idx)
{
	if (f->sn == f->scap) {
		size_t ncap = f->scap ? f->scap * 2 : 64;
		int *s = realloc(f->stack, ncap * sizeof(*s));
		if (!s) {
			f->oom = 1;
			return -1;
		}
		f->stack = s;
		f->scap = ncap;
	}
	f->stack[f->sn++] = idx;
	return 0;
}

/* Cursors whose bodies belong to another analysis unit. */
static int is_nested_unit(enum CXCursorKind k)
{
	switch (k) {
	case CXCursor_FunctionDecl:
	case CXCursor_CXXMethod:
	case CXCursor_Constructor:
	case CXCursor_Destructor:
	case CXCursor_FunctionTemplate:
	case CXCursor_ConversionFunction:
	case CXCursor_ClassDecl:
	case CXCursor_StructDecl:
	case CXCursor_UnionDecl:
	case CXCursor_ClassTemplate:
	case CXCursor_LambdaExpr:
	case CXCursor_BlockExpr:
		return 1;
	default:
		return 0;
	}
}

static enum CXChildVisitResult flat_visit(CXCursor c, CXCursor parent, CXClientData data)
{
	cvet_flat *f = data;
	int idx;
	/* the stack holds the path from the root; unwind to the parent of c */
	while (f->sn > 1 && !cvet_flat__same_cursor(f->v[f->stack[f->sn - 1]].c, parent))
		f->sn--;
	if (f->n >= MAX_NODES) {
		f->truncated = 1;
		return CXChildVisit_Break;
	}
	if (is_nested_unit(c.kind))
		return CXChildVisit_Continue;
	idx = push_node(f, c, f->sn ? f->stack[f->sn - 1] : 0);
	if (idx < 0)
		return CXChildVisit_Break;
	if (f->sn >= MAX_DEPTH) {
		f->truncated = 1;
		return CXChildVisit_Continue;
	}
	if (push_stack(f, idx) < 0)
		return CXChildVisit_Break;
	return CXChildVisit_Recurse;
}

int cvet_flat__build(CXCursor root, cvet_flat *f)
{
	f->n = 0;
	f->sn = 0;
	f->truncated = 0;
	f->oom = 0;
	if (cx_is_null(root))
		return 0;
	if (push_node(f, root, -1) < 0 || push_stack(f, 0) < 0)
		return CVET_ENOMEM;
	clang_visitChildren(root, flat_visit, f);
	/* subtree ends: children come after their parent, so one backward pass settles them */
	for (size_t i = f->n; i-- > 1;) {
		int p = f->v[i].parent;
		if (p >= 0 && f->v[i].end > f->v[p].end)
			f->v[p].end = f->v[i].end;
	}
	return f->oom ? CVET_ENOMEM : 0;
}

void cvet_flat__free(cvet_flat *f)
{
	if (!f)
		return;
	free(f->v);
	free(f->stack);
	memset(f, 0, sizeof(*f));
}

int cvet_flat__is_wrapper(CXCursor c)
{
	switch (c.kind) {
	case CXCursor_ParenExpr:
	case CXCursor_CStyleCastExpr:
	case CXCursor_CXXStaticCastExpr:
	case CXCursor_CXXReinterpretCastExpr:
	case CXCursor_CXXConstCastExpr:
	case CXCursor_CXXFunctionalCastExpr:
		return 1;
	case CXCursor_UnexposedExpr:
		return cx_child_count(c) == 1;
	default:
		return 0;
	}
}

int cvet_flat__up(const cvet_flat *f, int i, int *child)
{
	int below = i;
	if (i < 0 || (size_t)i >= f->n)
		return -1;
	i = f->v[i].parent;
	while (i >= 0 && cvet_flat__is_wrapper(f->v[i].c)) {
		below = i;
		i = f->v[i].parent;
	}
	if (child)
		*child = below;
	return i;
}

int cvet_flat__within(const cvet_flat *f, int i, int j)
{
	if (i < 0 || j < 0 || (size_t)i >= f->n)
		return 0;
	return j >= i && j < f->v[i].end;
}

int cvet_flat__mentions_at(const cvet_flat *f, int i, CXCursor ref)
{
	if (i < 0 || (size_t)i >= f->n)
		return 0;
	for (int j = i; j < f->v[i].end; j++) {
		CXCursor c = f->v[j].c;
		if ((c.kind == CXCursor_DeclRefExpr || c.kind == CXCursor_MemberRefExpr) && cx_same_ref(c, ref))
			return 1;
	}
	return 0;
}

int cvet_flat__find(const cvet_flat *f, CXCursor c, int from)
{
	for (size_t k = from < 0 ? 0 : (size_t)from; k < f->n; k++)
		if (cvet_flat__same_cursor(f->v[k].c, c))
			return (int)k;
	return -1;
}

int cvet_flat__refers_to(const cvet_flat *f, int i, CXCursor decl)
{
	CXCursor s;
	if (i < 0 || (size_t)i >= f->n)
		return 0;
	s = cx_strip_casts(f->v[i].c);
	return s.kind == CXCursor_DeclRefExpr && clang_equalCursors(clang_getCursorReferenced(s), decl);
}

/* How node i changes `decl`: 0 not at all, 1 plain write (*value set), 2 some other change. */
static int write_kind(const cvet_flat *f, int i, CXCursor decl, CXCursor *value)
{
	CXCursor c = f->v[i].c;
	unsigned n;
	switch (c.kind) {
	case CXCursor_VarDecl:
		if (!clang_equalCursors(c, decl))
			return 0;
		n = f->v[i].nkids;
		if (!n)
			return 0;
		*value = cx_child(c, n - 1);
		return clang_isExpression(value->kind) ? 1 : 0;
	case CXCursor_BinaryOperator:
		if (cx_binop(c) != CX_BO_Assign || f->v[i].nkids != 2 || !cvet_flat__refers_to(f, i + 1, decl))
			return 0;
		*value = cx_child(c, 1);
		return 1;
	case CXCursor_CompoundAssignOperator:
		return cvet_flat__refers_to(f, i + 1, decl) ? 2 : 0;
	case CXCursor_UnaryOperator:
		switch (cx_unop(c)) {
		case CXUnaryOperator_PostInc:
		case CXUnaryOperator_PostDec:
		case CXUnaryOperator_PreInc:
		case CXUnaryOperator_PreDec:
		case CXUnaryOperator_AddrOf:
			return (size_t)i + 1 < f->n && f->v[i + 1].parent == i &&
					       cvet_flat__refers_to(f, i + 1, decl)
				       ? 2
				       : 0;
		default:
			return 0;
		}
	default:
		return 0;
	}
}

int cvet_flat__last_write(const cvet_flat *f, CXCursor decl, int before, CXCursor *value)
{
	if (before > (int)f->n)
		before = (int)f->n;
	for (int j = before - 1; j > 0; j--) {
		int k = write_kind(f, j, decl, value);
		if (k == 1)
			return j;
		if (k == 2)
			return -1;
	}
	return -1;
}

int cvet_flat__all_writes(const cvet_flat *f, CXCursor decl, int (*ok)(CXCursor value, void *ud),
			     void *ud)
{
	int seen = 0;
	for (size_t j = 1; j < f->n; j++) {
		CXCursor v;
		int k = write_kind(f, (int)j, decl, &v);
		if (k == 2 || (k == 1 && !ok(v, ud)))
			return 0;
		seen += k == 1;
	}
	return seen > 0;
}
