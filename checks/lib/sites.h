/* sites.h - check helpers: calls recorded per function for checks that decide at the end of a function (lib/sites.c) */
#ifndef CVET_CHECKS_LIB_SITES_H
#define CVET_CHECKS_LIB_SITES_H

#include <stddef.h>
#include <clang-c/Index.h>
#include "code/check.h"

/* A call recorded for per-function analysis at on_function_end. Cursors stay valid for the TU's life. */
typedef struct cvet_site {
	CXCursor fn;      /* enclosing function definition */
	CXCursor call;    /* the CallExpr (or another cursor for non-call facts) */
	CXCursor arg[4];  /* copies of the first arguments (null cursors when absent) */
	unsigned nargs;   /* number of arguments of the call */
	int tag;          /* check-defined kind */
	long long value;  /* check-defined value */
	const char *name; /* static name from a check's table, not owned */
} cvet_site;

typedef struct cvet_sites {
	cvet_site *v;
	size_t n, cap;
} cvet_sites;

/* Fill a site from a call event (fn, call, args); tag/value/name are left for the caller. */
void cvet_sites__from_call(cvet_site *s, const cvet_event *ev);
/* Append a copy; 0, or CVET_ENOMEM / CVET_ELIMIT (more than 100000 sites: the site is dropped). */
int cvet_sites__push(cvet_sites *s, const cvet_site *site);
/* Drop the sites belonging to function fn (order of the rest kept). */
void cvet_sites__drop_fn(cvet_sites *s, CXCursor fn);
void cvet_sites__free(cvet_sites *s);

/* 1 when c is among the first *n cursors of seen (one finding per literal); else records it (while *n < max)
 * and returns 0. */
int cvet_sites__seen_before(CXCursor *seen, size_t *n, size_t max, CXCursor c);

#endif
