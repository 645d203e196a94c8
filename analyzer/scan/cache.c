/* cache.c - the incremental cache of translation-unit results in SQLite (see cache.h) */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>
#include <sqlite3.h>
#include <clang-c/Index.h>
#include "cvet/common.h"
#include "common/util.h"
#include "common/wire.h"
#include "scan/cache.h"

#define APP_ID 0x63766574        /* "cvet" */
#define SCHEMA_VERSION 1
#define DB_NAME "cache.db"
#define BUSY_MS 15000
#define MAX_HASHED_BYTES ((uint64_t)1 << 30) /* a file larger than this is never a cached unit's input */
#define MAX_DEPS 1000000u

static const char schema[] =
	"CREATE TABLE IF NOT EXISTS unit(key BLOB PRIMARY KEY, deps BLOB NOT NULL, result BLOB NOT NULL,"
	" sum BLOB NOT NULL, size INTEGER NOT NULL, last_used INTEGER NOT NULL) WITHOUT ROWID;"
	"CREATE INDEX IF NOT EXISTS unit_lru ON unit(last_used);"
	"CREATE TABLE IF NOT EXISTS stat(name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;"
	"INSERT OR IGNORE INTO stat VALUES('hits', 0);"
	"INSERT OR IGNORE INTO stat VALUES('created', CAST(strftime('%s','now') AS INTEGER));";

/* A file's content hash, computed once per run. */
typedef struct memo {
	char *path;
	int ok;                            /* 1: hashed; 0: missing, unreadable or not a regular file */
	uint64_t size;
	unsigned char sha[CVET_SHA256_BYTES];
} memo;

struct cvet_cache {
	pthread_mutex_t lock;
	sqlite3 *db;
	char *dir, *path;
	uint64_t max_bytes;
	unsigned char base[CVET_SHA256_BYTES]; /* the run's context */
	memo *memos;                     /* open addressing by path hash */
	size_t nmemo, capmemo;
	unsigned char *used;             /* keys hit this run (n x 32 bytes) */
	size_t nused, capused;
	size_t hits, parsed;
	int disabled;                    /* a failure stopped the cache for this run */
	char note[CVET_CACHE_NOTE_BYTES];
};

static void set_note(char *note, size_t size, const char *fmt, const char *a, const char *b)
{
	if (note && size)
		snprintf(note, size, fmt, a ? a : "", b ? b : "");
}

/* ---- the folder ---- */

int cvet_cache__dir(const char *dir, char **out, char *note, size_t notesz)
{
	const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	*out = NULL;
	if (dir)
		*out = cvet_jobs__join(NULL, dir);
	else if (xdg && xdg[0] == '/')
		*out = cvet_jobs__join(xdg, "cvet");
	else if (home && home[0] == '/') {
		char *base = cvet_jobs__join(home, ".cache");
		*out = base ? cvet_jobs__join(base, "cvet") : NULL;
		free(base);
	} else {
		set_note(note, notesz, "no cache: neither XDG_CACHE_HOME nor HOME is set (give --cache DIR)", NULL, NULL);
		return 0;
	}
	return *out ? 0 : cvet_error_setc(CVET_ENOMEM, "out of memory");
}

/* mkdir -p with mode 0700 for what is created. 0, or -1 with errno. */
static int make_dirs(const char *path)
{
	char *p = cvet_jobs__join(NULL, path);
	int rc = 0;
	if (!p)
		return -1;
	for (char *s = p + 1;; s++) {
		if (*s == '/' || *s == '\0') {
			char c = *s;
			*s = '\0';
			if (mkdir(p, 0700) != 0 && errno != EEXIST) {
				rc = -1;
				break;
			}
			*s = c;
			if (!c)
				break;
		}
	}
	if (rc < 0) {
		int e = errno;
		free(p);
		errno = e;
		return -1;
	}
	free(p);
	return 0;
}

