/* wire.h - a compact byte format for handing results between processes: a growable write buffer and a
 * bounds-checked reader. The reader never trusts a length: every read is checked against what is left, and
 * the first failure makes every later read fail too, so a decoder checks once at the end. */
#ifndef CVET_COMMON_WIRE_H
#define CVET_COMMON_WIRE_H

#include <stddef.h>
#include <stdint.h>

typedef struct cvet_wbuf {
	unsigned char *p;
	size_t n, cap;
	int oom;          /* a put ran out of memory; the buffer is then unusable */
} cvet_wbuf;

void cvet_wbuf__put(cvet_wbuf *w, const void *data, size_t len);
void cvet_wbuf__u32(cvet_wbuf *w, uint32_t v);
void cvet_wbuf__u64(cvet_wbuf *w, uint64_t v);
/* A string with its length; NULL is kept apart from "". */
void cvet_wbuf__str(cvet_wbuf *w, const char *s);
void cvet_wbuf__clear(cvet_wbuf *w);

typedef struct cvet_rbuf {
	const unsigned char *p;
	size_t n, at;
	int bad;          /* a read went past the end or met an impossible length */
} cvet_rbuf;

/* Each returns 0, or -1 (and sets r->bad) when the data is not there; the output is zeroed then. */
int cvet_rbuf__get(cvet_rbuf *r, void *out, size_t len);
uint32_t cvet_rbuf__u32(cvet_rbuf *r);
uint64_t cvet_rbuf__u64(cvet_rbuf *r);
/* A count of items each at least `item_bytes` long on the wire: more than what is left is bad, so that a
 * hostile count can never make the caller allocate more than the message could describe. */
uint32_t cvet_rbuf__count(cvet_rbuf *r, size_t item_bytes);
/* A malloc'd string (NULL when NULL was written, or on failure: *oom set when memory ran out).
 * A string holding a NUL byte is bad. */
char *cvet_rbuf__str(cvet_rbuf *r, int *oom);

#endif
