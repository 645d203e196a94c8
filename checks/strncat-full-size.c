/* strncat-full-size.c - flags strncat bounds equal to the whole buffer instead of the room left (CWE-193) */
#include <stdlib.h>
#include "code/check.h"
#include "code/cx.h"
#include "lib/calls.h"
#include "lib/buffers.h"
#include "lib/text.h"

extern const cvet_check cvet_check_strncat_full_size;

static const char *const strncat_names[] = {"strncat", "wcsncat", "__builtin_strncat", NULL};

static void on_call(cvet_tu *tu, void *state, const cvet_event *ev)
{
	long long room, elem, n;
	char *dest;
	(void)state;
	if (!cvet_calls__name_in(ev->call->name, strncat_names) || !cvet_calls__is_libc(ev) || ev->call->nargs < 3)
		return;
	if (!cvet_buffers__dest_room(ev->call->args[0], &room, &elem) || !cx_int_const(ev->call->args[2], &n))
		return;
	if (n < room / elem)
		return;
	dest = cvet_text__short(tu, ev->call->args[0]);
	cvet_tu_report(tu, &cvet_check_strncat_full_size, ev->call->expr,
		       "'%s' limit %lld is the whole size of '%s' (%lld), but it counts the characters appended after "
		       "the current contents plus a terminator; pass 'sizeof %s - strlen(%s) - 1'",
		       ev->call->name, n, dest ? dest : "buffer", room / elem, dest ? dest : "buf", dest ? dest : "buf");
	free(dest);
}

const cvet_check cvet_check_strncat_full_size = {
	.rule = {.id = "strncat-full-size",
		 .title = "strncat bound is the buffer size, not the room left",
		 .severity = CVET_SEV_MEDIUM,
		 .cwe = {193, 787},
		 .precision = CVET_PRECISION_VERY_HIGH},
	.on_call = on_call,
};
