/* compdb.c - read compile_commands.json through libclang and turn its entries into parse jobs with clean flags */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <clang-c/CXCompilationDatabase.h>
#include <cjson/cJSON.h>
#include "code/cx.h"
#include "scan/compdb.h"
#include "scan/discover.h"
#include "scan/jobs.h"
#include "common/util.h"

#define COMPDB_NAME "compile_commands.json"
#define COMPDB_MAX_BYTES (256u * 1024u * 1024u)
#define MAX_ARGS 4096 /* flags kept per entry */

/* Options whose value is the next argument and that are kept (with it). */

static const char *const keep_with_value[] = {
	"-I", "-D", "-U", "-include", "-imacros", "-isystem", "-iquote", "-idirafter", "-isysroot", "--sysroot",
	"-iprefix", "-iwithprefix", "-iwithprefixbefore", "-x", "-target", "-F",
};
/* Options whose value is the next argument and that are dropped (with it): outputs, dependency files,
 * linker/assembler pass-through, plugins and raw frontend flags (-Xclang -load ...). */
static const char *const drop_with_value[] = {
	"-o", "-MF", "-MT", "-MQ", "-Xclang", "-Xlinker", "-Xassembler", "-Xpreprocessor", "-L", "-l", "-T", "-u",
	"-z", "-e", "-arch", "--param", "-aux-info", "-dumpbase", "-dumpdir", "-auxbase", "-auxbase-strip",
	"--serialize-diagnostics", "-Xarch_host", "-Xarch_device", "-Xcuda-ptxas", "-Xopenmp-target", "-MJ",
	"-include-pch", "-ivfsoverlay", "--config", "-working-directory", "-resource-dir", "-B", "-main-file-name",
};
/* Dropped exactly: modes that are not "parse", outputs, and gcc-only flags clang rejects. */
static const char *const drop_exact[] = {
	"-c", "-S", "-E", "-M", "-MM", "-MD", "-MMD", "-MG", "-MP", "-save-temps", "--save-temps", "-pipe", "-Werror",
	"-pedantic-errors", "-v", "--verbose", "-###", "-shared", "-static", "-pie", "-no-pie", "-rdynamic",
	"-fanalyzer", "-fconserve-stack", "-fno-allow-store-data-races", "-fallow-store-data-races",
	"-fvar-tracking", "-fno-var-tracking", "-fvar-tracking-assignments", "-fno-var-tracking-assignments",
	"-fno-code-hoisting", "-mrecord-mcount", "-fno-ipa-sra", "-fsyntax-only", "-fno-extended-identifiers",
	"-fno-keep-inline-dllexport", "-nostartfiles", "-nodefaultlibs", "-nostdlib", "-s", "-cc1", "-cc1as",
};
/* Dropped by prefix. */
static const char *const drop_prefix[] = {
	"-Werror=", "-Wl,", "-Wa,", "-Wp,", "-fno-tree-", "-ftree-", "-fplugin", "-fdump-", "-fprofile-",
	"-fcallgraph-info", "-ftime-trace", "-ftime-report", "-fsched-", "-fipa-", "-fno-ipa-",
	"-fmin-function-alignment", "-mindirect-branch", "-mfunction-return", "-mpreferred-stack-boundary",
	"-mabi=", "-specs=", "--param=", "-fmax-errors", "-finline-limit", "-flto", "-fno-lto", "-MF", "-MT",
	"-MQ", "-fdiagnostics-format", "-fsave-optimization-record", "-foptimization-record", "-fmodules-cache-path",
	"-fcrash-diagnostics", "-save-stats", "--save-stats", "-fdebug-compilation-dir", "-fprebuilt-module-path",
	"-fmodule-file", "-fmodule-map-file", "-fpass-plugin", "-MJ", "--config=", "-working-directory=",
	"-resource-dir=", "--driver-mode=", "-include-pch=", "-ivfsoverlay=", "-B", "--gcc-toolchain=",
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

static int in_list(const char *a, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(a, list[i]) == 0)
			return 1;
	return 0;
}

static int has_prefix_in(const char *a, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strncmp(a, list[i], strlen(list[i])) == 0)
			return 1;
	return 0;
}

/* -m flags: keep only the ones that change the data model (-m32, -m64, -mx32); the others name
 * the host CPU of a possibly different target and make clang fail. */
static int keep_m_flag(const char *a)
{
	return strcmp(a, "-m32") == 0 || strcmp(a, "-m64") == 0 || strcmp(a, "-mx32") == 0 || strcmp(a, "-m16") == 0;
}

