/* Fixture for unused-suppression: suppressions that silence nothing (needs the option below). */
// cvet-fixture-args: --report-unused-suppressions
#include <stdio.h>
#include <string.h>

char *gets(char *s); /* removed from C11's <stdio.h>; old code still declares it */

void stale(void)
{
	char b[16];
	fgets(b, sizeof b, stdin); /* cvet-ignore: unsafe-gets replaced by fgets long ago */ // expect: unused-suppression, unchecked-return
}

void used(void)
{
	char b[16];
	gets(b); /* cvet-ignore: unsafe-gets the test harness feeds one short line */ // ok: unused-suppression
	/* cvet-ignore: unsafe-gets fixed-size records from our own generator */ // ok: unused-suppression
	gets(b);
}

void unknown_rule(void)
{
	/* cvet-ignore: unsafe-getz typo in the rule id */ // expect: unused-suppression
}

void one_of_two_unused(void)
{
	char b[16];
	/* cvet-ignore: unsafe-gets, unbounded-copy only the read happens here */ // expect: unused-suppression
	gets(b);
}

void two_lines_below(void)
{
	char b[16];
	/* cvet-ignore: unsafe-gets covers only its own line and the next */ // expect: unused-suppression

	gets(b); // expect: unsafe-gets
}
