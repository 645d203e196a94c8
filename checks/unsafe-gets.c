/* unsafe-gets.c - flags gets() and its wide variants, which cannot limit how much they read (CWE-242) */
#include <string.h>
#include "code/check.h"
#include "code/cx.h"
#include "lib/calls.h"

extern const cvet_check cvet_check_unsafe_gets;

static const char *const gets_names[] = {"gets", "_getws", "getws", "_getts", NULL};

/* Report every call of a gets-like function from the C library (gets_s is bounded: not listed). */
static void on_call(cvet_tu *tu, void *state, const cvet_event *ev)
{
	(void)state;
	if (!cvet_calls__name_in(ev->call->name, gets_names) || !cvet_calls__is_libc(ev))
		return;
	cvet_tu_report(tu, &cvet_check_unsafe_gets, ev->call->expr,
		       "'%s' cannot limit what it reads; use '%s' with the buffer size", ev->call->name,
		       strstr(ev->call->name, "ws") ? "fgetws" : "fgets");
}

const cvet_check cvet_check_unsafe_gets = {
	.rule = {.id = "unsafe-gets",
		 .title = "Use of gets(), which cannot bound its input",
		 .severity = CVET_SEV_HIGH,
		 .cwe = {242, 120},
		 .precision = CVET_PRECISION_VERY_HIGH},
	.on_call = on_call,
};
