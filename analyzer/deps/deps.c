/* deps.c - the dependency analysis: find manifests, run the parsers, map names, match advisories, apply ignores */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include "cvet/advisory.h"
#include "cvet/deps.h"
#include "deps/lockfile.h"

#define MAX_WALK_DEPTH 48
#define MAX_WALK_ENTRIES 2000000
#define MAX_MANIFESTS 20000
#define MAX_SUMMARY 200
#define MAX_IGNORES 10000
#define MAX_DEP_FINDINGS 50000  /* dependency findings kept per scan; past it a note says how many were dropped */
#define MAX_DUP_NOTES 20        /* "pinned N times" notes per manifest */
#define CONFIG_CAP ((size_t)1 << 20)

typedef enum {
	F_NONE,
	F_CONAN_LOCK,
	F_CONANFILE,
	F_VCPKG,
	F_VCPKG_CONF,
	F_CPM,
	F_WRAP,
	F_BAZEL_MODULE,
	F_BAZEL_LOCK,
	F_GITMODULES,
	F_SBOM,
	F_CONANPY,
	F_CMAKE,
} manifest_kind;

typedef struct {
	char *id, *package, *reason, *until; /* owned */
	unsigned line;
	int used, expired;
} ignore_entry;

typedef struct {
	const cvet_deps_options *opts;
	cvet_report *out;
	cvet_advdb *db;          /* NULL when no database could be opened */
	char today[11];
	ignore_entry *ign;
	size_t nign;
	char root_real[PATH_MAX]; /* real path of the report root, or "" */
	char limit[PATH_MAX];     /* directory git data may be read from */
	size_t walked, manifests;
	int walk_capped;
	int unreadable_dirs;  /* directories that could not be read (noted, up to 20) */
	cvet_lf_gitcache *git;   /* git indexes and tags read so far (owned) */
	size_t dep_findings;     /* dependency findings added, against MAX_DEP_FINDINGS */
	size_t dropped_findings; /* findings past MAX_DEP_FINDINGS */
} scan_ctx;

/* ---- small helpers ---- */

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

/* Kind of manifest a file name denotes. Suffixes (not exact names) so that "x__conan.lock" samples and
 * "app.cdx.json" SBOMs are recognised too. */
static manifest_kind classify(const char *base)
{
	if (ends_with(base, "conan.lock"))
		return F_CONAN_LOCK;
	if (ends_with(base, "conanfile.txt"))
		return F_CONANFILE;
	if (ends_with(base, "vcpkg-configuration.json"))
		return F_VCPKG_CONF;
	if (ends_with(base, "vcpkg.json"))
		return F_VCPKG;
	if (ends_with(base, "package-lock.cmake"))
		return F_CPM;
	if (ends_with(base, "conanfile.py"))
		return F_CONANPY;
	if (ends_with(base, "CMakeLists.txt") || ends_with(base, ".cmake"))
		return F_CMAKE;
	if (ends_with(base, ".wrap"))
		return F_WRAP;
	if (ends_with(base, "MODULE.bazel.lock"))
		return F_BAZEL_LOCK;
	if (ends_with(base, "MODULE.bazel"))
		return F_BAZEL_MODULE;
	if (ends_with(base, ".gitmodules"))
		return F_GITMODULES;
	if (ends_with(base, ".cdx.json") || ends_with(base, ".spdx.json") || ends_with(base, "bom.json") ||
	    ends_with(base, ".cyclonedx.json"))
		return F_SBOM;
	return F_NONE;
}

/* Directories the walk never enters: VCS internals, build trees, package caches. */
static int skip_dir(const char *name)
{
	static const char *const exact[] = {".git", ".hg", ".svn", ".bzr", "node_modules", "vcpkg_installed",
					    ".conan", ".conan2", "_build", "build", "_deps", ".cache", ".venv",
					    "packagecache", "CMakeFiles", "bazel-out", "bazel-bin", "bazel-testlogs"};
	for (size_t i = 0; i < sizeof(exact) / sizeof(exact[0]); i++)
		if (strcmp(name, exact[i]) == 0)
			return 1;
	/* Bazel's bazel-<workspace> output trees are symbolic links, which the walk never follows */
	return strncmp(name, "build-", 6) == 0 || strncmp(name, "cmake-build-", 12) == 0;
}

static int excluded(const scan_ctx *c, const char *rel)
{
	for (size_t i = 0; i < c->opts->nexclude; i++) {
		const char *g = c->opts->exclude[i];
		if (!g)
			continue;
		if (fnmatch(g, rel, 0) == 0 || fnmatch(g, base_name(rel), 0) == 0)
			return 1;
		/* any directory component ("vendor" excludes a/vendor/b) */
		for (const char *s = rel; *s;) {
			size_t n = strcspn(s, "/");
			char comp[256];
			if (n < sizeof(comp)) {
				memcpy(comp, s, n);
				comp[n] = '\0';
				if (fnmatch(g, comp, 0) == 0)
					return 1;
			}
			s += n;
			while (*s == '/')
				s++;
		}
		/* "dir" or "dir/" excludes everything below it */
		size_t gl = strlen(g);
		while (gl && g[gl - 1] == '/')
			gl--;
		if (gl && strncmp(rel, g, gl) == 0 && rel[gl] == '/')
			return 1;
	}
	return 0;
}

