/* engine.c - the flow engine's whole-program driver: order the functions, decide which globals are constants,
 * settle summaries bottom-up over the call graph, then run the reporting pass; and the finding builder. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "cvet/rules.h"
#include "flow/flow_int.h"
#include "common/util.h"

/* ---- findings ---- */

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;
	for (size_t i = 0; i < n; i++)
		h = (h ^ b[i]) * 1099511628211ull;
	return h;
}

/* File f under the function being analysed (it owns it from now on, also on failure). */
static int keep(A *a, cvet_finding *f)
{
	fnd_list *l = &a->prog->fnd[a->fi];
	if (cvet_util__grow((void **)&l->v, &l->cap, l->n, sizeof(*l->v)) < 0) {
		cvet_finding_free(f);
		return -1;
	}
	l->v[l->n++] = f;
	return 0;
}

/* Move every function's findings into the report, in the program's function order, one per (rule, place):
 * a sink reached from several callers is one finding (the first caller's path). */
static int publish(prog *p)
{
	size_t total = 0, cap = 16, n = 0;
	uint64_t *set;
	int rc = 0;
	for (size_t i = 0; i < p->fl->nfuncs; i++)
		total += p->fnd[i].n;
	while (cap < total * 2 + 16)
		cap *= 2;
	if (!(set = calloc(cap, sizeof(*set))))
		return CVET_ENOMEM;
	for (size_t i = 0; i < p->fl->nfuncs; i++) {
		fnd_list *l = &p->fnd[i];
		for (size_t j = 0; j < l->n; j++) {
			cvet_finding *f = l->v[j];
			uint64_t h = 1469598103934665603ull;
			size_t k;
			h = fnv(h, f->rule_id, strlen(f->rule_id));
			h = fnv(h, f->loc.path, strlen(f->loc.path));
			h = fnv(h, &f->loc.line, sizeof(f->loc.line));
			h = fnv(h, &f->loc.column, sizeof(f->loc.column));
			h |= 1; /* 0 marks a free slot */
			for (k = h & (cap - 1); set[k] && set[k] != h; k = (k + 1) & (cap - 1))
				;
			l->v[j] = NULL;
			if (set[k] == h) {
				cvet_finding_free(f);
				continue;
			}
			set[k] = h;
			n++;
			if (rc == 0 && cvet_report_add(p->out, f) < 0)
				rc = CVET_ENOMEM;
			else if (rc < 0)
				cvet_finding_free(f);
		}
		l->n = 0;
	}
	free(set);
	(void)n;
	return rc;
}

static char *dupstr(const char *s)
{
	size_t n = strlen(s);
	char *d = malloc(n + 1);
	if (d)
		memcpy(d, s, n + 1);
	return d;
}

static int add_step(cvet_finding *f, const char *path, uint32_t line, uint32_t col, const char *msg)
{
	cvet_location *s;
	if (f->nsteps >= 64)
		return 0; /* a path is cut at 64 steps */
	if (!(s = realloc(f->steps, (f->nsteps + 1) * sizeof(*s))))
		return -1;
	f->steps = s;
	s = &f->steps[f->nsteps];
	memset(s, 0, sizeof(*s));
	s->path = dupstr(path);
	s->line = line;
	s->column = col;
	s->message = dupstr(msg);
	if (!s->path || !s->message) {
		cvet_location_clear(s);
		return -1;
	}
	f->nsteps++;
	return 0;
}

/* The trace chain ending in org, oldest first, as steps of f (at most 16). */
static int add_trace(A *a, cvet_finding *f, uint32_t org)
{
	uint32_t chain[16], n = 0;
	for (uint32_t t = org; t && t <= a->ntraces && n < 16; t = a->traces[t - 1].prev)
		chain[n++] = t;
	while (n-- > 0) {
		const tstep *s = &a->traces[chain[n] - 1];
		const char *path = s->file < a->fl->nfiles ? fl_str(&a->fl->strs, a->fl->files[s->file]) : "";
		if (add_step(f, path, s->line, s->col, fl_str(&a->fl->strs, s->msg)) < 0)
			return -1;
	}
	return 0;
}

