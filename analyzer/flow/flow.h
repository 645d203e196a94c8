/* flow.h - the flow engine's interface to the scan: lower every project function of a translation unit
 * while the walker has it, collect them into one program, then analyse the whole program at once. */
#ifndef CVET_FLOW_FLOW_H
#define CVET_FLOW_FLOW_H

#include <clang-c/Index.h>
#include <pthread.h>
#include "code/check.h"
#include "cvet/report.h"
#include "flow/ir.h"
#include "common/wire.h"

/* The whole project: every lowered function and global, from every translation unit. Thread-safe to add to. */
typedef struct cvet_flow {
	pthread_mutex_t lock;
	fl_strtab strs;                          /* USRs, names, field names, literals, paths */
	fl_func *funcs; size_t nfuncs, capfuncs; /* owned */
	fl_global *globals; size_t nglobals, capglobals;
	uint32_t *files; size_t nfiles, capfiles; /* file index -> interned report path */
	int oom;
} cvet_flow;

/* What one translation unit contributes, built without the program's lock and merged at the end. */
typedef struct cvet_flow_tu {
	cvet_flow *fl;
	cvet_tu *tu;
	fl_strtab strs;
	fl_func *funcs; size_t nfuncs, capfuncs;
	fl_global *globals; size_t nglobals, capglobals; /* usr/name/init_str ids are this TU's */
	uint32_t *files; size_t nfiles, capfiles;         /* TU file index -> this TU's string id */
	int oom;
} cvet_flow_tu;

/* Which sources count (the threat model); CVET_FLOW_THREAT_DEFAULT = remote, file and stdin. */
#define CVET_FLOW_THREAT_DEFAULT 0
#define CVET_FLOW_THREAT_LOCAL 1 /* also command line and environment */

struct cvet_flow_hooks;

typedef struct cvet_flow_options {
	int threat_model;             /* CVET_FLOW_THREAT_* */
	const struct cvet_flow_hooks *hooks; /* the rules to run (cvet_flow__rules()); NULL: summaries only */
	const struct cvet_config_model *models; /* the user's models (.cvet.json "models"), lent; NULL = none */
	size_t nmodels;
	const unsigned char *enabled; /* per registry rule index (cvet_rules_at order), NULL = all on */
} cvet_flow_options;

/* A new, empty program (caller frees with cvet_flow_free). 0 or CVET_ENOMEM. */
int cvet_flow_new(cvet_flow **out);
void cvet_flow_free(cvet_flow *fl);

/* ---- lowering (analyzer/flow/lower.c), called by the walker while the TU is alive ---- */
void cvet_flow__tu_init(cvet_flow_tu *ft, cvet_flow *fl, cvet_tu *tu);
/* Lower the body of function definition `fn` (in a project file). Memory failures set ft->oom. */
void cvet_flow__lower_function(cvet_flow_tu *ft, CXCursor fn, const char *name);
/* Record a file-scope variable definition or declaration (its constant initialiser, constness). */
void cvet_flow__global(cvet_flow_tu *ft, CXCursor var);
/* Move what the TU built into the program (under its lock) and release the TU's tables. 0 or CVET_ENOMEM. */
int cvet_flow__tu_finish(cvet_flow_tu *ft);
/* Release without merging (on failure). */
void cvet_flow__tu_discard(cvet_flow_tu *ft);

/* ---- a translation unit's program between processes (analyzer/flow/serial.c) ---- */
/* Append the whole of `fl` (in a worker: one translation unit's functions and globals) to w. 0 or CVET_ENOMEM. */
int cvet_flow__encode(const cvet_flow *fl, cvet_wbuf *w);
/* Read what cvet_flow__encode wrote into ft, ready for cvet_flow__tu_finish(ft) to merge into `into`.
 * 0, CVET_ENOMEM, or CVET_EPARSE when the bytes are not such a program (ft is left empty then). */
int cvet_flow__decode(cvet_rbuf *r, cvet_flow *into, cvet_flow_tu *ft);

/* Renumber interned strings in sorted order (ids then do not depend on which translation unit finished
 * first); called before the analysis. 0 or CVET_ENOMEM. */
int cvet_flow__canonicalize(cvet_flow *fl);

/* Use these user models (lent; they must outlive the analysis) in the next analysis; NULL/0 clears them.
 * 0 or CVET_ENOMEM. */
struct cvet_config_model;
int cvet_flow__user_models(const struct cvet_config_model *m, size_t n);

/* The flow rules (checks/flow_rules.c), as the hooks the engine calls. */
const struct cvet_flow_hooks *cvet_flow__rules(void);

/* ---- analysis (analyzer/flow/analyze.c) ---- */
/*
 * Summarise every function bottom-up over the call graph, decide global constants, then run the flow
 * checks over every function and append their findings to `out`. Deterministic whatever the order the
 * functions arrived in. Returns 0 or CVET_ENOMEM.
 */
int cvet_flow_analyze(cvet_flow *fl, const cvet_flow_options *opts, cvet_report *out);

#endif
