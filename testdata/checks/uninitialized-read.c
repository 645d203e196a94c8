/* Fixture for uninitialized-read: locals and malloc'd blocks read before anything wrote them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct point {
	int x, y;
};

static int counter;

int sum_unset(void)
{
	int total;
	return total + 1;  // expect: uninitialized-read
}

int sum_set(void)
{
	int total = 0;
	return total + 1;  // ok: uninitialized-read
}

int port_of(int mode)
{
	int port;
	if (mode == 1)
		port = 80;
	return port;  // expect: uninitialized-read
}

int port_or_default(int mode)
{
	int port;
	if (mode == 1)
		port = 80;
	else
		port = 8080;
	return port;  // ok: uninitialized-read
}

int port_tested(int mode, int *out)
{
	int port;
	if (mode == 1)
		port = 80;
	if (mode == 1)
		*out = port;  // ok: uninitialized-read (a later test may tell the paths apart: not judged)
	return 0;
}

int size_of_kind(int kind)
{
	int size;
	switch (kind) {
	case 1:
		size = 8;
		break;
	case 2:
		size = 16;
		break;
	}
	return size;  // expect: uninitialized-read
}

int first_slot(size_t n)
{
	int *v = malloc(16 * sizeof(*v));
	int r;
	if (v == NULL)
		return -1;
	r = v[0];  // expect: uninitialized-read
	free(v);
	return r;
}

int first_slot_zeroed(size_t n)
{
	int *v = calloc(16, sizeof(*v));
	int r;
	if (v == NULL)
		return -1;
	r = v[0];  // ok: uninitialized-read
	free(v);
	return r;
}

int first_slot_filled(size_t n)
{
	int *v = malloc(16 * sizeof(*v));
	int r;
	if (v == NULL)
		return -1;
	memset(v, 0, 16 * sizeof(*v));
	r = v[0];  // ok: uninitialized-read
	free(v);
	return r;
}

int point_x(void)
{
	struct point p;
	return p.x;  // expect: uninitialized-read
}

int point_x_set(void)
{
	struct point p;
	memset(&p, 0, sizeof(p));
	return p.x;  // ok: uninitialized-read
}

int point_x_braces(void)
{
	struct point p = {0};
	return p.x;  // ok: uninitialized-read
}

static void bump(int *c)
{
	*c = *c + 1;
}

static void reset(int *c)
{
	*c = 0;
}

int bump_unset(void)
{
	int c;
	bump(&c);  // expect: uninitialized-read
	return c;
}

int bump_after_reset(void)
{
	int c;
	reset(&c);
	bump(&c);  // ok: uninitialized-read
	return c;
}

int read_into(int fd)
{
	char buf[64];
	if (read(fd, buf, sizeof(buf)) <= 0)
		return -1;
	return buf[0];  // ok: uninitialized-read
}

void print_unset(void)
{
	char name[32];
	puts(name);  // expect: uninitialized-read
}

int skip_init(const char *path)
{
	int status;
	if (path == NULL)
		goto out;
	status = 0;
out:
	return status;  // expect: uninitialized-read
}

int under_false_flag(void)
{
	int v;
	if (0)
		v = 1;
	return v;  // expect: uninitialized-read
}

int under_true_flag(void)
{
	int v;
	if (1)
		v = 1;
	return v;  // ok: uninitialized-read
}

int last_of_fixed_loop(void)
{
	int last;
	for (int i = 0; i < 4; i++)
		last = i;
	return last;  // ok: uninitialized-read
}

int last_of_any_loop(int n)
{
	int last;
	for (int i = 0; i < n; i++)
		last = i;
	return last;  // ok: uninitialized-read (the loop may not run, for reasons not known here: not judged)
}

int static_is_zero(void)
{
	static int calls;
	return ++calls + counter;  // ok: uninitialized-read
}

int size_only(void)
{
	int x;
	return (int)sizeof(x);  // ok: uninitialized-read
}

/* A switch whose cases cover every value the scrutinee can hold has no path around them. */
enum cmp_mode { CMP_EQ, CMP_NE, CMP_LT };

int compare_by(const char *p, int a)
{
	enum cmp_mode mode;
	int r;
	if (*p == '=')
		mode = CMP_EQ;
	else if (*p == '!')
		mode = CMP_NE;
	else if (*p == '<')
		mode = CMP_LT;
	else
		return -1;
	switch (mode) {
	case CMP_EQ: r = a == 1; break;
	case CMP_NE: r = a != 1; break;
	case CMP_LT: r = a < 1; break;
	}
	return r;  // ok: uninitialized-read (every mode has a case)
}

int compare_some(const char *p, int a)
{
	int mode = *p == '=' ? 0 : *p == '!' ? 1 : 5, r;
	switch (mode) {
	case 0: r = a == 1; break;
	case 1: r = a != 1; break;
	}
	return r;  // expect: uninitialized-read (mode 5 has no case)
}

/* a project function returning a fresh malloc'd block nothing wrote: the caller's block is unwritten */
static char *fresh_line(void)
{
	return malloc(64);
}

static char *fresh_line_empty(void)
{
	char *l = malloc(64);
	if (l != NULL)
		l[0] = '\0';
	return l;
}

static char *fresh_line_twice(void)
{
	return fresh_line();
}

void print_fresh(void)
{
	char *l = fresh_line();
	if (l == NULL)
		return;
	puts(l);  // expect: uninitialized-read
	free(l);
}

void print_fresh_twice(void)
{
	char *l = fresh_line_twice();
	if (l == NULL)
		return;
	puts(l);  // expect: uninitialized-read
	free(l);
}

void print_fresh_empty(void)
{
	char *l = fresh_line_empty();
	if (l == NULL)
		return;
	puts(l);  // ok: uninitialized-read
	free(l);
}

void print_fresh_filled(void)
{
	char *l = fresh_line();
	if (l == NULL)
		return;
	snprintf(l, 64, "%s", "ready");
	puts(l);  // ok: uninitialized-read
	free(l);
}

/* blocks held in the elements of a local array of pointers, each followed on its own */
void print_fields(void)
{
	char *f[2];
	f[0] = malloc(16);
	f[1] = malloc(16);
	if (f[0] == NULL || f[1] == NULL) {
		free(f[0]);
		free(f[1]);
		return;
	}
	snprintf(f[0], 16, "%s", "ok");
	puts(f[0]);  // ok: uninitialized-read
	puts(f[1]);  // expect: uninitialized-read
	free(f[0]);
	free(f[1]);
}

static void fill_all(char **t, int n)
{
	for (int i = 0; i < n; i++)
		snprintf(t[i], 16, "%d", i);
}

void print_fields_filled(void)
{
	char *f[2];
	f[0] = malloc(16);
	f[1] = malloc(16);
	if (f[0] == NULL || f[1] == NULL) {
		free(f[0]);
		free(f[1]);
		return;
	}
	fill_all(f, 2);
	puts(f[1]);  // ok: uninitialized-read (the whole table was handed to a filler)
	free(f[0]);
	free(f[1]);
}

void print_fields_loop(void)
{
	char *f[2];
	f[0] = malloc(16);
	f[1] = malloc(16);
	if (f[0] == NULL || f[1] == NULL) {
		free(f[0]);
		free(f[1]);
		return;
	}
	for (int i = 0; i < 2; i++)
		snprintf(f[i], 16, "%d", i);
	puts(f[1]);  // ok: uninitialized-read (filled at a computed index)
	free(f[0]);
	free(f[1]);
}
