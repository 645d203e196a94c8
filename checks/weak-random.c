/* weak-random.c - flags rand()-family values used for secrets, and guessable seeds of such generators (CWE-338, CWE-335) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "code/check.h"
#include "code/cx.h"
#include "lib/calls.h"
#include "lib/names.h"

extern const cvet_check cvet_check_weak_random;

static const char *const rand_names[] = {
	"rand", "random", "drand48", "erand48", "lrand48", "nrand48", "mrand48", "jrand48", "rand_r", NULL,
};
static const char *const seed_names[] = {"srand", "srandom", "srand48", NULL};
static const char *const guessable_calls[] = {"time", "getpid", "getppid", "clock", "_time64", "_getpid", NULL};

#define MAX_SEEDS 32

#define MAX_HOLDERS 32

/* A local that received a rand()-family value in the current function (r in `int r = rand();`). */
typedef struct rand_holder {
	CXCursor var;
	CXCursor call;
	char fn[16];
	int reported;
} rand_holder;

typedef struct weak_random_state {
	rand_holder holders[MAX_HOLDERS];
	size_t nholders;
	CXCursor seeds[MAX_SEEDS]; /* guessable srand() calls, reported at the end when the TU uses rand for secrets */
	char seed_fn[MAX_SEEDS][16];
	size_t nseeds;
	int secret_use;            /* a rand()-family value was used for a secret in this TU */
} weak_random_state;

/* 1 when a declaration is the C library's function (file scope or extern "C" or std). */
static int libc_decl(CXCursor d)
{
	CXCursor p;
	if (cx_is_null(d) || d.kind != CXCursor_FunctionDecl)
		return 0;
	p = clang_getCursorSemanticParent(d);
	return p.kind == CXCursor_TranslationUnit || p.kind == CXCursor_LinkageSpec || p.kind == CXCursor_Namespace;
}

/* 1 when a seed expression is a constant or built only from the clock and process ids. */
static int guessable_seed(CXCursor e, unsigned depth)
{
	CXCursor s = cx_strip_casts(e);
	if (depth > 16 || cx_is_null(s))
		return 0;
	if (cx_int_const(s, NULL))
		return 1;
	if (s.kind == CXCursor_CallExpr) {
		char *name = cx_spelling(s);
		int yes = name && cvet_calls__name_in(name, guessable_calls) && libc_decl(clang_getCursorReferenced(s));
		free(name);
		return yes;
	}
	if (s.kind == CXCursor_BinaryOperator && cx_child_count(s) == 2)
		return guessable_seed(cx_child(s, 0), depth + 1) && guessable_seed(cx_child(s, 1), depth + 1);
	if (s.kind == CXCursor_UnaryOperator)
		return guessable_seed(cx_child(s, 0), depth + 1);
	return 0;
}

struct find_rand {
	CXCursor call;
	char name[16];
};

static int find_rand_call(CXCursor c, CXCursor parent, void *ud)
{
	struct find_rand *fr = ud;
	char *name;
	int yes;
	(void)parent;
	if (c.kind != CXCursor_CallExpr)
		return 0;
	name = cx_spelling(c);
	yes = name && cvet_calls__name_in(name, rand_names) && libc_decl(clang_getCursorReferenced(c));
	if (yes) {
		fr->call = c;
		strncpy(fr->name, name, sizeof fr->name - 1);
	}
	free(name);
	return yes;
}

static void report_use(cvet_tu *tu, weak_random_state *st, CXCursor call, const char *fn, const char *what)
{
	st->secret_use = 1;
	cvet_tu_report(tu, &cvet_check_weak_random, call,
		       "'%s' is predictable and must not produce %s; use getrandom(), arc4random() or a CSPRNG", fn, what);
}

static void on_call(cvet_tu *tu, void *state, const cvet_event *ev)
{
	weak_random_state *st = state;
	const char *name = ev->call->name;
	if (cvet_calls__name_in(name, rand_names) && cvet_calls__is_libc(ev)) {
		if (ev->function_name && cvet_names__security(ev->function_name)) {
			char what[128];
			const char *fn = strrchr(ev->function_name, ':');
			fn = fn ? fn + 1 : ev->function_name;
			snprintf(what, sizeof what, "values for '%s'", fn);
			report_use(tu, st, ev->call->expr, name, what);
		}
		return;
	}
	if (cvet_calls__name_in(name, seed_names) && cvet_calls__is_libc(ev) && ev->call->nargs >= 1 &&
	    guessable_seed(ev->call->args[0], 0) && st->nseeds < MAX_SEEDS) {
		st->seeds[st->nseeds] = ev->call->expr;
		strncpy(st->seed_fn[st->nseeds], name, sizeof st->seed_fn[0] - 1);
		st->nseeds++;
	}
}

/* Name of the object an assignment writes (the field for s.token[i], the variable for key[i]); malloc'd. */
static char *target_name(CXCursor lhs)
{
	CXCursor s = cx_strip_casts(lhs);
	for (unsigned depth = 0; depth < 32; depth++) {
		if (s.kind == CXCursor_ArraySubscriptExpr || s.kind == CXCursor_UnaryOperator) {
			s = cx_strip_casts(cx_child(s, 0));
			continue;
		}
		break;
	}
	if (s.kind == CXCursor_DeclRefExpr || s.kind == CXCursor_MemberRefExpr)
		return cx_spelling(s);
	return NULL;
}