static cvet_finding *new_finding(A *a, const char *rule_id, uint16_t file, uint32_t line, uint16_t col,
				 const char *function, const char *msg)
{
	const cvet_rule *rule = cvet_rules_find(rule_id);
	cvet_finding *f;
	if (!rule || !a->final || a->sub || !line)
		return NULL;
	if (!(f = cvet_finding_new())) {
		a->oom = 1;
		return NULL;
	}
	f->rule_id = dupstr(rule->id);
	f->kind = CVET_KIND_CODE;
	f->severity = rule->severity;
	memcpy(f->cwe, rule->cwe, sizeof(f->cwe));
	f->message = dupstr(msg);
	f->loc.path = dupstr(file < a->fl->nfiles ? fl_str(&a->fl->strs, a->fl->files[file]) : "");
	f->loc.line = line;
	f->loc.column = col;
	f->function = dupstr(function);
	if (!f->rule_id || !f->message || !f->loc.path || !f->function) {
		cvet_finding_free(f);
		a->oom = 1;
		return NULL;
	}
	return f;
}

void cvet_flow__report(A *a, const char *rule, const fl_node *at, uint32_t org, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	cvet_finding *f;
	if (!a->prog->report || !at)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	f = new_finding(a, rule, at->file, at->line, at->col, fl_str(&a->fl->strs, a->f->name), msg);
	if (!f)
		return;
	if (add_trace(a, f, org) < 0 || keep(a, f) < 0)
		a->oom = 1;
}

void cvet_flow__report_via(A *a, const char *rule, const ssink *sk, const fl_node *call, uint32_t org,
			   const char *fmt, ...)
{
	char msg[512], step[300];
	va_list ap;
	cvet_finding *f;
	if (!a->prog->report)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	f = new_finding(a, rule, sk->file, sk->line, sk->col, fl_str(&a->fl->strs, sk->fn), msg);
	if (!f)
		return;
	snprintf(step, sizeof(step), "passed to '%s' here, which hands it on to '%s'",
		 a->call_name ? a->call_name : "?", fl_str(&a->fl->strs, sk->what));
	if (add_trace(a, f, org) < 0 ||
	    add_step(f, call->file < a->fl->nfiles ? fl_str(&a->fl->strs, a->fl->files[call->file]) : "", call->line,
		     call->col, step) < 0 ||
	    keep(a, f) < 0)
		a->oom = 1;
}

static void summary_add(A *a, uint32_t t, const ssink *proto_in)
{
	if (!a->final)
		return; /* only what holds at the fixed point */
	summary *s = &a->prog->sums[a->fi];
	ssink copy = *proto_in, *proto = &copy; /* proto_in may live in this very array (recursion) */
	for (uint32_t i = 0; i < 24; i++) {
		ssink *n;
		if (!(t & PBIT(i)))
			continue;
		for (uint32_t j = 0; j < s->nsinks; j++)
			if (s->sinks[j].param == i && s->sinks[j].kind == proto->kind && s->sinks[j].line == proto->line &&
			    s->sinks[j].field == proto->field &&
			    s->sinks[j].col == proto->col && s->sinks[j].file == proto->file)
				goto next;
		if (s->nsinks >= 256)
			return;
		if (s->nsinks == s->capsinks) {
			uint32_t nc = s->capsinks ? s->capsinks * 2 : 4;
			ssink *ns = realloc(s->sinks, nc * sizeof(*ns));
			if (!ns) {
				a->oom = 1;
				return;
			}
			s->sinks = ns;
			s->capsinks = nc;
		}
		n = &s->sinks[s->nsinks++];
		*n = *proto;
		n->param = (uint8_t)i;
next:;
	}
}

void cvet_flow__summary_sink(A *a, const val *v, int kind, const fl_node *at, const char *what)
{
	ssink sk;
	uint32_t t = v->t;
	if (!(t & K_PARAMS) || !at)
		return;
	memset(&sk, 0, sizeof(sk));
	sk.field = v->symf;
	sk.kind = (uint8_t)kind;
	sk.file = at->file;
	sk.line = at->line;
	sk.col = at->col;
	sk.what = fl_intern(&a->fl->strs, what, strlen(what));
	sk.fn = a->f->name;
	summary_add(a, t, &sk);
}

