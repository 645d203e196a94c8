/* hardcoded-credential.c - passwords, tokens and keys written into the source (CWE-798, CWE-259, CWE-321) */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "code/check.h"
#include "code/cx.h"
#include "lib/calls.h"
#include "lib/names.h"
#include "lib/text.h"
#include "lib/sites.h"
#include "lib/decls.h"

extern const cvet_check cvet_check_hardcoded_credential;

#define MAX_SEEN 1024
#define MAX_SCAN_BYTES (16u << 20) /* text scans stop after 16 MiB of one file */
#define SHOW_CHARS 4               /* characters of a secret that may appear in output */

/* ---- well-known secret formats (scanned in the text of every project file: literals and comments) ---- */

typedef struct pattern {
	const char *what;  /* description for the message */
	const char *re;    /* PCRE2 pattern */
	int show_group;    /* 1: show capture group 1 verbatim (it names the key type, not the secret) */
} pattern;

static const pattern patterns[] = {
	{"private key", "-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?)-----"
			"(?:(?!-----)[\\s\\S]){0,400}?[A-Za-z0-9+/]{40}", 1},
	{"AWS access key id", "(?<![A-Za-z0-9])(?:AKIA|ASIA)[0-9A-Z]{16}(?![A-Za-z0-9])", 0},
	{"GitHub token", "(?<![A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{36,255}(?![A-Za-z0-9_])", 0},
	{"GitHub token", "(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9_]{22,255}", 0},
	{"Slack token", "(?<![A-Za-z0-9])xox[abposr]-[0-9]{6,}-[0-9A-Za-z-]{8,}", 0},
	{"Google API key", "(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])", 0},
	{"Stripe secret key", "(?<![A-Za-z0-9])(?:sk|rk)_live_[0-9A-Za-z]{16,247}(?![A-Za-z0-9])", 0},
};
#define NPATTERNS (sizeof(patterns) / sizeof(patterns[0]))

typedef struct state {
	pcre2_code *re[NPATTERNS];     /* compiled once per TU, on first use */
	pcre2_match_data *md;
	pcre2_match_context *mctx;
	int compiled;                  /* 1 tried (re[i] may still be NULL when compilation failed) */
	CXCursor seen[MAX_SEEN];       /* literals already reported */
	size_t nseen;
} state;

static void compile_patterns(state *st)
{
	if (st->compiled)
		return;
	st->compiled = 1;
	for (size_t i = 0; i < NPATTERNS; i++) {
		int err;
		PCRE2_SIZE off;
		st->re[i] = pcre2_compile((PCRE2_SPTR)patterns[i].re, PCRE2_ZERO_TERMINATED, 0, &err, &off, NULL);
		/* JIT where the platform has it (several times faster on multi-MiB files such as sqlite3.c);
		 * when it fails the interpreter is used, with the same limits */
		if (st->re[i])
			(void)pcre2_jit_compile(st->re[i], PCRE2_JIT_COMPLETE);
	}
	st->md = pcre2_match_data_create(4, NULL);
	st->mctx = pcre2_match_context_create(NULL);
	if (st->mctx) {
		pcre2_set_match_limit(st->mctx, 200000);
		pcre2_set_depth_limit(st->mctx, 2000);
	}
}

/* 1 when a matched token is a documentation placeholder (AKIAIOSFODNN7EXAMPLE, ghp_xxxx..., sk_live_0000...). */
static int placeholder_token(const char *s, size_t n)
{
	static const char *const marks[] = {"EXAMPLE", "example", "XXXXXXXX", "xxxxxxxx", "00000000", "********",
					    "YOUR", "your_", "REPLACE", "replace", "DUMMY", "dummy", "FAKE", "fake", NULL};
	for (size_t i = 0; marks[i]; i++) {
		size_t k = strlen(marks[i]);
		for (size_t j = 0; j + k <= n; j++)
			if (memcmp(s + j, marks[i], k) == 0)
				return 1;
	}
	return 0;
}

/* First match of pattern i in text (len bytes) at or after `from` that is not a placeholder: 1 and the
 * match bounds, or 0. */
