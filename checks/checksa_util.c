/* checksa_util.c - helpers shared by the group A security checks: callee identity, buffer room, literals, formats */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "checksa_util.h"
#include "code/cx.h"
#include "code/cx_text.h"

#define MAX_DEPTH 32

int cvet_checksa__name_in(const char *name, const char *const *list)
{
	if (!name)
		return 0;
	for (; *list; list++)
		if (strcmp(name, *list) == 0)
			return 1;
	return 0;
}

int cvet_checksa__find_row(const char *name, const void *rows, size_t n, size_t stride)
{
	const unsigned char *p = rows;
	if (!name)
		return -1;
	for (size_t i = 0; i < n; i++) {
		const char *row_name;
		memcpy(&row_name, p + i * stride, sizeof row_name);
		if (row_name && strcmp(row_name, name) == 0)
			return (int)i;
	}
	return -1;
}

int cvet_checksa__is_libc(const cvet_event *ev)
{
	CXCursor callee, parent;
	if (!ev || !ev->call)
		return 0;
	callee = ev->call->callee;
	if (cx_is_null(callee)) {
		/* unresolved (template-dependent) call: fine unless it is a member call, obj.printf(x) */
		CXCursor fn = cx_strip(cx_child(ev->call->expr, 0));
		return fn.kind != CXCursor_MemberRefExpr;
	}
	if (callee.kind != CXCursor_FunctionDecl)
		return 0;
	parent = clang_getCursorSemanticParent(callee);
	switch (parent.kind) {
	case CXCursor_TranslationUnit:
	case CXCursor_LinkageSpec:
		return 1;
	case CXCursor_Namespace: {
		char *ns = cx_spelling(parent);
		int ok = ns && strcmp(ns, "std") == 0;
		free(ns);
		if (ok) {
			CXCursor gp = clang_getCursorSemanticParent(parent);
			ok = gp.kind == CXCursor_TranslationUnit || gp.kind == CXCursor_LinkageSpec;
		}
		return ok;
	}
	default:
		return 0;
	}
}

CXCursor cvet_checksa__arg(const cvet_event *ev, unsigned i)
{
	if (!ev || !ev->call || i >= ev->call->nargs || !ev->call->args)
		return clang_getNullCursor();
	return ev->call->args[i];
}

/* Size in bytes of a constant array type and of its element; 1 on success. */
static int array_bytes(CXType t, long long *bytes, long long *elem)
{
	CXType c = clang_getCanonicalType(t);
	long long n, sz, es;
	if (!cx_array_size(c, &n))
		return 0;
	sz = clang_Type_getSizeOf(c);
	es = clang_Type_getSizeOf(clang_getArrayElementType(c));
	if (sz < 0 || es <= 0 || n < 0)
		return 0;
	*bytes = sz;
	*elem = es;
	return 1;
}

/* Visitor: remember the last FieldDecl among a record's direct children. */
static enum CXChildVisitResult last_field_visit(CXCursor c, CXCursor parent, CXClientData data)
{
	(void)parent;
	if (c.kind == CXCursor_FieldDecl)
		*(CXCursor *)data = c;
	return CXChildVisit_Continue;
}

/* 1 when a member expression names a trailing array of at most one element (the "struct hack"). */
static int is_struct_hack(CXCursor member)
{
	CXCursor field = clang_getCursorReferenced(member), rec, last = clang_getNullCursor();
	long long n = 0;
	if (field.kind != CXCursor_FieldDecl)
		return 0;
	if (!cx_array_size(clang_getCursorType(field), &n) || n > 1)
		return 0;
	rec = clang_getCursorSemanticParent(field);
	if (cx_is_null(rec))
		return 1;
	clang_visitChildren(rec, last_field_visit, &last);
	return !cx_is_null(last) && clang_equalCursors(last, field);
}

/* Room of an array-typed expression (after implicit casts); 1 on success. */
static int array_expr_room(CXCursor a, long long *bytes, long long *elem)
{
	a = cx_strip(a);
	if (cx_is_null(a))
		return 0;
	if (a.kind == CXCursor_MemberRefExpr && is_struct_hack(a))
		return 0;
	if (a.kind != CXCursor_DeclRefExpr && a.kind != CXCursor_MemberRefExpr && a.kind != CXCursor_ArraySubscriptExpr)
		return 0;
	return array_bytes(clang_getCursorType(a), bytes, elem);
}

