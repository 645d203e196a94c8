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

static const ini_kv *get(const ini_kv *kv, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(kv[i].key, key) == 0)
			return &kv[i];
	return NULL;
}

int cvet_lockfile__meson_wrap(const char *display, const char *basename, const char *buf, size_t len,
			      cvet_lf_list *out)
{
	enum { SEC_NONE, SEC_FILE, SEC_GIT, SEC_VCS, SEC_OTHER } sec = SEC_NONE, kind = SEC_NONE;
	ini_kv kv[MAX_KEYS];
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
			else
				sec = SEC_OTHER;
			if ((sec == SEC_FILE || sec == SEC_GIT || sec == SEC_VCS) && kind == SEC_NONE) {
				kind = sec;
				sec_line = line;
			}
			continue;
		}
		if (sec != kind || kind == SEC_NONE)
			continue;
		size_t kl, vl;
		const char *v;
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
		const ini_kv *dir = get(kv, nkv, "directory");
		const ini_kv *wv = get(kv, nkv, "wrapdb_version");
		const ini_kv *src = get(kv, nkv, "source_url");
		char *name = NULL, *version = NULL;
		unsigned at = dir ? dir->line : sec_line;
		if (dir) {
			size_t split = version_split(dir->value);
			if (split) {
				name = cvet_lockfile__strndup(dir->value, split);
				version = cvet_lockfile__strdup(dir->value + split + 1);
			}
		}
		if (wv) {
			/* "3.0.8-3": upstream version 3.0.8, WrapDB revision 3 */
			size_t vl = strlen(wv->value);
			const char *dash = strrchr(wv->value, '-');
			if (dash && dash[1] >= '0' && dash[1] <= '9' && strspn(dash + 1, "0123456789") == strlen(dash + 1))
				vl = (size_t)(dash - wv->value);
			free(version);
			version = cvet_lockfile__strndup(wv->value, vl);
			at = wv->line;
		}
		err = cvet_lockfile__add(out, ECO, name ? name : base, version, at, &p);
		if (err == 0 && src)
			p->detail = cvet_lockfile__printf("source %.300s", src->value);
		if (err == 0 && version)
			p->purl = cvet_lockfile__printf("pkg:generic/%s@%s", p->name, version);
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