/* Callers re-judge a summary's sink with their arguments; a sink reached by the caller's own parameters
 * joins the caller's summary (two and more calls deep). */
void cvet_flow__summary_pass_on(A *a, uint32_t t, const ssink *sk)
{
	summary_add(a, t, sk);
}

/* ---- the whole program ---- */

typedef struct order_key {
	const char *file, *usr;
	uint32_t line, idx;
} order_key;

static int cmp_order(const void *x, const void *y)
{
	const order_key *a = x, *b = y;
	int c = strcmp(a->usr, b->usr);
	if (c)
		return c;
	if ((c = strcmp(a->file, b->file)) != 0)
		return c;
	return a->line < b->line ? -1 : a->line > b->line;
}

/* Sort functions by (USR, file, line) and keep one definition per USR (a header's inline function is
 * lowered by every TU including it; a file compiled twice gives two copies). */
static int canonical_order(cvet_flow *fl)
{
	order_key *keys = calloc(fl->nfuncs ? fl->nfuncs : 1, sizeof(*keys));
	fl_func *funcs = calloc(fl->nfuncs ? fl->nfuncs : 1, sizeof(*funcs));
	size_t n = 0;
	if (!keys || !funcs) {
		free(keys);
		free(funcs);
		return CVET_ENOMEM;
	}
	for (size_t i = 0; i < fl->nfuncs; i++) {
		keys[i].usr = fl_str(&fl->strs, fl->funcs[i].usr);
		keys[i].file = fl->funcs[i].file < fl->nfiles ? fl_str(&fl->strs, fl->files[fl->funcs[i].file]) : "";
		keys[i].line = fl->funcs[i].line;
		keys[i].idx = (uint32_t)i;
	}
	qsort(keys, fl->nfuncs, sizeof(*keys), cmp_order);
	for (size_t i = 0; i < fl->nfuncs; i++) {
		fl_func *f = &fl->funcs[keys[i].idx];
		if (n && strcmp(keys[i].usr, fl_str(&fl->strs, funcs[n - 1].usr)) == 0) {
			fl_func_free(f);
			continue;
		}
		funcs[n++] = *f;
	}
	free(fl->funcs);
	fl->funcs = funcs;
	fl->nfuncs = n;
	fl->capfuncs = fl->nfuncs ? fl->nfuncs : 1;
	free(keys);
	return 0;
}

static int cmp_u32_by_usr(const void *x, const void *y, const cvet_flow *fl)
{
	uint32_t a = fl->funcs[*(const uint32_t *)x].usr, b = fl->funcs[*(const uint32_t *)y].usr;
	return a < b ? -1 : a > b;
}

/* Insertion-free sort of the USR index (n log n merge sort; qsort has no context argument in C11). */
static void sort_by_usr(const cvet_flow *fl, uint32_t *v, uint32_t *tmp, uint32_t n)
{
	if (n < 2)
		return;
	sort_by_usr(fl, v, tmp, n / 2);
	sort_by_usr(fl, v + n / 2, tmp, n - n / 2);
	for (uint32_t i = 0, j = n / 2, k = 0; k < n; k++)
		tmp[k] = (j >= n || (i < n / 2 && cmp_u32_by_usr(&v[i], &v[j], fl) <= 0)) ? v[i++] : v[j++];
	memcpy(v, tmp, n * sizeof(*v));
}

/* Root global of an lvalue node (through fields, elements and casts), or -1. */
static int64_t global_root(const fl_func *f, uint32_t n)
{
	for (unsigned guard = 0; guard < 64 && n && n < f->nnodes; guard++) {
		const fl_node *nd = &f->nodes[n];
		switch (nd->op) {
		case FL_GLOBAL:
			return nd->k;
		case FL_FIELD:
		case FL_INDEX:
		case FL_CAST:
			n = nd->a;
			break;
		default:
			return -1;
		}
	}
	return -1;
}

