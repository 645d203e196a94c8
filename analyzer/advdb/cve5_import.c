/* cve5_import.c - read untrusted CVE JSON 5 records (the CVE Program's format) into OSV-shaped records */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <cjson/cJSON.h>
#include "advdb/advdb_int.h"
#include "common/util.h"

/*
 * What is read, and how (docs/advisory-db.md, "CVE JSON 5 records", says the same for users):
 *  - cveMetadata.cveId becomes the record id; state REJECTED makes a withdrawn record (it never matches, and it
 *    replaces an earlier import of the same CVE).
 *  - The CNA container first, then every ADP container. An `affected` entry is mapped to an upstream project
 *    through its CPEs, its repo / collectionURL + packageName, its vendor:product pair read as a CPE, and last its
 *    product name (only when the vendor is empty, "n/a" or agrees with the project). For a project the CNA gives
 *    comparable versions for, ADP entries are ignored (the CNA's data is preferred); otherwise every ADP entry
 *    for it is used (CISA's vulnrichment often adds the only usable ranges).
 *  - versions[]: affected entries with lessThan / lessThanOrEqual become OSV intervals, single versions the
 *    `versions` list, "*" / "all" mean every version. With defaultStatus "affected", the gaps between the
 *    unaffected ranges are affected too. Git commits and distribution build numbers are skipped with a count.
 *  - {version: X, lessThan: X} (empty as written) is read as "before X", the meaning HackerOne's records give it.
 *  - Free-text versions the GitHub CNA writes (">= 1.2.0, < 1.2.5", "< 3.0", "prior to 2.1") are read as one
 *    interval; anything else that is not a version ("n/a", "h300s") is skipped with a count.
 *  - An upper bound with a dropped dot ("1.54" .. "154.3") is read as meant ("1.54.3"); see undot().
 *  - Where a bound is ambiguous the reading includes more versions, never fewer (a lower bound "> X" is read as
 *    ">= X"; the version right after an unaffected "<= X" range counts as affected).
 */

#define MAX_ID 256
#define MAX_VERSION 512
#define MAX_AFFECTED 1000 /* affected entries over all containers of one record */
#define MAX_CPES 64       /* CPEs looked at per affected entry (lookups are linear in the name map) */
#define MAX_CHANGES 1000  /* `changes` per versions[] entry */

typedef cvet_osv_pctx pctx;
#define fail cvet_osv__fail
#define oom cvet_osv__oom
#define typed_at cvet_osv__typed

/* Member `key` of `obj` when it is a string (lent), NULL when absent or null; another type is malformed. */
static const char *str_at(pctx *c, const cJSON *obj, const char *key, size_t max)
{
	const cJSON *v = cJSON_IsObject(obj) ? cJSON_GetObjectItemCaseSensitive(obj, key) : NULL;
	if (!v || cJSON_IsNull(v))
		return NULL;
	if (!cJSON_IsString(v) || !v->valuestring) {
		fail(c, "field '%s' is not a string", key);
		return NULL;
	}
	if (strlen(v->valuestring) > max) {
		fail(c, "field '%s' is too long", key);
		return NULL;
	}
	return v->valuestring;
}

/* ---- versions -------------------------------------------------------------------------------------- */

/* One interval [lo, hi) or [lo, hi]; lo "0" = from the beginning, hi NULL = no end. */
typedef struct {
	char *lo, *hi;
	int hi_incl;
} span;

static void span_free(span *s)
{
	free(s->lo);
	free(s->hi);
	s->lo = s->hi = NULL;
}

static int is_every(const char *v)
{
	return !v || !*v || strcmp(v, "*") == 0 || strcasecmp(v, "all") == 0 || strcasecmp(v, "any") == 0;
}

/*
 * A version as cvet compares it: normalised ("v1.2" -> "1.2"), starting with a digit. Returns 0 (*out
 * malloc'd), 1 when `v` is not a comparable version, -1 on OOM.
 */
static int version_of(const char *v, char **out)
{
	*out = NULL;
	if (!v || !cvet_osv__clean(v) || strlen(v) > MAX_VERSION)
		return 1;
	char *n = cvet_version__normalise(v);
	if (!n)
		return -1;
	if (!isdigit((unsigned char)n[0]) || strchr(n, ' ') || strchr(n, ',')) {
		free(n);
		return 1;
	}
	*out = n;
	return 0;
}

/* "5.10.*" -> "5.10" (malloc'd) when v ends in ".*", else NULL (also on OOM: *oomp set). */
static char *series_of(const char *v, int *oomp)
{
	size_t n = v ? strlen(v) : 0;
	if (n < 3 || strcmp(v + n - 2, ".*") != 0)
		return NULL;
	char *s = cvet_osv__dupn(v, n - 2), *out = NULL;
	if (!s) {
		*oomp = 1;
		return NULL;
	}
	int rc = version_of(s, &out);
	free(s);
	if (rc < 0)
		*oomp = 1;
	return out;
}

/* "5.10" -> "5.11": the first version after a series; NULL when the last part is not a number (or OOM). */
static char *next_series(const char *v)
{
	size_t n = strlen(v), i = n;
	while (i > 0 && isdigit((unsigned char)v[i - 1]))
		i--;
	if (i == n || n - i > 18)
		return NULL;
	unsigned long long x = strtoull(v + i, NULL, 10) + 1;
	char *out = malloc(i + 24);
	if (out) {
		memcpy(out, v, i);
		snprintf(out + i, 24, "%llu", x);
	}
	return out;
}

