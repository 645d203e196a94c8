/* write.c - report writer dispatch, format names and atomic output files */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>
#include "cvet/report.h"
#include "report/write.h"

static const struct {
	const char *name;
	cvet_format fmt;
} format_names[] = {
	{"text", CVET_FMT_TEXT}, {"gcc", CVET_FMT_GCC},           {"json", CVET_FMT_JSON},
	{"sarif", CVET_FMT_SARIF}, {"markdown", CVET_FMT_MARKDOWN}, {"md", CVET_FMT_MARKDOWN},
	{"codequality", CVET_FMT_CODEQUALITY}, {"gitlab-sast", CVET_FMT_GITLAB_SAST},
	{"gitlab-dependency-scanning", CVET_FMT_GITLAB_DEPENDENCY_SCANNING},
	{"html", CVET_FMT_HTML},
};

int cvet_format_parse(const char *name, cvet_format *out)
{
	for (size_t i = 0; name && i < sizeof(format_names) / sizeof(format_names[0]); i++) {
		if (strcmp(name, format_names[i].name) == 0) {
			*out = format_names[i].fmt;
			return 0;
		}
	}
	return cvet_error_setc(CVET_EUSAGE, "unknown format '%s' (expected text, gcc, json, sarif, markdown, html, "
			       "codequality, gitlab-sast or gitlab-dependency-scanning)",
			       name ? name : "");
}

/* Run the format's writer; returns its result without setting an error message for stream failures. */
static int dispatch(const cvet_report *r, cvet_format fmt, FILE *out, const cvet_write_options *opts)
{
	switch (fmt) {
	case CVET_FMT_TEXT: return cvet_write__text(r, out, opts);
	case CVET_FMT_GCC: return cvet_write__gcc(r, out, opts);
	case CVET_FMT_JSON: return cvet_write__json(r, out, opts);
	case CVET_FMT_SARIF: return cvet_write__sarif(r, out, opts);
	case CVET_FMT_MARKDOWN: return cvet_write__markdown(r, out, opts);
	case CVET_FMT_CODEQUALITY: return cvet_write__codequality(r, out, opts);
	case CVET_FMT_GITLAB_SAST: return cvet_write__gitlab_sast(r, out, opts);
	case CVET_FMT_GITLAB_DEPENDENCY_SCANNING: return cvet_write__gitlab_dependency_scanning(r, out, opts);
	case CVET_FMT_HTML: return cvet_write__html(r, out, opts);
	}
	return cvet_error_setc(CVET_EUSAGE, "unknown output format %d", (int)fmt);
}

/* Why a stream failed. errno is only trusted for errors that writing itself produces: a writer also
 * opens source files, whose failures (ENOENT, ...) must not be blamed on the output. */
static const char *io_reason(int err)
{
	switch (err) {
	case ENOSPC:
	case EDQUOT:
	case EFBIG:
	case EIO:
	case EPIPE:
	case EBADF:
	case EROFS: return strerror(err);
	default: return "output stream error";
	}
}

int cvet_report_write(const cvet_report *r, cvet_format fmt, FILE *out, const cvet_write_options *opts)
{
	cvet_write_options defaults = CVET_WRITE_OPTIONS_INIT;
	int error;

	if (!r || !out)
		return cvet_error_setc(CVET_EUSAGE, "no report or output stream to write");
	if (!opts)
		opts = &defaults;
	errno = 0;
	error = dispatch(r, fmt, out, opts);
	if (error == 0 && (fflush(out) != 0 || ferror(out)))
		error = CVET_EIO;
	if (error == CVET_EIO)
		return cvet_error_setc(CVET_EIO, "cannot write the report: %s", io_reason(errno));
	if (error == CVET_ENOMEM)
		return cvet_error_setc(CVET_ENOMEM, "out of memory while writing the report");
	return error;
}

/* Mode for a new output file: the existing file's permissions, else 0666 minus the umask. */
static mode_t output_mode(const char *path)
{
	struct stat st;
	mode_t mask;

	if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
		return st.st_mode & 07777;
	/* writers run at the end of a scan, single-threaded; reading the umask needs setting it */
	mask = umask(022);
	umask(mask);
	return 0666 & ~mask;
}

/*
 * An existing non-regular output (/dev/null, /dev/stdout, a FIFO, a terminal) must be written in place:
 * the temporary-file-and-rename dance would replace the device node itself with a regular file.
 * Returns an open descriptor for such a target, or -1 when the path is a regular file, a directory
 * or does not exist (the caller then writes atomically). The decision is made on the descriptor
 * (fstat), never on the path, so it cannot be raced.
 */
static int open_special(const char *path)
{
	struct stat st;
	int fd = open(path, O_WRONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0 && errno == ENXIO)
		fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC); /* a FIFO with no reader yet: wait for one */
	if (fd < 0)
		return -1;
	if (fstat(fd, &st) != 0 || S_ISREG(st.st_mode)) {
		close(fd);
		return -1;
	}
	(void)fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	return fd;
}

