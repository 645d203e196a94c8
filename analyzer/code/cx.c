/* cx.c - small helpers over libclang's C API: strings, cast stripping, constants, source text, macro names */
#include <stdlib.h>
#include <string.h>
#include <clang-c/Index.h>
#include "code/cx.h"
#include "cvet/common.h"

char *cx_str(CXString s)
{
	const char *p = clang_getCString(s);
	size_t n = p ? strlen(p) : 0;
	char *out = malloc(n + 1);
	if (out) {
		if (n)
			memcpy(out, p, n);
		out[n] = '\0';
	}
	clang_disposeString(s);
	return out;
}

char *cx_spelling(CXCursor c)
{
	return cx_str(clang_getCursorSpelling(c));
}

int cx_is_null(CXCursor c)
{
	/* the null cursor has kind CXCursor_InvalidFile: a kind test is enough, and is called very often */
	return c.kind >= CXCursor_FirstInvalid && c.kind <= CXCursor_LastInvalid;
}

/* ---- children ---- */

struct child_ctx {
	unsigned want;  /* index wanted, or UINT_MAX-like sentinel to count */
	unsigned seen;
	CXCursor found;
};

static enum CXChildVisitResult child_visit(CXCursor c, CXCursor parent, CXClientData data)
{
	struct child_ctx *ctx = data;
	(void)parent;
	if (ctx->seen == ctx->want) {
		ctx->found = c;
		ctx->seen++;
		return CXChildVisit_Break;
	}
	ctx->seen++;
	return CXChildVisit_Continue;
}

/*
 * Children cache: checks ask cx_child(c, 0), cx_child(c, 1), ... of the same cursor, and each libclang visit
 * costs a visitor set-up, which made loops over an initializer list quadratic. The children of the last
 * parent asked about are kept per thread, but only for cursors of the translation unit the walker declared
 * live (cx_cache_begin .. cx_cache_end), so no cached cursor outlives its AST. Hits need the identical
 * cursor (every field), so they return exactly what a new visit would.
 */
#define KC_ENTRIES 8u          /* parents kept: recursive walks over children interleave a few */
#define KID_MAX (1u << 16)     /* children kept per parent at most; beyond, cx_child visits as before */
typedef struct kc_entry {
	CXCursor parent;
	CXCursor *kids;        /* the first n children (malloc'd, cap entries) */
	unsigned n, cap;
	int complete;          /* n is all of them */
	int valid;
	unsigned long stamp;   /* last use, for replacement */
} kc_entry;
static _Thread_local CXTranslationUnit kc_tu; /* live TU, or NULL: cache off */
static _Thread_local kc_entry kc[KC_ENTRIES];
static _Thread_local unsigned long kc_clock;

static void kc_reset(void)
{
	for (unsigned i = 0; i < KC_ENTRIES; i++) {
		free(kc[i].kids);
		memset(&kc[i], 0, sizeof(kc[i]));
	}
	kc_clock = 0;
}

void cx_cache_begin(CXTranslationUnit tu)
{
	kc_reset();
	kc_tu = tu;
}

void cx_cache_end(void)
{
	kc_reset();
	kc_tu = NULL;
}

static int same_bits(CXCursor a, CXCursor b)
{
	return a.kind == b.kind && a.xdata == b.xdata && a.data[0] == b.data[0] && a.data[1] == b.data[1] &&
	       a.data[2] == b.data[2];
}

struct fill_ctx {
	kc_entry *e;
	unsigned want, total;
	int short_of_memory;
};

static enum CXChildVisitResult fill_visit(CXCursor c, CXCursor parent, CXClientData data)
{
	struct fill_ctx *ctx = data;
	kc_entry *e = ctx->e;
	(void)parent;
	if (e->n < ctx->want && !ctx->short_of_memory) {
		if (e->n == e->cap) {
			unsigned ncap = e->cap ? e->cap * 2 : 8;
			CXCursor *k;
			if (ncap > KID_MAX)
				ncap = KID_MAX;
			k = realloc(e->kids, (size_t)ncap * sizeof(*k));
			if (!k) {
				ctx->short_of_memory = 1;
			} else {
				e->kids = k;
				e->cap = ncap;
			}
		}
		if (!ctx->short_of_memory)
			e->kids[e->n++] = c;
	}
	ctx->total++;
	/* want == KID_MAX also counts them all */
	return e->n >= ctx->want && ctx->want < KID_MAX ? CXChildVisit_Break : CXChildVisit_Continue;
}

