/* unchecked-alloc.c - flags allocation results dereferenced before any NULL check in the same function (CWE-690) */
#include <stdlib.h>
#include <string.h>
#include "code/check.h"
#include "code/cx.h"
#include "lib/calls.h"
#include "lib/text.h"
#include "lib/ast_flat.h"
#include "lib/parse_errors.h"
#include "lib/decls.h"

extern const cvet_check cvet_check_unchecked_alloc;

#define MAX_TRACKED 32u /* pointers followed at once in one function */

static const char *const allocators[] = {"malloc", "calloc", "realloc", "reallocarray", "strdup", "strndup",
					 "wcsdup", "aligned_alloc", "memalign", "valloc", NULL};

/* libc functions that dereference pointer arguments unconditionally: mask bit k = argument k. */
static const struct deref_fn {
	const char *name;
	unsigned mask;
} deref_fns[] = {
	{"memcpy", 3},  {"memmove", 3}, {"memset", 1},   {"memcmp", 3},    {"memchr", 1},   {"strcpy", 3},
	{"strncpy", 3}, {"strcat", 3},  {"strncat", 3},  {"strcmp", 3},    {"strncmp", 3},  {"strlen", 1},
	{"strchr", 1},  {"strrchr", 1}, {"strstr", 3},   {"sprintf", 1},   {"snprintf", 1}, {"vsprintf", 1},
	{"vsnprintf", 1}, {"fgets", 1}, {"fread", 1},    {"fwrite", 1},    {"read", 2},     {"wcscpy", 3},
	{"wcslen", 1},  {"bzero", 1},   {"explicit_bzero", 1}, {"stpcpy", 3}, {"strcspn", 1}, {"strspn", 1},
};

typedef struct tracked {
	CXCursor key;       /* VarDecl/ParmDecl, or the MemberRefExpr assigned (s->buf) */
	int by_decl;        /* key is a declaration (match DeclRefExprs to it) */
	int alloc_node;     /* node of the allocating call */
	const char *alloc;  /* allocator name (static table entry) */
} tracked;

typedef struct ua_state {
	cvet_flat flat;
	cvet_parse_errors errors; /* where the parse failed */
	tracked t[MAX_TRACKED];
	unsigned nt;
} ua_state;

/* Mask of dereferenced arguments when c is a call of a libc function in deref_fns, else 0. */
static unsigned deref_mask(CXCursor c)
{
	char *name;
	unsigned mask = 0;
	if (c.kind != CXCursor_CallExpr)
		return 0;
	name = cvet_calls__callee_name(c);
	if (!name)
		return 0;
	for (size_t i = 0; i < sizeof(deref_fns) / sizeof(deref_fns[0]); i++)
		if (strcmp(deref_fns[i].name, name) == 0) {
			mask = deref_fns[i].mask;
			break;
		}
	free(name);
	if (mask && !cvet_calls__is_libc_decl(clang_getCursorReferenced(c)))
		mask = 0;
	return mask;
}

/* 1 when node i sits inside sizeof/alignof (not evaluated). */
static int in_unevaluated(const cvet_flat *f, int i)
{
	for (int p = f->v[i].parent, d = 0; p >= 0 && d < 256; p = f->v[p].parent, d++) {
		enum CXCursorKind k = f->v[p].c.kind;
		if (k == CXCursor_UnaryExpr)
			return 1;
		if (!clang_isExpression(k))
			return 0;
	}
	return 0;
}

/* 1 when the value at node i (a pointer or an allocation) is dereferenced by its context; *at receives the
 * dereferencing node. `&p->f` and `&p[i]` only compute addresses and do not count. */
