/* compdb.c - read compile_commands.json (as JSON: nothing in it is run or expanded) and turn its entries into parse
 * jobs whose flags passed an allow-list */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cjson/cJSON.h>
#include "scan/compdb.h"
#include "scan/discover.h"
#include "scan/jobs.h"
#include "common/util.h"

#define COMPDB_NAME "compile_commands.json"
#define COMPDB_MAX_BYTES (256u * 1024u * 1024u)
#define MAX_ARGS 4096               /* flags kept per entry */
#define MAX_ENTRY_ARGS (1u << 20)   /* arguments read per entry */
#define MAX_NAMED 256               /* distinct dropped flags remembered for the note */
#define NOTE_NAMES 4                /* of which the note shows */
#define NAME_BYTES 48               /* a shown flag is cut after this many bytes */

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* ---- the allow-list ---- */

enum value_kind {
	V_MACRO,  /* -D/-U: starts like an identifier */
	V_PATH,   /* a directory: anything printable (system headers live outside the tree) */
	V_FILE,   /* -include/-imacros: a regular file under a trusted root, passed by its real path */
	V_LANG,   /* -x: a C-family language */
	V_TRIPLE, /* -target: [A-Za-z0-9_.-] */
	V_STD,    /* -std=: [A-Za-z0-9+] */
};

enum value_form {
	F_ANY,    /* "-Ivalue" or "-I" "value" */
	F_NODASH, /* "-isystem" "value", or joined when the value does not start with '-' (-isystem-after is another option) */
	F_SEP,    /* only "-target" "value" */
	F_EQ,     /* only "--sysroot=value" */
};

/* Options with a value that are kept. Emitted as `emit` + the value: a separate argument, or joined when `emit`
 * ends in '='. A longer name comes before a shorter one it starts with. */
static const struct value_opt {
	const char *name, *emit;
	enum value_kind kind;
	enum value_form form;
} value_opts[] = {
	{"-D", "-D", V_MACRO, F_ANY},
	{"-U", "-U", V_MACRO, F_ANY},
	{"-I", "-I", V_PATH, F_ANY},
	{"-F", "-F", V_PATH, F_ANY},
	{"-x", "-x", V_LANG, F_ANY},
	{"-isystem", "-isystem", V_PATH, F_NODASH},
	{"-iquote", "-iquote", V_PATH, F_NODASH},
	{"-idirafter", "-idirafter", V_PATH, F_NODASH},
	{"-isysroot", "-isysroot", V_PATH, F_NODASH},
	{"-iprefix", "-iprefix", V_PATH, F_NODASH},
	{"-iwithprefixbefore", "-iwithprefixbefore", V_PATH, F_NODASH},
	{"-iwithprefix", "-iwithprefix", V_PATH, F_NODASH},
	{"-cxx-isystem", "-cxx-isystem", V_PATH, F_NODASH},
	{"-include", "-include", V_FILE, F_NODASH},
	{"-imacros", "-imacros", V_FILE, F_NODASH},
	{"-target", "-target", V_TRIPLE, F_SEP},
	{"--sysroot", "--sysroot", V_PATH, F_SEP},
	{"--sysroot=", "--sysroot", V_PATH, F_EQ},
	{"--target=", "-target", V_TRIPLE, F_EQ},
	{"-std=", "-std=", V_STD, F_EQ},
	{"--std=", "-std=", V_STD, F_EQ},
	{"--include-directory=", "-I", V_PATH, F_EQ},
	{"--define-macro=", "-D", V_MACRO, F_EQ},
	{"--undefine-macro=", "-U", V_MACRO, F_EQ},
};

/* Kept exactly: data model, language modes, header search switches, optimisation levels (they set __OPTIMIZE__),
 * macros-only switches (-pthread: _REENTRANT, -fPIC: __PIC__, -ffreestanding: __STDC_HOSTED__). */
static const char *const keep_exact[] = {
	"-m16", "-m32", "-m64", "-mx32", "-ansi", "-trigraphs", "-pedantic", "--pedantic", "-w", "-undef",
	"-nostdinc", "-nostdinc++", "-nostdlibinc", "-nobuiltininc", "-pthread", "-ffreestanding",
	"-fPIC", "-fpic", "-fPIE", "-fpie", "-fno-PIC", "-fno-pic", "-fno-PIE", "-fno-pie",
	"-O", "-O0", "-O1", "-O2", "-O3", "-O4", "-Os", "-Oz", "-Og", "-Ofast",
};

