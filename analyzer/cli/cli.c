/* cli.c - parse cvet's command line, run the chosen command, write the outputs, pick the exit code */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <clang-c/Index.h>
#include "cli/cli.h"
#include "cli/outputs.h"
#include "report/format_util.h"
#include "report/baseline.h"
#include "report/diff.h"
#include "cli/git_diff.h"
#include "report/config.h"
#include "code/cx.h"
#include "scan/cache.h"
#include "scan/driver.h"
#include "cvet/advisory.h"
#include "cvet/deps.h"
#include "cvet/report.h"
#include "cvet/rules.h"

#define MAX_OUTPUTS 16
#define MAX_JOBS 256
#define DEFAULT_TU_TIMEOUT 600 /* seconds per translation unit */

typedef struct cli_output {
	cvet_format fmt;
	const char *path;  /* NULL = stdout */
	int has_format;    /* an explicit --format */
} cli_output;

typedef struct rule_switch {
	const char *list;  /* "a,b,c" as given */
	int on;
} rule_switch;

typedef struct cli {
	int what;                         /* CVET_SCAN_CODE | CVET_SCAN_DEPS */
	const char *command;              /* "scan", "code", "deps" */
	const char **paths; size_t npaths;
	cli_output outputs[MAX_OUTPUTS]; size_t noutputs;
	int pending_format;               /* the last output's --format still waits for its -o */
	int has_fail_on;
	cvet_severity fail_on;
	rule_switch *switches; size_t nswitches;
	const char *compdb;
	const char **extra; size_t nextra;
	const char **exclude; size_t nexclude;
	int jobs;
	int tu_timeout;     /* --tu-timeout seconds */
	int tu_timeout_set;
	long tu_memory;     /* --tu-memory MiB; -1 = default */
	int no_isolate;     /* --no-isolate */
	int threat_local;   /* --threat-model local */
	int has_profile;    /* a --profile was given */
	cvet_profile profile;
	int fail_on_all_code; /* --fail-on-all-code */
	int quiet, no_color, report_unused, no_config;
	int progress;                     /* --progress: plain progress lines even when stderr is no terminal */
	int force;                        /* --force: outputs may replace sources/manifests in the tree */
	const char *db, *config, *root;
	const char *baseline;             /* --baseline FILE */
	const char *stdin_name;           /* --stdin-filename PATH: PATH's contents come from standard input */
	const char *diff_file;            /* --diff FILE: a unified diff */
	unsigned shard, shards;           /* --shard K/N */
	const char *save_part;            /* --save-part FILE */
	const char **parts; size_t nparts; /* --merge-part FILE... */
	const char *diff_base;            /* --diff-base REV: git diff against REV */
	const char *cache_dir;            /* --cache DIR */
	int no_cache;                     /* --no-cache */
	uint64_t cache_bytes;             /* --cache-size; 0 = default */
} cli;

/* ---- help ---- */

static const char usage_head[] =
	"usage: cvet <command> [options] [PATH...]\n"
	"\n"
	"cvet finds security problems in C and C++ code (a libclang AST walk) and known\n"
	"vulnerabilities in the dependencies the project pins (lockfiles and manifests\n"
	"matched against a local advisory database). It never runs anything from the\n"
	"scanned tree and needs no network.\n"
	"\n"
	"commands:\n"
	"  scan [PATH...]         code and dependencies, merged into one report (PATH defaults to .)\n"
	"  code [PATH...]         code only\n"
	"  deps [PATH...]         dependencies only\n"
	"  db <subcommand>        manage the advisory database (cvet db --help)\n"
	"  rules [list]           list every rule: id, severity, CWE, precision, profile, title\n"
	"  rules explain RULE     print a rule's documentation\n"
	"  cache status|clear     the incremental cache: where, how big, hits; or empty it\n"
	"  help [COMMAND]         this text, or a command's help\n"
	"  --version              print the version and exit\n";

static const char options_text[] =
	"\n"
	"paths:\n"
	"  PATH                   a directory to scan, or a file to analyse as given (default: .)\n"
	"                         directories are searched for .c .cc .cpp .cxx .h .hh .hpp files;\n"
	"                         .git, build/, out/, cmake-build-*/, node_modules and CMake build\n"
	"                         trees are skipped; symlinks are never followed out of the PATHs\n"
	"\n"
	"compilation:\n"
	"  -p DIR                 take files and flags from DIR/compile_commands.json (only entries\n"
	"                         under the PATHs are analysed); without -p, PATH/compile_commands.json\n"
	"                         and PATH/build/compile_commands.json are used when present\n"
	"  --compile-commands FILE  the same with the database file itself\n"
	"  --extra-arg ARG        add a compiler flag to every file (repeatable), e.g. --extra-arg=-DNDEBUG\n"
	"                         without a database, files get -I<their directory> and -I<each include/\n"
	"                         directory under the PATHs, or above them up to the report root>\n"
	"  --exclude GLOB         skip paths matching GLOB (repeatable); matched against the path\n"
	"                         relative to the report root and against each path component,\n"
	"                         e.g. --exclude 'tests/*' --exclude 'vendor'\n"
	"\n";

static const char options_text2[] =
	"rules:\n"
	"  --profile PROFILE      which rules run: 'default' (rules of high or very high precision, see\n"
	"                         'cvet rules list') or 'audit' (every rule, also the noisier ones);\n"
	"                         default: the config's \"profile\", else 'default'\n"
	"  --enable RULE[,RULE...]   switch rules on (e.g. ones the config or the profile switched off)\n"
	"  --disable RULE[,RULE...]  switch rules off (unknown rule ids are an error)\n"
	"  --config FILE          read settings from FILE (default: .cvet.json in the first PATH, else\n"
	"                         in the current directory, when present); see docs/config.md\n"
	"  --no-config            do not read a default .cvet.json\n"
	"  --report-unused-suppressions\n"
	"                         report 'cvet-ignore' comments that suppress nothing (rule\n"
	"                         unused-suppression; also on with --enable unused-suppression)\n"
	"\n"
	"dependencies:\n"
	"  --db PATH              advisory database to match against (default: $CVET_DB, else the\n"
	"                         user database, else the bundled snapshot)\n"
	"  --vcpkg-root DIR       a vcpkg checkout (default: $VCPKG_ROOT): versions/baseline.json at a manifest's\n"
	"                         builtin-baseline commit gives the versions nothing else pins\n"
	"";

