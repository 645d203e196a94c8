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
