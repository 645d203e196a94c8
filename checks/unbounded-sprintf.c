/* unbounded-sprintf.c - flags sprintf-style formatting into a buffer without a size (CWE-120, CWE-787) */
#include <stdlib.h>
#include <string.h>
#include "code/check.h"
#include "code/cx.h"
#include "lib/calls.h"
#include "lib/buffers.h"
#include "lib/literals.h"
#include "lib/formats.h"
#include "lib/text.h"

extern const cvet_check cvet_check_unbounded_sprintf;

/* {name, destination argument, format argument, advice}. */
static const struct {
	const char *name;
	unsigned dst;
	unsigned fmt;
	const char *instead;
} sprintf_fns[] = {
	{"sprintf", 0, 1, "snprintf"}, {"vsprintf", 0, 1, "vsnprintf"}, {"wsprintf", 0, 1, "StringCchPrintf"},
	{"wsprintfA", 0, 1, "StringCchPrintfA"}, {"wsprintfW", 0, 1, "StringCchPrintfW"},
	{"wvsprintf", 0, 1, "StringCchVPrintf"}, {"wvsprintfA", 0, 1, "StringCchVPrintfA"},
	{"wvsprintfW", 0, 1, "StringCchVPrintfW"}, {"_stprintf", 0, 1, "_sntprintf"},
	{"__builtin_sprintf", 0, 1, "snprintf"}, {"__builtin___sprintf_chk", 0, 3, "snprintf"},
	{"__builtin___vsprintf_chk", 0, 3, "vsnprintf"}, {"__sprintf_chk", 0, 3, "snprintf"},
	{"__vsprintf_chk", 0, 3, "vsnprintf"},
};

static void on_call(cvet_tu *tu, void *state, const cvet_event *ev)
{
	int row = cvet_calls__find_row(ev->call->name, sprintf_fns, sizeof sprintf_fns / sizeof sprintf_fns[0],
					 sizeof sprintf_fns[0]);
	long long room = 0, elem = 1;
	int room_known;
	char *fmt = NULL, *dest;
	cvet_printf_estimate est;
	char shown[64];
	const char *fn;
	(void)state;
	if (row < 0 || ev->call->nargs <= sprintf_fns[row].fmt || !cvet_calls__is_libc(ev))
		return;
	room_known = cvet_buffers__dest_room(ev->call->args[sprintf_fns[row].dst], &room, &elem);
	est.ok = 0;
	if (room_known && cvet_literals__format_text(ev->call->args[sprintf_fns[row].fmt], &fmt) && fmt) {
		int va = strstr(ev->call->name, "vsprintf") != NULL;
		cvet_formats__printf_max(fmt, ev, va ? ev->call->nargs : sprintf_fns[row].fmt + 1, &est);
		free(fmt);
		if (est.ok && est.max_len + 1 <= room / elem)
			return;
	}
	fn = cvet_calls__display_name(ev->call->name, shown, sizeof shown);
	dest = cvet_text__short(tu, ev->call->args[sprintf_fns[row].dst]);
	if (est.ok)
		cvet_tu_report(tu, &cvet_check_unbounded_sprintf, ev->call->expr,
			       "'%s' can write %lld characters plus a terminator into '%s', which holds %lld; use '%s'",
			       fn, est.max_len, dest ? dest : "buffer", room / elem, sprintf_fns[row].instead);
	else
		cvet_tu_report(tu, &cvet_check_unbounded_sprintf, ev->call->expr,
			       "'%s' cannot limit its output to the size of '%s'; use '%s' with the buffer size",
			       fn, dest ? dest : "the destination", sprintf_fns[row].instead);
	free(dest);
}

const cvet_check cvet_check_unbounded_sprintf = {
	.rule = {.id = "unbounded-sprintf",
		 .title = "sprintf-style formatting without an output size",
		 .severity = CVET_SEV_HIGH,
		 .cwe = {120, 787},
		 .precision = CVET_PRECISION_HIGH},
	.on_call = on_call,
};
