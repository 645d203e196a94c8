/* flow_int.h - the flow engine's internals shared by its analysis (analyze.c), its driver (engine.c) and the
 * flow rules (checks/flow_rules.c): the abstract value, states, summaries and the events rules receive. */
#ifndef CVET_FLOW_INT_H
#define CVET_FLOW_INT_H

#include <stdint.h>
#include "flow/flow.h"

/* Taint: source kinds in the low byte, symbolic "data of parameter i" bits above (i < 24). */
#define K_REMOTE 0x01u
#define K_FILE 0x02u
#define K_STDIN 0x04u
#define K_CMDLINE 0x08u
#define K_ENV 0x10u
#define K_UNCTRL 0x20u
#define K_ALL 0xffu
#define PBIT(i) (1u << (8 + (i)))
#define K_PARAMS 0xffffff00u

/* Value flags. */
#define V_STR 0x01u     /* a pointer to the constant string `str` */
#define V_NONZERO 0x02u /* known not to be zero / NULL */
#define V_SANPATH 0x04u /* checked for ".." or canonicalised */
#define V_SANCMD 0x08u  /* checked for shell metacharacters */
#define V_PT 0x10u      /* points to the place `pt` */
#define V_FN 0x20u      /* a pointer to function `fn` (USR id) */
#define V_STRSET 0x40u  /* one of several constant strings */
#define V_SANFMT 0x80u  /* checked to hold no '%' */
#define V_FREED 0x200u   /* (an object:) released by free()/delete at node `freed` */
#define V_NOSLASH 0x100u /* (one of) its constant string(s) starts with a word without '/': `str` is such a one */
#define V_LIT 0x400u     /* a pointer to a string literal's own storage (not to a copy of one) */
#define V_RELEASED 0x1000u /* (an object:) given to a deallocator (free, fclose, ...) of family `fam` */
#define V_MOVED 0x8000u   /* (an object:) given to realloc at node `freed`: freed once its result is not NULL */
#define V_BOUNDED 0x4000u /* (a number:) its range comes from constants and tests, sums of such, not from its type
                          * or other arithmetic (buffer-overflow judges only such ranges) */
#define V_BSTART 0x2000u  /* with V_PT: points at the very start of the heap block `pt` (buffer-overflow) */
#define V_EXACT 0x800u   /* with V_PT: points at the very start of `pt`, a variable, member or array (not a heap
                          * block): two such pointers to one place are equal */

/* Allocator families (checks/flow_models.def ALLOC/DEALLOC): what releases what. FAM_MIXED: several. */
enum { FAM_NONE = 0, FAM_MALLOC, FAM_NEW, FAM_NEWARR, FAM_FOPEN, FAM_POPEN, FAM_DIR, FAM_MIXED = 0xff };

/* Sink kinds (models' SINK/VALIDATE `what`). */
#define S_CMD 1
#define S_FMT 2
#define S_ALLOC 3
#define S_PATH 4
#define S_EXECARGS 5
#define S_ENVNAME 6
#define S_ENVSTR 7
#define S_CANON 8
#define S_DIV 9
#define S_OVERFLOW 10
#define S_LOOP 11
#define S_SIZE 13   /* a byte count (memcpy, read): a wrapped value here is an integer-overflow */
#define S_SEARCH 12 /* VALIDATE: the edge where the call found nothing proves what was searched for is absent */
#define S_INDEX 14  /* an array index (buffer-overflow): ssink.cap elements */
#define S_STRCOPY 15 /* a string copied whole into an object of ssink.cap characters (buffer-overflow: strcpy) */

/* Place fields: interned field ids, with these marks. */
#define F_STAR 0x7fffffffu    /* *p when p's target is unknown */
#define F_THROUGH 0x80000000u /* p->f when p's target is unknown */
#define F_PTEE 0x40000000u    /* what member f (a pointer) points to */
#define F_ELEM 0x20000000u    /* element F_ELEM | i of an array, for a constant index i < MAX_ELEMS */
#define MAX_ELEMS 64
#define F_OWN 0x1ffffff0u     /* (heap root, F_OWN): 1 while this function owns the block on some path (it must
                               * still free, close, return or hand it on), 0 when not (memory-leak, resource-leak) */

