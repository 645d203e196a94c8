/* cmake_deps.c - FetchContent_Declare, ExternalProject_Add and CPMAddPackage in CMakeLists.txt / *.cmake, without CMake */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "deps/lockfile.h"

#define MAX_ARGS 4096    /* arguments kept for one command we read */
#define MAX_VARS 4096    /* set() commands remembered */
#define MAX_PARENS 64    /* parentheses nested inside one command's arguments */
#define MAX_EXPAND 8     /* ${} nesting followed through variable values */
#define VAR_BUCKETS 8192 /* open-addressing slots for variable names (twice MAX_VARS) */

typedef struct {
	char *text;    /* argument after quote/bracket removal and escape decoding (owned) */
	unsigned line;
	int quoted;    /* quoted or bracket argument: a key word there is a value, not a key */
} ck_arg;

typedef struct {
	const char *display, *buf;
	size_t len, pos;
	unsigned line;
} ck_lexer;

typedef struct {
	char *name, *value; /* value NULL: set from something this reader does not evaluate */
	int conditional;    /* some assignment was inside if()/foreach()/while() */
} ck_var;

typedef struct {
	const char *display;
	cvet_lf_list *out;
	const cvet_lf_list *lock;
	ck_var *v;
	size_t nvars, cap;
	int slots[VAR_BUCKETS]; /* index+1 into v by name hash, 0 = empty */
	int vars_full;        /* more than MAX_VARS variables: every reference is unknown from then on */
	int in_function;      /* function()/macro() bodies open */
	int in_block;         /* if()/foreach()/while() blocks open (their conditions are not evaluated) */
	char func[64];        /* name of the outermost function()/macro() being read, "" outside */
	unsigned func_line;   /* its line */
	int func_noted;       /* that function's wrapper note was written */
} ck_ctx;

static int ieq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char x = *a, y = *b;
		if (x >= 'A' && x <= 'Z')
			x = (char)(x - 'A' + 'a');
		if (y >= 'A' && y <= 'Z')
			y = (char)(y - 'A' + 'a');
		if (x != y)
			return 0;
	}
	return *a == *b;
}

/* Length of a bracket opener "[==[" at p (0 when there is none); *eq receives the number of '='. */
static size_t bracket_open(const ck_lexer *lx, size_t p, size_t *eq)
{
	size_t q = p + 1;
	if (p >= lx->len || lx->buf[p] != '[')
		return 0;
	while (q < lx->len && lx->buf[q] == '=')
		q++;
	if (q >= lx->len || lx->buf[q] != '[')
		return 0;
	*eq = q - p - 1;
	return q - p + 1;
}

/* Position just after the "]==]" closing a bracket opened with `eq` '=' from p, or len when missing. */
static size_t bracket_close(ck_lexer *lx, size_t p, size_t eq, size_t *content_end)
{
	for (; p < lx->len; p++) {
		if (lx->buf[p] == '\n')
			lx->line++;
		if (lx->buf[p] != ']' || p + eq + 1 >= lx->len)
			continue;
		size_t k = 0;
		while (k < eq && lx->buf[p + 1 + k] == '=')
			k++;
		if (k == eq && lx->buf[p + 1 + eq] == ']') {
			*content_end = p;
			return p + eq + 2;
		}
	}
	*content_end = lx->len;
	return lx->len;
}

/* Skip blanks, newlines, line comments and bracket comments. Returns 0 or CVET_EPARSE (unterminated). */
static int skip_space(ck_lexer *lx)
{
	while (lx->pos < lx->len) {
		char c = lx->buf[lx->pos];
		if (c == '\n') {
			lx->line++;
			lx->pos++;
		} else if (c == ' ' || c == '\t' || c == '\r') {
			lx->pos++;
		} else if (c == '#') {
			size_t eq, ol = bracket_open(lx, lx->pos + 1, &eq), end;
			unsigned line = lx->line;
			if (ol) {
				lx->pos = bracket_close(lx, lx->pos + 1 + ol, eq, &end);
				if (end == lx->len)
					return cvet_error_setc(CVET_EPARSE, "%s: line %u: unterminated bracket comment", lx->display,
							       line);
				continue;
			}
			while (lx->pos < lx->len && lx->buf[lx->pos] != '\n')
				lx->pos++;
		} else {
			break;
		}
	}
	return 0;
}

/* Decode a quoted argument's escapes (\" \\ \n \t \; and "\<newline>" continuations) into a new string. */
static char *decode_quoted(const char *s, size_t n)
{
	char *r = malloc(n + 1), *o = r;
	if (!r)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '\\' && i + 1 < n) {
			char d = s[++i];
			if (d == '\n')
				continue;
			if (d == '\r' && i + 1 < n && s[i + 1] == '\n') {
				i++;
				continue;
			}
			c = d == 'n' ? '\n' : d == 't' ? '\t' : d == 'r' ? '\r' : d == ';' ? ';' : d;
			if (d == ';') {
				*o++ = '\\'; /* "\;" stays a literal semicolon in a list; keep it visible */
			}
		}
		*o++ = c;
	}
	*o = '\0';
	return r;
}

