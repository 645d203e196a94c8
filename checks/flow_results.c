/* flow_results.c - unchecked-return (CWE-252) and incorrect-return-check (CWE-253) on the flow engine: what a
 * program does with the result of a call whose failure matters (checks/flow_models.def CHECKED, FAILS, RANGE).
 *
 * When a function's final sweep is over (on_function_end), every call in a block the engine found live is
 * followed upwards through its expression: discarded as a statement (ignored), cast away (a deliberate
 * ignore: silent), compared or branched on (tested: judged for incorrect-return-check), stored into a local
 * (then followed along the live CFG, through copies, until each copy is overwritten: tested somewhere,
 * handed on - returned, stored elsewhere, passed to a project function, address taken - or never tested),
 * or used some other way (silent). A result stored into a field or a constant-index element is followed the
 * same way (by the place's name; "never tested" only for a record or array of the function's own that is
 * reached member by member). A stored result handed to a small project function is followed into it as
 * the parameter that receives it (two calls deep at most), its tests there judged where they are written.
 * A project function that returns such a result unchanged (`return read(...)`, or a local that only holds
 * it) passes the duty on to its callers: a wrapper.
 * The engine owns the IR and which blocks are live; this file owns the decisions and the words. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "code/check.h"
#include "flow/flow_int.h"

#define RULE_UNCHECKED "unchecked-return"
#define RULE_INCORRECT "incorrect-return-check"

#define MAX_TRACKED 8u          /* locals one result is followed through (itself and copies) */
#define MAX_SEARCH_NODES 200000u /* node visits one search may make before it gives up (silently) */
#define MAX_WRAPPER_NODES 4000u /* a wrapper is small: larger callees are not examined */
#define MAX_WRAPPER_DEPTH 3
#define MAX_CALLEE_NODES 20000u /* a callee handed a result is followed only when no larger */
#define MAX_CALLEE_DEPTH 2      /* ... and through at most this many calls */
#define PLACE_VAR UINT32_MAX    /* the tracked slot of a field or element (track.place), not a local */

/* Root kinds: what a root expression of a block is. */
enum { R_NONE = 0, R_STMT, R_BRANCH, R_SWITCH, R_RETURN };

typedef struct rctx {
	A *a;
	const fl_func *f;
	const state *in;  /* which blocks are live (NULL: a callee followed from a caller: all of them) */
	uint32_t *parent; /* parent node of each node, 0 for a root */
	uint8_t *rk;      /* R_* of each root node */
} rctx;

/* What a value (a call's result or a read of a local holding it) meets on its way up its expression. */
typedef struct fate {
	int discarded;     /* the statement's value: thrown away */
	int voidcast;      /* thrown away through a cast */
	int escaped;       /* returned, stored outside the locals, address taken, given to a project function */
	uint32_t test;     /* the comparison or truth test that decides on it (0 = none) */
	int truth;         /* the test is a truth test (if (x), !x, x && ...) */
	int direct;        /* the tested operand is the value itself (through casts and copies only) */
	int copy_var;      /* stored into this local (-1 = none) */
	uint32_t copy_place; /* the call's result stored into this field or constant-index element (0 = none) */
	int copy_is_root;  /* that store is the whole statement: its own value goes nowhere */
	uint32_t via;      /* the child of `test` the value came up through */
	uint32_t pcall;    /* escaped as an argument of this project call (0 = not so) ... */
	uint32_t parg;     /* ... in this position */
} fate;

static const fl_node *node_at(const fl_func *f, uint32_t n)
{
	return &f->nodes[n < f->nnodes ? n : 0];
}

static uint32_t strip_casts(const fl_func *f, uint32_t n)
{
	for (unsigned guard = 0; guard < 64 && node_at(f, n)->op == FL_CAST; guard++)
		n = node_at(f, n)->a;
	return n;
}

/* The children of node n: up to 3 operands, or a call's / initialiser's arguments in extra. Calls `fn` on
 * each child in order; stops when it returns nonzero. */
static int each_child(const fl_func *f, uint32_t n, int (*fn)(void *ctx, uint32_t child), void *ctx)
{
	const fl_node *nd = node_at(f, n);
	switch (nd->op) {
	case FL_NONE:
	case FL_INT:
	case FL_STR:
	case FL_LOCAL:
	case FL_GLOBAL:
	case FL_FUNCREF:
		return 0;
	case FL_CALL:
	case FL_INIT:
	case FL_UNKNOWN:
		for (uint32_t i = 0; i < nd->b && nd->a + i < f->nextra; i++)
			if (f->extra[nd->a + i] && f->extra[nd->a + i] < f->nnodes && fn(ctx, f->extra[nd->a + i]))
				return 1;
		if (nd->op == FL_CALL && nd->c && nd->c < f->nnodes)
			return fn(ctx, nd->c);
		return 0;
	default: {
		const uint32_t ops[3] = {nd->a, nd->b, nd->c};
		int nops = nd->op == FL_COND ? 3 : (nd->op == FL_INDEX || nd->op == FL_BIN || nd->op == FL_ASSIGN ||
						     nd->op == FL_COMMA) ? 2 : 1;
		for (int i = 0; i < nops; i++)
			if (ops[i] && ops[i] < f->nnodes && fn(ctx, ops[i]))
				return 1;
		return 0;
	}
	}
}

/* ---- the parent map ---- */

typedef struct walk {
	const fl_func *f;
	uint32_t *stack, sp, cap;
	uint32_t *parent;
	uint32_t cur;
	int oom;
} walk;

static int push_child(void *ctx, uint32_t child)
{
	walk *w = ctx;
	if (w->parent[child] || child == w->cur)
		return 0; /* shared or cyclic: keep the first parent */
	if (w->sp == w->cap) {
		uint32_t ncap = w->cap ? w->cap * 2 : 64, *ns = realloc(w->stack, ncap * sizeof(*ns));
		if (!ns) {
			w->oom = 1;
			return 1;
		}
		w->stack = ns;
		w->cap = ncap;
	}
	w->parent[child] = w->cur;
	w->stack[w->sp++] = child;
	return 0;
}

static int set_root(rctx *c, walk *w, uint32_t r, int kind)
{
	if (!r || r >= c->f->nnodes || c->rk[r])
		return 0;
	c->rk[r] = (uint8_t)kind;
	w->sp = 0;
	w->stack[w->sp++] = r;
	while (w->sp && !w->oom) {
		w->cur = w->stack[--w->sp];
		each_child(c->f, w->cur, push_child, w);
	}
	return w->oom ? -1 : 0;
}

