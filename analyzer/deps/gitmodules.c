/* lockfile_gitmodules.c - .gitmodules plus pinned commits read from the git index (DIRC v2-v4) and tags from refs, without running git */
#include <dirent.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "advdb/advdb_int.h"
#include "deps/lockfile.h"

static const char ECO[] = "git-submodule";

#define MAX_SUBMODULES 10000
#define MAX_INDEX_PATH 4096
#define MAX_TAG_FILES 20000
#define GITFILE_CAP 4096
#define INDEX_CAP ((size_t)128 << 20) /* a large monorepo's index is tens of MiB */

typedef struct {
	char *name, *path, *url;
	unsigned line;  /* line of url (or of the section header) */
} submodule;

static void submodules_free(submodule *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(s[i].name);
		free(s[i].path);
		free(s[i].url);
	}
	free(s);
}

static int lower_eq(const char *a, size_t an, const char *b)
{
	if (strlen(b) != an)
		return 0;
	for (size_t i = 0; i < an; i++) {
		char c = a[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != b[i])
			return 0;
	}
	return 1;
}

/* Copy a git-config value: strip quotes and inline comments. */
static char *config_value(const char *v, size_t vl)
{
	char *out = malloc(vl + 1);
	size_t n = 0;
	int q = 0;
	if (!out)
		return NULL;
	for (size_t i = 0; i < vl; i++) {
		char c = v[i];
		if (c == '"') {
			q = !q;
			continue;
		}
		if (!q && (c == '#' || c == ';'))
			break;
		if (c == '\\' && i + 1 < vl) {
			char d = v[++i];
			c = d == 'n' ? '\n' : d == 't' ? '\t' : d;
		}
		out[n++] = c;
	}
	while (n && (out[n - 1] == ' ' || out[n - 1] == '\t'))
		n--;
	out[n] = '\0';
	return out;
}

/* Parse .gitmodules into a malloc'd array. */
static int parse_gitmodules(const char *display, const char *buf, size_t len, submodule **out, size_t *nout)
{
	submodule *v = NULL;
	size_t n = 0, cap = 0, pos = 0;
	unsigned line = 0;
	int err = 0;
	*out = NULL;
	*nout = 0;
	if (memchr(buf, '\0', len))
		return cvet_error_setc(CVET_EPARSE, "%s: binary data (NUL byte) in .gitmodules", display);
	submodule *cur = NULL;
	const char *s;
	size_t ll;
	while (cvet_lockfile__next_line(buf, len, &pos, &s, &ll)) {
		line++;
		if (ll == 0 || *s == '#' || *s == ';')
			continue;
		if (*s == '[') {
			cur = NULL;
			const char *close = memchr(s, ']', ll);
			if (!close) {
				err = cvet_error_setc(CVET_EPARSE, "%s: line %u: unterminated section header", display, line);
				goto fail;
			}
			if (ll > 10 && lower_eq(s + 1, 9, "submodule") && (s[10] == ' ' || s[10] == '\t')) {
				const char *q1 = memchr(s, '"', (size_t)(close - s));
				const char *q2 = q1 ? memchr(q1 + 1, '"', (size_t)(close - q1 - 1)) : NULL;
				if (!q1 || !q2) {
					err = cvet_error_setc(CVET_EPARSE, "%s: line %u: submodule section without a quoted name",
							      display, line);
					goto fail;
				}
				if (n >= MAX_SUBMODULES) {
					err = cvet_error_setc(CVET_ELIMIT, "%s: more than %d submodules", display, MAX_SUBMODULES);
					goto fail;
				}
				if (n == cap) {
					size_t nc = cap ? cap * 2 : 16;
					submodule *nv = reallocarray(v, nc, sizeof(*nv));
					if (!nv) {
						err = cvet_error_setc(CVET_ENOMEM, "out of memory");
						goto fail;
					}
					v = nv;
					cap = nc;
				}
				cur = &v[n++];
				memset(cur, 0, sizeof(*cur));
				cur->line = line;
				if (!(cur->name = cvet_lockfile__strndup(q1 + 1, (size_t)(q2 - q1 - 1)))) {
					err = cvet_error_setc(CVET_ENOMEM, "out of memory");
					goto fail;
				}
			}
			continue;
		}
		if (!cur)
			continue;
		size_t kl, vl;
		const char *val;
		if (!cvet_lockfile__split_kv(s, ll, &kl, &val, &vl))
			continue;
		if (vl > CVET_LF_MAX_STR) {
			err = cvet_error_setc(CVET_EPARSE, "%s: line %u: value longer than %d bytes", display, line,
					      CVET_LF_MAX_STR);
			goto fail;
		}
		char **slot = lower_eq(s, kl, "path") ? &cur->path : lower_eq(s, kl, "url") ? &cur->url : NULL;
		if (!slot)
			continue;
		free(*slot);
		if (!(*slot = config_value(val, vl))) {
			err = cvet_error_setc(CVET_ENOMEM, "out of memory");
			goto fail;
		}
		if (slot == &cur->url)
			cur->line = line;
	}
	*out = v;
	*nout = n;
	return 0;
fail:
	submodules_free(v, n);
	return err;
}

