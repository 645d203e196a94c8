/* lockfile_cpm.c - CPM.cmake package-lock.cmake: CPMDeclarePackage() calls with set() variables resolved */
#include <stdlib.h>
#include <string.h>
#include "deps/lockfile.h"

static const char ECO[] = "cpm";

#define MAX_ARGS 512
#define MAX_VARS 4096

typedef struct {
	char *text;    /* argument text after bracket/quote removal (owned) */
	unsigned line;
} cm_arg;

typedef struct {
	const char *buf;
	size_t len, pos;
	unsigned line;
} cm_lexer;

typedef struct {
	char *name, *value;
} cm_var;

typedef struct {
	cm_var *v;
	size_t n, cap;
} cm_vars;

static void args_free(cm_arg *a, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(a[i].text);
}

/* Skip whitespace and comments ('#' to end of line, "#[[ ... ]]" bracket comments). */
static void skip_space(cm_lexer *lx)
{
	while (lx->pos < lx->len) {
		char c = lx->buf[lx->pos];
		if (c == '\n') {
			lx->line++;
			lx->pos++;
		} else if (c == ' ' || c == '\t' || c == '\r') {
			lx->pos++;
		} else if (c == '#') {
			if (lx->pos + 1 < lx->len && lx->buf[lx->pos + 1] == '[') {
				/* bracket comment #[==[ ... ]==] */
				size_t p = lx->pos + 2, eq = 0;
				while (p < lx->len && lx->buf[p] == '=')
					p++, eq++;
				if (p < lx->len && lx->buf[p] == '[') {
					p++;
					for (; p < lx->len; p++) {
						if (lx->buf[p] == '\n')
							lx->line++;
						if (lx->buf[p] == ']' && p + eq + 1 < lx->len) {
							size_t k = 0;
							while (k < eq && lx->buf[p + 1 + k] == '=')
								k++;
							if (k == eq && lx->buf[p + 1 + eq] == ']') {
								p += eq + 2;
								break;
							}
						}
					}
					lx->pos = p;
					continue;
				}
			}
			while (lx->pos < lx->len && lx->buf[lx->pos] != '\n')
				lx->pos++;
		} else {
			break;
		}
	}
}

/* Read the arguments of a command whose '(' was consumed, up to the matching ')'. Returns the count or
 * a negative code. Nested parentheses are kept as plain words. */
static int read_args(cm_lexer *lx, const char *display, unsigned cmd_line, cm_arg *args, size_t *nargs)
{
	int depth = 0;
	*nargs = 0;
	for (;;) {
		skip_space(lx);
		if (lx->pos >= lx->len)
			return cvet_error_setc(CVET_EPARSE, "%s: line %u: unterminated command (missing ')')", display, cmd_line);
		char c = lx->buf[lx->pos];
		unsigned line = lx->line;
		size_t start, end;
		if (c == ')') {
			lx->pos++;
			if (depth == 0)
				return 0;
			depth--;
			continue;
		}
		if (c == '(') {
			lx->pos++;
			depth++;
			if (depth > 64)
				return cvet_error_setc(CVET_EPARSE, "%s: line %u: parentheses nested too deeply", display, line);
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
				return cvet_error_setc(CVET_EPARSE, "%s: line %u: unterminated quoted argument", display, line);
			end = lx->pos++;
		} else if (c == '[' && lx->pos + 1 < lx->len && (lx->buf[lx->pos + 1] == '[' || lx->buf[lx->pos + 1] == '=')) {
			size_t p = lx->pos + 1, eq = 0;
			while (p < lx->len && lx->buf[p] == '=')
				p++, eq++;
			if (p >= lx->len || lx->buf[p] != '[')
				goto unquoted;
			start = ++p;
			end = lx->len;
			for (; p < lx->len; p++) {
				if (lx->buf[p] == '\n')
					lx->line++;
				if (lx->buf[p] == ']' && p + eq + 1 < lx->len) {
					size_t k = 0;
					while (k < eq && lx->buf[p + 1 + k] == '=')
						k++;
					if (k == eq && lx->buf[p + 1 + eq] == ']') {
						end = p;
						p += eq + 2;
						break;
					}
				}
			}
			if (end == lx->len)
				return cvet_error_setc(CVET_EPARSE, "%s: line %u: unterminated bracket argument", display, line);
			lx->pos = p;
		} else {
		unquoted:
			start = lx->pos;
			while (lx->pos < lx->len) {
				char d = lx->buf[lx->pos];
				if (d == ' ' || d == '\t' || d == '\r' || d == '\n' || d == '(' || d == ')' || d == '#' ||
				    d == '"')
					break;
				if (d == '\\' && lx->pos + 1 < lx->len)
					lx->pos++;
				lx->pos++;
			}
			end = lx->pos;
			if (end == start) {
				lx->pos++; /* a stray character: skip it */
				continue;
			}
		}
		if (*nargs >= MAX_ARGS)
			return cvet_error_setc(CVET_ELIMIT, "%s: line %u: more than %d arguments in one command", display,
					       line, MAX_ARGS);
		if (end - start > CVET_LF_MAX_STR)
			return cvet_error_setc(CVET_EPARSE, "%s: line %u: argument longer than %d bytes", display, line,
					       CVET_LF_MAX_STR);
		args[*nargs].text = cvet_lockfile__strndup(lx->buf + start, end - start);
		args[*nargs].line = line;
		if (!args[*nargs].text)
			return cvet_error_setc(CVET_ENOMEM, "out of memory");
		(*nargs)++;
	}
}

