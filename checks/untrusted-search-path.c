/* untrusted-search-path.c - Program started by a relative name: a flow engine rule.
 * Its metadata lives here and its doc in untrusted-search-path.md; what it reports and why is decided in
 * checks/flow_rules.c, on the engine's events (analyzer/flow/). */
#include "code/check.h"

extern const cvet_check cvet_check_untrusted_search_path;

const cvet_check cvet_check_untrusted_search_path = {
	.rule = {.id = "untrusted-search-path",
		 .title = "Program started by a relative name",
		 .severity = CVET_SEV_MEDIUM,
		 .cwe = {426},
		 .precision = CVET_PRECISION_HIGH},
};
