/* Fixture for unchecked-alloc: allocation results used before (or without) a NULL check. */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct node {
	int value;
	struct node *next;
	char *label;
};

struct list {
	struct node *head;
	size_t count;
};

int remember(void *p); /* project helper: may test p itself */

struct node *node_new_bad(int value)
{
	struct node *n = malloc(sizeof(*n));  // ok: unchecked-alloc (sizeof does not evaluate *n)
	n->value = value;  // expect: unchecked-alloc
	n->next = NULL;
	return n;
}

struct node *node_new_good(int value)
{
	struct node *n = malloc(sizeof(*n));
	if (n == NULL)
		return NULL;
	n->value = value;  // ok: unchecked-alloc
	n->next = NULL;
	return n;
}

struct node *node_new_inline_check(int value)
{
	struct node *n;
	if (!(n = malloc(sizeof *n)))
		return NULL;
	n->value = value;  // ok: unchecked-alloc
	return n;
}

char *copy_name_bad(const char *name)
{
	size_t len = strlen(name);
	char *copy = malloc(len + 1);
	memcpy(copy, name, len + 1);  // expect: unchecked-alloc
	return copy;
}

char *copy_name_good(const char *name)
{
	size_t len = strlen(name);
	char *copy = malloc(len + 1);
	if (copy)
		memcpy(copy, name, len + 1);  // ok: unchecked-alloc
	return copy;
}

void label_node(struct node *n, const char *text)
{
	n->label = strdup(text);
	n->label[0] = (char)(n->label[0] & 0x5f);  // expect: unchecked-alloc
}

void label_node_checked(struct node *n, const char *text)
{
	n->label = strdup(text);
	if (n->label == NULL)
		return;
	n->label[0] = (char)(n->label[0] & 0x5f);  // ok: unchecked-alloc
}

int *zeroed_counts(size_t n)
{
	int *counts = calloc(n, sizeof(int));
	for (size_t i = 0; i < n; i++)
		counts[i] = 0;  // expect: unchecked-alloc
	return counts;
}

int *counts_asserted(size_t n)
{
	int *counts = calloc(n, sizeof(int));
	assert(counts != NULL);
	counts[0] = 1;  // ok: unchecked-alloc
	return counts;
}

void scratch(size_t n)
{
	memset(malloc(n), 0, n);  // expect: unchecked-alloc, memory-leak
}

char *read_line(FILE *f, size_t cap)
{
	char *line = malloc(cap);
	if (fgets(line, (int)cap, f) == NULL) {  // expect: unchecked-alloc
		free(line);
		return NULL;
	}
	return line;
}

/* Handed to a project function first: it may do the checking, so nothing is said. */
void handed_over(size_t n)
{
	char *p = malloc(n);
	if (remember(p) < 0)
		return;
	p[0] = 0;  // ok: unchecked-alloc
}

/* Returned to the caller unchecked: the caller's business. */
void *buffer_for(size_t n)
{
	void *p = malloc(n);
	return p;
}

/* Address arithmetic only: no access happens through the pointer before the test. */
void list_push(struct list *l, int value)
{
	struct node *n = malloc(sizeof *n);
	struct node **slot = &n->next;
	if (n && slot) {
		n->value = value;  // ok: unchecked-alloc
		n->next = l->head;
		l->head = n;
	}
}

/* An allocation helper that returns NULL when it fails: its callers must test. */
static struct node *node_make(int value)
{
	struct node *n = malloc(sizeof *n);
	if (!n)
		return NULL;
	n->value = value;
	n->next = NULL;
	return n;
}

int node_make_use(void)
{
	struct node *n = node_make(1);
	int v = n->value;  // expect: unchecked-alloc
	free(n);
	return v;
}

int node_make_checked(void)
{
	struct node *n = node_make(1);
	int v;
	if (!n)
		return -1;
	v = n->value;  // ok: unchecked-alloc
	free(n);
	return v;
}

/* A callee that dereferences its parameter: the unchecked block handed to it. */
static void node_init(struct node *n, int value)
{
	n->value = value;
	n->next = NULL;
}

struct node *node_new_via_init(int value)
{
	struct node *n = malloc(sizeof *n);
	node_init(n, value);  // expect: unchecked-alloc
	return n;
}

struct node *node_new_via_init_checked(int value)
{
	struct node *n = malloc(sizeof *n);
	if (n)
		node_init(n, value);  // ok: unchecked-alloc
	return n;
}

/* A test of a copy checks the block too. */
int copy_checked(void)
{
	char *p = malloc(8);
	char *q = p;
	if (q == NULL)
		return -1;
	p[0] = 'x';  // ok: unchecked-alloc
	free(p);
	return 0;
}

/* The wrapper checks and exits: its result is never NULL. */
static void *xmalloc(size_t n)
{
	void *p = malloc(n);
	if (!p)
		exit(1);
	return p;
}

void use_xmalloc(void)
{
	char *p = xmalloc(4);
	p[0] = 0;  // ok: unchecked-alloc
	free(p);
}

/* A callee that leaves a global holding an unchecked allocation: the caller writing through it must test it. */
static int *hit_counts;

static void hits_init(size_t n)
{
	hit_counts = calloc(n, sizeof *hit_counts);
}

static int hits_init_checked(size_t n)
{
	hit_counts = calloc(n, sizeof *hit_counts);
	return hit_counts ? 0 : -1;
}

void hits_start(size_t n)
{
	hits_init(n);
	hit_counts[0] = 1;  // expect: unchecked-alloc
}

void hits_start_checked(size_t n)
{
	if (hits_init_checked(n) < 0)
		return;
	hit_counts[0] = 1;  // ok: unchecked-alloc
}