static int next_match(state *st, size_t i, const char *text, size_t len, size_t from, size_t *ms, size_t *me)
{
	while (st->re[i] && st->md && from < len) {
		PCRE2_SIZE *ov;
		int rc = pcre2_match(st->re[i], (PCRE2_SPTR)text, len, from, 0, st->md, st->mctx);
		if (rc < 0)
			return 0;
		ov = pcre2_get_ovector_pointer(st->md);
		if (ov[1] <= ov[0]) {
			from = ov[0] + 1;
			continue;
		}
		if (!patterns[i].show_group && placeholder_token(text + ov[0], ov[1] - ov[0])) {
			from = ov[1];
			continue;
		}
		*ms = ov[0];
		*me = ov[1];
		return 1;
	}
	return 0;
}

/* 1 when the decoded string contains a well-known secret format (then the text scan reports it). */
static int has_known_format(state *st, const char *s)
{
	size_t a, b, n = strlen(s);
	compile_patterns(st);
	for (size_t i = 0; i < NPATTERNS; i++)
		if (next_match(st, i, s, n, 0, &a, &b))
			return 1;
	return 0;
}

static void on_file(cvet_tu *tu, void *vs, const char *path, const char *text, size_t len)
{
	state *st = vs;
	size_t pos = 0, line = 1, line_start = 0, counted = 0;
	size_t nstart[NPATTERNS], nend[NPATTERNS]; /* next match of every pattern, recomputed once passed */
	int have[NPATTERNS];
	if (!text || !path)
		return;
	if (len > MAX_SCAN_BYTES)
		len = MAX_SCAN_BYTES;
	compile_patterns(st);
	for (size_t i = 0; i < NPATTERNS; i++)
		have[i] = next_match(st, i, text, len, 0, &nstart[i], &nend[i]);
	for (unsigned guard = 0; guard < 10000 && pos < len; guard++) {
		size_t ms = 0, me = 0;
		int w = -1;
		char shown[96], snippet[128];
		cvet_finding *f;
		for (size_t i = 0; i < NPATTERNS; i++) {
			if (have[i] && nstart[i] < pos)
				have[i] = next_match(st, i, text, len, pos, &nstart[i], &nend[i]);
			if (have[i] && (w < 0 || nstart[i] < ms)) {
				w = (int)i;
				ms = nstart[i];
				me = nend[i];
			}
		}
		if (w < 0)
			break;
		for (; counted < ms; counted++) /* line/column of the match start */
			if (text[counted] == '\n') {
				line++;
				line_start = counted + 1;
			}
		if (patterns[w].show_group) {
			PCRE2_SIZE *ov;
			/* re-run to get the group: the header names the key type and is not secret */
			int rc = pcre2_match(st->re[w], (PCRE2_SPTR)text, len, ms, 0, st->md, st->mctx);
			ov = pcre2_get_ovector_pointer(st->md);
			if (rc >= 2 && ov[3] > ov[2] && ov[3] - ov[2] < 64)
				snprintf(shown, sizeof shown, "-----BEGIN %.*s-----", (int)(ov[3] - ov[2]), text + ov[2]);
			else
				snprintf(shown, sizeof shown, "-----BEGIN PRIVATE KEY-----");
			snprintf(snippet, sizeof snippet, "%s", shown);
			f = cvet_tu_report_at(tu, &cvet_check_hardcoded_credential, path, (unsigned)line,
					      (unsigned)(ms - line_start + 1), snippet,
					      "%s embedded in the source ('%s'); keep keys out of the code and load them "
					      "from a protected file or key store at run time",
					      patterns[w].what, shown);
		} else {
			char token[300], *red;
			size_t n = me - ms < sizeof token - 1 ? me - ms : sizeof token - 1;
			memcpy(token, text + ms, n);
			token[n] = '\0';
			red = cvet_text__redact(token, SHOW_CHARS);
			snprintf(snippet, sizeof snippet, "%s", red ? red : "\xe2\x80\xa6");
			f = cvet_tu_report_at(tu, &cvet_check_hardcoded_credential, path, (unsigned)line,
					      (unsigned)(ms - line_start + 1), snippet,
					      "%s '%s' is hard-coded; revoke it, and load the secret at run time from "
					      "the environment or a secret store",
					      patterns[w].what, red ? red : "\xe2\x80\xa6");
			free(red);
		}
		cvet_text__set_snippet(f, snippet);
		pos = me > pos ? me : pos + 1;
	}
}

