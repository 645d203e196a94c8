/* serial.c - a translation unit's lowered functions and globals in the worker byte format (common/wire.h).
 *
 * A worker process lowers one translation unit into a program of its own and sends it whole; the scanner
 * reads it into a cvet_flow_tu and merges it as if the walker had lowered it in-process (cvet_flow__tu_finish),
 * so the analysis sees the same program either way. The reader checks every index the analysis later follows
 * (operands, ranges, blocks, strings, files, variables, globals), so truncated or corrupt bytes are refused
 * rather than read out of bounds. */
#include <stdlib.h>
#include <string.h>
#include "flow/flow.h"
#include "flow/flow_int.h"

#define MAGIC 0x32574c46u /* "FLW2" (2: the methods a function overrides) */

static void put_func(cvet_wbuf *w, const fl_func *f)
{
	cvet_wbuf__u32(w, f->usr);
	cvet_wbuf__u32(w, f->name);
	cvet_wbuf__u32(w, f->file);
	cvet_wbuf__u32(w, f->line);
	cvet_wbuf__u32(w, (uint32_t)f->is_main | (uint32_t)f->budget_cut << 8);
	cvet_wbuf__u32(w, f->nparams);
	cvet_wbuf__u32(w, f->nvars);
	cvet_wbuf__put(w, f->vars, (size_t)f->nvars * sizeof(*f->vars));
	cvet_wbuf__u32(w, f->nnodes);
	cvet_wbuf__put(w, f->nodes, (size_t)f->nnodes * sizeof(*f->nodes));
	cvet_wbuf__u32(w, f->nextra);
	cvet_wbuf__put(w, f->extra, (size_t)f->nextra * sizeof(*f->extra));
	cvet_wbuf__u32(w, f->nstmts);
	cvet_wbuf__put(w, f->stmts, (size_t)f->nstmts * sizeof(*f->stmts));
	cvet_wbuf__u32(w, f->nblocks);
	cvet_wbuf__put(w, f->blocks, (size_t)f->nblocks * sizeof(*f->blocks));
	cvet_wbuf__u32(w, f->ncases);
	cvet_wbuf__put(w, f->cases, (size_t)f->ncases * sizeof(*f->cases));
	cvet_wbuf__u32(w, f->ncallees);
	cvet_wbuf__put(w, f->callees, (size_t)f->ncallees * sizeof(*f->callees));
	cvet_wbuf__u32(w, f->noverrides);
	cvet_wbuf__put(w, f->overrides, (size_t)f->noverrides * sizeof(*f->overrides));
}

int cvet_flow__encode(const cvet_flow *fl, cvet_wbuf *w)
{
	cvet_wbuf__u32(w, MAGIC);
	cvet_wbuf__u32(w, fl->strs.n);
	for (uint32_t id = 1; id <= fl->strs.n; id++)
		cvet_wbuf__str(w, fl_str(&fl->strs, id));
	cvet_wbuf__u32(w, (uint32_t)fl->nfiles);
	cvet_wbuf__put(w, fl->files, fl->nfiles * sizeof(*fl->files));
	cvet_wbuf__u32(w, (uint32_t)fl->nglobals);
	cvet_wbuf__put(w, fl->globals, fl->nglobals * sizeof(*fl->globals));
	cvet_wbuf__u32(w, (uint32_t)fl->nfuncs);
	for (size_t i = 0; i < fl->nfuncs; i++)
		put_func(w, &fl->funcs[i]);
	return w->oom || fl->oom ? CVET_ENOMEM : 0;
}

/* Read n items of `size` bytes into a new array (*out; NULL when n is 0). 0, or -1 (bad or out of memory). */
static int get_array(cvet_rbuf *r, void **out, uint32_t *n, size_t size, int *oom)
{
	*out = NULL;
	*n = cvet_rbuf__count(r, size);
	if (r->bad || !*n)
		return r->bad ? -1 : 0;
	if (!(*out = malloc((size_t)*n * size))) {
		*oom = 1;
		r->bad = 1;
		return -1;
	}
	return cvet_rbuf__get(r, *out, (size_t)*n * size);
}