/* Path for the report: relative to the report root when under it; malloc'd. */
static char *report_path(const scan_ctx *c, const char *path)
{
	char real[PATH_MAX];
	const char *p = path;
	if (c->root_real[0] && realpath(path, real)) {
		size_t n = strlen(c->root_real);
		if (strcmp(c->root_real, "/") == 0 && real[0] == '/')
			return cvet_lockfile__strdup(real + 1);
		if (strncmp(real, c->root_real, n) == 0 && real[n] == '/')
			return cvet_lockfile__strdup(real + n + 1);
		if (strcmp(real, c->root_real) == 0)
			return cvet_lockfile__strdup(".");
		p = real;
	}
	while (p[0] == '.' && p[1] == '/')
		p += 2;
	return cvet_lockfile__strdup(p);
}

/* 1 when the real path `p` is `root` or below it. */
static int path_under(const char *p, const char *root)
{
	size_t n = strlen(root);
	if (n == 1 && root[0] == '/')
		return 1;
	return strncmp(p, root, n) == 0 && (p[n] == '/' || p[n] == '\0');
}

static char *lowercase(const char *s)
{
	char *r = cvet_lockfile__strdup(s);
	for (char *p = r; p && *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return r;
}

/* One line of at most `max` bytes: control characters become spaces, a cut never splits a UTF-8 sequence. */
static void one_line(char *s, size_t max)
{
	size_t n = strlen(s);
	if (n > max) {
		n = max;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
		s[n] = '\0';
		if (n >= 3)
			memcpy(s + n - 3, "...", 3);
	}
	for (char *p = s; *p; p++)
		if ((unsigned char)*p < 32 || *p == 127)
			*p = ' ';
}

/* Version used for matching: drop "#rrev"/"#port-version" and "@user/channel". malloc'd. */
static char *match_version(const char *v)
{
	if (!v)
		return NULL;
	size_t n = strcspn(v, "#@");
	return cvet_lockfile__strndup(v, n);
}

/* purl name/version component: percent-encode what the purl spec reserves. malloc'd. */
static char *purl_enc(const char *s)
{
	size_t n = strlen(s);
	char *r = malloc(n * 3 + 1), *o = r;
	if (!r)
		return NULL;
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;
		if (isalnum(ch) || ch == '.' || ch == '-' || ch == '_' || ch == '~' || ch == '+')
			*o++ = (char)ch;
		else {
			*o++ = '%';
			*o++ = "0123456789ABCDEF"[ch >> 4];
			*o++ = "0123456789ABCDEF"[ch & 15];
		}
	}
	*o = '\0';
	return r;
}

static char *default_purl(const cvet_lf_pkg *p, const char *version)
{
	if (p->repo && strchr(p->repo, '/') && !strstr(p->repo, "://") && !strchr(p->repo, '@') && version)
		return cvet_lockfile__printf("pkg:github/%s@%s", p->repo, version);
	char *n = purl_enc(p->name);
	char *v = version ? purl_enc(version) : NULL;
	char *r = NULL;
	if (n && (!version || v))
		r = v ? cvet_lockfile__printf("pkg:generic/%s@%s", n, v) : cvet_lockfile__printf("pkg:generic/%s", n);
	free(n);
	free(v);
	return r;
}

/* ---- ignores (.cvet.json "ignore") ---- */

