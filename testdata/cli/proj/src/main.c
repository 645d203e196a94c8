/* main.c - cli fixture: one finding of each severity band (high, medium, low) */
#include <stdio.h>
#include <stdlib.h>
#include "proj.h"

char *gets(char *s); /* removed from C11's <stdio.h> */

int proj_read_user(proj_user *u)
{
	/* proj_user is only known through include/proj.h: without -I it would not parse */
	return gets(u->name) ? 0 : -1;
}

void *grow(void *p, size_t n)
{
	p = realloc(p, n);
	return p;
}

int number(const char *s)
{
	return atoi(s);
}
