/* flow_bounds.c - buffer-overflow (CWE-121, 122, 787, 125, 124, 127) on the flow engine: an index or a byte count
 * whose range, as the engine knows it on a live path, reaches past an object whose size it knows. The engine
 * (analyzer/flow/analyze.c) finds the accesses and the objects' sizes; this file decides and words them.
 *
 * A range no check or loop limited (a variable's whole type, or an unknown number) is not judged: only a
 * bound that exists but lets one value too many through (`<=` for `<`, `sizeof buf` for `sizeof buf - 1`), a
 * check of one side only on untrusted data (`n < 10` on a signed n), or a range that provably exceeds (a loop
 * running one step past the end, a constant). */
#include <stdio.h>
#include <string.h>
#include "code/check.h"
#include "flow/flow_int.h"

#define RULE "buffer-overflow"

void cvet_flow__on_bounds(A *a, const bounds_use *u);
void cvet_flow__bounds_call(A *a, const fl_node *call, const summary *s, const val *args, const uint32_t *argn,
			    uint32_t nargs);

/* A bound no check has set: a type's own limit, or an unknown number, give or take what arithmetic on it added
 * (x - 1 on an unknown int is INT_MAX - 1, an unsigned short + 1 is 65536). */
static int near(int64_t v, int64_t k)
{
	return v >= k - 16 && v <= k + 16;
}

static int natural_hi(int64_t h)
{
	return h >= 0x7fffffffLL - 0xffff || near(h, 0x7f) || near(h, 0xff) || near(h, 0x7fff) || near(h, 0xffff);
}

static int natural_lo(int64_t l)
{
	return l <= -0x7fffffffLL + 0xffff || near(l, -0x80) || near(l, -0x8000) || near(l, -0xff) || near(l, -0xffff);
}

/* The range of the variable an index or count is made from: ix itself, or for `v + K` / `v - K` the range of
 * v (so that `c - 'a'` on a char is judged by the char's range, which no check limited). */
static void source_range(A *a, uint32_t n, const val *ix, int64_t *lo, int64_t *hi)
{
	const fl_node *nd = n && n < a->f->nnodes ? &a->f->nodes[n] : NULL;
	*lo = ix->lo, *hi = ix->hi;
	while (nd && nd->op == FL_CAST && nd->a && nd->a < a->f->nnodes)
		nd = &a->f->nodes[nd->a];
	if (!nd || nd->op != FL_BIN || (nd->sub != FB_ADD && nd->sub != FB_SUB) || !nd->a || !nd->b ||
	    nd->a >= a->f->nnodes || nd->b >= a->f->nnodes)
		return;
	if (a->f->nodes[nd->b].op == FL_INT) {
		int64_t k = a->f->nodes[nd->b].k;
		if (k > -((int64_t)1 << 40) && k < ((int64_t)1 << 40)) {
			if (nd->sub == FB_ADD)
				*lo = ix->lo > INT64_MIN / 2 ? ix->lo - k : ix->lo, *hi = ix->hi < INT64_MAX / 2 ? ix->hi - k : ix->hi;
			else
				*lo = ix->lo > INT64_MIN / 2 ? ix->lo + k : ix->lo, *hi = ix->hi < INT64_MAX / 2 ? ix->hi + k : ix->hi;
		}
	} else if (a->f->nodes[nd->a].op == FL_INT && nd->sub == FB_ADD) {
		int64_t k = a->f->nodes[nd->a].k;
		if (k > -((int64_t)1 << 40) && k < ((int64_t)1 << 40))
			*lo = ix->lo > INT64_MIN / 2 ? ix->lo - k : ix->lo, *hi = ix->hi < INT64_MAX / 2 ? ix->hi - k : ix->hi;
	}
}

static int is_constant(A *a, uint32_t n)
{
	while (n && n < a->f->nnodes && a->f->nodes[n].op == FL_CAST)
		n = a->f->nodes[n].a;
	return n && n < a->f->nnodes && a->f->nodes[n].op == FL_INT;
}

static int64_t const_value(A *a, uint32_t n)
{
	while (n && n < a->f->nnodes && a->f->nodes[n].op == FL_CAST)
		n = a->f->nodes[n].a;
	return n && n < a->f->nnodes ? a->f->nodes[n].k : 0;
}

