/* program.c - the flow engine's whole-program store: interned strings, and merging what each translation
 * unit lowered into one table of functions and globals (under a lock, ids remapped to the program's). */
#include <stdlib.h>
#include <string.h>
#include "cvet/common.h"
#include "flow/flow.h"
#include "common/util.h"

/* ---- interned strings ---- */

static uint32_t hash_bytes(const char *s, size_t len)
{
	uint32_t h = 2166136261u; /* FNV-1a */
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static int rehash(fl_strtab *t)
{
	uint32_t n = t->nslots ? t->nslots * 2 : 256, *slots;
	while (n < 0x80000000u && n <= (t->n + 1) * 2)
		n *= 2; /* room for every string at most half full, also when rebuilding from nothing */
	if (!(slots = calloc(n, sizeof(*slots))))
		return -1;
	for (uint32_t id = 1; id <= t->n; id++) {
		const char *s = t->v[id - 1];
		uint32_t i = hash_bytes(s, strlen(s)) & (n - 1);
		while (slots[i])
			i = (i + 1) & (n - 1);
		slots[i] = id;
	}
	free(t->slots);
	t->slots = slots;
	t->nslots = n;
	return 0;
}

uint32_t fl_intern(fl_strtab *t, const char *s, size_t len)
{
	uint32_t i, id;
	char *copy;
	if (memchr(s, '\0', len))
		len = strlen(s);
	if ((t->n + 1) * 2 >= t->nslots && rehash(t) < 0)
		return 0;
	for (i = hash_bytes(s, len) & (t->nslots - 1); (id = t->slots[i]) != 0; i = (i + 1) & (t->nslots - 1)) {
		const char *v = t->v[id - 1];
		if (strncmp(v, s, len) == 0 && v[len] == '\0')
			return id;
	}
	if (t->n == UINT32_MAX - 1 || !(copy = malloc(len + 1)))
		return 0;
	if (len)
		memcpy(copy, s, len);
	copy[len] = '\0';
	{
		size_t cap = t->cap;
		void *v = t->v;
		if (cvet_util__grow(&v, &cap, t->n, sizeof(*t->v)) < 0) {
			free(copy);
			return 0;
		}
		t->v = v;
		t->cap = (uint32_t)cap;
	}
	t->v[t->n++] = copy;
	t->slots[i] = t->n;
	return t->n;
}

uint32_t fl_find(const fl_strtab *t, const char *s)
{
	size_t len = strlen(s);
	uint32_t id;
	if (!t->nslots)
		return 0;
	for (uint32_t i = hash_bytes(s, len) & (t->nslots - 1); (id = t->slots[i]) != 0; i = (i + 1) & (t->nslots - 1))
		if (strcmp(t->v[id - 1], s) == 0)
			return id;
	return 0;
}

const char *fl_str(const fl_strtab *t, uint32_t id)
{
	return id && id <= t->n ? t->v[id - 1] : "";
}

void fl_strtab_clear(fl_strtab *t)
{
	for (uint32_t i = 0; i < t->n; i++)
		free(t->v[i]);
	free(t->v);
	free(t->slots);
	memset(t, 0, sizeof(*t));
}

void fl_func_free(fl_func *f)
{
	if (!f)
		return;
	free(f->vars);
	free(f->nodes);
	free(f->extra);
	free(f->stmts);
	free(f->blocks);
	free(f->cases);
	free(f->callees);
	free(f->overrides);
	memset(f, 0, sizeof(*f));
}

/* ---- the program ---- */

int cvet_flow_new(cvet_flow **out)
{
	cvet_flow *fl = calloc(1, sizeof(*fl));
	*out = NULL;
	if (!fl)
		return CVET_ENOMEM;
	if (pthread_mutex_init(&fl->lock, NULL) != 0) {
		free(fl);
		return CVET_ENOMEM;
	}
	*out = fl;
	return 0;
}

void cvet_flow_free(cvet_flow *fl)
{
	if (!fl)
		return;
	for (size_t i = 0; i < fl->nfuncs; i++)
		fl_func_free(&fl->funcs[i]);
	free(fl->funcs);
	free(fl->globals);
	free(fl->files);
	fl_strtab_clear(&fl->strs);
	pthread_mutex_destroy(&fl->lock);
	free(fl);
}

void cvet_flow__tu_discard(cvet_flow_tu *ft)
{
	for (size_t i = 0; i < ft->nfuncs; i++)
		fl_func_free(&ft->funcs[i]);
	free(ft->funcs);
	free(ft->globals);
	free(ft->files);
	fl_strtab_clear(&ft->strs);
	ft->funcs = NULL;
	ft->globals = NULL;
	ft->files = NULL;
	ft->nfuncs = ft->nglobals = ft->nfiles = 0;
}

/* Program id of the TU's string id (0 stays 0). */
static uint32_t remap(cvet_flow *fl, const cvet_flow_tu *ft, uint32_t id, int *oom)
{
	uint32_t r;
	const char *s;
	if (!id)
		return 0;
	s = fl_str(&ft->strs, id);
	r = fl_intern(&fl->strs, s, strlen(s));
	if (!r)
		*oom = 1;
	return r;
}

static uint16_t remap_file(cvet_flow *fl, const cvet_flow_tu *ft, uint16_t f, int *oom)
{
	uint32_t id;
	if (f >= ft->nfiles)
		return 0;
	id = remap(fl, ft, ft->files[f], oom);
	for (size_t i = 0; i < fl->nfiles; i++)
		if (fl->files[i] == id)
			return (uint16_t)i;
	if (fl->nfiles >= UINT16_MAX || cvet_util__grow((void **)&fl->files, &fl->capfiles, fl->nfiles, sizeof(*fl->files)) < 0) {
		*oom = 1;
		return 0;
	}
	fl->files[fl->nfiles] = id;
	return (uint16_t)fl->nfiles++;
}

/* Program index of the TU's global g: one entry per USR, the definition's facts win over a declaration's. */
static uint32_t merge_global(cvet_flow *fl, const cvet_flow_tu *ft, const fl_global *g, int *oom)
{
	uint32_t usr = remap(fl, ft, g->usr, oom);
	fl_global *pg = NULL;
	for (size_t i = 0; i < fl->nglobals; i++)
		if (fl->globals[i].usr == usr) {
			pg = &fl->globals[i];
			break;
		}
	if (!pg) {
		if (cvet_util__grow((void **)&fl->globals, &fl->capglobals, fl->nglobals, sizeof(*pg)) < 0) {
			*oom = 1;
			return 0;
		}
		pg = &fl->globals[fl->nglobals++];
		*pg = *g;
		pg->usr = usr;
		pg->name = remap(fl, ft, g->name, oom);
		pg->init_str = remap(fl, ft, g->init_str, oom);
		pg->has_init = 0;
	}
	/* several definitions of one name (programs of one tree, each with its own `int limit = 5;`): keep
	 * what holds for all of them, whatever order the translation units finished in */
	if (g->has_init && !pg->has_init) {
		pg->has_init = g->has_init;
		pg->init_lo = g->init_lo;
		pg->init_hi = g->init_hi;
		pg->init_str = remap(fl, ft, g->init_str, oom);
	} else if (g->has_init) {
		uint32_t str = remap(fl, ft, g->init_str, oom);
		pg->has_init = pg->has_init > g->has_init ? pg->has_init : g->has_init;
		pg->init_lo = pg->init_lo < g->init_lo ? pg->init_lo : g->init_lo;
		pg->init_hi = pg->init_hi > g->init_hi ? pg->init_hi : g->init_hi;
		if (pg->init_str != str)
			pg->init_str = 0;
		pg->init_strset |= g->init_strset;
	}
	pg->is_const |= g->is_const;
	return (uint32_t)(pg - fl->globals);
}

int cvet_flow__tu_finish(cvet_flow_tu *ft)
{
	cvet_flow *fl = ft->fl;
	int oom = ft->oom;
	uint32_t *gmap = NULL;
	if (oom)
		goto done;
	pthread_mutex_lock(&fl->lock);
	if (ft->nglobals && !(gmap = calloc(ft->nglobals, sizeof(*gmap))))
		oom = 1;
	for (size_t i = 0; !oom && i < ft->nglobals; i++)
		gmap[i] = merge_global(fl, ft, &ft->globals[i], &oom);
	for (size_t i = 0; !oom && i < ft->nfuncs; i++) {
		fl_func *f = &ft->funcs[i];
		if (cvet_util__grow((void **)&fl->funcs, &fl->capfuncs, fl->nfuncs, sizeof(*f)) < 0) {
			oom = 1;
			break;
		}
		f->usr = remap(fl, ft, f->usr, &oom);
		f->name = remap(fl, ft, f->name, &oom);
		f->file = remap_file(fl, ft, f->file, &oom);
		for (uint32_t v = 0; v < f->nvars; v++)
			f->vars[v].name = remap(fl, ft, f->vars[v].name, &oom);
		for (uint32_t c = 0; c < f->ncallees; c++)
			f->callees[c] = remap(fl, ft, f->callees[c], &oom);
		for (uint32_t c = 0; c < f->noverrides; c++)
			f->overrides[c] = remap(fl, ft, f->overrides[c], &oom);
		for (uint32_t n = 1; n < f->nnodes && !oom; n++) {
			fl_node *nd = &f->nodes[n];
			nd->file = remap_file(fl, ft, nd->file, &oom);
			switch (nd->op) {
			case FL_STR:
			case FL_FUNCREF:
			case FL_FIELD:
			case FL_ARROW:
			case FL_CALL:
				nd->k = remap(fl, ft, (uint32_t)nd->k, &oom);
				break;
			case FL_GLOBAL:
				nd->k = nd->k >= 0 && (size_t)nd->k < ft->nglobals ? gmap[nd->k] : 0;
				break;
			default:
				break;
			}
		}
		fl->funcs[fl->nfuncs++] = *f;
		memset(f, 0, sizeof(*f));
	}
	if (oom)
		fl->oom = 1;
	pthread_mutex_unlock(&fl->lock);
done:
	free(gmap);
	cvet_flow__tu_discard(ft);
	return oom ? CVET_ENOMEM : 0;
}

/* ---- canonical ids ---- */

static int cmp_str_ptr(const void *x, const void *y)
{
	return strcmp(**(const char *const *const *)x, **(const char *const *const *)y);
}

static uint32_t re(const uint32_t *map, uint32_t n, uint32_t id)
{
	return id && id <= n ? map[id] : 0;
}

int cvet_flow__canonicalize(cvet_flow *fl)
{
	fl_strtab *t = &fl->strs;
	uint32_t n = t->n, *map = NULL;
	char ***order = NULL, **sorted = NULL;
	if (!n)
		return 0;
	map = calloc((size_t)n + 1, sizeof(*map));
	order = calloc(n, sizeof(*order));
	sorted = calloc(n, sizeof(*sorted));
	if (!map || !order || !sorted) {
		free(map);
		free(order);
		free(sorted);
		return CVET_ENOMEM;
	}
	for (uint32_t i = 0; i < n; i++)
		order[i] = &t->v[i];
	qsort(order, n, sizeof(*order), cmp_str_ptr);
	for (uint32_t i = 0; i < n; i++) {
		map[(uint32_t)(order[i] - t->v) + 1] = i + 1;
		sorted[i] = *order[i];
	}
	for (size_t fi = 0; fi < fl->nfuncs; fi++) {
		fl_func *f = &fl->funcs[fi];
		f->usr = re(map, n, f->usr);
		f->name = re(map, n, f->name);
		for (uint32_t v = 0; v < f->nvars; v++)
			f->vars[v].name = re(map, n, f->vars[v].name);
		for (uint32_t c = 0; c < f->ncallees; c++)
			f->callees[c] = re(map, n, f->callees[c]);
		for (uint32_t c = 0; c < f->noverrides; c++)
			f->overrides[c] = re(map, n, f->overrides[c]);
		for (uint32_t k = 1; k < f->nnodes; k++) {
			fl_node *nd = &f->nodes[k];
			if (nd->op == FL_STR || nd->op == FL_FUNCREF || nd->op == FL_FIELD || nd->op == FL_ARROW ||
			    nd->op == FL_CALL)
				nd->k = re(map, n, (uint32_t)nd->k);
		}
	}
	for (size_t g = 0; g < fl->nglobals; g++) {
		fl->globals[g].usr = re(map, n, fl->globals[g].usr);
		fl->globals[g].name = re(map, n, fl->globals[g].name);
		fl->globals[g].init_str = re(map, n, fl->globals[g].init_str);
	}
	for (size_t i = 0; i < fl->nfiles; i++)
		fl->files[i] = re(map, n, fl->files[i]);
	free(t->v);
	t->v = sorted;
	t->cap = n;
	free(t->slots);
	t->slots = NULL;
	t->nslots = 0;
	free(order);
	free(map);
	return rehash(t) < 0 ? CVET_ENOMEM : 0;
}
