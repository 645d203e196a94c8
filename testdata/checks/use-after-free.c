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

/* realloc: the old block is gone once the new pointer is known not to be NULL; until then it is still ours. */
int grow_and_read(size_t n)
{
	char *old = malloc(16), *nbuf;
	int c;
	if (!old)
		return -1;
	old[0] = 'a';
	nbuf = realloc(old, n);
	c = old[0];  // ok: use-after-free (realloc may have failed: the old block may still be there)
	if (!nbuf) {
		c += old[0];  // ok: use-after-free (realloc failed: the old block is still there)
		free(old);
		return c;
	}
	c += old[0];  // expect: use-after-free
	free(nbuf);
	return c;
}

/* A field that received a block and was freed: reading through the same field afterwards. */
struct holder {
	char *buf;
};

int field_after_free(struct holder *h)
{
	h->buf = malloc(8);
	if (!h->buf)
		return -1;
	h->buf[0] = 'x';
	free(h->buf);
	return h->buf[0];  // expect: use-after-free
}

/* Freed on one branch, used after the branches join: maybe freed (precision medium). */
void freed_on_one_branch(char **keep, int quit)
{
	char *line = strdup("bye");
	if (!line)
		return;
	*keep = line;
	if (quit)
		free(line);
	puts(line);  // expect: use-after-free
}

/* Freed on one branch, and the pointer set to NULL there: the test before the use keeps it out. */
void freed_and_cleared(int quit)
{
	char *line = strdup("bye");
	if (!line)
		return;
	if (quit) {
		free(line);
		line = NULL;
	}
	if (line)
		puts(line);  // ok: use-after-free
	free(line);
}

/* Freed in every iteration of a loop, read after it. */
int freed_in_loop(int n)
{
	struct session *s = NULL;
	for (int i = 0; i < n; i++) {
		s = malloc(sizeof *s);
		if (!s)
			return -1;
		s->id = i;
		free(s);
	}
	if (!s)
		return 0;
	return s->id;  // expect: use-after-free
}

/* A new block from the same call in each iteration, the previous one freed after it: the last stays live. */
char *joined_in_loop(int n)
{
	char *acc = NULL, *next;
	for (int i = 0; i < n; i++) {
		next = malloc(16);
		if (!next)
			break;
		next[0] = (char)i;
		free(acc);
		acc = next;
	}
	if (acc)
		acc[1] = 'x';  // ok: use-after-free
	return acc;
}

/* A global's block freed by a callee on every path, then read by the caller. */
static char *banner;

static void drop_banner(void)
{
	free(banner);
}

size_t banner_len_after_drop(void)
{
	banner = strdup("hello");
	if (!banner)
		return 0;
	drop_banner();
	return strlen(banner);  // expect: use-after-free
}

/* The caller gives the global a new block after the callee freed the old one. */
size_t banner_len_renewed(void)
{
	drop_banner();
	banner = strdup("again");
	if (!banner)
		return 0;
	return strlen(banner);  // ok: use-after-free
}

/* A callee that frees the global and clears it leaves nothing freed behind. */
static void clear_banner(void)
{
	free(banner);
	banner = NULL;
}

size_t banner_len_cleared(void)
{
	clear_banner();
	if (!banner)
		return 0;
	return strlen(banner);  // ok: use-after-free
}

/* Elements of a local array of pointers filled in a loop: element 0 freed, then read. */
size_t slots_after_free(const char *text)
{
	char *slot[3];
	size_t n;
	for (int i = 0; i < 3; i++) {
		slot[i] = strdup(text);
		if (!slot[i])
			return 0;
	}
	free(slot[0]);
	n = strlen(slot[1]);  // ok: use-after-free (another element)
	n += strlen(slot[0]);  // expect: use-after-free
	free(slot[1]);
	free(slot[2]);
	return n;
}

/* The freed element receives a new block before it is read (directly, or at an index not known). */
size_t slots_refilled(const char *text, int j)
{
	char *slot[2];
	size_t n;
	for (int i = 0; i < 2; i++) {
		slot[i] = strdup(text);
		if (!slot[i])
			return 0;
	}
	free(slot[0]);
	slot[0] = strdup(text);
	n = slot[0] ? strlen(slot[0]) : 0;  // ok: use-after-free
	free(slot[0]);
	slot[j & 1] = strdup(text);
	n += slot[0] ? strlen(slot[0]) : 0;  // ok: use-after-free (element j may be element 0)
	free(slot[0]);
	free(slot[1]);
	return n;
}

/* Freed under a test of a variable, used under the opposite test: the freeing path does not get there. */
void used_on_the_other_branch(char **keep, int done)
{
	char *msg = strdup("pending");
	if (!msg)
		return;
	*keep = msg;
	if (done)
		free(msg);
	puts("state changed");
	if (!done) {
		puts(msg);  // ok: use-after-free
		free(msg);
	}
}

/* A block made in one arm of `?:` in a loop whose last iteration freed the one before: the other arm is NULL,
 * so nothing reaches the old block after the join. */
void copies_per_round(int rounds, int want, const char *text)
{
	while (rounds-- > 0) {
		char *copy = want ? strdup(text) : NULL;
		if (copy)
			puts(copy);  // ok: use-after-free
		free(copy);
	}
}

/* The other arm keeps the pointer of the last iteration, which was freed. */
void keeps_last_round(int rounds, int want, const char *text)
{
	char *copy = NULL;
	while (rounds-- > 0) {
		copy = want ? strdup(text) : copy;
		if (copy)
			puts(copy);  // expect: use-after-free
		free(copy);  // expect: double-free (the same pointer again when want is 0)
	}
}
