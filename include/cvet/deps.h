/* deps.h - the dependency analysis: find manifests and lockfiles, list pinned packages, match advisories */
#ifndef CVET_DEPS_H
#define CVET_DEPS_H

#include "cvet/report.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct cvet_deps_options {
	const char *db_path;     /* NULL = cvet_advdb_default_path() */
	const char *config_path; /* .cvet.json with advisory `ignore` entries, or NULL */
	const char *report_root; /* absolute; package locations are made relative to it */
	const char *const *exclude; size_t nexclude; /* glob patterns of paths to skip */
	const char *today;       /* "YYYY-MM-DD" for `until` expiry; NULL = the current date */
} cvet_deps_options;
#define CVET_DEPS_OPTIONS_INIT {NULL, NULL, NULL, NULL, 0, NULL}

/*
 * Walk `paths` (directories, or manifest files named directly) for lockfiles and manifests, add
 * every package to out->packages and every matching advisory to out->findings (kind dependency,
 * located at the manifest line). A malformed file found by walking becomes a report note; a
 * malformed file named directly in `paths` is an error (CVET_EPARSE with a one-line message).
 */
int cvet_deps_scan(const char *const *paths, size_t npaths, const cvet_deps_options *opts, cvet_report *out);

#ifdef __cplusplus
}
#endif
#endif
