/* write.h - the per-format writers the dispatcher (write.c) calls; their shared helpers are in format_util.h */
#ifndef CVET_ANALYZER_WRITE_H
#define CVET_ANALYZER_WRITE_H

#include <stdio.h>
#include "cvet/report.h"

/*
 * One function per format. Each writes the whole (finalized) report to `out` and returns 0,
 * CVET_EIO when the stream reports an error, or CVET_ENOMEM. `opts` is never NULL.
 * Writers never analyse and never modify the report.
 */
int cvet_write__text(const cvet_report *r, FILE *out, const cvet_write_options *opts);
int cvet_write__gcc(const cvet_report *r, FILE *out, const cvet_write_options *opts);
int cvet_write__json(const cvet_report *r, FILE *out, const cvet_write_options *opts);
int cvet_write__sarif(const cvet_report *r, FILE *out, const cvet_write_options *opts);
int cvet_write__markdown(const cvet_report *r, FILE *out, const cvet_write_options *opts);
/* write_gitlab.c */
int cvet_write__codequality(const cvet_report *r, FILE *out, const cvet_write_options *opts);
int cvet_write__gitlab_sast(const cvet_report *r, FILE *out, const cvet_write_options *opts);
int cvet_write__gitlab_dependency_scanning(const cvet_report *r, FILE *out, const cvet_write_options *opts);
int cvet_write__html(const cvet_report *r, FILE *out, const cvet_write_options *opts);

#endif
