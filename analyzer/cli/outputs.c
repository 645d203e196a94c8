/* outputs.c - where reports may go: never onto an input, never two onto one file, never over the scanned sources */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli/outputs.h"
#include "common/util.h"
#include "cvet/common.h"
#include "report/config.h"
#include "scan/discover.h"

/* What one path resolves to. Every string owned. */
typedef struct ident {
	char *lex;    /* real path of the directory + "/" + the last component (a link itself); NULL if unresolved */
	char *real;   /* real path of the file, links followed; NULL when it does not exist */
	dev_t dev;
	ino_t ino;
	int has_ino;  /* stat() found the file */
	int dir;      /* it is a directory */
	int special;  /* it exists and is neither a regular file nor a directory: written in place */
} ident;

static void ident_clear(ident *id)
{
	free(id->lex);
	free(id->real);
	memset(id, 0, sizeof(*id));
}

/* "dir/name" without doubling the root's slash; malloc'd, NULL on OOM. */
static char *join(const char *dir, const char *name)
{
	size_t a = strlen(dir), b = strlen(name);
	char *s;
	if (a && dir[a - 1] == '/')
		a--;
	if (!(s = malloc(a + b + 2)))
		return NULL;
	memcpy(s, dir, a);
	s[a] = '/';
	memcpy(s + a + 1, name, b + 1);
	return s;
}

/*
 * A symbolic link whose target does not exist yet is written through: renaming over the link replaces
 * only the link, but a second output may create the target. *out receives the target as the real path
 * of its directory + its name, or stays NULL (not a link, or the target's directory is missing).
 * Returns 0 or CVET_ENOMEM.
 */
static int dangling_target(const char *path, char **out)
{
	char target[PATH_MAX], *whole = NULL, *dir = NULL, *rdir = NULL, *slash;
	struct stat st;
	ssize_t n;
	int error = 0;

	*out = NULL;
	if (lstat(path, &st) != 0 || !S_ISLNK(st.st_mode) || (n = readlink(path, target, sizeof(target) - 1)) <= 0)
		return 0;
	target[n] = '\0';
	if (target[0] == '/') {
		whole = strdup(target);
	} else {
		/* relative to the link's own directory */
		const char *ls = strrchr(path, '/');
		if (!ls)
			dir = strdup(".");
		else if ((dir = malloc((size_t)(ls - path) + 2)) != NULL) {
			memcpy(dir, path, (size_t)(ls - path) + 1);
			dir[ls - path + 1] = '\0';
		}
		whole = dir ? join(dir, target) : NULL;
	}
	if (!whole) {
		error = cvet_error_setc(CVET_ENOMEM, "out of memory");
		goto done;
	}
	slash = strrchr(whole, '/');
	if (!slash || !slash[1] || strcmp(slash + 1, ".") == 0 || strcmp(slash + 1, "..") == 0)
		goto done;
	*slash = '\0';
	if ((rdir = realpath(*whole ? whole : "/", NULL)) != NULL && !(*out = join(rdir, slash + 1)))
		error = cvet_error_setc(CVET_ENOMEM, "out of memory");
done:
	free(rdir);
	free(dir);
	free(whole);
	return error;
}

/*
 * Resolve `path` into *id (cleared first). A path that does not resolve at all (its directory is
 * missing) leaves both names NULL: it cannot be any existing file. Returns 0 or CVET_ENOMEM.
 */
static int resolve(const char *path, ident *id)
{
	const char *slash = strrchr(path, '/'), *name = slash ? slash + 1 : path;
	char *dir = NULL, *rdir = NULL;
	struct stat st;
	int error = 0;

	memset(id, 0, sizeof(id[0]));
	if (stat(path, &st) == 0) {
		id->has_ino = 1;
		id->dev = st.st_dev;
		id->ino = st.st_ino;
		id->dir = S_ISDIR(st.st_mode);
		id->special = !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode);
		id->real = realpath(path, NULL); /* NULL only on a race or OOM: dev/ino still compare */
	}
	if (!id->real && (error = dangling_target(path, &id->real)) < 0)
		return error;
	if (!*name || strcmp(name, ".") == 0 || strcmp(name, "..") == 0) {
		/* "dir/", "." or "x/..": a directory, named by what it resolves to */
		if (id->real && !(id->lex = strdup(id->real)))
			error = cvet_error_setc(CVET_ENOMEM, "out of memory");
		return error;
	}
	if (!slash)
		dir = strdup(".");
	else if (slash == path)
		dir = strdup("/");
	else if ((dir = malloc((size_t)(slash - path) + 1)) != NULL) {
		memcpy(dir, path, (size_t)(slash - path));
		dir[slash - path] = '\0';
	}
	if (!dir)
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	if ((rdir = realpath(dir, NULL)) != NULL && !(id->lex = join(rdir, name)))
		error = cvet_error_setc(CVET_ENOMEM, "out of memory");
	free(rdir);
	free(dir);
	return error;
}