/* -fNAME and -fno-NAME kept: they change what the parser accepts or which macros are defined. */
static const char *const keep_f[] = {
	"access-control", "aligned-allocation", "aligned-new", "asm", "asm-blocks", "blocks", "borland-extensions",
	"builtin", "char8_t", "cxx-exceptions", "declspec", "delayed-template-parsing", "digraphs",
	"dollars-in-identifiers", "exceptions", "fast-math", "finite-math-only", "gnu-inline-asm", "gnu-keywords",
	"gnu89-inline", "inline", "math-errno", "ms-compatibility", "ms-extensions", "openmp", "openmp-simd",
	"operator-names", "permissive", "rtti", "short-enums", "short-wchar", "signed-char", "sized-deallocation",
	"trigraphs", "unsigned-char",
};

/* Dropped options whose value is the next argument (dropped with it). */
static const char *const drop_with_value[] = {
	"-o", "--output", "-MF", "-MT", "-MQ", "-MJ", "-Xclang", "-Xlinker", "-Xassembler", "-Xpreprocessor",
	"-Xanalyzer", "-Xarch_host", "-Xarch_device", "-Xcuda-ptxas", "-Xcuda-fatbinary", "-Xopenmp-target",
	"-Xoffload-linker", "-mllvm", "-L", "-l", "-T", "-u", "-z", "-e", "-arch", "--param", "-aux-info",
	"-dumpbase", "-dumpdir", "-auxbase", "-auxbase-strip", "--serialize-diagnostics", "-include-pch",
	"-ivfsoverlay", "--config", "-working-directory", "-resource-dir", "-B", "--prefix", "-main-file-name",
	"-iwithsysroot", "-iframework", "-iframeworkwithsysroot", "-isystem-after", "-imultilib", "-imultiarch",
	"--include", "--imacros", "--include-directory", "--include-directory-after", "--include-prefix",
	"--include-with-prefix", "--include-with-prefix-after", "--include-with-prefix-before", "--language",
	"--library-directory", "--define-macro", "--undefine-macro", "--assert", "--for-linker", "--force-link",
	"--encoding", "--entry", "--print-file-name", "--print-prog-name", "--system-header-prefix",
	"--output-class-directory", "--extdirs", "--resource",
};

/* Dropped without a note: how the build compiles, links and reports, never what the parser sees. */
static const char *const silent_exact[] = {
	"-c", "-o", "-MD", "-MMD", "-MP", "-MG", "-MF", "-MT", "-MQ", "-pipe", "-s", "-shared", "-static", "-pie",
	"-no-pie", "-rdynamic", "-fsyntax-only", "-Qunused-arguments", "-L", "-l", "-pedantic-errors",
};
static const char *const silent_prefix[] = {
	"-o", "-g", "-Werror", "-Wno-error", "-Wfatal-errors", "-Wl,", "-Wp,-MD,", "-Wp,-MMD,", "-L", "-l",
	"-march=", "-mtune=", "-mcpu=", "-mfpu=", "-mfloat-abi=", "-mbranch-protection=", "-MF", "-MT", "-MQ",
	"-fdiagnostics-", "-fcolor-diagnostics", "-fno-color-diagnostics", "-fmessage-length",
	"-ffunction-sections", "-fno-function-sections", "-fdata-sections", "-fno-data-sections", "-fvisibility",
	"-fstack-protector", "-fno-stack-protector", "-fstack-clash-protection", "-fno-stack-clash-protection",
	"-fomit-frame-pointer", "-fno-omit-frame-pointer", "-fstrict-aliasing", "-fno-strict-aliasing",
	"-fstrict-overflow", "-fno-strict-overflow", "-fwrapv", "-fno-wrapv", "-ftrapv", "-fcf-protection",
	"-fsanitize", "-fno-sanitize", "-flto", "-fno-lto", "-ffat-lto-objects", "-fno-fat-lto-objects",
	"-fprofile-", "-fno-profile-", "-fcoverage-", "-ftest-coverage", "-fcommon", "-fno-common", "-fplt",
	"-fno-plt", "-funwind-tables", "-fno-unwind-tables", "-fasynchronous-unwind-tables",
	"-fno-asynchronous-unwind-tables", "-fdebug-prefix-map=", "-ffile-prefix-map=", "-fmacro-prefix-map=",
	"-fdelete-null-pointer-checks", "-fno-delete-null-pointer-checks", "-fsemantic-interposition",
	"-fno-semantic-interposition", "-fthreadsafe-statics", "-fno-threadsafe-statics", "-fmerge-all-constants",
	"-fno-merge-all-constants", "-fident", "-fno-ident", "-fzero-call-used-regs=", "-ftrivial-auto-var-init",
	"-fno-tree-", "-ftree-", "-fipa-", "-fno-ipa-", "-fuse-ld=", "-fuse-linker-plugin", "-fvar-tracking",
	"-fno-var-tracking", "-fjump-tables", "-fno-jump-tables", "-funroll-loops", "-fno-unroll-loops",
	"-fvectorize", "-fno-vectorize", "-fslp-vectorize", "-fno-slp-vectorize", "-finline-functions",
	"-fno-inline-functions", "-foptimize-sibling-calls", "-fno-optimize-sibling-calls", "-fpatchable-function-entry=",
	"-fconserve-stack", "-fno-schedule-insns", "-fstrict-flex-arrays", "-ftls-model=",
	"-fexcess-precision=", "-ffp-contract=", "-fno-signed-zeros", "-fno-trapping-math",
	"-freciprocal-math", "-fstack-usage", "-fno-stack-check", "-fstack-check",
};

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

