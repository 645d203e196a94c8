/* discover.c - find C/C++ sources and headers under the scanned directories (no symlink escapes, no build dirs) */
#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "scan/discover.h"
#include "scan/jobs.h"

#define MAX_DEPTH 64          /* directory nesting */
#define MAX_FILES 200000      /* sources + headers per scan */
#define MAX_INCDIRS 64        /* -I<include dir> flags added by default */
#define MAX_SKIP_NOTES 20     /* notes naming a skipped directory or link; the rest are counted */

typedef struct walk_ctx {
	const char *report_root;
	const char *const *roots;
	size_t nroots;
	const char *const *globs;
	size_t nglobs;
	const char *scan_root;
	cvet_jobs *jobs;
	cvet_strv *incdirs;
	cvet_report *report;
	int hit_files;   /* stopped at MAX_FILES */
	int hit_depth;   /* skipped directories nested deeper than MAX_DEPTH */
	size_t skipped;  /* unreadable directories and links out of the roots, noted or counted */
	int oom;
} walk_ctx;

int cvet_discover__source_kind(const char *path)
{
	static const char *const sources[] = {".c", ".cc", ".cpp", ".cxx", ".c++", ".C"};
	static const char *const headers[] = {".h", ".hh", ".hpp", ".hxx", ".h++"};
	const char *dot = strrchr(path, '.');
	if (!dot || strchr(dot, '/'))
		return 0;
	for (size_t i = 0; i < sizeof(sources) / sizeof(sources[0]); i++)
		if (strcmp(dot, sources[i]) == 0)
			return 1;
	for (size_t i = 0; i < sizeof(headers) / sizeof(headers[0]); i++)
		if (strcmp(dot, headers[i]) == 0)
			return 2;
	return 0;
}

int cvet_discover__excluded(const char *rel, const char *const *globs, size_t nglobs)
{
	char comp[256];

	if (!rel || nglobs == 0)
		return 0;
	for (size_t g = 0; g < nglobs; g++) {
		const char *p = rel, *pat = globs[g];
		char norm[1024];
		size_t n;
		/* "./vendor/" means the same as "vendor" */
		while (pat[0] == '.' && pat[1] == '/')
			pat += 2;
		n = strlen(pat);
		while (n > 1 && pat[n - 1] == '/')
			n--;
		if (n == 0 || n >= sizeof(norm))
			continue;
		memcpy(norm, pat, n);
		norm[n] = '\0';
		pat = norm;
		if (fnmatch(pat, rel, 0) == 0)
			return 1;
		/* each component on its own: "build*" excludes build-asan/ wherever it sits */
		while (*p) {
			const char *slash = strchr(p, '/');
			size_t len = slash ? (size_t)(slash - p) : strlen(p);
			if (len > 0 && len < sizeof(comp)) {
				memcpy(comp, p, len);
				comp[len] = '\0';
				if (fnmatch(pat, comp, 0) == 0)
					return 1;
			}
			if (!slash)
				break;
			p = slash + 1;
		}
	}
	return 0;
}

int cvet_discover__skipped_name(const char *name)
{
	/* version control, build output, and quilt's .pc (backup copies of every patched file, which
	 * would repeat each finding once per patch in an unpacked Debian source package) */
	static const char *const names[] = {".git", ".hg", ".svn", ".bzr", "CVS", "_darcs", ".jj", ".pc",
					    "build", "out", "node_modules", ".cache"};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(name, names[i]) == 0)
			return 1;
	return strncmp(name, "cmake-build-", 12) == 0;
}

/* Directories never descended into: version control and build output. */
static int skip_dir(const char *name, const char *path)
{
	char probe[4096];
	struct stat st;

	if (cvet_discover__skipped_name(name))
		return 1;
	/* any CMake build tree, whatever it is called */
	if ((size_t)snprintf(probe, sizeof(probe), "%s/CMakeCache.txt", path) < sizeof(probe) &&
	    lstat(probe, &st) == 0 && S_ISREG(st.st_mode))
		return 1;
	return 0;
}

static int in_roots(const walk_ctx *c, const char *real)
{
	for (size_t i = 0; i < c->nroots; i++)
		if (cvet_jobs__path_under(real, c->roots[i]))
			return 1;
	return 0;
}

/* 1 when the path (report-relative or relative to the scanned directory) is excluded. */
static int excluded(const walk_ctx *c, const char *abs)
{
	char *rel = cvet_jobs__report_path(c->report_root, abs);
	int ex;
	if (!rel) {
		((walk_ctx *)c)->oom = 1;
		return 1;
	}
	ex = cvet_discover__excluded(rel, c->globs, c->nglobs);
	free(rel);
	if (!ex && c->scan_root && cvet_jobs__path_under(abs, c->scan_root) && strcmp(abs, c->scan_root) != 0) {
		size_t n = strlen(c->scan_root);
		const char *sub = abs + n + (c->scan_root[n - 1] == '/' ? 0 : 1);
		ex = cvet_discover__excluded(sub, c->globs, c->nglobs);
	}
	return ex;
}

/*
 * Note a directory or link the walk could not or would not enter (fmt takes its report path, then
 * `why`); past MAX_SKIP_NOTES they are only counted, for one closing note.
 */
