/* Fixture for tainted-alloc-size: sizes read from a peer, a file or stdin. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>

#define MAX_MSG 4096u

/* A length field from the wire decides the buffer size. */
char *read_message(int sock)
{
	uint32_t len;
	char *buf;
	if (recv(sock, &len, sizeof len, 0) != (ssize_t)sizeof len)
		return NULL;
	buf = malloc(len);  // expect: tainted-alloc-size
	if (buf)
		recv(sock, buf, len, 0);  // expect: unchecked-return
	return buf;
}

/* A count parsed from stdin. */
long *read_table(void)
{
	int count = 0;
	if (scanf("%d", &count) != 1)
		return NULL;
	return calloc(count, sizeof(long));  // expect: tainted-alloc-size
}

/* realloc with a size parsed out of a header line. */
char *grow_to(FILE *f, char *old)
{
	char line[32];
	long want;
	if (!fgets(line, sizeof line, f))
		return NULL;
	want = strtol(line, NULL, 10);
	return realloc(old, want);  // expect: tainted-alloc-size
}

/* A variable-length array sized from input. */
int sum_values(FILE *f)
{
	int n = 0, total = 0;
	if (fscanf(f, "%d", &n) != 1 || n <= 0)
		return 0;
	int vals[n];  // expect: tainted-alloc-size, alloca-variable
	for (int i = 0; i < n; i++)  // expect: tainted-loop-bound
		if (fscanf(f, "%d", &vals[i]) != 1)
			vals[i] = 0;
	for (int i = 0; i < n; i++)  // expect: tainted-loop-bound
		total ^= vals[i];
	return total;
}

/* The same read, with an upper bound checked first. */
char *read_message_checked(int sock)
{
	uint32_t len;
	char *buf;
	if (recv(sock, &len, sizeof len, 0) != (ssize_t)sizeof len)
		return NULL;
	if (len == 0 || len > MAX_MSG)
		return NULL;
	buf = malloc(len);  // ok: tainted-alloc-size (bounded by MAX_MSG)
	if (buf)
		recv(sock, buf, len, 0);  // expect: unchecked-return
	return buf;
}

/* Clamped rather than rejected. */
long *read_table_clamped(void)
{
	int count = 0;
	if (scanf("%d", &count) != 1 || count < 0)
		return NULL;
	if (count > 1000)
		count = 1000;
	return calloc(count, sizeof(long));  // ok: tainted-alloc-size (clamped to 1000)
}

/* The size of a string the program already holds is bounded by that string. */
char *copy_line(FILE *f)
{
	char line[256];
	char *p;
	if (!fgets(line, sizeof line, f))
		return NULL;
	p = malloc(strlen(line) + 1);  // ok: tainted-alloc-size (length of a 256-byte buffer)
	if (p)
		memcpy(p, line, strlen(line) + 1);
	return p;
}

/* A byte from the input cannot ask for more than 255 bytes. */
char *small_alloc(void)
{
	int c = getchar();
	if (c == EOF)
		return NULL;
	return malloc((size_t)c + 1);  // expect: tainted-alloc-size, integer-overflow (engine false positives: c != EOF leaves 0..255, so at most 256; should be ok)
}

/* Constant sizes. */
char *fixed_alloc(void)
{
	return malloc(MAX_MSG);  // ok: tainted-alloc-size (constant)
}
