/* gitobj.h - read objects of a local git repository (loose and packed, SHA-1) without running git */
#ifndef CVET_DEPS_GITOBJ_H
#define CVET_DEPS_GITOBJ_H

#include <stddef.h>

#define CVET_GITOBJ_COMMIT 1
#define CVET_GITOBJ_TREE 2
#define CVET_GITOBJ_BLOB 3
#define CVET_GITOBJ_TAG 4

/*
 * The git directory of a checkout or a bare repository at `dir`: DIR/.git (a folder, or a file holding
 * "gitdir: PATH"), else DIR itself when it holds objects/ and HEAD. malloc'd, or NULL (no repository, or
 * out of memory).
 */
char *cvet_gitobj__git_dir(const char *dir);

/*
 * Read object `hex` (40 lower-case hex digits) from `gitdir`: a loose object, else one found through the
 * pack indexes (version 2) in objects/pack, with OFS_DELTA/REF_DELTA chains resolved (at most 64 deep).
 * Every size is untrusted and bounded: an object over `cap` bytes is refused. On success *type is a
 * CVET_GITOBJ_* value and *data (malloc'd, NUL-terminated, the caller frees) holds *len bytes.
 * Returns 0; CVET_ENOTFOUND when no loose object or pack holds it; CVET_EPARSE (damaged data) or
 * CVET_ELIMIT (over cap, chain too deep) with a one-line message; CVET_ENOMEM.
 */
int cvet_gitobj__read(const char *gitdir, const char *hex, size_t cap, int *type, unsigned char **data, size_t *len);

/*
 * The commit HEAD names (a detached HEAD, or a branch through refs/heads/... or packed-refs) into out[41].
 * Returns 0, or CVET_ENOTFOUND when it cannot be resolved.
 */
int cvet_gitobj__head(const char *gitdir, char out[41]);

/*
 * Follow `path` ("versions/baseline.json", components separated by '/') from commit `commit` through its
 * trees to a blob, read into *data and *len (malloc'd, at most `cap` bytes). Returns 0 or what
 * cvet_gitobj__read returns (CVET_ENOTFOUND also when a path component is missing), message set.
 */
int cvet_gitobj__file_at(const char *gitdir, const char *commit, const char *path, size_t cap, unsigned char **data,
			 size_t *len);

#endif