/*
 * Clean one entry's argv (argv[0] is the compiler) into `out`: only flags that matter for parsing.
 * Every positional argument (the source, objects, libraries) is dropped: the walker passes the
 * source itself. Returns 0 or CVET_ENOMEM.
 */
static int clean_args(char **argv, unsigned argc, cvet_strv *out)
{
	int error;
	for (unsigned i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!a || !*a)
			continue;
		if (strcmp(a, "--") == 0)
			break; /* everything after is an input */
		if (a[0] != '-' || a[1] == '\0' || a[0] == '@')
			continue; /* positional ("-" is stdin), or a response file libclang already expanded */
		if (out->n >= MAX_ARGS)
			break;
		if (in_list(a, keep_with_value, N(keep_with_value))) {
			if (i + 1 >= argc)
				break;
			if ((error = cvet_strv__push(out, a)) < 0 || (error = cvet_strv__push(out, argv[i + 1])) < 0)
				return error;
			i++;
			continue;
		}
		if (in_list(a, drop_with_value, N(drop_with_value))) {
			i++;
			continue;
		}
		if (in_list(a, drop_exact, N(drop_exact)) || has_prefix_in(a, drop_prefix, N(drop_prefix)))
			continue;
		if (a[1] == 'o' && a[2] != '\0' && strncmp(a, "-objc", 5) != 0)
			continue; /* -ofile */
		if (a[1] == 'm' && !keep_m_flag(a))
			continue;
		if ((error = cvet_strv__push(out, a)) < 0)
			return error;
	}
	return 0;
}

/*
 * Check the file is readable, bounded and holds a JSON array of objects with "file" and
 * "directory", so that a malformed database gives one clear message (libclang would only
 * print its own text to stderr). Returns 0, CVET_EIO, CVET_ELIMIT or CVET_EPARSE.
 */
static int validate(const char *path)
{
	FILE *f = NULL;
	struct stat st;
	char *buf = NULL;
	cJSON *root = NULL;
	const cJSON *it;
	size_t n, i = 0;
	int error = 0;

	if (!(f = cvet_util__open_regular(path)))
		return cvet_error_setc(CVET_EIO, "cannot read '%s': %s", path, strerror(errno));
	if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
		error = cvet_error_setc(CVET_EIO, "cannot read '%s': not a regular file", path);
		goto done;
	}
	if ((unsigned long long)st.st_size > COMPDB_MAX_BYTES) {
		error = cvet_error_setc(CVET_ELIMIT, "'%s' is larger than %u MiB", path, COMPDB_MAX_BYTES >> 20);
		goto done;
	}
	n = (size_t)st.st_size;
	if (!(buf = malloc(n + 1))) {
		error = cvet_error_setc(CVET_ENOMEM, "out of memory reading '%s'", path);
		goto done;
	}
	if (fread(buf, 1, n, f) != n) {
		error = cvet_error_setc(CVET_EIO, "cannot read '%s'", path);
		goto done;
	}
	buf[n] = '\0';
	root = cJSON_ParseWithLength(buf, n);
	if (!root || !cJSON_IsArray(root)) {
		error = cvet_error_setc(CVET_EPARSE, "malformed compilation database '%s': expected a JSON array", path);
		goto done;
	}
	cJSON_ArrayForEach(it, root) {
		const cJSON *args = cJSON_GetObjectItemCaseSensitive(it, "arguments");
		const cJSON *cmd = cJSON_GetObjectItemCaseSensitive(it, "command");
		if (!cJSON_IsObject(it) || !cJSON_IsString(cJSON_GetObjectItemCaseSensitive(it, "file")) ||
		    !cJSON_IsString(cJSON_GetObjectItemCaseSensitive(it, "directory")) ||
		    !(cJSON_IsString(cmd) || cJSON_IsArray(args))) {
			error = cvet_error_setc(CVET_EPARSE,
						"malformed compilation database '%s': entry %zu needs \"directory\", "
						"\"file\" and \"command\" or \"arguments\"",
						path, i + 1);
			goto done;
		}
		if (cJSON_IsArray(args)) {
			const cJSON *a;
			cJSON_ArrayForEach(a, args) if (!cJSON_IsString(a))
			{
				error = cvet_error_setc(CVET_EPARSE,
							"malformed compilation database '%s': entry %zu has a "
							"non-string argument",
							path, i + 1);
				goto done;
			}
		}
		i++;
	}