static int build_parents(rctx *c)
{
	const fl_func *f = c->f;
	walk w;
	int rc = 0;
	memset(&w, 0, sizeof(w));
	c->parent = calloc(f->nnodes, sizeof(*c->parent));
	c->rk = calloc(f->nnodes, 1);
	w.f = f;
	w.parent = c->parent;
	w.cap = 64;
	w.stack = malloc(w.cap * sizeof(*w.stack));
	if (!c->parent || !c->rk || !w.stack) {
		free(w.stack);
		return -1;
	}
	for (uint32_t bi = 0; bi < f->nblocks && rc == 0; bi++) {
		const fl_block *b = &f->blocks[bi];
		for (uint32_t i = 0; i < b->count && rc == 0; i++)
			if (b->first + i < f->nstmts)
				rc = set_root(c, &w, f->stmts[b->first + i], R_STMT);
		if (rc == 0 && b->cond)
			rc = set_root(c, &w, b->cond, b->term == FT_BRANCH ? R_BRANCH : b->term == FT_SWITCH ? R_SWITCH
						  : b->term == FT_RETURN ? R_RETURN : R_NONE);
	}
	free(w.stack);
	return rc;
}

/* ---- models of results: the library's and the wrappers' ---- */

typedef struct rmodel {
	result_model m;
	const char *lib;     /* the library function the result comes from */
	const char *wrapper; /* the project function that hands it on (NULL: the call is the library's) */
} rmodel;

static int model_of(A *a, uint32_t usr, int depth, rmodel *out);

/* Whether local v of project function f holds nothing but the result of must-check call `*call`: every
 * store into it is such a call, and it is read only by `return v`. */
static int pass_through_local(const fl_func *f, uint32_t v, uint32_t *call)
{
	uint32_t *stack, sp = 0, cap = f->nnodes ? f->nnodes : 1;
	int ok = 1;
	*call = 0;
	if (!(stack = malloc(cap * sizeof(*stack))))
		return 0;
	for (uint32_t bi = 0; bi < f->nblocks && ok; bi++) {
		const fl_block *b = &f->blocks[bi];
		for (uint32_t i = 0; i <= b->count && ok; i++) {
			uint32_t r = i < b->count ? (b->first + i < f->nstmts ? f->stmts[b->first + i] : 0) : b->cond;
			const fl_node *rn = node_at(f, r);
			if (!r)
				continue;
			if (i == b->count && b->term == FT_RETURN) {
				const fl_node *s = node_at(f, strip_casts(f, r));
				if (s->op == FL_LOCAL && (uint32_t)s->k == v)
					continue;
			}
			if (i < b->count && rn->op == FL_ASSIGN && rn->sub == FB_NONE && node_at(f, rn->a)->op == FL_LOCAL &&
			    (uint32_t)node_at(f, rn->a)->k == v) {
				uint32_t rhs = strip_casts(f, rn->b);
				if (node_at(f, rhs)->op == FL_CALL && node_at(f, rhs)->k) {
					*call = rhs;
					r = rhs; /* its arguments may not read v either */
				} else {
					ok = 0;
					break;
				}
			}
			sp = 0;
			stack[sp++] = r;
			while (sp && ok) {
				uint32_t n = stack[--sp];
				const fl_node *nd = node_at(f, n);
				if (nd->op == FL_LOCAL && (uint32_t)nd->k == v) {
					ok = 0;
					break;
				}
				if (nd->op == FL_CALL || nd->op == FL_INIT || nd->op == FL_UNKNOWN) {
					for (uint32_t j = 0; j < nd->b && nd->a + j < f->nextra && sp < cap; j++)
						if (f->extra[nd->a + j] && f->extra[nd->a + j] < f->nnodes)
							stack[sp++] = f->extra[nd->a + j];
					if (nd->op == FL_CALL && nd->c && nd->c < f->nnodes && sp < cap)
						stack[sp++] = nd->c;
				} else if (nd->op != FL_INT && nd->op != FL_STR && nd->op != FL_LOCAL && nd->op != FL_GLOBAL &&
					   nd->op != FL_FUNCREF) {
					const uint32_t ops[3] = {nd->a, nd->b, nd->c};
					int nops = nd->op == FL_COND ? 3 : (nd->op == FL_INDEX || nd->op == FL_BIN ||
									   nd->op == FL_ASSIGN || nd->op == FL_COMMA) ? 2 : 1;
					for (int j = 0; j < nops && sp < cap; j++)
						if (ops[j] && ops[j] < f->nnodes)
							stack[sp++] = ops[j];
				}
			}
		}
	}
	free(stack);
	return ok && *call;
}

/* A project function that returns a must-check result unchanged, on some path: `return read(...)`, or
 * `n = read(...); return n;` with n used for nothing else. */
static int wrapper_model(A *a, const fl_func *f, int depth, rmodel *out)
{
	if (f->nnodes > MAX_WRAPPER_NODES || f->budget_cut)
		return 0;
	for (uint32_t bi = 0; bi < f->nblocks; bi++) {
		const fl_block *b = &f->blocks[bi];
		uint32_t r, call = 0;
		const fl_node *rn;
		if (b->term != FT_RETURN || !b->cond)
			continue;
		r = strip_casts(f, b->cond);
		rn = node_at(f, r);
		if (rn->op == FL_CALL && rn->k)
			call = r;
		else if (rn->op == FL_LOCAL && (uint32_t)rn->k < f->nvars && !f->vars[rn->k].is_ref &&
			 f->vars[rn->k].param < 0 && !pass_through_local(f, (uint32_t)rn->k, &call))
			call = 0;
		if (call && model_of(a, (uint32_t)node_at(f, call)->k, depth + 1, out) && out->m.checked) {
			out->wrapper = fl_str(&a->fl->strs, f->name); /* the outermost: the one called */
			if (out->m.checked == RC_ELSEWHERE)
				out->m.checked = RC_ALWAYS; /* an ignored wrapper result is no other rule's */
			return 1;
		}
	}
	return 0;
}

/* The model of the result of a call of `usr`: a library function's own, or what a wrapper hands on. */
static int model_of(A *a, uint32_t usr, int depth, rmodel *out)
{
	int64_t fi = cvet_flow__func_index(a->prog, usr);
	memset(out, 0, sizeof(*out));
	if (fi < 0) {
		out->lib = cvet_flow__callee_name(a->fl, usr);
		return cvet_flow__result_model(out->lib, &out->m);
	}
	if (depth >= MAX_WRAPPER_DEPTH)
		return 0;
	return wrapper_model(a, &a->fl->funcs[fi], depth, out);
}

