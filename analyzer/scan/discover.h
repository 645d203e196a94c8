/* discover.h - find the sources and headers under the scanned paths when there is no compilation database */
#ifndef CVET_SCAN_DISCOVER_H
#define CVET_SCAN_DISCOVER_H

#include <stddef.h>
#include "cvet/report.h"
#include "scan/jobs.h"

/* 1 when `rel` (a '/'-separated path) or any of its components matches one of the glob patterns. */
int cvet_discover__excluded(const char *rel, const char *const *globs, size_t nglobs);
/* 1 when a directory of this name is never scanned (.git, build, out, cmake-build-*, node_modules, ...). */
int cvet_discover__skipped_name(const char *name);
/* 1 for C/C++ source extensions (.c .cc .cpp .cxx .c++ .C), 2 for headers (.h .hh .hpp .hxx .h++), else 0. */
int cvet_discover__source_kind(const char *path);

/*
 * Walk the directory `root` (absolute real path) and append a job (no args yet) for every source
 * and header below it, skipping VCS and build directories, symlinks leading out of `roots`, and
 * excluded paths; every directory named "include" is appended to `incdirs`. Bounded in depth and
 * count (a note is added to `report` when a bound was hit). An unreadable directory, a linked directory
 * leading out of `roots` and a linked source leading out of them are skipped with a note each (the
 * first 20; the rest are counted in one note). Returns 0 or CVET_ENOMEM.
 */
int cvet_discover__walk(const char *root, const char *report_root, const char *const *roots, size_t nroots,
			const char *const *globs, size_t nglobs, cvet_jobs *jobs, cvet_strv *incdirs,
			cvet_report *report);

#endif
