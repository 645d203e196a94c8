/* tainted-loop-bound.c - Loop bound from untrusted data without an upper limit: a flow engine rule.
 * Its metadata lives here and its doc in tainted-loop-bound.md; what it reports and why is decided in
 * checks/flow_rules.c, on the engine's events (analyzer/flow/). */
#include "code/check.h"

extern const cvet_check cvet_check_tainted_loop_bound;

const cvet_check cvet_check_tainted_loop_bound = {
	.rule = {.id = "tainted-loop-bound",
		 .title = "Loop bound from untrusted data without an upper limit",
		 .severity = CVET_SEV_MEDIUM,
		 .cwe = {606, 400},
		 .precision = CVET_PRECISION_HIGH},
};