/*
 * A dropped dot in an upper bound: "1.54" .. "154.3" (gRPC's CVE-2023-33953 and CVE-2023-4785) reads as
 * "1.54" .. "1.54.3" when the bound's first number is the lower bound's first two numbers run together and
 * the second has at least two digits (so "1.0" .. "10.2" stays as written). Returns 0 or -1 on OOM.
 */
static int undot(span *s)
{
	const char *lo = s->lo, *hi = s->hi;
	size_t a = strspn(lo, "0123456789");
	if (!hi || !a || lo[a] != '.')
		return 0;
	size_t b = strspn(lo + a + 1, "0123456789"), h = strspn(hi, "0123456789");
	if (b < 2 || h != a + b || strncmp(hi, lo, a) != 0 || strncmp(hi + a, lo + a + 1, b) != 0)
		return 0;
	size_t n = strlen(hi);
	char *fixed = malloc(n + 2);
	if (!fixed)
		return -1;
	memcpy(fixed, hi, a);
	fixed[a] = '.';
	memcpy(fixed + a + 1, hi + a, n - a + 1);
	free(s->hi);
	s->hi = fixed;
	return 0;
}

/*
 * Bounds of a versions[] entry. Lower: missing, "0", "*" -> "0"; "5.10.*" -> "5.10". Upper (lessThan /
 * lessThanOrEqual): "*" -> none; lessThan "5.10.*" -> before "5.10"; lessThanOrEqual "5.10.*" -> before "5.11".
 * Returns 0, 1 when a bound is not a version, -1 on OOM.
 */
static int entry_span(const char *version, const char *lt, const char *le, span *s)
{
	int o = 0, rc;
	memset(s, 0, sizeof(*s));
	/* {version: X, lessThan: X} is empty as written; HackerOne's records mean "before X" by it */
	if (is_every(version) || strcmp(version, "0") == 0 || (lt && strcmp(version, lt) == 0)) {
		s->lo = cvet_osv__dup0("0");
	} else if (!(s->lo = series_of(version, &o)) && !o) {
		if ((rc = version_of(version, &s->lo)) != 0)
			return rc;
	}
	if (!s->lo)
		return -1;
	const char *hi = lt ? lt : le;
	if (is_every(hi))
		return 0;
	char *ser = series_of(hi, &o);
	if (o)
		return -1;
	if (ser && le) {
		s->hi = next_series(ser); /* NULL: no next series, so no end (more, never less); or OOM, the same */
		free(ser);
		return 0;
	}
	if (ser) {
		s->hi = ser;
		return 0;
	}
	if ((rc = version_of(hi, &s->hi)) != 0)
		return rc;
	s->hi_incl = le != NULL;
	return undot(s);
}

/*
 * Free-text constraints in the `version` field (">= 1.2.0, < 1.2.5", "< 3.0", "<= 2.28", "> 1.18.0, <= 1.27.5",
 * "prior to 5.4.2", "before 2.1"). Returns 0 with *s filled, 1 when the text is not such a constraint, -1 on OOM.
 */
static int constraint_span(const char *text, span *s)
{
	char buf[MAX_VERSION + 1];
	const char *p = text;
	int seen = 0;
	memset(s, 0, sizeof(*s));
	if (strncasecmp(p, "prior to ", 9) == 0 || strncasecmp(p, "before ", 7) == 0) {
		p += p[0] == 'p' || p[0] == 'P' ? 9 : 7;
		char *v = NULL;
		int rc = version_of(p, &v);
		if (rc != 0)
			return rc;
		s->lo = cvet_osv__dup0("0");
		s->hi = v;
		return s->lo ? 0 : (span_free(s), -1);
	}
	while (*p) {
		while (*p == ' ' || *p == ',')
			p++;
		if (!*p)
			break;
		char op[3] = {0};
		size_t k = 0;
		while (k < 2 && (*p == '<' || *p == '>' || *p == '='))
			op[k++] = *p++;
		if (!k)
			goto no;
		while (*p == ' ')
			p++;
		size_t n = 0;
		while (p[n] && p[n] != ' ' && p[n] != ',')
			n++;
		if (n == 0 || n > MAX_VERSION)
			goto no;
		memcpy(buf, p, n);
		buf[n] = '\0';
		p += n;
		char *v = NULL;
		int rc = version_of(buf, &v);
		if (rc != 0) {
			span_free(s);
			return rc;
		}
		if (op[0] == '>' && !s->lo) {
			s->lo = v; /* "> X" read as ">= X": one version more, never one less */
		} else if (op[0] == '<' && !s->hi) {
			s->hi = v;
			s->hi_incl = op[1] == '=';
		} else if (op[0] == '=' && !s->lo && !s->hi) {
			s->lo = v;
			s->hi = cvet_osv__dup0(v);
			s->hi_incl = 1;
			if (!s->hi)
				return span_free(s), -1;
		} else {
			free(v);
			goto no;
		}
		seen = 1;
	}
	if (!seen)
		goto no;
	if (!s->lo && !(s->lo = cvet_osv__dup0("0")))
		return span_free(s), -1;
	return 0;
no:
	span_free(s);
	return 1;
}

/* ---- the name map ---------------------------------------------------------------------------------- */