/* Globals that something writes after initialisation, or whose address escapes. */
static void global_facts(cvet_flow *fl, gfact *g)
{
	for (size_t fi = 0; fi < fl->nfuncs; fi++) {
		const fl_func *f = &fl->funcs[fi];
		for (uint32_t n = 1; n < f->nnodes; n++) {
			const fl_node *nd = &f->nodes[n];
			int64_t r = -1;
			if (nd->op == FL_ASSIGN || nd->op == FL_INCDEC || nd->op == FL_ADDR)
				r = global_root(f, nd->a);
			if (nd->op == FL_ADDR && r >= 0 && (size_t)r < fl->nglobals)
				g[r].escaped = 1;
			else if (nd->op == FL_CALL)
				for (uint32_t i = 0; i < nd->b && nd->a + i < f->nextra; i++) {
					uint32_t an = f->extra[nd->a + i];
					if (an < f->nnodes && (f->nodes[an].tflags & FL_T_ARRAY)) {
						int64_t rr = global_root(f, an);
						if (rr >= 0 && (size_t)rr < fl->nglobals && !fl->globals[rr].is_const)
							g[rr].written = g[rr].escaped = 1; /* a const array cannot be filled */
					}
				}
			if (r >= 0 && (size_t)r < fl->nglobals && !fl->globals[r].is_const)
				g[r].written = 1;
		}
	}
}

static int privileged(const cvet_flow *fl)
{
	static const char *const calls[] = {"setuid", "seteuid", "setreuid", "setresuid", "setgid", "setegid",
					     "setresgid", "setregid", "cap_set_proc", NULL};
	for (size_t fi = 0; fi < fl->nfuncs; fi++) {
		const fl_func *f = &fl->funcs[fi];
		if (!f->is_main)
			continue;
		for (uint32_t c = 0; c < f->ncallees; c++)
			for (int i = 0; calls[i]; i++)
				if (strcmp(cvet_flow__callee_name(fl, f->callees[c]), calls[i]) == 0)
					return 1;
	}
	return 0;
}

typedef struct ovr_pair {
	uint32_t usr, fi;
} ovr_pair;

static int cmp_ovr(const void *x, const void *y)
{
	const ovr_pair *a = x, *b = y;
	if (a->usr != b->usr)
		return a->usr < b->usr ? -1 : 1;
	return a->fi < b->fi ? -1 : a->fi > b->fi;
}

/* The override table (overridden USR -> overrider), and each caller of a virtual method made a caller of
 * its overriders too (they are analysed first, and a change in theirs runs it again). */
static int virtual_edges(prog *p)
{
	cvet_flow *fl = p->fl;
	uint32_t n = 0, k = 0;
	ovr_pair *v;
	for (size_t i = 0; i < fl->nfuncs; i++)
		n += fl->funcs[i].noverrides;
	if (!n)
		return 0;
	if (!(v = malloc(n * sizeof(*v))) || !(p->ovr_usr = malloc(n * sizeof(*p->ovr_usr))) ||
	    !(p->ovr_fi = malloc(n * sizeof(*p->ovr_fi)))) {
		free(v);
		return CVET_ENOMEM;
	}
	for (uint32_t i = 0; i < fl->nfuncs; i++)
		for (uint32_t j = 0; j < fl->funcs[i].noverrides; j++) {
			v[k].usr = fl->funcs[i].overrides[j];
			v[k++].fi = i;
		}
	qsort(v, k, sizeof(*v), cmp_ovr);
	for (uint32_t i = 0; i < k; i++) {
		p->ovr_usr[i] = v[i].usr;
		p->ovr_fi[i] = v[i].fi;
	}
	free(v);
	p->novr = k;
	for (size_t i = 0; i < fl->nfuncs; i++) {
		fl_func *f = &fl->funcs[i];
		uint32_t nc = f->ncallees;
		for (uint32_t c = 0; c < nc; c++) {
			uint32_t first, m = cvet_flow__overriders(p, f->callees[c], &first);
			for (uint32_t o = 0; o < m; o++) {
				uint32_t usr = fl->funcs[p->ovr_fi[first + o]].usr, seen = 0;
				uint32_t *grown;
				for (uint32_t d = 0; d < f->ncallees && !seen; d++)
					seen = f->callees[d] == usr;
				if (seen)
					continue;
				if (!(grown = realloc(f->callees, (f->ncallees + 1) * sizeof(*grown))))
					return CVET_ENOMEM;
				f->callees = grown;
				f->callees[f->ncallees++] = usr;
			}
		}
	}
	return 0;
}

