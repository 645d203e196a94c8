/* advdb.c - the SQLite advisory database: schema, atomic imports, status, and cached version matching */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <sqlite3.h>
#include "advdb/advdb_int.h"
#include "common/util.h"

#ifndef CVET_BUNDLED_DB
#define CVET_BUNDLED_DB "advisories.db"
#endif
#ifndef CVET_INSTALLED_DB
#define CVET_INSTALLED_DB "/usr/local/share/cvet/advisories.db"
#endif

/* The schema: identical to advisories/schema.sql (tests/advdb checks). */
static const char SCHEMA_SQL[] =
	"-- cvet advisory database schema, version 1 (PRAGMA user_version = 1); analyzer/advdb.c creates it verbatim\n"
	"CREATE TABLE advisories (\n"
	"  id TEXT PRIMARY KEY,             -- OSV id (CURL-CVE-..., x_OPENSSL-CVE-..., OSV-..., BIT-..., JLSEC-...)\n"
	"  modified TEXT,\n"
	"  published TEXT,\n"
	"  withdrawn TEXT,                  -- set for withdrawn records; they never match\n"
	"  summary TEXT,\n"
	"  details TEXT,\n"
	"  severity_vector TEXT,            -- the CVSS vector the score was computed from\n"
	"  score REAL,                      -- CVSS base score computed by cvet, NULL when none\n"
	"  severity_word TEXT,              -- critical|high|medium|low from database_specific, NULL when none\n"
	"  source TEXT NOT NULL,            -- curl, openssl, oss-fuzz, bitnami, julia, or the ecosystem\n"
	"  upstream_project TEXT,           -- project of the first affected entry\n"
	"  approximate INTEGER NOT NULL DEFAULT 0 -- 1 when versions are approximate (Julia JLL builds)\n"
	");\n"
	"CREATE TABLE aliases (\n"
	"  advisory_id TEXT NOT NULL REFERENCES advisories(id) ON DELETE CASCADE,\n"
	"  alias TEXT NOT NULL,             -- CVE/GHSA id (Julia's top-level \"upstream\" ids included)\n"
	"  PRIMARY KEY (advisory_id, alias)\n"
	");\n"
	"CREATE TABLE affected (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  advisory_id TEXT NOT NULL REFERENCES advisories(id) ON DELETE CASCADE,\n"
	"  ecosystem TEXT,                  -- OSV package ecosystem, NULL for curl/openssl records\n"
	"  name TEXT,                       -- OSV package name, NULL for curl/openssl records\n"
	"  project TEXT NOT NULL            -- upstream project after name mapping\n"
	");\n"
	"CREATE TABLE ranges (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  affected_id INTEGER NOT NULL REFERENCES affected(id) ON DELETE CASCADE,\n"
	"  type TEXT NOT NULL CHECK (type IN ('SEMVER', 'ECOSYSTEM', 'GIT')),\n"
	"  repo TEXT,\n"
	"  introduced TEXT NOT NULL,        -- '0' = from the beginning; a commit for GIT\n"
	"  fixed TEXT,                      -- first unaffected version/commit, or NULL\n"
	"  last_affected TEXT,              -- last affected version/commit (inclusive), or NULL\n"
	"  \"limit\" TEXT\n"
	");\n"
	"CREATE TABLE versions (\n"
	"  affected_id INTEGER NOT NULL REFERENCES affected(id) ON DELETE CASCADE,\n"
	"  version TEXT NOT NULL,           -- normalised (tags turned into versions, +build stripped)\n"
	"  raw TEXT NOT NULL                -- as written in the record (e.g. the git tag)\n"
	");\n"
	"CREATE TABLE \"references\" (\n"
	"  advisory_id TEXT NOT NULL REFERENCES advisories(id) ON DELETE CASCADE,\n"
	"  type TEXT,\n"
	"  url TEXT NOT NULL\n"
	");\n"
	"CREATE TABLE namemap (\n"
	"  ecosystem TEXT NOT NULL COLLATE NOCASE, -- conan, vcpkg, bazel, bcr, meson, wrapdb, OSS-Fuzz, Bitnami, Julia, github, project\n"
	"  name TEXT NOT NULL,\n"
	"  project TEXT NOT NULL,\n"
	"  PRIMARY KEY (ecosystem, name)\n"
	");\n"
	"CREATE TABLE meta (\n"
	"  key TEXT PRIMARY KEY,\n"
	"  value TEXT\n"
	");\n"
	"CREATE INDEX affected_project ON affected(project);\n"
	"CREATE INDEX affected_package ON affected(ecosystem, name);\n"
	"CREATE INDEX affected_advisory ON affected(advisory_id);\n"
	"CREATE INDEX aliases_alias ON aliases(alias);\n"
	"CREATE INDEX ranges_affected ON ranges(affected_id);\n"
	"CREATE INDEX versions_affected ON versions(affected_id);\n"
	"CREATE INDEX references_advisory ON \"references\"(advisory_id);\n"
	"CREATE INDEX namemap_name ON namemap(name COLLATE NOCASE); -- the any-ecosystem fallback lookup\n"
	"PRAGMA user_version = 1;\n"
;

const char *cvet_advdb__schema_sql(void)
{
	return SCHEMA_SQL;
}

#define MAX_TEXT ((size_t)1 << 20)       /* longest text copied out of a (hostile) database */
#define MAX_SHORT ((size_t)1024)         /* ids, aliases, versions, commits, vectors */
#define MAX_ALIASES 1000                 /* aliases kept per record */
#define MAX_GROUP 256                    /* records merged into one match (sources, aliases) */
#define MAX_SUMMARY ((size_t)4096)       /* summaries and the part of details a summary is cut from */
#define MAX_PROJECT_ROWS 1000000         /* rows loaded for one project (with the caps above: bounded memory) */

/* ---- small helpers ------------------------------------------------------------------------------ */

static char *xdup(const char *s)
{
	if (!s)
		return NULL;
	size_t n = strlen(s);
	char *p = malloc(n + 1);
	if (p)
		memcpy(p, s, n + 1);
	return p;
}

/* Copy of a text column (NULL for SQL NULL), cut at `max` bytes; sets *oom on allocation failure. */
static char *col_textn(sqlite3_stmt *st, int i, size_t max, int *oom)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	if (!t)
		return NULL;
	size_t n = (size_t)sqlite3_column_bytes(st, i);
	if (n > max)
		n = max;
	char *p = malloc(n + 1);
	if (!p) {
		*oom = 1;
		return NULL;
	}
	memcpy(p, t, n);
	p[n] = '\0';
	/* an embedded NUL simply ends the string */
	return p;
}

static char *col_text(sqlite3_stmt *st, int i, int *oom)
{
	return col_textn(st, i, MAX_TEXT, oom);
}

static int db_error(sqlite3 *db, const char *what, const char *path)
{
	return cvet_error_setc(CVET_EDB, "%s '%s': %s", what, path ? path : "", db ? sqlite3_errmsg(db) : "out of memory");
}

/* Fill buf with `dir/rest` when it fits. */
static int join(char *buf, size_t size, const char *dir, const char *rest)
{
	int n = snprintf(buf, size, "%s/%s", dir, rest);
	return n > 0 && (size_t)n < size;
}

static int file_exists(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

/*
 * The copy `cmake --install` put beside the running binary (PREFIX/bin/cvet -> PREFIX/share/cvet/advisories.db),
 * so an install under any --prefix finds its own database. Fills buf and returns 1 when it exists.
 */
static int installed_beside_exe(char *buf, size_t size)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n <= 0)
		return 0;
	exe[n] = '\0';
	char *slash = strrchr(exe, '/');
	if (!slash)
		return 0;
	*slash = '\0';
	slash = strrchr(exe, '/');
	if (!slash || strcmp(slash + 1, "bin") != 0)
		return 0; /* a build tree, not an install */
	*slash = '\0';
	return join(buf, size, exe, "share/cvet/advisories.db") && file_exists(buf);
}

const char *cvet_advdb_default_path(void)
{
	static _Thread_local char buf[PATH_MAX];
	const char *env = getenv("CVET_DB");
	if (env && *env)
		return env;
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	if (xdg && *xdg && join(buf, sizeof(buf), xdg, "cvet/advisories.db") && file_exists(buf))
		return buf;
	if (home && *home && join(buf, sizeof(buf), home, ".local/share/cvet/advisories.db") && file_exists(buf))
		return buf;
	if (installed_beside_exe(buf, sizeof(buf)))
		return buf;
	if (file_exists(CVET_INSTALLED_DB))
		return CVET_INSTALLED_DB;
	return CVET_BUNDLED_DB;
}