/* ---- following a value up its expression ---- */

static int is_compare(const fl_node *nd)
{
	return nd->op == FL_BIN && nd->sub >= FB_LT && nd->sub <= FB_NE;
}

static int project_call(A *a, const fl_node *call)
{
	return !call->k || cvet_flow__func_index(a->prog, (uint32_t)call->k) >= 0;
}

/* Places besides locals: a field (a.f, p->f) or a constant-index element (a[2]) over a local, a parameter
 * or a global, named the same way each time it is written. */
static int const_index(const fl_func *f, uint32_t n, int64_t *v)
{
	const fl_node *nd = node_at(f, strip_casts(f, n));
	if (nd->op != FL_INT)
		return 0;
	*v = nd->k;
	return 1;
}

static int same_place(const fl_func *f, uint32_t x, uint32_t y, int depth)
{
	const fl_node *p = node_at(f, x), *q = node_at(f, y);
	int64_t i, j;
	if (!x || !y || depth > 8 || p->op != q->op)
		return 0;
	switch (p->op) {
	case FL_LOCAL:
	case FL_GLOBAL:
		return p->k == q->k;
	case FL_FIELD:
	case FL_ARROW:
		return p->k && p->k == q->k && same_place(f, p->a, q->a, depth + 1);
	case FL_INDEX:
		return const_index(f, p->b, &i) && const_index(f, q->b, &j) && i == j &&
		       same_place(f, p->a, q->a, depth + 1);
	default:
		return 0;
	}
}

static int is_place(const fl_func *f, uint32_t n)
{
	const fl_node *nd = node_at(f, n);
	return (nd->op == FL_FIELD || nd->op == FL_ARROW || nd->op == FL_INDEX) && same_place(f, n, n, 0);
}

/* What value node n (a call, or a read of a local holding a result) meets on its way up. */
static void follow(rctx *c, uint32_t n, fate *out)
{
	const fl_func *f = c->f;
	uint32_t cur = n;
	memset(out, 0, sizeof(*out));
	out->copy_var = -1;
	out->direct = 1;
	for (unsigned guard = 0; guard < 256; guard++) {
		uint32_t p = c->parent[cur];
		const fl_node *pn;
		if (!p) {
			switch (c->rk[cur]) {
			case R_STMT:
				if (out->copy_var >= 0 || out->copy_place)
					out->copy_is_root = node_at(f, strip_casts(f, cur))->op == FL_ASSIGN;
				else if (cur == n)
					out->discarded = 1;
				else if (node_at(f, cur)->op == FL_CAST)
					out->voidcast = 1;
				return;
			case R_BRANCH:
				out->test = cur;
				out->truth = 1;
				out->via = cur;
				return;
			case R_SWITCH:
				out->test = cur;
				out->direct = 0; /* a switch: many values told apart, not judged */
				return;
			case R_RETURN:
				out->escaped = 1;
				return;
			default:
				out->escaped = 1; /* not in the CFG we know: do not judge */
				return;
			}
		}
		pn = node_at(f, p);
		switch (pn->op) {
		case FL_CAST:
			break;
		case FL_ADDR:
			out->escaped = 1;
			return;
		case FL_ASSIGN:
			if (pn->a == cur)
				return; /* a store into it, not a read */
			{
				const fl_node *lhs = node_at(f, pn->a);
				if (lhs->op == FL_LOCAL && (uint32_t)lhs->k < f->nvars && !f->vars[lhs->k].is_ref) {
					if (out->copy_var < 0)
						out->copy_var = (int)lhs->k;
					if (pn->sub != FB_NONE)
						out->direct = 0;
				} else if (pn->sub != FB_NONE || !out->direct) {
					return; /* what is stored is derived from it (st->total += n): a use */
				} else if (out->copy_var < 0 && !out->copy_place && node_at(f, n)->op == FL_CALL &&
					   is_place(f, pn->a)) {
					out->copy_place = pn->a; /* the call's own result, into a field or an element */
				} else {
					out->escaped = 1;
					return;
				}
			}
			break;
		case FL_BIN:
			if (is_compare(pn)) {
				out->test = p;
				out->via = cur;
				return;
			}
			if (pn->sub == FB_LAND || pn->sub == FB_LOR) {
				out->test = p;
				out->truth = 1;
				out->via = cur;
				return;
			}
			out->direct = 0; /* arithmetic: a derived value, still followed */
			break;
		case FL_UN:
			if (pn->sub == FU_LNOT) {
				out->test = p;
				out->truth = 1;
				out->via = cur;
				return;
			}
			out->direct = 0;
			break;
		case FL_COND:
			if (pn->a == cur) {
				out->test = p;
				out->truth = 1;
				out->via = cur;
				return;
			}
			break;
		case FL_COMMA:
			if (pn->a == cur)
				return;
			break;
		case FL_CALL:
			if (project_call(c->a, pn)) {
				out->escaped = 1; /* the callee may test it */
				for (uint32_t j = 0; j < pn->b && pn->a + j < f->nextra; j++)
					if (f->extra[pn->a + j] == cur) {
						out->pcall = p;
						out->parg = j;
						break;
					}
			}
			return;
		default:
			return; /* indexed, dereferenced, ...: a use that tests nothing */
		}
		cur = p;
	}
	out->escaped = 1;
}

/* ---- incorrect-return-check: judging one test ---- */

static int const_value(const rctx *c, uint32_t n, int64_t *v)
{
	const fl_node *nd = node_at(c->f, strip_casts(c->f, n));
	if (nd->op == FL_INT) {
		*v = nd->k;
		return 1;
	}
	if (nd->op == FL_UN && (nd->sub == FU_NEG || nd->sub == FU_PLUS) && const_value(c, nd->a, v)) {
		if (nd->sub == FU_NEG)
			*v = *v == INT64_MIN ? INT64_MIN : -*v;
		return 1;
	}
	return 0;
}

/* The values the call returns: its model's RANGE, else a pointer's or an unsigned type's [0, max], else
 * its type's. */
static void result_range(const rmodel *m, const fl_node *call, int64_t *lo, int64_t *hi)
{
	if (m->m.has_range) {
		*lo = m->m.lo;
		*hi = m->m.hi;
	} else if ((call->tflags & FL_T_PTR) || !(call->tflags & FL_T_SIGNED)) {
		*lo = 0;
		*hi = INT64_MAX;
	} else if (call->width && call->width < 64) {
		*hi = (int64_t)((1ull << (call->width - 1)) - 1);
		*lo = -*hi - 1;
	} else {
		*lo = INT64_MIN;
		*hi = INT64_MAX;
	}
}

