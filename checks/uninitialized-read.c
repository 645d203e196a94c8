/* uninitialized-read.c - A variable or heap block read before it is written (CWE-457): a flow engine rule.
 * Its metadata lives here and its doc in uninitialized-read.md; what it reports and why is decided in
 * checks/flow_rules.c, on the engine's initialisation markers (analyzer/flow/analyze.c). */
#include "code/check.h"

extern const cvet_check cvet_check_uninitialized_read;

const cvet_check cvet_check_uninitialized_read = {
	.rule = {.id = "uninitialized-read",
		 .title = "Variable or heap block read before it is initialised",
		 .severity = CVET_SEV_MEDIUM,
		 .cwe = {457},
		 .precision = CVET_PRECISION_HIGH},
};
