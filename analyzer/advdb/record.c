/* record.c - what the OSV and CVE 5 importers share: checks on untrusted JSON text, record and name-map memory */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <cjson/cJSON.h>
#include "advdb/advdb_int.h"
#include "common/util.h"

/* ---- strings ----------------------------------------------------------------------------------- */

char *cvet_osv__dupn(const char *s, size_t n)
{
	char *p = malloc(n + 1);
	if (p) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

char *cvet_osv__dup0(const char *s)
{
	return s ? cvet_osv__dupn(s, strlen(s)) : NULL;
}

void cvet_osv__lower(char *s)
{
	for (; s && *s; s++)
		*s = (char)tolower((unsigned char)*s);
}

/* ---- the parse context --------------------------------------------------------------------------- */

/* Set when a list or the name map passed its bound (oom() then reports the limit, not out of memory). */
static _Thread_local int grow_limited;

void cvet_osv__limit_hit(void)
{
	grow_limited = 1;
}

int cvet_osv__grow(void **arr, size_t *cap, size_t n, size_t size)
{
	if (n >= CVET_ADV_MAX_ITEMS) {
		grow_limited = 1;
		return -1;
	}
	return cvet_util__grow(arr, cap, n, size);
}

int cvet_osv__fail(cvet_osv_pctx *c, const char *fmt, const char *what)
{
	if (!c->err) {
		char buf[256];
		snprintf(buf, sizeof(buf), fmt, what);
		c->err = cvet_error_setc(CVET_EPARSE, "'%s': %s", c->display, buf);
	}
	return c->err;
}

int cvet_osv__oom(cvet_osv_pctx *c)
{
	if (grow_limited) {
		grow_limited = 0;
		if (!c->err)
			c->err = cvet_error_setc(CVET_EPARSE, "'%s': too many items (a list of more than %d, or a name map of more than %d)",
						 c->display, CVET_ADV_MAX_ITEMS, CVET_ADV_MAX_NAMEMAP);
		return c->err;
	}
	if (!c->err)
		c->err = cvet_error_setc(CVET_ENOMEM, "out of memory while reading '%s'", c->display);
	return c->err;
}

const cJSON *cvet_osv__typed(cvet_osv_pctx *c, const cJSON *obj, const char *key, int want_array)
{
	const cJSON *v = cJSON_IsObject(obj) ? cJSON_GetObjectItemCaseSensitive(obj, key) : NULL;
	if (!v || cJSON_IsNull(v))
		return NULL;
	if (want_array ? !cJSON_IsArray(v) : !cJSON_IsObject(v)) {
		cvet_osv__fail(c, want_array ? "field '%s' is not an array" : "field '%s' is not an object", key);
		return NULL;
	}
	return v;
}

/* ---- checks before cJSON sees a text ------------------------------------------------------------ */

/* Nesting depth of JSON text (brackets outside strings), stopping early past `limit`. */
int cvet_osv__json_depth_ok(const char *t, size_t len, int limit)
{
	int depth = 0, in_str = 0;
	for (size_t i = 0; i < len; i++) {
		char c = t[i];
		if (in_str) {
			if (c == '\\')
				i++;
			else if (c == '"')
				in_str = 0;
		} else if (c == '"') {
			in_str = 1;
		} else if (c == '[' || c == '{') {
			if (++depth > limit)
				return 0;
		} else if (c == ']' || c == '}') {
			depth--;
		}
	}
	return 1;
}

/*
 * 1 when the JSON text holds a NUL: a raw zero byte, or a "\u0000" escape inside a string. cJSON
 * would end the C string there and keep only the part before it, so such a record is rejected
 * rather than imported cut short.
 */
int cvet_osv__json_has_nul(const char *t, size_t len)
{
	int in_str = 0;
	if (memchr(t, '\0', len))
		return 1;
	for (size_t i = 0; i < len; i++) {
		char c = t[i];
		if (!in_str) {
			in_str = c == '"';
		} else if (c == '"') {
			in_str = 0;
		} else if (c == '\\' && i + 1 < len) {
			if (t[i + 1] == 'u' && i + 5 < len && strncmp(t + i + 2, "0000", 4) == 0)
				return 1;
			i++;
		}
	}
	return 0;
}

/* A string usable as an identifier: no control characters. */
int cvet_osv__clean(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 0;
	return 1;
}

/* ---- record memory ------------------------------------------------------------------------------ */

static void range_clear(cvet_osv_range *r)
{
	free(r->type);
	free(r->repo);
	for (size_t i = 0; i < r->niv; i++) {
		free(r->iv[i].introduced);
		free(r->iv[i].fixed);
		free(r->iv[i].last_affected);
		free(r->iv[i].limit);
	}
	free(r->iv);
}

static void affected_clear(cvet_osv_affected *a)
{
	free(a->ecosystem);
	free(a->name);
	free(a->project);
	for (size_t i = 0; i < a->nranges; i++)
		range_clear(&a->ranges[i]);
	free(a->ranges);
	for (size_t i = 0; i < a->nversions; i++) {
		free(a->versions[i].version);
		free(a->versions[i].raw);
	}
	free(a->versions);
}

void cvet_osv__record_clear(cvet_osv_record *r)
{
	if (!r)
		return;
	free(r->id);
	free(r->modified);
	free(r->published);
	free(r->withdrawn);
	free(r->summary);
	free(r->details);
	free(r->severity_vector);
	free(r->severity_word);
	free(r->source);
	free(r->upstream_project);
	for (size_t i = 0; i < r->naliases; i++)
		free(r->aliases[i]);
	free(r->aliases);
	for (size_t i = 0; i < r->nrefs; i++) {
		free(r->refs[i].type);
		free(r->refs[i].url);
	}
	free(r->refs);
	for (size_t i = 0; i < r->naffected; i++)
		affected_clear(&r->affected[i]);
	free(r->affected);
	memset(r, 0, sizeof(*r));
	r->score = -1;
}

/* ---- name map ----------------------------------------------------------------------------------- */

void cvet_osv__namemap_clear(cvet_namemap *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->n; i++) {
		free(m->e[i].ecosystem);
		free(m->e[i].name);
		free(m->e[i].project);
	}
	free(m->e);
	memset(m, 0, sizeof(*m));
}

const char *cvet_osv__namemap_find(const cvet_namemap *m, const char *ecosystem, const char *name)
{
	if (!m || !ecosystem || !name)
		return NULL;
	for (size_t i = 0; i < m->n; i++)
		if (strcasecmp(m->e[i].ecosystem, ecosystem) == 0 && strcmp(m->e[i].name, name) == 0)
			return m->e[i].project;
	return NULL;
}
