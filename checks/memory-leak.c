/* memory-leak.c - Memory that is never freed: a flow engine rule.
 * Its metadata lives here and its doc in memory-leak.md; what it reports and why is decided in
 * checks/flow_rules.c, on the engine's events (analyzer/flow/). */
#include "code/check.h"

extern const cvet_check cvet_check_memory_leak;

const cvet_check cvet_check_memory_leak = {
	.rule = {.id = "memory-leak",
		 .title = "Memory allocated and never freed",
		 .severity = CVET_SEV_LOW,
		 .cwe = {401},
		 .precision = CVET_PRECISION_MEDIUM},
};