/* 1 when every byte of s is in `set` or alphanumeric ASCII, s is not empty and at most `max` bytes. */
static int charset_ok(const char *s, const char *set, size_t max)
{
	size_t n = 0;
	for (; s[n]; n++) {
		unsigned char c = (unsigned char)s[n];
		int alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
		if (n >= max || (!alnum && !strchr(set, c)))
			return 0;
	}
	return n > 0;
}

static int has_control(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 1;
	return 0;
}

/* Is `v` an acceptable value of kind `k` (V_FILE is resolved later: here only its text)? */
static int value_ok(enum value_kind k, const char *v)
{
	static const char *const langs[] = {
		"c", "c++", "objective-c", "objective-c++", "c-header", "c++-header", "objective-c-header",
		"objective-c++-header",
	};
	if (!*v || has_control(v) || v[0] == '-')
		return 0;
	switch (k) {
	case V_MACRO:
		return (v[0] >= 'a' && v[0] <= 'z') || (v[0] >= 'A' && v[0] <= 'Z') || v[0] == '_';
	case V_LANG:
		return in_list(v, langs, N(langs));
	case V_TRIPLE:
		return charset_ok(v, "_.-", 64);
	case V_STD:
		return charset_ok(v, "+", 32);
	case V_PATH:
	case V_FILE:
		return 1;
	}
	return 0;
}

/*
 * Does argv[i] spell a kept value option? Sets *opt, *value (NULL when argv[i] is the last argument) and
 * *used (arguments taken: 1 or 2). 0 when it does not.
 */
static int match_value_opt(const char *const *argv, size_t argc, size_t i, const struct value_opt **opt,
			   const char **value, size_t *used)
{
	const char *a = argv[i];
	for (size_t k = 0; k < N(value_opts); k++) {
		const struct value_opt *o = &value_opts[k];
		size_t n = strlen(o->name);
		if (strncmp(a, o->name, n) != 0)
			continue;
		if (o->form == F_EQ) {
			*value = a + n;
			*used = 1;
		} else if (a[n] == '\0') {
			*value = i + 1 < argc ? argv[i + 1] : NULL;
			*used = i + 1 < argc ? 2 : 1;
		} else if (o->form == F_ANY || (o->form == F_NODASH && a[n] != '-')) {
			*value = a + n;
			*used = 1;
		} else {
			continue;
		}
		*opt = o;
		return 1;
	}
	return 0;
}

/* -fNAME / -fno-NAME with NAME in keep_f, and the few -f options with a checked value. */
static int keep_f_flag(const char *a)
{
	const char *name = a + 2;
	if (strncmp(a, "-f", 2) != 0)
		return 0;
	if (strncmp(name, "no-builtin-", 11) == 0)
		return charset_ok(name + 11, "_", 64);
	if (strncmp(name, "ms-compatibility-version=", 25) == 0)
		return charset_ok(name + 25, ".", 16);
	if (strncmp(name, "pack-struct=", 12) == 0)
		return charset_ok(name + 12, "", 3) && strspn(name + 12, "0123456789") == strlen(name + 12);
	if (strcmp(name, "openmp=libomp") == 0 || strcmp(name, "openmp=libgomp") == 0 ||
	    strcmp(name, "openmp=libiomp5") == 0)
		return 1;
	if (strncmp(name, "no-", 3) == 0)
		name += 3;
	return in_list(name, keep_f, N(keep_f));
}

