/* unbounded-copy.c - flags strcpy/strcat-style copies that cannot be shown to fit their destination (CWE-120) */
#include <stdlib.h>
#include <string.h>
#include "code/check.h"
#include "code/cx.h"
#include "lib/calls.h"
#include "lib/decls.h"
#include "lib/buffers.h"
#include "lib/literals.h"
#include "lib/text.h"

extern const cvet_check cvet_check_unbounded_copy;

static const char *const copy_names[] = {
	"strcpy", "wcscpy", "stpcpy", "wcpcpy", "lstrcpy", "lstrcpyA", "lstrcpyW", "_tcscpy", "_mbscpy", "StrCpy",
	"StrCpyW", "__builtin_strcpy", "__builtin_stpcpy", NULL,
};
static const char *const cat_names[] = {
	"strcat", "wcscat", "lstrcat", "lstrcatA", "lstrcatW", "_tcscat", "_mbscat", "StrCat", "StrCatW",
	"__builtin_strcat", NULL,
};

#define MAX_SIZED 32
#define MAX_TERMS 6
#define MAX_COUNTS 64

/* p = malloc(strlen(a) + strlen(b) + k): the strings p has room for, which copies used them, and the slack. */
typedef struct sized {
	CXCursor ptr;             /* p */
	CXCursor term[MAX_TERMS]; /* a, b: strings whose lengths the size adds up */
	unsigned nterms;
	unsigned used;            /* bit i: term i already copied in since the last strcpy */
	long long slack;          /* the constant part left (a terminator needs 1) */
} sized;

/* Per function: pointers allocated with room for a sum of string lengths plus k (k >= 1), and lengths
 * len = strlen(x). */
typedef struct unbounded_copy_state {
	sized sz[MAX_SIZED];
	size_t nsized;
	CXCursor len_var[MAX_SIZED];   /* len in len = strlen(x) */
	CXCursor len_src[MAX_SIZED];   /* x */
	size_t nlen;
	CXCursor measured[MAX_SIZED];  /* strings whose length an earlier if-condition tested */
	size_t nmeasured;
	CXCursor plus_var[MAX_SIZED];  /* n in n = strlen(x) + k: a length a condition may test */
	CXCursor plus_src[MAX_SIZED];
	size_t nplus;
	CXCursor count_var[MAX_COUNTS];  /* v in v = ... strlen(x) ... or v += strlen(x) + k: v counts x */
	CXCursor count_src[MAX_COUNTS];
	size_t ncount;
	CXCursor counted[MAX_COUNTS];    /* strings whose length went into some allocation's size */
	CXCursor counted_by[MAX_COUNTS]; /* the variable that received that allocation */
	size_t ncounted;
	CXCursor alloc_var[MAX_COUNTS];  /* variables that received a pointer from a call taking sizes */
	size_t nalloc;
	CXCursor slack_var[MAX_COUNTS];  /* variables whose value adds something to a length (n = strlen(s) + 1) */
	size_t nslack;
} unbounded_copy_state;

static const char *const alloc_names[] = {"malloc", "alloca", "xmalloc", "g_malloc", "realloc", "xrealloc", NULL};


/* The variable or member a destination names: p, s->buf, or the p of *p (`*out = malloc(...)`, then
 * `strcpy(*out, s)`: the block is p's pointee either way); else a null cursor. */
static CXCursor place_decl(CXCursor e)
{
	CXCursor s = cx_strip_casts(e);
	if (s.kind == CXCursor_UnaryOperator && cx_unop(s) == CXUnaryOperator_Deref)
		s = cx_strip_casts(cx_child(s, 0));
	if (s.kind != CXCursor_DeclRefExpr && s.kind != CXCursor_MemberRefExpr)
		return clang_getNullCursor();
	return clang_getCursorReferenced(s);
}

/* The x of strlen(x), when e (after casts) is such a call; else a null cursor. */
static CXCursor strlen_arg(CXCursor e)
{
	CXCursor s = cx_strip_casts(e);
	char *name;
	int yes;
	if (s.kind != CXCursor_CallExpr)
		return clang_getNullCursor();
	name = cx_spelling(s);
	yes = name && (strcmp(name, "strlen") == 0 || strcmp(name, "wcslen") == 0);
	free(name);
	return yes && cx_child_count(s) == 2 ? cx_child(s, 1) : clang_getNullCursor();
}

