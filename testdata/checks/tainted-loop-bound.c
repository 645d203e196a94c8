/* Fixture for tainted-loop-bound: loops whose number of rounds the input decides. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>

#define MAX_RECORDS 512

struct rec {
	int id, value;
};

/* A record count from the peer drives the loop. */
int drain_records(int sock)
{
	int32_t count;
	struct rec r;
	int got = 0;
	if (recv(sock, &count, sizeof count, 0) <= 0)
		return -1;
	for (int i = 0; i < count; i++) {  // expect: tainted-loop-bound
		if (recv(sock, &r, sizeof r, 0) <= 0)
			break;
		got++;
	}
	return got;
}

/* A while loop counting down a value read from a file. */
void skip_lines(FILE *f)
{
	char line[128];
	long n = 0;
	if (!fgets(line, sizeof line, f))
		return;
	n = strtol(line, NULL, 10);
	while (n > 0) {  // expect: tainted-loop-bound
		if (!fgets(line, sizeof line, f))
			break;
		n--;
	}
}

/* Counting down a number from the file; written without a comparison, the same loop is missed. */
void skip_records(FILE *f)
{
	char line[128];
	long n;
	if (!fgets(line, sizeof line, f))
		return;
	n = strtol(line, NULL, 10);
	while (n-- > 0 && fgets(line, sizeof line, f))  // expect: tainted-loop-bound
		;
}

void skip_records_bare(FILE *f)
{
	char line[128];
	long n;
	if (!fgets(line, sizeof line, f))
		return;
	n = strtol(line, NULL, 10);
	while (n--)  // todo-expect: tainted-loop-bound
		if (!fgets(line, sizeof line, f))
			break;
}

/* The bound is a parameter: judged where the caller passes a count read from stdin. */
static void print_stars(int n)
{
	for (int i = 0; i < n; i++)  // expect: tainted-loop-bound
		putchar('*');
	putchar('\n');
}

void stars_from_stdin(void)
{
	int n = 0;
	if (scanf("%d", &n) == 1)
		print_stars(n);
}

void stars_fixed(void)
{
	print_stars(10);  // ok: tainted-loop-bound (constant count)
}

/* The same count, checked against a maximum first. */
int drain_records_checked(int sock)
{
	int32_t count;
	struct rec r;
	int got = 0;
	if (recv(sock, &count, sizeof count, 0) <= 0)
		return -1;
	if (count < 0 || count > MAX_RECORDS)
		return -1;
	for (int i = 0; i < count; i++) {  // ok: tainted-loop-bound (at most MAX_RECORDS)
		if (recv(sock, &r, sizeof r, 0) <= 0)
			break;
		got++;
	}
	return got;
}

/* Both conditions in the loop: the constant one stops it. */
int read_some(FILE *f)
{
	int n = 0, total = 0, v;
	if (fscanf(f, "%d", &n) != 1)
		return 0;
	for (int i = 0; i < n && i < MAX_RECORDS; i++)  // ok: tainted-loop-bound (also stops at MAX_RECORDS)
		if (fscanf(f, "%d", &v) == 1)
			total ^= v;
	return total;
}

/* Walking a buffer the program owns: its size bounds the loop. */
int count_spaces(FILE *f)
{
	char line[256];
	int spaces = 0;
	if (!fgets(line, sizeof line, f))
		return 0;
	for (size_t i = 0; i < sizeof line && line[i] != '\0'; i++)  // ok: tainted-loop-bound (sizeof line)
		if (line[i] == ' ')
			spaces++;
	return spaces;
}

/* A byte of input cannot count past 255. */
void repeat_char(void)
{
	int c = getchar();
	for (int i = 0; i < c; i++)  // ok: tainted-loop-bound (a byte: at most 255)
		putchar('.');
}

/* A loop that shifts its tested value right each turn ends within the value's width. */
int digits16(FILE *f, unsigned short *out)
{
	unsigned long long val = 0;
	int n = 0;
	if (fscanf(f, "%llu", &val) != 1)
		return 0;
	while (val > 0) {  // ok: tainted-loop-bound (at most 4 turns: val >>= 16)
		out[n++] = (unsigned short)(val & 0xffff);
		val >>= 16;
	}
	return n;
}

/* The same loop stepping down by one goes as long as the input says. */
int countdown(FILE *f)
{
	unsigned long long val = 0;
	int n = 0;
	if (fscanf(f, "%llu", &val) != 1)
		return 0;
	while (val > 0) {  // expect: tainted-loop-bound
		n ^= (int)val;
		val -= 1;
	}
	return n;
}
