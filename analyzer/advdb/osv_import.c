/* osv_import.c - parse untrusted OSV records and name maps (cJSON) and feed them to the database writer */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <cjson/cJSON.h>
#include "advdb/advdb_int.h"
#include "common/util.h"

#define MAX_ID 256      /* ids, aliases, ecosystems, package names */
#define MAX_VERSION 512 /* versions, tags, commits */
#define MAX_URL CVET_ADV_MAX_URL
#define MAX_WALK_DEPTH 32
#define MAX_ALIASES 1000  /* aliases per record (deduplicated linearly) */
#define MAX_NAMEMAP CVET_ADV_MAX_NAMEMAP

/* ---- small helpers ------------------------------------------------------------------------------ */



#define json_depth_ok cvet_osv__json_depth_ok
#define json_has_nul cvet_osv__json_has_nul
#define clean cvet_osv__clean

typedef cvet_osv_pctx pctx;
#define fail cvet_osv__fail
#define oom cvet_osv__oom
#define grow cvet_osv__grow
#define get_typed cvet_osv__typed

/*
 * Optional string member `key` of `obj`: *out = malloc'd copy, or NULL when absent or null. A value of
 * another type, or longer than `max` (when `cut` is 0), is malformed; with `cut` long text is truncated.
 */
static int get_str(pctx *c, const cJSON *obj, const char *key, size_t max, int cut, char **out)
{
	*out = NULL;
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
	if (!v || cJSON_IsNull(v))
		return 0;
	if (!cJSON_IsString(v) || !v->valuestring)
		return fail(c, "field '%s' is not a string", key);
	size_t n = strlen(v->valuestring);
	if (n > max) {
		if (!cut)
			return fail(c, "field '%s' is too long", key);
		n = max;
	}
	if (!(*out = cvet_osv__dupn(v->valuestring, n)))
		return oom(c);
	return 0;
}

static int namemap_add(cvet_namemap *m, const char *eco, const char *name, const char *project)
{
	if (cvet_osv__namemap_find(m, eco, name))
		return 0;
	if (m->n >= MAX_NAMEMAP) {
		cvet_osv__limit_hit(); /* reported as "too many items" by oom() */
		return -1;
	}
	size_t cap = m->cap;
	if (grow((void **)&m->e, &cap, m->n, sizeof(*m->e)) < 0)
		return -1;
	m->cap = cap;
	cvet_namemap_entry *e = &m->e[m->n];
	e->ecosystem = cvet_osv__dup0(eco);
	e->name = cvet_osv__dup0(name);
	e->project = cvet_osv__dup0(project);
	if (!e->ecosystem || !e->name || !e->project) {
		free(e->ecosystem);
		free(e->name);
		free(e->project);
		return -1;
	}
	m->n++;
	return 0;
}

int cvet_osv__is_namemap(const char *text, size_t len)
{
	/* cheap test before parsing: a name map has a top-level "projects" object and no "id" */
	if (!json_depth_ok(text, len, CVET_ADV_MAX_DEPTH))
		return 0;
	cJSON *root = cJSON_ParseWithLength(text, len);
	int yes = root && cJSON_IsObject(root) && cJSON_IsObject(cJSON_GetObjectItemCaseSensitive(root, "projects")) &&
		  !cJSON_GetObjectItemCaseSensitive(root, "id");
	cJSON_Delete(root);
	return yes;
}

/* The namespaces of name-map.json and the ecosystems cvet's lockfile parsers use for them. */
static const struct { const char *key, *eco1, *eco2; } NAMESPACES[] = {
	{"conan", "conan", NULL}, {"vcpkg", "vcpkg", NULL}, {"bcr", "bazel", "bcr"},
	{"wrapdb", "meson", "wrapdb"}, {"debian", "debian", NULL},
};

/* Strip a " (note)" from names like "boost-* (modular ports)"; returns a malloc'd copy. */
static char *namemap_name(const char *s)
{
	const char *p = strstr(s, " (");
	return p ? cvet_osv__dupn(s, (size_t)(p - s)) : cvet_osv__dup0(s);
}

/* "https://github.com/curl/curl(.git)" -> "curl/curl"; malloc'd or NULL. */
static char *github_slug(const char *url)
{
	const char *p = strstr(url, "github.com/");
	if (!p)
		return NULL;
	p += 11;
	size_t n = strlen(p);
	while (n && p[n - 1] == '/')
		n--;
	if (n > 4 && strncmp(p + n - 4, ".git", 4) == 0)
		n -= 4;
	char *s = cvet_osv__dupn(p, n);
	cvet_osv__lower(s);
	return s;
}

/*
 * CPE "vendor:product" pairs named in free text ("haxx:curl / haxx:libcurl", "zlib:zlib (older: gnu:zlib)"):
 * every word with one ':' between two non-empty parts made of [a-z0-9_.+-] becomes a ("cpe", pair) entry.
 * Returns 0 or -1 (out of memory / too many entries).
 */
