/* walker.h - parse one translation unit with libclang and walk it once for all enabled checks */
#ifndef CVET_ANALYZER_WALKER_H
#define CVET_ANALYZER_WALKER_H

#include <clang-c/Index.h>
#include "cvet/report.h"
#include "code/tu.h"

/*
 * Parse `file` with `args` (compiler flags only: no compiler name, no -c/-o, no source file) in
 * working directory `directory` (NULL = cwd), walk it, and append findings, endpoints and
 * parse-error notes to `out`. Parse failures become `parse-error` findings, not errors; returns
 * 0, or a negative CVET_E* only for out-of-memory.
 */
int cvet__walk_file(CXIndex index, const char *file, const char *const *args, int nargs,
		    const char *directory, const cvet_walk_options *opts, cvet_report *out);

/*
 * The parse-error note for a file whose analysis was given up outside the walker (its worker process ran out
 * of time or memory, or crashed): "could not analyse 'FILE': WHY; no findings for this file", at the file's
 * report path. 0 or CVET_ENOMEM.
 */
int cvet__walk_failure_note(const char *file, const char *directory, const cvet_walk_options *opts,
			     const char *why, cvet_report *out);

struct cvet_check;
/*
 * Same as cvet__walk_file with an explicit list of checks (all enabled) instead of the registry and
 * opts->enabled: for unit tests that drive the walker with test-only checks.
 */
int cvet__walk_file_with(CXIndex index, const char *file, const char *const *args, int nargs,
			 const char *directory, const cvet_walk_options *opts,
			 const struct cvet_check *const *checks, size_t nchecks, cvet_report *out);

#endif
