/* conanpy.c - conanfile.py without running Python: a small tokenizer, literal requirements and computed ones as notes */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "deps/lockfile.h"

#define MAX_DEPTH 200          /* brackets open at once */
#define MAX_LINE_TOKENS 200000 /* tokens kept for one logical line (a statement longer is skipped with a note) */
#define MAX_BLOCKS 256         /* class/def blocks open at once */

typedef enum { T_NAME, T_STRING, T_NUMBER, T_OP } tok_kind;

typedef struct {
	tok_kind kind;
	size_t start, len; /* bytes of the whole token in the buffer (prefix and quotes included for strings) */
	unsigned line;     /* 1-based line the token starts on */
	char op;           /* T_OP: the character ('(' ',' '.' '=' ...; '?' for anything multi-character) */
} py_tok;

typedef struct {
	const char *display, *buf;
	size_t len, pos;
	unsigned line;
	char stack[MAX_DEPTH]; /* open brackets */
	unsigned stack_line[MAX_DEPTH];
	int depth;
	py_tok *toks; /* the current logical line */
	size_t ntoks, cap;
	int overlong;     /* the current logical line passed MAX_LINE_TOKENS */
	size_t indent;    /* column of the logical line's first token */
	unsigned lline;   /* line of the logical line's first token */
} py_lexer;

typedef struct {
	int is_class;  /* else a def */
	size_t indent; /* column of the header */
	char name[32]; /* def name (truncated; only short names matter) */
} py_block;

typedef struct {
	py_block b[MAX_BLOCKS];
	int n;
} py_blocks;

static int name_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c >= 0x80;
}

/* 1 when s..s+n is a string prefix (r, b, f, u and two-letter mixes) directly followed by a quote. */
static int string_prefix(const char *s, size_t avail, size_t *plen)
{
	size_t n = 0;
	while (n < 3 && n < avail && strchr("rRbBfFuU", s[n]) && s[n])
		n++;
	if (n < avail && (s[n] == '"' || s[n] == '\'') && n <= 2) {
		*plen = n;
		return 1;
	}
	return 0;
}

static int push_tok(py_lexer *lx, tok_kind kind, size_t start, size_t len, unsigned line, char op)
{
	if (lx->overlong)
		return 0;
	if (lx->ntoks >= MAX_LINE_TOKENS) {
		lx->overlong = 1;
		return 0;
	}
	if (lx->ntoks == lx->cap) {
		size_t cap = lx->cap ? lx->cap * 2 : 256;
		py_tok *t = reallocarray(lx->toks, cap, sizeof(*t));
		if (!t)
			return cvet_error_setc(CVET_ENOMEM, "out of memory");
		lx->toks = t;
		lx->cap = cap;
	}
	if (lx->ntoks == 0)
		lx->lline = line;
	lx->toks[lx->ntoks++] = (py_tok){kind, start, len, line, op};
	return 0;
}

/*
 * Read the next logical line into lx->toks. Returns 1 when a line was read, 0 at the end of the input,
 * or a negative code (unterminated string, unbalanced or too deeply nested brackets) with the message set.
 */
