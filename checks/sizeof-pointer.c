/* sizeof-pointer.c - skeleton (being written) */
#include "check.h"
#include "cx.h"

const cvet_check cvet_check_sizeof_pointer = {
	.rule = {.id = "sizeof-pointer",
		 .title = "sizeof of a pointer used as a buffer size",
		 .severity = CVET_SEV_MEDIUM,
		 .cwe = {467},
		 .precision = CVET_PRECISION_HIGH},
};
