/* lockfile_vcpkg.c - vcpkg manifests (vcpkg.json, vcpkg-configuration.json) and installed-port versions next to them */
#include <dirent.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "cvet/advisory.h"
#include "deps/gitobj.h"
#include "deps/lockfile.h"

static const char ECO[] = "vcpkg";

#define MAX_INSTALLED 20000  /* installed ports read from status / SPDX files */
#define SPDX_BUDGET ((size_t)256 << 20) /* bytes of per-port SPDX files read for one manifest */
#define MAX_TRIPLETS 16
#define MAX_BASELINE ((size_t)16 << 20) /* versions/baseline.json (about 300 KB in vcpkg today) */
#define MAX_UNKNOWN_LISTED 8            /* port names listed in the note about unknown versions */

/* versions/baseline.json of the vcpkg checkout at a manifest's builtin-baseline, when it could be read. */
typedef struct {
	cvet_lf_json j;
	char *text;
	const cJSON *def; /* its "default" object, or NULL when not loaded */
	char *source;     /* "baseline.json at 1a2b3c4d5e6f of VCPKG_ROOT" (for details) */
	char *why;        /* why it is not loaded (for the note), or NULL */
} baseline_db;

static void baseline_clear(baseline_db *b)
{
	if (b->def)
		cvet_lockfile__json_free(&b->j);
	free(b->text);
	free(b->source);
	free(b->why);
	memset(b, 0, sizeof(*b));
}

/* The working tree's versions/baseline.json of `root` (at most MAX_BASELINE bytes). 0 or -1. */
static int read_tree_baseline(const char *root, char **text, size_t *len)
{
	char *path = cvet_lockfile__printf("%s/versions/baseline.json", root);
	FILE *f = path ? fopen(path, "rb") : NULL;
	struct stat st;
	int rc = -1;
	*text = NULL;
	if (f && fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && (uint64_t)st.st_size <= MAX_BASELINE &&
	    (*text = malloc((size_t)st.st_size + 1)) && fread(*text, 1, (size_t)st.st_size, f) == (size_t)st.st_size) {
		(*text)[st.st_size] = '\0';
		*len = (size_t)st.st_size;
		rc = 0;
	}
	if (rc < 0) {
		free(*text);
		*text = NULL;
	}
	if (f)
		fclose(f);
	free(path);
	return rc;
}

/*
 * Load versions/baseline.json as of commit `baseline` from the vcpkg checkout $VCPKG_ROOT (set by the user or
 * by --vcpkg-root): the git objects (loose or packed), else the working tree when HEAD is that commit. On any
 * failure b->why says why (for the report); only running out of memory is an error.
 */
static int baseline_load(baseline_db *b, const char *baseline)
{
	const char *root = getenv("VCPKG_ROOT");
	char *gitdir = NULL, head[41];
	unsigned char *data = NULL;
	size_t len = 0;
	int rc;
	memset(b, 0, sizeof(*b));
	if (!root || !*root) {
		b->why = cvet_lockfile__printf("builtin-baseline %.40s decides them; pass --vcpkg-root DIR (or set VCPKG_ROOT) "
					       "to a vcpkg checkout that has this commit", baseline);
		goto done;
	}
	if (strlen(baseline) != 40 || strspn(baseline, "0123456789abcdef") != 40) {
		b->why = cvet_lockfile__printf("builtin-baseline '%.64s' is not a 40-hex commit", baseline);
		goto done;
	}
	if (!(gitdir = cvet_gitobj__git_dir(root))) {
		b->why = cvet_lockfile__printf("VCPKG_ROOT %.300s is not a git checkout, so builtin-baseline %.40s cannot be "
					       "read", root, baseline);
		goto done;
	}
	rc = cvet_gitobj__file_at(gitdir, baseline, "versions/baseline.json", MAX_BASELINE, &data, &len);
	if (rc == 0) {
		b->text = (char *)data;
		b->source = cvet_lockfile__printf("baseline.json at %.12s in VCPKG_ROOT", baseline);
	} else if (rc == CVET_ENOMEM) {
		goto done;
	} else if (cvet_gitobj__head(gitdir, head) == 0 && strcmp(head, baseline) == 0 &&
		   read_tree_baseline(root, &b->text, &len) == 0) {
		/* the objects could not be read, but the checkout is at that very commit */
		b->source = cvet_lockfile__printf("the working tree's baseline.json (HEAD is %.12s) in VCPKG_ROOT", baseline);
	} else {
		b->why = cvet_lockfile__printf("versions/baseline.json at builtin-baseline %.40s could not be read from "
					       "VCPKG_ROOT %.300s: %.300s%s", baseline, root, cvet_error_last(),
					       rc == CVET_ENOTFOUND ? " (git fetch that commit there)" : "");
		goto done;
	}
	if (!b->source) {
		rc = cvet_error_setc(CVET_ENOMEM, "out of memory");
		free(gitdir);
		return rc;
	}
	if (cvet_lockfile__json_parse("versions/baseline.json", b->text, len, &b->j) < 0) {
		b->why = cvet_lockfile__printf("the vcpkg baseline.json at %.40s is malformed: %.300s", baseline,
					       cvet_error_last());
		goto done;
	}
	const cJSON *def = cJSON_GetObjectItemCaseSensitive(b->j.root, "default");
	if (!cJSON_IsObject(def)) {
		cvet_lockfile__json_free(&b->j);
		b->why = cvet_lockfile__printf("the vcpkg baseline.json at %.40s has no \"default\" object", baseline);
		goto done;
	}
	b->def = def;
done:
	free(gitdir);
	return 0;
}