static int streq(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

/* 1 when a and b name one file: same inode, or the same resolved name either way round. */
static int same_file(const ident *a, const ident *b)
{
	if (a->has_ino && b->has_ino && a->dev == b->dev && a->ino == b->ino)
		return 1;
	return streq(a->lex, b->lex) || streq(a->real, b->real) || streq(a->lex, b->real) || streq(a->real, b->lex);
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && strcmp(s + n - k, suffix) == 0;
}

const char *cvet_cli__scanned_name(const char *name)
{
	/* what the dependency scan parses, and what it is expected to parse soon (conanfile.py, CMake
	 * declarations): a report written under one of these names would be read back as a manifest */
	static const char *const manifests[] = {"conan.lock", "conanfile.txt", "conanfile.py", "vcpkg.json",
						"vcpkg-configuration.json", "package-lock.cmake", ".wrap",
						"MODULE.bazel", "MODULE.bazel.lock", ".gitmodules", ".cdx.json",
						".spdx.json", "bom.json", ".cyclonedx.json", "CMakeLists.txt", ".cmake"};

	if (!name || !*name)
		return NULL;
	if (cvet_discover__source_kind(name) != 0 || ends_with(name, ".inl"))
		return "a source file";
	for (size_t i = 0; i < sizeof(manifests) / sizeof(manifests[0]); i++)
		if (ends_with(name, manifests[i]))
			return "a lockfile or manifest";
	if (strcmp(name, CVET_CONFIG_NAME) == 0)
		return "the configuration";
	if (strcmp(name, "compile_commands.json") == 0)
		return "a compilation database";
	return NULL;
}

/*
 * What the scan of directory `root` (a real path) reads at `abs` (a resolved output name), or NULL when
 * abs is outside root or of a name the scan does not read.
 */
static const char *read_under(const char *abs, const char *root)
{
	const char *rel, *base;
	size_t n = strlen(root);

	if (!abs || !cvet_util__path_under(abs, root) || strcmp(abs, root) == 0)
		return NULL;
	rel = abs + n + (root[n - 1] == '/' ? 0 : 1);
	/* git metadata: the dependency scan reads the index, packed-refs and objects */
	for (const char *p = rel; *p;) {
		const char *slash = strchr(p, '/');
		size_t len = slash ? (size_t)(slash - p) : strlen(p);
		if (len == 4 && strncmp(p, ".git", 4) == 0)
			return "git metadata";
		if (!slash)
			break;
		p = slash + 1;
	}
	base = strrchr(rel, '/');
	return cvet_cli__scanned_name(base ? base + 1 : rel);
}

int cvet_cli__check_outputs(const char *const *outputs, size_t noutputs, const cvet_cli_input *inputs,
			    size_t ninputs, const char *const *paths, size_t npaths, int force)
{
	ident *out = NULL, in = {0};
	int error = 0;

	if (noutputs == 0)
		return 0;
	if (!(out = calloc(noutputs, sizeof(*out))))
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	for (size_t i = 0; i < noutputs; i++)
		if ((error = resolve(outputs[i], &out[i])) < 0)
			goto done;

	/* onto a file the run reads: never, --force or not */
	for (size_t k = 0; k < ninputs + npaths && !error; k++) {
		const char *path = k < ninputs ? inputs[k].path : paths[k - ninputs];
		const char *what = k < ninputs ? inputs[k].what : "a scanned file";
		if (!path || !*path)
			continue;
		if ((error = resolve(path, &in)) < 0)
			break;
		for (size_t i = 0; i < noutputs && !error; i++) {
			if (out[i].special || in.dir || !same_file(&out[i], &in))
				continue;
			if (strcmp(outputs[i], path) == 0)
				error = cvet_error_setc(CVET_EUSAGE, "output '%s' is %s this run reads; write the report elsewhere",
							outputs[i], what);
			else
				error = cvet_error_setc(CVET_EUSAGE,
							"output '%s' is %s this run reads ('%s'); write the report elsewhere",
							outputs[i], what, path);
		}
		ident_clear(&in);
	}

	/* two outputs onto one file: the second would replace the first */
	for (size_t i = 0; i < noutputs && !error; i++)
		for (size_t k = i + 1; k < noutputs && !error; k++) {
			if (out[i].special || out[k].special || !same_file(&out[i], &out[k]))
				continue;
			if (strcmp(outputs[i], outputs[k]) == 0)
				error = cvet_error_setc(CVET_EUSAGE, "two outputs go to '%s'; give each its own file", outputs[i]);
			else
				error = cvet_error_setc(CVET_EUSAGE,
							"two outputs go to the same file ('%s' and '%s'); give each its own file",
							outputs[i], outputs[k]);
		}

	/* over what the scan of a directory reads there (a source, a manifest), unless --force */
	for (size_t k = 0; k < npaths && !error && !force; k++) {
		char *root;
		struct stat st;
		if (!paths[k] || stat(paths[k], &st) != 0 || !S_ISDIR(st.st_mode))
			continue;
		if (!(root = realpath(paths[k], NULL)))
			continue; /* the scan reports an unreadable PATH itself */
		for (size_t i = 0; i < noutputs && !error; i++) {
			const char *what;
			if (out[i].special)
				continue;
			if (!(what = read_under(out[i].lex, root)))
				what = read_under(out[i].real, root);
			if (what)
				error = cvet_error_setc(CVET_EUSAGE,
							"output '%s' is %s in the scanned tree '%s' (cvet reads it); "
							"write the report elsewhere, or pass --force",
							outputs[i], what, paths[k]);
		}
		free(root);
	}
done:
	ident_clear(&in);
	for (size_t i = 0; i < noutputs; i++)
		ident_clear(&out[i]);
	free(out);
	return error;
}
