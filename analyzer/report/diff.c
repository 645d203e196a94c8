/* diff.c - unified diff reader and the diff-aware report filter (see diff.h) */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "common/util.h"
#include "report/diff.h"

#define MAX_DIFF_BYTES (256u << 20)

typedef struct span {
	unsigned lo, hi; /* changed lines lo..hi of the new file, inclusive */
} span;

typedef struct dfile {
	char *path;      /* new path, relative */
	span *spans;
	size_t n, cap;
} dfile;

struct cvet_diff {
	dfile *files;
	size_t n, cap;
};

void cvet_diff__free(cvet_diff *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n; i++) {
		free(d->files[i].path);
		free(d->files[i].spans);
	}
	free(d->files);
	free(d);
}

size_t cvet_diff__nfiles(const cvet_diff *d)
{
	return d ? d->n : 0;
}

/* A path from a ---/+++ or rename line: up to a tab (diff -u puts a date there), without a/, b/ or ./. */
static char *take_path(const char *s, size_t len)
{
	const char *tab = memchr(s, '\t', len);
	char *p;
	if (tab)
		len = (size_t)(tab - s);
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\r'))
		len--;
	if (len >= 2 && (s[0] == 'a' || s[0] == 'b') && s[1] == '/') {
		s += 2;
		len -= 2;
	}
	while (len >= 2 && s[0] == '.' && s[1] == '/') {
		s += 2;
		len -= 2;
	}
	if (!len || memchr(s, '\0', len))
		return NULL;
	if (!(p = malloc(len + 1)))
		return NULL;
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

static int add_span(dfile *f, unsigned lo, unsigned hi)
{
	if (f->n && f->spans[f->n - 1].hi + 1 >= lo) { /* hunks come in order: extend the last one */
		if (hi > f->spans[f->n - 1].hi)
			f->spans[f->n - 1].hi = hi;
		return 0;
	}
	if (cvet_util__grow((void **)&f->spans, &f->cap, f->n, sizeof(*f->spans)) < 0)
		return -1;
	f->spans[f->n].lo = lo;
	f->spans[f->n].hi = hi;
	f->n++;
	return 0;
}

/* "@@ -a[,b] +c[,d] @@": the old side's length, the new file's start and length. */
static int hunk_header(const char *s, size_t len, unsigned long *old_count, unsigned long *start, unsigned long *count)
{
	char buf[128], *end;
	unsigned long old_start;
	if (len >= sizeof(buf))
		len = sizeof(buf) - 1;
	memcpy(buf, s, len);
	buf[len] = '\0';
	if (strncmp(buf, "@@ -", 4) != 0)
		return -1;
	errno = 0;
	*old_count = 1;
	old_start = strtoul(buf + 4, &end, 10);
	if (*end == ',')
		*old_count = strtoul(end + 1, &end, 10);
	if (strncmp(end, " +", 2) != 0)
		return -1;
	*start = strtoul(end + 2, &end, 10);
	*count = 1;
	if (*end == ',')
		*count = strtoul(end + 1, &end, 10);
	(void)old_start;
	if (errno || strncmp(end, " @@", 3) != 0 || *start > UINT32_MAX || *count > UINT32_MAX || *old_count > UINT32_MAX)
		return -1;
	return 0;
}

int cvet_diff__parse(const char *text, size_t len, const char *what, cvet_diff **out)
{
	cvet_diff *d = calloc(1, sizeof(*d));
	dfile *cur = NULL;
	size_t at = 0, lineno = 0;
	unsigned long new_line = 0, new_left = 0, old_left = 0;
	int error = 0;

	*out = NULL;
	if (!d)
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	if (len > MAX_DIFF_BYTES) {
		cvet_diff__free(d);
		return cvet_error_setc(CVET_ELIMIT, "%s is larger than %u MiB", what, MAX_DIFF_BYTES >> 20);
	}
	while (at < len) {
		const char *s = text + at, *nl = memchr(s, '\n', len - at);
		size_t n = nl ? (size_t)(nl - s) : len - at;
		at += n + (nl ? 1 : 0);
		lineno++;
		if (new_left || old_left) { /* inside a hunk */
			if (n && s[0] == '+') {
				if (!new_left)
					goto bad;
				if (cur && add_span(cur, (unsigned)new_line, (unsigned)new_line) < 0)
					goto oom;
				new_line++;
				new_left--;
			} else if (n && s[0] == '-') {
				if (!old_left)
					goto bad;
				/* a deletion touches the lines on either side of it */
				if (cur && add_span(cur, new_line > 1 ? (unsigned)new_line - 1 : 1, (unsigned)new_line) < 0)
					goto oom;
				old_left--;
			} else if (n == 0 || s[0] == ' ') {
				if (!new_left || !old_left)
					goto bad;
				new_line++;
				new_left--;
				old_left--;
			} else if (s[0] == '\\') {
				/* "\ No newline at end of file" */
			} else {
				goto bad;
			}
			continue;
		}
		if (n >= 4 && strncmp(s, "+++ ", 4) == 0) {
			char *path = take_path(s + 4, n - 4);
			if (!path && !(n >= 13 && strncmp(s + 4, "/dev/null", 9) == 0))
				goto bad;
			cur = NULL;
			if (!path || strcmp(path, "/dev/null") == 0) { /* a deleted file: nothing left to report on */
				free(path);
				continue;
			}
			for (size_t i = 0; i < d->n && !cur; i++)
				if (strcmp(d->files[i].path, path) == 0)
					cur = &d->files[i];
			if (cur) {
				free(path);
				continue;
			}
			if (cvet_util__grow((void **)&d->files, &d->cap, d->n, sizeof(*d->files)) < 0) {
				free(path);
				goto oom;
			}
			cur = &d->files[d->n++];
			memset(cur, 0, sizeof(*cur));
			cur->path = path;
		} else if (n >= 2 && strncmp(s, "@@", 2) == 0) {
			unsigned long start, count;
			if (hunk_header(s, n, &old_left, &start, &count) < 0)
				goto bad;
			new_line = start ? start : 1;
			new_left = count;
			if (!cur && (old_left || new_left) && start) /* a hunk before any +++: not a unified diff */
				goto bad;
		}
		/* every other line (diff --git, index, ---, rename from/to, mode changes) says nothing we need */
	}
	if (new_left || old_left) {
		error = cvet_error_setc(CVET_EPARSE, "%s: the last hunk is cut short", what);
		cvet_diff__free(d);
		return error;
	}
	*out = d;
	return 0;
bad:
	cvet_diff__free(d);
	return cvet_error_setc(CVET_EPARSE, "%s: line %zu: not a unified diff line", what, lineno);
oom:
	cvet_diff__free(d);
	return cvet_error_setc(CVET_ENOMEM, "out of memory");
}

int cvet_diff__load(const char *path, cvet_diff **out)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : cvet_util__open_regular(path);
	char *buf = NULL;
	size_t n = 0, cap = 0;
	int error;
	*out = NULL;
	if (!f)
		return cvet_error_setc(CVET_EIO, "cannot read diff '%s': %s", path, strerror(errno));
	for (;;) {
		size_t k;
		if (n == cap) {
			char *nb;
			if (cap > MAX_DIFF_BYTES) {
				error = cvet_error_setc(CVET_ELIMIT, "diff '%s' is larger than %u MiB", path, MAX_DIFF_BYTES >> 20);
				goto done;
			}
			cap = cap ? cap * 2 : 65536;
			if (!(nb = realloc(buf, cap))) {
				error = cvet_error_setc(CVET_ENOMEM, "out of memory");
				goto done;
			}
			buf = nb;
		}
		k = fread(buf + n, 1, cap - n, f);
		n += k;
		if (k == 0)
			break;
	}
	if (ferror(f)) {
		error = cvet_error_setc(CVET_EIO, "cannot read diff '%s': %s", path, strerror(errno));
		goto done;
	}
	{
		char what[300];
		snprintf(what, sizeof(what), "diff '%.256s'", path);
		error = cvet_diff__parse(buf ? buf : "", n, what, out);
	}
done:
	if (f != stdin)
		fclose(f);
	free(buf);
	return error;
}

