/* command-injection.c - flags shell commands and program paths built from untrusted or runtime data (CWE-78) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "cx.h"
#include "checksa_util.h"
#include "taint.h"

extern const cvet_check cvet_check_command_injection;

/* {name, argument holding the command or program, 1 when a shell interprets it}. */
static const struct {
	const char *name;
	unsigned arg;
	int shell;
} sinks[] = {
	{"system", 0, 1}, {"popen", 0, 1}, {"_popen", 0, 1}, {"_wsystem", 0, 1}, {"_wpopen", 0, 1},
	{"execl", 0, 0}, {"execlp", 0, 0}, {"execle", 0, 0}, {"execv", 0, 0}, {"execvp", 0, 0},
	{"execvpe", 0, 0}, {"execve", 0, 0}, {"posix_spawn", 1, 0}, {"posix_spawnp", 1, 0},
};

#define MAX_WRAPPERS 128 /* per translation unit */

/*
 * A wrapper summary: function `usr` hands its parameter `param` unchanged to a sink (directly, or
 * through another wrapper). Calls to it later in the translation unit are judged like calls to the
 * sink itself, so `run(getenv("CMD"))` is found even when `run` only does `system(cmd)`.
 */
typedef struct wrapper {
	char *usr;          /* clang USR of the wrapper function (owned) */
	unsigned param;     /* which parameter reaches the sink */
	int shell;          /* the sink runs a shell */
	char sink[32];      /* the sink's name ("system") */
	CXCursor sink_at;   /* where the sink is called (valid while the TU lives) */
} wrapper;

typedef struct command_injection_state {
	cvet_taint taint;
	wrapper wrappers[MAX_WRAPPERS];
	size_t nwrappers;
} command_injection_state;

/* Index of the parameter of the enclosing function that `arg` names directly, or -1. */
static int direct_param(const cvet_event *ev, CXCursor arg)
{
	CXCursor ref = cx_strip_casts(arg), decl;
	int n;
	if (cx_is_null(ev->function) || ref.kind != CXCursor_DeclRefExpr)
		return -1;
	decl = clang_getCursorReferenced(ref);
	if (decl.kind != CXCursor_ParmDecl)
		return -1;
	n = clang_Cursor_getNumArguments(ev->function);
	for (int i = 0; i < n; i++)
		if (clang_equalCursors(clang_Cursor_getArgument(ev->function, (unsigned)i), decl))
			return i;
	return -1;
}

/* Record that the enclosing function passes its parameter `param` to a sink. */
static void add_wrapper(command_injection_state *st, const cvet_event *ev, int param, const char *sink, int shell,
			CXCursor sink_at)
{
	wrapper *w;
	char *usr;
	if (param < 0 || st->nwrappers >= MAX_WRAPPERS || !(usr = cx_str(clang_getCursorUSR(ev->function))))
		return;
	if (!*usr) {
		free(usr);
		return;
	}
	w = &st->wrappers[st->nwrappers++];
	w->usr = usr;
	w->param = (unsigned)param;
	w->shell = shell;
	snprintf(w->sink, sizeof(w->sink), "%s", sink);
	w->sink_at = sink_at;
}

static const wrapper *find_wrapper(const command_injection_state *st, const cvet_event *ev)
{
	char *usr;
	const wrapper *found = NULL;
	if (!st->nwrappers || cx_is_null(ev->call->callee) || !(usr = cx_str(clang_getCursorUSR(ev->call->callee))))
		return NULL;
	for (size_t i = 0; i < st->nwrappers && !found; i++)
		if (strcmp(st->wrappers[i].usr, usr) == 0 && st->wrappers[i].param < ev->call->nargs)
			found = &st->wrappers[i];
	free(usr);
	return found;
}

static int is_shell_path(const char *p)
{
	const char *base = strrchr(p, '/');
	base = base ? base + 1 : p;
	return strcmp(base, "sh") == 0 || strcmp(base, "bash") == 0 || strcmp(base, "dash") == 0 ||
	       strcmp(base, "zsh") == 0 || strcmp(base, "ksh") == 0 || strcmp(base, "ash") == 0;
}