/* "1.3.1" or "1.3.1#2" for `port` from the baseline (malloc'd), or NULL when it does not list the port. */
static char *baseline_version(const baseline_db *b, const char *port)
{
	const cJSON *e = b->def ? cJSON_GetObjectItemCaseSensitive(b->def, port) : NULL;
	const char *v = cJSON_IsObject(e) ? cvet_lockfile__json_str(e, "baseline") : NULL;
	if (!v || !*v || strlen(v) > 256)
		return NULL;
	const cJSON *pv = cJSON_GetObjectItemCaseSensitive(e, "port-version");
	if (cJSON_IsNumber(pv) && pv->valuedouble >= 1 && pv->valuedouble < 1e9)
		return cvet_lockfile__printf("%s#%d", v, (int)pv->valuedouble);
	return cvet_lockfile__strdup(v);
}

/* Compare vcpkg versions "X#N": the version, then the port version. */
static int vcpkg_cmp(const char *a, const char *b)
{
	size_t al = strcspn(a, "#"), bl = strcspn(b, "#");
	char *x = cvet_lockfile__strndup(a, al), *y = cvet_lockfile__strndup(b, bl);
	int c = x && y ? cvet_version_cmp(x, y) : 0;
	free(x);
	free(y);
	if (c)
		return c;
	long pa = a[al] ? strtol(a + al + 1, NULL, 10) : 0, pb = b[bl] ? strtol(b + bl + 1, NULL, 10) : 0;
	return (pa > pb) - (pa < pb);
}

typedef struct {
	char *name;
	char *version; /* "1.2.3" or "1.2.3#4" */
	char *path;    /* file it came from (owned) */
	unsigned line;
	int used;
} installed_port;

typedef struct {
	installed_port *v;
	size_t n, cap;
	const char *source; /* "vcpkg_installed/vcpkg/status" or "vcpkg_installed/<triplet>/share/<port>/vcpkg.spdx.json" */
	size_t spdx_bytes;  /* read so far, against SPDX_BUDGET */
} installed_set;

static void installed_clear(installed_set *s)
{
	for (size_t i = 0; i < s->n; i++) {
		free(s->v[i].name);
		free(s->v[i].version);
		free(s->v[i].path);
	}
	free(s->v);
	memset(s, 0, sizeof(*s));
}

static installed_port *installed_find(installed_set *s, const char *name)
{
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->v[i].name, name) == 0)
			return &s->v[i];
	return NULL;
}

static int installed_add(installed_set *s, const char *name, size_t nl, const char *version, const char *path,
			 unsigned line)
{
	if (s->n >= MAX_INSTALLED)
		return 0;
	for (size_t i = 0; i < s->n; i++)
		if (strlen(s->v[i].name) == nl && strncmp(s->v[i].name, name, nl) == 0)
			return 0; /* one entry per port (several triplets install the same version) */
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 32;
		installed_port *v = reallocarray(s->v, cap, sizeof(*v));
		if (!v)
			return cvet_error_setc(CVET_ENOMEM, "out of memory");
		s->v = v;
		s->cap = cap;
	}
	installed_port *p = &s->v[s->n];
	memset(p, 0, sizeof(*p));
	p->name = cvet_lockfile__strndup(name, nl);
	p->version = cvet_lockfile__strdup(version);
	p->path = cvet_lockfile__strdup(path);
	p->line = line;
	if (!p->name || !p->version || !p->path) {
		free(p->name);
		free(p->version);
		free(p->path);
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	}
	s->n++;
	return 0;
}

