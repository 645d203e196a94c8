/* Fixture for insecure-temp-file: scratch files for an export job. */
#define _GNU_SOURCE /* POSIX and GNU declarations: popen, mkstemps, strtok_r, getrandom, ... */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SCRATCH_TEMPLATE "/tmp/export-XXXXXX"

int export_racy(void)
{
	char name[L_tmpnam];
	char tmpl[] = "/tmp/export-XXXXXX";
	FILE *f;
	if (!tmpnam(name))  // expect: insecure-temp-file
		return -1;
	f = fopen(name, "w");
	if (!f)
		return -1;
	fclose(f);
	if (!mktemp(tmpl))  // expect: insecure-temp-file
		return -1;
	return 0;
}

int export_safe(void)
{
	char tmpl[] = "/tmp/export-XXXXXX";
	char with_suffix[] = "/tmp/export-XXXXXX.csv";
	char dir[] = SCRATCH_TEMPLATE;
	int fd = mkstemp(tmpl);  // ok: insecure-temp-file
	int fd2 = mkstemps(with_suffix, 4);  // ok: insecure-temp-file
	FILE *f = tmpfile();  // ok: insecure-temp-file
	if (!mkdtemp(dir))  // ok: insecure-temp-file
		return -1;  // expect: resource-leak (tmpfile() stream not closed on this path)
	if (f)
		fclose(f);
	if (fd2 >= 0)
		close(fd2);
	return fd;
}

int export_bad_template(void)
{
	char few[] = "/tmp/export-XXX";
	char suffix_after[] = "/tmp/export.XXXXXX.csv";
	char *mktemp = few; /* a variable named like the function */
	int fd = mkstemp(few);  // expect: insecure-temp-file
	int fd2 = mkstemp(suffix_after);  // expect: insecure-temp-file
	int fd3 = mkstemps(suffix_after, 3);  // expect: insecure-temp-file
	(void)mktemp;
	if (fd2 >= 0)
		close(fd2);
	if (fd3 >= 0)
		close(fd3);
	return fd;
}

int main(void)
{
	return export_racy() + export_safe() + export_bad_template();
}
