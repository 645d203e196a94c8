/* formats.h - check helpers: printf format strings: the longest output a literal format can produce (lib/formats.c) */
#ifndef CVET_CHECKS_LIB_FORMATS_H
#define CVET_CHECKS_LIB_FORMATS_H

#include <stddef.h>
#include <clang-c/Index.h>
#include "code/check.h"

/* printf format scan result */
typedef struct cvet_printf_estimate {
	int ok;            /* 1 when the format parsed and every conversion has a known maximum */
	long long max_len; /* maximum output characters, without the terminator (valid when ok) */
	int has_string;    /* a %s / %ls / %S conversion appears */
	unsigned nconv;    /* conversions that consume an argument (counting '*' widths) */
} cvet_printf_estimate;

/*
 * Estimate the maximum length of printf output for literal format `fmt` whose arguments start
 * at argument `first` of the call (a literal argument to %s adds its length). Bounded work.
 */
void cvet_formats__printf_max(const char *fmt, const cvet_event *ev, unsigned first, cvet_printf_estimate *out);

#endif
