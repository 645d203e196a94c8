/* unchecked-alloc.c - An allocation's result dereferenced before a NULL check (CWE-690): a flow engine rule.
 * Its metadata lives here and its doc in unchecked-alloc.md; what it reports and why is decided in
 * checks/flow_rules.c, on the engine's nullness (analyzer/flow/): a maybe-NULL result of malloc and its
 * family, or of a project function that returns one, read or written through, or handed to a function that
 * dereferences it, on a path with no NULL test. */
#include "code/check.h"

extern const cvet_check cvet_check_unchecked_alloc;

const cvet_check cvet_check_unchecked_alloc = {
	.rule = {.id = "unchecked-alloc",
		 .title = "Allocation result dereferenced before a NULL check",
		 .severity = CVET_SEV_MEDIUM,
		 .cwe = {690},
		 .precision = CVET_PRECISION_MEDIUM},
};
