/* cleartext-url.c - http://, ftp:// and telnet:// URLs given to network APIs or stored in variables (CWE-319) */
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

extern const cvet_check cvet_check_cleartext_url;

#define MAX_SEEN 1024
#define MAX_DEPTH 8

#define MAX_FTP_PENDING 256

typedef struct state {
	CXCursor seen[MAX_SEEN]; /* literals already reported in this TU (one finding per literal) */
	size_t nseen;
	CXCursor ftp[MAX_FTP_PENDING]; /* ftp:// literals, reported at the end unless the TU requires FTPS */
	size_t nftp;
	int ftp_tls;                   /* curl_easy_setopt(h, CURLOPT_USE_SSL, CURLUSESSL_CONTROL or _ALL) seen */
} state;

static const struct {
	const char *prefix;
	const char *fix;
} schemes[] = {
	{"http://", "use 'https://'"},
	{"ftp://", "use 'ftps://' or 'sftp://'"},
	{"telnet://", "use SSH"},
};

/* Callees that take URLs, by exact name, in addition to the word test below. */
static const char *const url_calls[] = {"curl_easy_setopt", "curl_url_set", "soup_message_new",
					"soup_session_queue_message", NULL};
/* A word of the callee's name that marks a URL-taking API (xmlNanoHTTPOpen, fetch_url, http_request). */
static const char *const url_words[] = {"url", "uri", "urls", "http", "https", "ftp", "fetch", "download",
					"request", "connect", "endpoint", "proxy", "webhook", NULL};
/* A word of the variable / callee name saying the URL is an identifier or documentation, not a target. */
static const char *const skip_words[] = {"ns", "xmlns", "namespace", "schema", "dtd", "doctype", "homepage",
					 "website", "license", "licence", "copyright", "doc", "docs", "manual",
					 "help", "about", "test", "tests", "testcase", "testcases", "case", "cases",
					 "example", "examples", "sample", "samples", "fixture", "fixtures", NULL};
/* Hosts whose http:// URLs are identifiers (XML namespaces, schemas, licences), not places data goes. */
static const char *const ident_hosts[] = {"www.w3.org", "w3.org", "schemas.xmlsoap.org", "schemas.openxmlformats.org",
					  "schemas.microsoft.com", "purl.org", "xmlns.com", "ns.adobe.com",
					  "relaxng.org", "docbook.org", "www.gnu.org", "gnu.org", "opensource.org",
					  "www.apache.org", "creativecommons.org", NULL};

static int has_word(const char *ident, const char *const *list)
{
	char words[16][32];
	size_t n;
	if (!ident)
		return 0;
	n = cvet_names__words(ident, words, 16);
	for (size_t i = 0; i < n; i++)
		if (cvet_calls__name_in(words[i], list))
			return 1;
	return 0;
}

static int ends_nocase(const char *s, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);
	return n >= k && strncasecmp(s + n - k, suffix, k) == 0 && (n == k || s[n - k - 1] == '.' || suffix[0] == '.');
}

/* 1 when the host (n bytes) is loopback, reserved for documentation/testing, or an identifier host. */
static int host_exempt(const char *h, size_t n)
{
	static const char *const doc_suffixes[] = {"localhost", "example.com", "example.org", "example.net", NULL};
	static const char *const tlds[] = {".localhost", ".example", ".invalid", ".test", NULL};
	char buf[256];
	if (n == 0)
		return 1; /* "http://" alone: a prefix test, not a URL */
	if (n >= sizeof buf)
		return 0;
	memcpy(buf, h, n);
	buf[n] = '\0';
	if (strncmp(buf, "127.", 4) == 0 || strcmp(buf, "[::1]") == 0 || strcmp(buf, "0.0.0.0") == 0 ||
	    strcasecmp(buf, "localhost.localdomain") == 0 || strcasecmp(buf, "ip6-localhost") == 0)
		return 1;
	if (strncmp(buf, "169.254.", 8) == 0)
		return 1; /* link-local: cloud metadata services speak only plain HTTP */
	for (size_t i = 0; doc_suffixes[i]; i++)
		if (ends_nocase(buf, n, doc_suffixes[i]))
			return 1;
	for (size_t i = 0; tlds[i]; i++)
		if (ends_nocase(buf, n, tlds[i]))
			return 1;
	for (size_t i = 0; ident_hosts[i]; i++)
		if (strcasecmp(buf, ident_hosts[i]) == 0)
			return 1;
	if (buf[0] != '[' && !strchr(buf, '.'))
		return 1; /* a single-label name ("http://server/", "http://host:8080"): a placeholder or the local net */
	if (strstr(buf, "your.") || strstr(buf, "your-") || strstr(buf, ".your") || strstr(buf, "example"))
		return 1; /* "speedtest.your.domain", "www.example-site.com" in documentation */
	return 0;
}

