/* buffer-overflow.c - An index or a byte count that reaches past an object of known size (CWE-121, 122, 787,
 * 125; 124 and 127 before its start): a flow engine rule. Its metadata lives here and its doc in
 * buffer-overflow.md; what it reports and why is decided in checks/flow_bounds.c, on the engine's integer
 * ranges and object sizes (analyzer/flow/). */
#include "code/check.h"

extern const cvet_check cvet_check_buffer_overflow;

const cvet_check cvet_check_buffer_overflow = {
	.rule = {.id = "buffer-overflow",
		 .title = "Index or size reaches past the end of a buffer",
		 .severity = CVET_SEV_HIGH,
		 .cwe = {787, 121, 122, 125},
		 .precision = CVET_PRECISION_MEDIUM},
};
