/* format-string.c - printf-style format string from untrusted data: a flow engine rule.
 * Its metadata lives here and its doc in format-string.md; what it reports and why is decided in
 * checks/flow_rules.c, on the engine's events (analyzer/flow/). */
#include "code/check.h"

extern const cvet_check cvet_check_format_string;

const cvet_check cvet_check_format_string = {
	.rule = {.id = "format-string",
		 .title = "printf-style format string from untrusted data",
		 .severity = CVET_SEV_HIGH,
		 .cwe = {134},
		 .precision = CVET_PRECISION_HIGH},
};
