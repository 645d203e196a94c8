/* Fixture for free-non-heap: free() of stack, static and literal storage, directly or through pointers,
 * members and calls; never a pointer that may point to the heap on some path. */
#include <stdlib.h>
#include <string.h>

struct config {
	char name[32];
	char *path;
	int level;
};

struct buffer {
	char *data;
	char inline_data[16];
};

static char shared_buf[256];
static const char *default_name = "guest";
static const char *current_name = "guest";

void set_name(const char *n)
{
	current_name = n;
}

/* ---- as written ---- */

void release_name(int heap, size_t n)
{
	char local[64];
	char *name = heap ? malloc(n) : local;
	if (!name)
		return;
	memset(name, 0, heap ? n : sizeof local);
	if (heap)
		free(name);  // ok: free-non-heap (heap or local: not certain)
	free(local);  // expect: free-non-heap
}

void release_counter(void)
{
	int counter = 0;
	free(&counter);  // expect: free-non-heap
}

void release_config(struct config *heap_cfg)
{
	struct config cfg;
	memset(&cfg, 0, sizeof cfg);
	free(cfg.name);  // expect: free-non-heap
	free(&cfg.level);  // expect: free-non-heap
	free(heap_cfg->path);  // ok: free-non-heap
	free(heap_cfg);  // ok: free-non-heap
}

void release_globals(void)
{
	static char scratch[16];
	free(scratch);  // expect: free-non-heap
	free(shared_buf + 8);  // expect: free-non-heap
	free("none");  // expect: free-non-heap
	free((void *)default_name);  // expect: free-non-heap
	free((void *)current_name);  // ok: free-non-heap (set_name stores other pointers in it)
}

char *grow(void)
{
	char stack_copy[32] = "abc";
	return realloc(stack_copy, 64);  // expect: free-non-heap
}

void release_param_array(char buf[16])
{
	free(buf);  // ok: free-non-heap (an array parameter is a pointer)
}

/* ---- through pointer variables ---- */

void copy_of_array(void)
{
	char buf[32];
	char *p = buf;
	memset(p, 0, sizeof buf);
	free(p);  // expect: free-non-heap
}

void address_of_local(void)
{
	int x = 0;
	int *p = &x;
	*p = 1;
	free(p);  // expect: free-non-heap
}

void literal_pointer(void)
{
	const char *s = "default";
	free((void *)s);  // expect: free-non-heap
}

void through_member(void)
{
	struct buffer b;
	b.data = b.inline_data;
	memset(b.data, 0, sizeof b.inline_data);
	free(b.data);  // expect: free-non-heap
}

void reassigned_on_one_path(size_t need)
{
	char small[64];
	char *p = small;
	if (need > sizeof small) {
		p = malloc(need);
		if (!p)
			return;
	}
	memset(p, 0, need < sizeof small ? need : sizeof small);
	if (p != small)
		free(p);  // ok: free-non-heap (heap on the path that allocated)
}

void reassigned_always(void)
{
	char small[64];
	char *p = small;
	p[0] = 0;
	p = malloc(128);
	free(p);  // ok: free-non-heap
}

/* ---- through calls ---- */

static char *static_buffer(void)
{
	return shared_buf;
}

static char *heap_or_static(int heap)
{
	if (heap)
		return malloc(16);
	return shared_buf;
}

static void release(char *p)
{
	free(p);
}

static void maybe_release(char *p, int own)
{
	if (own)
		free(p);
}

void from_static_function(void)
{
	char *p = static_buffer();
	free(p);  // expect: free-non-heap
}

void from_mixed_function(int heap)
{
	char *p = heap_or_static(heap);
	free(p);  // ok: free-non-heap (heap on one path)
}

void into_freeing_function(void)
{
	char buf[16];
	memset(buf, 0, sizeof buf);
	release(buf);  // expect: free-non-heap
	maybe_release(buf, 0);  // ok: free-non-heap (frees only on some paths)
}

void heap_into_freeing_function(void)
{
	char *p = malloc(16);
	release(p);  // ok: free-non-heap
}

/* A callee handed the object may repoint what its members point to. */
static void attach_heap(struct buffer *b)
{
	b->data = malloc(64);
}

void repointed_by_callee(void)
{
	struct buffer b;
	b.data = b.inline_data;
	attach_heap(&b);
	free(b.data);  // ok: free-non-heap
}

/* strsep(&cur, ...) returns what cur pointed to (here a heap copy), not cur's own address */
int count_fields(const char *line)
{
	char *dup = strdup(line), *cur = dup, *tok;
	int n = 0;
	if (!dup)
		return -1;
	tok = strsep(&cur, ",");
	if (tok)
		n++;
	free(tok);  // ok: free-non-heap
	return n;
}

/* A callee that frees what a global points to, called while the global holds a static array. */
static char spare_reply[64];
static char *cur_reply;

static void drop_reply(void)
{
	free(cur_reply);
}

static void drop_reply_if_heap(void)
{
	if (cur_reply != spare_reply)
		free(cur_reply);
	cur_reply = NULL;
}

void reply_spare(void)
{
	cur_reply = spare_reply;
	cur_reply[0] = '\0';
	drop_reply();  // expect: free-non-heap
}

void reply_spare_checked(void)
{
	cur_reply = spare_reply;
	cur_reply[0] = '\0';
	drop_reply_if_heap();  // ok: free-non-heap
}

void reply_heap(void)
{
	cur_reply = malloc(64);
	if (!cur_reply)
		return;
	cur_reply[0] = '\0';
	drop_reply();  // ok: free-non-heap
}