/* The string a length term stands for: x in strlen(x), or in len with len = strlen(x) earlier; else null. */
static CXCursor length_term(const unbounded_copy_state *st, CXCursor e)
{
	CXCursor x = strlen_arg(e), a;
	if (!cx_is_null(x))
		return x;
	a = cx_strip_casts(e);
	if (a.kind == CXCursor_DeclRefExpr) {
		CXCursor d = clang_getCursorReferenced(a);
		for (size_t i = 0; i < st->nlen; i++)
			if (clang_equalCursors(st->len_var[i], d))
				return st->len_src[i];
	}
	return clang_getNullCursor();
}

/* Split a size expression of the form strlen(a) + len_b + ... + k into its strings and constant (depth-bounded
 * walk of the + tree). 1 when every term is one of those and k >= 1. */
static int covered_terms(const unbounded_copy_state *st, CXCursor size, sized *out)
{
	CXCursor stack[16];
	unsigned sp = 0;
	long long k = 0;
	out->nterms = 0;
	size = cx_strip_casts(size);
	/* (strlen(a) + strlen(b) + 2) * sizeof(XML_Char): the sum counts elements of the copied strings */
	if (size.kind == CXCursor_BinaryOperator && cx_binop(size) == CX_BO_Mul) {
		CXCursor l = cx_strip_casts(cx_child(size, 0)), r = cx_strip_casts(cx_child(size, 1));
		if (r.kind == CXCursor_UnaryExpr)
			size = l;
		else if (l.kind == CXCursor_UnaryExpr)
			size = r;
		else
			return 0;
	}
	stack[sp++] = size;
	while (sp) {
		CXCursor e = stack[--sp], x;
		long long c;
		if (e.kind == CXCursor_BinaryOperator && cx_binop(e) == CX_BO_Add && sp + 2 <= 16) {
			stack[sp++] = cx_strip_casts(cx_child(e, 0));
			stack[sp++] = cx_strip_casts(cx_child(e, 1));
		} else if (cx_int_const(e, &c)) {
			k += c;
		} else if (!cx_is_null(x = length_term(st, e)) && out->nterms < MAX_TERMS) {
			out->term[out->nterms++] = x;
		} else {
			return 0;
		}
	}
	out->slack = k;
	out->used = 0;
	return out->nterms > 0 && k >= 1;
}

/* 1 when name (case-insensitive) looks like a string-length function: strlen, wcslen, strnlen, xmlStrlen. */
static int length_name(const char *name)
{
	char low[64];
	size_t n = 0;
	if (!name)
		return 0;
	for (; name[n] && n + 1 < sizeof low; n++)
		low[n] = (name[n] >= 'A' && name[n] <= 'Z') ? (char)(name[n] - 'A' + 'a') : name[n];
	low[n] = '\0';
	return strstr(low, "strlen") || strstr(low, "wcslen") || strstr(low, "strnlen");
}

/* Visitor over an if-condition: records the strings it measures (strlen(x), or len with len = strlen(x)). */
static int note_measured(CXCursor c, CXCursor parent, void *ud)
{
	unbounded_copy_state *st = ud;
	(void)parent;
	if (st->nmeasured >= MAX_SIZED)
		return 1;
	if (c.kind == CXCursor_CallExpr && cx_child_count(c) >= 2) {
		char *name = cx_spelling(c);
		if (length_name(name))
			st->measured[st->nmeasured++] = cx_strip_casts(cx_child(c, 1));
		free(name);
	} else if (c.kind == CXCursor_DeclRefExpr) {
		CXCursor d = clang_getCursorReferenced(c);
		for (size_t i = 0; i < st->nlen && st->nmeasured < MAX_SIZED; i++)
			if (clang_equalCursors(st->len_var[i], d))
				st->measured[st->nmeasured++] = st->len_src[i];
		for (size_t i = 0; i < st->nplus && st->nmeasured < MAX_SIZED; i++)
			if (clang_equalCursors(st->plus_var[i], d))
				st->measured[st->nmeasured++] = st->plus_src[i];
	}
	return 0;
}