static void fail_words(const rmodel *m, const fl_node *call, char *buf, size_t size)
{
	const result_model *r = &m->m;
	if (r->fail_lo > r->fail_hi)
		snprintf(buf, size, "fewer items than it was asked for");
	else if ((call->tflags & FL_T_PTR) && r->fail_lo == 0 && r->fail_hi == 0)
		snprintf(buf, size, "NULL");
	else if (r->fail_lo == r->fail_hi)
		snprintf(buf, size, "%lld", (long long)r->fail_lo);
	else if (r->fail_hi == -1)
		snprintf(buf, size, "a negative value");
	else if (r->fail_lo == 1)
		snprintf(buf, size, "a non-zero error number");
	else
		snprintf(buf, size, "a value from %lld to %lld", (long long)r->fail_lo, (long long)r->fail_hi);
}

static const char *op_text(int op)
{
	switch (op) {
	case FB_LT: return "<";
	case FB_GT: return ">";
	case FB_LE: return "<=";
	case FB_GE: return ">=";
	case FB_EQ: return "==";
	case FB_NE: return "!=";
	default: return "?";
	}
}

/* Whether `x op k` holds for some x in [lo, hi] (any) and for every one (all). */
static void test_outcome(int op, int64_t k, int64_t lo, int64_t hi, int *any, int *all)
{
	switch (op) {
	case FB_LT: *any = lo < k; *all = hi < k; break;
	case FB_LE: *any = lo <= k; *all = hi <= k; break;
	case FB_GT: *any = hi > k; *all = lo > k; break;
	case FB_GE: *any = hi >= k; *all = lo >= k; break;
	case FB_EQ: *any = lo <= k && k <= hi; *all = lo == k && hi == k; break;
	case FB_NE: *any = !(lo == k && hi == k); *all = !(lo <= k && k <= hi); break;
	default: *any = *all = 1; break;
	}
}

/* Whether [lo, hi] holds a value other than 0. */
static int some_nonzero(int64_t lo, int64_t hi)
{
	return lo <= hi && !(lo == 0 && hi == 0);
}

/* The verdict on one test of a result: 0 fine (or not judged), 1 constant outcome (never / always true),
 * 2 compares with 0, a value that means success, as if it meant failure. `why` gets the words. */
static int judge(const rctx *c, const rmodel *m, const fl_node *call, const fate *ft, char *why, size_t size)
{
	const fl_node *t = node_at(c->f, ft->test);
	int64_t k = 0, lo, hi;
	int op, any, all;
	char fails[64];
	if (!ft->test || !ft->direct || !m->m.has_fails)
		return 0;
	if (ft->truth) {
		op = FB_NE;
		k = 0;
	} else {
		uint32_t other = t->a == ft->via ? t->b : t->a;
		if (!const_value(c, other, &k))
			return 0; /* against another value: not judged */
		op = t->sub;
		if (t->b == ft->via) /* constant on the left: turn it around */
			op = op == FB_LT ? FB_GT : op == FB_GT ? FB_LT : op == FB_LE ? FB_GE : op == FB_GE ? FB_LE : op;
	}
	result_range(m, call, &lo, &hi);
	fail_words(m, call, fails, sizeof(fails));
	if (!ft->truth && ((call->tflags & FL_T_PTR) || !(call->tflags & FL_T_SIGNED)) && k < 0 && !m->m.has_range) {
		/* an unsigned result compared with a negative constant: C compares it with a huge one */
		snprintf(why, size, "'%s' returns an unsigned value, which is never %s a negative one; it fails with %s",
			 m->lib, op == FB_LT || op == FB_LE || op == FB_NE ? "equal to or above" : op_text(op), fails);
		return 1;
	}
	test_outcome(op, k, lo, hi, &any, &all);
	if (!any || all) {
		char range[96];
		if (lo == 0 && hi == INT64_MAX)
			snprintf(range, sizeof(range), "never returns a negative value");
		else
			snprintf(range, sizeof(range), "returns only values from %lld to %lld", (long long)lo, (long long)hi);
		if (ft->truth)
			snprintf(why, size, "testing the result of '%s' for truth is %s true: it %s and fails with %s", m->lib,
				 all ? "always" : "never", range, fails);
		else
			snprintf(why, size, "'%s(...) %s %lld' is %s true: '%s' %s and fails with %s", m->lib, op_text(op),
				 (long long)k, all ? "always" : "never", m->lib, range, fails);
		return 1;
	}
	if ((op == FB_EQ || op == FB_NE) && k == 0 && m->m.fail_lo <= m->m.fail_hi && !m->m.zero_is_end &&
	    !(m->m.fail_lo <= 0 && 0 <= m->m.fail_hi) &&
	    (some_nonzero(lo, m->m.fail_lo - 1 < hi ? m->m.fail_lo - 1 : hi) ||
	     some_nonzero(m->m.fail_hi + 1 > lo ? m->m.fail_hi + 1 : lo, hi))) {
		/* 0 means success, and so do other values: the test cannot tell failure from success */
		snprintf(why, size, "%s does not detect a failure: '%s' fails with %s, and 0 is one of its successful results",
			 ft->truth ? "the truth test" : op == FB_EQ ? "'== 0'" : "'!= 0'", m->lib, fails);
		return 2;
	}
	return 0;
}

/* ---- following a stored result along the CFG ---- */

typedef struct track {
	rctx *c;
	const rmodel *m;
	const fl_node *call;
	uint32_t vars[MAX_TRACKED];
	unsigned nvars;
	uint32_t budget;
	int tested, escaped, fine_tests;
	uint32_t bad1, bad2;       /* first test with verdict 1 / 2 */
	char why1[256], why2[256];
	int8_t clean[MAX_TRACKED]; /* 1: the local holds nothing but such results (0 unknown yet, -1 no) */
	uint8_t mask;              /* bits of vars holding the result on the path being walked */
	uint8_t gen, kill;         /* bits a root adds (copies) and removes (overwrites) */
	uint32_t *stack;
	uint32_t cap;
	int depth;                 /* calls followed down to reach this function */
	int64_t param;             /* the parameter (a local of c->f) that holds the result, -1 = none */
	const char *handed_to;     /* the first project function the result was handed to and followed into */
	uint32_t place;            /* the field or element the result was stored into (PLACE_VAR's slot), 0 = none */
} track;

static int var_bit(track *t, uint32_t v, int add)
{
	for (unsigned i = 0; i < t->nvars; i++)
		if (t->vars[i] == v)
			return (int)i;
	if (!add || t->nvars >= MAX_TRACKED)
		return -1;
	t->vars[t->nvars] = v;
	return (int)t->nvars++;
}

