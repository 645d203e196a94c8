/* command-injection.c - OS command built from untrusted data: a flow engine rule.
 * Its metadata lives here and its doc in command-injection.md; what it reports and why is decided in
 * checks/flow_rules.c, on the engine's events (analyzer/flow/). */
#include "code/check.h"

extern const cvet_check cvet_check_command_injection;

const cvet_check cvet_check_command_injection = {
	.rule = {.id = "command-injection",
		 .title = "OS command built from untrusted data",
		 .severity = CVET_SEV_HIGH,
		 .cwe = {78, 88},
		 .precision = CVET_PRECISION_HIGH},
};