/* ---- names and literals (the AST part) ---- */

enum { NAME_NONE = 0, NAME_STRONG, NAME_WEAK };

static const char *const strong_words[] = {"password", "passwd", "passphrase", "pwd", "secret", "apikey",
					   "privatekey", "secretkey", "accesstoken", "authtoken", "clientsecret",
					   "passwort", "credential", "credentials", NULL};
static const char *const weak_words[] = {"token", "pass", NULL};
static const char *const two_word[][2] = {{"api", "key"},     {"access", "token"},  {"auth", "token"},
					  {"private", "key"}, {"secret", "key"},    {"client", "secret"},
					  {"refresh", "token"}, {"bearer", "token"}, {"api", "token"},
					  {"api", "secret"},  {"access", "key"},    {"encryption", "key"},
					  {"signing", "key"}};
/* Words after the secret word that make the name describe the secret, not hold it. */
static const char *const describing_words[] = {
	"len", "length", "size", "sz", "count", "cnt", "num", "max", "min", "prompt", "label", "msg", "message",
	"field", "name", "file", "filename", "path", "dir", "env", "var", "hint", "type", "format", "fmt", "key",
	"id", "header", "param", "option", "opt", "attr", "policy", "regex", "pattern", "re", "prefix", "suffix",
	"url", "uri", "column", "col", "flag", "flags", "mode", "text", "title", "desc", "description", "help",
	"error", "err", "index", "idx", "offset", "hash", "hashed", "salt", "cmd", "command", "arg", "ok", "valid",
	"required", "rule", "rules", "timeout", "expiry", "expires", "expired", "age", "ttl", "time", "version",
	"kind", "class", "state", "status", "result", "cb", "callback", "func", "fn", "handler", "char", "chars",
	"str", "string", "placeholder", "question", "changed", "set", "enabled", "store", "manager", "db", "table",
	"list", "map", "dict", "cache", "query", "sql", "tag", "entry", "section", "property", "prop", "setting",
	"config", "cfg", "key", "keys", "source", "src", "input", "mask", "echo", "visible", "hidden", "strength",
	"score", "quality", "check", "verify", "validator", "digest", "encoding", "algorithm", "alg", "method",
	"response", "request", "endpoint", "server", "host", "port", "user", "username", "login", "account",
	"spec", "schema", "fields", "names", "types", NULL};
/* Words before the secret word that make the name a flag or a bound (max_password_length, has_token). */
static const char *const leading_describing[] = {"max", "min", "num", "n", "is", "has", "use", "need", "needs",
						 "show", "ask", "prompt", "enable", "disable", "allow", "no",
						 "require", "check", "verify", "invalid", "bad", "wrong", "empty",
						 "missing", "default_len", NULL};

/* Classify an identifier: NAME_STRONG (password, api_key...), NAME_WEAK (token, pass) or NAME_NONE.
 * *kind receives a short description of the secret. */
static int classify_name(const char *ident, const char **kind)
{
	char w[16][32];
	size_t n = cvet_names__words(ident, w, 16), end = 0;
	int cls = NAME_NONE;
	*kind = "credential";
	for (size_t i = 0; i < n && cls == NAME_NONE; i++) {
		for (size_t k = 0; k < sizeof(two_word) / sizeof(two_word[0]); k++)
			if (i + 1 < n && strcmp(w[i], two_word[k][0]) == 0 && strcmp(w[i + 1], two_word[k][1]) == 0) {
				cls = NAME_STRONG;
				end = i + 2;
				*kind = strcmp(two_word[k][1], "key") == 0 ? (strcmp(w[i], "private") == 0 ? "private key" : "key")
					: strcmp(two_word[k][1], "token") == 0 ? "token" : "secret";
				break;
			}
		if (cls)
			break;
		if (cvet_calls__name_in(w[i], strong_words)) {
			cls = NAME_STRONG;
			end = i + 1;
			*kind = (strstr(w[i], "pass") || strcmp(w[i], "pwd") == 0) ? "password"
				: strstr(w[i], "key") ? "key" : strstr(w[i], "token") ? "token" : "secret";
		} else if (cvet_calls__name_in(w[i], weak_words)) {
			cls = NAME_WEAK;
			end = i + 1;
			*kind = strcmp(w[i], "pass") == 0 ? "password" : "token";
		}
		if (cls && i > 0 && cvet_calls__name_in(w[0], leading_describing))
			return NAME_NONE;
	}
	if (!cls)
		return NAME_NONE;
	for (size_t i = end; i < n; i++)
		if (cvet_calls__name_in(w[i], describing_words))
			return NAME_NONE;
	return cls;
}