done:
	cJSON_Delete(root);
	free(buf);
	if (f)
		fclose(f);
	return error;
}

/* Open the database in `dir` with libclang's own messages to stderr silenced (fd 2 is restored). */
static CXCompilationDatabase open_quietly(const char *dir, CXCompilationDatabase_Error *err)
{
	CXCompilationDatabase db;
	int saved = dup(2), null = open("/dev/null", O_WRONLY);

	fflush(stderr);
	if (saved >= 0 && null >= 0)
		dup2(null, 2);
	db = clang_CompilationDatabase_fromDirectory(dir, err);
	fflush(stderr);
	if (saved >= 0) {
		dup2(saved, 2);
		close(saved);
	}
	if (null >= 0)
		close(null);
	return db;
}

static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *d;
	if (!slash)
		return cvet_jobs__join(NULL, ".");
	if (slash == path)
		return cvet_jobs__join(NULL, "/");
	if (!(d = malloc((size_t)(slash - path) + 1)))
		return NULL;
	memcpy(d, path, (size_t)(slash - path));
	d[slash - path] = '\0';
	return d;
}

/* 1 when a directory component of the relative path `sub` is one discovery never enters. */
static int in_skipped_dir(const char *sub)
{
	char comp[256];
	const char *slash;
	while ((slash = strchr(sub, '/')) != NULL) {
		size_t n = (size_t)(slash - sub);
		if (n > 0 && n < sizeof(comp)) {
			memcpy(comp, sub, n);
			comp[n] = '\0';
			if (cvet_discover__skipped_name(comp))
				return 1;
		}
		sub = slash + 1;
	}
	return 0;
}

/* Add the job for one compile command when its file is in scope. 0 or CVET_ENOMEM. */
static int add_command(CXCompileCommand cmd, const char *dbdir, const char *report_root, const char *const *roots,
		       size_t nroots, const char *const *globs, size_t nglobs, const char *const *extra, size_t nextra,
		       cvet_jobs *jobs)
{
	char *dir = cx_str(clang_CompileCommand_getDirectory(cmd));
	char *file = cx_str(clang_CompileCommand_getFilename(cmd));
	char *absdir = NULL, *realdir = NULL, *abs = NULL, *real = NULL, *rel = NULL;
	char **argv = NULL;
	unsigned argc = clang_CompileCommand_getNumArgs(cmd);
	cvet_job *job;
	struct stat st;
	int in_scope = 0, error = 0;

	if (!dir || !file)
		goto oom;
	if (!*file)
		goto done;
	/* a relative "directory" is taken relative to the database's own directory */
	if (!(absdir = cvet_jobs__join(dbdir, *dir ? dir : ".")))
		goto oom;
	realdir = realpath(absdir, NULL);
	if (!(abs = cvet_jobs__join(realdir ? realdir : absdir, file)))
		goto oom;
	if (!(real = realpath(abs, NULL)) || stat(real, &st) != 0 || !S_ISREG(st.st_mode))
		goto done; /* the file is gone (or not a file): nothing to parse */
	for (size_t i = 0; i < nroots && !in_scope; i++) {
		if (!cvet_jobs__path_under(real, roots[i]))
			continue;
		in_scope = 1;
		if (strlen(real) > strlen(roots[i]) + 1) {
			const char *sub = real + strlen(roots[i]) + (roots[i][1] ? 1 : 0);
			/* excludes also match the path relative to the scanned directory */
			if (nglobs && cvet_discover__excluded(sub, globs, nglobs))
				goto done;
			/* like discovery: nothing from VCS or build directories below the scanned one
			 * (generated sources in an in-tree build/ are not the project's to fix) */
			if (in_skipped_dir(sub))
				goto done;
		}
	}
	if (!in_scope || !cvet_discover__source_kind(real))
		goto done;
	if (!(rel = cvet_jobs__report_path(report_root, real)))
		goto oom;
	if (cvet_discover__excluded(rel, globs, nglobs))
		goto done;

	if (argc > 1u << 20)
		argc = 1u << 20;
	if (argc && !(argv = calloc(argc, sizeof(*argv))))
		goto oom;
	for (unsigned i = 0; i < argc; i++)
		if (!(argv[i] = cx_str(clang_CompileCommand_getArg(cmd, i))))
			goto oom;
	if (!(job = cvet_jobs__add(jobs)))
		goto oom;
	job->file = real;
	job->rel = rel;
	real = rel = NULL;
	job->from_db = 1;
	if (!(job->directory = cvet_jobs__join(NULL, realdir ? realdir : absdir)))
		goto oom;
	if ((error = clean_args(argv, argc, &job->args)) < 0)
		goto done;
	if ((error = cvet_strv__push(&job->args, "-Wno-unknown-warning-option")) < 0)
		goto done;
	for (size_t i = 0; i < nextra; i++)
		if ((error = cvet_strv__push(&job->args, extra[i])) < 0)
			goto done;
	goto done;
oom:
	error = cvet_error_setc(CVET_ENOMEM, "out of memory reading the compilation database");
done:
	if (argv)
		for (unsigned i = 0; i < argc; i++)
			free(argv[i]);
	free(argv);
	free(dir);
	free(file);
	free(absdir);
	free(realdir);
	free(abs);
	free(real);
	free(rel);
	return error;
}