static const char *var_get(const cm_vars *vars, const char *name, size_t nl)
{
	for (size_t i = vars->n; i-- > 0;)
		if (strlen(vars->v[i].name) == nl && strncmp(vars->v[i].name, name, nl) == 0)
			return vars->v[i].value;
	return NULL;
}

/* Expand ${VAR} references (nested up to a small depth). Returns malloc'd text; *unresolved set when a
 * variable is unknown (it expands to nothing). */
static char *expand(const cm_vars *vars, const char *text, int depth, int *unresolved)
{
	size_t cap = strlen(text) + 1, n = 0;
	char *out = malloc(cap);
	if (!out)
		return NULL;
	for (const char *p = text; *p;) {
		if (p[0] == '$' && p[1] == '{') {
			const char *close = strchr(p + 2, '}');
			if (close) {
				const char *val = var_get(vars, p + 2, (size_t)(close - p - 2));
				char *sub = NULL;
				if (!val)
					*unresolved = 1;
				else if (depth < 8)
					sub = expand(vars, val, depth + 1, unresolved);
				size_t sl = sub ? strlen(sub) : 0;
				if (n + sl + 1 > cap) {
					cap = n + sl + 1 + strlen(close);
					if (cap > CVET_LF_MAX_STR * 2) {
						free(sub);
						free(out);
						*unresolved = 1;
						return cvet_lockfile__strdup("");
					}
					char *o2 = realloc(out, cap);
					if (!o2) {
						free(sub);
						free(out);
						return NULL;
					}
					out = o2;
				}
				if (sub)
					memcpy(out + n, sub, sl);
				n += sl;
				free(sub);
				p = close + 1;
				continue;
			}
		}
		if (n + 2 > cap) {
			char *o2 = reallocarray(out, cap, 2);
			if (!o2) {
				free(out);
				return NULL;
			}
			out = o2;
			cap *= 2;
		}
		out[n++] = *p++;
	}
	out[n] = '\0';
	return out;
}

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

/* A 40-hex component of an archive URL (.../archive/<sha>.tar.gz), copied into out[65]. */
static int commit_in_url(const char *url, char out[65])
{
	for (const char *p = url; *p; p++) {
		size_t n = 0;
		if (p != url && ((p[-1] >= '0' && p[-1] <= '9') || (p[-1] >= 'a' && p[-1] <= 'f')))
			continue;
		while (n < 65 && ((p[n] >= '0' && p[n] <= '9') || (p[n] >= 'a' && p[n] <= 'f')))
			n++;
		if (n == 40 || n == 64) {
			memcpy(out, p, n);
			out[n] = '\0';
			return 1;
		}
	}
	return 0;
}

