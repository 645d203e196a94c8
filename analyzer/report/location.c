/* location.c - classify a finding's path as product, test, example, benchmark, contrib, vendored or tool code */
#include <fnmatch.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "report/location.h"

#define MAX_COMPONENT 255 /* longer directory names match no convention */

typedef struct loc_glob {
	char *glob;               /* owned, normalised (no "./" prefix, no trailing '/') */
	cvet_location_class cls;
} loc_glob;

struct cvet_locations {
	loc_glob *globs; size_t nglobs;
	char **submodules; size_t nsubmodules; /* owned report paths, no trailing '/' */
	char **bases; size_t nbases;           /* owned report paths, no trailing '/'; "" = the root */
};

/* Directory names and what they mean, matched without regard to ASCII case. */
static const struct {
	const char *name;
	cvet_location_class cls;
} dir_names[] = {
	{"test", CVET_LOC_TEST},
	{"tests", CVET_LOC_TEST},
	{"testing", CVET_LOC_TEST},
	{"unittest", CVET_LOC_TEST},
	{"unittests", CVET_LOC_TEST},
	{"testdata", CVET_LOC_TEST},
	{"test-data", CVET_LOC_TEST},
	{"fuzz", CVET_LOC_TEST},
	{"fuzzing", CVET_LOC_TEST},
	{"examples", CVET_LOC_EXAMPLE},
	{"example", CVET_LOC_EXAMPLE},
	{"demo", CVET_LOC_EXAMPLE},
	{"demos", CVET_LOC_EXAMPLE},
	{"sample", CVET_LOC_EXAMPLE},
	{"samples", CVET_LOC_EXAMPLE},
	{"tutorial", CVET_LOC_EXAMPLE},
	{"tutorials", CVET_LOC_EXAMPLE},
	{"bench", CVET_LOC_BENCHMARK},
	{"benchmark", CVET_LOC_BENCHMARK},
	{"benchmarks", CVET_LOC_BENCHMARK},
	{"perf", CVET_LOC_BENCHMARK},
	{"contrib", CVET_LOC_CONTRIB},
	{"third_party", CVET_LOC_VENDORED},
	{"third-party", CVET_LOC_VENDORED},
	{"thirdparty", CVET_LOC_VENDORED},
	{"vendor", CVET_LOC_VENDORED},
	{"vendored", CVET_LOC_VENDORED},
	{"external", CVET_LOC_VENDORED},
	{"extern", CVET_LOC_VENDORED},
	{"deps", CVET_LOC_VENDORED},
	{"3rdparty", CVET_LOC_VENDORED},
	{"subprojects", CVET_LOC_VENDORED},
	{"tools", CVET_LOC_TOOL},
	{"tool", CVET_LOC_TOOL},
	{"scripts", CVET_LOC_TOOL},
	{"build-aux", CVET_LOC_TOOL},
	{"util", CVET_LOC_TOOL},
};

static char *dup_n(const char *s, size_t n)
{
	char *d = malloc(n + 1);
	if (d) {
		memcpy(d, s, n);
		d[n] = '\0';
	}
	return d;
}

/* A malloc'd copy of a path or glob without "./" prefixes and trailing slashes; NULL on OOM. */
static char *normalise(const char *s)
{
	size_t n;
	while (s[0] == '.' && s[1] == '/')
		s += 2;
	n = strlen(s);
	while (n > 1 && s[n - 1] == '/')
		n--;
	if (n == 1 && s[0] == '.')
		n = 0; /* "." is the root */
	return dup_n(s, n);
}

static int push(char ***v, size_t *n, const char *s)
{
	char **nv;
	char *copy;
	if (*n >= SIZE_MAX / sizeof(**v) - 1 || !(nv = realloc(*v, (*n + 1) * sizeof(**v))))
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	*v = nv;
	if (!(copy = normalise(s)))
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	nv[(*n)++] = copy;
	return 0;
}

int cvet_locations__new(cvet_locations **out)
{
	if (!(*out = calloc(1, sizeof(**out))))
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	return 0;
}

void cvet_locations__free(cvet_locations *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->nglobs; i++)
		free(l->globs[i].glob);
	free(l->globs);
	for (size_t i = 0; i < l->nsubmodules; i++)
		free(l->submodules[i]);
	free(l->submodules);
	for (size_t i = 0; i < l->nbases; i++)
		free(l->bases[i]);
	free(l->bases);
	free(l);
}

int cvet_locations__add_glob(cvet_locations *l, const char *glob, cvet_location_class cls)
{
	loc_glob *nv;
	char *g;
	if (l->nglobs >= SIZE_MAX / sizeof(*nv) - 1 || !(nv = realloc(l->globs, (l->nglobs + 1) * sizeof(*nv))))
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	l->globs = nv;
	if (!(g = normalise(glob)))
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	nv[l->nglobs].glob = g;
	nv[l->nglobs].cls = (unsigned)cls < CVET_LOC_COUNT ? cls : CVET_LOC_PRODUCT;
	l->nglobs++;
	return 0;
}

int cvet_locations__add_submodule(cvet_locations *l, const char *dir)
{
	return push(&l->submodules, &l->nsubmodules, dir);
}

int cvet_locations__add_base(cvet_locations *l, const char *dir)
{
	return push(&l->bases, &l->nbases, dir);
}

static int ascii_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* 1 when s[0..n) equals the lower-case word w, ignoring ASCII case. */
static int word_eq(const char *s, size_t n, const char *w)
{
	if (strlen(w) != n)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (ascii_lower((unsigned char)s[i]) != w[i])
			return 0;
	return 1;
}