/* Warnings: -W<name>[=value], never one that turns warnings into errors or passes text on (-Wl, -Wp, -Wa). */
static int keep_w_flag(const char *a)
{
	if (a[1] != 'W')
		return 0;
	if (strncmp(a, "-Werror", 7) == 0 || strncmp(a, "-Wno-error", 10) == 0 || strncmp(a, "-Wfatal-errors", 14) == 0)
		return 0;
	return a[2] == '\0' || charset_ok(a + 2, "_-=+.#", 128);
}

/* Text for the note: printable ASCII kept, other bytes as \xNN, cut after `max` bytes. malloc'd or NULL. */
static char *shown(const char *flag, const char *value, size_t max)
{
	char *out = malloc(max * 4 + 8), *p = out;
	size_t n = 0;
	if (!out)
		return NULL;
	for (int part = 0; part < 2; part++) {
		const char *s = part ? value : flag;
		if (!s)
			continue;
		if (part && n < max) {
			*p++ = ' ';
			n++;
		}
		for (; *s && n < max; s++, n++) {
			unsigned char c = (unsigned char)*s;
			if (c >= 0x20 && c < 0x7f) {
				*p++ = (char)c;
			} else {
				snprintf(p, 5, "\\x%02x", c);
				p += 4;
			}
		}
		if (*s) {
			memcpy(p, "...", 3);
			p += 3;
			break;
		}
	}
	*p = '\0';
	return out;
}

/* Remember a dropped flag for the note. 0 or CVET_ENOMEM. */
static int note_drop(cvet_compdb_dropped *d, const char *flag, const char *value)
{
	char *s;
	if (!d)
		return 0;
	if (!(s = shown(flag, value, NAME_BYTES)))
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	if (cvet_strv__contains(&d->flags, s)) {
		free(s);
		return 0;
	}
	if (d->flags.n >= MAX_NAMED) {
		free(s);
		d->more = 1;
		return 0;
	}
	return cvet_strv__take(&d->flags, s);
}

/* Real path of a regular file `name` (absolute, under `directory`, or under one of `dirs`) that lies under one
 * of `trusted`, or NULL. */
static char *trusted_file(const char *name, const char *directory, const cvet_strv *dirs, const char *const *trusted,
			  size_t ntrusted)
{
	for (size_t k = 0; k <= dirs->n; k++) {
		const char *base = k == 0 ? directory : dirs->v[k - 1];
		char *joined, *real;
		struct stat st;
		if (name[0] == '/' && k > 0)
			break;
		if (!(joined = cvet_jobs__join(name[0] == '/' ? NULL : base, name)))
			return NULL;
		real = realpath(joined, NULL);
		free(joined);
		if (!real)
			continue;
		if (stat(real, &st) == 0 && S_ISREG(st.st_mode))
			for (size_t t = 0; t < ntrusted; t++)
				if (cvet_jobs__path_under(real, trusted[t]))
					return real;
		free(real);
		return NULL; /* found, but not a trusted regular file: the compiler would have used this one */
	}
	return NULL;
}

/* The include directories of one entry (-iquote, -I, -isystem, -idirafter values), made absolute, in order. */
static int include_dirs(const char *const *argv, size_t argc, const char *directory, cvet_strv *dirs)
{
	int error;
	for (size_t i = 1; i < argc; i++) {
		const struct value_opt *o;
		const char *v;
		size_t used;
		if (!argv[i] || argv[i][0] != '-' || !match_value_opt(argv, argc, i, &o, &v, &used))
			continue;
		i += used - 1;
		if (!v || o->kind != V_PATH || !value_ok(o->kind, v) || v[0] == '=' || dirs->n >= 256)
			continue;
		if (strcmp(o->emit, "-I") != 0 && strcmp(o->emit, "-iquote") != 0 && strcmp(o->emit, "-isystem") != 0 &&
		    strcmp(o->emit, "-idirafter") != 0)
			continue;
		if ((error = cvet_strv__take(dirs, cvet_jobs__join(v[0] == '/' ? NULL : directory, v))) < 0)
			return error;
	}
	return 0;
}

