/* Fixture for divide-by-zero: divisors from input, rand() or a zero constant on a live path. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/types.h>

#define BUCKETS 0
#define SLOTS 16

static const int chunk = 64;
unsigned shards = 0; /* sharding switched off: nothing in the program sets it */

/* An average over a count read from stdin. */
int average(int total)
{
	int n = 0;
	if (scanf("%d", &n) != 1)
		return 0;
	return total / n;  // expect: divide-by-zero
}

/* The remainder operator divides too. */
int bucket_of(int sock, int key)
{
	int nbuckets;
	if (recv(sock, &nbuckets, sizeof nbuckets, 0) != (ssize_t)sizeof nbuckets)
		return -1;
	return key % nbuckets;  // expect: divide-by-zero
}

/* Compound assignment. */
long per_item(FILE *f, long budget)
{
	long items = 0;
	if (fscanf(f, "%ld", &items) != 1)
		return -1;
	budget /= items;  // expect: divide-by-zero
	return budget;
}

/* rand() can return 0. */
int spread(int x)
{
	int r = rand();
	return x / r;  // expect: divide-by-zero
}

/* A zero constant on a path that runs. */
int shard_of(unsigned h)
{
	return (int)(h % shards);  // expect: divide-by-zero
}

/* The divisor is a parameter: judged where a caller passes input. */
static int ratio(int a, int b)
{
	return a / b;  // expect: divide-by-zero
}

int ratio_of_input(void)
{
	int d = 0;
	if (scanf("%d", &d) != 1)
		return 0;
	return ratio(100, d);
}

int ratio_fixed(void)
{
	return ratio(100, 4);  // ok: divide-by-zero (constant divisor)
}

/* Checked against zero first. */
int average_checked(int total)
{
	int n = 0;
	if (scanf("%d", &n) != 1 || n == 0)
		return 0;
	return total / n;  // ok: divide-by-zero (n != 0 here)
}

/* Checked to be positive. */
long per_item_checked(FILE *f, long budget)
{
	long items = 0;
	if (fscanf(f, "%ld", &items) != 1 || items <= 0)
		return -1;
	return budget / items;  // ok: divide-by-zero (items > 0)
}

/* rand() shifted away from zero. */
int spread_checked(int x)
{
	int r = rand() % 10 + 1;
	return x / r;  // ok: divide-by-zero (1..10)
}

/* Constant divisors, also through a static const. */
int slots(int x)
{
	return x / SLOTS + x % chunk;  // ok: divide-by-zero (constants 16 and 64)
}

/* A ?: that replaces zero. */
int safe_ratio(int a)
{
	int b = 0;
	if (scanf("%d", &b) != 1)
		return 0;
	return a / (b != 0 ? b : 1);  // ok: divide-by-zero (zero replaced by 1)
}

/* Zero replaced before the division. */
int safe_ratio2(int a)
{
	int b = 0;
	if (scanf("%d", &b) != 1)
		return 0;
	if (b == 0)
		b = 1;
	return a / b;  // ok: divide-by-zero (zero replaced by 1)
}

/* A zero divisor in a branch that never runs. */
int never(unsigned h)
{
	if (BUCKETS > 0)
		return (int)(h % BUCKETS);  // ok: divide-by-zero (dead: BUCKETS is 0)
	return 0;
}
