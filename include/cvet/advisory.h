/* advisory.h - the SQLite advisory database built from OSV records: open, import, match */
#ifndef CVET_ADVISORY_H
#define CVET_ADVISORY_H

#include "cvet/common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct cvet_advdb cvet_advdb; /* opaque */

/* Default database path: $CVET_DB, else $XDG_DATA_HOME/cvet/advisories.db (or ~/.local/share/...) when it
 * exists, else the bundled database the build generated. Lent static string. */
const char *cvet_advdb_default_path(void);

/* Open read-only (path NULL = default). Caller frees with cvet_advdb_free(). */
int cvet_advdb_open(cvet_advdb **out, const char *path);
void cvet_advdb_free(cvet_advdb *db);

/* One advisory that affects a package version. Everything owned by the match. */
typedef struct cvet_adv_match {
	char *id;              /* preferred record id (upstream project's own record when there is one) */
	char **aliases; size_t naliases;   /* CVE / GHSA ids */
	char **sources; size_t nsources;   /* every record id describing this issue for this package */
	char *summary;
	char *cvss_vector;     /* NULL when none */
	double score;          /* CVSS base score or -1 */
	cvet_severity severity;/* from the score; MEDIUM when unknown */
	char *fixed;           /* smallest fixed version above the queried one, or NULL */
	int approximate;       /* version ranges are approximate (e.g. Julia JLL builds) */
} cvet_adv_match;

/* Upstream project for (ecosystem, name) from the name map ("conan","libcurl" -> "curl"); malloc'd or NULL. */
char *cvet_advdb_upstream(cvet_advdb *db, const char *ecosystem, const char *name);
/* 1 when the database holds any advisory for the upstream project. */
int cvet_advdb_has_project(cvet_advdb *db, const char *project);

/* Advisories affecting `project` at `version` (may be NULL) or git `commit` (may be NULL). */
int cvet_advdb_match(cvet_advdb *db, const char *project, const char *version, const char *commit,
		     cvet_adv_match **out, size_t *nout);
void cvet_adv_matches_free(cvet_adv_match *m, size_t n);

/* Version comparison in the scheme that fits both strings (OpenSSL letters, dotted numeric,
 * pre-release suffixes, #rrev/#port-version and +build ignored): <0, 0, >0. */
int cvet_version_cmp(const char *a, const char *b);
/* Normalise a git tag to a version ("v1.2.3", "curl-8_4_0", "OpenSSL_1_1_1k", "release-1.2"); malloc'd. */
char *cvet_version_from_tag(const char *tag, const char *project);

/* `cvet db ...` subcommand (import, status); argv[0] is "db". Returns the process exit code. */
int cvet_db_main(int argc, char **argv);

#ifdef __cplusplus
}
#endif
#endif