static const char *KEYS[] = {"NAME", "VERSION", "GIT_TAG", "GITHUB_REPOSITORY", "GITLAB_REPOSITORY",
			     "BITBUCKET_REPOSITORY", "GIT_REPOSITORY", "URL", "URL_HASH", "OPTIONS", "DOWNLOAD_ONLY",
			     "SOURCE_DIR", "SOURCE_SUBDIR", "SYSTEM", "EXCLUDE_FROM_ALL", "QUIET", "PATCHES",
			     "GIT_SHALLOW", "FORCE", "DOWNLOAD_COMMAND", "CUSTOM_CACHE_KEY", "PATCH_COMMAND"};

static int is_key(const char *s)
{
	for (size_t i = 0; i < sizeof(KEYS) / sizeof(KEYS[0]); i++)
		if (strcmp(s, KEYS[i]) == 0)
			return 1;
	return 0;
}

/* Turn one CPMDeclarePackage/CPMAddPackage call into a package. */
static int declare(const char *display, const cm_vars *vars, cm_arg *args, size_t nargs, unsigned cmd_line,
		   cvet_lf_list *out)
{
	const char *vals[8] = {0}; /* NAME VERSION GIT_TAG GITHUB GITLAB BITBUCKET GIT_REPOSITORY URL */
	unsigned name_line = nargs ? args[0].line : cmd_line;
	size_t first = 0;
	if (nargs == 0)
		return cvet_error_setc(CVET_EPARSE, "%s: line %u: CPMDeclarePackage without arguments", display, cmd_line);
	/* CPMDeclarePackage(<name> KEY value ...); CPMAddPackage may start with KEY directly */
	if (!is_key(args[0].text))
		first = 1;
	for (size_t i = first; i + 1 < nargs; i++) {
		for (int k = 0; k < 8; k++) {
			if (strcmp(args[i].text, KEYS[k]) == 0 && !is_key(args[i + 1].text)) {
				vals[k] = args[i + 1].text;
				if (k == 0)
					name_line = args[i + 1].line;
				i++;
				break;
			}
		}
	}
	int unresolved = 0, err = 0;
	char *ex[8] = {0};
	for (int k = 0; k < 8; k++) {
		if (!vals[k])
			continue;
		ex[k] = expand(vars, vals[k], 0, &unresolved);
		if (!ex[k]) {
			err = cvet_error_setc(CVET_ENOMEM, "out of memory");
			goto done;
		}
		if (!ex[k][0]) {
			free(ex[k]);
			ex[k] = NULL;
		}
	}
	char *shorthand_ver = NULL, *shorthand_repo = NULL;
	const char *name = ex[0] ? ex[0] : (first ? args[0].text : NULL);
	/* "gh:owner/repo@1.2.3" shorthand as the only positional argument */
	if (first && strncmp(args[0].text, "gh:", 3) == 0) {
		const char *at = strchr(args[0].text, '@');
		shorthand_repo = cvet_lockfile__strndup(args[0].text + 3, at ? (size_t)(at - args[0].text - 3)
									   : strlen(args[0].text + 3));
		if (at)
			shorthand_ver = cvet_lockfile__strdup(at + 1);
		if (!ex[0] && shorthand_repo) {
			const char *sl = strchr(shorthand_repo, '/');
			name = sl ? sl + 1 : shorthand_repo;
		}
	}
	if (!name) {
		err = cvet_error_setc(CVET_EPARSE, "%s: line %u: CPM package without a name", display, cmd_line);
		goto done2;
	}
	cvet_lf_pkg *p;
	const char *version = ex[1] ? ex[1] : shorthand_ver;
	if ((err = cvet_lockfile__add(out, ECO, name, NULL, name_line, &p)) < 0)
		goto done2;
	const char *tag = ex[2];
	char commit[65];
	if (tag && cvet_lockfile__is_commit(tag)) {
		p->commit = cvet_lockfile__strdup(tag);
	} else if (version) {
		p->version = cvet_lockfile__strdup(version);
	} else if (tag) {
		p->tag = cvet_lockfile__strdup(tag);
	} else if (ex[7] && commit_in_url(ex[7], commit)) {
		p->commit = cvet_lockfile__strdup(commit);
	}
	if (version && !p->version)
		p->version = cvet_lockfile__strdup(version);
	if (ex[3])
		p->repo = cvet_lockfile__strdup(ex[3]);
	else if (shorthand_repo)
		p->repo = cvet_lockfile__strdup(shorthand_repo);
	else if (ex[6]) {
		/* a GitHub GIT_REPOSITORY used to fall through to URL below and leak: the first source named wins */
		if (!(p->repo = cvet_lockfile__github_repo(ex[6])))
			p->repo = cvet_lockfile__strdup(ex[6]);
	} else if (ex[7])
		p->repo = cvet_lockfile__github_repo(ex[7]);
	if (p->repo && strchr(p->repo, '/') && !strstr(p->repo, "://") && !strchr(p->repo, '@') && p->version)
		p->purl = cvet_lockfile__printf("pkg:github/%s@%s", p->repo, p->version);
	if (unresolved)
		p->detail = cvet_lockfile__strdup("some ${variables} could not be resolved");
	else if (ex[7] && !ex[2] && !ex[1])
		p->detail = cvet_lockfile__printf("URL %.200s", ex[7]);
done2:
	free(shorthand_repo);
	free(shorthand_ver);
done:
	for (int k = 0; k < 8; k++)
		free(ex[k]);
	return err;
}

