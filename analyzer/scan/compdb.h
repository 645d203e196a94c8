/* compdb.h - jobs from a compilation database (compile_commands.json), read through libclang */
#ifndef CVET_SCAN_COMPDB_H
#define CVET_SCAN_COMPDB_H

#include <stddef.h>
#include "scan/jobs.h"

/*
 * Load the compilation database `db` (a directory holding compile_commands.json, or the JSON file
 * itself) through libclang and append a job for every entry whose file lies under one of `roots`
 * and is not excluded, with cleaned-up flags (no compiler, -c, -o, source file, dependency-file or
 * plugin options, gcc-only flags clang rejects) plus `extra`. Returns 0, or CVET_EIO / CVET_EPARSE
 * with a one-line message when the database cannot be read.
 */
int cvet_compdb__load(const char *db, const char *report_root, const char *const *roots, size_t nroots,
		      const char *const *globs, size_t nglobs, const char *const *extra, size_t nextra,
		      cvet_jobs *jobs);

#endif
