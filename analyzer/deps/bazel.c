/* lockfile_bazel.c - Bazel modules: bazel_dep() calls in MODULE.bazel and selected versions in MODULE.bazel.lock */
#include <stdlib.h>
#include <string.h>
#include "deps/lockfile.h"

static const char ECO[] = "bazel";

#define MAX_ASSIGN 4096
#define MAX_KWARGS 32

typedef enum { T_EOF, T_IDENT, T_STRING, T_NUMBER, T_PUNCT } tkind;

typedef struct {
	tkind kind;
	const char *s; /* start in buffer (for strings: after the quote) */
	size_t n;      /* length (for strings: without quotes) */
	unsigned line;
	char punct;
} token;

enum { BAD_STRING = 1, BAD_DEPTH = 2 };

typedef struct {
	const char *buf;
	size_t len, pos;
	unsigned line;
	int bad;         /* BAD_STRING or BAD_DEPTH once the text cannot be read on */
	unsigned bad_line; /* where */
} lexer;

static void lex(lexer *lx, token *t)
{
	memset(t, 0, sizeof(*t));
	for (;;) {
		while (lx->pos < lx->len) {
			char c = lx->buf[lx->pos];
			if (c == '\n')
				lx->line++;
			if (c == '\n' || c == ' ' || c == '\t' || c == '\r' || c == '\\')
				lx->pos++;
			else
				break;
		}
		if (lx->pos < lx->len && lx->buf[lx->pos] == '#') {
			while (lx->pos < lx->len && lx->buf[lx->pos] != '\n')
				lx->pos++;
			continue;
		}
		break;
	}
	t->line = lx->line;
	if (lx->pos >= lx->len) {
		t->kind = T_EOF;
		return;
	}
	char c = lx->buf[lx->pos];
	if (c == '"' || c == '\'') {
		int triple = lx->pos + 2 < lx->len && lx->buf[lx->pos + 1] == c && lx->buf[lx->pos + 2] == c;
		size_t q = triple ? 3 : 1;
		lx->pos += q;
		size_t start = lx->pos;
		for (;;) {
			if (lx->pos >= lx->len) {
				lx->bad = BAD_STRING;
				lx->bad_line = t->line;
				t->kind = T_EOF;
				return;
			}
			char d = lx->buf[lx->pos];
			if (d == '\\' && lx->pos + 1 < lx->len) {
				lx->pos += 2;
				continue;
			}
			if (d == '\n') {
				if (!triple) {
					lx->bad = BAD_STRING;
					lx->bad_line = t->line;
					t->kind = T_EOF;
					return;
				}
				lx->line++;
			}
			if (d == c && (!triple || (lx->pos + 2 < lx->len && lx->buf[lx->pos + 1] == c &&
						   lx->buf[lx->pos + 2] == c)))
				break;
			lx->pos++;
		}
		t->kind = T_STRING;
		t->s = lx->buf + start;
		t->n = lx->pos - start;
		lx->pos += q;
		return;
	}
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_') {
		size_t start = lx->pos;
		while (lx->pos < lx->len) {
			char d = lx->buf[lx->pos];
			if (!((d >= 'a' && d <= 'z') || (d >= 'A' && d <= 'Z') || (d >= '0' && d <= '9') || d == '_'))
				break;
			lx->pos++;
		}
		t->kind = T_IDENT;
		t->s = lx->buf + start;
		t->n = lx->pos - start;
		return;
	}
	if (c >= '0' && c <= '9') {
		size_t start = lx->pos;
		while (lx->pos < lx->len && ((lx->buf[lx->pos] >= '0' && lx->buf[lx->pos] <= '9') || lx->buf[lx->pos] == '.'))
			lx->pos++;
		t->kind = T_NUMBER;
		t->s = lx->buf + start;
		t->n = lx->pos - start;
		return;
	}
	t->kind = T_PUNCT;
	t->punct = c;
	t->s = lx->buf + lx->pos;
	t->n = 1;
	lx->pos++;
}

typedef struct {
	const char *name;
	size_t nl;
	char *value; /* owned, NULL when not a plain string */
} assign;

typedef struct {
	assign *v;
	size_t n, cap;
} assigns;

static const char *lookup(const assigns *a, const char *name, size_t nl)
{
	for (size_t i = a->n; i-- > 0;)
		if (a->v[i].nl == nl && strncmp(a->v[i].name, name, nl) == 0)
			return a->v[i].value;
	return NULL;
}

