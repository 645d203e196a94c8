/* hardcoded-credential.c - skeleton (being written) */
#include "check.h"
#include "cx.h"

const cvet_check cvet_check_hardcoded_credential = {
	.rule = {.id = "hardcoded-credential", .title = "Hard-coded credential", .severity = CVET_SEV_HIGH, .cwe = {798}, .precision = CVET_PRECISION_HIGH},
};