/* Letters and digits only, lower-cased ("The Tcpdump Group" -> "thetcpdumpgroup"), into buf. */
static void squash(char *buf, size_t size, const char *s)
{
	size_t n = 0;
	for (; s && *s && n + 1 < size; s++)
		if (isalnum((unsigned char)*s))
			buf[n++] = (char)tolower((unsigned char)*s);
	buf[n] = '\0';
}

/* 1 when `vendor` plausibly names `project`'s publisher: empty/"n/a", the project itself, the owner in its
 * github slug, or a CPE vendor of it. */
static int vendor_agrees(const cvet_namemap *map, const char *vendor, const char *project)
{
	char v[MAX_ID + 1], x[MAX_ID + 1];
	if (!vendor || !*vendor || strcasecmp(vendor, "n/a") == 0)
		return 1;
	squash(v, sizeof(v), vendor);
	squash(x, sizeof(x), project);
	if (!*v || strcmp(v, x) == 0)
		return 1;
	for (size_t i = 0; map && i < map->n; i++) {
		const cvet_namemap_entry *e = &map->e[i];
		if (strcmp(e->project, project) != 0)
			continue;
		const char *sep = strcasecmp(e->ecosystem, "github") == 0 ? strchr(e->name, '/')
				: strcasecmp(e->ecosystem, "cpe") == 0 ? strchr(e->name, ':') : NULL;
		if (!sep || (size_t)(sep - e->name) > MAX_ID)
			continue;
		char owner[MAX_ID + 1];
		memcpy(owner, e->name, (size_t)(sep - e->name));
		owner[sep - e->name] = '\0';
		squash(x, sizeof(x), owner);
		if (strcmp(v, x) == 0)
			return 1;
	}
	return 0;
}

/* "vendor:product" of a CPE 2.3 ("cpe:2.3:a:haxx:curl:7.1:...") or 2.2 URI ("cpe:/a:haxx:curl"), lower-cased,
 * into buf; 0 when it is not an application CPE. Backslash escapes are kept as written. */
static int cpe_pair(const char *cpe, char *buf, size_t size)
{
	const char *p;
	if (strncasecmp(cpe, "cpe:2.3:a:", 10) == 0)
		p = cpe + 10;
	else if (strncasecmp(cpe, "cpe:/a:", 7) == 0)
		p = cpe + 7;
	else
		return 0;
	size_t n = 0;
	int colons = 0;
	for (; *p && n + 1 < size; p++) {
		if (*p == '\\' && p[1]) {
			buf[n++] = *p++;
			if (n + 1 < size)
				buf[n++] = *p;
			continue;
		}
		if (*p == ':' && ++colons == 2)
			break;
		buf[n++] = (char)tolower((unsigned char)*p);
	}
	buf[n] = '\0';
	return colons >= 1 && buf[0] != ':' && n && buf[n - 1] != ':';
}

/* Upstream project of an affected entry (lent from the map) or NULL. */
static const char *map_entry(pctx *c, const cvet_namemap *map, const cJSON *ja)
{
	char buf[2 * MAX_ID + 8];
	const char *m, *vendor = str_at(c, ja, "vendor", MAX_ID * 4), *product = str_at(c, ja, "product", MAX_ID * 4);
	const char *pkg = str_at(c, ja, "packageName", MAX_ID * 4), *coll = str_at(c, ja, "collectionURL", CVET_ADV_MAX_URL);
	const char *repo = str_at(c, ja, "repo", CVET_ADV_MAX_URL);
	const cJSON *cpes = typed_at(c, ja, "cpes", 1), *it;
	if (c->err || !map)
		return NULL;
	int k = 0;
	cJSON_ArrayForEach(it, cpes) {
		if (k++ >= MAX_CPES)
			break;
		if (cJSON_IsString(it) && it->valuestring && strlen(it->valuestring) < 1024 &&
		    cpe_pair(it->valuestring, buf, sizeof(buf)) && (m = cvet_osv__namemap_find(map, "cpe", buf)))
			return m;
	}
	const char *urls[3] = {repo, product, pkg};
	for (int i = 0; i < 3; i++) {
		if (!urls[i] || !strstr(urls[i], "://"))
			continue;
		char *key = cvet_repo__key(urls[i]);
		m = key ? cvet_osv__namemap_find(map, "git", key) : NULL;
		free(key);
		if (m)
			return m;
	}
	if (pkg && coll && strstr(coll, "github.com") && strlen(pkg) < sizeof(buf)) {
		snprintf(buf, sizeof(buf), "%s", pkg);
		cvet_osv__lower(buf);
		if ((m = cvet_osv__namemap_find(map, "github", buf)))
			return m;
	}
	if (vendor && product && strlen(vendor) <= MAX_ID && strlen(product) <= MAX_ID) {
		snprintf(buf, sizeof(buf), "%s:%s", vendor, product);
		cvet_osv__lower(buf);
		for (char *q = buf; *q; q++)
			if (*q == ' ')
				*q = '_';
		if ((m = cvet_osv__namemap_find(map, "cpe", buf)))
			return m;
	}
	/* a bare name: the product, else the package name ("owner/repo" on GitHub, else a project or package) */
	static const char *const spaces[] = {"project", "github", "conan", "vcpkg", "bcr", "wrapdb"};
	const char *names[2] = {product, pkg};
	for (int i = 0; i < 2; i++) {
		if (!names[i] || strlen(names[i]) >= sizeof(buf))
			continue;
		snprintf(buf, sizeof(buf), "%s", names[i]);
		cvet_osv__lower(buf);
		for (size_t s = 0; s < sizeof(spaces) / sizeof(spaces[0]); s++)
			if ((m = cvet_osv__namemap_find(map, spaces[s], buf)) && vendor_agrees(map, vendor, m))
				return m;
	}
	return NULL;
}

