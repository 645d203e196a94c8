/* parse_errors.h - check helpers: where libclang reported errors, so checks skip bodies it may have cut short (lib/parse_errors.c) */
#ifndef CVET_CHECKS_LIB_PARSE_ERRORS_H
#define CVET_CHECKS_LIB_PARSE_ERRORS_H

#include <stddef.h>
#include <clang-c/Index.h>
#include "code/check.h"

/* Error places of a translation unit, collected once (on_tu_begin) and queried per function. */
typedef struct cvet_parse_errors {
	int fatal;        /* a fatal error: clang reports nothing after it, so every body is suspect */
	CXFile *files;    /* file of each error (expansion location) */
	unsigned *offs;   /* offset of each error */
	size_t n;
} cvet_parse_errors;

/* Collect the errors of the TU into e (previous contents released). At most 4096 are kept; more
 * count as fatal. On OOM everything counts as unreliable. */
void cvet_parse_errors__load(cvet_tu *tu, cvet_parse_errors *e);
void cvet_parse_errors__free(cvet_parse_errors *e);

/*
 * 1 when libclang may have dropped parts of function `fn` because of errors: the translation unit
 * has a fatal error, or an error lies inside fn's extent. Checks that rely on the absence of
 * something (a NULL test, a bound) skip such bodies.
 */
int cvet_parse_errors__body_unreliable(const cvet_parse_errors *e, CXCursor fn);

#endif
