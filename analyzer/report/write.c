/* write.c - report writer dispatch, format names, atomic output files and helpers shared by the writers */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>
#include "cvet/report.h"
#include "report/write.h"

/* Source files larger than this are only read up to here for display (lines past it show no source). */
#define SRC_MAX_BYTES (16u * 1024u * 1024u)

static const struct {
	const char *name;
	cvet_format fmt;
} format_names[] = {
	{"text", CVET_FMT_TEXT}, {"gcc", CVET_FMT_GCC},           {"json", CVET_FMT_JSON},
	{"sarif", CVET_FMT_SARIF}, {"markdown", CVET_FMT_MARKDOWN}, {"md", CVET_FMT_MARKDOWN},
};

int cvet_format_parse(const char *name, cvet_format *out)
{
	for (size_t i = 0; name && i < sizeof(format_names) / sizeof(format_names[0]); i++) {
		if (strcmp(name, format_names[i].name) == 0) {
			*out = format_names[i].fmt;
			return 0;
		}
	}
	return cvet_error_setc(CVET_EUSAGE, "unknown format '%s' (expected text, gcc, json, sarif or markdown)",
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

int cvet_report_write_file(const cvet_report *r, cvet_format fmt, const char *path, const cvet_write_options *opts)
{
	int special;
	static const char suffix[] = ".cvet-tmp-XXXXXX";
	char *tmp = NULL;
	FILE *f = NULL;
	int fd = -1, created = 0, error = 0, err;
	size_t n;

	if (!r || !path || !*path)
		return cvet_error_setc(CVET_EUSAGE, "no report or output path to write");
	if (strcmp(path, "-") == 0)
		return cvet_report_write(r, fmt, stdout, opts);
	if ((special = open_special(path)) >= 0)
		return write_special(r, fmt, special, path, opts);

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

/* ---- helpers shared by the writers ---- */

const char *cvet_write__path(const cvet_location *l)
{
	return l && l->path && *l->path ? l->path : "<unknown>";
}

const char *cvet_write__level(cvet_severity s)
{
	switch (s) {
	case CVET_SEV_CRITICAL:
	case CVET_SEV_HIGH: return "error";
	case CVET_SEV_MEDIUM:
	case CVET_SEV_LOW: return "warning";
	default: return "note";
	}
}

size_t cvet_write__utf8_seq(const unsigned char *s, size_t avail, unsigned *cp)
{
	unsigned c, v, min;
	size_t n, i;

	if (avail == 0)
		return 0;
	c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if (c >= 0xc2 && c <= 0xdf) {
		n = 2, v = c & 0x1f, min = 0x80;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3, v = c & 0x0f, min = 0x800;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4, v = c & 0x07, min = 0x10000;
	} else {
		return 0;
	}
	if (avail < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		v = (v << 6) | (s[i] & 0x3f);
	}
	if (v < min || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
		return 0;
	*cp = v;
	return n;
}

/* Code points a terminal must not receive from untrusted text: C1 controls and bidi controls (Trojan Source). */
int cvet_write__unsafe_cp(unsigned cp)
{
	return (cp >= 0x80 && cp <= 0x9f) || cp == 0x061c || cp == 0x200e || cp == 0x200f ||
	       (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

void cvet_write__term_n(FILE *out, const char *s, size_t len, int keep_tabs)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, n;
	unsigned cp;

	if (!s)
		return;
	while (i < len) {
		unsigned char c = p[i];
		if (c < 0x80) {
			if ((c < 0x20 && !(keep_tabs && c == '\t')) || c == 0x7f)
				c = '?';
			putc(c, out);
			i++;
			continue;
		}
		n = cvet_write__utf8_seq(p + i, len - i, &cp);
		if (n == 0 || cvet_write__unsafe_cp(cp)) {
			putc('?', out);
			i += n ? n : 1;
			continue;
		}
		fwrite(p + i, 1, n, out);
		i += n;
	}
}

void cvet_write__term(FILE *out, const char *s, int keep_tabs)
{
	if (s)
		cvet_write__term_n(out, s, strlen(s), keep_tabs);
}

const char *cvet_write__cve(const cvet_dep_info *d)
{
	if (!d)
		return NULL;
	if (d->advisory_id && strncmp(d->advisory_id, "CVE-", 4) == 0)
		return d->advisory_id;
	for (size_t i = 0; i < d->naliases; i++)
		if (d->aliases[i] && strncmp(d->aliases[i], "CVE-", 4) == 0)
			return d->aliases[i];
	return NULL;
}

char *cvet_write__dep_message(const cvet_finding *f)
{
	const cvet_dep_info *d = f->dep;
	const char *cve, *adv;
	char *buf = NULL;
	size_t len = 0;
	FILE *m;

	if (!d || !d->package)
		return strdup(f->message ? f->message : "");
	if (!(m = open_memstream(&buf, &len)))
		return NULL;
	adv = d->advisory_id ? d->advisory_id : f->rule_id;
	cve = cvet_write__cve(d);
	fprintf(m, "%s %s%s is affected by %s (", d->package, d->version ? d->version : "(unknown version)",
		d->build_only ? " (build-only)" : "", cve ? cve : adv ? adv : "an advisory");
	if (cve && adv && strcmp(cve, adv) != 0)
		fprintf(m, "%s, ", adv);
	fputs(cvet_severity_name(f->severity), m);
	if (d->score >= 0)
		fprintf(m, " %.1f", d->score);
	fputs(")", m);
	if (d->upgrade_to)
		fprintf(m, "; upgrade to %s", d->upgrade_to);
	else
		fputs("; no fixed version known", m);
	if (d->approximate)
		fputs(" (approximate version range)", m);
	if (fclose(m) != 0) {
		free(buf);
		return NULL;
	}
	return buf;
}

void cvet_write__count(const cvet_report *r, size_t counts[CVET_SEV_CRITICAL + 1])
{
	for (int s = 0; s <= CVET_SEV_CRITICAL; s++)
		counts[s] = 0;
	for (size_t i = 0; i < r->nfindings; i++) {
		cvet_severity s = r->findings[i]->severity;
		if ((unsigned)s <= CVET_SEV_CRITICAL)
			counts[s]++;
	}
}

void cvet_write__srccache_clear(cvet_srccache *c)
{
	free(c->path);
	free(c->text);
	free(c->starts);
	memset(c, 0, sizeof(*c));
}

/* Read up to SRC_MAX_BYTES of a regular file; 0 or -1. Never blocks on FIFOs or devices. */
static int load_source(cvet_srccache *c, const char *root, const char *path)
{
	char *full = NULL, *text = NULL;
	size_t cap = 0, len = 0, nl = 0, *starts;
	struct stat st;
	int fd = -1, rc = -1;

	if (path[0] == '/' || !root || !*root) {
		full = strdup(path);
	} else {
		size_t rl = strlen(root), pl = strlen(path);
		if ((full = malloc(rl + pl + 2))) {
			memcpy(full, root, rl);
			full[rl] = '/';
			memcpy(full + rl + 1, path, pl + 1);
		}
	}
	if (!full)
		goto done;
	if ((fd = open(full, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)) < 0)
		goto done;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
		goto done;
	cap = st.st_size > 0 && (unsigned long long)st.st_size < SRC_MAX_BYTES ? (size_t)st.st_size : SRC_MAX_BYTES;
	if (!(text = malloc(cap + 1)))
		goto done;
	while (len < cap) {
		ssize_t got = read(fd, text + len, cap - len);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			break;
		len += (size_t)got;
	}
	text[len] = '\0';
	for (size_t i = 0; i < len; i++)
		nl += text[i] == '\n';
	if (!(starts = calloc(nl + 1, sizeof(*starts))))
		goto done;
	c->nlines = 0;
	starts[c->nlines++] = 0;
	for (size_t i = 0; i < len; i++)
		if (text[i] == '\n' && i + 1 < len)
			starts[c->nlines++] = i + 1;
	c->starts = starts;
	c->text = text;
	c->len = len;
	text = NULL;
	rc = 0;
done:
	if (fd >= 0)
		close(fd);
	free(full);
	free(text);
	return rc;
}

const char *cvet_write__source_line(cvet_srccache *c, const char *root, const char *path, unsigned line,
				    size_t *len)
{
	size_t start, end;

	if (!path || !*path || line == 0)
		return NULL;
	if (!c->path || strcmp(c->path, path) != 0) {
		cvet_write__srccache_clear(c);
		if (!(c->path = strdup(path)))
			return NULL;
		(void)load_source(c, root, path); /* failure is cached as text == NULL */
	}
	if (!c->text || line > c->nlines)
		return NULL;
	start = c->starts[line - 1];
	end = line < c->nlines ? c->starts[line] : c->len;
	while (end > start && (c->text[end - 1] == '\n' || c->text[end - 1] == '\r'))
		end--;
	*len = end - start;
	return c->text + start;
}