static int str_ok(const cvet_flow_tu *ft, int64_t id)
{
	return id >= 0 && id <= (int64_t)ft->strs.n;
}

/* A successor: a block of f, or none (UINT32_MAX, as the lowering leaves an unused edge). */
static int block_ok(const fl_func *f, uint32_t b)
{
	return b < f->nblocks || b == UINT32_MAX;
}

/* Every index in f stays inside its own arrays, the TU's strings, files and globals. */
static int func_ok(const cvet_flow_tu *ft, const fl_func *f)
{
	if (!f->nnodes || !f->nblocks || !str_ok(ft, f->usr) || !str_ok(ft, f->name) || f->nparams > f->nvars)
		return 0;
	for (uint32_t i = 0; i < f->nvars; i++)
		if (!str_ok(ft, f->vars[i].name) || f->vars[i].param < -1 || f->vars[i].param >= (int32_t)f->nparams)
			return 0;
	for (uint32_t i = 0; i < f->ncallees; i++)
		if (!str_ok(ft, f->callees[i]))
			return 0;
	for (uint32_t i = 0; i < f->noverrides; i++)
		if (!str_ok(ft, f->overrides[i]))
			return 0;
	for (uint32_t i = 0; i < f->nextra; i++)
		if (f->extra[i] >= f->nnodes)
			return 0;
	for (uint32_t i = 0; i < f->nstmts; i++)
		if (f->stmts[i] >= f->nnodes)
			return 0;
	for (uint32_t i = 0; i < f->nnodes; i++) {
		const fl_node *n = &f->nodes[i];
		if (n->op > FL_UNKNOWN || (ft->nfiles && n->file >= ft->nfiles))
			return 0;
		switch (n->op) {
		case FL_CALL:
		case FL_INIT:
		case FL_UNKNOWN:
			if (n->a > f->nextra || n->b > f->nextra - n->a || n->c >= f->nnodes)
				return 0;
			break;
		default:
			if (n->a >= f->nnodes || n->b >= f->nnodes || n->c >= f->nnodes)
				return 0;
		}
		switch (n->op) {
		case FL_LOCAL:
			if (n->k < 0 || n->k >= (int64_t)f->nvars)
				return 0;
			break;
		case FL_GLOBAL:
			if (n->k < 0 || n->k >= (int64_t)ft->nglobals)
				return 0;
			break;
		case FL_STR:
		case FL_FUNCREF:
		case FL_FIELD:
		case FL_ARROW:
		case FL_CALL:
			if (!str_ok(ft, n->k))
				return 0;
			break;
		case FL_BIN:
		case FL_ASSIGN:
			if (n->sub > FB_LOR)
				return 0;
			break;
		case FL_UN:
		case FL_INCDEC:
			if (n->sub > FU_POSTDEC)
				return 0;
			break;
		default:
			break;
		}
	}
	for (uint32_t i = 0; i < f->nblocks; i++) {
		const fl_block *b = &f->blocks[i];
		if (b->term > FT_STOP || b->first > f->nstmts || b->count > f->nstmts - b->first ||
		    b->cond >= f->nnodes || b->loop_cond >= f->nnodes || !block_ok(f, b->succ[0]) ||
		    !block_ok(f, b->succ[1]) || b->case_start > f->ncases || b->ncases > f->ncases - b->case_start)
			return 0;
	}
	for (uint32_t i = 0; i < f->ncases; i++)
		if (!block_ok(f, f->cases[i].block))
			return 0;
	return 1;
}

