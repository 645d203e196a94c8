/* check.h - internal interface between the AST walker and the security checks (libclang types allowed here) */
#ifndef CVET_ANALYZER_CHECK_H
#define CVET_ANALYZER_CHECK_H

#include <clang-c/Index.h>
#include "cvet/rules.h"
#include "cvet/report.h"
#include "code/tu.h"

/*
 * The walker parses one translation unit, walks it ONCE, and hands each cursor located in a
 * project file (not a system header, under a scanned root) to the checks that asked for it:
 *
 *   on_tu_begin          once, before the walk
 *   on_file              once per project file the TU touches (main file and project headers),
 *                        with the file's bytes - for comment/literal text scans (secrets, suppressions)
 *   on_function_begin    entering a function/method definition body (FunctionDecl, CXXMethod, ...)
 *   on_call              every call, folded into one event (plain calls, calls via macros,
 *                        C++ member/qualified calls) with the callee's name resolved
 *   on_cursor            every cursor whose kind is in `kinds`
 *   on_function_end      leaving the function definition (after all its children were visited)
 *   on_tu_end            once, after the walk
 *
 * A check keeps per-TU state only: the walker allocates `state_size` zeroed bytes per TU and
 * frees them after on_tu_end (call `cleanup` first if the state owns memory). No globals.
 */

typedef struct cvet_call {
	const char *name;   /* callee name ("strcpy", "system", "SSL_CTX_set_verify"); never NULL */
	CXCursor expr;      /* the CXCursor_CallExpr */
	CXCursor callee;    /* referenced declaration (FunctionDecl/CXXMethod), may be a null cursor */
	unsigned nargs;
	const CXCursor *args; /* arguments as written (implicit casts not stripped; use cx_strip) */
} cvet_call;

typedef struct cvet_event {
	CXCursor cursor;
	enum CXCursorKind kind;
	CXCursor parent;      /* semantic parent in the walk */
	CXCursor function;    /* innermost enclosing function definition, or a null cursor */
	const char *function_name; /* its name, or NULL */
	const cvet_call *call;/* non-NULL for on_call */
	unsigned depth;
} cvet_event;

typedef struct cvet_check {
	cvet_rule rule;                      /* id, title, severity, CWEs, precision */
	const enum CXCursorKind *kinds;      /* cursor kinds for on_cursor, 0-terminated; NULL = none */
	size_t state_size;                   /* per-TU state, zeroed */
	void (*on_tu_begin)(cvet_tu *tu, void *state);
	void (*on_file)(cvet_tu *tu, void *state, const char *path, const char *text, size_t len);
	void (*on_function_begin)(cvet_tu *tu, void *state, const cvet_event *ev);
	void (*on_call)(cvet_tu *tu, void *state, const cvet_event *ev);
	void (*on_cursor)(cvet_tu *tu, void *state, const cvet_event *ev);
	void (*on_function_end)(cvet_tu *tu, void *state, const cvet_event *ev);
	void (*on_tu_end)(cvet_tu *tu, void *state);
	void (*cleanup)(void *state);        /* release what the state owns (not the state itself) */
} cvet_check;

/* ---- registry (analyzer/code/registry.c, generated from checks/checks.def) ---- */
size_t cvet__checks_count(void);
const cvet_check *cvet__checks_at(size_t i);

/* ---- reporting from a check (analyzer/code/findings.c) ---- */

/*
 * Report a finding of `check` at cursor `at` (location: the file location of its extent start -
 * spelling location for macro arguments, expansion location otherwise - in a project file).
 * The snippet (fingerprint input) is the cursor's source text. Returns the new finding so the
 * caller can add steps or a fix, or NULL when the location is not in a project file, the rule
 * is disabled, or memory ran out. The finding is owned by the TU's report.
 */
cvet_finding *cvet_tu_report(cvet_tu *tu, const cvet_check *check, CXCursor at, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Same, at an explicit place in a project file (line/column 1-based), e.g. from on_file text scans. */
cvet_finding *cvet_tu_report_at(cvet_tu *tu, const cvet_check *check, const char *path, unsigned line,
				unsigned column, const char *snippet, const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));

/* Append a dataflow step ("x receives untrusted data from 'getenv'") located at `at`. 0 or CVET_ENOMEM. */
int cvet_tu_add_step(cvet_tu *tu, cvet_finding *f, CXCursor at, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Record a network endpoint (bind/listen/connect) for the surface section. address NULL / port -1 = unknown. */
void cvet_tu_add_endpoint(cvet_tu *tu, CXCursor at, const char *api, const char *address, int port);

#endif
