/* privilege-drop-order.c - the user id dropped before the group id, so the group can no longer change (CWE-696) */
#include <stdlib.h>
#include <string.h>
#include "code/check.h"
#include "code/cx.h"
#include "lib/calls.h"
#include "lib/sites.h"

extern const cvet_check cvet_check_privilege_drop_order;

enum { SITE_UID = 1, SITE_GID };

typedef struct state {
	cvet_sites sites; /* uid/gid calls of the functions being walked, in source order */
} state;

static const char *const uid_calls[] = {"setuid", "seteuid", "setreuid", "setresuid", NULL};
static const char *const gid_calls[] = {"setgid", "setegid", "setregid", "setresgid", "initgroups", "setgroups", NULL};

/* 1 when every uid argument of a uid-family call is the constant 0 or -1 (no change) and at least one is 0:
 * the call regains root (seteuid(0)) instead of dropping it. */
static int regains_root(const cvet_site *s)
{
	int zero = 0;
	unsigned n = s->nargs < 4 ? s->nargs : 4;
	for (unsigned i = 0; i < n; i++) {
		long long v;
		if (!cx_int_const(s->arg[i], &v))
			return 0;
		if (v == 0)
			zero = 1;
		else if (v != -1 && v != (long long)(unsigned)-1)
			return 0;
	}
	return zero;
}

/* 1 when a uid-family call sets the user id back to a saved one (seteuid(saved_euid)): every argument names a
 * variable or field whose name says it keeps the original ids (saved, orig, privileged). */
static int restores_saved(const cvet_site *s)
{
	static const char *const words[] = {"saved", "orig", "priv", NULL};
	unsigned n = s->nargs < 4 ? s->nargs : 4;
	if (n == 0)
		return 0;
	for (unsigned i = 0; i < n; i++) {
		CXCursor d = cx_referenced(s->arg[i]);
		char *name, low[64];
		size_t k = 0;
		int hit = 0;
		if (cx_is_null(d))
			return 0;
		name = cx_spelling(d);
		for (; name && name[k] && k + 1 < sizeof low; k++)
			low[k] = (name[k] >= 'A' && name[k] <= 'Z') ? (char)(name[k] - 'A' + 'a') : name[k];
		low[k] = '\0';
		free(name);
		for (int w = 0; words[w]; w++)
			if (strstr(low, words[w]))
				hit = 1;
		if (!hit)
			return 0;
	}
	return 1;
}

/* 1 when the call's result is tested for success (`setgid(g) != -1`, `== 0`, `>= 0`): code that expects the
 * call to fail, such as a check that the dropped ids cannot be restored. */
static int expects_failure(const cvet_event *ev)
{
	CXCursor p = ev->parent, other;
	enum CX_BinaryOperatorKind op;
	long long v;
	if (p.kind != CXCursor_BinaryOperator || cx_child_count(p) != 2)
		return 0;
	op = cx_binop(p);
	other = cx_child(p, 1);
	if (!cx_int_const(other, &v))
		return 0;
	return (op == CX_BO_NE && v == -1) || (op == CX_BO_EQ && v == 0) || (op == CX_BO_GE && v == 0);
}

static void on_call(cvet_tu *tu, void *vs, const cvet_event *ev)
{
	state *st = vs;
	cvet_site s;
	int tag = 0;
	(void)tu;
	if (cx_is_null(ev->function))
		return;
	if (cvet_calls__name_in(ev->call->name, uid_calls))
		tag = SITE_UID;
	else if (cvet_calls__name_in(ev->call->name, gid_calls))
		tag = SITE_GID;
	if (!tag || !cvet_calls__is_c_api(ev))
		return;
	if (tag == SITE_GID && expects_failure(ev))
		return;
	cvet_sites__from_call(&s, ev);
	s.tag = tag;
	(void)cvet_sites__push(&st->sites, &s);
}

static void on_function_end(cvet_tu *tu, void *vs, const cvet_event *ev)
{
	state *st = vs;
	CXCursor fn = cvet_calls__event_function(ev);
	const cvet_site *dropped = NULL; /* last uid call that gave up root, if still in effect */
	for (size_t i = 0; i < st->sites.n; i++) {
		const cvet_site *s = &st->sites.v[i];
		char *uname, *gname;
		cvet_finding *f;
		if (!clang_equalCursors(s->fn, fn))
			continue;
		if (s->tag == SITE_UID) {
			dropped = regains_root(s) || restores_saved(s) ? NULL : s;
			continue;
		}
		if (!dropped)
			continue;
		uname = cx_spelling(clang_getCursorReferenced(dropped->call));
		gname = cx_spelling(clang_getCursorReferenced(s->call));
		if (!gname || !*gname) {
			free(gname);
			gname = cx_spelling(s->call);
		}
		if (!uname || !*uname) {
			free(uname);
			uname = cx_spelling(dropped->call);
		}
		f = cvet_tu_report(tu, &cvet_check_privilege_drop_order, s->call,
				   "'%s' runs after '%s' already dropped the user id, so it fails and the process keeps "
				   "its groups; change the groups first, then the user id",
				   gname ? gname : "setgid", uname ? uname : "setuid");
		if (f)
			(void)cvet_tu_add_step(tu, f, dropped->call, "user id dropped here by '%s'",
					       uname ? uname : "setuid");
		free(uname);
		free(gname);
	}
	cvet_sites__drop_fn(&st->sites, fn);
}

static void cleanup(void *vs)
{
	cvet_sites__free(&((state *)vs)->sites);
}

const cvet_check cvet_check_privilege_drop_order = {
	.rule = {.id = "privilege-drop-order",
		 .title = "User id dropped before the group id",
		 .severity = CVET_SEV_HIGH,
		 .cwe = {696, 271},
		 .precision = CVET_PRECISION_HIGH},
	.state_size = sizeof(state),
	.on_call = on_call,
	.on_function_end = on_function_end,
	.cleanup = cleanup,
};
