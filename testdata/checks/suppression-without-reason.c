/* Fixture for suppression-without-reason: a cvet-ignore comment has to say why. */
#include <stdio.h>
#include <string.h>

char *gets(char *s); /* removed from C11's <stdio.h>; old code still declares it */

void reason_missing_line_above(void)
{
	char b[16];
	/* cvet-ignore: unsafe-gets */ // expect: suppression-without-reason
	gets(b);
}

void reason_missing_same_line(void)
{
	char b[16];
	gets(b); /* cvet-ignore: unsafe-gets */ // expect: suppression-without-reason
}

void reason_missing_several_rules(char *out)
{
	char b[16];
	/* cvet-ignore: unsafe-gets, unbounded-copy */ // expect: suppression-without-reason
	gets(b), strcpy(out, b);
}

void reason_only_punctuation(void)
{
	char b[16];
	gets(b); /* cvet-ignore: unsafe-gets -- */ // expect: suppression-without-reason
}

void reason_given(void)
{
	char b[16];
	gets(b); /* cvet-ignore: unsafe-gets the test harness feeds one short line */ // ok: suppression-without-reason
	// cvet-ignore: unsafe-gets: fixed-size records from our own generator
	gets(b); // ok: suppression-without-reason
}

void not_a_suppression(void)
{
	/* prose that mentions cvet-ignore: RULE-ID reason is not a suppression */ // ok: suppression-without-reason
	const char *s = "/* cvet-ignore: unsafe-gets */"; // ok: suppression-without-reason
	(void)s;
}
