/* formats.c - check helpers: printf format strings: the longest output a literal format can produce */
#include <ctype.h>
#include <string.h>
#include <clang-c/Index.h>
#include "code/cx.h"
#include "lib/formats.h"
#include "lib/calls.h"
#include "lib/literals.h"

static long long int_digits(char conv, const char *lenmod)
{
	/* digits of the widest value for each length modifier: hh, h, (none), l/ll/j/z/t/q/L */
	int w = 2; /* index: 0 hh, 1 h, 2 int, 3 long and wider */
	if (strcmp(lenmod, "hh") == 0)
		w = 0;
	else if (strcmp(lenmod, "h") == 0)
		w = 1;
	else if (lenmod[0])
		w = 3;
	switch (conv) {
	case 'd': case 'i': { static const long long v[] = {4, 6, 11, 20}; return v[w]; }
	case 'u': { static const long long v[] = {3, 5, 10, 20}; return v[w]; }
	case 'x': case 'X': { static const long long v[] = {2, 4, 8, 16}; return v[w]; }
	case 'o': { static const long long v[] = {3, 6, 11, 22}; return v[w]; }
	default: return -1;
	}
}

void cvet_formats__printf_max(const char *fmt, const cvet_event *ev, unsigned first, cvet_printf_estimate *out)
{
	long long total = 0;
	unsigned arg = first;
	const char *p = fmt;
	memset(out, 0, sizeof *out);
	if (!fmt)
		return;
	out->ok = 1;
	while (*p && total < (1LL << 40)) {
		long long width = 0, prec = -1, len = -1;
		int alt = 0, group = 0;
		char lenmod[3] = {0, 0, 0}, conv;
		size_t nl = 0;
		if (*p != '%') {
			total++;
			p++;
			continue;
		}
		p++;
		if (*p == '%') {
			total++;
			p++;
			continue;
		}
		/* positional arguments (%1$d) are not modelled */
		{
			const char *q = p;
			while (isdigit((unsigned char)*q))
				q++;
			if (*q == '$' && q != p) {
				out->ok = 0;
				return;
			}
		}
		while (*p && strchr("-+ #0'I", *p)) {
			if (*p == '#')
				alt = 1;
			if (*p == '\'' || *p == 'I')
				group = 1;
			p++;
		}
		if (*p == '*') {
			long long v;
			if (!cx_int_const(cvet_calls__arg(ev, arg), &v))
				out->ok = 0;
			else
				width = v < 0 ? -v : v;
			arg++;
			out->nconv++;
			p++;
		} else {
			while (isdigit((unsigned char)*p) && width < 100000)
				width = width * 10 + (*p++ - '0');
			while (isdigit((unsigned char)*p))
				p++;
		}
		if (*p == '.') {
			p++;
			prec = 0;
			if (*p == '*') {
				long long v;
				if (!cx_int_const(cvet_calls__arg(ev, arg), &v))
					out->ok = 0;
				else
					prec = v < 0 ? -1 : v;
				arg++;
				out->nconv++;
				p++;
			} else {
				while (isdigit((unsigned char)*p) && prec < 100000)
					prec = prec * 10 + (*p++ - '0');
				while (isdigit((unsigned char)*p))
					p++;
			}
		}
		while (*p && strchr("hlLqjzZt", *p) && nl < 2)
			lenmod[nl++] = *p++;
		conv = *p;
		if (!conv) {
			out->ok = 0;
			break;
		}
		p++;
		out->nconv++;
		switch (conv) {
		case 'd': case 'i': case 'u': case 'x': case 'X': case 'o':
			len = int_digits(conv, lenmod);
			if (prec >= 0 && prec + 1 > len)
				len = prec + 1;
			if (alt)
				len += 2;
			if (group)
				len = -1;
			break;
		case 'c':
			len = lenmod[0] == 'l' ? 6 : 1;
			break;
		case 'C':
			len = 6;
			break;
		case 'p':
			len = 18;
			break;
		case 'e': case 'E': case 'g': case 'G':
			len = (prec < 0 ? 6 : (prec ? prec : 1)) + 10;
			break;
		case 'a': case 'A':
			len = 12 + (prec > 16 ? prec : 16);
			break;
		case 'f': case 'F':
			len = lenmod[0] == 'L' ? -1 : 312 + (prec < 0 ? 6 : prec);
			break;
		case 'n':
			len = 0;
			break;
		case 's': case 'S': {
			long long n;
			out->has_string = 1;
			if (cvet_literals__len(cvet_calls__arg(ev, arg), &n))
				len = (prec >= 0 && prec < n) ? prec : n;
			else if (prec >= 0 && !lenmod[0] && conv == 's')
				len = prec;
			break;
		}
		default:
			len = -1;
			break;
		}
		arg++;
		if (len < 0) {
			out->ok = 0;
			continue;
		}
		total += len > width ? len : width;
	}
	if (*p)
		out->ok = 0;
	out->max_len = total;
}