int cvet_lockfile__gitmodules_paths(const char *display, const char *buf, size_t len, char ***out, size_t *nout)
{
	submodule *sm = NULL;
	size_t nsm = 0, n = 0;
	char **v = NULL;
	int err;

	*out = NULL;
	*nout = 0;
	if ((err = parse_gitmodules(display, buf, len, &sm, &nsm)) < 0)
		return err;
	if (nsm && !(v = calloc(nsm, sizeof(*v)))) {
		err = cvet_error_setc(CVET_ENOMEM, "out of memory");
		goto done;
	}
	for (size_t i = 0; i < nsm; i++) {
		const char *p = sm[i].path ? sm[i].path : sm[i].name;
		if (!p || !*p)
			continue;
		if (!(v[n] = cvet_lockfile__strdup(p))) {
			err = cvet_error_setc(CVET_ENOMEM, "out of memory");
			goto done;
		}
		n++;
	}
	*out = v;
	*nout = n;
	v = NULL;
done:
	for (size_t i = 0; v && i < n; i++)
		free(v[i]);
	free(v);
	submodules_free(sm, nsm);
	return err;
}

/* ---- the index ---- */

static uint32_t be32(const unsigned char *p)
{
	return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}

void cvet_lockfile__gitlinks_free(cvet_lf_gitlink *g, size_t n)
{
	for (size_t i = 0; g && i < n; i++)
		free(g[i].path);
	free(g);
}

static void hex(const unsigned char *h, size_t n, char *out)
{
	static const char digits[] = "0123456789abcdef";
	for (size_t i = 0; i < n; i++) {
		out[2 * i] = digits[h[i] >> 4];
		out[2 * i + 1] = digits[h[i] & 15];
	}
	out[2 * n] = '\0';
}

