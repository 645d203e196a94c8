/* rules.h - the rule registry: metadata of every check and built-in rule, generated from checks/checks.def */
#ifndef CVET_RULES_H
#define CVET_RULES_H

#include "cvet/common.h"
#include "cvet/report.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum { CVET_PRECISION_LOW = 0, CVET_PRECISION_MEDIUM, CVET_PRECISION_HIGH, CVET_PRECISION_VERY_HIGH } cvet_precision;

typedef struct cvet_rule {
	const char *id;           /* stable kebab-case id */
	const char *title;        /* short description, one line */
	cvet_severity severity;   /* default severity */
	int cwe[CVET_MAX_CWE];    /* 0-terminated */
	cvet_precision precision;
} cvet_rule;

/* Rules in registry order (alphabetical by id); code checks plus built-ins (parse-error, suppression rules). */
size_t cvet_rules_count(void);
const cvet_rule *cvet_rules_at(size_t i);
/* Lookup by id; NULL when unknown. */
const cvet_rule *cvet_rules_find(const char *id);
/* Index in registry order, or -1. */
int cvet_rules_index(const char *id);
/* The rule's markdown doc (embedded at build time from checks/<id>.md); NULL when missing. */
const char *cvet_rules_doc(const char *id);

/* Built-in rule ids. */
#define CVET_RULE_PARSE_ERROR "parse-error"
#define CVET_RULE_SUPPRESSION_NO_REASON "suppression-without-reason"
#define CVET_RULE_SUPPRESSION_UNUSED "unused-suppression"

#ifdef __cplusplus
}
#endif
#endif
