/* strlen-alloc-off-by-one.c - skeleton (being written) */
#include "check.h"
#include "cx.h"

const cvet_check cvet_check_strlen_alloc_off_by_one = {
	.rule = {.id = "strlen-alloc-off-by-one",
		 .title = "String buffer allocated without room for the terminator",
		 .severity = CVET_SEV_HIGH,
		 .cwe = {131, 193},
		 .precision = CVET_PRECISION_HIGH},
};
