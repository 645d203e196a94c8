/* integer-overflow.c - Arithmetic on untrusted or random data that can wrap: a flow engine rule.
 * Its metadata lives here and its doc in integer-overflow.md; what it reports and why is decided in
 * checks/flow_rules.c, on the engine's events (analyzer/flow/). */
#include "code/check.h"

extern const cvet_check cvet_check_integer_overflow;

const cvet_check cvet_check_integer_overflow = {
	.rule = {.id = "integer-overflow",
		 .title = "Arithmetic on untrusted or random data that can wrap",
		 .severity = CVET_SEV_MEDIUM,
		 .cwe = {190, 191, 680},
		 .precision = CVET_PRECISION_HIGH}, /* only where the wrapped value sizes, indexes or bounds something */
};
