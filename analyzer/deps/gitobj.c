/* gitobj.c - read objects of a local git repository (loose and packed, SHA-1) without running git */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "advdb/advdb_int.h"
#include "deps/gitobj.h"
#include "deps/lockfile.h"

#define MAX_DEPTH 64          /* delta chain links followed (git packs 50 deep by default) */
#define MAX_SMALL ((size_t)4096) /* HEAD, refs, .git files, commondir */
#define MAX_PACKED_REFS ((size_t)64 << 20)

static int is_hex40(const char *s)
{
	for (int i = 0; i < 40; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return 1;
}

static void to_hex(const unsigned char *h, char out[41])
{
	static const char digits[] = "0123456789abcdef";
	for (int i = 0; i < 20; i++) {
		out[2 * i] = digits[h[i] >> 4];
		out[2 * i + 1] = digits[h[i] & 15];
	}
	out[40] = '\0';
}

static int from_hex(const char *s, unsigned char out[20])
{
	if (!is_hex40(s))
		return -1;
	for (int i = 0; i < 20; i++) {
		int hi = s[2 * i] <= '9' ? s[2 * i] - '0' : s[2 * i] - 'a' + 10;
		int lo = s[2 * i + 1] <= '9' ? s[2 * i + 1] - '0' : s[2 * i + 1] - 'a' + 10;
		out[i] = (unsigned char)(hi << 4 | lo);
	}
	return 0;
}

/* A regular file of at most `cap` bytes, NUL-terminated; 0, or -1 when absent, not regular, too big or OOM. */
static int slurp(const char *path, size_t cap, char **buf, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct stat st;
	*buf = NULL;
	*len = 0;
	if (!f)
		return -1;
	if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode) || (uint64_t)st.st_size > cap) {
		fclose(f);
		return -1;
	}
	char *b = malloc((size_t)st.st_size + 1);
	size_t n = b ? fread(b, 1, (size_t)st.st_size, f) : 0;
	fclose(f);
	if (!b || n != (size_t)st.st_size) {
		free(b);
		return -1;
	}
	b[n] = '\0';
	*buf = b;
	*len = n;
	return 0;
}

static void trim(char *s)
{
	size_t n = strlen(s);
	while (n && (s[n - 1] == '\n' || s[n - 1] == '\r' || s[n - 1] == ' '))
		s[--n] = '\0';
}

static int is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

char *cvet_gitobj__git_dir(const char *dir)
{
	char *dotgit = cvet_lockfile__printf("%s/.git", dir), *buf = NULL, *res = NULL;
	size_t len;
	if (!dotgit)
		return NULL;
	if (is_dir(dotgit)) {
		res = dotgit;
		dotgit = NULL;
	} else if (slurp(dotgit, MAX_SMALL, &buf, &len) == 0 && strncmp(buf, "gitdir: ", 8) == 0) {
		trim(buf);
		res = buf[8] == '/' ? cvet_lockfile__strdup(buf + 8) : cvet_lockfile__printf("%s/%s", dir, buf + 8);
	} else {
		char *objects = cvet_lockfile__printf("%s/objects", dir), *head = cvet_lockfile__printf("%s/HEAD", dir);
		struct stat st;
		if (objects && head && is_dir(objects) && stat(head, &st) == 0 && S_ISREG(st.st_mode))
			res = cvet_lockfile__strdup(dir);
		free(objects);
		free(head);
	}
	free(buf);
	free(dotgit);
	return res;
}

/* The objects folder of `gitdir` (a linked worktree's "commondir" holds the shared one). malloc'd or NULL. */
static char *objects_dir(const char *gitdir)
{
	char *cpath = cvet_lockfile__printf("%s/commondir", gitdir), *buf = NULL, *res;
	size_t len;
	if (cpath && slurp(cpath, MAX_SMALL, &buf, &len) == 0 && buf[0]) {
		trim(buf);
		res = buf[0] == '/' ? cvet_lockfile__printf("%s/objects", buf) : cvet_lockfile__printf("%s/%s/objects", gitdir, buf);
	} else {
		res = cvet_lockfile__printf("%s/objects", gitdir);
	}
	free(buf);
	free(cpath);
	return res;
}