/* For execl*("/bin/sh", "sh", "-c", cmd, ...): the argument after "-c", or a null cursor. */
static CXCursor shell_c_argument(const cvet_event *ev)
{
	char *prog = NULL;
	int shell;
	if (!cx_string_literal(cvet_checksa__arg(ev, 0), &prog) || !prog)
		return clang_getNullCursor();
	shell = is_shell_path(prog);
	free(prog);
	if (!shell)
		return clang_getNullCursor();
	for (unsigned i = 1; i + 1 < ev->call->nargs && i < 16; i++) {
		char *a = NULL;
		int dash_c = cx_string_literal(ev->call->args[i], &a) && a && strcmp(a, "-c") == 0;
		free(a);
		if (dash_c)
			return ev->call->args[i + 1];
	}
	return clang_getNullCursor();
}

/* Judge the command argument of a sink call, or of a call to a wrapper `via` (NULL for the sink itself). */
static void check_sink(cvet_tu *tu, command_injection_state *st, const cvet_event *ev, CXCursor arg, int shell,
		       const wrapper *via)
{
	cvet_taint_hit hit;
	cvet_finding *f;
	const char *name = via ? via->sink : ev->call->name;
	const char *what = shell ? "command" : "program path";
	char through[96] = "";
	if (cx_is_null(arg) || cx_string_literal(arg, NULL))
		return;
	if (cvet_taint__query(&st->taint, arg, &hit) == CVET_TAINT_NONE) {
		/* a parameter passed on unchanged: this function is a wrapper too */
		add_wrapper(st, ev, direct_param(ev, arg), name, shell, via ? via->sink_at : ev->call->expr);
		return;
	}
	if (via)
		snprintf(through, sizeof(through), " (through '%.40s', which passes it on)", ev->call->name);
	if (hit.label == CVET_TAINT_UNTRUSTED)
		f = cvet_tu_report(tu, &cvet_check_command_injection, arg,
				   "%s for '%s'%s is built from untrusted data ('%s'); validate it against an allow-list or "
				   "run a fixed program with 'execv' and separate arguments", what, name, through, hit.origin);
	else
		f = cvet_tu_report(tu, &cvet_check_command_injection, arg,
				   "%s for '%s'%s is assembled at runtime ('%s'); quote or validate every piece, or run a "
				   "fixed program with 'execv' and separate arguments", what, name, through, hit.origin);
	cvet_taint__add_steps(&st->taint, tu, f, &hit, arg, via ? ev->call->name : name);
	if (f && via)
		cvet_tu_add_step(tu, f, via->sink_at, "'%s' runs it", via->sink);
}

static void on_call(cvet_tu *tu, void *state, const cvet_event *ev)
{
	command_injection_state *st = state;
	int row = cvet_checksa__find_row(ev->call->name, sinks, sizeof sinks / sizeof sinks[0], sizeof sinks[0]);
	if (row >= 0 && cvet_checksa__is_libc(ev)) {
		CXCursor c = shell_c_argument(ev);
		if (!cx_is_null(c))
			check_sink(tu, st, ev, c, 1, NULL);
		else
			check_sink(tu, st, ev, cvet_checksa__arg(ev, sinks[row].arg), sinks[row].shell, NULL);
	} else if (row < 0) {
		const wrapper *w = find_wrapper(st, ev);
		if (w)
			check_sink(tu, st, ev, cvet_checksa__arg(ev, w->param), w->shell, w);
	}
	cvet_taint__call(&st->taint, ev);
}

static void on_function_begin(cvet_tu *tu, void *state, const cvet_event *ev)
{
	(void)tu;
	cvet_taint__function_begin(&((command_injection_state *)state)->taint, ev);
}

static void on_function_end(cvet_tu *tu, void *state, const cvet_event *ev)
{
	(void)tu;
	cvet_taint__function_end(&((command_injection_state *)state)->taint, ev);
}

static void on_cursor(cvet_tu *tu, void *state, const cvet_event *ev)
{
	(void)tu;
	cvet_taint__cursor(&((command_injection_state *)state)->taint, ev);
}

static void cleanup(void *state)
{
	command_injection_state *st = state;
	for (size_t i = 0; i < st->nwrappers; i++)
		free(st->wrappers[i].usr);
	st->nwrappers = 0;
}

const cvet_check cvet_check_command_injection = {
	.rule = {.id = "command-injection",
		 .title = "OS command built from untrusted or runtime data",
		 .severity = CVET_SEV_HIGH,
		 .cwe = {78},
		 .precision = CVET_PRECISION_HIGH},
	.kinds = cvet_taint__kinds,
	.state_size = sizeof(command_injection_state),
	.on_function_begin = on_function_begin,
	.on_call = on_call,
	.on_cursor = on_cursor,
	.on_function_end = on_function_end,
	.cleanup = cleanup,
};