static int next_logical_line(py_lexer *lx)
{
	int err;
	lx->ntoks = 0;
	lx->overlong = 0;
	size_t line_start = lx->pos;
	int at_line_start = 1;
	for (;;) {
		if (lx->pos >= lx->len) {
			if (lx->depth > 0)
				return cvet_error_setc(CVET_EPARSE, "%s: line %u: '%c' is never closed", lx->display,
						       lx->stack_line[lx->depth - 1], lx->stack[lx->depth - 1]);
			return lx->ntoks > 0 || lx->overlong;
		}
		unsigned char c = (unsigned char)lx->buf[lx->pos];
		if (c == '\n') {
			lx->line++;
			lx->pos++;
			line_start = lx->pos;
			if (lx->depth == 0 && (lx->ntoks > 0 || lx->overlong))
				return 1;
			continue;
		}
		if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
			lx->pos++;
			continue;
		}
		if (c == '#') {
			while (lx->pos < lx->len && lx->buf[lx->pos] != '\n')
				lx->pos++;
			continue;
		}
		if (c == '\\' && lx->pos + 1 < lx->len &&
		    (lx->buf[lx->pos + 1] == '\n' || (lx->buf[lx->pos + 1] == '\r' && lx->pos + 2 < lx->len &&
						      lx->buf[lx->pos + 2] == '\n'))) {
			/* explicit line continuation */
			lx->pos += lx->buf[lx->pos + 1] == '\n' ? 2 : 3;
			lx->line++;
			line_start = lx->pos;
			continue;
		}
		if (at_line_start && lx->ntoks == 0 && !lx->overlong && lx->depth == 0) {
			lx->indent = lx->pos - line_start;
			at_line_start = 0;
		}
		size_t start = lx->pos, plen = 0;
		unsigned line = lx->line;
		if (string_prefix(lx->buf + lx->pos, lx->len - lx->pos, &plen)) {
			size_t p = lx->pos + plen;
			char q = lx->buf[p];
			int triple = p + 2 < lx->len && lx->buf[p + 1] == q && lx->buf[p + 2] == q;
			int closed = 0;
			p += triple ? 3 : 1;
			while (p < lx->len) {
				char d = lx->buf[p];
				if (d == '\\' && p + 1 < lx->len) {
					if (lx->buf[p + 1] == '\n')
						lx->line++;
					p += 2;
					continue;
				}
				if (d == '\n') {
					if (!triple)
						break;
					lx->line++;
				}
				if (d == q && (!triple || (p + 2 < lx->len && lx->buf[p + 1] == q && lx->buf[p + 2] == q))) {
					p += triple ? 3 : 1;
					closed = 1;
					break;
				}
				p++;
			}
			if (!closed)
				return cvet_error_setc(CVET_EPARSE, "%s: line %u: unterminated string", lx->display, line);
			lx->pos = p;
			if ((err = push_tok(lx, T_STRING, start, p - start, line, 0)) < 0)
				return err;
			continue;
		}
		if (name_char(c)) {
			int digit = c >= '0' && c <= '9';
			while (lx->pos < lx->len && (name_char((unsigned char)lx->buf[lx->pos]) || (digit && lx->buf[lx->pos] == '.')))
				lx->pos++;
			if ((err = push_tok(lx, digit ? T_NUMBER : T_NAME, start, lx->pos - start, line, 0)) < 0)
				return err;
			continue;
		}
		lx->pos++;
		if (c == '(' || c == '[' || c == '{') {
			if (lx->depth >= MAX_DEPTH)
				return cvet_error_setc(CVET_EPARSE, "%s: line %u: brackets nested deeper than %d", lx->display, line,
						       MAX_DEPTH);
			lx->stack[lx->depth] = (char)c;
			lx->stack_line[lx->depth++] = line;
		} else if (c == ')' || c == ']' || c == '}') {
			char open = c == ')' ? '(' : c == ']' ? '[' : '{';
			if (lx->depth == 0 || lx->stack[lx->depth - 1] != open)
				return cvet_error_setc(CVET_EPARSE, "%s: line %u: unbalanced '%c'", lx->display, line, c);
			lx->depth--;
		}
		/* any other byte (operators, stray control characters) is a one-character operator token */
		if ((err = push_tok(lx, T_OP, start, 1, line, strchr("()[]{},.=:+%*", (int)c) && c ? (char)c : '?')) < 0)
			return err;
	}
}

static int tok_is(const py_lexer *lx, size_t i, const char *word)
{
	if (i >= lx->ntoks || lx->toks[i].kind != T_NAME)
		return 0;
	size_t n = strlen(word);
	return lx->toks[i].len == n && memcmp(lx->buf + lx->toks[i].start, word, n) == 0;
}

static int op_is(const py_lexer *lx, size_t i, char op)
{
	return i < lx->ntoks && lx->toks[i].kind == T_OP && lx->toks[i].op == op;
}

/* Prefix letters of a string token: *raw, *fstr, *bytes. */
static void string_flags(const py_lexer *lx, const py_tok *t, int *raw, int *fstr, int *bytes)
{
	*raw = *fstr = *bytes = 0;
	for (size_t i = 0; i < t->len; i++) {
		char c = lx->buf[t->start + i];
		if (c == '"' || c == '\'')
			break;
		*raw |= c == 'r' || c == 'R';
		*fstr |= c == 'f' || c == 'F';
		*bytes |= c == 'b' || c == 'B';
	}
}

/*
 * Append the value of one string token to out (capacity CVET_LF_MAX_STR + 1, *n bytes used): quotes and
 * prefix dropped, the common escapes decoded unless raw. Returns 0, or 1 when the text is too long.
 */