/* Copy a field value (after "Key: ") of at most 255 bytes into out. */
static void field_value(const char *s, size_t ll, size_t keylen, char *out, size_t outsz)
{
	size_t i = keylen;
	while (i < ll && (s[i] == ' ' || s[i] == '\t'))
		i++;
	size_t n = ll - i;
	while (n && (s[i + n - 1] == '\r' || s[i + n - 1] == ' '))
		n--;
	if (n >= outsz)
		n = outsz - 1;
	memcpy(out, s + i, n);
	out[n] = '\0';
}

/* vcpkg_installed/vcpkg/status: Debian-control-like stanzas separated by blank lines. */
static int read_status(const char *root, const char *path, installed_set *s, cvet_lf_list *out)
{
	char *buf = NULL;
	size_t len = 0;
	int err = cvet_lockfile__read_file_in(root, path, path, CVET_LF_MAX_FILE, &buf, &len);
	if (err < 0) {
		cvet_lockfile__note(out, "could not read %s: %s", path, cvet_error_last());
		return 0;
	}
	out->extra_files++;
	char pkg[256] = "", ver[256] = "", portver[64] = "", status[256] = "";
	int feature = 0;
	unsigned line = 0, pkg_line = 0;
	size_t pos = 0;
	for (;;) {
		const char *l = buf + pos;
		int at_end = pos >= len;
		const char *nl = at_end ? NULL : memchr(l, '\n', len - pos);
		size_t ll = at_end ? 0 : (nl ? (size_t)(nl - l) : len - pos);
		if (!at_end) {
			pos += ll + (nl ? 1 : 0);
			line++;
		}
		while (ll && l[ll - 1] == '\r')
			ll--;
		if (ll == 0) {
			/* end of a stanza */
			if (pkg[0] && ver[0] && !feature && strstr(status, "installed") && !strstr(status, "not-installed") &&
			    !strstr(status, "purge")) {
				char full[330];
				if (portver[0] && strcmp(portver, "0") != 0)
					snprintf(full, sizeof(full), "%s#%s", ver, portver);
				else
					snprintf(full, sizeof(full), "%s", ver);
				if ((err = installed_add(s, pkg, strlen(pkg), full, path, pkg_line)) < 0)
					break;
			}
			pkg[0] = ver[0] = portver[0] = status[0] = '\0';
			feature = 0;
			if (at_end)
				break;
			continue;
		}
		if (ll > 8 && strncmp(l, "Package:", 8) == 0) {
			field_value(l, ll, 8, pkg, sizeof(pkg));
			pkg_line = line;
		} else if (ll > 8 && strncmp(l, "Version:", 8) == 0) {
			field_value(l, ll, 8, ver, sizeof(ver));
		} else if (ll > 13 && strncmp(l, "Port-Version:", 13) == 0) {
			field_value(l, ll, 13, portver, sizeof(portver));
		} else if (ll > 7 && strncmp(l, "Status:", 7) == 0) {
			field_value(l, ll, 7, status, sizeof(status));
		} else if (ll > 8 && strncmp(l, "Feature:", 8) == 0) {
			feature = 1;
		}
	}
	free(buf);
	return err < 0 ? err : 0;
}

