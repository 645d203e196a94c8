/* alloc-size-overflow.c - flags allocation sizes from unchecked multiplications that can wrap (CWE-190, 680) */
#include <stdlib.h>
#include <string.h>
#include "code/check.h"
#include "code/cx.h"
#include "lib/calls.h"
#include "lib/text.h"
#include "lib/ast_flat.h"
#include "lib/parse_errors.h"
#include "lib/decls.h"

extern const cvet_check cvet_check_alloc_size_overflow;

#define MAX_KEYS 8u /* variables looked at per multiplication operand */

/* Allocators and the index of their size argument. calloc and reallocarray multiply safely: not listed. */
static const struct sized_fn {
	const char *name;
	unsigned size_arg;
} sized_fns[] = {
	{"malloc", 0}, {"realloc", 1}, {"aligned_alloc", 1}, {"memalign", 1}, {"valloc", 0},
};

/* Calls that check a multiplication for overflow themselves (operands mentioned in them are guarded). */
static const char *const overflow_checkers[] = {"__builtin_mul_overflow", "__builtin_umul_overflow",
						"__builtin_umull_overflow", "__builtin_umulll_overflow",
						"__builtin_mul_overflow_p", "ckd_mul", NULL};

typedef struct aso_state {
	cvet_flat flat;
	cvet_parse_errors errors; /* where the parse failed */
	int *guards;         /* nodes that can bound a value: relational comparisons, overflow-checking calls */
	long long budget;    /* nodes guard searches may still look at in this function (hostile input) */
	size_t nguards, cap;
} aso_state;

/* Index of the size argument when node c calls one of sized_fns, else -1; *name gets the table name. */
static int size_arg_of(CXCursor c, const char **name)
{
	char *callee;
	int idx = -1;
	if (c.kind != CXCursor_CallExpr)
		return -1;
	callee = cvet_calls__callee_name(c);
	if (!callee)
		return -1;
	for (size_t i = 0; i < sizeof(sized_fns) / sizeof(sized_fns[0]); i++)
		if (strcmp(sized_fns[i].name, callee) == 0) {
			idx = (int)sized_fns[i].size_arg;
			*name = sized_fns[i].name;
			break;
		}
	free(callee);
	if (idx >= 0 && !cvet_calls__is_libc_decl(clang_getCursorReferenced(c)))
		idx = -1;
	return idx;
}

/* 1 for integer types of at most 16 bits and bool: their products cannot reach SIZE_MAX. */
static int is_small_type(CXType t)
{
	switch (clang_getCanonicalType(t).kind) {
	case CXType_Bool:
	case CXType_Char_U:
	case CXType_UChar:
	case CXType_Char_S:
	case CXType_SChar:
	case CXType_Short:
	case CXType_UShort:
		return 1;
	default:
		return 0;
	}
}

static int is_integer_type(CXType t)
{
	enum CXTypeKind k = clang_getCanonicalType(t).kind;
	return (k >= CXType_Bool && k <= CXType_Int128) || k == CXType_Enum;
}

/* Value written to a variable that cannot make it large: a constant, sizeof, or a string length. */
static int benign_value(CXCursor v, void *ud)
{
	static const char *const lengths[] = {"strlen", "wcslen", "strnlen", NULL};
	CXCursor s = cx_strip_casts(v);
	(void)ud;
	if (cx_int_const(v, NULL))
		return 1;
	if (cvet_calls__call_in(s, lengths) >= 0)
		return 1;
	if (s.kind == CXCursor_BinaryOperator && (cx_binop(s) == CX_BO_Add || cx_binop(s) == CX_BO_Sub))
		return (cvet_calls__call_in(cx_child(s, 0), lengths) >= 0 && cx_int_const(cx_child(s, 1), NULL)) ||
		       (cvet_calls__call_in(cx_child(s, 1), lengths) >= 0 && cx_int_const(cx_child(s, 0), NULL));
	return 0;
}

/* 1 when e names a stored capacity: a field (v->cap, s->alloc), or a variable whose name mentions "cap"
 * or "alloc" - a size something already holds, not a count that just came in. */