/* 1 when c's children may be served from (and stored in) the cache. */
static int cacheable(CXCursor c)
{
	return kc_tu && c.data[2] == (const void *)kc_tu;
}

static kc_entry *kc_find(CXCursor c)
{
	for (unsigned i = 0; i < KC_ENTRIES; i++)
		if (kc[i].valid && same_bits(c, kc[i].parent)) {
			kc[i].stamp = ++kc_clock;
			return &kc[i];
		}
	return NULL;
}

static kc_entry *kc_victim(void)
{
	kc_entry *v = &kc[0];
	for (unsigned i = 0; i < KC_ENTRIES; i++) {
		if (!kc[i].valid)
			return &kc[i];
		if (kc[i].stamp < v->stamp)
			v = &kc[i];
	}
	return v;
}

/* Refill entry e with the first `want` (<= KID_MAX) children of c; want == KID_MAX also counts all.
 * Returns the number of children visited. */
static unsigned cache_fill(kc_entry *e, CXCursor c, unsigned want)
{
	struct fill_ctx ctx = {e, want, 0, 0};
	e->valid = 0;
	e->n = 0;
	clang_visitChildren(c, fill_visit, &ctx);
	e->parent = c;
	e->complete = !ctx.short_of_memory && ctx.total == e->n && (e->n < want || want == KID_MAX);
	e->valid = 1;
	e->stamp = ++kc_clock;
	return ctx.total;
}

unsigned cx_child_count(CXCursor c)
{
	struct child_ctx ctx = {(unsigned)-1, 0, clang_getNullCursor()};
	if (cx_is_null(c))
		return 0;
	if (cacheable(c)) {
		kc_entry *e = kc_find(c);
		if (e && e->complete)
			return e->n;
		return cache_fill(e ? e : kc_victim(), c, KID_MAX);
	}
	clang_visitChildren(c, child_visit, &ctx);
	return ctx.seen;
}

CXCursor cx_child(CXCursor c, unsigned i)
{
	struct child_ctx ctx = {i, 0, clang_getNullCursor()};
	if (cx_is_null(c))
		return ctx.found;
	if (cacheable(c) && i < KID_MAX) {
		kc_entry *e = kc_find(c);
		unsigned want = 1;
		if (e) {
			if (i < e->n)
				return e->kids[i];
			if (e->complete)
				return ctx.found;
			want = e->n * 2;
		} else {
			e = kc_victim();
		}
		if (want < i + 1)
			want = i + 1;
		if (want > KID_MAX)
			want = KID_MAX;
		cache_fill(e, c, want);
		if (i < e->n)
			return e->kids[i];
		if (e->complete)
			return ctx.found;
		/* short of memory: visit as before */
	}
	clang_visitChildren(c, child_visit, &ctx);
	return ctx.found;
}

/* First and last direct child and a count capped at `cap`, in one libclang visit. */
struct ends_ctx {
	unsigned n, cap;
	CXCursor first, last;
};

static enum CXChildVisitResult ends_visit(CXCursor c, CXCursor parent, CXClientData data)
{
	struct ends_ctx *ctx = data;
	(void)parent;
	if (ctx->n == 0)
		ctx->first = c;
	ctx->last = c;
	return ++ctx->n >= ctx->cap ? CXChildVisit_Break : CXChildVisit_Continue;
}

/* Last direct child (a cast's operand follows an optional TypeRef), or a null cursor. */
static CXCursor last_child(CXCursor c)
{
	struct ends_ctx ctx = {0, (unsigned)-1, clang_getNullCursor(), clang_getNullCursor()};
	clang_visitChildren(c, ends_visit, &ctx);
	return ctx.last;
}

/* ---- stripping ---- */

