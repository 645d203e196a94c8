/* wire.c - the byte format between the scanner and its worker processes (see wire.h) */
#include <stdlib.h>
#include <string.h>
#include "common/wire.h"

#define STR_NULL 0xffffffffu /* length that stands for a NULL string */

void cvet_wbuf__put(cvet_wbuf *w, const void *data, size_t len)
{
	if (w->oom || !len)
		return;
	if (len > w->cap - w->n) {
		size_t cap = w->cap ? w->cap : 4096;
		unsigned char *p;
		while (cap - w->n < len) {
			if (cap > ((size_t)-1) / 2) {
				w->oom = 1;
				return;
			}
			cap *= 2;
		}
		if (!(p = realloc(w->p, cap))) {
			w->oom = 1;
			return;
		}
		w->p = p;
		w->cap = cap;
	}
	memcpy(w->p + w->n, data, len);
	w->n += len;
}

void cvet_wbuf__u32(cvet_wbuf *w, uint32_t v)
{
	cvet_wbuf__put(w, &v, sizeof(v));
}

void cvet_wbuf__u64(cvet_wbuf *w, uint64_t v)
{
	cvet_wbuf__put(w, &v, sizeof(v));
}

void cvet_wbuf__str(cvet_wbuf *w, const char *s)
{
	size_t len = s ? strlen(s) : 0;
	if (s && len >= STR_NULL) {
		w->oom = 1; /* no such string is ever produced; refuse rather than truncate */
		return;
	}
	cvet_wbuf__u32(w, s ? (uint32_t)len : STR_NULL);
	cvet_wbuf__put(w, s, len);
}

void cvet_wbuf__clear(cvet_wbuf *w)
{
	free(w->p);
	memset(w, 0, sizeof(*w));
}

int cvet_rbuf__get(cvet_rbuf *r, void *out, size_t len)
{
	if (r->bad || len > r->n - r->at) {
		r->bad = 1;
		memset(out, 0, len);
		return -1;
	}
	memcpy(out, r->p + r->at, len);
	r->at += len;
	return 0;
}

uint32_t cvet_rbuf__u32(cvet_rbuf *r)
{
	uint32_t v;
	cvet_rbuf__get(r, &v, sizeof(v));
	return v;
}

uint64_t cvet_rbuf__u64(cvet_rbuf *r)
{
	uint64_t v;
	cvet_rbuf__get(r, &v, sizeof(v));
	return v;
}

uint32_t cvet_rbuf__count(cvet_rbuf *r, size_t item_bytes)
{
	uint32_t n = cvet_rbuf__u32(r);
	if (r->bad)
		return 0;
	if (item_bytes && n > (r->n - r->at) / item_bytes) {
		r->bad = 1;
		return 0;
	}
	return n;
}

char *cvet_rbuf__str(cvet_rbuf *r, int *oom)
{
	uint32_t len = cvet_rbuf__u32(r);
	char *s;
	if (r->bad || len == STR_NULL)
		return NULL;
	if (len > r->n - r->at || memchr(r->p + r->at, '\0', len)) {
		r->bad = 1;
		return NULL;
	}
	if (!(s = malloc((size_t)len + 1))) {
		*oom = 1;
		r->bad = 1;
		return NULL;
	}
	memcpy(s, r->p + r->at, len);
	s[len] = '\0';
	r->at += len;
	return s;
}