int cvet_lockfile__git_index_gitlinks(const unsigned char *buf, size_t len, size_t hash_len, cvet_lf_gitlink **out,
				      size_t *nout)
{
	*out = NULL;
	*nout = 0;
	if (hash_len != 20 && hash_len != 32)
		return cvet_error_setc(CVET_EPARSE, "git index: unsupported hash length %zu", hash_len);
	if (len < 12 + hash_len || memcmp(buf, "DIRC", 4) != 0)
		return cvet_error_setc(CVET_EPARSE, "git index: not an index file (no DIRC signature)");
	uint32_t version = be32(buf + 4), count = be32(buf + 8);
	if (version < 2 || version > 4)
		return cvet_error_setc(CVET_EPARSE, "git index: unsupported version %u", (unsigned)version);
	size_t end = len - hash_len; /* trailing checksum */
	size_t fixed = 40 + hash_len + 2;
	/* smallest possible entry: a one-byte path (v2/v3: NUL-padded to a multiple of 8; v4: varint + NUL) */
	size_t min_entry = version == 4 ? fixed + 2 : (fixed + 1 + 8) & ~(size_t)7;
	if ((size_t)count > (end - 12) / min_entry)
		return cvet_error_setc(CVET_EPARSE, "git index: claims %u entries, more than the file can hold",
				       (unsigned)count);
	cvet_lf_gitlink *g = NULL;
	size_t ng = 0, cg = 0;
	char prev[MAX_INDEX_PATH + 1] = "";
	size_t prevlen = 0;
	size_t off = 12;
	int err = 0;
	for (uint32_t i = 0; i < count; i++) {
		if (off + fixed > end) {
			err = cvet_error_setc(CVET_EPARSE, "git index: ends inside entry %u of %u", (unsigned)i, (unsigned)count);
			goto fail;
		}
		const unsigned char *e = buf + off;
		uint32_t mode = be32(e + 24);
		const unsigned char *hash = e + 40;
		unsigned flags = ((unsigned)e[40 + hash_len] << 8) | e[40 + hash_len + 1];
		size_t hdr = fixed;
		if (flags & 0x4000) {
			if (version < 3) {
				err = cvet_error_setc(CVET_EPARSE, "git index: entry %u has extended flags in a version 2 index",
						      (unsigned)i);
				goto fail;
			}
			hdr += 2;
		}
		if (off + hdr > end) {
			err = cvet_error_setc(CVET_EPARSE, "git index: ends inside entry %u", (unsigned)i);
			goto fail;
		}
		size_t namelen = flags & 0xFFF;
		char path[MAX_INDEX_PATH + 1];
		size_t pathlen;
		size_t p = off + hdr;
		if (version == 4) {
			/* varint: bytes to drop from the previous path, then the NUL-terminated suffix */
			uint64_t strip = 0;
			unsigned char c;
			int nbytes = 0;
			do {
				if (p >= end || ++nbytes > 5) {
					err = cvet_error_setc(CVET_EPARSE, "git index: bad path prefix length in entry %u",
							      (unsigned)i);
					goto fail;
				}
				c = buf[p++];
				strip = nbytes == 1 ? (uint64_t)(c & 127) : ((strip + 1) << 7) | (c & 127);
			} while (c & 128);
			if (strip > prevlen) {
				err = cvet_error_setc(CVET_EPARSE, "git index: entry %u strips %llu bytes from a %zu-byte path",
						      (unsigned)i, (unsigned long long)strip, prevlen);
				goto fail;
			}
			const unsigned char *nul = memchr(buf + p, '\0', end - p);
			if (!nul) {
				err = cvet_error_setc(CVET_EPARSE, "git index: unterminated path in entry %u", (unsigned)i);
				goto fail;
			}
			size_t sl = (size_t)(nul - (buf + p));
			size_t keep = prevlen - (size_t)strip;
			if (keep + sl > MAX_INDEX_PATH) {
				err = cvet_error_setc(CVET_EPARSE, "git index: path longer than %d bytes in entry %u",
						      MAX_INDEX_PATH, (unsigned)i);
				goto fail;
			}
			memcpy(path, prev, keep);
			memcpy(path + keep, buf + p, sl);
			pathlen = keep + sl;
			path[pathlen] = '\0';
			if (namelen < 0xFFF && namelen != pathlen) {
				err = cvet_error_setc(CVET_EPARSE, "git index: entry %u name length %zu does not match its path",
						      (unsigned)i, namelen);
				goto fail;
			}
			off = (size_t)(nul - buf) + 1;
		} else {
			const unsigned char *nul = memchr(buf + p, '\0', end - p);
			if (!nul) {
				err = cvet_error_setc(CVET_EPARSE, "git index: unterminated path in entry %u", (unsigned)i);
				goto fail;
			}
			pathlen = (size_t)(nul - (buf + p));
			if ((namelen < 0xFFF && namelen != pathlen) || pathlen > MAX_INDEX_PATH) {
				err = cvet_error_setc(CVET_EPARSE, "git index: entry %u name length %zu does not match its path",
						      (unsigned)i, namelen);
				goto fail;
			}
			memcpy(path, buf + p, pathlen);
			path[pathlen] = '\0';
			size_t entry = (hdr + pathlen + 8) & ~(size_t)7;
			if (off + entry > end) {
				err = cvet_error_setc(CVET_EPARSE, "git index: entry %u runs past the end of the file", (unsigned)i);
				goto fail;
			}
			off += entry;
		}
		memcpy(prev, path, pathlen + 1);
		prevlen = pathlen;
		if ((mode & 0170000) != 0160000)
			continue;
		if (ng == cg) {
			size_t nc = cg ? cg * 2 : 8;
			cvet_lf_gitlink *ngl = reallocarray(g, nc, sizeof(*ngl));
			if (!ngl) {
				err = cvet_error_setc(CVET_ENOMEM, "out of memory");
				goto fail;
			}
			g = ngl;
			cg = nc;
		}
		if (!(g[ng].path = cvet_lockfile__strndup(path, pathlen))) {
			err = cvet_error_setc(CVET_ENOMEM, "out of memory");
			goto fail;
		}
		hex(hash, hash_len, g[ng].commit);
		ng++;
	}
	*out = g;
	*nout = ng;
	return 0;
fail:
	cvet_lockfile__gitlinks_free(g, ng);
	return err;
}

/* ---- locating the git directory ---- */