int cvet_compdb__filter_args(const char *const *argv, size_t argc, const char *directory,
			     const char *const *trusted, size_t ntrusted, cvet_strv *out, cvet_compdb_dropped *dropped)
{
	cvet_strv dirs = {0};
	int error = 0, dirs_done = 0;

	for (size_t i = 1; i < argc && out->n < MAX_ARGS; i++) {
		const char *a = argv[i], *v;
		const struct value_opt *o;
		size_t used;

		if (!a || !*a)
			continue;
		if (strcmp(a, "--") == 0)
			break; /* everything after is an input */
		if (a[0] == '@') {
			/* a response file is never read: its contents would pass unchecked, from anywhere */
			if ((error = note_drop(dropped, a, NULL)) < 0)
				goto done;
			continue;
		}
		if (a[0] != '-' || a[1] == '\0')
			continue; /* an input (the source, objects, libraries; "-" is stdin): the walker names the source */
		if (match_value_opt(argv, argc, i, &o, &v, &used)) {
			char *file = NULL;
			i += used - 1;
			if (v && value_ok(o->kind, v) && o->kind == V_FILE) {
				if (!dirs_done && (error = include_dirs(argv, argc, directory, &dirs)) < 0)
					goto done;
				dirs_done = 1;
				file = trusted_file(v, directory, &dirs, trusted, ntrusted);
				if (!file) {
					if ((error = note_drop(dropped, o->name, v)) < 0)
						goto done;
					continue;
				}
				v = file;
			} else if (!v || !value_ok(o->kind, v)) {
				if ((error = note_drop(dropped, a, used == 2 ? v : NULL)) < 0)
					goto done;
				continue;
			}
			if (o->emit[strlen(o->emit) - 1] == '=') {
				size_t n = strlen(o->emit) + strlen(v) + 1;
				char *joined = malloc(n);
				if (joined)
					snprintf(joined, n, "%s%s", o->emit, v);
				error = cvet_strv__take(out, joined);
			} else if ((error = cvet_strv__push(out, o->emit)) == 0) {
				error = cvet_strv__push(out, v);
			}
			free(file);
			if (error < 0)
				goto done;
			continue;
		}
		if (in_list(a, keep_exact, N(keep_exact)) || keep_f_flag(a) || keep_w_flag(a)) {
			if ((error = cvet_strv__push(out, a)) < 0)
				goto done;
			continue;
		}
		/* dropped; -m flags name the CPU of the build's target (clang rejects many for another one) */
		if (!in_list(a, silent_exact, N(silent_exact)) && !has_prefix_in(a, silent_prefix, N(silent_prefix)) &&
		    !(a[1] == 'm' && strcmp(a, "-mllvm") != 0) && (error = note_drop(dropped, a, NULL)) < 0)
			goto done;
		if (in_list(a, drop_with_value, N(drop_with_value)))
			i++;
	}
done:
	cvet_strv__clear(&dirs);
	return error;
}

void cvet_compdb__dropped_clear(cvet_compdb_dropped *d)
{
	if (!d)
		return;
	cvet_strv__clear(&d->flags);
	d->more = 0;
}

int cvet_compdb__note(const cvet_compdb_dropped *d, const char *db, cvet_report *report)
{
	char names[NOTE_NAMES * (NAME_BYTES * 4 + 8) + 16], *where;
	size_t len = 0;
	int error;

	if (!d || !report || d->flags.n == 0)
		return 0;
	names[0] = '\0';
	for (size_t i = 0; i < d->flags.n && i < NOTE_NAMES; i++)
		len += (size_t)snprintf(names + len, sizeof(names) - len, "%s%s", i ? ", " : "", d->flags.v[i]);
	if (d->flags.n > NOTE_NAMES || d->more)
		snprintf(names + len, sizeof(names) - len, ", ...");
	if (!(where = shown(db, NULL, 120)))
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	for (size_t i = 0; i < report->nnotes; i++)
		if (strncmp(report->notes[i], where, strlen(where)) == 0 &&
		    strncmp(report->notes[i] + strlen(where), ": dropped ", 10) == 0) {
			free(where);
			return 0; /* this database was noted already (loaded for another PATH) */
		}
	error = cvet_report_add_note(report, "%s: dropped %s%zu compile flag%s that %s not needed to parse (%s)", where,
				     d->more ? "more than " : "", d->flags.n, d->flags.n == 1 && !d->more ? "" : "s",
				     d->flags.n == 1 && !d->more ? "is" : "are", names);
	free(where);
	return error;
}

