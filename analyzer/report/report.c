/* report.c - the finding model: allocation, ownership, merging, de-duplication, fingerprints and ordering */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cvet/report.h"

int cvet_report_new(cvet_report **out)
{
	cvet_report *r = calloc(1, sizeof(*r));
	*out = r;
	if (!r)
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	return 0;
}

void cvet_location_clear(cvet_location *l)
{
	if (!l)
		return;
	free(l->path);
	free(l->message);
	memset(l, 0, sizeof(*l));
}

static void free_strv(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

cvet_dep_info *cvet_dep_info_new(void)
{
	cvet_dep_info *d = calloc(1, sizeof(*d));
	if (d)
		d->score = -1;
	return d;
}

void cvet_dep_info_free(cvet_dep_info *d)
{
	if (!d)
		return;
	free(d->package);
	free(d->ecosystem);
	free(d->version);
	free(d->purl);
	free(d->upstream);
	free(d->advisory_id);
	free_strv(d->aliases, d->naliases);
	free_strv(d->sources, d->nsources);
	free(d->summary);
	free(d->cvss_vector);
	free(d->upgrade_to);
	free(d);
}

cvet_finding *cvet_finding_new(void)
{
	return calloc(1, sizeof(cvet_finding));
}

void cvet_finding_free(cvet_finding *f)
{
	if (!f)
		return;
	free(f->rule_id);
	free(f->message);
	cvet_location_clear(&f->loc);
	for (size_t i = 0; i < f->nsteps; i++)
		cvet_location_clear(&f->steps[i]);
	free(f->steps);
	free(f->fix);
	free(f->function);
	free(f->snippet);
	free(f->fingerprint);
	cvet_dep_info_free(f->dep);
	free(f);
}

void cvet_endpoint_free(cvet_endpoint *e)
{
	if (!e)
		return;
	free(e->api);
	free(e->address);
	free(e->function);
	cvet_location_clear(&e->loc);
	free(e);
}

void cvet_package_free(cvet_package *p)
{
	if (!p)
		return;
	free(p->name);
	free(p->ecosystem);
	free(p->version);
	free(p->purl);
	free(p->upstream);
	cvet_location_clear(&p->loc);
	free(p);
}

void cvet_report_free(cvet_report *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->nfindings; i++)
		cvet_finding_free(r->findings[i]);
	for (size_t i = 0; i < r->nendpoints; i++)
		cvet_endpoint_free(r->endpoints[i]);
	for (size_t i = 0; i < r->npackages; i++)
		cvet_package_free(r->packages[i]);
	free(r->findings);
	free(r->endpoints);
	free(r->packages);
	free_strv(r->notes, r->nnotes);
	free(r);
}

/* Grow a pointer array to hold one more item; 0 or CVET_ENOMEM. */
static int grow(void ***items, size_t n, size_t *cap)
{
	if (n < *cap)
		return 0;
	size_t ncap = *cap ? *cap * 2 : 16;
	void **p = realloc(*items, ncap * sizeof(*p));
	if (!p)
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	*items = p;
	*cap = ncap;
	return 0;
}

#define REPORT_APPEND(r, arr, n, cap, item, freefn)                    \
	do {                                                           \
		if (!(item))                                           \
			return cvet_error_setc(CVET_ENOMEM, "out of memory"); \
		if (grow((void ***)&(r)->arr, (r)->n, &(r)->cap) < 0) { \
			freefn(item);                                  \
			return CVET_ENOMEM;                            \
		}                                                      \
		(r)->arr[(r)->n++] = (item);                           \
		return 0;                                              \
	} while (0)

int cvet_report_add(cvet_report *r, cvet_finding *f)
{
	REPORT_APPEND(r, findings, nfindings, cap_findings, f, cvet_finding_free);
}

int cvet_report_add_endpoint(cvet_report *r, cvet_endpoint *e)
{
	REPORT_APPEND(r, endpoints, nendpoints, cap_endpoints, e, cvet_endpoint_free);
}