static const char options_shards[] =
	"\n"
	"pull requests and CI:\n"
	"  --shard K/N            analyse only shard K of N of the sources (a deterministic split balanced by\n"
	"                         size) and write it with --save-part FILE; nothing else is reported\n"
	"  --merge-part FILE      (repeat for each shard) take the sources' results from the parts and finish\n"
	"                         the scan: the report is byte-identical to an unsharded run with the same\n"
	"                         options and paths\n"
	"  --diff FILE            report only what a change is responsible for: code findings whose line or\n"
	"                         dataflow path is on a line the unified diff FILE adds or changes, and\n"
	"                         dependency findings of manifests it changes ('-' = standard input)\n"
	"  --diff-base REV        the same with the diff of the tree against REV, from the user's git (the\n"
	"                         repository's hooks and diff drivers do not run); untracked files are not in it\n"
	"  --baseline FILE        a JSON report of an earlier run (--format json): findings it already\n"
	"                         holds (same fingerprint: rule, file, function and code, not the line)\n"
	"                         are not reported and do not fail the run, so only new ones fail a PR\n"
	"\n"
	"output:\n"
	"  --format FORMAT        text, gcc, json, sarif, markdown or html (default: text; html is one\n"
	"                         self-contained page, docs/report-html.md), or for GitLab codequality,\n"
	"                         gitlab-sast, gitlab-dependency-scanning (docs/gitlab.md)\n"
	"  -o, --output FILE      write the preceding --format to FILE, atomically (- is standard\n"
	"                         output); repeat --format F -o FILE for several outputs in one run;\n"
	"                         a --format without -o goes to standard output (at most one may);\n"
	"                         an -o without its own --format takes the format from the file\n"
	"                         name (.json, .sarif, .md, .html) or writes text\n"
	"                         an output may not be a file the run reads (--db, --baseline, the\n"
	"                         config, the compilation database, a PATH) nor another output's file\n"
	"  --force                let -o replace a source, header, lockfile or manifest inside a\n"
	"                         scanned directory (refused by default; report.sarif there is fine)\n"
	"  --root DIR             report paths relative to DIR (default: the current directory)\n"
	"  --no-color             no ANSI colours (also when NO_COLOR is set; colour is only ever used\n"
	"                         for text on a terminal)\n"
	"  -q, --quiet            no progress and no summary on standard error\n"
	"  --progress             progress on standard error even when it is not a terminal: a plain\n"
	"                         line every 10 s (files done, elapsed, time left), for CI logs\n"
	"\n"
	"behaviour:\n"
	"  --fail-on SEVERITY     exit 1 when a finding is at or above SEVERITY: critical, high, medium,\n"
	"                         low, note, or none to never fail (default: high, or the config's\n"
	"                         \"fail_on\"); findings in test, example, benchmark, contrib, vendored\n"
	"                         and tool code are reported but do not count (docs/config.md)\n"
	"  --fail-on-all-code     let findings outside product code fail the run too (also the\n"
	"                         config's \"fail_on_all_code\": true)\n"
	"  -j, --jobs N           parse N files in parallel (default: the number of online CPUs)\n";

static const char options_limits[] =
	"  --tu-timeout SECONDS   stop analysing a file that takes longer than this (a hostile #include of\n"
	"                         a FIFO, a macro bomb): the file gets a note and the scan goes on\n"
	"                         (default 600; 0 = no limit; with --no-isolate the run exits 2 instead)\n"
	"  --tu-memory MIB        stop analysing a file whose worker needs more memory than this; the\n"
	"                         file gets a note (default: the machine's memory over jobs + 1, from 1024\n"
	"                         to 4096; 0 = no limit)\n"
	"  --stdin-filename PATH  (code) analyse standard input as the contents of PATH, with PATH's flags:\n"
	"                         an editor's unsaved buffer; PATH is then the only path\n"
	"  --no-isolate           parse in the scanner's own process instead of one worker process per\n"
	"                         job: a file that crashes libclang or exhausts memory then ends the run\n"
	"  --threat-model MODEL   which inputs the taint rules treat as untrusted: 'remote' (default: the\n"
	"                         network, files and standard input) or 'local' (also the command line and\n"
	"                         the environment, as for a setuid program; a main() that calls setuid()\n"
	"                         or friends gets this automatically)\n"
	"  -h, --help             show this help\n";

static const char options_cache[] =
	"\n"
	"incremental cache:\n"
	"  each file's results are kept in a cache (SQLite, in $XDG_CACHE_HOME/cvet, else ~/.cache/cvet)\n"
	"  keyed by cvet's build, the rules and config, the file's compile flags and the bytes of every file\n"
	"  it included; a re-scan parses only what changed and reports byte-for-byte what a cold scan would\n"
	"  --cache DIR            keep the cache in DIR (created 0700; may be inside the tree when you ask)\n"
	"  --no-cache             neither read nor write the cache (also CVET_NO_CACHE=1; CVET_CACHE_DIR\n"
	"                         sets the folder)\n"
	"  --cache-size SIZE      bound on the cache, least recently used results evicted first: a number\n"
	"                         of MiB, or with a K, M or G suffix (default 512M)\n"
	"  a folder that is a symbolic link, another user's or writable by others is not used, nor a\n"
	"  default folder inside a scanned PATH; a damaged cache file is moved aside and started anew\n"
	"  (a note on standard error, never an error of the scan). 'cvet cache status|clear' shows or\n"
	"  empties it.\n";

static const char options_text3[] =
	"\n"
	"suppressions:\n"
	"  a comment '// cvet-ignore: RULE[,RULE...] reason' silences those rules on its own line\n"
	"  and the line below; a suppression without a reason is reported (suppression-without-reason)\n"
	"\n"
	"exit status:\n"
	"  0  nothing at or above --fail-on     1  findings at or above --fail-on\n"
	"  2  usage or input error (one line on standard error: 'cvet: error: ...')\n";

static void print_help(FILE *out, const char *command)
{
	if (command && (strcmp(command, "scan") == 0 || strcmp(command, "code") == 0 || strcmp(command, "deps") == 0)) {
		fprintf(out, "usage: cvet %s [options] [PATH...]\n\n", command);
		if (strcmp(command, "scan") == 0)
			fputs("Analyse the code and the dependencies under each PATH and write one report.\n", out);
		else if (strcmp(command, "code") == 0)
			fputs("Analyse only the C and C++ code under each PATH (libclang AST walk).\n", out);
		else
			fputs("Analyse only the dependencies pinned under each PATH (lockfiles, manifests,\n"
			      "submodules, SBOMs) against the advisory database.\n",
			      out);
		fputs(options_text, out);
		fputs(options_text2, out);
		fputs(options_shards, out);
		fputs(options_limits, out);
		fputs(options_cache, out);
		fputs(options_text3, out);
		return;
	}
	if (command && strcmp(command, "cache") == 0) {
		fputs("usage: cvet cache status [--cache DIR] [--cache-size SIZE]\n"
		      "       cvet cache clear [--cache DIR]\n\n"
		      "  status          the cache's file, its entries and size, the bound, and how many\n"
		      "                  translation units were taken from it since it was created\n"
		      "  clear           remove the cache's files (the next scan parses everything again)\n"
		      "  --cache DIR     the cache folder (default: $CVET_CACHE_DIR, else $XDG_CACHE_HOME/cvet,\n"
		      "                  else ~/.cache/cvet)\n",
		      out);
		return;
	}
	if (command && strcmp(command, "rules") == 0) {
		fputs("usage: cvet rules [list]\n"
		      "       cvet rules explain RULE\n\n"
		      "  list            a table of every rule: id, default severity, CWE, precision, the\n"
		      "                  profile it runs in (default, or only audit), title\n"
		      "  explain RULE    the rule's documentation: what it finds, why it matters, how to fix\n",
		      out);
		return;
	}
	fputs(usage_head, out);
	fputs(options_text, out);
	fputs(options_text2, out);
	fputs(options_shards, out);
	fputs(options_limits, out);
	fputs(options_cache, out);
	fputs(options_text3, out);
}

/* ---- errors ---- */

static int fail(int code, const char *fmt, const char *arg)
{
	char msg[512];
	snprintf(msg, sizeof(msg), fmt, arg ? arg : "");
	cvet_error_setc(code, "%s", msg);
	return code;
}

