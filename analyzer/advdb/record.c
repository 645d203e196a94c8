/* record.c - what the OSV and CVE 5 importers share: checks on untrusted JSON text, record and name-map memory */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "advdb/advdb_int.h"

/* ---- checks before cJSON sees a text ------------------------------------------------------------ */

/* Nesting depth of JSON text (brackets outside strings), stopping early past `limit`. */
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