static int is_deref(const cvet_flat *f, int i, int *at)
{
	int child, p = cvet_flat__up(f, i, &child), pp;
	CXCursor pc;
	unsigned mask;
	if (p < 0)
		return 0;
	pc = f->v[p].c;
	*at = p;
	switch (pc.kind) {
	case CXCursor_UnaryOperator:
		if (cx_unop(pc) != CXUnaryOperator_Deref)
			return 0;
		break;
	case CXCursor_ArraySubscriptExpr:
		if (f->v[child].ord != 0)
			return 0;
		break;
	case CXCursor_MemberRefExpr:
		/* the base of p->f: a pointer; the base of s.f is the object itself */
		if (!cvet_decls__is_pointer_type(clang_getCursorType(f->v[child].c)))
			return 0;
		break;
	case CXCursor_CallExpr:
		mask = deref_mask(pc);
		/* child 0 of a CallExpr is the callee; arguments follow */
		return f->v[child].ord >= 1 && f->v[child].ord <= 16 && (mask >> (f->v[child].ord - 1)) & 1u;
	default:
		return 0;
	}
	pp = cvet_flat__up(f, p, NULL);
	if (pp >= 0 && f->v[pp].c.kind == CXCursor_UnaryOperator && cx_unop(f->v[pp].c) == CXUnaryOperator_AddrOf)
		return 0;
	return 1;
}

/* 1 when node i is inside the condition of an if/while/for/do/switch/?:, or an operand of !, ==, !=, &&, ||. */
static int in_condition(const cvet_flat *f, int i)
{
	int child = i;
	for (int p = f->v[i].parent, d = 0; p >= 0 && d < 256; child = p, p = f->v[p].parent, d++) {
		CXCursor c = f->v[p].c;
		unsigned ord = f->v[child].ord, nk = f->v[p].nkids;
		enum CX_BinaryOperatorKind op;
		switch (c.kind) {
		case CXCursor_UnaryOperator:
			if (cx_unop(c) == CXUnaryOperator_LNot)
				return 1;
			break;
		case CXCursor_BinaryOperator:
			op = cx_binop(c);
			if (op == CX_BO_EQ || op == CX_BO_NE || op == CX_BO_LAnd || op == CX_BO_LOr)
				return 1;
			break;
		case CXCursor_ConditionalOperator:
			if (ord == 0)
				return 1;
			break;
		case CXCursor_IfStmt:
		case CXCursor_WhileStmt:
		case CXCursor_SwitchStmt:
			return ord == 0;
		case CXCursor_DoStmt:
			return ord + 1 == nk;
		case CXCursor_ForStmt:
			return ord + 1 < nk;
		default:
			if (!clang_isExpression(c.kind))
				return 0;
		}
	}
	return 0;
}

/* 1 when the assignment/declaration at node i is a statement of its own (not part of a condition or a larger
 * expression), so that the value is not tested where it is stored. */
static int statement_level(const cvet_flat *f, int i)
{
	int child, p = cvet_flat__up(f, i, &child);
	unsigned ord, nk;
	if (p < 0)
		return 0;
	ord = f->v[child].ord;
	nk = f->v[p].nkids;
	switch (f->v[p].c.kind) {
	case CXCursor_CompoundStmt:
	case CXCursor_DeclStmt:
	case CXCursor_CaseStmt:
	case CXCursor_DefaultStmt:
	case CXCursor_LabelStmt:
		return 1;
	case CXCursor_IfStmt:
		return ord > 0;
	case CXCursor_WhileStmt:
		return ord > 0;
	case CXCursor_ForStmt:
		return ord + 1 == nk;
	case CXCursor_DoStmt:
		return ord == 0;
	default:
		return 0;
	}
}

/* For a pointer passed to the call at node `call`: 1 when the callee may check or keep it (a function the
 * project defines, or one called through a pointer), 0 for functions declared in system headers. */
static int escapes_into_call(const cvet_flat *f, int call)
{
	CXCursor callee = clang_getCursorReferenced(f->v[call].c);
	if (cx_is_null(callee))
		return 1;
	return !clang_Location_isInSystemHeader(clang_getCursorLocation(callee));
}