/* Visitor: stops (returns 1) at a comparison of sizes (<, >, <=, >=, ==) or an equality test of an assignment. */
static int is_comparison(CXCursor c, CXCursor parent, void *ud)
{
	enum CX_BinaryOperatorKind op;
	(void)parent;
	(void)ud;
	if (c.kind != CXCursor_BinaryOperator)
		return 0;
	op = cx_binop(c);
	return op == CX_BO_LT || op == CX_BO_GT || op == CX_BO_LE || op == CX_BO_GE || op == CX_BO_EQ;
}

/* 1 when an if-condition earlier in the function measured the length of e: the code then usually keeps
 * the copy within bounds (`if (strlen(s) >= sizeof buf) return; strcpy(buf, s);`). */
static int was_measured(const unbounded_copy_state *st, CXCursor e)
{
	CXCursor s = cx_strip_casts(e);
	if (s.kind != CXCursor_DeclRefExpr && s.kind != CXCursor_MemberRefExpr)
		return 0;
	for (size_t i = 0; i < st->nmeasured; i++)
		if (cx_same_ref(st->measured[i], s))
			return 1;
	return 0;
}

/* The same string: one variable or member, or one element a[i] / a[2] of one (the loop that measured
 * names[i] and the loop that copies names[i] walk the same elements). */
static int same_string(CXCursor a, CXCursor b)
{
	long long ka, kb;
	a = cx_strip_casts(a);
	b = cx_strip_casts(b);
	if (a.kind == CXCursor_ArraySubscriptExpr && b.kind == CXCursor_ArraySubscriptExpr)
		return cx_same_ref(cx_child(a, 0), cx_child(b, 0)) &&
		       (cx_int_const(cx_child(a, 1), &ka) && cx_int_const(cx_child(b, 1), &kb)
			       ? ka == kb
			       : cx_same_ref(cx_child(a, 1), cx_child(b, 1)));
	return (a.kind == CXCursor_DeclRefExpr || a.kind == CXCursor_MemberRefExpr) && cx_same_ref(a, b);
}

/*
 * Which strings' lengths an expression adds up, wherever they sit in it (max(INET6_ADDRSTRLEN, strlen(s)),
 * sizeof(hdr) + n + strlen(s) + 1): strlen(x) calls, and variables that counted strings before. fn(x, out)
 * is called for each; used both to record what a variable counts and what an allocation counted.
 */
typedef struct count_walk {
	unbounded_copy_state *st;
	CXCursor var;   /* recording into count_var/count_src; null: into counted */
	CXCursor owner; /* with a null var: the variable the allocation went to */
} count_walk;

static void count_one(count_walk *w, CXCursor x)
{
	unbounded_copy_state *st = w->st;
	if (cx_is_null(w->var)) {
		for (size_t i = 0; i < st->ncounted; i++)
			if (same_string(st->counted[i], x) && clang_equalCursors(st->counted_by[i], w->owner))
				return;
		if (st->ncounted < MAX_COUNTS) {
			st->counted_by[st->ncounted] = w->owner;
			st->counted[st->ncounted++] = x;
		}
	} else if (st->ncount < MAX_COUNTS) {
		st->count_var[st->ncount] = w->var;
		st->count_src[st->ncount++] = x;
	}
}

static int count_visit(CXCursor c, CXCursor parent, void *ud)
{
	count_walk *w = ud;
	CXCursor x = strlen_arg(c);
	(void)parent;
	if (!cx_is_null(x)) {
		count_one(w, cx_strip_casts(x));
		return 0;
	}
	if (c.kind == CXCursor_DeclRefExpr) {
		CXCursor d = clang_getCursorReferenced(c);
		size_t n = w->st->ncount; /* (a variable that counts itself: len += strlen(x) adds nothing new) */
		for (size_t i = 0; i < n; i++)
			if (clang_equalCursors(w->st->count_var[i], d))
				count_one(w, w->st->count_src[i]);
	}
	return 0;
}

static int has_slack(const unbounded_copy_state *st, CXCursor e);

