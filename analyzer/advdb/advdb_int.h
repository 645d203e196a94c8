/* advdb_int.h - internal interface between the advisory database modules (advdb, osv_import, zip, cvss, db_cli) */
#ifndef CVET_ADVDB_INT_H
#define CVET_ADVDB_INT_H

#include <stddef.h>
#include <stdint.h>
#include "cvet/advisory.h"

/* ---- limits that keep hostile input bounded ---------------------------------------------------- */
#define CVET_ADV_MAX_FILE ((size_t)16 << 20)        /* one OSV JSON file or one zip entry, bytes */
#define CVET_ADV_MAX_ZIP_RECORD ((size_t)4 << 20)   /* one zip entry: larger records are skipped (cJSON needs ~10x) */
#define CVET_ADV_MAX_ZIP_TOTAL ((uint64_t)64 << 30)  /* all entries of one archive, uncompressed (bounds time only:
							entries are read one at a time) */
#define CVET_ADV_MAX_ZIP_RATIO 250                   /* uncompressed/compressed for entries > 64 KiB */
#define CVET_ADV_MAX_ZIP_ENTRIES 1000000             /* central directory entries (~50 bytes each kept) */
#define CVET_ADV_MAX_STR 65536                       /* longest text field kept (details are cut) */
#define CVET_ADV_MAX_ITEMS 100000                    /* list items (versions, events, references) per record */
#define CVET_ADV_MAX_NAMEMAP 20000                   /* name-map entries: lookups are linear, so a hostile map must stay small */
#define CVET_ADV_MAX_DEPTH 64                        /* JSON nesting accepted before cJSON sees the text */
#define CVET_ADV_MAX_WARNINGS 20                     /* warning lines printed before a summary */
#define CVET_ADV_MAX_URL 4096                        /* longest repository URL turned into a key */

/* ---- versions (version.c) ---------------------------------------------------------------------- */
/* Strip a trailing "+build" and "#revision" and a leading "v": malloc'd copy or NULL on OOM. */
char *cvet_version__normalise(const char *v);

/* ---- repository keys (repo.c) ------------------------------------------------------------------ */
/* A git URL reduced to "host/path" for name-map lookups: lower-cased, without scheme, user, "git@host:" form,
 * trailing '/' or ".git" ("https://github.com/curl/curl.git" -> "github.com/curl/curl"). malloc'd or NULL
 * (out of memory, or a URL longer than CVET_ADV_MAX_URL). */
char *cvet_repo__key(const char *url);

/* ---- CVSS (cvss.c) ----------------------------------------------------------------------------- */
/*
 * Base score of a CVSS vector ("CVSS:3.1/AV:N/...", "CVSS:3.0/...", "CVSS:4.0/...", or a bare v2 vector
 * "AV:N/AC:L/Au:N/C:P/I:P/A:P"). Returns the score in [0, 10], or -1 when the vector is malformed.
 * `*approx` (may be NULL) is set to 1 when the score is an approximation; every supported version is
 * computed exactly today, so it is always 0 (kept for versions a future cvet may only estimate).
 */
double cvet_cvss__score(const char *vector, int *approx);
/* Severity for a score: >= 9 critical, >= 7 high, >= 4 medium, > 0 low, else note. */
cvet_severity cvet_cvss__severity(double score);

/* ---- zip archives (zip.c) ---------------------------------------------------------------------- */
typedef struct cvet_zip cvet_zip;
/*
 * Open a zip archive and read its central directory. Returns 0, CVET_EIO, CVET_EPARSE (not a zip),
 * CVET_ELIMIT (too many entries, overlapping entries: a zip bomb). Caller frees with cvet_zip__free.
 */
int cvet_zip__open(cvet_zip **out, const char *path);
void cvet_zip__free(cvet_zip *z);
size_t cvet_zip__count(const cvet_zip *z);
/* Name of entry i (lent, NUL-terminated; a name holding a NUL byte is cut there). */
const char *cvet_zip__name(const cvet_zip *z, size_t i);
/*
 * Extract entry i into a malloc'd NUL-terminated buffer (*data, *len) the caller frees.
 * Returns 0; CVET_EPARSE for a damaged entry (bad header, bad deflate data, CRC mismatch, unsupported
 * method) or one larger than CVET_ADV_MAX_ZIP_RECORD, that the caller may skip; CVET_ELIMIT when the entry or the archive total exceeds a limit
 * (a zip bomb: the caller must reject the archive); CVET_EIO; CVET_ENOMEM.
 */
