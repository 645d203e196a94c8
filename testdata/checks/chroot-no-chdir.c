/* Fixture for chroot-no-chdir: after chroot the working directory must move inside the new root. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int jail_without_chdir(const char *dir)
{
	if (chroot(dir) != 0) // expect: chroot-no-chdir
		return -1;
	return 0;
}

int jail_chdir_elsewhere(const char *dir)
{
	if (chroot(dir) != 0) // expect: chroot-no-chdir
		return -1;
	if (chdir("/var") != 0)
		return -1;
	return 0;
}

int jail_then_root(const char *dir)
{
	if (chroot(dir) != 0) // ok: chroot-no-chdir
		return -1;
	if (chdir("/") != 0) {
		perror("chdir");
		exit(1);
	}
	return 0;
}

int jail_chdir_first(const char *dir)
{
	if (chdir(dir) != 0)
		return -1;
	if (chroot(".") != 0) // ok: chroot-no-chdir
		return -1;
	return 0;
}

int jail_same_dir(const char *dir)
{
	if (chdir(dir) != 0)
		return -1;
	return chroot(dir); // ok: chroot-no-chdir
}