static int contains_nocase(const char *s, const char *word)
{
	size_t k = strlen(word);
	for (; *s; s++)
		if (strncasecmp(s, word, k) == 0)
			return 1;
	return 0;
}

/* 1 when a literal cannot be a real secret: placeholders, prompts, formats, names, paths, URLs. */
static int not_a_secret(const char *s)
{
	static const char *const placeholders[] = {"none", "null", "nil", "true", "false", "yes", "off", "default",
						   "unset", "empty", "undefined", "(null)", "n/a", "stdin", "ask",
						   "prompt", "required", "optional", "hidden", "redacted", "unknown",
						   "test", "dummy", "sample", "todo", "fixme", NULL};
	static const char *const words[] = {"password", "passwd", "pwd", "secret", "token", "key", "pass", "auth",
					    "credential", "user", "login", NULL};
	static const char *const exts[] = {".pem", ".key", ".crt", ".cer", ".der", ".p12", ".pfx", ".txt", ".conf",
					   ".cfg", ".ini", ".json", ".yaml", ".yml", ".env", ".gpg", ".asc", ".jks",
					   ".xml", ".db", NULL};
	size_t n = strlen(s), same = 0, upper_ident = 1, has_underscore = 0;
	if (n < 4 || n > 512)
		return 1;
	for (size_t i = 0; placeholders[i]; i++)
		if (strcasecmp(s, placeholders[i]) == 0)
			return 1;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c < 0x20)
			return 1; /* prompts and messages */
		if (c == '/' || c == '\\')
			return 1; /* paths */
		if (s[i] == s[0])
			same++;
		if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
			upper_ident = 0;
		if (c == '_')
			has_underscore = 1;
	}
	if (same == n)
		return 1; /* "****", "xxxx" */
	if (upper_ident && has_underscore)
		return 1; /* an environment variable name */
	if (strchr(s, '%') || strstr(s, "${") || strstr(s, "$(") || strstr(s, "{{") || strstr(s, "://"))
		return 1;
	if (s[0] == '<' && s[n - 1] == '>')
		return 1;
	{
		static const char *const fillers[] = {"your", "example", "placeholder", "replace", "dummy", "insert",
						      "sample", "enter", NULL};
		for (size_t i = 0; fillers[i]; i++)
			if (contains_nocase(s, fillers[i]))
				return 1; /* "your-api-key", "<insert key>", "REPLACE_ME" */
	}
	if (s[0] == '*' || s[0] == '!' || s[n - 1] == '*')
		return 1; /* password-field markers of passwd/shadow ("*NP*", "!locked") */
	if (strspn(s, "xX*.-_#?") == n)
		return 1;
	for (size_t i = 0; words[i]; i++) {
		/* a label or key name ("Password", "Password:", "db_password", "auth.token"), not a value */
		if (strcasecmp(s, words[i]) == 0)
			return 1;
		if (contains_nocase(s, words[i]) && (s[n - 1] == ':' || strpbrk(s, "_.") != NULL))
			return 1;
	}
	for (size_t i = 0; exts[i]; i++) {
		size_t k = strlen(exts[i]);
		if (n > k && strcasecmp(s + n - k, exts[i]) == 0)
			return 1;
	}
	return 0;
}

