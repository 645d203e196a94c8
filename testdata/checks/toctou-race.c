/* Fixture for toctou-race: a path checked by name and then used by name. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

FILE *open_if_allowed(const char *path)
{
	if (access(path, R_OK) != 0)
		return NULL;
	return fopen(path, "r"); // expect: toctou-race
}

int replace_if_regular(const char *path)
{
	struct stat st;
	if (lstat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return -1;
	return unlink(path); // expect: toctou-race
}

int tmp_literal(void)
{
	struct stat st;
	if (stat("/tmp/app.lock", &st) == 0)
		return -1;
	return open("/tmp/app.lock", O_WRONLY | O_CREAT | O_EXCL, 0600); // ok: toctou-race (O_EXCL cannot be redirected)
}

int other_path(const char *a, const char *b)
{
	if (access(a, W_OK) != 0)
		return -1;
	return open(b, O_RDONLY); // ok: toctou-race
}

int open_then_check(const char *path)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_NOFOLLOW); // ok: toctou-race
	if (fd < 0 || fstat(fd, &st) != 0)
		return -1;
	return fd;
}

int chmod_after_stat(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return -1;
	return chmod(path, st.st_mode & 0700); // expect: toctou-race
}

long load_if_present(const char *path, char *buf, size_t n)
{
	struct stat st;
	FILE *fp;
	if (stat(path, &st) != 0 || (size_t)st.st_size > n)
		return -1;
	fp = fopen(path, "r"); // ok: toctou-race (stat then read: not reported)
	if (!fp)
		return -1;
	n = fread(buf, 1, (size_t)st.st_size, fp);
	fclose(fp);
	return (long)n;
}

FILE *append_if_present(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return NULL;
	return fopen(path, "a"); // expect: toctou-race
}

int read_if_not_link(const char *path)
{
	struct stat st;
	if (lstat(path, &st) != 0 || S_ISLNK(st.st_mode))
		return -1;
	return open(path, O_RDONLY); // expect: toctou-race
}

#include <assert.h>
void test_cleanup(const char *path)
{
	struct stat st;
	assert(stat(path, &st) == 0);
	unlink(path); // ok: toctou-race (the stat is a test assertion, not a decision)
}