/* The folder is ours alone: a real directory (not a link), owned by us, not writable by others, writable by us. */
static int dir_is_safe(const char *dir, char *note, size_t notesz)
{
	struct stat st;
	if (lstat(dir, &st) != 0) {
		set_note(note, notesz, "no cache: cannot use '%s': %s", dir, strerror(errno));
		return 0;
	}
	if (S_ISLNK(st.st_mode)) {
		set_note(note, notesz, "no cache: '%s' is a symbolic link; give its target with --cache%s", dir, NULL);
		return 0;
	}
	if (!S_ISDIR(st.st_mode)) {
		set_note(note, notesz, "no cache: '%s' is not a directory%s", dir, NULL);
		return 0;
	}
	if (st.st_uid != geteuid()) {
		set_note(note, notesz, "no cache: '%s' belongs to another user%s", dir, NULL);
		return 0;
	}
	if (st.st_mode & (S_IWGRP | S_IWOTH)) {
		set_note(note, notesz, "no cache: others may write to '%s' (chmod 700 it)%s", dir, NULL);
		return 0;
	}
	if (access(dir, W_OK | X_OK) != 0) {
		set_note(note, notesz, "no cache: cannot write to '%s': %s", dir, strerror(errno));
		return 0;
	}
	return 1;
}

/* ---- SQLite helpers ---- */

static int is_broken(int rc)
{
	rc &= 0xff;
	return rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB || rc == SQLITE_FORMAT || rc == SQLITE_SCHEMA;
}

/* One integer from a query without parameters; -1 on failure (*rc set). */
static long long query_int(sqlite3 *db, const char *sql, int *rc)
{
	sqlite3_stmt *st = NULL;
	long long v = -1;
	if ((*rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL)) == SQLITE_OK) {
		if ((*rc = sqlite3_step(st)) == SQLITE_ROW) {
			v = sqlite3_column_int64(st, 0);
			*rc = SQLITE_OK;
		}
		if (*rc == SQLITE_DONE)
			*rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return v;
}

/* Move a broken cache file aside (cache.db.broken), with its WAL and shared-memory files removed. */
static void move_aside(const char *path)
{
	size_t n = strlen(path) + 16;
	char *aside = malloc(n), *wal = malloc(n), *shm = malloc(n);
	if (aside && wal && shm) {
		snprintf(aside, n, "%s.broken", path);
		snprintf(wal, n, "%s-wal", path);
		snprintf(shm, n, "%s-shm", path);
		if (rename(path, aside) != 0)
			unlink(path);
		unlink(wal);
		unlink(shm);
	}
	free(aside);
	free(wal);
	free(shm);
}

/*
 * Open path as our cache, creating the schema in a new file. Returns 0 (*out set), 1 when the file is not a
 * cache of ours or is broken (the caller moves it aside), -1 on another failure (note set).
 */
static int open_db(const char *path, sqlite3 **out, char *note, size_t notesz)
{
	sqlite3 *db = NULL;
	int rc, flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW;
	long long app, ver, tables;

	*out = NULL;
	if ((rc = sqlite3_open_v2(path, &db, flags, NULL)) != SQLITE_OK) {
		set_note(note, notesz, "no cache: cannot open '%s': %s", path, db ? sqlite3_errmsg(db) : "out of memory");
		sqlite3_close(db);
		return is_broken(rc) ? 1 : -1;
	}
	sqlite3_busy_timeout(db, BUSY_MS);
	sqlite3_extended_result_codes(db, 0);
	app = query_int(db, "PRAGMA application_id", &rc);
	if (rc != SQLITE_OK)
		goto fail;
	tables = query_int(db, "SELECT count(*) FROM sqlite_master", &rc);
	if (rc != SQLITE_OK)
		goto fail;
	if (tables == 0 && app == 0) {
		/* a new file: the schema, once, even when another run creates it at the same time */
		if ((rc = sqlite3_exec(db, "PRAGMA auto_vacuum=INCREMENTAL", NULL, NULL, NULL)) != SQLITE_OK ||
		    (rc = sqlite3_exec(db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL)) != SQLITE_OK ||
		    (rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL)) != SQLITE_OK)
			goto fail;
		app = query_int(db, "PRAGMA application_id", &rc);
		tables = rc == SQLITE_OK ? query_int(db, "SELECT count(*) FROM sqlite_master", &rc) : -1;
		if (rc == SQLITE_OK && app == 0 && tables == 0) {
			char sql[64];
			snprintf(sql, sizeof(sql), "PRAGMA user_version=%d", SCHEMA_VERSION);
			if ((rc = sqlite3_exec(db, schema, NULL, NULL, NULL)) == SQLITE_OK &&
			    (rc = sqlite3_exec(db, sql, NULL, NULL, NULL)) == SQLITE_OK) {
				snprintf(sql, sizeof(sql), "PRAGMA application_id=%d", APP_ID);
				rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
			}
		}
		if (rc != SQLITE_OK) {
			sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
			goto fail;
		}
		if ((rc = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL)) != SQLITE_OK)
			goto fail;
		app = query_int(db, "PRAGMA application_id", &rc);
	}
	ver = query_int(db, "PRAGMA user_version", &rc);
	if (rc != SQLITE_OK)
		goto fail;
	if (app != APP_ID || ver != SCHEMA_VERSION) {
		set_note(note, notesz, "the cache '%s' was not written by this version of cvet; moved it aside to "
			 "%s.broken and started a new one", path, path);
		sqlite3_close(db);
		return 1;
	}
	if ((rc = sqlite3_exec(db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL)) != SQLITE_OK ||
	    (rc = sqlite3_exec(db, "PRAGMA synchronous=NORMAL", NULL, NULL, NULL)) != SQLITE_OK)
		goto fail;
	/* the tables as we made them: a file with our ids but other tables is broken */
	query_int(db, "SELECT count(key) + count(deps) + count(result) + count(sum) + count(size) + count(last_used) FROM "
		      "(SELECT * FROM unit LIMIT 1)", &rc);
	if (rc != SQLITE_OK)
		goto fail;
	*out = db;
	return 0;
