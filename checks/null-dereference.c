/* null-dereference.c - A NULL pointer dereferenced (CWE-476): a flow engine rule.
 * Its metadata lives here and its doc in null-dereference.md; what it reports and why is decided in
 * checks/flow_rules.c, on the engine's nullness (analyzer/flow/). */
#include "code/check.h"

extern const cvet_check cvet_check_null_dereference;

const cvet_check cvet_check_null_dereference = {
	.rule = {.id = "null-dereference",
		 .title = "NULL pointer dereferenced",
		 .severity = CVET_SEV_MEDIUM,
		 .cwe = {476},
		 .precision = CVET_PRECISION_MEDIUM},
};
