/* sites.c - check helpers: calls recorded per function, and cursors already reported, for checks that decide late */
#include <stdlib.h>
#include <string.h>
#include <clang-c/Index.h>
#include "cvet/common.h"
#include "code/cx.h"
#include "lib/sites.h"
#include "lib/calls.h"

#define MAX_SITES 100000

void cvet_sites__from_call(cvet_site *s, const cvet_event *ev)
{
	memset(s, 0, sizeof(*s));
	s->fn = ev->function;
	s->call = ev->call ? ev->call->expr : ev->cursor;
	s->nargs = ev->call ? ev->call->nargs : 0;
	for (unsigned i = 0; i < 4; i++)
		s->arg[i] = cvet_calls__arg(ev, i);
}

int cvet_sites__push(cvet_sites *s, const cvet_site *site)
{
	if (s->n >= MAX_SITES)
		return CVET_ELIMIT;
	if (s->n == s->cap) {
		size_t ncap = s->cap ? s->cap * 2 : 16;
		cvet_site *v = realloc(s->v, ncap * sizeof(*v));
		if (!v)
			return CVET_ENOMEM;
		s->v = v;
		s->cap = ncap;
	}
	s->v[s->n++] = *site;
	return 0;
}

void cvet_sites__drop_fn(cvet_sites *s, CXCursor fn)
{
	size_t w = 0;
	for (size_t r = 0; r < s->n; r++)
		if (!clang_equalCursors(s->v[r].fn, fn))
			s->v[w++] = s->v[r];
	s->n = w;
}

void cvet_sites__free(cvet_sites *s)
{
	if (!s)
		return;
	free(s->v);
	s->v = NULL;
	s->n = s->cap = 0;
}

int cvet_sites__seen_before(CXCursor *seen, size_t *n, size_t max, CXCursor c)
{
	for (size_t i = 0; i < *n; i++)
		if (clang_equalCursors(seen[i], c))
			return 1;
	if (*n < max)
		seen[(*n)++] = c;
	return 0;
}