static const dfile *find_file(const cvet_diff *d, const char *path)
{
	if (!path)
		return NULL;
	while (path[0] == '.' && path[1] == '/')
		path += 2;
	for (size_t i = 0; i < d->n; i++)
		if (strcmp(d->files[i].path, path) == 0)
			return &d->files[i];
	return NULL;
}

static int on_changed_line(const cvet_diff *d, const cvet_location *l)
{
	const dfile *f = find_file(d, l->path);
	unsigned hi = l->end_line > l->line ? l->end_line : l->line;
	if (!f)
		return 0;
	for (size_t i = 0; i < f->n; i++)
		if (f->spans[i].lo <= hi && l->line <= f->spans[i].hi)
			return 1;
	return 0;
}

static int touched(const cvet_diff *d, const cvet_finding *f)
{
	if (!f->loc.path)
		return 1;
	if (f->kind == CVET_KIND_DEPENDENCY)
		return find_file(d, f->loc.path) != NULL;
	if (on_changed_line(d, &f->loc))
		return 1;
	for (size_t i = 0; i < f->nsteps; i++)
		if (f->steps[i].path && on_changed_line(d, &f->steps[i]))
			return 1;
	return 0;
}

int cvet_diff__apply(const cvet_diff *d, cvet_report *r, size_t *removed)
{
	size_t keep = 0, gone = 0;
	for (size_t i = 0; i < r->nfindings; i++) {
		if (touched(d, r->findings[i])) {
			r->findings[keep++] = r->findings[i];
		} else {
			cvet_finding_free(r->findings[i]);
			gone++;
		}
	}
	r->nfindings = keep;
	if (removed)
		*removed = gone;
	if (gone && cvet_report_add_note(r, "diff-aware scan: %zu finding%s not on a changed line or manifest %s left out",
					 gone, gone == 1 ? "" : "s", gone == 1 ? "was" : "were") < 0)
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	return 0;
}
