/* Fixture for integer-overflow: arithmetic on input or rand() whose result can wrap. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>

#define MAX_SIDE 1000
#define DEBUG_SCALE 0

struct pixel {
	unsigned char r, g, b, a;
};

/* Two dimensions from stdin multiplied into an int that then sizes a buffer. */
char *image_buffer(void)
{
	int w = 0, h = 0, area;
	if (scanf("%d %d", &w, &h) != 2)
		return NULL;
	area = w * h;  // expect: integer-overflow
	return malloc((size_t)area);  // expect: tainted-alloc-size, alloc-size-overflow
}

/* The same product only printed: nothing is sized, indexed or bounded by it (not reported). */
void image_area_report(void)
{
	int w = 0, h = 0;
	if (scanf("%d %d", &w, &h) != 2)
		return;
	printf("%d\n", w * h);  // ok: integer-overflow
}

/* The CWE-680 shape: a count from the network times an element size, used as an allocation size. */
struct pixel *alloc_pixels(int sock)
{
	size_t n;
	if (recv(sock, &n, sizeof n, 0) != (ssize_t)sizeof n)
		return NULL;
	return malloc(n * sizeof(struct pixel));  // expect: integer-overflow, tainted-alloc-size
}

/* An unsigned length from a file minus a header size wraps below zero. */
size_t payload_size(FILE *f)
{
	uint32_t total = 0;
	size_t payload;
	if (fread(&total, sizeof total, 1, f) != 1)
		return 0;
	payload = total - 8u;  // expect: integer-overflow
	char *body = malloc(payload);  // expect: tainted-alloc-size
	if (!body)
		return 0;
	return fread(body, 1, payload, f);  // expect: memory-leak
}

/* rand() is not attacker data, but its range is wide enough to wrap a scaled int. */
int jitter_ms(void)
{
	static int slots[64];
	int j = rand() * 1000;  // expect: integer-overflow
	return slots[j % 64];
}

/* A running sum of values read from stdin. */
long long total_of(void)
{
	int v = 0, sum = 0;
	while (scanf("%d", &v) == 1)
		sum += v;  // ok: integer-overflow (only kept, never used as a size, index or bound: not reported)
	return sum;
}

/* Both sides checked first. */
int image_area_checked(void)
{
	int w = 0, h = 0, area;
	if (scanf("%d %d", &w, &h) != 2)
		return -1;
	if (w <= 0 || w > MAX_SIDE || h <= 0 || h > MAX_SIDE)
		return -1;
	area = w * h;  // ok: integer-overflow (both at most MAX_SIDE)
	return area;
}

/* Checked subtraction. */
size_t payload_size_checked(FILE *f)
{
	uint32_t total = 0;
	size_t payload;
	if (fread(&total, sizeof total, 1, f) != 1)
		return 0;
	if (total < 8u)
		return 0;
	payload = total - 8u;  // ok: integer-overflow (total >= 8 here)
	return payload;
}

/* rand() reduced to a small range first. */
int pick_slot(void)
{
	int slot = rand() % 100 + 1;  // ok: integer-overflow (0..99 plus one)
	return slot * 10;  // ok: integer-overflow (at most 1000)
}

/* A byte from the input has too small a range to wrap an int. */
int next_digit(void)
{
	int c = getchar();
	return c * 10 + 7;  // ok: integer-overflow (a byte times ten)
}

/* A branch that a constant makes dead. */
int scaled(void)
{
	int v = 0;
	if (scanf("%d", &v) != 1)
		return 0;
	if (DEBUG_SCALE)
		return v * 1000;  // ok: integer-overflow (dead: DEBUG_SCALE is 0)
	return v / 2;
}

/* Constant arithmetic. */
int buffer_bytes(void)
{
	int rows = 24, cols = 80;
	return rows * cols * 4;  // ok: integer-overflow (constants)
}

/* A wrapped result masked down to its low bits before it indexes: the bits kept are right either way. */
char letter_of(FILE *in)
{
	unsigned v = 0;
	static const char letters[] = "@ABCDEFGHIJKLMNOPQRSTUVWXYZ01234";
	if (fread(&v, sizeof v, 1, in) != 1)
		return '?';
	return letters[(v - 64) & 31];  // ok: integer-overflow (masked to 0..31)
}

/* The same without the mask: the wrapped value indexes. */
char letter_unmasked(FILE *in)
{
	unsigned v = 0;
	static const char letters[] = "@ABCDEFGHIJKLMNOPQRSTUVWXYZ01234";
	if (fread(&v, sizeof v, 1, in) != 1 || v > 1000)
		return '?';
	return letters[v - 64];  // expect: integer-overflow
}

/* A file-scope global with no initialiser is a tentative definition: zero until a bounded store. */
static unsigned g_cells;
static unsigned g_cells_raw;

void read_cells(FILE *in)
{
	unsigned v;
	if (fscanf(in, "%u", &v) == 1 && v <= 100000)
		g_cells = v;
	if (fscanf(in, "%u", &v) == 1)
		g_cells_raw = v;
}

void *alloc_cells(void)
{
	return malloc(g_cells * 40u);  // ok: integer-overflow (0 or at most 100000)
}

void *alloc_cells_raw(void)
{
	return malloc(g_cells_raw * 40u);  // expect: integer-overflow, tainted-alloc-size
}
