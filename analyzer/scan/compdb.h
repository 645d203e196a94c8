/* compdb.h - jobs from a compilation database (compile_commands.json): read as JSON, never run, every flag passed
 * through an allow-list */
#ifndef CVET_SCAN_COMPDB_H
#define CVET_SCAN_COMPDB_H

#include <stddef.h>
#include "cvet/report.h"
#include "scan/jobs.h"

/* Dropped flags a report note names, over all entries of a database. */
typedef struct cvet_compdb_dropped {
	cvet_strv flags; /* distinct flags in the order first seen, control bytes escaped, shortened; owned */
	int more;        /* 1: more distinct flags were dropped than `flags` keeps */
} cvet_compdb_dropped;

/*
 * Load the compilation database `db` (a directory holding compile_commands.json, or the JSON file
 * itself) and append a job for every entry whose file lies under one of `roots` and is not excluded.
 * The entry's "arguments" (or its "command" string, split like a shell would without running anything)
 * pass cvet_compdb__filter_args, then `extra` is appended. When flags that matter were dropped, one
 * note naming a few of them goes to `report` (not repeated when the same text is there already).
 * Returns 0, or CVET_EIO / CVET_ELIMIT / CVET_EPARSE with a one-line message when the database cannot be
 * read, or CVET_ENOMEM.
 */
int cvet_compdb__load(const char *db, const char *report_root, const char *const *roots, size_t nroots,
		      const char *const *globs, size_t nglobs, const char *const *extra, size_t nextra,
		      cvet_jobs *jobs, cvet_report *report);

/*
 * Split a "command" string into arguments the way compilation-database readers do: blanks separate,
 * '...' is literal, "..." and a bare backslash escape the next character. Nothing is expanded or run
 * ($(...), `...`, ;, | and @file are plain text). Appends to `out`; 0 or CVET_ENOMEM.
 */
int cvet_compdb__split_command(const char *cmd, cvet_strv *out);

/*
 * The allow-list: append to `out` the flags of one entry's argv (argv[0] is the compiler) that matter for
 * parsing and cannot make libclang write, print or read a response file: defines, include paths,
 * language/standard/target, warnings (not -Werror), -O levels and a list of language-semantics flags.
 * Value options are emitted as separate pairs ("-I" "dir") so the value can never be read as a flag.
 * -include/-imacros are kept only for a regular file (found from `directory` or the entry's include
 * directories) under one of `trusted`, passed by its real path. Everything else is dropped; the flags
 * worth a note are added to `dropped` (build mechanics such as -c, -o, -MD, -g, -Werror are dropped
 * silently). Returns 0 or CVET_ENOMEM.
 */
int cvet_compdb__filter_args(const char *const *argv, size_t argc, const char *directory,
			     const char *const *trusted, size_t ntrusted, cvet_strv *out, cvet_compdb_dropped *dropped);

/* Add the note for `dropped` (nothing when empty) about the database shown as `db`. 0 or CVET_ENOMEM. */
int cvet_compdb__note(const cvet_compdb_dropped *dropped, const char *db, cvet_report *report);

void cvet_compdb__dropped_clear(cvet_compdb_dropped *dropped);

#endif