CXCursor cx_strip(CXCursor e)
{
	/* bounded: hostile input can nest parentheses deeply, each step goes one level down */
	for (unsigned guard = 0; guard < 10000 && !cx_is_null(e); guard++) {
		if (e.kind == CXCursor_ParenExpr || e.kind == CXCursor_UnexposedExpr) {
			struct ends_ctx ctx = {0, 2, clang_getNullCursor(), clang_getNullCursor()};
			clang_visitChildren(e, ends_visit, &ctx);
			if (ctx.n != 1)
				break;
			e = ctx.first;
			continue;
		}
		break;
	}
	return e;
}

static int is_cast_kind(enum CXCursorKind k)
{
	switch (k) {
	case CXCursor_CStyleCastExpr:
	case CXCursor_CXXStaticCastExpr:
	case CXCursor_CXXDynamicCastExpr:
	case CXCursor_CXXReinterpretCastExpr:
	case CXCursor_CXXConstCastExpr:
	case CXCursor_CXXFunctionalCastExpr:
	case CXCursor_CXXAddrspaceCastExpr:
		return 1;
	default:
		return 0;
	}
}

CXCursor cx_strip_casts(CXCursor e)
{
	for (unsigned guard = 0; guard < 10000 && !cx_is_null(e); guard++) {
		CXCursor next = cx_strip(e);
		if (is_cast_kind(next.kind)) {
			CXCursor op = last_child(next);
			if (cx_is_null(op) || op.kind == CXCursor_TypeRef)
				return next;
			next = op;
		}
		if (clang_equalCursors(next, e))
			break;
		e = next;
	}
	return e;
}

/* ---- constants ---- */

/* Evaluate c as a string literal; 1 and *out (malloc'd, may be NULL when out is NULL) on success. */
static int eval_string(CXCursor c, char **out)
{
	CXEvalResult r;
	int ok = 0;
	if (cx_is_null(c) || !clang_isExpression(c.kind))
		return 0;
	r = clang_Cursor_Evaluate(c);
	if (!r)
		return 0;
	if (clang_EvalResult_getKind(r) == CXEval_StrLiteral) {
		const char *s = clang_EvalResult_getAsStr(r);
		ok = 1;
		if (out) {
			*out = strdup(s ? s : "");
			if (!*out)
				ok = 0;
		}
	}
	clang_EvalResult_dispose(r);
	return ok;
}

/* Decode one quoted C string-literal token body (between quotes) into buf; returns bytes written. */
static size_t decode_piece(const char *p, const char *end, char *buf)
{
	size_t n = 0;
	while (p < end) {
		char ch = *p++;
		if (ch != '\\' || p >= end) {
			buf[n++] = ch;
			continue;
		}
		ch = *p++;
		switch (ch) {
		case 'n': buf[n++] = '\n'; break;
		case 't': buf[n++] = '\t'; break;
		case 'r': buf[n++] = '\r'; break;
		case 'a': buf[n++] = '\a'; break;
		case 'b': buf[n++] = '\b'; break;
		case 'f': buf[n++] = '\f'; break;
		case 'v': buf[n++] = '\v'; break;
		case 'x': {
			unsigned v = 0;
			while (p < end && strchr("0123456789abcdefABCDEF", *p) && *p) {
				char d = *p++;
				v = v * 16 + (unsigned)(d <= '9' ? d - '0' : (d | 0x20) - 'a' + 10);
			}
			buf[n++] = (char)(v & 0xff);
			break;
		}
		default:
			if (ch >= '0' && ch <= '7') {
				unsigned v = (unsigned)(ch - '0'), k = 1;
				while (k < 3 && p < end && *p >= '0' && *p <= '7') {
					v = v * 8 + (unsigned)(*p++ - '0');
					k++;
				}
				buf[n++] = (char)(v & 0xff);
			} else {
				buf[n++] = ch; /* \\ \" \' \? and anything unknown */
			}
		}
	}
	return n;
}

/* Fallback: decode a StringLiteral cursor's spelling ("..." pieces with optional prefixes). */
static int decode_literal_spelling(CXCursor lit, char **out)
{
	char *sp = cx_spelling(lit), *buf;
	size_t n = 0, len;
	const char *p;
	if (!sp)
		return 0;
	len = strlen(sp);
	buf = malloc(len + 1);
	if (!buf) {
		free(sp);
		return 0;
	}
	p = sp;
	while (*p) {
		const char *q = strchr(p, '"'), *e;
		if (!q)
			break;
		if (q > sp && q[-1] == 'R') { /* raw string: not decoded here */
			free(sp);
			free(buf);
			return 0;
		}
		e = q + 1;
		while (*e && *e != '"') {
			if (*e == '\\' && e[1])
				e++;
			e++;
		}
		n += decode_piece(q + 1, e, buf + n);
		p = *e ? e + 1 : e;
	}
	buf[n] = '\0';
	free(sp);
	if (out)
		*out = buf;
	else
		free(buf);
	return 1;
}

