/* scanf-unbounded.c - flags scanf-family %s / %[ conversions without a field width (CWE-120) */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "code/check.h"
#include "code/cx.h"
#include "lib/calls.h"
#include "lib/buffers.h"
#include "lib/literals.h"

extern const cvet_check cvet_check_scanf_unbounded;

/* {name, index of the format argument, 1 when argument 0 is the string read from}. */
static const struct {
	const char *name;
	unsigned fmt;
	int from_string;
} scanf_fns[] = {
	{"scanf", 0, 0}, {"fscanf", 1, 0}, {"sscanf", 1, 1}, {"vscanf", 0, 0}, {"vfscanf", 1, 0},
	{"vsscanf", 1, 1}, {"wscanf", 0, 0}, {"fwscanf", 1, 0}, {"swscanf", 1, 1}, {"vwscanf", 0, 0},
	{"vfwscanf", 1, 0}, {"vswscanf", 1, 1}, {"__isoc99_scanf", 0, 0}, {"__isoc99_fscanf", 1, 0},
	{"__isoc99_sscanf", 1, 1}, {"__isoc23_scanf", 0, 0}, {"__isoc23_fscanf", 1, 0}, {"__isoc23_sscanf", 1, 1},
};

/*
 * Find the nth (0-based) %s / %[ conversion that stores into a buffer without a width. Returns 1 and sets
 * *conv ('s' or '[') and *argno (0-based index among the arguments after the format), else 0.
 */
static int find_unbounded(const char *p, unsigned nth, char *conv, unsigned *argno)
{
	unsigned arg = 0;
	for (size_t guard = 0; *p && guard < 100000; guard++) {
		int suppress = 0, width = 0, alloc = 0;
		char c;
		if (*p != '%') {
			p++;
			continue;
		}
		p++;
		if (*p == '%') {
			p++;
			continue;
		}
		{
			const char *q = p;
			while (isdigit((unsigned char)*q))
				q++;
			if (*q == '$' && q != p)
				return 0; /* positional arguments: not modelled */
		}
		if (*p == '*') {
			suppress = 1;
			p++;
		}
		while (isdigit((unsigned char)*p)) {
			width = 1;
			p++;
		}
		if (*p == 'm') { /* POSIX: the function allocates the buffer */
			alloc = 1;
			p++;
		}
		while (*p && strchr("hlLqjzt", *p))
			p++;
		c = *p;
		if (!c)
			return 0;
		p++;
		if (c == '[') {
			if (*p == '^')
				p++;
			if (*p == ']')
				p++;
			while (*p && *p != ']')
				p++;
			if (*p)
				p++;
		}
		if ((c == 's' || c == '[' || c == 'S') && !suppress && !width && !alloc && nth-- == 0) {
			*conv = c == 'S' ? 's' : c;
			*argno = arg;
			return 1;
		}
		if (!suppress)
			arg++;
	}
	return 0;
}

static void on_call(cvet_tu *tu, void *state, const cvet_event *ev)
{
	int row = cvet_calls__find_row(ev->call->name, scanf_fns, sizeof scanf_fns / sizeof scanf_fns[0],
					 sizeof scanf_fns[0]);
	CXCursor fmt_arg;
	char *fmt = NULL, conv;
	unsigned argno;
	long long src_len = 0;
	int src_known;
	(void)state;
	if (row < 0 || !cvet_calls__is_libc(ev))
		return;
	fmt_arg = cvet_calls__arg(ev, scanf_fns[row].fmt);
	if (cx_is_null(fmt_arg) || !cvet_literals__format_text(fmt_arg, &fmt) || !fmt)
		return;
	/* reading from a string of bounded length (an array, a literal), no field is longer than it */
	src_known = scanf_fns[row].from_string && cvet_literals__len(cvet_calls__arg(ev, 0), &src_len);
	for (unsigned nth = 0; nth < 64 && find_unbounded(fmt, nth, &conv, &argno); nth++) {
		long long room = 0, elem = 1;
		CXCursor dest = cvet_calls__arg(ev, scanf_fns[row].fmt + 1 + argno);
		const char *spec = conv == 's' ? "%s" : "%[";
		int room_known = !cx_is_null(dest) && cvet_buffers__dest_room(dest, &room, &elem) && room / elem > 1;
		if (room_known && src_known && src_len + 1 <= room / elem)
			continue;
		if (room_known)
			cvet_tu_report(tu, &cvet_check_scanf_unbounded, fmt_arg,
				       "'%s' reads '%s' without a field width and can overflow its buffer of %lld characters; "
				       "use a width such as '%%%lld%s'", ev->call->name, spec, room / elem, room / elem - 1,
				       conv == 's' ? "s" : "[");
		else
			cvet_tu_report(tu, &cvet_check_scanf_unbounded, fmt_arg,
				       "'%s' reads '%s' without a field width; give a width one less than the buffer size",
				       ev->call->name, spec);
		break;
	}
	free(fmt);
}

const cvet_check cvet_check_scanf_unbounded = {
	.rule = {.id = "scanf-unbounded",
		 .title = "scanf string conversion without a field width",
		 .severity = CVET_SEV_HIGH,
		 .cwe = {120},
		 .precision = CVET_PRECISION_VERY_HIGH},
	.on_call = on_call,
};