/* Callees before callers: iterative depth-first post-order from each function in canonical order. */
static int bottom_up(const prog *p, uint32_t *order)
{
	const cvet_flow *fl = p->fl;
	size_t n = fl->nfuncs, no = 0, sp = 0;
	uint8_t *mark = calloc(n ? n : 1, 1);
	uint32_t *stack = calloc(n ? n : 1, sizeof(*stack)), *edge = calloc(n ? n : 1, sizeof(*edge));
	if (!mark || !stack || !edge) {
		free(mark);
		free(stack);
		free(edge);
		return CVET_ENOMEM;
	}
	for (size_t root = 0; root < n; root++) {
		if (mark[root])
			continue;
		mark[root] = 1;
		stack[sp] = (uint32_t)root;
		edge[sp++] = 0;
		while (sp) {
			uint32_t fi = stack[sp - 1];
			const fl_func *f = &fl->funcs[fi];
			if (edge[sp - 1] < f->ncallees) {
				int64_t c = cvet_flow__func_index(p, f->callees[edge[sp - 1]++]);
				if (c >= 0 && !mark[c]) {
					mark[c] = 1;
					stack[sp] = (uint32_t)c;
					edge[sp++] = 0;
				}
				continue;
			}
			order[no++] = fi;
			sp--;
		}
	}
	free(mark);
	free(stack);
	free(edge);
	return 0;
}

/* CVET_FLOW_DEBUG=1: every summary on stderr (for engine work; not a stable format). */
static void debug_summaries(const prog *p)
{
	const cvet_flow *fl = p->fl;
	for (size_t i = 0; i < fl->nfuncs; i++) {
		const summary *s = &p->sums[i];
		fprintf(stderr, "flow: %s ret_t=%#x ret=[%lld,%lld] returns=%d\n", fl_str(&fl->strs, fl->funcs[i].name),
			s->ret_t, (long long)s->ret_lo, (long long)s->ret_hi, s->returns);
		for (uint32_t j = 0; j < s->nouts; j++)
			fprintf(stderr, "  out param %u field %#x (%s) t=%#x fl=%#x\n", s->outs[j].param, s->outs[j].field,
				fl_str(&fl->strs, s->outs[j].field & 0x1fffffffu), s->outs[j].t, s->outs[j].fl);
		for (uint32_t j = 0; j < s->nsinks; j++)
			fprintf(stderr, "  sink param %u field %#x kind %u at %u:%u (%s)\n", s->sinks[j].param, s->sinks[j].field,
				s->sinks[j].kind, s->sinks[j].line, s->sinks[j].col, fl_str(&fl->strs, s->sinks[j].what));
	}
}

/* Function fi's summary changed at position pos of this round: its callers (and functions taking its
 * address) run again next round - unless they come later in this round anyway and will see it. */
static void mark_callers(const prog *p, uint32_t fi, const uint32_t *pos, const uint8_t *dirty, uint8_t *mark,
			 int *any)
{
	for (uint32_t e = p->caller_start[fi]; e < p->caller_start[fi + 1]; e++) {
		uint32_t i = p->callers[e];
		if (!dirty[i] || pos[i] <= pos[fi]) {
			mark[i] = 1;
			*any = 1;
		}
	}
}

