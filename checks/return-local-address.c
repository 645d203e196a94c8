/* return-local-address.c - flags returning the address of, or a reference to, own stack storage (CWE-562) */
#include <stdlib.h>
#include "code/check.h"
#include "code/cx.h"
#include "lib/ast_flat.h"
#include "lib/decls.h"

extern const cvet_check cvet_check_return_local_address;

#define MAX_CHAIN 12 /* steps followed back from a return: p = q; q = cond ? buf : x; ... */

typedef struct rla_state {
	cvet_flat flat; /* reused between functions */
	long long budget;       /* nodes the backward searches may still visit in this function */
} rla_state;

/* A declaration whose storage dies with the call: an automatic local or a by-value parameter. */
static int dies_with_call(CXCursor decl)
{
	if (decl.kind == CXCursor_ParmDecl)
		return !cvet_decls__is_reference_type(clang_getCursorType(decl));
	return cvet_decls__is_auto_local(decl);
}

/* What a returned pointer value points into. */
typedef struct target {
	CXCursor owner; /* the dying variable/parameter, or null */
	int node;       /* where the pointer was set (for a step), -1 when it is the return itself */
} target;

static int classify(const cvet_flat *f, CXCursor e, int before, unsigned depth, target *out,
		    long long *budget);

/* Last write to pointer variable `decl` before node `before`: 1 and fills out when it points into a dying
 * object. Increments and += keep the pointer inside the object it had, so the search goes on past them. */
static int last_write(const cvet_flat *f, CXCursor decl, int before, unsigned depth, target *out,
		      long long *budget)
{
	for (int j = before - 1; j > 0; j--) {
		CXCursor c = f->v[j].c, lhs;
		if (--*budget < 0)
			return 0;
		if (c.kind == CXCursor_VarDecl && clang_equalCursors(c, decl)) {
			unsigned n = cx_child_count(c);
			CXCursor init = n ? cx_child(c, n - 1) : clang_getNullCursor();
			if (cx_is_null(init) || !clang_isExpression(init.kind))
				return 0;
			if (!classify(f, init, j, depth + 1, out, budget))
				return 0;
			if (out->node < 0)
				out->node = j;
			return 1;
		}
		if (c.kind == CXCursor_BinaryOperator && cx_binop(c) == CX_BO_Assign) {
			lhs = cx_strip_casts(cx_child(c, 0));
			if (lhs.kind != CXCursor_DeclRefExpr || !clang_equalCursors(clang_getCursorReferenced(lhs), decl))
				continue;
			if (!classify(f, cx_child(c, 1), j, depth + 1, out, budget))
				return 0;
			if (out->node < 0)
				out->node = j;
			return 1;
		}
		if (c.kind == CXCursor_UnaryOperator && cx_unop(c) == CXUnaryOperator_AddrOf) {
			/* &p handed somewhere: p may be set behind our back */
			lhs = cx_strip_casts(cx_child(c, 0));
			if (lhs.kind == CXCursor_DeclRefExpr && clang_equalCursors(clang_getCursorReferenced(lhs), decl))
				return 0;
		}
		if (c.kind == CXCursor_CompoundAssignOperator) {
			enum CX_BinaryOperatorKind op = cx_binop(c);
			lhs = cx_strip_casts(cx_child(c, 0));
			if (lhs.kind == CXCursor_DeclRefExpr && clang_equalCursors(clang_getCursorReferenced(lhs), decl) &&
			    op != CX_BO_AddAssign && op != CX_BO_SubAssign)
				return 0;
		}
	}
	return 0;
}

/*
 * 1 when pointer expression e (evaluated at node `before`) points into storage that dies with the
 * call: &local, &param, a local array, local_array + k, cond ? local : x, or a local pointer variable
 * whose last assignment was one of those.
 */
