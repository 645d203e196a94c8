/* lockfile_meson.c - Meson subprojects/<name>.wrap files: [wrap-file] (WrapDB or tarball) and [wrap-git] pins */
#include <stdlib.h>
#include <string.h>
#include "deps/lockfile.h"

static const char ECO[] = "meson";

typedef struct {
	char key[32];
	char *value; /* owned */
	unsigned line;
} ini_kv;

#define MAX_KEYS 64

/* Position of the version part in "name-1.2.3": the last '-' followed by a digit. */
static size_t version_split(const char *dir)
{
	size_t n = strlen(dir), split = 0;
	for (size_t i = 1; i + 1 < n; i++)
		if (dir[i] == '-' && dir[i + 1] >= '0' && dir[i + 1] <= '9')
			split = i;
	return split;
}

/* Length of `s` without an archive suffix (".tar.gz", ".zip", ...). */
static size_t strip_archive(const char *s)
{
	static const char *const EXT[] = {".tar.gz", ".tar.xz", ".tar.bz2", ".tar.zst", ".tar.lz", ".tgz", ".tbz2",
					  ".txz", ".zip", ".tar", ".7z"};
	size_t n = strlen(s);
	for (size_t i = 0; i < sizeof(EXT) / sizeof(EXT[0]); i++) {
		size_t el = strlen(EXT[i]);
		if (n > el && strcmp(s + n - el, EXT[i]) == 0)
			return n - el;
	}
	return n;
}

/*
 * SQLite's amalgamation numbering: "3310100" is MAJOR*1000000 + MINOR*10000 + PATCH*100 + BRANCH, i.e.
 * 3.31.1 (3.7.16.2 for "3071602"). Returns a malloc'd dotted version, or NULL when `v` is not 7 digits.
 */
static char *sqlite_number(const char *v, size_t n)
{
	if (n != 7 || strspn(v, "0123456789") < 7 || v[0] == '0')
		return NULL;
	unsigned d[4] = {(unsigned)(v[0] - '0'), (unsigned)((v[1] - '0') * 10 + (v[2] - '0')),
			 (unsigned)((v[3] - '0') * 10 + (v[4] - '0')), (unsigned)((v[5] - '0') * 10 + (v[6] - '0'))};
	if (d[3])
		return cvet_lockfile__printf("%u.%u.%u.%u", d[0], d[1], d[2], d[3]);
	return cvet_lockfile__printf("%u.%u.%u", d[0], d[1], d[2]);
}

/*
 * The upstream version named by a directory or an archive's file name: "json-c-0.18.tar.gz" -> "0.18",
 * "sqlite-amalgamation-3310100.zip" -> "3.31.1", "v2.11.1.zip" -> "2.11.1". `s` may be a URL (its last
 * path component is used). *out = malloc'd version or NULL when none is found. Returns 0 or CVET_ENOMEM.
 */
static int version_from_name(const char *s, char **out)
{
	*out = NULL;
	const char *q = strpbrk(s, "?#");
	size_t n = q ? (size_t)(q - s) : strlen(s);
	while (n && s[n - 1] == '/')
		n--;
	size_t b = n;
	while (b && s[b - 1] != '/')
		b--;
	char *last = cvet_lockfile__strndup(s + b, n - b);
	if (!last)
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	last[strip_archive(last)] = '\0';
	const char *v = NULL, *stem_end = last;
	size_t split = version_split(last);
	if (split) {
		v = last + split + 1;
		stem_end = last + split;
	} else if ((last[0] == 'v' || last[0] == 'V') && last[1] >= '0' && last[1] <= '9') {
		v = last + 1;
	} else if (last[0] >= '0' && last[0] <= '9') {
		v = last;
	}
	int want = v && strspn(v, "0123456789._-+abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") == strlen(v);
	if (want) {
		size_t vl = strlen(v);
		int sqlite = 0;
		for (const char *p = last; p + 6 <= stem_end && !sqlite; p++)
			sqlite = strncmp(p, "sqlite", 6) == 0;
		*out = sqlite ? sqlite_number(v, vl) : NULL;
		if (!*out)
			*out = cvet_lockfile__strndup(v, vl);
		if (*out) {
			/* "1_90_0" (Boost's archives) -> "1.90.0" */
			if (!strchr(*out, '.'))
				for (char *p = *out; *p; p++)
					if (*p == '_')
						*p = '.';
		}
	}
	free(last);
	if (want && !*out)
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	return 0;
}

static const ini_kv *get(const ini_kv *kv, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(kv[i].key, key) == 0)
			return &kv[i];
	return NULL;
}

