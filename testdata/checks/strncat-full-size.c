/* Fixture for strncat-full-size: appending path pieces with strncat. */
#define _GNU_SOURCE /* POSIX and GNU declarations: popen, mkstemps, strtok_r, getrandom, ... */
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#define PATH_LEN 64

struct job {
	char path[PATH_LEN];
	char log[128];
};

void add_suffix(struct job *j, const char *suffix)
{
	strncat(j->path, suffix, sizeof j->path);  // expect: strncat-full-size
	strncat(j->path, suffix, PATH_LEN);  // expect: strncat-full-size
	strncat(j->log, suffix, 200);  // expect: strncat-full-size
}

void add_suffix_safely(struct job *j, const char *suffix, char *unknown)
{
	strncat(j->path, suffix, sizeof j->path - strlen(j->path) - 1);  // ok: strncat-full-size
	strncat(j->log, suffix, 16);  // ok: strncat-full-size
	strncat(unknown, suffix, 64);  // ok: strncat-full-size (destination size unknown)
}

void wide(const wchar_t *s)
{
	wchar_t w[10];
	w[0] = L'\0';
	wcsncat(w, s, sizeof w / sizeof w[0]);  // expect: strncat-full-size
	wcsncat(w, s, 9 - wcslen(w));  // ok: strncat-full-size
}

int main(void)
{
	struct job j = {"", ""};
	char tmp[8] = "";
	int strncat = 0; /* a variable named like the function */
	add_suffix(&j, ".txt");
	add_suffix_safely(&j, ".txt", tmp);
	wide(L"x");
	puts(j.path);
	return strncat;
}