static int namemap_cpes(cvet_namemap *m, const char *text, const char *project)
{
	size_t len = strlen(text);
	if (len > MAX_URL)
		return 0;
	for (size_t i = 0; i < len;) {
		while (i < len && strchr(" \t,/;()", text[i]))
			i++;
		size_t start = i, colons = 0, colon_at = 0;
		int ok = 1;
		while (i < len && !strchr(" \t,/;()", text[i])) {
			unsigned char ch = (unsigned char)text[i];
			if (ch == ':') {
				colons++;
				colon_at = i;
			} else if (!isalnum(ch) && !strchr("_.+-", (char)ch)) {
				ok = 0;
			}
			i++;
		}
		if (!ok || colons != 1 || colon_at == start || colon_at + 1 == i || i - start > MAX_ID)
			continue;
		char *pair = cvet_osv__dupn(text + start, i - start);
		if (!pair)
			return -1;
		cvet_osv__lower(pair);
		int rc = namemap_add(m, "cpe", pair, project);
		free(pair);
		if (rc < 0)
			return -1;
	}
	return 0;
}

int cvet_osv__namemap_parse(cvet_namemap *m, const char *text, size_t len, const char *display)
{
	pctx c = {display, 0};
	if (!json_depth_ok(text, len, CVET_ADV_MAX_DEPTH))
		return fail(&c, "%s", "nesting too deep");
	if (json_has_nul(text, len))
		return fail(&c, "%s", "a NUL character (a zero byte or \\u0000) in the text");
	cJSON *root = cJSON_ParseWithLength(text, len);
	if (!root || !cJSON_IsObject(root)) {
		cJSON_Delete(root);
		return fail(&c, "%s", "not a JSON object");
	}
	const cJSON *projects = get_typed(&c, root, "projects", 0);
	const cJSON *p;
	if (!projects && !c.err)
		fail(&c, "%s", "no 'projects' object");
	cJSON_ArrayForEach(p, projects) {
		if (c.err)
			break;
		const char *project = p->string;
		if (!project || !*project || strlen(project) > MAX_ID || !clean(project) || !cJSON_IsObject(p)) {
			fail(&c, "%s", "a project entry is not an object with a name");
			break;
		}
		if (namemap_add(m, "project", project, project) < 0) {
			oom(&c);
			break;
		}
		for (size_t i = 0; i < sizeof(NAMESPACES) / sizeof(NAMESPACES[0]) && !c.err; i++) {
			const cJSON *ns = cJSON_GetObjectItemCaseSensitive(p, NAMESPACES[i].key);
			const cJSON *nm = cJSON_IsObject(ns) ? cJSON_GetObjectItemCaseSensitive(ns, "name") : NULL;
			if (!cJSON_IsString(nm) || !nm->valuestring || strlen(nm->valuestring) > MAX_ID || !clean(nm->valuestring))
				continue;
			char *name = namemap_name(nm->valuestring);
			if (!name || namemap_add(m, NAMESPACES[i].eco1, name, project) < 0 ||
			    (NAMESPACES[i].eco2 && namemap_add(m, NAMESPACES[i].eco2, name, project) < 0))
				oom(&c);
			free(name);
		}
		static const struct { const char *key, *eco; } plain[] = {
			{"oss_fuzz_project", "OSS-Fuzz"}, {"oss_fuzz_project_declared", "OSS-Fuzz"},
			{"bitnami", "Bitnami"}, {"julia_jll", "Julia"},
		};
		for (size_t i = 0; i < sizeof(plain) / sizeof(plain[0]) && !c.err; i++) {
			const cJSON *v = cJSON_GetObjectItemCaseSensitive(p, plain[i].key);
			if (cJSON_IsString(v) && v->valuestring && *v->valuestring && strlen(v->valuestring) <= MAX_ID &&
			    clean(v->valuestring) && namemap_add(m, plain[i].eco, v->valuestring, project) < 0)
				oom(&c);
		}
		const cJSON *cpe = cJSON_GetObjectItemCaseSensitive(p, "cpe_vendor_product"), *ci;
		if (!c.err && cJSON_IsString(cpe) && cpe->valuestring && namemap_cpes(m, cpe->valuestring, project) < 0)
			oom(&c);
		const cJSON *cpe_list = cJSON_IsArray(cpe) ? cpe : NULL;
		cJSON_ArrayForEach(ci, cpe_list) {
			if (!c.err && cJSON_IsString(ci) && ci->valuestring && namemap_cpes(m, ci->valuestring, project) < 0)
				oom(&c);
		}
		const cJSON *repo = cJSON_GetObjectItemCaseSensitive(p, "repo");
		if (!c.err && cJSON_IsString(repo) && repo->valuestring && strlen(repo->valuestring) <= MAX_URL) {
			char *slug = github_slug(repo->valuestring), *key = cvet_repo__key(repo->valuestring);
			if (slug && *slug && clean(slug) && namemap_add(m, "github", slug, project) < 0)
				oom(&c);
			if (key && *key && clean(key) && namemap_add(m, "git", key, project) < 0)
				oom(&c);
			free(slug);
			free(key);
		}
	}
	cJSON_Delete(root);
	return c.err;
}

/* ---- records ------------------------------------------------------------------------------------ */

typedef struct {
	int kind;    /* 0 introduced, 1 fixed, 2 last_affected, 3 limit */
	char *value; /* owned until moved into an interval */
	size_t order;
} event;

static const char *const EVENT_KEYS[] = {"introduced", "fixed", "last_affected", "limit"};

