/* toctou-race.c - a path checked with access/stat and then used by name: the file can change in between (CWE-367) */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "code/check.h"
#include "code/cx.h"
#include "code/cx_text.h"
#include "lib/calls.h"
#include "lib/text.h"
#include "lib/sites.h"
#include "lib/decls.h"

extern const cvet_check cvet_check_toctou_race;

enum { SITE_CHECK = 1, SITE_USE };

typedef struct state {
	cvet_sites sites; /* checks and uses of paths in the functions being walked, in source order */
} state;

typedef struct path_api {
	const char *name;
	unsigned nargs_min;
	int path_arg;  /* index of the path */
	int path_arg2; /* second path (rename, link, symlink's link path), or -1 */
} path_api;

static const path_api check_apis[] = {
	{"access", 2, 0, -1},    {"euidaccess", 2, 0, -1}, {"eaccess", 2, 0, -1},  {"faccessat", 3, 1, -1},
	{"stat", 2, 0, -1},      {"lstat", 2, 0, -1},      {"stat64", 2, 0, -1},   {"lstat64", 2, 0, -1},
	{"fstatat", 3, 1, -1},   {"fstatat64", 3, 1, -1},
};

static const path_api use_apis[] = {
	{"open", 2, 0, -1},     {"open64", 2, 0, -1},    {"openat", 3, 1, -1},  {"fopen", 2, 0, -1},
	{"fopen64", 2, 0, -1},  {"freopen", 3, 0, -1},   {"creat", 2, 0, -1},   {"chmod", 2, 0, -1},
	{"chown", 3, 0, -1},    {"lchown", 3, 0, -1},    {"unlink", 1, 0, -1},  {"remove", 1, 0, -1},
	{"rename", 2, 0, 1},    {"truncate", 2, 0, -1},  {"execve", 3, 0, -1},  {"execv", 2, 0, -1},
	{"opendir", 1, 0, -1},  {"link", 2, 0, 1},       {"symlink", 2, 1, -1}, {"rmdir", 1, 0, -1},
	{"utime", 2, 0, -1},    {"utimes", 2, 0, -1},
};

static const path_api *find_api(const path_api *t, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(t[i].name, name) == 0)
			return &t[i];
	return NULL;
}

#define LOOKAHEAD 64 /* sites examined after a check: bounds the work on huge functions */
#define LINUX_O_CREAT 0100LL
#define LINUX_O_EXCL 0200LL

/* 1 when the use cannot be redirected: open(..., O_CREAT|O_EXCL) or fopen(..., "...x"). */
static int exclusive_create(const cvet_event *ev)
{
	const char *n = ev->call->name;
	long long flags;
	char *mode = NULL;
	int yes = 0;
	if (strcmp(n, "open") == 0 || strcmp(n, "open64") == 0 || strcmp(n, "openat") == 0) {
		unsigned fa = strcmp(n, "openat") == 0 ? 2 : 1;
		return cvet_calls__arg_int(ev, fa, &flags) && (flags & LINUX_O_CREAT) && (flags & LINUX_O_EXCL);
	}
	if (strcmp(n, "fopen") == 0 || strcmp(n, "fopen64") == 0) {
		if (cvet_calls__arg_string(ev, 1, &mode) && mode && strchr(mode, 'x'))
			yes = 1;
		free(mode);
	}
	return yes;
}

/* 1 when a use only reads: open/openat without write or create flags, fopen "r" without '+', opendir. */
static int read_only_use(const cvet_event *ev)
{
	const char *n = ev->call->name;
	long long flags;
	char *mode = NULL;
	int ro = 0;
	if (strcmp(n, "opendir") == 0)
		return 1;
	if (strcmp(n, "open") == 0 || strcmp(n, "open64") == 0 || strcmp(n, "openat") == 0) {
		unsigned fa = strcmp(n, "openat") == 0 ? 2 : 1;
		/* O_WRONLY 01, O_RDWR 02, O_CREAT 0100, O_TRUNC 01000, O_APPEND 02000 */
		return cvet_calls__arg_int(ev, fa, &flags) && (flags & (01 | 02 | 0100 | 01000 | 02000)) == 0;
	}
	if (strcmp(n, "fopen") == 0 || strcmp(n, "fopen64") == 0) {
		if (cvet_calls__arg_string(ev, 1, &mode) && mode && mode[0] == 'r' && !strchr(mode, '+'))
			ro = 1;
		free(mode);
	}
	return ro;
}

/* 1 when the call is written on a line that starts an assertion (assert(...), T_ASSERT(...), ASSERT_TRUE(...)):
 * a test asserting that a file exists does not make a decision an attacker could race. */