static int find_tracked(ua_state *st, CXCursor node)
{
	for (unsigned k = 0; k < st->nt; k++) {
		const tracked *t = &st->t[k];
		if (t->by_decl) {
			if (node.kind == CXCursor_DeclRefExpr && clang_equalCursors(clang_getCursorReferenced(node), t->key))
				return (int)k;
		} else if (node.kind == CXCursor_MemberRefExpr && cx_same_ref(node, t->key)) {
			return (int)k;
		}
	}
	return -1;
}

static void untrack(ua_state *st, int k)
{
	if (k < 0 || (unsigned)k >= st->nt)
		return;
	st->t[k] = st->t[--st->nt];
}

static void track(ua_state *st, CXCursor key, int by_decl, int alloc_node, int which)
{
	tracked *t;
	if (st->nt >= MAX_TRACKED)
		return;
	t = &st->t[st->nt++];
	t->key = key;
	t->by_decl = by_decl;
	t->alloc_node = alloc_node;
	t->alloc = allocators[which];
}

/* Node index of an allocation call that expression e (at or under node `from`) is, or -1. */
static int alloc_node_of(const cvet_flat *f, CXCursor e, int from)
{
	CXCursor s = cx_strip_casts(e);
	if (cvet_calls__call_in(s, allocators) < 0)
		return -1;
	return cvet_flat__find(f, s, from);
}

static void report_deref(cvet_tu *tu, ua_state *st, int k, int at)
{
	const tracked *t = &st->t[k];
	char *name = t->by_decl ? cx_spelling(t->key) : cvet_text__short_or(tu, t->key, "the pointer");
	cvet_finding *fd;
	if (!name)
		return;
	fd = cvet_tu_report(tu, &cvet_check_unchecked_alloc, st->flat.v[at].c,
			    "'%s' from '%s' is dereferenced before it is checked for NULL; test it right after the "
			    "allocation and handle the failure",
			    name, t->alloc);
	if (fd)
		cvet_tu_add_step(tu, fd, st->flat.v[t->alloc_node].c, "'%s' is set by '%s', which returns NULL on failure",
				 name, t->alloc);
	free(name);
}

/* A DeclRefExpr/MemberRefExpr at node i: start, stop or report tracking. */
static void visit_ref(cvet_tu *tu, ua_state *st, int i)
{
	const cvet_flat *f = &st->flat;
	CXCursor c = f->v[i].c;
	int child, p, k, at, an;
	if (in_unevaluated(f, i))
		return;
	p = cvet_flat__up(f, i, &child);
	k = find_tracked(st, c);
	if (p >= 0 && f->v[p].c.kind == CXCursor_BinaryOperator && cx_binop(f->v[p].c) == CX_BO_Assign &&
	    f->v[child].ord == 0) {
		/* a write: a new allocation starts tracking, anything else ends it */
		untrack(st, k);
		an = alloc_node_of(f, cx_child(f->v[p].c, 1), p);
		if (an >= 0 && statement_level(f, p)) {
			if (c.kind == CXCursor_DeclRefExpr) {
				CXCursor d = clang_getCursorReferenced(c);
				if ((d.kind == CXCursor_VarDecl || d.kind == CXCursor_ParmDecl) &&
				    cvet_decls__is_pointer_type(clang_getCursorType(d)))
					track(st, d, 1, an, cvet_calls__call_in(f->v[an].c, allocators));
			} else if (c.kind == CXCursor_MemberRefExpr) {
				track(st, c, 0, an, cvet_calls__call_in(f->v[an].c, allocators));
			}
		}
		return;
	}
	if (k < 0)
		return;
	if (is_deref(f, i, &at)) {
		report_deref(tu, st, k, at);
		untrack(st, k);
		return;
	}
	if (p < 0) {
		untrack(st, k);
		return;
	}
	switch (f->v[p].c.kind) {
	case CXCursor_BinaryOperator:
		if (cx_binop(f->v[p].c) == CX_BO_Assign) { /* stored elsewhere: the copy may be checked */
			untrack(st, k);
			return;
		}
		break;
	case CXCursor_VarDecl:
	case CXCursor_ReturnStmt:
	case CXCursor_InitListExpr:
	case CXCursor_CompoundAssignOperator:
		untrack(st, k);
		return;
	case CXCursor_UnaryOperator:
		if (cx_unop(f->v[p].c) == CXUnaryOperator_AddrOf) {
			untrack(st, k);
			return;
		}
		break;
	case CXCursor_CallExpr:
		if (f->v[child].ord >= 1 && escapes_into_call(f, p)) {
			untrack(st, k);
			return;
		}
		break;
	default:
		break;
	}
	if (in_condition(f, i))
		untrack(st, k);
}

