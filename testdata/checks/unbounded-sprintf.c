/* Fixture for unbounded-sprintf: formatting numbers and names into fixed buffers. */
#define _GNU_SOURCE /* POSIX and GNU declarations: popen, mkstemps, strtok_r, getrandom, ... */
#include <stdarg.h>
#include <stdio.h>

#define FMT_ID "%d"
#define SPRINTF(b, ...) sprintf(b, __VA_ARGS__)

struct conn {
	char peer[24];
	char label[8];
};

void describe(struct conn *c, const char *host, int port, long bytes)
{
	char num[12];
	char big[64];
	sprintf(num, "%d", port);  // ok: unbounded-sprintf (at most 11 characters)
	sprintf(num, FMT_ID, port);  // ok: unbounded-sprintf (macro format)
	sprintf(big, "%s:%d", "localhost", port);  // ok: unbounded-sprintf (literal argument, 21 characters)
	sprintf(c->label, "%.7s", host);  // ok: unbounded-sprintf (precision bounds the string)
	sprintf(c->peer, "%s:%d", host, port);  // expect: unbounded-sprintf
	sprintf(num, "%ld", bytes);  // expect: unbounded-sprintf
	sprintf(c->label, "%x", (unsigned)port);  // expect: unbounded-sprintf
	SPRINTF(big, "%s", host);  // expect: unbounded-sprintf
	snprintf(c->peer, sizeof c->peer, "%s:%d", host, port);  // ok: unbounded-sprintf
	(void)big;
}

void vformat(char *out, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsprintf(out, fmt, ap);  // expect: unbounded-sprintf
	va_end(ap);
}

void to_pointer(char *out, int code)
{
	sprintf(out, "E%03d", code);  // expect: unbounded-sprintf
}

/* Integer widths come from the printed values' ranges, not only from the length modifier. */
void by_value(unsigned int row, int where, const unsigned char *px, unsigned long long big, int any)
{
	char msg[64], idx[24], small[12];
	sprintf(idx, "%lu[%lu]", (unsigned long)row, (unsigned long)row);  // ok: unbounded-sprintf (10 digits each)
	sprintf(msg, "row[%lu][%d] changed from %.2x to %.2x", (unsigned long)row, where - 1, px[0], px[1]);  // ok: unbounded-sprintf
	sprintf(small, "%lu", (unsigned long)big);  // expect: unbounded-sprintf
	sprintf(small, "%lu", (unsigned long)any);  // expect: unbounded-sprintf (a negative int widens to 20 digits)
	sprintf(small, "%ld", (long)any);  // ok: unbounded-sprintf (11 characters)
	sprintf(small, "%d", (unsigned short)any);  // ok: unbounded-sprintf (5 digits)
	sprintf(small, "%d x", row);  // expect: unbounded-sprintf (an unsigned int through %d can print as -2147483648)
}

/* Strings from a table of literals: the longest entry counts; a table the function changes does not. */
struct case_text {
	const char *text;
	int code;
};

void from_tables(unsigned i, int got)
{
	struct case_text cases[] = {{"<a><![CDATA[", 1}, {"<a><!<a/>", 2}};
	struct case_text changed[] = {{"<a>", 1}, {"<b>", 2}};
	static const char *const names[] = {"alpha", "beta"};
	char message[100], small[16];
	i &= 1;
	sprintf(message, "expected %d, got %d for case %u: \"%s\"", cases[i].code, got, i, cases[i].text);  // ok: unbounded-sprintf
	sprintf(small, "%s %s", names[i], names[i]);  // ok: unbounded-sprintf (11 characters at most)
	sprintf(small, "case %s", cases[i].text);  // expect: unbounded-sprintf
	changed[1].text = "a text far too long for the small buffer";
	sprintf(small, "%s", changed[i].text);  // expect: buffer-overflow (it knows the string: it wins over unbounded-sprintf)
}

int main(void)
{
	struct conn c;
	char out[32];
	int sprintf = 3; /* a variable named like the function */
	describe(&c, "example", 80, 10L);
	vformat(out, "%d", sprintf);
	to_pointer(out, 7);
	return 0;
}