int cvet_checksa__dest_room(CXCursor e, long long *bytes, long long *elem)
{
	CXCursor s = cx_strip_casts(e);
	long long b = 0, el = 0, k = 0;
	if (cx_is_null(s))
		return 0;
	if (s.kind == CXCursor_UnaryOperator && cx_unop(s) == CXUnaryOperator_AddrOf) {
		CXCursor x = cx_strip(cx_child(s, 0));
		if (x.kind == CXCursor_ArraySubscriptExpr) {
			if (!array_expr_room(cx_child(x, 0), &b, &el) || !cx_int_const(cx_child(x, 1), &k))
				return 0;
		} else if (!array_expr_room(x, &b, &el)) {
			return 0;
		}
	} else if (s.kind == CXCursor_BinaryOperator && cx_binop(s) == CX_BO_Add) {
		if (!array_expr_room(cx_child(s, 0), &b, &el) || !cx_int_const(cx_child(s, 1), &k))
			return 0;
	} else if (!array_expr_room(s, &b, &el)) {
		return 0;
	}
	if (k < 0 || k > b / el)
		return 0;
	*bytes = b - k * el;
	*elem = el;
	return 1;
}

/* 1 when a variable's type is const (the pointer itself, or the elements of an array). */
static int const_var(CXCursor decl)
{
	CXType t = clang_getCursorType(decl), c = clang_getCanonicalType(t);
	if (clang_isConstQualifiedType(t) || clang_isConstQualifiedType(c))
		return 1;
	while (c.kind == CXType_ConstantArray || c.kind == CXType_IncompleteArray) {
		c = clang_getCanonicalType(clang_getArrayElementType(c));
		if (clang_isConstQualifiedType(c))
			return 1;
	}
	return 0;
}

static int literal_len_depth(CXCursor e, long long *chars, unsigned depth)
{
	CXCursor s = cx_strip_casts(e);
	long long n;
	if (depth > MAX_DEPTH || cx_is_null(s))
		return 0;
	if (s.kind == CXCursor_StringLiteral) {
		if (!cx_array_size(clang_getCursorType(s), &n) || n < 1)
			return 0;
		*chars = n - 1;
		return 1;
	}
	if (s.kind == CXCursor_ConditionalOperator && cx_child_count(s) == 3) {
		long long a, b;
		if (!literal_len_depth(cx_child(s, 1), &a, depth + 1) || !literal_len_depth(cx_child(s, 2), &b, depth + 1))
			return 0;
		*chars = a > b ? a : b;
		return 1;
	}
	if (s.kind == CXCursor_DeclRefExpr) {
		CXCursor d = clang_getCursorReferenced(s);
		if (d.kind == CXCursor_VarDecl && const_var(d)) {
			CXCursor init = clang_Cursor_getVarDeclInitializer(d);
			if (!cx_is_null(init) && literal_len_depth(init, chars, depth + 1))
				return 1;
		}
	}
	/* any array of known size holds a terminated string of at most size - 1 characters */
	if (s.kind == CXCursor_DeclRefExpr || s.kind == CXCursor_MemberRefExpr) {
		long long b, el;
		if (array_expr_room(s, &b, &el) && b / el >= 1) {
			*chars = b / el - 1;
			return 1;
		}
	}
	return 0;
}

int cvet_checksa__literal_len(CXCursor e, long long *chars)
{
	return literal_len_depth(e, chars, 0);
}

int cvet_checksa__var_init_string(CXCursor decl, char **out)
{
	CXCursor init;
	*out = NULL;
	if (decl.kind != CXCursor_VarDecl)
		return 0;
	init = clang_Cursor_getVarDeclInitializer(decl);
	if (cx_is_null(init))
		return 0;
	return cx_string_literal(init, out);
}

static const char *const gettext_like[] = {
	"gettext", "dgettext", "dcgettext", "ngettext", "dngettext", "dcngettext", "pgettext", "npgettext",
	"g_dgettext", "g_dngettext", "g_dpgettext", "g_dpgettext2", "libintl_gettext", "libintl_dgettext",
	"libintl_ngettext", "_", "N_", "C_", "tr", NULL,
};