static int report_error(void)
{
	const char *m = cvet_error_last();
	/* messages quote paths and text from the scanned tree: no control characters reach the terminal */
	fputs("cvet: error: ", stderr);
	cvet_fmt__term(stderr, m && *m ? m : "failed", 0);
	fputc('\n', stderr);
	return CVET_EXIT_USAGE;
}

/* ---- option parsing ---- */

/*
 * 1 when argv[*i] is option `lng` ("--name", also "--name=value") or `shrt` ("-x", also "-xVALUE").
 * For options with a value, *val receives it (next argument when separate, *i advanced); a missing
 * value sets *err to CVET_EUSAGE.
 */
static int is_opt(int argc, char **argv, int *i, const char *lng, char shrt, int has_value, const char **val,
		  int *err)
{
	const char *a = argv[*i];
	size_t n = lng ? strlen(lng) : 0;

	if (lng && strncmp(a, lng, n) == 0 && (a[n] == '\0' || (a[n] == '=' && has_value))) {
		if (!has_value)
			return 1;
		if (a[n] == '=') {
			*val = a + n + 1;
			return 1;
		}
	} else if (shrt && a[0] == '-' && a[1] == shrt && (a[2] == '\0' || has_value)) {
		if (!has_value)
			return 1;
		if (a[2] != '\0') {
			*val = a + 2;
			return 1;
		}
	} else {
		return 0;
	}
	if (*i + 1 >= argc) {
		*err = fail(CVET_EUSAGE, "option '%s' needs a value", a);
		return 1;
	}
	*val = argv[++*i];
	return 1;
}

/* Format from an output file's extension, text when unknown. */
static cvet_format format_for_path(const char *path)
{
	const char *dot = strrchr(path, '.');
	if (dot && !strchr(dot, '/')) {
		if (strcmp(dot, ".json") == 0)
			return CVET_FMT_JSON;
		if (strcmp(dot, ".sarif") == 0)
			return CVET_FMT_SARIF;
		if (strcmp(dot, ".md") == 0 || strcmp(dot, ".markdown") == 0)
			return CVET_FMT_MARKDOWN;
		if (strcmp(dot, ".html") == 0 || strcmp(dot, ".htm") == 0)
			return CVET_FMT_HTML;
	}
	return CVET_FMT_TEXT;
}

static int push_ptr(const char ***v, size_t *n, const char *s)
{
	size_t want = *n + 1;
	const char **nv = want > SIZE_MAX / sizeof(**v) ? NULL : realloc((void *)*v, want * sizeof(**v));
	if (!nv)
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	nv[(*n)++] = s;
	*v = nv;
	return 0;
}

/* Check every id of "a,b,c" is a registered rule. 0 or CVET_EUSAGE. */
static int check_rule_list(const char *list, const char *option)
{
	const char *p = list;
	char id[256];
	if (!*list)
		return cvet_error_setc(CVET_EUSAGE, "option '%s' needs a rule id", option);
	while (*p) {
		const char *comma = strchr(p, ',');
		size_t n = comma ? (size_t)(comma - p) : strlen(p);
		if (n >= sizeof(id))
			n = sizeof(id) - 1;
		memcpy(id, p, n);
		id[n] = '\0';
		if (n > 0 && !cvet_rules_find(id))
			return cvet_error_setc(CVET_EUSAGE, "unknown rule '%.100s' in %s (run 'cvet rules list')", id,
					       option);
		if (!comma)
			break;
		p = comma + 1;
	}
	return 0;
}

static int parse_jobs(const char *v, int *out)
{
	char *end;
	long n;
	errno = 0;
	n = strtol(v, &end, 10);
	if (errno || end == v || *end || n < 1 || n > MAX_JOBS)
		return fail(CVET_EUSAGE, "-j needs a number of jobs from 1 to 256, not '%.40s'", v);
	*out = (int)n;
	return 0;
}

static int parse_memory(const char *v, long *out)
{
	char *end;
	long n;
	errno = 0;
	n = strtol(v, &end, 10);
	if (errno || end == v || *end || (n != 0 && n < 64) || n > 1048576)
		return fail(CVET_EUSAGE, "--tu-memory needs a number of MiB from 64 to 1048576 (or 0 for no limit), not '%.40s'", v);
	*out = n;
	return 0;
}

/* The default memory bound per translation unit: the machine's memory shared by the jobs and the scanner. */
static unsigned default_tu_memory(int jobs)
{
	long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGESIZE);
	unsigned long long mb;
	if (pages <= 0 || page <= 0)
		return 4096;
	mb = (unsigned long long)pages * (unsigned long long)page / (1024ull * 1024ull) / (unsigned long long)(jobs + 1);
	return mb < 1024 ? 1024 : mb > 4096 ? 4096 : (unsigned)mb;
}

static int parse_timeout(const char *v, int *out)
{
	char *end;
	long n;
	errno = 0;
	n = strtol(v, &end, 10);
	if (errno || end == v || *end || n < 0 || n > 86400)
		return fail(CVET_EUSAGE, "--tu-timeout needs a number of seconds from 0 (no limit) to 86400, not '%.40s'", v);
	*out = (int)n;
	return 0;
}

/* --cache-size: MiB, or a number with a K, M or G suffix; from 64K to 1024G. 0 or CVET_EUSAGE. */
static int parse_cache_size(const char *v, uint64_t *out)
{
	char *end = NULL;
	unsigned long long n;
	uint64_t unit = (uint64_t)1 << 20;
	errno = 0;
	n = strtoull(v, &end, 10);
	if (end && (*end == 'K' || *end == 'k'))
		unit = (uint64_t)1 << 10, end++;
	else if (end && (*end == 'M' || *end == 'm'))
		unit = (uint64_t)1 << 20, end++;
	else if (end && (*end == 'G' || *end == 'g'))
		unit = (uint64_t)1 << 30, end++;
	if (errno || !end || end == v || *end || v[0] == '-' || n > ((uint64_t)1 << 40) / unit ||
	    n * unit < ((uint64_t)64 << 10))
		return cvet_error_setc(CVET_EUSAGE, "--cache-size needs a size from 64K to 1024G (a number of MiB, or "
				       "with a K, M or G suffix), not '%.40s'", v);
	*out = (uint64_t)n * unit;
	return 0;
}

/* The directory part of path exists and is writable; 0 or CVET_EIO. */
static int check_output_path(const char *path)
{
	char dir[PATH_MAX];
	const char *slash = strrchr(path, '/');
	struct stat st;

	if (!*path)
		return cvet_error_setc(CVET_EUSAGE, "-o needs a file name");
	if (!slash)
		snprintf(dir, sizeof(dir), ".");
	else if (slash == path)
		snprintf(dir, sizeof(dir), "/");
	else
		snprintf(dir, sizeof(dir), "%.*s", (int)(slash - path), path);
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		return cvet_error_setc(CVET_EIO, "cannot write '%s': directory '%s' does not exist", path, dir);
	if (access(dir, W_OK) != 0)
		return cvet_error_setc(CVET_EIO, "cannot write '%s': %s", path, strerror(errno));
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return cvet_error_setc(CVET_EIO, "cannot write '%s': it is a directory", path);
	return 0;
}