static int string_value(const py_lexer *lx, const py_tok *t, char *out, size_t *n)
{
	int raw, fstr, bytes;
	string_flags(lx, t, &raw, &fstr, &bytes);
	size_t p = 0;
	while (lx->buf[t->start + p] != '"' && lx->buf[t->start + p] != '\'')
		p++;
	char q = lx->buf[t->start + p];
	size_t ql = t->len - p >= 6 && lx->buf[t->start + p + 1] == q && lx->buf[t->start + p + 2] == q ? 3 : 1;
	const char *s = lx->buf + t->start + p + ql, *e = lx->buf + t->start + t->len - ql;
	for (; s < e; s++) {
		char c = *s;
		if (c == '\\' && !raw && s + 1 < e) {
			char d = *++s;
			c = d == 'n' ? '\n' : d == 't' ? '\t' : d == '\n' ? 0 : d;
			if (d == '\n')
				continue;
		}
		if (*n >= CVET_LF_MAX_STR)
			return 1;
		out[(*n)++] = c;
	}
	out[*n] = '\0';
	return 0;
}

typedef struct {
	const char *display;
	cvet_lf_list *out;
} py_ctx;

/* Add one literal reference; a text that is not a Conan reference is a note, not an error. */
static int add_literal(py_ctx *cx, const char *text, unsigned line, int build_only, const char *how)
{
	cvet_lf_conan_ref r;
	int err = cvet_lockfile__conan_ref_parse(text, &r);
	if (err == CVET_EPARSE)
		return cvet_lockfile__note(cx->out, "%s: line %u: %s %.80s is not a Conan reference; not read", cx->display,
					   line, how, text);
	if (err < 0)
		return err;
	err = cvet_lockfile__conan_add_ref(cx->out, &r, line, build_only, NULL);
	if (err == 0 && r.is_range)
		err = cvet_lockfile__note(cx->out, "%s: line %u: %s/%.80s is a version range, not a pin: listed, not matched",
					  cx->display, line, r.name, r.version);
	cvet_lockfile__conan_ref_clear(&r);
	return err;
}

/*
 * One expression toks[i..end) that should be a reference: adjacent plain string literals are one literal;
 * an f-string whose "name/" part is literal gives the name with an unknown version; anything else is a
 * note saying the reference is computed. Never guesses.
 */
static int reference_expr(py_ctx *cx, const py_lexer *lx, size_t i, size_t end, int build_only, const char *how)
{
	char text[CVET_LF_MAX_STR + 1];
	size_t n = 0;
	unsigned line = i < lx->ntoks ? lx->toks[i].line : lx->lline;
	int literal = i < end, fstr_seen = 0, bytes_seen = 0;
	for (size_t k = i; k < end; k++) {
		const py_tok *t = &lx->toks[k];
		int raw, fstr, bytes;
		if (t->kind != T_STRING) {
			literal = 0;
			break;
		}
		string_flags(lx, t, &raw, &fstr, &bytes);
		fstr_seen |= fstr;
		bytes_seen |= bytes;
		if (string_value(lx, t, text, &n))
			return cvet_lockfile__note(cx->out, "%s: line %u: %s reference longer than %d bytes; not read",
						   cx->display, line, how, CVET_LF_MAX_STR);
	}
	if (i >= end)
		return cvet_lockfile__note(cx->out, "%s: line %u: %s without a reference; not read", cx->display, line, how);
	if (!literal || bytes_seen)
		return cvet_lockfile__note(cx->out, "%s: line %u: %s reference is computed (a variable or an expression); "
					   "version unknown, not read", cx->display, line, how);
	const char *brace = strchr(text, '{'), *slash = strchr(text, '/');
	if (!fstr_seen || !brace) /* an f-string without a replacement field is a literal too */
		return add_literal(cx, text, line, build_only, how);
	/* f"zlib/1.2.11@{self.user}/{self.channel}": name and version literal, only user/channel computed */
	const char *at = slash ? strchr(slash, '@') : NULL;
	if (brace && slash && at && slash < at && at < brace && slash + 1 < at) {
		text[at - text] = '\0';
		return add_literal(cx, text, line, build_only, how);
	}
	/* f"zlib/{ver}": the name is literal when '/' comes before the first '{' */
	if (!slash || (brace && brace < slash) || slash == text)
		return cvet_lockfile__note(cx->out, "%s: line %u: %s reference is an f-string; version unknown, not read",
					   cx->display, line, how);
	char *name = cvet_lockfile__strndup(text, (size_t)(slash - text));
	cvet_lf_pkg *p;
	int err;
	if (!name)
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	if (strpbrk(name, " \t\"'\\") != NULL) {
		err = cvet_lockfile__note(cx->out, "%s: line %u: %s reference %.80s is not a Conan reference; not read",
					  cx->display, line, how, text);
	} else if ((err = cvet_lockfile__add(cx->out, "conan", name, NULL, line, &p)) == 0) {
		p->build_only = build_only;
		p->detail = cvet_lockfile__printf("version computed at run time (f-string \"%.100s\"); not matched", text);
		if (!p->detail)
			err = cvet_error_setc(CVET_ENOMEM, "out of memory");
	}
	free(name);
	return err;
}

