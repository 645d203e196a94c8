// Fixture for double-free: the same block released twice, directly or through an alias.
#include <stdlib.h>
#include <string.h>

void twice(void)
{
	char *p = malloc(16);
	free(p);
	free(p);  // expect: double-free
}

void through_alias(void)
{
	char *p = malloc(16);
	char *q = p;
	free(p);
	free(q);  // expect: double-free
}

/* The cleanup idiom: every path frees once. */
int cleanup(int fail)
{
	char *a = malloc(8), *b = NULL;
	int rc = -1;
	if (!a)
		goto done;
	if (fail)
		goto done;
	b = malloc(8);
	if (!b)
		goto done;
	rc = 0;
done:
	free(b);  // ok: double-free
	free(a);  // ok: double-free
	return rc;
}

/* Set to NULL after the free: free(NULL) does nothing. */
void nulled(void)
{
	char *p = malloc(16);
	free(p);
	p = NULL;
	free(p);  // ok: double-free
}

/* A callee that frees its argument on every path, and the caller frees it again. */
static void drop(char *p)
{
	free(p);
}

void dropped_twice(void)
{
	char *p = malloc(4);
	drop(p);
	free(p);  // expect: double-free
}

/* A callee that frees only sometimes does not count as freeing. */
static void maybe_drop(char *p, int now)
{
	if (now)
		free(p);
}

void sometimes_dropped(int now)
{
	char *p = malloc(4);
	maybe_drop(p, now);
	if (!now)
		free(p);  // ok: double-free
}

/* Freed at the end of every iteration and once more after the loop. */
void freed_in_loop_and_after(int n)
{
	char *buf = NULL;
	for (int i = 0; i < n; i++) {
		buf = malloc(8);
		if (!buf)
			return;
		buf[0] = 'a';
		free(buf);
	}
	free(buf);  // expect: double-free
}

/* Freed on one branch, then again after the join: maybe freed twice (precision medium). */
void freed_on_one_branch(int early)
{
	char *p = malloc(8);
	if (!p)
		return;
	if (early)
		free(p);
	free(p);  // expect: double-free
}

/* Freed and cleared on one branch: the free after the join sees NULL or the live block. */
void freed_and_cleared(int early)
{
	char *p = malloc(8);
	if (early) {
		free(p);
		p = NULL;
	}
	free(p);  // ok: double-free
}

/* A global's block freed by a callee, then freed again by the caller. */
static char *cache;

static void flush_cache(void)
{
	free(cache);
}

void flush_twice(void)
{
	cache = malloc(32);
	flush_cache();
	free(cache);  // expect: double-free
}

/* Freed on one branch and on the opposite test of the same variable later: never twice. */
void freed_on_either_test(char **keep, int err)
{
	char *p = malloc(8);
	if (!p)
		return;
	*keep = p;
	if (err)
		free(p);
	if (!err)
		free(p);  // ok: double-free
}

/* The same with a switch: the case that freed it cannot reach the second free. */
void freed_in_one_case(char **keep, int op)
{
	char *p = malloc(8);
	if (!p)
		return;
	*keep = p;
	switch (op) {
	case 1:
		free(p);
		break;
	case 2:
		p[0] = 'x';
		break;
	default:
		break;
	}
	if (op >= 2)
		free(p);  // ok: double-free
	if (op == 0)
		free(p);  // ok: double-free
}

/* A block made in one arm of `?:` in a loop, NULL in the other, freed at the end of every iteration. */
void frees_each_round(int rounds, int want, const char *text)
{
	while (rounds-- > 0) {
		char *copy = want ? strdup(text) : NULL;
		free(copy);  // ok: double-free
	}
}
