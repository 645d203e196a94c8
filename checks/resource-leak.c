/* resource-leak.c - A stream or directory that is never closed: a flow engine rule.
 * Its metadata lives here and its doc in resource-leak.md; what it reports and why is decided in
 * checks/flow_rules.c, on the engine's events (analyzer/flow/). */
#include "code/check.h"

extern const cvet_check cvet_check_resource_leak;

const cvet_check cvet_check_resource_leak = {
	.rule = {.id = "resource-leak",
		 .title = "Stream, pipe or directory opened and never closed",
		 .severity = CVET_SEV_LOW,
		 .cwe = {775, 404},
		 .precision = CVET_PRECISION_MEDIUM},
};