static int const_string_depth(CXCursor e, char **out, unsigned depth);

/* 1 when any argument of a translation call is a constant string. */
static int gettext_call(CXCursor call, unsigned depth)
{
	char *name = cx_spelling(call);
	int yes = name && cvet_checksa__name_in(name, gettext_like);
	unsigned i, n;
	free(name);
	if (!yes)
		return 0;
	n = cx_child_count(call);
	for (i = 1; i < n && i < 8; i++)
		if (const_string_depth(cx_child(call, i), NULL, depth + 1))
			return 1;
	return 0;
}

/* 1 when v names a table/variable whose contents are fixed: const, or a static/global with an initialiser. */
static int fixed_table(CXCursor base, unsigned depth)
{
	CXCursor s = cx_strip_casts(base), d;
	for (; depth < MAX_DEPTH && !cx_is_null(s); depth++) {
		if (s.kind == CXCursor_ArraySubscriptExpr || s.kind == CXCursor_MemberRefExpr) {
			if (cx_child_count(s) == 0)
				return 0;
			s = cx_strip_casts(cx_child(s, 0));
			continue;
		}
		break;
	}
	if (s.kind != CXCursor_DeclRefExpr)
		return 0;
	d = clang_getCursorReferenced(s);
	if (d.kind != CXCursor_VarDecl || cx_is_null(clang_Cursor_getVarDeclInitializer(d)))
		return 0;
	return const_var(d) || clang_Cursor_hasVarDeclGlobalStorage(d) == 1;
}

static int const_string_depth(CXCursor e, char **out, unsigned depth)
{
	CXCursor s;
	if (out)
		*out = NULL;
	if (depth > MAX_DEPTH || cx_is_null(e))
		return 0;
	if (cx_string_literal(e, out))
		return 1;
	s = cx_strip_casts(e);
	switch (s.kind) {
	case CXCursor_ConditionalOperator:
		return cx_child_count(s) == 3 && const_string_depth(cx_child(s, 1), NULL, depth + 1) &&
		       const_string_depth(cx_child(s, 2), NULL, depth + 1);
	case CXCursor_CallExpr:
		return gettext_call(s, depth);
	case CXCursor_DeclRefExpr: {
		CXCursor d = clang_getCursorReferenced(s), init;
		if (d.kind != CXCursor_VarDecl)
			return 0;
		/* const variables, and static-storage pointers initialised with a literal (static const char
		 * *usage = "..."): re-pointing those at runtime data is rare; arrays can be written into */
		if (!const_var(d) && !(clang_Cursor_hasVarDeclGlobalStorage(d) == 1 &&
				       clang_getCanonicalType(clang_getCursorType(d)).kind == CXType_Pointer))
			return 0;
		init = clang_Cursor_getVarDeclInitializer(d);
		return !cx_is_null(init) && const_string_depth(init, out, depth + 1);
	}
	case CXCursor_ArraySubscriptExpr:
	case CXCursor_MemberRefExpr:
		return fixed_table(s, depth + 1);
	default:
		return 0;
	}
}

int cvet_checksa__const_string(CXCursor e, char **out)
{
	return const_string_depth(e, out, 0);
}

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

int cvet_checksa__security_name(const char *ident)
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
			if (cvet_checksa__name_in(word, security_words))
				return 1;
			n = 0;
		}
		if (isalpha(ch) && n < sizeof word - 1)
			word[n++] = (char)tolower(ch);
	}
	return 0;
}

/* ---- printf output estimate ---- */

static long long int_digits(char conv, const char *lenmod)
{
	/* digits of the widest value for each length modifier: hh, h, (none), l/ll/j/z/t/q/L */
	int w = 2; /* index: 0 hh, 1 h, 2 int, 3 long and wider */
	if (strcmp(lenmod, "hh") == 0)
		w = 0;
	else if (strcmp(lenmod, "h") == 0)
		w = 1;
	else if (lenmod[0])
		w = 3;
	switch (conv) {
	case 'd': case 'i': { static const long long v[] = {4, 6, 11, 20}; return v[w]; }
	case 'u': { static const long long v[] = {3, 5, 10, 20}; return v[w]; }
	case 'x': case 'X': { static const long long v[] = {2, 4, 8, 16}; return v[w]; }
	case 'o': { static const long long v[] = {3, 6, 11, 22}; return v[w]; }
	default: return -1;
	}
}

