/* unsafe-libc.c - flags C library functions that cannot report errors or are not reentrant (CWE-676) */
#include "code/check.h"
#include "code/cx.h"
#include "lib/calls.h"

extern const cvet_check cvet_check_unsafe_libc;

static const struct {
	const char *name;
	const char *advice;
} unsafe_fns[] = {
	{"strtok", "'strtok' keeps hidden state between calls and is not thread-safe; use 'strtok_r'"},
	{"atoi", "'atoi' cannot report invalid input or overflow; use 'strtol' and check errno and the end pointer"},
	{"atol", "'atol' cannot report invalid input or overflow; use 'strtol' and check errno and the end pointer"},
	{"atoll", "'atoll' cannot report invalid input or overflow; use 'strtoll' and check errno and the end pointer"},
	{"atof", "'atof' cannot report invalid input or overflow; use 'strtod' and check errno and the end pointer"},
	{"_wtoi", "'_wtoi' cannot report invalid input or overflow; use 'wcstol' and check errno and the end pointer"},
	{"_wtol", "'_wtol' cannot report invalid input or overflow; use 'wcstol' and check errno and the end pointer"},
};

static void on_call(cvet_tu *tu, void *state, const cvet_event *ev)
{
	int row = cvet_calls__find_row(ev->call->name, unsafe_fns, sizeof unsafe_fns / sizeof unsafe_fns[0],
					 sizeof unsafe_fns[0]);
	(void)state;
	if (row < 0 || !cvet_calls__is_libc(ev))
		return;
	cvet_tu_report(tu, &cvet_check_unsafe_libc, ev->call->expr, "%s", unsafe_fns[row].advice);
}

const cvet_check cvet_check_unsafe_libc = {
	.rule = {.id = "unsafe-libc",
		 .title = "C library function without error reporting or reentrancy",
		 .severity = CVET_SEV_LOW,
		 .cwe = {676},
		 /* the call is found exactly, but as a security finding it is rarely one (issue 8: atoi on
		  * a string checked just before): an audit-profile rule */
		 .precision = CVET_PRECISION_LOW},
	.on_call = on_call,
};