/*
 * Read the arguments of a command whose '(' was consumed, up to the matching ')'. When `args` is NULL the
 * arguments are only skipped. Arguments longer than CVET_LF_MAX_STR or past MAX_ARGS are dropped and *cut
 * set. Returns 0 or a negative code with the message set.
 */
static int read_args(ck_lexer *lx, unsigned cmd_line, ck_arg *args, size_t *nargs, int *cut)
{
	int depth = 0, err;
	*nargs = 0;
	*cut = 0;
	for (;;) {
		if ((err = skip_space(lx)) < 0)
			return err;
		if (lx->pos >= lx->len)
			return cvet_error_setc(CVET_EPARSE, "%s: line %u: unterminated command (missing ')')", lx->display,
					       cmd_line);
		char c = lx->buf[lx->pos];
		unsigned line = lx->line;
		size_t start, end, eq, ol;
		int quoted = 1;
		char *text = NULL;
		if (c == ')') {
			lx->pos++;
			if (depth == 0)
				return 0;
			depth--;
			continue;
		}
		if (c == '(') {
			lx->pos++;
			if (++depth > MAX_PARENS)
				return cvet_error_setc(CVET_EPARSE, "%s: line %u: parentheses nested deeper than %d", lx->display,
						       line, MAX_PARENS);
			continue;
		}
		if (c == '"') {
			start = ++lx->pos;
			while (lx->pos < lx->len && lx->buf[lx->pos] != '"') {
				if (lx->buf[lx->pos] == '\\' && lx->pos + 1 < lx->len)
					lx->pos++;
				if (lx->buf[lx->pos] == '\n')
					lx->line++;
				lx->pos++;
			}
			if (lx->pos >= lx->len)
				return cvet_error_setc(CVET_EPARSE, "%s: line %u: unterminated quoted argument", lx->display, line);
			end = lx->pos++;
			if (args && end - start <= CVET_LF_MAX_STR && !(text = decode_quoted(lx->buf + start, end - start)))
				return cvet_error_setc(CVET_ENOMEM, "out of memory");
		} else if ((ol = bracket_open(lx, lx->pos, &eq)) != 0) {
			start = lx->pos + ol;
			/* a newline right after the opening bracket is not part of the argument */
			if (start < lx->len && lx->buf[start] == '\n') {
				start++;
				lx->line++;
			}
			lx->pos = bracket_close(lx, start, eq, &end);
			if (end == lx->len)
				return cvet_error_setc(CVET_EPARSE, "%s: line %u: unterminated bracket argument", lx->display, line);
			if (args && end - start <= CVET_LF_MAX_STR && !(text = cvet_lockfile__strndup(lx->buf + start, end - start)))
				return cvet_error_setc(CVET_ENOMEM, "out of memory");
		} else {
			quoted = 0;
			start = lx->pos;
			while (lx->pos < lx->len) {
				char d = lx->buf[lx->pos];
				if (d == ' ' || d == '\t' || d == '\r' || d == '\n' || d == '(' || d == ')' || d == '#' || d == '"')
					break;
				if (d == '\\' && lx->pos + 1 < lx->len && lx->buf[lx->pos + 1] != '\n')
					lx->pos++;
				lx->pos++;
			}
			end = lx->pos;
			if (end == start) {
				lx->pos++; /* a lone character the grammar has no place for: step over it */
				continue;
			}
			if (args && end - start <= CVET_LF_MAX_STR && !(text = cvet_lockfile__strndup(lx->buf + start, end - start)))
				return cvet_error_setc(CVET_ENOMEM, "out of memory");
		}
		if (!args)
			continue;
		/* past the bounds: a too-long argument keeps its place as "", arguments past MAX_ARGS are dropped;
		 * the command is marked so that nothing built from it is trusted */
		if (*nargs >= MAX_ARGS) {
			free(text);
			*cut = 1;
			continue;
		}
		if (end - start > CVET_LF_MAX_STR) {
			*cut = 1;
			if (!(text = cvet_lockfile__strdup("")))
				return cvet_error_setc(CVET_ENOMEM, "out of memory");
		}
		args[*nargs].text = text;
		args[*nargs].line = line;
		args[*nargs].quoted = quoted;
		(*nargs)++;
	}
}

static void args_free(ck_arg *a, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(a[i].text);
}