fail:
	if (is_broken(rc) || rc == SQLITE_ERROR) {
		set_note(note, notesz, "the cache '%s' was damaged; moved it aside to %s.broken and started a new one", path,
			 path);
		sqlite3_close(db);
		return 1;
	}
	set_note(note, notesz, "no cache: cannot use '%s': %s", path, sqlite3_errmsg(db));
	sqlite3_close(db);
	return -1;
}

/* ---- hashing files ---- */

/* SHA-256 of a regular file's bytes; 0, or -1 (missing, unreadable, not regular, too large). */
static int hash_file(const char *path, uint64_t *size, unsigned char sha[CVET_SHA256_BYTES])
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	struct stat st;
	cvet_sha256 s;
	unsigned char buf[65536];
	uint64_t total = 0;
	ssize_t k;

	if (fd < 0)
		return -1;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || (uint64_t)st.st_size > MAX_HASHED_BYTES) {
		close(fd);
		return -1;
	}
	cvet_sha256__init(&s);
	while ((k = read(fd, buf, sizeof(buf))) != 0) {
		if (k < 0) {
			if (errno == EINTR)
				continue;
			close(fd);
			return -1;
		}
		total += (uint64_t)k;
		if (total > MAX_HASHED_BYTES) {
			close(fd);
			return -1;
		}
		cvet_sha256__update(&s, buf, (size_t)k);
	}
	close(fd);
	cvet_sha256__final(&s, sha);
	*size = total;
	return 0;
}

int cvet_cache__hash_file(const char *path, unsigned char sha[CVET_SHA256_BYTES])
{
	uint64_t size;
	return hash_file(path, &size, sha);
}

static size_t path_hash(const char *s)
{
	size_t h = 1469598103934665603ULL & (size_t)-1;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * (size_t)1099511628211ULL;
	return h;
}

/* The memo of path (hashing the file the first time); NULL on out of memory. Caller holds the lock. */
static const memo *file_memo(cvet_cache *c, const char *path)
{
	size_t i;
	if ((c->nmemo + 1) * 2 > c->capmemo) {
		size_t cap = c->capmemo ? c->capmemo * 2 : 256;
		memo *m = calloc(cap, sizeof(*m));
		if (!m)
			return NULL;
		for (size_t k = 0; k < c->capmemo; k++) {
			if (!c->memos[k].path)
				continue;
			for (i = path_hash(c->memos[k].path) & (cap - 1); m[i].path; i = (i + 1) & (cap - 1))
				;
			m[i] = c->memos[k];
		}
		free(c->memos);
		c->memos = m;
		c->capmemo = cap;
	}
	for (i = path_hash(path) & (c->capmemo - 1); c->memos[i].path; i = (i + 1) & (c->capmemo - 1))
		if (strcmp(c->memos[i].path, path) == 0)
			return &c->memos[i];
	if (!(c->memos[i].path = cvet_jobs__join(NULL, path)))
		return NULL;
	c->memos[i].ok = hash_file(path, &c->memos[i].size, c->memos[i].sha) == 0;
	c->nmemo++;
	return &c->memos[i];
}