/* Whether an index or count is a value we judge by its range: a variable, a member, a constant, or one of those
 * plus or minus a constant. Other arithmetic (shifts, products, table lookups) keeps invariants the code relies
 * on that ranges do not show. */
static int plain_operand(A *a, uint32_t n, int depth)
{
	const fl_node *nd;
	while (n && n < a->f->nnodes && a->f->nodes[n].op == FL_CAST)
		n = a->f->nodes[n].a;
	if (!n || n >= a->f->nnodes || depth > 2)
		return 0;
	nd = &a->f->nodes[n];
	switch (nd->op) {
	case FL_LOCAL:
	case FL_GLOBAL:
	case FL_FIELD:
	case FL_ARROW:
	case FL_INT:
		return 1;
	case FL_INCDEC:
	case FL_ASSIGN:
		return plain_operand(a, nd->a, depth + 1);
	case FL_CALL:
		return cvet_flow__length_call(a, n); /* strlen(s) of a string whose length the engine followed */
	case FL_BIN:
		if (nd->sub == FB_MUL && nd->b < a->f->nnodes && is_constant(a, nd->b) && const_value(a, nd->b) == 1)
			return plain_operand(a, nd->a, depth); /* (strlen(s) + 1) * sizeof(char) */
		if (nd->sub != FB_ADD && nd->sub != FB_SUB)
			return 0;
		return (plain_operand(a, nd->a, depth + 1) && nd->b < a->f->nnodes && a->f->nodes[nd->b].op == FL_INT) ||
		       (plain_operand(a, nd->b, depth + 1) && nd->a < a->f->nnodes && a->f->nodes[nd->a].op == FL_INT);
	default:
		return 0;
	}
}


static const char *storage_word(int heap)
{
	return heap == 1 ? "heap block" : heap == 0 ? "local array" : heap == 2 ? "static array" : "array";
}

/* Report, then give the finding the CWEs of what happened: stack (121) or heap (122) for writes past the end
 * (787), reads past the end (125), writes and reads before the start (124, 127). */
static void set_cwe(A *a, size_t before, int under, int write, int heap)
{
	fnd_list *l = &a->prog->fnd[a->fi];
	int cwe[CVET_MAX_CWE] = {0}, n = 0;
	if (l->n <= before)
		return;
	if (under) {
		cwe[n++] = write ? 124 : 127;
	} else if (write) {
		if (heap == 0 || heap == 1)
			cwe[n++] = heap ? 122 : 121;
		cwe[n++] = 787;
	} else {
		cwe[n++] = 125;
	}
	memcpy(l->v[l->n - 1]->cwe, cwe, sizeof(cwe));
}

static void raise(A *a, const bounds_use *u, int under, uint32_t org, const char *msg)
{
	size_t before = a->prog->fnd[a->fi].n;
	cvet_flow__report(a, RULE, u->at, org, "%s", msg);
	set_cwe(a, before, under, u->write, u->heap);
}

/* An index that is one of the function's parameters, unlimited here: callers judge their arguments by it. */
static void index_sink(A *a, const bounds_use *u)
{
	const fl_node *xn = u->ixn && u->ixn < a->f->nnodes ? &a->f->nodes[u->ixn] : NULL;
	char name[96];
	ssink sk;
	while (xn && xn->op == FL_CAST && xn->a && xn->a < a->f->nnodes)
		xn = &a->f->nodes[xn->a];
	if (!xn || xn->op != FL_LOCAL || xn->k < 0 || (uint64_t)xn->k >= a->f->nvars || a->f->vars[xn->k].param < 0 ||
	    a->f->vars[xn->k].param >= 24 || u->ix.symf != 0 || !(u->ix.t & PBIT(a->f->vars[xn->k].param)))
		return;
	cvet_flow__expr_name(a, u->objn, name, sizeof(name));
	memset(&sk, 0, sizeof(sk));
	sk.kind = S_INDEX;
	sk.field = 0;
	sk.file = u->at->file;
	sk.line = u->at->line;
	sk.col = u->at->col;
	sk.what = fl_intern(&a->fl->strs, name, strlen(name));
	sk.fn = a->f->name;
	sk.cap = u->cap_hi;
	sk.wr = (uint8_t)u->write;
	sk.heap = (uint8_t)(u->heap < 0 ? 3 : u->heap);
	if (sk.what)
		cvet_flow__summary_pass_on(a, PBIT(a->f->vars[xn->k].param), &sk);
}

