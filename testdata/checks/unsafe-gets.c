/* Fixture for unsafe-gets: reading lines into fixed buffers. */
#define _GNU_SOURCE /* POSIX and GNU declarations: popen, mkstemps, strtok_r, getrandom, ... */
#include <stdio.h>
#include <string.h>
#include <wchar.h>

/* C11 removed gets() from <stdio.h>; old code still declares and calls it. */
char *gets(char *s);
wchar_t *_getws(wchar_t *s);

#define READ_LINE(b) gets(b)

struct reader {
	char *(*gets)(char *s); /* a field named like the function */
};

static char *my_read(char *s)
{
	return fgets(s, 64, stdin); // ok: unsafe-gets
}

int read_name(char *out, size_t n)
{
	char line[64];
	if (gets(line) == NULL)  // expect: unsafe-gets
		return -1;
	snprintf(out, n, "%s", line);
	return 0;
}

int read_wide(void)
{
	wchar_t w[32];
	return _getws(w) != NULL;  // expect: unsafe-gets
}

int read_macro(void)
{
	char buf[64];
	return READ_LINE(buf) != NULL;  // expect: unsafe-gets
}

int read_safely(void)
{
	char buf[64];
	struct reader r = {my_read};
	if (!fgets(buf, sizeof buf, stdin))  // ok: unsafe-gets
		return -1;
	buf[strcspn(buf, "\n")] = '\0';
	return r.gets(buf) != NULL;  // ok: unsafe-gets (a call through a field)
}

int main(void)
{
	char name[32];
	return read_name(name, sizeof name) + read_wide() + read_macro() + read_safely();
}