static int in_assertion(cvet_tu *tu, CXCursor call)
{
	CXSourceLocation loc = clang_getRangeStart(clang_getCursorExtent(call));
	CXFile f = NULL;
	unsigned off = 0;
	size_t len = 0, start;
	const char *buf;
	clang_getFileLocation(loc, &f, NULL, NULL, &off);
	if (!f || !(buf = clang_getFileContents(cvet_tu_cx(tu), f, &len)) || off > len)
		return 0;
	for (start = off; start > 0 && buf[start - 1] != '\n' && off - start < 400; start--)
		;
	for (size_t i = start; i + 6 <= off; i++)
		if (strncasecmp(buf + i, "assert", 6) == 0)
			return 1;
	return 0;
}

/* 1 when the path expression is something we can compare: a variable, field or string literal. */
static int trackable(CXCursor e)
{
	return !cx_is_null(cx_referenced(e)) || cx_string_literal(e, NULL);
}

static void on_call(cvet_tu *tu, void *vs, const cvet_event *ev)
{
	state *st = vs;
	const path_api *a;
	cvet_site s;
	int tag;
	if (cx_is_null(ev->function))
		return;
	if ((a = find_api(check_apis, sizeof(check_apis) / sizeof(check_apis[0]), ev->call->name)) != NULL)
		tag = SITE_CHECK;
	else if ((a = find_api(use_apis, sizeof(use_apis) / sizeof(use_apis[0]), ev->call->name)) != NULL)
		tag = SITE_USE;
	else
		return;
	if (ev->call->nargs < a->nargs_min || !cvet_calls__is_c_api(ev))
		return;
	if (tag == SITE_USE && exclusive_create(ev))
		return;
	if (tag == SITE_CHECK && in_assertion(tu, ev->call->expr))
		return;
	memset(&s, 0, sizeof s);
	s.value = tag == SITE_USE && read_only_use(ev);
	s.fn = ev->function;
	s.call = ev->call->expr;
	s.tag = tag;
	s.name = a->name;
	s.arg[0] = cvet_calls__arg(ev, (unsigned)a->path_arg);
	s.arg[1] = a->path_arg2 >= 0 ? cvet_calls__arg(ev, (unsigned)a->path_arg2) : clang_getNullCursor();
	if (!trackable(s.arg[0]) && (cx_is_null(s.arg[1]) || !trackable(s.arg[1])))
		return;
	(void)cvet_sites__push(&st->sites, &s);
}

static void on_function_end(cvet_tu *tu, void *vs, const cvet_event *ev)
{
	state *st = vs;
	CXCursor fn = cvet_calls__event_function(ev);
	for (size_t i = 0; i < st->sites.n; i++) {
		const cvet_site *c = &st->sites.v[i];
		if (c->tag != SITE_CHECK || !clang_equalCursors(c->fn, fn))
			continue;
		/* the first later use of the same path, before the path is checked again */
		for (size_t j = i + 1; j < st->sites.n && j <= i + LOOKAHEAD; j++) {
			const cvet_site *u = &st->sites.v[j];
			int hit;
			if (!clang_equalCursors(u->fn, fn))
				continue;
			if (u->tag == SITE_CHECK) {
				if (cvet_decls__same_path(u->arg[0], c->arg[0]))
					break; /* re-checked: that check pairs with the use instead */
				continue;
			}
			hit = cvet_decls__same_path(u->arg[0], c->arg[0]) ||
			      (!cx_is_null(u->arg[1]) && cvet_decls__same_path(u->arg[1], c->arg[0]));
			if (!hit)
				continue;
			if (u->value && (strcmp(c->name, "stat") == 0 || strcmp(c->name, "stat64") == 0 ||
					 strcmp(c->name, "fstatat") == 0 || strcmp(c->name, "fstatat64") == 0))
				continue; /* stat, then read the file: the common "size it, then load it" pattern */
			{
				char *path = cx_text(tu, c->arg[0]), *shown = cvet_text__shorten(path ? path : "", 40);
				cvet_finding *f = cvet_tu_report(
					tu, &cvet_check_toctou_race, u->call,
					"'%s' uses '%s' after '%s' checked it; the file can be replaced in between (TOCTOU): "
					"open it once and check the descriptor (fstat, O_NOFOLLOW) instead",
					u->name, shown ? shown : "the path", c->name);
				if (f)
					(void)cvet_tu_add_step(tu, f, c->call, "'%s' checked here by '%s'",
							       shown ? shown : "path", c->name);
				free(path);
				free(shown);
			}
			break;
		}
	}
	cvet_sites__drop_fn(&st->sites, fn);
}

static void cleanup(void *vs)
{
	cvet_sites__free(&((state *)vs)->sites);
}

const cvet_check cvet_check_toctou_race = {
	.rule = {.id = "toctou-race",
		 .title = "Time-of-check to time-of-use race on a file path",
		 .severity = CVET_SEV_MEDIUM,
		 .cwe = {367},
		 .precision = CVET_PRECISION_MEDIUM},
	.state_size = sizeof(state),
	.on_call = on_call,
	.on_function_end = on_function_end,
	.cleanup = cleanup,
};
