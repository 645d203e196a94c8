/* suppressed.c - suppression comments in a scanned tree */
#include <stdio.h>
#include <string.h>

char *gets(char *s);

void covered(char *out)
{
	char b[16];
	gets(b); // cvet-ignore: unsafe-gets the test harness writes one short line
	// cvet-ignore: unbounded-copy out is sized by the caller from strlen(b) + 1
	strcpy(out, b);
}

void no_reason(void)
{
	char b[16];
	gets(b); // cvet-ignore: unsafe-gets
}

void stale(void)
{
	char b[16];
	if (!fgets(b, sizeof b, stdin)) return; // cvet-ignore: unsafe-gets replaced by fgets
}
