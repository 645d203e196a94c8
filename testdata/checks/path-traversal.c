/* Fixture for path-traversal: file names that arrive over the network, from stdin or from a file. */
#define _GNU_SOURCE /* realpath, openat */
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

#define SPOOL "/var/spool/fx/"

/* The requested name goes straight into fopen. */
FILE *serve_file(int sock)
{
	char name[128];
	ssize_t n = recv(sock, name, sizeof name - 1, 0);
	if (n <= 0)
		return NULL;
	name[n] = '\0';
	return fopen(name, "r");  // expect: path-traversal
}

/* Prefixing a directory does not help: "../../etc/passwd" climbs out of it. */
int remove_job(void)
{
	char job[64];
	char path[128];
	if (!fgets(job, sizeof job, stdin))
		return -1;
	job[strcspn(job, "\n")] = '\0';
	snprintf(path, sizeof path, SPOOL "%s", job);
	return unlink(path);  // expect: path-traversal
}

/* Both paths of a rename count. */
int rename_upload(FILE *index)
{
	char from[64], to[64];
	if (fscanf(index, "%63s %63s", from, to) != 2)
		return -1;
	return rename("/tmp/upload.part", to);  // expect: path-traversal
}

/* open() with a name read from a descriptor. */
int open_from_fd(int fd)
{
	char name[256];
	ssize_t n = read(fd, name, sizeof name - 1);
	if (n <= 0)
		return -1;
	name[n] = '\0';
	return open(name, O_RDONLY);  // expect: path-traversal
}

/* A callee that opens its parameter is judged at the callers: the finding is at the sink. */
static int open_log(const char *name)
{
	return open(name, O_WRONLY | O_APPEND);  // expect: path-traversal
}

int log_for_client(int sock)
{
	char who[64];
	ssize_t n = recv(sock, who, sizeof who - 1, 0);
	if (n <= 0)
		return -1;
	who[n] = '\0';
	return open_log(who);
}

int log_default(void)
{
	return open_log("/var/log/fx.log");  // ok: path-traversal (constant name)
}

/* Constant paths, also built from constants only. */
FILE *open_config(int user)
{
	char path[64];
	snprintf(path, sizeof path, "/etc/fx/%s.conf", user ? "user" : "system");
	return fopen(path, "r");  // ok: path-traversal (built from constants)
}

/* A ".." check on the name before use. */
FILE *serve_checked(int sock)
{
	char name[128];
	char path[256];
	ssize_t n = recv(sock, name, sizeof name - 1, 0);
	if (n <= 0)
		return NULL;
	name[n] = '\0';
	if (strstr(name, "..") != NULL)
		return NULL;
	snprintf(path, sizeof path, "/srv/fx/%s", name);
	return fopen(path, "r");  // ok: path-traversal (rejected when it contains "..")
}

/* Canonicalised with realpath and checked against the base directory. */
FILE *serve_canonical(int sock)
{
	char name[128];
	char real[PATH_MAX];
	ssize_t n = recv(sock, name, sizeof name - 1, 0);
	if (n <= 0)
		return NULL;
	name[n] = '\0';
	if (realpath(name, real) == NULL)
		return NULL;
	if (strncmp(real, "/srv/fx/", 8) != 0)
		return NULL;
	return fopen(real, "r");  // ok: path-traversal (canonical path inside the base)
}

/* A plain file name: without a '/' it cannot leave the spool directory. */
int remove_job_checked(void)
{
	char job[64];
	char path[128];
	if (!fgets(job, sizeof job, stdin))
		return -1;
	job[strcspn(job, "\n")] = '\0';
	if (strchr(job, '/') != NULL)
		return -1;
	snprintf(path, sizeof path, SPOOL "%s", job);
	return unlink(path);  // ok: path-traversal (no '/' in the name)
}

/* Only letters and digits. */
int open_from_fd_checked(int fd)
{
	char name[64];
	ssize_t n = read(fd, name, sizeof name - 1);
	if (n <= 0)
		return -1;
	name[n] = '\0';
	if (name[strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789")] != '\0')
		return -1;
	return open(name, O_RDONLY);  // ok: path-traversal (allow-list without '/' and '.')
}

/* The tainted open sits in a branch a constant switches off. */
#define ALLOW_RAW_NAMES 0
int open_raw(int sock)
{
	char name[64];
	ssize_t n = recv(sock, name, sizeof name - 1, 0);
	if (n <= 0)
		return -1;
	name[n] = '\0';
	if (ALLOW_RAW_NAMES)
		return open(name, O_RDONLY);  // ok: path-traversal (dead: ALLOW_RAW_NAMES is 0)
	return -1;
}

/* Command-line arguments are not attacker data in an unprivileged program. */
int main(int argc, char **argv)
{
	FILE *f;
	if (argc < 2)
		return 1;
	f = fopen(argv[1], "r");  // ok: path-traversal (argv of an unprivileged program)
	if (f)
		fclose(f);
	return serve_file(0) != NULL;
}
