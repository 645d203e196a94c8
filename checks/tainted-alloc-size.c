/* tainted-alloc-size.c - Allocation size from untrusted data without an upper bound: a flow engine rule.
 * Its metadata lives here and its doc in tainted-alloc-size.md; what it reports and why is decided in
 * checks/flow_rules.c, on the engine's events (analyzer/flow/). */
#include "code/check.h"

extern const cvet_check cvet_check_tainted_alloc_size;

const cvet_check cvet_check_tainted_alloc_size = {
	.rule = {.id = "tainted-alloc-size",
		 .title = "Allocation size from untrusted data without an upper bound",
		 .severity = CVET_SEV_MEDIUM,
		 .cwe = {789, 770},
		 .precision = CVET_PRECISION_HIGH},
};