static int tok_is(const token *t, const char *word)
{
	return t->kind == T_IDENT && strlen(word) == t->n && strncmp(t->s, word, t->n) == 0;
}

/*
 * Evaluate an expression of string literals and names joined by '+', up to ',' or ')' at depth 0 (or a
 * newline-terminated statement for assignments). Returns malloc'd text, or NULL with *unknown = 1 when the
 * expression is not a plain string; *first_line is the line of its first token. Consumes the terminator.
 */
static char *eval(lexer *lx, const assigns *a, int stop_at_newline, token *term, int *unknown, unsigned *first_line)
{
	char buf[CVET_LF_MAX_STR + 1];
	size_t n = 0;
	int depth = 0, expect_operand = 1, first = 1;
	unsigned start_line = lx->line;
	*unknown = 0;
	for (;;) {
		size_t before = lx->pos;
		unsigned line_before = lx->line;
		token t;
		lex(lx, &t);
		if (first) {
			*first_line = t.line;
			first = 0;
		}
		if (t.kind == T_EOF) {
			*term = t;
			break;
		}
		if (stop_at_newline && depth == 0 && t.line != start_line && !expect_operand) {
			lx->pos = before; /* the next statement starts here */
			lx->line = line_before;
			term->kind = T_PUNCT;
			term->punct = '\n';
			break;
		}
		if (t.kind == T_PUNCT && (t.punct == '(' || t.punct == '[' || t.punct == '{')) {
			depth++;
			*unknown = 1;
			if (depth > 64) {
				lx->bad = BAD_DEPTH;
				lx->bad_line = t.line;
				*term = t;
				break;
			}
			continue;
		}
		if (t.kind == T_PUNCT && (t.punct == ')' || t.punct == ']' || t.punct == '}')) {
			if (depth == 0) {
				*term = t;
				break;
			}
			depth--;
			continue;
		}
		if (t.kind == T_PUNCT && t.punct == ',' && depth == 0) {
			*term = t;
			break;
		}
		if (depth > 0)
			continue;
		if (t.kind == T_PUNCT && t.punct == '+' && !expect_operand) {
			expect_operand = 1;
			continue;
		}
		if (expect_operand && (t.kind == T_STRING || t.kind == T_IDENT)) {
			const char *s = t.s;
			size_t sl = t.n;
			if (t.kind == T_IDENT) {
				s = lookup(a, t.s, t.n);
				if (!s) {
					*unknown = 1;
					s = "";
				}
				sl = strlen(s);
			}
			if (n + sl > CVET_LF_MAX_STR) {
				*unknown = 1;
			} else {
				memcpy(buf + n, s, sl);
				n += sl;
			}
			expect_operand = 0;
			continue;
		}
		*unknown = 1;
		expect_operand = 0;
	}
	if (*unknown || expect_operand)
		return (*unknown = 1), NULL;
	return cvet_lockfile__strndup(buf, n);
}

/* "1.0.8.bcr.4" -> "1.0.8" (in place). */
static void strip_bcr(char *v)
{
	char *b = strstr(v, ".bcr.");
	if (b && b[5] && strspn(b + 5, "0123456789") == strlen(b + 5))
		*b = '\0';
}

typedef struct {
	const char *key;
	size_t kl;
	char *value; /* owned or NULL (unknown) */
	unsigned line;
	int present;
} kwarg;

/* Parse keyword arguments of a call whose '(' was consumed. Fills kw (NULL-terminated keys). */
static void call_args(lexer *lx, const assigns *a, kwarg *kw, size_t nkw)
{
	for (int guard = 0; guard < 10000 && !lx->bad; guard++) {
		size_t before = lx->pos;
		unsigned lb = lx->line;
		token k, eq;
		lex(lx, &k);
		if (k.kind == T_EOF || (k.kind == T_PUNCT && k.punct == ')'))
			return;
		lex(lx, &eq);
		kwarg *slot = NULL;
		if (k.kind == T_IDENT && eq.kind == T_PUNCT && eq.punct == '=') {
			for (size_t i = 0; i < nkw; i++)
				if (kw[i].kl == k.n && strncmp(kw[i].key, k.s, k.n) == 0)
					slot = &kw[i];
		} else {
			lx->pos = before; /* positional argument: evaluate and drop */
			lx->line = lb;
		}
		token term;
		int unknown;
		unsigned line = 0;
		char *v = eval(lx, a, 0, &term, &unknown, &line);
		if (slot) {
			free(slot->value);
			slot->value = v;
			slot->present = 1;
			slot->line = line;
			if (!v && tok_is(&term, "True"))
				slot->value = NULL;
		} else {
			free(v);
		}
		if (term.kind == T_EOF || (term.kind == T_PUNCT && term.punct == ')'))
			return;
	}
}