void cvet_checksa__printf_max(const char *fmt, const cvet_event *ev, unsigned first, cvet_checksa_fmt *out)
{
	long long total = 0;
	unsigned arg = first;
	const char *p = fmt;
	memset(out, 0, sizeof *out);
	if (!fmt)
		return;
	out->ok = 1;
	while (*p && total < (1LL << 40)) {
		long long width = 0, prec = -1, len = -1;
		int alt = 0, group = 0;
		char lenmod[3] = {0, 0, 0}, conv;
		size_t nl = 0;
		if (*p != '%') {
			total++;
			p++;
			continue;
		}
		p++;
		if (*p == '%') {
			total++;
			p++;
			continue;
		}
		/* positional arguments (%1$d) are not modelled */
		{
			const char *q = p;
			while (isdigit((unsigned char)*q))
				q++;
			if (*q == '$' && q != p) {
				out->ok = 0;
				return;
			}
		}
		while (*p && strchr("-+ #0'I", *p)) {
			if (*p == '#')
				alt = 1;
			if (*p == '\'' || *p == 'I')
				group = 1;
			p++;
		}
		if (*p == '*') {
			long long v;
			if (!cx_int_const(cvet_checksa__arg(ev, arg), &v))
				out->ok = 0;
			else
				width = v < 0 ? -v : v;
			arg++;
			out->nconv++;
			p++;
		} else {
			while (isdigit((unsigned char)*p) && width < 100000)
				width = width * 10 + (*p++ - '0');
			while (isdigit((unsigned char)*p))
				p++;
		}
		if (*p == '.') {
			p++;
			prec = 0;
			if (*p == '*') {
				long long v;
				if (!cx_int_const(cvet_checksa__arg(ev, arg), &v))
					out->ok = 0;
				else
					prec = v < 0 ? -1 : v;
				arg++;
				out->nconv++;
				p++;
			} else {
				while (isdigit((unsigned char)*p) && prec < 100000)
					prec = prec * 10 + (*p++ - '0');
				while (isdigit((unsigned char)*p))
					p++;
			}
		}
		while (*p && strchr("hlLqjzZt", *p) && nl < 2)
			lenmod[nl++] = *p++;
		conv = *p;
		if (!conv) {
			out->ok = 0;
			break;
		}
		p++;
		out->nconv++;
		switch (conv) {
		case 'd': case 'i': case 'u': case 'x': case 'X': case 'o':
			len = int_digits(conv, lenmod);
			if (prec >= 0 && prec + 1 > len)
				len = prec + 1;
			if (alt)
				len += 2;
			if (group)
				len = -1;
			break;
		case 'c':
			len = lenmod[0] == 'l' ? 6 : 1;
			break;
		case 'C':
			len = 6;
			break;
		case 'p':
			len = 18;
			break;
		case 'e': case 'E': case 'g': case 'G':
			len = (prec < 0 ? 6 : (prec ? prec : 1)) + 10;
			break;
		case 'a': case 'A':
			len = 12 + (prec > 16 ? prec : 16);
			break;
		case 'f': case 'F':
			len = lenmod[0] == 'L' ? -1 : 312 + (prec < 0 ? 6 : prec);
			break;
		case 'n':
			len = 0;
			break;
		case 's': case 'S': {
			long long n;
			out->has_string = 1;
			if (cvet_checksa__literal_len(cvet_checksa__arg(ev, arg), &n))
				len = (prec >= 0 && prec < n) ? prec : n;
			else if (prec >= 0 && !lenmod[0] && conv == 's')
				len = prec;
			break;
		}
		default:
			len = -1;
			break;
		}
		arg++;
		if (len < 0) {
			out->ok = 0;
			continue;
		}
		total += len > width ? len : width;
	}
	if (*p)
		out->ok = 0;
	out->max_len = total;
}