#define F_BSIZE 0x1ffffff1u   /* (heap root, F_BSIZE): the block's size in bytes, as a range (buffer-overflow) */
#define F_SLEN 0x1ffffff2u    /* (local array or heap root, F_SLEN): the length, in characters, of the NUL-terminated
                               * string at the object's start, as a range; absent or unbounded: not known */
#define F_NZPFX 0x1ffffff3u   /* (same roots, F_NZPFX): lo characters at the object's start are known not NUL
                               * (memset(buf, 'A', 99): a later buf[99] = '\0' makes the length 99) */
#define F_MFCOND 0x1ffffff4u  /* (heap root, F_MFCOND): while the block is maybe freed (val.mfree), the paths that
                               * freed it had local variable `str - 1` in lo..hi (and not 0 with V_NONZERO); str 0:
                               * not known. A test that takes the variable out of that range excludes the free */

#define MAX_PLACES 4096u            /* places tracked per state */
#define MAX_TRACES 65536u           /* path steps kept per function */
#define MAX_STEPS_PER_FUNC 200000u  /* block visits per function before giving up on it */
#define WIDEN_AFTER 2u              /* visits of a block before its ranges widen */
#define MAX_ARGS 64u
#define MAX_CONTEXT_NODES 400u     /* callees this small are analysed again for constant arguments */
#define MAX_GFREE 4u                /* globals a summary can say a function frees */
#define MAX_GNULL 4u                /* globals a summary can say a function leaves maybe NULL */
#define MAX_ROUNDS 2                /* passes over the call graph to settle summaries and globals */

typedef struct val {
	uint32_t t;       /* taint */
	uint16_t fl;      /* V_* */
	uint32_t str;     /* constant string id when V_STR */
	uint32_t fn;      /* function USR id when V_FN */
	uint32_t org;     /* trace step that brought the taint here (1-based), 0 = none */
	int64_t lo, hi;   /* integer range */
	uint64_t pt;      /* place pointed to when V_PT */
	uint32_t wrap;    /* node of untrusted arithmetic that may have wrapped on the way here, 0 = none */
	uint32_t call;    /* the result of call node `call` whose callee ends in several outcomes, 0 = none */
	uint32_t freed;   /* V_FREED: the node that freed it */
	uint8_t fam;      /* V_FREED: the family of the deallocator that freed it (FAM_*; 0 = unknown) */
	uint8_t mfree;    /* (an object:) freed on some of the paths that joined here, not on all: `freed` names
	                   * that free (use-after-free, double-free report it as "maybe", precision medium) */
	uint8_t multi;    /* (a heap block:) allocated again while a pointer to its last block, still in use, was
	                   * live: it stands for several blocks, and a free of one is not a free of all */
	uint32_t symf;    /* for parameter data: the place field it was read from (0: the parameter's own value,
	                   * F_STAR, f|F_THROUGH, f|F_PTEE), SYMF_NONE when not one place */
	uint8_t nk;       /* nullness: where a NULL it may hold came from (NK_*); maybe NULL while set and not
	                   * V_NONZERO, certainly NULL when lo == hi == 0 */
	uint32_t nsrc;    /* with nk: the node that made it (the call that may return NULL, the NULL assignment) */
	uint32_t hs[2];   /* without V_PT: the start of a heap block allocated at one of these sites (node + 1, 0 =
	                   * none), when paths that pointed to different blocks joined (p = malloc(); in a loop,
	                   * p = realloc(p, n)); at most two, else none (mismatched-dealloc) */
} val;

/* Nullness origins (val.nk). */
#define NK_ALLOC 0x01u /* the result of a memory allocator (malloc family, or a project function returning one) */
#define NK_CALL 0x02u  /* the result of another function that returns NULL on some path (getenv, fopen, ...) */
#define NK_NULL 0x04u  /* a NULL constant assigned (certainly NULL only while lo == hi == 0) */

