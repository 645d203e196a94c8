/* Fixture for world-writable-permissions: modes and masks that let every user write. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#define SHARED_MODE (S_IRWXU | S_IRWXG | S_IRWXO)

int create_files(const char *path, mode_t configured)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0646);  // expect: world-writable-permissions
	int fd1 = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0666); // ok: world-writable-permissions (conventional: the umask decides)
	int fd2 = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644); // ok: world-writable-permissions
	int fd3 = open(path, O_RDWR, 0666);                       // ok: world-writable-permissions (no O_CREAT: mode unused)
	int fd4 = openat(AT_FDCWD, path, O_CREAT | O_WRONLY, S_IRUSR | S_IWUSR | S_IWOTH); // expect: world-writable-permissions
	int fd5 = creat(path, 0772);                              // expect: world-writable-permissions
	int fd6 = open(path, O_CREAT | O_WRONLY, configured);     // ok: world-writable-permissions
	close(fd1);
	close(fd2);
	close(fd3);
	close(fd4);
	close(fd5);
	close(fd6);
	return fd;
}

void make_dirs(const char *path)
{
	mkdir(path, SHARED_MODE);            // ok: world-writable-permissions (0777: the umask decides)
	mkdir(path, 0773);                   // expect: world-writable-permissions
	chmod(path, SHARED_MODE);            // expect: world-writable-permissions
	mkdir(path, 0755);                   // ok: world-writable-permissions
	mkdir(path, 01777);                  // ok: world-writable-permissions (sticky shared directory like /tmp)
	mkfifo(path, 0622);                  // expect: world-writable-permissions
	mkfifo(path, 0620);                  // ok: world-writable-permissions
}

void fix_modes(const char *path, int fd)
{
	chmod(path, 0777);                   // expect: world-writable-permissions
	chmod(path, 0755);                   // ok: world-writable-permissions
	fchmod(fd, 0646);                    // expect: world-writable-permissions
	fchmodat(AT_FDCWD, path, 0640, 0);   // ok: world-writable-permissions
}

void masks(void)
{
	umask(0);                            // expect: world-writable-permissions
	umask(020);                          // expect: world-writable-permissions
	umask(022);                          // ok: world-writable-permissions
	umask(077);                          // ok: world-writable-permissions
}

/* umask(0) only to read the mask, which is then set back: the process never runs with it. */
mode_t current_mask(int keep_setid)
{
	mode_t saved = umask(0);             // ok: world-writable-permissions (read, then restored)
	mode_t mask;
	mask = umask(0);                     // ok: world-writable-permissions (read, then restored)
	if (!keep_setid)
		umask(mask | 07000);
	umask(saved);
	return mask;
}

/* Saved but never set back: the process goes on with the open mask. */
mode_t opened_mask(void)
{
	mode_t old = umask(0);               // expect: world-writable-permissions
	return old;
}
