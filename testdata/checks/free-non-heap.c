/* Fixture for free-non-heap: free() of stack, static and literal storage. */
#include <stdlib.h>
#include <string.h>

struct config {
	char name[32];
	char *path;
	int level;
};

static char shared_buf[256];
static const char *default_name = "guest";

void release_name(int heap, size_t n)
{
	char local[64];
	char *name = heap ? malloc(n) : local;
	if (!name)
		return;
	memset(name, 0, heap ? n : sizeof local);
	if (heap)
		free(name);  // ok: free-non-heap (a pointer variable: not judged)
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
	free((void *)default_name);  // ok: free-non-heap (a pointer variable)
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