/* ---- reading the database ---- */

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

int cvet_compdb__split_command(const char *s, cvet_strv *out)
{
	char *tok = malloc(strlen(s) + 1);
	int error = 0;

	if (!tok)
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	for (;;) {
		size_t n = 0;
		while (is_blank(*s))
			s++;
		if (!*s || out->n >= MAX_ENTRY_ARGS)
			break;
		while (*s && !is_blank(*s)) {
			if (*s == '\'') {
				for (s++; *s && *s != '\''; s++)
					tok[n++] = *s;
				if (*s)
					s++;
			} else if (*s == '"') {
				for (s++; *s && *s != '"'; s++) {
					if (*s == '\\' && s[1])
						s++;
					tok[n++] = *s;
				}
				if (*s)
					s++;
			} else {
				if (*s == '\\' && s[1])
					s++;
				tok[n++] = *s++;
			}
		}
		tok[n] = '\0';
		if ((error = cvet_strv__push(out, tok)) < 0)
			break;
	}
	free(tok);
	return error;
}

/*
 * Read the database at `path` into *out (the caller frees it with cJSON_Delete): a bounded regular file
 * holding a JSON array of objects with string "file" and "directory" and a "command" string or an
 * "arguments" array of strings. Returns 0, CVET_EIO, CVET_ELIMIT, CVET_EPARSE or CVET_ENOMEM.
 */