/* Lighter test for values given to a credential API argument: too short, a generic word or a filler. */
static int placeholder_value(const char *s)
{
	static const char *const generic[] = {"password", "passwd", "secret", "pass", "pwd", "test", "testing",
					      "foo", "bar", "foobar", "xxx", "xxxx", "none", "null", "empty", NULL};
	static const char *const fillers[] = {"your", "example", "placeholder", "replace", "dummy", "insert", NULL};
	if (strlen(s) < 4)
		return 1;
	for (size_t i = 0; generic[i]; i++)
		if (strcasecmp(s, generic[i]) == 0)
			return 1;
	for (size_t i = 0; fillers[i]; i++)
		if (contains_nocase(s, fillers[i]))
			return 1;
	return 0;
}

/* Extra test for weak names (token, pass): the value must look generated - long, mixed letters and digits. */
static int looks_random(const char *s)
{
	size_t n = strlen(s), lower = 0, upper = 0, digit = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c >= 'a' && c <= 'z')
			lower = 1;
		else if (c >= 'A' && c <= 'Z')
			upper = 1;
		else if (c >= '0' && c <= '9')
			digit = 1;
	}
	return n >= 12 && digit && (lower || upper) && lower + upper + digit >= 2;
}

/* The StringLiteral an expression is (through casts and macros), or a null cursor. */
static CXCursor literal_of(CXCursor e)
{
	CXCursor s = cx_strip_casts(e);
	if (s.kind == CXCursor_StringLiteral)
		return s;
	if (s.kind == CXCursor_CallExpr && clang_getCursorReferenced(s).kind != CXCursor_Constructor)
		return clang_getNullCursor(); /* getenv("DBPASS") is a lookup, not the secret */
	if (s.kind == CXCursor_UnexposedExpr || s.kind == CXCursor_CallExpr) { /* C++ string constructions */
		CXCursor lit = cx_find_kind(s, CXCursor_StringLiteral), call = cx_find_kind(s, CXCursor_CallExpr);
		if (!cx_is_null(call) && clang_getCursorReferenced(call).kind != CXCursor_Constructor)
			return clang_getNullCursor();
		if (lit.kind == CXCursor_StringLiteral && cx_child_count(s) <= 2)
			return lit;
	}
	return clang_getNullCursor();
}

/*
 * Report literal `lit` as a hard-coded secret. `how` says where it goes ("assigned to 'x'", "passed to 'f'
 * as the password"), `kind` what it is. `strength` NAME_STRONG / NAME_WEAK / 0 for API arguments (lightest
 * filter). Secret text never leaves this function unredacted.
 */
static void report_literal(cvet_tu *tu, state *st, CXCursor lit, const char *secret, const char *kind,
			   const char *how, const char *context, int strength)
{
	char *red, snippet[200];
	cvet_finding *f;
	if (!secret || !*secret)
		return;
	if (strength && not_a_secret(secret))
		return;
	if (!strength && placeholder_value(secret))
		return;
	if (strength == NAME_WEAK && !looks_random(secret))
		return;
	if (has_known_format(st, secret))
		return; /* the text scan reports it with its format */
	if (cvet_sites__seen_before(st->seen, &st->nseen, MAX_SEEN, lit))
		return;
	red = cvet_text__redact(secret, SHOW_CHARS);
	if (!red)
		return;
	f = cvet_tu_report(tu, &cvet_check_hardcoded_credential, lit,
			   "hard-coded %s \"%s\" %s; load it at run time from the environment, a secret store or a "
			   "protected file",
			   kind, red, how);
	snprintf(snippet, sizeof snippet, "%s \"%s\"", context ? context : "", red);
	cvet_text__set_snippet(f, snippet);
	free(red);
}

/* A literal stored in / compared with a named variable, field or parameter. */
static void check_named(cvet_tu *tu, state *st, const char *name, CXCursor value, const char *verb)
{
	const char *kind;
	int cls;
	CXCursor lit;
	char *s = NULL, how[160];
	if (!name || (cls = classify_name(name, &kind)) == NAME_NONE)
		return;
	lit = literal_of(value);
	if (cx_is_null(lit) || !cx_string_literal(lit, &s) || !s) {
		free(s);
		return;
	}
	snprintf(how, sizeof how, "%s '%.100s'", verb, name);
	report_literal(tu, st, lit, s, kind, how, name, cls);
	free(s);
}

