/* baseline.h - drop findings already recorded in an earlier cvet JSON report, so only new ones fail a PR */
#ifndef CVET_ANALYZER_BASELINE_H
#define CVET_ANALYZER_BASELINE_H

#include "cvet/report.h"

typedef struct cvet_baseline cvet_baseline;

/* Load the fingerprints of a cvet JSON report (`--format json` output). The caller frees *out with
 * cvet_baseline__free(). A missing, oversized or malformed file is an error with a one-line message. */
int cvet_baseline__load(const char *path, cvet_baseline **out);
void cvet_baseline__free(cvet_baseline *b);

/* Remove (and free) every finding of the finalized report whose fingerprint the baseline holds, and
 * add a report note saying how many. Returns 0; *removed receives the count. */
int cvet_baseline__apply(const cvet_baseline *b, cvet_report *r, size_t *removed);

#endif