static size_t name_hash(const char *s, size_t n)
{
	size_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

/* Slot of `name` in the table: the one holding it, or the empty one where it would go. */
static size_t var_slot(const ck_ctx *cx, const char *name, size_t nl)
{
	size_t h = name_hash(name, nl) & (VAR_BUCKETS - 1);
	while (cx->slots[h]) {
		const char *n2 = cx->v[cx->slots[h] - 1].name;
		if (strlen(n2) == nl && memcmp(n2, name, nl) == 0)
			break;
		h = (h + 1) & (VAR_BUCKETS - 1);
	}
	return h;
}

/* Value of a variable set earlier: the value, "" (never set) with *unknown, or NULL value with *unknown. */
static const char *var_get(const ck_ctx *cx, const char *name, size_t nl, int *unknown)
{
	if (cx->vars_full) {
		*unknown = 1;
		return NULL;
	}
	size_t h = var_slot(cx, name, nl);
	if (cx->slots[h]) {
		const char *val = cx->v[cx->slots[h] - 1].value;
		if (!val)
			*unknown = 1;
		return val;
	}
	*unknown = 1;
	return NULL;
}

/*
 * Expand ${VAR} from literal set()s of this file. Returns a malloc'd string (NULL on OOM); *unknown is set
 * when some reference could not be resolved ($ENV{}, ${${x}}, a variable never set literally).
 */
static char *expand(const ck_ctx *cx, const char *text, int depth, int *unknown)
{
	size_t cap = strlen(text) + 1, n = 0;
	char *out = malloc(cap);
	if (!out)
		return NULL;
	for (const char *p = text; *p;) {
		const char *piece = p;
		size_t pl = 1;
		char *sub = NULL;
		if (p[0] == '$' && (p[1] == '{' || (strncmp(p + 1, "ENV{", 4) == 0) || strncmp(p + 1, "CACHE{", 6) == 0)) {
			const char *open = strchr(p, '{'), *close = strchr(open, '}');
			const char *inner = strchr(open + 1, '$');
			if (!close) {
				*unknown = 1;
				break;
			}
			if (p[1] != '{' || (inner && inner < close)) {
				*unknown = 1; /* environment, cache or nested reference: not evaluated */
				close = inner && inner < close && p[1] == '{' ? strchr(close + 1, '}') : close;
				p = close ? close + 1 : p + strlen(p);
				continue;
			}
			const char *val = var_get(cx, open + 1, (size_t)(close - open - 1), unknown);
			if (val && depth < MAX_EXPAND && !(sub = expand(cx, val, depth + 1, unknown))) {
				free(out);
				return NULL;
			}
			if (val && depth >= MAX_EXPAND)
				*unknown = 1;
			piece = sub ? sub : "";
			pl = strlen(piece);
			p = close + 1;
		} else {
			p++;
		}
		if (n + pl + 1 > cap) {
			size_t nc = (n + pl + 1) * 2;
			if (nc > (size_t)CVET_LF_MAX_STR * 4) {
				free(sub);
				*unknown = 1;
				break;
			}
			char *o2 = realloc(out, nc);
			if (!o2) {
				free(sub);
				free(out);
				return NULL;
			}
			out = o2;
			cap = nc;
		}
		memcpy(out + n, piece, pl);
		n += pl;
		free(sub);
	}
	out[n] = '\0';
	return out;
}

/* set(VAR value... [CACHE type doc] [PARENT_SCOPE]): remember the literal value (list items joined by ';'). */
static int do_set(ck_ctx *cx, ck_arg *args, size_t nargs, int cut)
{
	if (nargs < 1)
		return 0;
	if (cx->vars_full)
		return 0;
	size_t h = var_slot(cx, args[0].text, strlen(args[0].text));
	size_t slot = cx->slots[h] ? (size_t)cx->slots[h] - 1 : cx->nvars;
	if (slot == cx->nvars && cx->nvars >= MAX_VARS) {
		cx->vars_full = 1; /* a value this reader forgot could be stale: nothing is trusted from here */
		return 0;
	}
	if (slot == cx->nvars && cx->nvars == cx->cap) {
		size_t cap = cx->cap ? cx->cap * 2 : 32;
		ck_var *v = reallocarray(cx->v, cap, sizeof(*v));
		if (!v)
			return cvet_error_setc(CVET_ENOMEM, "out of memory");
		cx->v = v;
		cx->cap = cap;
	}
	size_t end = nargs;
	for (size_t i = 1; i < nargs; i++)
		if (!args[i].quoted && (strcmp(args[i].text, "CACHE") == 0 || strcmp(args[i].text, "PARENT_SCOPE") == 0)) {
			end = i;
			break;
		}
	int unknown = cut;
	char *joined = cvet_lockfile__strdup("");
	for (size_t i = 1; joined && i < end; i++) {
		char *e = expand(cx, args[i].text, 0, &unknown);
		char *j2 = e ? cvet_lockfile__printf("%s%s%s", joined, i > 1 ? ";" : "", e) : NULL;
		free(e);
		free(joined);
		joined = j2;
		if (joined && strlen(joined) > CVET_LF_MAX_STR)
			unknown = 1;
	}
	char *name = cvet_lockfile__strdup(args[0].text);
	if (!joined || !name) {
		free(joined);
		free(name);
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	}
	if (unknown) {
		free(joined);
		joined = NULL;
	}
	int conditional = cx->in_block > 0;
	if (slot < cx->nvars) {
		/* two different values, one of them under a condition this reader does not evaluate
		 * (if(WIN32) set(V 1.0) else() set(V 2.0) endif()): which one holds is unknown */
		const char *old = cx->v[slot].value;
		conditional |= cx->v[slot].conditional;
		if (conditional && (!old || !joined || strcmp(old, joined) != 0)) {
			free(joined);
			joined = NULL;
		}
		free(cx->v[slot].name);
		free(cx->v[slot].value);
	} else {
		cx->slots[h] = (int)++cx->nvars;
	}
	cx->v[slot].name = name;
	cx->v[slot].value = joined;
	cx->v[slot].conditional = conditional;
	return 0;
}

/* ---- what a declaration pins ---- */

static int is_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static int has_digit(const char *s)
{
	for (; *s; s++)
		if (*s >= '0' && *s <= '9')
			return 1;
	return 0;
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int is_lower(char c)
{
	return c >= 'a' && c <= 'z';
}

/*
 * A version at s[0..n): [vV]digits, '.'/'_'-separated digit groups, an optional letter (1.1.1k, 9e), an
 * optional pre-release (-rc1, .beta2), and nothing after it but a word suffix (.src, -stable). Returns
 * the length of the version part (the 'v' excluded, *skip set to 1 when there is one), or 0.
 */
static size_t archive_version(const char *s, size_t n, size_t *skip)
{
	static const char *const pre[] = {"rc", "alpha", "beta", "pre", "a", "b"};
	size_t i = 0;
	*skip = 0;
	if (n > 1 && (s[0] == 'v' || s[0] == 'V') && is_digit(s[1]))
		i = *skip = 1;
	if (i >= n || !is_digit(s[i]))
		return 0;
	while (i < n && is_digit(s[i]))
		i++;
	while (i + 1 < n && (s[i] == '.' || s[i] == '_') && is_digit(s[i + 1])) {
		i++;
		while (i < n && is_digit(s[i]))
			i++;
	}
	if (i < n && is_lower(s[i]) && (i + 1 == n || !is_lower(s[i + 1])))
		i++; /* 1.1.1k */
	for (size_t k = 0; k < sizeof(pre) / sizeof(pre[0]); k++) {
		size_t j = i + (i < n && (s[i] == '-' || s[i] == '.') ? 1 : 0), pl = strlen(pre[k]);
		if (j + pl <= n && strncmp(s + j, pre[k], pl) == 0 && (j + pl == n || is_digit(s[j + pl]) ||
								      !is_lower(s[j + pl]))) {
			i = j + pl;
			while (i < n && is_digit(s[i]))
				i++;
			break;
		}
	}
	if (i < n) {
		/* a word may follow (".src", "-stable"), or anything after '-' when the version has a dot
		 * ("cmake-3.28.1-linux-x86_64"); a bare number followed by more ("x86_64-linux") is no version */
		int dotted = memchr(s + *skip, '.', i - *skip) != NULL || memchr(s + *skip, '_', i - *skip) != NULL;
		int word = i + 1 < n && (s[i] == '.' || s[i] == '-' || s[i] == '_');
		for (size_t j = i + 1; word && j < n; j++)
			if (!is_lower(s[j]) && !(s[j] >= 'A' && s[j] <= 'Z'))
				word = 0;
		if (!dotted || (!word && s[i] != '-'))
			return 0;
	}
	return i - *skip;
}

/*
 * Version or commit carried by an archive URL: ".../zlib-1.3.1.tar.gz" -> "1.3.1", ".../v2.11.1.zip" ->
 * "2.11.1", ".../archive/refs/tags/v1.2.3.tar.gz" -> "1.2.3", ".../releases/download/v1.2/x.tar.gz" ->
 * "1.2", ".../archive/<40 hex>.tar.gz" -> commit. Writes malloc'd strings to *version or *commit; both stay
 * NULL when the URL names no version. Returns 0 or CVET_ENOMEM.
 */
static int url_version(const char *url, char **version, char **commit)
{
	static const char *const exts[] = {".tar.gz", ".tar.xz", ".tar.bz2", ".tar.zst", ".tgz", ".tbz2", ".txz",
					   ".zip", ".tar", ".7z", ".gz", ".xz", ".bz2"};
	size_t n = strcspn(url, "?#");
	while (n > 0 && url[n - 1] == '/')
		n--;
	*version = *commit = NULL;
	for (int round = 0; round < 2 && n > 0; round++) {
		size_t b = n;
		while (b > 0 && url[b - 1] != '/')
			b--;
		const char *base = url + b;
		size_t bl = n - b;
		for (size_t i = 0; i < sizeof(exts) / sizeof(exts[0]); i++) {
			size_t el = strlen(exts[i]);
			if (bl > el && strncasecmp(base + bl - el, exts[i], el) == 0) {
				bl -= el;
				break;
			}
		}
		if (bl == 40 || bl == 64) {
			size_t k = 0;
			while (k < bl && is_hex(base[k]))
				k++;
			if (k == bl) {
				*commit = cvet_lockfile__strndup(base, bl);
				return *commit ? 0 : cvet_error_setc(CVET_ENOMEM, "out of memory");
			}
		}
		/* the version starts at the file name or after its first '-' or '_' from which one parses */
		for (size_t i = 0; i < bl; i++) {
			if (i > 0 && base[i - 1] != '-' && base[i - 1] != '_')
				continue;
			if (!is_digit(base[i]) && !((base[i] == 'v' || base[i] == 'V') && i + 1 < bl && is_digit(base[i + 1])))
				continue;
			/* the first place a number starts decides: "thing-2024-01-01" is not version "01" */
			size_t skip, vl = archive_version(base + i, bl - i, &skip);
			if (vl == 0)
				break;
			char *v = cvet_lockfile__strndup(base + i + skip, vl);
			if (!v)
				return cvet_error_setc(CVET_ENOMEM, "out of memory");
			int digits_only = 1; /* boost_1_84_0 -> 1.84.0 */
			for (char *c = v; *c; c++)
				if (!is_digit(*c) && *c != '_' && *c != '.')
					digits_only = 0;
			for (char *c = v; digits_only && *c; c++)
				if (*c == '_')
					*c = '.';
			*version = v;
			return 0;
		}
		n = b; /* try the directory above: releases/download/v1.2.3/name.tar.gz */
		while (n > 0 && url[n - 1] == '/')
			n--;
	}
	return 0;
}

enum { K_NAME, K_VERSION, K_GIT_TAG, K_GITHUB, K_GITLAB, K_BITBUCKET, K_GIT_REPO, K_URL, K_URL_HASH, K_URL_MD5,
       K_URI, K_SVN, K_HG, K_COUNT };
static const char *const KEYS[K_COUNT] = {"NAME", "VERSION", "GIT_TAG", "GITHUB_REPOSITORY", "GITLAB_REPOSITORY",
					  "BITBUCKET_REPOSITORY", "GIT_REPOSITORY", "URL", "URL_HASH", "URL_MD5", "URI",
					  "SVN_REPOSITORY", "HG_REPOSITORY"};

/* Options of these commands that take no value (a value never follows them). */
static int is_flag(const char *s)
{
	static const char *const flags[] = {"DOWNLOAD_ONLY", "SYSTEM", "EXCLUDE_FROM_ALL", "GIT_SHALLOW", "QUIET",
					    "FORCE", "OVERRIDE_FIND_PACKAGE"};
	for (size_t i = 0; i < sizeof(flags) / sizeof(flags[0]); i++)
		if (strcmp(s, flags[i]) == 0)
			return 1;
	return 0;
}

typedef enum { D_FETCHCONTENT, D_EXTERNALPROJECT, D_CPM } decl_kind;

typedef struct {
	char *val[K_COUNT];   /* expanded values (owned), NULL when absent or unresolved */
	int unknown[K_COUNT]; /* the key was given but its value is computed */
	unsigned line[K_COUNT];
} decl_vals;

static void decl_clear(decl_vals *d)
{
	for (int k = 0; k < K_COUNT; k++)
		free(d->val[k]);
}

/* Is this CPM package (by name, or by repository) pinned by the package-lock.cmake reported on its own? */
static int in_lock(const cvet_lf_list *lock, const char *name, const char *repo)
{
	for (size_t i = 0; lock && i < lock->n; i++)
		if ((lock->items[i].name && ieq(lock->items[i].name, name)) ||
		    (repo && lock->items[i].repo && ieq(lock->items[i].repo, repo)))
			return 1;
	return 0;
}

/* Split a CPM URI ("gh:owner/repo@1.2.3#tag", "gl:...", "bb:...", "https://host/x.git@1.0") into its parts. */
static int cpm_uri(decl_vals *d, const char *uri, unsigned line)
{
	const char *rest = uri;
	char *repo = NULL;
	int host = 0; /* 1 github, 2 gitlab, 3 bitbucket, 0 a URL */
	if (strncmp(uri, "gh:", 3) == 0)
		host = 1, rest += 3;
	else if (strncmp(uri, "gl:", 3) == 0)
		host = 2, rest += 3;
	else if (strncmp(uri, "bb:", 3) == 0)
		host = 3, rest += 3;
	/* "owner/repo", then "#tag" and "@version" in either order ("#asio-1-18-1@1.18.1") */
	const char *last_slash = strrchr(rest, '/');
	const char *hash = strchr(last_slash ? last_slash : rest, '#');
	const char *at = strchr(last_slash ? last_slash : rest, '@');
	size_t rl = strlen(rest);
	if (at && (!hash || at < hash))
		rl = (size_t)(at - rest);
	else if (hash)
		rl = (size_t)(hash - rest);
	if (host == 1)
		repo = cvet_lockfile__strndup(rest, rl);
	else if (host == 2)
		repo = cvet_lockfile__printf("https://gitlab.com/%.*s", (int)rl, rest);
	else if (host == 3)
		repo = cvet_lockfile__printf("https://bitbucket.org/%.*s", (int)rl, rest);
	else
		repo = cvet_lockfile__strndup(rest, rl);
	if (!repo)
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	int k = host == 1 ? K_GITHUB : K_GIT_REPO;
	if (!d->val[k]) {
		d->val[k] = repo;
		d->line[k] = line;
	} else {
		free(repo);
	}
	if (at && !d->val[K_VERSION]) {
		size_t vl = hash && hash > at ? (size_t)(hash - at - 1) : strlen(at + 1);
		if (vl && !(d->val[K_VERSION] = cvet_lockfile__strndup(at + 1, vl)))
			return cvet_error_setc(CVET_ENOMEM, "out of memory");
	}
	if (hash && !d->val[K_GIT_TAG]) {
		size_t tl = at && at > hash ? (size_t)(at - hash - 1) : strlen(hash + 1);
		if (tl && !(d->val[K_GIT_TAG] = cvet_lockfile__strndup(hash + 1, tl)))
			return cvet_error_setc(CVET_ENOMEM, "out of memory");
	}
	return 0;
}

/* Append a piece of detail text ("; "-separated). Returns 0 or CVET_ENOMEM. */
static int detail_add(cvet_lf_pkg *p, const char *fmt, const char *a)
{
	char *piece = cvet_lockfile__printf(fmt, a);
	char *d = piece ? (p->detail ? cvet_lockfile__printf("%s; %s", p->detail, piece) : cvet_lockfile__strdup(piece)) : NULL;
	free(piece);
	if (!d)
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	free(p->detail);
	p->detail = d;
	return 0;
}

/*
 * A declaration inside function()/macro() that takes its source from the parameters: the pins are at the
 * calls of that helper, which this reader does not follow; say so once per helper. CPM.cmake's own
 * functions (cpm*, CPM*) are skipped: calls of CPMAddPackage and friends are read directly.
 */
static int helper_note(ck_ctx *cx, const char *cmd)
{
	if (cx->func_noted || strncasecmp(cx->func, "cpm", 3) == 0)
		return 0;
	cx->func_noted = 1;
	return cvet_lockfile__note(cx->out, "%s: line %u: '%s' wraps %s with its parameters; the dependencies its "
				   "callers pass are not read", cx->display, cx->func_line, cx->func[0] ? cx->func : "?", cmd);
}

/* Turn one declaration into a package (or a note when it names nothing this reader can evaluate). */
static int declare(ck_ctx *cx, decl_kind kind, const char *cmd, ck_arg *args, size_t nargs, unsigned cmd_line,
		   int cut)
{
	decl_vals d;
	int err = 0, any_unknown = cut;
	size_t first = 0;
	char *name = NULL;
	memset(&d, 0, sizeof(d));
	/* positional head: the content name (FetchContent/ExternalProject/CPMDeclarePackage) or a CPM URI */
	int positional = nargs > 0;
	for (int k = 0; positional && k < K_COUNT; k++)
		if (!args[0].quoted && strcmp(args[0].text, KEYS[k]) == 0)
			positional = 0;
	if (positional)
		first = 1;
	for (size_t i = first; i < nargs; i++) {
		if (args[i].quoted)
			continue;
		for (int k = 0; k < K_COUNT; k++) {
			if (strcmp(args[i].text, KEYS[k]) != 0)
				continue;
			if (i + 1 >= nargs || is_flag(args[i + 1].text))
				break;
			int unk = 0;
			char *e = expand(cx, args[i + 1].text, 0, &unk);
			if (!e) {
				err = cvet_error_setc(CVET_ENOMEM, "out of memory");
				goto done;
			}
			free(d.val[k]);
			d.val[k] = NULL;
			d.unknown[k] = unk || !e[0];
			if (unk || !e[0])
				free(e);
			else
				d.val[k] = e;
			d.line[k] = args[i + 1].line;
			any_unknown |= d.unknown[k];
			i++;
			break;
		}
	}
	unsigned line = nargs ? args[0].line : cmd_line;
	if (positional) {
		int unk = 0;
		char *head = expand(cx, args[0].text, 0, &unk);
		if (!head) {
			err = cvet_error_setc(CVET_ENOMEM, "out of memory");
			goto done;
		}
		if (kind == D_CPM && !unk && (strncmp(head, "gh:", 3) == 0 || strncmp(head, "gl:", 3) == 0 ||
					      strncmp(head, "bb:", 3) == 0 || strstr(head, "://"))) {
			err = cpm_uri(&d, head, args[0].line);
			free(head);
			if (err < 0)
				goto done;
		} else if (!unk && head[0]) {
			name = head;
		} else {
			free(head);
			any_unknown = 1;
		}
	}
	if (d.val[K_URI] && (err = cpm_uri(&d, d.val[K_URI], d.line[K_URI])) < 0)
		goto done;
	if (d.val[K_NAME]) {
		free(name);
		name = cvet_lockfile__strdup(d.val[K_NAME]);
		line = d.line[K_NAME];
		if (!name) {
			err = cvet_error_setc(CVET_ENOMEM, "out of memory");
			goto done;
		}
	}
	/* the repository: GitHub "owner/repo" when it is one, else the URL as written */
	char *repo = NULL;
	if (d.val[K_GITHUB])
		repo = cvet_lockfile__strdup(d.val[K_GITHUB]);
	else if (d.val[K_GITLAB])
		repo = cvet_lockfile__printf("https://gitlab.com/%s", d.val[K_GITLAB]);
	else if (d.val[K_BITBUCKET])
		repo = cvet_lockfile__printf("https://bitbucket.org/%s", d.val[K_BITBUCKET]);
	else if (d.val[K_GIT_REPO]) {
		if (!(repo = cvet_lockfile__github_repo(d.val[K_GIT_REPO])))
			repo = cvet_lockfile__strdup(d.val[K_GIT_REPO]);
	} else if (d.val[K_URL])
		repo = cvet_lockfile__github_repo(d.val[K_URL]);
	if (!name && repo) /* CPM names a package after its repository */
		name = cvet_lockfile__url_basename(repo);
	if (!name) {
		if (cx->in_function)
			err = helper_note(cx, cmd);
		else
			err = cvet_lockfile__note(cx->out, "%s: line %u: %s with a computed name and source; not read",
						  cx->display, cmd_line, cmd);
		free(repo);
		goto done;
	}
	if (cx->in_function && any_unknown && !d.val[K_VERSION] && !d.val[K_GIT_TAG] && !d.val[K_URL]) {
		err = helper_note(cx, cmd); /* a helper function's body, filled in by its callers */
		free(repo);
		goto done;
	}
	if (kind == D_CPM && in_lock(cx->lock, name, repo)) {
		err = cvet_lockfile__note(cx->out, "%s: line %u: %s is pinned in package-lock.cmake; reported from there",
					  cx->display, line, name);
		free(repo);
		goto done;
	}
	cvet_lf_pkg *p;
	if ((err = cvet_lockfile__add(cx->out, kind == D_CPM ? "cpm" : "cmake", name, NULL, line, &p)) < 0) {
		free(repo);
		goto done;
	}
	p->repo = repo;
	const char *tag = d.val[K_GIT_TAG];
	char *uv = NULL, *uc = NULL;
	if (d.val[K_URL] && (err = url_version(d.val[K_URL], &uv, &uc)) < 0)
		goto done;
	int oom = 0;
	if (tag && cvet_lockfile__is_commit(tag)) {
		oom = !(p->commit = cvet_lockfile__strdup(tag));
	} else if (d.val[K_VERSION]) {
		oom = !(p->version = cvet_lockfile__strdup(d.val[K_VERSION]));
	} else if (tag && cvet_lockfile__is_hex(tag, 7, 39) && has_digit(tag)) {
		err = detail_add(p, "abbreviated commit %.80s (not matched: a full 40-hex commit is needed)", tag);
	} else if (tag && has_digit(tag)) {
		oom = !(p->tag = cvet_lockfile__strdup(tag));
	} else if (tag) {
		err = detail_add(p, "follows branch %.80s: version unknown", tag);
	} else if (uc) {
		p->commit = uc;
		uc = NULL;
	} else if (uv) {
		p->version = uv;
		uv = NULL;
	}
	if (oom)
		err = cvet_error_setc(CVET_ENOMEM, "out of memory");
	free(uv);
	free(uc);
	if (err == 0 && d.val[K_URL] && !tag && !d.val[K_VERSION])
		err = detail_add(p, "URL %.200s", d.val[K_URL]);
	if (err == 0 && d.val[K_URL_HASH])
		err = detail_add(p, "URL_HASH %.200s", d.val[K_URL_HASH]);
	else if (err == 0 && d.val[K_URL_MD5])
		err = detail_add(p, "URL_MD5 %.200s", d.val[K_URL_MD5]);
	if (err == 0 && (d.val[K_SVN] || d.val[K_HG]))
		err = detail_add(p, "%s repository: version unknown", d.val[K_SVN] ? "Subversion" : "Mercurial");
	if (err == 0 && any_unknown && !p->version && !p->tag && !p->commit)
		err = detail_add(p, "%s: version computed from variables this reader does not evaluate; unknown", cmd);
	else if (err == 0 && any_unknown)
		err = detail_add(p, "%s: some ${variables} could not be resolved", cmd);
	if (err == 0 && p->repo && strchr(p->repo, '/') && !strstr(p->repo, "://") && !strchr(p->repo, '@') && p->version &&
	    !(p->purl = cvet_lockfile__printf("pkg:github/%s@%s", p->repo, p->version)))
		err = cvet_error_setc(CVET_ENOMEM, "out of memory");
done:
	free(name);
	decl_clear(&d);
	return err;
}

int cvet_lockfile__cmake_deps(const char *display, const char *buf, size_t len, const cvet_lf_list *lock,
			      cvet_lf_list *out)
{
	ck_lexer lx = {display, buf, len, 0, 1};
	ck_ctx cx;
	ck_arg *args = NULL;
	size_t nargs = 0;
	int err = 0;
	memset(&cx, 0, sizeof(cx));
	cx.display = display;
	cx.out = out;
	cx.lock = lock;
	if (memchr(buf, '\0', len))
		return cvet_error_setc(CVET_EPARSE, "%s: binary data (NUL byte) in a CMake file", display);
	if (!(args = calloc(MAX_ARGS, sizeof(*args))))
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	for (;;) {
		if ((err = skip_space(&lx)) < 0)
			goto done;
		if (lx.pos >= lx.len)
			break;
		size_t s = lx.pos;
		unsigned cmd_line = lx.line;
		while (lx.pos < lx.len) {
			char c = lx.buf[lx.pos];
			if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
				break;
			lx.pos++;
		}
		if (lx.pos == s) {
			unsigned char c = (unsigned char)lx.buf[lx.pos];
			err = c >= 32 && c < 127
				      ? cvet_error_setc(CVET_EPARSE, "%s: line %u: expected a CMake command, found '%c'", display,
							lx.line, c)
				      : cvet_error_setc(CVET_EPARSE, "%s: line %u: expected a CMake command, found byte 0x%02x",
							display, lx.line, c);
			goto done;
		}
		char name[64];
		size_t nl = lx.pos - s < sizeof(name) - 1 ? lx.pos - s : sizeof(name) - 1;
		memcpy(name, lx.buf + s, nl);
		name[nl] = '\0';
		while (lx.pos < lx.len && (lx.buf[lx.pos] == ' ' || lx.buf[lx.pos] == '\t'))
			lx.pos++;
		if (lx.pos >= lx.len || lx.buf[lx.pos] != '(') {
			err = cvet_error_setc(CVET_EPARSE, "%s: line %u: expected '(' after '%s'", display, lx.line, name);
			goto done;
		}
		lx.pos++;
		decl_kind kind = D_CPM;
		int wanted = 1, is_set = ieq(name, "set");
		if (ieq(name, "FetchContent_Declare"))
			kind = D_FETCHCONTENT;
		else if (ieq(name, "ExternalProject_Add"))
			kind = D_EXTERNALPROJECT;
		else if (!ieq(name, "CPMAddPackage") && !ieq(name, "CPMFindPackage") && !ieq(name, "CPMDeclarePackage"))
			wanted = is_set || ieq(name, "function") || ieq(name, "macro");
		args_free(args, nargs);
		nargs = 0;
		int cut = 0;
		if ((err = read_args(&lx, cmd_line, wanted ? args : NULL, &nargs, &cut)) < 0)
			goto done;
		if (ieq(name, "if") || ieq(name, "foreach") || ieq(name, "while"))
			cx.in_block++;
		else if ((ieq(name, "endif") || ieq(name, "endforeach") || ieq(name, "endwhile")) && cx.in_block > 0)
			cx.in_block--;
		else if (ieq(name, "function") || ieq(name, "macro")) {
			if (cx.in_function++ == 0) {
				snprintf(cx.func, sizeof(cx.func), "%s", nargs ? args[0].text : "");
				cx.func_line = cmd_line;
				cx.func_noted = 0;
			}
		}
		else if ((ieq(name, "endfunction") || ieq(name, "endmacro")) && cx.in_function > 0 && --cx.in_function == 0)
			cx.func[0] = '\0';
		else if (is_set)
			err = do_set(&cx, args, nargs, cut);
		else if (wanted)
			err = declare(&cx, kind, name, args, nargs, cmd_line, cut);
		if (err < 0)
			goto done;
	}
done:
	args_free(args, nargs);
	free(args);
	for (size_t i = 0; i < cx.nvars; i++) {
		free(cx.v[i].name);
		free(cx.v[i].value);
	}
	free(cx.v);
	return err;
}

/* CPM's package-lock.cmake is a CMake file of CPMDeclarePackage() calls (with set() variables): the same
 * reader, with no lock of its own to defer to. */
int cvet_lockfile__cpm_lock(const char *display, const char *buf, size_t len, cvet_lf_list *out)
{
	return cvet_lockfile__cmake_deps(display, buf, len, NULL, out);
}
