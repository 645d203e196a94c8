// Fixture for incorrect-return-check: tests that cannot tell a call's failure from its success.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int wrong(FILE *f, char *buf, int n, int fd)
{
	if (fgets(buf, n, f) < 0)        // expect: incorrect-return-check
		return -1;
	if (fputs(buf, stdout) == 0)     // expect: incorrect-return-check
		return -1;
	if (setuid(65534) > 0)           // expect: incorrect-return-check
		return -1;
	if (pthread_mutex_lock(NULL) == -1)  // expect: incorrect-return-check
		return -1;
	if (write(fd, buf, 1) == 0)      // expect: incorrect-return-check
		return -1;
	return 0;
}

int right(FILE *f, char *buf, int n, int fd)
{
	ssize_t got;
	char *p;
	if (fgets(buf, n, f) == NULL)    // ok: incorrect-return-check
		return -1;
	if (fputs(buf, stdout) == EOF)   // ok: incorrect-return-check
		return -1;
	if (setuid(65534) != 0)          // ok: incorrect-return-check
		return -1;
	if (remove("/tmp/fixture.old") == 0)  // ok: incorrect-return-check (0 is its only success)
		puts("removed");
	got = read(fd, buf, (size_t)n);
	if (got == 0)                    // ok: incorrect-return-check (end of input, tested on its own)
		return 0;
	if (got < 0)
		return -1;
	p = malloc(16);
	if (!p)                          // ok: incorrect-return-check
		return -1;
	free(p);
	return 0;
}

/* A stored result handed to a project function: its tests there are judged, where they are written. */
static int sent_nothing(ssize_t n)
{
	return n == 0;                   // expect: incorrect-return-check
}

static int send_failed(ssize_t n)
{
	return n < 0;                    // ok: incorrect-return-check
}

static int step_failed(int rc)
{
	return rc > 0;                   // expect: incorrect-return-check
}

static int check_step(int rc)
{
	return step_failed(rc);
}

int handed_on(int fd, const char *buf, size_t len)
{
	ssize_t a = write(fd, buf, len);
	ssize_t b = write(fd, buf, len);
	int rc = chdir("/tmp");
	if (sent_nothing(a) || send_failed(b))
		return -1;
	return check_step(rc);
}

/* Tests of a result stored in a field or a constant-index element are judged as the result's own. */
struct xfer {
	ssize_t last;
	size_t total;
};

int in_places(int fd, const char *buf, size_t len, struct xfer *x)
{
	int rc[2];
	x->last = write(fd, buf, len);
	if (x->last == 0)                // expect: incorrect-return-check
		return -1;
	x->total += (size_t)x->last;
	rc[0] = setgid(65534);
	rc[1] = setuid(65534);
	if (rc[0] != 0)                  // ok: incorrect-return-check
		return -1;
	if (rc[1] > 0)                   // expect: incorrect-return-check
		return -1;
	return 0;
}