/* The port package ("SPDXRef-port") version of a vcpkg-generated SPDX document. */
static int read_port_spdx(const char *root, const char *path, installed_set *s, cvet_lf_list *out)
{
	char *buf = NULL;
	size_t len = 0;
	if (s->spdx_bytes >= SPDX_BUDGET)
		return 0;
	if (cvet_lockfile__read_file_in(root, path, path, 4u << 20, &buf, &len) < 0) {
		if (cvet_lockfile__outside(root, path))
			return cvet_lockfile__note(out, "skipped %s", cvet_error_last());
		return 0;
	}
	s->spdx_bytes += len;
	out->extra_files++;
	cvet_lf_json j;
	if (cvet_lockfile__json_parse(path, buf, len, &j) < 0) {
		cvet_lockfile__note(out, "skipped %s: %s", path, cvet_error_last());
		free(buf);
		return 0;
	}
	int err = 0;
	const cJSON *pkgs = cJSON_GetObjectItemCaseSensitive(j.root, "packages"), *p;
	cJSON_ArrayForEach(p, cvet_lockfile__json_array(pkgs)) {
		const char *id = cvet_lockfile__json_str(p, "SPDXID");
		const char *name = cvet_lockfile__json_str(p, "name");
		const char *ver = cvet_lockfile__json_str(p, "versionInfo");
		if (id && name && ver && strcmp(id, "SPDXRef-port") == 0 && strlen(name) < 256 && strlen(ver) < 256) {
			err = installed_add(s, name, strlen(name), ver, path, cvet_lockfile__json_line(&j, p));
			break;
		}
	}
	cvet_lockfile__json_free(&j);
	free(buf);
	return err;
}

/*
 * Look for vcpkg_installed/ next to the manifest: the status database first, else per-port SPDX files.
 * Nothing is read that resolves outside `confine` (a real path; NULL = the manifest's own directory):
 * a vcpkg_installed linked out of the tree is skipped with a note.
 */
static int read_installed(const char *manifest_path, const char *confine, installed_set *s, cvet_lf_list *out)
{
	const char *slash = strrchr(manifest_path, '/');
	char *dir = slash ? cvet_lockfile__strndup(manifest_path, slash == manifest_path ? 1 : (size_t)(slash - manifest_path))
			  : cvet_lockfile__strdup(".");
	char own[PATH_MAX];
	if (!dir)
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	if (!confine || !confine[0])
		confine = realpath(dir, own) ? own : NULL;
	int err = 0;
	char *status = cvet_lockfile__printf("%s/vcpkg_installed/vcpkg/status", dir);
	char *root = cvet_lockfile__printf("%s/vcpkg_installed", dir);
	struct stat st;
	if (!status || !root) {
		err = cvet_error_setc(CVET_ENOMEM, "out of memory");
		goto done;
	}
	if (!confine) {
		/* the manifest's own directory does not resolve: read nothing beside it */
		goto done;
	}
	if (cvet_lockfile__outside(confine, root) || cvet_lockfile__outside(confine, status)) {
		err = cvet_lockfile__note(out, "skipped %s: it leads outside the scanned tree (a symbolic link; not followed)",
					  root);
		goto done;
	}
	if (stat(status, &st) == 0 && S_ISREG(st.st_mode)) {
		s->source = "vcpkg_installed/vcpkg/status";
		err = read_status(confine, status, s, out);
		goto done;
	}
	DIR *d = cvet_lockfile__opendir_in(confine, root);
	int triplets = 0;
	struct dirent *de;
	while (d && (de = readdir(d)) != NULL && triplets < MAX_TRIPLETS && err == 0) {
		if (de->d_name[0] == '.' || strcmp(de->d_name, "vcpkg") == 0)
			continue;
		char *share = cvet_lockfile__printf("%s/%s/share", root, de->d_name);
		if (!share) {
			err = cvet_error_setc(CVET_ENOMEM, "out of memory");
			break;
		}
		if (cvet_lockfile__outside(confine, share) &&
		    (err = cvet_lockfile__note(out, "skipped %s: it leads outside the scanned tree (a symbolic link; not followed)",
					       share)) < 0) {
			free(share);
			break;
		}
		DIR *sd = cvet_lockfile__opendir_in(confine, share);
		if (sd) {
			triplets++;
			struct dirent *pe;
			size_t ports = 0;
			while ((pe = readdir(sd)) != NULL && ports < MAX_INSTALLED && err == 0) {
				if (pe->d_name[0] == '.')
					continue;
				ports++;
				char *f = cvet_lockfile__printf("%s/%s/vcpkg.spdx.json", share, pe->d_name);
				if (!f) {
					err = cvet_error_setc(CVET_ENOMEM, "out of memory");
					break;
				}
				if (stat(f, &st) == 0 && S_ISREG(st.st_mode)) {
					s->source = "vcpkg_installed/<triplet>/share/<port>/vcpkg.spdx.json";
					err = read_port_spdx(confine, f, s, out);
				}
				free(f);
			}
			closedir(sd);
		}
		free(share);
	}
	if (d)
		closedir(d);
done:
	free(root);
	free(status);
	free(dir);
	return err;
}

