/* driver.h - the scan driver: jobs from a compilation database or discovery, thread pool, filtering (internal) */
#ifndef CVET_ANALYZER_DRIVER_H
#define CVET_ANALYZER_DRIVER_H

#include <stddef.h>
#include <stdint.h>
#include "cvet/report.h"
#include "scan/jobs.h"
#include "report/config.h"

#define CVET_SCAN_CODE 1
#define CVET_SCAN_DEPS 2

#define CVET_PROGRESS_NONE 0
#define CVET_PROGRESS_BAR 1   /* stderr is a terminal: one line redrawn in place */
#define CVET_PROGRESS_LINES 2 /* --progress without a terminal: a plain line every few seconds */

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
	int progress;                      /* CVET_PROGRESS_*: how to show progress on stderr */
	const char *db_path;               /* advisory database for deps, NULL = default */
	const char *config_path;           /* config file for deps (advisory ignores), or NULL */
	const char *report_root;           /* absolute real path; report paths are relative to it */
	int report_unused_suppressions;
	int tu_timeout;                    /* seconds one translation unit may take; 0 = no limit */
	int isolate;                       /* 1: each translation unit in a worker process (scan/isolate.h) */
	unsigned shard, shards;            /* --shard K/N: parse only shard K (1-based) of N; 0/0 = all */
	const char *save_part;             /* with a shard: write the shard's part here, and nothing else */
	const char *const *parts;          /* --merge-part: take the sources' results from these parts */
	size_t nparts;
	const char *stdin_path;            /* this path's contents are stdin_text (an editor buffer), or NULL */
	const char *stdin_text;
	size_t stdin_len;
	unsigned tu_memory_mb;             /* with isolate: resident memory one translation unit may use; 0 = none */
	int threat_model;                  /* 0: remote, file and stdin are untrusted; 1 (local): also argv, env */
	const cvet_config_location *locations; /* the config's "locations" globs (lent), or NULL */
	size_t nlocations;
	const struct cvet_config_model *models; /* the config's "models" for the flow rules (lent), or NULL */
	size_t nmodels;
	const char *cache_dir;             /* the incremental cache's folder (scan/cache.h), or NULL: no cache */
	int cache_explicit;                /* cache_dir was given by the user (--cache): it may be inside the tree */
	uint64_t cache_bytes;              /* the cache's size bound; 0 = the default */
	struct cvet_scan_cache_info *cache_info; /* when not NULL, filled with what the cache did */
} cvet_scan_options;

/* What the cache did in a scan, for the command line to tell. */
typedef struct cvet_scan_cache_info {
	int used;                          /* the cache was open for the run */
	size_t hits, parsed;               /* translation units taken from it, and parsed */
	char note[512];                    /* why there was no cache, or what went wrong with it; "" = nothing */
} cvet_scan_cache_info;

/*
 * Run the scan: discover (or read the compilation database), parse and walk every translation
 * unit on `jobs` threads while the dependency scan runs, then drop disabled rules, apply severity
 * overrides and suppressions, classify where each code finding is (product, test, vendored, ...: the
 * config's globs, .gitmodules of the root and of each scanned directory, naming conventions), and
 * finalize (sort, dedup). Returns 0 and a report the caller frees,
 * or a negative CVET_E* (missing path, malformed database, ...) with a one-line message.
 */
int cvet_driver__scan(const cvet_scan_options *o, cvet_report **out);

#endif
