/* cache.h - the incremental cache: each translation unit's result, kept in SQLite and found again by a key */
#ifndef CVET_SCAN_CACHE_H
#define CVET_SCAN_CACHE_H

#include <stddef.h>
#include <stdint.h>
#include "common/sha256.h"
#include "scan/jobs.h"

/*
 * A unit's entry is keyed by the SHA-256 of: the run's context (cvet's executable identity and version,
 * libclang's version, the context bytes the driver gives: rules switched on, threat model, the config file's
 * bytes, roots, report root, exclusions, the environment libclang reads), the unit's main file, working
 * directory and effective compile arguments, and the main file's bytes. Its value is the unit's result as the
 * worker processes send it (scan/isolate.h: findings, endpoints, notes, project files touched, lowered functions)
 * and the list of every file libclang read for it with the SHA-256 of the bytes it parsed. A lookup re-hashes
 * each listed file (once per run); any difference or missing file is a miss. Correctness rests on content
 * hashes only, never on times or sizes.
 *
 * The advisory database is not part of any key: code results do not depend on it, and dependency results are
 * not cached (they are cheap).
 *
 * The file is <dir>/cache.db: WAL, a busy timeout, application_id and user_version checked on open. A file
 * that is not ours, of another schema version, or corrupt is moved aside to cache.db.broken and a fresh one
 * made, with one note; an entry whose bytes do not read back as a unit is a miss and is deleted. Entries beyond
 * the size bound are evicted, least recently used first, when the run ends. Every failure degrades to scanning
 * without the cache (one note), never to an error of the scan.
 */
typedef struct cvet_cache cvet_cache;

#define CVET_CACHE_DEFAULT_BYTES ((uint64_t)512 << 20)
#define CVET_CACHE_NOTE_BYTES 512

/*
 * Resolve the cache folder: dir when given (explicit), else $XDG_CACHE_HOME/cvet (when absolute), else
 * $HOME/.cache/cvet. *out is malloc'd; NULL when there is none (note set). Returns 0 or CVET_ENOMEM.
 */
int cvet_cache__dir(const char *dir, char **out, char *note, size_t notesz);

/*
 * Open (creating 0700 when missing) the cache in `dir`. A default folder (explicit == 0) inside one of the
 * scanned roots is refused; a folder that is a symbolic link, not owned by this user, writable by others or
 * not writable is refused. context/ncontext: the driver's bytes of the options that change a unit's result.
 * On any refusal or failure returns 0 with *out NULL and a one-line note; CVET_ENOMEM only for memory.
 */
int cvet_cache__open(const char *dir, int explicit_dir, char *const *roots, size_t nroots, uint64_t max_bytes,
		     const void *context, size_t ncontext, cvet_cache **out, char *note, size_t notesz);

/* The key of a job. 0, or -1 when its main file cannot be read (the job is then not cached). Thread-safe. */
int cvet_cache__key(cvet_cache *c, const cvet_job *job, unsigned char key[CVET_SHA256_BYTES]);

/*
 * Look a key up: 1 and the unit's bytes (*unit malloc'd, the caller frees) when the entry is there and every
 * file it lists still has the same bytes; 0 otherwise (a miss). Thread-safe.
 */
int cvet_cache__get(cvet_cache *c, const unsigned char key[CVET_SHA256_BYTES], unsigned char **unit, size_t *len);

/*
 * The whole-program part of a run (the flow analysis's findings) when every unit came from the cache: its key
 * is the SHA-256 of the sorted keys of all the units, so the same units give the same findings. get: 1 and the
 * bytes (malloc'd) on a hit, 0 on a miss; not counted as a unit hit. Thread-safe.
 */
int cvet_cache__get_program(cvet_cache *c, const unsigned char key[CVET_SHA256_BYTES], unsigned char **res,
			    size_t *len);
void cvet_cache__put_program(cvet_cache *c, const unsigned char key[CVET_SHA256_BYTES], const unsigned char *res,
			     size_t nres);

/* Forget an entry whose bytes did not read back as a unit. Thread-safe. */
void cvet_cache__drop(cvet_cache *c, const unsigned char key[CVET_SHA256_BYTES]);

/* Keep a unit's result (unit bytes and its list of inputs). Failures only disable the cache. Thread-safe. */
void cvet_cache__put(cvet_cache *c, const unsigned char key[CVET_SHA256_BYTES], const unsigned char *unit,
		     size_t nunit, const unsigned char *deps, size_t ndeps);

/* Units found in the cache, and units parsed, so far this run. */
void cvet_cache__counts(cvet_cache *c, size_t *hits, size_t *parsed);
void cvet_cache__count_parsed(cvet_cache *c);

/*
 * Record this run's uses, evict beyond the bound, close. The first note of the run (corruption, a failure that
 * disabled the cache) is copied into note (empty when none). Safe on NULL.
 */
void cvet_cache__close(cvet_cache *c, char *note, size_t notesz);

/* SHA-256 of a regular file's bytes (the config's, for the context). 0, or -1 when it cannot be read. */
int cvet_cache__hash_file(const char *path, unsigned char sha[CVET_SHA256_BYTES]);

/* `cvet cache status`: print path, entries, sizes and hits of the cache in dir to stdout. 0 or CVET_E*. */
int cvet_cache__status(const char *dir, uint64_t max_bytes);

/* `cvet cache clear`: remove the cache files in dir (only ours). 0 or CVET_EIO. */
int cvet_cache__clear(const char *dir);

#endif