/* 1 when some node of f is a call of an allocator: without one nothing is tracked or reported. */
static int has_alloc_call(const cvet_flat *f)
{
	for (size_t n = 1; n < f->n; n++)
		if (f->v[n].c.kind == CXCursor_CallExpr && cvet_calls__call_in(f->v[n].c, allocators) >= 0)
			return 1;
	return 0;
}

static void on_function_end(cvet_tu *tu, void *state, const cvet_event *ev)
{
	ua_state *st = state;
	cvet_flat *f = &st->flat;
	st->nt = 0;
	if (cvet_parse_errors__body_unreliable(&st->errors, ev->cursor))
		return; /* a dropped check would look like a missing one */
	if (cvet_flat__build(ev->cursor, f) < 0)
		return;
	if (f->truncated)
		return; /* a part we did not see may hold the check */
	if (!has_alloc_call(f))
		return; /* tracking and reports both start at an allocation call */
	for (size_t n = 1; n < f->n; n++) {
		int i = (int)n, at, which;
		CXCursor c = f->v[i].c;
		switch (c.kind) {
		case CXCursor_DeclRefExpr:
		case CXCursor_MemberRefExpr:
			visit_ref(tu, st, i);
			break;
		case CXCursor_VarDecl: {
			unsigned nk = f->v[i].nkids;
			int an;
			CXCursor init;
			if (!nk || !cvet_decls__is_pointer_type(clang_getCursorType(c)) || !statement_level(f, i))
				break;
			init = cx_child(c, nk - 1);
			an = clang_isExpression(init.kind) ? alloc_node_of(f, init, i) : -1;
			if (an >= 0)
				track(st, c, 1, an, cvet_calls__call_in(f->v[an].c, allocators));
			break;
		}
		case CXCursor_CallExpr:
			/* malloc(n)[0] = 0, memset(malloc(n), ...): used on the spot */
			which = cvet_calls__call_in(c, allocators);
			if (which >= 0 && !in_unevaluated(f, i) && is_deref(f, i, &at))
				cvet_tu_report(tu, &cvet_check_unchecked_alloc, f->v[at].c,
					       "the result of '%s' is dereferenced without a NULL check; store it, test "
					       "it and handle the failure first",
					       allocators[which]);
			break;
		default:
			break;
		}
	}
}

static void on_tu_begin(cvet_tu *tu, void *state)
{
	ua_state *st = state;
	cvet_parse_errors__load(tu, &st->errors);
}

static void cleanup(void *state)
{
	ua_state *st = state;
	cvet_flat__free(&st->flat);
	cvet_parse_errors__free(&st->errors);
}

const cvet_check cvet_check_unchecked_alloc = {
	.rule = {.id = "unchecked-alloc",
		 .title = "Allocation result dereferenced before a NULL check",
		 .severity = CVET_SEV_MEDIUM,
		 .cwe = {690},
		 .precision = CVET_PRECISION_MEDIUM},
	.state_size = sizeof(ua_state),
	.on_tu_begin = on_tu_begin,
	.on_function_end = on_function_end,
	.cleanup = cleanup,
};