int cvet_checksa__format_text(CXCursor e, char **out)
{
	CXCursor s = cx_strip_casts(e);
	CXType t;
	long long es;
	*out = NULL;
	if (s.kind == CXCursor_StringLiteral) {
		t = clang_getCanonicalType(clang_getCursorType(s));
		es = clang_Type_getSizeOf(clang_getArrayElementType(t));
		if (es > 1) {
			/* wide literal: take the characters between the quotes of each piece */
			char *sp = cx_spelling(s), *o;
			size_t n = 0;
			int in = 0;
			if (!sp)
				return 0;
			o = malloc(strlen(sp) + 1);
			if (!o) {
				free(sp);
				return 0;
			}
			for (const char *p = sp; *p; p++) {
				if (*p == '"') {
					in = !in;
					continue;
				}
				if (!in)
					continue;
				if (*p == '\\' && (p[1] == '"' || p[1] == '\\'))
					p++;
				o[n++] = *p;
			}
			o[n] = '\0';
			free(sp);
			*out = o;
			return 1;
		}
	}
	return cx_string_literal(e, out);
}

const char *cvet_checksa__display_name(const char *name, char *buf, size_t n)
{
	size_t len;
	if (!name || n == 0)
		return "";
	if (strncmp(name, "__builtin___", 12) == 0)
		name += 12;
	else if (strncmp(name, "__builtin_", 10) == 0)
		name += 10;
	else if (strncmp(name, "__isoc99_", 9) == 0 || strncmp(name, "__isoc23_", 9) == 0)
		name += 9;
	else if (strncmp(name, "__", 2) == 0 && strlen(name) > 6 && strcmp(name + strlen(name) - 4, "_chk") == 0)
		name += 2;
	len = strlen(name);
	if (len > 4 && strcmp(name + len - 4, "_chk") == 0)
		len -= 4;
	if (len >= n)
		len = n - 1;
	memcpy(buf, name, len);
	buf[len] = '\0';
	return buf;
}

char *cvet_checksa__short_text(cvet_tu *tu, CXCursor e)
{
	char *t = cx_text(tu, e), *o;
	size_t i, n = 0;
	int space = 0;
	if (!t)
		return NULL;
	o = t;
	for (i = 0; t[i]; i++) {
		unsigned char ch = (unsigned char)t[i];
		if (isspace(ch)) {
			space = 1;
			continue;
		}
		if (space && n)
			o[n++] = ' ';
		space = 0;
		o[n++] = (char)ch;
	}
	o[n] = '\0';
	if (n > 40)
		memcpy(o + 37, "...", 4);
	return o;
}

/* 1 when an expression (implicit casts stripped) has pointer or array type. */
static int ptr_or_array(CXCursor e)
{
	CXType t = clang_getCanonicalType(clang_getCursorType(cx_strip(e)));
	return t.kind == CXType_Pointer || t.kind == CXType_ConstantArray || t.kind == CXType_IncompleteArray ||
	       t.kind == CXType_VariableArray;
}

CXCursor cvet_checksa__root_var(CXCursor e)
{
	CXCursor s = cx_strip_casts(e);
	for (unsigned depth = 0; depth < 64 && !cx_is_null(s); depth++) {
		switch (s.kind) {
		case CXCursor_UnaryOperator:
		case CXCursor_ArraySubscriptExpr:
			s = cx_strip_casts(cx_child(s, 0));
			continue;
		case CXCursor_MemberRefExpr:
			if (cx_child_count(s) == 0 || cx_strip_casts(cx_child(s, 0)).kind == CXCursor_CXXThisExpr)
				return cx_referenced(s);
			s = cx_strip_casts(cx_child(s, 0));
			continue;
		case CXCursor_BinaryOperator: {
			enum CX_BinaryOperatorKind op = cx_binop(s);
			if (op != CX_BO_Add && op != CX_BO_Sub)
				return clang_getNullCursor();
			s = (op == CX_BO_Add && ptr_or_array(cx_child(s, 1)) && !ptr_or_array(cx_child(s, 0)))
				    ? cx_strip_casts(cx_child(s, 1))
				    : cx_strip_casts(cx_child(s, 0));
			continue;
		}
		case CXCursor_DeclRefExpr: {
			CXCursor d = clang_getCursorReferenced(s);
			if (d.kind == CXCursor_VarDecl || d.kind == CXCursor_ParmDecl)
				return d;
			return clang_getNullCursor();
		}
		default:
			return clang_getNullCursor();
		}
	}
	return clang_getNullCursor();
}