/* Whether argument node n is one of this function's parameters, unchanged (id & 0xff is not id). */
static int param_itself(A *a, uint32_t n)
{
	while (n && n < a->f->nnodes && a->f->nodes[n].op == FL_CAST)
		n = a->f->nodes[n].a;
	return n && n < a->f->nnodes && a->f->nodes[n].op == FL_LOCAL && a->f->nodes[n].k >= 0 &&
	       (uint64_t)a->f->nodes[n].k < a->f->nvars && a->f->vars[a->f->nodes[n].k].param >= 0;
}

/* ---- string copies: strcpy, strcat, sprintf of a string whose length the engine followed ---- */

/* A copy into a buffer of known size, in a function whose parameter is the source, unchanged: its callers judge
 * the strings they pass by it (cap: the characters the buffer holds, the terminator included, past what it
 * already held). */
static void str_sink(A *a, const bounds_use *u)
{
	ssink sk;
	const char *what = u->callee ? u->callee : "?";
	int64_t cap = u->cap_hi / (u->unit ? u->unit : 1) - u->dlen_lo;
	const fl_node *xn;
	if (u->str == BS_FORMAT || !u->srcn || cap <= 0 || (u->src.fl & V_PT) || !(u->src.t & K_PARAMS) ||
	    u->src.symf != 0 || !param_itself(a, u->srcn))
		return;
	xn = &a->f->nodes[u->srcn];
	while (xn->op == FL_CAST && xn->a && xn->a < a->f->nnodes)
		xn = &a->f->nodes[xn->a];
	memset(&sk, 0, sizeof(sk));
	sk.kind = S_STRCOPY;
	sk.file = u->at->file;
	sk.line = u->at->line;
	sk.col = u->at->col;
	sk.what = fl_intern(&a->fl->strs, what, strlen(what));
	sk.fn = a->f->name;
	sk.cap = cap;
	sk.wr = 1;
	sk.heap = (uint8_t)(u->heap < 0 ? 3 : u->heap);
	if (sk.what)
		cvet_flow__summary_pass_on(a, PBIT(a->f->vars[xn->k].param), &sk);
}

static void str_bounds(A *a, const bounds_use *u)
{
	int64_t unit = u->unit ? u->unit : 1, need;
	char dst[96], src[100], len[64], msg[480];
	const fl_node *sn = u->srcn && u->srcn < a->f->nnodes ? &a->f->nodes[u->srcn] : NULL;
	if (u->len_lo < 0 || u->len_lo > u->len_hi) {
		str_sink(a, u);
		return;
	}
	need = (u->dlen_lo + u->len_lo + 1) * unit;
	if (need <= u->cap_hi)
		return;
	cvet_flow__expr_name(a, u->objn, dst, sizeof(dst));
	while (sn && sn->op == FL_CAST && sn->a && sn->a < a->f->nnodes)
		sn = &a->f->nodes[sn->a];
	if (sn && sn->op == FL_STR) {
		snprintf(src, sizeof(src), "a string literal");
	} else {
		char nm[96];
		cvet_flow__expr_name(a, u->srcn, nm, sizeof(nm));
		snprintf(src, sizeof(src), "'%s'", nm);
	}
	snprintf(len, sizeof(len), "%s%lld character%s", u->len_lo == u->len_hi ? "" : "at least ", (long long)u->len_lo,
		 u->len_lo == 1 ? "" : "s");
	if (u->str == BS_APPEND)
		snprintf(msg, sizeof(msg),
			 "'%s' appends %s, %s long on this path, to '%s', which holds %s%lld already: %lld bytes "
			 "with the terminator, but the %s has %s%lld bytes; check the lengths against the destination's size",
			 u->callee, src, len, dst, u->dlen_lo ? "" : "at least ", (long long)u->dlen_lo, (long long)need,
			 storage_word(u->heap), u->cap_lo < u->cap_hi ? "at most " : "", (long long)u->cap_hi);
	else if (u->str == BS_FORMAT)
		snprintf(msg, sizeof(msg),
			 "'%s' writes %s into '%s' on this path: %lld bytes with the terminator, but the %s has "
			 "%s%lld bytes; bound the output by the destination's size (snprintf)",
			 u->callee, len, dst, (long long)need, storage_word(u->heap), u->cap_lo < u->cap_hi ? "at most " : "",
			 (long long)u->cap_hi);
	else
		snprintf(msg, sizeof(msg),
			 "'%s' copies %s, %s long on this path, into '%s': %lld bytes with the terminator, but "
			 "the %s has %s%lld bytes; check the length against the destination's size",
			 u->callee, src, len, dst, (long long)need, storage_word(u->heap),
			 u->cap_lo < u->cap_hi ? "at most " : "", (long long)u->cap_hi);
	raise(a, u, 0, 0, msg);
}