/* ---- opening and validating --------------------------------------------------------------------- */

/*
 * Open `path` (read-only unless `rw`) and check it is a cvet database this build understands.
 * Returns 0 and *out, or CVET_EDB with a one-line message; *out is NULL on failure.
 */
static int open_checked(sqlite3 **out, const char *path, int rw)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	int rc = 0, version = -1;
	*out = NULL;
	if (!rw && !file_exists(path))
		return cvet_error_setc(CVET_EDB, "advisory database '%s' not found (build cvet, run `cvet db import`, or pass --db)", path);
	if (sqlite3_open_v2(path, &db, rw ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		rc = db_error(db, "cannot open advisory database", path);
		goto done;
	}
	/* the file is untrusted: no schema-defined functions, no writable schema tricks */
	sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
	sqlite3_busy_timeout(db, 2000);
	if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK || sqlite3_step(st) != SQLITE_ROW) {
		int code = sqlite3_errcode(db);
		if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT)
			rc = cvet_error_setc(CVET_EDB, "'%s' is not a SQLite database", path);
		else
			rc = db_error(db, "cannot read advisory database", path);
		goto done;
	}
	version = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	st = NULL;
	if (version > CVET_ADVDB_SCHEMA_VERSION) {
		rc = cvet_error_setc(CVET_EDB, "advisory database '%s' has schema version %d; this cvet reads version %d (upgrade cvet)",
				     path, version, CVET_ADVDB_SCHEMA_VERSION);
		goto done;
	}
	if (sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master WHERE type='table' AND name IN "
				   "('advisories','aliases','affected','ranges','versions','references','namemap','meta')",
			       -1, &st, NULL) != SQLITE_OK || sqlite3_step(st) != SQLITE_ROW) {
		int code = sqlite3_errcode(db);
		rc = code == SQLITE_NOTADB || code == SQLITE_CORRUPT
			     ? cvet_error_setc(CVET_EDB, "'%s' is not a SQLite database", path)
			     : db_error(db, "cannot read advisory database", path);
		goto done;
	}
	if (version < 1 || sqlite3_column_int(st, 0) != 8) {
		rc = cvet_error_setc(CVET_EDB, "'%s' is not a cvet advisory database (schema version %d)", path, version);
		goto done;
	}
done:
	sqlite3_finalize(st);
	if (rc < 0)
		sqlite3_close(db);
	else
		*out = db;
	return rc;
}

/* ---- the in-memory cache of one project's advisories -------------------------------------------- */

/*
 * Versions are compared once, when a project is loaded: every version string of the project gets an even
 * rank in version order (equal versions share one), and a queried version gets the rank of its equal or an
 * odd rank between its neighbours. Matching then compares integers.
 */
#define RANK_NONE INT_MIN         /* bound absent */
#define RANK_ZERO (INT_MIN + 1)   /* introduced "0": below every version */

typedef struct {
	char *type, *introduced, *fixed, *last_affected;
	int git;                      /* a GIT range: bounds are commits, not versions */
	int ri, rf, rl;               /* ranks of introduced, fixed, last_affected (version ranges) */
} c_range;

typedef struct {
	long long id;
	size_t adv;  /* index into project.advs */
	c_range *ranges; size_t nranges;
	char **versions; size_t nversions; /* the explicit version list */
	int *vranks;                        /* their ranks, sorted */
} c_affected;

typedef struct {
	char *id, *summary, *details, *vector, *word, *source;
	double score;
	int approximate, withdrawn;
	int authoritative;  /* the project's own record (its source is the project: curl, openssl) */
	size_t group;       /* records sharing an id or alias, transitively, share a group (an index into advs) */
	char **aliases; size_t naliases;
} c_adv;

typedef struct c_project {
	char *name;
	c_adv *advs; size_t nadvs;
	c_affected *aff; size_t naff;
	const char **distinct; size_t ndistinct; /* one string per rank, in version order (lent from the rows) */
	unsigned char *group_auth;               /* per group: it holds a live authoritative record */
	struct c_project *next; /* hash chain */
} c_project;

#define NBUCKETS 512

struct cvet_advdb {
	sqlite3 *db;
	char *path;
	sqlite3_stmt *q_advs, *q_aliases, *q_aff, *q_ranges, *q_versions, *q_map, *q_map_any, *q_has;
	c_project *buckets[NBUCKETS];
	size_t loaded_rows;
};

static unsigned hash(const char *s)
{
	unsigned h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h % NBUCKETS;
}

static void project_free(c_project *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->nadvs; i++) {
		c_adv *a = &p->advs[i];
		free(a->id); free(a->summary); free(a->details); free(a->vector); free(a->word); free(a->source);
		for (size_t k = 0; k < a->naliases; k++)
			free(a->aliases[k]);
		free(a->aliases);
	}
	free(p->advs);
	for (size_t i = 0; i < p->naff; i++) {
		c_affected *f = &p->aff[i];
		for (size_t k = 0; k < f->nranges; k++) {
			free(f->ranges[k].type); free(f->ranges[k].introduced); free(f->ranges[k].fixed);
			free(f->ranges[k].last_affected);
		}
		free(f->ranges);
		for (size_t k = 0; k < f->nversions; k++)
			free(f->versions[k]);
		free(f->versions);
		free(f->vranks);
	}
	free(p->aff);
	free(p->distinct);
	free(p->group_auth);
	free(p->name);
	free(p);
}

void cvet_advdb_free(cvet_advdb *db)
{
	if (!db)
		return;
	sqlite3_stmt *stmts[] = {db->q_advs, db->q_aliases, db->q_aff, db->q_ranges, db->q_versions, db->q_map, db->q_map_any, db->q_has};
	for (size_t i = 0; i < sizeof(stmts) / sizeof(stmts[0]); i++)
		sqlite3_finalize(stmts[i]);
	for (size_t b = 0; b < NBUCKETS; b++) {
		c_project *p = db->buckets[b];
		while (p) {
			c_project *n = p->next;
			project_free(p);
			p = n;
		}
	}
	sqlite3_close(db->db);
	free(db->path);
	free(db);
}

int cvet_advdb_open(cvet_advdb **out, const char *path)
{
	cvet_advdb *db = NULL;
	int rc;
	*out = NULL;
	if (!path)
		path = cvet_advdb_default_path();
	if (!(db = calloc(1, sizeof(*db))) || !(db->path = xdup(path))) {
		free(db);
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	}
	if ((rc = open_checked(&db->db, path, 0)) < 0)
		goto fail;
	sqlite3_exec(db->db, "PRAGMA query_only = 1", NULL, NULL, NULL);
	static const char *const sql[] = {
		"SELECT id, summary, details, severity_vector, score, severity_word, source, approximate, withdrawn "
		"FROM advisories WHERE id IN (SELECT advisory_id FROM affected WHERE project = ?1) ORDER BY id",
		"SELECT advisory_id, alias FROM aliases WHERE advisory_id IN "
		"(SELECT advisory_id FROM affected WHERE project = ?1) ORDER BY advisory_id, alias",
		"SELECT id, advisory_id FROM affected WHERE project = ?1 ORDER BY id",
		"SELECT r.affected_id, r.type, r.introduced, r.fixed, r.last_affected FROM ranges r "
		"JOIN affected f ON f.id = r.affected_id WHERE f.project = ?1 ORDER BY r.affected_id, r.id",
		"SELECT v.affected_id, v.version FROM versions v JOIN affected f ON f.id = v.affected_id "
		"WHERE f.project = ?1 ORDER BY v.affected_id",
		"SELECT project FROM namemap WHERE ecosystem = ?1 AND name = ?2",
		"SELECT project FROM namemap WHERE name = ?1 COLLATE NOCASE AND ecosystem IN ('project','github') "
		"ORDER BY ecosystem LIMIT 1",
		"SELECT 1 FROM affected WHERE project = ?1 LIMIT 1",
	};
	sqlite3_stmt **dst[] = {&db->q_advs, &db->q_aliases, &db->q_aff, &db->q_ranges, &db->q_versions, &db->q_map,
				&db->q_map_any, &db->q_has};
	for (size_t i = 0; i < sizeof(sql) / sizeof(sql[0]); i++) {
		if (sqlite3_prepare_v2(db->db, sql[i], -1, dst[i], NULL) != SQLITE_OK) {
			rc = cvet_error_setc(CVET_EDB, "advisory database '%s' is damaged: %s", path, sqlite3_errmsg(db->db));
			goto fail;
		}
	}
	*out = db;
	return 0;
fail:
	cvet_advdb_free(db);
	return rc;
}