int cvet_compdb__load(const char *db, const char *report_root, const char *const *roots, size_t nroots,
		      const char *const *globs, size_t nglobs, const char *const *extra, size_t nextra,
		      cvet_jobs *jobs)
{
	struct stat st;
	char *json = NULL, *jsondir = NULL, *tmpdir = NULL, *link = NULL, *realjson = NULL;
	const char *open_dir;
	CXCompilationDatabase cdb = NULL;
	CXCompilationDatabase_Error err = CXCompilationDatabase_NoError;
	CXCompileCommands cmds = NULL;
	int error = 0;

	if (stat(db, &st) != 0) {
		return cvet_error_setc(CVET_EIO, "cannot read compilation database '%s': %s", db, strerror(errno));
	}
	if (S_ISDIR(st.st_mode)) {
		if (!(json = cvet_jobs__join(db, COMPDB_NAME)))
			goto oom;
	} else if (!(json = cvet_jobs__join(NULL, db))) {
		goto oom;
	}
	if (!(realjson = realpath(json, NULL))) {
		error = cvet_error_setc(CVET_EIO, "cannot read compilation database '%s': %s", json, strerror(errno));
		goto done;
	}
	if ((error = validate(realjson)) < 0)
		goto done;
	if (!(jsondir = dir_of(realjson)))
		goto oom;
	open_dir = jsondir;
	{
		const char *base = strrchr(realjson, '/');
		base = base ? base + 1 : realjson;
		if (strcmp(base, COMPDB_NAME) != 0) {
			/* libclang only opens files called compile_commands.json: point one at this file */
			const char *t = getenv("TMPDIR");
			char tmpl[PATH_MAX];
			if (snprintf(tmpl, sizeof(tmpl), "%s/cvet-compdb-XXXXXX", t && *t ? t : "/tmp") >= (int)sizeof(tmpl) ||
			    !(tmpdir = mkdtemp(tmpl) ? cvet_jobs__join(NULL, tmpl) : NULL)) {
				error = cvet_error_setc(CVET_EIO, "cannot create a temporary directory: %s", strerror(errno));
				goto done;
			}
			if (!(link = cvet_jobs__join(tmpdir, COMPDB_NAME)))
				goto oom;
			if (symlink(realjson, link) != 0) {
				error = cvet_error_setc(CVET_EIO, "cannot link the compilation database: %s", strerror(errno));
				goto done;
			}
			open_dir = tmpdir;
		}
	}
	cdb = open_quietly(open_dir, &err);
	if (!cdb || err != CXCompilationDatabase_NoError) {
		error = cvet_error_setc(CVET_EPARSE, "malformed compilation database '%s'", realjson);
		goto done;
	}
	cmds = clang_CompilationDatabase_getAllCompileCommands(cdb);
	if (cmds) {
		unsigned n = clang_CompileCommands_getSize(cmds);
		for (unsigned i = 0; i < n; i++) {
			if ((error = add_command(clang_CompileCommands_getCommand(cmds, i), jsondir, report_root, roots,
						 nroots, globs, nglobs, extra, nextra, jobs)) < 0)
				goto done;
		}
	}
	goto done;
oom:
	error = cvet_error_setc(CVET_ENOMEM, "out of memory");
done:
	if (cmds)
		clang_CompileCommands_dispose(cmds);
	if (cdb)
		clang_CompilationDatabase_dispose(cdb);
	if (link) {
		unlink(link);
		free(link);
	}
	if (tmpdir) {
		rmdir(tmpdir);
		free(tmpdir);
	}
	free(json);
	free(jsondir);
	free(realjson);
	return error;
}