#define SYMF_NONE 0xffffffffu

typedef struct slot {
	uint64_t k;
	val v;
} slot;

typedef struct state {
	slot *s;
	uint32_t n, cap;
	int live;        /* 0: unreachable (bottom) */
} state;

typedef struct tstep {
	uint32_t prev;   /* previous step (1-based), 0 = the first */
	uint16_t file;
	uint16_t col;
	uint32_t line;
	uint32_t msg;    /* interned text */
} tstep;

/* A sink a parameter reaches inside a function (or its callees): callers judge their arguments by it. */
typedef struct ssink {
	uint8_t param, kind;
	uint16_t file, col;
	uint32_t line;
	uint32_t what;   /* interned name of the sink call ("system") or operation */
	uint32_t field;  /* which place of the parameter reaches it (val.symf) */
	uint32_t fn;     /* interned name of the function the sink is in */
	int64_t cap;     /* S_INDEX: the element count of the array indexed */
	uint8_t wr, heap; /* S_INDEX: written (1) or read; the array's storage (bounds_use.heap) */
} ssink;

/* Data a function leaves behind a pointer parameter: in *param (field F_STAR), in param->f (f|F_THROUGH),
 * or in what param->f points to (f|F_PTEE). */
typedef struct sout {
	uint8_t param;
	uint32_t field;
	uint32_t t;
	uint16_t fl;     /* sanitiser flags it carries */
	int64_t lo, hi;  /* the range of what is stored (all stores joined) */
} sout;

/* One way a function ends: it returns the constant `ret`, leaving these values behind its pointer
 * parameters (parse(&hdr) returns -1 with hdr unchecked, 0 with hdr.count <= 1000). */
#define MAX_OUTCOMES 4
#define MAX_OUTCOME_PLACES 16
typedef struct oplace {
	uint8_t param;
	uint32_t field;
	val v;
} oplace;

typedef struct outcome {
	int64_t ret;
	uint32_t n;
	oplace place[MAX_OUTCOME_PLACES];
} outcome;

typedef struct summary {
	outcome oc[MAX_OUTCOMES];   /* by returned constant; valid when noc > 1 and !oc_mixed */
	uint32_t noc;
	int oc_mixed;               /* some return is not a constant, or too many kinds: no outcomes */
	uint32_t ret_t;             /* taint of the return value (symbolic bits: from those parameters) */
	int64_t ret_lo, ret_hi;
	uint16_t ret_fl;
	uint32_t ret_str;
	int has_ret, returns;       /* returns: some path comes back */
	uint16_t ret_san;           /* checks (V_SAN*) every untrusted returned value passed */
	uint32_t frees_mask;        /* bit i: the object parameter i points to is freed on every path that returns */
	uint32_t uses_mask;         /* bit i: it is read or written through parameter i (on some path) */
	uint32_t releases_mask;     /* bit i: parameter i's object goes to a deallocator (free, fclose) on every path */
	uint32_t gfree[4];          /* globals (indices) whose block (what the pointer in them points to) is freed on
	                             * every path that returns, the global not written after (use-after-free) */
	uint32_t ngfree;
	uint32_t gnull[4];          /* globals (indices) the function stores a value into that may be NULL, untested, at
	                             * every return (nullness: a caller reading one after the call must test it) */
	uint8_t gnull_nk[4];        /* with gnull: where that NULL comes from (NK_ALLOC / NK_CALL) */
	uint32_t ngnull;
	uint8_t free_fam[24];       /* with releases_mask: the family of that deallocator (FAM_*; 0 = not known) */
	uint32_t keeps_mask;        /* bit i: parameter i's pointer may outlive the call or be released (stored outside
	                             * the function's locals, returned, freed, or handed to a callee that keeps it) */
	uint8_t ret_fam;            /* every non-NULL return is a block allocated here, of this family (FAM_*) */
	uint8_t ret_fam_seen;       /* some non-NULL pointer return was seen (ret_fam then says what it was) */
	uint8_t ret_kept;           /* some fresh block returned is also kept elsewhere (linked into a parameter's object,
	                             * a global): the caller does not own it alone (memory-leak, resource-leak) */
	uint8_t ret_pt_state;       /* 0: no non-NULL return seen; 1: every one points to global place ret_pt; 2: not */
	uint64_t ret_pt;
	uint8_t ret_nk;             /* pointer returns: NK_ALLOC / NK_CALL when some path returns NULL (not only
	                             * because a parameter was NULL) or an unchecked maybe-NULL value */
	uint32_t derefs_mask;       /* bit i: parameter i (a pointer) is dereferenced with no NULL check on every
	                             * path that returns */
	uint8_t derefs_seen;        /* some return was seen (derefs_mask is then the meet of them) */
	uint32_t nullchk_mask;      /* bit i: parameter i's own value is tested for NULL on some path */
	uint32_t ureads_mask;       /* bit i: what parameter i points to is read before the function writes it, on every
	                             * path that returns (uninitialized-read: not an out-parameter) */
	uint8_t ureads_seen;        /* some return was seen (ureads_mask is then the meet of them) */
	uint8_t ret_unw;            /* 1: every non-NULL pointer return is a fresh block nothing wrote yet on that path
	                             * (uninitialized-read: the caller's block starts unwritten); 2: some is not */
	int ret_san_set;
	sout *outs; uint32_t nouts, capouts; /* what the function leaves in the objects its parameters point to */
	uint32_t outs_hash;         /* of outs, for change detection */
	ssink *sinks; uint32_t nsinks, capsinks;
} summary;