static int valid_date(const char *s)
{
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			return 0;
	int m = (s[5] - '0') * 10 + (s[6] - '0'), d = (s[8] - '0') * 10 + (s[9] - '0');
	return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

static void ignores_free(scan_ctx *c)
{
	for (size_t i = 0; i < c->nign; i++) {
		free(c->ign[i].id);
		free(c->ign[i].package);
		free(c->ign[i].reason);
		free(c->ign[i].until);
	}
	free(c->ign);
	c->ign = NULL;
	c->nign = 0;
}

/* Read the "ignore" entries of the config. Returns 0, or CVET_EPARSE/CVET_EIO with a message. */
static int load_ignores(scan_ctx *c, const char *path)
{
	char *buf = NULL;
	size_t len = 0;
	/* messages name the file as the report names files (relative to the report root), directory
	 * included: "sub/.cvet.json: line 3: ...", never a bare ".cvet.json" that could be any of several */
	char *disp = report_path(c, path);
	cvet_lf_json j = {0};
	int err;
	if (!disp)
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	if ((err = cvet_lockfile__read_file(path, disp, CONFIG_CAP, &buf, &len)) < 0) {
		free(disp);
		return err;
	}
	err = cvet_lockfile__json_parse(disp, buf, len, &j);
	free(buf);
	if (err < 0) {
		free(disp);
		return err == CVET_ENOMEM ? err : CVET_EPARSE;
	}
	const cJSON *ign = cJSON_GetObjectItemCaseSensitive(j.root, "ignore"), *e;
	if (!ign)
		goto done;
	if (!cJSON_IsArray(ign)) {
		err = cvet_error_setc(CVET_EPARSE, "%s: line %u: \"ignore\" must be an array", disp,
				      cvet_lockfile__json_line(&j, ign));
		goto done;
	}
	size_t n = (size_t)cJSON_GetArraySize(ign);
	if (n > MAX_IGNORES) {
		err = cvet_error_setc(CVET_EPARSE, "%s: more than %d ignore entries", disp, MAX_IGNORES);
		goto done;
	}
	c->ign = calloc(n ? n : 1, sizeof(*c->ign));
	if (!c->ign) {
		err = cvet_error_setc(CVET_ENOMEM, "out of memory");
		goto done;
	}
	cJSON_ArrayForEach(e, ign) {
		unsigned line = cvet_lockfile__json_line(&j, e);
		if (!cJSON_IsObject(e)) {
			err = cvet_error_setc(CVET_EPARSE, "%s: line %u: an ignore entry must be an object", disp, line);
			goto done;
		}
		const cJSON *id = cJSON_GetObjectItemCaseSensitive(e, "id");
		const cJSON *pkg = cJSON_GetObjectItemCaseSensitive(e, "package");
		const cJSON *reason = cJSON_GetObjectItemCaseSensitive(e, "reason");
		const cJSON *until = cJSON_GetObjectItemCaseSensitive(e, "until");
		if (!cJSON_IsString(id) || !id->valuestring[0]) {
			err = cvet_error_setc(CVET_EPARSE, "%s: line %u: ignore entry needs an \"id\" (advisory or CVE id)",
					      disp, line);
			goto done;
		}
		if (!cJSON_IsString(reason) || strspn(reason->valuestring, " \t\r\n") == strlen(reason->valuestring)) {
			err = cvet_error_setc(CVET_EPARSE, "%s: line %u: ignore entry for %.80s has no \"reason\" (a reason is required)",
					      disp, line, id->valuestring);
			goto done;
		}
		if (pkg && !cJSON_IsString(pkg)) {
			err = cvet_error_setc(CVET_EPARSE, "%s: line %u: ignore \"package\" must be a string", disp, line);
			goto done;
		}
		if (until && (!cJSON_IsString(until) || !valid_date(until->valuestring))) {
			err = cvet_error_setc(CVET_EPARSE, "%s: line %u: ignore \"until\" must be a date \"YYYY-MM-DD\"", disp,
					      line);
			goto done;
		}
		ignore_entry *ie = &c->ign[c->nign++];
		ie->line = line;
		ie->id = cvet_lockfile__strdup(id->valuestring);
		ie->reason = cvet_lockfile__strdup(reason->valuestring);
		ie->package = pkg ? cvet_lockfile__strdup(pkg->valuestring) : NULL;
		ie->until = until ? cvet_lockfile__strdup(until->valuestring) : NULL;
		if (!ie->id || !ie->reason || (pkg && !ie->package) || (until && !ie->until)) {
			err = cvet_error_setc(CVET_ENOMEM, "out of memory");
			goto done;
		}
		if (ie->until && strcmp(ie->until, c->today) < 0)
			ie->expired = 1;
	}
done:
	cvet_lockfile__json_free(&j);
	free(disp);
	return err;
}

static int strcase_eq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++)
		if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
			return 0;
	return *a == *b;
}

/* The ignore entry that drops this match, or NULL. */
static ignore_entry *find_ignore(scan_ctx *c, const cvet_adv_match *m, const char *pkg, const char *upstream)
{
	for (size_t i = 0; i < c->nign; i++) {
		ignore_entry *ie = &c->ign[i];
		if (ie->expired)
			continue;
		int hit = strcase_eq(ie->id, m->id);
		for (size_t k = 0; !hit && k < m->naliases; k++)
			hit = strcase_eq(ie->id, m->aliases[k]);
		for (size_t k = 0; !hit && k < m->nsources; k++)
			hit = strcase_eq(ie->id, m->sources[k]);
		if (!hit)
			continue;
		if (ie->package && !strcase_eq(ie->package, pkg) && !(upstream && strcase_eq(ie->package, upstream)))
			continue;
		return ie;
	}
	return NULL;
}

/* ---- name mapping and matching ---- */

static char *map_upstream(scan_ctx *c, const cvet_lf_pkg *p)
{
	char *u = NULL;
	if (!c->db)
		return NULL;
	const char *purl_eco = cvet_lockfile__purl_ecosystem(p->purl);
	if (purl_eco && (u = cvet_advdb_upstream(c->db, purl_eco, p->name)))
		return u;
	if ((u = cvet_advdb_upstream(c->db, p->ecosystem, p->name)))
		return u;
	if (p->repo) {
		int gh = strchr(p->repo, '/') && !strstr(p->repo, "://") && !strchr(p->repo, '@');
		char *slug = gh ? lowercase(p->repo) : NULL;
		u = cvet_advdb_upstream(c->db, gh ? "github" : "git", slug ? slug : p->repo);
		free(slug);
		if (u)
			return u;
		if (gh) {
			char *url = cvet_lockfile__printf("https://github.com/%s", p->repo);
			if (url && (u = cvet_advdb_upstream(c->db, "git", url))) {
				free(url);
				return u;
			}
			free(url);
		}
	}
	char *lower = lowercase(p->name);
	if (!lower)
		return NULL;
	if (strcmp(lower, p->name) != 0 && (u = cvet_advdb_upstream(c->db, p->ecosystem, lower))) {
		free(lower);
		return u;
	}
	if (cvet_advdb_has_project(c->db, lower))
		return lower;
	free(lower);
	return NULL;
}

static char *dup_or_null(const char *s, int *oom)
{
	if (!s)
		return NULL;
	char *r = cvet_lockfile__strdup(s);
	if (!r)
		*oom = 1;
	return r;
}

static int dup_strv(char **src, size_t n, char ***dst, size_t *dn)
{
	*dst = NULL;
	*dn = 0;
	if (!n)
		return 0;
	*dst = calloc(n, sizeof(char *));
	if (!*dst)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (!((*dst)[i] = cvet_lockfile__strdup(src[i] ? src[i] : "")))
			return -1;
		(*dn)++;
	}
	return 0;
}