static int cmp_event(const void *a, const void *b)
{
	const event *x = a, *y = b;
	/* "0" is the beginning of time; otherwise version order, then input order */
	int zx = strcmp(x->value, "0") == 0, zy = strcmp(y->value, "0") == 0;
	int c = zx != zy ? (zx ? -1 : 1) : zx ? 0 : cvet_version_cmp(x->value, y->value);
	if (c)
		return c;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* Turn an ordered list of events into intervals (OSV evaluation: introduced opens, fixed/last_affected
 * close; repeated opens keep the first). Moves strings out of `ev`. */
static int events_to_intervals(pctx *c, cvet_osv_range *r, event *ev, size_t nev)
{
	size_t cap = 0;
	cvet_osv_interval *open = NULL;
	for (size_t i = 0; i < nev; i++) {
		if (ev[i].kind == 0) {
			if (open)
				continue;
			if (grow((void **)&r->iv, &cap, r->niv, sizeof(*r->iv)) < 0)
				return oom(c);
			open = &r->iv[r->niv++];
			memset(open, 0, sizeof(*open));
			open->introduced = ev[i].value;
			ev[i].value = NULL;
		} else if (ev[i].kind == 3) {
			cvet_osv_interval *t = open ? open : r->niv ? &r->iv[r->niv - 1] : NULL;
			if (t && !t->limit) {
				t->limit = ev[i].value;
				ev[i].value = NULL;
			}
		} else if (open) {
			if (ev[i].kind == 1)
				open->fixed = ev[i].value;
			else
				open->last_affected = ev[i].value;
			ev[i].value = NULL;
			open = NULL;
		}
	}
	return 0;
}

static int parse_range(pctx *c, const cJSON *jr, cvet_osv_range *r)
{
	char *type = NULL;
	event *ev = NULL;
	size_t nev = 0, cap = 0;
	memset(r, 0, sizeof(*r));
	if (!cJSON_IsObject(jr))
		return fail(c, "%s", "a range is not an object");
	if (get_str(c, jr, "type", 32, 0, &type) < 0)
		return c->err;
	if (!type)
		return fail(c, "%s", "a range has no type");
	r->type = type;
	if (get_str(c, jr, "repo", MAX_URL, 0, &r->repo) < 0)
		return c->err;
	const cJSON *events = get_typed(c, jr, "events", 1), *e;
	if (c->err)
		return c->err;
	if (!events)
		return fail(c, "%s", "a range has no events");
	int git = strcmp(type, "GIT") == 0;
	cJSON_ArrayForEach(e, events) {
		if (!cJSON_IsObject(e) || !e->child || e->child->next) {
			fail(c, "%s", "an event is not an object with one member");
			break;
		}
		int kind = -1;
		for (int k = 0; k < 4; k++)
			if (e->child->string && strcmp(e->child->string, EVENT_KEYS[k]) == 0)
				kind = k;
		if (kind < 0) {
			fail(c, "unknown event '%s'", e->child->string ? e->child->string : "");
			break;
		}
		if (!cJSON_IsString(e->child) || !e->child->valuestring || !*e->child->valuestring ||
		    strlen(e->child->valuestring) > MAX_VERSION || !clean(e->child->valuestring)) {
			fail(c, "event '%s' is not a version string", EVENT_KEYS[kind]);
			break;
		}
		if (grow((void **)&ev, &cap, nev, sizeof(*ev)) < 0) {
			oom(c);
			break;
		}
		ev[nev].kind = kind;
		ev[nev].order = nev;
		ev[nev].value = git ? cvet_osv__dup0(e->child->valuestring) : cvet_version__normalise(e->child->valuestring);
		if (!ev[nev].value) {
			oom(c);
			break;
		}
		/* Julia "+N" builds: "1.2.12+3" was cut to "1.2.12" by normalise; an empty result is junk */
		if (!*ev[nev].value) {
			free(ev[nev].value);
			fail(c, "%s", "an event holds an empty version");
			break;
		}
		nev++;
	}
	/* A pair written as {introduced: X, fixed: Y} with Y not above X (OpenSSL's "0.9.6" .. "0.9.6-cvs", where the
	 * CVS snapshot sorts as a pre-release) would, once sorted, leave X open-ended; read it as "X alone". */
	for (size_t i = 0; !c->err && !git && i + 1 < nev; i++) {
		if (ev[i].kind == 0 && ev[i + 1].kind == 1 && strcmp(ev[i].value, "0") != 0 &&
		    cvet_version_cmp(ev[i + 1].value, ev[i].value) <= 0) {
			char *v = cvet_osv__dup0(ev[i].value);
			if (!v) {
				oom(c);
				break;
			}
			free(ev[i + 1].value);
			ev[i + 1].value = v;
			ev[i + 1].kind = 2;
		}
	}
	if (!c->err) {
		if (!git && nev > 1)
			qsort(ev, nev, sizeof(*ev), cmp_event);
		events_to_intervals(c, r, ev, nev);
	}
	for (size_t i = 0; i < nev; i++)
		free(ev[i].value);
	free(ev);
	return c->err;
}

/* Upstream project for an affected entry (malloc'd), or NULL when the entry names none. */
static char *map_project(const cvet_namemap *map, const char *eco, const char *name, const char *fallback)
{
	const char *m;
	if (eco && name) {
		if ((m = cvet_osv__namemap_find(map, eco, name)))
			return cvet_osv__dup0(m);
		char *p;
		size_t n = strlen(name);
		if (strcasecmp(eco, "Julia") == 0 && n > 4 && strcmp(name + n - 4, "_jll") == 0)
			p = cvet_osv__dupn(name, n - 4);
		else
			p = cvet_osv__dup0(name);
		cvet_osv__lower(p);
		return p;
	}
	if (fallback) {
		if ((m = cvet_osv__namemap_find(map, "project", fallback)))
			return cvet_osv__dup0(m);
		char *p = cvet_osv__dup0(fallback);
		cvet_osv__lower(p);
		return p;
	}
	return NULL;
}

static int parse_affected(pctx *c, const cJSON *ja, const cvet_namemap *map, const char *fallback_pkg,
			  cvet_osv_affected *a, int *julia)
{
	memset(a, 0, sizeof(*a));
	if (!cJSON_IsObject(ja))
		return fail(c, "%s", "an affected entry is not an object");
	const cJSON *pkg = get_typed(c, ja, "package", 0);
	if (c->err)
		return c->err;
	if (pkg) {
		if (get_str(c, pkg, "ecosystem", MAX_ID, 0, &a->ecosystem) < 0 || get_str(c, pkg, "name", MAX_ID, 0, &a->name) < 0)
			return c->err;
		if (!a->ecosystem || !a->name || !*a->name || !clean(a->name) || !clean(a->ecosystem))
			return fail(c, "%s", "a package lacks an ecosystem or a name");
	}
	char *upstream = NULL;
	const cJSON *ads = get_typed(c, ja, "database_specific", 0);
	if (c->err)
		return c->err;
	if (ads) {
		const cJSON *u = cJSON_GetObjectItemCaseSensitive(ads, "upstream_project");
		if (cJSON_IsString(u) && u->valuestring && *u->valuestring && strlen(u->valuestring) <= MAX_ID &&
		    clean(u->valuestring))
			upstream = u->valuestring;
	}
	*julia = a->ecosystem && strcasecmp(a->ecosystem, "Julia") == 0;
	a->project = map_project(map, a->ecosystem, a->name, upstream ? upstream : fallback_pkg);
	if (!a->project)
		return fail(c, "%s", "an affected entry names no package");
	if (!*a->project)
		return fail(c, "%s", "an affected entry has an empty package name");
	const cJSON *ranges = get_typed(c, ja, "ranges", 1), *jr;
	if (c->err)
		return c->err;
	size_t cap = 0;
	cJSON_ArrayForEach(jr, ranges) {
		if (grow((void **)&a->ranges, &cap, a->nranges, sizeof(*a->ranges)) < 0)
			return oom(c);
		cvet_osv_range *r = &a->ranges[a->nranges];
		int rc = parse_range(c, jr, r);
		a->nranges++;
		if (rc < 0)
			return rc;
	}
	const cJSON *versions = get_typed(c, ja, "versions", 1), *jv;
	if (c->err)
		return c->err;
	int tags = a->ecosystem && strcasecmp(a->ecosystem, "OSS-Fuzz") == 0;
	cap = 0;
	cJSON_ArrayForEach(jv, versions) {
		if (!cJSON_IsString(jv) || !jv->valuestring || !*jv->valuestring || strlen(jv->valuestring) > MAX_VERSION ||
		    !clean(jv->valuestring))
			return fail(c, "%s", "'versions' holds something other than a version string");
		if (grow((void **)&a->versions, &cap, a->nversions, sizeof(*a->versions)) < 0)
			return oom(c);
		cvet_osv_version *v = &a->versions[a->nversions];
		v->raw = cvet_osv__dup0(jv->valuestring);
		if (tags) {
			v->version = cvet_version_from_tag(jv->valuestring, a->name);
			if (v->version && !isdigit((unsigned char)v->version[0]) && strcmp(a->name, a->project) != 0) {
				free(v->version);
				v->version = cvet_version_from_tag(jv->valuestring, a->project);
			}
		} else {
			v->version = cvet_version__normalise(jv->valuestring);
		}
		a->nversions++;
		if (!v->raw || !v->version)
			return oom(c);
	}
	return 0;
}

/* Lower-cased severity word with "moderate" read as "medium"; NULL for unknown words. */
static char *severity_word(const char *w)
{
	static const char *const known[] = {"critical", "high", "medium", "moderate", "low"};
	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (w && strcasecmp(w, known[i]) == 0)
			return cvet_osv__dup0(i == 3 ? "medium" : known[i]);
	return NULL;
}

/* Pick the best CVSS vector from a "severity" array: v3 (exact) over v4 (approximate) over v2. */
static int pick_severity(pctx *c, const cJSON *arr, cvet_osv_record *r, int *best_rank)
{
	const cJSON *s;
	cJSON_ArrayForEach(s, arr) {
		char *type = NULL, *vec = NULL;
		if (!cJSON_IsObject(s))
			return fail(c, "%s", "a severity entry is not an object");
		if (get_str(c, s, "type", 32, 0, &type) < 0 || get_str(c, s, "score", 512, 0, &vec) < 0) {
			free(type);
			free(vec);
			return c->err;
		}
		int rank = !type ? 0 : strcmp(type, "CVSS_V3") == 0 ? 3 : strcmp(type, "CVSS_V4") == 0 ? 2
			 : strcmp(type, "CVSS_V2") == 0 ? 1 : 0;
		double score = rank && vec ? cvet_cvss__score(vec, NULL) : -1;
		if (rank > *best_rank && score >= 0) {
			free(r->severity_vector);
			r->severity_vector = vec;
			vec = NULL;
			r->score = score;
			*best_rank = rank;
		}
		free(type);
		free(vec);
	}
	return 0;
}

static const char *source_of(const char *id, const cvet_osv_record *r)
{
	if (strncmp(id, "CURL-", 5) == 0)
		return "curl";
	if (strncmp(id, "x_OPENSSL-", 10) == 0)
		return "openssl";
	if (strncmp(id, "OSV-", 4) == 0)
		return "oss-fuzz";
	if (strncmp(id, "BIT-", 4) == 0)
		return "bitnami";
	if (strncmp(id, "JLSEC-", 6) == 0)
		return "julia";
	if (r->naffected && r->affected[0].ecosystem)
		return r->affected[0].ecosystem;
	return "osv";
}

static int add_alias(pctx *c, cvet_osv_record *r, size_t *cap, const char *s)
{
	if (!s || !*s || strlen(s) > MAX_ID || !clean(s))
		return fail(c, "%s", "an alias is not a short string");
	if (r->naliases >= MAX_ALIASES)
		return fail(c, "more than %s aliases", "1000");
	for (size_t i = 0; i < r->naliases; i++)
		if (strcmp(r->aliases[i], s) == 0)
			return 0;
	if (grow((void **)&r->aliases, cap, r->naliases, sizeof(*r->aliases)) < 0 || !(r->aliases[r->naliases] = cvet_osv__dup0(s)))
		return oom(c);
	r->naliases++;
	return 0;
}

int cvet_osv__parse(const char *text, size_t len, const char *display, const cvet_namemap *map, cvet_osv_record *rec)
{
	pctx c = {display, 0};
	cJSON *root = NULL;
	memset(rec, 0, sizeof(*rec));
	rec->score = -1;
	if (len > CVET_ADV_MAX_FILE)
		return cvet_error_setc(CVET_ELIMIT, "'%s' is larger than %zu bytes", display, CVET_ADV_MAX_FILE);
	if (!json_depth_ok(text, len, CVET_ADV_MAX_DEPTH))
		return fail(&c, "JSON nested deeper than %s levels", "64");
	if (json_has_nul(text, len))
		return fail(&c, "%s", "a NUL character (a zero byte or \\u0000) in the text; records must not hold one");
	root = cJSON_ParseWithLength(text, len);
	if (!root) {
		fail(&c, "%s", "not valid JSON");
		goto done;
	}
	if (!cJSON_IsObject(root)) {
		fail(&c, "%s", "not a JSON object");
		goto done;
	}
	if (get_str(&c, root, "id", MAX_ID, 0, &rec->id) < 0)
		goto done;
	if (!rec->id || !*rec->id || !clean(rec->id)) {
		fail(&c, "%s", "no 'id'");
		goto done;
	}
	if (get_str(&c, root, "modified", 64, 0, &rec->modified) < 0 || get_str(&c, root, "published", 64, 0, &rec->published) < 0 ||
	    get_str(&c, root, "withdrawn", 64, 0, &rec->withdrawn) < 0 ||
	    get_str(&c, root, "summary", 1024, 1, &rec->summary) < 0 ||
	    get_str(&c, root, "details", CVET_ADV_MAX_STR, 1, &rec->details) < 0)
		goto done;
	size_t acap = 0;
	const cJSON *aliases = get_typed(&c, root, "aliases", 1), *it;
	cJSON_ArrayForEach(it, aliases) {
		if (add_alias(&c, rec, &acap, cJSON_IsString(it) ? it->valuestring : NULL) < 0)
			goto done;
	}
	/* Julia puts the CVE id in a non-standard top-level "upstream" list; it is an alias for matching */
	const cJSON *upstream = get_typed(&c, root, "upstream", 1);
	cJSON_ArrayForEach(it, upstream) {
		if (add_alias(&c, rec, &acap, cJSON_IsString(it) ? it->valuestring : NULL) < 0)
			goto done;
	}
	if (c.err)
		goto done;
	/* curl and OpenSSL records carry no package; their database_specific.package names the project */
	const char *fallback = NULL;
	const cJSON *ds = get_typed(&c, root, "database_specific", 0);
	if (c.err)
		goto done;
	if (ds) {
		const cJSON *pkg = cJSON_GetObjectItemCaseSensitive(ds, "package");
		if (cJSON_IsString(pkg) && pkg->valuestring && *pkg->valuestring && strlen(pkg->valuestring) <= MAX_ID &&
		    clean(pkg->valuestring))
			fallback = pkg->valuestring;
		const cJSON *sev = cJSON_GetObjectItemCaseSensitive(ds, "severity");
		if (cJSON_IsString(sev))
			rec->severity_word = severity_word(sev->valuestring);
	}
	const cJSON *affected = get_typed(&c, root, "affected", 1), *ja;
	if (c.err)
		goto done;
	size_t fcap = 0;
	int best_rank = 0;
	cJSON_ArrayForEach(ja, affected) {
		int julia = 0;
		if (grow((void **)&rec->affected, &fcap, rec->naffected, sizeof(*rec->affected)) < 0) {
			oom(&c);
			goto done;
		}
		int rc = parse_affected(&c, ja, map, fallback, &rec->affected[rec->naffected], &julia);
		rec->naffected++;
		if (rc < 0)
			goto done;
		if (julia)
			rec->approximate = 1;
		const cJSON *asev = get_typed(&c, ja, "severity", 1);
		if (c.err || (asev && pick_severity(&c, asev, rec, &best_rank) < 0))
			goto done;
		const cJSON *es = get_typed(&c, ja, "ecosystem_specific", 0);
		if (c.err)
			goto done;
		if (es && !rec->severity_word) {
			const cJSON *sev = cJSON_GetObjectItemCaseSensitive(es, "severity");
			if (cJSON_IsString(sev))
				rec->severity_word = severity_word(sev->valuestring);
		}
	}
	const cJSON *sev = get_typed(&c, root, "severity", 1);
	if (c.err || (sev && pick_severity(&c, sev, rec, &best_rank) < 0))
		goto done;
	const cJSON *refs = get_typed(&c, root, "references", 1);
	if (c.err)
		goto done;
	size_t rcap = 0;
	cJSON_ArrayForEach(it, refs) {
		if (!cJSON_IsObject(it)) {
			fail(&c, "%s", "a reference is not an object");
			goto done;
		}
		if (grow((void **)&rec->refs, &rcap, rec->nrefs, sizeof(*rec->refs)) < 0) {
			oom(&c);
			goto done;
		}
		cvet_osv_ref *ref = &rec->refs[rec->nrefs];
		memset(ref, 0, sizeof(*ref));
		rec->nrefs++;
		if (get_str(&c, it, "type", 64, 0, &ref->type) < 0 || get_str(&c, it, "url", MAX_URL, 0, &ref->url) < 0)
			goto done;
		if (!ref->url) {
			fail(&c, "%s", "a reference has no url");
			goto done;
		}
	}
	if (!(rec->source = cvet_osv__dup0(source_of(rec->id, rec)))) {
		oom(&c);
		goto done;
	}
	cvet_osv__lower(rec->source);
	if (rec->naffected && !(rec->upstream_project = cvet_osv__dup0(rec->affected[0].project))) {
		oom(&c);
		goto done;
	}
done:
	cJSON_Delete(root);
	if (c.err)
		cvet_osv__record_clear(rec);
	return c.err;
}

/* ---- ecosystems cvet matches ------------------------------------------------------------------------ */

/*
 * The ecosystems whose records can match what cvet scans: C/C++ package managers its lockfile parsers read
 * (they reach records through the name map's namespaces), OSS-Fuzz, Bitnami and Julia builds of upstream C
 * libraries, and GIT ranges. Language registries (npm, PyPI, crates.io, Maven, Go, ...) and Linux
 * distributions (Debian, Ubuntu, Alpine, ...: their own package versions, not upstream ones) never match, so
 * a full OSV dump's records for them are skipped before parsing.
 */
static const char *const MATCHED[] = {"OSS-Fuzz", "Bitnami", "Julia", "GIT", "ConanCenter", "conan", "vcpkg",
				      "bazel", "bcr", "meson", "wrapdb"};

static int matched_ecosystem(const char *v, size_t n, const char *const *also, size_t nalso)
{
	for (size_t i = 0; i < sizeof(MATCHED) / sizeof(MATCHED[0]); i++)
		if (strlen(MATCHED[i]) == n && strncasecmp(MATCHED[i], v, n) == 0)
			return 1;
	for (size_t i = 0; i < nalso; i++)
		if (strlen(also[i]) == n && strncasecmp(also[i], v, n) == 0)
			return 1;
	return 0;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int cvet_osv__other_ecosystem(const char *t, size_t len, const char *const *also, size_t nalso)
{
	static const char key[] = "\"ecosystem\"";
	const size_t klen = sizeof(key) - 1;
	size_t seen = 0;
	const char *end = t + len;
	for (const char *p = t; (p = memchr(p, '"', (size_t)(end - p))) != NULL;) {
		if ((size_t)(end - p) < klen || memcmp(p, key, klen) != 0 || (p > t && p[-1] == '\\')) {
			p++;
			continue;
		}
		const char *q = p + klen;
		while (q < end && is_space(*q))
			q++;
		if (q >= end || *q != ':') {
			p = q;
			continue;
		}
		for (q++; q < end && is_space(*q); q++)
			;
		if (q >= end || *q != '"')
			return 0; /* not a plain string: the parser decides */
		const char *v = ++q;
		while (q < end && *q != '"' && *q != '\\')
			q++;
		if (q >= end || *q != '"')
			return 0;
		size_t n = (size_t)(q - v);
		const char *colon = memchr(v, ':', n); /* "Debian:12", "Ubuntu:22.04:LTS" */
		if (colon)
			n = (size_t)(colon - v);
		if (matched_ecosystem(v, n, also, nalso))
			return 0;
		seen++;
		p = q + 1;
	}
	return seen > 0;
}

/* ---- the import driver -------------------------------------------------------------------------- */

typedef struct {
	cvet_advdb_writer *w;
	cvet_namemap *map;
	cvet_osv_import_stats *st;
	const char **ecos; /* distinct ecosystems of the name map (lent from it): records in them are kept */
	size_t necos;
	double last_progress; /* when the progress line was last drawn */
	int progress_drawn;   /* a redrawn line is on the terminal (end it before a warning) */
} importer;

static double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The progress line for an archive: redrawn in place on a terminal (at most 5 times a second), else a line
 * every 10 seconds. `final` draws the last state and ends a redrawn line. */
static void progress(importer *im, const char *path, size_t done, size_t total, int final)
{
	int mode = im->st->progress;
	if (!mode)
		return;
	double t = now_seconds();
	if (!final && t - im->last_progress < (mode == 1 ? 0.2 : 10.0))
		return;
	if (final && mode == 2 && !im->progress_drawn)
		return; /* a short import prints no progress lines in a log */
	im->last_progress = t;
	char safe[300];
	const char *base = strrchr(path, '/');
	cvet_util__escape_text(safe, sizeof(safe), base ? base + 1 : path);
	fprintf(stderr, "%scvet: %s: %zu/%zu entries, %zu records imported, %zu skipped for other ecosystems%s",
		mode == 1 ? "\r" : "", safe, done, total, im->st->imported, im->st->other_ecosystem,
		mode == 1 ? (final ? "\033[K\n" : "\033[K") : "\n");
	fflush(stderr);
	im->progress_drawn = !final || mode == 2;
}

static void warn(importer *im, const char *msg)
{
	if (im->st->warned < CVET_ADV_MAX_WARNINGS) {
		if (im->st->progress == 1 && im->progress_drawn) {
			fputs("\r\033[K", stderr); /* the progress line is redrawn after the warning */
			im->last_progress = 0;
		}
		/* msg quotes zip entry names and record text: nothing in it may reach the terminal as a control */
		char safe[1024];
		cvet_util__escape_text(safe, sizeof(safe), msg);
		fprintf(stderr, "cvet: warning: skipped %s\n", safe);
	}
	im->st->warned++;
}

/*
 * Read a regular file of at most `cap` bytes into a NUL-terminated malloc'd buffer.
 * Returns 0, CVET_EIO or CVET_ELIMIT with a message.
 */
static int read_file(const char *path, size_t cap, char **buf, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct stat st;
	*buf = NULL;
	*len = 0;
	if (!f)
		return cvet_error_setc(CVET_EIO, "cannot open '%s': %s", path, strerror(errno));
	if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
		fclose(f);
		return cvet_error_setc(CVET_EIO, "'%s' is not a regular file", path);
	}
	if ((uint64_t)st.st_size > cap) {
		fclose(f);
		return cvet_error_setc(CVET_ELIMIT, "'%s' is larger than %zu bytes", path, cap);
	}
	char *b = malloc((size_t)st.st_size + 1);
	if (!b) {
		fclose(f);
		return cvet_error_setc(CVET_ENOMEM, "out of memory reading '%s'", path);
	}
	size_t n = fread(b, 1, (size_t)st.st_size + 1, f);
	int bad = ferror(f) || n > (size_t)st.st_size;
	fclose(f);
	if (bad) {
		free(b);
		return cvet_error_setc(CVET_EIO, "cannot read '%s' (changed while reading?)", path);
	}
	b[n] = '\0';
	*buf = b;
	*len = n;
	return 0;
}

/* Parse and write one record. `direct`: the file was named on the command line (errors are fatal). */
static int import_text(importer *im, const char *text, size_t len, const char *display, int direct)
{
	cvet_osv_record rec;
	cvet_cve5_info info;
	int rc = 0;
	im->st->files++;
	if (!direct && cvet_osv__other_ecosystem(text, len, im->ecos, im->necos)) {
		im->st->other_ecosystem++;
		return 0;
	}
	memset(&info, 0, sizeof(info));
	info.outcome = CVET_CVE5_NOT;
	if (cvet_cve5__looks_like(text, len)) {
		rc = cvet_cve5__parse(text, len, display, im->map, &rec, &info);
		im->st->cve5_git += info.git_entries;
		if (rc == 0 && info.outcome == CVET_CVE5_UNMAPPED)
			im->st->cve5_unmapped++;
		if (rc == 0 && info.outcome == CVET_CVE5_UNUSABLE)
			im->st->cve5_unusable++;
		if (rc == 0 && info.outcome != CVET_CVE5_RECORD && info.outcome != CVET_CVE5_NOT)
			return 0;
	}
	if (info.outcome == CVET_CVE5_NOT)
		rc = cvet_osv__parse(text, len, display, im->map, &rec);
	if (rc == CVET_EPARSE || rc == CVET_ELIMIT) {
		if (direct)
			return rc;
		warn(im, cvet_error_last());
		im->st->skipped++;
		return 0;
	}
	if (rc < 0)
		return rc;
	rc = cvet_advdb__writer_add(im->w, &rec);
	cvet_osv__record_clear(&rec);
	if (rc == 0)
		im->st->imported++;
	if (rc == 0 && info.outcome == CVET_CVE5_RECORD)
		im->st->cve5++;
	return rc;
}

static int has_suffix(const char *s, const char *suf)
{
	size_t n = strlen(s), m = strlen(suf);
	return n >= m && strcasecmp(s + n - m, suf) == 0;
}

/* Metadata files such as Julia's "_index.json" start with '_' and are not records. */
static int is_record_name(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	return base[0] != '_' && base[0] != '.' && has_suffix(base, ".json");
}

static int import_zip(importer *im, const char *path)
{
	cvet_zip *z = NULL;
	int rc = cvet_zip__open(&z, path);
	if (rc < 0)
		return rc;
	size_t n = cvet_zip__count(z);
	im->last_progress = now_seconds();
	for (size_t i = 0; i < n && rc == 0; i++) {
		const char *name = cvet_zip__name(z, i);
		progress(im, path, i, n, 0);
		if (!is_record_name(name))
			continue;
		char *data = NULL, display[600];
		size_t len = 0;
		snprintf(display, sizeof(display), "%s:%s", path, name);
		if (!clean(name)) {
			char msg[1024];
			snprintf(msg, sizeof(msg), "'%s': the entry name holds control characters", display);
			warn(im, msg);
			im->st->skipped++;
			continue;
		}
		rc = cvet_zip__read(z, i, &data, &len);
		if (rc == CVET_EPARSE) {
			char msg[1024];
			snprintf(msg, sizeof(msg), "'%s': %s", display, cvet_error_last());
			warn(im, msg);
			im->st->skipped++;
			rc = 0;
			continue;
		}
		if (rc < 0) {
			break; /* a zip bomb or an I/O error fails the whole import; the message names the entry */
		}
		rc = import_text(im, data, len, display, 0);
		free(data);
	}
	if (rc == 0)
		progress(im, path, n, n, 1);
	else if (im->st->progress == 1 && im->progress_drawn)
		fputs("\n", stderr);
	im->progress_drawn = 0;
	cvet_zip__free(z);
	return rc;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Walk a folder in sorted order (deterministic databases), importing .json records and .zip archives. */
static int import_dir(importer *im, const char *path, int depth)
{
	if (depth > MAX_WALK_DEPTH)
		return 0;
	DIR *d = opendir(path);
	char **names = NULL;
	size_t n = 0, cap = 0;
	int rc = 0;
	if (!d)
		return cvet_error_setc(CVET_EIO, "cannot open folder '%s': %s", path, strerror(errno));
	struct dirent *de;
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		if (n == cap) {
			size_t want = cap ? cap * 2 : 64;
			char **nn = want <= ((size_t)16 << 20) ? realloc(names, want * sizeof(*names)) : NULL;
			if (!nn) {
				rc = cvet_error_setc(CVET_ENOMEM, "cannot list '%s': out of memory or too many entries", path);
				break;
			}
			names = nn;
			cap = want;
		}
		if (!(names[n] = cvet_osv__dup0(de->d_name))) {
			rc = cvet_error_setc(CVET_ENOMEM, "out of memory listing '%s'", path);
			break;
		}
		n++;
	}
	closedir(d);
	if (rc == 0 && n > 1)
		qsort(names, n, sizeof(*names), cmp_str);
	for (size_t i = 0; i < n && rc == 0; i++) {
		size_t plen = strlen(path) + strlen(names[i]) + 2;
		char *child = malloc(plen);
		struct stat st;
		if (!child) {
			rc = cvet_error_setc(CVET_ENOMEM, "out of memory");
			break;
		}
		snprintf(child, plen, "%s/%s", path, names[i]);
		if (lstat(child, &st) == 0) { /* symlinks are not followed: no loops, no escaping the tree */
			if (S_ISDIR(st.st_mode)) {
				rc = import_dir(im, child, depth + 1);
			} else if (S_ISREG(st.st_mode) && has_suffix(child, ".zip")) {
				rc = import_zip(im, child);
			} else if (S_ISREG(st.st_mode) && is_record_name(child)) {
				char *buf = NULL;
				size_t len = 0;
				rc = read_file(child, CVET_ADV_MAX_FILE, &buf, &len);
				if (rc == CVET_ELIMIT) {
					warn(im, cvet_error_last());
					im->st->skipped++;
					rc = 0;
				} else if (rc == 0) {
					rc = import_text(im, buf, len, child, 0);
				}
				free(buf);
			}
		}
		free(child);
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return rc;
}

int cvet_osv__import(cvet_advdb_writer *w, cvet_namemap *map, const char *const *paths, size_t n,
		     cvet_osv_import_stats *st)
{
	importer im = {w, map, st, NULL, 0, 0, 0};
	char *isnm = calloc(n ? n : 1, 1);
	int rc = 0;
	if (!isnm)
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	/* pass 1: name maps, so that records map through them whatever the argument order */
	for (size_t i = 0; i < n && rc == 0; i++) {
		struct stat st_;
		if (stat(paths[i], &st_) != 0) {
			rc = cvet_error_setc(CVET_EIO, "cannot open '%s': %s", paths[i], strerror(errno));
			break;
		}
		if (!S_ISREG(st_.st_mode) || !has_suffix(paths[i], ".json"))
			continue;
		char *buf = NULL;
		size_t len = 0;
		if ((rc = read_file(paths[i], CVET_ADV_MAX_FILE, &buf, &len)) < 0)
			break;
		if (cvet_osv__is_namemap(buf, len)) {
			isnm[i] = 1;
			rc = cvet_osv__namemap_parse(map, buf, len, paths[i]);
			if (rc == 0) {
				st->namemaps++;
				rc = cvet_advdb__writer_add_namemap(w, map);
			}
		}
		free(buf);
	}
	/* the ecosystems the name map names are matched too: records in them are kept */
	if (rc == 0 && map->n && !(im.ecos = calloc(map->n, sizeof(*im.ecos))))
		rc = cvet_error_setc(CVET_ENOMEM, "out of memory");
	for (size_t i = 0; rc == 0 && i < map->n; i++) {
		size_t k = 0;
		while (k < im.necos && strcasecmp(im.ecos[k], map->e[i].ecosystem) != 0)
			k++;
		if (k == im.necos)
			im.ecos[im.necos++] = map->e[i].ecosystem;
	}
	/* pass 2: records */
	for (size_t i = 0; i < n && rc == 0; i++) {
		struct stat st_;
		if (isnm[i])
			continue;
		if (stat(paths[i], &st_) != 0) {
			rc = cvet_error_setc(CVET_EIO, "cannot open '%s': %s", paths[i], strerror(errno));
		} else if (S_ISDIR(st_.st_mode)) {
			rc = import_dir(&im, paths[i], 0);
		} else if (has_suffix(paths[i], ".zip")) {
			rc = import_zip(&im, paths[i]);
		} else {
			char *buf = NULL;
			size_t len = 0;
			if ((rc = read_file(paths[i], CVET_ADV_MAX_FILE, &buf, &len)) == 0)
				rc = import_text(&im, buf, len, paths[i], 1);
			free(buf);
		}
	}
	free(isnm);
	free(im.ecos);
	return rc;
}