static int parse_scan_args(cli *c, int argc, char **argv)
{
	int err = 0, only_paths = 0;

	for (int i = 1; i < argc && err == 0; i++) {
		const char *a = argv[i], *v = NULL;
		if (only_paths || a[0] != '-' || a[1] == '\0') {
			err = push_ptr(&c->paths, &c->npaths, a);
		} else if (strcmp(a, "--") == 0) {
			only_paths = 1;
		} else if (is_opt(argc, argv, &i, "--format", 0, 1, &v, &err)) {
			cvet_format f;
			if (err)
				break;
			if ((err = cvet_format_parse(v, &f)) < 0)
				break;
			if (c->noutputs >= MAX_OUTPUTS) {
				err = cvet_error_setc(CVET_EUSAGE, "too many outputs (at most %d)", MAX_OUTPUTS);
				break;
			}
			c->outputs[c->noutputs].fmt = f;
			c->outputs[c->noutputs].path = NULL;
			c->outputs[c->noutputs].has_format = 1;
			c->noutputs++;
			c->pending_format = 1;
		} else if (is_opt(argc, argv, &i, "--output", 'o', 1, &v, &err)) {
			if (err)
				break;
			if (strcmp(v, "-") == 0)
				v = NULL; /* "-o -": standard output */
			if (c->pending_format) {
				c->outputs[c->noutputs - 1].path = v;
				c->pending_format = 0;
			} else if (c->noutputs >= MAX_OUTPUTS) {
				err = cvet_error_setc(CVET_EUSAGE, "too many outputs (at most %d)", MAX_OUTPUTS);
			} else {
				c->outputs[c->noutputs].fmt = v ? format_for_path(v) : CVET_FMT_TEXT;
				c->outputs[c->noutputs].path = v;
				c->outputs[c->noutputs].has_format = 0;
				c->noutputs++;
			}
		} else if (is_opt(argc, argv, &i, "--fail-on", 0, 1, &v, &err)) {
			if (!err && (err = cvet_severity_parse(v, &c->fail_on)) == 0)
				c->has_fail_on = 1;
		} else if (is_opt(argc, argv, &i, "--enable", 0, 1, &v, &err) ||
			   is_opt(argc, argv, &i, "--disable", 0, 1, &v, &err)) {
			rule_switch *s;
			if (err || (err = check_rule_list(v, strncmp(a, "--enable", 8) == 0 ? "--enable" : "--disable")) < 0)
				break;
			size_t want = c->nswitches + 1;
			if (want > SIZE_MAX / sizeof(*s) || !(s = realloc(c->switches, want * sizeof(*s)))) {
				err = cvet_error_setc(CVET_ENOMEM, "out of memory");
				break;
			}
			c->switches = s;
			s[c->nswitches].list = v;
			s[c->nswitches].on = strncmp(a, "--enable", 8) == 0;
			c->nswitches++;
		} else if (is_opt(argc, argv, &i, "--jobs", 'j', 1, &v, &err)) {
			if (!err)
				err = parse_jobs(v, &c->jobs);
		} else if (is_opt(argc, argv, &i, "--threat-model", 0, 1, &v, &err)) {
			if (!err && strcmp(v, "local") == 0)
				c->threat_local = 1;
			else if (!err && strcmp(v, "remote") == 0)
				c->threat_local = 0;
			else if (!err)
				err = cvet_error_setc(CVET_EUSAGE, "--threat-model is 'remote' or 'local', not '%.40s'", v);
		} else if (is_opt(argc, argv, &i, "--profile", 0, 1, &v, &err)) {
			if (!err && cvet_config__profile_parse(v, &c->profile) < 0)
				err = cvet_error_setc(CVET_EUSAGE, "--profile is 'default' or 'audit', not '%.40s'", v);
			c->has_profile = 1;
		} else if (is_opt(argc, argv, &i, "--fail-on-all-code", 0, 0, &v, &err)) {
			c->fail_on_all_code = 1;
		} else if (is_opt(argc, argv, &i, "--tu-timeout", 0, 1, &v, &err)) {
			if (!err)
				err = parse_timeout(v, &c->tu_timeout);
			c->tu_timeout_set = 1;
		} else if (is_opt(argc, argv, &i, "--tu-memory", 0, 1, &v, &err)) {
			if (!err)
				err = parse_memory(v, &c->tu_memory);
		} else if (is_opt(argc, argv, &i, "--no-isolate", 0, 0, &v, &err)) {
			c->no_isolate = 1;
		} else if (is_opt(argc, argv, &i, "--no-cache", 0, 0, &v, &err)) {
			c->no_cache = 1;
		} else if (is_opt(argc, argv, &i, "--cache", 0, 1, &v, &err)) {
			if (!err && !*v)
				err = cvet_error_setc(CVET_EUSAGE, "--cache needs a folder");
			c->cache_dir = v;
		} else if (is_opt(argc, argv, &i, "--cache-size", 0, 1, &v, &err)) {
			if (!err)
				err = parse_cache_size(v, &c->cache_bytes);
		} else if (is_opt(argc, argv, &i, "--shard", 0, 1, &v, &err)) {
			unsigned k = 0, n = 0;
			char tail;
			if (!err && (sscanf(v, "%u/%u%c", &k, &n, &tail) != 2 || !n || n > 10000 || !k || k > n))
				err = cvet_error_setc(CVET_EUSAGE, "--shard is K/N with 1 <= K <= N <= 10000, not '%.40s'", v);
			c->shard = k;
			c->shards = n;
		} else if (is_opt(argc, argv, &i, "--save-part", 0, 1, &v, &err)) {
			if (!err && !*v)
				err = cvet_error_setc(CVET_EUSAGE, "option '%s' needs a value", a);
			c->save_part = v;
		} else if (is_opt(argc, argv, &i, "--merge-part", 0, 1, &v, &err)) {
			if (!err)
				err = push_ptr(&c->parts, &c->nparts, v);
		} else if (is_opt(argc, argv, &i, "--diff", 0, 1, &v, &err)) {
			if (!err && (c->diff_file || c->diff_base))
				err = cvet_error_setc(CVET_EUSAGE, "give one of --diff and --diff-base, once");
			c->diff_file = v;
		} else if (is_opt(argc, argv, &i, "--diff-base", 0, 1, &v, &err)) {
			if (!err && (c->diff_file || c->diff_base))
				err = cvet_error_setc(CVET_EUSAGE, "give one of --diff and --diff-base, once");
			c->diff_base = v;
		} else if (is_opt(argc, argv, &i, "--stdin-filename", 0, 1, &v, &err)) {
			if (!err && !*v)
				err = cvet_error_setc(CVET_EUSAGE, "option '%s' needs a value", a);
			c->stdin_name = v;
		} else if (is_opt(argc, argv, &i, "--compile-commands", 'p', 1, &v, &err)) {
			if (!err && c->compdb)
				err = cvet_error_setc(CVET_EUSAGE, "give one compilation database (-p or --compile-commands)");
			else if (!err && !*v)
				err = cvet_error_setc(CVET_EUSAGE, "option '%s' needs a value", a);
			c->compdb = v;
		} else if (is_opt(argc, argv, &i, "--extra-arg", 0, 1, &v, &err)) {
			if (!err)
				err = push_ptr(&c->extra, &c->nextra, v);
		} else if (is_opt(argc, argv, &i, "--exclude", 0, 1, &v, &err)) {
			if (!err && !*v)
				err = cvet_error_setc(CVET_EUSAGE, "--exclude needs a glob pattern");
			if (!err)
				err = push_ptr(&c->exclude, &c->nexclude, v);
		} else if (is_opt(argc, argv, &i, "--baseline", 0, 1, &v, &err)) {
			c->baseline = v;
		} else if (is_opt(argc, argv, &i, "--db", 0, 1, &v, &err)) {
			c->db = v;
		} else if (is_opt(argc, argv, &i, "--vcpkg-root", 0, 1, &v, &err)) {
			/* read by the vcpkg manifest parser, like a $VCPKG_ROOT set by the user (single-threaded here) */
			if (!err && (!*v || setenv("VCPKG_ROOT", v, 1) != 0))
				err = cvet_error_setc(CVET_EUSAGE, "--vcpkg-root needs a folder");
		} else if (is_opt(argc, argv, &i, "--config", 0, 1, &v, &err)) {
			c->config = v;
		} else if (is_opt(argc, argv, &i, "--root", 0, 1, &v, &err)) {
			c->root = v;
		} else if (is_opt(argc, argv, &i, "--progress", 0, 0, &v, &err)) {
			c->progress = 1;
		} else if (is_opt(argc, argv, &i, "--quiet", 'q', 0, &v, &err)) {
			c->quiet = 1;
		} else if (is_opt(argc, argv, &i, "--no-color", 0, 0, &v, &err) ||
			   is_opt(argc, argv, &i, "--no-colour", 0, 0, &v, &err)) {
			c->no_color = 1;
		} else if (is_opt(argc, argv, &i, "--no-config", 0, 0, &v, &err)) {
			c->no_config = 1;
		} else if (is_opt(argc, argv, &i, "--force", 0, 0, &v, &err)) {
			c->force = 1;
		} else if (is_opt(argc, argv, &i, "--report-unused-suppressions", 0, 0, &v, &err)) {
			c->report_unused = 1;
		} else {
			err = fail(CVET_EUSAGE, "unknown option '%.80s' (see 'cvet --help')", a);
		}
	}
	return err;
}

