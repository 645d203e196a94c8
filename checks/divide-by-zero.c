/* divide-by-zero.c - Division by a value that can be zero: a flow engine rule.
 * Its metadata lives here and its doc in divide-by-zero.md; what it reports and why is decided in
 * checks/flow_rules.c, on the engine's events (analyzer/flow/). */
#include "code/check.h"

extern const cvet_check cvet_check_divide_by_zero;

const cvet_check cvet_check_divide_by_zero = {
	.rule = {.id = "divide-by-zero",
		 .title = "Division by a value that can be zero",
		 .severity = CVET_SEV_MEDIUM,
		 .cwe = {369},
		 .precision = CVET_PRECISION_HIGH},
};