/* 1 when every file a deps list names still has the bytes it lists. Caller holds the lock. */
static int deps_fresh(cvet_cache *c, const unsigned char *p, size_t n)
{
	cvet_rbuf r = {p, n, 0, 0};
	uint32_t nd = cvet_rbuf__count(&r, 4 + 8 + CVET_SHA256_BYTES);
	int oom = 0;
	if (r.bad || nd > MAX_DEPS)
		return 0;
	for (uint32_t i = 0; i < nd; i++) {
		unsigned char sha[CVET_SHA256_BYTES];
		char *path = cvet_rbuf__str(&r, &oom);
		uint64_t size = cvet_rbuf__u64(&r);
		const memo *m;
		cvet_rbuf__get(&r, sha, sizeof(sha));
		if (!path || r.bad || path[0] != '/') {
			free(path);
			return 0;
		}
		m = file_memo(c, path);
		free(path);
		if (!m || !m->ok || m->size != size || memcmp(m->sha, sha, sizeof(sha)) != 0)
			return 0;
	}
	return r.at == r.n;
}

/* A fast 64-bit mix over 8-byte words (tail zero-padded, length mixed in), chained from h. Any change of one word
 * changes the result (each step is a bijection of the state), which is what a corrupted entry needs. */
static uint64_t mix64(const unsigned char *p, size_t n, uint64_t h)
{
	const uint64_t k = 0x9e3779b97f4a7c15ULL;
	size_t len = n;
	while (n >= 8) {
		uint64_t w;
		memcpy(&w, p, 8);
		h = (h ^ w) * k;
		h ^= h >> 32;
		p += 8;
		n -= 8;
	}
	if (n) {
		uint64_t w = 0;
		memcpy(&w, p, n);
		h = (h ^ w) * k;
		h ^= h >> 32;
	}
	h = (h ^ (uint64_t)len) * k;
	return h ^ (h >> 29);
}

/* The checksum of an entry over its key, deps and result: SQLite checks no page, and a flipped bit in a result
 * could otherwise still read as a unit, with other findings. Not a defence against the cache's owner. */
static void entry_sum(const unsigned char *key, const unsigned char *deps, size_t ndeps, const unsigned char *res,
		      size_t nres, unsigned char out[8])
{
	uint64_t h = mix64(key, CVET_SHA256_BYTES, 0x6376657463616368ULL), n = ndeps;
	unsigned char nb[8];
	for (int i = 0; i < 8; i++)
		nb[i] = (unsigned char)(n >> (8 * i));
	h = mix64(nb, 8, h);
	h = mix64(deps, ndeps, h);
	h = mix64(res, nres, h);
	for (int i = 0; i < 8; i++)
		out[i] = (unsigned char)(h >> (8 * i));
}

/* ---- open and close ---- */

/*
 * This executable's identity: a rebuilt cvet (same version string, other checks) keys anew. Device, inode, size,
 * modification and change times of /proc/self/exe (the change time is the kernel's, set on any rewrite or
 * replacement): hashing its megabytes would cost a warm run more than everything else but the flow analysis.
 */
static void self_identity(cvet_sha256 *s)
{
	struct stat st;
	if (stat("/proc/self/exe", &st) == 0) {
		long long v[7] = {(long long)st.st_dev, (long long)st.st_ino, (long long)st.st_size,
				  (long long)st.st_mtim.tv_sec, (long long)st.st_mtim.tv_nsec, (long long)st.st_ctim.tv_sec,
				  (long long)st.st_ctim.tv_nsec};
		cvet_sha256__update(s, v, sizeof(v));
	} else {
		cvet_sha256__update(s, "no-exe", 6);
	}
}

