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
 * result must stay inside `limit` (a real path). Returns a malloc'd real path, or NULL with *why set.
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
		if (realpath(dotgit, real))
			result = cvet_lockfile__strdup(real);
		goto done;
	}
	if (!S_ISREG(st.st_mode)) {
		*why = ".git is neither a directory nor a gitdir file";
		goto done;
	}
	char *text = NULL;
	size_t len = 0;
	if (cvet_lockfile__read_file(dotgit, ".git", GITFILE_CAP, &text, &len) < 0) {
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

/* ---- tags ---- */

typedef struct {
	char *name;
	char sha[65];
} tagref;

typedef struct {
	tagref *v;
	size_t n, cap;
} tagrefs;

static void tags_free(tagrefs *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->v[i].name);
	free(t->v);
	memset(t, 0, sizeof(*t));
}

static void tag_add(tagrefs *t, const char *name, size_t nl, const char *sha, size_t sl)
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
	t->n++;
}

/* packed-refs: "<sha> refs/tags/<name>" lines, each optionally followed by "^<peeled sha>". */
static void read_packed_refs(const char *gitdir, tagrefs *t, cvet_lf_list *out)
{
	char *path = cvet_lockfile__printf("%s/packed-refs", gitdir);
	char *buf = NULL;
	size_t len = 0;
	if (!path || cvet_lockfile__read_file(path, path, 8u << 20, &buf, &len) < 0) {
		free(path);
		return;
	}
	out->extra_files++;
	size_t pos = 0;
	int last_tag = -1;
	while (pos < len) {
		const char *s = buf + pos;
		const char *nl = memchr(s, '\n', len - pos);
		size_t ll = nl ? (size_t)(nl - s) : len - pos;
		pos += ll + (nl ? 1 : 0);
		while (ll && s[ll - 1] == '\r')
			ll--;
		if (ll > 41 && s[0] == '^' && last_tag >= 0) {
			size_t sl = strspn(s + 1, "0123456789abcdef");
			if ((sl == 40 || sl == 64) && (size_t)last_tag < t->n) {
				/* peeled: the commit an annotated tag points at */
				memcpy(t->v[last_tag].sha, s + 1, sl);
				t->v[last_tag].sha[sl] = '\0';
			}
			continue;
		}
		last_tag = -1;
		size_t sl = strspn(s, "0123456789abcdef");
		if ((sl != 40 && sl != 64) || ll < sl + 12 || s[sl] != ' ' || strncmp(s + sl + 1, "refs/tags/", 10) != 0)
			continue;
		size_t before = t->n;
		tag_add(t, s + sl + 11, ll - sl - 11, s, sl);
		if (t->n > before)
			last_tag = (int)before;
	}
	free(buf);
	free(path);
}

