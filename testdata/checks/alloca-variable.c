/* Fixture for alloca-variable: stack allocations sized at run time. */
#define _GNU_SOURCE /* strdupa */
#include <alloca.h>
#include <stdio.h>
#include <string.h>

#define NAME_MAX_LEN 64

void print_upper(const char *s)
{
	size_t n = strlen(s) + 1;
	char *tmp = alloca(n);  // expect: alloca-variable
	for (size_t i = 0; i < n; i++)
		tmp[i] = (char)((s[i] >= 'a' && s[i] <= 'z') ? s[i] - 32 : s[i]);
	puts(tmp);
}

void print_fixed(const char *s)
{
	char *tmp = alloca(NAME_MAX_LEN);  // ok: alloca-variable
	snprintf(tmp, NAME_MAX_LEN, "%s", s);
	puts(tmp);
}

int sum_samples(const int *samples, int count)
{
	int copy[count];  // expect: alloca-variable
	int total = 0;
	memcpy(copy, samples, sizeof(copy));
	for (int i = 0; i < count; i++)
		total += copy[i];
	return total;
}

int sum_fixed(const int *samples)
{
	const int n = 16;
	int copy[n];  // ok: alloca-variable (a constant, though C calls it a VLA)
	int total = 0;
	memcpy(copy, samples, sizeof(copy));
	for (int i = 0; i < n; i++)
		total += copy[i];
	return total;
}

void greet(const char *who)
{
	char line[NAME_MAX_LEN + 8];  // ok: alloca-variable
	snprintf(line, sizeof line, "hello %s", who);
	puts(line);
}

void log_name(const char *name)
{
	char *copy = strdupa(name);  // expect: alloca-variable
	puts(copy);
}
