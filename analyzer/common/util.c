/* util.c - small helpers several analyzer files share: safe file opening, path containment, array growth */
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "common/util.h"

FILE *cvet_util__open_regular(const char *path)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	FILE *f;
	if (fd < 0)
		return NULL;
	if (!(f = fdopen(fd, "rb")))
		close(fd);
	return f;
}

int cvet_util__path_under(const char *path, const char *root)
{
	size_t n;
	if (!path || !root || !*root)
		return 0;
	n = strlen(root);
	while (n > 1 && root[n - 1] == '/')
		n--;
	if (n == 1 && root[0] == '/')
		return path[0] == '/';
	return strncmp(path, root, n) == 0 && (path[n] == '/' || path[n] == '\0');
}

int cvet_util__grow(void **arr, size_t *cap, size_t n, size_t size)
{
	size_t want;
	void *p;
	if (n < *cap)
		return 0;
	want = *cap ? *cap * 2 : 8;
	if (size == 0 || want < *cap || want > SIZE_MAX / size)
		return -1;
	if (!(p = realloc(*arr, want * size)))
		return -1;
	*arr = p;
	*cap = want;
	return 0;
}