/* What the whole program knows of a global. */
typedef struct gfact {
	uint32_t t;      /* taint any function stores into it */
	uint16_t sfl;    /* V_STR / V_STRSET / V_NOSLASH of the constant strings stored into it, with str */
	uint32_t str;
	int stores;      /* any store seen */
	int written;     /* written (or its address taken) after initialisation */
	int escaped;     /* its address is taken: writes through pointers are not seen */
	int has_range;   /* lo..hi: every value a function stored into it */
	int dirty;       /* 1 + the last position in this round's order at which its facts grew, 0 = they did not */
	int64_t lo, hi;
} gfact;

typedef struct finding_key {
	uint64_t h;
} finding_key;

/* Findings one function's analysis raised (owned). */
typedef struct fnd_list {
	cvet_finding **v;
	size_t n, cap;
} fnd_list;

/* The program-wide analysis. */
typedef struct prog {
	cvet_flow *fl;
	summary *sums;             /* per function */
	uint32_t *by_usr;          /* function indices sorted by USR id */
	uint32_t nby_usr;
	gfact *g;
	cvet_report *out;
	int report;                /* final round: raise findings */
	uint32_t active;           /* source kinds that count as untrusted */
	fnd_list *fnd;             /* per function: the findings of its latest analysis */
	uint32_t *callers, *caller_start; /* reverse call graph: callers of f are callers[caller_start[f]..[f+1]) */
	int oom;
	/* nullness: per function, its call sites in the program and how many of them test the result for NULL
	 * (counted once, on first need; freed with cvet_flow__null_sites_free) */
	uint32_t *null_sites, *null_tested;
	int null_sites_ready;
	/* virtual methods: (overridden USR, overriding function index) pairs, sorted by USR */
	uint32_t *ovr_usr, *ovr_fi;
	uint32_t novr;
} prog;

/* Analysis of one function. */
struct cvet_flow_hooks;