/* Whether the occurrence n of a tracked variable or place is no store, or stores the result: a plain
 * assignment of a call of the same function or of a tracked local (not `+=`, ++/--, nor its address taken). */
static int store_is_result(track *t, uint32_t n)
{
	const fl_func *f = t->c->f;
	uint32_t p = t->c->parent[n];
	const fl_node *pn = node_at(f, p), *rhs;
	if (p && (pn->op == FL_ADDR || pn->op == FL_INCDEC))
		return 0;
	if (!p || pn->op != FL_ASSIGN || pn->a != n)
		return 1;
	if (pn->sub != FB_NONE)
		return 0;
	rhs = node_at(f, strip_casts(f, pn->b));
	return (rhs->op == FL_CALL && rhs->k == t->call->k) ||
	       (rhs->op == FL_LOCAL && var_bit(t, (uint32_t)rhs->k, 0) >= 0);
}

/* Whether every store into local v is a call of the same function or a copy of a tracked local, so that a
 * test of v is a test of the result alone (at_fd = open(...) on one path and AT_FDCWD on another is not). */
static int clean_var(track *t, uint32_t v)
{
	const rctx *c = t->c;
	const fl_func *f = c->f;
	if (v >= f->nvars || (f->vars[v].param >= 0 && (int64_t)v != t->param) || f->vars[v].is_ref)
		return 0;
	for (uint32_t n = 1; n < f->nnodes; n++) {
		const fl_node *nd = &f->nodes[n];
		if (nd->op != FL_LOCAL || (uint32_t)nd->k != v || (!c->parent[n] && !c->rk[n]))
			continue;
		if (!store_is_result(t, n))
			return 0;
	}
	return 1;
}

static int descend(track *t, uint32_t pcall, uint32_t parg);

/* The local or global under a place (NULL-safe: node 0 when it is not one), and whether an ARROW (a pointer
 * the function does not own) is on the way down. */
static uint32_t place_root(const fl_func *f, uint32_t n, int *through_ptr)
{
	*through_ptr = 0;
	for (unsigned guard = 0; guard < 16; guard++) {
		const fl_node *nd = node_at(f, n);
		if (nd->op == FL_LOCAL || nd->op == FL_GLOBAL)
			return n;
		if (nd->op == FL_ARROW)
			*through_ptr = 1;
		else if (nd->op != FL_FIELD && nd->op != FL_INDEX)
			return 0;
		n = nd->a;
	}
	return 0;
}

/* Whether the object under place p is only ever reached member by member in f (never whole: not copied,
 * passed, assigned or its address taken), so that its fields and elements are reached by their names only. */
static int root_memberwise(const rctx *c, uint32_t root)
{
	const fl_func *f = c->f;
	const fl_node *r = node_at(f, root);
	for (uint32_t n = 1; n < f->nnodes; n++) {
		const fl_node *nd = &f->nodes[n], *pn;
		if (nd->op != r->op || nd->k != r->k || (!c->parent[n] && !c->rk[n]))
			continue;
		pn = node_at(f, c->parent[n]);
		if (!c->parent[n] || !(pn->op == FL_FIELD || pn->op == FL_ARROW || pn->op == FL_INDEX) || pn->a != n)
			return 0;
	}
	return 1;
}

static int computed_index(const rctx *c, uint32_t p);

/* Whether every store into the tracked place is a call of the same function or a copy of a tracked local,
 * it is not reached through a computed index (a[i]) or its address, and its object only member by member. */
static int clean_place(track *t)
{
	const rctx *c = t->c;
	const fl_func *f = c->f;
	int ptr;
	uint32_t root = place_root(f, t->place, &ptr);
	if (!root || !root_memberwise(c, root) || computed_index(c, t->place))
		return 0;
	for (uint32_t n = 1; n < f->nnodes; n++) {
		if (!c->parent[n] && !c->rk[n])
			continue;
		if (!same_place(f, n, t->place, 0))
			continue;
		if (!store_is_result(t, n))
			return 0;
	}
	return 1;
}

/* Whether a result stored in place p may still be read once the function has returned (through a pointer, in
 * a global, in a parameter), so that "never tested here" says nothing. */
static int place_outlives(const fl_func *f, uint32_t p)
{
	int ptr;
	uint32_t root = place_root(f, p, &ptr);
	const fl_node *r = node_at(f, root);
	if (!root || ptr || r->op != FL_LOCAL || (uint32_t)r->k >= f->nvars)
		return 1;
	return f->vars[r->k].param >= 0 || f->vars[r->k].is_ref || !(f->vars[r->k].tflags & (FL_T_ARRAY | FL_T_RECORD));
}

/* Whether an element of the array under place p (an element place) is reached through a computed index. */
static int computed_index(const rctx *c, uint32_t p)
{
	const fl_func *f = c->f;
	const fl_node *pl = node_at(f, p);
	int64_t k;
	if (pl->op != FL_INDEX)
		return 0;
	for (uint32_t n = 1; n < f->nnodes; n++)
		if (f->nodes[n].op == FL_INDEX && (c->parent[n] || c->rk[n]) && !const_index(f, f->nodes[n].b, &k) &&
		    same_place(f, f->nodes[n].a, pl->a, 0))
			return 1;
	return 0;
}

/* Whether the result stored in place p can only be read here, by p's own name: a local record or array of
 * this function, reached member by member, never through a computed index. */
static int place_private(const rctx *c, uint32_t p)
{
	int ptr;
	uint32_t root = place_root(c->f, p, &ptr);
	return root && !place_outlives(c->f, p) && root_memberwise(c, root) && !computed_index(c, p);
}

static int is_tracked_place(const track *t, uint32_t n)
{
	return t->place && n != t->place && is_place(t->c->f, n) && same_place(t->c->f, n, t->place, 0);
}

