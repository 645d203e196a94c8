/* command-injection.c - flags shell commands and program paths built from untrusted or runtime data (CWE-78) */
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

typedef struct command_injection_state {
	cvet_taint taint;
} command_injection_state;

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

static void check_sink(cvet_tu *tu, command_injection_state *st, const cvet_event *ev, CXCursor arg, int shell)
{
	cvet_taint_hit hit;
	cvet_finding *f;
	const char *name = ev->call->name;
	const char *what = shell ? "command" : "program path";
	if (cx_is_null(arg) || cx_string_literal(arg, NULL))
		return;
	if (cvet_taint__query(&st->taint, arg, &hit) == CVET_TAINT_NONE)
		return;
	if (hit.label == CVET_TAINT_UNTRUSTED)
		f = cvet_tu_report(tu, &cvet_check_command_injection, arg,
				   "%s for '%s' is built from untrusted data ('%s'); validate it against an allow-list or "
				   "run a fixed program with 'execv' and separate arguments", what, name, hit.origin);
	else
		f = cvet_tu_report(tu, &cvet_check_command_injection, arg,
				   "%s for '%s' is assembled at runtime ('%s'); quote or validate every piece, or run a "
				   "fixed program with 'execv' and separate arguments", what, name, hit.origin);
	cvet_taint__add_steps(&st->taint, tu, f, &hit, arg, name);
}

static void on_call(cvet_tu *tu, void *state, const cvet_event *ev)
{
	command_injection_state *st = state;
	int row = cvet_checksa__find_row(ev->call->name, sinks, sizeof sinks / sizeof sinks[0], sizeof sinks[0]);
	if (row >= 0 && cvet_checksa__is_libc(ev)) {
		CXCursor c = shell_c_argument(ev);
		if (!cx_is_null(c))
			check_sink(tu, st, ev, c, 1);
		else
			check_sink(tu, st, ev, cvet_checksa__arg(ev, sinks[row].arg), sinks[row].shell);
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
};
