/* unchecked-return.c - The result of a call whose failure matters is ignored or never tested: a flow engine
 * rule. Its metadata lives here and its doc in unchecked-return.md; what it reports and why is decided in
 * checks/flow_results.c, with the functions in checks/flow_models.def (CHECKED, FAILS). */
#include "code/check.h"

extern const cvet_check cvet_check_unchecked_return;

const cvet_check cvet_check_unchecked_return = {
	.rule = {.id = "unchecked-return",
		 .title = "Result of a call that can fail is not checked",
		 .severity = CVET_SEV_MEDIUM,
		 .cwe = {252},
		 .precision = CVET_PRECISION_HIGH},
};