/* Designated initializers (.password = "x"), also nested in arrays of structs: libclang shows each as an
 * UnexposedExpr whose MemberRef children name the field and whose last child is the value. */
static void check_init_list(cvet_tu *tu, state *st, CXCursor list, unsigned depth)
{
	CXCursor *kids;
	unsigned n;
	if (depth > 4)
		return;
	/* one visit for the entries (large tables made cx_child per index quadratic) */
	kids = malloc(1024 * sizeof(*kids));
	if (!kids)
		return;
	n = cx_children(list, kids, 1024);
	for (unsigned i = 0; i < n; i++) {
		CXCursor c = kids[i];
		unsigned nc;
		if (c.kind == CXCursor_InitListExpr) {
			check_init_list(tu, st, c, depth + 1);
			continue;
		}
		if (c.kind != CXCursor_UnexposedExpr)
			continue;
		nc = cx_child_count(c);
		if (nc >= 2 && cx_child(c, nc - 2).kind == CXCursor_MemberRef) {
			char *field = cx_spelling(cx_child(c, nc - 2));
			CXCursor value = cx_child(c, nc - 1);
			if (cx_strip(value).kind == CXCursor_InitListExpr)
				check_init_list(tu, st, cx_strip(value), depth + 1);
			else
				check_named(tu, st, field, value, "assigned to");
			free(field);
		}
	}
	free(kids);
}

static void on_cursor(cvet_tu *tu, void *vs, const cvet_event *ev)
{
	state *st = vs;
	if (ev->kind == CXCursor_VarDecl) {
		CXCursor init = cvet_decls__var_init(ev->cursor);
		char *name;
		if (cx_is_null(init))
			return;
		if (cx_strip(init).kind == CXCursor_InitListExpr) {
			check_init_list(tu, st, cx_strip(init), 0);
			return;
		}
		name = cx_spelling(ev->cursor);
		check_named(tu, st, name, init, "assigned to");
		free(name);
		return;
	}
	if (ev->kind == CXCursor_CallExpr) {
		/* C++ operators on strings (the walker's on_call only sees named functions) */
		char *op, *name;
		if (clang_Cursor_getNumArguments(ev->cursor) != 2)
			return; /* before the spelling: most calls are not binary operators */
		op = cx_spelling(ev->cursor);
		if (op &&
		    (strcmp(op, "operator=") == 0 || strcmp(op, "operator==") == 0 || strcmp(op, "operator!=") == 0)) {
			CXCursor l = clang_Cursor_getArgument(ev->cursor, 0), r = clang_Cursor_getArgument(ev->cursor, 1);
			const char *verb = op[9] == '\0' ? "assigned to" : "compared with";
			name = cvet_names__ref_name(l);
			if (name)
				check_named(tu, st, name, r, verb);
			free(name);
			if (op[9] != '\0') {
				name = cvet_names__ref_name(r);
				if (name)
					check_named(tu, st, name, l, verb);
				free(name);
			}
		}
		free(op);
		return;
	}
	if (ev->kind == CXCursor_BinaryOperator) {
		enum CX_BinaryOperatorKind op = cx_binop(ev->cursor);
		CXCursor l = cx_child(ev->cursor, 0), r = cx_child(ev->cursor, 1);
		char *name;
		if (op == CX_BO_Assign) {
			name = cvet_names__ref_name(l);
			check_named(tu, st, name, r, "assigned to");
			free(name);
		} else if (op == CX_BO_EQ || op == CX_BO_NE) {
			name = cvet_names__ref_name(l);
			if (name)
				check_named(tu, st, name, r, "compared with");
			free(name);
			name = cvet_names__ref_name(r);
			if (name)
				check_named(tu, st, name, l, "compared with");
			free(name);
		}
	}
}

