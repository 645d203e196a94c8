/* alloc-size-overflow.c - skeleton (being written) */
#include "check.h"
#include "cx.h"

const cvet_check cvet_check_alloc_size_overflow = {
	.rule = {.id = "alloc-size-overflow",
		 .title = "Multiplication in an allocation size that can overflow",
		 .severity = CVET_SEV_MEDIUM,
		 .cwe = {190, 680},
		 .precision = CVET_PRECISION_MEDIUM},
};