/* End of the expression starting at i: the index of the first ',' or closing bracket at nesting 0. */
static size_t expr_end(const py_lexer *lx, size_t i, size_t end)
{
	int d = 0;
	for (; i < end; i++) {
		const py_tok *t = &lx->toks[i];
		if (t->kind != T_OP)
			continue;
		if (t->op == '(' || t->op == '[' || t->op == '{')
			d++;
		else if (t->op == ')' || t->op == ']' || t->op == '}') {
			if (d == 0)
				return i;
			d--;
		} else if (t->op == ',' && d == 0)
			return i;
	}
	return end;
}

/* Items of a tuple or list toks[i..end) separated by ',' at nesting 0. Returns 0 or a negative code. */
static int each_item(py_ctx *cx, const py_lexer *lx, size_t i, size_t end, int build_only, const char *how)
{
	int err = 0;
	for (size_t k = i; k < end && err == 0;) {
		size_t e = expr_end(lx, k, end);
		if (e > k) {
			/* ("zlib/1.2.13", "private") inside the tuple: the reference comes first */
			if (op_is(lx, k, '(') && op_is(lx, e - 1, ')') && e - k > 2)
				err = reference_expr(cx, lx, k + 1, expr_end(lx, k + 1, e - 1), build_only, how);
			else
				err = reference_expr(cx, lx, k, e, build_only, how);
		}
		k = e + 1;
	}
	return err;
}

/* Index of the bracket that closes the one at toks[i], or `end` when it is not closed before end. */
static size_t matching_close(const py_lexer *lx, size_t i, size_t end)
{
	int d = 0;
	for (size_t k = i; k < end; k++) {
		const py_tok *t = &lx->toks[k];
		if (t->kind != T_OP)
			continue;
		if (t->op == '(' || t->op == '[' || t->op == '{')
			d++;
		else if ((t->op == ')' || t->op == ']' || t->op == '}') && --d == 0)
			return k;
	}
	return end;
}

/* Class attribute value toks[i..end): a string, or a tuple/list of strings (or of (ref, options) tuples). */
static int attribute_value(py_ctx *cx, const py_lexer *lx, size_t i, size_t end, int build_only, const char *how)
{
	if (i + 1 < end && (op_is(lx, i, '(') || op_is(lx, i, '[')) && matching_close(lx, i, end) == end - 1)
		return each_item(cx, lx, i + 1, end - 1, build_only, how);
	if (expr_end(lx, i, end) < end) /* requires = "a/1", "b/2": a bare tuple */
		return each_item(cx, lx, i, end, build_only, how);
	return reference_expr(cx, lx, i, end, build_only, how);
}

static const struct {
	const char *word;
	int build_only;
} KINDS[] = {{"requires", 0}, {"tool_requires", 1}, {"build_requires", 1}, {"test_requires", 1}};

/* Index into KINDS of the name at toks[i], or -1. */
static int kind_at(const py_lexer *lx, size_t i)
{
	for (int k = 0; k < (int)(sizeof(KINDS) / sizeof(KINDS[0])); k++)
		if (tok_is(lx, i, KINDS[k].word))
			return k;
	return -1;
}

/* self.<kind>(<ref>, ...) calls among toks[from..) (inside requirements()/build_requirements()). */
static int calls(py_ctx *cx, const py_lexer *lx, size_t from)
{
	int err = 0;
	for (size_t i = from; i + 3 < lx->ntoks && err == 0; i++) {
		if (!tok_is(lx, i, "self") || !op_is(lx, i + 1, '.') || !op_is(lx, i + 3, '('))
			continue;
		if (i > 0 && op_is(lx, i - 1, '.'))
			continue; /* x.self.requires(): not the recipe */
		int k = kind_at(lx, i + 2);
		if (k < 0)
			continue;
		char how[40];
		size_t close = matching_close(lx, i + 3, lx->ntoks);
		snprintf(how, sizeof(how), "self.%s()", KINDS[k].word);
		size_t arg = i + 4, e = expr_end(lx, arg, close);
		/* a keyword first argument (ref=...) is read like a positional one */
		if (e > arg + 2 && lx->toks[arg].kind == T_NAME && op_is(lx, arg + 1, '=') && !op_is(lx, arg + 2, '='))
			arg += 2;
		/* a test_package requiring the recipe it tests: not a dependency of the project */
		if (e == arg + 3 && tok_is(lx, arg, "self") && op_is(lx, arg + 1, '.') &&
		    tok_is(lx, arg + 2, "tested_reference_str"))
			continue;
		err = reference_expr(cx, lx, arg, e, KINDS[k].build_only, how);
		i = close < lx->ntoks ? i + 3 : lx->ntoks;
	}
	return err;
}

