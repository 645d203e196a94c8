/* walker.h - parse one translation unit with libclang and walk it once for all enabled checks */
#ifndef CVET_ANALYZER_WALKER_H
#define CVET_ANALYZER_WALKER_H

#include <clang-c/Index.h>
#include "cvet/report.h"

typedef struct cvet_walk_options {
	const char *const *roots;     /* absolute, real paths: files under these (not system headers) are project files */
	size_t nroots;
	const char *report_root;      /* absolute real path finding paths are made relative to (usually cwd) */
	const unsigned char *enabled; /* enabled[i] != 0 for check i (cvet__checks_at order); NULL = all */
	/* called once per project file the TU touched (report-relative path), e.g. to scan suppressions; may be NULL */
	void (*on_project_file)(void *ud, const char *path);
	void *ud;
	struct cvet_flow *flow;       /* when set, every project function is lowered into this program */
} cvet_walk_options;

/*
 * Parse `file` with `args` (compiler flags only: no compiler name, no -c/-o, no source file) in
 * working directory `directory` (NULL = cwd), walk it, and append findings, endpoints and
 * parse-error notes to `out`. Parse failures become `parse-error` findings, not errors; returns
 * 0, or a negative CVET_E* only for out-of-memory.
 */
int cvet__walk_file(CXIndex index, const char *file, const char *const *args, int nargs,
		    const char *directory, const cvet_walk_options *opts, cvet_report *out);

struct cvet_check;
/*
 * Same as cvet__walk_file with an explicit list of checks (all enabled) instead of the registry and
 * opts->enabled: for unit tests that drive the walker with test-only checks.
 */
int cvet__walk_file_with(CXIndex index, const char *file, const char *const *args, int nargs,
			 const char *directory, const cvet_walk_options *opts,
			 const struct cvet_check *const *checks, size_t nchecks, cvet_report *out);

struct cvet_tu;
/*
 * Bytes of a file of the TU being walked (libclang's buffer, lent until the TU is disposed), cached per
 * file: clang_getFileContents searches the TU's source entries linearly for anything but the main file.
 * NULL (and *len 0) when unavailable.
 */
const char *cvet_walker__file_text(struct cvet_tu *tu, CXFile file, size_t *len);

#endif