int cvet_report_add_package(cvet_report *r, cvet_package *p)
{
	REPORT_APPEND(r, packages, npackages, cap_packages, p, cvet_package_free);
}

int cvet_report_add_note(cvet_report *r, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	for (char *p = buf; *p; p++)
		if (*p == '\n' || *p == '\r')
			*p = ' ';
	char *note = strdup(buf);
	REPORT_APPEND(r, notes, nnotes, cap_notes, note, free);
}

/* Append src's n items to dst's array; src's array is emptied. */
static int move_items(void ***dst, size_t *dn, size_t *dcap, void ***src, size_t *sn)
{
	if (*sn == 0)
		return 0;
	if (*dn + *sn > *dcap) {
		size_t ncap = *dcap ? *dcap : 16;
		while (ncap < *dn + *sn)
			ncap *= 2;
		void **p = realloc(*dst, ncap * sizeof(*p));
		if (!p)
			return cvet_error_setc(CVET_ENOMEM, "out of memory");
		*dst = p;
		*dcap = ncap;
	}
	memcpy(*dst + *dn, *src, *sn * sizeof(void *));
	*dn += *sn;
	*sn = 0;
	return 0;
}

int cvet_report_merge(cvet_report *dst, cvet_report *src)
{
	int error;
	if ((error = move_items((void ***)&dst->findings, &dst->nfindings, &dst->cap_findings,
				(void ***)&src->findings, &src->nfindings)) < 0 ||
	    (error = move_items((void ***)&dst->endpoints, &dst->nendpoints, &dst->cap_endpoints,
				(void ***)&src->endpoints, &src->nendpoints)) < 0 ||
	    (error = move_items((void ***)&dst->packages, &dst->npackages, &dst->cap_packages,
				(void ***)&src->packages, &src->npackages)) < 0 ||
	    (error = move_items((void ***)&dst->notes, &dst->nnotes, &dst->cap_notes,
				(void ***)&src->notes, &src->nnotes)) < 0)
		return error;
	dst->files_scanned += src->files_scanned;
	dst->manifests_scanned += src->manifests_scanned;
	src->files_scanned = src->manifests_scanned = 0;
	dst->code_ran |= src->code_ran;
	dst->deps_ran |= src->deps_ran;
	return 0;
}

/* ---- fingerprints: two FNV-1a 64-bit lanes with different offsets over the normalised inputs ---- */

typedef struct { uint64_t a, b; } fp_state;

static void fp_byte(fp_state *s, unsigned char c)
{
	s->a = (s->a ^ c) * 0x100000001b3ULL;
	s->b = (s->b ^ c) * 0x100000001b3ULL;
	s->b ^= s->b >> 29;
}

/* Feed a field; whitespace runs collapse to one space and leading/trailing space is dropped, so
 * re-indentation and line moves do not change the fingerprint. A 0xff separator ends each field. */
static void fp_field(fp_state *s, const char *text)
{
	int pending_space = 0, started = 0;
	for (const unsigned char *p = (const unsigned char *)(text ? text : ""); *p; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\v' || *p == '\f') {
			pending_space = started;
			continue;
		}
		if (pending_space)
			fp_byte(s, ' ');
		pending_space = 0;
		started = 1;
		fp_byte(s, *p);
	}
	fp_byte(s, 0xff);
}

void cvet_finding_fingerprint(const cvet_finding *f, char buf[33])
{
	fp_state s = {0xcbf29ce484222325ULL, 0x84222325cbf29ce4ULL};
	fp_field(&s, f->rule_id);
	fp_field(&s, f->loc.path);
	fp_field(&s, f->function);
	fp_field(&s, f->snippet ? f->snippet : f->message);
	snprintf(buf, 33, "%016llx%016llx", (unsigned long long)s.a, (unsigned long long)s.b);
}

