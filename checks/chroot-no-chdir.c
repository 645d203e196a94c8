/* chroot-no-chdir.c - chroot() without chdir("/") afterwards leaves the working directory outside the jail (CWE-243) */
#include <stdlib.h>
#include <string.h>
#include "code/check.h"
#include "code/cx.h"
#include "lib/calls.h"
#include "lib/sites.h"
#include "lib/decls.h"

extern const cvet_check cvet_check_chroot_no_chdir;

enum { SITE_CHROOT = 1, SITE_CHDIR, SITE_FCHDIR };

#define WINDOW 256 /* chdir calls looked at after a chroot: bounds the work on huge functions */
#define WINDOW_BEFORE 8 /* ... and before it (each costs a path comparison) */
#define ARG_ROOT 1   /* site value bit: the argument is the literal "/" */
#define ARG_DOT 2    /* site value bit: the argument is the literal "." */

static int is_root_literal(CXCursor e);
static int is_dot_literal(CXCursor e);

typedef struct state {
	cvet_sites sites; /* chroot/chdir calls of the functions being walked, in source order */
} state;

static void on_call(cvet_tu *tu, void *vs, const cvet_event *ev)
{
	state *st = vs;
	cvet_site s;
	int tag = 0;
	(void)tu;
	if (cx_is_null(ev->function) || ev->call->nargs != 1)
		return;
	if (strcmp(ev->call->name, "chroot") == 0)
		tag = SITE_CHROOT;
	else if (strcmp(ev->call->name, "chdir") == 0)
		tag = SITE_CHDIR;
	else if (strcmp(ev->call->name, "fchdir") == 0)
		tag = SITE_FCHDIR;
	if (!tag || !cvet_calls__is_c_api(ev))
		return;
	cvet_sites__from_call(&s, ev);
	s.tag = tag;
	s.value = (is_root_literal(s.arg[0]) ? ARG_ROOT : 0) | (is_dot_literal(s.arg[0]) ? ARG_DOT : 0);
	(void)cvet_sites__push(&st->sites, &s);
}

/* 1 when the expression is the string literal "/" (possibly through a macro). */
static int is_root_literal(CXCursor e)
{
	char *v = NULL;
	int yes = cx_string_literal(e, &v) && v && strcmp(v, "/") == 0;
	free(v);
	return yes;
}

/* 1 when the expression is the literal "." */
static int is_dot_literal(CXCursor e)
{
	char *v = NULL;
	int yes = cx_string_literal(e, &v) && v && strcmp(v, ".") == 0;
	free(v);
	return yes;
}

/*
 * 1 when the chroot at index `ci` leaves the working directory inside the new root: chdir("/") follows it
 * in the function, or before it the function moved into the jail (chdir(dir); chroot(dir) or chroot(".")).
 */
static int cwd_confined(const state *st, size_t ci, CXCursor fn)
{
	const cvet_site *c = &st->sites.v[ci];
	size_t lo = ci > WINDOW_BEFORE ? ci - WINDOW_BEFORE : 0, hi = ci + WINDOW < st->sites.n ? ci + WINDOW : st->sites.n;
	for (size_t i = lo; i < hi; i++) {
		const cvet_site *s = &st->sites.v[i];
		if (i == ci || !clang_equalCursors(s->fn, fn))
			continue;
		if (i > ci && s->tag == SITE_CHDIR && (s->value & ARG_ROOT))
			return 1;
		if (i < ci && s->tag == SITE_CHDIR && ((c->value & ARG_DOT) || cvet_decls__same_path(s->arg[0], c->arg[0])))
			return 1;
		if (i < ci && s->tag == SITE_FCHDIR && (c->value & ARG_DOT))
			return 1;
	}
	return 0;
}

static void on_function_end(cvet_tu *tu, void *vs, const cvet_event *ev)
{
	state *st = vs;
	CXCursor fn = cvet_calls__event_function(ev);
	for (size_t i = 0; i < st->sites.n; i++) {
		const cvet_site *s = &st->sites.v[i];
		if (s->tag != SITE_CHROOT || !clang_equalCursors(s->fn, fn) || cwd_confined(st, i, fn))
			continue;
		cvet_tu_report(tu, &cvet_check_chroot_no_chdir, s->call,
			       "'chroot' is not followed by 'chdir(\"/\")': the working directory stays outside the "
			       "new root and allows escaping it; call chdir(\"/\") right after chroot and check both");
	}
	cvet_sites__drop_fn(&st->sites, fn);
}

static void cleanup(void *vs)
{
	cvet_sites__free(&((state *)vs)->sites);
}

const cvet_check cvet_check_chroot_no_chdir = {
	.rule = {.id = "chroot-no-chdir",
		 .title = "chroot() without chdir(\"/\")",
		 .severity = CVET_SEV_HIGH,
		 .cwe = {243},
		 .precision = CVET_PRECISION_HIGH},
	.state_size = sizeof(state),
	.on_call = on_call,
	.on_function_end = on_function_end,
	.cleanup = cleanup,
};