int cvet_lockfile__cpm_lock(const char *display, const char *buf, size_t len, cvet_lf_list *out)
{
	cm_lexer lx = {buf, len, 0, 1};
	cm_vars vars = {0};
	cm_arg *args = calloc(MAX_ARGS, sizeof(*args));
	size_t nargs = 0;
	int err = 0;
	if (!args)
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	if (memchr(buf, '\0', len)) {
		err = cvet_error_setc(CVET_EPARSE, "%s: binary data (NUL byte) in a CMake file", display);
		goto done;
	}
	for (;;) {
		skip_space(&lx);
		if (lx.pos >= lx.len)
			break;
		/* command name */
		size_t s = lx.pos;
		unsigned cmd_line = lx.line;
		while (lx.pos < lx.len) {
			char c = lx.buf[lx.pos];
			if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
				break;
			lx.pos++;
		}
		if (lx.pos == s) {
			err = cvet_error_setc(CVET_EPARSE, "%s: line %u: expected a CMake command", display, lx.line);
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
		args_free(args, nargs);
		nargs = 0;
		if ((err = read_args(&lx, display, cmd_line, args, &nargs)) < 0)
			goto done;
		if (ieq(name, "set") && nargs >= 1) {
			if (vars.n >= MAX_VARS) {
				err = cvet_error_setc(CVET_ELIMIT, "%s: more than %d set() commands", display, MAX_VARS);
				goto done;
			}
			if (vars.n == vars.cap) {
				size_t cap = vars.cap ? vars.cap * 2 : 16;
				cm_var *v = reallocarray(vars.v, cap, sizeof(*v));
				if (!v) {
					err = cvet_error_setc(CVET_ENOMEM, "out of memory");
					goto done;
				}
				vars.v = v;
				vars.cap = cap;
			}
			/* value: words up to CACHE/PARENT_SCOPE joined with ';' (only the first matters here) */
			int unres = 0;
			char *val = nargs >= 2 && strcmp(args[1].text, "CACHE") != 0 ? expand(&vars, args[1].text, 0, &unres)
										 : cvet_lockfile__strdup("");
			char *vn = cvet_lockfile__strdup(args[0].text);
			if (!val || !vn) {
				free(val);
				free(vn);
				err = cvet_error_setc(CVET_ENOMEM, "out of memory");
				goto done;
			}
			vars.v[vars.n].name = vn;
			vars.v[vars.n].value = val;
			vars.n++;
		} else if (ieq(name, "CPMDeclarePackage") || ieq(name, "CPMAddPackage")) {
			if ((err = declare(display, &vars, args, nargs, cmd_line, out)) < 0)
				goto done;
		}
	}
done:
	args_free(args, nargs);
	free(args);
	for (size_t i = 0; i < vars.n; i++) {
		free(vars.v[i].name);
		free(vars.v[i].value);
	}
	free(vars.v);
	return err;
}