struct find_holder {
	weak_random_state *st;
	int index;
};

/* Visitor: stop at the first reference to a variable holding a rand() value. */
static int find_holder_ref(CXCursor c, CXCursor parent, void *ud)
{
	struct find_holder *fh = ud;
	CXCursor d;
	(void)parent;
	if (c.kind != CXCursor_DeclRefExpr)
		return 0;
	d = clang_getCursorReferenced(c);
	for (size_t i = 0; i < fh->st->nholders; i++)
		if (clang_equalCursors(fh->st->holders[i].var, d)) {
			fh->index = (int)i;
			return 1;
		}
	return 0;
}

static void on_cursor(cvet_tu *tu, void *state, const cvet_event *ev)
{
	weak_random_state *st = state;
	CXCursor rhs, var = clang_getNullCursor();
	char *target;
	struct find_rand fr;
	struct find_holder fh;
	if (!ev->function_name || cvet_names__security(ev->function_name))
		return; /* outside functions, or already reported through the function name */
	if (ev->kind == CXCursor_VarDecl) {
		rhs = clang_Cursor_getVarDeclInitializer(ev->cursor);
		target = cx_spelling(ev->cursor);
		var = ev->cursor;
	} else {
		enum CX_BinaryOperatorKind op = cx_binop(ev->cursor);
		CXCursor lhs;
		if (op != CX_BO_Assign && op != CX_BO_AddAssign && op != CX_BO_XorAssign && op != CX_BO_OrAssign)
			return;
		rhs = cx_child(ev->cursor, 1);
		lhs = cx_strip_casts(cx_child(ev->cursor, 0));
		target = target_name(lhs);
		if (lhs.kind == CXCursor_DeclRefExpr)
			var = clang_getCursorReferenced(lhs);
	}
	if (!target || cx_is_null(rhs)) {
		free(target);
		return;
	}
	memset(&fr, 0, sizeof fr);
	if (!cvet_names__security(target)) {
		/* remember plain locals that take a rand() value: `int r = rand(); ... key[i] = r;` */
		if ((var.kind == CXCursor_VarDecl) && st->nholders < MAX_HOLDERS &&
		    (find_rand_call(rhs, clang_getNullCursor(), &fr) || cx_each_descendant(rhs, find_rand_call, &fr))) {
			rand_holder *h = &st->holders[st->nholders++];
			h->var = var;
			h->call = fr.call;
			memcpy(h->fn, fr.name, sizeof h->fn);
			h->reported = 0;
		}
		free(target);
		return;
	}
	if (find_rand_call(rhs, clang_getNullCursor(), &fr) || cx_each_descendant(rhs, find_rand_call, &fr)) {
		char what[128];
		snprintf(what, sizeof what, "'%s'", target);
		report_use(tu, st, fr.call, fr.name, what);
	} else if (st->nholders) {
		fh.st = st;
		fh.index = -1;
		if ((find_holder_ref(rhs, clang_getNullCursor(), &fh) || cx_each_descendant(rhs, find_holder_ref, &fh)) &&
		    fh.index >= 0 && !st->holders[fh.index].reported) {
			rand_holder *h = &st->holders[fh.index];
			char what[160];
			char *via = cx_spelling(h->var);
			snprintf(what, sizeof what, "'%s' (through '%s')", target, via ? via : "?");
			free(via);
			h->reported = 1;
			report_use(tu, st, h->call, h->fn, what);
		}
	}
	free(target);
}

static void on_function_begin(cvet_tu *tu, void *state, const cvet_event *ev)
{
	(void)tu;
	(void)ev;
	((weak_random_state *)state)->nholders = 0;
}

static void on_tu_end(cvet_tu *tu, void *state)
{
	weak_random_state *st = state;
	if (!st->secret_use)
		return;
	for (size_t i = 0; i < st->nseeds; i++)
		cvet_tu_report(tu, &cvet_check_weak_random, st->seeds[i],
			       "'%s' seeds the generator used for secrets with a guessable value (constant, time or "
			       "process id)", st->seed_fn[i]);
}

static const enum CXCursorKind weak_random_kinds[] = {
	CXCursor_VarDecl, CXCursor_BinaryOperator, CXCursor_CompoundAssignOperator, 0,
};

const cvet_check cvet_check_weak_random = {
	.rule = {.id = "weak-random",
		 .title = "Predictable random numbers used for secrets",
		 .severity = CVET_SEV_MEDIUM,
		 .cwe = {338, 335},
		 .precision = CVET_PRECISION_MEDIUM},
	.kinds = weak_random_kinds,
	.state_size = sizeof(weak_random_state),
	.on_function_begin = on_function_begin,
	.on_call = on_call,
	.on_cursor = on_cursor,
	.on_tu_end = on_tu_end,
};
