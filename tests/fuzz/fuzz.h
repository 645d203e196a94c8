/* fuzz.h - helpers shared by the fuzz targets (each target is one .c file that includes this once) */
#ifndef CVET_FUZZ_H
#define CVET_FUZZ_H

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A violated property or a broken harness: stop loudly so libFuzzer (or the replay driver) keeps the input. */
#define FUZZ_CHECK(cond)                                                                                   \
	do {                                                                                               \
		if (!(cond)) {                                                                             \
			fprintf(stderr, "%s:%d: fuzz property failed: %s\n", __FILE__, __LINE__, #cond);  \
			abort();                                                                           \
		}                                                                                          \
	} while (0)

/* A malloc'd NUL-terminated copy of the input (the parsers take text with a terminating NUL). */
static inline char *fuzz_text(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	FUZZ_CHECK(s != NULL);
	if (size)
		memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

static char fuzz_root[4096];

/* Remove a scratch tree we made (no symlinks are followed: lstat, then unlink or descend). */
static inline void fuzz_rm_tree(const char *path)
{
	struct stat st;
	if (lstat(path, &st) != 0)
		return;
	if (S_ISDIR(st.st_mode)) {
		DIR *d = opendir(path);
		struct dirent *de;
		while (d && (de = readdir(d)) != NULL) {
			if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
				continue;
			char sub[4200];
			int w = snprintf(sub, sizeof(sub), "%s/%s", path, de->d_name);
			if (w > 0 && (size_t)w < sizeof(sub))
				fuzz_rm_tree(sub);
		}
		if (d)
			closedir(d);
		rmdir(path);
	} else {
		unlink(path);
	}
}

static inline void fuzz_cleanup(void)
{
	if (fuzz_root[0])
		fuzz_rm_tree(fuzz_root);
}

/* A private scratch directory for this process (on tmpfs when there is one), removed at exit. */
static inline const char *fuzz_tmpdir(void)
{
	if (fuzz_root[0])
		return fuzz_root;
	const char *base = getenv("TMPDIR");
	struct stat st;
	if (!base || !*base)
		base = stat("/dev/shm", &st) == 0 && S_ISDIR(st.st_mode) && access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
	snprintf(fuzz_root, sizeof(fuzz_root), "%s/cvet-fuzz-XXXXXX", base);
	FUZZ_CHECK(mkdtemp(fuzz_root) != NULL);
	atexit(fuzz_cleanup);
	return fuzz_root;
}

/* "<scratch>/<rel>" into buf. */
static inline const char *fuzz_path(char *buf, size_t n, const char *rel)
{
	int w = snprintf(buf, n, "%s/%s", fuzz_tmpdir(), rel);
	FUZZ_CHECK(w > 0 && (size_t)w < n);
	return buf;
}

/* mkdir -p of "<scratch>/<rel>". */
static inline void fuzz_mkdirs(const char *rel)
{
	char p[4200];
	fuzz_path(p, sizeof(p), rel);
	for (char *s = p + strlen(fuzz_tmpdir()) + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		FUZZ_CHECK(mkdir(p, 0700) == 0 || errno == EEXIST);
		*s = '/';
	}
	FUZZ_CHECK(mkdir(p, 0700) == 0 || errno == EEXIST);
}

/* Replace "<scratch>/<rel>" with the bytes given (written to a new file, then renamed into place). */
static inline void fuzz_write(const char *rel, const void *data, size_t size)
{
	char p[4200], tmp[4300];
	fuzz_path(p, sizeof(p), rel);
	snprintf(tmp, sizeof(tmp), "%s.new", p);
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	FUZZ_CHECK(fd >= 0);
	const char *d = data;
	while (size > 0) {
		ssize_t w = write(fd, d, size);
		FUZZ_CHECK(w > 0);
		d += w;
		size -= (size_t)w;
	}
	FUZZ_CHECK(close(fd) == 0);
	FUZZ_CHECK(rename(tmp, p) == 0);
}

#endif
