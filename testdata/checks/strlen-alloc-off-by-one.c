/* Fixture for strlen-alloc-off-by-one: string copies into buffers sized by strlen(). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

char *dup_bad(const char *s)
{
	char *p = malloc(strlen(s));  // expect: strlen-alloc-off-by-one
	if (!p)
		return NULL;
	strcpy(p, s);  // expect: unbounded-copy
	return p;
}

char *dup_good(const char *s)
{
	char *p = malloc(strlen(s) + 1);  // ok: strlen-alloc-off-by-one
	if (!p)
		return NULL;
	memcpy(p, s, strlen(s) + 1);
	return p;
}

char *dup_terminated_bad(const char *s)
{
	size_t len = strlen(s);
	char *p = malloc(len);  // expect: strlen-alloc-off-by-one
	if (!p)
		return NULL;
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *dup_terminated_good(const char *s)
{
	size_t len = strlen(s);
	char *p = malloc(len + 1);  // ok: strlen-alloc-off-by-one
	if (!p)
		return NULL;
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

/* Bytes only, never used as a string: no terminator is written. */
unsigned char *bytes_of(const char *s, size_t *n)
{
	size_t len = strlen(s);
	unsigned char *p = malloc(len);  // ok: strlen-alloc-off-by-one
	if (!p)
		return NULL;
	memcpy(p, s, len);
	*n = len;
	return p;
}

char *join_bad(const char *dir, const char *file)
{
	char *path = malloc(strlen(dir) + strlen(file));  // expect: strlen-alloc-off-by-one
	if (!path)
		return NULL;
	sprintf(path, "%s%s", dir, file);  // expect: unbounded-sprintf
	return path;
}

char *join_good(const char *dir, const char *file)
{
	size_t n = strlen(dir) + strlen(file) + 2;
	char *path = malloc(n);  // ok: strlen-alloc-off-by-one
	if (!path)
		return NULL;
	snprintf(path, n, "%s/%s", dir, file);
	return path;
}

char *copy_with_nul_bad(const char *s)
{
	char *p;
	p = malloc(strlen(s) * sizeof(char));  // expect: strlen-alloc-off-by-one
	if (p == NULL)
		return NULL;
	memcpy(p, s, strlen(s) + 1);
	return p;
}

wchar_t *wide_dup_bad(const wchar_t *w)
{
	wchar_t *p = malloc(wcslen(w) * sizeof(wchar_t));  // expect: strlen-alloc-off-by-one
	if (!p)
		return NULL;
	wcscpy(p, w);  // expect: unbounded-copy
	return p;
}

/* A different string is copied in: that is not this rule's business. */
char *other_string(const char *a, const char *b)
{
	char *p = malloc(strlen(a));  // ok: strlen-alloc-off-by-one
	if (!p)
		return NULL;
	if (strlen(b) < strlen(a))
		memcpy(p, b, strlen(b) + 1);
	return p;
}