static void note_skipped(walk_ctx *c, const char *fmt, const char *abs, const char *why)
{
	char *rel;
	if (!c->report || c->skipped++ >= MAX_SKIP_NOTES)
		return;
	if (!(rel = cvet_jobs__report_path(c->report_root, abs))) {
		c->oom = 1;
		return;
	}
	if (cvet_report_add_note(c->report, fmt, rel, why) < 0)
		c->oom = 1;
	free(rel);
}

/* 1 for names of links that routinely point out of a tree and are not sources (Bazel's output trees). */
static int usual_outside_link(const char *name)
{
	return cvet_discover__skipped_name(name) || strncmp(name, "bazel-", 6) == 0;
}

static void add_file(walk_ctx *c, const char *abs, int kind)
{
	cvet_job *j;
	if (c->jobs->n >= MAX_FILES) {
		c->hit_files = 1;
		return;
	}
	if (!(j = cvet_jobs__add(c->jobs)) || !(j->file = cvet_jobs__join(NULL, abs)) ||
	    !(j->rel = cvet_jobs__report_path(c->report_root, abs))) {
		c->oom = 1;
		return;
	}
	j->header = kind == 2;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void walk_dir(walk_ctx *c, const char *dir, unsigned depth)
{
	DIR *d;
	struct dirent *e;
	cvet_strv names = {0};

	if (depth > MAX_DEPTH) {
		c->hit_depth = 1;
		return;
	}
	if (!(d = opendir(dir))) {
		/* skipped with a note, as find(1) would report it and go on */
		note_skipped(c, "could not scan directory '%s': cannot read it (%s)", dir, strerror(errno));
		return;
	}
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (cvet_strv__push(&names, e->d_name) < 0) {
			c->oom = 1;
			break;
		}
	}
	closedir(d);
	/* sorted, so that discovery order (and the progress counter) is the same on every file system */
	if (names.n)
		qsort(names.v, names.n, sizeof(names.v[0]), cmp_str);

	for (size_t i = 0; i < names.n && !c->oom; i++) {
		const char *name = names.v[i];
		char *path = cvet_jobs__join(dir, name), *real = NULL;
		struct stat st;
		int kind;

		if (!path) {
			c->oom = 1;
			break;
		}
		if (lstat(path, &st) != 0)
			goto next;
		if (S_ISLNK(st.st_mode)) {
			/* a symlinked file counts only when it resolves inside the scanned roots; linked
			 * directories are never followed (no escapes, no cycles); one pointing out of the
			 * roots, or a source that does, gets a note so that nothing is skipped silently */
			int inside;
			if (!(real = realpath(path, NULL)) || stat(real, &st) != 0)
				goto next; /* dangling: nothing to scan */
			inside = in_roots(c, real);
			if (S_ISDIR(st.st_mode) && !inside && !usual_outside_link(name) && !excluded(c, path))
				note_skipped(c, "did not follow '%s': %s", path,
					     "a symbolic link to a directory outside the scanned paths");
			else if (S_ISREG(st.st_mode) && !inside && cvet_discover__source_kind(name) && !excluded(c, path))
				note_skipped(c, "did not scan '%s': %s", path,
					     "a symbolic link to a file outside the scanned paths");
			if (!S_ISREG(st.st_mode) || !inside)
				goto next;
		}
		if (S_ISDIR(st.st_mode)) {
			if (skip_dir(name, path) || excluded(c, path))
				goto next;
			if (strcmp(name, "include") == 0 && c->incdirs->n < MAX_INCDIRS &&
			    !cvet_strv__contains(c->incdirs, path) && cvet_strv__push(c->incdirs, path) < 0) {
				c->oom = 1;
				goto next;
			}
			walk_dir(c, path, depth + 1);
		} else if (S_ISREG(st.st_mode) && (kind = cvet_discover__source_kind(name)) != 0) {
			if (!excluded(c, path))
				add_file(c, real ? real : path, kind);
		}
	next:
		free(real);
		free(path);
	}
	cvet_strv__clear(&names);
}

int cvet_discover__walk(const char *root, const char *report_root, const char *const *roots, size_t nroots,
			const char *const *globs, size_t nglobs, cvet_jobs *jobs, cvet_strv *incdirs,
			cvet_report *report)
{
	walk_ctx c;

	memset(&c, 0, sizeof(c));
	c.report_root = report_root;
	c.roots = roots;
	c.nroots = nroots;
	c.globs = globs;
	c.nglobs = nglobs;
	c.scan_root = root;
	c.jobs = jobs;
	c.incdirs = incdirs;
	c.report = report;
	walk_dir(&c, root, 0);
	if (c.oom)
		return cvet_error_setc(CVET_ENOMEM, "out of memory while listing '%s'", root);
	if (c.hit_files && report &&
	    cvet_report_add_note(report, "more than %u source files under '%s': the rest were not scanned", MAX_FILES,
				 root) < 0)
		return CVET_ENOMEM;
	if (c.skipped > MAX_SKIP_NOTES && report &&
	    cvet_report_add_note(report, "%zu more unreadable directories or links out of the scanned paths under '%s' "
				 "were not scanned", c.skipped - MAX_SKIP_NOTES, root) < 0)
		return CVET_ENOMEM;
	if (c.hit_depth && report &&
	    cvet_report_add_note(report, "directories nested more than %u levels deep under '%s' were not scanned",
				 MAX_DEPTH, root) < 0)
		return CVET_ENOMEM;
	return 0;
}