/* The class a directory name gives, or CVET_LOC_PRODUCT; `top` when it is the first component. */
static cvet_location_class dir_class(const char *s, size_t n, int top)
{
	if (n == 1 && (s[0] == 't' || s[0] == 'T'))
		return top ? CVET_LOC_TEST : CVET_LOC_PRODUCT; /* Perl-style t/ only at the top */
	for (size_t i = 0; i < sizeof(dir_names) / sizeof(dir_names[0]); i++)
		if (word_eq(s, n, dir_names[i].name))
			return dir_names[i].cls;
	return CVET_LOC_PRODUCT;
}

/* A file name test_*, *_test, *_tests or *_unittest (before its extension) is test code. */
static cvet_location_class file_class(const char *s, size_t n)
{
	static const char *const suffixes[] = {"_test", "_tests", "_unittest"};
	const char *dot = NULL;
	size_t stem;
	for (size_t i = 0; i < n; i++)
		if (s[i] == '.')
			dot = s + i;
	stem = dot && dot != s ? (size_t)(dot - s) : n;
	if (stem > 5 && word_eq(s, 5, "test_"))
		return CVET_LOC_TEST;
	for (size_t i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
		size_t k = strlen(suffixes[i]);
		if (stem > k && word_eq(s + stem - k, k, suffixes[i]))
			return CVET_LOC_TEST;
	}
	return CVET_LOC_PRODUCT;
}

/* 1 when the first n bytes of path are one of the submodule directories. */
static int is_submodule(const cvet_locations *l, const char *path, size_t n)
{
	for (size_t i = 0; l && i < l->nsubmodules; i++)
		if (strlen(l->submodules[i]) == n && n > 0 && memcmp(l->submodules[i], path, n) == 0)
			return 1;
	return 0;
}

/* Conventions over path[start..]: the first directory component (from the top) that names a class
 * wins, a submodule directory counting as vendored; then the file name. */
static cvet_location_class conventions(const cvet_locations *l, const char *path, size_t start)
{
	const char *p = path + start;
	int top = 1;

	for (;;) {
		const char *slash = strchr(p, '/');
		size_t n;
		cvet_location_class c;
		if (!slash)
			return file_class(p, strlen(p));
		n = (size_t)(slash - p);
		if (n > 0) {
			if (is_submodule(l, path, (size_t)(slash - path)))
				return CVET_LOC_VENDORED;
			if (n <= MAX_COMPONENT && (c = dir_class(p, n, top)) != CVET_LOC_PRODUCT)
				return c;
			top = 0;
		}
		p = slash + 1;
	}
}

cvet_location_class cvet_locations__convention(const char *rel)
{
	if (!rel)
		return CVET_LOC_PRODUCT;
	while (rel[0] == '.' && rel[1] == '/')
		rel += 2;
	return conventions(NULL, rel, 0);
}

/* 1 when glob matches path or one of its leading directories ("lib/gnulib" covers lib/gnulib/x.c). */
static int glob_matches(const char *glob, const char *path)
{
	char buf[4096];
	size_t n = strlen(path);

	if (fnmatch(glob, path, 0) == 0)
		return 1;
	if (n >= sizeof(buf))
		return 0;
	memcpy(buf, path, n + 1);
	for (size_t i = n; i > 0; i--) {
		if (buf[i - 1] != '/' || i == 1)
			continue;
		buf[i - 1] = '\0';
		if (fnmatch(glob, buf, 0) == 0)
			return 1;
	}
	return 0;
}

/* Where the conventions start in path: after the longest base directory it lies in, else at the top of a
 * relative path; -1 for an absolute path in no base (outside the scanned tree and the report root,
 * nothing says where the project starts). */
static long convention_start(const cvet_locations *l, const char *path)
{
	long best = path[0] == '/' ? -1 : 0;
	for (size_t i = 0; l && i < l->nbases; i++) {
		const char *b = l->bases[i];
		size_t n = strlen(b);
		long s;
		if (n == 0 || strncmp(path, b, n) != 0)
			continue;
		if (path[n] == '/')
			s = (long)n + 1;
		else if (n == 1 && b[0] == '/')
			s = 1;
		else
			continue;
		if (s > best)
			best = s;
	}
	return best;
}

cvet_location_class cvet_locations__classify(const cvet_locations *l, const char *path)
{
	const loc_glob *hit = NULL;
	long start;

	if (!path || !*path)
		return CVET_LOC_PRODUCT;
	while (path[0] == '.' && path[1] == '/')
		path += 2;
	for (size_t i = 0; l && i < l->nglobs; i++)
		if ((!hit || strlen(l->globs[i].glob) > strlen(hit->glob)) && glob_matches(l->globs[i].glob, path))
			hit = &l->globs[i];
	if (hit)
		return hit->cls;
	if ((start = convention_start(l, path)) < 0)
		return CVET_LOC_PRODUCT;
	return conventions(l, path, (size_t)start);
}

void cvet_locations__apply(const cvet_locations *l, cvet_report *r)
{
	for (size_t i = 0; i < r->nfindings; i++) {
		cvet_finding *f = r->findings[i];
		f->location_class = f->kind == CVET_KIND_CODE ? cvet_locations__classify(l, f->loc.path) : CVET_LOC_PRODUCT;
		/* a dataflow that starts in a test (or other non-product code) and ends in product code is shown
		 * only by that test: the finding belongs to where its data comes from */
		if (f->kind == CVET_KIND_CODE && f->location_class == CVET_LOC_PRODUCT && f->nsteps && f->steps[0].path) {
			cvet_location_class origin = cvet_locations__classify(l, f->steps[0].path);
			if (origin != CVET_LOC_PRODUCT)
				f->location_class = origin;
		}
	}
}