static void count_lengths(unbounded_copy_state *st, CXCursor var, CXCursor owner, CXCursor e)
{
	count_walk w = {st, var, owner};
	CXCursor s = cx_strip_casts(e);
	if (cx_is_null(s))
		return;
	if (!cx_is_null(var) && st->nslack < MAX_COUNTS && has_slack(st, s))
		st->slack_var[st->nslack++] = var;
	if (count_visit(s, s, &w) == 0)
		cx_each_descendant(s, count_visit, &w);
}

/* Visitor: stops at an addition, or at a variable recorded as holding a length plus something. */
static int slack_visit(CXCursor c, CXCursor parent, void *ud)
{
	const unbounded_copy_state *st = ud;
	(void)parent;
	if (cx_binop(c) == CX_BO_Add || cx_binop(c) == CX_BO_AddAssign)
		return 1;
	if (c.kind == CXCursor_DeclRefExpr) {
		CXCursor d = clang_getCursorReferenced(c);
		for (size_t i = 0; i < st->nslack; i++)
			if (clang_equalCursors(st->slack_var[i], d))
				return 1;
	}
	return 0;
}

/* 1 when size expression e adds something to the lengths it holds (strlen(s) + 1, hdr + n): room for a
 * terminator at least; strlen(s) or wcslen(w) * sizeof(wchar_t) alone has none. */
static int has_slack(const unbounded_copy_state *st, CXCursor e)
{
	CXCursor s = cx_strip_casts(e);
	if (cx_is_null(s))
		return 0;
	return slack_visit(s, s, (void *)st) || cx_each_descendant(s, slack_visit, (void *)st);
}

/* 1 when x's length went into the size of the block dest is: the one allocated into dest itself when dest is
 * a variable that received one here, else any block this function allocated (dest = p + hdr, ca->name). */
static int was_counted(const unbounded_copy_state *st, CXCursor dest, CXCursor x)
{
	CXCursor decl = place_decl(dest), owner = clang_getNullCursor();
	if (!cx_is_null(decl)) {
		for (size_t i = 0; i < st->nalloc; i++)
			if (clang_equalCursors(st->alloc_var[i], decl))
				owner = decl;
	}
	for (size_t i = 0; i < st->ncounted; i++)
		if (same_string(st->counted[i], x) && (cx_is_null(owner) || clang_equalCursors(st->counted_by[i], owner)))
			return 1;
	return 0;
}