int cvet_zip__read(cvet_zip *z, size_t i, char **data, size_t *len);

/*
 * Raw DEFLATE (RFC 1951) decoder. Inflates `in` into a malloc'd buffer of at most `cap` bytes.
 * Returns 0 (and *out, *outlen; the buffer has a NUL after the data), CVET_EPARSE on bad data,
 * CVET_ELIMIT when the output would exceed cap, CVET_ENOMEM.
 */
int cvet_inflate__raw(const unsigned char *in, size_t inlen, size_t cap, unsigned char **out, size_t *outlen);
uint32_t cvet_zip__crc32(const unsigned char *p, size_t n);

/* ---- parsed OSV records (osv_import.c) --------------------------------------------------------- */
typedef struct cvet_osv_interval {
	char *introduced;    /* "0" = from the beginning; a version or a commit; never NULL */
	char *fixed;         /* first unaffected, or NULL */
	char *last_affected; /* last affected (inclusive), or NULL */
	char *limit;         /* OSV "limit" event, or NULL */
} cvet_osv_interval;

typedef struct cvet_osv_range {
	char *type;                /* "SEMVER", "ECOSYSTEM", "GIT" */
	char *repo;                /* GIT only, or NULL */
	cvet_osv_interval *iv; size_t niv;
} cvet_osv_range;

typedef struct cvet_osv_version {
	char *version; /* normalised (tags turned into versions, +build stripped) */
	char *raw;     /* as written */
} cvet_osv_version;

typedef struct cvet_osv_affected {
	char *ecosystem; /* package ecosystem or NULL (curl/openssl records carry none) */
	char *name;      /* package name or NULL */
	char *project;   /* upstream project after name mapping; never NULL */
	cvet_osv_range *ranges; size_t nranges;
	cvet_osv_version *versions; size_t nversions;
} cvet_osv_affected;

typedef struct cvet_osv_ref { char *type, *url; } cvet_osv_ref;

typedef struct cvet_osv_record {
	char *id, *modified, *published, *withdrawn, *summary, *details;
	char *severity_vector;  /* the CVSS vector the score came from, or NULL */
	double score;           /* -1 when none */
	char *severity_word;    /* database_specific severity ("high", ...) lower-cased, or NULL */
	char *source;           /* "curl", "openssl", "oss-fuzz", "bitnami", "julia", or the ecosystem */
	char *upstream_project; /* project of the first affected entry */
	int approximate;        /* versions are approximate (Julia JLL builds) */
	char **aliases; size_t naliases;
	cvet_osv_ref *refs; size_t nrefs;
	cvet_osv_affected *affected; size_t naffected;
} cvet_osv_record;

void cvet_osv__record_clear(cvet_osv_record *r);
/* String helpers both importers use: a malloc'd copy of n bytes (NUL added), of a string (NULL stays NULL),
 * and ASCII lower-casing in place (NULL is fine). */
char *cvet_osv__dupn(const char *s, size_t n);
char *cvet_osv__dup0(const char *s);
void cvet_osv__lower(char *s);

/*
 * A parse context both importers use: the name for messages and the first error (its message already set).
 * fail() reports a malformed field (fmt has one %s, for `what`), oom() out of memory, or - when
 * cvet_osv__grow() refused because a list passed CVET_ADV_MAX_ITEMS, or the name map passed
 * CVET_ADV_MAX_NAMEMAP (cvet_osv__limit_hit()) - the limit. Each returns c->err.
 */
typedef struct cvet_osv_pctx {
	const char *display;
	int err;
} cvet_osv_pctx;
struct cJSON;
int cvet_osv__fail(cvet_osv_pctx *c, const char *fmt, const char *what);
int cvet_osv__oom(cvet_osv_pctx *c);
void cvet_osv__limit_hit(void);
/* Grow an array to hold one more element of `size` bytes: 0, or -1 (out of memory or over the item limit). */
int cvet_osv__grow(void **arr, size_t *cap, size_t n, size_t size);
/* Member `key` of `obj` when it is an array (want_array) or an object; NULL when absent or null, and when it
 * has another type (then malformed: c->err is set). */
