/* checksb_util.c - helpers shared by the security checks of group B (names, arguments, identifiers, redaction) */
#include <stdlib.h>
#include <string.h>
#include "cvet/common.h"
#include "code/cx.h"
#include "code/cx_text.h"
#include "checksb_util.h"

#define MAX_SITES 100000

int cvet_checksb__name_in(const char *name, const char *const *list)
{
	if (!name || !list)
		return 0;
	for (; *list; list++)
		if (strcmp(name, *list) == 0)
			return 1;
	return 0;
}

int cvet_checksb__starts(const char *s, const char *prefix)
{
	return s && prefix && strncmp(s, prefix, strlen(prefix)) == 0;
}

static char lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

int cvet_checksb__starts_nocase(const char *s, const char *prefix)
{
	if (!s || !prefix)
		return 0;
	for (; *prefix; s++, prefix++)
		if (!*s || lower(*s) != lower(*prefix))
			return 0;
	return 1;
}

int cvet_checksb__ends(const char *s, const char *suffix)
{
	size_t a, b;
	if (!s || !suffix)
		return 0;
	a = strlen(s);
	b = strlen(suffix);
	return a >= b && strcmp(s + a - b, suffix) == 0;
}

int cvet_checksb__is_c_function(const cvet_event *ev)
{
	CXCursor callee, parent;
	if (!ev || !ev->call)
		return 0;
	callee = ev->call->callee;
	if (cx_is_null(callee))
		return 1; /* implicit declaration or unresolved: the name is all we have */
	if (callee.kind != CXCursor_FunctionDecl)
		return 0;
	if (!cx_is_null(clang_getSpecializedCursorTemplate(callee)))
		return 0; /* std::bind<...> and friends */
	parent = clang_getCursorSemanticParent(callee);
	if (cx_is_null(parent) || parent.kind == CXCursor_TranslationUnit || parent.kind == CXCursor_LinkageSpec)
		return 1;
	if (parent.kind == CXCursor_Namespace) {
		char *ns = cx_spelling(parent);
		int ok = ns && strcmp(ns, "std") == 0 &&
			 clang_getCursorSemanticParent(parent).kind == CXCursor_TranslationUnit;
		free(ns);
		return ok;
	}
	return 0;
}

CXCursor cvet_checksb__arg(const cvet_event *ev, unsigned i)
{
	if (!ev || !ev->call || i >= ev->call->nargs || !ev->call->args)
		return clang_getNullCursor();
	return ev->call->args[i];
}

int cvet_checksb__arg_int(const cvet_event *ev, unsigned i, long long *out)
{
	CXCursor a = cvet_checksb__arg(ev, i);
	if (cx_is_null(a))
		return 0;
	return cx_int_const(a, out);
}

int cvet_checksb__arg_string(const cvet_event *ev, unsigned i, char **out)
{
	CXCursor a = cvet_checksb__arg(ev, i);
	if (out)
		*out = NULL;
	if (cx_is_null(a))
		return 0;
	return cx_string_literal(a, out);
}

int cvet_checksb__arg_is_null(const cvet_event *ev, unsigned i)
{
	CXCursor a = cvet_checksb__arg(ev, i), s;
	long long v;
	if (cx_is_null(a))
		return 0;
	s = cx_strip_casts(a);
	if (s.kind == CXCursor_CXXNullPtrLiteralExpr || s.kind == CXCursor_GNUNullExpr)
		return 1;
	if (s.kind == CXCursor_StringLiteral)
		return 0;
	return cx_int_const(s, &v) && v == 0 && !cx_string_literal(a, NULL);
}

char *cvet_checksb__const_name(cvet_tu *tu, CXCursor e)
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

CXCursor cvet_checksb__through_macro_local(cvet_tu *tu, CXCursor e)
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

static int is_function_cursor(enum CXCursorKind k)
{
	return k == CXCursor_FunctionDecl || k == CXCursor_CXXMethod || k == CXCursor_Constructor ||
	       k == CXCursor_Destructor || k == CXCursor_ConversionFunction || k == CXCursor_FunctionTemplate ||
	       k == CXCursor_LambdaExpr || k == CXCursor_ObjCInstanceMethodDecl || k == CXCursor_ObjCClassMethodDecl;
}

