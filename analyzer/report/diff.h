/* diff.h - the lines a change touched (a unified diff), and the report filter that keeps only findings on them */
#ifndef CVET_REPORT_DIFF_H
#define CVET_REPORT_DIFF_H

#include <stddef.h>
#include "cvet/report.h"

typedef struct cvet_diff cvet_diff;

/*
 * Read a unified diff (`git diff`, `diff -u`; several files, renames, new and deleted files, any context
 * size). Paths lose a leading "a/", "b/" or "./"; they are compared with report paths, so the diff must be
 * relative to the report root (`git diff --relative` run there). Malformed hunks are an error (CVET_EPARSE with
 * the line number), as is a diff larger than 256 MiB. `what` names the input in messages. *out is freed with
 * cvet_diff__free().
 */
int cvet_diff__parse(const char *text, size_t len, const char *what, cvet_diff **out);
/* The same from a file. */
int cvet_diff__load(const char *path, cvet_diff **out);
void cvet_diff__free(cvet_diff *d);

/* Files the diff leaves with content (added, modified or renamed), for callers that narrow their work. */
size_t cvet_diff__nfiles(const cvet_diff *d);

/*
 * Keep the findings a change is responsible for: a code finding whose location, or any step of its dataflow
 * path, is on a line the diff added or changed (or next to lines it deleted); a dependency finding whose
 * manifest the diff changed; findings with no file stay. The rest are freed, and a note says how many.
 * 0, or CVET_ENOMEM; *removed (may be NULL) receives the count.
 */
int cvet_diff__apply(const cvet_diff *d, cvet_report *r, size_t *removed);

#endif