int cvet_lockfile__bazel_module(const char *display, const char *buf, size_t len, cvet_lf_list *out)
{
	lexer lx = {buf, len, 0, 1, 0, 0};
	assigns as = {0};
	int err = 0;
	if (memchr(buf, '\0', len))
		return cvet_error_setc(CVET_EPARSE, "%s: binary data (NUL byte) in MODULE.bazel", display);
	/* overrides seen after the bazel_dep they apply to: remember and apply at the end */
	for (;;) {
		token t;
		lex(&lx, &t);
		if (lx.bad == BAD_DEPTH) {
			err = cvet_error_setc(CVET_ELIMIT, "%s: line %u: brackets nested deeper than 64 levels", display,
					      lx.bad_line);
			goto done;
		}
		if (lx.bad) {
			err = cvet_error_setc(CVET_EPARSE, "%s: line %u: unterminated string", display, lx.bad_line);
			goto done;
		}
		if (t.kind == T_EOF)
			break;
		if (t.kind != T_IDENT)
			continue;
		size_t save = lx.pos;
		unsigned save_line = lx.line;
		token nx;
		lex(&lx, &nx);
		if (nx.kind == T_PUNCT && nx.punct == '=' && t.line == nx.line) {
			/* NAME = expression */
			token term;
			int unknown;
			unsigned fl;
			char *v = eval(&lx, &as, 1, &term, &unknown, &fl);
			if (as.n >= MAX_ASSIGN) {
				free(v);
				continue;
			}
			if (as.n == as.cap) {
				size_t cap = as.cap ? as.cap * 2 : 16;
				assign *nv = reallocarray(as.v, cap, sizeof(*nv));
				if (!nv) {
					free(v);
					err = cvet_error_setc(CVET_ENOMEM, "out of memory");
					goto done;
				}
				as.v = nv;
				as.cap = cap;
			}
			as.v[as.n].name = t.s;
			as.v[as.n].nl = t.n;
			as.v[as.n].value = v;
			as.n++;
			continue;
		}
		if (!(nx.kind == T_PUNCT && nx.punct == '(')) {
			lx.pos = save;
			lx.line = save_line;
			continue;
		}
		int is_dep = tok_is(&t, "bazel_dep");
		int is_svo = tok_is(&t, "single_version_override");
		int is_git = tok_is(&t, "git_override");
		int is_local = tok_is(&t, "local_path_override") || tok_is(&t, "archive_override");
		if (!is_dep && !is_svo && !is_git && !is_local) {
			call_args(&lx, &as, NULL, 0); /* skip the arguments of calls that pin nothing */
			continue;
		}
		kwarg kw[] = {{"name", 4, NULL, 0, 0},	  {"version", 7, NULL, 0, 0}, {"dev_dependency", 14, NULL, 0, 0},
			      {"module_name", 11, NULL, 0, 0}, {"commit", 6, NULL, 0, 0}, {"remote", 6, NULL, 0, 0}};
		size_t nkw = sizeof(kw) / sizeof(kw[0]);
		size_t dev_pos = lx.pos;
		call_args(&lx, &as, kw, nkw);
		/* dev_dependency = True: look for the literal in the call text */
		int dev = 0;
		if (kw[2].present) {
			const char *d = buf + dev_pos;
			size_t span = lx.pos > dev_pos ? lx.pos - dev_pos : 0;
			for (size_t i = 0; i + 14 < span; i++)
				if (strncmp(d + i, "dev_dependency", 14) == 0) {
					const char *q = d + i + 14;
					while (q < buf + lx.pos && (*q == ' ' || *q == '=' || *q == '\t'))
						q++;
					dev = q + 4 <= buf + lx.pos && strncmp(q, "True", 4) == 0;
					break;
				}
		}
		if (is_dep) {
			if (!kw[0].value) {
				cvet_lockfile__note(out, "%s: line %u: bazel_dep without a literal name skipped", display, t.line);
			} else {
				cvet_lf_pkg *p;
				char *v = kw[1].value;
				if (v)
					strip_bcr(v);
				if ((err = cvet_lockfile__add(out, ECO, kw[0].value, v && *v ? v : NULL,
							      kw[0].line ? kw[0].line : t.line, &p)) < 0)
					goto kwdone;
				p->build_only = dev;
				if (kw[1].present && !v)
					p->detail = cvet_lockfile__strdup("version is computed; could not be resolved");
				if (p->version)
					p->purl = cvet_lockfile__printf("pkg:bazel/%s@%s", p->name, p->version);
			}
		} else if (kw[3].value) {
			for (size_t i = 0; i < out->n; i++) {
				cvet_lf_pkg *p = &out->items[i];
				if (strcmp(p->name, kw[3].value) != 0)
					continue;
				free(p->detail);
				p->detail = NULL;
				if (is_svo && kw[1].value) {
					free(p->version);
					strip_bcr(kw[1].value);
					p->version = cvet_lockfile__strdup(kw[1].value);
					p->detail = cvet_lockfile__printf("single_version_override (line %u)", kw[3].line);
				} else if (is_git) {
					free(p->version);
					free(p->commit);
					free(p->repo);
					p->version = p->commit = p->repo = NULL; /* a later git_override of the module replaces an earlier one */
					if (kw[4].value && cvet_lockfile__is_commit(kw[4].value))
						p->commit = cvet_lockfile__strdup(kw[4].value);
					if (kw[5].value && !(p->repo = cvet_lockfile__github_repo(kw[5].value)))
						p->repo = cvet_lockfile__strdup(kw[5].value);
					p->detail = cvet_lockfile__printf("git_override (line %u)", kw[3].line);
				} else if (is_local) {
					free(p->version);
					p->version = NULL;
					p->detail = cvet_lockfile__printf("local or archive override (line %u)", kw[3].line);
				}
			}
		}
	kwdone:
		for (size_t i = 0; i < nkw; i++)
			free(kw[i].value);
		if (err < 0)
			goto done;
	}
done:
	for (size_t i = 0; i < as.n; i++)
		free(as.v[i].value);
	free(as.v);
	return err;
}

