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

/* Digits of m in base b. */
static long long digits_of(unsigned long long m, unsigned b)
{
	long long n = 1;
	while (m >= b) {
		m /= b;
		n++;
	}
	return n;
}

/* Bits and signedness of an integer type; 0 for anything else (enums, floats, pointers). */
static int int_type(CXType t, unsigned *bits, int *is_signed)
{
	long long size;
	t = clang_getCanonicalType(t);
	switch (t.kind) {
	case CXType_Bool: case CXType_Char_U: case CXType_UChar: case CXType_UShort: case CXType_UInt:
	case CXType_ULong: case CXType_ULongLong:
		*is_signed = 0;
		break;
	case CXType_Char_S: case CXType_SChar: case CXType_Short: case CXType_Int: case CXType_Long:
	case CXType_LongLong:
		*is_signed = 1;
		break;
	default:
		return 0;
	}
	size = clang_Type_getSizeOf(t);
	if (size < 1 || size > 8)
		return 0;
	*bits = t.kind == CXType_Bool ? 1 : (unsigned)size * 8;
	return 1;
}

/*
 * The longest text conversion conv prints for argument a, judged by the value's range rather than the length
 * modifier: a constant prints its own digits; `(unsigned long)u32` cannot print more than a 32-bit value's
 * 10 digits (a widening cast keeps the range of what it widens; a cast to a narrower type or across
 * signedness takes the range of the type cast to). -1 when nothing better than the modifier is known.
 */
static long long value_digits(CXCursor a, char conv, const char *lenmod)
{
	/* the width of the type the conversion reads: hh 8, h 16, none 32, l, ll, j, z, t 64 */
	unsigned conv_bits = strcmp(lenmod, "hh") == 0 ? 8 : strcmp(lenmod, "h") == 0 ? 16 : lenmod[0] ? 64 : 32;
	CXType chain[16];
	unsigned n = 0, bits, b;
	int sgn, sg;
	long long v;
	unsigned base = conv == 'x' || conv == 'X' ? 16 : conv == 'o' ? 8 : 10;
	int signed_conv = conv == 'd' || conv == 'i';
	if (cx_is_null(a))
		return -1;
	if (cx_int_const(a, &v)) {
		if (v < 0)
			return signed_conv ? 1 + digits_of(v == (-9223372036854775807LL - 1) ? 9223372036854775808ULL
										  : (unsigned long long)-v, 10)
					   : -1;
		return digits_of((unsigned long long)v, base);
	}
	/* the types from the argument inwards, through parentheses and casts, implicit or written */
	for (CXCursor e = a; !cx_is_null(e) && n < 16;) {
		CXCursor next;
		chain[n++] = clang_getCursorType(e);
		next = cx_strip(e);
		if (!clang_equalCursors(next, e)) {
			e = next;
			continue;
		}
		switch (e.kind) {
		case CXCursor_CStyleCastExpr: case CXCursor_CXXStaticCastExpr: case CXCursor_CXXFunctionalCastExpr:
			next = cx_child(e, cx_child_count(e) - 1);
			if (cx_is_null(next) || next.kind == CXCursor_TypeRef)
				next = clang_getNullCursor();
			break;
		default:
			next = clang_getNullCursor();
			break;
		}
		e = next;
	}
	if (n == 0 || !int_type(chain[n - 1], &bits, &sgn))
		return -1;
	while (n-- > 1) {
		if (!int_type(chain[n - 1], &b, &sg))
			return -1;
		if (!((sg == sgn && b >= bits) || (!sgn && sg && b > bits))) {
			bits = b;
			sgn = sg;
		}
	}
	if (sgn && !signed_conv)
		return -1; /* a negative value printed unsigned shows the modifier's full width */
	if (sgn)
		return 1 + digits_of(1ULL << (bits - 1), base);
	if (signed_conv && bits >= conv_bits)
		return -1; /* an unsigned value as wide as the signed conversion can print as a negative one */
	return digits_of(bits >= 64 ? ~0ULL : (1ULL << bits) - 1, base);
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
			{
				long long vd = value_digits(cvet_calls__arg(ev, arg), conv, lenmod);
				if (vd > 0 && len > 0 && vd < len)
					len = vd;
			}
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