/* Append the dependency names of a [provide] line to `prov` (", "-separated, silently bounded). */
static void provide_add(char *prov, size_t cap, const char *key, size_t kl, const char *v, size_t vl)
{
	const char *list = key;
	size_t ln = kl;
	if (kl == 13 && strncmp(key, "program_names", 13) == 0)
		return;
	if (kl == 16 && strncmp(key, "dependency_names", 16) == 0) {
		list = v;
		ln = vl;
	}
	for (size_t i = 0; i < ln;) {
		while (i < ln && (list[i] == ',' || list[i] == ' ' || list[i] == '\t'))
			i++;
		size_t st = i;
		while (i < ln && list[i] != ',' && list[i] != ' ' && list[i] != '\t')
			i++;
		size_t n = i - st, have = strlen(prov);
		if (n == 0 || strspn(list + st, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.+-") < n ||
		    have + n + 3 > cap)
			continue;
		if (have)
			memcpy(prov + have, ", ", 2), have += 2;
		memcpy(prov + have, list + st, n);
		prov[have + n] = '\0';
	}
}

/*
 * The package name of a wrap: the wrap file's name, which is the subproject's name in Meson. When that
 * is not one of the names the [provide] section declares but ends with one after a separator (a file
 * saved as "owner__repo__openssl.wrap"), the declared name is used.
 */
static char *wrap_name(const char *base, const char *prov)
{
	size_t bl = strlen(base), best = 0;
	const char *pick = NULL;
	for (const char *p = prov; *p;) {
		size_t n = strcspn(p, ",");
		if (n == bl && strncmp(p, base, n) == 0)
			return cvet_lockfile__strdup(base);
		if (n < bl && n > best && strncmp(base + bl - n, p, n) == 0 && strchr("_-", base[bl - n - 1])) {
			pick = p;
			best = n;
		}
		p += n;
		while (*p == ',' || *p == ' ')
			p++;
	}
	return pick ? cvet_lockfile__strndup(pick, best) : cvet_lockfile__strdup(base);
}

int cvet_lockfile__meson_wrap(const char *display, const char *basename, const char *buf, size_t len,
			      cvet_lf_list *out)
{
	enum { SEC_NONE, SEC_FILE, SEC_GIT, SEC_VCS, SEC_PROVIDE, SEC_OTHER } sec = SEC_NONE, kind = SEC_NONE;
	ini_kv kv[MAX_KEYS];
	char prov[512] = "";
	size_t nkv = 0, pos = 0;
	unsigned line = 0, sec_line = 0;
	int err = 0;
	if (memchr(buf, '\0', len))
		return cvet_error_setc(CVET_EPARSE, "%s: binary data (NUL byte) in a wrap file", display);
	const char *s;
	size_t ll;
	while (cvet_lockfile__next_line(buf, len, &pos, &s, &ll)) {
		line++;
		if (ll == 0 || *s == '#' || *s == ';')
			continue;
		if (*s == '[') {
			if (ll >= 11 && strncmp(s, "[wrap-file]", 11) == 0)
				sec = SEC_FILE;
			else if (ll >= 10 && strncmp(s, "[wrap-git]", 10) == 0)
				sec = SEC_GIT;
			else if ((ll >= 9 && strncmp(s, "[wrap-hg]", 9) == 0) || (ll >= 10 && strncmp(s, "[wrap-svn]", 10) == 0))
				sec = SEC_VCS;
			else if (ll >= 9 && strncmp(s, "[provide]", 9) == 0)
				sec = SEC_PROVIDE;
			else
				sec = SEC_OTHER;
			if ((sec == SEC_FILE || sec == SEC_GIT || sec == SEC_VCS) && kind == SEC_NONE) {
				kind = sec;
				sec_line = line;
			}
			continue;
		}
		size_t kl, vl;
		const char *v;
		if (sec == SEC_PROVIDE && cvet_lockfile__split_kv(s, ll, &kl, &v, &vl))
			provide_add(prov, sizeof(prov), s, kl, v, vl);
		if (sec != kind || kind == SEC_NONE)
			continue;
		if (!cvet_lockfile__split_kv(s, ll, &kl, &v, &vl))
			continue;
		if (kl == 0 || kl >= sizeof(kv[0].key) || nkv >= MAX_KEYS)
			continue;
		if (vl > CVET_LF_MAX_STR) {
			err = cvet_error_setc(CVET_EPARSE, "%s: line %u: value longer than %d bytes", display, line,
					      CVET_LF_MAX_STR);
			goto done;
		}
		memcpy(kv[nkv].key, s, kl);
		kv[nkv].key[kl] = '\0';
		kv[nkv].value = cvet_lockfile__strndup(v, vl);
		kv[nkv].line = line;
		if (!kv[nkv].value) {
			err = cvet_error_setc(CVET_ENOMEM, "out of memory");
			goto done;
		}
		nkv++;
	}
	if (kind == SEC_NONE) {
		err = cvet_error_setc(CVET_EPARSE, "%s: no [wrap-file] or [wrap-git] section", display);
		goto done;
	}

	/* the subproject name is the wrap file's name; a cleaner upstream name comes from the file itself */
	char *base = cvet_lockfile__strdup(basename);
	if (!base) {
		err = cvet_error_setc(CVET_ENOMEM, "out of memory");
		goto done;
	}
	size_t bl = strlen(base);
	if (bl > 5 && strcmp(base + bl - 5, ".wrap") == 0)
		base[bl - 5] = '\0';
	cvet_lf_pkg *p = NULL;
	if (kind == SEC_FILE) {
		static const char *const FROM[] = {"directory", "source_filename", "source_url"};
		const ini_kv *wv = get(kv, nkv, "wrapdb_version");
		const ini_kv *src = get(kv, nkv, "source_url"), *dir = get(kv, nkv, "directory");
		char *name = wrap_name(base, prov), *version = NULL;
		const char *from = NULL;
		unsigned at = dir ? dir->line : sec_line;
		if (!name) {
			err = cvet_error_setc(CVET_ENOMEM, "out of memory");
			goto file_done;
		}
		if (wv) {
			/* "3.0.8-3": upstream version 3.0.8, WrapDB revision 3 */
			size_t vl = strlen(wv->value);
			const char *dash = strrchr(wv->value, '-');
			if (dash && dash[1] >= '0' && dash[1] <= '9' && strspn(dash + 1, "0123456789") == strlen(dash + 1))
				vl = (size_t)(dash - wv->value);
			if (!(version = cvet_lockfile__strndup(wv->value, vl))) {
				err = cvet_error_setc(CVET_ENOMEM, "out of memory");
				goto file_done;
			}
			from = "wrapdb_version";
			at = wv->line;
		}
		for (size_t i = 0; i < sizeof(FROM) / sizeof(FROM[0]) && !version; i++) {
			const ini_kv *k = get(kv, nkv, FROM[i]);
			if (k && (err = version_from_name(k->value, &version)) < 0)
				goto file_done;
			if (version) {
				from = FROM[i];
				at = k->line;
			}
		}
		if ((err = cvet_lockfile__add(out, ECO, name, version, at, &p)) < 0)
			goto file_done;
		p->detail = cvet_lockfile__printf("version from %s%s%.300s%s%s", from ? from : "nowhere (not stated)",
						  src ? "; source " : "", src ? src->value : "", *prov ? "; provides " : "",
						  prov);
		if (version)
			p->purl = cvet_lockfile__printf("pkg:generic/%s@%s", p->name, version);
		if (!p->detail || (version && !p->purl))
			err = cvet_error_setc(CVET_ENOMEM, "out of memory");
file_done:
		free(name);
		free(version);
	} else if (kind == SEC_VCS) {
		err = cvet_lockfile__add(out, ECO, base, NULL, sec_line, &p);
		if (err == 0)
			p->detail = cvet_lockfile__strdup("Mercurial/Subversion wrap: revision not read");
	} else {
		const ini_kv *url = get(kv, nkv, "url");
		const ini_kv *rev = get(kv, nkv, "revision");
		char *name = url ? cvet_lockfile__url_basename(url->value) : NULL;
		err = cvet_lockfile__add(out, ECO, name && *name ? name : base, NULL, url ? url->line : sec_line, &p);
		free(name);
		if (err == 0) {
			if (url && !(p->repo = cvet_lockfile__github_repo(url->value)))
				p->repo = cvet_lockfile__strdup(url->value);
			if (!rev || strcmp(rev->value, "head") == 0 || strcmp(rev->value, "HEAD") == 0)
				p->detail = cvet_lockfile__strdup("revision not pinned (follows the branch head)");
			else if (cvet_lockfile__is_commit(rev->value))
				p->commit = cvet_lockfile__strdup(rev->value);
			else
				p->tag = cvet_lockfile__strdup(rev->value);
		}
	}
	free(base);
done:
	for (size_t i = 0; i < nkv; i++)
		free(kv[i].value);
	return err;
}