/* Version stated by an override object: version|version-string|version-semver|version-date + port-version. */
static char *override_version(const cJSON *o)
{
	static const char *const keys[] = {"version", "version-string", "version-semver", "version-date"};
	for (size_t k = 0; k < 4; k++) {
		const char *v = cvet_lockfile__json_str(o, keys[k]);
		if (!v)
			continue;
		const cJSON *pv = cJSON_GetObjectItemCaseSensitive(o, "port-version");
		if (cJSON_IsNumber(pv) && pv->valuedouble >= 1 && pv->valuedouble < 1e9)
			return cvet_lockfile__printf("%s#%d", v, (int)pv->valuedouble);
		return cvet_lockfile__strdup(v);
	}
	return NULL;
}

static int valid_port_name(const char *s)
{
	size_t n = 0;
	for (; s[n]; n++) {
		char c = s[n];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
		      (c >= 'A' && c <= 'Z')))
			return 0;
	}
	return n > 0 && n <= 256;
}

/* Add one dependency entry (string or object) found at `e`; `feature` names the manifest feature, or NULL. */
static int add_dep(const cvet_lf_json *j, const char *display, const cJSON *e, const cJSON *overrides,
		   installed_set *inst, const baseline_db *base, const char *feature, cvet_lf_list *out)
{
	const char *name;
	const cJSON *name_node = e;
	int host = 0;
	const char *minver = NULL;
	if (cJSON_IsString(e)) {
		name = e->valuestring;
	} else if (cJSON_IsObject(e)) {
		name_node = cJSON_GetObjectItemCaseSensitive(e, "name");
		if (!cJSON_IsString(name_node))
			return cvet_error_setc(CVET_EPARSE, "%s: line %u: dependency object without a \"name\" string",
					       display, cvet_lockfile__json_line(j, e));
		name = name_node->valuestring;
		host = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(e, "host"));
		const cJSON *mv = cJSON_GetObjectItemCaseSensitive(e, "version>=");
		if (mv && !cJSON_IsString(mv))
			return cvet_error_setc(CVET_EPARSE, "%s: line %u: \"version>=\" must be a string", display,
					       cvet_lockfile__json_line(j, e));
		minver = mv ? mv->valuestring : NULL;
	} else {
		return cvet_error_setc(CVET_EPARSE, "%s: line %u: a dependency must be a string or an object", display,
				       cvet_lockfile__json_line(j, e));
	}
	unsigned line = cvet_lockfile__json_line(j, name_node);
	if (!valid_port_name(name))
		return cvet_error_setc(CVET_EPARSE, "%s: line %u: '%.60s' is not a vcpkg port name", display, line, name);
	if (minver && strlen(minver) > 256)
		return cvet_error_setc(CVET_EPARSE, "%s: line %u: version too long", display, line);

	char *version = NULL, *detail = NULL;
	const cJSON *o;
	cJSON_ArrayForEach(o, cvet_lockfile__json_array(overrides)) {
		const char *on = cvet_lockfile__json_str(o, "name");
		if (on && strcmp(on, name) == 0) {
			version = override_version(o);
			detail = cvet_lockfile__printf("override (line %u)", cvet_lockfile__json_line(j, o));
			break;
		}
	}
	char *bv = version ? NULL : baseline_version(base, name);
	if (bv && minver && vcpkg_cmp(minver, bv) > 0) {
		/* vcpkg takes the higher of the baseline and the constraint */
		version = cvet_lockfile__strdup(minver);
		detail = cvet_lockfile__printf("version>= (above the %s)", base->source);
	} else if (bv) {
		version = bv;
		bv = NULL;
		detail = cvet_lockfile__printf("%s%s", minver ? "version>= met by the " : "", base->source);
	} else if (!version && minver) {
		version = cvet_lockfile__strdup(minver);
		detail = cvet_lockfile__strdup("minimum version (version>=)");
	}
	free(bv);
	installed_port *ip = installed_find(inst, name);
	if (ip) {
		free(version);
		free(detail);
		ip->used = 1;
		version = cvet_lockfile__strdup(ip->version);
		detail = cvet_lockfile__printf("installed version from %s", inst->source);
	}
	if (feature) {
		char *d = cvet_lockfile__printf("%s%soptional feature '%s'", detail ? detail : "", detail ? "; " : "", feature);
		free(detail);
		detail = d;
	}
	const char *platform = cvet_lockfile__json_str(e, "platform");
	if (platform && strlen(platform) < 256) {
		char *d = cvet_lockfile__printf("%s%splatform %s", detail ? detail : "", detail ? "; " : "", platform);
		free(detail);
		detail = d;
	}
	cvet_lf_pkg *p;
	int err = cvet_lockfile__add(out, ECO, name, version, line, &p);
	if (err == 0) {
		p->build_only = host;
		p->detail = detail;
		detail = NULL;
		if (version) {
			size_t vl = strcspn(version, "#");
			p->purl = cvet_lockfile__printf("pkg:generic/%s@%.*s", name, (int)vl, version);
		}
	}
	free(version);
	free(detail);
	return err;
}

