/* path-traversal.c - File path built from untrusted data without a '..' check: a flow engine rule.
 * Its metadata lives here and its doc in path-traversal.md; what it reports and why is decided in
 * checks/flow_rules.c, on the engine's events (analyzer/flow/). */
#include "code/check.h"

extern const cvet_check cvet_check_path_traversal;

const cvet_check cvet_check_path_traversal = {
	.rule = {.id = "path-traversal",
		 .title = "File path built from untrusted data without a '..' check",
		 .severity = CVET_SEV_HIGH,
		 .cwe = {22, 23, 36},
		 .precision = CVET_PRECISION_HIGH},
};
