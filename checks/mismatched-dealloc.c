/* mismatched-dealloc.c - A block released by a deallocator of another family: a flow engine rule.
 * Its metadata lives here and its doc in mismatched-dealloc.md; what it reports and why is decided in
 * checks/flow_rules.c, on the engine's events (analyzer/flow/), with the families in checks/flow_models.def. */
#include "code/check.h"

extern const cvet_check cvet_check_mismatched_dealloc;

const cvet_check cvet_check_mismatched_dealloc = {
	.rule = {.id = "mismatched-dealloc",
		 .title = "Memory released by a deallocator that does not match its allocator",
		 .severity = CVET_SEV_MEDIUM,
		 .cwe = {762},
		 .precision = CVET_PRECISION_HIGH},
};