int cx_string_literal(CXCursor e, char **out)
{
	CXCursor s = cx_strip_casts(e);
	if (out)
		*out = NULL;
	if (cx_is_null(s))
		return 0;
	if (eval_string(e, out) || eval_string(s, out))
		return 1;
	if (s.kind == CXCursor_StringLiteral)
		return decode_literal_spelling(s, out);
	return 0;
}

/* Evaluate c as an integer; 1 and *out on success. */
static int eval_int(CXCursor c, long long *out)
{
	CXEvalResult r;
	int ok = 0;
	if (cx_is_null(c) || !clang_isExpression(c.kind))
		return 0;
	r = clang_Cursor_Evaluate(c);
	if (!r)
		return 0;
	if (clang_EvalResult_getKind(r) == CXEval_Int) {
		long long v;
		if (clang_EvalResult_isUnsignedInt(r))
			v = (long long)clang_EvalResult_getAsUnsigned(r);
		else
			v = clang_EvalResult_getAsLongLong(r);
		if (out)
			*out = v;
		ok = 1;
	}
	clang_EvalResult_dispose(r);
	return ok;
}

int cx_int_const(CXCursor e, long long *out)
{
	if (cx_is_null(e))
		return 0;
	return eval_int(e, out) || eval_int(cx_strip(e), out) || eval_int(cx_strip_casts(e), out);
}

/* ---- references ---- */

CXCursor cx_referenced(CXCursor e)
{
	CXCursor s = cx_strip_casts(e), d;
	if (s.kind != CXCursor_DeclRefExpr && s.kind != CXCursor_MemberRefExpr)
		return clang_getNullCursor();
	d = clang_getCursorReferenced(s);
	if (d.kind == CXCursor_VarDecl || d.kind == CXCursor_ParmDecl || d.kind == CXCursor_FieldDecl)
		return d;
	return clang_getNullCursor();
}

static int same_ref_depth(CXCursor a, CXCursor b, unsigned depth)
{
	CXCursor sa = cx_strip_casts(a), sb = cx_strip_casts(b), da, db;
	if (depth > 64)
		return 0;
	da = cx_referenced(sa);
	db = cx_referenced(sb);
	if (cx_is_null(da) || cx_is_null(db) || !clang_equalCursors(da, db))
		return 0;
	if (sa.kind == CXCursor_MemberRefExpr || sb.kind == CXCursor_MemberRefExpr) {
		/* same field: the objects must be the same too (a.x vs b.x) */
		unsigned na = cx_child_count(sa), nb = cx_child_count(sb);
		CXCursor ba, bb;
		if (sa.kind != sb.kind || na != nb)
			return 0;
		if (na == 0)
			return 1; /* both implicit this->field */
		ba = cx_strip_casts(cx_child(sa, 0));
		bb = cx_strip_casts(cx_child(sb, 0));
		if (ba.kind == CXCursor_CXXThisExpr && bb.kind == CXCursor_CXXThisExpr)
			return 1;
		return same_ref_depth(ba, bb, depth + 1);
	}
	return 1;
}

int cx_same_ref(CXCursor a, CXCursor b)
{
	return same_ref_depth(a, b, 0);
}

/* ---- types ---- */

int cx_array_size(CXType t, long long *n)
{
	CXType c = clang_getCanonicalType(t);
	long long sz;
	if (c.kind != CXType_ConstantArray)
		return 0;
	sz = clang_getArraySize(c);
	if (sz < 0)
		return 0;
	if (n)
		*n = sz;
	return 1;
}

int cx_is_pointer_expr(CXCursor e)
{
	CXCursor s = cx_strip(e);
	CXType t;
	if (cx_is_null(s))
		return 0;
	t = clang_getCanonicalType(clang_getCursorType(s));
	return t.kind == CXType_Pointer;
}