static int read_db(const char *path, cJSON **out)
{
	FILE *f = NULL;
	struct stat st;
	char *buf = NULL;
	cJSON *root = NULL;
	const cJSON *it;
	size_t n, i = 0;
	int error = 0;

	*out = NULL;
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
	*out = root;
	root = NULL;
done:
	cJSON_Delete(root);
	free(buf);
	if (f)
		fclose(f);
	return error;
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

/* What every entry of one database shares. */
typedef struct load_ctx {
	const char *dbdir; /* real directory of the database file */
	const char *report_root;
	const char *const *roots;
	size_t nroots;
	const char *const *globs;
	size_t nglobs;
	const char *const *extra;
	size_t nextra;
	const char *const *trusted; /* roots, then dbdir: where -include files may come from */
	cvet_jobs *jobs;
	cvet_compdb_dropped dropped;
} load_ctx;

/* The entry's arguments: "arguments" when present (as other readers do), else the "command" string split. */
static int entry_args(const cJSON *it, cvet_strv *argv)
{
	const cJSON *args = cJSON_GetObjectItemCaseSensitive(it, "arguments"), *a;
	if (!cJSON_IsArray(args))
		return cvet_compdb__split_command(cJSON_GetObjectItemCaseSensitive(it, "command")->valuestring, argv);
	cJSON_ArrayForEach(a, args) {
		int error;
		if (argv->n >= MAX_ENTRY_ARGS)
			break;
		if ((error = cvet_strv__push(argv, a->valuestring)) < 0)
			return error;
	}
	return 0;
}

/* Add the job for one entry when its file is in scope. 0 or CVET_ENOMEM. */
static int add_entry(const cJSON *it, load_ctx *c)
{
	const char *dir = cJSON_GetObjectItemCaseSensitive(it, "directory")->valuestring;
	const char *file = cJSON_GetObjectItemCaseSensitive(it, "file")->valuestring;
	char *absdir = NULL, *realdir = NULL, *abs = NULL, *real = NULL, *rel = NULL;
	cvet_strv argv = {0};
	cvet_job *job;
	struct stat st;
	int in_scope = 0, error = 0;

	if (!*file)
		goto done;
	/* a relative "directory" is taken relative to the database's own directory */
	if (!(absdir = cvet_jobs__join(c->dbdir, *dir ? dir : ".")))
		goto oom;
	realdir = realpath(absdir, NULL);
	if (!(abs = cvet_jobs__join(realdir ? realdir : absdir, file)))
		goto oom;
	if (!(real = realpath(abs, NULL)) || stat(real, &st) != 0 || !S_ISREG(st.st_mode))
		goto done; /* the file is gone (or not a file): nothing to parse */
	for (size_t i = 0; i < c->nroots && !in_scope; i++) {
		if (!cvet_jobs__path_under(real, c->roots[i]))
			continue;
		in_scope = 1;
		if (strlen(real) > strlen(c->roots[i]) + 1) {
			const char *sub = real + strlen(c->roots[i]) + (c->roots[i][1] ? 1 : 0);
			/* excludes also match the path relative to the scanned directory */
			if (c->nglobs && cvet_discover__excluded(sub, c->globs, c->nglobs))
				goto done;
			/* like discovery: nothing from VCS or build directories below the scanned one
			 * (generated sources in an in-tree build/ are not the project's to fix) */
			if (in_skipped_dir(sub))
				goto done;
		}
	}
	if (!in_scope || !cvet_discover__source_kind(real))
		goto done;
	if (!(rel = cvet_jobs__report_path(c->report_root, real)))
		goto oom;
	if (cvet_discover__excluded(rel, c->globs, c->nglobs))
		goto done;

	if ((error = entry_args(it, &argv)) < 0)
		goto done;
	if (!(job = cvet_jobs__add(c->jobs)))
		goto oom;
	job->file = real;
	job->rel = rel;
	real = rel = NULL;
	job->from_db = 1;
	if (!(job->directory = cvet_jobs__join(NULL, realdir ? realdir : absdir)))
		goto oom;
	if ((error = cvet_compdb__filter_args((const char *const *)argv.v, argv.n, job->directory, c->trusted,
					      c->nroots + 1, &job->args, &c->dropped)) < 0)
		goto done;
	if ((error = cvet_strv__push(&job->args, "-Wno-unknown-warning-option")) < 0)
		goto done;
	for (size_t i = 0; i < c->nextra; i++)
		if ((error = cvet_strv__push(&job->args, c->extra[i])) < 0)
			goto done;
	goto done;
oom:
	error = cvet_error_setc(CVET_ENOMEM, "out of memory reading the compilation database");
done:
	cvet_strv__clear(&argv);
	free(absdir);
	free(realdir);
	free(abs);
	free(real);
	free(rel);
	return error;
}

int cvet_compdb__load(const char *db, const char *report_root, const char *const *roots, size_t nroots,
		      const char *const *globs, size_t nglobs, const char *const *extra, size_t nextra,
		      cvet_jobs *jobs, cvet_report *report)
{
	struct stat st;
	char *json = NULL, *jsondir = NULL, *realjson = NULL, *shown_db = NULL;
	const char **trusted = NULL;
	cJSON *root = NULL;
	const cJSON *it;
	load_ctx c;
	int error = 0;

	memset(&c, 0, sizeof(c));
	if (stat(db, &st) != 0)
		return cvet_error_setc(CVET_EIO, "cannot read compilation database '%s': %s", db, strerror(errno));
	if (!(json = S_ISDIR(st.st_mode) ? cvet_jobs__join(db, COMPDB_NAME) : cvet_jobs__join(NULL, db)))
		goto oom;
	if (!(realjson = realpath(json, NULL))) {
		error = cvet_error_setc(CVET_EIO, "cannot read compilation database '%s': %s", json, strerror(errno));
		goto done;
	}
	if ((error = read_db(realjson, &root)) < 0)
		goto done;
	if (!(jsondir = dir_of(realjson)) || !(trusted = calloc(nroots + 1, sizeof(*trusted))))
		goto oom;
	for (size_t i = 0; i < nroots; i++)
		trusted[i] = roots[i];
	trusted[nroots] = jsondir;
	c.dbdir = jsondir;
	c.report_root = report_root;
	c.roots = roots;
	c.nroots = nroots;
	c.globs = globs;
	c.nglobs = nglobs;
	c.extra = extra;
	c.nextra = nextra;
	c.trusted = trusted;
	c.jobs = jobs;
	cJSON_ArrayForEach(it, root) {
		if ((error = add_entry(it, &c)) < 0)
			goto done;
	}
	if (c.dropped.flags.n) {
		if (!(shown_db = cvet_jobs__report_path(report_root, realjson)))
			goto oom;
		if ((error = cvet_compdb__note(&c.dropped, shown_db, report)) < 0)
			goto done;
	}
	goto done;
oom:
	error = cvet_error_setc(CVET_ENOMEM, "out of memory");
done:
	cvet_compdb__dropped_clear(&c.dropped);
	cJSON_Delete(root);
	free(trusted);
	free(json);
	free(jsondir);
	free(realjson);
	free(shown_db);
	return error;
}