static int is_dir(const char *p)
{
	struct stat st;
	return lstat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static int inside(const char *real, const char *limit)
{
	size_t n = strlen(limit);
	if (n == 1 && limit[0] == '/')
		return 1;
	return strncmp(real, limit, n) == 0 && (real[n] == '/' || real[n] == '\0');
}

/*
 * Resolve <dir>/.git to a git directory: a directory, or a "gitdir: <path>" file followed once. The
 * result must stay inside `limit` (a real path) - whether it got out through a "gitdir:" line or
 * because `dir` itself is reached through a symbolic link. Returns a malloc'd real path, or NULL with
 * *why set.
 */
static char *find_git_dir(const char *dir, const char *limit, const char **why, char *whybuf, size_t whysz)
{
	char *dotgit = cvet_lockfile__printf("%s/.git", dir);
	char real[PATH_MAX];
	struct stat st;
	char *result = NULL;
	*why = NULL;
	if (!dotgit) {
		*why = "out of memory";
		return NULL;
	}
	if (lstat(dotgit, &st) < 0) {
		*why = "no .git directory";
		goto done;
	}
	if (S_ISDIR(st.st_mode)) {
		if (!realpath(dotgit, real))
			*why = "the .git directory does not resolve";
		else if (!inside(real, limit))
			*why = "the .git directory lies outside the scanned tree (reached through a symbolic link; not followed)";
		else
			result = cvet_lockfile__strdup(real);
		goto done;
	}
	if (!S_ISREG(st.st_mode)) {
		*why = S_ISLNK(st.st_mode) ? ".git is a symbolic link (not followed)"
					   : ".git is neither a directory nor a gitdir file";
		goto done;
	}
	char *text = NULL;
	size_t len = 0;
	if (cvet_lockfile__read_file_in(limit, dotgit, ".git", GITFILE_CAP, &text, &len) < 0) {
		snprintf(whybuf, whysz, ".git file unreadable: %s", cvet_error_last());
		*why = whybuf;
		goto done;
	}
	if (len < 8 || strncmp(text, "gitdir:", 7) != 0 || memchr(text, '\0', len)) {
		*why = ".git file does not start with 'gitdir:'";
		free(text);
		goto done;
	}
	char *g = text + 7;
	while (*g == ' ' || *g == '\t')
		g++;
	size_t gl = strcspn(g, "\r\n");
	g[gl] = '\0';
	char *target = g[0] == '/' ? cvet_lockfile__strdup(g) : cvet_lockfile__printf("%s/%s", dir, g);
	free(text);
	if (!target) {
		*why = "out of memory";
		goto done;
	}
	if (!realpath(target, real) || !is_dir(real)) {
		*why = "the gitdir named in the .git file does not exist";
	} else if (!inside(real, limit)) {
		*why = "the gitdir named in the .git file lies outside the scanned tree (not followed)";
	} else {
		result = cvet_lockfile__strdup(real);
	}
	free(target);
done:
	free(dotgit);
	return result;
}

/* ---- the per-scan cache of what was read from git directories ---- */

/*
 * Many .gitmodules files (and many submodules) can share one git directory: the index and the tags of
 * a repository are read and parsed once, kept here, and looked up by binary search. A few repositories
 * are kept (the most recent CACHE_SLOTS of each kind), and all git data read in one scan is bounded by
 * GIT_READ_BUDGET, so neither memory nor time grows with the number of submodules.
 */
#define CACHE_SLOTS 16
#define GIT_READ_BUDGET ((size_t)1 << 30)
#define MAX_PEELS 500        /* loose annotated tag objects opened per repository */
#define PACKED_REFS_CAP (8u << 20)

typedef struct {
	char *name;
	char sha[65]; /* what the tag names; the commit once peeled */
	int peeled;   /* sha is already the commit (a "^" line in packed-refs) */
} tagref;

typedef struct {
	char *gitdir;   /* real path; NULL = free slot */
	tagref *v;      /* sorted by sha, then preference (see tag_order) */
	size_t n, cap;
} tag_repo;

typedef struct {
	char *gitdir;           /* real path; NULL = free slot */
	cvet_lf_gitlink *links; /* sorted by path */
	size_t n;
	char *why;              /* why the index gave nothing, or NULL */
	size_t files;           /* files read for it (counted into extra_files on every use) */
} index_repo;

struct cvet_lf_gitcache {
	tag_repo tags[CACHE_SLOTS];
	size_t next_tags;
	index_repo idx[CACHE_SLOTS];
	size_t next_idx;
	size_t bytes;     /* git data read in this scan, against GIT_READ_BUDGET */
	int budget_noted;
};

int cvet_lockfile__gitcache_new(cvet_lf_gitcache **out)
{
	*out = calloc(1, sizeof(**out));
	return *out ? 0 : cvet_error_setc(CVET_ENOMEM, "out of memory");
}

static void tag_repo_clear(tag_repo *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->v[i].name);
	free(t->v);
	free(t->gitdir);
	memset(t, 0, sizeof(*t));
}

static void index_repo_clear(index_repo *r)
{
	cvet_lockfile__gitlinks_free(r->links, r->n);
	free(r->gitdir);
	free(r->why);
	memset(r, 0, sizeof(*r));
}

void cvet_lockfile__gitcache_free(cvet_lf_gitcache *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < CACHE_SLOTS; i++) {
		tag_repo_clear(&c->tags[i]);
		index_repo_clear(&c->idx[i]);
	}
	free(c);
}

