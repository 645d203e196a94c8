/* Fixture for alloc-size-overflow: element counts multiplied into allocation sizes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MAX_RECORDS 65536u

struct record {
	uint32_t id;
	char name[60];
};

struct image {
	uint32_t width, height;
	unsigned char *pixels;
};

struct vec {
	size_t len, cap;
	struct record *items;
};

struct record *records_new(size_t count)
{
	return malloc(count * sizeof(struct record));  // expect: alloc-size-overflow
}

struct record *records_new_checked(size_t count)
{
	if (count > SIZE_MAX / sizeof(struct record))
		return NULL;
	return malloc(count * sizeof(struct record));  // ok: alloc-size-overflow
}

struct record *records_new_calloc(size_t count)
{
	return calloc(count, sizeof(struct record));  // ok: alloc-size-overflow
}

struct record *records_new_limited(size_t count)
{
	if (count == 0 || count >= MAX_RECORDS)
		return NULL;
	return malloc(count * sizeof(struct record));  // ok: alloc-size-overflow
}

int image_alloc(struct image *img)
{
	img->pixels = malloc(img->width * img->height * 4);  // expect: alloc-size-overflow
	return img->pixels ? 0 : -1;
}

int image_alloc_checked(struct image *img)
{
	size_t bytes;
	if (__builtin_mul_overflow((size_t)img->width, (size_t)img->height * 4, &bytes))
		return -1;
	img->pixels = malloc(bytes);  // ok: alloc-size-overflow
	return img->pixels ? 0 : -1;
}

int vec_reserve(struct vec *v, size_t want)
{
	struct record *items;
	size_t cap = v->cap ? v->cap : 8;
	while (cap < want)
		cap *= 2;
	items = realloc(v->items, cap * sizeof(*items));  // todo-expect: alloc-size-overflow (local count grown from a parameter)
	if (!items)
		return -1;
	v->items = items;
	v->cap = cap;
	return 0;
}

int vec_reserve_array(struct vec *v, size_t want)
{
	struct record *items = reallocarray(v->items, want, sizeof(*items));  // ok: alloc-size-overflow
	if (!items)
		return -1;
	v->items = items;
	v->cap = want;
	return 0;
}

uint16_t *table_for(size_t n)
{
	size_t bytes = n * sizeof(uint16_t);
	return malloc(bytes);  // expect: alloc-size-overflow
}

char *spaces_for(unsigned char depth)
{
	char *s = malloc(depth * 4 + 1);  // ok: alloc-size-overflow (an 8-bit count)
	if (s) {
		memset(s, ' ', depth * 4u);
		s[depth * 4] = '\0';
	}
	return s;
}

char *hex_of(const char *text)
{
	size_t len = strlen(text);
	char *out = malloc(len * 2 + 1);  // ok: alloc-size-overflow (a string length cannot be that large)
	if (out)
		out[0] = '\0';
	return out;
}

void *small_blocks(void)
{
	void *blocks[16];
	for (int i = 0; i < 16; i++)
		blocks[i] = malloc(i * 64 + 64);  // ok: alloc-size-overflow (loop bounded by a constant)
	for (int i = 1; i < 16; i++)
		free(blocks[i]);
	return blocks[0];
}

double *matrix(size_t rows, size_t cols)
{
	if (rows > 4096 || cols > 4096)
		return NULL;
	return malloc(rows * cols * sizeof(double));  // ok: alloc-size-overflow
}

double *matrix_unchecked(size_t rows, size_t cols)
{
	if (rows == 0)
		return NULL;
	return malloc(rows * cols * sizeof(double));  // expect: alloc-size-overflow
}

int vec_push(struct vec *v, const struct record *r)
{
	if (v->len == v->cap) {
		size_t ncap = v->cap ? v->cap * 2 : 16;
		struct record *items = realloc(v->items, ncap * sizeof(*items));  // ok: alloc-size-overflow (one doubling)
		if (!items)
			return -1;
		v->items = items;
		v->cap = ncap;
	}
	v->items[v->len++] = *r;
	return 0;
}