/* ---- one affected entry ---------------------------------------------------------------------------- */

typedef struct {
	const char *project; /* lent from the map */
	int from_cna, semver;
	span *aff; size_t naff, capaff;
	span *un; size_t nun, capun;
	char **single; size_t nsingle, capsingle;
	int default_affected;
} entry;

static void entry_free(entry *e)
{
	for (size_t i = 0; i < e->naff; i++)
		span_free(&e->aff[i]);
	for (size_t i = 0; i < e->nun; i++)
		span_free(&e->un[i]);
	for (size_t i = 0; i < e->nsingle; i++)
		free(e->single[i]);
	free(e->aff);
	free(e->un);
	free(e->single);
	memset(e, 0, sizeof(*e));
}

static int push_span(pctx *c, span **arr, size_t *n, size_t *cap, span *s)
{
	if (cvet_osv__grow((void **)arr, cap, *n, sizeof(**arr)) < 0) {
		span_free(s);
		return oom(c);
	}
	(*arr)[(*n)++] = *s;
	memset(s, 0, sizeof(*s));
	return 0;
}

/* A pair whose end does not lie above its start ("0.9.6" .. "0.9.6-cvs", ">= 3.3.0, < 3.3.0") is the start
 * version alone: read as [lo, lo]. */
static int fix_inverted(span *s)
{
	if (!s->hi || strcmp(s->lo, "0") == 0)
		return 0;
	int cmp = cvet_version_cmp(s->hi, s->lo);
	if (cmp > 0 || (cmp == 0 && s->hi_incl))
		return 0;
	free(s->hi);
	if (!(s->hi = cvet_osv__dup0(s->lo)))
		return -1;
	s->hi_incl = 1;
	return 0;
}

/* Add [lo, hi) pieces of `s` split by its `changes` (sorted by version), keeping the affected ones. */
typedef struct { char *at; int affected; } change;

static int cmp_change(const void *a, const void *b)
{
	return cvet_version_cmp(((const change *)a)->at, ((const change *)b)->at);
}

static int add_with_changes(pctx *c, entry *e, span *s, int affected, const cJSON *changes, cvet_cve5_info *info)
{
	change *ch = NULL;
	char *lo = NULL;
	size_t n = 0, cap = 0;
	const cJSON *it;
	int rc = 0;
	cJSON_ArrayForEach(it, changes) {
		if (n >= MAX_CHANGES)
			break;
		const char *at = str_at(c, it, "at", MAX_VERSION), *st = str_at(c, it, "status", 32);
		if (c->err || !cJSON_IsObject(it) || !at) {
			rc = fail(c, "%s", "a 'changes' item is not an object with 'at'");
			goto done;
		}
		char *v = NULL;
		int vr = version_of(at, &v);
		if (vr < 0) {
			rc = oom(c);
			goto done;
		}
		if (vr > 0) {
			info->unusable_entries++;
			continue; /* a change cvet cannot place is left out: the range stays as written (more, not less) */
		}
		if (cvet_osv__grow((void **)&ch, &cap, n, sizeof(*ch)) < 0) {
			free(v);
			rc = oom(c);
			goto done;
		}
		/* "unknown" (or anything but "unaffected") is read as affected */
		ch[n].at = v;
		ch[n].affected = !(st && strcmp(st, "unaffected") == 0);
		n++;
	}
	if (n > 1)
		qsort(ch, n, sizeof(*ch), cmp_change);
	/* walk the pieces: [lo, at1) status, [at1, at2) ch1.status, ... [atn, hi) chn.status */
	lo = s->lo;
	int cur = affected;
	s->lo = NULL;
	for (size_t i = 0; i <= n; i++) {
		int last = i == n;
		if (!last) {
			if (cvet_version_cmp(ch[i].at, lo) <= 0 && strcmp(lo, "0") != 0) {
				cur = ch[i].affected;
				continue;
			}
			if (s->hi && cvet_version_cmp(ch[i].at, s->hi) > (s->hi_incl ? 0 : -1))
				last = 1; /* changes past the end of the range change nothing */
		}
		span piece = {lo, NULL, 0};
		lo = NULL;
		if (last) {
			piece.hi = s->hi;
			piece.hi_incl = s->hi_incl;
			s->hi = NULL;
		} else if (!(piece.hi = cvet_osv__dup0(ch[i].at)) || !(lo = cvet_osv__dup0(ch[i].at))) {
			span_free(&piece);
			rc = oom(c);
			goto done;
		}
		if (cur) {
			if ((rc = push_span(c, &e->aff, &e->naff, &e->capaff, &piece)) < 0)
				goto done;
		} else {
			span_free(&piece);
		}
		if (last)
			break;
		cur = ch[i].affected;
	}
done:
	free(lo);
	for (size_t i = 0; i < n; i++)
		free(ch[i].at);
	free(ch);
	span_free(s);
	return rc;
}