/* A callee that copies its parameter's string into a buffer of known size (str_sink): the caller's string. */
static void str_via(A *a, const fl_node *call, const ssink *sk, const val *args, const uint32_t *argn, uint32_t nargs)
{
	const val *v;
	int64_t lo, hi;
	size_t before;
	int heap = sk->heap == 3 ? -1 : sk->heap;
	if (sk->param >= nargs || sk->cap <= 0)
		return;
	v = &args[sk->param];
	if (!cvet_flow__str_len(a, v, &lo, &hi)) {
		if (!(v->fl & V_PT) && (v->t & K_PARAMS) && v->symf == 0 && param_itself(a, argn[sk->param])) {
			ssink next = *sk;
			cvet_flow__summary_pass_on(a, v->t & K_PARAMS, &next);
		}
		return;
	}
	if (lo + 1 <= sk->cap)
		return;
	before = a->prog->fnd[a->fi].n;
	cvet_flow__report_via(a, RULE, sk, call, 0,
			      "'%s' in '%s' copies the string given as argument %u of '%s', %s%lld characters long here, into "
			      "a %s with room for %lld characters and the terminator",
			      fl_str(&a->fl->strs, sk->what), fl_str(&a->fl->strs, sk->fn), (unsigned)sk->param + 1,
			      a->call_name ? a->call_name : "?", lo == hi ? "" : "at least ", (long long)lo, storage_word(heap),
			      (long long)sk->cap - 1);
	set_cwe(a, before, 0, 1, heap);
}

/* A call to a function whose summary indexes an array by a parameter: the caller's argument judged by it. */
void cvet_flow__bounds_call(A *a, const fl_node *call, const summary *s, const val *args, const uint32_t *argn,
			    uint32_t nargs)
{
	uint32_t n = s->nsinks;
	if (!a->final || a->sub)
		return;
	for (uint32_t i = 0; i < n && i < s->nsinks; i++) {
		const ssink sk = s->sinks[i];
		const val *v;
		int over, under, heap = sk.heap == 3 ? -1 : sk.heap;
		size_t before;
		char range[96];
		if (sk.kind == S_STRCOPY) {
			str_via(a, call, &sk, args, argn, nargs);
			continue;
		}
		if (sk.kind != S_INDEX || sk.param >= nargs || sk.field != 0 || sk.cap <= 0)
			continue;
		v = &args[sk.param];
		if (v->fl & V_PT)
			continue;
		if (!(v->fl & V_BOUNDED)) {
			if ((v->t & K_PARAMS) && v->symf == 0 && param_itself(a, argn[sk.param])) {
				ssink next = sk;
				cvet_flow__summary_pass_on(a, v->t & K_PARAMS, &next);
			}
			continue;
		}
		/* (a negative argument is not judged: -1 is the usual "none", which callees test with != -1, a test
		 * that does not show in ranges) */
		over = v->hi >= sk.cap && !natural_hi(v->hi);
		under = 0;
		if (!over && !under) {
			if ((v->t & K_PARAMS) && natural_hi(v->hi) && (natural_lo(v->lo) || v->lo >= 0) && v->symf == 0 &&
			    param_itself(a, argn[sk.param])) {
				ssink next = sk;
				cvet_flow__summary_pass_on(a, v->t & K_PARAMS, &next);
			}
			continue;
		}
		if (v->lo == v->hi)
			snprintf(range, sizeof(range), "%lld", (long long)v->lo);
		else
			snprintf(range, sizeof(range), "in %lld..%lld", (long long)v->lo, (long long)v->hi);
		before = a->prog->fnd[a->fi].n;
		cvet_flow__report_via(a, RULE, &sk, call, (v->t & a->prog->active) ? v->org : 0,
				      "'%s' in '%s' is %s at the index given as argument %u of '%s', which is %s here, but the "
				      "%s has %lld elements",
				      fl_str(&a->fl->strs, sk.what), fl_str(&a->fl->strs, sk.fn), sk.wr ? "written" : "read",
				      (unsigned)sk.param + 1, a->call_name ? a->call_name : "?", range, storage_word(heap),
				      (long long)sk.cap);
		set_cwe(a, before, !over, sk.wr, heap);
	}
}