enum CX_BinaryOperatorKind cx_binop(CXCursor c)
{
	if (c.kind != CXCursor_BinaryOperator && c.kind != CXCursor_CompoundAssignOperator)
		return CX_BO_Invalid;
	return clang_Cursor_getBinaryOpcode(c); /* CX_BO_* numbering, as cx.h promises */
}

enum CXUnaryOperatorKind cx_unop(CXCursor c)
{
	if (c.kind != CXCursor_UnaryOperator)
		return CXUnaryOperator_Invalid;
	return clang_getCursorUnaryOperatorKind(c);
}

/*
 * Presumed location (#line directives applied) of the file location of c's extent start. Returns 0 and sets
 * *path (malloc'd, caller frees), *line, *column; CVET_ENOTFOUND (with *path NULL) when c has no file
 * location, CVET_ENOMEM on OOM.
 */
int cx_location(CXCursor c, char **path, unsigned *line, unsigned *column)
{
	CXTranslationUnit ctu = clang_Cursor_getTranslationUnit(c);
	CXSourceLocation loc, fl;
	CXFile f = NULL;
	unsigned off = 0;
	CXString fname;
	unsigned l = 0, col = 0;
	if (path)
		*path = NULL;
	if (cx_is_null(c) || !ctu)
		return CVET_ENOTFOUND;
	loc = clang_getRangeStart(clang_getCursorExtent(c));
	clang_getFileLocation(loc, &f, NULL, NULL, &off);
	if (!f)
		return CVET_ENOTFOUND;
	fl = clang_getLocationForOffset(ctu, f, off);
	clang_getPresumedLocation(fl, &fname, &l, &col);
	if (path) {
		*path = cx_str(fname);
		if (!*path)
			return CVET_ENOMEM;
	} else {
		clang_disposeString(fname);
	}
	if (line)
		*line = l;
	if (column)
		*column = col;
	return 0;
}

/* ---- sub-tree search ---- */

struct find_ctx {
	enum CXCursorKind kind;
	CXCursor found;
};

static enum CXChildVisitResult find_visit(CXCursor c, CXCursor parent, CXClientData data)
{
	struct find_ctx *ctx = data;
	(void)parent;
	if (c.kind == ctx->kind) {
		ctx->found = c;
		return CXChildVisit_Break;
	}
	return CXChildVisit_Recurse;
}

CXCursor cx_find_kind(CXCursor root, enum CXCursorKind kind)
{
	struct find_ctx ctx = {kind, clang_getNullCursor()};
	if (!cx_is_null(root))
		clang_visitChildren(root, find_visit, &ctx);
	return ctx.found;
}

struct each_ctx {
	int (*fn)(CXCursor c, CXCursor parent, void *ud);
	void *ud;
	int rc;
};

static enum CXChildVisitResult each_visit(CXCursor c, CXCursor parent, CXClientData data)
{
	struct each_ctx *ctx = data;
	ctx->rc = ctx->fn(c, parent, ctx->ud);
	return ctx->rc ? CXChildVisit_Break : CXChildVisit_Recurse;
}

int cx_each_descendant(CXCursor root, int (*fn)(CXCursor c, CXCursor parent, void *ud), void *ud)
{
	struct each_ctx ctx = {fn, ud, 0};
	if (cx_is_null(root) || !fn)
		return 0;
	clang_visitChildren(root, each_visit, &ctx);
	return ctx.rc;
}

/* ---- several children at once ---- */

struct kids_ctx {
	CXCursor *out;
	unsigned n, max;
};

static enum CXChildVisitResult kids_visit(CXCursor c, CXCursor parent, CXClientData data)
{
	struct kids_ctx *ctx = data;
	(void)parent;
	if (ctx->n >= ctx->max)
		return CXChildVisit_Break;
	ctx->out[ctx->n++] = c;
	return ctx->n >= ctx->max ? CXChildVisit_Break : CXChildVisit_Continue;
}

unsigned cx_children(CXCursor c, CXCursor *out, unsigned max)
{
	struct kids_ctx ctx = {out, 0, max};
	if (cx_is_null(c) || !out || !max)
		return 0;
	clang_visitChildren(c, kids_visit, &ctx);
	return ctx.n;
}
