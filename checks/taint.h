/* taint.h - a small intra-procedural taint tracker for the group A checks (command-injection, format-string) */
#ifndef CVET_CHECKS_TAINT_H
#define CVET_CHECKS_TAINT_H

#include <clang-c/Index.h>
#include "check.h"

/*
 * Within one function, in source order, the tracker records which variables hold
 *   - CVET_TAINT_UNTRUSTED data: from main's argv/envp, getenv, fgets/gets/read/recv/fread/scanf
 *     buffers, getline, std::getline, std::cin >> s, ... and everything copied or formatted from them;
 *   - CVET_TAINT_BUILT data: strings assembled at runtime (sprintf/snprintf/strcat/strcpy/+= of a
 *     non-constant string) - not known to be hostile, but not a fixed literal either.
 * Facts only accumulate (no kills): a variable tainted on one branch stays tainted. A pointer set to
 * point into a local array (`char *p = buf;`) shares that array's facts; other aliasing and calls to
 * other functions are not followed. Embed a cvet_taint in a check's state and
 * feed it every event the check receives (kinds: cvet_taint__kinds).
 *
 * The walker delivers events in source order, so the tracker updates its facts as events arrive and a
 * sink is judged against what came before it; no per-function event list is kept. The difference to
 * analysing at on_function_end is only loops (an assignment later in a loop body reaching an earlier
 * sink), which this deliberately does not model.
 */

#define CVET_TAINT_NONE 0
#define CVET_TAINT_BUILT 1
#define CVET_TAINT_UNTRUSTED 2

#define CVET_TAINT_MAX_FACTS 256
#define CVET_TAINT_MAX_ALIASES 32

typedef struct cvet_taint_fact {
	CXCursor var;      /* the VarDecl/ParmDecl/FieldDecl that holds the data */
	CXCursor at;       /* where it received it (declaration, assignment or call) */
	int label;         /* CVET_TAINT_* */
	int parent;        /* index of the fact it was derived from, -1 for a source */
	char origin[32];   /* source of the data: "getenv", "argv", "recv", ... (or the builder for BUILT) */
	char via[32];      /* operation that moved it here: "=", "strcpy", "snprintf", ... */
} cvet_taint_fact;

typedef struct cvet_taint {
	cvet_taint_fact facts[CVET_TAINT_MAX_FACTS];
	size_t nfacts;
	CXCursor alias_ptr[CVET_TAINT_MAX_ALIASES]; /* p in `char *p = buf;` */
	CXCursor alias_obj[CVET_TAINT_MAX_ALIASES]; /* buf */
	size_t naliases;
	unsigned depth;    /* nesting of function definitions (lambdas, local classes) */
} cvet_taint;

/* What a query found. */
typedef struct cvet_taint_hit {
	int label;         /* CVET_TAINT_* (NONE when clean) */
	int fact;          /* index of the fact the expression reads, or -1 when it is itself a source call */
	CXCursor src;      /* the source call when fact == -1 */
	char origin[32];   /* source name ("getenv") or builder name ("snprintf") */
} cvet_taint_hit;

/* Cursor kinds the tracker needs through on_cursor (0-terminated). */
extern const enum CXCursorKind cvet_taint__kinds[];

void cvet_taint__function_begin(cvet_taint *t, const cvet_event *ev);
void cvet_taint__function_end(cvet_taint *t, const cvet_event *ev);
void cvet_taint__cursor(cvet_taint *t, const cvet_event *ev);
void cvet_taint__call(cvet_taint *t, const cvet_event *ev);

/* Label of an expression (see cvet_taint_hit); returns hit->label. */
int cvet_taint__query(const cvet_taint *t, CXCursor expr, cvet_taint_hit *hit);

/* Append the dataflow path of `hit` to finding f: source, each propagation, then the sink at `sink`
 * ("reaches 'system'"). f may be NULL (no-op). */
void cvet_taint__add_steps(const cvet_taint *t, cvet_tu *tu, cvet_finding *f, const cvet_taint_hit *hit,
			   CXCursor sink, const char *sink_name);

#endif