/* Build one finding for a match; NULL on OOM. */
static cvet_finding *make_finding(const cvet_lf_pkg *p, const char *eco, const char *version, const char *purl,
				  const char *upstream, const char *path, const cvet_adv_match *m)
{
	cvet_finding *f = cvet_finding_new();
	cvet_dep_info *d = cvet_dep_info_new();
	int oom = 0;
	if (!f || !d) {
		cvet_finding_free(f);
		cvet_dep_info_free(d);
		return NULL;
	}
	f->dep = d;
	const char *cve = NULL;
	if (strncmp(m->id, "CVE-", 4) == 0)
		cve = m->id;
	for (size_t i = 0; !cve && i < m->naliases; i++)
		if (m->aliases[i] && strncmp(m->aliases[i], "CVE-", 4) == 0)
			cve = m->aliases[i];
	char summary[MAX_SUMMARY + 8];
	snprintf(summary, sizeof(summary), "%s", m->summary && m->summary[0] ? m->summary : "no summary");
	one_line(summary, MAX_SUMMARY);
	f->rule_id = dup_or_null(m->id, &oom);
	f->kind = CVET_KIND_DEPENDENCY;
	f->severity = m->severity;
	f->message = cvet_lockfile__printf("%s %s is affected by %s: %s%s", p->name, version ? version : "(unknown)",
					   cve ? cve : m->id, summary, m->approximate ? " (approximate range)" : "");
	if (f->message)
		one_line(f->message, 600);
	f->loc.path = dup_or_null(path, &oom);
	f->loc.line = p->line;
	f->snippet = cvet_lockfile__printf("%s:%s@%s", eco, p->name, version ? version : "");
	if (m->fixed)
		f->fix = cvet_lockfile__printf("upgrade %s to %s or later", p->name, m->fixed);
	d->package = dup_or_null(p->name, &oom);
	d->ecosystem = dup_or_null(eco, &oom);
	d->version = dup_or_null(version, &oom);
	d->purl = dup_or_null(purl, &oom);
	d->upstream = dup_or_null(upstream, &oom);
	d->advisory_id = dup_or_null(m->id, &oom);
	if (dup_strv(m->aliases, m->naliases, &d->aliases, &d->naliases) < 0 ||
	    dup_strv(m->sources, m->nsources, &d->sources, &d->nsources) < 0)
		oom = 1;
	d->summary = dup_or_null(m->summary, &oom);
	d->cvss_vector = dup_or_null(m->cvss_vector, &oom);
	d->score = m->score;
	d->upgrade_to = dup_or_null(m->fixed, &oom);
	d->build_only = p->build_only;
	d->approximate = m->approximate;
	if (oom || !f->rule_id || !f->message || !f->snippet || (m->fixed && !f->fix)) {
		cvet_finding_free(f);
		return NULL;
	}
	return f;
}

/* Replace control characters (terminal escapes, newlines) in text taken from a manifest, in place. */
static void sanitize(char *s)
{
	for (; s && *s; s++)
		if ((unsigned char)*s < 32 || *s == 127)
			*s = '?';
}

static void sanitize_pkg(cvet_lf_pkg *p)
{
	sanitize(p->name);
	sanitize(p->version);
	sanitize(p->tag);
	sanitize(p->commit);
	sanitize(p->repo);
	sanitize(p->purl);
	sanitize(p->detail);
}

/* ---- identical pins ---- */

