/* Fixture for memory-leak: blocks this function allocated and loses on some path, and the ways ownership
 * legitimately leaves a function (freed, returned, stored outside, handed to a keeper, NULL on failure). */
#include <stdlib.h>
#include <string.h>

struct buf {
	char *data;
	size_t len;
};

extern void registry_add(char *p); /* unknown: assumed to keep it */
static char *last_name;

int fill_zero(size_t n)
{
	char *p = malloc(n);
	if (!p)
		return -1;  // ok: memory-leak (NULL on this path: nothing was allocated)
	memset(p, 0, n);
	return 0;  // expect: memory-leak
}

int fill_zero_fixed(size_t n)
{
	char *p = malloc(n);
	if (!p)
		return -1;
	memset(p, 0, n);
	free(p);
	return 0;  // ok: memory-leak
}

int two_blocks(size_t n)
{
	char *a = NULL, *b = NULL;
	int rc = -1;
	a = malloc(n);
	if (!a)
		goto out;
	b = malloc(n);
	if (!b)
		goto out;
	memcpy(b, a, n);
	rc = 0;
out:
	free(a);
	free(b);
	return rc;  // ok: memory-leak (the goto-cleanup idiom)
}

int kept_global(const char *s)
{
	char *copy = strdup(s);
	if (!copy)
		return -1;
	free(last_name);
	last_name = copy;
	return 0;  // ok: memory-leak (stored in a global)
}

int kept_unknown(size_t n)
{
	char *p = malloc(n);
	registry_add(p);
	return 0;  // ok: memory-leak (handed to a function we do not know)
}

char *returned(size_t n)
{
	char *p = calloc(1, n);
	return p;  // ok: memory-leak
}

struct buf make_buf(size_t n)
{
	struct buf b;
	b.data = malloc(n);
	b.len = n;
	return b;  // ok: memory-leak (returned in a struct)
}

size_t drop_buf(size_t n)
{
	struct buf b;
	b.data = malloc(n);
	b.len = n;
	return b.len;  // expect: memory-leak
}

int out_param(char **out, size_t n)
{
	*out = malloc(n);
	return *out ? 0 : -1;  // ok: memory-leak (the caller receives it)
}

int overwritten(size_t n)
{
	char *p = malloc(n);
	p = malloc(n + 1);  // expect: memory-leak
	free(p);
	return 0;
}

int per_iteration(int count)
{
	char *line = NULL;
	for (int i = 0; i < count; i++) {
		line = malloc(80);  // expect: memory-leak
		if (!line)
			return -1;
		memset(line, ' ', 80);
	}
	free(line);
	return 0;
}

int per_iteration_fixed(int count)
{
	for (int i = 0; i < count; i++) {
		char *line = malloc(80);
		if (!line)
			return -1;
		memset(line, ' ', 80);
		free(line);
	}
	return 0;  // ok: memory-leak
}

int use_returned(size_t n)
{
	char *p = returned(n);
	if (!p)
		return -1;
	p[0] = 'x';
	return 0;  // expect: memory-leak
}

static void release(char *p)
{
	free(p);
}

int freed_by_callee(size_t n)
{
	char *p = returned(n);
	if (!p)
		return -1;
	release(p);
	return 0;  // ok: memory-leak
}

int maybe_allocated(size_t n)
{
	char *p = NULL;
	if (n > 16)
		p = malloc(n);
	if (p)
		free(p);
	return 0;  // ok: memory-leak
}

int grown(size_t n)
{
	char *p = malloc(16), *q;
	if (!p)
		return -1;
	q = realloc(p, n);
	if (!q) {
		free(p);
		return -1;  // ok: memory-leak
	}
	q[0] = 0;
	return 0;  // expect: memory-leak
}
