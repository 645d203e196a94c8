/* use-after-free.c - Memory used after it was freed: a flow engine rule.
 * Its metadata lives here and its doc in use-after-free.md; what it reports and why is decided in
 * checks/flow_rules.c, on the engine's events (analyzer/flow/). */
#include "code/check.h"

extern const cvet_check cvet_check_use_after_free;

const cvet_check cvet_check_use_after_free = {
	.rule = {.id = "use-after-free",
		 .title = "Memory used after it was freed",
		 .severity = CVET_SEV_HIGH,
		 .cwe = {416},
		 .precision = CVET_PRECISION_HIGH},
};