const char *cvet_advdb__path(const cvet_advdb *db)
{
	return db ? db->path : "";
}

/* A version string and where its rank goes. */
typedef struct {
	const char *s;
	int *slot;
	size_t first; /* in the list of distinct texts: index of the first item with this text */
} rank_item;

static int cmp_rank_item(const void *a, const void *b)
{
	return cvet_version_cmp(((const rank_item *)a)->s, ((const rank_item *)b)->s);
}

static int cmp_rank_text(const void *a, const void *b)
{
	return strcmp(((const rank_item *)a)->s, ((const rank_item *)b)->s);
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* Give every version of a loaded project its rank (see RANK_NONE). Returns 0 or CVET_ENOMEM. */
static int rank_versions(c_project *p)
{
	size_t n = 0, k = 0;
	for (size_t i = 0; i < p->naff; i++) {
		c_affected *f = &p->aff[i];
		n += f->nversions;
		for (size_t j = 0; j < f->nranges; j++) {
			c_range *r = &f->ranges[j];
			r->git = strcmp(r->type, "GIT") == 0;
			r->ri = r->git ? RANK_NONE : strcmp(r->introduced, "0") == 0 ? RANK_ZERO : 0;
			r->rf = RANK_NONE;
			r->rl = RANK_NONE;
			if (!r->git)
				n += (r->ri != RANK_ZERO) + (r->fixed != NULL) + (r->last_affected != NULL);
		}
	}
	rank_item *items = malloc((n ? n : 1) * sizeof(*items));
	if (!items)
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	for (size_t i = 0; i < p->naff; i++) {
		c_affected *f = &p->aff[i];
		if (f->nversions && !(f->vranks = malloc(f->nversions * sizeof(int)))) {
			free(items);
			return cvet_error_setc(CVET_ENOMEM, "out of memory");
		}
		for (size_t j = 0; j < f->nversions; j++)
			items[k++] = (rank_item){f->versions[j], &f->vranks[j], 0};
		for (size_t j = 0; j < f->nranges; j++) {
			c_range *r = &f->ranges[j];
			if (r->git)
				continue;
			if (r->ri != RANK_ZERO)
				items[k++] = (rank_item){r->introduced, &r->ri, 0};
			if (r->fixed)
				items[k++] = (rank_item){r->fixed, &r->rf, 0};
			if (r->last_affected)
				items[k++] = (rank_item){r->last_affected, &r->rl, 0};
		}
	}
	/* the same strings recur across records (curl lists every release in each): sort by text first
	 * (cheap), compare versions only between distinct texts, then hand the ranks back */
	if (n > 1)
		qsort(items, n, sizeof(*items), cmp_rank_text);
	rank_item *uniq = malloc((n ? n : 1) * sizeof(*uniq));
	size_t nu = 0;
	if (!uniq || !(p->distinct = malloc((n ? n : 1) * sizeof(char *)))) {
		free(uniq);
		free(items);
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	}
	for (size_t i = 0; i < n; i++) {
		if (i == 0 || strcmp(items[i - 1].s, items[i].s) != 0) {
			uniq[nu].s = items[i].s;
			uniq[nu].slot = NULL;
			uniq[nu].first = i;
			nu++;
		}
	}
	if (nu > 1)
		qsort(uniq, nu, sizeof(*uniq), cmp_rank_item);
	p->ndistinct = 0;
	for (size_t u = 0; u < nu; u++) {
		if (u == 0 || cvet_version_cmp(uniq[u - 1].s, uniq[u].s) != 0)
			p->distinct[p->ndistinct++] = uniq[u].s;
		int rank = (int)(2 * p->ndistinct);
		for (size_t i = uniq[u].first; i < n && (i == uniq[u].first || items[i].s == uniq[u].s ||
							 strcmp(items[i].s, uniq[u].s) == 0); i++)
			*items[i].slot = rank;
	}
	free(uniq);
	free(items);
	for (size_t i = 0; i < p->naff; i++)
		if (p->aff[i].nversions > 1)
			qsort(p->aff[i].vranks, p->aff[i].nversions, sizeof(int), cmp_int);
	return 0;
}

/* An identifier (record id or alias) and the record it belongs to. */
typedef struct {
	const char *s;
	size_t adv;
} ident;

static int cmp_ident(const void *a, const void *b)
{
	return strcmp(((const ident *)a)->s, ((const ident *)b)->s);
}

static size_t uf_find(size_t *parent, size_t i)
{
	while (parent[i] != i) {
		parent[i] = parent[parent[i]];
		i = parent[i];
	}
	return i;
}

/* Group the project's records that share an id or alias (union-find over sorted identifiers), mark the
 * authoritative ones. Returns 0 or CVET_ENOMEM. */
static int group_advisories(c_project *p)
{
	size_t n = 0, k = 0;
	for (size_t i = 0; i < p->nadvs; i++)
		n += 1 + p->advs[i].naliases;
	ident *ids = malloc((n ? n : 1) * sizeof(*ids));
	size_t *parent = calloc(p->nadvs ? p->nadvs : 1, sizeof(*parent));
	p->group_auth = calloc(p->nadvs ? p->nadvs : 1, 1);
	if (!ids || !parent || !p->group_auth) {
		free(ids);
		free(parent);
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	}
	for (size_t i = 0; i < p->nadvs; i++) {
		parent[i] = i;
		ids[k++] = (ident){p->advs[i].id, i};
		for (size_t j = 0; j < p->advs[i].naliases; j++)
			ids[k++] = (ident){p->advs[i].aliases[j], i};
	}
	if (n > 1)
		qsort(ids, n, sizeof(*ids), cmp_ident);
	for (size_t i = 1; i < n; i++) {
		if (strcmp(ids[i - 1].s, ids[i].s) != 0)
			continue;
		size_t a = uf_find(parent, ids[i - 1].adv), b = uf_find(parent, ids[i].adv);
		if (a != b)
			parent[a > b ? a : b] = a < b ? a : b;
	}
	for (size_t i = 0; i < p->nadvs; i++) {
		c_adv *a = &p->advs[i];
		a->group = uf_find(parent, i);
		a->authoritative = a->source && strcmp(a->source, p->name) == 0;
		if (a->authoritative && !a->withdrawn)
			p->group_auth[a->group] = 1;
	}
	free(ids);
	free(parent);
	return 0;
}

/* Rank of a queried version within a project: even when the project names an equal version, else odd. */
static int query_rank(const c_project *p, const char *v)
{
	size_t lo = 0, hi = p->ndistinct;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = cvet_version_cmp(v, p->distinct[mid]);
		if (c == 0)
			return (int)(2 * (mid + 1));
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return (int)(2 * lo + 1);
}

/* Index of the affected entry with rowid `id` (entries are sorted by id), or (size_t)-1. */
static size_t find_aff(const c_project *p, long long id)
{
	size_t lo = 0, hi = p->naff;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (p->aff[mid].id == id)
			return mid;
		if (p->aff[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (size_t)-1;
}

static size_t find_adv(const c_project *p, const char *id)
{
	size_t lo = 0, hi = p->nadvs;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(p->advs[mid].id, id);
		if (c == 0)
			return mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (size_t)-1;
}

/* Append to a growable array; returns 0 or -1 on OOM. */
static int push(void **arr, size_t *n, size_t *cap, size_t size)
{
	return cvet_util__grow(arr, cap, *n, size);
}

/* Load every advisory row for a project into memory (5 queries). Returns 0 and *out, or a negative code. */
static int project_load(cvet_advdb *db, const char *name, c_project **out)
{
	c_project *p = calloc(1, sizeof(*p));
	int oom = 0, rc = 0, step;
	size_t cap = 0, rows = 0;
	sqlite3_stmt *st;
	*out = NULL;
	if (!p || !(p->name = xdup(name))) {
		free(p);
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	}
	/* advisories */
	st = db->q_advs;
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
	while ((step = sqlite3_step(st)) == SQLITE_ROW && !oom && rows++ < MAX_PROJECT_ROWS) {
		const unsigned char *id = sqlite3_column_text(st, 0);
		if (!id)
			continue;
		if (push((void **)&p->advs, &p->nadvs, &cap, sizeof(*p->advs)) < 0) {
			oom = 1;
			break;
		}
		c_adv *a = &p->advs[p->nadvs];
		memset(a, 0, sizeof(*a));
		p->nadvs++;
		a->id = col_textn(st, 0, MAX_SHORT, &oom);
		a->summary = col_textn(st, 1, MAX_SUMMARY, &oom);
		a->details = col_textn(st, 2, MAX_SUMMARY, &oom);
		a->vector = col_textn(st, 3, MAX_SHORT, &oom);
		a->score = sqlite3_column_type(st, 4) == SQLITE_NULL ? -1 : sqlite3_column_double(st, 4);
		if (!(a->score >= 0 && a->score <= 10))
			a->score = -1;
		a->word = col_textn(st, 5, MAX_SHORT, &oom);
		a->source = col_textn(st, 6, MAX_SHORT, &oom);
		a->approximate = sqlite3_column_int(st, 7) != 0;
		a->withdrawn = sqlite3_column_type(st, 8) != SQLITE_NULL;
	}
	if (step != SQLITE_DONE && step != SQLITE_ROW)
		goto dberr;
	if (oom) {
		rc = cvet_error_setc(CVET_ENOMEM, "out of memory loading advisories for '%s'", name);
		goto done;
	}
	/* the ORDER BY makes advs sorted by id already, but a hostile database may collate oddly: check */
	for (size_t i = 1; i < p->nadvs; i++)
		if (strcmp(p->advs[i - 1].id, p->advs[i].id) >= 0) {
			rc = cvet_error_setc(CVET_EDB, "advisory database '%s' is damaged (duplicate advisory ids)", db->path);
			goto done;
		}
	/* aliases */
	st = db->q_aliases;
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
	size_t acap_idx = (size_t)-1, acap = 0;
	while (!oom && (step = sqlite3_step(st)) == SQLITE_ROW && rows++ < MAX_PROJECT_ROWS) {
		const unsigned char *aid = sqlite3_column_text(st, 0), *alias = sqlite3_column_text(st, 1);
		size_t k;
		if (!aid || !alias || (k = find_adv(p, (const char *)aid)) == (size_t)-1)
			continue;
		c_adv *a = &p->advs[k];
		if (a->naliases >= MAX_ALIASES)
			continue; /* a hostile database cannot make the per-match alias merge quadratic */
		if (k != acap_idx) {
			acap_idx = k;
			acap = a->naliases;
		}
		if (push((void **)&a->aliases, &a->naliases, &acap, sizeof(char *)) < 0) {
			oom = 1;
			break;
		}
		if ((a->aliases[a->naliases] = col_textn(st, 1, MAX_SHORT, &oom)))
			a->naliases++;
	}
	/* affected entries */
	st = db->q_aff;
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
	cap = 0;
	while (!oom && (step = sqlite3_step(st)) == SQLITE_ROW && rows++ < MAX_PROJECT_ROWS) {
		const unsigned char *aid = sqlite3_column_text(st, 1);
		size_t k;
		if (!aid || (k = find_adv(p, (const char *)aid)) == (size_t)-1)
			continue;
		if (push((void **)&p->aff, &p->naff, &cap, sizeof(*p->aff)) < 0) {
			oom = 1;
			break;
		}
		c_affected *f = &p->aff[p->naff++];
		memset(f, 0, sizeof(*f));
		f->id = sqlite3_column_int64(st, 0);
		f->adv = k;
	}
	for (size_t i = 1; i < p->naff; i++)
		if (p->aff[i - 1].id >= p->aff[i].id) {
			rc = cvet_error_setc(CVET_EDB, "advisory database '%s' is damaged (affected rows out of order)", db->path);
			goto done;
		}
	/* ranges */
	st = db->q_ranges;
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
	size_t cur = (size_t)-1;
	cap = 0;
	while (!oom && (step = sqlite3_step(st)) == SQLITE_ROW && rows++ < MAX_PROJECT_ROWS) {
		size_t k = find_aff(p, sqlite3_column_int64(st, 0));
		if (k == (size_t)-1 || !sqlite3_column_text(st, 1) || !sqlite3_column_text(st, 2))
			continue;
		c_affected *f = &p->aff[k];
		if (k != cur) {
			cur = k;
			cap = f->nranges;
		}
		if (push((void **)&f->ranges, &f->nranges, &cap, sizeof(*f->ranges)) < 0) {
			oom = 1;
			break;
		}
		c_range *r = &f->ranges[f->nranges++];
		r->type = col_textn(st, 1, MAX_SHORT, &oom);
		r->introduced = col_textn(st, 2, MAX_SHORT, &oom);
		r->fixed = col_textn(st, 3, MAX_SHORT, &oom);
		r->last_affected = col_textn(st, 4, MAX_SHORT, &oom);
	}
	/* versions */
	st = db->q_versions;
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
	cur = (size_t)-1;
	cap = 0;
	while (!oom && (step = sqlite3_step(st)) == SQLITE_ROW && rows++ < MAX_PROJECT_ROWS) {
		size_t k = find_aff(p, sqlite3_column_int64(st, 0));
		if (k == (size_t)-1 || !sqlite3_column_text(st, 1))
			continue;
		c_affected *f = &p->aff[k];
		if (k != cur) {
			cur = k;
			cap = f->nversions;
		}
		if (push((void **)&f->versions, &f->nversions, &cap, sizeof(char *)) < 0) {
			oom = 1;
			break;
		}
		if ((f->versions[f->nversions] = col_textn(st, 1, MAX_SHORT, &oom)))
			f->nversions++;
	}
	if (oom) {
		rc = cvet_error_setc(CVET_ENOMEM, "out of memory loading advisories for '%s'", name);
		goto done;
	}
	if (rows > MAX_PROJECT_ROWS) {
		rc = cvet_error_setc(CVET_ELIMIT, "advisory database '%s' holds too many rows for '%s'", db->path, name);
		goto done;
	}
	if ((rc = rank_versions(p)) < 0 || (rc = group_advisories(p)) < 0)
		goto done;
	goto done;
dberr:
	rc = cvet_error_setc(CVET_EDB, "cannot read advisory database '%s': %s", db->path, sqlite3_errmsg(db->db));
done:
	if (rc < 0) {
		project_free(p);
		return rc;
	}
	*out = p;
	return 0;
}

/* The cached rows for a project, loading them on first use. */
static int project_get(cvet_advdb *db, const char *name, c_project **out)
{
	unsigned h = hash(name);
	for (c_project *p = db->buckets[h]; p; p = p->next)
		if (strcmp(p->name, name) == 0) {
			*out = p;
			return 0;
		}
	c_project *p;
	int rc = project_load(db, name, &p);
	if (rc < 0)
		return rc;
	p->next = db->buckets[h];
	db->buckets[h] = p;
	*out = p;
	return 0;
}

char *cvet_advdb_upstream(cvet_advdb *db, const char *ecosystem, const char *name)
{
	char *res = NULL;
	int oom = 0;
	if (!db || !name)
		return NULL;
	if (ecosystem && strcmp(ecosystem, "git") == 0) {
		/* git URLs are stored as "host/path" keys */
		char *key = cvet_repo__key(name);
		if (!key)
			return NULL;
		sqlite3_reset(db->q_map);
		sqlite3_bind_text(db->q_map, 1, "git", -1, SQLITE_STATIC);
		sqlite3_bind_text(db->q_map, 2, key, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(db->q_map) == SQLITE_ROW)
			res = col_text(db->q_map, 0, &oom);
		sqlite3_reset(db->q_map);
		free(key);
		return res;
	}
	if (ecosystem) {
		sqlite3_reset(db->q_map);
		sqlite3_bind_text(db->q_map, 1, ecosystem, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(db->q_map, 2, name, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(db->q_map) == SQLITE_ROW)
			res = col_text(db->q_map, 0, &oom);
		sqlite3_reset(db->q_map);
		if (res)
			return res;
		/* patterns such as vcpkg "boost-*" or BCR "boost.*" */
		sqlite3_stmt *st = NULL;
		if (sqlite3_prepare_v2(db->db, "SELECT name, project FROM namemap WHERE ecosystem = ?1 AND name LIKE '%*'",
				       -1, &st, NULL) == SQLITE_OK) {
			sqlite3_bind_text(st, 1, ecosystem, -1, SQLITE_TRANSIENT);
			while (!res && sqlite3_step(st) == SQLITE_ROW) {
				const char *pat = (const char *)sqlite3_column_text(st, 0);
				size_t n = pat ? strlen(pat) : 0;
				if (n > 1 && strncmp(pat, name, n - 1) == 0)
					res = col_text(st, 1, &oom);
			}
		}
		sqlite3_finalize(st);
		if (res)
			return res;
	}
	/* a name that is itself a project name, or a GitHub "owner/repo" */
	sqlite3_reset(db->q_map_any);
	sqlite3_bind_text(db->q_map_any, 1, name, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(db->q_map_any) == SQLITE_ROW)
		res = col_text(db->q_map_any, 0, &oom);
	sqlite3_reset(db->q_map_any);
	return res;
}

int cvet_advdb_has_project(cvet_advdb *db, const char *project)
{
	int yes;
	if (!db || !project)
		return 0;
	sqlite3_reset(db->q_has);
	sqlite3_bind_text(db->q_has, 1, project, -1, SQLITE_TRANSIENT);
	yes = sqlite3_step(db->q_has) == SQLITE_ROW;
	sqlite3_reset(db->q_has);
	return yes;
}

/* ---- matching ------------------------------------------------------------------------------------ */

/* Commits match exactly (case-insensitive) or by an abbreviation of at least 7 hex digits. */
static int commit_eq(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b), n = na < nb ? na : nb;
	return n >= 7 && strncasecmp(a, b, n) == 0;
}

/* introduced <= q < fixed, or <= last_affected, or open-ended; q is a query rank */
static int in_interval(const c_range *r, int q)
{
	if (r->ri != RANK_ZERO && q < r->ri)
		return 0;
	if (r->fixed)
		return q < r->rf;
	if (r->last_affected)
		return q <= r->rl;
	return 1;
}

/* 1 when the affected entry covers the version (as query rank q, or RANK_NONE) and/or the commit. */
static int affected_hit(const c_affected *f, int q, const char *commit)
{
	if (q != RANK_NONE) {
		if (!(q & 1)) { /* odd ranks are versions no list names */
			size_t lo = 0, hi = f->nversions;
			while (lo < hi) {
				size_t mid = lo + (hi - lo) / 2;
				if (f->vranks[mid] == q)
					return 1;
				if (f->vranks[mid] < q)
					lo = mid + 1;
				else
					hi = mid;
			}
		}
		for (size_t i = 0; i < f->nranges; i++)
			if (!f->ranges[i].git && in_interval(&f->ranges[i], q))
				return 1;
	}
	if (commit && *commit) {
		for (size_t i = 0; i < f->nranges; i++) {
			const c_range *r = &f->ranges[i];
			if (!r->git)
				continue;
			if (commit_eq(commit, r->introduced) || (r->last_affected && commit_eq(commit, r->last_affected)))
				return 1;
		}
	}
	return 0;
}

/* Preference among records describing one issue: authoritative, then exact versions, then id. */
static int prefer(const c_adv *a, const c_adv *b)
{
	if (a->authoritative != b->authoritative)
		return a->authoritative ? -1 : 1;
	if (a->approximate != b->approximate)
		return a->approximate ? 1 : -1;
	return strcmp(a->id, b->id);
}

/* qsort has no context argument: the comparator reads the project of the running match (per thread) */
static _Thread_local const c_project *t_proj;

/* Hits ordered by group, then by preference within the group. */
static int cmp_hit(const void *a, const void *b)
{
	const c_adv *x = &t_proj->advs[*(const size_t *)a], *y = &t_proj->advs[*(const size_t *)b];
	if (x->group != y->group)
		return x->group < y->group ? -1 : 1;
	return prefer(x, y);
}

static int cmp_strp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int cmp_match(const void *a, const void *b)
{
	return strcmp(((const cvet_adv_match *)a)->id, ((const cvet_adv_match *)b)->id);
}

void cvet_adv_matches_free(cvet_adv_match *m, size_t n)
{
	if (!m)
		return;
	for (size_t i = 0; i < n; i++) {
		free(m[i].id);
		for (size_t k = 0; k < m[i].naliases; k++)
			free(m[i].aliases[k]);
		free(m[i].aliases);
		for (size_t k = 0; k < m[i].nsources; k++)
			free(m[i].sources[k]);
		free(m[i].sources);
		free(m[i].summary);
		free(m[i].cvss_vector);
		free(m[i].fixed);
	}
	free(m);
}

/* Add s to a set of strings (no duplicates). Returns 0 or -1 on OOM. */
static int set_add(char ***arr, size_t *n, const char *s)
{
	for (size_t i = 0; i < *n; i++)
		if (strcmp((*arr)[i], s) == 0)
			return 0;
	if (*n >= SIZE_MAX / sizeof(char *) - 1)
		return -1;
	char **p = realloc(*arr, (*n + 1) * sizeof(char *));
	if (!p)
		return -1;
	*arr = p;
	if (!(p[*n] = xdup(s)))
		return -1;
	(*n)++;
	return 0;
}

/* First line of text, at most 200 bytes; malloc'd. */
static char *first_line(const char *t)
{
	size_t n = 0;
	while (t[n] && t[n] != '\n' && n < 200)
		n++;
	char *p = malloc(n + 1);
	if (p) {
		memcpy(p, t, n);
		p[n] = '\0';
	}
	return p;
}

/*
 * Smallest fixed version above `version` in the SEMVER/ECOSYSTEM ranges of record `adv`'s entries;
 * lent pointer into the cache or NULL.
 */
static const char *fixed_above(const c_project *p, size_t adv, int q)
{
	const char *best = NULL;
	int best_rank = INT_MAX;
	for (size_t i = 0; i < p->naff; i++) {
		if (p->aff[i].adv != adv)
			continue;
		for (size_t k = 0; k < p->aff[i].nranges; k++) {
			const c_range *r = &p->aff[i].ranges[k];
			if (!r->fixed || r->git || r->rf <= q)
				continue;
			if (r->rf < best_rank) {
				best_rank = r->rf;
				best = r->fixed;
			}
		}
	}
	return best;
}

/* Fill one match from a group of record indexes sorted by preference. Returns 0 or -1 on OOM. */
static int build_match(const c_project *p, const size_t *grp, size_t n, int q, cvet_adv_match *m)
{
	const c_adv *best = &p->advs[grp[0]];
	memset(m, 0, sizeof(*m));
	m->score = -1;
	if (!(m->id = xdup(best->id)))
		return -1;
	m->approximate = 1;
	if (n > MAX_GROUP)
		n = MAX_GROUP; /* the preferred records come first; the rest add nothing a reader needs */
	for (size_t i = 0; i < n; i++) {
		const c_adv *a = &p->advs[grp[i]];
		if (!a->approximate)
			m->approximate = 0;
		if (set_add(&m->sources, &m->nsources, a->id) < 0)
			return -1;
		for (size_t k = 0; k < a->naliases; k++) {
			int is_record = 0;
			for (size_t j = 0; j < n; j++)
				if (strcmp(a->aliases[k], p->advs[grp[j]].id) == 0)
					is_record = 1;
			/* a CVE id stays an alias even when a CVE 5 record of that id is in the group */
			if (is_record && strncmp(a->aliases[k], "CVE-", 4) == 0)
				is_record = 0;
			if (!is_record && set_add(&m->aliases, &m->naliases, a->aliases[k]) < 0)
				return -1;
		}
		if (!m->summary && a->summary && *a->summary && !(m->summary = xdup(a->summary)))
			return -1;
		if (!m->fixed && q != RANK_NONE) {
			const char *fx = fixed_above(p, grp[i], q);
			if (fx && !(m->fixed = xdup(fx)))
				return -1;
		}
	}
	if (!m->summary && best->details && !(m->summary = first_line(best->details)))
		return -1;
	if (m->nsources > 1)
		qsort(m->sources, m->nsources, sizeof(char *), cmp_strp);
	if (m->naliases > 1)
		qsort(m->aliases, m->naliases, sizeof(char *), cmp_strp);
	/* severity: from the most preferred record that rates the issue at all (a CVSS score first, then its
	 * own word), so that curl's and OpenSSL's own ratings win over NVD scores copied by other databases */
	m->severity = CVET_SEV_MEDIUM;
	for (size_t i = 0; i < n; i++) {
		const c_adv *a = &p->advs[grp[i]];
		cvet_severity s;
		if (a->score > 0) {
			m->score = a->score;
			if (a->vector && !(m->cvss_vector = xdup(a->vector)))
				return -1;
			m->severity = cvet_cvss__severity(a->score);
			break;
		}
		if (a->word && cvet_severity_parse(a->word, &s) == 0 && s != CVET_SEV_NONE) {
			m->severity = s;
			break;
		}
	}
	return 0;
}

int cvet_advdb_match(cvet_advdb *db, const char *project, const char *version, const char *commit,
		     cvet_adv_match **out, size_t *nout)
{
	c_project *p = NULL;
	size_t *hits = NULL, nhits = 0, ngroups = 0;
	cvet_adv_match *res = NULL;
	int rc;
	*out = NULL;
	*nout = 0;
	if (!db || !project || !*project)
		return cvet_error_setc(CVET_EUSAGE, "advisory match needs a database and a project");
	if ((!version || !*version) && (!commit || !*commit))
		return 0;
	if ((rc = project_get(db, project, &p)) < 0)
		return rc;
	if (p->nadvs == 0)
		return 0;
	/* records (not entries) that cover the version or commit */
	unsigned char *hit = calloc(p->nadvs, 1);
	if (!hit)
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	int q = version && *version ? query_rank(p, version) : RANK_NONE;
	for (size_t i = 0; i < p->naff; i++) {
		const c_affected *f = &p->aff[i];
		if (!hit[f->adv] && !p->advs[f->adv].withdrawn && affected_hit(f, q, commit))
			hit[f->adv] = 1;
	}
	for (size_t i = 0; i < p->nadvs; i++)
		nhits += hit[i];
	if (nhits == 0) {
		free(hit);
		return 0;
	}
	if (!(hits = malloc(nhits * sizeof(*hits))) || !(res = calloc(nhits, sizeof(*res)))) {
		rc = cvet_error_setc(CVET_ENOMEM, "out of memory");
		goto done;
	}
	nhits = 0;
	for (size_t i = 0; i < p->nadvs; i++)
		if (hit[i])
			hits[nhits++] = i;
	t_proj = p;
	if (nhits > 1)
		qsort(hits, nhits, sizeof(*hits), cmp_hit);
	/* one match per group of records describing the same issue */
	for (size_t i = 0, end; i < nhits; i = end) {
		size_t g = p->advs[hits[i]].group;
		for (end = i + 1; end < nhits && p->advs[hits[end]].group == g; end++)
			;
		/* the preferred record comes first: when it is not the project's own although the project has its
		 * own record for this issue, that record does not list this version; trust it over the others */
		if (!p->advs[hits[i]].authoritative && p->group_auth[g])
			continue;
		if (build_match(p, hits + i, end - i, q, &res[ngroups]) < 0) {
			ngroups++;
			rc = cvet_error_setc(CVET_ENOMEM, "out of memory");
			goto done;
		}
		ngroups++;
	}
	if (ngroups > 1)
		qsort(res, ngroups, sizeof(*res), cmp_match);
	*out = ngroups ? res : NULL;
	*nout = ngroups;
	if (!ngroups)
		free(res);
	res = NULL;
	rc = 0;
done:
	cvet_adv_matches_free(res, ngroups);
	free(hit);
	free(hits);
	return rc;
}

/* ---- writing: one transaction into a temporary copy, renamed into place ------------------------- */

#define LOCK_WAIT_SECONDS 900 /* longest wait for another import of the same database to finish */

#define WRITER_BATCH 5000

struct cvet_advdb_writer {
	sqlite3 *db;
	char *target, *tmp;
	int lock_fd; /* "<target>.lock", flock()ed from before the copy until after the rename; -1 = none */
	sqlite3_stmt *del, *ins_adv, *ins_alias, *ins_aff, *ins_range, *ins_ver, *ins_ref, *ins_map;
	size_t pending; /* records in the open transaction (committed in batches: the file is a temporary anyway) */
};

static void writer_free(cvet_advdb_writer *w)
{
	if (!w)
		return;
	sqlite3_stmt *stmts[] = {w->del, w->ins_adv, w->ins_alias, w->ins_aff, w->ins_range, w->ins_ver, w->ins_ref, w->ins_map};
	for (size_t i = 0; i < sizeof(stmts) / sizeof(stmts[0]); i++)
		sqlite3_finalize(stmts[i]);
	sqlite3_close(w->db);
	free(w->target);
	free(w->tmp);
	if (w->lock_fd >= 0)
		close(w->lock_fd); /* releases the lock */
	free(w);
}

/*
 * Serialise imports into one database: every writer holds an exclusive flock() on "<target>.lock"
 * while it copies the old database, adds its records and renames the result over the target, so a
 * second import starts from the first one's result instead of from the same old copy (which made
 * one of the two imports vanish). The lock file stays (removing it would race with a waiter).
 * Waits up to LOCK_WAIT_SECONDS; a SIGINT/SIGTERM that arrives meanwhile (the caller may hold them
 * blocked) ends the wait. Returns 0 or CVET_EIO with a message.
 */
static int lock_target(cvet_advdb_writer *w)
{
	size_t n = strlen(w->target) + 6;
	char *path = malloc(n);
	int rc = 0;
	if (!path)
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	snprintf(path, n, "%s.lock", w->target);
	if ((w->lock_fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOCTTY | O_NOFOLLOW, 0644)) < 0) {
		rc = cvet_error_setc(CVET_EIO, "cannot create the lock file '%s': %s", path, strerror(errno));
		goto done;
	}
	for (long waited_ms = 0;; waited_ms += 50) {
		if (flock(w->lock_fd, LOCK_EX | LOCK_NB) == 0)
			break;
		if (errno != EWOULDBLOCK && errno != EINTR) {
			rc = cvet_error_setc(CVET_EIO, "cannot lock '%s': %s", path, strerror(errno));
			goto done;
		}
		sigset_t pending;
		if (sigpending(&pending) == 0 && (sigismember(&pending, SIGINT) == 1 || sigismember(&pending, SIGTERM) == 1)) {
			rc = cvet_error_setc(CVET_EIO, "interrupted while waiting for another import into '%s'", w->target);
			goto done;
		}
		if (waited_ms >= (long)LOCK_WAIT_SECONDS * 1000) {
			rc = cvet_error_setc(CVET_EIO, "another import into '%s' has held '%s' for %d s; try again later",
					     w->target, path, LOCK_WAIT_SECONDS);
			goto done;
		}
		struct timespec ts = {0, 50 * 1000 * 1000};
		nanosleep(&ts, NULL);
	}
done:
	free(path);
	return rc;
}

void cvet_advdb__writer_abort(cvet_advdb_writer *w)
{
	if (!w)
		return;
	if (w->db)
		sqlite3_exec(w->db, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_finalize(w->del);
	w->del = NULL;
	if (w->tmp)
		unlink(w->tmp);
	writer_free(w);
}

const char *cvet_advdb__writer_tmp_path(const cvet_advdb_writer *w)
{
	return w && w->tmp ? w->tmp : "";
}

static int exec(cvet_advdb_writer *w, const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(w->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		int rc = cvet_error_setc(CVET_EDB, "cannot write '%s': %s", w->tmp, msg ? msg : sqlite3_errmsg(w->db));
		sqlite3_free(msg);
		return rc;
	}
	return 0;
}

int cvet_advdb__writer_begin(cvet_advdb_writer **out, const char *target)
{
	cvet_advdb_writer *w = calloc(1, sizeof(*w));
	sqlite3 *old = NULL;
	int rc = 0, fd;
	*out = NULL;
	if (w)
		w->lock_fd = -1;
	if (!w || !(w->target = xdup(target)) || !(w->tmp = malloc(strlen(target) + 16))) {
		rc = cvet_error_setc(CVET_ENOMEM, "out of memory");
		goto fail;
	}
	if ((rc = lock_target(w)) < 0) {
		free(w->tmp);
		w->tmp = NULL; /* not created: nothing to remove */
		goto fail;
	}
	/* the temporary file lives next to the target so that rename() is atomic */
	snprintf(w->tmp, strlen(target) + 16, "%s.tmp-XXXXXX", target);
	if ((fd = mkstemp(w->tmp)) < 0) {
		rc = cvet_error_setc(CVET_EIO, "cannot create a temporary file next to '%s': %s", target, strerror(errno));
		free(w->tmp);
		w->tmp = NULL;
		goto fail;
	}
	close(fd);
	struct stat st;
	if (stat(target, &st) == 0) {
		/* merge: start from a copy of the existing database */
		sqlite3_stmt *vac = NULL;
		if ((rc = open_checked(&old, target, 0)) < 0)
			goto fail;
		if (sqlite3_prepare_v2(old, "VACUUM INTO ?1", -1, &vac, NULL) != SQLITE_OK) {
			rc = db_error(old, "cannot copy", target);
			goto fail;
		}
		sqlite3_bind_text(vac, 1, w->tmp, -1, SQLITE_TRANSIENT);
		int step = sqlite3_step(vac);
		sqlite3_finalize(vac);
		if (step != SQLITE_DONE) {
			rc = db_error(old, "cannot copy", target);
			goto fail;
		}
		sqlite3_close(old);
		old = NULL;
		if ((rc = open_checked(&w->db, w->tmp, 1)) < 0)
			goto fail;
	} else {
		if (sqlite3_open_v2(w->tmp, &w->db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
			rc = db_error(w->db, "cannot create", w->tmp);
			goto fail;
		}
		if ((rc = exec(w, SCHEMA_SQL)) < 0)
			goto fail;
	}
	if ((rc = exec(w, "PRAGMA foreign_keys = ON; PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF;"
			  "BEGIN IMMEDIATE")) < 0)
		goto fail;
	static const char *const sql[] = {
		"DELETE FROM advisories WHERE id = ?1",
		"INSERT INTO advisories (id, modified, published, withdrawn, summary, details, severity_vector, score, "
		"severity_word, source, upstream_project, approximate) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12)",
		"INSERT OR IGNORE INTO aliases (advisory_id, alias) VALUES (?1, ?2)",
		"INSERT INTO affected (advisory_id, ecosystem, name, project) VALUES (?1, ?2, ?3, ?4)",
		"INSERT INTO ranges (affected_id, type, repo, introduced, fixed, last_affected, \"limit\") VALUES (?1,?2,?3,?4,?5,?6,?7)",
		"INSERT INTO versions (affected_id, version, raw) VALUES (?1, ?2, ?3)",
		"INSERT INTO \"references\" (advisory_id, type, url) VALUES (?1, ?2, ?3)",
		"INSERT OR REPLACE INTO namemap (ecosystem, name, project) VALUES (?1, ?2, ?3)",
	};
	sqlite3_stmt **dst[] = {&w->del, &w->ins_adv, &w->ins_alias, &w->ins_aff, &w->ins_range, &w->ins_ver, &w->ins_ref, &w->ins_map};
	for (size_t i = 0; i < sizeof(sql) / sizeof(sql[0]); i++)
		if (sqlite3_prepare_v2(w->db, sql[i], -1, dst[i], NULL) != SQLITE_OK) {
			rc = db_error(w->db, "cannot prepare statements for", w->tmp);
			goto fail;
		}
	*out = w;
	return 0;
fail:
	sqlite3_close(old);
	cvet_advdb__writer_abort(w);
	return rc;
}

static void bind_str(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

/* Step a prepared insert and reset it. Returns 0 or CVET_EDB. */
static int run(cvet_advdb_writer *w, sqlite3_stmt *st)
{
	int step = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (step != SQLITE_DONE)
		return cvet_error_setc(CVET_EDB, "cannot write '%s': %s", w->tmp, sqlite3_errmsg(w->db));
	return 0;
}

int cvet_advdb__writer_add(cvet_advdb_writer *w, const cvet_osv_record *r)
{
	int rc;
	bind_str(w->del, 1, r->id);
	if ((rc = run(w, w->del)) < 0)
		return rc;
	sqlite3_stmt *st = w->ins_adv;
	bind_str(st, 1, r->id);
	bind_str(st, 2, r->modified);
	bind_str(st, 3, r->published);
	bind_str(st, 4, r->withdrawn);
	bind_str(st, 5, r->summary);
	bind_str(st, 6, r->details);
	bind_str(st, 7, r->severity_vector);
	if (r->score >= 0)
		sqlite3_bind_double(st, 8, r->score);
	else
		sqlite3_bind_null(st, 8);
	bind_str(st, 9, r->severity_word);
	bind_str(st, 10, r->source ? r->source : "osv");
	bind_str(st, 11, r->upstream_project);
	sqlite3_bind_int(st, 12, r->approximate);
	if ((rc = run(w, st)) < 0)
		return rc;
	for (size_t i = 0; i < r->naliases; i++) {
		bind_str(w->ins_alias, 1, r->id);
		bind_str(w->ins_alias, 2, r->aliases[i]);
		if ((rc = run(w, w->ins_alias)) < 0)
			return rc;
	}
	for (size_t i = 0; i < r->naffected; i++) {
		const cvet_osv_affected *a = &r->affected[i];
		bind_str(w->ins_aff, 1, r->id);
		bind_str(w->ins_aff, 2, a->ecosystem);
		bind_str(w->ins_aff, 3, a->name);
		bind_str(w->ins_aff, 4, a->project);
		if ((rc = run(w, w->ins_aff)) < 0)
			return rc;
		sqlite3_int64 aid = sqlite3_last_insert_rowid(w->db);
		for (size_t k = 0; k < a->nranges; k++) {
			const cvet_osv_range *g = &a->ranges[k];
			if (strcmp(g->type, "SEMVER") != 0 && strcmp(g->type, "ECOSYSTEM") != 0 && strcmp(g->type, "GIT") != 0)
				continue; /* a future range type: ignored rather than guessed at */
			for (size_t j = 0; j < g->niv; j++) {
				sqlite3_bind_int64(w->ins_range, 1, aid);
				bind_str(w->ins_range, 2, g->type);
				bind_str(w->ins_range, 3, g->repo);
				bind_str(w->ins_range, 4, g->iv[j].introduced);
				bind_str(w->ins_range, 5, g->iv[j].fixed);
				bind_str(w->ins_range, 6, g->iv[j].last_affected);
				bind_str(w->ins_range, 7, g->iv[j].limit);
				if ((rc = run(w, w->ins_range)) < 0)
					return rc;
			}
		}
		for (size_t k = 0; k < a->nversions; k++) {
			sqlite3_bind_int64(w->ins_ver, 1, aid);
			bind_str(w->ins_ver, 2, a->versions[k].version);
			bind_str(w->ins_ver, 3, a->versions[k].raw);
			if ((rc = run(w, w->ins_ver)) < 0)
				return rc;
		}
	}
	for (size_t i = 0; i < r->nrefs; i++) {
		bind_str(w->ins_ref, 1, r->id);
		bind_str(w->ins_ref, 2, r->refs[i].type);
		bind_str(w->ins_ref, 3, r->refs[i].url);
		if ((rc = run(w, w->ins_ref)) < 0)
			return rc;
	}
	/* batches of WRITER_BATCH records: bounded journal and page cache however large the dump */
	if (++w->pending >= WRITER_BATCH) {
		w->pending = 0;
		if ((rc = exec(w, "COMMIT")) < 0 || (rc = exec(w, "BEGIN IMMEDIATE")) < 0)
			return rc;
	}
	return 0;
}

int cvet_advdb__writer_add_namemap(cvet_advdb_writer *w, const cvet_namemap *m)
{
	int rc;
	for (size_t i = 0; i < m->n; i++) {
		bind_str(w->ins_map, 1, m->e[i].ecosystem);
		bind_str(w->ins_map, 2, m->e[i].name);
		bind_str(w->ins_map, 3, m->e[i].project);
		if ((rc = run(w, w->ins_map)) < 0)
			return rc;
	}
	return 0;
}

int cvet_advdb__writer_load_namemap(cvet_advdb_writer *w, cvet_namemap *m)
{
	sqlite3_stmt *st = NULL;
	int rc = 0, oom = 0;
	if (sqlite3_prepare_v2(w->db, "SELECT ecosystem, name, project FROM namemap ORDER BY ecosystem, name", -1, &st,
			       NULL) != SQLITE_OK)
		return db_error(w->db, "cannot read the name map of", w->target);
	while (sqlite3_step(st) == SQLITE_ROW && !oom) {
		if (m->n >= m->cap) {
			size_t want = m->cap ? m->cap * 2 : 64;
			cvet_namemap_entry *e = realloc(m->e, want * sizeof(*e));
			if (!e) {
				oom = 1;
				break;
			}
			m->e = e;
			m->cap = want;
		}
		cvet_namemap_entry *e = &m->e[m->n];
		e->ecosystem = col_text(st, 0, &oom);
		e->name = col_text(st, 1, &oom);
		e->project = col_text(st, 2, &oom);
		if (e->ecosystem && e->name && e->project) {
			m->n++;
		} else {
			free(e->ecosystem);
			free(e->name);
			free(e->project);
		}
	}
	sqlite3_finalize(st);
	if (oom)
		rc = cvet_error_setc(CVET_ENOMEM, "out of memory");
	return rc;
}

/* The import date: SOURCE_DATE_EPOCH when set (reproducible builds), else now; UTC ISO 8601. */
static void import_date(char *buf, size_t size)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	time_t t = time(NULL);
	struct tm tm;
	if (sde && *sde) {
		char *end = NULL;
		long long v = strtoll(sde, &end, 10);
		if (end && !*end && v >= 0)
			t = (time_t)v;
	}
	gmtime_r(&t, &tm);
	strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

int cvet_advdb__writer_commit(cvet_advdb_writer *w, const char *sources_note)
{
	char date[32];
	int rc;
	import_date(date, sizeof(date));
	sqlite3_stmt *st = NULL;
	const char *keys[] = {"imported_at", "cvet_version", "import_sources", "schema_version"};
	const char *vals[] = {date, CVET_VERSION, sources_note, "1"};
	if (sqlite3_prepare_v2(w->db, "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)", -1, &st, NULL) != SQLITE_OK) {
		rc = db_error(w->db, "cannot write", w->tmp);
		goto fail;
	}
	for (size_t i = 0; i < 4; i++) {
		if (!vals[i])
			continue;
		bind_str(st, 1, keys[i]);
		bind_str(st, 2, vals[i]);
		if ((rc = run(w, st)) < 0)
			goto fail;
	}
	/* per-source record counts, kept in meta for `cvet db status` and for people reading the file */
	if ((rc = exec(w, "INSERT OR REPLACE INTO meta (key, value) SELECT 'records.' || source, count(*) FROM advisories "
			  "GROUP BY source")) < 0)
		goto fail;
	sqlite3_finalize(st);
	st = NULL;
	if ((rc = exec(w, "COMMIT")) < 0)
		goto fail;
	/* finalise everything so the file is closed before it is renamed */
	sqlite3_stmt *stmts[] = {w->del, w->ins_adv, w->ins_alias, w->ins_aff, w->ins_range, w->ins_ver, w->ins_ref, w->ins_map};
	for (size_t i = 0; i < sizeof(stmts) / sizeof(stmts[0]); i++)
		sqlite3_finalize(stmts[i]);
	w->del = w->ins_adv = w->ins_alias = w->ins_aff = w->ins_range = w->ins_ver = w->ins_ref = w->ins_map = NULL;
	if (sqlite3_close(w->db) != SQLITE_OK) {
		rc = db_error(w->db, "cannot close", w->tmp);
		goto fail;
	}
	w->db = NULL;
	int fd = open(w->tmp, O_RDONLY);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	chmod(w->tmp, 0644);
	if (rename(w->tmp, w->target) != 0) {
		rc = cvet_error_setc(CVET_EIO, "cannot replace '%s': %s", w->target, strerror(errno));
		goto fail;
	}
	free(w->tmp);
	w->tmp = NULL;
	writer_free(w);
	return 0;
fail:
	sqlite3_finalize(st);
	cvet_advdb__writer_abort(w);
	return rc;
}

/* ---- status and listings -------------------------------------------------------------------------- */

void cvet_advdb__status_clear(cvet_advdb_status *st)
{
	if (!st)
		return;
	free(st->newest);
	free(st->imported);
	for (size_t i = 0; i < st->nsources; i++)
		free(st->source_names[i]);
	free(st->source_names);
	free(st->source_counts);
	memset(st, 0, sizeof(*st));
}

static long long scalar(sqlite3 *db, const char *sql, int *err)
{
	sqlite3_stmt *st = NULL;
	long long v = 0;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK || sqlite3_step(st) != SQLITE_ROW)
		*err = 1;
	else
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static char *scalar_text(sqlite3 *db, const char *sql, int *err)
{
	sqlite3_stmt *st = NULL;
	char *v = NULL;
	int oom = 0;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		*err = 1;
	else if (sqlite3_step(st) == SQLITE_ROW)
		v = col_text(st, 0, &oom);
	sqlite3_finalize(st);
	return v;
}

int cvet_advdb__status(cvet_advdb *db, cvet_advdb_status *s)
{
	int err = 0, oom = 0;
	sqlite3_stmt *st = NULL;
	memset(s, 0, sizeof(*s));
	s->records = scalar(db->db, "SELECT count(*) FROM advisories", &err);
	s->withdrawn = scalar(db->db, "SELECT count(*) FROM advisories WHERE withdrawn IS NOT NULL", &err);
	s->packages = scalar(db->db, "SELECT count(DISTINCT project) FROM affected", &err);
	s->schema = (int)scalar(db->db, "PRAGMA user_version", &err);
	/* the newest date a record carries, modified or published (a record may lack one) */
	s->newest = scalar_text(db->db, "SELECT max(d) FROM (SELECT modified AS d FROM advisories UNION ALL "
				"SELECT published FROM advisories)", &err);
	s->imported = scalar_text(db->db, "SELECT value FROM meta WHERE key = 'imported_at'", &err);
	if (!err && sqlite3_prepare_v2(db->db, "SELECT source, count(*) FROM advisories GROUP BY source ORDER BY source",
				       -1, &st, NULL) == SQLITE_OK) {
		while (sqlite3_step(st) == SQLITE_ROW && s->nsources < 1000) {
			char **n = realloc(s->source_names, (s->nsources + 1) * sizeof(char *));
			if (n)
				s->source_names = n;
			long long *c = realloc(s->source_counts, (s->nsources + 1) * sizeof(long long));
			if (c)
				s->source_counts = c;
			if (!n || !c) {
				oom = 1;
				break;
			}
			s->source_names[s->nsources] = col_text(st, 0, &oom);
			s->source_counts[s->nsources] = sqlite3_column_int64(st, 1);
			if (!s->source_names[s->nsources])
				break;
			s->nsources++;
		}
	} else {
		err = 1;
	}
	sqlite3_finalize(st);
	if (oom) {
		cvet_advdb__status_clear(s);
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	}
	if (err) {
		cvet_advdb__status_clear(s);
		return db_error(db->db, "cannot read", db->path);
	}
	return 0;
}

/* Rows of a one-column query as a malloc'd array of malloc'd strings. */
static int string_list(cvet_advdb *db, const char *sql, const char *param, char ***out, size_t *n)
{
	sqlite3_stmt *st = NULL;
	char **arr = NULL;
	size_t cnt = 0, cap = 0;
	int oom = 0;
	*out = NULL;
	*n = 0;
	if (sqlite3_prepare_v2(db->db, sql, -1, &st, NULL) != SQLITE_OK)
		return db_error(db->db, "cannot read", db->path);
	if (param)
		sqlite3_bind_text(st, 1, param, -1, SQLITE_TRANSIENT);
	while (sqlite3_step(st) == SQLITE_ROW && !oom) {
		if (push((void **)&arr, &cnt, &cap, sizeof(char *)) < 0) {
			oom = 1;
			break;
		}
		if ((arr[cnt] = col_text(st, 0, &oom)))
			cnt++;
	}
	sqlite3_finalize(st);
	if (oom) {
		for (size_t i = 0; i < cnt; i++)
			free(arr[i]);
		free(arr);
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	}
	*out = arr;
	*n = cnt;
	return 0;
}

int cvet_advdb__projects(cvet_advdb *db, char ***out, size_t *n)
{
	return string_list(db, "SELECT DISTINCT project FROM affected ORDER BY project", NULL, out, n);
}

int cvet_advdb__project_versions(cvet_advdb *db, const char *project, char ***out, size_t *n)
{
	return string_list(db,
			   "SELECT DISTINCT v FROM (SELECT v.version AS v FROM versions v JOIN affected f ON f.id = v.affected_id "
			   "WHERE f.project = ?1 UNION SELECT r.fixed FROM ranges r JOIN affected f ON f.id = r.affected_id "
			   "WHERE f.project = ?1 AND r.type != 'GIT' AND r.fixed IS NOT NULL UNION SELECT r.introduced FROM "
			   "ranges r JOIN affected f ON f.id = r.affected_id WHERE f.project = ?1 AND r.type != 'GIT' AND "
			   "r.introduced != '0') ORDER BY v",
			   project, out, n);
}