static int str_order(const char *a, const char *b)
{
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

typedef struct {
	const cvet_lf_pkg *p;
	size_t i; /* position in the list */
} pin_ref;

/* 1 when two entries pin the same thing: ecosystem, name, version, tag, commit, file, build-only flag. */
static int pin_key_cmp(const cvet_lf_pkg *x, const cvet_lf_pkg *y)
{
	int c;
	if ((c = str_order(x->ecosystem, y->ecosystem)) || (c = str_order(x->name, y->name)) ||
	    (c = str_order(x->version, y->version)) || (c = str_order(x->tag, y->tag)) ||
	    (c = str_order(x->commit, y->commit)) || (c = str_order(x->path, y->path)))
		return c;
	return (x->build_only > y->build_only) - (x->build_only < y->build_only);
}

/* Same pin together, ties by position (so the first copy leads its group). */
static int cmp_pin(const void *a, const void *b)
{
	const pin_ref *x = a, *y = b;
	int c = pin_key_cmp(x->p, y->p);
	return c ? c : (x->i > y->i) - (x->i < y->i);
}

/*
 * Identical pins in one manifest (a lockfile that repeats a package 10,000 times) are matched and
 * reported once, at their first line, with a note saying how often they repeat: the advice (upgrade
 * that pin) is the same for every copy, and one finding per copy multiplied memory and output by the
 * number of copies. Pins in different files stay separate findings (each file is fixed on its own).
 * Sets dup[i] = 1 for every copy after the first and count[first] = copies. Returns 0 or CVET_ENOMEM.
 */
static int find_duplicates(const cvet_lf_list *l, unsigned char *dup, size_t *count)
{
	pin_ref *ord = l->n ? malloc(l->n * sizeof(*ord)) : NULL;
	if (l->n && !ord)
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	for (size_t i = 0; i < l->n; i++) {
		ord[i].p = &l->items[i];
		ord[i].i = i;
		dup[i] = 0;
		count[i] = 1;
	}
	if (l->n > 1)
		qsort(ord, l->n, sizeof(*ord), cmp_pin);
	for (size_t i = 0; i < l->n;) {
		size_t j = i + 1;
		while (j < l->n && pin_key_cmp(ord[i].p, ord[j].p) == 0)
			dup[ord[j++].i] = 1;
		count[ord[i].i] = j - i; /* ord[i] is the first copy: ties sort by position */
		i = j;
	}
	free(ord);
	return 0;
}

/* Turn the parser's packages into report packages and findings. `file_path` is where they were read from. */
static int emit(scan_ctx *c, const char *file_path, cvet_lf_list *l)
{
	char *file_rel = report_path(c, file_path);
	unsigned char *dup = l->n ? malloc(l->n) : NULL;
	size_t *count = l->n ? malloc(l->n * sizeof(*count)) : NULL;
	size_t dup_notes = 0, dup_more = 0;
	int err = 0;
	if (!file_rel || (l->n && (!dup || !count))) {
		err = cvet_error_setc(CVET_ENOMEM, "out of memory");
		goto out;
	}
	if ((err = find_duplicates(l, dup, count)) < 0)
		goto out;
	for (size_t i = 0; i < l->n && err == 0; i++) {
		cvet_lf_pkg *p = &l->items[i];
		char *version = NULL, *upstream = NULL, *purl = NULL, *mv = NULL, *path = NULL;
		if (dup[i])
			continue;
		sanitize_pkg(p);
		if (count[i] > 1) {
			if (dup_notes++ < MAX_DUP_NOTES)
				err = cvet_report_add_note(c->out, "%s: %s %s is pinned %zu times; matched and reported once, at line %u",
							   file_rel, p->name, p->version ? p->version : p->tag ? p->tag : p->commit ? p->commit : "(no version)",
							   count[i], p->line);
			else
				dup_more++;
			if (err < 0)
				break;
		}
		cvet_adv_match *m = NULL;
		size_t nm = 0;
		if (p->version)
			version = cvet_lockfile__strdup(p->version);
		else if (p->tag && c->db)
			version = cvet_version_from_tag(p->tag, p->name);
		else if (p->tag)
			version = cvet_lockfile__strdup(p->tag);
		upstream = map_upstream(c, p);
		if (p->tag && c->db && upstream && !p->version) {
			/* the project's own tag scheme ("curl-8_4_0") is known only after mapping */
			char *v2 = cvet_version_from_tag(p->tag, upstream);
			if (v2) {
				free(version);
				version = v2;
			}
		}
		const char *shown = version ? version : p->commit;
		purl = p->purl ? cvet_lockfile__strdup(p->purl) : default_purl(p, shown);
		path = p->path ? report_path(c, p->path) : cvet_lockfile__strdup(file_rel);
		mv = match_version(version);
		int checked = 0;
		if (c->db && upstream && (mv || p->commit)) {
			checked = cvet_advdb_has_project(c->db, upstream) ? 1 : 0;
			if (checked && (err = cvet_advdb_match(c->db, upstream, mv, p->commit, &m, &nm)) < 0) {
				if (err == CVET_ENOMEM || err == CVET_EDB)
					goto next; /* the database itself is unusable: stop */
				/* one project over a database bound: say so and go on with the others */
				err = cvet_report_add_note(c->out, "could not match %s %s: %s", p->name, shown ? shown : "",
							   cvet_error_last());
				checked = 0;
				m = NULL;
				nm = 0;
				if (err < 0)
					goto next;
			}
		}
		for (size_t k = 0; k < nm; k++) {
			ignore_entry *ie = find_ignore(c, &m[k], p->name, upstream);
			if (ie) {
				ie->used = 1;
				continue;
			}
			if (c->dep_findings >= MAX_DEP_FINDINGS) {
				c->dropped_findings++;
				checked = 1;
				continue;
			}
			cvet_finding *f = make_finding(p, p->ecosystem, shown, purl, upstream, path, &m[k]);
			if (!f) {
				err = cvet_error_setc(CVET_ENOMEM, "out of memory");
				goto next;
			}
			if ((err = cvet_report_add(c->out, f)) < 0)
				goto next;
			c->dep_findings++;
			checked = 1;
		}
		cvet_package *pk = calloc(1, sizeof(*pk));
		if (!pk) {
			err = cvet_error_setc(CVET_ENOMEM, "out of memory");
			goto next;
		}
		pk->name = cvet_lockfile__strdup(p->name);
		pk->ecosystem = cvet_lockfile__strdup(p->ecosystem);
		pk->version = shown ? cvet_lockfile__strdup(shown) : NULL;
		pk->purl = purl;
		purl = NULL;
		pk->upstream = upstream;
		upstream = NULL;
		pk->loc.path = path;
		path = NULL;
		pk->loc.line = p->line;
		if (p->detail)
			pk->loc.message = cvet_lockfile__strdup(p->detail);
		pk->build_only = p->build_only;
		pk->checked = checked;
		for (size_t k = 0; k < nm; k++)
			if (!find_ignore(c, &m[k], p->name, pk->upstream))
				pk->nvulns++;
		if (!pk->name || !pk->ecosystem) {
			cvet_package_free(pk);
			err = cvet_error_setc(CVET_ENOMEM, "out of memory");
			goto next;
		}
		err = cvet_report_add_package(c->out, pk);
	next:
		cvet_adv_matches_free(m, nm);
		free(version);
		free(upstream);
		free(purl);
		free(mv);
		free(path);
	}
	if (err == 0 && dup_more)
		err = cvet_report_add_note(c->out, "%s: %zu more packages are pinned more than once; each matched and reported once",
					   file_rel, dup_more);
	for (size_t i = 0; i < l->nnotes && err == 0; i++)
		err = cvet_report_add_note(c->out, "%s", l->notes[i]);
out:
	free(dup);
	free(count);
	free(file_rel);
	return err;
}

/* ---- one manifest ---- */

/*
 * A vcpkg.json named directly: read vcpkg-configuration.json next to it for its notes (a walk finds it
 * on its own). A problem with it is a note, never an error. Returns 0 or CVET_ENOMEM.
 */
static int sibling_configuration(scan_ctx *c, const char *path, cvet_lf_list *l)
{
	const char *slash = strrchr(path, '/');
	char *conf = slash ? cvet_lockfile__printf("%.*s/vcpkg-configuration.json", (int)(slash - path), path)
			   : cvet_lockfile__strdup("vcpkg-configuration.json");
	char *buf = NULL, *disp = NULL;
	size_t len = 0;
	struct stat st;
	int err = 0;
	if (!conf)
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	if (stat(conf, &st) == 0 && S_ISREG(st.st_mode) && (disp = report_path(c, conf)) != NULL &&
	    cvet_lockfile__outside(c->limit, conf)) {
		err = cvet_lockfile__note(l, "skipped %s: it leads outside the scanned tree (a symbolic link; not followed)",
					  disp);
	} else if (disp && cvet_lockfile__read_file_in(c->limit, conf, disp, CVET_LF_MAX_FILE, &buf, &len) == 0) {
		l->extra_files++;
		if (cvet_lockfile__vcpkg_configuration(disp, buf, len, l) < 0)
			err = cvet_lockfile__note(l, "skipped %s", cvet_error_last());
	}
	free(buf);
	free(disp);
	free(conf);
	return err;
}

/*
 * CMakeLists.txt / *.cmake. In a walk, the CPM packages that a package-lock.cmake in the file's directory or
 * one above it (up to the scanned root) pins are reported from the lock (the walk reads it too), not twice.
 * Returns 0 or a negative code.
 */
static int cmake_file(scan_ctx *c, const char *path, int direct, const char *display, const char *buf, size_t len,
		      cvet_lf_list *l)
{
	cvet_lf_list lock = {0};
	int have_lock = 0, err;
	char dir[PATH_MAX];
	if (!direct && c->limit[0] && realpath(path, dir)) {
		char *slash = strrchr(dir, '/');
		while (slash && !have_lock) {
			*slash = '\0';
			if (!path_under(dir[0] ? dir : "/", c->limit))
				break;
			char *lp = cvet_lockfile__printf("%s/package-lock.cmake", dir);
			char *lbuf = NULL;
			size_t llen = 0;
			struct stat st;
			if (!lp)
				return cvet_error_setc(CVET_ENOMEM, "out of memory");
			char *rel = NULL;
			/* a lock the walk does not read (excluded) does not hide anything */
			if (lstat(lp, &st) == 0 && S_ISREG(st.st_mode) && (rel = report_path(c, lp)) != NULL &&
			    !excluded(c, rel) &&
			    cvet_lockfile__read_file_in(c->limit, lp, lp, CVET_LF_MAX_FILE, &lbuf, &llen) == 0)
				have_lock = cvet_lockfile__cpm_lock(lp, lbuf, llen, &lock) == 0;
			free(rel);
			free(lbuf);
			free(lp);
			slash = strrchr(dir, '/');
		}
	}
	err = cvet_lockfile__cmake_deps(display, buf, len, have_lock ? &lock : NULL, l);
	cvet_lockfile__list_clear(&lock);
	return err;
}

/* Parse one file. `direct`: the user named it (errors are fatal). Returns 0 or a negative code. */
static int scan_file(scan_ctx *c, const char *path, manifest_kind kind, int direct)
{
	char *display = report_path(c, path);
	char *buf = NULL;
	size_t len = 0;
	cvet_lf_list l = {0};
	int err;
	if (!display)
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	if (++c->manifests > MAX_MANIFESTS) {
		if (c->manifests == MAX_MANIFESTS + 1)
			cvet_report_add_note(c->out, "more than %d manifests: the rest were not read", MAX_MANIFESTS);
		free(display);
		return 0;
	}
	/* a file the user named is read as named; one the walk found must stay inside the scanned roots */
	err = direct ? cvet_lockfile__read_file(path, display, CVET_LF_MAX_FILE, &buf, &len)
		     : cvet_lockfile__read_file_in(c->limit, path, display, CVET_LF_MAX_FILE, &buf, &len);
	if (err == 0) {
		c->out->manifests_scanned++;
		switch (kind) {
		case F_CONAN_LOCK: err = cvet_lockfile__conan_lock(display, buf, len, &l); break;
		case F_CONANFILE: err = cvet_lockfile__conanfile_txt(display, buf, len, &l); break;
		case F_VCPKG:
			err = cvet_lockfile__vcpkg_json(path, c->limit, display, buf, len, &l);
			if (err == 0 && direct)
				err = sibling_configuration(c, path, &l);
			break;
		case F_VCPKG_CONF: err = cvet_lockfile__vcpkg_configuration(display, buf, len, &l); break;
		case F_CPM: err = cvet_lockfile__cpm_lock(display, buf, len, &l); break;
		case F_CONANPY: err = cvet_lockfile__conanfile_py(display, buf, len, &l); break;
		case F_CMAKE: err = cmake_file(c, path, direct, display, buf, len, &l); break;
		case F_WRAP: err = cvet_lockfile__meson_wrap(display, base_name(path), buf, len, &l); break;
		case F_BAZEL_MODULE: err = cvet_lockfile__bazel_module(display, buf, len, &l); break;
		case F_BAZEL_LOCK: err = cvet_lockfile__bazel_lock(display, buf, len, &l); break;
		case F_GITMODULES: {
			char *dir = NULL;
			const char *slash = strrchr(path, '/');
			dir = slash ? cvet_lockfile__strndup(path, slash == path ? 1 : (size_t)(slash - path))
				    : cvet_lockfile__strdup(".");
			if (!dir) {
				err = cvet_error_setc(CVET_ENOMEM, "out of memory");
				break;
			}
			err = cvet_lockfile__gitmodules(dir, c->limit[0] ? c->limit : dir, c->git, display, buf, len, &l);
			free(dir);
			break;
		}
		case F_SBOM:
			err = cvet_lockfile__sbom(display, buf, len, &l);
			if (err == CVET_ENOTFOUND)
				err = direct ? cvet_error_setc(CVET_EPARSE, "%s: neither a CycloneDX nor an SPDX document", display)
					     : 0;
			break;
		case F_NONE: break;
		}
		c->out->manifests_scanned += l.extra_files;
	}
	free(buf);
	if (err == CVET_ENOMEM) {
		cvet_lockfile__list_clear(&l);
		free(display);
		return err;
	}
	if (err < 0) {
		const char *msg = cvet_error_last();
		size_t dl = strlen(display);
		if (direct) {
			cvet_lockfile__list_clear(&l);
			free(display);
			/* the message already names the file; a limit or I/O problem is an input error too */
			return err == CVET_EIO ? err : CVET_EPARSE;
		}
		if (strncmp(msg, display, dl) == 0 && msg[dl] == ':')
			err = cvet_report_add_note(c->out, "skipped %s", msg);
		else if (msg[0] == '\'' && strncmp(msg + 1, display, dl) == 0)
			err = cvet_report_add_note(c->out, "skipped %s: %s", display, msg);
		else
			err = cvet_report_add_note(c->out, "skipped %s: %s", display, msg);
		cvet_lockfile__list_clear(&l);
		free(display);
		return err;
	}
	err = emit(c, path, &l);
	cvet_lockfile__list_clear(&l);
	free(display);
	return err;
}

/* ---- the walk ---- */

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int walk(scan_ctx *c, const char *dir, const char *rel, int depth)
{
	if (depth > MAX_WALK_DEPTH) {
		if (!c->walk_capped++)
			cvet_report_add_note(c->out, "dependency scan: directories nested deeper than %d levels were not searched",
					     MAX_WALK_DEPTH);
		return 0;
	}
	DIR *d = opendir(dir);
	if (!d) {
		/* noted as the code scan's discovery words it, so that `cvet scan` shows one line for both */
		int e = errno;
		char *disp = report_path(c, dir);
		if (!disp)
			return cvet_error_setc(CVET_ENOMEM, "out of memory");
		if (c->unreadable_dirs++ < 20 &&
		    cvet_report_add_note(c->out, "could not scan directory '%s': cannot read it (%s)", disp, strerror(e)) < 0) {
			free(disp);
			return cvet_error_setc(CVET_ENOMEM, "out of memory");
		}
		free(disp);
		return 0;
	}
	/* collect and sort names so the walk (and note order) is deterministic */
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *de;
	int err = 0;
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		if (++c->walked > MAX_WALK_ENTRIES) {
			if (c->walked == MAX_WALK_ENTRIES + 1)
				cvet_report_add_note(c->out, "dependency scan: stopped after %d directory entries", MAX_WALK_ENTRIES);
			break;
		}
		if (n == cap) {
			size_t nc = cap ? cap * 2 : 64;
			char **nn = reallocarray(names, nc, sizeof(*nn));
			if (!nn) {
				err = cvet_error_setc(CVET_ENOMEM, "out of memory");
				break;
			}
			names = nn;
			cap = nc;
		}
		if (!(names[n] = cvet_lockfile__strdup(de->d_name))) {
			err = cvet_error_setc(CVET_ENOMEM, "out of memory");
			break;
		}
		n++;
	}
	closedir(d);
	if (n > 1)
		qsort(names, n, sizeof(*names), cmp_name);
	for (size_t i = 0; i < n && err == 0; i++) {
		char *full = cvet_lockfile__printf("%s/%s", dir, names[i]);
		char *r = rel[0] ? cvet_lockfile__printf("%s/%s", rel, names[i]) : cvet_lockfile__strdup(names[i]);
		struct stat st;
		if (!full || !r) {
			err = cvet_error_setc(CVET_ENOMEM, "out of memory");
		} else if (lstat(full, &st) == 0 && !excluded(c, r)) {
			if (S_ISDIR(st.st_mode)) {
				if (!skip_dir(names[i]))
					err = walk(c, full, r, depth + 1);
			} else if (S_ISREG(st.st_mode)) {
				manifest_kind k = classify(names[i]);
				if (k != F_NONE)
					err = scan_file(c, full, k, 0);
			} else if (S_ISLNK(st.st_mode) && classify(names[i]) != F_NONE) {
				/* the walk follows no links (linked directories are passed over silently: bazel-*
				 * output links are everywhere); a linked manifest is said, so it is not missed unseen */
				char *pd = report_path(c, dir); /* the link itself, not where it points */
				if (!pd)
					err = cvet_error_setc(CVET_ENOMEM, "out of memory");
				else
					err = cvet_report_add_note(c->out, "skipped %s%s%s: a symbolic link (the dependency scan does "
								   "not follow links)", strcmp(pd, ".") ? pd : "",
								   strcmp(pd, ".") ? "/" : "", names[i]);
				free(pd);
			}
		}
		free(full);
		free(r);
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return err;
}

static int is_source_file(const char *base)
{
	static const char *const ext[] = {".c", ".cc", ".cpp", ".cxx", ".c++", ".C", ".h", ".hh", ".hpp", ".hxx", ".h++", ".inl"};
	for (size_t i = 0; i < sizeof(ext) / sizeof(ext[0]); i++)
		if (ends_with(base, ext[i]))
			return 1;
	return 0;
}

int cvet_deps_scan(const char *const *paths, size_t npaths, const cvet_deps_options *opts, cvet_report *out)
{
	static const cvet_deps_options defaults = CVET_DEPS_OPTIONS_INIT;
	static const char *const dot[] = {"."};
	scan_ctx c;
	int err = 0;
	memset(&c, 0, sizeof(c));
	c.opts = opts ? opts : &defaults;
	c.out = out;
	if (!paths || npaths == 0) {
		paths = dot;
		npaths = 1;
	}
	if (c.opts->today) {
		if (!valid_date(c.opts->today))
			return cvet_error_setc(CVET_EUSAGE, "today's date '%.20s' is not YYYY-MM-DD", c.opts->today);
		snprintf(c.today, sizeof(c.today), "%s", c.opts->today);
	} else {
		time_t now = time(NULL);
		struct tm tm;
		if (gmtime_r(&now, &tm))
			strftime(c.today, sizeof(c.today), "%Y-%m-%d", &tm);
	}
	if (c.opts->report_root && !realpath(c.opts->report_root, c.root_real))
		c.root_real[0] = '\0';
	if (c.opts->config_path) {
		struct stat st;
		if (stat(c.opts->config_path, &st) == 0 && (err = load_ignores(&c, c.opts->config_path)) < 0)
			goto done;
	}
	out->deps_ran = 1;
	if ((err = cvet_lockfile__gitcache_new(&c.git)) < 0)
		goto done;
	if ((err = cvet_advdb_open(&c.db, c.opts->db_path)) < 0) {
		if (c.opts->db_path)
			goto done; /* a database the user named must open */
		cvet_report_add_note(out, "no advisory database (%s): packages are listed but not checked", cvet_error_last());
		c.db = NULL;
		err = 0;
	}
	for (size_t i = 0; i < npaths && err == 0; i++) {
		const char *p = paths[i];
		struct stat st;
		if (!p || stat(p, &st) < 0) {
			err = cvet_error_setc(CVET_EIO, "cannot access '%s': %s", p ? p : "(null)", strerror(errno));
			break;
		}
		/* a "gitdir:" redirect may lead anywhere below the project root when the scanned path is
		 * inside it, else anywhere below the scanned directory */
		char scanned[PATH_MAX];
		if (!realpath(p, scanned))
			scanned[0] = '\0';
		else if (!S_ISDIR(st.st_mode) && strrchr(scanned, '/'))
			*(strrchr(scanned, '/') == scanned ? scanned + 1 : strrchr(scanned, '/')) = '\0';
		if (c.root_real[0] && scanned[0] && path_under(scanned, c.root_real))
			snprintf(c.limit, sizeof(c.limit), "%s", c.root_real);
		else
			snprintf(c.limit, sizeof(c.limit), "%s", scanned);
		if (S_ISDIR(st.st_mode)) {
			size_t pl = strlen(p);
			while (pl > 1 && p[pl - 1] == '/')
				pl--;
			char *dir = cvet_lockfile__strndup(p, pl);
			if (!dir) {
				err = cvet_error_setc(CVET_ENOMEM, "out of memory");
				break;
			}
			err = walk(&c, dir, "", 0);
			free(dir);
		} else if (S_ISREG(st.st_mode)) {
			manifest_kind k = classify(base_name(p));
			if (k == F_NONE && ends_with(p, ".json"))
				k = F_SBOM;
			if (k != F_NONE)
				err = scan_file(&c, p, k, 1);
			else if (!is_source_file(base_name(p)))
				cvet_report_add_note(out, "%s is not a manifest or lockfile cvet reads", p);
		} else if (classify(base_name(p)) != F_NONE) {
			err = cvet_error_setc(CVET_EIO, "'%s' is not a regular file", p);
		}
	}
	if (err < 0)
		goto done;
	if (c.dropped_findings)
		cvet_report_add_note(out, "more than %d dependency findings: %zu more were not listed (fix the ones shown, or "
				     "scan fewer manifests at a time)", MAX_DEP_FINDINGS, c.dropped_findings);
	for (size_t i = 0; i < c.nign; i++) {
		ignore_entry *ie = &c.ign[i];
		if (ie->expired)
			cvet_report_add_note(out, "ignore for %s%s%s expired on %s; the advisory is reported again", ie->id,
					     ie->package ? " in " : "", ie->package ? ie->package : "", ie->until);
		else if (!ie->used)
			cvet_report_add_note(out, "unused ignore for %s%s%s (line %u of the config): no finding matched it",
					     ie->id, ie->package ? " in " : "", ie->package ? ie->package : "", ie->line);
	}
done:
	cvet_advdb_free(c.db);
	cvet_lockfile__gitcache_free(c.git);
	ignores_free(&c);
	return err;
}
