/* Fixture for buffer-overflow: indices and byte counts past objects of known size. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct rec {
	int n;
	int vals[4];
};

static int weights[8];

int loop_past_end(void)
{
	int a[10];
	int i, s = 0;
	for (i = 0; i <= 10; i++)
		a[i] = i;  // expect: buffer-overflow
	for (i = 0; i < 10; i++)
		s += a[i];  // ok: buffer-overflow
	return s;
}

int read_past_end(void)
{
	int a[4] = {1, 2, 3, 4};
	int i, s = 0;
	for (i = 1; i <= 4; i++)
		s += a[i];  // expect: buffer-overflow
	return s;
}

void wrong_bound(int fd)
{
	char buf[16];
	int n;
	if (read(fd, &n, sizeof n) != (ssize_t)sizeof n)
		return;
	if (n >= 0 && n <= (int)sizeof buf)
		buf[n] = '\0';  // expect: buffer-overflow
	if (n >= 0 && n < (int)sizeof buf)
		buf[n] = '\0';  // ok: buffer-overflow
	puts(buf);
}

int negative(int fd)
{
	int n;
	if (read(fd, &n, sizeof n) != (ssize_t)sizeof n)
		return 0;
	if (n < 8)
		return weights[n];  // expect: buffer-overflow
	return 0;
}

int checked_both(int fd)
{
	int n;
	if (read(fd, &n, sizeof n) != (ssize_t)sizeof n)
		return 0;
	if (n >= 0 && n < 8)
		return weights[n];  // ok: buffer-overflow
	return 0;
}

char *heap_copy(int fd, const char *src)
{
	size_t n;
	char *p = malloc(16);
	if (!p)
		return NULL;
	if (read(fd, &n, sizeof n) != (ssize_t)sizeof n || n >= 32) {
		free(p);
		return NULL;
	}
	memcpy(p, src, n);  // expect: buffer-overflow
	if (n <= 16)
		memcpy(p, src, n);  // ok: buffer-overflow
	return p;
}

int *heap_index(void)
{
	int *c = calloc(10, sizeof(int));
	int i;
	if (!c)
		return NULL;
	for (i = 0; i <= 10; i++)
		c[i] = 1;  // expect: buffer-overflow
	return c;
}

void member(struct rec *r)
{
	int i;
	for (i = 0; i <= 4; i++)
		r->vals[i] = 0;  // expect: buffer-overflow
	r->n = 4;
}

void pointer_arith(void)
{
	long bins[8];
	int i;
	for (i = 0; i < 8; i++)
		*(bins + i) = 0;  // ok: buffer-overflow
	for (i = 0; i <= 8; i++)
		*(bins + i) = 1;  // expect: buffer-overflow
	printf("%ld\n", bins[0]);
}

int unknown_index(int i, const unsigned char *s)
{
	int cnt[26] = {0};
	cnt[s[0] - 'a']++;  // ok: buffer-overflow
	return cnt[0] + weights[i];  // ok: buffer-overflow
}

static void put(int i, int v)
{
	weights[i] = v;  // expect: buffer-overflow
}

void put_all(void)
{
	int i;
	for (i = 0; i <= 8; i++)
		put(i, 0);
}

void dead_branch(void)
{
	int a[4] = {0};
	if (0)
		a[4] = 1;  // ok: buffer-overflow
	printf("%d\n", a[0]);
}

void stride_two(unsigned short *out)
{
	unsigned short pairs[8];
	int j;
	for (j = 0; j < 8; j += 2) {
		pairs[j] = 1;  // ok: buffer-overflow
		pairs[j + 1] = 2;  // ok: buffer-overflow
	}
	memcpy(out, pairs, sizeof pairs);
}

/* ---- string copies of known lengths ---- */

void copy_literal(void)
{
	char small[8];
	char big[32];
	strcpy(small, "a name longer than eight");  // expect: buffer-overflow
	strcpy(big, "a name longer than eight");  // ok: buffer-overflow
	puts(small);
	puts(big);
}

void copy_filled(void)
{
	char src[100];
	char dest[50] = "";
	char wide[100] = "";
	memset(src, 'A', 99);
	src[99] = '\0';
	strcpy(dest, src);  // expect: buffer-overflow
	strcpy(wide, src);  // ok: buffer-overflow
	if (strlen(src) < sizeof dest)
		strcpy(dest, src);  // ok: buffer-overflow (unbounded-copy judges the arrays: expect: unbounded-copy)
	memcpy(dest, src, strlen(src) + 1);  // expect: buffer-overflow
	memcpy(wide, src, strlen(src) + 1);  // ok: buffer-overflow
	puts(dest);
	puts(wide);
}

void shortened(void)
{
	char src[100];
	char dest[50];
	memset(src, 'A', 99);
	src[99] = '\0';
	src[10] = '\0';
	strcpy(dest, src);  // ok: buffer-overflow (expect: unbounded-copy)
	puts(dest);
}

void append_counted(void)
{
	char a[] = "alpha", b[] = "beta", c[] = "gamma";
	char *p = malloc(strlen(a) + strlen(b) + 1);
	if (!p)
		return;
	strcpy(p, a);  // ok: buffer-overflow
	strcat(p, b);  // ok: buffer-overflow
	strcat(p, c);  // expect: buffer-overflow
	puts(p);
	free(p);
}

void dup_sized(void)
{
	char a[] = "alpha";
	char *p = malloc(strlen(a) + 1);
	if (!p)
		return;
	strcpy(p, a);  // ok: buffer-overflow
	puts(p);
	free(p);
}

void formatted(void)
{
	char out[10];
	char fits[16];
	sprintf(out, "%s-%s", "hello", "world");  // expect: buffer-overflow
	sprintf(fits, "%s-%s", "hello", "world");  // ok: buffer-overflow
	puts(out);
	puts(fits);
}

void unknown_length(const char *s)
{
	char dest[50];
	strcpy(dest, s);  // expect: unbounded-copy
	puts(dest);
}

static void save_name(const char *name)
{
	char saved[16];
	strcpy(saved, name);  // expect: buffer-overflow
	puts(saved);
}

void save_long_name(void)
{
	char name[64];
	memset(name, 'x', 40);
	name[40] = '\0';
	save_name(name);
}