/* Track `len = strlen(x)` and `p = malloc(strlen(x) + 1)` in declarations and assignments. */
static void on_cursor(cvet_tu *tu, void *state, const cvet_event *ev)
{
	unbounded_copy_state *st = state;
	CXCursor var = clang_getNullCursor(), value = clang_getNullCursor(), call, x;
	char *name;
	int alloc;
	(void)tu;
	if (ev->kind == CXCursor_IfStmt) {
		CXCursor cond = cx_child(ev->cursor, 0);
		/* only a comparison bounds anything: `if (len)` or `if (!strlen(s))` does not */
		if (!cx_is_null(cond) && (is_comparison(cond, cond, NULL) || cx_each_descendant(cond, is_comparison, NULL)))
			cx_each_descendant(cond, note_measured, st);
		return;
	}
	if (ev->kind == CXCursor_VarDecl) {
		var = ev->cursor;
		value = clang_Cursor_getVarDeclInitializer(ev->cursor);
	} else if (cx_binop(ev->cursor) == CX_BO_Assign || cx_binop(ev->cursor) == CX_BO_AddAssign) {
		var = place_decl(cx_child(ev->cursor, 0));
		value = cx_child(ev->cursor, 1);
		if (cx_binop(ev->cursor) == CX_BO_AddAssign) { /* len += strlen(name) + 2: only counts */
			if (!cx_is_null(var) && !cx_is_null(value))
				count_lengths(st, var, clang_getNullCursor(), value);
			return;
		}
	}
	if (cx_is_null(var) || cx_is_null(value))
		return;
	call = cx_strip_casts(value);
	if (call.kind == CXCursor_CallExpr && cx_child_count(call) >= 2 &&
	    clang_getCanonicalType(clang_getCursorType(call)).kind == CXType_Pointer) {
		/* a call that takes sizes and returns a pointer (malloc, calloc, a project's allocator): the
		 * strings its arguments count with room to spare (strlen(s) + 1; not strlen(s) alone) */
		if (st->nalloc < MAX_COUNTS)
			st->alloc_var[st->nalloc++] = var;
		for (unsigned i = 1; i < cx_child_count(call); i++)
			if (has_slack(st, cx_child(call, i)))
				count_lengths(st, clang_getNullCursor(), var, cx_child(call, i));
	} else {
		count_lengths(st, var, clang_getNullCursor(), value);
	}
	x = strlen_arg(value);
	if (cx_is_null(x)) {
		/* len = strlen(x) + 1 measures x too (as far as a later `if (len <= room)` is concerned) */
		CXCursor v = cx_strip_casts(value);
		long long k;
		if (v.kind == CXCursor_BinaryOperator && cx_binop(v) == CX_BO_Add && cx_int_const(cx_child(v, 1), &k) &&
		    k >= 0 && k <= 16 && !cx_is_null(strlen_arg(cx_child(v, 0))))
			x = strlen_arg(cx_child(v, 0));
		if (!cx_is_null(x) && st->nplus < MAX_SIZED) {
			st->plus_var[st->nplus] = var;
			st->plus_src[st->nplus++] = x;
		}
		x = clang_getNullCursor();
	}
	if (!cx_is_null(x)) {
		if (st->nlen < MAX_SIZED) {
			st->len_var[st->nlen] = var;
			st->len_src[st->nlen++] = x;
		}
		return;
	}
	call = cx_strip_casts(value);
	if (call.kind != CXCursor_CallExpr)
		return;
	name = cx_spelling(call);
	alloc = name && cvet_calls__name_in(name, alloc_names);
	free(name);
	if (!alloc || cx_child_count(call) < 2)
		return;
	if (st->nsized < MAX_SIZED && covered_terms(st, cx_child(call, cx_child_count(call) - 1), &st->sz[st->nsized])) {
		st->sz[st->nsized].ptr = var;
		st->nsized++;
	}
}

/* The longest string a local pointer holds when it was initialised with literals and nothing in function fn
 * writes it again (`const char *sep = "/"; ... strcat(p, sep)`). */
static int fixed_literal_var(CXCursor fn, CXCursor src, long long *len)
{
	CXCursor s = cx_strip_casts(src), d, init;
	if (s.kind != CXCursor_DeclRefExpr || cx_is_null(fn))
		return 0;
	d = clang_getCursorReferenced(s);
	if (d.kind != CXCursor_VarDecl || clang_Cursor_hasVarDeclGlobalStorage(d) != 0)
		return 0;
	init = clang_Cursor_getVarDeclInitializer(d);
	if (cx_is_null(init) || !cvet_literals__const_string(init, NULL) || !cvet_literals__len(init, len))
		return 0;
	return !cvet_decls__written_in(fn, d);
}

/* The room dest was allocated with in this function (as a sum of string lengths), or NULL. */
static sized *sized_for(unbounded_copy_state *st, CXCursor dest)
{
	CXCursor decl = place_decl(dest);
	if (cx_is_null(decl))
		return NULL;
	for (size_t i = st->nsized; i-- > 0;)
		if (clang_equalCursors(st->sz[i].ptr, decl))
			return &st->sz[i];
	return NULL;
}

/*
 * Account a copy into a buffer sized for a sum of string lengths: strcpy(p, a) starts over with a, each
 * strcat(p, b) takes one more string the size counted (or a literal from the constant part). 1 when it
 * fits the room; 0 when it does not (p = malloc(strlen(a) + strlen(b) + 1); strcpy; strcat b; strcat c).
 */
static int fits_budget(sized *z, CXCursor src, int is_cat, int literal, long long len)
{
	if (!is_cat)
		z->used = 0;
	for (unsigned i = 0; i < z->nterms; i++) /* a string the size counted (also one that holds a literal) */
		if (!(z->used & (1u << i)) && cx_same_ref(z->term[i], src)) {
			z->used |= 1u << i;
			return 1;
		}
	if (literal) {
		if (len > z->slack - 1)
			return 0;
		z->slack -= len;
		return 1;
	}
	return 0;
}