int cvet_cache__open(const char *dir, int explicit_dir, char *const *roots, size_t nroots, uint64_t max_bytes,
		     const void *context, size_t ncontext, cvet_cache **out, char *note, size_t notesz)
{
	cvet_cache *c = NULL;
	char *real = NULL;
	sqlite3 *db = NULL;
	cvet_sha256 s;
	CXString cv;
	int rc;

	*out = NULL;
	if (note && notesz)
		note[0] = '\0';
	if (make_dirs(dir) != 0) {
		set_note(note, notesz, "no cache: cannot create '%s': %s", dir, strerror(errno));
		return 0;
	}
	if (!dir_is_safe(dir, note, notesz))
		return 0;
	if (!(real = realpath(dir, NULL))) {
		set_note(note, notesz, "no cache: cannot use '%s': %s", dir, strerror(errno));
		return 0;
	}
	for (size_t i = 0; !explicit_dir && i < nroots; i++) {
		if (cvet_util__path_under(real, roots[i])) {
			set_note(note, notesz, "no cache: the default cache folder '%s' is inside the scanned tree; give "
				 "--cache DIR to use it anyway%s", real, NULL);
			free(real);
			return 0;
		}
	}
	if (!(c = calloc(1, sizeof(*c))) || !(c->path = cvet_jobs__join(real, DB_NAME))) {
		free(c);
		free(real);
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	}
	c->dir = real;
	c->max_bytes = max_bytes ? max_bytes : CVET_CACHE_DEFAULT_BYTES;
	if ((rc = open_db(c->path, &db, note, notesz)) == 1) {
		/* not ours, or broken: aside, and a fresh one (the note says so) */
		move_aside(c->path);
		char keep[CVET_CACHE_NOTE_BYTES];
		snprintf(keep, sizeof(keep), "%s", note ? note : "");
		rc = open_db(c->path, &db, note, notesz);
		if (rc == 0 && note && notesz)
			snprintf(note, notesz, "%s", keep);
	}
	if (rc != 0) {
		free(c->path);
		free(c->dir);
		free(c);
		return 0;
	}
	if (pthread_mutex_init(&c->lock, NULL) != 0) {
		sqlite3_close(db);
		free(c->path);
		free(c->dir);
		free(c);
		return cvet_error_setc(CVET_ENOMEM, "cannot create a mutex");
	}
	c->db = db;
	cvet_sha256__init(&s);
	cvet_sha256__update(&s, "cvet-cache-1\0" CVET_VERSION, sizeof("cvet-cache-1\0" CVET_VERSION));
	self_identity(&s);
	cv = clang_getClangVersion();
	if (clang_getCString(cv))
		cvet_sha256__update(&s, clang_getCString(cv), strlen(clang_getCString(cv)) + 1);
	clang_disposeString(cv);
	cvet_sha256__update(&s, context, ncontext);
	cvet_sha256__final(&s, c->base);
	*out = c;
	return 0;
}

/* Disable the cache for the rest of the run after a failure; a broken file is moved aside. Caller holds the lock. */
static void give_up(cvet_cache *c, int rc)
{
	if (c->disabled)
		return;
	c->disabled = 1;
	if (is_broken(rc)) {
		snprintf(c->note, sizeof(c->note), "the cache '%.200s' was damaged; moved it aside to %.200s.broken (the "
			 "next run starts a new one)", c->path, c->path);
		move_aside(c->path);
	} else if (!c->note[0]) {
		snprintf(c->note, sizeof(c->note), "the cache '%.200s' stopped working for this run: %.200s", c->path,
			 sqlite3_errmsg(c->db));
	}
}

static long long now_ms(void)
{
	struct timeval tv;
	gettimeofday(&tv, NULL);
	return (long long)tv.tv_sec * 1000 + tv.tv_usec / 1000;
}

/* Delete the least recently used entries until the rest fits in 90% of the bound. Caller holds the lock. */
static int evict(cvet_cache *c)
{
	sqlite3_stmt *st = NULL;
	int rc;
	long long total = query_int(c->db, "SELECT coalesce(sum(size), 0) FROM unit", &rc);
	if (rc != SQLITE_OK || total <= (long long)c->max_bytes)
		return rc;
	rc = sqlite3_prepare_v2(c->db,
				"DELETE FROM unit WHERE key IN (SELECT key FROM (SELECT key, sum(size) OVER "
				"(ORDER BY last_used DESC, key DESC) AS upto FROM unit) WHERE upto > ?)",
				-1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, (long long)(c->max_bytes / 10 * 9));
		rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(c->db);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(c->db, "PRAGMA incremental_vacuum", NULL, NULL, NULL);
	return rc;
}