static void cli_free(cli *c)
{
	free((void *)c->paths);
	free((void *)c->parts);
	free(c->switches);
	free((void *)c->extra);
	free((void *)c->exclude);
}

/* Apply "a,b,c" to the per-rule flags. */
static void apply_switch(unsigned char *enabled, const char *list, int on)
{
	char id[256];
	const char *p = list;
	while (*p) {
		const char *comma = strchr(p, ',');
		size_t n = comma ? (size_t)(comma - p) : strlen(p);
		int idx;
		if (n >= sizeof(id))
			n = sizeof(id) - 1;
		memcpy(id, p, n);
		id[n] = '\0';
		if ((idx = cvet_rules_index(id)) >= 0)
			enabled[idx] = (unsigned char)on;
		if (!comma)
			break;
		p = comma + 1;
	}
}

/* 1 when the comma-separated list names `id`. */
static int list_has(const char *list, const char *id)
{
	size_t n = strlen(id);
	for (const char *p = list; p && *p;) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		if (len == n && strncmp(p, id, n) == 0)
			return 1;
		p = comma ? comma + 1 : NULL;
	}
	return 0;
}

static int is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static int is_file(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

/*
 * A config found in the tree (not named by --config) is part of the tree: a link that leads out of the
 * directory it was found in would have cvet read, and quote in its errors, a file the tree does not own.
 * 0, or CVET_EUSAGE with the message set.
 */
static int config_inside(const char *config, const char *dir)
{
	char *real = realpath(config, NULL), *rdir = realpath(dir, NULL);
	int ok = real && rdir && cvet_jobs__path_under(real, rdir);
	free(real);
	free(rdir);
	if (ok)
		return 0;
	return cvet_error_setc(CVET_EUSAGE, "'%s' leads out of '%s'; name a config outside the tree with --config, or "
			       "remove the link", config, dir);
}

/* All of standard input (an editor's buffer), at most 64 MiB, into *out (malloc'd, NUL-terminated). */
#define MAX_STDIN_BYTES (64u << 20)
static int read_stdin(char **out, size_t *len)
{
	size_t n = 0, cap = 65536;
	char *buf = malloc(cap + 1);
	if (!buf)
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	for (;;) {
		size_t k;
		if (n == cap) {
			char *nb;
			if (cap >= MAX_STDIN_BYTES) {
				free(buf);
				return cvet_error_setc(CVET_ELIMIT, "standard input is larger than %u MiB", MAX_STDIN_BYTES >> 20);
			}
			cap *= 2;
			if (!(nb = realloc(buf, cap + 1))) {
				free(buf);
				return cvet_error_setc(CVET_ENOMEM, "out of memory");
			}
			buf = nb;
		}
		k = fread(buf + n, 1, cap - n, stdin);
		n += k;
		if (k == 0) {
			if (ferror(stdin)) {
				free(buf);
				return cvet_error_setc(CVET_EIO, "cannot read standard input: %s", strerror(errno));
			}
			break;
		}
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return 0;
}

/* 1 when the rule runs under the profile: the default profile runs rules of high precision only. */
static int in_profile(const cvet_rule *r, cvet_profile profile)
{
	return profile == CVET_PROFILE_AUDIT || r->precision >= CVET_PRECISION_HIGH;
}

/* Print a one-line summary on stderr: counts by severity and how many reach the threshold. */
static void print_summary(const cvet_report *r, cvet_severity fail_on, int all_code)
{
	size_t by[CVET_SEV_NONE] = {0};
	for (size_t i = 0; i < r->nfindings; i++)
		if ((unsigned)r->findings[i]->severity < CVET_SEV_NONE)
			by[r->findings[i]->severity]++;
	fprintf(stderr, "cvet: %zu finding%s (%zu critical, %zu high, %zu medium, %zu low, %zu note); ", r->nfindings,
		r->nfindings == 1 ? "" : "s", by[CVET_SEV_CRITICAL], by[CVET_SEV_HIGH], by[CVET_SEV_MEDIUM],
		by[CVET_SEV_LOW], by[CVET_SEV_NOTE]);
	if (fail_on == CVET_SEV_NONE)
		fprintf(stderr, "--fail-on none\n");
	else
		fprintf(stderr, "%zu at or above %s%s\n", cvet_report_count_failing(r, fail_on, all_code),
			cvet_severity_name(fail_on), all_code ? "" : " in product code");
}

/*
 * Refuse outputs that would replace what this run reads (the advisory database, the baseline, the
 * configuration, the compilation database, a PATH that is a file), that share one file, or that land
 * on a source or manifest inside a scanned directory without --force. 0, CVET_EUSAGE or CVET_ENOMEM.
 */
static int check_outputs(const cli *c, const char *config_path)
{
	const char *files[MAX_OUTPUTS];
	cvet_cli_input in[4];
	char *compdb = NULL;
	size_t n = 0;
	int error;

	for (size_t i = 0; i < c->noutputs; i++)
		if (c->outputs[i].path)
			files[n++] = c->outputs[i].path;
	if (n == 0)
		return 0;
	if (c->compdb && is_dir(c->compdb) && !(compdb = cvet_jobs__join(c->compdb, "compile_commands.json")))
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	in[0].path = c->db ? c->db : cvet_advdb_default_path();
	in[0].what = "the advisory database";
	in[1].path = c->baseline;
	in[1].what = "the baseline";
	in[2].path = config_path;
	in[2].what = "the configuration";
	in[3].path = compdb ? compdb : c->compdb;
	in[3].what = "the compilation database";
	error = cvet_cli__check_outputs(files, n, in, 4, c->paths, c->npaths, c->force);
	free(compdb);
	return error;
}

static int scan_main(int what, const char *command, int argc, char **argv)
{
	cli c;
	cvet_config *config = NULL;
	cvet_report *report = NULL;
	cvet_scan_options o;
	unsigned char *enabled = NULL;
	int *severity = NULL;
	const char **excludes = NULL;
	const char *default_path = ".";
	const char *config_path = NULL;
	char *root = NULL, *cwd_config = NULL, *stdin_text = NULL;
	size_t stdin_len = 0;
	size_t nrules = cvet_rules_count(), nexcl = 0, nstdout = 0;
	cvet_severity fail_on = CVET_SEV_HIGH;
	cvet_profile profile = CVET_PROFILE_DEFAULT;
	int all_code = 0;
	cvet_write_options w = CVET_WRITE_OPTIONS_INIT;
	int rc = CVET_EXIT_USAGE, error;
	long cores;
	cvet_baseline *baseline = NULL;
	cvet_diff *diff = NULL;
	char *cache_dir = NULL;
	cvet_scan_cache_info cache_info;

	memset(&c, 0, sizeof(c));
	memset(&cache_info, 0, sizeof(cache_info));
	c.what = what;
	c.command = command;
	c.tu_memory = -1;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			print_help(stdout, command);
			return CVET_EXIT_OK;
		}
	}
	if ((error = parse_scan_args(&c, argc, argv)) < 0)
		goto error;
	if (c.stdin_name) {
		if (c.what != CVET_SCAN_CODE || c.npaths > 0) {
			error = cvet_error_setc(CVET_EUSAGE, "--stdin-filename is for 'cvet code' and names the only path");
			goto error;
		}
		if ((error = push_ptr(&c.paths, &c.npaths, c.stdin_name)) < 0 ||
		    (error = read_stdin(&stdin_text, &stdin_len)) < 0)
			goto error;
	}
	if (c.npaths == 0) {
		c.paths = NULL;
		if ((error = push_ptr(&c.paths, &c.npaths, default_path)) < 0)
			goto error;
	}
	for (size_t i = 0; i < c.npaths; i++) {
		struct stat st;
		if (stat(c.paths[i], &st) != 0) {
			error = cvet_error_setc(CVET_EIO, "cannot read '%s': %s", c.paths[i], strerror(errno));
			goto error;
		}
		if (!S_ISDIR(st.st_mode) && !S_ISREG(st.st_mode)) {
			error = cvet_error_setc(CVET_EIO, "cannot read '%s': not a file or directory", c.paths[i]);
			goto error;
		}
	}
	for (size_t i = 0; i < c.noutputs; i++) {
		if (!c.outputs[i].path)
			nstdout++;
		else if ((error = check_output_path(c.outputs[i].path)) < 0)
			goto error;
	}
	if (nstdout > 1) {
		error = cvet_error_setc(CVET_EUSAGE,
					"only one output can go to standard output; give the others '-o FILE'");
		goto error;
	}
	if (c.noutputs == 0) {
		c.outputs[0].fmt = CVET_FMT_TEXT;
		c.outputs[0].path = NULL;
		c.noutputs = 1;
	}
	if (c.root) {
		if (!is_dir(c.root) || !(root = realpath(c.root, NULL))) {
			error = cvet_error_setc(CVET_EIO, "--root '%s' is not a directory", c.root);
			goto error;
		}
	} else if (!(root = realpath(".", NULL))) {
		error = cvet_error_setc(CVET_EIO, "cannot resolve the current directory: %s", strerror(errno));
		goto error;
	}
	if (c.compdb && !(what & CVET_SCAN_CODE))
		c.compdb = NULL; /* irrelevant for deps */

	/* configuration: explicit, else .cvet.json in the first PATH, else in the current directory */
	if (c.config) {
		struct stat st;
		if (stat(c.config, &st) != 0) {
			error = cvet_error_setc(CVET_EIO, "cannot read config '%s': %s", c.config, strerror(errno));
			goto error;
		}
		if (!S_ISREG(st.st_mode)) {
			error = cvet_error_setc(CVET_EIO, "cannot read config '%s': not a regular file", c.config);
			goto error;
		}
		config_path = c.config;
	} else if (!c.no_config) {
		if (is_dir(c.paths[0]) && (cwd_config = cvet_jobs__join(c.paths[0], CVET_CONFIG_NAME)) &&
		    is_file(cwd_config))
			config_path = cwd_config;
		else if (is_file(CVET_CONFIG_NAME))
			config_path = CVET_CONFIG_NAME;
		if (config_path && (error = config_inside(config_path, config_path == cwd_config ? c.paths[0] : ".")) < 0)
			goto error;
	}
	if ((error = check_outputs(&c, config_path)) < 0)
		goto error;
	if (config_path && (error = cvet_config__load(config_path, &config)) < 0)
		goto error;

	/* rule switches: the profile, then the config, then --enable/--disable in command-line order */
	if (!(enabled = malloc(nrules ? nrules : 1)) || !(severity = calloc(nrules ? nrules : 1, sizeof(int)))) {
		error = cvet_error_setc(CVET_ENOMEM, "out of memory");
		goto error;
	}
	if (config && config->has_profile)
		profile = config->profile;
	if (c.has_profile)
		profile = c.profile;
	for (size_t i = 0; i < nrules; i++) {
		const cvet_rule *r = cvet_rules_at(i);
		enabled[i] = (unsigned char)(r && in_profile(r, profile));
		severity[i] = -1;
	}
	if (config) {
		for (size_t i = 0; i < config->nrules; i++) {
			int idx = cvet_rules_index(config->rules[i].id);
			if (idx < 0)
				continue;
			if (config->rules[i].enabled >= 0)
				enabled[idx] = (unsigned char)config->rules[i].enabled;
			if (config->rules[i].severity >= 0)
				severity[idx] = config->rules[i].severity;
			/* asking for the rule by name means asking for the report */
			if (config->rules[i].enabled == 1 && strcmp(config->rules[i].id, CVET_RULE_SUPPRESSION_UNUSED) == 0)
				c.report_unused = 1;
		}
		if (config->has_fail_on)
			fail_on = config->fail_on;
		if (config->fail_on_all_code >= 0)
			all_code = config->fail_on_all_code;
	}
	if (c.fail_on_all_code)
		all_code = 1;
	for (size_t i = 0; i < c.nswitches; i++) {
		apply_switch(enabled, c.switches[i].list, c.switches[i].on);
		if (c.switches[i].on && list_has(c.switches[i].list, CVET_RULE_SUPPRESSION_UNUSED))
			c.report_unused = 1;
	}
	if (c.has_fail_on)
		fail_on = c.fail_on;

	nexcl = c.nexclude + (config ? config->nexclude : 0);
	if (nexcl && !(excludes = calloc(nexcl, sizeof(*excludes)))) {
		error = cvet_error_setc(CVET_ENOMEM, "out of memory");
		goto error;
	}
	for (size_t i = 0; i < c.nexclude; i++)
		excludes[i] = c.exclude[i];
	for (size_t i = 0; config && i < config->nexclude; i++)
		excludes[c.nexclude + i] = config->exclude[i];

	if (!c.jobs) {
		cores = sysconf(_SC_NPROCESSORS_ONLN);
		c.jobs = cores < 1 ? 1 : cores > MAX_JOBS ? MAX_JOBS : (int)cores;
	}

	memset(&o, 0, sizeof(o));
	o.what = what;
	o.paths = c.paths;
	o.npaths = c.npaths;
	o.shard = c.shard;
	o.shards = c.shards;
	o.save_part = c.save_part;
	o.parts = c.parts;
	o.nparts = c.nparts;
	if (c.shards)
		o.what &= CVET_SCAN_CODE; /* the dependency scan runs once, in the merge */
	o.stdin_path = c.stdin_name;
	o.stdin_text = stdin_text;
	o.stdin_len = stdin_len;
	o.compdb = c.compdb;
	o.extra_args = c.extra;
	o.nextra = c.nextra;
	o.exclude = excludes;
	o.nexclude = nexcl;
	o.rule_enabled = enabled;
	o.rule_severity = severity;
	o.jobs = c.jobs;
	o.tu_timeout = c.tu_timeout_set ? c.tu_timeout : DEFAULT_TU_TIMEOUT;
	o.isolate = !c.no_isolate;
	o.tu_memory_mb = c.tu_memory >= 0 ? (unsigned)c.tu_memory : default_tu_memory(c.jobs);
	o.threat_model = c.threat_local;
	o.progress = c.quiet ? CVET_PROGRESS_NONE : isatty(2) ? CVET_PROGRESS_BAR :
		     c.progress ? CVET_PROGRESS_LINES : CVET_PROGRESS_NONE;
	o.db_path = c.db;
	o.config_path = config_path;
	o.report_root = root;
	o.report_unused_suppressions = c.report_unused;
	o.locations = config ? config->locations : NULL;
	o.nlocations = config ? config->nlocations : 0;
	o.models = config ? config->models : NULL;
	o.nmodels = config ? config->nmodels : 0;
	{
		/* the cache: --no-cache, else --cache DIR, else CVET_NO_CACHE, else CVET_CACHE_DIR, else the default */
		const char *env_off = getenv("CVET_NO_CACHE"), *env_dir = getenv("CVET_CACHE_DIR");
		int off = c.no_cache || (!c.cache_dir && env_off && *env_off && strcmp(env_off, "0") != 0);
		const char *dir = c.cache_dir ? c.cache_dir : env_dir && *env_dir ? env_dir : NULL;
		if (!off && (what & CVET_SCAN_CODE)) {
			if ((error = cvet_cache__dir(dir, &cache_dir, cache_info.note, sizeof(cache_info.note))) < 0)
				goto error;
			o.cache_dir = cache_dir;
			o.cache_explicit = dir != NULL;
			o.cache_bytes = c.cache_bytes;
		}
		o.cache_info = &cache_info;
	}
	if (c.baseline && (error = cvet_baseline__load(c.baseline, &baseline)) < 0)
		goto error; /* before the scan: a bad baseline should not cost a whole scan */
	if (c.diff_file && (error = cvet_diff__load(c.diff_file, &diff)) < 0)
		goto error;
	if (c.diff_base) {
		char *text = NULL;
		size_t len = 0;
		char label[300];
		if ((error = cvet_cli__git_diff(root, c.diff_base, &text, &len)) < 0)
			goto error;
		snprintf(label, sizeof(label), "git diff %.256s", c.diff_base);
		error = cvet_diff__parse(text ? text : "", len, label, &diff);
		free(text);
		if (error < 0)
			goto error;
	}
	if (!c.shards != !c.save_part || (c.shards && c.nparts)) {
		error = cvet_error_setc(CVET_EUSAGE, "a shard is --shard K/N with --save-part FILE; merge the parts with "
				       "--merge-part FILE for each");
		goto error;
	}
	error = cvet_driver__scan(&o, &report);
	if (!c.quiet && cache_info.note[0]) {
		fputs("cvet: note: ", stderr);
		cvet_fmt__term(stderr, cache_info.note, 0);
		fputc('\n', stderr);
	}
	if (error < 0)
		goto error;
	if (!c.quiet && cache_info.used)
		fprintf(stderr, "cvet: cache: %zu translation unit%s from the cache, %zu parsed\n", cache_info.hits,
			cache_info.hits == 1 ? "" : "s", cache_info.parsed);
	if (c.save_part) {
		if (!c.quiet)
			fprintf(stderr, "cvet: shard %u of %u: %zu files analysed; merge the parts with --merge-part\n", c.shard,
				c.shards, report->files_scanned);
		rc = CVET_EXIT_OK;
		goto done;
	}
	if (baseline) {
		size_t removed;
		if ((error = cvet_baseline__apply(baseline, report, &removed)) < 0)
			goto error;
	}
	if (diff && (error = cvet_diff__apply(diff, report, NULL)) < 0)
		goto error;

	/* outputs: files first (atomic), then standard output */
	w.root = root;
	w.fail_on = fail_on;
	w.fail_on_all_code = all_code;
	for (size_t i = 0; i < c.noutputs; i++) {
		if (!c.outputs[i].path)
			continue;
		w.color = 0;
		if ((error = cvet_report_write_file(report, c.outputs[i].fmt, c.outputs[i].path, &w)) < 0)
			goto error;
	}
	for (size_t i = 0; i < c.noutputs; i++) {
		const char *nc = getenv("NO_COLOR");
		if (c.outputs[i].path)
			continue;
		w.color = c.outputs[i].fmt == CVET_FMT_TEXT && !c.no_color && !(nc && *nc) && isatty(1);
		if ((error = cvet_report_write(report, c.outputs[i].fmt, stdout, &w)) < 0)
			goto error;
	}
	if (!c.quiet) {
		int text_on_stdout = 0;
		for (size_t i = 0; i < c.noutputs; i++)
			if (!c.outputs[i].path && c.outputs[i].fmt == CVET_FMT_TEXT)
				text_on_stdout = 1;
		if (!text_on_stdout)
			print_summary(report, fail_on, all_code);
	}
	rc = cvet_report_count_failing(report, fail_on, all_code) > 0 ? CVET_EXIT_FINDINGS : CVET_EXIT_OK;
	goto done;
error:
	rc = report_error();
done:
	cvet_report_free(report);
	cvet_baseline__free(baseline);
	cvet_diff__free(diff);
	cvet_config__free(config);
	free(enabled);
	free(severity);
	free((void *)excludes);
	free(root);
	free(cwd_config);
	free(stdin_text);
	free(cache_dir);
	cli_free(&c);
	return rc;
}

