/* uncontrolled-search-path.c - Search path (PATH, LD_*) set from untrusted data: a flow engine rule.
 * Its metadata lives here and its doc in uncontrolled-search-path.md; what it reports and why is decided in
 * checks/flow_rules.c, on the engine's events (analyzer/flow/). */
#include "code/check.h"

extern const cvet_check cvet_check_uncontrolled_search_path;

const cvet_check cvet_check_uncontrolled_search_path = {
	.rule = {.id = "uncontrolled-search-path",
		 .title = "Search path (PATH, LD_*) set from untrusted data",
		 .severity = CVET_SEV_HIGH,
		 .cwe = {427},
		 .precision = CVET_PRECISION_HIGH},
};
