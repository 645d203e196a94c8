/* double-free.c - Memory freed twice: a flow engine rule.
 * Its metadata lives here and its doc in double-free.md; what it reports and why is decided in
 * checks/flow_rules.c, on the engine's events (analyzer/flow/). */
#include "code/check.h"

extern const cvet_check cvet_check_double_free;

const cvet_check cvet_check_double_free = {
	.rule = {.id = "double-free",
		 .title = "Memory freed twice",
		 .severity = CVET_SEV_HIGH,
		 .cwe = {415},
		 .precision = CVET_PRECISION_HIGH},
};