/* The reverse call graph (who calls or takes the address of each function), as CSR arrays. */
static int build_callers(prog *p)
{
	const cvet_flow *fl = p->fl;
	size_t n = fl->nfuncs, edges = 0;
	uint32_t *fill;
	if (!(p->caller_start = calloc(n + 1, sizeof(*p->caller_start))))
		return CVET_ENOMEM;
	for (size_t i = 0; i < n; i++)
		for (uint32_t c = 0; c < fl->funcs[i].ncallees; c++) {
			int64_t callee = cvet_flow__func_index(p, fl->funcs[i].callees[c]);
			if (callee >= 0) {
				p->caller_start[callee + 1]++;
				edges++;
			}
		}
	for (size_t i = 0; i < n; i++)
		p->caller_start[i + 1] += p->caller_start[i];
	if (!(p->callers = calloc(edges ? edges : 1, sizeof(*p->callers))) || !(fill = calloc(n ? n : 1, sizeof(*fill))))
		return CVET_ENOMEM;
	for (size_t i = 0; i < n; i++)
		for (uint32_t c = 0; c < fl->funcs[i].ncallees; c++) {
			int64_t callee = cvet_flow__func_index(p, fl->funcs[i].callees[c]);
			if (callee >= 0)
				p->callers[p->caller_start[callee] + fill[callee]++] = (uint32_t)i;
		}
	free(fill);
	return 0;
}

/* Whether function fi (at position pos this round, dirty or not) must run again because a global it reads
 * grew after it last looked (g.dirty holds 1 + the last position at which it grew). */
static int reads_dirty_global(const fl_func *f, const gfact *g, size_t ng, uint32_t pos, int was_dirty)
{
	for (uint32_t n = 1; n < f->nnodes; n++)
		if (f->nodes[n].op == FL_GLOBAL && f->nodes[n].k >= 0 && (size_t)f->nodes[n].k < ng &&
		    g[f->nodes[n].k].dirty && (!was_dirty || pos + 1 <= (uint32_t)g[f->nodes[n].k].dirty))
			return 1;
	return 0;
}