static int get_func(cvet_rbuf *r, cvet_flow_tu *ft, fl_func *f, int *oom)
{
	uint32_t flags, file;
	f->usr = cvet_rbuf__u32(r);
	f->name = cvet_rbuf__u32(r);
	file = cvet_rbuf__u32(r);
	f->line = cvet_rbuf__u32(r);
	flags = cvet_rbuf__u32(r);
	f->nparams = cvet_rbuf__u32(r);
	f->file = (uint16_t)file;
	f->is_main = (uint8_t)(flags & 1u);
	f->budget_cut = (uint8_t)((flags >> 8) & 1u);
	if (get_array(r, (void **)&f->vars, &f->nvars, sizeof(*f->vars), oom) < 0 ||
	    get_array(r, (void **)&f->nodes, &f->nnodes, sizeof(*f->nodes), oom) < 0 ||
	    get_array(r, (void **)&f->extra, &f->nextra, sizeof(*f->extra), oom) < 0 ||
	    get_array(r, (void **)&f->stmts, &f->nstmts, sizeof(*f->stmts), oom) < 0 ||
	    get_array(r, (void **)&f->blocks, &f->nblocks, sizeof(*f->blocks), oom) < 0 ||
	    get_array(r, (void **)&f->cases, &f->ncases, sizeof(*f->cases), oom) < 0 ||
	    get_array(r, (void **)&f->callees, &f->ncallees, sizeof(*f->callees), oom) < 0 ||
	    get_array(r, (void **)&f->overrides, &f->noverrides, sizeof(*f->overrides), oom) < 0)
		return -1;
	if (file > UINT16_MAX || (ft->nfiles && file >= ft->nfiles) || !func_ok(ft, f)) {
		r->bad = 1;
		return -1;
	}
	return 0;
}

int cvet_flow__decode(cvet_rbuf *r, cvet_flow *into, cvet_flow_tu *ft)
{
	uint32_t n, nfiles = 0, nglobals = 0;
	int oom = 0;

	memset(ft, 0, sizeof(*ft));
	ft->fl = into;
	if (cvet_rbuf__u32(r) != MAGIC)
		r->bad = 1;
	n = cvet_rbuf__count(r, 4);
	for (uint32_t i = 0; i < n && !r->bad; i++) {
		char *s = cvet_rbuf__str(r, &oom);
		if (!s) {
			r->bad = 1;
			break;
		}
		/* the program's strings are distinct, so they are interned in order */
		if (fl_intern(&ft->strs, s, strlen(s)) != i + 1) {
			if (ft->strs.n == i)
				oom = 1;
			r->bad = 1;
		}
		free(s);
	}
	if (!r->bad && get_array(r, (void **)&ft->files, &nfiles, sizeof(*ft->files), &oom) == 0)
		ft->nfiles = ft->capfiles = nfiles;
	for (uint32_t i = 0; i < nfiles && !r->bad; i++)
		if (!str_ok(ft, ft->files[i]))
			r->bad = 1;
	if (!r->bad && get_array(r, (void **)&ft->globals, &nglobals, sizeof(*ft->globals), &oom) == 0)
		ft->nglobals = ft->capglobals = nglobals;
	for (uint32_t i = 0; i < nglobals && !r->bad; i++) {
		const fl_global *g = &ft->globals[i];
		if (!str_ok(ft, g->usr) || !str_ok(ft, g->name) || !str_ok(ft, g->init_str))
			r->bad = 1;
	}
	n = r->bad ? 0 : cvet_rbuf__count(r, 4 * 14);
	if (n && !(ft->funcs = calloc(n, sizeof(*ft->funcs)))) {
		oom = 1;
		r->bad = 1;
	}
	ft->capfuncs = ft->funcs ? n : 0;
	for (uint32_t i = 0; i < n && !r->bad; i++) {
		int rc = get_func(r, ft, &ft->funcs[i], &oom);
		ft->nfuncs++; /* freed with the rest when bad */
		if (rc < 0)
			break;
	}
	if (r->bad || oom) {
		cvet_flow__tu_discard(ft);
		return oom ? CVET_ENOMEM : CVET_EPARSE;
	}
	return 0;
}
