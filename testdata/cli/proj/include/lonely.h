/* lonely.h - a header no source includes: cvet parses it on its own */
#ifndef LONELY_H
#define LONELY_H
#include <stdio.h>

char *gets(char *s);

static inline void lonely_read(void)
{
	char b[16];
	gets(b);
}
#endif