/* ---- ordering ---- */

static int strcmp_null(const char *a, const char *b)
{
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

static int cmp_unsigned(unsigned a, unsigned b)
{
	return (a > b) - (a < b);
}

static int cmp_location(const cvet_location *a, const cvet_location *b)
{
	int c;
	if ((c = strcmp_null(a->path, b->path)) != 0)
		return c;
	if ((c = cmp_unsigned(a->line, b->line)) != 0)
		return c;
	return cmp_unsigned(a->column, b->column);
}

static int cmp_finding(const void *pa, const void *pb)
{
	const cvet_finding *a = *(const cvet_finding *const *)pa, *b = *(const cvet_finding *const *)pb;
	int c;
	if ((c = cmp_location(&a->loc, &b->loc)) != 0)
		return c;
	if ((c = strcmp_null(a->rule_id, b->rule_id)) != 0)
		return c;
	if ((c = strcmp_null(a->message, b->message)) != 0)
		return c;
	if ((c = cmp_unsigned(a->loc.end_line, b->loc.end_line)) != 0)
		return c;
	if ((c = cmp_unsigned(a->loc.end_column, b->loc.end_column)) != 0)
		return c;
	return cmp_unsigned((unsigned)a->nsteps, (unsigned)b->nsteps);
}

static int cmp_endpoint(const void *pa, const void *pb)
{
	const cvet_endpoint *a = *(const cvet_endpoint *const *)pa, *b = *(const cvet_endpoint *const *)pb;
	int c;
	if ((c = cmp_location(&a->loc, &b->loc)) != 0)
		return c;
	if ((c = strcmp_null(a->api, b->api)) != 0)
		return c;
	if ((c = strcmp_null(a->address, b->address)) != 0)
		return c;
	return (a->port > b->port) - (a->port < b->port);
}

static int cmp_package(const void *pa, const void *pb)
{
	const cvet_package *a = *(const cvet_package *const *)pa, *b = *(const cvet_package *const *)pb;
	int c;
	if ((c = cmp_location(&a->loc, &b->loc)) != 0)
		return c;
	if ((c = strcmp_null(a->name, b->name)) != 0)
		return c;
	return strcmp_null(a->version, b->version);
}

static int cmp_note(const void *pa, const void *pb)
{
	return strcmp(*(char *const *)pa, *(char *const *)pb);
}

/* Same finding reported twice (a header walked by several translation units). */
static int same_finding(const cvet_finding *a, const cvet_finding *b)
{
	return cmp_location(&a->loc, &b->loc) == 0 && strcmp_null(a->rule_id, b->rule_id) == 0 &&
	       strcmp_null(a->message, b->message) == 0;
}

/* One finding's base fingerprint and its position in report order. */
typedef struct { char fp[33]; size_t index; } fp_entry;

static int cmp_fp_entry(const void *pa, const void *pb)
{
	const fp_entry *a = pa, *b = pb;
	int c = memcmp(a->fp, b->fp, 32);
	if (c)
		return c;
	return (a->index > b->index) - (a->index < b->index);
}

/*
 * Fingerprints: the same code flagged twice in one function (same rule) gets an occurrence suffix
 * (":1", ":2", ...) so each keeps a distinct, stable id. Findings are already in file order, so the
 * k-th stays k-th. Sorting (fingerprint, position) keeps this O(n log n) for huge reports.
 */
static int assign_fingerprints(cvet_report *r)
{
	fp_entry *e = r->nfindings ? calloc(r->nfindings, sizeof(*e)) : NULL;
	size_t i;
	if (r->nfindings && !e)
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	for (i = 0; i < r->nfindings; i++) {
		cvet_finding_fingerprint(r->findings[i], e[i].fp);
		e[i].index = i;
	}
	if (r->nfindings > 1)
		qsort(e, r->nfindings, sizeof(*e), cmp_fp_entry);
	unsigned occurrence = 0;
	for (i = 0; i < r->nfindings; i++) {
		cvet_finding *f = r->findings[e[i].index];
		char suffixed[48];
		occurrence = i > 0 && memcmp(e[i - 1].fp, e[i].fp, 32) == 0 ? occurrence + 1 : 0;
		if (occurrence)
			snprintf(suffixed, sizeof(suffixed), "%s:%u", e[i].fp, occurrence);
		else
			snprintf(suffixed, sizeof(suffixed), "%s", e[i].fp);
		free(f->fingerprint);
		if (!(f->fingerprint = strdup(suffixed))) {
			free(e);
			return cvet_error_setc(CVET_ENOMEM, "out of memory");
		}
	}
	free(e);
	return 0;
}

int cvet_report_finalize(cvet_report *r)
{
	size_t i, n = 0;

	if (r->nfindings > 1)
		qsort(r->findings, r->nfindings, sizeof(*r->findings), cmp_finding);
	for (i = 0; i < r->nfindings; i++) {
		if (n > 0 && same_finding(r->findings[n - 1], r->findings[i])) {
			cvet_finding_free(r->findings[i]);
			continue;
		}
		r->findings[n++] = r->findings[i];
	}
	r->nfindings = n;

	if (r->nendpoints > 1)
		qsort(r->endpoints, r->nendpoints, sizeof(*r->endpoints), cmp_endpoint);
	for (i = 0, n = 0; i < r->nendpoints; i++) {
		if (n > 0 && cmp_endpoint(&r->endpoints[n - 1], &r->endpoints[i]) == 0) {
			cvet_endpoint_free(r->endpoints[i]);
			continue;
		}
		r->endpoints[n++] = r->endpoints[i];
	}
	r->nendpoints = n;

	if (r->npackages > 1)
		qsort(r->packages, r->npackages, sizeof(*r->packages), cmp_package);
	if (r->nnotes > 1)
		qsort(r->notes, r->nnotes, sizeof(*r->notes), cmp_note);
	for (i = 0, n = 0; i < r->nnotes; i++) {
		if (n > 0 && strcmp(r->notes[n - 1], r->notes[i]) == 0) {
			free(r->notes[i]);
			continue;
		}
		r->notes[n++] = r->notes[i];
	}
	r->nnotes = n;

	return assign_fingerprints(r);
}

size_t cvet_report_count_at_least(const cvet_report *r, cvet_severity threshold)
{
	size_t n = 0;
	if (threshold == CVET_SEV_NONE)
		return 0;
	for (size_t i = 0; i < r->nfindings; i++)
		if (r->findings[i]->severity >= threshold)
			n++;
	return n;
}

size_t cvet_report_count_failing(const cvet_report *r, cvet_severity threshold, int all_code)
{
	size_t n = 0;
	if (threshold == CVET_SEV_NONE)
		return 0;
	for (size_t i = 0; i < r->nfindings; i++) {
		const cvet_finding *f = r->findings[i];
		if (f->severity < threshold)
			continue;
		if (all_code || f->kind == CVET_KIND_DEPENDENCY || f->location_class == CVET_LOC_PRODUCT)
			n++;
	}
	return n;
}

static const char *const location_class_names[CVET_LOC_COUNT] = {
	"product", "test", "example", "benchmark", "contrib", "vendored", "tool",
};

const char *cvet_location_class_name(cvet_location_class c)
{
	return (unsigned)c < CVET_LOC_COUNT ? location_class_names[c] : location_class_names[CVET_LOC_PRODUCT];
}

int cvet_location_class_parse(const char *name, cvet_location_class *out)
{
	for (int i = 0; name && i < CVET_LOC_COUNT; i++) {
		if (strcmp(name, location_class_names[i]) == 0) {
			*out = (cvet_location_class)i;
			return 0;
		}
	}
	return CVET_EUSAGE;
}
