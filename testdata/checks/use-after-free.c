// Fixture for use-after-free: reads, writes and library calls through memory already freed.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct session {
	int id;
	char name[32];
};

int read_after_free(void)
{
	char *p = malloc(16);
	if (!p)
		return -1;
	strcpy(p, "abc");
	free(p);
	return p[0];  // expect: use-after-free
}

void write_through_alias(void)
{
	struct session *s = malloc(sizeof *s);
	struct session *alias = s;
	if (!s)
		return;
	free(s);
	alias->id = 7;  // expect: use-after-free
}

void passed_after_free(void)
{
	char *msg = strdup("closing");
	if (!msg)
		return;
	free(msg);
	puts(msg);  // expect: use-after-free
}

/* Freed on one branch that leaves; used on the other: fine. */
void freed_then_return(int fail)
{
	char *p = malloc(8);
	if (!p)
		return;
	if (fail) {
		free(p);
		return;
	}
	p[0] = 'x';  // ok: use-after-free
	free(p);
}

/* A fresh block after the free: fine. */
void reallocated(void)
{
	char *p = malloc(8);
	free(p);
	p = malloc(8);
	if (!p)
		return;
	p[0] = 'y';  // ok: use-after-free
	free(p);
}

/* Allocated and freed in every iteration. */
void loop_blocks(void)
{
	for (int i = 0; i < 4; i++) {
		char *p = malloc(8);
		if (!p)
			return;
		p[0] = (char)i;  // ok: use-after-free
		free(p);
	}
}

/* Freed by a callee on every path, then handed to a callee that reads it. */
static void release(struct session *s)
{
	free(s);
}

static int session_id(const struct session *s)
{
	return s->id;  // ok: use-after-free (its callers decide)
}

int freed_by_callee(void)
{
	struct session *s = malloc(sizeof *s);
	if (!s)
		return -1;
	s->id = 1;
	release(s);
	return session_id(s);  // expect: use-after-free
}

int used_then_released(void)
{
	struct session *s = malloc(sizeof *s);
	int id;
	if (!s)
		return -1;
	s->id = 2;
	id = session_id(s);  // ok: use-after-free
	release(s);
	return id;
}