/* Read the versions[] and defaultStatus of one affected entry into e. */
static int read_versions(pctx *c, const cJSON *ja, entry *e, cvet_cve5_info *info)
{
	const char *def = str_at(c, ja, "defaultStatus", 32);
	const cJSON *versions = typed_at(c, ja, "versions", 1), *jv;
	if (c->err)
		return c->err;
	e->default_affected = def && strcmp(def, "affected") == 0;
	cJSON_ArrayForEach(jv, versions) {
		if (!cJSON_IsObject(jv))
			return fail(c, "%s", "a versions[] item is not an object");
		const char *version = str_at(c, jv, "version", MAX_VERSION), *status = str_at(c, jv, "status", 32);
		const char *vt = str_at(c, jv, "versionType", 64), *lt = str_at(c, jv, "lessThan", MAX_VERSION);
		const char *le = str_at(c, jv, "lessThanOrEqual", MAX_VERSION);
		const cJSON *changes = typed_at(c, jv, "changes", 1);
		if (c->err)
			return c->err;
		if (!status || (strcmp(status, "affected") != 0 && strcmp(status, "unaffected") != 0))
			continue; /* "unknown" says nothing */
		if (vt && (strcasecmp(vt, "git") == 0 || strcasecmp(vt, "rpm") == 0 || strcasecmp(vt, "deb") == 0)) {
			info->git_entries++;
			continue;
		}
		if (vt && strcasecmp(vt, "semver") == 0)
			e->semver = 1;
		int affected = strcmp(status, "affected") == 0;
		span s;
		int rc;
		if (lt || le) {
			rc = entry_span(version, lt, le, &s);
		} else if (version && (is_every(version) || strcmp(version, "0") == 0)) {
			rc = entry_span(version, NULL, NULL, &s);
		} else if (version && (rc = constraint_span(version, &s)) == 1) {
			/* a single version */
			char *v = NULL;
			if ((rc = version_of(version, &v)) < 0)
				return oom(c);
			if (rc > 0) {
				info->unusable_entries++;
				continue;
			}
			if (!affected) {
				free(v); /* an unaffected single version is left out: its neighbours stay as they are */
				continue;
			}
			if (cvet_osv__grow((void **)&e->single, &e->capsingle, e->nsingle, sizeof(char *)) < 0) {
				free(v);
				return oom(c);
			}
			e->single[e->nsingle++] = v;
			continue;
		} else if (!version) {
			info->unusable_entries++;
			continue;
		}
		if (rc < 0)
			return oom(c);
		if (rc > 0) {
			span_free(&s);
			info->unusable_entries++;
			continue;
		}
		if (fix_inverted(&s) < 0) {
			span_free(&s);
			return oom(c);
		}
		if (changes && cJSON_GetArraySize(changes) > 0) {
			if (add_with_changes(c, e, &s, affected, changes, info) < 0)
				return c->err;
		} else if (affected) {
			if (push_span(c, &e->aff, &e->naff, &e->capaff, &s) < 0)
				return c->err;
		} else if (push_span(c, &e->un, &e->nun, &e->capun, &s) < 0) {
			return c->err;
		}
	}
	return 0;
}

static int cmp_span_lo(const void *a, const void *b)
{
	const span *x = a, *y = b;
	int zx = strcmp(x->lo, "0") == 0, zy = strcmp(y->lo, "0") == 0;
	return zx != zy ? (zx ? -1 : 1) : zx ? 0 : cvet_version_cmp(x->lo, y->lo);
}

/* defaultStatus "affected": every gap between the unaffected ranges is affected. A gap starts at the end of an
 * unaffected range (its last version too, when that end is inclusive: more, never less). */
static int add_gaps(pctx *c, entry *e)
{
	if (e->nun > 1)
		qsort(e->un, e->nun, sizeof(*e->un), cmp_span_lo);
	const char *from = "0"; /* start of the current gap; NULL once an unaffected range has no end */
	for (size_t i = 0; i < e->nun && from; i++) {
		const span *u = &e->un[i];
		int starts_after = strcmp(u->lo, "0") != 0 && (strcmp(from, "0") == 0 || cvet_version_cmp(u->lo, from) > 0);
		if (starts_after) {
			span g = {cvet_osv__dup0(from), cvet_osv__dup0(u->lo), 0};
			if (!g.lo || !g.hi) {
				span_free(&g);
				return oom(c);
			}
			if (push_span(c, &e->aff, &e->naff, &e->capaff, &g) < 0)
				return c->err;
		}
		if (!u->hi)
			from = NULL;
		else if (strcmp(from, "0") == 0 || cvet_version_cmp(u->hi, from) > 0)
			from = u->hi;
	}
	if (from) {
		span g = {cvet_osv__dup0(from), NULL, 0};
		if (!g.lo)
			return oom(c);
		if (push_span(c, &e->aff, &e->naff, &e->capaff, &g) < 0)
			return c->err;
	}
	return 0;
}