typedef struct A {
	const struct cvet_flow_hooks *hooks; /* the rules listening to the engine's events */
	cvet_flow *fl;
	prog *prog;
	gfact *g;
	fl_func *f;
	uint32_t fi, block;
	state cur;
	state spare, bt, be;       /* reused buffers: join scratch, the two edges of a branch */
	tstep *traces; uint32_t ntraces, captraces;
	unsigned edepth;
	int in_cond, in_loop_head, in_loop_step;
	int threat_local_main;     /* argv/envp of main count as sources */
	int changed, budget_hit, oom;  /* changed: this function's summary differs from the last round's */
	int glob_changed;          /* some global's facts grew in this round */
	uint32_t pos;              /* position of the function being analysed in this round's order */
	int final;                 /* the sweep after the fixed point: rules report, summaries collect */
	uint32_t tok_t, tok_org;   /* the string strtok() is splitting (strtok(NULL, ...) continues it) */
	uint32_t union_fid;        /* the field id all union members share ("|"), 0 when no union was seen */
	/* a context analysis of a small callee (its return range for constant arguments) */
	int sub;
	const val *ctx_args;
	uint32_t ctx_nargs;
	val ret_acc;
	int ret_seen;
	int ret_null;              /* (nullness) some return of the context analysis may be NULL */
	summary scratch;
	/* the call being evaluated (for rules) */
	const fl_node *call;
	const char *call_name;
	const val *call_args;
	const uint32_t *call_argn;
	uint32_t call_nargs;
	int32_t own_reborn;        /* heap root whose allocation ran again while its last block was still owned */
	/* nullness: the pointer operand (node, value) of the latest dereference place_of went through */
	uint32_t dptr_n;
	val dptr;
	/* buffer-overflow: the latest index place_of went through (node, index, the pointer indexed when not an
	 * array) and the latest pointer arithmetic (node, pointer, offset) */
	uint32_t bo_n, bo_arith_n;
	int bo_isptr;
	val bo_ix, bo_ptr, bo_arith_ptr, bo_arith_off;
	int unw_quiet;             /* uninitialized-read: a rule re-evaluating an expression is not a read of it */
	int mfcond_seen;           /* some F_MFCOND place was made in this function's analysis (see store) */
	int elemfree_seen;         /* some array element's block was freed in this function's analysis (see store) */
	int fill_sym;              /* 1 while a copy fills an object with one place of the parameters' data ... */
	uint32_t fill_symf;        /* ... this one (val.symf): callers then judge that place, not all the argument */
} A;

/* analyze.c */
int cvet_flow__analyze_function(A *a, uint32_t fi);
/* Value of expression node n in the current state (with its effects on it). */
val cvet_flow__eval(A *a, uint32_t n);
const char *cvet_flow__callee_name(const cvet_flow *fl, uint32_t usr);
/* A function's name for messages: a project function's own (C++ too), else its library name. */
const char *cvet_flow__display_name(A *a, uint32_t usr);

/* The function with this USR (its index in the program), or -1. */
int64_t cvet_flow__func_index(const prog *p, uint32_t usr);
/* The project functions overriding virtual method `usr` (directly or further down): *first indexes
 * p->ovr_fi; returns how many. */
uint32_t cvet_flow__overriders(const prog *p, uint32_t usr, uint32_t *first);
/* "network", "file", ... for a taint's source kinds. */
const char *cvet_flow__kind_word(uint32_t kinds);