static int is_capacity(CXCursor e)
{
	CXCursor s = cx_strip_casts(e);
	char *name;
	int yes;
	if (s.kind == CXCursor_MemberRefExpr)
		return 1;
	if (s.kind == CXCursor_UnaryOperator && cx_unop(s) == CXUnaryOperator_Deref)
		s = cx_strip_casts(cx_child(s, 0)); /* *cap: a capacity kept by the caller */
	if (s.kind != CXCursor_DeclRefExpr)
		return 0;
	name = cx_spelling(s);
	if (!name)
		return 0;
	for (char *p = name; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	yes = strstr(name, "cap") != NULL || strstr(name, "alloc") != NULL;
	free(name);
	return yes;
}

/* 1 for one step of geometric growth of an existing capacity: E * k, E << k, E + E / k (k a small
 * constant), or a conditional between such and a constant (cap ? cap * 2 : 16). The old capacity
 * was already allocated, so the new one cannot get near SIZE_MAX. */
static int growth_step(CXCursor v, void *ud)
{
	CXCursor s = cx_strip_casts(v), l, r;
	long long k;
	(void)ud;
	if (cx_int_const(v, NULL))
		return 1;
	if (s.kind == CXCursor_ConditionalOperator && cx_child_count(s) == 3)
		return growth_step(cx_child(s, 1), NULL) && growth_step(cx_child(s, 2), NULL);
	if (s.kind != CXCursor_BinaryOperator || cx_child_count(s) != 2)
		return 0;
	l = cx_child(s, 0);
	r = cx_child(s, 1);
	switch (cx_binop(s)) {
	case CX_BO_Mul:
		return (cx_int_const(r, &k) && k >= 2 && k <= 16 && is_capacity(l)) ||
		       (cx_int_const(l, &k) && k >= 2 && k <= 16 && is_capacity(r));
	case CX_BO_Shl:
		return cx_int_const(r, &k) && k >= 1 && k <= 4 && is_capacity(l);
	case CX_BO_Add:
		/* cap + cap / 2 */
		r = cx_strip_casts(r);
		return is_capacity(l) && r.kind == CXCursor_BinaryOperator && cx_binop(r) == CX_BO_Div &&
		       cx_child_count(r) == 2 &&
		       cx_int_const(cx_child(r, 1), &k) && k >= 1 && k <= 16 &&
		       cvet_decls__same_lvalue(NULL, cx_child(r, 0), l);
	default:
		return 0;
	}
}

/* Variables and fields an operand is computed from (not looking inside calls or sizeof). */
typedef struct keys {
	CXCursor v[MAX_KEYS];
	unsigned n;
	int opaque; /* something we cannot judge (a call) */
} keys;

static void collect_keys(const cvet_flat *f, int root, keys *k)
{
	k->n = 0;
	k->opaque = 0;
	for (size_t j = (size_t)root; j < (size_t)f->v[root].end; j++) {
		CXCursor c = f->v[j].c;
		if (c.kind == CXCursor_CallExpr || c.kind == CXCursor_UnaryExpr) {
			if (c.kind == CXCursor_CallExpr)
				k->opaque = 1;
			j = (size_t)f->v[j].end - 1; /* skip the subtree */
			continue;
		}
		if ((c.kind == CXCursor_DeclRefExpr && !cx_is_null(cx_referenced(c))) ||
		    (c.kind == CXCursor_MemberRefExpr && f->v[j].parent >= 0 &&
		     f->v[f->v[j].parent].c.kind != CXCursor_MemberRefExpr)) {
			if (k->n < MAX_KEYS)
				k->v[k->n++] = c;
		}
	}
}

static int is_loop(enum CXCursorKind k)
{
	return k == CXCursor_ForStmt || k == CXCursor_WhileStmt || k == CXCursor_DoStmt;
}

/* Loop whose condition contains node g, or -1. */
static int loop_of_condition(const cvet_flat *f, int g)
{
	int child = g;
	for (int p = f->v[g].parent, d = 0; p >= 0 && d < 256; child = p, p = f->v[p].parent, d++) {
		CXCursor c = f->v[p].c;
		if (is_loop(c.kind)) {
			unsigned ord = f->v[child].ord, nk = f->v[p].nkids;
			int cond = c.kind == CXCursor_WhileStmt ? ord == 0 : c.kind == CXCursor_DoStmt ? ord + 1 == nk : ord + 1 < nk;
			return cond ? p : -1;
		}
		if (!clang_isExpression(c.kind))
			return -1;
	}
	return -1;
}

/* 1 when the constant side of a comparison says nothing about an upper bound (0, 1, negative). */
static int trivial_bound(CXCursor side)
{
	long long v;
	return cx_int_const(side, &v) && v <= 1;
}


/*
 * 1 when `key` is compared against a bound before node `limit` (and, for a loop condition, the use at
 * node `use` is inside that loop with the key on the bounded side), or handed to an overflow-checking
 * builtin.
 */
static int guarded(aso_state *st, CXCursor key, int limit, int use)
{
	const cvet_flat *f = &st->flat;
	for (size_t gi = 0; gi < st->nguards && st->guards[gi] < limit; gi++) {
		int g = st->guards[gi], in_l, in_r, loop, l, r;
		CXCursor c = f->v[g].c;
		enum CX_BinaryOperatorKind op;
		st->budget -= f->v[g].end - g;
		if (st->budget < 0)
			return 1; /* out of budget: stay silent rather than guess */
		if (c.kind == CXCursor_CallExpr) {
			if (cvet_flat__mentions_at(f, g, key))
				return 1;
			continue;
		}
		op = cx_binop(c);
		l = g + 1;             /* first child (left operand) */
		r = f->v[l].end;       /* second child */
		if (r >= f->v[g].end)
			continue;
		in_l = cvet_flat__mentions_at(f, l, key);
		in_r = cvet_flat__mentions_at(f, r, key);
		if (!in_l && !in_r)
			continue;
		if ((in_l && !in_r && trivial_bound(f->v[r].c)) || (in_r && !in_l && trivial_bound(f->v[l].c)))
			continue; /* n > 0, n >= 1: not an upper bound */
		loop = loop_of_condition(f, g);
		if (loop >= 0) {
			/* the body runs while the condition holds: the key must be on the smaller side */
			int small_l = op == CX_BO_LT || op == CX_BO_LE;
			if (!cvet_flat__within(f, loop, use))
				continue;
			if (small_l ? !in_l : !in_r)
				continue;
		}
		return 1;
	}
	return 0;
}

/* 1 for a project's own overflow test, e.g. curl's multiply(amount, n) or a safe_mul(): a function whose
 * name mentions "overflow" or "mul". */
static int is_project_checker(CXCursor call)
{
	char *name = cvet_calls__callee_name(call);
	int yes = 0;
	if (name) {
		for (char *p = name; *p; p++)
			if (*p >= 'A' && *p <= 'Z')
				*p = (char)(*p - 'A' + 'a');
		yes = strstr(name, "overflow") != NULL || strstr(name, "mul") != NULL;
	}
	free(name);
	return yes;
}

/* Collect the guard candidates of the body, in order. 0 or CVET_ENOMEM. */
static int collect_guards(aso_state *st)
{
	const cvet_flat *f = &st->flat;
	st->nguards = 0;
	for (size_t g = 1; g < f->n; g++) {
		CXCursor c = f->v[g].c;
		int keep = 0;
		if (c.kind == CXCursor_BinaryOperator) {
			enum CX_BinaryOperatorKind op = cx_binop(c);
			keep = (op == CX_BO_LT || op == CX_BO_GT || op == CX_BO_LE || op == CX_BO_GE) && f->v[g].nkids == 2;
		} else if (c.kind == CXCursor_CallExpr) {
			keep = cvet_calls__call_in(c, overflow_checkers) >= 0 || is_project_checker(c);
		}
		if (!keep)
			continue;
		if (st->nguards == st->cap) {
			size_t ncap = st->cap ? st->cap * 2 : 64;
			int *v = realloc(st->guards, ncap * sizeof(*v));
			if (!v)
				return CVET_ENOMEM;
			st->guards = v;
			st->cap = ncap;
		}
		st->guards[st->nguards++] = (int)g;
	}
	return 0;
}

/* 1 when an operand (node x of a multiplication at node m, used at node use) cannot be large, or is checked. */
static int operand_safe(aso_state *st, int x, int m, int use, int other_const)
{
	const cvet_flat *f = &st->flat;
	CXCursor c = f->v[x].c, s = cx_strip(c);
	keys k;
	if (cx_int_const(c, NULL))
		return 1;
	if (is_small_type(clang_getCursorType(s)))
		return 1;
	collect_keys(f, x, &k);
	if (!k.n)
		return 1; /* computed by calls only: nothing to point at */
	for (unsigned i = 0; i < k.n; i++) {
		CXCursor key = k.v[i], d = clang_getCursorReferenced(key);
		if (is_small_type(clang_getCursorType(key)))
			return 1;
		if (key.kind == CXCursor_DeclRefExpr && cvet_decls__is_auto_local(d) &&
		    (cvet_flat__all_writes(f, d, benign_value, NULL) || cvet_flat__all_writes(f, d, growth_step, NULL)))
			return 1;
		if (d.kind == CXCursor_VarDecl && !cvet_decls__is_auto_local(d))
			return 1; /* a global or static: program state more often than input; not judged */
		if (other_const && key.kind == CXCursor_DeclRefExpr && d.kind == CXCursor_VarDecl)
			return 1; /* count * sizeof(T) with a count the function computed itself: only counts that
				   * arrive from outside (parameters, struct fields) are judged, for precision */
		if (guarded(st, key, m, use))
			return 1;
	}
	return 0;
}

/* 1 when e is the constant 0 or 1. */
static int times_one(CXCursor e)
{
	long long v;
	return cx_int_const(e, &v) && (v == 0 || v == 1);
}

/* First multiplication under node root (not inside sizeof) with an operand that can be large and is
 * unchecked; *bad receives that operand's node. -1 when there is none. */
static int risky_mul(aso_state *st, int root, int use, int *bad)
{
	const cvet_flat *f = &st->flat;
	for (size_t j = (size_t)root; j < (size_t)f->v[root].end; j++) {
		CXCursor c = f->v[j].c;
		int a = -1, b = -1;
		if (c.kind == CXCursor_UnaryExpr) {
			j = (size_t)f->v[j].end - 1; /* sizeof is constant */
			continue;
		}
		if (c.kind != CXCursor_BinaryOperator || cx_binop(c) != CX_BO_Mul || f->v[j].nkids != 2)
			continue;
		if (!is_integer_type(clang_getCursorType(c)))
			continue;
		for (size_t e = j + 1; e < (size_t)f->v[j].end; e++)
			if (f->v[e].parent == (int)j) {
				if (a < 0)
					a = (int)e;
				else
					b = (int)e;
			}
		if (a < 0 || b < 0)
			continue;
		if (cx_int_const(f->v[a].c, NULL) && cx_int_const(f->v[b].c, NULL))
			continue;
		if (times_one(f->v[a].c) || times_one(f->v[b].c))
			continue; /* len * sizeof(char) cannot grow */
		if (!operand_safe(st, a, (int)j, use, cx_int_const(f->v[b].c, NULL))) {
			*bad = a;
			return (int)j;
		}
		if (!operand_safe(st, b, (int)j, use, cx_int_const(f->v[a].c, NULL))) {
			*bad = b;
			return (int)j;
		}
	}
	return -1;
}

static void on_function_end(cvet_tu *tu, void *state, const cvet_event *ev)
{
	aso_state *st = state;
	cvet_flat *f = &st->flat;
	if (cvet_parse_errors__body_unreliable(&st->errors, ev->cursor))
		return; /* a dropped check would look like a missing one */
	if (cvet_flat__build(ev->cursor, f) < 0 || collect_guards(st) < 0)
		return;
	if (f->truncated)
		return; /* a part we did not see may hold the check */
	st->budget = 20000000;
	for (size_t n = 1; n < f->n; n++) {
		CXCursor c = f->v[n].c, arg, s, value;
		const char *name = NULL;
		int ai = size_arg_of(c, &name), argn, m, bad = -1, wn = -1;
		char *size_text, *op_text;
		cvet_finding *fd;
		if (ai < 0)
			continue;
		arg = cvet_calls__call_arg(c, (unsigned)ai);
		if (cx_is_null(arg))
			continue;
		argn = cvet_flat__find(f, arg, (int)n);
		if (argn < 0)
			continue;
		m = risky_mul(st, argn, (int)n, &bad);
		if (m < 0) {
			/* size_t sz = n * sizeof(T); p = malloc(sz); */
			s = cx_strip_casts(arg);
			if (s.kind != CXCursor_DeclRefExpr || !cvet_decls__is_auto_local(clang_getCursorReferenced(s)))
				continue;
			wn = cvet_flat__last_write(f, clang_getCursorReferenced(s), (int)n, &value);
			if (wn < 0)
				continue;
			argn = cvet_flat__find(f, value, wn);
			if (argn < 0)
				continue;
			m = risky_mul(st, argn, (int)n, &bad);
			if (m < 0)
				continue;
		}
		size_text = cvet_text__short_or(tu, f->v[m].c, "the size");
		op_text = cvet_text__short_or(tu, f->v[bad].c, "an operand");
		if (size_text && op_text) {
			fd = cvet_tu_report(tu, &cvet_check_alloc_size_overflow, wn < 0 ? f->v[m].c : arg,
					    "size '%s' passed to '%s' can wrap around when '%s' is large, allocating "
					    "less than intended; bound '%s' first (e.g. against SIZE_MAX / size) or use "
					    "'calloc'/'reallocarray'",
					    size_text, name, op_text, op_text);
			if (fd && wn >= 0)
				cvet_tu_add_step(tu, fd, f->v[m].c, "the size is computed here without an overflow check");
		}
		free(size_text);
		free(op_text);
	}
}

static void on_tu_begin(cvet_tu *tu, void *state)
{
	aso_state *st = state;
	cvet_parse_errors__load(tu, &st->errors);
}

static void cleanup(void *state)
{
	aso_state *st = state;
	cvet_flat__free(&st->flat);
	cvet_parse_errors__free(&st->errors);
	free(st->guards);
}

const cvet_check cvet_check_alloc_size_overflow = {
	.rule = {.id = "alloc-size-overflow",
		 .title = "Allocation size computed by a multiplication that can overflow",
		 .severity = CVET_SEV_MEDIUM,
		 .cwe = {190, 680},
		 .precision = CVET_PRECISION_MEDIUM},
	.state_size = sizeof(aso_state),
	.on_tu_begin = on_tu_begin,
	.on_function_end = on_function_end,
	.cleanup = cleanup,
};
