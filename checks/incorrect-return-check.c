/* incorrect-return-check.c - A call's result compared with a value that cannot tell its failure apart: a flow
 * engine rule. Its metadata lives here and its doc in incorrect-return-check.md; what it reports and why is
 * decided in checks/flow_results.c, with the failure values in checks/flow_models.def (FAILS, RANGE). */
#include "code/check.h"

extern const cvet_check cvet_check_incorrect_return_check;

const cvet_check cvet_check_incorrect_return_check = {
	.rule = {.id = "incorrect-return-check",
		 .title = "Result of a call tested against a value that does not mean failure",
		 .severity = CVET_SEV_MEDIUM,
		 .cwe = {253},
		 .precision = CVET_PRECISION_HIGH},
};