/* One logical line: maintain the class/def block stack, then read attributes or calls. */
static int statement(py_ctx *cx, const py_lexer *lx, py_blocks *bl)
{
	size_t indent = lx->indent;
	while (bl->n > 0 && indent <= bl->b[bl->n - 1].indent)
		bl->n--;
	size_t first = 0;
	if (tok_is(lx, 0, "async"))
		first = 1;
	int is_class = tok_is(lx, first, "class"), is_def = tok_is(lx, first, "def");
	if ((is_class || is_def) && first + 1 < lx->ntoks && lx->toks[first + 1].kind == T_NAME) {
		if (bl->n >= MAX_BLOCKS)
			return cvet_lockfile__note(cx->out, "%s: line %u: classes and functions nested deeper than %d; the rest "
						   "of the file was read without them", cx->display, lx->lline, MAX_BLOCKS);
		py_block *b = &bl->b[bl->n++];
		const py_tok *nt = &lx->toks[first + 1];
		b->is_class = is_class;
		b->indent = indent;
		size_t nl = nt->len < sizeof(b->name) - 1 ? nt->len : sizeof(b->name) - 1;
		memcpy(b->name, lx->buf + nt->start, nl);
		b->name[nl] = '\0';
		/* a one-line body after the header's ':' ("def requirements(self): self.requires(...)") */
		if (is_def && (strcmp(b->name, "requirements") == 0 || strcmp(b->name, "build_requirements") == 0))
			return calls(cx, lx, first + 2);
		return 0;
	}
	if (bl->n == 0)
		return 0;
	/* innermost def (any class in between is a nested helper class; calls there are not the recipe's) */
	const py_block *top = &bl->b[bl->n - 1];
	if (top->is_class) {
		int k = kind_at(lx, 0);
		if (k < 0)
			return 0;
		size_t eq = 1;
		if (op_is(lx, 1, ':')) /* requires: ClassVar[...] = ... */
			while (eq < lx->ntoks && !(op_is(lx, eq, '=') && !op_is(lx, eq + 1, '=')))
				eq++;
		if (!op_is(lx, eq, '=') || op_is(lx, eq + 1, '='))
			return 0;
		char how[40];
		snprintf(how, sizeof(how), "class attribute '%s'", KINDS[k].word);
		return attribute_value(cx, lx, eq + 1, lx->ntoks, KINDS[k].build_only, how);
	}
	for (int j = bl->n - 1; j >= 0; j--) {
		if (bl->b[j].is_class)
			break;
		if (strcmp(bl->b[j].name, "requirements") == 0 || strcmp(bl->b[j].name, "build_requirements") == 0)
			return calls(cx, lx, 0);
	}
	return 0;
}

int cvet_lockfile__conanfile_py(const char *display, const char *buf, size_t len, cvet_lf_list *out)
{
	py_lexer lx;
	py_blocks *bl = NULL;
	py_ctx cx = {display, out};
	int err = 0, rc;
	memset(&lx, 0, sizeof(lx));
	lx.display = display;
	lx.buf = buf;
	lx.len = len;
	lx.line = 1;
	if (memchr(buf, '\0', len))
		return cvet_error_setc(CVET_EPARSE, "%s: binary data (NUL byte) in a Python file", display);
	if (!(bl = calloc(1, sizeof(*bl))))
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	while ((rc = next_logical_line(&lx)) > 0) {
		if (lx.overlong) {
			if ((err = cvet_lockfile__note(out, "%s: line %u: a statement of more than %d tokens; not read", display,
						       lx.lline, MAX_LINE_TOKENS)) < 0)
				goto done;
			continue;
		}
		if ((err = statement(&cx, &lx, bl)) < 0)
			goto done;
	}
	err = rc;
done:
	free(lx.toks);
	free(bl);
	return err;
}