/* APIs taking a secret at a fixed argument. */
static const struct {
	const char *name;
	unsigned arg;
	const char *what;
} secret_args[] = {
	{"mysql_real_connect", 3, "password"},       {"PQsetdbLogin", 6, "password"},
	{"ldap_simple_bind_s", 2, "password"},       {"ldap_simple_bind", 2, "password"},
	{"ldap_bind_s", 2, "password"},              {"sqlite3_key", 1, "key"},
	{"sqlite3_key_v2", 2, "key"},                {"sqlite3_rekey", 1, "key"},
	{"SSL_CTX_set_default_passwd_cb_userdata", 1, "key passphrase"},
	{"SSL_set_default_passwd_cb_userdata", 1, "key passphrase"},
	{"PEM_read_bio_PrivateKey", 3, "key passphrase"},
	{"PEM_read_PrivateKey", 3, "key passphrase"},
	{"PKCS12_parse", 1, "PKCS#12 password"},     {"mbedtls_pk_parse_keyfile", 2, "key passphrase"},
	{"mbedtls_pk_parse_key", 3, "key passphrase"},
	{"libssh2_userauth_password_ex", 3, "password"},
	{"ssh_userauth_password", 2, "password"},
};

static const char *const compare_calls[] = {"strcmp", "strncmp", "strcasecmp", "strncasecmp", "memcmp",
					    "CRYPTO_memcmp", "timingsafe_bcmp", "timingsafe_memcmp", "g_strcmp0",
					    "operator==", "operator!=", NULL};

static void check_api_arg(cvet_tu *tu, state *st, const cvet_event *ev, unsigned i, const char *what)
{
	CXCursor lit = literal_of(cvet_calls__arg(ev, i));
	char *s = NULL, how[160];
	if (cx_is_null(lit) || !cx_string_literal(lit, &s) || !s) {
		free(s);
		return;
	}
	snprintf(how, sizeof how, "passed to '%s'", ev->call->name);
	if (strcmp(s, "%s") != 0 && s[0] != '<' && strstr(s, "${") == NULL)
		report_literal(tu, st, lit, s, what, how, ev->call->name, 0);
	free(s);
}

/* curl_easy_setopt(h, CURLOPT_PASSWORD / USERPWD / ..., "literal") */
static void check_curl(cvet_tu *tu, state *st, const cvet_event *ev)
{
	static const char *const opts[] = {"CURLOPT_PASSWORD", "CURLOPT_USERPWD", "CURLOPT_PROXYPASSWORD",
					   "CURLOPT_PROXYUSERPWD", "CURLOPT_KEYPASSWD", "CURLOPT_TLSAUTH_PASSWORD",
					   "CURLOPT_XOAUTH2_BEARER", "CURLOPT_SSLKEYPASSWD", NULL};
	char *opt, *s = NULL, how[160];
	CXCursor lit;
	if (ev->call->nargs != 3)
		return;
	opt = cvet_names__const_name(tu, cvet_names__through_macro_local(tu, cvet_calls__arg(ev, 1)));
	if (!opt || !cvet_calls__name_in(opt, opts)) {
		free(opt);
		return;
	}
	lit = literal_of(cvet_calls__arg(ev, 2));
	if (!cx_is_null(lit) && cx_string_literal(lit, &s) && s) {
		const char *secret = s;
		if (strstr(opt, "USERPWD")) {
			const char *colon = strchr(s, ':');
			secret = colon ? colon + 1 : "";
		}
		snprintf(how, sizeof how, "set as '%s'", opt);
		if (*secret && strcmp(secret, "%s") != 0)
			report_literal(tu, st, lit, secret, strstr(opt, "BEARER") ? "token" : "password", how, opt, 0);
	}
	free(s);
	free(opt);
}

/* Connection strings with an inline password: "host=db password=hunter2", "...;PWD=hunter2;". */
static void check_conninfo(cvet_tu *tu, state *st, const cvet_event *ev, unsigned i)
{
	CXCursor lit = literal_of(cvet_calls__arg(ev, i));
	char *s = NULL, how[160];
	const char *p;
	if (cx_is_null(lit) || !cx_string_literal(lit, &s) || !s) {
		free(s);
		return;
	}
	for (p = s; *p; p++) {
		size_t k = 0;
		if (strncasecmp(p, "password=", 9) == 0)
			k = 9;
		else if (strncasecmp(p, "pwd=", 4) == 0)
			k = 4;
		if (k && (p == s || p[-1] == ' ' || p[-1] == ';')) {
			char val[128];
			size_t n = strcspn(p + k, " ;'\"");
			if (n == 0 || n >= sizeof val)
				break;
			memcpy(val, p + k, n);
			val[n] = '\0';
			snprintf(how, sizeof how, "in the connection string passed to '%s'", ev->call->name);
			if (val[0] != '%' && val[0] != '$')
				report_literal(tu, st, lit, val, "password", how, ev->call->name, 0);
			break;
		}
	}
	free(s);
}