static const char *const TYPE_NAMES[] = {"", "commit", "tree", "blob", "tag"};

/* Inflate a zlib stream (2-byte header, raw DEFLATE; the Adler-32 is not checked) of at most cap bytes. */
static int zinflate(const unsigned char *in, size_t inlen, size_t cap, unsigned char **out, size_t *outlen)
{
	if (inlen < 2 || (in[0] & 0x0F) != 8 || ((in[0] << 8) | in[1]) % 31 != 0 || (in[1] & 0x20))
		return cvet_error_setc(CVET_EPARSE, "not a zlib stream");
	return cvet_inflate__raw(in + 2, inlen - 2, cap, out, outlen);
}

/* A loose object: 0, CVET_ENOTFOUND, or an error with a message. */
static int read_loose(const char *objdir, const char *hex, size_t cap, int *type, unsigned char **data, size_t *len)
{
	char *path = cvet_lockfile__printf("%s/%.2s/%s", objdir, hex, hex + 2), *buf = NULL;
	unsigned char *obj = NULL;
	size_t blen = 0, olen = 0;
	int rc = 0;
	if (!path)
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	if (slurp(path, cap + cap / 8 + 4096, &buf, &blen) < 0) {
		rc = CVET_ENOTFOUND;
		goto done;
	}
	if ((rc = zinflate((unsigned char *)buf, blen, cap + 64, &obj, &olen)) < 0) {
		rc = cvet_error_setc(rc == CVET_ELIMIT ? CVET_ELIMIT : CVET_EPARSE, "git object %.40s: %s", hex,
				     rc == CVET_ELIMIT ? "larger than the limit" : "damaged loose object");
		goto done;
	}
	unsigned char *nul = memchr(obj, '\0', olen < 64 ? olen : 64);
	int t = 0;
	for (int k = 1; k <= 4 && nul; k++) {
		size_t tl = strlen(TYPE_NAMES[k]);
		if ((size_t)(nul - obj) > tl && memcmp(obj, TYPE_NAMES[k], tl) == 0 && obj[tl] == ' ')
			t = k;
	}
	size_t body = nul ? (size_t)(nul + 1 - obj) : 0;
	if (!t || strtoull((char *)obj + strlen(TYPE_NAMES[t]) + 1, NULL, 10) != olen - body) {
		rc = cvet_error_setc(CVET_EPARSE, "git object %.40s: damaged loose object header", hex);
		goto done;
	}
	if (olen - body > cap) {
		rc = cvet_error_setc(CVET_ELIMIT, "git object %.40s is larger than %zu bytes", hex, cap);
		goto done;
	}
	memmove(obj, obj + body, olen - body);
	obj[olen - body] = '\0';
	*type = t;
	*data = obj;
	*len = olen - body;
	obj = NULL;
done:
	free(obj);
	free(buf);
	free(path);
	return rc;
}

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static int read_at(FILE *f, uint64_t off, void *buf, size_t n)
{
	return fseeko(f, (off_t)off, SEEK_SET) == 0 && fread(buf, 1, n, f) == n ? 0 : -1;
}