/* Index of the cleartext scheme the URL starts with and is reportable for, or -1. */
static int cleartext_scheme(const char *s)
{
	for (size_t i = 0; i < sizeof(schemes) / sizeof(schemes[0]); i++) {
		const char *auth, *end, *at, *host;
		if (!cvet_names__starts_nocase(s, schemes[i].prefix))
			continue;
		auth = s + strlen(schemes[i].prefix);
		end = auth + strcspn(auth, "/?#");
		at = memchr(auth, '@', (size_t)(end - auth));
		host = at ? at + 1 : auth;
		if (*host == '[') {
			const char *rb = memchr(host, ']', (size_t)(end - host));
			end = rb ? rb + 1 : end;
		} else {
			end = host + strcspn(host, ":/?#");
		}
		if (host_exempt(host, (size_t)(end - host)))
			return -1;
		return (int)i;
	}
	return -1;
}

/* Display form of a URL: user information replaced by an ellipsis, at most 60 bytes. malloc'd. */
static char *display_url(const char *s)
{
	const char *auth = strstr(s, "://"), *at, *end;
	char *tmp, *out;
	if (!auth)
		return cvet_text__shorten(s, 60);
	auth += 3;
	end = auth + strcspn(auth, "/?#");
	at = memchr(auth, '@', (size_t)(end - auth));
	if (!at)
		return cvet_text__shorten(s, 60);
	tmp = malloc(strlen(s) + 8);
	if (!tmp)
		return NULL;
	{
		size_t head = (size_t)(auth - s), tail = strlen(at);
		memcpy(tmp, s, head);
		memcpy(tmp + head, "\xe2\x80\xa6", 3); /* credentials are never shown */
		memcpy(tmp + head + 3, at, tail + 1);
	}
	out = cvet_text__shorten(tmp, 60);
	free(tmp);
	return out;
}

static void consider_literal(cvet_tu *tu, state *st, CXCursor lit)
{
	char *s = NULL, *shown;
	int k;
	if (!cx_string_literal(lit, &s) || !s) {
		free(s);
		return;
	}
	k = cleartext_scheme(s);
	if (k == 1 && st->nftp < MAX_FTP_PENDING) { /* ftp: wait for a CURLOPT_USE_SSL anywhere in the file */
		if (!cvet_sites__seen_before(st->seen, &st->nseen, MAX_SEEN, lit))
			st->ftp[st->nftp++] = lit;
		free(s);
		return;
	}
	if (k >= 0 && !cvet_sites__seen_before(st->seen, &st->nseen, MAX_SEEN, lit) && (shown = display_url(s)) != NULL) {
		cvet_tu_report(tu, &cvet_check_cleartext_url, lit,
			       "cleartext URL '%s' sends data unencrypted and unauthenticated; %s", shown, schemes[k].fix);
		free(shown);
	}
	free(s);
}

/* Find string literals that an expression's value comes from: through casts, conditionals, initializer lists
 * (init_lists = 1) and C++ constructor calls. */
static void collect(cvet_tu *tu, state *st, CXCursor e, int init_lists, unsigned depth)
{
	CXCursor s;
	unsigned n;
	if (depth > MAX_DEPTH || cx_is_null(e))
		return;
	s = cx_strip_casts(e);
	switch (s.kind) {
	case CXCursor_StringLiteral:
		consider_literal(tu, st, s);
		return;
	case CXCursor_ConditionalOperator:
		collect(tu, st, cx_child(s, 1), init_lists, depth + 1);
		collect(tu, st, cx_child(s, 2), init_lists, depth + 1);
		return;
	case CXCursor_InitListExpr:
		if (!init_lists)
			return;
		n = cx_child_count(s);
		for (unsigned i = 0; i < n && i < 1024; i++)
			collect(tu, st, cx_child(s, i), init_lists, depth + 1);
		return;
	case CXCursor_UnexposedExpr:
		n = cx_child_count(s);
		for (unsigned i = 0; i < n && i < 4; i++)
			collect(tu, st, cx_child(s, i), init_lists, depth + 1);
		return;
	case CXCursor_CallExpr: {
		CXCursor ref = clang_getCursorReferenced(s);
		if (ref.kind != CXCursor_Constructor)
			return;
		n = cx_child_count(s);
		for (unsigned i = 0; i < n && i < 4; i++)
			collect(tu, st, cx_child(s, i), init_lists, depth + 1);
		return;
	}
	default:
		/* a macro that names a literal (#define URL "http://...") evaluates to it */
		if (cx_string_literal(s, NULL) && cx_find_kind(s, CXCursor_StringLiteral).kind == CXCursor_StringLiteral)
			consider_literal(tu, st, cx_find_kind(s, CXCursor_StringLiteral));
		return;
	}
}

