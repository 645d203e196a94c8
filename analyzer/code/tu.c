/* tu.c - the context of one translation unit being walked: its files (project or not, paths, bytes) and locations */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <clang-c/Index.h>
#include "code/cx.h"
#include "code/tu.h"
#include "code/tu_int.h"
#include "common/util.h"

/* ---- small utilities ---- */

char *cvet_tu__dup(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	char *d = malloc(n + 1);
	if (d) {
		if (n)
			memcpy(d, s, n);
		d[n] = '\0';
	}
	return d;
}

/* malloc'd printf; NULL on OOM. Newlines and other control characters become spaces; cut at `max` bytes. */
char *cvet_tu__vformat_line(size_t max, const char *fmt, va_list ap)
{
	va_list cp;
	int n;
	char *s;
	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		return cvet_tu__dup("");
	if ((size_t)n > max)
		n = (int)max;
	s = malloc((size_t)n + 1);
	if (!s)
		return NULL;
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	for (char *p = s; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = ' ';
	return s;
}

char *cvet_tu__format_line(size_t max, const char *fmt, ...)
{
	va_list ap;
	char *s;
	va_start(ap, fmt);
	s = cvet_tu__vformat_line(max, fmt, ap);
	va_end(ap);
	return s;
}

/* Cut s at max bytes without splitting a UTF-8 sequence. */
void cvet_tu__cut_utf8(char *s, size_t max)
{
	size_t n = strlen(s);
	if (n <= max)
		return;
	n = max;
	while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;
	s[n] = '\0';
}

/* Join dir and a relative path (malloc'd); a copy of path when it is absolute or dir is NULL. */
char *cvet_tu__join_path(const char *dir, const char *path)
{
	size_t a, b;
	char *s;
	if (!path)
		return NULL;
	if (path[0] == '/' || !dir || !*dir)
		return cvet_tu__dup(path);
	a = strlen(dir);
	b = strlen(path);
	s = malloc(a + b + 2);
	if (!s)
		return NULL;
	memcpy(s, dir, a);
	s[a] = '/';
	memcpy(s + a + 1, path, b + 1);
	return s;
}


/* Report path of an absolute path: relative to report_root when under it, else absolute (malloc'd). */
char *cvet_tu__report_path(const cvet_walk_options *opts, const char *abs)
{
	const char *r = opts ? opts->report_root : NULL;
	if (r && *r && cvet_util__path_under(abs, r)) {
		size_t n = strlen(r);
		while (n > 1 && r[n - 1] == '/')
			n--;
		if (n == 1 && r[0] == '/')
			return cvet_tu__dup(abs + 1);
		if (abs[n] == '/' && abs[n + 1])
			return cvet_tu__dup(abs + n + 1);
	}
	return cvet_tu__dup(abs);
}

/* Absolute real path of a libclang file (malloc'd), or NULL. */
static char *file_real_path(cvet_tu *tu, CXFile f)
{
	char *name = cx_str(clang_File_tryGetRealPathName(f)), *joined, *real;
	if (name && name[0] == '/') {
		real = realpath(name, NULL);
		if (real) {
			free(name);
			return real;
		}
		return name;
	}
	free(name);
	name = cx_str(clang_getFileName(f));
	if (!name || !*name) {
		free(name);
		return NULL;
	}
	joined = cvet_tu__join_path(tu->directory, name);
	free(name);
	if (!joined)
		return NULL;
	real = realpath(joined, NULL);
	if (real) {
		free(joined);
		return real;
	}
	return joined;
}

/* ---- the per-file cache ---- */

static size_t hash_ptr(const void *p, size_t cap)
{
	uintptr_t x = (uintptr_t)p;
	x ^= x >> 17;
	x *= (uintptr_t)0x9E3779B97F4A7C15ull;
	x ^= x >> 29;
	return (size_t)x & (cap - 1);
}

static int files_grow(cvet_tu *tu)
{
	size_t ncap = tu->capfiles ? tu->capfiles * 2 : 64;
	file_entry *n = calloc(ncap, sizeof(*n));
	if (!n)
		return -1;
	for (size_t i = 0; i < tu->capfiles; i++) {
		if (!tu->files[i].file)
			continue;
		size_t h = hash_ptr(tu->files[i].file, ncap);
		while (n[h].file)
			h = (h + 1) & (ncap - 1);
		n[h] = tu->files[i];
	}
	free(tu->files);
	tu->files = n;
	tu->capfiles = ncap;
	return 0;
}

/* The cache entry for f (created on first use), or NULL on OOM / a NULL file. */
file_entry *cvet_tu__file_get(cvet_tu *tu, CXFile f)
{
	size_t h;
	file_entry *e;
	if (!f)
		return NULL;
	if (tu->capfiles) {
		h = hash_ptr(f, tu->capfiles);
		while (tu->files[h].file) {
			if (tu->files[h].file == f)
				return &tu->files[h];
			h = (h + 1) & (tu->capfiles - 1);
		}
	}
	if ((tu->nfiles + 1) * 2 > tu->capfiles && files_grow(tu) < 0) {
		tu->oom = 1;
		return NULL;
	}
	h = hash_ptr(f, tu->capfiles);
	while (tu->files[h].file)
		h = (h + 1) & (tu->capfiles - 1);
	e = &tu->files[h];
	e->file = f;
	tu->nfiles++;
	/* decide once: system headers are never project files, whatever their path (and need no realpath) */
	{
		CXSourceLocation l = clang_getLocationForOffset(tu->cx, f, 0);
		int system = clang_Location_isInSystemHeader(l);
		e->real = system ? NULL : file_real_path(tu, f);
		e->project = 0;
		if (!system && e->real && tu->opts) {
			for (size_t i = 0; i < tu->opts->nroots; i++)
				if (cvet_util__path_under(e->real, tu->opts->roots[i])) {
					e->project = 1;
					break;
				}
		}
		if (e->project) {
			e->rel = cvet_tu__report_path(tu->opts, e->real);
			if (!e->rel) {
				tu->oom = 1;
				e->project = 0;
			}
		}
	}
	return e;
}

const char *cvet_tu__file_text(cvet_tu *tu, CXFile file, size_t *len)
{
	file_entry *e = tu ? cvet_tu__file_get(tu, file) : NULL;
	*len = 0;
	if (!e)
		return NULL;
	if (!e->has_text) {
		e->text = clang_getFileContents(tu->cx, file, &e->len);
		if (!e->text)
			e->len = 0;
		e->has_text = 1;
	}
	*len = e->len;
	return e->text;
}

void cvet_tu__files_free(cvet_tu *tu)
{
	for (size_t i = 0; i < tu->capfiles; i++) {
		free(tu->files[i].real);
		free(tu->files[i].rel);
	}
	free(tu->files);
	tu->files = NULL;
	tu->capfiles = tu->nfiles = 0;
}

/* Expansion file of a location, or NULL. */
CXFile cvet_tu__expansion_file(CXSourceLocation l, unsigned *line, unsigned *col, unsigned *off)
{
	CXFile f = NULL;
	clang_getExpansionLocation(l, &f, line, col, off);
	return f;
}

/* ---- locations ---- */

/*
 * Resolve the cursor to a location in a project file: the file location of its extent start (where a macro
 * argument was written, or the expansion site of a macro body), else the expansion location. Fills loc
 * (path malloc'd) and returns 1; 0 when neither is in a project file (or on OOM).
 */
int cvet_tu__cursor_location(cvet_tu *tu, CXCursor c, cvet_location *loc)
{
	CXSourceRange r = clang_getCursorExtent(c);
	CXSourceLocation start = clang_getRangeStart(r), end = clang_getRangeEnd(r);
	CXFile f = NULL, ef = NULL;
	unsigned line = 0, col = 0, eline = 0, ecol = 0;
	file_entry *e;
	int by_expansion = 0;

	if (clang_Range_isNull(r))
		start = end = clang_getCursorLocation(c);
	clang_getFileLocation(start, &f, &line, &col, NULL);
	e = cvet_tu__file_get(tu, f);
	if (!e || !e->project) {
		f = cvet_tu__expansion_file(start, &line, &col, NULL);
		e = cvet_tu__file_get(tu, f);
		by_expansion = 1;
		if (!e || !e->project)
			return 0;
	}
	memset(loc, 0, sizeof(*loc));
	loc->path = cvet_tu__dup(e->rel);
	if (!loc->path) {
		tu->oom = 1;
		return 0;
	}
	loc->line = line;
	loc->column = col;
	if (by_expansion)
		clang_getExpansionLocation(end, &ef, &eline, &ecol, NULL);
	else
		clang_getFileLocation(end, &ef, &eline, &ecol, NULL);
	if (ef && clang_File_isEqual(ef, f) && (eline > line || (eline == line && ecol >= col))) {
		loc->end_line = eline;
		loc->end_column = ecol;
	}
	return 1;
}

const char *cvet_tu_where(cvet_tu *tu, CXCursor c, unsigned *line, unsigned *column, int *in_macro)
{
	CXSourceLocation at = clang_getCursorLocation(c);
	CXSourceRange r = clang_getCursorExtent(c);
	CXFile f = NULL;
	unsigned l = 0, col = 0;
	file_entry *e;
	if (!clang_Range_isNull(r))
		at = clang_getRangeStart(r);
	clang_getFileLocation(at, &f, &l, &col, NULL);
	e = cvet_tu__file_get(tu, f);
	if (in_macro)
		*in_macro = 0;
	if (!e || !e->project) {
		f = cvet_tu__expansion_file(at, &l, &col, NULL);
		e = cvet_tu__file_get(tu, f);
		if (in_macro)
			*in_macro = 1;
		if (!e || !e->project)
			return NULL;
	}
	*line = l;
	*column = col;
	return e->rel;
}

int cvet_tu_in_project(cvet_tu *tu, CXCursor c)
{
	file_entry *e;
	if (!tu || cx_is_null(c))
		return 0;
	e = cvet_tu__file_get(tu, cvet_tu__expansion_file(clang_getCursorLocation(c), NULL, NULL, NULL));
	return e && e->project;
}

CXTranslationUnit cvet_tu_cx(cvet_tu *tu)
{
	return tu ? tu->cx : NULL;
}