/* engine.c */
/* Raise a finding of `rule` at node `at` with the trace ending in `org` as its path (final round only). */
void cvet_flow__report(A *a, const char *rule, const fl_node *at, uint32_t org, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/* Same, for a sink inside a callee reached through a call at `call`. */
void cvet_flow__report_via(A *a, const char *rule, const ssink *sk, const fl_node *call, uint32_t org,
			   const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* Record in the current function's summary that parameter bits `t` reach a sink. */
void cvet_flow__summary_sink(A *a, const val *v, int kind, const fl_node *at, const char *what);
/* The caller's value for a callee's parameter place: argument node argn, callee field `field` (a symf). */
val cvet_flow__arg_place(A *a, uint32_t argn, uint32_t field, const val *arg, const val *cont);
/* Pointer value p with what it points to (taint, string facts) when it points to a known place; else p. */
val cvet_flow__pointee_content(A *a, const val *p);

/* Add a callee's sink, reached by the caller's own parameters `t`, to the caller's summary. */
void cvet_flow__summary_pass_on(A *a, uint32_t t, const ssink *sk);

/* Heap objects: the block allocation call node n returns is the place (HEAP_ROOT(n), 0). */
#define HEAP_BASE 0x40000000
#define HEAP_ROOT(n) (-(int32_t)(HEAP_BASE + (n)))
#define IS_HEAP_ROOT(r) ((r) <= -(int32_t)HEAP_BASE)

/* An access whose extent the engine knows (buffer-overflow): an index into an object, or a byte count a
 * library function writes or reads at a pointer. */
typedef struct bounds_use {
	const fl_node *at;      /* the access, or the call */
	uint32_t ixn;           /* the index or size expression (0 = none) */
	uint32_t objn;          /* the expression naming the object */
	val ix;                 /* index in elements, or the byte count */
	int64_t cap_lo, cap_hi; /* the object's size in the same unit (elements, or bytes) */
	uint32_t unit;          /* bytes of one element (index), 1 (byte count) */
	int heap, write;
	const char *callee;     /* byte counts: the function given it; NULL for an index */
	/* string copies (strcpy, strcat, sprintf: str != 0): ix is unused, cap_lo..cap_hi are the destination's bytes,
	 * unit the bytes of one character (1, or 4 for wchar_t) */
	uint8_t str;            /* BS_* */
	uint32_t srcn;          /* the source expression (0 for a format) */
	val src;                /* its value (a parameter's own pointer: callers judge it through the summary) */
	int64_t len_lo, len_hi; /* characters the call writes before the terminator; len_lo < 0: not known */
	int64_t dlen_lo;        /* BS_APPEND: characters the destination already holds (0 when not known) */
} bounds_use;

/* bounds_use.str */
#define BS_COPY 1   /* strcpy(dst, src): the source's length + 1 */
#define BS_APPEND 2 /* strcat(dst, src): dst's length + the source's + 1 */
#define BS_FORMAT 3 /* sprintf(dst, fmt, ...): the formatted text's length + 1 */

/* Events the flow rules handle (checks/flow_rules.c): the engine calls them through these hooks, so it names
 * no rule, and the rules call down into it, never the other way. Any callback may be NULL. */
typedef struct cvet_flow_hooks {
	void (*on_sink)(A *a, const fl_node *call, const char *name, int kind, uint32_t argi, const val *v);
	void (*on_summary_call)(A *a, const fl_node *call, const summary *s, const val *args, const val *cont,
				const uint32_t *argn, uint32_t nargs);
	void (*on_divide)(A *a, const fl_node *op, const val *divisor);
	void (*on_wrapped_use)(A *a, const val *v, const char *use);
	void (*on_alloc)(A *a, const fl_node *at, uint32_t sizen, const val *size, const char *what);
	void (*on_loop)(A *a, uint32_t cond);
	void (*on_return)(A *a, const fl_node *at, const val *v);
	/* memory: a use of (reading or writing through, or passing to a library function) an object freed at
	 * node `freed`; and a free of one already freed there. definite = 0: freed on some of the paths that
	 * reach here only (a free on one branch, the paths joined since) */
	void (*on_use_freed)(A *a, const fl_node *use, uint32_t freed, const char *how, int definite);
	void (*on_double_free)(A *a, const fl_node *call, uint32_t freed, const char *name, int definite);
	/* a deallocation (by `name`, or by callee `via` that frees its argument; name NULL: `via` frees what a
	 * global points to) of storage that is not on the heap: NF_* says what, `var` names it (NULL for a
	 * literal) */
	void (*on_free_nonheap)(A *a, const fl_node *call, const char *name, int what, const char *var, const char *via);
	/* a deallocation of family `dfam` (by `name`, or inside callee `via`) of a block of family `afam`
	 * allocated at node `site` */
	void (*on_mismatched_dealloc)(A *a, const fl_node *call, const char *name, uint32_t site, int afam, int dfam,
				      const char *via);
	/* a block of family `fam` allocated at node `site` (the trace step `org`) that this function still owns
	 * is lost at `at`: the function returns with no pointer to it surviving, or (overwritten = 1) the last
	 * pointer to it is overwritten */
	void (*on_leak)(A *a, const fl_node *at, uint32_t site, int fam, uint32_t org, int overwritten);
	/* the final sweep of a function is over (reporting round only): in[b].live tells the blocks it reached */
	void (*on_function_end)(A *a, const state *in);
	/* nullness: pointer value p (expression node pn, 0 = none), NULL or maybe NULL (see val.nk), is
	 * dereferenced at `at`: read or written through, or passed to `callee` (NULL: a plain dereference) which
	 * dereferences it (a library DEREF model, or a project function whose summary says so) */
	void (*on_null_deref)(A *a, const fl_node *at, uint32_t pn, const val *p, const char *callee);
	/* buffer-overflow: an index or byte count into an object of known size (see bounds_use) */
	void (*on_bounds)(A *a, const bounds_use *u);
	/* uninitialised: expression node n (a local, a member or element of one, or a heap block from the
	 * allocation at node `site`, 0 = a local) is read at `at` before anything wrote it, on every path reaching
	 * it (definite = 1) or on some (0); via: the callee it is passed to that reads it (NULL: read here) */
	void (*on_uninit_read)(A *a, const fl_node *at, uint32_t n, uint32_t site, int definite, const char *via);
} cvet_flow_hooks;

/* What on_free_nonheap is given. */
#define NF_LOCAL 1   /* a local variable or array */
#define NF_STATIC 2  /* a global or static variable or array */
#define NF_LITERAL 3 /* a string literal */

/* What checks/flow_models.def says of a library function's result (CHECKED, FAILS, RANGE). */
#define RC_ALWAYS 1 /* CHECKED(name, ALWAYS): a result ignored or never tested is a finding */
#define RC_STORED 2 /* CHECKED(name, STORED): only one stored and never tested (also through a wrapper) */
#define RC_ELSEWHERE 3 /* CHECKED(name, ELSEWHERE): as STORED, and a wrapper's result ignored */
typedef struct result_model {
	int checked;              /* 0, RC_ALWAYS, RC_STORED or RC_ELSEWHERE */
	int has_fails;
	int64_t fail_lo, fail_hi; /* what it returns on failure; fail_lo > fail_hi: a short count (fread) */
	int zero_is_end;          /* FAILS_END: 0 is an outcome of its own (end of input), which a test may single out */
	int has_range;
	int64_t lo, hi;           /* every value it returns (RANGE) */
} result_model;
/* Fills `out` for library function `name`; 1 when it has a CHECKED or FAILS model. */
int cvet_flow__result_model(const char *name, result_model *out);
void cvet_flow__null_sites_free(prog *p);

/* The length range of the NUL-terminated string pointer value v points at the start of (a literal's own, or what
 * the engine followed into a local array or heap block); 0 when not known. */
int cvet_flow__str_len(A *a, const val *v, int64_t *lo, int64_t *hi);
/* Whether expression node n is a call of a function that returns a string's length (STRLEN models). */
int cvet_flow__length_call(A *a, uint32_t n);

/* A path step at node `at` with this text, for a finding's trace (1-based; 0 when none could be kept). */
uint32_t cvet_flow__step(A *a, const fl_node *at, const char *text);
/* A short name of expression node n for messages ("p", "s->buf", "*pp"); "the pointer" when it has none. */
void cvet_flow__expr_name(A *a, uint32_t n, char *buf, size_t size);
/* Whether pointer value v is certainly NULL / may be NULL (from a call that can return it, unchecked). */
int cvet_flow__is_null(const val *v);
int cvet_flow__maybe_null(const val *v);

/* "malloc"/"free", "new"/"delete", ... for family fam: its allocator (dealloc = 0) or deallocator. */
const char *cvet_flow__family_word(int fam, int dealloc);

#endif