/* 1 when a variable is a table of test or example cases by its element type (struct testcase, struct
 * urltestcase, struct querycase ...): URL parsers keep hundreds of sample URLs in such tables. */
static int test_table(CXCursor decl)
{
	CXType t = clang_getCanonicalType(clang_getCursorType(decl));
	char *sp;
	int yes = 0;
	while (t.kind == CXType_ConstantArray || t.kind == CXType_IncompleteArray)
		t = clang_getCanonicalType(clang_getArrayElementType(t));
	if (t.kind != CXType_Record)
		return 0;
	sp = cx_str(clang_getTypeSpelling(t));
	if (sp) {
		for (char *p = sp; *p; p++)
			*p = (char)((*p >= 'A' && *p <= 'Z') ? *p - 'A' + 'a' : *p);
		yes = strstr(sp, "test") || strstr(sp, "case") || strstr(sp, "sample") || strstr(sp, "example") ||
		      strstr(sp, "fixture") || strstr(sp, "vector");
	}
	free(sp);
	return yes;
}

static void on_cursor(cvet_tu *tu, void *vs, const cvet_event *ev)
{
	state *st = vs;
	if (ev->kind == CXCursor_VarDecl) {
		char *name = cx_spelling(ev->cursor);
		CXCursor init = cvet_decls__var_init(ev->cursor);
		if (name && !has_word(name, skip_words) && !cx_is_null(init) && !test_table(ev->cursor))
			collect(tu, st, init, 1, 0);
		free(name);
		return;
	}
	if (ev->kind == CXCursor_CallExpr) { /* C++ string assignment: url = "http://..." */
		char *op = cx_spelling(ev->cursor), *name;
		if (op && strcmp(op, "operator=") == 0 && clang_Cursor_getNumArguments(ev->cursor) == 2) {
			name = cvet_names__ref_name(clang_Cursor_getArgument(ev->cursor, 0));
			if (!has_word(name, skip_words))
				collect(tu, st, clang_Cursor_getArgument(ev->cursor, 1), 0, 0);
			free(name);
		}
		free(op);
		return;
	}
	if (ev->kind == CXCursor_BinaryOperator && cx_binop(ev->cursor) == CX_BO_Assign) {
		CXCursor lhs = cx_child(ev->cursor, 0);
		char *name = cvet_names__ref_name(lhs);
		if (!has_word(name, skip_words))
			collect(tu, st, cx_child(ev->cursor, 1), 0, 0);
		free(name);
	}
}

static void on_tu_end(cvet_tu *tu, void *vs)
{
	state *st = vs;
	for (size_t i = 0; i < st->nftp && !st->ftp_tls; i++) {
		char *s = NULL, *shown;
		if (cx_string_literal(st->ftp[i], &s) && s && (shown = display_url(s)) != NULL) {
			cvet_tu_report(tu, &cvet_check_cleartext_url, st->ftp[i],
				       "cleartext URL '%s' sends data unencrypted and unauthenticated; %s", shown,
				       schemes[1].fix);
			free(shown);
		}
		free(s);
	}
	st->nftp = 0;
}

static void on_call(cvet_tu *tu, void *vs, const cvet_event *ev)
{
	state *st = vs;
	const char *name = ev->call->name;
	if (strcmp(name, "curl_easy_setopt") == 0 && ev->call->nargs == 3) {
		/* explicit FTPS: CURLOPT_USE_SSL with CURLUSESSL_CONTROL (2) or CURLUSESSL_ALL (3) upgrades ftp:// */
		char *opt = cvet_names__const_name(tu, cvet_names__through_macro_local(tu, ev->call->args[1]));
		long long v;
		if (opt && strcmp(opt, "CURLOPT_USE_SSL") == 0 &&
		    cx_int_const(cvet_names__through_macro_local(tu, ev->call->args[2]), &v) && v >= 2)
			st->ftp_tls = 1;
		free(opt);
	}
	if (!cvet_calls__name_in(name, url_calls) && !has_word(name, url_words))
		return;
	if (has_word(name, skip_words))
		return;
	for (unsigned i = 0; i < ev->call->nargs && i < 16; i++)
		collect(tu, st, ev->call->args[i], 0, 0);
}

static const enum CXCursorKind kinds[] = {CXCursor_VarDecl, CXCursor_BinaryOperator, CXCursor_CallExpr, 0};

const cvet_check cvet_check_cleartext_url = {
	.rule = {.id = "cleartext-url",
		 .title = "Cleartext (http/ftp/telnet) URL",
		 .severity = CVET_SEV_MEDIUM,
		 .cwe = {319},
		 .precision = CVET_PRECISION_MEDIUM},
	.kinds = kinds,
	.state_size = sizeof(state),
	.on_cursor = on_cursor,
	.on_call = on_call,
	.on_tu_end = on_tu_end,
};