/* Move an entry's data into an OSV affected entry (one range). */
static int to_affected(pctx *c, entry *e, cvet_osv_affected *a)
{
	memset(a, 0, sizeof(*a));
	if (!(a->project = cvet_osv__dup0(e->project)))
		return oom(c);
	if (e->naff) {
		a->ranges = calloc(1, sizeof(*a->ranges));
		if (!a->ranges || !(a->ranges[0].type = cvet_osv__dup0(e->semver ? "SEMVER" : "ECOSYSTEM")) ||
		    !(a->ranges[0].iv = calloc(e->naff, sizeof(*a->ranges[0].iv)))) {
			if (a->ranges)
				a->nranges = 1;
			return oom(c);
		}
		a->nranges = 1;
		for (size_t i = 0; i < e->naff; i++) {
			cvet_osv_interval *iv = &a->ranges[0].iv[a->ranges[0].niv++];
			iv->introduced = e->aff[i].lo;
			if (e->aff[i].hi_incl)
				iv->last_affected = e->aff[i].hi;
			else
				iv->fixed = e->aff[i].hi;
			e->aff[i].lo = e->aff[i].hi = NULL;
		}
	}
	if (e->nsingle) {
		if (!(a->versions = calloc(e->nsingle, sizeof(*a->versions))))
			return oom(c);
		for (size_t i = 0; i < e->nsingle; i++) {
			cvet_osv_version *v = &a->versions[a->nversions++];
			v->version = e->single[i];
			e->single[i] = NULL;
			if (!(v->raw = cvet_osv__dup0(v->version)))
				return oom(c);
		}
	}
	return 0;
}

/* ---- the record ------------------------------------------------------------------------------------ */

static char *severity_word(const char *w)
{
	static const char *const known[] = {"critical", "high", "medium", "moderate", "low"};
	for (size_t i = 0; w && i < sizeof(known) / sizeof(known[0]); i++)
		if (strcasecmp(w, known[i]) == 0)
			return cvet_osv__dup0(i == 3 ? "medium" : known[i]);
	return NULL;
}

/* CVSS from a metrics[] array: v3.1 / v3.0 over v4.0 over v2.0, scored by cvet from the vector; a severity
 * word from {"other": {"content": {"text": "High"}}} (OpenSSL's ratings). */
static int read_metrics(pctx *c, const cJSON *metrics, cvet_osv_record *r, int *best)
{
	static const struct { const char *key; int rank; } kinds[] = {
		{"cvssV3_1", 4}, {"cvssV3_0", 3}, {"cvssV4_0", 2}, {"cvssV2_0", 1},
	};
	const cJSON *m;
	cJSON_ArrayForEach(m, metrics) {
		if (!cJSON_IsObject(m))
			return fail(c, "%s", "a metrics[] item is not an object");
		for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
			const cJSON *o = typed_at(c, m, kinds[k].key, 0);
			const char *vec = o ? str_at(c, o, "vectorString", 512) : NULL;
			if (c->err)
				return c->err;
			double score = vec ? cvet_cvss__score(vec, NULL) : -1;
			if (vec && score >= 0 && kinds[k].rank > *best) {
				char *v = cvet_osv__dup0(vec);
				if (!v)
					return oom(c);
				free(r->severity_vector);
				r->severity_vector = v;
				r->score = score;
				*best = kinds[k].rank;
			}
		}
		const cJSON *other = typed_at(c, m, "other", 0);
		const cJSON *content = other ? cJSON_GetObjectItemCaseSensitive(other, "content") : NULL;
		const cJSON *text = cJSON_IsObject(content) ? cJSON_GetObjectItemCaseSensitive(content, "text") : NULL;
		if (c->err)
			return c->err;
		if (!r->severity_word && cJSON_IsString(text) && text->valuestring)
			r->severity_word = severity_word(text->valuestring);
	}
	return 0;
}

/* English description (first "en*" one, else the first) and the CWE ids of problemTypes, appended. */
static int read_text(pctx *c, const cJSON *cna, cvet_osv_record *r)
{
	const cJSON *descs = typed_at(c, cna, "descriptions", 1), *d;
	const char *title = str_at(c, cna, "title", 4096);
	if (c->err)
		return c->err;
	const char *value = NULL;
	int value_en = 0;
	cJSON_ArrayForEach(d, descs) {
		const char *lang = str_at(c, d, "lang", 64), *v = str_at(c, d, "value", (size_t)CVET_ADV_MAX_FILE);
		if (c->err)
			return c->err;
		int en = lang && strncasecmp(lang, "en", 2) == 0;
		if (v && (!value || (en && !value_en))) {
			value = v;
			value_en = en;
		}
	}
	char cwes[512] = "";
	const cJSON *pts = typed_at(c, cna, "problemTypes", 1), *pt;
	cJSON_ArrayForEach(pt, pts) {
		const cJSON *pd = typed_at(c, pt, "descriptions", 1), *x;
		cJSON_ArrayForEach(x, pd) {
			const char *id = str_at(c, x, "cweId", 32);
			if (c->err)
				return c->err;
			if (id && strncmp(id, "CWE-", 4) == 0 && cvet_osv__clean(id) && !strstr(cwes, id) &&
			    strlen(cwes) + strlen(id) + 3 < sizeof(cwes))
				snprintf(cwes + strlen(cwes), sizeof(cwes) - strlen(cwes), "%s%s", *cwes ? ", " : "", id);
		}
		if (c->err)
			return c->err;
	}
	if (title && cvet_osv__clean(title) && *title && !(r->summary = cvet_osv__dupn(title, strlen(title) > 1024 ? 1024 : strlen(title))))
		return oom(c);
	size_t vn = value ? strlen(value) : 0, max = CVET_ADV_MAX_STR - 600;
	if (vn > max)
		vn = max;
	if (vn || *cwes) {
		size_t size = vn + sizeof(cwes) + 16;
		if (!(r->details = malloc(size)))
			return oom(c);
		snprintf(r->details, size, "%.*s%s%s", (int)vn, value ? value : "", *cwes ? (vn ? "\n\n" : "") : "",
			 *cwes ? cwes : "");
	}
	return 0;
}