static int classify(const cvet_flat *f, CXCursor e, int before, unsigned depth, target *out,
		    long long *budget)
{
	CXCursor s = cx_strip_casts(e), d;
	out->owner = clang_getNullCursor();
	out->node = -1;
	if (depth > MAX_CHAIN || cx_is_null(s) || cvet_decls__is_dependent(e))
		return 0;
	switch (s.kind) {
	case CXCursor_UnaryOperator:
		if (cx_unop(s) != CXUnaryOperator_AddrOf)
			return 0;
		d = cvet_decls__storage_owner(cx_child(s, 0));
		if (cx_is_null(d) || !dies_with_call(d))
			return 0;
		out->owner = d;
		return 1;
	case CXCursor_BinaryOperator:
		if (cx_binop(s) != CX_BO_Add && cx_binop(s) != CX_BO_Sub)
			return 0;
		if (classify(f, cx_child(s, 0), before, depth + 1, out, budget))
			return 1;
		return cx_binop(s) == CX_BO_Add && classify(f, cx_child(s, 1), before, depth + 1, out, budget);
	case CXCursor_ConditionalOperator:
		/* children: condition, true value, false value */
		if (cx_child_count(s) == 3 && (classify(f, cx_child(s, 1), before, depth + 1, out, budget) ||
					       classify(f, cx_child(s, 2), before, depth + 1, out, budget)))
			return 1;
		return 0;
	case CXCursor_DeclRefExpr:
	case CXCursor_MemberRefExpr:
		if (cvet_decls__is_array_type(clang_getCursorType(s))) {
			d = cvet_decls__storage_owner(s);
			if (cx_is_null(d) || !dies_with_call(d))
				return 0;
			out->owner = d;
			return 1;
		}
		if (s.kind != CXCursor_DeclRefExpr || !cvet_decls__is_pointer_type(clang_getCursorType(s)))
			return 0;
		d = clang_getCursorReferenced(s);
		if (!cvet_decls__is_auto_local(d))
			return 0;
		return last_write(f, d, before, depth, out, budget);
	default:
		return 0;
	}
}

static void report(cvet_tu *tu, const cvet_flat *f, CXCursor ret, CXCursor fn, const target *t, int ref)
{
	char *fname = cx_spelling(fn), *oname = cx_spelling(t->owner);
	const char *word = cvet_decls__storage_word(t->owner);
	const char *noun = t->owner.kind == CXCursor_ParmDecl                              ? ""
			   : cvet_decls__is_array_type(clang_getCursorType(t->owner)) ? " array"
											 : " variable";
	cvet_finding *fd;
	if (!fname || !oname)
		goto done;
	if (ref)
		fd = cvet_tu_report(tu, &cvet_check_return_local_address, ret,
				    "'%s' returns a reference to %s%s '%s', which no longer exists when the function "
				    "returns; return by value or refer to storage that outlives the call",
				    fname, word, noun, oname);
	else
		fd = cvet_tu_report(tu, &cvet_check_return_local_address, ret,
				    "'%s' returns a pointer into %s%s '%s', which no longer exists when the function "
				    "returns; return heap memory, a caller-provided buffer or static storage",
				    fname, word, noun, oname);
	if (fd && t->node >= 0)
		cvet_tu_add_step(tu, fd, f->v[t->node].c, "the returned pointer is set to point into '%s' here", oname);
done:
	free(fname);
	free(oname);
}

static void on_function_end(cvet_tu *tu, void *state, const cvet_event *ev)
{
	rla_state *st = state;
	CXType rt = clang_getCanonicalType(clang_getResultType(clang_getCursorType(ev->cursor)));
	int ref = rt.kind == CXType_LValueReference || rt.kind == CXType_RValueReference;
	if (rt.kind != CXType_Pointer && !ref)
		return;
	if (cvet_flat__build(ev->cursor, &st->flat) < 0)
		return;
	st->budget = 5000000;
	for (size_t i = 1; i < st->flat.n; i++) {
		CXCursor c = st->flat.v[i].c, e;
		target t;
		if (c.kind != CXCursor_ReturnStmt || cx_child_count(c) != 1)
			continue;
		e = cx_child(c, 0);
		if (ref) {
			CXCursor d = cvet_decls__storage_owner(e);
			if (cx_is_null(d) || !dies_with_call(d))
				continue;
			t.owner = d;
			t.node = -1;
			report(tu, &st->flat, e, ev->cursor, &t, 1);
		} else if (classify(&st->flat, e, (int)i, 0, &t, &st->budget)) {
			report(tu, &st->flat, e, ev->cursor, &t, 0);
		}
	}
}

static void cleanup(void *state)
{
	rla_state *st = state;
	cvet_flat__free(&st->flat);
}

const cvet_check cvet_check_return_local_address = {
	.rule = {.id = "return-local-address",
		 .title = "Function returns the address of its own local storage",
		 .severity = CVET_SEV_HIGH,
		 .cwe = {562},
		 .precision = CVET_PRECISION_HIGH},
	.state_size = sizeof(rla_state),
	.on_function_end = on_function_end,
	.cleanup = cleanup,
};