const struct cJSON *cvet_osv__typed(cvet_osv_pctx *c, const struct cJSON *obj, const char *key, int want_array);

/* Name map: (ecosystem, name) -> project, filled from name-map.json and used while importing. */
typedef struct cvet_namemap_entry { char *ecosystem, *name, *project; } cvet_namemap_entry;
typedef struct cvet_namemap {
	cvet_namemap_entry *e; size_t n, cap;
} cvet_namemap;
void cvet_osv__namemap_clear(cvet_namemap *m);
/* Project for (ecosystem, name) or NULL; lent. Ecosystem compared case-insensitively. */
const char *cvet_osv__namemap_find(const cvet_namemap *m, const char *ecosystem, const char *name);
/* 1 when `text` looks like a name map (an object with a "projects" object). */
int cvet_osv__is_namemap(const char *text, size_t len);
/* Parse a name map into m (appending). Returns 0 or CVET_EPARSE/CVET_ENOMEM with a message. */
int cvet_osv__namemap_parse(cvet_namemap *m, const char *text, size_t len, const char *display);

/*
 * Parse one OSV record from `text` (untrusted) into *rec, mapping packages through `map` (may be NULL).
 * Returns 0; CVET_EPARSE with a one-line message naming `display` when the record is malformed; CVET_ENOMEM.
 * On failure *rec is cleared.
 */
int cvet_osv__parse(const char *text, size_t len, const char *display, const cvet_namemap *map, cvet_osv_record *rec);

/*
 * 1 when an OSV record's text names package ecosystems and every one of them is one cvet never matches
 * (npm, PyPI, Maven, Go, Debian:12, ...: all but those in osv_import.c's MATCHED list and the `also` list, the
 * ecosystems the name map names; compared case-insensitively, without a ":release" suffix); such a
 * record is skipped without being parsed. A cheap scan of the text, not a parse: a hostile record can at
 * most get itself skipped.
 */
int cvet_osv__other_ecosystem(const char *text, size_t len, const char *const *also, size_t nalso);

/* Checks the OSV parser makes before cJSON sees a text, shared with the CVE 5 reader. */
int cvet_osv__json_depth_ok(const char *t, size_t len, int limit); /* 1 when nested at most `limit` deep */
int cvet_osv__json_has_nul(const char *t, size_t len);             /* 1 for a zero byte or a \u0000 escape */
int cvet_osv__clean(const char *s);                                /* 1 when s holds no control character */

/* ---- CVE JSON 5 records (cve5_import.c) -------------------------------------------------------- */
typedef enum {
	CVET_CVE5_RECORD,   /* a CVE 5 record turned into *rec (rejected CVEs become withdrawn records) */
	CVET_CVE5_NOT,      /* not a CVE 5 record (read it as OSV) */
	CVET_CVE5_UNMAPPED, /* no product maps to an upstream project the name map knows: skipped */
	CVET_CVE5_UNUSABLE  /* products map, but no version cvet can compare: skipped */
} cvet_cve5_outcome;

typedef struct cvet_cve5_info {
	cvet_cve5_outcome outcome;
	size_t git_entries;      /* versions[] entries skipped: versionType git (commits do not compare) or rpm/deb */
	size_t unusable_entries; /* versions[] entries skipped: "n/a", free text cvet cannot read */
} cvet_cve5_info;

/* Cheap test: 1 when `text` may be a CVE 5 record (mentions "CVE_RECORD"); the parser decides. */
int cvet_cve5__looks_like(const char *text, size_t len);
/*
 * Parse one CVE JSON 5 record (dataType "CVE_RECORD", dataVersion 5.x) from untrusted `text` into *rec,
 * an OSV-shaped record with id = the CVE id, mapping CNA and ADP `affected` entries to upstream projects
 * through `map`. Returns 0 with info->outcome saying what happened (*rec is filled only for
 * CVET_CVE5_RECORD), CVET_EPARSE/CVET_ELIMIT with a one-line message naming `display`, or CVET_ENOMEM.
 */