static int read_refs(pctx *c, const cJSON *refs, cvet_osv_record *r, size_t *cap)
{
	const cJSON *it;
	cJSON_ArrayForEach(it, refs) {
		const char *url = str_at(c, it, "url", CVET_ADV_MAX_URL);
		const cJSON *tags = typed_at(c, it, "tags", 1), *t;
		if (c->err)
			return c->err;
		if (!url || !cvet_osv__clean(url))
			continue;
		for (size_t i = 0; i < r->nrefs; i++)
			if (strcmp(r->refs[i].url, url) == 0)
				goto next;
		const char *type = "WEB";
		cJSON_ArrayForEach(t, tags) {
			if (!cJSON_IsString(t) || !t->valuestring)
				continue;
			if (strcmp(t->valuestring, "patch") == 0)
				type = "FIX";
			else if (strstr(t->valuestring, "advisory") && strcmp(type, "WEB") == 0)
				type = "ADVISORY";
		}
		if (cvet_osv__grow((void **)&r->refs, cap, r->nrefs, sizeof(*r->refs)) < 0)
			return oom(c);
		r->refs[r->nrefs].type = cvet_osv__dup0(type);
		r->refs[r->nrefs].url = cvet_osv__dup0(url);
		r->nrefs++;
		if (!r->refs[r->nrefs - 1].type || !r->refs[r->nrefs - 1].url)
			return oom(c);
	next:;
	}
	return 0;
}

int cvet_cve5__looks_like(const char *text, size_t len)
{
	static const char needle[] = "CVE_RECORD";
	size_t m = sizeof(needle) - 1;
	for (size_t i = 0; i + m <= len; i++)
		if (text[i] == 'C' && memcmp(text + i, needle, m) == 0)
			return 1;
	return 0;
}

/* The containers to read: CNA first, then ADPs; at most 64 in all. */
#define MAX_CONTAINERS 64