int cvet_lockfile__vcpkg_json(const char *path, const char *confine, const char *display, const char *buf, size_t len,
			      cvet_lf_list *out)
{
	cvet_lf_json j;
	installed_set inst = {0};
	baseline_db base;
	memset(&base, 0, sizeof(base));
	int err = cvet_lockfile__json_parse(display, buf, len, &j);
	if (err < 0)
		return err;
	if (!cJSON_IsObject(j.root)) {
		err = cvet_error_setc(CVET_EPARSE, "%s: a vcpkg.json manifest must be a JSON object", display);
		goto done;
	}
	const cJSON *deps = cJSON_GetObjectItemCaseSensitive(j.root, "dependencies");
	const cJSON *ovr = cJSON_GetObjectItemCaseSensitive(j.root, "overrides");
	if (deps && !cJSON_IsArray(deps)) {
		err = cvet_error_setc(CVET_EPARSE, "%s: line %u: \"dependencies\" must be an array", display,
				      cvet_lockfile__json_line(&j, deps));
		goto done;
	}
	if (ovr && !cJSON_IsArray(ovr)) {
		err = cvet_error_setc(CVET_EPARSE, "%s: line %u: \"overrides\" must be an array", display,
				      cvet_lockfile__json_line(&j, ovr));
		goto done;
	}
	if (path && (err = read_installed(path, confine, &inst, out)) < 0)
		goto done;
	size_t first = out->n;
	const char *baseline = cvet_lockfile__json_str(j.root, "builtin-baseline");
	if (baseline && (err = baseline_load(&base, baseline)) < 0)
		goto done;

	const cJSON *e;
	cJSON_ArrayForEach(e, deps) {
		if ((err = add_dep(&j, display, e, ovr, &inst, &base, NULL, out)) < 0)
			goto done;
	}
	/* optional features of this manifest declare more dependencies */
	const cJSON *features = cJSON_GetObjectItemCaseSensitive(j.root, "features"), *f;
	cJSON_ArrayForEach(f, cvet_lockfile__json_object(features)) {
		const cJSON *fd = cJSON_GetObjectItemCaseSensitive(f, "dependencies");
		cJSON_ArrayForEach(e, cvet_lockfile__json_array(fd)) {
			if ((err = add_dep(&j, display, e, ovr, &inst, &base, f->string ? f->string : "?", out)) < 0)
				goto done;
		}
	}
	/* an override pins a (transitive) port even when the manifest does not name it */
	cJSON_ArrayForEach(e, ovr) {
		const char *on = cvet_lockfile__json_str(e, "name");
		if (!on) {
			err = cvet_error_setc(CVET_EPARSE, "%s: line %u: override without a \"name\" string", display,
					      cvet_lockfile__json_line(&j, e));
			goto done;
		}
		int seen = 0;
		for (size_t i = 0; i < out->n && !seen; i++)
			seen = out->items[i].ecosystem == ECO && strcmp(out->items[i].name, on) == 0;
		if (seen)
			continue;
		if (!valid_port_name(on)) {
			err = cvet_error_setc(CVET_EPARSE, "%s: line %u: '%.60s' is not a vcpkg port name", display,
					      cvet_lockfile__json_line(&j, e), on);
			goto done;
		}
		char *v = override_version(e);
		installed_port *ip = installed_find(&inst, on);
		cvet_lf_pkg *p;
		err = cvet_lockfile__add(out, ECO, on, ip ? ip->version : v, cvet_lockfile__json_line(&j, cJSON_GetObjectItemCaseSensitive(e, "name")), &p);
		if (err == 0) {
			p->detail = ip ? cvet_lockfile__printf("installed version from %s", inst.source)
				       : cvet_lockfile__strdup("override of a transitive port");
			if (ip)
				ip->used = 1;
		}
		free(v);
		if (err < 0)
			goto done;
	}
	/* installed ports the manifest does not name are transitive dependencies: list them at their source */
	for (size_t i = 0; i < inst.n; i++) {
		if (inst.v[i].used)
			continue;
		cvet_lf_pkg *p;
		if ((err = cvet_lockfile__add(out, ECO, inst.v[i].name, inst.v[i].version, inst.v[i].line, &p)) < 0)
			goto done;
		p->path = cvet_lockfile__strdup(inst.v[i].path);
		p->detail = cvet_lockfile__strdup("installed transitive dependency");
	}

	/* say plainly which ports stay without a version, and why */
	size_t unknown = 0;
	char names[MAX_UNKNOWN_LISTED * 70 + 8] = "";
	for (size_t i = first; i < out->n; i++) {
		if (out->items[i].ecosystem != ECO || out->items[i].version)
			continue;
		if (unknown < MAX_UNKNOWN_LISTED) {
			size_t used = strlen(names);
			snprintf(names + used, sizeof(names) - used, "%s%.64s", unknown ? ", " : "", out->items[i].name);
		}
		unknown++;
	}
	if (unknown) {
		const char *why = !baseline ? "no builtin-baseline, override, version>= or installed port pins them"
			    : base.why ? base.why
				       : "the baseline.json of builtin-baseline does not list them (ports from another registry?)";
		err = cvet_lockfile__note(out, "%s: %zu vcpkg port%s without a version (%s%s): %s", display, unknown,
					  unknown == 1 ? "" : "s", names, unknown > MAX_UNKNOWN_LISTED ? ", ..." : "", why);
		if (err < 0)
			goto done;
	}
	if (baseline && base.def)
		cvet_lockfile__note(out, "%s: vcpkg builtin-baseline %.40s read from %s", display, baseline, base.source);
	const cJSON *conf = cJSON_GetObjectItemCaseSensitive(j.root, "vcpkg-configuration");
	if (cJSON_IsObject(conf)) {
		const cJSON *ov = cJSON_GetObjectItemCaseSensitive(conf, "overlay-ports");
		if (cJSON_IsArray(ov) && cJSON_GetArraySize(ov) > 0)
			cvet_lockfile__note(out, "%s: vcpkg overlay ports in use; overlaid ports may differ from the registry",
					    display);
	}
done:
	baseline_clear(&base);
	installed_clear(&inst);
	cvet_lockfile__json_free(&j);
	return err;
}