int cvet_lockfile__bazel_lock(const char *display, const char *buf, size_t len, cvet_lf_list *out)
{
	cvet_lf_json j;
	int err = cvet_lockfile__json_parse(display, buf, len, &j);
	if (err < 0)
		return err;
	const cJSON *h = cJSON_GetObjectItemCaseSensitive(j.root, "registryFileHashes"), *e;
	if (!cJSON_IsObject(j.root) || !cJSON_IsObject(h)) {
		cvet_lockfile__note(out, "%s: no registryFileHashes (lock format not understood); MODULE.bazel is used instead",
				    display);
		goto done;
	}
	cJSON_ArrayForEach(e, h) {
		const char *k = e->string;
		if (!k)
			continue;
		const char *m = strstr(k, "/modules/");
		size_t kl = strlen(k);
		if (!m || kl < 12 || strcmp(k + kl - 12, "/source.json") != 0)
			continue;
		const char *name = m + 9;
		const char *slash = strchr(name, '/');
		if (!slash || slash == name)
			continue;
		const char *ver = slash + 1;
		const char *vend = k + kl - 12;
		if (vend <= ver || memchr(ver, '/', (size_t)(vend - ver)))
			continue;
		char *n = cvet_lockfile__strndup(name, (size_t)(slash - name));
		char *v = cvet_lockfile__strndup(ver, (size_t)(vend - ver));
		cvet_lf_pkg *p = NULL;
		if (!n || !v)
			err = cvet_error_setc(CVET_ENOMEM, "out of memory");
		else {
			strip_bcr(v);
			err = cvet_lockfile__add(out, ECO, n, v, cvet_lockfile__json_line(&j, e), &p);
		}
		if (p)
			p->purl = cvet_lockfile__printf("pkg:bazel/%s@%s", p->name, p->version);
		free(n);
		free(v);
		if (err < 0)
			goto done;
	}
done:
	cvet_lockfile__json_free(&j);
	return err;
}
