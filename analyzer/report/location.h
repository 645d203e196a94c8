/* location.h - code location classes: whether a finding is in product, test, example, vendored, ... code (internal) */
#ifndef CVET_ANALYZER_LOCATION_H
#define CVET_ANALYZER_LOCATION_H

#include <stddef.h>
#include "cvet/report.h"

/* The classifier: the user's globs, the git submodules and the scanned directories. Opaque. */
typedef struct cvet_locations cvet_locations;

/* A new, empty classifier (every path is classified by the conventions alone); the caller owns *out
 * and frees it with cvet_locations__free(). 0 or CVET_ENOMEM. */
int cvet_locations__new(cvet_locations **out);
void cvet_locations__free(cvet_locations *l);

/* Paths matching `glob` (relative to the report root) are code of class `cls`; a user's glob wins over
 * every convention, and of several matching globs the longest (most specific) one wins, the first
 * given on a tie. The glob is copied. 0 or CVET_ENOMEM. */
int cvet_locations__add_glob(cvet_locations *l, const char *glob, cvet_location_class cls);

/* `dir` (a report path: relative to the root, or absolute outside it) is a git submodule, so code
 * below it is vendored. Copied. 0 or CVET_ENOMEM. */
int cvet_locations__add_submodule(cvet_locations *l, const char *dir);

/* `dir` (a report path; "" = the report root itself) is a directory named on the command line: the
 * conventions look only at the components below it, since the user chose the components above.
 * Copied. 0 or CVET_ENOMEM. */
int cvet_locations__add_base(cvet_locations *l, const char *dir);

/* The class of code at report path `path` (NULL or "" is product code). */
cvet_location_class cvet_locations__classify(const cvet_locations *l, const char *path);

/* The class the naming conventions alone give `rel`, a path relative to where the conventions start
 * (a directory named tests/, vendor/, ..., or a file named test_*.c, *_test.c, ...). */
cvet_location_class cvet_locations__convention(const char *rel);

/* Set location_class on every code finding of `r` (dependency findings stay product). */
void cvet_locations__apply(const cvet_locations *l, cvet_report *r);

#endif
