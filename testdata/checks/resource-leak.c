/* Fixture for resource-leak: streams, pipes and directories opened and not closed on some path. */
#include <dirent.h>
#include <stdio.h>

int first_line(const char *path, char *line, int size)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return -1;  // ok: resource-leak (not opened)
	if (!fgets(line, size, f))
		return -2;  // expect: resource-leak
	fclose(f);
	return 0;
}

int first_line_fixed(const char *path, char *line, int size)
{
	FILE *f = fopen(path, "r");
	int rc = 0;
	if (!f)
		return -1;
	if (!fgets(line, size, f))
		rc = -2;
	fclose(f);
	return rc;  // ok: resource-leak
}

int count_entries(const char *path)
{
	DIR *d = opendir(path);
	int n = 0;
	if (!d)
		return -1;
	while (readdir(d))
		n++;
	return n;  // expect: resource-leak
}

int count_entries_fixed(const char *path)
{
	DIR *d = opendir(path);
	int n = 0;
	if (!d)
		return -1;
	while (readdir(d))
		n++;
	closedir(d);
	return n;  // ok: resource-leak
}

int run_date(char *out, int size)
{
	FILE *p = popen("/bin/date", "r");
	if (!p)
		return -1;
	if (!fgets(out, size, p))
		out[0] = '\0';
	return 0;  // expect: resource-leak
}

FILE *open_log(const char *path)
{
	FILE *f = fopen(path, "a");
	return f;  // ok: resource-leak (the caller owns it)
}