int cvet_flow_analyze(cvet_flow *fl, const cvet_flow_options *opts, cvet_report *out)
{
	prog p;
	A a;
	uint32_t *order = NULL, *tmp = NULL;
	uint8_t *dirty = NULL, *next = NULL;
	uint32_t *pos = NULL;
	clock_t started = clock();
	int debug = getenv("CVET_FLOW_DEBUG") != NULL;
	int rc = 0;
	memset(&p, 0, sizeof(p));
	memset(&a, 0, sizeof(a));
	if (fl->oom)
		return CVET_ENOMEM;
	if ((rc = cvet_flow__canonicalize(fl)) < 0 || (rc = canonical_order(fl)) < 0 ||
	    (rc = cvet_flow__user_models(opts ? opts->models : NULL, opts ? opts->nmodels : 0)) < 0)
		return rc;
	p.fl = fl;
	p.out = out;
	p.sums = calloc(fl->nfuncs ? fl->nfuncs : 1, sizeof(*p.sums));
	p.by_usr = calloc(fl->nfuncs ? fl->nfuncs : 1, sizeof(*p.by_usr));
	p.g = calloc(fl->nglobals ? fl->nglobals : 1, sizeof(*p.g));
	p.fnd = calloc(fl->nfuncs ? fl->nfuncs : 1, sizeof(*p.fnd));
	order = calloc(fl->nfuncs ? fl->nfuncs : 1, sizeof(*order));
	tmp = calloc(fl->nfuncs ? fl->nfuncs : 1, sizeof(*tmp));
	if (!p.sums || !p.by_usr || !p.g || !p.fnd || !order || !tmp) {
		rc = CVET_ENOMEM;
		goto done;
	}
	for (uint32_t i = 0; i < fl->nfuncs; i++)
		p.by_usr[i] = i;
	p.nby_usr = (uint32_t)fl->nfuncs;
	sort_by_usr(fl, p.by_usr, tmp, p.nby_usr);
	global_facts(fl, p.g);
	p.active = K_REMOTE | K_FILE | K_STDIN;
	if ((opts && opts->threat_model == CVET_FLOW_THREAT_LOCAL) || privileged(fl))
		p.active |= K_CMDLINE | K_ENV;
	if ((rc = virtual_edges(&p)) < 0 || (rc = bottom_up(&p, order)) < 0 || (rc = build_callers(&p)) < 0)
		goto done;

	a.fl = fl;
	a.hooks = opts ? opts->hooks : NULL;
	a.union_fid = fl_find(&fl->strs, "|");
	a.prog = &p;
	a.g = p.g;
	a.threat_local_main = 1;
	/* settle summaries and global taint (bounded), then one pass that reports */
	/* settle summaries and global facts: every function once, then only those whose callees' summaries
	 * changed (or that read globals, when a global's facts grew), for a bounded number of rounds; then one
	 * pass over every function that reports */
	if (!(dirty = calloc(fl->nfuncs ? fl->nfuncs : 1, 1)) || !(next = calloc(fl->nfuncs ? fl->nfuncs : 1, 1))) {
		rc = CVET_ENOMEM;
		goto done;
	}
	if (!(pos = calloc(fl->nfuncs ? fl->nfuncs : 1, sizeof(*pos)))) {
		rc = CVET_ENOMEM;
		goto done;
	}
	for (size_t i = 0; i < fl->nfuncs; i++)
		pos[order[i]] = (uint32_t)i;
	memset(dirty, 1, fl->nfuncs);
	p.report = 1;
	for (int round = 0; round <= MAX_ROUNDS && rc == 0; round++) {
		int any = 0;
		a.glob_changed = 0;
		memset(next, 0, fl->nfuncs);
		for (size_t i = 0; i < fl->nfuncs && rc == 0; i++) {
			uint32_t fi = order[i];
			if (!dirty[fi])
				continue;
			a.changed = 0;
			a.pos = (uint32_t)i;
			{
				clock_t t0 = debug ? clock() : 0;
				rc = cvet_flow__analyze_function(&a, fi);
				if (debug && clock() - t0 > CLOCKS_PER_SEC / 100)
					fprintf(stderr, "flow: %s: %.3f s (%u blocks, %u nodes)\n", fl_str(&fl->strs, fl->funcs[fi].name),
						(double)(clock() - t0) / CLOCKS_PER_SEC, fl->funcs[fi].nblocks, fl->funcs[fi].nnodes);
			}
			if (a.changed)
				mark_callers(&p, fi, pos, dirty, next, &any);
		}
		if (rc < 0 || a.oom || p.oom) {
			rc = CVET_ENOMEM;
			break;
		}
		if (a.glob_changed)
			for (size_t i = 0; i < fl->nfuncs; i++)
				if (reads_dirty_global(&fl->funcs[i], p.g, fl->nglobals, pos[i], dirty[i]))
					next[i] = 1, any = 1;
		for (size_t gi = 0; gi < fl->nglobals; gi++)
			p.g[gi].dirty = 0;
		if (getenv("CVET_FLOW_DEBUG")) {
			size_t nd = 0;
			for (size_t i = 0; i < fl->nfuncs; i++)
				nd += dirty[i] != 0;
			fprintf(stderr, "flow: round %d analysed %zu of %zu functions\n", round, nd, fl->nfuncs);
		}
		memcpy(dirty, next, fl->nfuncs);
		if (!any)
			break; /* settled: every function's latest findings hold */
	}
	if (rc == 0)
		rc = publish(&p);
	if (rc == 0 && getenv("CVET_FLOW_DEBUG")) {
		fprintf(stderr, "flow: analysis took %.3f s of CPU\n", (double)(clock() - started) / CLOCKS_PER_SEC);
		debug_summaries(&p);
	}
done:
	if (p.sums)
		for (size_t i = 0; i < fl->nfuncs; i++) {
			free(p.sums[i].sinks);
			free(p.sums[i].outs);
		}
	free(p.sums);
	free(p.by_usr);
	free(p.g);
	if (p.fnd)
		for (size_t i = 0; i < fl->nfuncs; i++) {
			for (size_t j = 0; j < p.fnd[i].n; j++)
				cvet_finding_free(p.fnd[i].v[j]);
			free(p.fnd[i].v);
		}
	free(p.fnd);
	free(p.callers);
	free(p.caller_start);
	free(p.ovr_usr);
	free(p.ovr_fi);
	cvet_flow__null_sites_free(&p);
	free(a.traces);
	free(order);
	free(tmp);
	free(dirty);
	free(next);
	free(pos);
	cvet_flow__user_models(NULL, 0);
	return rc;
}