int cvet_cve5__parse(const char *text, size_t len, const char *display, const cvet_namemap *map,
		     cvet_osv_record *rec, cvet_cve5_info *info);

typedef struct cvet_advdb_writer cvet_advdb_writer;

/* ---- the import driver (osv_import.c) ---------------------------------------------------------- */
typedef struct cvet_osv_import_stats {
	size_t imported;   /* records written */
	size_t skipped;    /* malformed records skipped (in folders and archives) */
	size_t files;      /* files and archive entries looked at */
	size_t namemaps;   /* name-map files read */
	size_t warned;     /* warning lines printed (at most CVET_ADV_MAX_WARNINGS) */
	size_t cve5;          /* CVE 5 records written (included in imported) */
	size_t cve5_unmapped; /* CVE 5 records skipped: no product the name map knows */
	size_t cve5_unusable; /* CVE 5 records skipped: no version cvet can compare */
	size_t cve5_git;      /* CVE 5 version entries skipped because they name git commits (or rpm/deb builds) */
	size_t other_ecosystem; /* records skipped unparsed: every package in an ecosystem cvet never matches */
	int progress;           /* input: 0 silent, 1 a line redrawn on a terminal, 2 a line every few seconds */
} cvet_osv_import_stats;
/*
 * Import every path (OSV and CVE JSON 5 files, folders walked recursively, .zip archives, name-map JSON files)
 * through the writer. Name maps are read first, so records map through them whatever the order.
 * A malformed record in a folder or archive is skipped with a warning on stderr; a malformed file named
 * directly, an unreadable path or a zip bomb fails the import (negative code, message set).
 */
int cvet_osv__import(cvet_advdb_writer *w, cvet_namemap *map, const char *const *paths, size_t n,
		     cvet_osv_import_stats *st);

/* ---- writing (advdb.c) ------------------------------------------------------------------------- */
/*
 * Start an import into `target`: copy the existing database (if any) into a temporary file next to it
 * and open one transaction. Returns 0 or a negative code with a message (a newer schema -> CVET_EDB).
 */
int cvet_advdb__writer_begin(cvet_advdb_writer **out, const char *target);
/* Insert (or replace, by id) one record. Returns 0 or a negative code with a message. */
int cvet_advdb__writer_add(cvet_advdb_writer *w, const cvet_osv_record *rec);
int cvet_advdb__writer_add_namemap(cvet_advdb_writer *w, const cvet_namemap *m);
/* Load the name map already stored in the database being extended (for mapping new records). */
int cvet_advdb__writer_load_namemap(cvet_advdb_writer *w, cvet_namemap *m);
/* Record import metadata, commit, rename the temporary file into place. Frees w on every path. */
int cvet_advdb__writer_commit(cvet_advdb_writer *w, const char *sources_note);
/* Roll back and delete the temporary file; frees w. Accepts NULL. */
void cvet_advdb__writer_abort(cvet_advdb_writer *w);
/* The temporary file the writer fills (lent; for removal by a signal handler). */
const char *cvet_advdb__writer_tmp_path(const cvet_advdb_writer *w);

/* The schema the code creates (must equal advisories/schema.sql; a test checks). Lent static string. */
const char *cvet_advdb__schema_sql(void);
#define CVET_ADVDB_SCHEMA_VERSION 1

/* Status of a database for `cvet db status`. Strings owned by the struct; free with _status_clear. */
typedef struct cvet_advdb_status {
	long long records, packages, withdrawn;
	int schema;
	char *newest;             /* the latest modified or published date, or NULL */
	char *imported;           /* meta import date or NULL */
	char **source_names; long long *source_counts; size_t nsources;
} cvet_advdb_status;
int cvet_advdb__status(cvet_advdb *db, cvet_advdb_status *st);
void cvet_advdb__status_clear(cvet_advdb_status *st);
/* Path the database was opened from (lent). */
const char *cvet_advdb__path(const cvet_advdb *db);

/* Projects in the database (for the benchmark): malloc'd array of malloc'd strings. */
int cvet_advdb__projects(cvet_advdb *db, char ***out, size_t *n);
/* Versions named for a project (explicit lists and range bounds), for the benchmark. */
int cvet_advdb__project_versions(cvet_advdb *db, const char *project, char ***out, size_t *n);

#endif