/* Room for `n` more bytes of git data in this scan's budget; says so once when it runs out. */
static int budget_allows(cvet_lf_gitcache *c, size_t n, cvet_lf_list *out)
{
	if (c->bytes + n <= GIT_READ_BUDGET && c->bytes + n >= c->bytes) {
		c->bytes += n;
		return 1;
	}
	if (!c->budget_noted++)
		cvet_lockfile__note(out, "more than %zu MiB of git data read: tags of further submodules were not looked up",
				    GIT_READ_BUDGET >> 20);
	return 0;
}

/* Read a git file of at most `cap` bytes inside `limit`, counted against the budget. 0 or <0. */
static int read_git_file(cvet_lf_gitcache *c, const char *limit, const char *path, const char *display, size_t cap,
			 char **buf, size_t *len, cvet_lf_list *out)
{
	struct stat st;
	*buf = NULL;
	*len = 0;
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && !budget_allows(c, (size_t)st.st_size, out))
		return cvet_error_setc(CVET_ELIMIT, "git data budget spent");
	return cvet_lockfile__read_file_in(limit, path, display, cap, buf, len);
}

static void tag_add(tag_repo *t, const char *name, size_t nl, const char *sha, size_t sl, int peeled)
{
	if (t->n >= MAX_TAG_FILES || sl > 64 || nl == 0 || nl > 255)
		return;
	if (t->n == t->cap) {
		size_t nc = t->cap ? t->cap * 2 : 32;
		tagref *nv = reallocarray(t->v, nc, sizeof(*nv));
		if (!nv)
			return;
		t->v = nv;
		t->cap = nc;
	}
	char *n = cvet_lockfile__strndup(name, nl);
	if (!n)
		return;
	t->v[t->n].name = n;
	memcpy(t->v[t->n].sha, sha, sl);
	t->v[t->n].sha[sl] = '\0';
	t->v[t->n].peeled = peeled;
	t->n++;
}

/* Lower-case hex digits at the start of s[0..n): bounded by the line, never by the buffer's NUL, so
 * scanning a large file line by line stays linear. */