int cvet_lockfile__vcpkg_configuration(const char *display, const char *buf, size_t len, cvet_lf_list *out)
{
	cvet_lf_json j;
	int err = cvet_lockfile__json_parse(display, buf, len, &j);
	if (err < 0)
		return err;
	if (!cJSON_IsObject(j.root)) {
		err = cvet_error_setc(CVET_EPARSE, "%s: vcpkg-configuration.json must be a JSON object", display);
		goto done;
	}
	const cJSON *def = cJSON_GetObjectItemCaseSensitive(j.root, "default-registry");
	if (cJSON_IsObject(def)) {
		const char *kind = cvet_lockfile__json_str(def, "kind");
		const char *base = cvet_lockfile__json_str(def, "baseline");
		cvet_lockfile__note(out, "%s: vcpkg default registry %.40s, baseline %.64s", display, kind ? kind : "?",
				    base ? base : "none");
	}
	const cJSON *regs = cJSON_GetObjectItemCaseSensitive(j.root, "registries"), *r;
	int nregs = 0;
	cJSON_ArrayForEach(r, cvet_lockfile__json_array(regs)) {
		if (++nregs > 20)
			break;
		const char *kind = cvet_lockfile__json_str(r, "kind");
		const char *repo = cvet_lockfile__json_str(r, "repository");
		const char *base = cvet_lockfile__json_str(r, "baseline");
		const cJSON *pk = cJSON_GetObjectItemCaseSensitive(r, "packages");
		cvet_lockfile__note(out, "%s: vcpkg registry %.20s %.200s baseline %.64s for %d package pattern(s)", display,
				    kind ? kind : "?", repo ? repo : "", base ? base : "none",
				    cJSON_IsArray(pk) ? cJSON_GetArraySize(pk) : 0);
	}
done:
	cvet_lockfile__json_free(&j);
	return err;
}
