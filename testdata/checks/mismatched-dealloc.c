/* Fixture for mismatched-dealloc (C): streams, directories and blocks released by the deallocator of another
 * family, directly and through the functions that allocate or release them. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int read_config(const char *path)
{
	FILE *f = fopen(path, "r");
	char line[128];
	if (!f)
		return -1;
	if (!fgets(line, sizeof line, f))
		line[0] = '\0';
	free(f);  // expect: mismatched-dealloc
	return line[0] == '#';
}

int run_listing(void)
{
	FILE *p = popen("/bin/ls", "r");
	if (!p)
		return -1;
	return fclose(p);  // expect: mismatched-dealloc
}

int run_listing_fixed(void)
{
	FILE *p = popen("/bin/ls", "r");
	if (!p)
		return -1;
	return pclose(p);  // ok: mismatched-dealloc
}

int read_config_fixed(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return -1;
	return fclose(f);  // ok: mismatched-dealloc
}

int count_entries(const char *dir)
{
	DIR *d = opendir(dir);
	int n = 0;
	if (!d)
		return -1;
	while (readdir(d))
		n++;
	closedir(d);  // ok: mismatched-dealloc
	return n;
}

/* A conditional source: a stream opened by one of two functions is released by fclose on one path and
 * pclose on the other (the cleanup knows which). */
int conditional_stream(int pipe_it, const char *path)
{
	FILE *f = pipe_it ? popen("/bin/cat", "r") : fopen(path, "r");
	if (!f)
		return -1;
	if (pipe_it)
		return pclose(f);  // ok: mismatched-dealloc (popen or fopen: not certain)
	return fclose(f);  // ok: mismatched-dealloc
}

/* ---- across calls ---- */

static FILE *open_log(const char *path)
{
	FILE *f = fopen(path, "a");
	if (!f)
		return NULL;
	return f;
}

static void drop_block(void *p)
{
	free(p);
}

static char *copy_name(const char *s)
{
	return strdup(s);
}

void log_once(const char *path, const char *msg)
{
	FILE *f = open_log(path);
	if (!f)
		return;
	fputs(msg, f);
	drop_block(f);  // expect: mismatched-dealloc
}

void log_once_fixed(const char *path, const char *msg)
{
	FILE *f = open_log(path);
	if (!f)
		return;
	fputs(msg, f);
	fclose(f);  // ok: mismatched-dealloc
}

void names(const char *s)
{
	char *n = copy_name(s);
	if (!n)
		return;
	drop_block(n);  // ok: mismatched-dealloc
}

/* posix_memalign hands back a malloc-family block */
void aligned(void)
{
	void *p = NULL;
	if (posix_memalign(&p, 64, 256) != 0)
		return;
	memset(p, 0, 256);
	free(p);  // ok: mismatched-dealloc
}

/* realloc keeps the malloc family */
int grow_twice(size_t n)
{
	char *p = malloc(n), *q;
	if (!p)
		return -1;
	q = realloc(p, n + 16);
	if (!q) {
		free(p);
		return -1;
	}
	free(q);  // ok: mismatched-dealloc
	return 0;
}

/* one of two pipes, whichever branch ran: both are popen's */
int either_pipe(int verbose)
{
	FILE *p;
	if (verbose)
		p = popen("/bin/ls -l", "r");
	else
		p = popen("/bin/ls", "r");
	if (!p)
		return -1;
	return fclose(p);  // expect: mismatched-dealloc
}

/* a pipe on one path, a file on the other: two families, not judged */
int pipe_or_file(int from_cmd, const char *path)
{
	FILE *in;
	if (from_cmd)
		in = popen("/bin/ls", "r");
	else
		in = fopen(path, "r");
	if (!in)
		return -1;
	return fclose(in);  // ok: mismatched-dealloc
}