void cvet_flow__on_bounds(A *a, const bounds_use *u)
{
	int64_t slo, shi, cap = u->cap_hi;
	char name[96], msg[480], range[96];
	int over, under, tainted = (u->ix.t & a->prog->active) != 0;
	if (u->str) {
		if (a->final && !a->sub && u->cap_hi > 0 && u->cap_lo <= u->cap_hi)
			str_bounds(a, u);
		return;
	}
	if (!a->final || a->sub || u->ix.lo > u->ix.hi || cap <= 0 || u->cap_lo > u->cap_hi)
		return;
	if (!plain_operand(a, u->ixn, 0))
		return;
	if (!(u->ix.fl & V_BOUNDED)) {
		/* a range from the type or from arithmetic (a shift, a mask): not judged; an unlimited parameter index
		 * is left to the callers */
		if (!u->callee && (u->ix.t & K_PARAMS))
			index_sink(a, u);
		return;
	}
	source_range(a, u->ixn, &u->ix, &slo, &shi);
	if (u->callee) {
		/* a constant count into a constant-size array is copy-size-overflow's (the AST rule) */
		if (is_constant(a, u->ixn) && u->heap != 1)
			return;
		over = u->ix.hi > cap && !natural_hi(shi);
		under = 0;
	} else {
		over = u->ix.hi >= cap && !natural_hi(shi);
		under = u->ix.lo < 0 && (!natural_lo(slo) || (tainted && !natural_hi(shi)));
		/* a[i + 1] with i itself inside: a loop stepping by two (i += 2; i < n) or a pair read at once, whose
		 * parity ranges do not show */
		if (over && shi < cap && u->ix.hi != shi)
			over = 0;
		/* an index moved inside a macro's expansion (unrolled rounds: W[j] = ...; j++ eight times per test) */
		if ((u->at->tflags & FL_T_MACRO) || (u->at->op == FL_INDEX && u->at->sub))
			over = under = 0;
	}
	if (!over && !under) {
		if (!u->callee && natural_hi(shi) && (natural_lo(slo) || slo >= 0) && (u->ix.t & K_PARAMS))
			index_sink(a, u);
		return;
	}
	cvet_flow__expr_name(a, u->objn, name, sizeof(name));
	if (u->ix.lo == u->ix.hi)
		snprintf(range, sizeof(range), "%lld", (long long)u->ix.lo);
	else if (natural_lo(u->ix.lo))
		snprintf(range, sizeof(range), "at most %lld", (long long)u->ix.hi);
	else if (natural_hi(u->ix.hi))
		snprintf(range, sizeof(range), "at least %lld", (long long)u->ix.lo);
	else
		snprintf(range, sizeof(range), "%lld..%lld", (long long)u->ix.lo, (long long)u->ix.hi);
	if (u->callee) {
		snprintf(msg, sizeof(msg),
			 "'%s' %s up to %lld bytes at '%s' (the count is %s on this path), but the %s has %s%lld bytes; "
			 "bound the count by the destination's size",
			 u->callee, u->write ? "writes" : "reads", (long long)u->ix.hi, name, range, storage_word(u->heap),
			 u->cap_lo < u->cap_hi ? "at most " : "", (long long)cap);
	} else if (over) {
		snprintf(msg, sizeof(msg),
			 "'%s' is %s at an index that can reach %lld (the index is %s on this path), but the %s has %s%lld "
			 "elements; keep the index below %lld",
			 name, u->write ? "written" : "read", (long long)u->ix.hi, range, storage_word(u->heap),
			 u->cap_lo < u->cap_hi ? "at most " : "", (long long)cap, (long long)u->cap_lo);
	} else {
		snprintf(msg, sizeof(msg),
			 "'%s' is %s at an index that can be negative (the index is %s on this path%s); check that it is "
			 "not below 0 as well as below %lld",
			 name, u->write ? "written" : "read", range, tainted ? ", from untrusted data" : "", (long long)cap);
	}
	raise(a, u, !over, tainted ? u->ix.org : 0, msg);
}