/* ---- cvet cache ---- */

static int cache_main(int argc, char **argv)
{
	const char *sub = NULL, *dir = NULL, *v = NULL, *env_dir = getenv("CVET_CACHE_DIR");
	uint64_t bytes = 0;
	char *resolved = NULL, note[CVET_CACHE_NOTE_BYTES] = "";
	int err = 0, rc;

	for (int i = 1; i < argc && !err; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			print_help(stdout, "cache");
			return CVET_EXIT_OK;
		} else if (is_opt(argc, argv, &i, "--cache", 0, 1, &v, &err)) {
			if (!err && !*v)
				err = cvet_error_setc(CVET_EUSAGE, "--cache needs a folder");
			dir = v;
		} else if (is_opt(argc, argv, &i, "--cache-size", 0, 1, &v, &err)) {
			if (!err)
				err = parse_cache_size(v, &bytes);
		} else if (argv[i][0] == '-' || sub) {
			err = cvet_error_setc(CVET_EUSAGE, "usage: cvet cache status|clear [--cache DIR]; not '%.80s'", argv[i]);
		} else {
			sub = argv[i];
		}
	}
	if (err)
		return report_error();
	if (!sub || (strcmp(sub, "status") != 0 && strcmp(sub, "clear") != 0)) {
		cvet_error_setc(CVET_EUSAGE, "usage: cvet cache status|clear [--cache DIR]");
		return report_error();
	}
	if (!dir && env_dir && *env_dir)
		dir = env_dir;
	if (cvet_cache__dir(dir, &resolved, note, sizeof(note)) < 0)
		return report_error();
	if (!resolved) {
		cvet_error_setc(CVET_EUSAGE, "%s", note);
		return report_error();
	}
	rc = strcmp(sub, "status") == 0 ? cvet_cache__status(resolved, bytes) : cvet_cache__clear(resolved);
	if (rc == 0 && strcmp(sub, "clear") == 0)
		printf("cleared the cache in %s\n", resolved);
	free(resolved);
	if (rc < 0)
		return report_error();
	return fflush(stdout) == 0 ? CVET_EXIT_OK : CVET_EXIT_USAGE;
}