/* One read of a tracked local (or of the tracked place) at node n. */
static void tracked_read(track *t, uint32_t n)
{
	fate ft;
	const fl_node *nd = node_at(t->c->f, n);
	int bit = var_bit(t, nd->op == FL_LOCAL ? (uint32_t)nd->k : PLACE_VAR, 0);
	follow(t->c, n, &ft);
	if (bit >= 0 && !t->clean[bit])
		t->clean[bit] = (int8_t)((t->vars[bit] == PLACE_VAR ? clean_place(t) : clean_var(t, t->vars[bit])) ? 1 : -1);
	if (bit < 0 || t->clean[bit] < 0)
		ft.direct = 0; /* it may hold other values here: its tests are not judged */
	if (ft.escaped && !(ft.pcall && descend(t, ft.pcall, ft.parg) == 0))
		t->escaped = 1;
	if (ft.copy_var >= 0) {
		int cb = var_bit(t, (uint32_t)ft.copy_var, 1);
		if (cb < 0)
			t->escaped = 1; /* too many copies to follow: assume it is handled */
		else
			t->gen |= (uint8_t)(1u << cb);
	}
	if (ft.test) {
		char why[256];
		int v = judge(t->c, t->m, t->call, &ft, why, sizeof(why));
		t->tested = 1;
		if (v == 1 && !t->bad1) {
			t->bad1 = ft.test;
			snprintf(t->why1, sizeof(t->why1), "%s", why);
		} else if (v == 2 && !t->bad2) {
			t->bad2 = ft.test;
			snprintf(t->why2, sizeof(t->why2), "%s", why);
		} else if (v == 0) {
			t->fine_tests++;
		}
	}
}

/* Push node nd's operands (a call's arguments and callee) on the walk's stack above sp; the new height. */
static uint32_t push_operands(track *t, const fl_func *f, const fl_node *nd, uint32_t sp)
{
	if (nd->op == FL_CALL || nd->op == FL_INIT || nd->op == FL_UNKNOWN) {
		for (uint32_t j = 0; j < nd->b && nd->a + j < f->nextra && sp < t->cap; j++)
			if (f->extra[nd->a + j] && f->extra[nd->a + j] < f->nnodes)
				t->stack[sp++] = f->extra[nd->a + j];
		if (nd->op == FL_CALL && nd->c && nd->c < f->nnodes && sp < t->cap)
			t->stack[sp++] = nd->c;
	} else if (nd->op != FL_INT && nd->op != FL_STR && nd->op != FL_LOCAL && nd->op != FL_GLOBAL &&
		   nd->op != FL_FUNCREF) {
		const uint32_t ops[3] = {nd->a, nd->b, nd->c};
		int nops = nd->op == FL_COND ? 3 : (nd->op == FL_INDEX || nd->op == FL_BIN || nd->op == FL_ASSIGN ||
						     nd->op == FL_COMMA) ? 2 : 1;
		for (int j = 0; j < nops && sp < t->cap; j++)
			if (ops[j] && ops[j] < f->nnodes)
				t->stack[sp++] = ops[j];
	}
	return sp;
}

/* Whether the subtree at r reads a tracked local whose bit is in mask (stores into one do not count). */
static int reads_tracked(track *t, uint32_t r, uint8_t mask, uint32_t base)
{
	const fl_func *f = t->c->f;
	uint32_t sp = base;
	if (!r)
		return 0;
	t->stack[sp++] = r;
	while (sp > base) {
		uint32_t n = t->stack[--sp];
		const fl_node *nd = node_at(f, n);
		int bit;
		if (t->budget)
			t->budget--;
		if (((nd->op == FL_LOCAL && (bit = var_bit(t, (uint32_t)nd->k, 0)) >= 0) ||
		     (is_tracked_place(t, n) && (bit = var_bit(t, PLACE_VAR, 0)) >= 0)) && (mask & (1u << bit))) {
			uint32_t p = t->c->parent[n];
			if (!(p && node_at(f, p)->op == FL_ASSIGN && node_at(f, p)->a == n && node_at(f, p)->sub == FB_NONE))
				return 1;
		}
		sp = push_operands(t, f, nd, sp);
	}
	return 0;
}

/* One root expression on the walk: its reads of tracked locals, then its stores into them. */
static void visit_root(track *t, uint32_t r)
{
	const fl_func *f = t->c->f;
	uint32_t sp = 0;
	uint8_t before = t->mask;
	t->gen = t->kill = 0;
	if (!r || r >= f->nnodes)
		return;
	t->stack[sp++] = r;
	while (sp && t->budget) {
		uint32_t n = t->stack[--sp];
		const fl_node *nd = node_at(f, n);
		int bit;
		t->budget--;
		if (((nd->op == FL_LOCAL && (bit = var_bit(t, (uint32_t)nd->k, 0)) >= 0) ||
		     (is_tracked_place(t, n) && (bit = var_bit(t, PLACE_VAR, 0)) >= 0)) && (before & (1u << bit)))
			tracked_read(t, n);
		if (nd->op == FL_ASSIGN && nd->sub == FB_NONE &&
		    ((node_at(f, nd->a)->op == FL_LOCAL && (bit = var_bit(t, (uint32_t)node_at(f, nd->a)->k, 0)) >= 0) ||
		     ((nd->a == t->place || is_tracked_place(t, nd->a)) && (bit = var_bit(t, PLACE_VAR, 0)) >= 0))) {
			/* overwritten: unless what is stored is made of the result itself (n = n & 0xff) */
			if (!reads_tracked(t, nd->b, before, sp))
				t->kill |= (uint8_t)(1u << bit);
		}
		sp = push_operands(t, f, nd, sp);
	}
	if (!t->budget)
		t->escaped = 1; /* too large to follow: say nothing */
	t->mask = (uint8_t)((t->mask | t->gen) & ~(t->kill & ~t->gen));
}

/* Walk the live CFG from statement `pos` of block `bi` with the result in local `var`. */
static int search(track *t, uint32_t bi, uint32_t pos, uint32_t var)
{
	const rctx *c = t->c;
	const fl_func *f = c->f;
	uint8_t *seen = calloc(f->nblocks, 1);
	uint32_t *wb = calloc((size_t)f->nblocks * MAX_TRACKED + 1, sizeof(*wb));
	uint8_t *wm = calloc((size_t)f->nblocks * MAX_TRACKED + 1, 1);
	uint32_t wn = 0;
	int first = 1;
	t->cap = f->nnodes + 1;
	t->stack = malloc(t->cap * sizeof(*t->stack));
	if (!seen || !wb || !wm || !t->stack) {
		free(seen);
		free(wb);
		free(wm);
		free(t->stack);
		t->stack = NULL;
		return -1;
	}
	t->vars[0] = var;
	t->nvars = 1;
	wb[wn] = bi;
	wm[wn++] = 1;
	while (wn && t->budget) {
		uint32_t b = wb[--wn], start = first ? pos : 0;
		const fl_block *bl = &f->blocks[b];
		t->mask = wm[wn];
		first = 0;
		for (uint32_t i = start; i < bl->count && t->mask && t->budget; i++)
			if (bl->first + i < f->nstmts)
				visit_root(t, f->stmts[bl->first + i]);
		if (t->mask && bl->cond && (bl->term == FT_BRANCH || bl->term == FT_SWITCH || bl->term == FT_RETURN))
			visit_root(t, bl->cond);
		if (!t->mask || bl->term == FT_RETURN || bl->term == FT_STOP)
			continue;
		for (uint32_t e = 0; e < 2 + (bl->term == FT_SWITCH ? bl->ncases : 0); e++) {
			uint32_t to = e < 2 ? bl->succ[e] : bl->case_start + e - 2 < f->ncases ? f->cases[bl->case_start + e - 2].block
											       : UINT32_MAX;
			uint8_t fresh;
			if (e == 1 && bl->term != FT_BRANCH)
				continue;
			if (to >= f->nblocks || (c->in && !c->in[to].live))
				continue;
			fresh = (uint8_t)(t->mask & ~seen[to]);
			if (!fresh || wn >= (uint32_t)f->nblocks * MAX_TRACKED)
				continue;
			seen[to] |= fresh;
			wb[wn] = to;
			wm[wn++] = fresh;
		}
	}
	if (!t->budget)
		t->escaped = 1;
	free(seen);
	free(wb);
	free(wm);
	free(t->stack);
	t->stack = NULL;
	return 0;
}

