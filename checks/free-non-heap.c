/* free-non-heap.c - free() of memory that is not on the heap (CWE-590): a flow engine rule.
 * Its metadata lives here and its doc in free-non-heap.md; what it reports and why is decided in
 * checks/flow_rules.c, on the engine's points-to (analyzer/flow/): a pointer that certainly holds the
 * address of a local, a static or a string literal, directly, through copies, members and calls. */
#include "code/check.h"

extern const cvet_check cvet_check_free_non_heap;

const cvet_check cvet_check_free_non_heap = {
	.rule = {.id = "free-non-heap",
		 .title = "free() of memory that is not on the heap",
		 .severity = CVET_SEV_HIGH,
		 .cwe = {590},
		 .precision = CVET_PRECISION_HIGH},
};