static void on_call(cvet_tu *tu, void *vs, const cvet_event *ev)
{
	state *st = vs;
	const char *name = ev->call->name;
	if (cvet_calls__name_in(name, compare_calls)) {
		if (ev->call->nargs >= 2) {
			char *a = cvet_names__ref_name(cvet_calls__arg(ev, 0));
			char *b = cvet_names__ref_name(cvet_calls__arg(ev, 1));
			if (a)
				check_named(tu, st, a, cvet_calls__arg(ev, 1), "compared with");
			if (b)
				check_named(tu, st, b, cvet_calls__arg(ev, 0), "compared with");
			free(a);
			free(b);
		}
		return;
	}
	if (strcmp(name, "curl_easy_setopt") == 0) {
		check_curl(tu, st, ev);
		return;
	}
	if (strcmp(name, "PQconnectdb") == 0 || strcmp(name, "PQconnectStart") == 0) {
		check_conninfo(tu, st, ev, 0);
		return;
	}
	if (strcmp(name, "SQLDriverConnect") == 0 || strcmp(name, "SQLDriverConnectA") == 0) {
		check_conninfo(tu, st, ev, 2);
		return;
	}
	for (size_t i = 0; i < sizeof(secret_args) / sizeof(secret_args[0]); i++)
		if (strcmp(name, secret_args[i].name) == 0) {
			if (cvet_calls__is_c_api(ev))
				check_api_arg(tu, st, ev, secret_args[i].arg, secret_args[i].what);
			return;
		}
	/* a literal given to a parameter named like a secret: login("admin", "hunter2") */
	if (!cx_is_null(ev->call->callee) && (ev->call->callee.kind == CXCursor_FunctionDecl ||
					      ev->call->callee.kind == CXCursor_CXXMethod)) {
		int np = clang_Cursor_getNumArguments(ev->call->callee);
		for (unsigned i = 0; i < ev->call->nargs && (int)i < np && i < 16; i++) {
			CXCursor parm = clang_Cursor_getArgument(ev->call->callee, i);
			char *pname, how[160];
			const char *kind;
			int cls;
			CXCursor lit = literal_of(ev->call->args[i]);
			char *s = NULL;
			if (cx_is_null(lit))
				continue;
			pname = cx_spelling(parm);
			if (pname && *pname && (cls = classify_name(pname, &kind)) != NAME_NONE &&
			    cx_string_literal(lit, &s) && s) {
				snprintf(how, sizeof how, "passed to '%.60s' as '%.60s'", name, pname);
				report_literal(tu, st, lit, s, kind, how, pname, cls);
			}
			free(s);
			free(pname);
		}
	}
}

static void cleanup(void *vs)
{
	state *st = vs;
	for (size_t i = 0; i < NPATTERNS; i++)
		pcre2_code_free(st->re[i]);
	pcre2_match_data_free(st->md);
	pcre2_match_context_free(st->mctx);
}

static const enum CXCursorKind kinds[] = {CXCursor_VarDecl, CXCursor_BinaryOperator, CXCursor_CallExpr, 0};

const cvet_check cvet_check_hardcoded_credential = {
	.rule = {.id = "hardcoded-credential",
		 .title = "Hard-coded password, token or key",
		 .severity = CVET_SEV_HIGH,
		 .cwe = {798, 259, 321},
		 .precision = CVET_PRECISION_HIGH},
	.kinds = kinds,
	.state_size = sizeof(state),
	.on_file = on_file,
	.on_call = on_call,
	.on_cursor = on_cursor,
	.cleanup = cleanup,
};