/* ---- the rules ---- */

static const char *var_name(const fl_func *f, const rctx *c, uint32_t v)
{
	return v < f->nvars ? fl_str(&c->a->fl->strs, f->vars[v].name) : "?";
}

/* How place n is written (fr.got, sent[1], st->len), cut to size. */
static void place_text(const rctx *c, uint32_t n, char *buf, size_t size, int depth)
{
	const fl_func *f = c->f;
	const fl_node *nd = node_at(f, n);
	size_t len;
	int64_t k = 0;
	buf[0] = '\0';
	if (depth > 8 || size < 2)
		return;
	if (nd->op == FL_LOCAL) {
		snprintf(buf, size, "%s", var_name(f, c, (uint32_t)nd->k));
		return;
	}
	if (nd->op == FL_GLOBAL) {
		snprintf(buf, size, "%s", (uint64_t)nd->k < c->a->fl->nglobals ? fl_str(&c->a->fl->strs, c->a->fl->globals[nd->k].name)
										 : "?");
		return;
	}
	if (nd->op != FL_FIELD && nd->op != FL_ARROW && nd->op != FL_INDEX)
		return;
	place_text(c, nd->a, buf, size, depth + 1);
	len = strlen(buf);
	if (nd->op == FL_INDEX) {
		(void)const_index(f, nd->b, &k);
		snprintf(buf + len, size - len, "[%lld]", (long long)k);
	} else {
		snprintf(buf + len, size - len, "%s%s", nd->op == FL_ARROW ? "->" : ".", fl_str(&c->a->fl->strs, (uint32_t)nd->k));
	}
}

static void name_of_call(const rmodel *m, char *buf, size_t size)
{
	if (m->wrapper)
		snprintf(buf, size, "'%s' (which returns what '%s' returns)", m->wrapper, m->lib);
	else
		snprintf(buf, size, "'%s'", m->lib);
}

static void report_bad_test(rctx *c, uint32_t test, int verdict, const char *why)
{
	cvet_flow__report(c->a, RULE_INCORRECT, node_at(c->f, test), 0, "%s; %s", why,
			  verdict == 1 ? "compare it with the value it returns on failure"
				       : "compare it with the failure value itself");
}

/* A tracked local handed to project function `pcall` as its argument `parg`: the result is followed into the
 * callee as the parameter that receives it, when the callee is small, that parameter keeps the value as it is
 * (no conversion to another signedness or a narrower type) and the chain of calls is short. Bad tests found
 * there are reported where they are written. 0 when followed (what happens there merged into t), -1 when
 * not (the caller then takes the result as handed on). */
static int descend(track *t, uint32_t pcall, uint32_t parg)
{
	A *a = t->c->a;
	const fl_node *cn = node_at(t->c->f, pcall);
	int64_t fi = cn->k ? cvet_flow__func_index(a->prog, (uint32_t)cn->k) : -1, v = -1;
	fl_func *g, *saved;
	rctx gc;
	track sub;
	int rc;
	if (fi < 0 || t->depth >= MAX_CALLEE_DEPTH || (cn->sub & FL_CALL_VIRTUAL))
		return -1;
	g = &a->fl->funcs[fi];
	if (g->nnodes > MAX_CALLEE_NODES || g->budget_cut || !g->nblocks || !g->nnodes)
		return -1;
	for (uint32_t i = 0; i < g->nvars && v < 0; i++)
		if (g->vars[i].param >= 0 && (uint32_t)g->vars[i].param == parg)
			v = i;
	if (v < 0 || g->vars[v].is_ref || ((g->vars[v].tflags ^ t->call->tflags) & (FL_T_SIGNED | FL_T_PTR)) ||
	    g->vars[v].width < t->call->width)
		return -1;
	memset(&gc, 0, sizeof(gc));
	gc.a = a;
	gc.f = g;
	memset(&sub, 0, sizeof(sub));
	sub.c = &gc;
	sub.m = t->m;
	sub.call = t->call;
	sub.budget = t->budget;
	sub.depth = t->depth + 1;
	sub.param = v;
	rc = build_parents(&gc) < 0 ? -1 : search(&sub, 0, 0, (uint32_t)v);
	if (rc < 0) {
		a->oom = 1;
	} else {
		t->budget = sub.budget;
		saved = a->f;
		a->f = g; /* the findings are the callee's */
		if (sub.bad1)
			report_bad_test(&gc, sub.bad1, 1, sub.why1);
		if (sub.bad2 && !sub.fine_tests && !sub.escaped)
			report_bad_test(&gc, sub.bad2, 2, sub.why2);
		a->f = saved;
		t->tested |= sub.tested;
		t->escaped |= sub.escaped;
		t->fine_tests += sub.fine_tests;
		if (!t->handed_to)
			t->handed_to = fl_str(&a->fl->strs, g->name);
	}
	free(gc.parent);
	free(gc.rk);
	return rc;
}

/* For a call that fails by writing fewer items than asked (sscanf): 1 when it is handed the addresses of
 * objects to fill and every one already holds a value (a local with an initialiser, a parameter, a global),
 * so a failure leaves the defaults in place (`int len = 0; sscanf(arg, "%d", &len);`). */