/* Write the report into fd (an open special file, consumed). */
static int write_special(const cvet_report *r, cvet_format fmt, int fd, const char *path,
			 const cvet_write_options *opts)
{
	int error, err;
	FILE *f;
	if (!(f = fdopen(fd, "w"))) {
		err = errno;
		close(fd);
		return cvet_error_setc(CVET_EIO, "cannot write '%s': %s", path, strerror(err));
	}
	errno = 0;
	error = dispatch(r, fmt, f, opts);
	err = errno;
	if (fflush(f) != 0 || ferror(f)) {
		err = errno;
		if (error == 0)
			error = CVET_EIO;
	}
	if (fclose(f) != 0 && error == 0) {
		err = errno;
		error = CVET_EIO;
	}
	if (error == CVET_ENOMEM)
		return cvet_error_setc(CVET_ENOMEM, "out of memory while writing '%s'", path);
	if (error < 0)
		return cvet_error_setc(CVET_EIO, "cannot write '%s': %s", path, io_reason(err));
	return 0;
}

/*
 * The descriptor a path names when it is one of this process's own: /dev/stdout, /dev/stderr, /dev/fd/N,
 * /proc/self/fd/N. Such a path is a link; when the descriptor is a regular file (`cvet ... -o /dev/stdout >
 * out.json`), the atomic rename would replace the link itself (as root, /dev/stdout), or a fresh open would
 * write from offset 0 over what the descriptor already holds. -1 when the path is no such name.
 */
static int own_descriptor(const char *path)
{
	const char *num = NULL;
	char *end;
	long n;
	if (strcmp(path, "/dev/stdout") == 0)
		return 1;
	if (strcmp(path, "/dev/stderr") == 0)
		return 2;
	if (strncmp(path, "/dev/fd/", 8) == 0)
		num = path + 8;
	else if (strncmp(path, "/proc/self/fd/", 14) == 0)
		num = path + 14;
	if (!num || *num < '0' || *num > '9')
		return -1;
	n = strtol(num, &end, 10);
	return *end || n > 1024 ? -1 : (int)n;
}

int cvet_report_write_file(const cvet_report *r, cvet_format fmt, const char *path, const cvet_write_options *opts)
{
	int special, own;
	static const char suffix[] = ".cvet-tmp-XXXXXX";
	char *tmp = NULL;
	FILE *f = NULL;
	int fd = -1, created = 0, error = 0, err;
	size_t n;

	if (!r || !path || !*path)
		return cvet_error_setc(CVET_EUSAGE, "no report or output path to write");
	if (strcmp(path, "-") == 0)
		return cvet_report_write(r, fmt, stdout, opts);
	if ((own = own_descriptor(path)) >= 0) {
		if (own == 1)
			fflush(stdout);
		if ((special = dup(own)) < 0)
			return cvet_error_setc(CVET_EIO, "cannot write '%s': %s", path, strerror(errno));
		return write_special(r, fmt, special, path, opts);
	}
	if ((special = open_special(path)) >= 0)
		return write_special(r, fmt, special, path, opts);
	/* any other link is replaced, not followed: a link planted in the scanned tree must not steer the write */

	n = strlen(path);
	if (!(tmp = malloc(n + sizeof(suffix))))
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	memcpy(tmp, path, n);
	memcpy(tmp + n, suffix, sizeof(suffix));

	if ((fd = mkstemp(tmp)) < 0) {
		error = cvet_error_setc(CVET_EIO, "cannot create '%s': %s", path, strerror(errno));
		goto done;
	}
	created = 1;
	(void)fchmod(fd, output_mode(path)); /* best effort: mkstemp's 0600 is safe if this fails */
	if (!(f = fdopen(fd, "w"))) {
		error = cvet_error_setc(CVET_EIO, "cannot write '%s': %s", path, strerror(errno));
		goto done;
	}
	fd = -1; /* owned by f now */

	errno = 0;
	error = dispatch(r, fmt, f, opts);
	err = errno;
	if (error == 0 && (fflush(f) != 0 || ferror(f))) {
		err = errno;
		error = CVET_EIO;
	}
	if (error == 0 && fsync(fileno(f)) != 0) {
		err = errno;
		error = CVET_EIO;
	}
	if (error < 0) {
		if (error == CVET_ENOMEM)
			error = cvet_error_setc(CVET_ENOMEM, "out of memory while writing '%s'", path);
		else if (error == CVET_EIO)
			error = cvet_error_setc(CVET_EIO, "cannot write '%s': %s", path, io_reason(err));
		goto done;
	}
	err = fclose(f);
	f = NULL;
	if (err != 0) {
		error = cvet_error_setc(CVET_EIO, "cannot write '%s': %s", path, strerror(errno));
		goto done;
	}
	if (rename(tmp, path) != 0) {
		error = cvet_error_setc(CVET_EIO, "cannot replace '%s': %s", path, strerror(errno));
		goto done;
	}
	created = 0;

done:
	if (f)
		fclose(f);
	if (fd >= 0)
		close(fd);
	if (created)
		unlink(tmp);
	free(tmp);
	return error;
}