/* ---- cvet rules ---- */

static void format_cwes(const int *cwe, char *buf, size_t size)
{
	size_t used = 0;
	buf[0] = '\0';
	for (int i = 0; i < CVET_MAX_CWE && cwe[i]; i++) {
		int n = snprintf(buf + used, size - used, "%sCWE-%d", i ? "," : "", cwe[i]);
		if (n < 0 || (size_t)n >= size - used)
			break;
		used += (size_t)n;
	}
	if (!buf[0])
		snprintf(buf, size, "-");
}

static const char *precision_name(cvet_precision p)
{
	switch (p) {
	case CVET_PRECISION_VERY_HIGH: return "very-high";
	case CVET_PRECISION_HIGH: return "high";
	case CVET_PRECISION_MEDIUM: return "medium";
	default: return "low";
	}
}

static int rules_list(void)
{
	size_t n = cvet_rules_count(), wid = 4, wcwe = 3;
	char cwe[128];

	for (size_t i = 0; i < n; i++) {
		const cvet_rule *r = cvet_rules_at(i);
		if (strlen(r->id) > wid)
			wid = strlen(r->id);
		format_cwes(r->cwe, cwe, sizeof(cwe));
		if (strlen(cwe) > wcwe)
			wcwe = strlen(cwe);
	}
	printf("%-*s  %-8s  %-*s  %-9s  %-7s  %s\n", (int)wid, "RULE", "SEVERITY", (int)wcwe, "CWE", "PRECISION",
	       "PROFILE", "TITLE");
	for (size_t i = 0; i < n; i++) {
		const cvet_rule *r = cvet_rules_at(i);
		format_cwes(r->cwe, cwe, sizeof(cwe));
		printf("%-*s  %-8s  %-*s  %-9s  %-7s  %s\n", (int)wid, r->id, cvet_severity_name(r->severity), (int)wcwe,
		       cwe, precision_name(r->precision), in_profile(r, CVET_PROFILE_DEFAULT) ? "default" : "audit",
		       r->title ? r->title : "");
	}
	return fflush(stdout) == 0 ? CVET_EXIT_OK : CVET_EXIT_USAGE;
}

