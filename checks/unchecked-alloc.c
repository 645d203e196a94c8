/* unchecked-alloc.c - skeleton (being written) */
#include "check.h"
#include "cx.h"

const cvet_check cvet_check_unchecked_alloc = {
	.rule = {.id = "unchecked-alloc",
		 .title = "Allocation result dereferenced before a NULL check",
		 .severity = CVET_SEV_MEDIUM,
		 .cwe = {690},
		 .precision = CVET_PRECISION_MEDIUM},
};