/* The offset of `sha` in the pack whose version-2 index is `idx`: 1 found, 0 not there, -1 damaged. */
static int idx_lookup(FILE *idx, uint64_t idx_size, const unsigned char sha[20], uint64_t *offset)
{
	unsigned char hdr[8], fan[4 * 256], cur[20], b8[8];
	if (idx_size < 8 + sizeof(fan) || read_at(idx, 0, hdr, 8) < 0 || memcmp(hdr, "\377tOc", 4) != 0 ||
	    be32(hdr + 4) != 2 || read_at(idx, 8, fan, sizeof(fan)) < 0)
		return -1;
	uint64_t n = be32(fan + 4 * 255);
	if (n > (idx_size - 8 - sizeof(fan)) / 28)
		return -1;
	uint64_t lo = sha[0] ? be32(fan + 4 * (sha[0] - 1)) : 0, hi = be32(fan + 4 * sha[0]);
	if (lo > hi || hi > n)
		return -1;
	/* cvet-ignore: tainted-loop-bound a binary search: lo < hi <= n, and n was checked against the index size */
	while (lo < hi) {
		uint64_t mid = lo + (hi - lo) / 2; // cvet-ignore: integer-overflow lo < hi inside the loop
		if (read_at(idx, 8 + sizeof(fan) + mid * 20, cur, 20) < 0)
			return -1;
		int c = memcmp(sha, cur, 20);
		if (c == 0) {
			unsigned char o4[4];
			if (read_at(idx, 8 + sizeof(fan) + n * 24 + mid * 4, o4, 4) < 0)
				return -1;
			uint32_t o = be32(o4);
			if (o & 0x80000000u) {
				if (read_at(idx, 8 + sizeof(fan) + n * 28 + (uint64_t)(o & 0x7fffffffu) * 8, b8, 8) < 0)
					return -1;
				*offset = (uint64_t)be32(b8) << 32 | be32(b8 + 4);
			} else {
				*offset = o;
			}
			return 1;
		}
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return 0;
}

typedef struct {
	const char *objdir;
	size_t cap;
	int depth;
} reader;

static int read_any(reader *r, const unsigned char sha[20], int *type, unsigned char **data, size_t *len);

/* Apply a git delta to `base`: a malloc'd result of at most cap bytes. 0 or CVET_EPARSE/ELIMIT/ENOMEM. */
static int apply_delta(const unsigned char *base, size_t blen, const unsigned char *d, size_t dlen, size_t cap,
		       unsigned char **out, size_t *olen)
{
	size_t p = 0;
	uint64_t sizes[2] = {0, 0};
	for (int k = 0; k < 2; k++) {
		int shift = 0;
		unsigned char c;
		do {
			if (p >= dlen || shift > 56)
				return cvet_error_setc(CVET_EPARSE, "damaged git delta");
			c = d[p++];
			sizes[k] |= (uint64_t)(c & 0x7f) << shift;
			shift += 7;
		} while (c & 0x80);
	}
	if (sizes[0] != blen)
		return cvet_error_setc(CVET_EPARSE, "git delta does not fit its base");
	if (sizes[1] > cap)
		return cvet_error_setc(CVET_ELIMIT, "git object larger than %zu bytes", cap);
	unsigned char *o = malloc((size_t)sizes[1] + 1);
	size_t op = 0;
	if (!o)
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	while (p < dlen) {
		unsigned char c = d[p++];
		if (c & 0x80) {
			uint64_t off = 0, n = 0;
			for (int k = 0; k < 4; k++)
				if (c & (1u << k)) {
					if (p >= dlen)
						goto bad;
					off |= (uint64_t)d[p++] << (8 * k);
				}
			for (int k = 0; k < 3; k++)
				if (c & (0x10u << k)) {
					if (p >= dlen)
						goto bad;
					n |= (uint64_t)d[p++] << (8 * k);
				}
			if (n == 0)
				n = 0x10000;
			if (off > blen || n > blen - off || n > sizes[1] - op)
				goto bad;
			memcpy(o + op, base + off, (size_t)n);
			op += (size_t)n;
		} else if (c) {
			if (c > dlen - p || c > sizes[1] - op)
				goto bad;
			memcpy(o + op, d + p, c);
			op += c;
			p += c;
		} else {
			goto bad;
		}
	}
	if (op != sizes[1])
		goto bad;
	o[op] = '\0';
	*out = o;
	*olen = op;
	return 0;
bad:
	free(o);
	return cvet_error_setc(CVET_EPARSE, "damaged git delta");
}

/* The object at `off` in `pack` (of `psize` bytes): 0 or an error with a message. */
static int read_packed(reader *r, FILE *pack, uint64_t psize, uint64_t off, int *type, unsigned char **data, size_t *len)
{
	unsigned char h[32], *comp = NULL, *inflated = NULL, *base = NULL;
	size_t ilen = 0, blen = 0;
	int rc = 0, btype = 0;
	if (++r->depth > MAX_DEPTH) {
		rc = cvet_error_setc(CVET_ELIMIT, "git delta chain deeper than %d", MAX_DEPTH);
		goto done;
	}
	size_t hn = psize - off < sizeof(h) ? (size_t)(psize - off) : sizeof(h);
	if (off >= psize || read_at(pack, off, h, hn) < 0) {
		rc = cvet_error_setc(CVET_EPARSE, "git pack offset out of bounds");
		goto done;
	}
	size_t p = 0;
	int t = (h[0] >> 4) & 7, shift = 4;
	uint64_t size = h[0] & 15;
	while (h[p] & 0x80) {
		if (++p >= hn || shift > 56) {
			rc = cvet_error_setc(CVET_EPARSE, "damaged git pack entry");
			goto done;
		}
		size |= (uint64_t)(h[p] & 0x7f) << shift;
		shift += 7;
	}
	p++;
	if (size > r->cap) {
		rc = cvet_error_setc(CVET_ELIMIT, "git object larger than %zu bytes", r->cap);
		goto done;
	}
	/* the base of a delta first, so that at most one base, one delta and one result are held per link */
	if (t == 6) {
		uint64_t rel;
		if (p >= hn) {
			rc = cvet_error_setc(CVET_EPARSE, "damaged git pack entry");
			goto done;
		}
		unsigned char c = h[p++];
		rel = c & 0x7f;
		while (c & 0x80) {
			if (p >= hn || rel > ((uint64_t)1 << 50)) {
				rc = cvet_error_setc(CVET_EPARSE, "damaged git pack entry");
				goto done;
			}
			c = h[p++];
			rel = ((rel + 1) << 7) | (c & 0x7f);
		}
		if (rel == 0 || rel > off) {
			rc = cvet_error_setc(CVET_EPARSE, "git delta base out of bounds");
			goto done;
		}
		if ((rc = read_packed(r, pack, psize, off - rel, &btype, &base, &blen)) < 0)
			goto done;
	} else if (t == 7) {
		if (p + 20 > hn) {
			rc = cvet_error_setc(CVET_EPARSE, "damaged git pack entry");
			goto done;
		}
		unsigned char sha[20];
		memcpy(sha, h + p, 20);
		p += 20;
		if ((rc = read_any(r, sha, &btype, &base, &blen)) < 0) {
			if (rc == CVET_ENOTFOUND)
				rc = cvet_error_setc(CVET_EPARSE, "git delta base missing (a thin pack?)");
			goto done;
		}
	} else if (t < 1 || t > 4) {
		rc = cvet_error_setc(CVET_EPARSE, "unknown git pack entry type %d", t);
		goto done;
	}
	uint64_t start = off + p;
	if (start >= psize) {
		rc = cvet_error_setc(CVET_EPARSE, "damaged git pack entry");
		goto done;
	}
	size_t want = (size_t)size + (size_t)size / 64 + 1024;
	if (want > psize - start)
		want = (size_t)(psize - start); // cvet-ignore: integer-overflow start < psize (checked above)
	/* cvet-ignore: tainted-alloc-size want <= size + size/64 + 1024, and size <= cap (checked above) */
	if (!(comp = malloc(want))) {
		rc = cvet_error_setc(CVET_ENOMEM, "out of memory");
		goto done;
	}
	if (read_at(pack, start, comp, want) < 0 || (rc = zinflate(comp, want, (size_t)size, &inflated, &ilen)) < 0 ||
	    ilen != size) {
		rc = cvet_error_setc(CVET_EPARSE, "damaged git pack data");
		goto done;
	}
	free(comp);
	comp = NULL;
	if (base) {
		unsigned char *res = NULL;
		size_t rlen = 0;
		if ((rc = apply_delta(base, blen, inflated, ilen, r->cap, &res, &rlen)) < 0)
			goto done;
		free(inflated);
		inflated = res;
		ilen = rlen;
		t = btype;
	}
	*type = t;
	*data = inflated;
	*len = ilen;
	inflated = NULL;
done:
	r->depth--;
	free(comp);
	free(inflated);
	free(base);
	return rc;
}

static int has_suffix(const char *s, const char *suf)
{
	size_t n = strlen(s), m = strlen(suf);
	return n >= m && strcmp(s + n - m, suf) == 0;
}

/* Look `sha` up in every pack index; 0, CVET_ENOTFOUND, or an error. */
static int read_from_packs(reader *r, const unsigned char sha[20], int *type, unsigned char **data, size_t *len)
{
	char *pdir = cvet_lockfile__printf("%s/pack", r->objdir);
	DIR *d = pdir ? opendir(pdir) : NULL;
	int rc = CVET_ENOTFOUND;
	struct dirent *de;
	while (d && rc == CVET_ENOTFOUND && (de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.' || !has_suffix(de->d_name, ".idx"))
			continue;
		char *ipath = cvet_lockfile__printf("%s/%s", pdir, de->d_name);
		char *ppath = ipath ? cvet_lockfile__printf("%.*s.pack", (int)(strlen(ipath) - 4), ipath) : NULL;
		FILE *idx = ppath ? fopen(ipath, "rb") : NULL;
		struct stat st;
		uint64_t off = 0;
		int found = idx && fstat(fileno(idx), &st) == 0 && S_ISREG(st.st_mode) ? idx_lookup(idx, (uint64_t)st.st_size, sha, &off) : 0;
		if (found < 0)
			rc = cvet_error_setc(CVET_EPARSE, "damaged git pack index %s", de->d_name);
		if (found > 0) {
			FILE *pack = fopen(ppath, "rb");
			if (!pack || fstat(fileno(pack), &st) != 0 || !S_ISREG(st.st_mode))
				rc = cvet_error_setc(CVET_EPARSE, "git pack %s is missing", de->d_name);
			else
				rc = read_packed(r, pack, (uint64_t)st.st_size, off, type, data, len);
			if (pack)
				fclose(pack);
		}
		if (idx)
			fclose(idx);
		free(ipath);
		free(ppath);
	}
	if (d)
		closedir(d);
	free(pdir);
	return rc;
}

static int read_any(reader *r, const unsigned char sha[20], int *type, unsigned char **data, size_t *len)
{
	char hex[41];
	to_hex(sha, hex);
	int rc = read_loose(r->objdir, hex, r->cap, type, data, len);
	if (rc != CVET_ENOTFOUND)
		return rc;
	return read_from_packs(r, sha, type, data, len);
}

int cvet_gitobj__read(const char *gitdir, const char *hex, size_t cap, int *type, unsigned char **data, size_t *len)
{
	unsigned char sha[20];
	*data = NULL;
	*len = 0;
	*type = 0;
	if (strlen(hex) != 40 || from_hex(hex, sha) < 0)
		return cvet_error_setc(CVET_EPARSE, "'%.64s' is not a SHA-1 object name", hex);
	reader r = {objects_dir(gitdir), cap, 0};
	if (!r.objdir)
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	int rc = read_any(&r, sha, type, data, len);
	free((char *)r.objdir);
	if (rc == CVET_ENOTFOUND)
		cvet_error_setc(CVET_ENOTFOUND, "git object %.40s is not in %s", hex, gitdir);
	return rc;
}

/* The commit a ref ("refs/heads/main") names: loose file, else packed-refs. 0 or CVET_ENOTFOUND. */
static int resolve_ref(const char *gitdir, const char *ref, char out[41])
{
	char *path = NULL, *buf = NULL;
	size_t len;
	int rc = CVET_ENOTFOUND;
	if (strncmp(ref, "refs/", 5) != 0 || strstr(ref, ".."))
		return CVET_ENOTFOUND;
	if ((path = cvet_lockfile__printf("%s/%s", gitdir, ref)) && slurp(path, MAX_SMALL, &buf, &len) == 0 && len >= 40 &&
	    is_hex40(buf)) {
		memcpy(out, buf, 40);
		out[40] = '\0';
		rc = 0;
	}
	free(path);
	free(buf);
	buf = NULL;
	if (rc == 0)
		return 0;
	if ((path = cvet_lockfile__printf("%s/packed-refs", gitdir)) && slurp(path, MAX_PACKED_REFS, &buf, &len) == 0) {
		size_t rl = strlen(ref);
		for (char *l = buf; l && *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL) {
			if (strlen(l) >= 41 + rl && is_hex40(l) && l[40] == ' ' && strncmp(l + 41, ref, rl) == 0 &&
			    (l[41 + rl] == '\n' || l[41 + rl] == '\r' || l[41 + rl] == '\0')) {
				memcpy(out, l, 40);
				out[40] = '\0';
				rc = 0;
				break;
			}
		}
	}
	free(path);
	free(buf);
	return rc;
}

int cvet_gitobj__head(const char *gitdir, char out[41])
{
	char *path = cvet_lockfile__printf("%s/HEAD", gitdir), *buf = NULL;
	size_t len;
	int rc = CVET_ENOTFOUND;
	if (path && slurp(path, MAX_SMALL, &buf, &len) == 0) {
		trim(buf);
		if (strlen(buf) == 40 && is_hex40(buf)) {
			memcpy(out, buf, 41);
			rc = 0;
		} else if (strncmp(buf, "ref: ", 5) == 0) {
			rc = resolve_ref(gitdir, buf + 5, out);
		}
	}
	free(path);
	free(buf);
	return rc;
}

int cvet_gitobj__file_at(const char *gitdir, const char *commit, const char *path, size_t cap, unsigned char **data,
			 size_t *len)
{
	unsigned char *obj = NULL;
	size_t olen = 0;
	int type = 0, rc;
	char cur[41];
	*data = NULL;
	*len = 0;
	if ((rc = cvet_gitobj__read(gitdir, commit, cap, &type, &obj, &olen)) < 0)
		return rc;
	if (type != CVET_GITOBJ_COMMIT || olen < 45 || memcmp(obj, "tree ", 5) != 0 || !is_hex40((char *)obj + 5)) {
		free(obj);
		return cvet_error_setc(CVET_EPARSE, "git object %.40s is not a commit", commit);
	}
	memcpy(cur, obj + 5, 40);
	cur[40] = '\0';
	free(obj);
	obj = NULL;
	for (const char *p = path; *p;) {
		size_t cl = strcspn(p, "/");
		if ((rc = cvet_gitobj__read(gitdir, cur, cap, &type, &obj, &olen)) < 0)
			return rc;
		if (type != CVET_GITOBJ_TREE) {
			free(obj);
			return cvet_error_setc(CVET_EPARSE, "git object %.40s is not a tree", cur);
		}
		int found = 0;
		for (size_t q = 0; q < olen && !found;) {
			const unsigned char *sp = memchr(obj + q, ' ', olen - q);
			const unsigned char *nul = sp ? memchr(sp, '\0', olen - (size_t)(sp - obj)) : NULL;
			if (!nul || (size_t)(nul - obj) + 21 > olen) {
				free(obj);
				return cvet_error_setc(CVET_EPARSE, "damaged git tree %.40s", cur);
			}
			if ((size_t)(nul - sp - 1) == cl && memcmp(sp + 1, p, cl) == 0) {
				to_hex(nul + 1, cur);
				found = 1;
			}
			q = (size_t)(nul - obj) + 21;
		}
		free(obj);
		obj = NULL;
		if (!found)
			return cvet_error_setc(CVET_ENOTFOUND, "'%.*s' is not in the tree of %.40s", (int)cl, p, commit);
		p += cl;
		if (*p == '/')
			p++;
	}
	if ((rc = cvet_gitobj__read(gitdir, cur, cap, &type, data, len)) < 0)
		return rc;
	if (type != CVET_GITOBJ_BLOB) {
		free(*data);
		*data = NULL;
		*len = 0;
		return cvet_error_setc(CVET_EPARSE, "'%s' at %.40s is not a file", path, commit);
	}
	return 0;
}
