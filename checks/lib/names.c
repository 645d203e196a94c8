/* names.c - check helpers: identifiers and constant names: words, prefixes, security-sounding names, macro names */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <clang-c/Index.h>
#include "code/cx.h"
#include "code/cx_text.h"
#include "lib/names.h"
#include "lib/calls.h"

/* Words (lower case) that mark an identifier as security-relevant when they appear as a whole word. */
static const char *const security_words[] = {
	"token", "tokens", "key", "keys", "nonce", "salt", "password", "passwd", "passwords", "pass", "pwd",
	"passphrase", "secret", "secrets", "session", "sess", "sid", "iv", "seed", "csrf", "xsrf", "otp", "totp", "hotp",
	"auth", "cookie", "challenge", "uuid", "guid", "crypt", "crypto", "cipher", "apikey", "salt", "pin", NULL,
};
/* Fragments long enough to be unambiguous inside a longer word (sessionid, authtoken, apikey). */
static const char *const security_fragments[] = {
	"password", "passwd", "secret", "token", "nonce", "session", "csrf", "apikey", NULL,
};

int cvet_names__security(const char *ident)
{
	char word[64], lower[256];
	size_t i, n = 0, len;
	if (!ident)
		return 0;
	len = strlen(ident);
	if (len >= sizeof lower)
		len = sizeof lower - 1;
	for (i = 0; i < len; i++)
		lower[i] = (char)tolower((unsigned char)ident[i]);
	lower[len] = '\0';
	for (const char *const *f = security_fragments; *f; f++)
		if (strstr(lower, *f))
			return 1;
	for (i = 0; i <= len; i++) {
		unsigned char ch = i < len ? (unsigned char)ident[i] : 0;
		int boundary = !isalpha(ch) ||
			       (isupper(ch) && i > 0 && islower((unsigned char)ident[i - 1]));
		if (boundary && n) {
			word[n] = '\0';
			if (cvet_calls__name_in(word, security_words))
				return 1;
			n = 0;
		}
		if (isalpha(ch) && n < sizeof word - 1)
			word[n++] = (char)tolower(ch);
	}
	return 0;
}

int cvet_names__starts(const char *s, const char *prefix)
{
	return s && prefix && strncmp(s, prefix, strlen(prefix)) == 0;
}

static char lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

int cvet_names__starts_nocase(const char *s, const char *prefix)
{
	if (!s || !prefix)
		return 0;
	for (; *prefix; s++, prefix++)
		if (!*s || lower(*s) != lower(*prefix))
			return 0;
	return 1;
}

int cvet_names__ends(const char *s, const char *suffix)
{
	size_t a, b;
	if (!s || !suffix)
		return 0;
	a = strlen(s);
	b = strlen(suffix);
	return a >= b && strcmp(s + a - b, suffix) == 0;
}

char *cvet_names__const_name(cvet_tu *tu, CXCursor e)
{
	CXCursor s = cx_strip_casts(e);
	if (cx_is_null(s))
		return NULL;
	if (s.kind == CXCursor_DeclRefExpr) {
		CXCursor d = clang_getCursorReferenced(s);
		if (d.kind == CXCursor_EnumConstantDecl)
			return cx_spelling(d);
	}
	/* only the stripped expression: a wrapper macro's parentheses would name the wrapper */
	return cx_macro_name(tu, s);
}

CXCursor cvet_names__through_macro_local(cvet_tu *tu, CXCursor e)
{
	CXCursor s = cx_strip_casts(e), d;
	unsigned n;
	char *m;
	if (s.kind != CXCursor_DeclRefExpr)
		return e;
	d = clang_getCursorReferenced(s);
	if (d.kind != CXCursor_VarDecl || (n = cx_child_count(d)) == 0)
		return e;
	m = cx_macro_name(tu, d);
	if (!m)
		return e; /* a variable the user declared: its value may change */
	free(m);
	s = cx_child(d, n - 1);
	return clang_isExpression(s.kind) ? s : e;
}

static int is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}
static int is_lower(char c)
{
	return c >= 'a' && c <= 'z';
}
static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

size_t cvet_names__words(const char *ident, char words[][32], size_t max)
{
	size_t n = 0, len = 0;
	const char *p;
	if (!ident || !max)
		return 0;
	for (p = ident; *p; p++) {
		char c = *p;
		int boundary = 0;
		if (!(is_upper(c) || is_lower(c) || is_digit(c))) {
			/* separator */
			if (len) {
				words[n][len] = '\0';
				if (++n == max)
					return n;
				len = 0;
			}
			continue;
		}
		if (len) {
			char prev = p[-1];
			if (is_upper(c) && is_lower(prev))
				boundary = 1; /* camelCase hump */
			else if (is_upper(c) && is_upper(prev) && is_lower(p[1]))
				boundary = 1; /* HTTPServer -> HTTP, Server */
			else if (is_digit(c) != is_digit(prev))
				boundary = 1;
		}
		if (boundary) {
			words[n][len] = '\0';
			if (++n == max)
				return n;
			len = 0;
		}
		if (len < 31)
			words[n][len++] = lower(c);
	}
	if (len) {
		words[n][len] = '\0';
		n++;
	}
	return n;
}

char *cvet_names__ref_name(CXCursor e)
{
	CXCursor s = cx_strip_casts(e), d;
	if (s.kind != CXCursor_DeclRefExpr && s.kind != CXCursor_MemberRefExpr)
		return NULL;
	d = clang_getCursorReferenced(s);
	if (cx_is_null(d))
		return NULL;
	return cx_spelling(d);
}
