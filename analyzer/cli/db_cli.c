/* db_cli.c - the `cvet db` subcommands: import OSV data into the advisory database, show its status */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "advdb/advdb_int.h"
#include "report/format_util.h"

static const char USAGE[] =
	"usage: cvet db import [--db PATH] [-q] PATH...   import OSV JSON files, folders, .zip archives and name maps\n"
	"                                            (-q: no progress line)\n"
	"       cvet db status [--db PATH]           show what the advisory database holds\n"
	"       cvet db path                         print the database cvet uses by default\n";

static int usage_error(const char *msg, const char *arg)
{
	fprintf(stderr, "cvet: %s%s", msg, arg ? " " : "");
	cvet_fmt__term(stderr, arg, 0); /* an argument is untrusted text: no control characters */
	fprintf(stderr, "\n%s", USAGE);
	return 2;
}

static int fail(void)
{
	/* messages quote file and entry names from the imported data: no control characters */
	fputs("cvet: error: ", stderr);
	cvet_fmt__term(stderr, cvet_error_last(), 0);
	fputc('\n', stderr);
	return 2;
}

/* mkdir -p for the parent folders of `path` (best effort; the open reports real failures). */
static void make_parents(const char *path)
{
	char buf[4096];
	size_t n = strlen(path);
	if (n >= sizeof(buf))
		return;
	memcpy(buf, path, n + 1);
	for (char *p = buf + 1; *p; p++) {
		if (*p == '/') {
			*p = '\0';
			mkdir(buf, 0755);
			*p = '/';
		}
	}
}

/* Where `cvet db import` writes without --db: $CVET_DB, else the per-user data folder. Lent static. */
static const char *import_target(void)
{
	static char buf[4096];
	const char *env = getenv("CVET_DB"), *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	if (env && *env)
		return env;
	if (xdg && *xdg)
		snprintf(buf, sizeof(buf), "%s/cvet/advisories.db", xdg);
	else if (home && *home)
		snprintf(buf, sizeof(buf), "%s/.local/share/cvet/advisories.db", home);
	else
		return NULL;
	make_parents(buf);
	return buf;
}

/* The import's temporary file, removed if the import is interrupted (the target is untouched anyway). */
static char interrupted_tmp[4096];
static struct sigaction old_int, old_term;

static void on_signal(int sig)
{
	if (interrupted_tmp[0])
		unlink(interrupted_tmp);
	signal(sig, SIG_DFL);
	raise(sig);
}

static void guard_tmp(const char *path)
{
	struct sigaction sa;
	snprintf(interrupted_tmp, sizeof(interrupted_tmp), "%s", path);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);
}

static void unguard_tmp(void)
{
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	interrupted_tmp[0] = '\0';
}

static double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Parse "--db PATH" / "--db=PATH" out of argv (from index 2); other arguments go to rest. Returns 0 or 2. */
static int parse_args(int argc, char **argv, const char **db, int *quiet, const char ***rest, size_t *nrest)
{
	*db = NULL;
	*quiet = 0;
	*nrest = 0;
	*rest = calloc((size_t)(argc > 0 ? argc : 1), sizeof(char *));
	if (!*rest)
		return fail();
	int only_paths = 0;
	for (int i = 2; i < argc; i++) {
		const char *a = argv[i];
		if (!only_paths && strcmp(a, "--") == 0) {
			only_paths = 1;
		} else if (!only_paths && strcmp(a, "--db") == 0) {
			if (i + 1 >= argc)
				return usage_error("--db needs a path", NULL);
			*db = argv[++i];
		} else if (!only_paths && strncmp(a, "--db=", 5) == 0) {
			*db = a + 5;
		} else if (!only_paths && (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0)) {
			*quiet = 1;
		} else if (!only_paths && a[0] == '-' && a[1]) {
			return usage_error("unknown option", a);
		} else {
			(*rest)[(*nrest)++] = a;
		}
	}
	if (*db && !**db)
		return usage_error("--db needs a path", NULL);
	return 0;
}