static int outputs_preset(const fl_func *f, const fl_node *call)
{
	int outputs = 0;
	for (uint32_t j = 0; j < call->b && call->a + j < f->nextra; j++) {
		const fl_node *arg = node_at(f, strip_casts(f, f->extra[call->a + j])), *obj;
		if (arg->op != FL_ADDR)
			continue;
		obj = node_at(f, strip_casts(f, arg->a));
		if (obj->op == FL_LOCAL && (uint32_t)obj->k < f->nvars && !f->vars[obj->k].no_init)
			outputs++;
		else if (obj->op == FL_GLOBAL)
			outputs++;
		else
			return 0;
	}
	return outputs > 0;
}

static void judge_call(rctx *c, uint32_t bi, uint32_t pos, uint32_t n)
{
	const fl_node *call = node_at(c->f, n);
	rmodel m;
	fate ft;
	char who[200], fails[64], where[96];
	if (call->op != FL_CALL || !call->k || !model_of(c->a, (uint32_t)call->k, 0, &m))
		return;
	follow(c, n, &ft);
	name_of_call(&m, who, sizeof(who));
	fail_words(&m, call, fails, sizeof(fails));
	if (ft.test) {
		char why[256];
		int v = judge(c, &m, call, &ft, why, sizeof(why));
		if (v)
			report_bad_test(c, ft.test, v, why);
		return;
	}
	if (ft.escaped || ft.voidcast)
		return;
	if (ft.discarded && ft.copy_var < 0) {
		if (m.m.checked == RC_ALWAYS && !(m.m.fail_lo > m.m.fail_hi && outputs_preset(c->f, call)))
			cvet_flow__report(c->a, RULE_UNCHECKED, call, 0,
					  "the result of %s is ignored: when it fails (returns %s) the program goes on as if it had worked; "
					  "test it, or cast it to (void) if the failure truly does not matter",
					  who, fails);
		return;
	}
	if ((ft.copy_var >= 0 || ft.copy_place) && ft.copy_is_root && (m.m.checked || m.m.has_fails)) {
		/* stored: how it is tested is judged; a must-check function's result must also be tested somewhere
		 * (fputs, malloc: only how) */
		track t;
		memset(&t, 0, sizeof(t));
		t.c = c;
		t.m = &m;
		t.call = call;
		t.budget = MAX_SEARCH_NODES;
		t.param = -1;
		t.place = ft.copy_var >= 0 ? 0 : ft.copy_place;
		if (search(&t, bi, pos + 1, ft.copy_var >= 0 ? (uint32_t)ft.copy_var : PLACE_VAR) < 0) {
			c->a->oom = 1;
			return;
		}
		if (t.bad1)
			report_bad_test(c, t.bad1, 1, t.why1);
		if (t.bad2 && !t.fine_tests && !t.escaped)
			report_bad_test(c, t.bad2, 2, t.why2);
		if (t.place)
			place_text(c, t.place, where, sizeof(where), 0);
		else
			snprintf(where, sizeof(where), "%s", var_name(c->f, c, (uint32_t)ft.copy_var));
		if (m.m.checked && !t.tested && !t.escaped && !(t.place && !place_private(c, t.place)))
			cvet_flow__report(c->a, RULE_UNCHECKED, call, 0,
					  "the result of %s is stored in '%s'%s%s%s but never tested on any path: when it fails "
					  "(returns %s) the program goes on as if it had worked; test it before relying on the call",
					  who, where, t.handed_to ? " and handed to '" : "",
					  t.handed_to ? t.handed_to : "", t.handed_to ? "'" : "", fails);
	}
}

typedef struct callscan {
	rctx *c;
	uint32_t bi, pos;
	uint32_t *stack, sp, cap;
} callscan;

static void scan_root(callscan *s, uint32_t r)
{
	const fl_func *f = s->c->f;
	if (!r || r >= f->nnodes)
		return;
	s->sp = 0;
	s->stack[s->sp++] = r;
	while (s->sp && !s->c->a->oom) {
		uint32_t n = s->stack[--s->sp];
		const fl_node *nd = node_at(f, n);
		if (nd->op == FL_CALL)
			judge_call(s->c, s->bi, s->pos, n);
		if (nd->op == FL_CALL || nd->op == FL_INIT || nd->op == FL_UNKNOWN) {
			for (uint32_t j = 0; j < nd->b && nd->a + j < f->nextra && s->sp < s->cap; j++)
				if (f->extra[nd->a + j] && f->extra[nd->a + j] < f->nnodes)
					s->stack[s->sp++] = f->extra[nd->a + j];
			if (nd->op == FL_CALL && nd->c && nd->c < f->nnodes && s->sp < s->cap)
				s->stack[s->sp++] = nd->c;
		} else if (nd->op != FL_INT && nd->op != FL_STR && nd->op != FL_LOCAL && nd->op != FL_GLOBAL &&
			   nd->op != FL_FUNCREF) {
			const uint32_t ops[3] = {nd->a, nd->b, nd->c};
			int nops = nd->op == FL_COND ? 3 : (nd->op == FL_INDEX || nd->op == FL_BIN || nd->op == FL_ASSIGN ||
							     nd->op == FL_COMMA) ? 2 : 1;
			for (int j = 0; j < nops && s->sp < s->cap; j++)
				if (ops[j] && ops[j] < f->nnodes)
					s->stack[s->sp++] = ops[j];
		}
	}
}

void cvet_flow__results_end(A *a, const state *in);

void cvet_flow__results_end(A *a, const state *in)
{
	rctx c;
	callscan s;
	const fl_func *f = a->f;
	if (!f || !f->nnodes || !f->nblocks || a->sub)
		return;
	memset(&c, 0, sizeof(c));
	memset(&s, 0, sizeof(s));
	c.a = a;
	c.f = f;
	c.in = in;
	s.c = &c;
	s.cap = f->nnodes + 1;
	if (build_parents(&c) < 0 || !(s.stack = malloc(s.cap * sizeof(*s.stack)))) {
		a->oom = 1;
		goto done;
	}
	for (uint32_t bi = 0; bi < f->nblocks && !a->oom; bi++) {
		const fl_block *b = &f->blocks[bi];
		if (!in[bi].live)
			continue;
		s.bi = bi;
		for (uint32_t i = 0; i < b->count && !a->oom; i++) {
			s.pos = i;
			if (b->first + i < f->nstmts)
				scan_root(&s, f->stmts[b->first + i]);
		}
		s.pos = b->count;
		if (b->cond && (b->term == FT_BRANCH || b->term == FT_SWITCH || b->term == FT_RETURN))
			scan_root(&s, b->cond);
	}
done:
	free(s.stack);
	free(c.parent);
	free(c.rk);
}