CXCursor cvet_checksb__event_function(const cvet_event *ev)
{
	if (!ev)
		return clang_getNullCursor();
	if (is_function_cursor(ev->cursor.kind))
		return ev->cursor;
	return ev->function;
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

size_t cvet_checksb__words(const char *ident, char words[][32], size_t max)
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

char *cvet_checksb__redact(const char *value, size_t show)
{
	size_t len = value ? strlen(value) : 0, keep = show, i;
	char *out;
	if (keep > len / 4)
		keep = len / 4;
	out = malloc(keep + 4);
	if (!out)
		return NULL;
	for (i = 0; i < keep; i++) {
		unsigned char c = (unsigned char)value[i];
		out[i] = (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') ? '?' : (char)c;
	}
	memcpy(out + keep, "\xe2\x80\xa6", 4); /* U+2026 HORIZONTAL ELLIPSIS, with the terminator */
	return out;
}

int cvet_checksb__same_path(CXCursor a, CXCursor b)
{
	char *sa = NULL, *sb = NULL;
	int same = 0;
	if (cx_is_null(a) || cx_is_null(b))
		return 0;
	if (cx_same_ref(a, b))
		return 1;
	if (cx_string_literal(a, &sa) && cx_string_literal(b, &sb) && sa && sb)
		same = strcmp(sa, sb) == 0;
	free(sa);
	free(sb);
	return same;
}

char *cvet_checksb__ref_name(CXCursor e)
{
	CXCursor s = cx_strip_casts(e), d;
	if (s.kind != CXCursor_DeclRefExpr && s.kind != CXCursor_MemberRefExpr)
		return NULL;
	d = clang_getCursorReferenced(s);
	if (cx_is_null(d))
		return NULL;
	return cx_spelling(d);
}

void cvet_checksb__site_from_call(cvet_checksb_site *s, const cvet_event *ev)
{
	memset(s, 0, sizeof(*s));
	s->fn = ev->function;
	s->call = ev->call ? ev->call->expr : ev->cursor;
	s->nargs = ev->call ? ev->call->nargs : 0;
	for (unsigned i = 0; i < 4; i++)
		s->arg[i] = cvet_checksb__arg(ev, i);
}

int cvet_checksb__sites_push(cvet_checksb_sites *s, const cvet_checksb_site *site)
{
	if (s->n >= MAX_SITES)
		return CVET_ELIMIT;
	if (s->n == s->cap) {
		size_t ncap = s->cap ? s->cap * 2 : 16;
		cvet_checksb_site *v = realloc(s->v, ncap * sizeof(*v));
		if (!v)
			return CVET_ENOMEM;
		s->v = v;
		s->cap = ncap;
	}
	s->v[s->n++] = *site;
	return 0;
}

void cvet_checksb__sites_drop_fn(cvet_checksb_sites *s, CXCursor fn)
{
	size_t w = 0;
	for (size_t r = 0; r < s->n; r++)
		if (!clang_equalCursors(s->v[r].fn, fn))
			s->v[w++] = s->v[r];
	s->n = w;
}

void cvet_checksb__sites_free(cvet_checksb_sites *s)
{
	if (!s)
		return;
	free(s->v);
	s->v = NULL;
	s->n = s->cap = 0;
}

void cvet_checksb__set_snippet(cvet_finding *f, const char *text)
{
	char *copy;
	if (!f)
		return;
	copy = text ? strdup(text) : NULL;
	free(f->snippet);
	f->snippet = copy;
}

char *cvet_checksb__shorten(const char *s, size_t max)
{
	size_t len = s ? strlen(s) : 0, keep = len > max ? max : len;
	char *out;
	while (keep > 0 && keep < len && ((unsigned char)s[keep] & 0xC0) == 0x80)
		keep--; /* do not cut a UTF-8 sequence */
	out = malloc(keep + 4);
	if (!out)
		return NULL;
	for (size_t i = 0; i < keep; i++) {
		unsigned char c = (unsigned char)s[i];
		out[i] = c < 0x20 || c == 0x7f ? '?' : (char)c;
	}
	if (keep < len)
		memcpy(out + keep, "...", 4);
	else
		out[keep] = '\0';
	return out;
}