static int cmd_import(const char *db, int quiet, const char *const *paths, size_t n)
{
	cvet_advdb_writer *w = NULL;
	cvet_namemap map = {0};
	cvet_osv_import_stats st;
	char note[1024] = "";
	int rc;
	memset(&st, 0, sizeof(st));
	/* a progress line for archives: redrawn on a terminal, a line every 10 s in a log, none with -q */
	st.progress = quiet ? 0 : isatty(STDERR_FILENO) ? 1 : 2;
	if (n == 0)
		return usage_error("db import needs at least one path", NULL);
	if (!db && !(db = import_target()))
		return usage_error("no database path: pass --db or set CVET_DB", NULL);
	double t0 = now_seconds();
	/* hold SIGINT/SIGTERM while the temporary file is created, so that the handler knows it when they come */
	sigset_t block, saved;
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	sigprocmask(SIG_BLOCK, &block, &saved);
	if ((rc = cvet_advdb__writer_begin(&w, db)) < 0) {
		sigprocmask(SIG_SETMASK, &saved, NULL);
		return fail();
	}
	guard_tmp(cvet_advdb__writer_tmp_path(w));
	sigprocmask(SIG_SETMASK, &saved, NULL);
	if ((rc = cvet_advdb__writer_load_namemap(w, &map)) < 0 || (rc = cvet_osv__import(w, &map, paths, n, &st)) < 0) {
		cvet_advdb__writer_abort(w);
		unguard_tmp();
		cvet_osv__namemap_clear(&map);
		return fail();
	}
	cvet_osv__namemap_clear(&map);
	for (size_t i = 0; i < n; i++) {
		const char *base = strrchr(paths[i], '/');
		size_t len = strlen(paths[i]);
		/* "advisories/osv/" -> "osv": the last non-empty component, for a machine-independent note */
		while (len > 1 && paths[i][len - 1] == '/')
			len--;
		base = paths[i] + len;
		while (base > paths[i] && base[-1] != '/')
			base--;
		size_t used = strlen(note);
		snprintf(note + used, sizeof(note) - used, "%s%.*s", i ? ", " : "", (int)(paths[i] + len - base), base);
	}
	rc = cvet_advdb__writer_commit(w, note);
	unguard_tmp();
	if (rc < 0)
		return fail();
	double dt = now_seconds() - t0;
	if (st.warned > CVET_ADV_MAX_WARNINGS)
		fprintf(stderr, "cvet: warning: %zu more skipped records not shown\n", st.warned - CVET_ADV_MAX_WARNINGS);
	printf("imported %zu records (%zu skipped) into %s in %.2f s", st.imported, st.skipped, db, dt);
	if (st.other_ecosystem)
		printf("; %zu records for ecosystems cvet does not match left out", st.other_ecosystem);
	if (st.cve5 || st.cve5_unmapped || st.cve5_unusable)
		printf("; CVE 5: %zu imported, %zu skipped with no known product, %zu with no comparable version"
		       " (%zu git/rpm version entries skipped)", st.cve5, st.cve5_unmapped, st.cve5_unusable, st.cve5_git);
	printf("\n");
	return 0;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (month 1-12). */
static long days_from_civil(long y, long m, long d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* Age in days of an RFC 3339 date ("2026-01-05T..."), or -1 when it does not start with a date. */
static long age_days(const char *date)
{
	int y, m, d;
	if (!date || sscanf(date, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1 || d > 31)
		return -1;
	time_t now = time(NULL);
	struct tm tm;
	if (!gmtime_r(&now, &tm))
		return -1;
	return days_from_civil(tm.tm_year + 1900L, tm.tm_mon + 1L, tm.tm_mday) - days_from_civil(y, m, d);
}

#define STALE_DAYS 90

static int cmd_status(const char *path)
{
	cvet_advdb *db = NULL;
	cvet_advdb_status s;
	if (!path)
		path = cvet_advdb_default_path();
	if (cvet_advdb_open(&db, path) < 0)
		return fail();
	if (cvet_advdb__status(db, &s) < 0) {
		cvet_advdb_free(db);
		return fail();
	}
	printf("database: %s\n", path);
	printf("schema:   %d\n", s.schema);
	printf("records:  %lld", s.records);
	if (s.withdrawn)
		printf(" (%lld withdrawn)", s.withdrawn);
	printf("\npackages: %lld upstream projects\n", s.packages);
	printf("sources: ");
	for (size_t i = 0; i < s.nsources; i++)
		printf(" %s %lld%s", s.source_names[i], s.source_counts[i], i + 1 < s.nsources ? "," : "");
	printf("\nnewest:   %s\n", s.newest ? s.newest : "-");
	printf("imported: %s\n", s.imported ? s.imported : "-");
	long age = age_days(s.newest);
	if (age > STALE_DAYS)
		fprintf(stderr, "cvet: warning: the newest advisory is %ld days old (over %d): the database is stale;"
			" import a fresh OSV export with `cvet db import`\n", age, STALE_DAYS);
	cvet_advdb__status_clear(&s);
	cvet_advdb_free(db);
	return 0;
}

int cvet_db_main(int argc, char **argv)
{
	const char *db = NULL, **rest = NULL;
	size_t nrest = 0;
	int rc, quiet = 0;
	if (argc < 2 || !argv[1])
		return usage_error("db needs a subcommand", NULL);
	const char *cmd = argv[1];
	if (strcmp(cmd, "help") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
		fputs(USAGE, stdout);
		return 0;
	}
	if (strcmp(cmd, "import") != 0 && strcmp(cmd, "status") != 0 && strcmp(cmd, "path") != 0)
		return usage_error("unknown db subcommand", cmd);
	if ((rc = parse_args(argc, argv, &db, &quiet, &rest, &nrest)) != 0) {
		free(rest);
		return rc;
	}
	if (strcmp(cmd, "import") == 0) {
		rc = cmd_import(db, quiet, rest, nrest);
	} else if (nrest) {
		rc = usage_error("unexpected argument", rest[0]);
	} else if (strcmp(cmd, "status") == 0) {
		rc = cmd_status(db);
	} else {
		printf("%s\n", db ? db : cvet_advdb_default_path());
		rc = 0;
	}
	free(rest);
	return rc;
}