static void on_function_begin(cvet_tu *tu, void *state, const cvet_event *ev)
{
	unbounded_copy_state *st = state;
	(void)tu;
	(void)ev;
	st->nsized = st->nlen = st->nmeasured = st->nplus = st->ncount = st->ncounted = st->nslack = st->nalloc = 0;
}

static void on_call(cvet_tu *tu, void *state, const cvet_event *ev)
{
	unbounded_copy_state *st = state;
	const char *name = ev->call->name;
	int is_cat = cvet_calls__name_in(name, cat_names);
	long long room = 0, elem = 1, len = 0;
	int room_known, len_known, literal;
	char *dest;
	if ((!is_cat && !cvet_calls__name_in(name, copy_names)) || ev->call->nargs < 2 || !cvet_calls__is_libc(ev))
		return;
	room_known = cvet_buffers__dest_room(ev->call->args[0], &room, &elem);
	len_known = cvet_literals__len(ev->call->args[1], &len);
	literal = cvet_literals__const_string(ev->call->args[1], NULL) && len_known;
	if (!literal && fixed_literal_var(ev->function, ev->call->args[1], &len))
		literal = len_known = 1;
	if (is_cat) {
		if (literal && len == 0)
			return;
	} else if (len_known && room_known) {
		if (len + 1 <= room / elem)
			return;
	} else if (literal && !room_known) {
		return; /* a fixed string into a buffer of unknown size: nothing to measure against */
	}
	if (!room_known) {
		sized *z = sized_for(st, ev->call->args[0]);
		if (z) { /* p = malloc(strlen(a) + strlen(b) + 1); strcpy(p, a); strcat(p, b); */
			if (fits_budget(z, ev->call->args[1], is_cat, literal, len))
				return;
			dest = cvet_text__short(tu, ev->call->args[0]);
			cvet_tu_report(tu, &cvet_check_unbounded_copy, ev->call->expr,
				       "'%s' copies into '%s' a string its allocation size does not count; add its length to the "
				       "allocation or use 'snprintf'", name, dest ? dest : "the destination");
			free(dest);
			return;
		}
	}
	if (!(len_known && room_known) &&
	    (was_measured(st, ev->call->args[1]) || was_measured(st, ev->call->args[0])))
		return; /* if (strlen(s) >= sizeof buf) return; strcpy(buf, s); */
	if (!room_known && was_counted(st, ev->call->args[0], ev->call->args[1]))
		return; /* n = strlen(s); p = malloc(hdr + n + 1); ...; strcpy(p + hdr, s): s's length was allocated */
	dest = cvet_text__short(tu, ev->call->args[0]);
	if (!is_cat && len_known && room_known)
		cvet_tu_report(tu, &cvet_check_unbounded_copy, ev->call->expr,
			       "'%s' copies up to %lld characters plus a terminator into '%s', which holds %lld; "
			       "use %s", name, len, dest ? dest : "buffer", room / elem,
			       elem > 1 ? "'swprintf' with the buffer size" : "'snprintf' or a bounded copy such as 'strlcpy'");
	else
		cvet_tu_report(tu, &cvet_check_unbounded_copy, ev->call->expr,
			       "'%s' does not check the size of '%s'; use %s", name, dest ? dest : "the destination",
			       name[0] == 'w' ? "'swprintf' with the buffer size"
			       : is_cat     ? "'snprintf' or a bounded append such as 'strlcat'"
					    : "'snprintf' or a bounded copy such as 'strlcpy'");
	free(dest);
}

static const enum CXCursorKind unbounded_copy_kinds[] = {CXCursor_VarDecl, CXCursor_BinaryOperator,
							     CXCursor_CompoundAssignOperator, CXCursor_IfStmt, 0};

const cvet_check cvet_check_unbounded_copy = {
	.rule = {.id = "unbounded-copy",
		 .title = "String copy without a bound on the destination",
		 .severity = CVET_SEV_HIGH,
		 .cwe = {120},
		 .precision = CVET_PRECISION_HIGH},
	.kinds = unbounded_copy_kinds,
	.state_size = sizeof(unbounded_copy_state),
	.on_function_begin = on_function_begin,
	.on_call = on_call,
	.on_cursor = on_cursor,
};