int cvet_cve5__parse(const char *text, size_t len, const char *display, const cvet_namemap *map,
		     cvet_osv_record *rec, cvet_cve5_info *info)
{
	pctx c = {display, 0};
	cJSON *root = NULL;
	entry *ents = NULL;
	size_t nents = 0, entcap = 0, mapped = 0;
	memset(rec, 0, sizeof(*rec));
	rec->score = -1;
	info->outcome = CVET_CVE5_RECORD;
	if (len > CVET_ADV_MAX_FILE)
		return cvet_error_setc(CVET_ELIMIT, "'%s' is larger than %zu bytes", display, CVET_ADV_MAX_FILE);
	if (!cvet_osv__json_depth_ok(text, len, CVET_ADV_MAX_DEPTH))
		return fail(&c, "JSON nested deeper than %s levels", "64");
	if (cvet_osv__json_has_nul(text, len))
		return fail(&c, "%s", "a NUL character (a zero byte or \\u0000) in the text; records must not hold one");
	root = cJSON_ParseWithLength(text, len);
	if (!root) {
		fail(&c, "%s", "not valid JSON");
		goto done;
	}
	const cJSON *dt = cJSON_IsObject(root) ? cJSON_GetObjectItemCaseSensitive(root, "dataType") : NULL;
	if (!cJSON_IsString(dt) || !dt->valuestring || strcmp(dt->valuestring, "CVE_RECORD") != 0) {
		info->outcome = CVET_CVE5_NOT; /* an OSV record that merely mentions the word */
		goto done;
	}
	const char *dv = str_at(&c, root, "dataVersion", 16);
	if (!c.err && (!dv || strncmp(dv, "5.", 2) != 0 || !isdigit((unsigned char)dv[2])))
		fail(&c, "%s", "a CVE record whose dataVersion is not 5.x");
	const cJSON *meta = typed_at(&c, root, "cveMetadata", 0), *conts = typed_at(&c, root, "containers", 0);
	if (c.err)
		goto done;
	if (!meta || !conts) {
		fail(&c, "%s", "a CVE record without cveMetadata or containers");
		goto done;
	}
	const char *id = str_at(&c, meta, "cveId", MAX_ID), *state = str_at(&c, meta, "state", 32);
	const char *assigner = str_at(&c, meta, "assignerShortName", MAX_ID);
	const char *updated = str_at(&c, meta, "dateUpdated", 64), *published = str_at(&c, meta, "datePublished", 64);
	const char *rejected = str_at(&c, meta, "dateRejected", 64);
	if (c.err)
		goto done;
	if (!id || strncmp(id, "CVE-", 4) != 0 || !cvet_osv__clean(id)) {
		fail(&c, "%s", "no 'cveMetadata.cveId' of the form CVE-YYYY-NNNN");
		goto done;
	}
	if (!(rec->id = cvet_osv__dup0(id)) || (updated && cvet_osv__clean(updated) && !(rec->modified = cvet_osv__dup0(updated))) ||
	    (published && cvet_osv__clean(published) && !(rec->published = cvet_osv__dup0(published)))) {
		oom(&c);
		goto done;
	}
	if (state && strcmp(state, "REJECTED") == 0) {
		const char *when = rejected ? rejected : updated ? updated : "rejected";
		if (!(rec->withdrawn = cvet_osv__dup0(cvet_osv__clean(when) ? when : "rejected")) || !(rec->source = cvet_osv__dup0("cve5")))
			oom(&c);
		goto done;
	}
	const cJSON *cna = typed_at(&c, conts, "cna", 0), *adps = typed_at(&c, conts, "adp", 1);
	if (c.err)
		goto done;
	if (!cna) {
		fail(&c, "%s", "a published CVE record without a CNA container");
		goto done;
	}
	/* older records name the CNA only in its container, and date the CVE by datePublic */
	const cJSON *pm = typed_at(&c, cna, "providerMetadata", 0);
	const char *cna_name = pm ? str_at(&c, pm, "shortName", MAX_ID) : NULL;
	const char *public = str_at(&c, cna, "datePublic", 64);
	if (c.err)
		goto done;
	if (!assigner)
		assigner = cna_name;
	if (!rec->published && public && cvet_osv__clean(public) && !(rec->published = cvet_osv__dup0(public))) {
		oom(&c);
		goto done;
	}
	const cJSON *list[MAX_CONTAINERS];
	size_t nlist = 0;
	list[nlist++] = cna;
	const cJSON *it;
	cJSON_ArrayForEach(it, adps) {
		if (nlist >= MAX_CONTAINERS)
			break;
		if (!cJSON_IsObject(it)) {
			fail(&c, "%s", "an ADP container is not an object");
			goto done;
		}
		list[nlist++] = it;
	}
	/* affected entries */
	size_t seen = 0;
	for (size_t k = 0; k < nlist; k++) {
		const cJSON *aff = typed_at(&c, list[k], "affected", 1), *ja;
		if (c.err)
			goto done;
		cJSON_ArrayForEach(ja, aff) {
			if (++seen > MAX_AFFECTED) {
				fail(&c, "more than %s affected entries", "1000");
				goto done;
			}
			if (!cJSON_IsObject(ja)) {
				fail(&c, "%s", "an affected entry is not an object");
				goto done;
			}
			const char *project = map_entry(&c, map, ja);
			if (c.err)
				goto done;
			if (!project)
				continue;
			mapped++;
			if (cvet_osv__grow((void **)&ents, &entcap, nents, sizeof(*ents)) < 0) {
				oom(&c);
				goto done;
			}
			entry *e = &ents[nents++];
			memset(e, 0, sizeof(*e));
			e->project = project;
			e->from_cna = k == 0;
			if (read_versions(&c, ja, e, info) < 0)
				goto done;
			if (e->default_affected && add_gaps(&c, e) < 0)
				goto done;
		}
	}
	/* ADP entries only for projects the CNA gives no comparable version for */
	size_t usable = 0;
	for (size_t i = 0; i < nents; i++) {
		entry *e = &ents[i];
		int has = e->naff || e->nsingle;
		if (!e->from_cna && has) {
			for (size_t j = 0; j < nents; j++)
				if (ents[j].from_cna && strcmp(ents[j].project, e->project) == 0 && (ents[j].naff || ents[j].nsingle))
					has = 0;
		}
		if (!has)
			entry_free(e);
		else
			usable++;
	}
	if (!usable) {
		info->outcome = mapped ? CVET_CVE5_UNUSABLE : CVET_CVE5_UNMAPPED;
		goto done;
	}
	if (!(rec->affected = calloc(usable, sizeof(*rec->affected)))) {
		oom(&c);
		goto done;
	}
	for (size_t i = 0; i < nents; i++) {
		if (!ents[i].naff && !ents[i].nsingle)
			continue;
		int rc = to_affected(&c, &ents[i], &rec->affected[rec->naffected]);
		rec->naffected++;
		if (rc < 0)
			goto done;
	}
	/* text, severity (the CNA's; an ADP's only when the CNA rates nothing), references of every container */
	int best = 0;
	size_t rcap = 0;
	if (read_text(&c, cna, rec) < 0)
		goto done;
	for (size_t k = 0; k < nlist && !c.err; k++) {
		const cJSON *metrics = typed_at(&c, list[k], "metrics", 1);
		if (!c.err && (k == 0 || (!best && !rec->severity_word)) && metrics)
			read_metrics(&c, metrics, rec, &best);
		const cJSON *refs = typed_at(&c, list[k], "references", 1);
		if (!c.err && refs)
			read_refs(&c, refs, rec, &rcap);
	}
	if (c.err)
		goto done;
	/* the CNA is the upstream project itself (openssl, curl): its record is that project's own data */
	const char *own = NULL;
	if (assigner && ents) {
		char a[MAX_ID + 1];
		snprintf(a, sizeof(a), "%s", assigner);
		cvet_osv__lower(a);
		const char *ap = cvet_osv__namemap_find(map, "project", a);
		if (ap && strcmp(ap, rec->affected[0].project) == 0) {
			for (size_t i = 0; i < nents; i++)
				if (ents[i].project && strcmp(ents[i].project, ap) == 0 && ents[i].from_cna)
					own = ap;
		}
	}
	if (!(rec->source = cvet_osv__dup0(own ? own : "cve5")) || !(rec->upstream_project = cvet_osv__dup0(rec->affected[0].project)))
		oom(&c);
done:
	for (size_t i = 0; i < nents; i++)
		entry_free(&ents[i]);
	free(ents);
	cJSON_Delete(root);
	if (c.err || info->outcome != CVET_CVE5_RECORD)
		cvet_osv__record_clear(rec);
	return c.err;
}
