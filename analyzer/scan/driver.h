/* driver.h - the scan driver: discovery, compilation database, thread pool, filtering (internal to cvet) */
#ifndef CVET_ANALYZER_DRIVER_H
#define CVET_ANALYZER_DRIVER_H

#include <stddef.h>
#include "cvet/report.h"

/* A growable list of owned strings. */
typedef struct cvet_strv {
	char **v;
	size_t n, cap;
} cvet_strv;

int cvet_strv__push(cvet_strv *s, const char *str);   /* copies str; 0 or CVET_ENOMEM */
int cvet_strv__take(cvet_strv *s, char *str);         /* takes ownership (freed on failure) */
int cvet_strv__contains(const cvet_strv *s, const char *str);
void cvet_strv__clear(cvet_strv *s);

/* One translation unit to parse. Everything owned by the job. */
typedef struct cvet_job {
	char *file;      /* absolute path */
	char *directory; /* absolute working directory for the compile, or NULL (cwd) */
	cvet_strv args;  /* compiler flags only */
	char *rel;       /* report path (relative to the report root when under it) */
	int header;      /* 1: a header, parsed alone only when no translation unit included it */
	int from_db;     /* 1: flags came from a compilation database */
	long long bytes; /* file size, for scheduling the largest first */
} cvet_job;

typedef struct cvet_jobs {
	cvet_job *v;
	size_t n, cap;
} cvet_jobs;

cvet_job *cvet_jobs__add(cvet_jobs *j);   /* a new zeroed job at the end, or NULL on OOM */
void cvet_jobs__clear(cvet_jobs *j);

#define CVET_SCAN_CODE 1
#define CVET_SCAN_DEPS 2

typedef struct cvet_scan_options {
	int what;                          /* CVET_SCAN_CODE | CVET_SCAN_DEPS */
	const char *const *paths;          /* files or directories, as given */
	size_t npaths;
	const char *compdb;                /* -p DIR or --compile-commands FILE, or NULL = look in each PATH */
	const char *const *extra_args;     /* --extra-arg, appended to every compile */
	size_t nextra;
	const char *const *exclude;        /* glob patterns (--exclude and the config's "exclude") */
	size_t nexclude;
	const unsigned char *rule_enabled; /* per rule in cvet_rules_at() order; NULL = all enabled */
	const int *rule_severity;          /* per rule: -1 or a cvet_severity override; NULL = none */
	int jobs;                          /* worker threads (>= 1) */
	int progress;                      /* draw "[i/n] file" on stderr */
	const char *db_path;               /* advisory database for deps, NULL = default */
	const char *config_path;           /* config file for deps (advisory ignores), or NULL */
	const char *report_root;           /* absolute real path; report paths are relative to it */
	int report_unused_suppressions;
	int tu_timeout;                    /* seconds one translation unit may take; 0 = no limit */
	int threat_model;                  /* 0: remote, file and stdin are untrusted; 1 (local): also argv, env */
} cvet_scan_options;

/*
 * Run the scan: discover (or read the compilation database), parse and walk every translation
 * unit on `jobs` threads while the dependency scan runs, then drop disabled rules, apply severity
 * overrides and suppressions, and finalize (sort, dedup). Returns 0 and a report the caller frees,
 * or a negative CVET_E* (missing path, malformed database, ...) with a one-line message.
 */
int cvet_driver__scan(const cvet_scan_options *o, cvet_report **out);

/* Report path of an absolute path: relative to root when under it, else the path itself (malloc'd). */
char *cvet_driver__report_path(const char *root, const char *abs);
/* 1 when path is root or below it (component-wise). */
int cvet_driver__path_under(const char *path, const char *root);
/* malloc'd "dir/name" (name returned as a copy when absolute or dir is NULL). */
char *cvet_driver__join(const char *dir, const char *name);

/* ---- discover.c ---- */

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
 * count (a note is added to `report` when a bound was hit). Returns 0 or CVET_ENOMEM.
 */
int cvet_discover__walk(const char *root, const char *report_root, const char *const *roots, size_t nroots,
			const char *const *globs, size_t nglobs, cvet_jobs *jobs, cvet_strv *incdirs,
			cvet_report *report);

/* ---- compdb.c ---- */

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
