/* registry.c - the check table (from checks/checks.def) and the public rule registry: code checks + built-in rules */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include "code/check.h"
#include "cvet/rules.h"

/* A build may point at another table (e.g. a trimmed copy while checks are being written). */
#ifndef CVET_CHECKS_DEF
#define CVET_CHECKS_DEF "checks.def"
#endif

#define CVET_CHECK(name) extern const cvet_check cvet_check_##name;
#include CVET_CHECKS_DEF
#undef CVET_CHECK

static const cvet_check *const checks[] = {
#define CVET_CHECK(name) &cvet_check_##name,
#include CVET_CHECKS_DEF
#undef CVET_CHECK
	NULL /* keeps the array non-empty when the table is */
};

#define NCHECKS (sizeof(checks) / sizeof(checks[0]) - 1)

size_t cvet__checks_count(void)
{
	return NCHECKS;
}

const cvet_check *cvet__checks_at(size_t i)
{
	return i < NCHECKS ? checks[i] : NULL;
}

/* Rules that no check implements: reported by the walker and the suppression filter. */
static const cvet_rule builtin_rules[] = {
	{CVET_RULE_PARSE_ERROR, "Source file could not be parsed completely", CVET_SEV_NOTE, {0}, CVET_PRECISION_VERY_HIGH},
	{CVET_RULE_SUPPRESSION_NO_REASON, "Suppression comment without a reason", CVET_SEV_LOW, {710},
	 CVET_PRECISION_VERY_HIGH},
	{CVET_RULE_SUPPRESSION_UNUSED, "Suppression comment that matches no finding", CVET_SEV_NOTE, {0},
	 CVET_PRECISION_VERY_HIGH},
};

#define NBUILTIN (sizeof(builtin_rules) / sizeof(builtin_rules[0]))

/* Registry order: pointers to every rule sorted by id, built once. */
static const cvet_rule *rules[NCHECKS + NBUILTIN + 1];
static size_t nrules;
static pthread_once_t rules_once = PTHREAD_ONCE_INIT;

static int cmp_rule(const void *a, const void *b)
{
	const cvet_rule *ra = *(const cvet_rule *const *)a, *rb = *(const cvet_rule *const *)b;
	return strcmp(ra->id, rb->id);
}

static void build_rules(void)
{
	size_t n = 0;
	for (size_t i = 0; i < NCHECKS; i++)
		if (checks[i] && checks[i]->rule.id)
			rules[n++] = &checks[i]->rule;
	for (size_t i = 0; i < NBUILTIN; i++)
		rules[n++] = &builtin_rules[i];
	qsort(rules, n, sizeof(rules[0]), cmp_rule);
	nrules = n;
}

static void ensure_rules(void)
{
	pthread_once(&rules_once, build_rules);
}

size_t cvet_rules_count(void)
{
	ensure_rules();
	return nrules;
}

const cvet_rule *cvet_rules_at(size_t i)
{
	ensure_rules();
	return i < nrules ? rules[i] : NULL;
}

int cvet_rules_index(const char *id)
{
	size_t lo = 0, hi;
	if (!id)
		return -1;
	ensure_rules();
	hi = nrules;
	while (lo < hi) { /* binary search over the sorted ids */
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(id, rules[mid]->id);
		if (c == 0)
			return (int)mid;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return -1;
}

const cvet_rule *cvet_rules_find(const char *id)
{
	int i = cvet_rules_index(id);
	return i < 0 ? NULL : rules[i];
}

/* Generated at build time from the checks/<id>.md docs by analyzer/embed_docs.cmake. */
extern const struct {
	const char *id;
	const char *text;
} cvet__rule_docs[];
extern const size_t cvet__rule_docs_count;

const char *cvet_rules_doc(const char *id)
{
	if (!id)
		return NULL;
	for (size_t i = 0; i < cvet__rule_docs_count; i++)
		if (strcmp(cvet__rule_docs[i].id, id) == 0)
			return cvet__rule_docs[i].text;
	return NULL;
}