void cvet_cache__close(cvet_cache *c, char *note, size_t notesz)
{
	if (note && notesz)
		note[0] = '\0';
	if (!c)
		return;
	pthread_mutex_lock(&c->lock);
	if (!c->disabled) {
		sqlite3_stmt *st = NULL;
		long long now = now_ms();
		int rc = sqlite3_exec(c->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
		if (rc == SQLITE_OK)
			rc = sqlite3_prepare_v2(c->db, "UPDATE unit SET last_used = ? WHERE key = ?", -1, &st, NULL);
		for (size_t i = 0; rc == SQLITE_OK && i < c->nused; i++) {
			sqlite3_bind_int64(st, 1, now);
			sqlite3_bind_blob(st, 2, c->used + i * CVET_SHA256_BYTES, CVET_SHA256_BYTES, SQLITE_STATIC);
			rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(c->db);
			sqlite3_reset(st);
		}
		sqlite3_finalize(st);
		st = NULL;
		if (rc == SQLITE_OK && c->hits) {
			rc = sqlite3_prepare_v2(c->db, "UPDATE stat SET value = value + ? WHERE name = 'hits'", -1, &st, NULL);
			if (rc == SQLITE_OK) {
				sqlite3_bind_int64(st, 1, (long long)c->hits);
				rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(c->db);
			}
			sqlite3_finalize(st);
		}
		if (rc == SQLITE_OK)
			rc = sqlite3_exec(c->db, "COMMIT", NULL, NULL, NULL);
		else
			sqlite3_exec(c->db, "ROLLBACK", NULL, NULL, NULL);
		if (rc == SQLITE_OK)
			rc = evict(c);
		if (rc != SQLITE_OK)
			give_up(c, rc);
	}
	if (note && notesz)
		snprintf(note, notesz, "%s", c->note);
	pthread_mutex_unlock(&c->lock);
	sqlite3_close(c->db);
	pthread_mutex_destroy(&c->lock);
	for (size_t i = 0; i < c->capmemo; i++)
		free(c->memos[i].path);
	free(c->memos);
	free(c->used);
	free(c->path);
	free(c->dir);
	free(c);
}

/* ---- lookups and stores ---- */

int cvet_cache__key(cvet_cache *c, const cvet_job *job, unsigned char key[CVET_SHA256_BYTES])
{
	cvet_sha256 s;
	const memo *m;
	uint32_t n = (uint32_t)job->args.n;
	unsigned char main_sha[CVET_SHA256_BYTES];
	char *abs = NULL;
	const char *file = job->file;
	int ok;

	if (file[0] != '/') {
		char cwd[4096];
		const char *dir = job->directory && job->directory[0] == '/' ? job->directory : getcwd(cwd, sizeof(cwd));
		if (!dir || !(abs = cvet_jobs__join(dir, file)))
			return -1;
		file = abs;
	}
	pthread_mutex_lock(&c->lock);
	m = file_memo(c, file); /* points into a table another thread may grow: read it under the lock */
	ok = m && m->ok;
	if (ok)
		memcpy(main_sha, m->sha, sizeof(main_sha));
	pthread_mutex_unlock(&c->lock);
	if (!ok) {
		free(abs);
		return -1;
	}
	cvet_sha256__init(&s);
	cvet_sha256__update(&s, c->base, sizeof(c->base));
	cvet_sha256__update(&s, file, strlen(file) + 1);
	cvet_sha256__update(&s, job->directory ? "d" : "-", 1);
	if (job->directory)
		cvet_sha256__update(&s, job->directory, strlen(job->directory) + 1);
	cvet_sha256__update(&s, &n, sizeof(n));
	for (size_t i = 0; i < job->args.n; i++)
		cvet_sha256__update(&s, job->args.v[i], strlen(job->args.v[i]) + 1);
	cvet_sha256__update(&s, main_sha, sizeof(main_sha));
	cvet_sha256__final(&s, key);
	free(abs);
	return 0;
}

static int lookup(cvet_cache *c, const unsigned char key[CVET_SHA256_BYTES], unsigned char **unit, size_t *len, int count)
{
	sqlite3_stmt *st = NULL;
	int rc, hit = 0;

	*unit = NULL;
	*len = 0;
	pthread_mutex_lock(&c->lock);
	if (c->disabled)
		goto done;
	rc = sqlite3_prepare_v2(c->db, "SELECT deps, result, sum FROM unit WHERE key = ?", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_blob(st, 1, key, CVET_SHA256_BYTES, SQLITE_STATIC);
		rc = sqlite3_step(st);
	}
	if (rc == SQLITE_ROW) {
		const unsigned char *deps = sqlite3_column_blob(st, 0);
		size_t ndeps = (size_t)sqlite3_column_bytes(st, 0);
		const unsigned char *res = sqlite3_column_blob(st, 1);
		size_t nres = (size_t)sqlite3_column_bytes(st, 1);
		const unsigned char *sum = sqlite3_column_blob(st, 2);
		unsigned char want[8];
		int sum_ok = 0;
		if (deps && res && nres && sum && sqlite3_column_bytes(st, 2) == (int)sizeof(want)) {
			entry_sum(key, deps, ndeps, res, nres, want);
			sum_ok = memcmp(want, sum, sizeof(want)) == 0;
		}
		if (sum_ok && deps_fresh(c, deps, ndeps) && (*unit = malloc(nres))) {
			memcpy(*unit, res, nres);
			*len = nres;
			hit = 1;
		}
	} else if (rc != SQLITE_DONE) {
		give_up(c, rc);
	}
	if (hit && c->nused < MAX_DEPS &&
	    cvet_util__grow((void **)&c->used, &c->capused, c->nused, CVET_SHA256_BYTES) == 0)
		memcpy(c->used + c->nused++ * CVET_SHA256_BYTES, key, CVET_SHA256_BYTES);
	if (hit && count)
		c->hits++;
done:
	sqlite3_finalize(st);
	pthread_mutex_unlock(&c->lock);
	return hit;
}

int cvet_cache__get(cvet_cache *c, const unsigned char key[CVET_SHA256_BYTES], unsigned char **unit, size_t *len)
{
	return lookup(c, key, unit, len, 1);
}

/* The whole-program entry is a unit entry with an empty list of inputs (its key already names every unit's). */
static const unsigned char no_deps[4] = {0, 0, 0, 0};

int cvet_cache__get_program(cvet_cache *c, const unsigned char key[CVET_SHA256_BYTES], unsigned char **res,
			    size_t *len)
{
	return lookup(c, key, res, len, 0);
}

void cvet_cache__put_program(cvet_cache *c, const unsigned char key[CVET_SHA256_BYTES], const unsigned char *res,
			     size_t nres)
{
	cvet_cache__put(c, key, res, nres, no_deps, sizeof(no_deps));
}

void cvet_cache__drop(cvet_cache *c, const unsigned char key[CVET_SHA256_BYTES])
{
	sqlite3_stmt *st = NULL;
	int rc;
	pthread_mutex_lock(&c->lock);
	if (c->hits)
		c->hits--; /* it was counted as a hit */
	if (!c->disabled) {
		rc = sqlite3_prepare_v2(c->db, "DELETE FROM unit WHERE key = ?", -1, &st, NULL);
		if (rc == SQLITE_OK) {
			sqlite3_bind_blob(st, 1, key, CVET_SHA256_BYTES, SQLITE_STATIC);
			rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(c->db);
		}
		sqlite3_finalize(st);
		if (rc != SQLITE_OK)
			give_up(c, rc);
	}
	pthread_mutex_unlock(&c->lock);
}

void cvet_cache__put(cvet_cache *c, const unsigned char key[CVET_SHA256_BYTES], const unsigned char *unit,
		     size_t nunit, const unsigned char *deps, size_t ndeps)
{
	unsigned char sum[8];
	sqlite3_stmt *st = NULL;
	int rc;
	pthread_mutex_lock(&c->lock);
	/* an entry bigger than a quarter of the bound would evict most of the rest */
	if (c->disabled || !nunit || nunit + ndeps > c->max_bytes / 4 || nunit > 0x7fffffff || ndeps > 0x7fffffff)
		goto done;
	rc = sqlite3_prepare_v2(c->db, "INSERT OR REPLACE INTO unit(key, deps, result, sum, size, last_used) "
				       "VALUES(?, ?, ?, ?, ?, ?)", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		entry_sum(key, deps ? deps : (const unsigned char *)"", ndeps, unit, nunit, sum);
		sqlite3_bind_blob(st, 4, sum, (int)sizeof(sum), SQLITE_STATIC);
		sqlite3_bind_blob(st, 1, key, CVET_SHA256_BYTES, SQLITE_STATIC);
		sqlite3_bind_blob(st, 2, deps ? (const void *)deps : "", (int)ndeps, SQLITE_STATIC);
		sqlite3_bind_blob(st, 3, unit, (int)nunit, SQLITE_STATIC);
		sqlite3_bind_int64(st, 5, (long long)(nunit + ndeps + CVET_SHA256_BYTES + 8));
		sqlite3_bind_int64(st, 6, now_ms());
		rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(c->db);
	}
	if (rc != SQLITE_OK)
		give_up(c, rc);
done:
	sqlite3_finalize(st);
	pthread_mutex_unlock(&c->lock);
}

void cvet_cache__counts(cvet_cache *c, size_t *hits, size_t *parsed)
{
	pthread_mutex_lock(&c->lock);
	*hits = c->hits;
	*parsed = c->parsed;
	pthread_mutex_unlock(&c->lock);
}

void cvet_cache__count_parsed(cvet_cache *c)
{
	pthread_mutex_lock(&c->lock);
	c->parsed++;
	pthread_mutex_unlock(&c->lock);
}

/* ---- cvet cache status|clear ---- */

int cvet_cache__status(const char *dir, uint64_t max_bytes)
{
	char *path = cvet_jobs__join(dir, DB_NAME), *wal = NULL;
	sqlite3 *db = NULL;
	struct stat st;
	long long entries = 0, bytes = 0, hits = 0, file = 0;
	int rc = SQLITE_OK;

	if (!path)
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	printf("cache:   %s\n", path);
	printf("bound:   %llu MiB\n", (unsigned long long)((max_bytes ? max_bytes : CVET_CACHE_DEFAULT_BYTES) >> 20));
	if (lstat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
		printf("entries: 0 (no cache file yet)\n");
		free(path);
		return 0;
	}
	file = (long long)st.st_size;
	if ((wal = malloc(strlen(path) + 5))) {
		snprintf(wal, strlen(path) + 5, "%s-wal", path);
		if (lstat(wal, &st) == 0 && S_ISREG(st.st_mode))
			file += (long long)st.st_size;
		free(wal);
	}
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL) == SQLITE_OK) {
		sqlite3_busy_timeout(db, BUSY_MS);
		if (query_int(db, "PRAGMA application_id", &rc) != APP_ID || rc != SQLITE_OK ||
		    query_int(db, "PRAGMA user_version", &rc) != SCHEMA_VERSION || rc != SQLITE_OK)
			rc = SQLITE_NOTADB;
		if (rc == SQLITE_OK)
			entries = query_int(db, "SELECT count(*) FROM unit", &rc);
		if (rc == SQLITE_OK)
			bytes = query_int(db, "SELECT coalesce(sum(size), 0) FROM unit", &rc);
		if (rc == SQLITE_OK)
			hits = query_int(db, "SELECT value FROM stat WHERE name = 'hits'", &rc);
	} else {
		rc = SQLITE_CANTOPEN;
	}
	sqlite3_close(db);
	if (rc != SQLITE_OK) {
		printf("entries: unreadable (not a cvet cache of this version, or damaged: the next scan moves it aside)\n");
		printf("file:    %lld bytes\n", file);
		free(path);
		return 0;
	}
	printf("entries: %lld (%.1f MiB of results)\n", entries, (double)bytes / 1048576.0);
	printf("file:    %.1f MiB on disk\n", (double)file / 1048576.0);
	printf("hits:    %lld translation units taken from the cache since it was created\n", hits < 0 ? 0 : hits);
	free(path);
	return 0;
}

int cvet_cache__clear(const char *dir)
{
	static const char *const names[] = {DB_NAME, DB_NAME "-wal", DB_NAME "-shm", DB_NAME ".broken"};
	int error = 0;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		char *p = cvet_jobs__join(dir, names[i]);
		if (!p)
			return cvet_error_setc(CVET_ENOMEM, "out of memory");
		if (unlink(p) != 0 && errno != ENOENT && !error)
			error = cvet_error_setc(CVET_EIO, "cannot remove '%s': %s", p, strerror(errno));
		free(p);
	}
	return error;
}