static size_t hex_span(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && ((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
		i++;
	return i;
}

/* packed-refs: "<sha> refs/tags/<name>" lines, each optionally followed by "^<peeled sha>". */
static void read_packed_refs(cvet_lf_gitcache *c, const char *limit, const char *gitdir, tag_repo *t,
			     cvet_lf_list *out)
{
	char *path = cvet_lockfile__printf("%s/packed-refs", gitdir);
	char *buf = NULL;
	size_t len = 0;
	if (!path)
		return;
	if (cvet_lockfile__outside(limit, path)) {
		cvet_lockfile__note(out, "skipped %s: it leads outside the scanned tree (a symbolic link; not followed)", path);
		free(path);
		return;
	}
	if (read_git_file(c, limit, path, path, PACKED_REFS_CAP, &buf, &len, out) < 0) {
		free(path);
		return;
	}
	out->extra_files++;
	size_t pos = 0;
	size_t last_tag = SIZE_MAX;
	while (pos < len) {
		const char *s = buf + pos;
		const char *nl = memchr(s, '\n', len - pos);
		size_t ll = nl ? (size_t)(nl - s) : len - pos;
		pos += ll + (nl ? 1 : 0);
		while (ll && s[ll - 1] == '\r')
			ll--;
		if (ll > 41 && s[0] == '^' && last_tag != SIZE_MAX) {
			size_t sl = hex_span(s + 1, ll - 1);
			if ((sl == 40 || sl == 64) && last_tag < t->n) {
				/* peeled: the commit an annotated tag points at */
				memcpy(t->v[last_tag].sha, s + 1, sl);
				t->v[last_tag].sha[sl] = '\0';
				t->v[last_tag].peeled = 1;
			}
			continue;
		}
		last_tag = SIZE_MAX;
		size_t sl = hex_span(s, ll);
		if ((sl != 40 && sl != 64) || ll < sl + 12 || s[sl] != ' ' || strncmp(s + sl + 1, "refs/tags/", 10) != 0)
			continue;
		size_t before = t->n;
		tag_add(t, s + sl + 11, ll - sl - 11, s, sl, 0);
		if (t->n > before)
			last_tag = before;
	}
	free(buf);
	free(path);
}

/* Loose refs/tags/<name> files (up to three levels of sub-directories), never through a link. */
static void read_loose_tags(cvet_lf_gitcache *c, const char *limit, const char *dir, const char *prefix, int depth,
			    tag_repo *t, size_t *budget, cvet_lf_list *out)
{
	DIR *d = cvet_lockfile__opendir_in(limit, dir);
	struct dirent *de;
	if (!d)
		return;
	while ((de = readdir(d)) != NULL && *budget > 0) {
		if (de->d_name[0] == '.')
			continue;
		(*budget)--;
		char *p = cvet_lockfile__printf("%s/%s", dir, de->d_name);
		char *name = cvet_lockfile__printf("%s%s", prefix, de->d_name);
		struct stat st;
		if (p && name && lstat(p, &st) == 0) {
			if (S_ISDIR(st.st_mode) && depth < 3) {
				char *np = cvet_lockfile__printf("%s/", name);
				if (np)
					read_loose_tags(c, limit, p, np, depth + 1, t, budget, out);
				free(np);
			} else if (S_ISREG(st.st_mode) && st.st_size <= 200) {
				char *buf = NULL;
				size_t len = 0;
				if (read_git_file(c, limit, p, p, 200, &buf, &len, out) == 0) {
					size_t sl = strspn(buf, "0123456789abcdef");
					if (sl == 40 || sl == 64)
						tag_add(t, name, strlen(name), buf, sl, 0);
					free(buf);
				}
			}
		}
		free(p);
		free(name);
	}
	closedir(d);
}

/* A submodule name is used as a path below modules/: refuse anything that could climb out. */
static int safe_component_path(const char *s)
{
	if (!s[0] || s[0] == '/' || strlen(s) > 1024)
		return 0;
	for (const char *p = s; *p; p++) {
		if (p[0] == '.' && p[1] == '.' && (p == s || p[-1] == '/') && (p[2] == '/' || p[2] == '\0'))
			return 0;
		if ((unsigned char)*p < 32)
			return 0;
	}
	return 1;
}

/*
 * Peel a loose annotated tag object: objects/xx/yyyy is a zlib stream (2-byte header, raw DEFLATE,
 * Adler-32) holding "tag <size>\0object <sha>\ntype commit\n...". Writes the target into out[65] and
 * returns 1, or 0 when the object is absent (e.g. packed), not a tag, or malformed.
 */
static int peel_loose_tag(cvet_lf_gitcache *c, const char *limit, const char *gitdir, const char *sha, char out[65],
			  cvet_lf_list *list)
{
	size_t sl = strlen(sha);
	if (sl != 40 && sl != 64)
		return 0;
	char *path = cvet_lockfile__printf("%s/objects/%.2s/%s", gitdir, sha, sha + 2);
	char *buf = NULL;
	size_t len = 0;
	unsigned char *obj = NULL;
	size_t olen = 0;
	int ok = 0;
	if (!path || read_git_file(c, limit, path, path, 64u << 10, &buf, &len, list) < 0 || len < 6)
		goto done;
	unsigned char cmf = (unsigned char)buf[0], flg = (unsigned char)buf[1];
	if ((cmf & 0x0F) != 8 || ((cmf << 8) | flg) % 31 != 0 || (flg & 0x20))
		goto done;
	if (cvet_inflate__raw((const unsigned char *)buf + 2, len - 2, 256u << 10, &obj, &olen) < 0)
		goto done;
	if (olen < 12 || strncmp((const char *)obj, "tag ", 4) != 0)
		goto done;
	const unsigned char *nul = memchr(obj, '\0', olen);
	if (!nul || (size_t)(nul - obj) + 8 > olen || strncmp((const char *)nul + 1, "object ", 7) != 0)
		goto done;
	const char *t = (const char *)nul + 8;
	size_t avail = olen - (size_t)(nul + 8 - obj);
	size_t hl = 0;
	while (hl < avail && hl < 64 && ((t[hl] >= '0' && t[hl] <= '9') || (t[hl] >= 'a' && t[hl] <= 'f')))
		hl++;
	if (hl == 40 || hl == 64) {
		memcpy(out, t, hl);
		out[hl] = '\0';
		ok = 1;
	}
done:
	free(obj);
	free(buf);
	free(path);
	return ok;
}

/* Order of tags: by commit, then names with a digit (they look like versions) first, then by name. */
static int tag_order(const void *a, const void *b)
{
	const tagref *x = a, *y = b;
	int c = strcmp(x->sha, y->sha);
	if (c)
		return c;
	int dx = strpbrk(x->name, "0123456789") != NULL, dy = strpbrk(y->name, "0123456789") != NULL;
	if (dx != dy)
		return dy - dx;
	return strcmp(x->name, y->name);
}

/* The tags of the git dir `smgit`, read once per scan (cached). NULL only when memory runs out. */
static const tag_repo *repo_tags(cvet_lf_gitcache *c, const char *limit, const char *smgit, cvet_lf_list *out)
{
	for (size_t i = 0; i < CACHE_SLOTS; i++)
		if (c->tags[i].gitdir && strcmp(c->tags[i].gitdir, smgit) == 0)
			return &c->tags[i];
	tag_repo *t = &c->tags[c->next_tags++ % CACHE_SLOTS];
	tag_repo_clear(t);
	if (!(t->gitdir = cvet_lockfile__strdup(smgit)))
		return NULL;
	read_packed_refs(c, limit, smgit, t, out);
	char *loose = cvet_lockfile__printf("%s/refs/tags", smgit);
	size_t budget = MAX_TAG_FILES;
	if (loose)
		read_loose_tags(c, limit, loose, "", 0, t, &budget, out);
	free(loose);
	/* an annotated tag names a tag object: peel a bounded number of loose ones, once */
	size_t peels = 0;
	for (size_t i = 0; i < t->n && peels < MAX_PEELS; i++) {
		char target[65];
		if (t->v[i].peeled)
			continue;
		peels++;
		if (peel_loose_tag(c, limit, smgit, t->v[i].sha, target, out))
			memcpy(t->v[i].sha, target, sizeof(target));
	}
	if (t->n > 1)
		qsort(t->v, t->n, sizeof(*t->v), tag_order);
	return t;
}

/* The preferred tag at `commit` (lent from the cache), or NULL. */
static const char *tag_at(const tag_repo *t, const char *commit)
{
	size_t lo = 0, hi = t->n;
	while (lo < hi) { /* first entry whose sha is not below commit */
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(t->v[mid].sha, commit) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < t->n && strcmp(t->v[lo].sha, commit) == 0 ? t->v[lo].name : NULL;
}

static int object_hash_len(cvet_lf_gitcache *c, const char *limit, const char *gitdir, cvet_lf_list *out)
{
	char *path = cvet_lockfile__printf("%s/config", gitdir);
	char *buf = NULL;
	size_t len = 0;
	int n = 20;
	if (path && read_git_file(c, limit, path, path, 1u << 20, &buf, &len, out) == 0) {
		for (char *p = buf; (p = strstr(p, "bjectformat")) != NULL; p++) {
			char *q = p + 11;
			while (*q == ' ' || *q == '\t' || *q == '=')
				q++;
			if (strncmp(q, "sha256", 6) == 0)
				n = 32;
		}
		free(buf);
	}
	free(path);
	return n;
}

static int link_order(const void *a, const void *b)
{
	return strcmp(((const cvet_lf_gitlink *)a)->path, ((const cvet_lf_gitlink *)b)->path);
}

/* The gitlinks of the index of `gitdir`, read once per scan (cached). NULL only when memory runs out. */
static const index_repo *repo_index(cvet_lf_gitcache *c, const char *limit, const char *gitdir, cvet_lf_list *out)
{
	for (size_t i = 0; i < CACHE_SLOTS; i++)
		if (c->idx[i].gitdir && strcmp(c->idx[i].gitdir, gitdir) == 0)
			return &c->idx[i];
	index_repo *r = &c->idx[c->next_idx++ % CACHE_SLOTS];
	index_repo_clear(r);
	if (!(r->gitdir = cvet_lockfile__strdup(gitdir)))
		return NULL;
	int hash_len = object_hash_len(c, limit, gitdir, out);
	char *ipath = cvet_lockfile__printf("%s/index", gitdir);
	char *ibuf = NULL;
	size_t ilen = 0;
	if (!ipath)
		return NULL;
	if (read_git_file(c, limit, ipath, "git index", INDEX_CAP, &ibuf, &ilen, out) < 0) {
		r->why = cvet_lockfile__strdup(cvet_error_last());
	} else {
		r->files++;
		if (cvet_lockfile__git_index_gitlinks((const unsigned char *)ibuf, ilen, (size_t)hash_len, &r->links,
						      &r->n) < 0)
			r->why = cvet_lockfile__strdup(cvet_error_last());
		else if (r->n > 1)
			qsort(r->links, r->n, sizeof(*r->links), link_order);
	}
	free(ibuf);
	free(ipath);
	return r;
}

static const cvet_lf_gitlink *link_at(const index_repo *r, const char *path)
{
	cvet_lf_gitlink key;
	key.path = (char *)path;
	return r->n ? bsearch(&key, r->links, r->n, sizeof(*r->links), link_order) : NULL;
}

int cvet_lockfile__gitmodules(const char *repo_dir, const char *limit_dir, cvet_lf_gitcache *cache,
			      const char *display, const char *buf, size_t len, cvet_lf_list *out)
{
	submodule *sm = NULL;
	size_t nsm = 0;
	int err = parse_gitmodules(display, buf, len, &sm, &nsm);
	if (err < 0)
		return err;
	cvet_lf_gitcache *own = NULL;
	const index_repo *ir = NULL;
	char *gitdir = NULL;
	const char *why = NULL;
	char whybuf[300];
	char limit_real[PATH_MAX];
	if (nsm == 0)
		goto done;
	if (!cache) {
		if ((err = cvet_lockfile__gitcache_new(&own)) < 0)
			goto done;
		cache = own;
	}
	if (!limit_dir || !realpath(limit_dir, limit_real)) {
		if (!realpath(repo_dir, limit_real))
			snprintf(limit_real, sizeof(limit_real), "%s", repo_dir);
	}
	gitdir = find_git_dir(repo_dir, limit_real, &why, whybuf, sizeof(whybuf));
	if (gitdir) {
		if (!(ir = repo_index(cache, limit_real, gitdir, out))) {
			err = cvet_error_setc(CVET_ENOMEM, "out of memory");
			goto done;
		}
		out->extra_files += ir->files;
		if (ir->why) {
			snprintf(whybuf, sizeof(whybuf), "%s", ir->why);
			why = whybuf;
		}
	}
	if (why) {
		/* name the submodules (the first few, then how many more) */
		char names[400];
		size_t used = 0, listed = 0;
		names[0] = '\0';
		for (size_t i = 0; i < nsm; i++) {
			size_t nl = strlen(sm[i].name);
			if (used + nl + 3 > sizeof(names) - 24)
				break;
			int w = snprintf(names + used, sizeof(names) - used, "%s%s", i ? ", " : "", sm[i].name);
			if (w < 0)
				break;
			used += (size_t)w;
			listed++;
		}
		if (listed < nsm)
			snprintf(names + used, sizeof(names) - used, " and %zu more", nsm - listed);
		cvet_lockfile__note(out, "%s: pinned commits of submodule%s %s unknown: %s", display, nsm == 1 ? "" : "s",
				    names, why);
	}
	for (size_t i = 0; i < nsm; i++) {
		submodule *s = &sm[i];
		if (!s->url) {
			cvet_lockfile__note(out, "%s: submodule '%.100s' has no url; skipped", display, s->name);
			continue;
		}
		char *name = cvet_lockfile__url_basename(s->url);
		cvet_lf_pkg *p;
		err = cvet_lockfile__add(out, ECO, name && *name ? name : s->name, NULL, s->line, &p);
		free(name);
		if (err < 0)
			goto done;
		if (!(p->repo = cvet_lockfile__github_repo(s->url)))
			p->repo = cvet_lockfile__strdup(s->url);
		const char *path = s->path ? s->path : s->name;
		const cvet_lf_gitlink *gl = ir ? link_at(ir, path) : NULL;
		if (!gl) {
			if (!why)
				p->detail = cvet_lockfile__printf("no gitlink for '%.200s' in the git index", path);
			continue;
		}
		p->commit = cvet_lockfile__strdup(gl->commit);
		/* a tag at that commit gives a version */
		char *smgit = NULL;
		if (safe_component_path(s->name)) {
			char *cand = cvet_lockfile__printf("%s/modules/%s", gitdir, s->name);
			char real[PATH_MAX];
			if (cand && realpath(cand, real) && inside(real, gitdir))
				smgit = cvet_lockfile__strdup(real);
			else if (cand && cvet_lockfile__outside(gitdir, cand))
				cvet_lockfile__note(out, "%s: skipped the git data of submodule '%.100s': modules/%.100s leads "
						    "outside the repository (a symbolic link; not followed)", display, s->name, s->name);
			free(cand);
		}
		if (!smgit && safe_component_path(path)) {
			char *wt = cvet_lockfile__printf("%s/%s", repo_dir, path);
			const char *w2 = NULL;
			char wb[300];
			if (wt)
				smgit = find_git_dir(wt, limit_real, &w2, wb, sizeof(wb));
			if (!smgit && w2 && strstr(w2, "outside"))
				cvet_lockfile__note(out, "%s: skipped the git data of submodule '%.100s': %s", display, s->name, w2);
			free(wt);
		}
		if (smgit) {
			const tag_repo *t = repo_tags(cache, limit_real, smgit, out);
			const char *tag = t ? tag_at(t, gl->commit) : NULL;
			free(smgit);
			if (!t) {
				err = cvet_error_setc(CVET_ENOMEM, "out of memory");
				goto done;
			}
			if (tag && !(p->tag = cvet_lockfile__strdup(tag))) {
				err = cvet_error_setc(CVET_ENOMEM, "out of memory");
				goto done;
			}
		}
		if (p->repo && strchr(p->repo, '/') && !strstr(p->repo, "://") && !strchr(p->repo, '@'))
			p->purl = cvet_lockfile__printf("pkg:github/%s@%s", p->repo, gl->commit);
		p->detail = cvet_lockfile__printf("pinned at %.12s in the git index%s%s", gl->commit, p->tag ? ", tag " : "",
						  p->tag ? p->tag : "");
	}
done:
	free(gitdir);
	cvet_lockfile__gitcache_free(own);
	submodules_free(sm, nsm);
	return err;
}
