/* report.h - the finding model shared by the code and dependency analyses, and the report that collects it */
#ifndef CVET_REPORT_H
#define CVET_REPORT_H

#include <stdio.h>
#include "cvet/common.h"

#ifdef __cplusplus
extern "C" {
#endif

#define CVET_MAX_CWE 4

typedef enum { CVET_KIND_CODE = 0, CVET_KIND_DEPENDENCY } cvet_kind;

/*
 * What kind of code a finding is in, decided from its path (docs/config.md, "locations"). Findings
 * outside product code are reported but tagged, listed apart and, by default, do not fail the run.
 */
typedef enum {
	CVET_LOC_PRODUCT = 0, /* the project's own shipped code (and every dependency finding) */
	CVET_LOC_TEST,        /* tests, test data, fuzzers */
	CVET_LOC_EXAMPLE,     /* examples, demos, samples, tutorials */
	CVET_LOC_BENCHMARK,   /* benchmarks */
	CVET_LOC_CONTRIB,     /* contributed extras */
	CVET_LOC_VENDORED,    /* third-party code copied in, git submodules */
	CVET_LOC_TOOL,        /* build-time tools and scripts */
	CVET_LOC_COUNT
} cvet_location_class;

/* "product", "test", "example", "benchmark", "contrib", "vendored", "tool"; "product" when out of range. */
const char *cvet_location_class_name(cvet_location_class c);
/* Name -> class; 0, or CVET_EUSAGE (no message set) for an unknown name. */
int cvet_location_class_parse(const char *name, cvet_location_class *out);

/* A place in a file. Paths are relative to the report root where possible ('/' separators, no "./"). */
typedef struct cvet_location {
	char *path;          /* owned; NULL for "no location" */
	unsigned line;       /* 1-based; 0 = unknown */
	unsigned column;     /* 1-based; 0 = unknown */
	unsigned end_line;   /* 0 = same as line */
	unsigned end_column; /* 0 = unknown */
	char *message;       /* owned, optional: what happens here (dataflow steps) */
} cvet_location;

/* Dependency details, present only on findings of kind CVET_KIND_DEPENDENCY. */
typedef struct cvet_dep_info {
	char *package;      /* name as written in the manifest */
	char *ecosystem;    /* "conan", "vcpkg", "cpm", "meson", "bazel", "git-submodule", "cyclonedx", "spdx" */
	char *version;      /* pinned version as written, or NULL when unknown */
	char *purl;         /* package URL, optional */
	char *upstream;     /* upstream project the name maps to, optional */
	char *advisory_id;  /* e.g. "CURL-CVE-2023-38545" */
	char **aliases;     /* CVE/GHSA ids */
	size_t naliases;
	char **sources;     /* advisory ids of every source that described the same issue */
	size_t nsources;
	char *summary;
	char *cvss_vector;  /* optional */
	double score;       /* CVSS base score, or -1 when unknown */
	char *upgrade_to;   /* smallest fixed version above the pinned one, or NULL */
	int build_only;     /* requirement is build-only (tool/build requires) */
	int approximate;    /* range is approximate (e.g. Julia JLL build versions) */
} cvet_dep_info;

/* One result of either analysis. Every pointer is owned by the finding. */
typedef struct cvet_finding {
	char *rule_id;             /* stable kebab-case id, or the advisory id for dependency findings */
	cvet_kind kind;
	cvet_severity severity;
	int cwe[CVET_MAX_CWE];     /* CWE numbers, 0-terminated when fewer than CVET_MAX_CWE */
	char *message;             /* one line */
	cvet_location loc;         /* primary location */
	cvet_location *steps;      /* optional dataflow path source -> ... -> sink */
	size_t nsteps;
	char *fix;                 /* optional fix hint */
	char *function;            /* enclosing function, optional (fingerprint input) */
	char *snippet;             /* flagged code text, optional (fingerprint input; normalised when hashed) */
	char *fingerprint;         /* set by cvet_report_finalize(); 32 hex chars */
	cvet_dep_info *dep;        /* dependency details or NULL */
	cvet_location_class location_class; /* code findings: where the code is; CVET_LOC_PRODUCT otherwise */
} cvet_finding;

/* A bind/listen/connect site for the network surface section. */
typedef struct cvet_endpoint {
	char *api;        /* "bind", "listen", "connect", "getaddrinfo", ... */
	char *address;    /* constant address as text ("0.0.0.0", "INADDR_ANY", "::"), or NULL if not constant */
	int port;         /* constant port, or -1 when not constant */
	char *function;   /* enclosing function, optional */
	cvet_location loc;
} cvet_endpoint;

/* A package found by the dependency analysis (the inventory, whether or not it has advisories). */
typedef struct cvet_package {
	char *name;
	char *ecosystem;
	char *version;     /* NULL when the manifest pins none */
	char *purl;
	char *upstream;    /* mapped upstream project or NULL when unknown to the name map */
	cvet_location loc; /* manifest file and line */
	int build_only;
	int checked;       /* 1 when advisory data exists for the package and the version could be compared */
	int nvulns;        /* findings against it */
} cvet_package;

typedef struct cvet_report {
	cvet_finding **findings; size_t nfindings, cap_findings;
	cvet_endpoint **endpoints; size_t nendpoints, cap_endpoints;
	cvet_package **packages; size_t npackages, cap_packages;
	char **notes; size_t nnotes, cap_notes;  /* report-level notes ("could not read submodule commits ...") */
	size_t files_scanned;      /* translation units analysed */
	size_t manifests_scanned;  /* lockfiles/manifests read */
	double elapsed_seconds;    /* only printed by the text writer */
	int code_ran, deps_ran;    /* which analyses ran */
} cvet_report;

/* Allocate an empty report; the caller owns it and frees with cvet_report_free(). */
int cvet_report_new(cvet_report **out);
void cvet_report_free(cvet_report *r);

cvet_finding *cvet_finding_new(void);   /* zeroed; NULL on OOM */
void cvet_finding_free(cvet_finding *f);
void cvet_location_clear(cvet_location *l);
cvet_dep_info *cvet_dep_info_new(void); /* zeroed with score = -1 */
void cvet_dep_info_free(cvet_dep_info *d);
void cvet_endpoint_free(cvet_endpoint *e);
void cvet_package_free(cvet_package *p);

/* Append; the report takes ownership of the item, also on failure (it is freed). */
int cvet_report_add(cvet_report *r, cvet_finding *f);
int cvet_report_add_endpoint(cvet_report *r, cvet_endpoint *e);
int cvet_report_add_package(cvet_report *r, cvet_package *p);
int cvet_report_add_note(cvet_report *r, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

/* Move everything from src into dst (src is left empty, counters summed). Not thread-safe. */
int cvet_report_merge(cvet_report *dst, cvet_report *src);

/*
 * Drop exact duplicates (same rule, path, line, column, message: a header seen by many translation
 * units), compute fingerprints, and sort findings by (path, line, column, rule, message), endpoints
 * and packages likewise, so that output is byte-for-byte deterministic.
 */
int cvet_report_finalize(cvet_report *r);

/* Fingerprint of one finding: 32 hex chars from rule, path, function and the whitespace-normalised
 * snippet (message when no snippet) - never the line number. Writes into buf[33]. */
void cvet_finding_fingerprint(const cvet_finding *f, char buf[33]);

/* Count of findings at or above `threshold` (CVET_SEV_NONE counts nothing), wherever they are. */
size_t cvet_report_count_at_least(const cvet_report *r, cvet_severity threshold);

/* Count of findings at or above `threshold` that fail the run: those in product code and every
 * dependency finding, or, with all_code, every finding (--fail-on-all-code). */
size_t cvet_report_count_failing(const cvet_report *r, cvet_severity threshold, int all_code);

/* ---- writers ---- */

typedef enum {
	CVET_FMT_TEXT = 0, CVET_FMT_GCC, CVET_FMT_JSON, CVET_FMT_SARIF, CVET_FMT_MARKDOWN,
	CVET_FMT_CODEQUALITY,                /* GitLab Code Quality (docs/gitlab.md) */
	CVET_FMT_GITLAB_SAST,                /* GitLab SAST report */
	CVET_FMT_GITLAB_DEPENDENCY_SCANNING, /* GitLab Dependency Scanning report */
	CVET_FMT_HTML                        /* one self-contained page (docs/report-html.md) */
} cvet_format;

int cvet_format_parse(const char *name, cvet_format *out); /* 0 or CVET_EUSAGE */

typedef struct cvet_write_options {
	int color;            /* text: ANSI colours */
	int show_source;      /* text: print the source line and a caret (reads files under root) */
	const char *root;     /* directory paths are relative to (for reading source lines); NULL = cwd */
	cvet_severity fail_on;/* for summaries */
	int fail_on_all_code; /* for summaries: findings outside product code count too */
} cvet_write_options;
#define CVET_WRITE_OPTIONS_INIT {0, 1, NULL, CVET_SEV_HIGH, 0}

/* Write the (finalized) report in the given format. Returns 0 or CVET_EIO. */
int cvet_report_write(const cvet_report *r, cvet_format fmt, FILE *out, const cvet_write_options *opts);

/* Write to `path` atomically: a temporary file in the same directory renamed into place on success,
 * removed on failure, so no half-written output file is ever left behind. */
int cvet_report_write_file(const cvet_report *r, cvet_format fmt, const char *path, const cvet_write_options *opts);

#ifdef __cplusplus
}
#endif
#endif