/* Loose refs/tags/<name> files (up to three levels of sub-directories). */
static void read_loose_tags(const char *dir, const char *prefix, int depth, tagrefs *t, size_t *budget)
{
	DIR *d = opendir(dir);
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
					read_loose_tags(p, np, depth + 1, t, budget);
				free(np);
			} else if (S_ISREG(st.st_mode) && st.st_size <= 200) {
				char *buf = NULL;
				size_t len = 0;
				if (cvet_lockfile__read_file(p, p, 200, &buf, &len) == 0) {
					size_t sl = strspn(buf, "0123456789abcdef");
					if (sl == 40 || sl == 64)
						tag_add(t, name, strlen(name), buf, sl);
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
static int peel_loose_tag(const char *gitdir, const char *sha, char out[65])
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
	if (!path || cvet_lockfile__read_file(path, path, 64u << 10, &buf, &len) < 0 || len < 6)
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

/* The best tag for `commit` in the submodule's git dir: prefer names that look like versions. */
static char *tag_for_commit(const char *smgit, const char *commit, cvet_lf_list *out)
{
	tagrefs t = {0};
	read_packed_refs(smgit, &t, out);
	char *loose = cvet_lockfile__printf("%s/refs/tags", smgit);
	size_t budget = MAX_TAG_FILES;
	if (loose)
		read_loose_tags(loose, "", 0, &t, &budget);
	free(loose);
	char *best = NULL;
	size_t peeled = 0;
	for (size_t i = 0; i < t.n; i++) {
		if (strcmp(t.v[i].sha, commit) != 0) {
			/* an annotated tag points at a tag object; peel a bounded number of loose ones */
			char target[65];
			peeled++;
			if (peeled >= 500 || !peel_loose_tag(smgit, t.v[i].sha, target))
				continue;
			if (strcmp(target, commit) != 0)
				continue;
		}
		int digit = strpbrk(t.v[i].name, "0123456789") != NULL;
		if (!best || (digit && !strpbrk(best, "0123456789")) || (digit && strcmp(t.v[i].name, best) < 0)) {
			free(best);
			best = cvet_lockfile__strdup(t.v[i].name);
		}
	}
	tags_free(&t);
	return best;
}

static int object_hash_len(const char *gitdir)
{
	char *path = cvet_lockfile__printf("%s/config", gitdir);
	char *buf = NULL;
	size_t len = 0;
	int n = 20;
	if (path && cvet_lockfile__read_file(path, path, 1u << 20, &buf, &len) == 0) {
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

int cvet_lockfile__gitmodules(const char *repo_dir, const char *limit_dir, const char *display, const char *buf,
			      size_t len, cvet_lf_list *out)
{
	submodule *sm = NULL;
	size_t nsm = 0;
	int err = parse_gitmodules(display, buf, len, &sm, &nsm);
	if (err < 0)
		return err;
	cvet_lf_gitlink *links = NULL;
	size_t nlinks = 0;
	char *gitdir = NULL;
	const char *why = NULL;
	char whybuf[300];
	char limit_real[PATH_MAX];
	if (nsm == 0)
		goto done;
	if (!limit_dir || !realpath(limit_dir, limit_real)) {
		if (!realpath(repo_dir, limit_real))
			snprintf(limit_real, sizeof(limit_real), "%s", repo_dir);
	}
	gitdir = find_git_dir(repo_dir, limit_real, &why, whybuf, sizeof(whybuf));
	int hash_len = 20;
	if (gitdir) {
		hash_len = object_hash_len(gitdir);
		char *ipath = cvet_lockfile__printf("%s/index", gitdir);
		char *ibuf = NULL;
		size_t ilen = 0;
		if (!ipath) {
			err = cvet_error_setc(CVET_ENOMEM, "out of memory");
			goto done;
		}
		if (cvet_lockfile__read_file(ipath, "git index", INDEX_CAP, &ibuf, &ilen) < 0) {
			snprintf(whybuf, sizeof(whybuf), "%s", cvet_error_last());
			why = whybuf;
		} else {
			out->extra_files++;
			if (cvet_lockfile__git_index_gitlinks((const unsigned char *)ibuf, ilen, (size_t)hash_len, &links,
							      &nlinks) < 0) {
				snprintf(whybuf, sizeof(whybuf), "%s", cvet_error_last());
				why = whybuf;
			}
		}
		free(ibuf);
		free(ipath);
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
		const cvet_lf_gitlink *gl = NULL;
		for (size_t k = 0; k < nlinks && !gl; k++)
			if (strcmp(links[k].path, path) == 0)
				gl = &links[k];
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
			free(cand);
		}
		if (!smgit && safe_component_path(path)) {
			char *wt = cvet_lockfile__printf("%s/%s", repo_dir, path);
			const char *w2;
			char wb[300];
			if (wt)
				smgit = find_git_dir(wt, limit_real, &w2, wb, sizeof(wb));
			free(wt);
		}
		if (smgit) {
			p->tag = tag_for_commit(smgit, gl->commit, out);
			free(smgit);
		}
		if (p->repo && strchr(p->repo, '/') && !strstr(p->repo, "://") && !strchr(p->repo, '@'))
			p->purl = cvet_lockfile__printf("pkg:github/%s@%s", p->repo, gl->commit);
		p->detail = cvet_lockfile__printf("pinned at %.12s in the git index%s%s", gl->commit, p->tag ? ", tag " : "",
						  p->tag ? p->tag : "");
	}
done:
	free(gitdir);
	cvet_lockfile__gitlinks_free(links, nlinks);
	submodules_free(sm, nsm);
	return err;
}