static int rules_explain(const char *id)
{
	const cvet_rule *r = cvet_rules_find(id);
	const char *doc;
	char cwe[128];

	if (!r) {
		cvet_error_setc(CVET_EUSAGE, "unknown rule '%.100s'; run 'cvet rules list' to see every rule", id);
		return report_error();
	}
	if ((doc = cvet_rules_doc(id)) != NULL) {
		fputs(doc, stdout);
		if (*doc && doc[strlen(doc) - 1] != '\n')
			fputc('\n', stdout);
	} else {
		format_cwes(r->cwe, cwe, sizeof(cwe));
		printf("%s\n\n%s\nseverity: %s\ncwe: %s\n", r->id, r->title ? r->title : "",
		       cvet_severity_name(r->severity), cwe);
	}
	return fflush(stdout) == 0 ? CVET_EXIT_OK : CVET_EXIT_USAGE;
}

static int rules_main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			print_help(stdout, "rules");
			return CVET_EXIT_OK;
		}
	}
	if (argc < 2 || strcmp(argv[1], "list") == 0) {
		if (argc > 2) {
			cvet_error_setc(CVET_EUSAGE, "'cvet rules list' takes no arguments");
			return report_error();
		}
		return rules_list();
	}
	if (strcmp(argv[1], "explain") == 0) {
		if (argc != 3) {
			cvet_error_setc(CVET_EUSAGE, "usage: cvet rules explain RULE");
			return report_error();
		}
		return rules_explain(argv[2]);
	}
	cvet_error_setc(CVET_EUSAGE, "unknown rules subcommand '%.80s' (expected list or explain)", argv[1]);
	return report_error();
}

/* ---- entry point ---- */

static int print_version(void)
{
	char *v = cx_str(clang_getClangVersion());
	printf("cvet %s (%s)\n", CVET_VERSION, v ? v : "libclang");
	free(v);
	return CVET_EXIT_OK;
}

int cvet_cli__main(int argc, char **argv)
{
	const char *cmd;

	if (argc < 2 || !argv[1]) {
		cvet_error_setc(CVET_EUSAGE, "no command given (try 'cvet scan .' or 'cvet --help')");
		return report_error();
	}
	cmd = argv[1];
	if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
		print_help(stdout, NULL);
		return CVET_EXIT_OK;
	}
	if (strcmp(cmd, "help") == 0) {
		if (argc > 2 && strcmp(argv[2], "db") == 0) {
			char *dbargv[] = {"db", "--help", NULL};
			return cvet_db_main(2, dbargv);
		}
		if (argc > 2 && strcmp(argv[2], "scan") != 0 && strcmp(argv[2], "code") != 0 &&
		    strcmp(argv[2], "deps") != 0 && strcmp(argv[2], "rules") != 0 && strcmp(argv[2], "cache") != 0) {
			cvet_error_setc(CVET_EUSAGE, "no help for unknown command '%.80s' (see 'cvet --help')", argv[2]);
			return report_error();
		}
		print_help(stdout, argc > 2 ? argv[2] : NULL);
		return CVET_EXIT_OK;
	}
	if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0 || strcmp(cmd, "version") == 0)
		return print_version();
	if (strcmp(cmd, "scan") == 0)
		return scan_main(CVET_SCAN_CODE | CVET_SCAN_DEPS, cmd, argc - 1, argv + 1);
	if (strcmp(cmd, "code") == 0)
		return scan_main(CVET_SCAN_CODE, cmd, argc - 1, argv + 1);
	if (strcmp(cmd, "deps") == 0)
		return scan_main(CVET_SCAN_DEPS, cmd, argc - 1, argv + 1);
	if (strcmp(cmd, "db") == 0)
		return cvet_db_main(argc - 1, argv + 1);
	if (strcmp(cmd, "rules") == 0)
		return rules_main(argc - 1, argv + 1);
	if (strcmp(cmd, "cache") == 0)
		return cache_main(argc - 1, argv + 1);
	if (cmd[0] == '-')
		cvet_error_setc(CVET_EUSAGE, "'%.80s' comes after a command: cvet scan|code|deps [options] [PATH...]", cmd);
	else
		cvet_error_setc(CVET_EUSAGE, "unknown command '%.80s' (see 'cvet --help')", cmd);
	return report_error();
}
