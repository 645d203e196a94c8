/* analyze.c - the flow engine's analysis: global constants, bottom-up function summaries, and a forward
 * abstract interpretation of every function (taint kinds, integer ranges, constant strings, points-to,
 * pruned branches) that raises the flow rules' events. Single-threaded; deterministic in input order. */
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cvet/rules.h"
#include "flow/flow.h"
#include "flow/flow_int.h"
#include "common/util.h"
#include "report/config.h"

/* ---- models (checks/flow_models.def) ---- */

enum { M_SOURCE, M_RANGE, M_PROPAGATE, M_APPEND, M_SINK, M_VALIDATE, M_NORETURN, M_CHECK, M_ALLOC, M_ALLOC_OUT, M_DEALLOC,
       M_FAILS, M_CHECKED /* results (unchecked-return, incorrect-return-check) */ };
enum { M_DEREF = 64, M_MAYNULL }; /* nullness (null-dereference, unchecked-alloc) */
/* string lengths (buffer-overflow); c carries count + 256 * unit. These say nothing of a call's other effects:
 * find_model_any does not count them (a function known by them alone is still an unknown callee). */
enum { M_STRCOPY = 128, M_STRNCOPY, M_STRAPPEND, M_STRFORMAT, M_STRLEN, M_FILL, M_STRREAD };
enum { REMOTE = K_REMOTE, FILE_ = K_FILE, STDIN = K_STDIN, CMDLINE = K_CMDLINE, ENV = K_ENV, UNCONTROLLED = K_UNCTRL };
enum { CMD = S_CMD, FMT = S_FMT, ALLOC = S_ALLOC, PATH = S_PATH, EXECARGS = S_EXECARGS, ENVNAME = S_ENVNAME,
       ENVSTR = S_ENVSTR, CANON = S_CANON, SEARCH = S_SEARCH, SIZE = S_SIZE };
#define FILE FILE_
#define MALLOC FAM_MALLOC
#define NEW FAM_NEW
#define NEWARR FAM_NEWARR
#define FOPEN FAM_FOPEN
#define POPEN FAM_POPEN
#define DIR FAM_DIR
#define NONE FAM_NONE
#define ALWAYS RC_ALWAYS
#define STORED RC_STORED
#define ELSEWHERE RC_ELSEWHERE

typedef struct model {
	const char *name;
	int kind;
	long long a, b, c;
} model;

static const model models[] = {
#define SOURCE(n, arg, k) {#n, M_SOURCE, arg, k, 0},
#define SOURCE_Q(n, arg, k) {n, M_SOURCE, arg, k, 0},
#define PROPAGATE_Q(n, to, from) {n, M_PROPAGATE, to, from, 0},
#define APPEND_Q(n, to, from) {n, M_APPEND, to, from, 0},
#define SINK_Q(n, arg, what) {n, M_SINK, arg, what, 0},
#define RANGE(n, lo, hi) {#n, M_RANGE, lo, hi, 0},
#define PROPAGATE(n, to, from) {#n, M_PROPAGATE, to, from, 0},
#define APPEND(n, to, from) {#n, M_APPEND, to, from, 0},
#define SINK(n, arg, what) {#n, M_SINK, arg, what, 0},
#define VALIDATE(n, arg, what) {#n, M_VALIDATE, arg, what, 0},
#define NORETURN(n) {#n, M_NORETURN, 0, 0, 0},
#define ALLOC(n, fam) {#n, M_ALLOC, -1, fam, 0},
#define ALLOC_Q(n, fam) {n, M_ALLOC, -1, fam, 0},
#define ALLOC_OUT(n, arg, fam) {#n, M_ALLOC_OUT, arg, fam, 0},
#define DEALLOC(n, arg, fam) {#n, M_DEALLOC, arg, fam, 0},
#define DEALLOC_Q(n, arg, fam) {n, M_DEALLOC, arg, fam, 0},
#define FAILS(n, lo, hi) {#n, M_FAILS, lo, hi, 0},
#define FAILS_END(n, lo, hi) {#n, M_FAILS, lo, hi, 1},
#define CHECKED(n, how) {#n, M_CHECKED, how, 0, 0},
#define DEREF(n, arg) {#n, M_DEREF, arg, 0, 0},
#define MAYNULL(n) {#n, M_MAYNULL, -1, 0, 0},
#define STRCOPY(n, dst, src, unit) {#n, M_STRCOPY, dst, src, 256 * (unit)},
#define STRNCOPY(n, dst, src, count, unit) {#n, M_STRNCOPY, dst, src, (count) + 256 * (unit)},
#define STRAPPEND(n, dst, src, unit) {#n, M_STRAPPEND, dst, src, 256 * (unit)},
#define STRFORMAT(n, dst, size, fmt) {#n, M_STRFORMAT, dst, fmt, size},
#define STRLEN(n, arg, unit) {#n, M_STRLEN, arg, unit, 0},
#define FILL(n, dst, value, count, unit) {#n, M_FILL, dst, value, (count) + 256 * (unit)},
#define STRREAD(n, arg) {#n, M_STRREAD, arg, 0, 0},
#include "flow_models.def"
#undef STRCOPY
#undef STRNCOPY
#undef STRAPPEND
#undef STRFORMAT
#undef STRLEN
#undef FILL
#undef STRREAD
#undef FAILS
#undef FAILS_END
#undef CHECKED
#undef DEREF
#undef MAYNULL
#undef ALLOC
#undef ALLOC_Q
#undef ALLOC_OUT
#undef DEALLOC
#undef DEALLOC_Q
#undef SOURCE
#undef SOURCE_Q
#undef PROPAGATE_Q
#undef APPEND_Q
#undef SINK_Q
#undef RANGE
#undef PROPAGATE
#undef APPEND
#undef SINK
#undef VALIDATE
#undef NORETURN
};
#undef FILE
#undef MALLOC
#undef NEW
#undef NEWARR
#undef FOPEN
#undef POPEN
#undef DIR
#undef NONE
#undef ALWAYS
#undef STORED
#undef ELSEWHERE

#define NMODELS (sizeof(models) / sizeof(models[0]))

/* ---- small helpers ---- */

const char *cvet_flow__kind_word(uint32_t k)
{
	if (k & K_REMOTE)
		return "network";
	if (k & K_STDIN)
		return "standard-input";
	if (k & K_FILE)
		return "file";
	if (k & K_CMDLINE)
		return "command-line";
	if (k & K_ENV)
		return "environment";
	if (k & K_UNCTRL)
		return "random";
	return "untrusted";
}

uint32_t cvet_flow__overriders(const prog *p, uint32_t usr, uint32_t *first)
{
	uint32_t lo = 0, hi = p->novr, n = 0;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (p->ovr_usr[mid] < usr)
			lo = mid + 1;
		else
			hi = mid;
	}
	*first = lo;
	while (lo + n < p->novr && p->ovr_usr[lo + n] == usr)
		n++;
	return n;
}

int64_t cvet_flow__func_index(const prog *p, uint32_t usr)
{
	uint32_t lo = 0, hi = p->nby_usr;
	while (lo < hi) {
		uint32_t mid = (lo + hi) / 2;
		if (p->fl->funcs[p->by_usr[mid]].usr < usr)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < p->nby_usr && p->fl->funcs[p->by_usr[lo]].usr == usr ? (int64_t)p->by_usr[lo] : -1;
}


/* Call a rule hook when one is set. */
#define HOOK(name) (!a->hooks || !a->hooks->name) ? (void)0 : a->hooks->name

__extension__ typedef __int128 i128; /* exact products of two 64-bit bounds */

#define FULL_LO INT64_MIN
#define FULL_HI INT64_MAX
#define NO_BLOCK UINT32_MAX

static void type_range(uint8_t width, uint8_t tflags, int64_t *lo, int64_t *hi)
{
	if (!(tflags & FL_T_INT) || width == 0 || width >= 64) {
		*lo = (tflags & FL_T_INT) && !(tflags & FL_T_SIGNED) ? 0 : FULL_LO;
		*hi = FULL_HI;
		return;
	}
	if (tflags & FL_T_SIGNED) {
		*lo = -((int64_t)1 << (width - 1));
		*hi = ((int64_t)1 << (width - 1)) - 1;
	} else {
		*lo = 0;
		*hi = ((int64_t)1 << width) - 1;
	}
}

/* uninitialized-read: one marker place per followed object, under a root of their own (no variable, global or
 * heap block has it). Its value's taint bits say how the paths reaching here left the object: unwritten
 * (U_NO), unwritten past a loop that may not have run for reasons we cannot tell (U_SKIP), written (U_YES). */
#define UNW_ROOT 0x3ffffff0
#define UNW_HEAP 0x10000000u  /* field: a heap block, by its allocation node */
#define UNW_PARAM 0x08000000u /* field: what parameter i points to (read before written: ureads_mask) */
#define U_NO 1u
#define U_SKIP 2u
#define U_YES 4u
#define U_NREAD 8u /* (parameter markers) a path on which the function has not read it before writing it */

static val top(void)
{
	val v;
	memset(&v, 0, sizeof(v));
	v.lo = FULL_LO;
	v.hi = FULL_HI;
	v.symf = SYMF_NONE;
	return v;
}

static val konst(int64_t k)
{
	val v = top();
	v.lo = v.hi = k;
	v.fl |= V_BOUNDED;
	if (k)
		v.fl |= V_NONZERO;
	return v;
}

static int64_t clamp128(i128 x)
{
	return x > (i128)FULL_HI ? FULL_HI : x < (i128)FULL_LO ? FULL_LO : (int64_t)x;
}

/* The constant strings a value may be: one (V_STR), or one of several (V_STRSET) of which `str` is a
 * representative, preferring one whose first word has no '/' (V_NOSLASH: "gunzip", not "/usr/bin/unxz"). */
static void strjoin(val *r, const val *a, const val *b)
{
	r->fl &= (uint16_t)~(V_STR | V_STRSET | V_NOSLASH);
	if (!(a->fl & (V_STR | V_STRSET)) || !(b->fl & (V_STR | V_STRSET))) {
		r->str = 0;
		return;
	}
	if ((a->fl & V_STR) && (b->fl & V_STR) && a->str == b->str) {
		r->fl |= (uint16_t)(V_STR | (a->fl & V_NOSLASH));
		r->str = a->str;
		return;
	}
	r->fl |= V_STRSET | ((a->fl | b->fl) & V_NOSLASH);
	r->str = (b->fl & V_NOSLASH) && !(a->fl & V_NOSLASH) ? b->str : a->str;
}

/* V_NOSLASH of a literal: its first word names no directory. */
static uint16_t noslash(const char *s)
{
	size_t n;
	while (*s == ' ' || *s == '\t')
		s++;
	n = strcspn(s, " \t;|&");
	return n && !memchr(s, '/', n) ? V_NOSLASH : 0;
}

/* The constant NULL (0), not a pointer to anything known. */
static int null_const(const val *v)
{
	return v->lo == 0 && v->hi == 0 && !v->t && !(v->fl & (V_PT | V_STR | V_STRSET | V_FN | V_LIT));
}

/* Whether v may hold NULL by what nullness knows (a NULL constant, an unchecked maybe-NULL result). */
static int nullish(const val *v)
{
	return v->nk && !(v->fl & V_NONZERO) && v->lo <= 0 && v->hi >= 0;
}

/* The heap block sites (node + 1) value v may point to the start of: its one block, or what joins left in hs;
 * 0 when none is known. */
static unsigned heap_sites(const val *v, uint32_t out[2])
{
	int32_t root = (int32_t)(uint32_t)(v->pt >> 32);
	out[0] = out[1] = 0;
	if (v->fl & V_PT) {
		if (!IS_HEAP_ROOT(root) || (uint32_t)v->pt != 0)
			return 0;
		out[0] = (uint32_t)(-(int64_t)root - HEAP_BASE) + 1;
		return 1;
	}
	out[0] = v->hs[0];
	out[1] = v->hs[1];
	return out[0] ? (out[1] ? 2 : 1) : 0;
}

/* r (without V_PT) joins a and b: the heap blocks either may point to the start of, when both do (or one is
 * NULL) and they are at most two sites. */
static void join_heap_sites(val *r, const val *a, const val *b)
{
	uint32_t sa[2], sb[2], u[2] = {0, 0};
	unsigned na = heap_sites(a, sa), nb = heap_sites(b, sb), n = 0;
	r->hs[0] = r->hs[1] = 0;
	if ((!na && !null_const(a)) || (!nb && !null_const(b)))
		return;
	for (unsigned i = 0; i < na + nb; i++) {
		uint32_t x = i < na ? sa[i] : sb[i - na];
		if (x == u[0] || x == u[1])
			continue;
		if (n == 2)
			return;
		u[n++] = x;
	}
	r->hs[0] = u[0];
	r->hs[1] = u[1];
}

static val join(val a, val b)
{
	val r = a;
	r.t = a.t | b.t;
	r.lo = a.lo < b.lo ? a.lo : b.lo;
	r.hi = a.hi > b.hi ? a.hi : b.hi;
	r.fl = (uint16_t)((a.fl & b.fl & (V_NONZERO | V_SANPATH | V_SANCMD | V_SANFMT | V_FREED | V_LIT | V_RELEASED |
					  V_MOVED)) |
			  (a.fl & b.fl & V_EXACT & (a.pt == b.pt ? 0xffffu : 0u)) |
			  (a.fl & b.fl & V_BSTART & (a.pt == b.pt ? 0xffffu : 0u)) | (a.fl & b.fl & V_BOUNDED) |
			  ((a.fl | b.fl) & 0)); /* sanitised only when both paths are */
	strjoin(&r, &a, &b);
	if ((a.fl & V_PT) && (b.fl & V_PT) && a.pt == b.pt)
		r.fl |= V_PT;
	else if (((a.fl & V_PT) && null_const(&b)) || ((b.fl & V_PT) && null_const(&a))) {
		r.fl |= V_PT; /* NULL on one path, X on the other (p = NULL; if (c) p = malloc(n);): at most X */
		r.pt = (a.fl & V_PT) ? a.pt : b.pt;
	}
	if ((a.fl & V_FN) && (b.fl & V_FN) && a.fn == b.fn)
		r.fl |= V_FN;
	if (r.fl & V_PT)
		r.hs[0] = r.hs[1] = 0;
	else
		join_heap_sites(&r, &a, &b);
	r.org = a.t & K_ALL ? a.org : b.org;
	if (!r.org)
		r.org = a.org ? a.org : b.org;
	r.wrap = a.wrap ? a.wrap : b.wrap;
	r.call = a.call == b.call ? a.call : 0;
	/* freed on one path only: maybe freed after the join (the free that did it is the one to name) */
	r.mfree = !(r.fl & V_FREED) && (((a.fl | b.fl) & V_FREED) || a.mfree || b.mfree);
	r.freed = ((a.fl & V_FREED) || a.mfree) ? a.freed : ((b.fl & V_FREED) || b.mfree) ? b.freed :
		  a.freed ? a.freed : b.freed;
	r.fam = a.fam == b.fam ? a.fam : !a.fam ? b.fam : !b.fam ? a.fam : FAM_MIXED;
	r.multi = a.multi | b.multi;
	r.symf = a.symf == b.symf ? a.symf : (a.t & K_PARAMS) && !(b.t & K_PARAMS) ? a.symf :
		 (b.t & K_PARAMS) && !(a.t & K_PARAMS) ? b.symf : SYMF_NONE;
	/* NULL on either path may be NULL after the join (unless both are known non-NULL: V_NONZERO above) */
	r.nk = (uint8_t)((nullish(&a) ? a.nk : 0) | (nullish(&b) ? b.nk : 0));
	r.nsrc = (a.nk & (NK_ALLOC | NK_CALL)) ? a.nsrc : (b.nk & (NK_ALLOC | NK_CALL)) ? b.nsrc : a.nsrc ? a.nsrc : b.nsrc;
	return r;
}

static int same(const val *a, const val *b)
{
	return a->t == b->t && a->lo == b->lo && a->hi == b->hi && a->fl == b->fl && a->pt == b->pt &&
	       a->str == b->str && a->fn == b->fn && a->wrap == b->wrap && a->call == b->call && a->freed == b->freed &&
	       a->fam == b->fam && a->mfree == b->mfree && a->multi == b->multi && a->nk == b->nk && a->nsrc == b->nsrc &&
	       a->hs[0] == b->hs[0] && a->hs[1] == b->hs[1];
}

/* ---- states: sorted (key, value) arrays ---- */

static void st_free(state *s)
{
	free(s->s);
	memset(s, 0, sizeof(*s));
}

static int st_copy(A *a, state *dst, const state *src)
{
	if (dst->cap < src->n) {
		slot *n = realloc(dst->s, (src->n + 4) * sizeof(*n));
		if (!n) {
			a->oom = 1;
			return -1;
		}
		dst->s = n;
		dst->cap = src->n + 4;
	}
	if (src->n)
		memcpy(dst->s, src->s, src->n * sizeof(*src->s));
	dst->n = src->n;
	dst->live = src->live;
	return 0;
}

static slot *st_find(const state *s, uint64_t k)
{
	uint32_t lo = 0, hi = s->n;
	while (lo < hi) {
		uint32_t mid = (lo + hi) / 2;
		if (s->s[mid].k < k)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < s->n && s->s[lo].k == k ? &s->s[lo] : NULL;
}

static int st_set(A *a, state *s, uint64_t k, val v)
{
	uint32_t lo = 0, hi = s->n;
	while (lo < hi) {
		uint32_t mid = (lo + hi) / 2;
		if (s->s[mid].k < k)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < s->n && s->s[lo].k == k) {
		s->s[lo].v = v;
		return 0;
	}
	if (s->n >= MAX_PLACES)
		return 0; /* too many places: forget the new one (it reads back as its initial value) */
	if (s->n == s->cap) {
		uint32_t nc = s->cap ? s->cap * 2 : 16;
		slot *n = realloc(s->s, nc * sizeof(*n));
		if (!n) {
			a->oom = 1;
			return -1;
		}
		s->s = n;
		s->cap = nc;
	}
	memmove(&s->s[lo + 1], &s->s[lo], (s->n - lo) * sizeof(*s->s));
	s->s[lo].k = k;
	s->s[lo].v = v;
	s->n++;
	return 0;
}

/* ---- places ---- */

static uint64_t mkkey(int32_t root, uint32_t field)
{
	return ((uint64_t)(uint32_t)root << 32) | field;
}
static int32_t key_root(uint64_t k)
{
	return (int32_t)(uint32_t)(k >> 32);
}
static uint32_t key_field(uint64_t k)
{
	return (uint32_t)k;
}

/* The index of the global pointer variable (not an array) `root` names, or -1. What it points to is followed as
 * an object of its own (*g): a free of g marks it, any store into g forgets that (see store). */
static int64_t global_pointer(A *a, int32_t root)
{
	uint32_t g;
	if (root >= -1 || IS_HEAP_ROOT(root))
		return -1;
	g = (uint32_t)(-root - 2);
	if (g >= a->fl->nglobals || !(a->fl->globals[g].tflags & FL_T_PTR) || (a->fl->globals[g].tflags & FL_T_ARRAY))
		return -1;
	return g;
}

/* Whether `root` is a local array (not a parameter): the blocks its elements point to, at constant indexes,
 * are followed as objects of their own, (root, F_ELEM | i | F_PTEE), until something is stored into that
 * element or into the array at an index not known (then into any of them). */
static int elem_pointee(uint32_t f)
{
	return f != F_STAR && (f & F_ELEM) && (f & F_PTEE) && !(f & F_THROUGH);
}

static int elem_array(A *a, int32_t root)
{
	return root >= 0 && (uint32_t)root < a->f->nvars && a->f->vars[root].param < 0 &&
	       (a->f->vars[root].tflags & FL_T_ARRAY);
}

/* Something is stored into element place k of a local array (k's field 0: into some element, or all): the
 * blocks freed through the element(s) are not what they point to any more. */
static void forget_elem_frees(A *a, uint64_t k)
{
	int32_t root = key_root(k);
	uint32_t f = key_field(k);
	if (!a->elemfree_seen || !elem_array(a, root) ||
	    (f != 0 && (f == F_STAR || (f & (F_PTEE | F_THROUGH)) || !(f & F_ELEM))))
		return;
	for (uint32_t i = 0; i < a->cur.n; i++) {
		slot *sl = &a->cur.s[i];
		uint32_t sf = key_field(sl->k);
		if (key_root(sl->k) != root || !elem_pointee(sf) || (f != 0 && (sf & ~F_PTEE) != f))
			continue;
		sl->v.fl &= (uint16_t)~V_FREED;
		sl->v.mfree = 0;
	}
}

/* The value a place holds before the function writes it: parameters carry their own symbol, globals
 * what the whole program knows of them, everything else is unknown. */
static val initial(A *a, uint64_t k)
{
	int32_t root = key_root(k);
	val v = top();
	if (root == UNW_ROOT) {
		v.lo = v.hi = 0;
		v.t = U_YES; /* no marker: nothing to follow, as good as written */
		return v;
	}
	if (IS_HEAP_ROOT(root) && key_field(k) == F_OWN) {
		v.lo = v.hi = 0; /* not allocated on that path: nothing to free */
		return v;
	}
	if (root >= 0 && (uint32_t)root < a->f->nvars) {
		const fl_var *var = &a->f->vars[root];
		if (var->param >= 0 && var->param < 24) {
			v.t = PBIT(var->param);
			v.symf = key_field(k);
			if (a->f->is_main && a->threat_local_main) {
				if (var->param == 1 && key_field(k) != 0)
					v.t |= K_CMDLINE; /* *argv */
				if (var->param == 2 && key_field(k) != 0)
					v.t |= K_ENV;
			}
			if (key_field(k) == 0)
				type_range(var->width, var->tflags, &v.lo, &v.hi);
			if (key_field(k) == 0 && a->ctx_args && var->param < (int)a->ctx_nargs &&
			    !(a->ctx_args[var->param].fl & V_PT)) {
				v.lo = a->ctx_args[var->param].lo;
				v.hi = a->ctx_args[var->param].hi;
				v.fl |= a->ctx_args[var->param].fl & V_NONZERO;
			}
			v.org = 0;
		} else if (key_field(k) == 0) {
			type_range(var->width, var->tflags, &v.lo, &v.hi);
		}
		return v;
	}
	if (root < -1) {
		uint32_t g = (uint32_t)(-root - 2);
		if (g < a->fl->nglobals) {
			const fl_global *gl = &a->fl->globals[g];
			const gfact *gf = &a->g[g];
			v.t = gf->t;
			v.org = 0;
			if (key_field(k) == 0 && gl->has_init && !gf->written) {
				if (gl->has_init == 1) {
					v.lo = gl->init_lo;
					v.hi = gl->init_hi;
					if (v.lo == v.hi && v.lo != 0)
						v.fl |= V_NONZERO;
				}
				if (gl->init_str) {
					v.fl |= (uint16_t)((gl->init_strset ? V_STRSET : V_STR) |
							   noslash(fl_str(&a->fl->strs, gl->init_str)));
					v.str = gl->init_str;
					if ((gl->tflags & FL_T_PTR) && !(gl->tflags & FL_T_ARRAY) && !gl->init_strset)
						v.fl |= V_LIT | V_NONZERO; /* char *name = "guest", never written */
				}
			} else if (key_field(k) == 0) {
				type_range(gl->width, gl->tflags, &v.lo, &v.hi);
				if (!gf->escaped && gf->stores && (gf->sfl & (V_STR | V_STRSET)) && gl->init_str) {
					/* every string ever stored, and the initial one */
					val i1 = top(), i2 = top();
					i1.fl = gf->sfl;
					i1.str = gf->str;
					i2.fl = (uint16_t)((gl->init_strset ? V_STRSET : V_STR) |
							   noslash(fl_str(&a->fl->strs, gl->init_str)));
					i2.str = gl->init_str;
					strjoin(&v, &i1, &i2);
				} else if (!gf->escaped && gf->stores && (gf->sfl & (V_STR | V_STRSET)) &&
					   (!gl->has_init || (gl->has_init == 1 && !gl->init_lo && !gl->init_hi))) {
					/* every string ever stored (a zero-initialised pointer is NULL, no string) */
					v.fl |= gf->sfl;
					v.str = gf->str;
				}
				if (!gf->escaped && gf->has_range && gl->has_init == 1) {
					/* every value ever stored, and the initial one */
					v.lo = gf->lo < gl->init_lo ? gf->lo : gl->init_lo;
					v.hi = gf->hi > gl->init_hi ? gf->hi : gl->init_hi;
				}
			}
		}
	}
	return v;
}

static val load(A *a, uint64_t k)
{
	slot *s = st_find(&a->cur, k);
	if (!s && key_field(k) != 0 && key_field(k) != F_STAR && !(key_field(k) & F_PTEE) &&
	    (s = st_find(&a->cur, mkkey(key_root(k), 0))) != NULL) {
		/* a member never written on its own holds what the whole object received (read(fd, &msg, ...)) */
		val v = initial(a, k);
		v.t |= s->v.t;
		if (s->v.t & K_ALL)
			v.org = s->v.org;
		v.fl |= s->v.fl & (V_SANPATH | V_SANCMD | V_SANFMT);
		return v;
	}
	if (s) {
		val v = s->v;
		if (key_root(k) < -1) { /* a global: what other functions store may arrive any time */
			uint32_t g = (uint32_t)(-key_root(k) - 2);
			if (g < a->fl->nglobals)
				v.t |= a->g[g].t;
		}
		return v;
	}
	return initial(a, k);
}

/* Keep an integer variable's range within its type (data read into it cannot exceed what it holds). */
static void clamp_to_place(A *a, uint64_t k, val *v)
{
	int32_t root = key_root(k);
	uint8_t width = 0, tflags = 0;
	int64_t lo, hi;
	if (key_field(k) != 0 || (v->fl & V_PT))
		return;
	if (root >= 0 && (uint32_t)root < a->f->nvars) {
		width = a->f->vars[root].width;
		tflags = a->f->vars[root].tflags;
	} else if (root < -1 && (uint32_t)(-root - 2) < a->fl->nglobals) {
		width = a->fl->globals[-root - 2].width;
		tflags = a->fl->globals[-root - 2].tflags;
	}
	if (!(tflags & FL_T_INT))
		return;
	type_range(width, tflags, &lo, &hi);
	if (v->lo < lo || v->hi > hi) {
		v->lo = lo;
		v->hi = hi;
	}
}

static void store(A *a, uint64_t k, val v, int weak)
{
	clamp_to_place(a, k, &v);
	if (!weak && key_field(k) == 0) {
		/* the whole object is written (fgets(buf, ...)): what its elements held on their own is gone */
		uint32_t j = 0;
		for (uint32_t i = 0; i < a->cur.n; i++)
			if (!(key_root(a->cur.s[i].k) == key_root(k) && (key_field(a->cur.s[i].k) & F_ELEM) &&
			      !(key_field(a->cur.s[i].k) & (F_PTEE | F_THROUGH))))
				a->cur.s[j++] = a->cur.s[i];
		a->cur.n = j;
	}
	if (weak)
		v = join(load(a, k), v);
	forget_elem_frees(a, k);
	if (a->mfcond_seen && key_field(k) == 0 && key_root(k) >= 0)
		for (uint32_t i = 0; i < a->cur.n; i++) /* the variable a maybe-free was told by changes */
			if (key_field(a->cur.s[i].k) == F_MFCOND && a->cur.s[i].v.str == (uint32_t)key_root(k) + 1)
				a->cur.s[i].v.str = 0;
	if (key_field(k) == 0 && global_pointer(a, key_root(k)) >= 0) {
		/* g = ...: what g pointed to (and may have freed) is not what it points to now */
		slot *ob = st_find(&a->cur, mkkey(key_root(k), F_STAR));
		if (ob) {
			ob->v.fl &= (uint16_t)~V_FREED;
			ob->v.mfree = 0;
		}
	}
	st_set(a, &a->cur, k, v);
	if (key_root(k) < -1) {
		uint32_t g = (uint32_t)(-key_root(k) - 2);
		gfact *gf = g < a->fl->nglobals ? &a->g[g] : NULL;
		uint32_t t = v.t & K_ALL;
		if (v.fl & V_PT) /* a pointer to untrusted data: whoever reads the global reads that data */
			t |= load(a, v.pt).t & K_ALL;
		if (gf && t & ~gf->t) {
			gf->t |= t;
			a->glob_changed = 1, gf->dirty = (int)a->pos + 1;
		}
		if (gf && key_field(k) == 0) {
			val old = top(), nw;
			old.fl = gf->sfl;
			old.str = gf->str;
			nw = v;
			if (!gf->stores) {
				gf->sfl = v.fl & (V_STR | V_STRSET | V_NOSLASH);
				gf->str = v.str;
				gf->stores = 1;
				a->glob_changed = 1, gf->dirty = (int)a->pos + 1;
			} else {
				val r = top();
				strjoin(&r, &old, &nw);
				if (r.fl != gf->sfl || r.str != gf->str)
					a->glob_changed = 1, gf->dirty = (int)a->pos + 1;
				gf->sfl = r.fl & (V_STR | V_STRSET | V_NOSLASH);
				gf->str = r.str;
			}
		}
		if (gf && key_field(k) == 0 && (!gf->has_range || v.lo < gf->lo || v.hi > gf->hi)) {
			gf->lo = gf->has_range && gf->lo < v.lo ? gf->lo : v.lo;
			gf->hi = gf->has_range && gf->hi > v.hi ? gf->hi : v.hi;
			gf->has_range = 1;
			a->glob_changed = 1, gf->dirty = (int)a->pos + 1;
		}
	}
}

/* ---- traces: the steps a value took, for the finding's path ---- */

static uint32_t trace(A *a, uint32_t prev, const fl_node *at, const char *fmt, ...)
{
	char buf[256];
	va_list ap;
	tstep *t;
	if (a->ntraces >= MAX_TRACES || !at || !at->line)
		return prev;
	if (a->ntraces == a->captraces) {
		size_t cap = a->captraces;
		void *p = a->traces;
		if (cvet_util__grow(&p, &cap, a->ntraces, sizeof(*a->traces)) < 0) {
			a->oom = 1;
			return prev;
		}
		a->traces = p;
		a->captraces = (uint32_t)cap;
	}
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	t = &a->traces[a->ntraces];
	t->prev = prev;
	t->file = at->file;
	t->line = at->line;
	t->col = at->col;
	t->msg = fl_intern(&a->fl->strs, buf, strlen(buf));
	return ++a->ntraces;
}

/* ---- names ---- */

const char *cvet_flow__callee_name(const cvet_flow *fl, uint32_t usr)
{
	/* a library function's id is its name; a project function's is its USR ("c:@F@name", "c:a.c@F@name"),
	 * whose C name is after the last '@' */
	const char *s = fl_str(&fl->strs, usr), *at = strrchr(s, '@');
	if (strncmp(s, "c:", 2) == 0 && at && !strchr(at, '#'))
		return at + 1;
	return s;
}

/* The user's models (.cvet.json "models"), set for the length of one analysis; searched before the built-in
 * ones. The analysis runs on one thread. */
static model *umodels;
static size_t numodels;

int cvet_flow__user_models(const struct cvet_config_model *m, size_t n)
{
	free(umodels);
	umodels = NULL;
	numodels = 0;
	if (!n)
		return 0;
	if (!(umodels = calloc(n, sizeof(*umodels))))
		return CVET_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		model *u = &umodels[numodels];
		const char *w = m[i].kind ? m[i].kind : m[i].as ? m[i].as : "";
		u->name = m[i].function;
		if (strcmp(m[i].role, "source") == 0) {
			u->kind = M_SOURCE;
			u->a = m[i].arg;
			u->b = strcmp(w, "remote") == 0 ? K_REMOTE : strcmp(w, "file") == 0 ? K_FILE : strcmp(w, "stdin") == 0 ? K_STDIN
			       : strcmp(w, "commandline") == 0 ? K_CMDLINE : strcmp(w, "environment") == 0 ? K_ENV : K_UNCTRL;
		} else if (strcmp(m[i].role, "sink") == 0 || strcmp(m[i].role, "check") == 0) {
			u->kind = m[i].role[1] == 'i' ? M_SINK : M_CHECK;
			u->a = m[i].arg;
			u->b = strcmp(w, "command") == 0 ? S_CMD : strcmp(w, "format") == 0 ? S_FMT : strcmp(w, "path") == 0 ? S_PATH : S_ALLOC;
		} else if (strcmp(m[i].role, "propagate") == 0) {
			u->kind = M_PROPAGATE;
			u->a = m[i].arg;
			u->b = m[i].from;
		} else {
			u->kind = M_NORETURN;
		}
		numodels++;
	}
	return 0;
}

static int user_model(const char *name)
{
	for (size_t i = 0; i < numodels; i++)
		if (strcmp(umodels[i].name, name) == 0)
			return 1;
	return 0;
}

/* The built-in models' indices sorted by (name, index): a lookup is a binary search, not a pass over the
 * whole table with strcmp for every call the engine evaluates. Built once, before any thread runs. */
_Static_assert(sizeof(models) / sizeof(models[0]) < 65536, "model indices are 16-bit");
static uint16_t model_order[NMODELS];
static pthread_once_t model_order_once = PTHREAD_ONCE_INIT;

static int model_cmp(const void *x, const void *y)
{
	uint16_t a = *(const uint16_t *)x, b = *(const uint16_t *)y;
	int c = strcmp(models[a].name, models[b].name);
	return c ? c : (a > b) - (a < b);
}

static void model_order_build(void)
{
	for (size_t i = 0; i < NMODELS; i++)
		model_order[i] = (uint16_t)i;
	qsort(model_order, NMODELS, sizeof(model_order[0]), model_cmp);
}

/* The first position in model_order of the models of `name` (NMODELS when there is none). */
static size_t model_first(const char *name)
{
	size_t lo = 0, hi = NMODELS;
	pthread_once(&model_order_once, model_order_build);
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(models[model_order[mid]].name, name) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < NMODELS && strcmp(models[model_order[lo]].name, name) == 0 ? lo : NMODELS;
}

static const model *find_model(const char *name, int kind, const model *after)
{
	int in_user = after && umodels && after >= umodels && after < umodels + numodels;
	size_t i;
	if (!after || in_user) {
		for (i = in_user ? (size_t)(after - umodels) + 1 : 0; i < numodels; i++)
			if (umodels[i].kind == kind && strcmp(umodels[i].name, name) == 0)
				return &umodels[i];
		after = NULL;
	}
	/* the models of one name sit together in model_order, in table order: the next one of `kind` after
	 * `after` */
	for (i = model_first(name); i < NMODELS && strcmp(models[model_order[i]].name, name) == 0; i++)
		if (models[model_order[i]].kind == kind && (!after || &models[model_order[i]] > after))
			return &models[model_order[i]];
	return NULL;
}

static const fl_node *N(A *a, uint32_t n);

static uint32_t strip(A *a, uint32_t n)
{
	for (unsigned guard = 0; guard < 64 && N(a, n)->op == FL_CAST; guard++)
		n = N(a, n)->a;
	return n;
}

static int is_free(const char *name)
{
	return strcmp(name, "free") == 0 || strcmp(name, "cfree") == 0 || strcmp(name, "delete") == 0 ||
	       strcmp(name, "delete[]") == 0 || strcmp(name, "delete:class") == 0 || strcmp(name, "g_free") == 0;
}

/* Whether the call returns a new block (ALLOC models). */
static int is_alloc(const char *name)
{
	return find_model(name, M_ALLOC, NULL) != NULL;
}

const char *cvet_flow__family_word(int fam, int dealloc)
{
	switch (fam) {
	case FAM_MALLOC: return dealloc ? "free" : "malloc";
	case FAM_NEW: return dealloc ? "delete" : "new";
	case FAM_NEWARR: return dealloc ? "delete[]" : "new[]";
	case FAM_FOPEN: return dealloc ? "fclose" : "fopen";
	case FAM_POPEN: return dealloc ? "pclose" : "popen";
	case FAM_DIR: return dealloc ? "closedir" : "opendir";
	default: return "?";
	}
}

static int is_tokenizer(const char *name)
{
	return strcmp(name, "strtok") == 0 || strcmp(name, "strtok_r") == 0 || strcmp(name, "strsep") == 0;
}

static int find_model_any(const char *name)
{
	if (user_model(name))
		return 1;
	for (size_t i = model_first(name); i < NMODELS && strcmp(models[model_order[i]].name, name) == 0; i++)
		if (models[model_order[i]].kind < M_STRCOPY)
			return 1;
	return 0;
}

int cvet_flow__result_model(const char *name, result_model *out)
{
	const model *m;
	memset(out, 0, sizeof(*out));
	if (!name || !*name || user_model(name))
		return 0; /* the user's model of it says nothing of its results */
	if ((m = find_model(name, M_CHECKED, NULL)) != NULL)
		out->checked = (int)m->a;
	if ((m = find_model(name, M_FAILS, NULL)) != NULL) {
		out->has_fails = 1;
		out->fail_lo = m->a;
		out->fail_hi = m->b;
		out->zero_is_end = m->c != 0;
	}
	if ((m = find_model(name, M_RANGE, NULL)) != NULL) {
		out->has_range = 1;
		out->lo = m->a;
		out->hi = m->b;
	}
	return out->checked || out->has_fails;
}

static const char *var_name(A *a, int32_t root)
{
	if (root >= 0 && (uint32_t)root < a->f->nvars)
		return fl_str(&a->fl->strs, a->f->vars[root].name);
	if (root < -1 && (uint32_t)(-root - 2) < a->fl->nglobals)
		return fl_str(&a->fl->strs, a->fl->globals[-root - 2].name);
	return "";
}

/* ---- expressions ---- */

static val ev(A *a, uint32_t n);

/* The slot holding an object's "freed" state: a heap block's own place, or *p for a pointer variable. */
static uint64_t object_slot(uint64_t k)
{
	int32_t root = key_root(k);
	uint32_t f = key_field(k);
	if (IS_HEAP_ROOT(root))
		return mkkey(root, 0);
	if (f == F_STAR || (f & F_THROUGH))
		return mkkey(root, F_STAR);
	return k;
}

/* Whether place k belongs to an object whose freed state we follow: a block allocated in this function, or
 * what a pointer parameter points to (*p, p->f) while p still holds what the caller passed. */
static int tracked_object(A *a, uint64_t k)
{
	int32_t root = key_root(k);
	uint32_t f = key_field(k);
	if (IS_HEAP_ROOT(root)) {
		const slot *bl = st_find(&a->cur, mkkey(root, 0));
		if (bl && bl->v.multi)
			return 0; /* several blocks of one allocation site: which one a pointer names is not known */
		return !(f & F_PTEE); /* the block itself, not what a pointer stored in it points to */
	}
	if (root >= 0 && (uint32_t)root < a->f->nvars && a->f->vars[root].param >= 0 && a->f->vars[root].param < 24 &&
	    (f == F_STAR || (f & F_THROUGH))) {
		const slot *pv = st_find(&a->cur, mkkey(root, 0));
		return !pv; /* p was never reassigned */
	}
	if (elem_pointee(f) && elem_array(a, root))
		return 1; /* free(slot[0]): the block element 0 points to (see elem_array) */
	return (f == F_STAR || (f & F_THROUGH)) && global_pointer(a, root) >= 0;
}

/* A parameter's bit when place k is what it points to (see tracked_object), else 0. */
static uint32_t param_object_bit(A *a, uint64_t k)
{
	int32_t root = key_root(k);
	if (root >= 0 && (uint32_t)root < a->f->nvars && a->f->vars[root].param >= 0 && a->f->vars[root].param < 24 &&
	    tracked_object(a, k))
		return 1u << a->f->vars[root].param;
	return 0;
}

static int mfree_excluded(A *a, uint64_t ok);

/* A read or write through place k: report when its object was freed; note uses of parameters' objects. */
static void check_use(A *a, uint64_t k, const fl_node *at, const char *how)
{
	const slot *sl;
	if (!tracked_object(a, k))
		return;
	if (a->final && !a->sub)
		a->prog->sums[a->fi].uses_mask |= param_object_bit(a, k);
	sl = st_find(&a->cur, object_slot(k));
	if (sl && (sl->v.fl & V_FREED))
		HOOK(on_use_freed)(a, at, sl->v.freed, how, 1);
	else if (sl && sl->v.mfree && !mfree_excluded(a, object_slot(k)))
		HOOK(on_use_freed)(a, at, sl->v.freed, how, 0);
}

/* The marker of the object place k belongs to (see UNW_ROOT); 0 when uninitialized-read does not follow it. */
static int unw_key(A *a, uint64_t k, uint64_t *mk)
{
	int32_t root = key_root(k);
	uint32_t f = key_field(k);
	if (root >= 0 && (uint32_t)root < a->f->nvars) {
		const fl_var *v = &a->f->vars[root];
		if (v->param < 0) {
			if (f == F_STAR || (f & (F_PTEE | F_THROUGH)) || !v->no_init)
				return 0; /* what a local pointer points to is not the pointer */
			*mk = mkkey(UNW_ROOT, (uint32_t)root);
			return 1;
		}
		if (v->param < 24 && (f == F_STAR || ((f & F_THROUGH) && !(f & F_PTEE))) && !st_find(&a->cur, mkkey(root, 0))) {
			*mk = mkkey(UNW_ROOT, UNW_PARAM | (uint32_t)v->param);
			return 1;
		}
		return 0;
	}
	if (IS_HEAP_ROOT(root) && !(f & F_PTEE) && f != F_OWN) {
		*mk = mkkey(UNW_ROOT, UNW_HEAP | ((uint32_t)(-root - HEAP_BASE) & (UNW_HEAP - 1)));
		return 1;
	}
	return 0;
}

/* Place k is written (assigned, its address taken, handed to a function): its object counts as initialised. */
static void unw_written(A *a, uint64_t k)
{
	uint64_t mk;
	slot *sl;
	if (unw_key(a, k, &mk) && (sl = st_find(&a->cur, mk)) != NULL)
		sl->v.t = U_YES | (sl->v.t & U_NREAD);
}

/* Marker mk's verdict: 2 = unwritten on every path here, 1 = on some (a branch that did not write it), 0 = written
 * (or unwritten only past a loop we cannot tell ran). */
static int unw_state(A *a, uint64_t mk)
{
	const slot *sl = st_find(&a->cur, mk);
	uint32_t t = sl ? sl->v.t : U_YES;
	if (!(t & U_YES))
		return (t & (U_NO | U_SKIP)) ? 2 : 0;
	return (t & U_NO) ? 1 : 0;
}

/* A read of place k at `at` (expression node n; via: the callee given it, which reads it). */
static void unw_read(A *a, uint64_t k, const fl_node *at, uint32_t n, const char *via)
{
	uint64_t mk;
	int st;
	if (a->unw_quiet || !unw_key(a, k, &mk) || !(st = unw_state(a, mk)))
		return;
	if (key_field(mk) & UNW_PARAM) {
		slot *sl = st_find(&a->cur, mk);
		if (st == 2 && sl) /* the caller's object is read before this function wrote it: not an out-parameter */
			sl->v.t &= ~U_NREAD;
		return;
	}
	if (!a->final || a->sub || a->f->budget_cut || a->budget_hit || (via && st != 2))
		return; /* a callee's read may depend on its other arguments (a length): only when certain */
	HOOK(on_uninit_read)(a, at, n, (key_field(mk) & UNW_HEAP) ? key_field(mk) & (UNW_HEAP - 1) : 0, st == 2, via);
	unw_written(a, k); /* once per path: the reads after it follow from this one */
}

/* Place k is an element of a local array at a constant index (each one followed on its own, with the block it
 * points to). */
static int unw_local_elem(A *a, uint64_t k)
{
	int32_t root = key_root(k);
	return root >= 0 && (uint32_t)root < a->f->nvars && a->f->vars[root].param < 0 &&
	       (key_field(k) & ~(uint32_t)(MAX_ELEMS - 1)) == F_ELEM;
}

/* The blocks the elements of local array `root` point to, when the array is handed on in a way we do not follow
 * element by element (whole, at a computed index, by address): whoever gets them may fill them. */
static void unw_elems_written(A *a, int32_t root)
{
	for (uint32_t i = 0; i < a->cur.n; i++) {
		const slot *sl = &a->cur.s[i];
		if (key_root(sl->k) == root && unw_local_elem(a, sl->k) && (sl->v.fl & V_PT))
			unw_written(a, sl->v.pt);
	}
}

static const fl_node *N(A *a, uint32_t n)
{
	return &a->f->nodes[n < a->f->nnodes ? n : 0];
}

/* ---- nullness (null-dereference, unchecked-alloc) ---- */

static int place_of(A *a, uint32_t n, uint64_t *out);
static int object_of(A *a, uint32_t n, uint64_t *out);

/* Marker places: (DEREF_ROOT, i) holds 1 once parameter i was dereferenced with no NULL check on the path
 * (between the globals' roots and the heap's: no variable, global or block has it). */
#define DEREF_ROOT (-(int32_t)(HEAP_BASE - 1))
/* Marker place: (COND_ROOT, 0) holds an arm's value of `c ? x : y` while the arms' states join. */
#define COND_ROOT (-(int32_t)(HEAP_BASE - 2))

int cvet_flow__is_null(const val *v)
{
	return v->nk && v->lo == 0 && v->hi == 0 && !(v->fl & (V_NONZERO | V_STR | V_STRSET | V_FN | V_LIT));
}

int cvet_flow__maybe_null(const val *v)
{
	return (v->nk & (NK_ALLOC | NK_CALL)) && !(v->fl & V_NONZERO) && v->lo <= 0 && v->hi >= 0;
}

/* Pointer value p is dereferenced: when it is a parameter's own value, not checked, mark the parameter (its
 * summary then says callers must not pass NULL). */
static void note_param_deref(A *a, const val *p)
{
	uint32_t pb = p->t & K_PARAMS, i = 0;
	if (!pb || (pb & (pb - 1)) || p->symf != 0 || (p->fl & (V_NONZERO | V_PT)) || p->lo > 0 || p->hi < 0)
		return;
	while (i < 24 && !(pb & PBIT(i)))
		i++;
	if (i < 24 && i < a->f->nparams)
		st_set(a, &a->cur, mkkey(DEREF_ROOT, i), konst(1));
}

/* Node x's parent in f (parent[] built by null_sites_count), skipping casts and assignments whose value x is. */
static uint32_t value_parent(const fl_func *f, const uint32_t *parent, uint32_t *x)
{
	for (unsigned guard = 0; guard < 64 && parent[*x]; guard++) {
		const fl_node *p = &f->nodes[parent[*x]];
		if (p->op == FL_CAST || (p->op == FL_ASSIGN && p->sub == FB_NONE && p->b == *x))
			*x = parent[*x];
		else
			break;
	}
	return parent[*x];
}

/* Whether the value of node x is tested (a branch on it, !x, x == 0, x != 0, x && .., x ? .. : ..). */
static int tested_here(const fl_func *f, const uint32_t *parent, const uint8_t *is_cond, uint32_t x)
{
	uint32_t pn = value_parent(f, parent, &x);
	const fl_node *p;
	if (is_cond[x])
		return 1;
	if (!pn)
		return 0;
	p = &f->nodes[pn];
	if (p->op == FL_UN && p->sub == FU_LNOT)
		return 1;
	if (p->op == FL_BIN && (p->sub == FB_LAND || p->sub == FB_LOR))
		return 1;
	if (p->op == FL_COND && p->a == x)
		return 1;
	if (p->op == FL_BIN && (p->sub == FB_EQ || p->sub == FB_NE)) {
		uint32_t o = p->a == x ? p->b : p->a;
		for (unsigned guard = 0; guard < 64 && o < f->nnodes && f->nodes[o].op == FL_CAST; guard++)
			o = f->nodes[o].a;
		return o < f->nnodes && f->nodes[o].op == FL_INT && f->nodes[o].k == 0;
	}
	return 0;
}

/* Count, over the whole program, each project function's call sites and those that test its result for
 * NULL: the call itself tested, or the local it is assigned to tested somewhere in the caller. */
static void null_sites_count(A *a)
{
	prog *p = a->prog;
	uint32_t n = (uint32_t)a->fl->nfuncs;
	p->null_sites_ready = 1;
	if (!(p->null_sites = calloc(n ? n : 1, sizeof(uint32_t))) || !(p->null_tested = calloc(n ? n : 1, sizeof(uint32_t)))) {
		cvet_flow__null_sites_free(p);
		return;
	}
	for (uint32_t g = 0; g < n; g++) {
		const fl_func *f = &a->fl->funcs[g];
		uint32_t *parent = calloc(f->nnodes ? f->nnodes : 1, sizeof(uint32_t));
		uint8_t *is_cond = calloc(f->nnodes ? f->nnodes : 1, 1), *var_tested = calloc(f->nvars ? f->nvars : 1, 1);
		if (!parent || !is_cond || !var_tested) {
			free(parent);
			free(is_cond);
			free(var_tested);
			continue;
		}
		for (uint32_t i = 1; i < f->nnodes; i++) {
			const fl_node *nd = &f->nodes[i];
			if (nd->op == FL_CALL || nd->op == FL_INIT || nd->op == FL_UNKNOWN) {
				for (uint32_t j = 0; j < nd->b && nd->a + j < f->nextra; j++)
					if (f->extra[nd->a + j] < f->nnodes)
						parent[f->extra[nd->a + j]] = i;
				continue;
			}
			if (nd->a && nd->a < f->nnodes && nd->op != FL_INT && nd->op != FL_STR && nd->op != FL_LOCAL &&
			    nd->op != FL_GLOBAL && nd->op != FL_FUNCREF)
				parent[nd->a] = i;
			if (nd->b && nd->b < f->nnodes && (nd->op == FL_BIN || nd->op == FL_ASSIGN || nd->op == FL_INDEX ||
							   nd->op == FL_COND || nd->op == FL_COMMA))
				parent[nd->b] = i;
			if (nd->c && nd->c < f->nnodes && nd->op == FL_COND)
				parent[nd->c] = i;
		}
		for (uint32_t b = 0; b < f->nblocks; b++)
			if (f->blocks[b].term == FT_BRANCH && f->blocks[b].cond && f->blocks[b].cond < f->nnodes) {
				uint32_t c = f->blocks[b].cond;
				for (unsigned guard = 0; guard < 64 && f->nodes[c].op == FL_CAST; guard++)
					c = f->nodes[c].a;
				is_cond[c] = 1;
			}
		for (uint32_t i = 1; i < f->nnodes; i++)
			if (f->nodes[i].op == FL_LOCAL && f->nodes[i].k >= 0 && (uint64_t)f->nodes[i].k < f->nvars &&
			    tested_here(f, parent, is_cond, i))
				var_tested[f->nodes[i].k] = 1;
		for (uint32_t i = 1; i < f->nnodes; i++) {
			const fl_node *nd = &f->nodes[i];
			int64_t fi;
			uint32_t x = i, up;
			if (nd->op != FL_CALL || !nd->k || (fi = cvet_flow__func_index(p, (uint32_t)nd->k)) < 0)
				continue;
			p->null_sites[fi]++;
			if (tested_here(f, parent, is_cond, i)) {
				p->null_tested[fi]++;
				continue;
			}
			up = parent[x];
			while (up && f->nodes[up].op == FL_CAST)
				x = up, up = parent[x];
			if (up && f->nodes[up].op == FL_ASSIGN && f->nodes[up].b == x && f->nodes[up].a < f->nnodes &&
			    f->nodes[f->nodes[up].a].op == FL_LOCAL && f->nodes[f->nodes[up].a].k >= 0 &&
			    (uint64_t)f->nodes[f->nodes[up].a].k < f->nvars && var_tested[f->nodes[f->nodes[up].a].k])
				p->null_tested[fi]++;
		}
		free(parent);
		free(is_cond);
		free(var_tested);
	}
}

void cvet_flow__null_sites_free(prog *p)
{
	free(p->null_sites);
	free(p->null_tested);
	p->null_sites = p->null_tested = NULL;
}

/* Whether the project itself treats what project function `usr` returns as never NULL: of its call sites (at
 * least 4) fewer than a third test the result. A NULL it can return on some path is then
 * one its callers know cannot happen there (sshbuf_ptr() on a sane buffer). */
static int trusted_never_null(A *a, uint32_t usr)
{
	int64_t fi = cvet_flow__func_index(a->prog, usr);
	if (fi < 0)
		return 0;
	if (!a->prog->null_sites_ready)
		null_sites_count(a);
	if (!a->prog->null_sites)
		return 0;
	return a->prog->null_sites[fi] >= 4 && a->prog->null_tested[fi] * 3 < a->prog->null_sites[fi];
}

/* A dereference at `at` of pointer value p (node pn): by the code itself (callee NULL) or by `callee`. */
static void deref_value(A *a, uint32_t pn, const val *p, const fl_node *at, const char *callee)
{
	note_param_deref(a, p);
	if (a->final && !a->sub && !a->in_loop_step && (cvet_flow__is_null(p) || cvet_flow__maybe_null(p))) {
		const fl_node *src = p->nsrc ? N(a, p->nsrc) : NULL;
		if (!(src && src->op == FL_CALL && src->k && !(p->nk & NK_NULL) && trusted_never_null(a, (uint32_t)src->k)))
			HOOK(on_null_deref)(a, at, pn, p, callee);
	}
	if (cvet_flow__maybe_null(p) && p->nsrc) {
		/* past the first dereference it was not NULL (or the program stopped): one finding, not one per use */
		uint32_t src = p->nsrc;
		for (uint32_t i = 0; i < a->cur.n; i++)
			if ((a->cur.s[i].v.nk & (NK_ALLOC | NK_CALL)) && a->cur.s[i].v.nsrc == src)
				a->cur.s[i].v.fl |= V_NONZERO;
	}
}

/* After place_of(n) for a read or a write: the pointer dereferenced to reach n's place (*p, p->f, p[i], also
 * p->a.b[2] through its p), which place_of left in a->dptr, is judged for nullness. */
static void check_deref_chain(A *a, uint32_t n, const fl_node *at)
{
	const fl_node *m = N(a, n);
	for (unsigned guard = 0; guard < 64; guard++) {
		if (m->op == FL_CAST || m->op == FL_FIELD || (m->op == FL_INDEX && (N(a, m->a)->tflags & FL_T_ARRAY)))
			m = N(a, m->a);
		else
			break;
	}
	if (m->op != FL_ARROW && m->op != FL_DEREF && !(m->op == FL_INDEX && !(N(a, m->a)->tflags & FL_T_ARRAY)))
		return;
	if (!m->a || a->dptr_n != m->a)
		return;
	deref_value(a, m->a, &a->dptr, at, NULL);
}

/* A callee may store into the object argument `argn` designates: what its places' nullness was is no longer
 * known (s->next = NULL; fill(s); s->next->x is not a NULL dereference). `globals`: a project function or
 * an unknown one, which may store into any global too. The pointer argument itself is passed by value. */
static void forget_nullness(A *a, uint32_t argn, int globals)
{
	uint64_t k = 0, self = 0;
	int have = 0, has_self;
	const fl_node *an = N(a, strip(a, argn));
	if (an->op == FL_ADDR && place_of(a, an->a, &k))
		have = 1;
	else if ((an->tflags & (FL_T_PTR | FL_T_ARRAY | FL_T_RECORD)) && object_of(a, argn, &k))
		have = 1;
	has_self = !(an->tflags & (FL_T_ARRAY | FL_T_RECORD)) && an->op != FL_ADDR && place_of(a, strip(a, argn), &self);
	for (uint32_t i = 0; i < a->cur.n; i++) {
		val *v = &a->cur.s[i].v;
		int32_t r = key_root(a->cur.s[i].k);
		if (!v->nk || (has_self && a->cur.s[i].k == self))
			continue;
		if (!(have && r == key_root(k)) && !(globals && r < -1 && !IS_HEAP_ROOT(r) && r != DEREF_ROOT))
			continue;
		v->nk = 0;
		v->nsrc = 0;
		if (v->lo == 0 && v->hi == 0)
			v->lo = FULL_LO, v->hi = FULL_HI;
	}
}

static int place_of(A *a, uint32_t n, uint64_t *out);

/* A place that is one whole scalar (a variable that is not an array, a member, one known element): reading
 * it through *p or a[i] gives exactly its value, not "some element of an object". */
static int exact_place(A *a, uint64_t k)
{
	int32_t root = key_root(k);
	uint32_t f = key_field(k);
	if (f & F_ELEM)
		return !(f & (F_PTEE | F_THROUGH));
	if (f == F_STAR || (f & F_PTEE))
		return 0;
	if (f != 0)
		return 1; /* s.count through p = &s */
	if (root >= 0 && (uint32_t)root < a->f->nvars)
		return !(a->f->vars[root].tflags & FL_T_ARRAY);
	if (root < -1 && (uint32_t)(-root - 2) < a->fl->nglobals)
		return !(a->fl->globals[-root - 2].tflags & FL_T_ARRAY);
	return 0;
}

/* The place a pointer held in place `base` points to, when nothing better is known: *p for a variable p,
 * a pointee of its own for a member (s->in's buffer is not s). */
static uint64_t pointee_key(uint64_t base)
{
	uint32_t f = key_field(base);
	if (f == 0 || f == F_STAR || (f & F_PTEE))
		return mkkey(key_root(base), F_STAR);
	return mkkey(key_root(base), (f & ~F_THROUGH) | F_PTEE);
}

/* A callee's place `field` of its parameter, seen from the caller's object `obj` the argument names:
 * *param is the object itself; a member reached through the parameter is that member of obj's root. */
static uint64_t caller_place(uint64_t obj, uint32_t field)
{
	if (field == F_STAR)
		return obj;
	if (!(field & F_PTEE) && key_field(obj) == 0)
		field &= ~F_THROUGH;
	return mkkey(key_root(obj), field);
}

/* The place *p names: what p points to when known, else p's own "pointee" place. */
static int deref_place(A *a, uint32_t pn, uint64_t *out)
{
	uint64_t base;
	val p = ev(a, pn);
	int ok = 1;
	if (p.fl & V_PT)
		*out = p.pt;
	else if (place_of(a, pn, &base))
		*out = pointee_key(base);
	else
		ok = 0;
	a->dptr = p; /* the pointer dereferenced, for check_deref_chain */
	a->dptr_n = pn;
	return ok;
}

/* The place an lvalue expression names; 0 when it is not one we track. */
static int place_of(A *a, uint32_t n, uint64_t *out)
{
	const fl_node *nd = N(a, n);
	uint64_t base;
	val p;
	switch (nd->op) {
	case FL_LOCAL:
		if (nd->k < 0 || (uint64_t)nd->k >= a->f->nvars)
			return 0;
		*out = mkkey((int32_t)nd->k, 0);
		return 1;
	case FL_GLOBAL:
		*out = mkkey(-(int32_t)nd->k - 2, 0);
		return 1;
	case FL_FIELD:
		if (!place_of(a, nd->a, &base))
			return 0;
		/* inside a union every member overlaps: u.m.text is where u.raw was written */
		if (a->union_fid && key_field(base) == a->union_fid)
			*out = base;
		else
			*out = mkkey(key_root(base), (uint32_t)nd->k);
		return 1;
	case FL_ARROW: {
		int ok = 1;
		p = ev(a, nd->a);
		if (p.fl & V_PT)
			*out = mkkey(key_root(p.pt), (uint32_t)nd->k);
		else if (place_of(a, nd->a, &base))
			*out = mkkey(key_root(base), (uint32_t)nd->k | F_THROUGH);
		else
			ok = 0;
		a->dptr = p; /* the pointer dereferenced, for check_deref_chain */
		a->dptr_n = nd->a;
		return ok;
	}
	case FL_INDEX: {
		val ix = ev(a, nd->b);
		int ok;
		if (ix.wrap)
			HOOK(on_wrapped_use)(a, &ix, "an array index");
		if (N(a, nd->a)->tflags & FL_T_ARRAY) {
			if (!place_of(a, nd->a, &base))
				return 0;
			/* argv2[1] and argv2[0] are two places; an element at a computed index is the whole array */
			if (key_field(base) == 0 && ix.lo == ix.hi && ix.lo >= 0 && ix.lo < MAX_ELEMS &&
			    !(nd->tflags & FL_T_ARRAY)) {
				*out = mkkey(key_root(base), F_ELEM | (uint32_t)ix.lo);
			} else {
				*out = base;
				if (key_root(base) >= 0)
					unw_elems_written(a, key_root(base)); /* (uninitialized-read) any element's block */
			}
			a->bo_n = n, a->bo_ix = ix, a->bo_isptr = 0;
			return 1;
		}
		ok = deref_place(a, nd->a, out); /* p[i] is *p for us */
		a->bo_n = n, a->bo_ix = ix, a->bo_isptr = 1, a->bo_ptr = a->dptr;
		return ok;
	}
	case FL_DEREF:
		return deref_place(a, nd->a, out);
	case FL_CAST:
		return place_of(a, nd->a, out);
	default:
		return 0;
	}
}

/* The object a pointer or array argument designates (what a callee reads or fills through it). */
static int object_of(A *a, uint32_t n, uint64_t *out)
{
	const fl_node *nd = N(a, n);
	val v;
	uint64_t base;
	while (nd->op == FL_CAST) {
		n = nd->a;
		nd = N(a, n);
	}
	if (nd->tflags & FL_T_ARRAY)
		return place_of(a, n, out);
	if ((nd->tflags & FL_T_RECORD) && place_of(a, n, out))
		return 1; /* an object handed over by reference (std::string &) */
	if (nd->op == FL_ADDR)
		return place_of(a, nd->a, out);
	if (nd->op == FL_BIN && (nd->sub == FB_ADD || nd->sub == FB_SUB))
		return object_of(a, (N(a, nd->a)->tflags & (FL_T_PTR | FL_T_ARRAY)) ? nd->a : nd->b, out);
	v = ev(a, n);
	if (v.fl & V_PT) {
		*out = v.pt;
		return 1;
	}
	if (!place_of(a, n, &base))
		return 0;
	*out = pointee_key(base);
	return 1;
}

/* What a pointer argument's callee reads: the pointee's data joined with the pointer's own. */
static val content_at(A *a, uint64_t k, val v);

static val content(A *a, uint32_t n, val v)
{
	uint64_t k;
	return object_of(a, n, &k) ? content_at(a, k, v) : v;
}

/* Pointer value v with what the object at k (which it points to) holds: its taint and string facts. */
static val content_at(A *a, uint64_t k, val v)
{
	val o = load(a, k);
	val r = v;
	if (key_field(k) == 0) {
		/* a whole object: what any of its members holds (sorted keys: its members follow it) */
		const slot *sl = st_find(&a->cur, k);
		uint32_t i = sl ? (uint32_t)(sl - a->cur.s) + 1 : 0;
		if (!sl) {
			uint32_t lo = 0, hi = a->cur.n;
			while (lo < hi) {
				uint32_t mid = (lo + hi) / 2;
				if (a->cur.s[mid].k < k)
					lo = mid + 1;
				else
					hi = mid;
			}
			i = lo;
		}
		for (; i < a->cur.n && key_root(a->cur.s[i].k) == key_root(k); i++) {
			uint32_t f = key_field(a->cur.s[i].k);
			if (f == F_STAR || (f & F_PTEE))
				continue;
			if ((a->cur.s[i].v.t & K_ALL) && !(o.t & K_ALL))
				o.org = a->cur.s[i].v.org;
			o.t |= a->cur.s[i].v.t;
		}
	}
	if ((o.t & K_PARAMS) && !(v.t & K_PARAMS))
		r.symf = o.symf; /* the parameter data is what it points to: judged by that place */
	r.t |= o.t;
	if (!(r.t & K_ALL & v.t) && (o.t & K_ALL))
		r.org = o.org;
	r.fl |= o.fl & (V_SANPATH | V_SANCMD | V_SANFMT);
	if (!(v.fl & (V_STR | V_STRSET)) && (o.fl & (V_STR | V_STRSET))) {
		r.fl |= o.fl & (V_STR | V_STRSET | V_NOSLASH);
		r.str = o.str;
	}
	return r;
}

static int cond_ctx(A *a)
{
	return a->in_cond > 0;
}

static val arith(A *a, const fl_node *nd, fl_binop op, val l, val r, int report_overflow)
{
	val v = top();
	int64_t tlo, thi;
	i128 c[4], lo, hi;
	v.t = l.t | r.t;
	v.org = (l.t & K_ALL) ? l.org : r.org;
	v.wrap = l.wrap ? l.wrap : r.wrap;
	v.symf = (l.t & K_PARAMS) ? l.symf : r.symf;
	if ((l.fl & V_PT) && !(r.fl & V_PT) && (op == FB_ADD || op == FB_SUB)) {
		v.fl |= V_PT;
		v.pt = l.pt;
	} else if ((r.fl & V_PT) && op == FB_ADD) {
		v.fl |= V_PT;
		v.pt = r.pt;
	}
	if ((op == FB_ADD || op == FB_SUB) && (l.fl & r.fl & V_BOUNDED) && !((l.fl | r.fl) & V_PT))
		v.fl |= V_BOUNDED; /* i + 1 of a bounded i */
	if (op == FB_MUL && (l.fl & r.fl & V_BOUNDED) && !((l.fl | r.fl) & V_PT) &&
	    ((r.lo == 1 && r.hi == 1) || (l.lo == 1 && l.hi == 1)))
		v.fl |= V_BOUNDED; /* n * sizeof(char) */
	type_range(nd->width, nd->tflags, &tlo, &thi);
	switch (op) {
	case FB_ADD:
		lo = (i128)l.lo + r.lo;
		hi = (i128)l.hi + r.hi;
		break;
	case FB_SUB:
		lo = (i128)l.lo - r.hi;
		hi = (i128)l.hi - r.lo;
		break;
	case FB_MUL:
		c[0] = (i128)l.lo * r.lo;
		c[1] = (i128)l.lo * r.hi;
		c[2] = (i128)l.hi * r.lo;
		c[3] = (i128)l.hi * r.hi;
		lo = hi = c[0];
		for (int i = 1; i < 4; i++) {
			lo = c[i] < lo ? c[i] : lo;
			hi = c[i] > hi ? c[i] : hi;
		}
		break;
	case FB_DIV:
		if (r.lo > 0 || r.hi < 0) {
			c[0] = (i128)l.lo / (r.lo ? r.lo : 1);
			c[1] = (i128)l.lo / (r.hi ? r.hi : 1);
			c[2] = (i128)l.hi / (r.lo ? r.lo : 1);
			c[3] = (i128)l.hi / (r.hi ? r.hi : 1);
			lo = hi = c[0];
			for (int i = 1; i < 4; i++) {
				lo = c[i] < lo ? c[i] : lo;
				hi = c[i] > hi ? c[i] : hi;
			}
		} else {
			lo = l.lo < 0 ? l.lo : -(i128)l.hi;
			hi = l.hi > 0 ? l.hi : -(i128)l.lo;
		}
		break;
	case FB_REM:
		if (r.lo >= 0 && l.lo >= 0) { /* |a % b| <= a, and < b (b == 0 is the divide-by-zero rule's) */
			lo = 0;
			hi = r.hi > 0 && r.hi - 1 < l.hi ? r.hi - 1 : l.hi;
		} else {
			lo = tlo;
			hi = thi;
		}
		break;
	case FB_OR:
	case FB_XOR:
		if (l.lo >= 0 && r.lo >= 0) {
			int64_t m = l.hi > r.hi ? l.hi : r.hi, p2 = 1;
			while (p2 <= m && p2 < ((int64_t)1 << 62))
				p2 <<= 1;
			lo = op == FB_OR ? (l.lo > r.lo ? l.lo : r.lo) : 0;
			hi = p2 - 1 >= m ? p2 - 1 : m;
		} else {
			lo = tlo;
			hi = thi;
		}
		break;
	case FB_AND:
		/* masking with a constant keeps the low bits, which wrapping does not change: (v - 96) & 31 */
		if ((r.lo == r.hi && r.lo >= 0 && !(r.fl & V_PT) && !r.wrap) ||
		    (l.lo == l.hi && l.lo >= 0 && !(l.fl & V_PT) && !l.wrap))
			v.wrap = 0;
		if (l.lo == l.hi && r.lo == r.hi && !((l.fl | r.fl) & V_PT)) {
			lo = hi = l.lo & r.lo; /* flags & RP_ALLOW_EOF with both known */
		} else if (l.lo >= 0 && r.lo >= 0) {
			lo = 0;
			hi = l.hi < r.hi ? l.hi : r.hi;
			if ((r.lo == r.hi && r.lo > 0 && l.hi < (r.lo & -r.lo)) || (l.lo == l.hi && l.lo > 0 && r.hi < (l.lo & -l.lo)))
				hi = 0; /* (0 or 1) & 4: no bit in common */
		} else if (r.lo >= 0 && r.lo == r.hi) {
			lo = 0;
			hi = r.hi;
		} else if (l.lo >= 0 && l.lo == l.hi) {
			lo = 0;
			hi = l.hi;
		} else {
			lo = tlo;
			hi = thi;
		}
		v.t = (l.t | r.t) & ~K_UNCTRL; /* masking bounds it: not arithmetic that wraps later */
		break;
	case FB_SHR:
		if (l.lo >= 0 && r.lo >= 0 && r.lo < 63) {
			lo = 0;
			hi = l.hi >> r.lo;
		} else {
			lo = tlo;
			hi = thi;
		}
		break;
	case FB_SHL:
		if (l.lo >= 0 && r.lo >= 0 && r.hi < 62 && l.hi < ((int64_t)1 << 40)) {
			lo = (i128)l.lo << r.lo;
			hi = (i128)l.hi << r.hi;
		} else {
			lo = tlo;
			hi = thi;
			if (l.lo == l.hi && r.lo == r.hi && r.lo >= 0 && r.lo < 62)
				lo = hi = (i128)l.lo << r.lo;
		}
		break;
	case FB_LT: case FB_GT: case FB_LE: case FB_GE: case FB_EQ: case FB_NE: case FB_LAND: case FB_LOR: {
		int known = 0, res = 0;
		v.t = 0; /* a truth value is not the data: counting matches (n += c == '\n') is bounded by the input */
		v.wrap = 0;
		if ((op == FB_EQ || op == FB_NE) && (l.fl & (V_PT | V_EXACT)) == (V_PT | V_EXACT) &&
		    (r.fl & (V_PT | V_EXACT)) == (V_PT | V_EXACT) && l.pt == r.pt) {
			/* p != buf where p certainly holds buf */
			known = 1;
			res = op == FB_EQ;
		} else if (l.lo == l.hi && r.lo == r.hi && !(l.fl & V_PT) && !(r.fl & V_PT)) {
			known = 1;
			switch (op) {
			case FB_LT: res = l.lo < r.lo; break;
			case FB_GT: res = l.lo > r.lo; break;
			case FB_LE: res = l.lo <= r.lo; break;
			case FB_GE: res = l.lo >= r.lo; break;
			case FB_EQ: res = l.lo == r.lo; break;
			case FB_NE: res = l.lo != r.lo; break;
			case FB_LAND: res = l.lo && r.lo; break;
			default: res = l.lo || r.lo; break;
			}
		} else if (op == FB_LT && l.hi < r.lo) {
			known = 1, res = 1;
		} else if (op == FB_LT && l.lo >= r.hi) {
			known = 1, res = 0;
		} else if (op == FB_GT && l.lo > r.hi) {
			known = 1, res = 1;
		} else if (op == FB_GT && l.hi <= r.lo) {
			known = 1, res = 0;
		} else if (op == FB_EQ && (l.hi < r.lo || l.lo > r.hi)) {
			known = 1, res = 0;
		} else if (op == FB_NE && (l.hi < r.lo || l.lo > r.hi)) {
			known = 1, res = 1;
		} else if (op == FB_LAND && ((l.lo == 0 && l.hi == 0) || (r.lo == 0 && r.hi == 0))) {
			known = 1, res = 0;
		} else if (op == FB_LOR && ((l.lo > 0 || l.hi < 0 || (l.fl & V_NONZERO)) || (r.lo > 0 || r.hi < 0))) {
			known = 1, res = 1;
		}
		v.lo = known ? res : 0;
		v.hi = known ? res : 1;
		v.fl = known && res ? V_NONZERO : 0;
		return v;
	}
	default:
		lo = tlo;
		hi = thi;
		break;
	}
	if ((nd->tflags & FL_T_INT) && (lo < tlo || hi > thi)) {
		/* the exact result leaves the type: this is where it can wrap */
		if (report_overflow && !cond_ctx(a) && (op == FB_ADD || op == FB_SUB || op == FB_MUL || op == FB_SHL) &&
		    ((l.t | r.t) & (K_ALL | K_PARAMS)) && nd >= a->f->nodes && nd < a->f->nodes + a->f->nnodes)
			v.wrap = (uint32_t)(nd - a->f->nodes); /* judged where the result is used as a size, index or bound */
		v.lo = tlo;
		v.hi = thi;
	} else {
		v.lo = clamp128(lo);
		v.hi = clamp128(hi);
	}
	if (v.lo > 0 || v.hi < 0)
		v.fl |= V_NONZERO;
	return v;
}

static val convert(const fl_node *nd, val v)
{
	int64_t lo, hi;
	if (!(nd->tflags & FL_T_INT))
		return v;
	type_range(nd->width, nd->tflags, &lo, &hi);
	if (v.lo < lo || v.hi > hi) {
		v.lo = lo;
		v.hi = hi;
		v.fl &= (uint16_t)~V_NONZERO;
	}
	return v;
}

static void own_new(A *a, uint64_t hk);
static void note_kept(A *a, const val *v);
static void disown(A *a, const val *v);
static void disown_reachable(A *a, int32_t root, unsigned depth);
static int owned_in(const state *s, int32_t root);
static void set_owned(A *a, state *s, int32_t root, int on);
static int local_place(A *a, uint64_t k);
static int referenced(A *a, int32_t root, uint64_t except);
static void report_leak(A *a, const fl_node *at, int32_t root, int overwritten);

/*
 * Ownership after v was stored into place k (which held `old`): a block stored where we do not follow it is
 * handed on; the last pointer to a block this function owns, overwritten, loses it (memory-leak). `reborn`:
 * v comes from an allocation that ran again while its previous block was owned (p = malloc() in a loop).
 */
static void own_stored(A *a, uint64_t k, const val *old, const val *v, int weak, int32_t reborn, int ptr,
		       const fl_node *at)
{
	int32_t vr = (v->fl & V_PT) && IS_HEAP_ROOT(key_root(v->pt)) ? key_root(v->pt) : 0;
	int32_t orr = (old->fl & V_PT) && IS_HEAP_ROOT(key_root(old->pt)) ? key_root(old->pt) : 0;
	const slot *now;
	if (ptr && !(key_root(k) >= 0 && key_field(k) == 0))
		note_kept(a, v); /* a parameter's pointer stored anywhere but in a variable of this function */
	if (vr && (!local_place(a, k) ||
		   (weak && (!(now = st_find(&a->cur, k)) || !(now->v.fl & V_PT) || key_root(now->v.pt) != vr)))) {
		disown(a, v);
		disown_reachable(a, vr, 0);
	}
	if (weak || !orr || !owned_in(&a->cur, orr) || (old->lo == 0 && old->hi == 0))
		return;
	if (orr != vr && !referenced(a, orr, UINT64_MAX)) {
		report_leak(a, at, orr, 1);
		set_owned(a, &a->cur, orr, 0);
	} else if (orr == vr && reborn == vr && !referenced(a, orr, k)) {
		report_leak(a, at, orr, 1);
	}
}

/* Store v into the lvalue node `lhs` (strong for a variable, weak for an element of an array). */
/* ---- object extents (buffer-overflow) ---- */

/* The size in bytes of the object pointer value p (of expression objn) points at the very start of: a local or
 * global array of constant size, or a heap block whose size the allocation told. 0 when not known. */
static int object_extent(A *a, uint32_t objn, const val *p, int64_t *lo, int64_t *hi, int *heap)
{
	const fl_node *on = N(a, strip(a, objn));
	int32_t root;
	*heap = 0;
	if (!(p->fl & V_PT) || key_field(p->pt) != 0)
		return 0;
	root = key_root(p->pt);
	if ((p->fl & V_BSTART) && IS_HEAP_ROOT(root)) {
		const slot *sl = st_find(&a->cur, mkkey(root, F_BSIZE));
		if (!sl || sl->v.lo < 0 || sl->v.hi >= ((int64_t)1 << 40) || sl->v.lo > sl->v.hi)
			return 0;
		*lo = sl->v.lo, *hi = sl->v.hi, *heap = 1;
		return 1;
	}
	if (!(p->fl & V_EXACT) && !((on->tflags & FL_T_ARRAY) && (on->op == FL_LOCAL || on->op == FL_GLOBAL)))
		return 0;
	if (root >= 0 && (uint32_t)root < a->f->nvars) {
		const fl_var *v = &a->f->vars[root];
		if (!(v->tflags & FL_T_ARRAY) || v->elems <= 0 || !v->esize || v->param >= 0 || v->is_ref ||
		    v->elems > ((int64_t)1 << 40) / v->esize)
			return 0;
		*lo = *hi = v->elems * (int64_t)v->esize;
		return 1;
	}
	if (root < -1 && (uint32_t)(-root - 2) < a->fl->nglobals) {
		const fl_global *g = &a->fl->globals[-root - 2];
		if (!(g->tflags & FL_T_ARRAY) || g->elems <= 0 || !g->esize || g->elems > ((int64_t)1 << 40) / g->esize)
			return 0;
		*lo = *hi = g->elems * (int64_t)g->esize;
		*heap = 2;
		return 1;
	}
	return 0;
}

/* Storage class of the array expression n indexes: 2 a global or static, 0 a local, -1 not known. */
static int array_storage(A *a, uint32_t n)
{
	const fl_node *nd = N(a, strip(a, n));
	while (nd->op == FL_FIELD || (nd->op == FL_INDEX && (nd->tflags & FL_T_ARRAY)))
		nd = N(a, strip(a, nd->a));
	if (nd->op == FL_LOCAL && nd->k >= 0 && (uint64_t)nd->k < a->f->nvars && a->f->vars[nd->k].param < 0 &&
	    !a->f->vars[nd->k].is_ref)
		return 0;
	if (nd->op == FL_GLOBAL)
		return 2;
	return -1;
}

/* An index (a[i], p[i]) or a dereference of p + i at node n, just evaluated by place_of: tell the rules when the
 * object's size is known. */
static void bounds_access(A *a, uint32_t n, int write)
{
	const fl_node *nd = N(a, n);
	bounds_use u;
	int64_t lo, hi;
	memset(&u, 0, sizeof(u));
	u.at = nd;
	u.write = write;
	if (!a->hooks || !a->hooks->on_bounds || (nd->tflags & FL_T_ARRAY))
		return;
	if (nd->op == FL_INDEX) {
		if (a->bo_n != n)
			return;
		u.ixn = nd->b;
		u.objn = nd->a;
		u.ix = a->bo_ix;
		if (!a->bo_isptr) {
			if (nd->k <= 0)
				return;
			u.cap_lo = u.cap_hi = nd->k;
			u.heap = array_storage(a, nd->a);
			u.unit = nd->width >= 8 ? nd->width / 8u : 0;
			HOOK(on_bounds)(a, &u);
			return;
		}
		if (!object_extent(a, nd->a, &a->bo_ptr, &lo, &hi, &u.heap))
			return;
	} else if (nd->op == FL_DEREF && a->bo_arith_n == nd->a && N(a, nd->a)->op == FL_BIN) {
		const fl_node *bn = N(a, nd->a);
		u.ixn = bn->b;
		u.objn = bn->a;
		u.ix = a->bo_arith_off;
		if (!object_extent(a, bn->a, &a->bo_arith_ptr, &lo, &hi, &u.heap))
			return;
	} else {
		return;
	}
	/* through a pointer: counted in the accessed type's elements */
	if (!(nd->tflags & (FL_T_INT | FL_T_PTR)) || nd->width < 8)
		return;
	u.unit = nd->width / 8u;
	u.cap_lo = lo / u.unit;
	u.cap_hi = hi / u.unit;
	if (u.heap == 2)
		u.heap = 2;
	else if (!u.heap)
		u.heap = array_storage(a, u.objn);
	HOOK(on_bounds)(a, &u);
}

/* Library functions that write or read a byte count at a pointer: the pointer and the count's arguments. */
static const struct {
	const char *name;
	uint8_t dst, size, write;
} sized_calls[] = {
	{"memcpy", 0, 2, 1}, {"memmove", 0, 2, 1}, {"memset", 0, 2, 1}, {"strncpy", 0, 2, 1}, {"stpncpy", 0, 2, 1},
	{"fgets", 0, 1, 1}, {"read", 1, 2, 1}, {"recv", 1, 2, 1}, {"recvfrom", 1, 2, 1}, {"pread", 1, 2, 1},
	{"snprintf", 0, 1, 1}, {"vsnprintf", 0, 1, 1}, {"bzero", 0, 1, 1}, {"explicit_bzero", 0, 1, 1},
	{"write", 1, 2, 0}, {"send", 1, 2, 0}, {"fwrite", 0, 1, 0},
};

static void bounds_call(A *a, const fl_node *nd, const char *name, const val *args, const uint32_t *argn,
			uint32_t nargs)
{
	for (size_t i = 0; i < sizeof(sized_calls) / sizeof(sized_calls[0]); i++) {
		bounds_use u;
		int64_t lo, hi;
		if (strcmp(name, sized_calls[i].name) != 0)
			continue;
		if (sized_calls[i].dst >= nargs || sized_calls[i].size >= nargs)
			return;
		if (strcmp(name, "fwrite") == 0)
			return; /* (its count is size * nmemb: not judged) */
		memset(&u, 0, sizeof(u));
		u.objn = argn[sized_calls[i].dst];
		if (!object_extent(a, u.objn, &args[sized_calls[i].dst], &lo, &hi, &u.heap))
			return;
		if (!u.heap)
			u.heap = array_storage(a, u.objn);
		u.at = nd;
		u.ixn = argn[sized_calls[i].size];
		u.ix = args[sized_calls[i].size];
		u.cap_lo = lo, u.cap_hi = hi;
		u.unit = 1;
		u.write = sized_calls[i].write;
		u.callee = name;
		HOOK(on_bounds)(a, &u);
		return;
	}
}

/* ---- string lengths (buffer-overflow) ---- */

/* The object pointer value v points at the very start of, when it is one whose string we follow: a local array
 * of this function (not a parameter, not a reference) or a heap block whose size the allocation told. */
static int str_root(A *a, const val *v, int32_t *root)
{
	int32_t r;
	if (!(v->fl & V_PT) || key_field(v->pt) != 0)
		return 0;
	r = key_root(v->pt);
	if (IS_HEAP_ROOT(r)) {
		if (!(v->fl & V_BSTART))
			return 0;
	} else if (r >= 0 && (uint32_t)r < a->f->nvars) {
		const fl_var *fv = &a->f->vars[r];
		if (!(v->fl & V_EXACT) || !(fv->tflags & FL_T_ARRAY) || fv->param >= 0 || fv->is_ref)
			return 0;
	} else {
		return 0;
	}
	*root = r;
	return 1;
}

/* A followed range (F_SLEN, F_NZPFX) of root r: 0 when absent or not one we trust. */
static int str_fact(A *a, int32_t r, uint32_t field, int64_t *lo, int64_t *hi)
{
	const slot *sl = st_find(&a->cur, mkkey(r, field));
	if (!sl || !(sl->v.fl & V_BOUNDED) || sl->v.lo < 0 || sl->v.lo > sl->v.hi || sl->v.hi >= ((int64_t)1 << 40))
		return 0;
	*lo = sl->v.lo;
	*hi = sl->v.hi;
	return 1;
}

static void str_fact_set(A *a, int32_t r, uint32_t field, int64_t lo, int64_t hi)
{
	val v = konst(lo);
	if (lo < 0 || lo > hi || hi >= ((int64_t)1 << 40))
		v = top();
	v.hi = hi >= ((int64_t)1 << 40) ? FULL_HI : hi;
	st_set(a, &a->cur, mkkey(r, field), v);
}

/* What root r's string was is no longer known (a write we do not follow). */
static void str_forget(A *a, int32_t r)
{
	slot *sl;
	if ((sl = st_find(&a->cur, mkkey(r, F_SLEN))) != NULL)
		sl->v = top();
	if ((sl = st_find(&a->cur, mkkey(r, F_NZPFX))) != NULL)
		sl->v = top();
}

/* The length of the string at v: a literal's own (narrow strings: unit 1), or the one followed into the object
 * v points at the start of. */
static int str_len_unit(A *a, const val *v, int64_t unit, int64_t *lo, int64_t *hi)
{
	int32_t r;
	if ((v->fl & (V_STR | V_LIT | V_STRSET)) == (V_STR | V_LIT)) {
		if (unit != 1)
			return 0;
		*lo = *hi = (int64_t)strlen(fl_str(&a->fl->strs, v->str));
		return 1;
	}
	return str_root(a, v, &r) && str_fact(a, r, F_SLEN, lo, hi);
}

int cvet_flow__str_len(A *a, const val *v, int64_t *lo, int64_t *hi)
{
	return str_len_unit(a, v, 1, lo, hi);
}

int cvet_flow__length_call(A *a, uint32_t n)
{
	const fl_node *nd = N(a, strip(a, n));
	return nd->op == FL_CALL && nd->k > 0 &&
	       find_model(cvet_flow__callee_name(a->fl, (uint32_t)nd->k), M_STRLEN, NULL) != NULL;
}

/* A store into lvalue lhs (place k) of value v: `char s[8] = "abc"` gives s's length, `buf[99] = '\0'` after
 * memset(buf, 'A', 99) gives 99; any other write into a followed object forgets its length. */
static void str_store(A *a, uint32_t lhs, const fl_node *ln, uint64_t k, const val *v)
{
	int32_t r = key_root(k), pr;
	int64_t i, slo = 0, shi = 0, nlo = 0, nhi = 0;
	int has_len, has_nz;
	if (!IS_HEAP_ROOT(r) && !(r >= 0 && (uint32_t)r < a->f->nvars))
		return;
	if (ln->op == FL_LOCAL && key_field(k) == 0 && r >= 0 && (a->f->vars[r].tflags & FL_T_ARRAY)) {
		/* (a declaration's own node has no type flags: the variable's tell) */
		const fl_var *fv = &a->f->vars[r];
		str_forget(a, r);
		if ((v->fl & (V_STR | V_STRSET)) == V_STR && fv->esize == 1 && fv->param < 0) {
			int64_t len = (int64_t)strlen(fl_str(&a->fl->strs, v->str));
			if (len < fv->elems) { /* (else no room for the terminator: not a string) */
				str_fact_set(a, r, F_SLEN, len, len);
				str_fact_set(a, r, F_NZPFX, len, len);
			}
		}
		return;
	}
	has_len = str_fact(a, r, F_SLEN, &slo, &shi);
	has_nz = str_fact(a, r, F_NZPFX, &nlo, &nhi);
	if (!has_len && !has_nz)
		return;
	/* the character written: at a constant index from the object's start */
	if (ln->op == FL_INDEX && a->bo_n == lhs && a->bo_ix.lo == a->bo_ix.hi && a->bo_ix.lo >= 0 &&
	    (a->bo_isptr ? str_root(a, &a->bo_ptr, &pr) && pr == r : N(a, strip(a, ln->a))->op == FL_LOCAL))
		i = a->bo_ix.lo;
	else if (ln->op == FL_DEREF && a->dptr_n == ln->a && str_root(a, &a->dptr, &pr) && pr == r)
		i = 0;
	else {
		str_forget(a, r);
		return;
	}
	if (v->lo == 0 && v->hi == 0 && !(v->fl & V_PT)) { /* a terminator */
		if (has_nz && nlo >= i)
			str_fact_set(a, r, F_SLEN, i, i);
		else if (has_len)
			str_fact_set(a, r, F_SLEN, slo < i ? slo : i, shi < i ? shi : i);
		if (has_nz && nlo > i)
			str_fact_set(a, r, F_NZPFX, i, i);
	} else if (v->lo > 0 || v->hi < 0) { /* a character that is not NUL: the length stays unless it was the end */
		if (has_len && !(i < slo || i > shi))
			str_fact_set(a, r, F_SLEN, -1, -1);
	} else {
		if (has_len && i <= shi)
			str_fact_set(a, r, F_SLEN, -1, -1);
		if (has_nz && nlo > i)
			str_fact_set(a, r, F_NZPFX, i, i);
	}
}

/* The length of what printf-style format fmt produces when every conversion is %s with a string of known length,
 * %c or %%; 0 when not known. */
static int fmt_len(A *a, const char *fmt, const val *args, uint32_t first, uint32_t nargs, int64_t *lo, int64_t *hi)
{
	int64_t l = 0, h = 0;
	uint32_t ai = first;
	for (const char *p = fmt; *p; p++) {
		int64_t x, y;
		if (*p != '%') {
			l++, h++;
			continue;
		}
		p++;
		if (*p == '%') {
			l++, h++;
		} else if (*p == 'c') {
			if (ai++ >= nargs)
				return 0;
			l++, h++;
		} else if (*p == 's') {
			if (ai >= nargs || !str_len_unit(a, &args[ai++], 1, &x, &y))
				return 0;
			l += x, h += y;
		} else {
			return 0; /* a width, a precision, a number: not followed */
		}
		if (h >= ((int64_t)1 << 40))
			return 0;
	}
	*lo = l;
	*hi = h;
	return 1;
}

/* Pointer arguments a call may write through forget the strings they point into; STRREAD ones keep theirs. */
static void str_call_forget(A *a, const char *name, const val *args, uint32_t nargs, int64_t except)
{
	for (uint32_t i = 0; i < nargs; i++) {
		const model *m;
		int32_t r = key_root(args[i].pt);
		if (!(args[i].fl & V_PT) || (int64_t)i == except || (!IS_HEAP_ROOT(r) && !(r >= 0 && (uint32_t)r < a->f->nvars)))
			continue;
		if (name)
			for (m = find_model(name, M_STRREAD, NULL); m; m = find_model(name, M_STRREAD, m))
				if (m->a == (long long)i)
					break;
		if (!name || !m)
			str_forget(a, r);
	}
}

/* A library call's effect on the strings it writes (STRCOPY, STRNCOPY, STRAPPEND, STRFORMAT, FILL), after the
 * rules judged the copy against the destination's size. */
static void str_call(A *a, const fl_node *nd, const char *name, const val *args, const uint32_t *argn, uint32_t nargs)
{
	const model *m;
	int64_t llo, lhi, dlo = 0, dhi = 0, clo, chi, unit;
	int32_t r;
	int known, kind = 0, dknown = 0;
	if ((m = find_model(name, M_STRCOPY, NULL)) != NULL)
		kind = BS_COPY;
	else if ((m = find_model(name, M_STRAPPEND, NULL)) != NULL)
		kind = BS_APPEND;
	else if ((m = find_model(name, M_STRFORMAT, NULL)) != NULL)
		kind = BS_FORMAT;
	else if ((m = find_model(name, M_STRNCOPY, NULL)) == NULL && (m = find_model(name, M_FILL, NULL)) == NULL) {
		str_call_forget(a, name, args, nargs, -1);
		return;
	}
	if (m->a < 0 || (uint32_t)m->a >= nargs || m->b < 0 || (uint32_t)m->b >= nargs) {
		str_call_forget(a, name, args, nargs, -1);
		return;
	}
	str_call_forget(a, name, args, nargs, m->a);
	unit = m->kind == M_STRFORMAT || m->kind == M_STRLEN ? 1 : m->c / 256;
	if (kind == BS_FORMAT) {
		const val *f = &args[m->b];
		known = (f->fl & (V_STR | V_LIT | V_STRSET)) == (V_STR | V_LIT) &&
			fmt_len(a, fl_str(&a->fl->strs, f->str), args, (uint32_t)m->b + 1, nargs, &llo, &lhi);
	} else if (m->kind == M_FILL) {
		known = 0;
	} else {
		known = str_len_unit(a, &args[m->b], unit, &llo, &lhi);
	}
	if (str_root(a, &args[m->a], &r) && kind == BS_APPEND)
		dknown = str_fact(a, r, F_SLEN, &dlo, &dhi);
	/* the judgement: a copy whose length the destination's size cannot hold */
	if (kind && (kind != BS_FORMAT || m->c < 0) && a->hooks && a->hooks->on_bounds) {
		bounds_use u;
		memset(&u, 0, sizeof(u));
		if (object_extent(a, argn[m->a], &args[m->a], &clo, &chi, &u.heap)) {
			if (!u.heap)
				u.heap = array_storage(a, argn[m->a]);
			u.at = nd;
			u.objn = argn[m->a];
			u.cap_lo = clo, u.cap_hi = chi;
			u.unit = (uint32_t)unit;
			u.write = 1;
			u.callee = name;
			u.str = (uint8_t)kind;
			u.srcn = kind == BS_FORMAT ? 0 : argn[m->b];
			u.src = args[m->b];
			u.len_lo = known ? llo : -1;
			u.len_hi = known ? lhi : -1;
			u.dlen_lo = dknown ? dlo : 0;
			HOOK(on_bounds)(a, &u);
		}
	}
	if (!str_root(a, &args[m->a], &r)) {
		int32_t rr = key_root(args[m->a].pt);
		if ((args[m->a].fl & V_PT) && (IS_HEAP_ROOT(rr) || (rr >= 0 && (uint32_t)rr < a->f->nvars)))
			str_forget(a, rr); /* written into its middle */
		return;
	}
	/* what the destination holds afterwards */
	switch (m->kind) {
	case M_STRCOPY:
		if (known)
			str_fact_set(a, r, F_SLEN, llo, lhi), str_fact_set(a, r, F_NZPFX, llo, llo);
		else
			str_forget(a, r);
		break;
	case M_STRAPPEND:
		if (known && dknown)
			str_fact_set(a, r, F_SLEN, dlo + llo, dhi + lhi), str_fact_set(a, r, F_NZPFX, dlo + llo, dlo + llo);
		else
			str_forget(a, r);
		break;
	case M_STRFORMAT:
		if (known && m->c >= 0 && (uint32_t)m->c < nargs) { /* snprintf: cut at size - 1 */
			const val *sz = &args[m->c];
			if (sz->lo >= 1 && sz->hi < ((int64_t)1 << 40)) {
				llo = llo < sz->lo - 1 ? llo : sz->lo - 1;
				lhi = lhi < sz->hi - 1 ? lhi : sz->hi - 1;
			} else {
				known = 0;
			}
		}
		if (known)
			str_fact_set(a, r, F_SLEN, llo, lhi), str_fact_set(a, r, F_NZPFX, llo, llo);
		else
			str_forget(a, r);
		break;
	case M_STRNCOPY: {
		const val *cnt = (uint32_t)(m->c % 256) < nargs ? &args[m->c % 256] : NULL;
		str_forget(a, r);
		if (known && cnt && cnt->lo >= 0 && cnt->hi < ((int64_t)1 << 40)) {
			if (lhi < cnt->lo)
				str_fact_set(a, r, F_SLEN, llo, lhi);
			str_fact_set(a, r, F_NZPFX, llo < cnt->lo ? llo : cnt->lo, llo < cnt->lo ? llo : cnt->lo);
		}
		break;
	}
	case M_FILL: {
		const val *c = &args[m->b], *cnt = (uint32_t)(m->c % 256) < nargs ? &args[m->c % 256] : NULL;
		int64_t olo, ohi;
		int old = str_fact(a, r, F_SLEN, &olo, &ohi);
		if (!cnt || c->lo != c->hi || cnt->lo < 0 || cnt->hi >= ((int64_t)1 << 40)) {
			str_forget(a, r);
		} else if (unit == 1 ? (c->lo & 0xff) == 0 : c->lo == 0) {
			str_forget(a, r);
			if (cnt->lo >= 1)
				str_fact_set(a, r, F_SLEN, 0, 0);
		} else {
			if (!(old && olo >= cnt->hi))
				str_fact_set(a, r, F_SLEN, -1, -1); /* the terminator may be overwritten */
			str_fact_set(a, r, F_NZPFX, cnt->lo, cnt->lo);
		}
		break;
	}
	default:
		break;
	}
}

static void assign(A *a, uint32_t lhs, val v, const fl_node *at)
{
	uint64_t k;
	const fl_node *ln = N(a, lhs);
	int weak;
	int32_t reborn = a->own_reborn;
	val old;
	a->own_reborn = 0;
	a->dptr_n = 0;
	if (!place_of(a, lhs, &k)) {
		check_deref_chain(a, lhs, ln);
		note_kept(a, &v);
		if ((v.fl & V_PT) && IS_HEAP_ROOT(key_root(v.pt))) {
			disown(a, &v); /* stored where we do not follow it */
			disown_reachable(a, key_root(v.pt), 0);
		}
		return;
	}
	check_deref_chain(a, lhs, ln);
	unw_written(a, k);
	if ((v.fl & V_PT) && key_root(v.pt) >= 0 && (uint32_t)key_root(v.pt) < a->f->nvars)
		unw_elems_written(a, key_root(v.pt)); /* pp = table: its elements' blocks are reached through pp */
	if (ln->op == FL_LOCAL || ((v.fl & V_PT) && unw_local_elem(a, k)))
		; /* a local copy of a pointer, or one in an element of a local array: followed (V_PT) */
	else if (v.fl & V_PT)
		unw_written(a, v.pt); /* iov.iov_base = buf: filled through the copy, which we do not follow */
	else if ((ln->tflags & FL_T_PTR) && (v.t & K_PARAMS) && v.symf == 0)
		for (uint32_t i = 0; i < 24; i++)
			if (v.t & PBIT(i)) {
				slot *sl = st_find(&a->cur, mkkey(UNW_ROOT, UNW_PARAM | i));
				if (sl)
					sl->v.t = U_YES | (sl->v.t & U_NREAD);
			}
	if (((ln->tflags & FL_T_PTR) || (ln->op == FL_LOCAL && ln->k >= 0 && (uint64_t)ln->k < a->f->nvars &&
					  (a->f->vars[ln->k].tflags & FL_T_PTR))) && v.lo == 0 && v.hi == 0 && !(v.fl & (V_PT | V_NONZERO)) && at &&
	    at >= a->f->nodes && at < a->f->nodes + a->f->nnodes) {
		if (!v.nk) { /* p = NULL: certainly NULL until something else is stored */
			v.nk = NK_NULL;
			v.nsrc = (uint32_t)(at - a->f->nodes);
		}
	}
	if (ln->op == FL_LOCAL && key_field(k) == 0) {
		/* p = p->next: what was known of the NULLs in p's old target (p->left tested) is not p's new one's */
		for (uint32_t i = 0; i < a->cur.n; i++)
			if (key_root(a->cur.s[i].k) == key_root(k) && key_field(a->cur.s[i].k) != 0 && a->cur.s[i].v.nk) {
				a->cur.s[i].v.nk = 0;
				if (a->cur.s[i].v.lo == 0 && a->cur.s[i].v.hi == 0)
					a->cur.s[i].v.lo = FULL_LO, a->cur.s[i].v.hi = FULL_HI;
			}
	}
	if (ln->op == FL_DEREF || ln->op == FL_ARROW || (ln->op == FL_INDEX && !(N(a, ln->a)->tflags & FL_T_ARRAY)))
		check_use(a, k, at ? at : ln, "written");
	if (ln->op == FL_INDEX || ln->op == FL_DEREF)
		bounds_access(a, lhs, 1);
	/* p->f = v replaces what p->f held (a later p->f reads v back: s->buf = malloc(n); free(s->buf)), but
	 * *p and what a member points to stay weak: they may stand for any of several objects */
	weak = (ln->op == FL_INDEX && !(key_field(k) & F_ELEM)) || key_field(k) == F_STAR ||
	       (key_field(k) & F_PTEE) || ((key_field(k) & F_THROUGH) && ln->op != FL_ARROW) ||
	       (ln->op == FL_DEREF && !exact_place(a, k)); /* *p = 0 into a buffer changes one byte of it */
	if (weak && ln->op == FL_INDEX && key_field(k) == 0) {
		/* a[i] = v may be any element: every element known on its own may now hold v too */
		for (uint32_t i = 0; i < a->cur.n; i++)
			if (key_root(a->cur.s[i].k) == key_root(k) && (key_field(a->cur.s[i].k) & F_ELEM) &&
			    !(key_field(a->cur.s[i].k) & (F_PTEE | F_THROUGH)))
				a->cur.s[i].v = join(a->cur.s[i].v, v);
	}
	if ((ln->tflags & FL_T_INT) && !(v.fl & V_PT))
		v = convert(ln, v);
	if ((v.t & K_ALL) && ln->op == FL_LOCAL && key_field(k) == 0 && at)
		v.org = trace(a, v.org, at, "'%s' receives it", var_name(a, key_root(k)));
	str_store(a, lhs, ln, k, &v); /* (after the conversion: (char)256 is a terminator) */
	old = load(a, k);
	store(a, k, v, weak);
	own_stored(a, k, &old, &v, weak, reborn, (ln->tflags & FL_T_PTR) != 0, at ? at : ln);
}

/* Whether lvalue n names one place of its own (x, s.f of a variable x or s): its place key then stands for
 * that storage only, not for an element at a computed index or a member of a nested member. */
static int exact_target(A *a, uint32_t n)
{
	const fl_node *nd = N(a, strip(a, n));
	if (nd->op == FL_LOCAL || nd->op == FL_GLOBAL)
		return 1;
	if (nd->op == FL_FIELD) {
		uint8_t b = N(a, strip(a, nd->a))->op;
		return b == FL_LOCAL || b == FL_GLOBAL;
	}
	return 0;
}

static val ev_call(A *a, uint32_t n);
static int state_refers(const state *s, int32_t root);

/* Heap block hk (an allocation site) receives a new block holding o. When a pointer to the site's last block
 * is still live and that block was not freed, the place stands for both from now on (free(old) after
 * new = alloc() in a loop): a free through either is then not followed (use-after-free, double-free). */
static void new_block(A *a, uint64_t hk, val o)
{
	const slot *old = st_find(&a->cur, hk);
	int32_t root = key_root(hk);
	o.multi = old && !(old->v.fl & V_FREED) && state_refers(&a->cur, root);
	if (old && ((old->v.fl & V_FREED) || old->v.mfree)) {
		/* pointers still holding the site's last block, freed (or maybe freed), are dangling: they do not
		 * point to the new block. They lose their target, so that a path where the site allocated again
		 * joins one where it did not without making the new block "maybe freed" (`q = c ? alloc() : NULL`
		 * in a loop whose last iteration freed q). */
		for (uint32_t i = 0; i < a->cur.n; i++) {
			val *v = &a->cur.s[i].v;
			if ((v->fl & V_PT) && key_root(v->pt) == root && key_root(a->cur.s[i].k) != root)
				v->fl &= (uint16_t)~(V_PT | V_BSTART | V_EXACT);
		}
	}
	st_set(a, &a->cur, hk, o);
}
static void branch(A *a, uint32_t n, val c, state *t, state *f);
static int join_into(A *a, state *dst, const state *src, int widen);
static void lost_track(const val *x, const val *y, const val *z, int32_t *lost, uint32_t *nlost);

/* The right operand of a && b (a || b) in an expression, evaluated where a held (failed): `p && p->ok` reads
 * p->ok only where p is not NULL. The state after is both ways joined. */
static void unw_branch_edge(state *st);

static val ev_rhs_refined(A *a, const fl_node *nd, val l)
{
	state t = {0}, e = {0}, save, *run, *skip;
	val r;
	if (st_copy(a, &t, &a->cur) < 0 || st_copy(a, &e, &a->cur) < 0) {
		st_free(&t);
		st_free(&e);
		return ev(a, nd->b);
	}
	branch(a, nd->a, l, &t, &e);
	run = nd->sub == FB_LAND ? &t : &e;
	skip = nd->sub == FB_LAND ? &e : &t;
	unw_branch_edge(run); /* (uninitialized-read) the right operand runs past a test */
	save = a->cur;
	a->cur = *run;
	r = run->live ? ev(a, nd->b) : top();
	*run = a->cur;
	a->cur = save;
	if (run->live && skip->live) {
		st_copy(a, &a->cur, run);
		join_into(a, &a->cur, skip, 0);
	} else if (run->live) {
		st_copy(a, &a->cur, run);
	} else if (skip->live) {
		st_copy(a, &a->cur, skip);
		r = konst(nd->sub == FB_LOR);
	} else {
		a->cur.live = 0;
	}
	st_free(&t);
	st_free(&e);
	return r;
}

static val ev_depth(A *a, uint32_t n)
{
	const fl_node *nd = N(a, n);
	val v, l, r;
	uint64_t k;
	switch (nd->op) {
	case FL_NONE:
		return top();
	case FL_INT:
		return konst(nd->k);
	case FL_STR:
		v = top();
		v.fl = (uint16_t)(V_STR | V_NONZERO | V_LIT | noslash(fl_str(&a->fl->strs, (uint32_t)nd->k)));
		v.str = (uint32_t)nd->k;
		return v;
	case FL_FUNCREF:
		v = top();
		v.fl = V_FN | V_NONZERO;
		v.fn = (uint32_t)nd->k;
		return v;
	case FL_LOCAL:
	case FL_GLOBAL:
	case FL_FIELD:
	case FL_ARROW:
	case FL_DEREF:
	case FL_INDEX:
		a->dptr_n = 0;
		if (!place_of(a, n, &k)) {
			if (nd->op != FL_LOCAL && nd->op != FL_GLOBAL)
				check_deref_chain(a, n, nd); /* *f(), malloc(n)[0] */
			v = top();
			type_range(nd->width, nd->tflags, &v.lo, &v.hi);
			return v;
		}
		if (nd->op != FL_LOCAL && nd->op != FL_GLOBAL)
			check_deref_chain(a, n, nd);
		if (nd->op == FL_DEREF || nd->op == FL_ARROW ||
		    (nd->op == FL_INDEX && !(N(a, nd->a)->tflags & FL_T_ARRAY)))
			check_use(a, k, nd, "read");
		if (nd->op == FL_INDEX || nd->op == FL_DEREF)
			bounds_access(a, n, 0);
		if (nd->tflags & FL_T_ARRAY)
			unw_written(a, k); /* the array as a pointer: whoever gets it may fill it */
		else
			unw_read(a, k, nd, n, NULL);
		v = load(a, k);
		if ((nd->tflags & FL_T_INT) && !(v.fl & V_PT)) { /* a value cannot leave its type */
			int64_t tlo, thi;
			type_range(nd->width, nd->tflags, &tlo, &thi);
			if (v.lo < tlo)
				v.lo = tlo;
			if (v.hi > thi)
				v.hi = thi;
			if (v.lo > v.hi)
				v.lo = tlo, v.hi = thi;
		}
		if (nd->tflags & FL_T_ARRAY) {
			/* an array used as a value is a pointer to it: the pointer is not the data (content() reads
			 * through it), so a struct holding it does not become "untrusted" as a whole */
			val p = top();
			p.fl = V_PT | V_NONZERO | (v.fl & (V_STR | V_STRSET | V_NOSLASH));
			if (exact_target(a, n) && !IS_HEAP_ROOT(key_root(k)))
				p.fl |= V_EXACT; /* the array itself, not some element of it */
			p.str = v.str;
			p.pt = k;
			v = p;
		} else if ((nd->op == FL_INDEX || nd->op == FL_DEREF || key_field(k) == F_STAR || (key_field(k) & F_PTEE)) &&
			   !exact_place(a, k)) {
			/* an element: the object's data, within the element type */
			val e = top();
			e.t = v.t;
			e.org = v.org;
			e.symf = v.symf;
			e.fl = v.fl & (V_SANPATH | V_SANCMD | V_SANFMT);
			type_range(nd->width, nd->tflags, &e.lo, &e.hi);
			if (!(v.t & ~0u) && (nd->tflags & FL_T_INT) && v.lo == v.hi && nd->op != FL_INDEX)
				e = v;
			if (nd->tflags & FL_T_PTR)
				e.fl = v.fl & (V_PT | V_STR | V_STRSET | V_NOSLASH | V_FN), e.pt = v.pt, e.str = v.str,
				e.fn = v.fn;
			v = e;
		}
		return v;
	case FL_ADDR:
		v = top();
		if (place_of(a, nd->a, &k)) {
			unw_written(a, k); /* &x handed on: precision first, whoever gets it may write it */
			v.fl = V_PT | V_NONZERO;
			v.pt = k;
			if (exact_target(a, nd->a) && !IS_HEAP_ROOT(key_root(k)) &&
			    !(key_field(k) & (F_THROUGH | F_PTEE)) && key_field(k) != F_STAR)
				v.fl |= V_EXACT; /* &x, &s.f: one place, not an element at a computed index */
		}
		return v;
	case FL_BIN:
		if (nd->sub >= FB_LT && nd->sub <= FB_NE) {
			a->in_cond++;
			l = ev(a, nd->a);
			r = ev(a, nd->b);
			a->in_cond--;
		} else if (nd->sub == FB_LAND || nd->sub == FB_LOR) {
			l = ev(a, nd->a);
			if ((nd->sub == FB_LAND && l.lo == 0 && l.hi == 0) ||
			    (nd->sub == FB_LOR && (l.lo > 0 || l.hi < 0 || (l.fl & V_NONZERO))))
				return konst(nd->sub == FB_LOR);
			r = ev_rhs_refined(a, nd, l);
		} else {
			l = ev(a, nd->a);
			r = ev(a, nd->b);
		}
		if (nd->sub == FB_DIV || nd->sub == FB_REM)
			HOOK(on_divide)(a, nd, &r);
		if ((nd->sub == FB_ADD || nd->sub == FB_SUB) && (l.fl & V_PT) && (N(a, nd->b)->tflags & FL_T_INT)) {
			a->bo_arith_n = n, a->bo_arith_ptr = l, a->bo_arith_off = r; /* p + i: for buffer-overflow */
			if (nd->sub == FB_SUB)
				a->bo_arith_off = arith(a, nd, FB_SUB, konst(0), r, 0);
		}
		if (nd->sub == FB_SUB && (N(a, nd->a)->tflags & (FL_T_PTR | FL_T_ARRAY)) &&
		    (N(a, nd->b)->tflags & (FL_T_PTR | FL_T_ARRAY))) {
			/* a distance inside one object: bounded by the object, whatever its bytes say */
			v = top();
			type_range(nd->width, nd->tflags, &v.lo, &v.hi);
			return v;
		}
		return arith(a, nd, (fl_binop)nd->sub, l, r, 1);
	case FL_UN:
		v = ev(a, nd->a);
		switch (nd->sub) {
		case FU_NEG:
			return arith(a, nd, FB_SUB, konst(0), v, 0);
		case FU_LNOT:
			r = top();
			r.t = v.t;
			if (v.lo > 0 || v.hi < 0 || (v.fl & V_NONZERO))
				r.lo = r.hi = 0;
			else if (v.lo == 0 && v.hi == 0)
				r.lo = r.hi = 1, r.fl = V_NONZERO;
			else
				r.lo = 0, r.hi = 1;
			return r;
		case FU_NOT:
			r = top();
			r.t = v.t;
			type_range(nd->width, nd->tflags, &r.lo, &r.hi);
			return r;
		default:
			return v;
		}
	case FL_ASSIGN:
		r = ev(a, nd->b);
		if (nd->sub != FB_NONE) {
			l = ev(a, nd->a);
			if (nd->sub == FB_DIV || nd->sub == FB_REM)
				HOOK(on_divide)(a, nd, &r);
			r = arith(a, N(a, nd->a), (fl_binop)nd->sub, l, r, 1);
		}
		assign(a, nd->a, r, nd);
		return r;
	case FL_INCDEC:
		l = ev(a, nd->a);
		/* ++ and -- step by one: wrapping needs the value at its type's end, which for a counter means
		 * 2^N steps; not judged as an overflow (the loop bound and allocation rules see the counter) */
		r = arith(a, N(a, nd->a), (nd->sub == FU_PREINC || nd->sub == FU_POSTINC) ? FB_ADD : FB_SUB, l, konst(1), 0);
		assign(a, nd->a, r, NULL);
		return (nd->sub == FU_POSTINC || nd->sub == FU_POSTDEC) ? l : r;
	case FL_CALL:
		return ev_call(a, n);
	case FL_COND: {
		state t = {0}, e = {0}, save;
		v = ev(a, nd->a);
		if (v.lo > 0 || v.hi < 0 || (v.fl & V_NONZERO))
			return ev(a, nd->b);
		if (v.lo == 0 && v.hi == 0)
			return ev(a, nd->c);
		/* each arm in the state its condition leaves: (n > 0 ? n : 1) is never zero */
		if (st_copy(a, &t, &a->cur) < 0 || st_copy(a, &e, &a->cur) < 0) {
			st_free(&t);
			st_free(&e);
			return top();
		}
		branch(a, nd->a, v, &t, &e);
		unw_branch_edge(&t); /* (uninitialized-read) each arm runs past a test */
		unw_branch_edge(&e);
		save = a->cur;
		a->cur = t;
		l = t.live ? ev(a, nd->b) : top();
		t = a->cur;
		a->cur = e;
		r = e.live ? ev(a, nd->c) : top();
		e = a->cur;
		a->cur = save;
		if (t.live && e.live) {
			int32_t lost[16];
			uint32_t nlost = 0;
			slot *arm;
			/* each arm's value rides in a marker place through the join, so that the join sees what the
			 * expression's value points to (a block allocated in one arm is the one that survives) */
			st_set(a, &t, mkkey(COND_ROOT, 0), l);
			st_set(a, &e, mkkey(COND_ROOT, 0), r);
			st_copy(a, &a->cur, &t);
			join_into(a, &a->cur, &e, 0);
			if ((arm = st_find(&a->cur, mkkey(COND_ROOT, 0))) != NULL) {
				uint32_t at = (uint32_t)(arm - a->cur.s);
				memmove(arm, arm + 1, (a->cur.n - at - 1) * sizeof(*arm));
				a->cur.n--;
			}
			v = join(l, r);
			lost_track(&l, &r, &v, lost, &nlost); /* c ? malloc(n) : buf: which one, we cannot follow */
			for (uint32_t i = 0; i < nlost; i++)
				set_owned(a, &a->cur, lost[i], 0);
		} else if (t.live) {
			st_copy(a, &a->cur, &t);
			v = l;
		} else if (e.live) {
			st_copy(a, &a->cur, &e);
			v = r;
		} else {
			a->cur.live = 0;
			v = top();
		}
		st_free(&t);
		st_free(&e);
		return v;
	}
	case FL_CAST:
		v = ev(a, nd->a);
		if (nd->tflags & FL_T_PTR)
			return v;
		return convert(nd, v);
	case FL_COMMA:
		ev(a, nd->a);
		return ev(a, nd->b);
	case FL_VLA:
	case FL_NEWARR:
		v = ev(a, nd->a);
		HOOK(on_alloc)(a, nd, nd->a, &v, nd->op == FL_VLA ? "a variable-length array" : "new[]");
		if (nd->op == FL_NEWARR && nd >= a->f->nodes && nd < a->f->nodes + a->f->nnodes) {
			uint64_t hk = mkkey(HEAP_ROOT((uint32_t)(nd - a->f->nodes)), 0);
			v = top();
			new_block(a, hk, v);
			own_new(a, hk);
			v.fl = V_PT;
			v.pt = hk;
			return v;
		}
		return top();
	case FL_INIT:
		v = top();
		v.lo = v.hi = 0;
		for (uint32_t i = 0; i < nd->b && nd->a + i < a->f->nextra; i++) {
			r = ev(a, a->f->extra[nd->a + i]);
			v.t |= r.t;
			if (r.t & K_ALL)
				v.org = r.org;
		}
		v.lo = FULL_LO;
		v.hi = FULL_HI;
		return v;
	default:
		for (uint32_t i = 0; i < nd->b && nd->a + i < a->f->nextra; i++) {
			const fl_node *o = N(a, strip(a, a->f->extra[nd->a + i]));
			for (unsigned g = 0; g < 8 && (o->op == FL_FIELD || (o->op == FL_INDEX && (N(a, o->a)->tflags & FL_T_ARRAY)));
			     g++)
				o = N(a, strip(a, o->a)); /* asm("..." : "=m"(s.f)) */
			if (o->op == FL_LOCAL && o->k >= 0 && (uint64_t)o->k < a->f->nvars)
				unw_written(a, mkkey((int32_t)o->k, 0)); /* a construct we do not model may write it */
			ev(a, a->f->extra[nd->a + i]);
		}
		v = top();
		type_range(nd->width, nd->tflags, &v.lo, &v.hi);
		return v;
	}
}

static val ev(A *a, uint32_t n)
{
	val v;
	if (a->edepth > 256 || a->oom)
		return top();
	a->edepth++;
	v = ev_depth(a, n);
	a->edepth--;
	return v;
}

val cvet_flow__eval(A *a, uint32_t n)
{
	val v;
	a->unw_quiet++;
	v = ev(a, n);
	a->unw_quiet--;
	return v;
}

val cvet_flow__arg_place(A *a, uint32_t argn, uint32_t field, const val *arg, const val *cont)
{
	uint64_t obj;
	if (field == 0)
		return *arg;
	if (field == SYMF_NONE || !object_of(a, argn, &obj))
		return *cont;
	return load(a, caller_place(obj, field));
}

val cvet_flow__pointee_content(A *a, const val *p)
{
	return (p->fl & V_PT) ? content_at(a, p->pt, *p) : *p;
}

/* ---- calls ---- */

static summary *summary_of(A *a, uint32_t usr)
{
	int64_t i = cvet_flow__func_index(a->prog, usr);
	return i >= 0 ? &a->prog->sums[i] : NULL;
}

uint32_t cvet_flow__step(A *a, const fl_node *at, const char *text)
{
	return trace(a, 0, at, "%s", text);
}

void cvet_flow__expr_name(A *a, uint32_t n, char *buf, size_t size)
{
	const fl_node *nd = N(a, strip(a, n));
	char base[96];
	buf[0] = '\0';
	switch (nd->op) {
	case FL_LOCAL:
		snprintf(buf, size, "%s", var_name(a, (int32_t)nd->k));
		break;
	case FL_GLOBAL:
		snprintf(buf, size, "%s", var_name(a, -(int32_t)nd->k - 2));
		break;
	case FL_FIELD:
	case FL_ARROW:
		cvet_flow__expr_name(a, nd->a, base, sizeof(base));
		if (base[0] && nd->k)
			snprintf(buf, size, "%s%s%s", base, nd->op == FL_ARROW ? "->" : ".", fl_str(&a->fl->strs, (uint32_t)nd->k));
		break;
	case FL_DEREF:
		cvet_flow__expr_name(a, nd->a, base, sizeof(base));
		if (base[0])
			snprintf(buf, size, "*%s", base);
		break;
	case FL_CALL:
		if (nd->k)
			snprintf(buf, size, "%s()", cvet_flow__display_name(a, (uint32_t)nd->k));
		break;
	default:
		break;
	}
	if (!buf[0])
		snprintf(buf, size, "the pointer");
}

/* ---- allocator families and storage kinds (mismatched-dealloc, free-non-heap) ---- */

const char *cvet_flow__display_name(A *a, uint32_t usr)
{
	int64_t fi = cvet_flow__func_index(a->prog, usr);
	if (fi >= 0 && a->fl->funcs[fi].name)
		return fl_str(&a->fl->strs, a->fl->funcs[fi].name);
	return cvet_flow__callee_name(a->fl, usr);
}

/* The call node whose block heap root `root` is. */
static uint32_t heap_site(int32_t root)
{
	return (uint32_t)(-(int64_t)root - HEAP_BASE);
}

/* The allocator family of the block allocated at node `site`: new[] (FL_NEWARR), the library call's ALLOC
 * model, or what a project function's summary says every block it returns is; 0 when not known. */
static int site_family(A *a, uint32_t site)
{
	const fl_node *nd;
	const char *name;
	const model *m;
	const summary *s;
	if (site >= a->f->nnodes)
		return 0;
	nd = &a->f->nodes[site];
	if (nd->op == FL_NEWARR)
		return nd->sub ? FAM_NONE : FAM_NEWARR;
	if (nd->op != FL_CALL || !nd->k)
		return 0;
	name = cvet_flow__callee_name(a->fl, (uint32_t)nd->k);
	s = !user_model(name) ? summary_of(a, (uint32_t)nd->k) : NULL;
	if (s)
		return s->ret_fam_seen && s->ret_fam != FAM_MIXED ? s->ret_fam : 0;
	if (!(m = find_model(name, M_ALLOC, NULL)))
		m = find_model(name, M_ALLOC_OUT, NULL);
	return m ? (int)m->b : 0;
}

/* What storage place k is when it is certainly not on the heap: NF_LOCAL or NF_STATIC, naming its variable
 * in *var; 0 when it may be heap memory or we cannot tell (a parameter's target, a reference, a block). */
static int nonheap_place(A *a, uint64_t k, const char **var)
{
	int32_t root = key_root(k);
	uint32_t f = key_field(k);
	if (f == F_STAR || (f & (F_THROUGH | F_PTEE)))
		return 0;
	if (root >= 0 && (uint32_t)root < a->f->nvars) {
		const fl_var *v = &a->f->vars[root];
		if (v->param >= 0 || v->is_ref)
			return 0; /* a parameter's own slot may stand for the caller's object (T &, T a[]) */
		*var = fl_str(&a->fl->strs, v->name);
		return NF_LOCAL;
	}
	if (root < -1 && (uint32_t)(-root - 2) < a->fl->nglobals) {
		*var = fl_str(&a->fl->strs, a->fl->globals[-root - 2].name);
		return NF_STATIC;
	}
	return 0;
}

/* What pointer value v certainly points to when it is not heap memory: NF_* (0 = may be the heap). */
static int nonheap_value(A *a, const val *v, const char **var)
{
	*var = NULL;
	if (v->fl & V_PT)
		return nonheap_place(a, v->pt, var);
	if (v->fl & V_LIT)
		return NF_LITERAL;
	return 0;
}

/* A deallocation of family `dfam` (0 = some memory deallocator whose family is not known) by `name` of the
 * pointer value v: judge where it points, and the family of the block it points to. `via`: the callee that
 * frees it, NULL for the library call itself. */
static void judge_dealloc(A *a, const fl_node *call, const char *name, const val *v, int dfam, const char *via)
{
	const char *var;
	int what;
	if (!dfam || dfam == FAM_MALLOC || dfam == FAM_NEW || dfam == FAM_NEWARR) {
		if ((what = nonheap_value(a, v, &var)) != 0) {
			HOOK(on_free_nonheap)(a, call, name, what, var, via);
			return;
		}
	}
	if ((v->fl & V_PT) && IS_HEAP_ROOT(key_root(v->pt)) && key_field(v->pt) == 0 && dfam && dfam != FAM_MIXED) {
		uint32_t site = heap_site(key_root(v->pt));
		int afam = site_family(a, site);
		if (afam && afam != FAM_MIXED && afam != dfam)
			HOOK(on_mismatched_dealloc)(a, call, name, site, afam, dfam, via);
	} else if (!(v->fl & V_PT) && v->hs[0] && dfam && dfam != FAM_MIXED) {
		/* one of the blocks of one or two sites (p = realloc(p, n) in a loop): judged when they agree */
		int afam = site_family(a, v->hs[0] - 1);
		if (v->hs[1] && site_family(a, v->hs[1] - 1) != afam)
			return;
		if (afam && afam != FAM_MIXED && afam != dfam)
			HOOK(on_mismatched_dealloc)(a, call, name, v->hs[0] - 1, afam, dfam, via);
	}
}

/* A callee we only partly know may repoint the pointers stored in the objects it is handed: what they
 * certainly pointed to (a buffer that is not on the heap, a literal) is no longer certain. */
static void forget_targets(A *a, uint32_t argn)
{
	uint64_t k;
	int32_t root;
	uint32_t first;
	if (!(N(a, argn)->tflags & (FL_T_PTR | FL_T_ARRAY | FL_T_RECORD)) || !object_of(a, argn, &k))
		return;
	root = key_root(k);
	{
		/* the object's places are one run of the sorted state, from (root, 0) on */
		uint32_t lo = 0, hi = a->cur.n;
		while (lo < hi) {
			uint32_t mid = (lo + hi) / 2;
			if (a->cur.s[mid].k < mkkey(root, 0))
				lo = mid + 1;
			else
				hi = mid;
		}
		first = lo;
	}
	for (uint32_t i = first; i < a->cur.n && key_root(a->cur.s[i].k) == root; i++) {
		val *v = &a->cur.s[i].v;
		const char *var;
		if (key_field(a->cur.s[i].k) == 0 && a->cur.s[i].k != k)
			continue;
		if ((v->fl & V_PT) && nonheap_place(a, v->pt, &var))
			v->fl &= (uint16_t)~V_PT;
		v->fl &= (uint16_t)~V_LIT;
	}
}

/* Give the object argument n designates data with taint t (a source or a callee filling it). */
static void fill_fl(A *a, uint32_t argn, uint32_t t, uint32_t org, int64_t lo, int64_t hi, int append, uint16_t sanfl)
{
	uint64_t k;
	val v = top();
	if (!object_of(a, argn, &k))
		return;
	v.t = t;
	v.org = org;
	v.lo = lo;
	v.hi = hi;
	v.fl = sanfl & (V_SANPATH | V_SANCMD | V_SANFMT);
	if (a->fill_sym && (t & K_PARAMS))
		v.symf = a->fill_symf;
	if (append) {
		val old = load(a, k);
		v.t |= old.t;
		if (!(t & K_ALL))
			v.org = old.org;
		v.fl &= old.fl | (uint16_t)~(V_SANPATH | V_SANCMD | V_SANFMT);
		if (!(old.t & K_ALL))
			v.fl |= sanfl & (V_SANPATH | V_SANCMD | V_SANFMT);
	}
	store(a, k, v, 0);
	/* the pointer variable itself, when it is the argument: reading through it sees the data too */
	{
		const fl_node *an = N(a, argn);
		uint64_t pk;
		if (an->op == FL_LOCAL && !(an->tflags & FL_T_ARRAY) && place_of(a, argn, &pk) && pk != k) {
			val pv = load(a, pk);
			if (!(pv.fl & V_PT)) {
				pv.t = append ? pv.t | t : t;
				pv.org = org;
				pv.fl = (uint16_t)((pv.fl & ~(V_SANPATH | V_SANCMD | V_SANFMT)) | v.fl);
				store(a, pk, pv, 0);
			}
		}
	}
}

static void fill(A *a, uint32_t argn, uint32_t t, uint32_t org, int64_t lo, int64_t hi, int append)
{
	fill_fl(a, argn, t, org, lo, hi, append, 0);
}

/*
 * printf-family formatting: which of the variadic arguments (from index `first`) land in the output as
 * text. A number (%d, %lu, %x, %f, ...) cannot carry quotes, semicolons or "..": it taints nothing we check.
 * Returns a bit mask (bit i = argument first+i is a %s or %c); all ones when the format is not constant.
 */
static uint64_t text_args(const char *fmt)
{
	uint64_t mask = 0;
	unsigned i = 0;
	if (!fmt)
		return ~0ull;
	for (const char *p = fmt; *p; p++) {
		if (*p != '%')
			continue;
		if (*++p == '%')
			continue;
		while (*p && strchr("-+ #0'123456789.*hlLqjztI$", *p)) {
			if (*p == '*' && i < 64)
				i++; /* a width or precision argument */
			p++;
		}
		if (!*p)
			break;
		if (i < 64 && (*p == 's' || *p == 'c' || *p == 'S' || *p == 'C' || *p == '[' || *p == 'p' || *p == 'm'))
			mask |= 1ull << i;
		i++;
	}
	return mask;
}

/* Substitute a callee's symbolic parameter taint with the caller's arguments. */
static uint32_t subst(uint32_t t, const val *args, uint32_t nargs)
{
	uint32_t r = t & K_ALL;
	for (uint32_t i = 0; i < 24 && i < nargs; i++)
		if (t & PBIT(i))
			r |= args[i].t;
	return r;
}

/* A quiet analysis of a small callee for the caller's argument values (in_context, null_in_context): a copy
 * of the caller's analyser with states and traces of its own; the caller frees sub->traces afterwards. */
static void sub_context(A *sub, const A *a, const val *args, uint32_t nargs)
{
	*sub = *a;
	memset(&sub->cur, 0, sizeof(sub->cur));
	memset(&sub->spare, 0, sizeof(sub->spare));
	memset(&sub->bt, 0, sizeof(sub->bt));
	memset(&sub->be, 0, sizeof(sub->be));
	sub->traces = NULL;
	sub->ntraces = sub->captraces = 0;
	sub->sub = 1;
	sub->ctx_args = args;
	sub->ctx_nargs = nargs < 24 ? nargs : 24;
	sub->ret_acc = top();
	sub->ret_seen = 0;
	sub->ret_null = 0;
}

/*
 * A small callee's return range for these arguments: bits(s, 5) is below 32 although bits(s, n) could be
 * anything. The callee is analysed again, quietly, with the arguments' ranges as its parameters' (their
 * taint stays symbolic); only when some argument is a constant, the callee is small and not being analysed
 * already, one level deep. Narrows *ret when the result is tighter.
 */
static void in_context(A *a, uint32_t callee, const val *args, uint32_t nargs, val *ret)
{
	int64_t fi = cvet_flow__func_index(a->prog, callee);
	int any_const = 0;
	A sub;
	val r;
	if (fi < 0 || a->sub || a->fl->funcs[fi].nnodes > MAX_CONTEXT_NODES || (uint32_t)fi == a->fi)
		return;
	for (uint32_t i = 0; i < nargs && i < 24; i++)
		if (args[i].lo == args[i].hi && !(args[i].fl & V_PT))
			any_const = 1;
	if (!any_const)
		return;
	sub_context(&sub, a, args, nargs);
	if (cvet_flow__analyze_function(&sub, (uint32_t)fi) < 0 || !sub.ret_seen) {
		free(sub.traces);
		a->oom |= sub.oom;
		return;
	}
	free(sub.traces);
	r = sub.ret_acc;
	if (r.lo > ret->lo && r.lo <= ret->hi)
		ret->lo = r.lo;
	if (r.hi < ret->hi && r.hi >= ret->lo)
		ret->hi = r.hi;
	if (ret->lo > 0 || ret->hi < 0)
		ret->fl |= V_NONZERO;
}

/* ---- ownership of blocks and streams (memory-leak, resource-leak) ---- */

/* Whether this function owns the block of heap root `root` on some path of state s. */
static int owned_in(const state *s, int32_t root)
{
	const slot *sl = st_find(s, mkkey(root, F_OWN));
	return sl && sl->v.hi >= 1;
}

static void set_owned(A *a, state *s, int32_t root, int on)
{
	if (!on && !st_find(s, mkkey(root, F_OWN)))
		return;
	st_set(a, s, mkkey(root, F_OWN), konst(on ? 1 : 0));
}

/* A new block at heap root hk: owned from now on. When the same allocation runs again (a loop) while its
 * last block is still owned, the assignment that follows may lose that one (see assign). */
static void own_new(A *a, uint64_t hk)
{
	a->own_reborn = owned_in(&a->cur, key_root(hk)) ? key_root(hk) : 0;
	set_owned(a, &a->cur, key_root(hk), 1);
}

/* What pointer value v points to is no longer this function's to release: freed, closed or handed on. */
static void disown(A *a, const val *v)
{
	if ((v->fl & V_PT) && IS_HEAP_ROOT(key_root(v->pt)))
		set_owned(a, &a->cur, key_root(v->pt), 0);
}

/* The first slot of root's object in the sorted state. */
static uint32_t first_slot(const state *s, int32_t root)
{
	uint32_t lo = 0, hi = s->n;
	while (lo < hi) {
		uint32_t mid = (lo + hi) / 2;
		if (s->s[mid].k < mkkey(root, 0))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Every block a pointer stored in root's object points to (and so on, a few levels) is handed on with it. */
static void disown_reachable(A *a, int32_t root, unsigned depth)
{
	if (depth > 4)
		return;
	for (uint32_t i = first_slot(&a->cur, root); i < a->cur.n && key_root(a->cur.s[i].k) == root; i++) {
		const val *v = &a->cur.s[i].v;
		int32_t to;
		if (!(v->fl & V_PT) || !IS_HEAP_ROOT(to = key_root(v->pt)) || to == root)
			continue;
		set_owned(a, &a->cur, to, 0);
		disown_reachable(a, to, depth + 1);
	}
}

/* Library functions that keep a pointer argument after they return (the object must outlive the call). */
static int library_keeps(const char *name, uint32_t i)
{
	return (i == 0 && strcmp(name, "putenv") == 0) ||
	       (i == 1 && (strcmp(name, "setvbuf") == 0 || strcmp(name, "setbuf") == 0 ||
			   strcmp(name, "pthread_setspecific") == 0)) ||
	       (i == 3 && strcmp(name, "pthread_create") == 0);
}

/* Library functions without a flow model that only read or fill the objects they are given. */
static int library_borrows(const char *name)
{
	static const char *const names[] = {
		"strcmp", "strncmp", "strcasecmp", "strncasecmp", "memcmp", "memchr", "memrchr", "strcoll", "strspn",
		"strcspn", "strpbrk", "strtod", "strtof", "strtold", "strtoimax", "strtoumax", "atof", "puts", "fputs",
		"fputc", "putc", "fwrite", "fflush", "fseek", "fseeko", "ftell", "ftello", "rewind", "feof", "ferror",
		"clearerr", "fileno", "ungetc", "fgetpos", "fsetpos", "perror", "write", "send", "sendto", "pwrite",
		"qsort", "bsearch", "stat", "lstat", "fstat", "access", "isatty", "toupper", "tolower", "strerror",
		"readdir", "rewinddir", "dirfd", "fprintf", "vfprintf", "printf", "sprintf", "snprintf", "memset",
		"memcpy", "memmove", "strcpy", "strncpy", "strcat", "strncat", "strlen", "strnlen", "sscanf", "fscanf",
		"fgets", "fread", "getline", "getdelim", "time", "localtime_r", "gmtime_r", "strftime", "inet_pton",
		"inet_ntop", "gettimeofday", "clock_gettime", NULL};
	for (int i = 0; names[i]; i++)
		if (strcmp(names[i], name) == 0)
			return 1;
	return 0;
}

/* Whether a call may keep its pointer argument i (or release it): a callee we do not know, a project function
 * whose summary says so, a library function that stores it or that we know nothing of. */
static int call_keeps(const summary *s, uint32_t callee, const char *name, uint32_t i)
{
	if (!callee)
		return 1;
	if (s)
		return i >= 24 || ((s->keeps_mask >> i) & 1u);
	if (library_keeps(name, i))
		return 1;
	return !(find_model_any(name) || library_borrows(name));
}

/* The callee being summarised keeps what its parameters' own values (bits K_PARAMS of v, the pointer itself:
 * symf 0) point to. */
static void note_kept(A *a, const val *v)
{
	if (a->final && !a->sub && (v->t & K_PARAMS) && v->symf == 0)
		a->prog->sums[a->fi].keeps_mask |= v->t >> 8;
}

/* A call hands its arguments over: what it releases or keeps is no longer this function's to free; blocks
 * stored in the objects it is given may be taken or freed by a callee we summarise only coarsely. */
static void call_ownership(A *a, const summary *s, uint32_t callee, const char *name, const val *args,
			   const uint32_t *argn, uint32_t nargs, int releases)
{
	for (uint32_t i = 0; i < nargs; i++) {
		const fl_node *an = N(a, argn[i]);
		int keeps;
		uint64_t obj;
		if (!(an->tflags & (FL_T_PTR | FL_T_ARRAY | FL_T_RECORD)) && !(args[i].fl & V_PT))
			continue;
		keeps = call_keeps(s, callee, name, i) || (s && i < 24 && ((s->frees_mask | s->releases_mask) >> i) & 1u) ||
			(releases >= 0 && (uint32_t)releases == i);
		if (keeps) {
			note_kept(a, &args[i]);
			disown(a, &args[i]);
		}
		if ((keeps || !callee || s || N(a, strip(a, argn[i]))->op == FL_ADDR) && object_of(a, argn[i], &obj))
			disown_reachable(a, key_root(obj), 0); /* (strsep(&cur, ...) returns what cur points to) */
	}
}

/* Whether place k lives on in this function's own variables, or in a block it allocated (where a pointer to
 * a block can be followed to the end of the function): not a global, not what a parameter points to. */
static int local_place(A *a, uint64_t k)
{
	int32_t root = key_root(k);
	uint32_t f = key_field(k);
	if (f == F_STAR || (f & (F_THROUGH | F_PTEE)))
		return 0;
	return IS_HEAP_ROOT(root) || (root >= 0 && (uint32_t)root < a->f->nvars);
}

/* Whether some place of the state (other than `except`) points into the block of heap root `root`. */
static int referenced(A *a, int32_t root, uint64_t except)
{
	for (uint32_t i = 0; i < a->cur.n; i++)
		if (a->cur.s[i].k != except && (a->cur.s[i].v.fl & V_PT) && key_root(a->cur.s[i].v.pt) == root)
			return 1;
	return 0;
}

/* Whether a variable holding a pointer to the block is NULL here: the allocation failed on this path. */
static int null_here(A *a, int32_t root)
{
	for (uint32_t i = 0; i < a->cur.n; i++) {
		const val *v = &a->cur.s[i].v;
		if ((v->fl & V_PT) && key_root(v->pt) == root && v->lo == 0 && v->hi == 0)
			return 1;
	}
	return 0;
}

static void report_leak(A *a, const fl_node *at, int32_t root, int overwritten)
{
	uint32_t site = heap_site(root);
	const fl_node *sn = site < a->f->nnodes ? &a->f->nodes[site] : NULL;
	uint32_t org;
	if (!a->final || a->sub || !sn)
		return;
	if (!at)
		at = sn; /* a bare `return;` has no place of its own */
	org = trace(a, 0, sn, "allocated here");
	HOOK(on_leak)(a, at, site, site_family(a, site), org, overwritten);
}

#define MAX_LEAK_ROOTS 64

/*
 * A return: every block this function owns on some path here that no surviving place points to leaks. Places
 * that survive: globals, what the parameters point to, the returned value (a pointer, or a local struct
 * returned by value), and blocks this function does not own (handed on) that are not freed; a block they
 * point to survives too.
 */
static void check_leaks(A *a, const fl_node *at, const val *ret, uint32_t retn)
{
	int32_t cand[MAX_LEAK_ROOTS], ret_root = INT32_MIN;
	uint8_t alive[MAX_LEAK_ROOTS];
	uint32_t ncand = 0;
	int changed = 1;
	uint64_t rk;
	if (!a->final || a->sub || a->f->is_main)
		return;
	for (uint32_t i = 0; i < a->cur.n && ncand < MAX_LEAK_ROOTS; i++)
		if (key_field(a->cur.s[i].k) == F_OWN && IS_HEAP_ROOT(key_root(a->cur.s[i].k)) && a->cur.s[i].v.hi >= 1)
			cand[ncand++] = key_root(a->cur.s[i].k);
	if (!ncand)
		return;
	memset(alive, 0, sizeof(alive));
	if (retn && (N(a, strip(a, retn))->tflags & FL_T_RECORD) && place_of(a, strip(a, retn), &rk))
		ret_root = key_root(rk); /* a struct returned by value: what its members point to goes with it */
	while (changed) {
		changed = 0;
		for (uint32_t c = 0; c < ncand; c++) {
			int32_t r = cand[c];
			if (alive[c])
				continue;
			if (ret && (ret->fl & V_PT) && key_root(ret->pt) == r) {
				alive[c] = changed = 1;
				continue;
			}
			for (uint32_t i = 0; i < a->cur.n && !alive[c]; i++) {
				const slot *sl = &a->cur.s[i];
				int32_t from = key_root(sl->k);
				uint32_t f = key_field(sl->k);
				int survives = 0;
				if (!(sl->v.fl & V_PT) || key_root(sl->v.pt) != r || from == r)
					continue;
				if (from < -1 || from == ret_root) {
					survives = 1; /* a global; the returned struct */
				} else if (from >= 0 && (uint32_t)from < a->f->nvars) {
					survives = a->f->vars[from].param >= 0 && f != 0; /* what a parameter points to */
				} else if (IS_HEAP_ROOT(from)) {
					uint32_t d;
					const slot *b = st_find(&a->cur, mkkey(from, 0));
					for (d = 0; d < ncand && cand[d] != from; d++)
						;
					survives = d < ncand ? alive[d] : !(b && (b->v.fl & (V_FREED | V_RELEASED)));
				}
				if (survives)
					alive[c] = changed = 1;
			}
		}
	}
	for (uint32_t c = 0; c < ncand; c++)
		if (!alive[c] && !null_here(a, cand[c]))
			report_leak(a, at, cand[c], 0);
}

/*
 * A small callee that may return NULL, called with some constant argument: whether it still may in this
 * context (read_passphrase(prompt, 0) returns NULL only with RP_ALLOW_EOF in its flags). Analysed again
 * quietly, as in_context does; 1 when it may (or when it cannot be told).
 */
static int null_in_context(A *a, uint32_t callee, const val *args, uint32_t nargs)
{
	int64_t fi = cvet_flow__func_index(a->prog, callee);
	int any_const = 0, r;
	A sub;
	if (fi < 0 || a->sub || a->fl->funcs[fi].nnodes > MAX_CONTEXT_NODES || (uint32_t)fi == a->fi)
		return 1;
	for (uint32_t i = 0; i < nargs && i < 24; i++)
		if (args[i].lo > FULL_LO && args[i].hi < FULL_HI && args[i].hi - args[i].lo < 256 && !(args[i].fl & V_PT))
			any_const = 1; /* a constant, or one of a few (echo ? RP_ECHO : 0) */
	if (!any_const)
		return 1;
	sub_context(&sub, a, args, nargs);
	r = cvet_flow__analyze_function(&sub, (uint32_t)fi) < 0 || !sub.ret_seen || sub.ret_null;
	free(sub.traces);
	a->oom |= sub.oom;
	return r;
}

/* The size a malloc, calloc or realloc block has, as the engine knows its arguments (buffer-overflow): kept in
 * (heap root, F_BSIZE), and the pointer returned marked as pointing at the block's start. */
static void block_size(A *a, uint64_t hk, const char *name, const val *args, uint32_t nargs, val *ret)
{
	val sz = top();
	if (strcmp(name, "malloc") == 0 && nargs >= 1)
		sz = args[0];
	else if (strcmp(name, "realloc") == 0 && nargs >= 2)
		sz = args[1];
	else if (strcmp(name, "calloc") == 0 && nargs >= 2 && args[0].lo >= 0 && args[1].lo >= 0 &&
		 args[0].hi < ((int64_t)1 << 30) && args[1].hi < ((int64_t)1 << 30))
		sz = konst(args[0].lo * args[1].lo), sz.hi = args[0].hi * args[1].hi;
	else
		return;
	if (sz.lo < 0 || sz.hi >= ((int64_t)1 << 40) || sz.lo > sz.hi)
		return;
	st_set(a, &a->cur, mkkey(key_root(hk), F_BSIZE), konst(sz.lo));
	{
		slot *sl = st_find(&a->cur, mkkey(key_root(hk), F_BSIZE));
		if (sl)
			sl->v.hi = sz.hi;
	}
	ret->fl |= V_BSTART;
}

/* Library functions that read the characters argument i points to (uninitialized-read); precision first, any
 * other callee given a pointer to an object may fill it. */
static int library_reads(const char *name, uint32_t i)
{
	static const char *const first[] = {"puts", "fputs", "strlen", "strdup", "atoi", "atol", "atoll", "atof",
					    "strtol", "strtoul", "strtoll", "strtoull", "strtod", "strchr", "strrchr",
					    "strstr", "strcmp", "strncmp", "strcasecmp", "strcat", "strncat", "system",
					    "perror"};
	if (!strcmp(name, "printf"))
		return i >= 1;
	if (!strcmp(name, "fprintf") || !strcmp(name, "sprintf"))
		return i >= 2;
	if (!strcmp(name, "snprintf"))
		return i >= 3;
	if (i == 1 && (!strcmp(name, "strcpy") || !strcmp(name, "strcat") || !strcmp(name, "strcmp") ||
		       !strcmp(name, "strncmp") || !strcmp(name, "strcasecmp") || !strcmp(name, "strstr")))
		return 1;
	if (i == 0)
		for (size_t j = 0; j < sizeof(first) / sizeof(first[0]); j++)
			if (!strcmp(name, first[j]))
				return 1;
	return 0;
}

/* Whether expression n names variable `root` anywhere (its operands, a call's arguments). */
static int unw_mentions(A *a, uint32_t n, int32_t root, unsigned depth)
{
	const fl_node *x;
	if (!n || n >= a->f->nnodes || depth > 12)
		return 0;
	x = N(a, n);
	if (x->op == FL_LOCAL)
		return x->k == root;
	if (x->op == FL_CALL || x->op == FL_INIT || x->op == FL_UNKNOWN) {
		for (uint32_t i = 0; i < x->b && x->a + i < a->f->nextra; i++)
			if (unw_mentions(a, a->f->extra[x->a + i], root, depth + 1))
				return 1;
		return 0;
	}
	if (x->op == FL_INT || x->op == FL_STR || x->op == FL_GLOBAL || x->op == FL_FUNCREF)
		return 0;
	return unw_mentions(a, x->a, root, depth + 1) || unw_mentions(a, x->b, root, depth + 1) ||
	       (x->op == FL_COND && unw_mentions(a, x->c, root, depth + 1));
}

/* Before a call's arguments are evaluated (uninitialized-read): an object handed over by address (&x, an array,
 * a pointer whose target we know) to a callee that reads it is a read; whatever the callee, it is then written
 * (an out-parameter). Only argument forms that can be named without evaluating them are looked at. */
static void unw_call_args(A *a, const fl_node *nd, uint32_t nargs)
{
	uint32_t callee = (uint32_t)nd->k;
	const char *name = callee ? cvet_flow__callee_name(a->fl, callee) : "";
	summary *s = callee && !user_model(name) ? summary_of(a, callee) : NULL;
	for (uint32_t i = 0; i < nargs; i++) {
		uint32_t an = nd->a + i < a->f->nextra ? strip(a, a->f->extra[nd->a + i]) : 0;
		const fl_node *x = N(a, an), *y;
		uint64_t k;
		int found = 0;
		int elem = x->op == FL_INDEX && (x->tflags & FL_T_PTR) && (N(a, x->a)->tflags & FL_T_ARRAY) &&
			   N(a, strip(a, x->a))->op == FL_LOCAL && N(a, strip(a, x->b))->op == FL_INT;
		if (!elem) /* a local array of pointers handed on whole, by address, at a computed index */
			for (uint32_t j = 0; j < a->f->nvars; j++)
				if (a->f->vars[j].param < 0 && (a->f->vars[j].tflags & FL_T_ARRAY) &&
				    unw_mentions(a, an, (int32_t)j, 0))
					unw_elems_written(a, (int32_t)j);
		if (elem) {
			/* an element of a local array of pointers, at a constant index: the block it points to */
			int64_t ix = N(a, strip(a, x->b))->k;
			const slot *sl;
			y = N(a, strip(a, x->a));
			if (y->k >= 0 && (uint64_t)y->k < a->f->nvars && ix >= 0 && ix < MAX_ELEMS &&
			    (sl = st_find(&a->cur, mkkey((int32_t)y->k, F_ELEM | (uint32_t)ix))) != NULL && (sl->v.fl & V_PT))
				k = sl->v.pt, found = 1;
		} else if (x->op == FL_ADDR) {
			y = N(a, strip(a, x->a));
			while (y->op == FL_FIELD)
				y = N(a, strip(a, y->a));
			if (y->op == FL_LOCAL && y->k >= 0 && (uint64_t)y->k < a->f->nvars)
				k = mkkey((int32_t)y->k, 0), found = 1;
		} else if (x->op == FL_LOCAL && x->k >= 0 && (uint64_t)x->k < a->f->nvars) {
			const fl_var *v = &a->f->vars[x->k];
			const slot *sl;
			if (v->tflags & FL_T_ARRAY)
				k = mkkey((int32_t)x->k, 0), found = 1;
			else if ((v->tflags & FL_T_PTR) && (sl = st_find(&a->cur, mkkey((int32_t)x->k, 0))) != NULL &&
				 (sl->v.fl & V_PT))
				k = sl->v.pt, found = 1;
			else if ((v->tflags & FL_T_PTR) && v->param >= 0 && !v->is_ref)
				k = mkkey((int32_t)x->k, F_STAR), found = 1;
			else if (v->no_init == 2 && !(v->tflags & FL_T_PTR))
				k = mkkey((int32_t)x->k, 0), found = 2; /* C++: perhaps bound to a reference parameter */
		}
		if (!found)
			continue;
		for (uint32_t j = 0; j < nargs && found == 1; j++)
			if (j != i && nd->a + j < a->f->nextra && unw_mentions(a, a->f->extra[nd->a + j], key_root(k), 0))
				found = 2; /* handed over twice (glob2(buf, ..., buf, ...)), or set by another argument
					    * (mult(acc, set(acc, 7))): which the callee reads first we cannot tell */
		if (found == 1 && callee &&
		    ((s && i < 24 && (s->ureads_mask & (1u << i))) || (!s && library_reads(name, i))))
			unw_read(a, k, nd, an, cvet_flow__display_name(a, callee));
		unw_written(a, k);
	}
}

/* A project function's call, for the globals' blocks (see global_pointer): the blocks it frees on every path
 * are freed here (a second free of one is a double-free); what it may store into any global makes every other
 * global's "freed" unknown again. */
static void call_frees_globals(A *a, const fl_node *nd, const summary *s, const char *name)
{
	uint64_t gk[MAX_GFREE];
	uint32_t ng = 0;
	for (uint32_t i = 0; i < s->ngfree && i < MAX_GFREE; i++) {
		int32_t root = -(int32_t)s->gfree[i] - 2;
		val gv;
		if (global_pointer(a, root) < 0)
			continue;
		gv = load(a, mkkey(root, 0));
		{
			/* the global certainly points at a local, a static or a literal here: the callee frees that (the rule
			 * is told so by a NULL deallocator name) */
			const char *var;
			int what = nonheap_value(a, &gv, &var);
			if (what) {
				HOOK(on_free_nonheap)(a, nd, NULL, what, var, name);
				continue;
			}
		}
		gk[ng] = (gv.fl & V_PT) ? object_slot(gv.pt) : mkkey(root, F_STAR);
		if (!tracked_object(a, gk[ng]))
			continue;
		{
			val o = load(a, gk[ng]);
			if ((o.fl & V_FREED) || o.mfree)
				HOOK(on_double_free)(a, nd, o.freed, name, (o.fl & V_FREED) != 0);
		}
		ng++;
	}
	for (uint32_t i = 0; i < a->cur.n; i++) {
		slot *sl = &a->cur.s[i];
		if (key_field(sl->k) == F_STAR && global_pointer(a, key_root(sl->k)) >= 0) {
			sl->v.fl &= (uint16_t)~V_FREED;
			sl->v.mfree = 0;
		}
	}
	for (uint32_t i = 0; i < ng; i++) {
		val o = load(a, gk[i]);
		o.fl |= V_FREED;
		o.mfree = 0;
		o.freed = (uint32_t)(nd - a->f->nodes);
		st_set(a, &a->cur, gk[i], o);
	}
}

/* What project function summary s leaves behind the pointers (and the object) it is handed at call nd; weak
 * (joined with what was there) when it is one of several a virtual call may run. */
static void call_outs(A *a, const fl_node *nd, const summary *s, const char *name, const val *cont,
		      const uint32_t *argn, uint32_t nargs, int weak)
{
	for (uint32_t i = 0; i < s->nouts; i++) {
		const sout *o = &s->outs[i];
		uint32_t t = subst(o->t, cont, nargs);
		uint64_t obj, k;
		val v = top();
		if (!t || o->param >= nargs || !object_of(a, argn[o->param], &obj))
			continue;
		k = caller_place(obj, o->field);
		v.t = t;
		v.fl = o->fl;
		v.lo = o->lo; /* what the callee stored: a u16 read from the file is at most 65535 */
		v.hi = o->hi;
		v.org = trace(a, 0, nd, "'%s' stores untrusted data through argument %u", name, o->param + 1);
		if (weak) {
			val old = load(a, k);
			v.t |= old.t;
			v.fl &= old.fl;
			v.lo = old.lo < v.lo ? old.lo : v.lo;
			v.hi = old.hi > v.hi ? old.hi : v.hi;
		}
		store(a, k, v, 0);
		if (o->field == F_STAR && N(a, argn[o->param])->op == FL_LOCAL)
			fill_fl(a, argn[o->param], t, v.org, FULL_LO, FULL_HI, 0, o->fl);
	}
}

/* Overrider ofi of a virtual call at nd may run: the untrusted data it returns and stores joined in. */
static void overrider_effects(A *a, const fl_node *nd, uint32_t ofi, const val *cont, const uint32_t *argn,
			      uint32_t nargs, val *ret)
{
	const summary *s = &a->prog->sums[ofi];
	const char *name = fl_str(&a->fl->strs, a->fl->funcs[ofi].name);
	uint32_t t = subst(s->ret_t, cont, nargs);
	call_outs(a, nd, s, name, cont, argn, nargs, 1);
	if (!t)
		return;
	ret->t |= t;
	if ((t & K_ALL) && !ret->org)
		ret->org = trace(a, 0, nd, "'%s' returns untrusted data", name);
	ret->fl &= (uint16_t)~(V_SANPATH | V_SANCMD | V_SANFMT);
}

static val ev_call(A *a, uint32_t n)
{
	const fl_node *nd = N(a, n);
	uint32_t nargs = nd->b > MAX_ARGS ? MAX_ARGS : nd->b, callee = (uint32_t)nd->k;
	val args[MAX_ARGS], cont[MAX_ARGS], ret = top();
	uint32_t argn[MAX_ARGS], ov0 = 0, nov = 0;
	const char *name;
	summary *s;
	const model *m;
	unw_call_args(a, nd, nargs);
	for (uint32_t i = 0; i < nargs; i++) {
		argn[i] = nd->a + i < a->f->nextra ? a->f->extra[nd->a + i] : 0;
		args[i] = ev(a, argn[i]);
	}
	if (!callee && nd->c) { /* through a function pointer whose target we know */
		val fp = ev(a, nd->c);
		if (fp.fl & V_FN)
			callee = fp.fn;
	}
	for (uint32_t i = 0; i < nargs; i++)
		cont[i] = (N(a, argn[i])->tflags & (FL_T_PTR | FL_T_ARRAY)) ? content(a, argn[i], args[i]) : args[i];
	type_range(nd->width, nd->tflags, &ret.lo, &ret.hi);
	name = callee ? cvet_flow__callee_name(a->fl, callee) : "";
	s = callee && !user_model(name) ? summary_of(a, callee) : NULL; /* the user's model wins over the body */
	if (callee && (nd->sub & FL_CALL_VIRTUAL) && !user_model(name))
		nov = cvet_flow__overriders(a->prog, callee, &ov0);
	if (!s && !nov && callee) {
		bounds_call(a, nd, name, args, argn, nargs);
		str_call(a, nd, name, args, argn, nargs);
	}
	if (s) {
		/* a project function's sinks are judged on the values at the call, before what follows forgets
		 * where the pointers it is handed point (it may repoint them, but only after reading them) */
		a->call = nd;
		a->call_name = cvet_flow__display_name(a, callee);
		a->call_args = cont;
		a->call_argn = argn;
		a->call_nargs = nargs;
		HOOK(on_summary_call)(a, nd, s, args, cont, argn, nargs);
	}
	for (uint32_t o = 0; o < nov; o++) { /* a virtual call: any overrider may run instead (its sinks too) */
		uint32_t ofi = a->prog->ovr_fi[ov0 + o];
		a->call = nd;
		a->call_name = fl_str(&a->fl->strs, a->fl->funcs[ofi].name);
		a->call_args = cont;
		a->call_argn = argn;
		a->call_nargs = nargs;
		HOOK(on_summary_call)(a, nd, &a->prog->sums[ofi], args, cont, argn, nargs);
	}
	if (s || nov || !callee || !find_model_any(name)) {
		/* a callee we only partly know may write any variable whose address it gets: forget its value
		 * (keep what it carried), so that `int n = 0; get(&n); x / n` is not "divide by zero" */
		for (uint32_t i = 0; i < nargs; i++) {
			uint64_t k;
			if (N(a, argn[i])->op == FL_ADDR && place_of(a, N(a, argn[i])->a, &k)) {
				val o = load(a, k), h = top();
				h.t = o.t;
				h.org = o.org;
				st_set(a, &a->cur, k, h);
			}
			forget_targets(a, argn[i]);
		}
	}
	{
		/* who owns the blocks and streams handed over (memory-leak, resource-leak) */
		int rel = -1;
		if (callee && !s) {
			if ((m = find_model(name, M_DEALLOC, NULL)) != NULL && m->a >= 0)
				rel = (int)m->a;
			else if (is_free(name))
				rel = 0;
		}
		call_ownership(a, s, callee, name, args, argn, nargs, rel);
	}
	/* a maybe-NULL pointer handed to a function that tests it for NULL itself (if (keep(p) < 0) return;), or
	 * to one we know nothing of: not ours to judge past the call */
	for (uint32_t i = 0; i < nargs && i < 24; i++)
		if (cvet_flow__maybe_null(&args[i]) && args[i].nsrc &&
		    ((s && (s->nullchk_mask & (1u << i))) || (!s && (!callee || !find_model_any(name)))))
			for (uint32_t j = 0; j < a->cur.n; j++)
				if ((a->cur.s[j].v.nk & (NK_ALLOC | NK_CALL)) && a->cur.s[j].v.nsrc == args[i].nsrc)
					a->cur.s[j].v.fl |= V_NONZERO;
	/* a callee may store into what it is handed (and a project function into globals): NULLs there are gone */
	for (uint32_t i = 0; i < nargs; i++) {
		uint64_t k;
		forget_nullness(a, argn[i], 0);
		if ((N(a, argn[i])->tflags & (FL_T_PTR | FL_T_ARRAY)) && !is_free(name) && object_of(a, argn[i], &k))
			forget_elem_frees(a, k); /* qsort(slot, ...), fill(slot): its elements may hold new pointers */
	}
	if (s || nov || !callee || !find_model_any(name))
		forget_nullness(a, 0, 1);
	if (!callee) {
		str_call_forget(a, NULL, args, nargs, -1);
		return ret;
	}
	if (!s && nov) { /* a pure virtual method (no body of its own): what its overriders do, joined */
		str_call_forget(a, NULL, args, nargs, -1);
		for (uint32_t o = 0; o < nov; o++)
			overrider_effects(a, nd, a->prog->ovr_fi[ov0 + o], cont, argn, nargs, &ret);
		return ret;
	}
	a->call = nd;
	a->call_name = name;
	a->call_args = cont;
	a->call_argn = argn;
	a->call_nargs = nargs;
	if (s) {
		/* a project function: its summary (its sinks were judged above) */
		str_call_forget(a, NULL, args, nargs, -1); /* (after the rules judged the strings handed over) */
		for (uint32_t i = 0; i < nargs && i < 24; i++) /* parameters it dereferences unchecked */
			if (s->derefs_mask & (1u << i))
				deref_value(a, argn[i], &args[i], nd, cvet_flow__display_name(a, callee));
		for (uint32_t i = 0; i < nargs && i < 24; i++) /* what the callee frees: where it points, its family */
			if (s->releases_mask & (1u << i))
				judge_dealloc(a, nd, cvet_flow__family_word(s->free_fam[i], 1), &args[i], s->free_fam[i],
					      cvet_flow__display_name(a, callee));
		for (uint32_t i = 0; i < nargs && i < 24; i++) {
			uint64_t k, sk;
			val o;
			if (!((s->frees_mask | s->uses_mask | s->releases_mask) & (1u << i)) || !object_of(a, argn[i], &k) ||
			    !tracked_object(a, k))
				continue;
			sk = object_slot(k);
			o = load(a, sk);
			if (o.mfree && mfree_excluded(a, sk))
				o.mfree = 0; /* the paths that freed it do not reach here */
			if (((o.fl & V_FREED) || o.mfree) && (s->uses_mask & (1u << i))) {
				char how[96];
				snprintf(how, sizeof(how), "passed to '%s', which uses it,", name);
				HOOK(on_use_freed)(a, nd, o.freed, how, (o.fl & V_FREED) != 0);
			} else if (((o.fl & V_FREED) || o.mfree) && (s->frees_mask & (1u << i))) {
				HOOK(on_double_free)(a, nd, o.freed, name, (o.fl & V_FREED) != 0);
			} else if (s->frees_mask & (1u << i)) { /* the callee frees it on every path */
				o.fl |= V_FREED | V_RELEASED;
				o.mfree = 0;
				o.freed = (uint32_t)(nd - a->f->nodes);
				o.fam = s->free_fam[i];
				st_set(a, &a->cur, sk, o);
			} else if ((s->releases_mask & (1u << i)) && !(o.fl & V_FREED)) { /* fclose()d by the callee */
				o.fl |= V_RELEASED;
				o.fam = s->free_fam[i];
				st_set(a, &a->cur, sk, o);
			}
		}
		call_frees_globals(a, nd, s, name);
		for (uint32_t i = 0; i < s->ngnull && i < MAX_GNULL; i++) {
			/* the callee leaves this global maybe NULL (g = getenv(...), g = malloc(...)): so it is here */
			val gv = top();
			gv.nk = s->gnull_nk[i];
			st_set(a, &a->cur, mkkey(-(int32_t)s->gnull[i] - 2, 0), gv);
		}
		if (!s->returns && cvet_flow__func_index(a->prog, callee) != (int64_t)a->fi) {
			/* (a call of the function being analysed: its summary is what this analysis is still
			 * building, so "never returns" would only mean "not known yet") */
			a->cur.live = 0;
			return ret;
		}
		ret.t = subst(s->ret_t, cont, nargs);
		ret.org = ret.t & K_ALL ? (s->ret_t & K_ALL ? trace(a, 0, nd, "'%s' returns untrusted data", name) : 0) : 0;
		for (uint32_t i = 0; i < nargs && i < 24; i++)
			if ((ret.t & K_ALL) && (s->ret_t & PBIT(i)) && (cont[i].t & K_ALL)) {
				ret.org = trace(a, cont[i].org, nd, "passes through '%s'", name);
				break;
			}
		if (s->noc > 1 && !s->oc_mixed && nd >= a->f->nodes && nd < a->f->nodes + a->f->nnodes)
			ret.call = (uint32_t)(nd - a->f->nodes); /* a test of the result tells which way it ended */
		if (s->has_ret) {
			ret.lo = s->ret_lo;
			ret.hi = s->ret_hi;
			ret.fl = (uint16_t)((s->ret_fl & (V_STR | V_STRSET | V_NOSLASH | V_NONZERO | V_LIT)) | s->ret_san);
			ret.str = s->ret_str;
			if (s->ret_fam_seen && s->ret_fam != FAM_MIXED && nd >= a->f->nodes && nd < a->f->nodes + a->f->nnodes) {
				/* a fresh block, as from malloc: an object of its own, of the callee's family */
				uint64_t hk = mkkey(HEAP_ROOT((uint32_t)(nd - a->f->nodes)), 0);
				val o = top();
				o.t = ret.t;
				o.org = ret.org;
				new_block(a, hk, o);
				if (!s->ret_kept)
					own_new(a, hk);
				if (s->ret_unw == 1) { /* its bytes are unwritten, as malloc's (uninitialized-read) */
					val u = konst(0);
					u.t = U_NO;
					st_set(a, &a->cur, mkkey(UNW_ROOT, UNW_HEAP | ((uint32_t)(nd - a->f->nodes) & (UNW_HEAP - 1))),
					       u);
				}
				ret.fl = (uint16_t)((ret.fl & ~(V_STR | V_STRSET | V_NOSLASH | V_LIT)) | V_PT);
				ret.pt = hk;
			} else if (s->ret_pt_state == 1) {
				ret.fl |= V_PT | V_NONZERO; /* &a_static: the same storage in every function */
				ret.pt = s->ret_pt;
			}
			if (ret.lo != ret.hi && (nd->tflags & FL_T_INT))
				in_context(a, callee, args, nargs, &ret);
			if (s->ret_nk && (nd->tflags & FL_T_PTR) && null_in_context(a, callee, args, nargs)) { /* it may return NULL */
				ret.nk = (s->ret_nk & NK_ALLOC) || (s->ret_fam_seen && s->ret_fam == FAM_MALLOC) ? NK_ALLOC : NK_CALL;
				ret.nsrc = n;
				ret.fl &= (uint16_t)~V_NONZERO;
			}
		}
		call_outs(a, nd, s, cvet_flow__display_name(a, callee), cont, argn, nargs, 0);
		for (uint32_t o = 0; o < nov; o++)
			overrider_effects(a, nd, a->prog->ovr_fi[ov0 + o], cont, argn, nargs, &ret);
		return ret;
	}
	/* a library function: its models */
	if ((m = find_model(name, M_DEALLOC, NULL)) != NULL && m->a >= 0 && (uint32_t)m->a < nargs) {
		uint64_t k;
		judge_dealloc(a, nd, name, &args[m->a], (int)m->b, NULL);
		if (!(args[m->a].fl & V_PT) && object_of(a, argn[m->a], &k) && param_object_bit(a, k) &&
		    N(a, strip(a, argn[m->a]))->op == FL_LOCAL) {
			/* fclose(param): the summary tells callers which deallocator their argument meets */
			val o = load(a, object_slot(k));
			o.fl |= V_RELEASED;
			o.fam = (uint8_t)m->b;
			st_set(a, &a->cur, object_slot(k), o);
		}
	}
	if ((m = find_model(name, M_DEALLOC, NULL)) != NULL && m->a >= 0 && (uint32_t)m->a < nargs && is_alloc(name)) {
		/* realloc(old, n): old's block is gone once the result is known not to be NULL (see refine_place);
		 * until then it is only "moved", which no rule reports */
		uint64_t k;
		if (object_of(a, argn[m->a], &k) && tracked_object(a, k) &&
		    (IS_HEAP_ROOT(key_root(k)) || N(a, strip(a, argn[m->a]))->op == FL_LOCAL)) {
			uint64_t sk = object_slot(k);
			val o = load(a, sk);
			if (!(o.fl & V_FREED)) {
				o.fl |= V_MOVED;
				o.freed = (uint32_t)(nd - a->f->nodes);
				o.fam = (uint8_t)m->b;
				st_set(a, &a->cur, sk, o);
			}
		}
	}
	for (m = find_model(name, M_DEREF, NULL); m; m = find_model(name, M_DEREF, m)) /* strlen(p), fgets(.., fp) */
		if (m->a >= 0 && (uint32_t)m->a < nargs)
			deref_value(a, argn[m->a], &args[m->a], nd, name);
	if (is_free(name)) {
		uint64_t k;
		/* only blocks this function allocated have an identity we trust (p = malloc(); q = p; free(p)); a
		 * pointer from elsewhere, a member of an array of structs, may stand for many blocks */
		if (nargs > 0 && !(args[0].lo == 0 && args[0].hi == 0 && !(args[0].fl & V_PT)) && object_of(a, argn[0], &k) &&
		    tracked_object(a, k) &&
		    (IS_HEAP_ROOT(key_root(k)) || N(a, strip(a, argn[0]))->op == FL_LOCAL ||
		     (N(a, strip(a, argn[0]))->op == FL_GLOBAL && key_field(k) == F_STAR) ||
		     (elem_pointee(key_field(k)) && elem_array(a, key_root(k))))) {
			/* (a parameter's object only when the parameter itself is freed: free(*pp) or free(p->list[i])
			 * free other blocks, which our places do not tell apart) */
			uint64_t sk = object_slot(k);
			val o = load(a, sk);
			if (o.fl & V_FREED) {
				HOOK(on_double_free)(a, nd, o.freed, name, 1);
			} else {
				if (o.mfree && !mfree_excluded(a, sk)) /* freed on some path here already: now on all */
					HOOK(on_double_free)(a, nd, o.freed, name, 0);
				o.mfree = 0;
				o.fl |= V_FREED;
				o.freed = (uint32_t)(nd - a->f->nodes);
				o.fam = (m = find_model(name, M_DEALLOC, NULL)) != NULL ? (uint8_t)m->b : 0;
				if (elem_pointee(key_field(sk)))
					a->elemfree_seen = 1;
				st_set(a, &a->cur, sk, o);
			}
		}
		return ret;
	}
	for (uint32_t i = 0; i < nargs; i++) { /* a library call reads what its pointer arguments point to */
		uint64_t k;
		if ((N(a, argn[i])->tflags & (FL_T_PTR | FL_T_ARRAY)) && object_of(a, argn[i], &k)) {
			char how[96];
			snprintf(how, sizeof(how), "passed to '%s'", name);
			check_use(a, k, nd, how);
		}
	}
	for (m = find_model(name, M_SINK, NULL); m; m = find_model(name, M_SINK, m)) {
		if (m->a >= 100) {
			for (uint32_t i = (uint32_t)(m->a - 100); i < nargs; i++)
				HOOK(on_sink)(a, nd, name, (int)m->b, i, m->b == S_SIZE ? &args[i] : &cont[i]);
		} else if ((uint32_t)m->a < nargs) {
			HOOK(on_sink)(a, nd, name, (int)m->b, (uint32_t)m->a, m->b == S_SIZE || m->b == S_ALLOC ? &args[m->a] : &cont[m->a]);
		}
	}
	if (find_model(name, M_NORETURN, NULL)) { /* after its sinks: errx(1, fmt) formats, then exits */
		a->cur.live = 0;
		return ret;
	}
	for (m = find_model(name, M_PROPAGATE, NULL); m; m = find_model(name, M_PROPAGATE, m)) {
		uint32_t t = 0, org = 0;
		uint16_t sfl = V_SANPATH | V_SANCMD | V_SANFMT;
		int have = 0;
		uint64_t textmask = ~0ull;
		uint32_t psym = SYMF_NONE;
		int npsym = 0;
		if (m->b >= 100 && m->b - 100 >= 1 && (uint32_t)(m->b - 101) < nargs && m->a >= 0)
			textmask = text_args((cont[m->b - 101].fl & V_STR) ? fl_str(&a->fl->strs, cont[m->b - 101].str) : NULL);
		for (uint32_t i = m->b >= 100 ? (uint32_t)(m->b - 100) : (uint32_t)m->b;
		     i < nargs && (m->b >= 100 || i == (uint32_t)m->b); i++) {
			if (m->b >= 100 && i - (uint32_t)(m->b - 100) < 64 && !(textmask & (1ull << (i - (uint32_t)(m->b - 100)))))
				continue; /* formatted as a number */
			t |= cont[i].t;
			if ((cont[i].t & K_PARAMS) && (npsym++ == 0 || psym == cont[i].symf))
				psym = cont[i].symf;
			else if (cont[i].t & K_PARAMS)
				psym = SYMF_NONE;
			if ((cont[i].t & K_ALL) && !org)
				org = cont[i].org;
			if (cont[i].t)
				sfl &= cont[i].fl;
			have = 1;
		}
		if (m->b >= 100 && m->a >= 0)
			have = 1; /* formatting overwrites the destination even when nothing tainted lands in it */
		if (!have)
			continue;
		if (m->a < 0 && is_tokenizer(name)) {
			/* a token is a string of its own: checking one says nothing of the next */
			if (nargs > 0 && N(a, strip(a, argn[0]))->op == FL_INT)
				t = a->tok_t, org = a->tok_org; /* strtok(NULL, ...): the string it is splitting */
			else
				a->tok_t = t, a->tok_org = org;
			ret.t |= t;
			ret.org = org;
			continue;
		}
		if (m->a < 0) {
			ret.t |= t;
			ret.org = org;
			ret.fl |= sfl & (V_SANPATH | V_SANCMD | V_SANFMT);
			if (nd->tflags & FL_T_PTR) { /* strchr(p, c) points into p */
				uint64_t k;
				uint32_t from = argn[m->b < 100 ? m->b : 0];
				/* (strsep(&p, ...) returns what p pointed to, not p's own address) */
				if (from && N(a, strip(a, from))->op != FL_ADDR && object_of(a, from, &k)) {
					ret.fl |= V_PT;
					ret.pt = k;
				}
			}
		}
		/* one place of the parameters' data copied (snprintf(cmd, "%s", p->name)): the copy stands for it */
		a->fill_sym = npsym > 0 && psym != SYMF_NONE;
		a->fill_symf = psym;
		if (m->a >= 100) {
			for (uint32_t i = (uint32_t)(m->a - 100); i < nargs; i++)
				fill_fl(a, argn[i], t, t & K_ALL ? trace(a, org, nd, "'%s' copies it", name) : 0, FULL_LO, FULL_HI, 0, sfl);
		} else if ((uint32_t)m->a < nargs) {
			fill_fl(a, argn[m->a], t, t & K_ALL ? trace(a, org, nd, "'%s' copies it", name) : 0, FULL_LO, FULL_HI, 0,
				sfl);
			if (!(t & K_ALL) && (cont[m->b < 100 ? m->b : 0].fl & (V_STR | V_STRSET))) {
				uint64_t k; /* strcpy(buf, "literal"): buf holds that constant string */
				if (object_of(a, argn[m->a], &k)) {
					val c = load(a, k);
					c.fl = (uint16_t)((c.fl & ~(V_STR | V_STRSET | V_NOSLASH)) |
							  (cont[m->b < 100 ? m->b : 0].fl & (V_STR | V_STRSET | V_NOSLASH)));
					c.str = cont[m->b < 100 ? m->b : 0].str;
					store(a, k, c, 0);
				}
			}
		}
		a->fill_sym = 0;
	}
	for (m = find_model(name, M_APPEND, NULL); m; m = find_model(name, M_APPEND, m))
		if ((uint32_t)m->a < nargs && (uint32_t)m->b < nargs) {
			uint64_t k;
			fill_fl(a, argn[m->a], cont[m->b].t,
				cont[m->b].t & K_ALL ? trace(a, cont[m->b].org, nd, "'%s' appends it", name) : 0, FULL_LO, FULL_HI, 1,
				cont[m->b].fl);
			if (object_of(a, argn[m->a], &k)) { /* no longer one constant string */
				val c = load(a, k);
				c.fl &= (uint16_t)~(V_STR | V_STRSET | V_NOSLASH);
				store(a, k, c, 0);
				if (nd->tflags & (FL_T_PTR | FL_T_RECORD)) { /* os << a returns os: (os << a) << b */
					ret.fl |= V_PT;
					ret.pt = k;
				}
			}
		}
	for (m = find_model(name, M_SOURCE, NULL); m; m = find_model(name, M_SOURCE, m)) {
		uint32_t kind = (uint32_t)m->b, org;
		const model *rg = find_model(name, M_RANGE, NULL);
		if (m->a == -1) {
			ret.t |= kind;
			ret.org = trace(a, 0, nd, "'%s' returns %s data", name, cvet_flow__kind_word(kind));
			if (rg) {
				ret.lo = rg->a;
				ret.hi = rg->b;
			}
			continue;
		}
		if ((name[0] == 'r' && strcmp(name, "read") == 0) && nargs > 0 && args[0].lo == 0 && args[0].hi == 0)
			kind = K_STDIN;
		if (strcmp(name, "fgets") == 0 && nargs > 2 && N(a, argn[2])->op == FL_GLOBAL &&
		    strcmp(var_name(a, -(int32_t)N(a, argn[2])->k - 2), "stdin") == 0)
			kind = K_STDIN;
		org = trace(a, 0, nd, "'%s' reads %s data", name, cvet_flow__kind_word(kind));
		if (m->a >= 100) {
			for (uint32_t i = (uint32_t)(m->a - 100); i < nargs; i++)
				if (N(a, argn[i])->tflags & (FL_T_PTR | FL_T_ARRAY))
					fill(a, argn[i], kind, org, FULL_LO, FULL_HI, 0);
		} else if ((uint32_t)m->a < nargs) {
			fill(a, argn[m->a], kind, org, FULL_LO, FULL_HI, 0);
		}
		if (strcmp(name, "fgets") == 0 && nargs > 0) { /* returns its buffer or NULL */
			ret.t |= kind;
			ret.org = org;
		}
		if ((strcmp(name, "recv") == 0 || strcmp(name, "read") == 0 || strcmp(name, "recvfrom") == 0 ||
		     strcmp(name, "pread") == 0) && nargs > 2) {
			/* a count of bytes received: at most what was asked for, chosen by the program, not the peer */
			ret.lo = -1;
			ret.hi = args[2].hi;
		} else if (strcmp(name, "fread") == 0 && nargs > 2) {
			ret.lo = 0;
			ret.hi = args[2].hi;
		}
	}
	{
		const model *rg = find_model(name, M_RANGE, NULL);
		if (rg && !find_model(name, M_SOURCE, NULL)) {
			ret.lo = rg->a;
			ret.hi = rg->b;
		}
	}
	if ((m = find_model(name, M_STRLEN, NULL)) != NULL && m->a >= 0 && (uint32_t)m->a < nargs) {
		int64_t lo, hi; /* strlen(s) of a string whose length was followed */
		if (str_len_unit(a, &args[m->a], m->b, &lo, &hi)) {
			ret.lo = lo;
			ret.hi = hi;
			ret.fl |= V_BOUNDED | (lo > 0 ? V_NONZERO : 0);
		}
	}
	if (is_alloc(name) && nd >= a->f->nodes && nd < a->f->nodes + a->f->nnodes) {
		/* a new block: an object of its own (aliases share it; a free of one frees all), holding what the
		 * call put in it (strdup's copy) */
		uint64_t hk = mkkey(HEAP_ROOT((uint32_t)(nd - a->f->nodes)), 0);
		val o = top();
		o.t = ret.t;
		o.org = ret.org;
		o.fl = ret.fl & (V_SANPATH | V_SANCMD | V_SANFMT);
		new_block(a, hk, o);
		own_new(a, hk);
		if (!strcmp(name, "malloc")) { /* its bytes are unwritten (uninitialized-read; calloc's are zero) */
			val u = konst(0);
			u.t = U_NO;
			st_set(a, &a->cur, mkkey(UNW_ROOT, UNW_HEAP | ((uint32_t)(nd - a->f->nodes) & (UNW_HEAP - 1))), u);
		}
		ret.fl = (uint16_t)((ret.fl & ~(V_STR | V_STRSET | V_NOSLASH | V_LIT)) | V_PT);
		ret.pt = hk;
		str_forget(a, key_root(hk)); /* (a block from this call before: its string is not this one's) */
		block_size(a, hk, name, args, nargs, &ret);
	}
	if ((nd->tflags & FL_T_PTR) && nd >= a->f->nodes && nd < a->f->nodes + a->f->nnodes) {
		/* NULL when it fails or finds nothing: memory allocators (unchecked-alloc), streams, directories and
		 * MAYNULL models (null-dereference) */
		const model *al = find_model(name, M_ALLOC, NULL);
		int fam = al ? (int)al->b : -1;
		if (fam == FAM_MALLOC || fam == FAM_FOPEN || fam == FAM_POPEN || fam == FAM_DIR ||
		    find_model(name, M_MAYNULL, NULL)) {
			ret.nk = fam == FAM_MALLOC ? NK_ALLOC : NK_CALL;
			ret.nsrc = n;
			ret.fl &= (uint16_t)~V_NONZERO;
		}
	}
	if ((m = find_model(name, M_ALLOC_OUT, NULL)) != NULL && m->a >= 0 && (uint32_t)m->a < nargs &&
	    nd >= a->f->nodes && nd < a->f->nodes + a->f->nnodes) {
		/* posix_memalign(&p, ...): p receives a new block */
		uint64_t hk = mkkey(HEAP_ROOT((uint32_t)(nd - a->f->nodes)), 0), k;
		val o = top();
		if (object_of(a, argn[m->a], &k)) {
			new_block(a, hk, o); /* (not owned: whether it was allocated depends on the result) */
			o.fl = V_PT;
			o.pt = hk;
			store(a, k, o, key_field(k) == F_STAR || (key_field(k) & (F_THROUGH | F_PTEE)));
		}
	}
	return ret;
}

/* ---- branch conditions: pruning and refinement ---- */

/*
 * The result of realloc-like call node `site` is known here not to be NULL (the old block was released: what
 * was "moved" there is freed now) or to be NULL (the old block is still there and still the caller's).
 */
static void settle_moved(A *a, uint32_t site, int nonnull, int null)
{
	for (uint32_t i = 0; i < a->cur.n && (nonnull || null); i++) {
		val *o = &a->cur.s[i].v;
		if (!(o->fl & V_MOVED) || o->freed != site)
			continue;
		o->fl &= (uint16_t)~V_MOVED;
		if (nonnull)
			o->fl |= V_FREED;
		else
			o->freed = 0;
	}
}

static void refine_place(A *a, state *s, uint64_t k, int64_t lo, int64_t hi, int nonzero, uint16_t addfl)
{
	state save = a->cur;
	val v;
	a->cur = *s;
	v = load(a, k);
	if ((lo > v.lo || hi < v.hi) && !(v.fl & V_PT))
		v.fl |= V_BOUNDED; /* a test limited it */
	if (lo > v.lo)
		v.lo = lo;
	if (hi < v.hi)
		v.hi = hi;
	if (v.lo > v.hi) {
		a->cur.live = 0; /* contradiction: this edge cannot be taken */
	} else {
		if (nonzero || v.lo > 0 || v.hi < 0)
			v.fl |= V_NONZERO;
		if (nonzero && v.lo == 0)
			v.lo = 1;
		else if (nonzero && v.hi == 0)
			v.hi = -1;
		v.fl |= addfl;
		st_set(a, &a->cur, k, v);
		if ((v.fl & V_PT) && IS_HEAP_ROOT(key_root(v.pt)) && v.lo == 0 && v.hi == 0)
			set_owned(a, &a->cur, key_root(v.pt), 0); /* NULL here: the allocation failed, nothing to free */
		if ((v.fl & V_PT) && IS_HEAP_ROOT(key_root(v.pt)))
			settle_moved(a, heap_site(key_root(v.pt)), (v.fl & V_NONZERO) != 0, v.lo == 0 && v.hi == 0);
	}
	*s = a->cur;
	a->cur = save;
}

/* The place a condition operand names, looking through casts and assignments ((n = recv(...)) > 0). */
static int cond_place(A *a, uint32_t n, uint64_t *k)
{
	const fl_node *nd = N(a, n);
	while (nd->op == FL_CAST || nd->op == FL_ASSIGN) {
		n = nd->a;
		nd = N(a, n);
	}
	if (nd->op == FL_INDEX) {
		/* a[2] == 0: only an element at a constant index is a place of its own to refine */
		const fl_node *ix = N(a, strip(a, nd->b));
		if (ix->op != FL_INT || !(N(a, nd->a)->tflags & FL_T_ARRAY) || !place_of(a, n, k))
			return 0;
		return (key_field(*k) & F_ELEM) != 0;
	}
	if (nd->op != FL_LOCAL && nd->op != FL_GLOBAL && nd->op != FL_FIELD && nd->op != FL_ARROW && nd->op != FL_DEREF)
		return 0;
	return place_of(a, n, k);
}

/* On edge state s, argument node argn has passed a check: mark what it points to and, for a variable,
 * the variable itself. */
static void mark_checked(A *a, state *s, uint32_t argn, uint16_t flags)
{
	uint64_t k;
	if (object_of(a, argn, &k))
		refine_place(a, s, k, FULL_LO, FULL_HI, 0, flags);
	if (N(a, argn)->op == FL_LOCAL && place_of(a, argn, &k))
		refine_place(a, s, k, FULL_LO, FULL_HI, 0, flags);
}

/* A test of a validating call's result (strstr(p, "..") and friends): mark the checked argument on
 * the edge where the call found nothing. */
static void refine_call(A *a, uint32_t call, int found_edge_is_true, state *t, state *f)
{
	const fl_node *cn = N(a, call);
	const model *m;
	const char *name;
	if (cn->op != FL_CALL || !cn->k)
		return;
	name = cvet_flow__callee_name(a->fl, (uint32_t)cn->k);
	/* a user's check function: a nonzero result means its argument is safe for that use */
	for (m = find_model(name, M_CHECK, NULL); m; m = find_model(name, M_CHECK, m)) {
		uint16_t flag = m->b == S_CMD ? V_SANCMD : m->b == S_FMT ? V_SANFMT : V_SANPATH;
		state *ok = found_edge_is_true ? t : f;
		if (m->a < 0 || (uint32_t)m->a >= cn->b || cn->a + (uint32_t)m->a >= a->f->nextra)
			continue;
		mark_checked(a, ok, a->f->extra[cn->a + (uint32_t)m->a], flag);
	}
	for (m = find_model(name, M_VALIDATE, NULL); m; m = find_model(name, M_VALIDATE, m)) {
		state *clean = found_edge_is_true ? f : t, *found = found_edge_is_true ? t : f;
		uint32_t argn;
		uint16_t flag = V_SANPATH;
		state *edge = m->b == S_CANON ? found : clean;
		if (m->a < 0 || (uint32_t)m->a >= cn->b || cn->a + (uint32_t)m->a >= a->f->nextra)
			continue;
		argn = a->f->extra[cn->a + (uint32_t)m->a];
		if (m->b == S_SEARCH) {
			/* what was searched for decides what its absence proves */
			const fl_node *what = cn->b > 1 && cn->a + 1 < a->f->nextra ? N(a, strip(a, a->f->extra[cn->a + 1])) : NULL;
			char one[2] = {0, 0};
			const char *set = NULL;
			if (what && what->op == FL_INT && what->k > 0 && what->k < 128) {
				one[0] = (char)what->k;
				set = one;
			} else if (what && what->op == FL_STR) {
				set = fl_str(&a->fl->strs, (uint32_t)what->k);
			}
			if (!set || !*set)
				continue;
			flag = 0;
			if (strcmp(name, "strstr") == 0) {
				if (strstr(set, ".."))
					flag |= V_SANPATH;
				if (strchr(set, '%'))
					flag |= V_SANFMT;
			} else {
				if (strchr(set, '%'))
					flag |= V_SANFMT;
				if (strchr(set, '/'))
					flag |= V_SANPATH;
				if (strpbrk(set, ";|&`$\n"))
					flag |= V_SANCMD;
			}
			if (!flag)
				continue;
		}
		mark_checked(a, edge, argn, flag);
	}
}

/* s[strspn(s, "allowed")] == '\0' holds on edge `ok`: s contains only characters of the set. Without shell
 * metacharacters in the set, s is a safe command word; without '/' or '.', a safe file name. */
static void refine_allowlist(A *a, uint32_t idx, state *ok)
{
	const fl_node *in = N(a, idx), *call = N(a, strip(a, in->b));
	const char *name, *set;
	uint32_t setn;
	uint16_t flags = 0;
	if (call->op != FL_CALL || !call->k || call->b < 2 || call->a + 1 >= a->f->nextra)
		return;
	name = cvet_flow__callee_name(a->fl, (uint32_t)call->k);
	if (strcmp(name, "strspn") != 0)
		return;
	setn = strip(a, a->f->extra[call->a + 1]);
	if (N(a, setn)->op != FL_STR)
		return;
	set = fl_str(&a->fl->strs, (uint32_t)N(a, setn)->k);
	if (!strpbrk(set, ";|&$`<>()\\'\"\n*?[]{}~! \t"))
		flags |= V_SANCMD;
	if (!strchr(set, '/') && !strchr(set, '.'))
		flags |= V_SANPATH;
	if (flags)
		mark_checked(a, ok, strip(a, in->a), flags);
}

/* p[0] == '/' (or *p == '/') holds on edge `slash`, fails on edge `other`: of the constant strings the pointer
 * variable p may be, only those starting with a directory remain on `slash`; a single one decides which edge is
 * taken. (untrusted-search-path: a name checked to be absolute is not looked up through $PATH.) */
static void refine_first_char(A *a, uint32_t x, uint32_t c, state *slash, state *other)
{
	const fl_node *xn;
	uint64_t k;
	x = strip(a, x);
	c = strip(a, c);
	if (N(a, x)->op == FL_INT) {
		uint32_t tmp = x;
		x = c;
		c = tmp;
	}
	if (N(a, c)->op != FL_INT || N(a, c)->k != '/')
		return;
	xn = N(a, x);
	if (xn->op == FL_INDEX) {
		const fl_node *ix = N(a, strip(a, xn->b));
		if (ix->op != FL_INT || ix->k != 0)
			return;
	} else if (xn->op != FL_DEREF) {
		return;
	}
	x = strip(a, xn->a);
	if (N(a, x)->op != FL_LOCAL || (N(a, x)->tflags & FL_T_ARRAY) || !place_of(a, x, &k))
		return;
	for (int edge = 0; edge < 2; edge++) {
		state *s = edge ? other : slash, save = a->cur;
		val v;
		if (!s->live)
			continue;
		a->cur = *s;
		v = load(a, k);
		if ((v.fl & (V_STR | V_STRSET)) == V_STR) {
			int starts = fl_str(&a->fl->strs, v.str)[0] == '/';
			if (starts != !edge)
				a->cur.live = 0; /* the one constant it is contradicts this edge */
		} else if (!edge && (v.fl & V_STRSET) && (v.fl & V_NOSLASH)) {
			v.fl &= (uint16_t)~V_NOSLASH;
			st_set(a, &a->cur, k, v);
		}
		*s = a->cur;
		a->cur = save;
	}
}

/* strcmp(x, "literal") == 0 holds on edge `eq`: x is that constant there, whatever it held before. */
static void refine_equal(A *a, uint32_t call, state *eq)
{
	const fl_node *cn = N(a, call);
	const char *name;
	if (cn->op != FL_CALL || !cn->k || cn->b < 2 || cn->a + 1 >= a->f->nextra)
		return;
	name = cvet_flow__callee_name(a->fl, (uint32_t)cn->k);
	if (strcmp(name, "strcmp") != 0 && strcmp(name, "strcasecmp") != 0)
		return;
	for (int side = 0; side < 2; side++) {
		uint32_t x = a->f->extra[cn->a + (uint32_t)side], c = strip(a, a->f->extra[cn->a + 1 - (uint32_t)side]);
		uint64_t k;
		if (N(a, c)->op != FL_STR)
			continue;
		if (object_of(a, x, &k)) {
			state save = a->cur;
			val v = top();
			v.fl = (uint16_t)(V_STR | V_NONZERO | noslash(fl_str(&a->fl->strs, (uint32_t)N(a, c)->k)));
			v.str = (uint32_t)N(a, c)->k;
			a->cur = *eq;
			st_set(a, &a->cur, k, v);
			*eq = a->cur;
			a->cur = save;
		}
		if (N(a, x)->op == FL_LOCAL && place_of(a, x, &k)) {
			state save = a->cur;
			val v = top();
			a->cur = *eq;
			v = load(a, k);
			v.t = 0;
			v.fl |= V_NONZERO;
			st_set(a, &a->cur, k, v);
			*eq = a->cur;
			a->cur = save;
		}
		return;
	}
}

/*
 * `p + n + 8 > limit` (a sum of non-negative terms compared with a bound): on the edge where the sum stays
 * within the bound, each variable term is at most the bound minus the other terms' least values.
 */
static void refine_sum(A *a, uint32_t sum, fl_binop op, val other, state *t, state *f)
{
	uint32_t leaf[8], stack[8], nleaf = 0, sp = 0;
	int64_t least[8], total = 0, limit;
	state *within;
	if (N(a, strip(a, sum))->op != FL_BIN || N(a, strip(a, sum))->sub != FB_ADD)
		return;
	stack[sp++] = strip(a, sum);
	while (sp) {
		uint32_t n = stack[--sp];
		const fl_node *nd = N(a, n);
		if (nd->op == FL_BIN && nd->sub == FB_ADD && sp + 2 <= 8) {
			stack[sp++] = strip(a, nd->a);
			stack[sp++] = strip(a, nd->b);
		} else if (nleaf < 8) {
			leaf[nleaf++] = n;
		} else {
			return;
		}
	}
	switch (op) {
	case FB_LT: within = t; limit = other.hi == FULL_HI ? FULL_HI : other.hi - 1; break;
	case FB_LE: within = t; limit = other.hi; break;
	case FB_GT: within = f; limit = other.hi; break;
	case FB_GE: within = f; limit = other.hi == FULL_HI ? FULL_HI : other.hi - 1; break;
	default: return;
	}
	if (limit == FULL_HI)
		return;
	{
		state save = a->cur, scratch = {0};
		if (st_copy(a, &scratch, &a->cur) < 0)
			return;
		a->cur = scratch;
		a->in_cond++;
		for (uint32_t i = 0; i < nleaf; i++) {
			val v = ev(a, leaf[i]);
			least[i] = v.lo;
			if (v.lo < 0 || v.lo > (int64_t)1 << 40)
				nleaf = 0; /* a negative term (or a huge one) says nothing about the others */
			else
				total += v.lo;
		}
		a->in_cond--;
		st_free(&a->cur);
		a->cur = save;
	}
	for (uint32_t i = 0; i < nleaf; i++) {
		uint64_t k;
		if (cond_place(a, leaf[i], &k))
			refine_place(a, within, k, FULL_LO, limit - (total - least[i]), 0, 0);
	}
}

/* Does `ret op o` hold? (op a comparison; truthiness when op is FB_NONE) */
static int pred(fl_binop op, int64_t ret, int64_t o)
{
	switch (op) {
	case FB_LT: return ret < o;
	case FB_GT: return ret > o;
	case FB_LE: return ret <= o;
	case FB_GE: return ret >= o;
	case FB_EQ: return ret == o;
	case FB_NE: return ret != o;
	default: return ret != 0;
	}
}

/*
 * The value tested is the result of call node `call`, whose callee ends in several outcomes: on each edge,
 * the objects the caller passed get the ranges and checks of the outcomes that edge allows
 * (if (parse(&h) != 0) return; ... h.count is then what parse checked).
 */
static void refine_outcomes(A *a, uint32_t call, fl_binop op, int64_t o, state *t, state *f)
{
	const fl_node *cn = N(a, call);
	summary *s;
	if (cn->op != FL_CALL || !cn->k || !(s = summary_of(a, (uint32_t)cn->k)) || s->noc < 2 || s->oc_mixed)
		return;
	for (int side = 0; side < 2; side++) {
		state *edge = side ? f : t;
		uint32_t sel[MAX_OUTCOMES], nsel = 0;
		if (!edge->live)
			continue;
		for (uint32_t i = 0; i < s->noc; i++)
			if (pred(op, s->oc[i].ret, o) == !side)
				sel[nsel++] = i;
		if (!nsel) {
			edge->live = 0; /* no way the callee ends makes this edge possible */
			continue;
		}
		/* places every selected outcome knows, joined */
		for (uint32_t p = 0; p < s->oc[sel[0]].n; p++) {
			const outcome *o0 = &s->oc[sel[0]];
			val v = o0->place[p].v;
			int everywhere = 1;
			uint64_t obj, k;
			for (uint32_t q = 1; q < nsel && everywhere; q++) {
				const outcome *oq = &s->oc[sel[q]];
				int found = 0;
				for (uint32_t r = 0; r < oq->n; r++)
					if (oq->place[r].param == o0->place[p].param && oq->place[r].field == o0->place[p].field) {
						v = join(v, oq->place[r].v);
						found = 1;
					}
				everywhere = found;
			}
			if (!everywhere || o0->place[p].param >= cn->b || cn->a + o0->place[p].param >= a->f->nextra ||
			    !object_of(a, a->f->extra[cn->a + o0->place[p].param], &obj))
				continue;
			k = caller_place(obj, o0->place[p].field);
			/* the caller keeps its own taint; the outcome's bound and checks apply */
			refine_place(a, edge, k, v.lo, v.hi, 0, v.fl & (V_SANPATH | V_SANCMD | V_SANFMT));
		}
	}
}

/* A pointer place k (tested through node pn) compared with NULL: on edge `nul` it is NULL, a certain NULL
 * from here on (NK_NULL); on edge `nonnul` every copy of the same maybe-NULL value is checked too (q = p;
 * if (!q) return; p->x). */
static void refine_nullness(A *a, state *nul, state *nonnul, uint64_t k, uint32_t pn)
{
	slot *sl;
	int32_t root = key_root(k);
	if (!(N(a, pn)->tflags & FL_T_PTR))
		return;
	if (!a->sub && key_field(k) == 0 && root >= 0 && (uint32_t)root < a->f->nvars && a->f->vars[root].param >= 0 &&
	    a->f->vars[root].param < 24 && !st_find(&a->cur, k))
		a->prog->sums[a->fi].nullchk_mask |= 1u << a->f->vars[root].param; /* tests its parameter for NULL */
	if (nul->live && (sl = st_find(nul, k)) != NULL && sl->v.lo == 0 && sl->v.hi == 0 && !sl->v.nk) {
		sl->v.nk = NK_NULL;
		sl->v.nsrc = pn;
	}
	if (nonnul->live && (sl = st_find(nonnul, k)) != NULL && (sl->v.nk & (NK_ALLOC | NK_CALL)) && sl->v.nsrc) {
		uint32_t src = sl->v.nsrc;
		for (uint32_t i = 0; i < nonnul->n; i++)
			if ((nonnul->s[i].v.nk & (NK_ALLOC | NK_CALL)) && nonnul->s[i].v.nsrc == src)
				nonnul->s[i].v.fl |= V_NONZERO;
	}
}

/* Refine edge state s by condition n holding (truth 1) or failing (truth 0). */
static void refine_edge(A *a, uint32_t n, state *s, int truth)
{
	state other = {0}, here = {0}, save = a->cur;
	if (!s->live || st_copy(a, &other, s) < 0 || st_copy(a, &here, s) < 0) {
		st_free(&other);
		return;
	}
	a->cur = here; /* n's operands are read where the conditions before it held (p && fileno(p) > 2) */
	if (truth)
		branch(a, n, top(), s, &other);
	else
		branch(a, n, top(), &other, s);
	st_free(&a->cur);
	a->cur = save;
	st_free(&other);
}

/* Split the state at a branch on cond node n into the true and false edge states. */
static void branch_refine(A *a, uint32_t n, val c, state *t, state *f);

/* Split the state at a test (see branch_refine); what it evaluates again to refine the edges is no read of its
 * own for uninitialized-read (the test itself was evaluated, and judged, before). */
static void branch(A *a, uint32_t n, val c, state *t, state *f)
{
	a->unw_quiet++;
	branch_refine(a, n, c, t, f);
	a->unw_quiet--;
}

static void branch_refine(A *a, uint32_t n, val c, state *t, state *f)
{
	const fl_node *nd = N(a, n);
	uint64_t k;
	int decided_true = c.lo > 0 || c.hi < 0 || (c.fl & V_NONZERO), decided_false = c.lo == 0 && c.hi == 0;
	if (decided_true)
		f->live = 0;
	if (decided_false)
		t->live = 0;
	while (nd->op == FL_CAST) {
		n = nd->a;
		nd = N(a, n);
	}
	if ((nd->op == FL_UN && nd->sub == FU_LNOT) || (nd->op == FL_BIN && (nd->sub == FB_LAND || nd->sub == FB_LOR))) {
		/* a condition inside an expression (x = p && *p && strlen(p)): !a swaps the edges; a && b holds
		 * both on its true edge, a || b fails both on its false edge */
		if (a->edepth > 256)
			return;
		a->edepth++;
		if (nd->op == FL_UN) {
			branch(a, nd->a, top(), f, t);
		} else {
			state *both = nd->sub == FB_LAND ? t : f;
			int truth = nd->sub == FB_LAND;
			refine_edge(a, nd->a, both, truth);
			refine_edge(a, nd->b, both, truth);
		}
		a->edepth--;
		return;
	}
	if (nd->op == FL_BIN && nd->sub >= FB_LT && nd->sub <= FB_NE) {
		uint32_t ln = nd->a, rn = nd->b;
		val l, r;
		int swap = 0;
		fl_binop op = (fl_binop)nd->sub;
		state save = a->cur, scratch = {0};
		/* the operands again, for their values only: on a copy, so their effects do not apply twice */
		if (st_copy(a, &scratch, &a->cur) < 0)
			return;
		a->cur = scratch;
		a->in_cond++;
		l = ev(a, ln);
		r = ev(a, rn);
		a->in_cond--;
		st_free(&a->cur);
		a->cur = save;
		/* validating calls compared with NULL / 0, and allow-list checks s[strspn(s, set)] != '\0' */
		if (op == FB_NE || op == FB_EQ) {
			uint32_t sl = strip(a, ln), sr = strip(a, rn);
			if (N(a, sl)->op == FL_INT && N(a, sl)->k == 0) {
				uint32_t tmp = sl;
				sl = sr;
				sr = tmp;
			}
			if (N(a, sr)->op == FL_INT && N(a, sr)->k == 0) {
				if (N(a, sl)->op == FL_CALL) {
					refine_call(a, sl, op == FB_NE, t, f);
					refine_equal(a, sl, op == FB_EQ ? t : f);
				}
				else if (N(a, sl)->op == FL_INDEX)
					refine_allowlist(a, sl, op == FB_NE ? f : t);
			}
			refine_first_char(a, ln, rn, op == FB_EQ ? t : f, op == FB_EQ ? f : t);
		}
		if (l.call && r.lo == r.hi && !(r.fl & V_PT))
			refine_outcomes(a, l.call, op, r.lo, t, f);
		else if (r.call && l.lo == l.hi && !(l.fl & V_PT))
			refine_outcomes(a, r.call, op == FB_LT ? FB_GT : op == FB_GT ? FB_LT : op == FB_LE ? FB_GE :
					op == FB_GE ? FB_LE : op, l.lo, t, f);
		for (int side = 0; side < 2; side++) {
			uint32_t pn = side ? rn : ln;
			val o = side ? l : r;
			fl_binop o2 = op;
			if (side) { /* mirror: c < x is x > c */
				swap = 1;
				switch (op) {
				case FB_LT: o2 = FB_GT; break;
				case FB_GT: o2 = FB_LT; break;
				case FB_LE: o2 = FB_GE; break;
				case FB_GE: o2 = FB_LE; break;
				default: break;
				}
			}
			if (!cond_place(a, pn, &k)) {
				refine_sum(a, pn, o2, o, t, f);
				continue;
			}
			switch (o2) {
			case FB_LT:
				if (o.hi != FULL_HI)
					refine_place(a, t, k, FULL_LO, o.hi - 1, 0, 0);
				if (o.lo != FULL_LO)
					refine_place(a, f, k, o.lo, FULL_HI, 0, 0);
				break;
			case FB_LE:
				refine_place(a, t, k, FULL_LO, o.hi, 0, 0);
				refine_place(a, f, k, o.lo == FULL_HI ? o.lo : o.lo + 1, FULL_HI, 0, 0);
				break;
			case FB_GT:
				if (o.lo != FULL_LO)
					refine_place(a, t, k, o.lo + 1, FULL_HI, 0, 0);
				refine_place(a, f, k, FULL_LO, o.hi, 0, 0);
				break;
			case FB_GE:
				refine_place(a, t, k, o.lo, FULL_HI, 0, 0);
				if (o.hi != FULL_LO)
					refine_place(a, f, k, FULL_LO, o.hi == FULL_HI ? o.hi : o.hi - 1, 0, 0);
				break;
			case FB_EQ:
				refine_place(a, t, k, o.lo, o.hi, 0, 0);
				if (o.lo == 0 && o.hi == 0)
					refine_place(a, f, k, FULL_LO, FULL_HI, 1, 0);
				if (o.lo == 0 && o.hi == 0)
					refine_nullness(a, t, f, k, pn);
				break;
			case FB_NE:
				if (o.lo == 0 && o.hi == 0)
					refine_place(a, t, k, FULL_LO, FULL_HI, 1, 0);
				refine_place(a, f, k, o.lo, o.hi, 0, 0);
				if (o.lo == 0 && o.hi == 0)
					refine_nullness(a, f, t, k, pn);
				break;
			default:
				break;
			}
		}
		(void)swap;
		return;
	}
	if (c.call)
		refine_outcomes(a, c.call, FB_NONE, 0, t, f);
	if (nd->op == FL_CALL) {
		refine_call(a, n, 1, t, f);
		refine_equal(a, n, f);
		return;
	}
	if (cond_place(a, n, &k)) {
		refine_place(a, t, k, FULL_LO, FULL_HI, 1, 0);
		refine_place(a, f, k, 0, 0, 0, 0);
		refine_nullness(a, f, t, k, n);
	}
}

/* ---- one function ---- */

/* Pointers to blocks that a join (z of x and y) no longer points to: no place follows those blocks any more. */
static void lost_track(const val *x, const val *y, const val *z, int32_t *lost, uint32_t *nlost)
{
	for (int side = 0; side < 2; side++) {
		const val *v = side ? y : x;
		if ((v->fl & V_PT) && IS_HEAP_ROOT(key_root(v->pt)) && !((z->fl & V_PT) && key_root(z->pt) == key_root(v->pt)) &&
		    *nlost < 16)
			lost[(*nlost)++] = key_root(v->pt);
	}
}

static int lost_root(const int32_t *lost, uint32_t nlost, int32_t root)
{
	for (uint32_t l = 0; l < nlost; l++)
		if (lost[l] == root)
			return IS_HEAP_ROOT(root);
	return 0;
}

/* Whether some place of state s outside heap block `root` itself points into that block. */
static int state_refers(const state *s, int32_t root)
{
	for (uint32_t i = 0; i < s->n; i++)
		if ((s->s[i].v.fl & V_PT) && key_root(s->s[i].v.pt) == root && key_root(s->s[i].k) != root)
			return 1;
	return 0;
}

/* The freed state of heap block k after a join (in z): a block no pointer reaches on one side (not allocated
 * there yet, or its pointers were set to NULL after the free) is what the other side says, since any pointer
 * to it after the join comes from that side (a pointer joined with a different one loses its target, and
 * with NULL keeps it: see join). Otherwise freed on one side only is maybe freed (join). */
static void join_freed(const state *dst, const state *src, uint64_t k, int xin, int yin, const val *x, const val *y,
		       val *z)
{
	const val *from;
	int xref, yref;
	if (!IS_HEAP_ROOT(key_root(k)) || key_field(k) != 0 || (!((x->fl ^ y->fl) & V_FREED) && x->mfree == y->mfree))
		return;
	xref = xin && state_refers(dst, key_root(k));
	yref = yin && state_refers(src, key_root(k));
	if (xref == yref)
		return;
	from = xref ? x : y;
	z->fl = (uint16_t)((z->fl & ~V_FREED) | (from->fl & V_FREED));
	z->mfree = from->mfree;
	z->freed = from->freed;
	z->fam = from->fam;
	z->multi = from->multi;
}

/* Whether some place outside heap block `root` points into it both after the join (out) and on one side. */
static int refers_through_join(const state *out, const state *side, int32_t root)
{
	for (uint32_t i = 0; i < out->n; i++) {
		const val *v = &out->s[i].v;
		const slot *o;
		if (!(v->fl & V_PT) || key_root(v->pt) != root || key_root(out->s[i].k) == root)
			continue;
		o = st_find(side, out->s[i].k);
		if (o && (o->v.fl & V_PT) && key_root(o->v.pt) == root)
			return 1;
	}
	return 0;
}

/* After a join: a heap block freed on one side only, where only that side's pointers to it reach the joined
 * state, has that side's state; the other side's pointers were dangling ones that the join dropped (a loop
 * whose last iteration freed the block, joined with a path that allocated a new one at the same site). */
static void join_dangling(state *out, const state *dst, const state *src)
{
	for (uint32_t i = 0; i < out->n; i++) {
		uint64_t k = out->s[i].k;
		int32_t root = key_root(k);
		const slot *ox, *oy;
		const val *from;
		val *z = &out->s[i].v;
		int rx, ry;
		if (!IS_HEAP_ROOT(root) || key_field(k) != 0 || !z->mfree)
			continue;
		ox = st_find(dst, k);
		oy = st_find(src, k);
		if (!ox || !oy || ox->v.mfree || oy->v.mfree || !((ox->v.fl ^ oy->v.fl) & V_FREED))
			continue;
		rx = refers_through_join(out, dst, root);
		ry = refers_through_join(out, src, root);
		if (rx == ry)
			continue;
		from = rx ? &ox->v : &oy->v;
		z->fl = (uint16_t)((z->fl & ~V_FREED) | (from->fl & V_FREED));
		z->mfree = from->mfree;
		z->freed = from->freed;
		z->fam = from->fam;
		z->multi = from->multi;
	}
}

/* Whether two ranges (with "not 0") have no value in common. */
static int ranges_disjoint(int64_t alo, int64_t ahi, int anz, int64_t blo, int64_t bhi, int bnz)
{
	return ahi < blo || bhi < alo || (anz && blo == 0 && bhi == 0) || (bnz && alo == 0 && ahi == 0);
}

/* A local integer variable whose range in state fs (where a block was freed) has nothing in common with its
 * range in ls (where it was not): the record F_MFCOND keeps (str 0 when there is none). */
static val freed_cond(A *a, const state *fs, const state *ls)
{
	val r = top();
	for (uint32_t i = 0; i < fs->n; i++) {
		uint64_t k = fs->s[i].k;
		int32_t root = key_root(k);
		const val *fv = &fs->s[i].v;
		const slot *o;
		if (key_field(k) != 0 || root < 0 || (uint32_t)root >= a->f->nvars ||
		    !(a->f->vars[root].tflags & FL_T_INT) || (a->f->vars[root].tflags & FL_T_ARRAY) || (fv->fl & V_PT))
			continue;
		o = st_find(ls, k);
		if (!o || (o->v.fl & V_PT) ||
		    !ranges_disjoint(fv->lo, fv->hi, (fv->fl & V_NONZERO) != 0, o->v.lo, o->v.hi, (o->v.fl & V_NONZERO) != 0))
			continue;
		r.lo = fv->lo;
		r.hi = fv->hi;
		r.fl = fv->fl & V_NONZERO;
		r.str = (uint32_t)root + 1;
		return r;
	}
	r.str = 0;
	return r;
}

/* A side where the block is freed on every path: variable `str - 1`'s range there, as a record (str 0: none). */
static val var_cond(A *a, const state *s, uint32_t str)
{
	val r = top(), v;
	const slot *sl;
	r.str = 0;
	if (!str || str - 1 >= a->f->nvars)
		return r;
	sl = st_find(s, mkkey((int32_t)(str - 1), 0));
	v = sl ? sl->v : initial(a, mkkey((int32_t)(str - 1), 0));
	r.lo = v.lo;
	r.hi = v.hi;
	r.fl = v.fl & V_NONZERO;
	r.str = str;
	return r;
}

/* The F_MFCOND record of a join's side (str 0 when it has none). */
static val side_cond(const state *s, int32_t root)
{
	const slot *r = st_find(s, mkkey(root, F_MFCOND));
	val v = top();
	if (r)
		return r->v;
	v.str = 0;
	return v;
}

/* After a join into `out` of dst and src: for every block that became or stays maybe freed, the record of the
 * variable that tells the freeing paths apart (see F_MFCOND). Returns 1 when a record changed from dst's. */
static int join_conds(A *a, state *out, const state *dst, const state *src)
{
	int changed = 0;
	for (uint32_t i = 0; i < out->n; i++) {
		uint64_t k = out->s[i].k;
		int32_t root = key_root(k);
		const slot *ox, *oy;
		int fx, fy;
		val rec = top(), old;
		if (!IS_HEAP_ROOT(root) || key_field(k) != 0 || !out->s[i].v.mfree)
			continue;
		rec.str = 0;
		ox = st_find(dst, k);
		oy = st_find(src, k);
		fx = ox && ((ox->v.fl & V_FREED) || ox->v.mfree);
		fy = oy && ((oy->v.fl & V_FREED) || oy->v.mfree);
		if (fx && !fy)
			rec = (ox->v.fl & V_FREED) ? freed_cond(a, dst, src) : side_cond(dst, root);
		else if (fy && !fx)
			rec = (oy->v.fl & V_FREED) ? freed_cond(a, src, dst) : side_cond(src, root);
		else if (fx && fy && (ox->v.mfree || oy->v.mfree)) {
			/* freed on both sides (on some paths of one at least): the freeing paths of both */
			val rx = ox->v.mfree ? side_cond(dst, root) : top(), ry = oy->v.mfree ? side_cond(src, root) : top();
			if (!ox->v.mfree)
				rx = var_cond(a, dst, ry.str);
			if (!oy->v.mfree)
				ry = var_cond(a, src, rx.str);
			if (rx.str && rx.str == ry.str) {
				rec = rx;
				rec.lo = rx.lo < ry.lo ? rx.lo : ry.lo;
				rec.hi = rx.hi > ry.hi ? rx.hi : ry.hi;
				rec.fl = rx.fl & ry.fl & V_NONZERO;
			}
		}
		old = side_cond(dst, root);
		if (!rec.str && !st_find(out, mkkey(root, F_MFCOND)))
			continue;
		if (rec.str)
			a->mfcond_seen = 1;
		if (st_set(a, out, mkkey(root, F_MFCOND), rec) < 0) /* (after slot i: i stays this block's) */
			return changed;
		if (!same(&rec, &old))
			changed = 1;
	}
	return changed;
}

/* Whether the paths that freed maybe-freed object place ok are excluded here by a test of the variable that
 * told them apart (if (c) free(p); ... if (!c) use(p);). */
static int mfree_excluded(A *a, uint64_t ok)
{
	const slot *r;
	val cv;
	if (!IS_HEAP_ROOT(key_root(ok)))
		return 0;
	r = st_find(&a->cur, mkkey(key_root(ok), F_MFCOND));
	if (!r || !r->v.str || r->v.str - 1 >= a->f->nvars)
		return 0;
	cv = load(a, mkkey((int32_t)(r->v.str - 1), 0));
	return ranges_disjoint(r->v.lo, r->v.hi, (r->v.fl & V_NONZERO) != 0, cv.lo, cv.hi, (cv.fl & V_NONZERO) != 0);
}

static int join_into(A *a, state *dst, const state *src, int widen)
{
	int changed = 0;
	state out;
	uint32_t i = 0, j = 0, need, nlost;
	int32_t lost[16];
	if (!src->live)
		return 0;
	if (!dst->live) {
		st_copy(a, dst, src);
		dst->live = 1;
		return 1;
	}
	if (dst->n == src->n && (dst->n == 0 || memcmp(dst->s, src->s, dst->n * sizeof(*dst->s)) == 0))
		return 0; /* the same state arrives again (a byte compare; padding differences only cost the slow path) */
	/* merge into the scratch buffer, which then trades places with dst's (no allocation per join) */
	need = dst->n + src->n;
	if (a->spare.cap < need) {
		slot *ns = realloc(a->spare.s, (need + 16) * sizeof(*ns));
		if (!ns) {
			a->oom = 1;
			return 0;
		}
		a->spare.s = ns;
		a->spare.cap = need + 16;
	}
	out = a->spare;
	out.n = 0;
	nlost = 0;
	/* merge the sorted arrays; a place missing on one side holds its initial value there */
	while (i < dst->n || j < src->n) {
		uint64_t k;
		val x, y, z;
		int xin = 1, yin = 1;
		if (j >= src->n || (i < dst->n && dst->s[i].k < src->s[j].k)) {
			k = dst->s[i].k;
			x = dst->s[i++].v;
			y = initial(a, k);
			yin = 0;
		} else if (i >= dst->n || src->s[j].k < dst->s[i].k) {
			k = src->s[j].k;
			x = initial(a, k);
			xin = 0;
			y = src->s[j++].v;
		} else {
			k = dst->s[i].k;
			x = dst->s[i++].v;
			y = src->s[j++].v;
			if (same(&x, &y) && !(key_field(k) == F_OWN && lost_root(lost, nlost, key_root(k)))) {
				/* the common case: nothing to join */
				out.s[out.n].k = k;
				out.s[out.n].v = x;
				out.n++;
				continue;
			}
		}
		z = join(x, y);
		join_freed(dst, src, k, xin, yin, &x, &y, &z);
		lost_track(&x, &y, &z, lost, &nlost);
		if (key_field(k) == F_OWN && lost_root(lost, nlost, key_root(k)))
			z = konst(0); /* its pointer merged with another: we cannot tell when it is freed */
		if (widen && (z.lo < x.lo || z.hi > x.hi)) {
			z.lo = z.lo < x.lo ? FULL_LO : z.lo;
			z.hi = z.hi > x.hi ? FULL_HI : z.hi;
		}
		if (!same(&z, &x) && key_field(k) != F_MFCOND) /* (records: join_conds decides) */
			changed = 1;
		out.s[out.n].k = k;
		out.s[out.n].v = z;
		out.n++;
	}
	out.live = 1;
	join_dangling(&out, dst, src);
	if (join_conds(a, &out, dst, src))
		changed = 1;
	a->spare = *dst; /* dst's old buffer is the next scratch */
	a->spare.n = 0;
	*dst = out;
	return changed;
}

static void add_out(A *a, summary *s, uint8_t param, uint32_t field, uint32_t t, uint16_t fl, int64_t lo, int64_t hi)
{
	for (uint32_t i = 0; i < s->nouts; i++)
		if (s->outs[i].param == param && s->outs[i].field == field) {
			s->outs[i].t |= t;
			s->outs[i].fl &= fl;
			s->outs[i].lo = lo < s->outs[i].lo ? lo : s->outs[i].lo;
			s->outs[i].hi = hi > s->outs[i].hi ? hi : s->outs[i].hi;
			return;
		}
	if (s->nouts >= 256)
		return;
	if (s->nouts == s->capouts) {
		uint32_t nc = s->capouts ? s->capouts * 2 : 4;
		sout *n = realloc(s->outs, nc * sizeof(*n));
		if (!n) {
			a->oom = 1;
			return;
		}
		s->outs = n;
		s->capouts = nc;
	}
	s->outs[s->nouts].param = param;
	s->outs[s->nouts].field = field;
	s->outs[s->nouts].t = t;
	s->outs[s->nouts].fl = fl;
	s->outs[s->nouts].lo = lo;
	s->outs[s->nouts].hi = hi;
	s->nouts++;
}

static uint32_t outs_hash(const summary *s)
{
	uint32_t h = 2166136261u;
	for (uint32_t i = 0; i < s->nouts; i++)
		h = (h ^ (s->outs[i].field * 31u + s->outs[i].t + s->outs[i].param + s->outs[i].fl * 7u)) * 16777619u;
	return h ^ s->nouts;
}

/* Record how this return ends: its constant and the values behind the pointer parameters. */
static void add_outcome(A *a, summary *s, const val *rv)
{
	outcome *oc = NULL;
	if (s->oc_mixed)
		return;
	if (!rv || rv->lo != rv->hi || (rv->fl & V_PT)) {
		s->oc_mixed = 1;
		return;
	}
	for (uint32_t i = 0; i < s->noc; i++)
		if (s->oc[i].ret == rv->lo)
			oc = &s->oc[i];
	if (!oc) {
		if (s->noc >= MAX_OUTCOMES) {
			s->oc_mixed = 1;
			return;
		}
		oc = &s->oc[s->noc++];
		memset(oc, 0, sizeof(*oc));
		oc->ret = rv->lo;
		oc->n = UINT32_MAX; /* first return of this kind: take its places as they are */
	}
	{
		uint32_t n = 0;
		oplace now[MAX_OUTCOME_PLACES];
		for (uint32_t i = 0; i < a->f->nvars; i++) {
			const fl_var *v = &a->f->vars[i];
			if (v->param < 0 || v->param >= 24 || !(v->tflags & FL_T_PTR))
				continue;
			for (uint32_t j = 0; j < a->cur.n && n < MAX_OUTCOME_PLACES; j++) {
				uint64_t k = a->cur.s[j].k;
				uint32_t fld = key_field(k);
				if (key_root(k) != (int32_t)i || !(fld == F_STAR || (fld & (F_THROUGH | F_PTEE))))
					continue;
				now[n].param = (uint8_t)v->param;
				now[n].field = fld;
				now[n].v = a->cur.s[j].v;
				n++;
			}
		}
		if (oc->n == UINT32_MAX) {
			memcpy(oc->place, now, n * sizeof(now[0]));
			oc->n = n;
		} else {
			/* another return of the same kind: keep places both know, joined */
			uint32_t m = 0;
			for (uint32_t i = 0; i < oc->n; i++)
				for (uint32_t j = 0; j < n; j++)
					if (oc->place[i].param == now[j].param && oc->place[i].field == now[j].field) {
						oc->place[m] = oc->place[i];
						oc->place[m].v = join(oc->place[i].v, now[j].v);
						m++;
						break;
					}
			oc->n = m;
		}
	}
}

/* The globals whose block is freed at this return (see global_pointer): kept in the summary when freed at every
 * return seen. */
static void summary_gfree(A *a, summary *s)
{
	uint32_t now[MAX_GFREE], nnow = 0, keep = 0;
	for (uint32_t i = 0; i < a->cur.n && nnow < MAX_GFREE; i++) {
		const slot *sl = &a->cur.s[i];
		int64_t g = key_field(sl->k) == F_STAR ? global_pointer(a, key_root(sl->k)) : -1;
		if (g >= 0 && (sl->v.fl & V_FREED))
			now[nnow++] = (uint32_t)g;
	}
	if (!s->returns) {
		memcpy(s->gfree, now, nnow * sizeof(*now));
		s->ngfree = nnow;
		return;
	}
	for (uint32_t i = 0; i < s->ngfree; i++)
		for (uint32_t j = 0; j < nnow; j++)
			if (s->gfree[i] == now[j]) {
				s->gfree[keep++] = s->gfree[i];
				break;
			}
	for (uint32_t i = keep; i < MAX_GFREE; i++)
		s->gfree[i] = 0;
	s->ngfree = keep;
}

/* The globals this return leaves holding a value stored here that may be NULL and was not tested (nullness):
 * kept in the summary when so at every return seen. Only for a return without a value (rv NULL): a result may
 * tell the caller whether the global was set (if (init() < 0) return; *g ...), which we do not follow. */
static void summary_gnull(A *a, summary *s, const val *rv)
{
	uint32_t now[MAX_GNULL], keep = 0;
	uint8_t nk[MAX_GNULL];
	uint32_t nnow = 0;
	for (uint32_t i = 0; i < a->cur.n && nnow < MAX_GNULL && !rv; i++) {
		const slot *sl = &a->cur.s[i];
		int64_t g = key_field(sl->k) == 0 ? global_pointer(a, key_root(sl->k)) : -1;
		if (g >= 0 && cvet_flow__maybe_null(&sl->v)) {
			nk[nnow] = sl->v.nk & (NK_ALLOC | NK_CALL);
			now[nnow++] = (uint32_t)g;
		}
	}
	if (!s->returns) {
		memcpy(s->gnull, now, nnow * sizeof(*now));
		memcpy(s->gnull_nk, nk, nnow);
		s->ngnull = nnow;
		return;
	}
	for (uint32_t i = 0; i < s->ngnull; i++)
		for (uint32_t j = 0; j < nnow; j++)
			if (s->gnull[i] == now[j]) {
				s->gnull_nk[keep] = (uint8_t)(s->gnull_nk[i] | nk[j]);
				s->gnull[keep++] = s->gnull[i];
				break;
			}
	for (uint32_t i = keep; i < MAX_GNULL; i++)
		s->gnull[i] = 0, s->gnull_nk[i] = 0;
	s->ngnull = keep;
}

static void finish_summary(A *a, summary *s, const val *rv, int returns)
{
	if (!returns)
		return;
	{
		/* parameters whose object is freed at this return: freed on every path when at every return */
		uint32_t freed_now = 0, released_now = 0;
		for (uint32_t i = 0; i < a->f->nvars; i++) {
			const fl_var *v = &a->f->vars[i];
			const slot *sl;
			if (v->param < 0 || v->param >= 24 || !(v->tflags & FL_T_PTR))
				continue;
			sl = st_find(&a->cur, mkkey((int32_t)i, F_STAR));
			if (!sl || st_find(&a->cur, mkkey((int32_t)i, 0)))
				continue;
			if (sl->v.fl & V_FREED)
				freed_now |= 1u << v->param;
			if (sl->v.fl & (V_FREED | V_RELEASED)) {
				released_now |= 1u << v->param;
				/* by which deallocator family: the same at every return, or not known */
				if (!s->returns || !(s->releases_mask & (1u << v->param)))
					s->free_fam[v->param] = sl->v.fam;
				else if (s->free_fam[v->param] != sl->v.fam)
					s->free_fam[v->param] = 0;
			}
		}
		s->frees_mask = s->returns ? (s->frees_mask & freed_now) : freed_now;
		summary_gfree(a, s);
		summary_gnull(a, s, rv);
		s->releases_mask = s->returns ? (s->releases_mask & released_now) : released_now;
	}
	if (rv && !(rv->lo == 0 && rv->hi == 0 && !(rv->fl & (V_PT | V_LIT)))) {
		/* a pointer returned (NULL says nothing): a fresh block of one family, or one static object */
		int fam = FAM_MIXED;
		const char *var;
		if ((rv->fl & V_PT) && IS_HEAP_ROOT(key_root(rv->pt)) && key_field(rv->pt) == 0) {
			const slot *bl = st_find(&a->cur, rv->pt);
			fam = site_family(a, heap_site(key_root(rv->pt)));
			if (!fam || (bl && (bl->v.fl & V_FREED)))
				fam = FAM_MIXED;
			if (!owned_in(&a->cur, key_root(rv->pt)) && !(rv->lo == 0 && rv->hi == 0))
				s->ret_kept = 1; /* also stored where it outlives this function */
		}
		s->ret_fam = !s->ret_fam_seen || s->ret_fam == fam ? (uint8_t)fam : FAM_MIXED;
		s->ret_fam_seen = 1;
		{
			uint64_t mk; /* (uninitialized-read) a fresh block returned before anything was written into it */
			int unw = fam != FAM_MIXED && unw_key(a, rv->pt, &mk) && unw_state(a, mk) == 2;
			s->ret_unw = unw && s->ret_unw != 2 ? 1 : 2;
		}
		if ((rv->fl & V_PT) && key_root(rv->pt) < -1 && nonheap_place(a, rv->pt, &var) == NF_STATIC &&
		    (s->ret_pt_state == 0 || (s->ret_pt_state == 1 && s->ret_pt == rv->pt))) {
			s->ret_pt = rv->pt;
			s->ret_pt_state = 1;
		} else {
			s->ret_pt_state = 2;
		}
	}
	s->returns = 1;
	add_outcome(a, s, rv);
	if (rv) {
		if (!s->has_ret) {
			s->has_ret = 1;
			s->ret_lo = rv->lo;
			s->ret_hi = rv->hi;
			s->ret_fl = rv->fl;
			s->ret_str = rv->str;
		} else {
			val old = top(), r = top();
			old.fl = s->ret_fl;
			old.str = s->ret_str;
			s->ret_lo = rv->lo < s->ret_lo ? rv->lo : s->ret_lo;
			s->ret_hi = rv->hi > s->ret_hi ? rv->hi : s->ret_hi;
			strjoin(&r, &old, rv);
			s->ret_fl = (uint16_t)((s->ret_fl & ~(V_STR | V_STRSET | V_NOSLASH)) | r.fl);
			s->ret_str = r.str;
			s->ret_fl &= rv->fl | (uint16_t)~(V_NONZERO | V_LIT);
		}
		s->ret_t |= rv->t;
		if (rv->t) { /* a check counts when every untrusted value returned passed it */
			s->ret_san = s->ret_san_set ? (uint16_t)(s->ret_san & rv->fl) : (uint16_t)(rv->fl & (V_SANPATH | V_SANCMD | V_SANFMT));
			s->ret_san_set = 1;
		}
	}
	/* what the function leaves in the objects its pointer parameters point to */
	for (uint32_t i = 0; i < a->f->nvars; i++) {
		const fl_var *v = &a->f->vars[i];
		if (v->param < 0 || v->param >= 24 || !(v->tflags & FL_T_PTR))
			continue;
		for (uint32_t j = 0; j < a->cur.n; j++) {
			uint64_t k = a->cur.s[j].k;
			uint32_t t = a->cur.s[j].v.t & ~PBIT(v->param), fld = key_field(k);
			if (key_root(k) != (int32_t)i || fld == 0 || !t ||
			    !(fld == F_STAR || (fld & (F_THROUGH | F_PTEE))))
				continue;
			add_out(a, s, (uint8_t)v->param, fld, t, a->cur.s[j].v.fl & (V_SANPATH | V_SANCMD | V_SANFMT),
				a->cur.s[j].v.lo, a->cur.s[j].v.hi);
		}
	}
}

/* At a return (before finish_summary): which parameters this path dereferenced unchecked, and whether it
 * returns NULL (a NULL returned only where some parameter is 0 / NULL is the caller's own doing: not
 * counted) or a maybe-NULL value it did not check. */
static void null_summary(A *a, summary *s, const val *rv, const fl_node *rn)
{
	uint32_t now = 0;
	if (!a->cur.live)
		return;
	for (uint32_t i = 0; i < a->f->nparams && i < 24; i++) {
		const slot *sl = st_find(&a->cur, mkkey(DEREF_ROOT, i));
		if (sl && sl->v.lo == 1 && sl->v.hi == 1)
			now |= 1u << i;
	}
	s->derefs_mask = s->derefs_seen ? (s->derefs_mask & now) : now;
	s->derefs_mask &= ~s->nullchk_mask; /* a parameter it tests for NULL somewhere is one it expects NULL in */
	s->derefs_seen = 1;
	if (!rv || !rn || !(rn->tflags & FL_T_PTR))
		return;
	if (rv->lo == 0 && rv->hi == 0 && !(rv->fl & (V_NONZERO | V_PT | V_STR | V_STRSET | V_FN | V_LIT))) {
		for (uint32_t i = 0; i < a->f->nvars; i++) {
			const slot *sl;
			if (a->f->vars[i].param < 0)
				continue;
			sl = st_find(&a->cur, mkkey((int32_t)i, 0));
			if (sl && sl->v.lo == 0 && sl->v.hi == 0)
				return;
		}
		s->ret_nk |= (rv->nk & NK_ALLOC) ? NK_ALLOC : NK_CALL;
	} else if (cvet_flow__maybe_null(rv)) {
		s->ret_nk |= rv->nk & (NK_ALLOC | NK_CALL);
	}
}

/* Reverse postorder of the CFG from the entry (unreached blocks last): the worklist's priority. */
static int rpo_order(const fl_func *f, uint32_t *prio)
{
	uint32_t n = f->nblocks, *stack = calloc(n, sizeof(*stack)), *edge = calloc(n, sizeof(*edge)), sp = 0, next = n;
	uint8_t *seen = calloc(n, 1);
	if (!stack || !edge || !seen) {
		free(stack);
		free(edge);
		free(seen);
		return -1;
	}
	for (uint32_t i = 0; i < n; i++)
		prio[i] = UINT32_MAX;
	seen[0] = 1;
	stack[sp++] = 0;
	while (sp) {
		uint32_t b = stack[sp - 1], e = edge[sp - 1]++, to = NO_BLOCK;
		const fl_block *bl = &f->blocks[b];
		uint32_t nsucc = 2 + (bl->term == FT_SWITCH ? bl->ncases : 0);
		if (e < nsucc) {
			if (e < 2)
				to = (bl->term == FT_RETURN || bl->term == FT_STOP) ? NO_BLOCK : bl->succ[e];
			else if (bl->case_start + e - 2 < f->ncases)
				to = f->cases[bl->case_start + e - 2].block;
			if (to != NO_BLOCK && to < n && !seen[to]) {
				seen[to] = 1;
				stack[sp] = to;
				edge[sp++] = 0;
			}
			continue;
		}
		prio[b] = --next;
		sp--;
	}
	for (uint32_t i = 0; i < n; i++)
		if (prio[i] == UINT32_MAX)
			prio[i] = n + i;
	free(stack);
	free(edge);
	free(seen);
	return 0;
}

typedef struct worklist {
	uint32_t *v, n;
	uint8_t *queued;
	const uint32_t *prio;
} worklist;

static void push(worklist *w, uint32_t b)
{
	if (!w->queued[b]) {
		w->queued[b] = 1;
		w->v[w->n++] = b;
	}
}

static void flow_to(A *a, state *in, worklist *w, const uint32_t *visits, uint32_t to, const state *st, int final)
{
	if (final || to == NO_BLOCK || to >= a->f->nblocks || !st->live)
		return;
	/* ranges widen at a loop's head; elsewhere (a loop's body, which the head's test refines) only much later,
	 * so that `for (i = 0; i <= 10; i++)` leaves i in 0..10 in the body, not 0..INT_MAX */
	if (join_into(a, &in[to], st, visits[to] > WIDEN_AFTER + (a->f->blocks[to].loop_head ? 0u : 8u)))
		push(w, to);
}

/* The last statement of block b with a place in the source (where a function without `return` ends). */
static const fl_node *last_stmt(A *a, const fl_block *b)
{
	for (uint32_t i = b->count; i > 0; i--)
		if (b->first + i - 1 < a->f->nstmts && N(a, a->f->stmts[b->first + i - 1])->line)
			return N(a, a->f->stmts[b->first + i - 1]);
	return NULL;
}

/* Whether loop condition n compares operands whose values are known ranges (a constant, a variable with a
 * bounded range): the engine then knows when the loop is skipped. Reads nothing with effects. */
static int unw_bounded_cond(A *a, uint32_t n)
{
	const fl_node *nd = N(a, strip(a, n));
	if (nd->op != FL_BIN || nd->sub < FB_LT || nd->sub > FB_NE)
		return 0;
	for (int side = 0; side < 2; side++) {
		const fl_node *o = N(a, strip(a, side ? nd->b : nd->a));
		val v;
		if (o->op == FL_INT)
			continue;
		if (o->op != FL_LOCAL || o->k < 0 || (uint64_t)o->k >= a->f->nvars || (o->tflags & FL_T_ARRAY))
			return 0;
		v = load(a, mkkey((int32_t)o->k, 0));
		if (v.t || (v.fl & V_PT) || v.hi < v.lo || (uint64_t)v.hi - (uint64_t)v.lo > 65536)
			return 0;
	}
	return 1;
}

/* Leaving a loop at its head (uninitialized-read): an object unwritten on some path in comes out of a loop
 * that writes it (it is written on some path reaching the head), or of one whose skipping the engine cannot
 * tell from known ranges: precision first, such a skip is not a finding (U_SKIP). */
static void unw_loop_exit(A *a, const fl_block *b, state *ep)
{
	int bounded = -1;
	for (uint32_t i = 0; i < ep->n; i++) {
		slot *sl = &ep->s[i];
		if (key_root(sl->k) != UNW_ROOT)
			continue;
		if (!(sl->v.t & U_NO))
			continue;
		if (!(sl->v.t & U_YES)) {
			if (bounded < 0)
				bounded = unw_bounded_cond(a, b->loop_cond ? b->loop_cond : b->cond);
			if (bounded)
				continue;
		}
		sl->v.t = (sl->v.t & ~U_NO) | U_SKIP;
	}
}

/* A return (final sweep): the parameters whose objects every return so far read before writing them. */
static void unw_return(A *a, summary *s)
{
	uint32_t m = 0;
	for (uint32_t i = 0; i < a->f->nparams && i < 24; i++) {
		const slot *sl = st_find(&a->cur, mkkey(UNW_ROOT, UNW_PARAM | i));
		if (sl && !(sl->v.t & U_NREAD))
			m |= 1u << i;
	}
	s->ureads_mask = s->ureads_seen ? s->ureads_mask & m : m;
	s->ureads_seen = 1;
}

/* A test on the way from where paths that did and did not write an object joined to where it is read may be
 * the one that tells them apart (`if (blob != NULL) free(blob, blen)`): precision first, an object unwritten
 * on only some paths is no longer a finding once control passes a branch (U_SKIP). */
static void unw_branch_edge(state *st)
{
	for (uint32_t i = 0; st->live && i < st->n; i++) {
		slot *sl = &st->s[i];
		if (key_root(sl->k) == UNW_ROOT && (sl->v.t & U_NO) && (sl->v.t & U_YES))
			sl->v.t = (sl->v.t & ~U_NO) | U_SKIP;
	}
}

/*
 * One block: its statements, then its terminator, sending the resulting states to its successors.
 * In the final sweep (final = 1) nothing is sent on: the in-states are the fixed point, and only now do
 * rules report and the summary collect.
 */
static void visit_block(A *a, uint32_t bi, state *in, worklist *w, const uint32_t *visits, int final)
{
	const fl_func *f = a->f;
	const fl_block *b = &f->blocks[bi];
	summary *s = &a->prog->sums[a->fi];
	state *tp = &a->bt, *ep = &a->be;
	val c = top();
	if (st_copy(a, &a->cur, &in[bi]) < 0)
		return;
	a->block = bi;
	for (uint32_t i = 0; i < b->count && a->cur.live; i++)
		if (b->first + i < f->nstmts)
			ev(a, f->stmts[b->first + i]);
	if (!a->cur.live)
		return;
	switch (b->term) {
	case FT_RETURN:
		if (b->cond) {
			c = ev(a, b->cond);
			if (final && a->cur.live) {
				if (N(a, b->cond)->tflags & FL_T_PTR)
					note_kept(a, &c);
				check_leaks(a, N(a, b->cond), &c, b->cond);
			}
			if (N(a, b->cond)->tflags & (FL_T_PTR | FL_T_ARRAY))
				c = content(a, b->cond, c);
			if (final) {
				HOOK(on_return)(a, N(a, b->cond), &c);
				null_summary(a, s, &c, N(a, b->cond));
				finish_summary(a, s, &c, a->cur.live);
			}
		} else if (final) {
			if (a->cur.live)
				check_leaks(a, last_stmt(a, b), NULL, 0);
			null_summary(a, s, NULL, NULL);
			finish_summary(a, s, NULL, a->cur.live);
		}
		if (final && !a->sub && a->cur.live)
			unw_return(a, s);
		return;
	case FT_STOP:
		return;
	case FT_FALL:
		flow_to(a, in, w, visits, b->succ[0], &a->cur, final);
		return;
	case FT_BRANCH:
		a->in_cond++;
		c = b->cond ? ev(a, b->cond) : top();
		a->in_cond--;
		if (b->loop_head && final)
			HOOK(on_loop)(a, b->loop_cond ? b->loop_cond : b->cond);
		if (!a->cur.live || final)
			return;
		st_copy(a, tp, &a->cur);
		st_copy(a, ep, &a->cur);
		if (b->cond)
			branch(a, b->cond, c, tp, ep);
		if (b->loop_head && ep->live)
			unw_loop_exit(a, b, ep);
		unw_branch_edge(tp);
		if (!b->loop_head)
			unw_branch_edge(ep);
		flow_to(a, in, w, visits, b->succ[0], tp, final);
		flow_to(a, in, w, visits, b->succ[1], ep, final);
		return;
	case FT_SWITCH: {
		int any_case = 0, refine;
		uint64_t sk = 0;
		c = b->cond ? ev(a, b->cond) : top();
		unw_branch_edge(&a->cur);
		/* switch (v) on a local integer: in each case v holds that case's value (what a free in one case
		 * needs to be told apart from the others after they join) */
		refine = b->cond && N(a, strip(a, b->cond))->op == FL_LOCAL &&
			 (N(a, strip(a, b->cond))->tflags & FL_T_INT) && cond_place(a, strip(a, b->cond), &sk);
		for (uint32_t ci = 0; ci < b->ncases && b->case_start + ci < f->ncases; ci++) {
			const fl_case *cs = &f->cases[b->case_start + ci];
			if (cs->hi < c.lo || cs->lo > c.hi || cs->block >= f->nblocks)
				continue; /* the value cannot match: dead case */
			if (c.lo >= cs->lo && c.hi <= cs->hi)
				any_case = 1;
			if (refine && cs->lo <= cs->hi && st_copy(a, &a->bt, &a->cur) == 0) {
				refine_place(a, &a->bt, sk, cs->lo, cs->hi, 0, 0);
				flow_to(a, in, w, visits, cs->block, &a->bt, final);
			} else {
				flow_to(a, in, w, visits, cs->block, &a->cur, final);
			}
		}
		if (!any_case && c.lo <= c.hi) {
			/* the cases together cover every value the scrutinee can hold: the default edge is dead
			 * (an enum whose every value has a case). Walk up from the lowest value, each step past the
			 * end of the case holding it: at most one step per case. */
			int64_t v = c.lo;
			for (;;) {
				uint32_t ci = 0;
				for (; ci < b->ncases && b->case_start + ci < f->ncases; ci++)
					if (f->cases[b->case_start + ci].lo <= v && v <= f->cases[b->case_start + ci].hi)
						break;
				if (ci == b->ncases || b->case_start + ci >= f->ncases)
					break; /* v has no case */
				if (f->cases[b->case_start + ci].hi >= c.hi) {
					any_case = 1;
					break;
				}
				v = f->cases[b->case_start + ci].hi + 1;
			}
		}
		if (!any_case)
			flow_to(a, in, w, visits, b->succ[0], &a->cur, final);
		return;
	}
	default:
		return;
	}
}

int cvet_flow__analyze_function(A *a, uint32_t fi)
{
	fl_func *f = &a->fl->funcs[fi];
	summary *s = &a->prog->sums[fi], old = *s;
	state *in = NULL;
	uint32_t *visits = NULL, *prio = NULL, steps = 0;
	worklist w;
	int rc = 0;

	memset(&w, 0, sizeof(w));
	a->f = f;
	a->fi = fi;
	a->ntraces = 0;
	a->mfcond_seen = 0;
	a->elemfree_seen = 0;
	if (a->sub) {
		s = &a->scratch;
		memset(s, 0, sizeof(*s));
	} else {
		fnd_list *fd = &a->prog->fnd[fi]; /* this analysis replaces the last one's findings */
		for (size_t i = 0; i < fd->n; i++)
			cvet_finding_free(fd->v[i]);
		fd->n = 0;
		memset(s, 0, sizeof(*s));
		s->sinks = old.sinks;
		s->capsinks = old.capsinks;
		s->outs = old.outs;
		s->capouts = old.capouts;
	}
	if (!f->nblocks)
		goto done;
	in = calloc(f->nblocks, sizeof(*in));
	w.v = calloc(f->nblocks, sizeof(*w.v));
	w.queued = calloc(f->nblocks, 1);
	visits = calloc(f->nblocks, sizeof(*visits));
	prio = calloc(f->nblocks, sizeof(*prio));
	if (!in || !w.v || !w.queued || !visits || !prio || rpo_order(f, prio) < 0) {
		rc = CVET_ENOMEM;
		goto done;
	}
	w.prio = prio;
	/* 1. the fixed point: quietly */
	a->final = 0;
	in[0].live = 1;
	for (uint32_t i = 0; i < f->nvars && !a->oom; i++) {
		/* uninitialized-read: locals declared without a value, and what pointer parameters point to */
		val u = konst(0);
		u.t = U_NO;
		if (f->vars[i].param < 0 && f->vars[i].no_init && !f->vars[i].is_ref)
			st_set(a, &in[0], mkkey(UNW_ROOT, i), u);
		else if (f->vars[i].param >= 0 && f->vars[i].param < 24 && (f->vars[i].tflags & FL_T_PTR) && !f->vars[i].is_ref) {
			u.t = U_NO | U_NREAD;
			st_set(a, &in[0], mkkey(UNW_ROOT, UNW_PARAM | (uint32_t)f->vars[i].param), u);
		}
	}
	push(&w, 0);
	while (w.n && !a->oom) {
		uint32_t best = 0, bi;
		for (uint32_t i = 1; i < w.n; i++)
			if (prio[w.v[i]] < prio[w.v[best]])
				best = i;
		bi = w.v[best];
		w.v[best] = w.v[--w.n];
		w.queued[bi] = 0;
		if (++steps > MAX_STEPS_PER_FUNC) {
			a->budget_hit = 1; /* keep what was reached: the sweep below judges it, less precisely */
			break;
		}
		visits[bi]++;
		visit_block(a, bi, in, &w, visits, 0);
	}
	/* 2. the sweep: every block once, in its final state; rules report, the summary is collected (a
	 * context analysis only collects its return values) */
	if (a->sub) {
		for (uint32_t bi = 0; bi < f->nblocks && !a->oom; bi++)
			if (in[bi].live && f->blocks[bi].term == FT_RETURN && f->blocks[bi].cond) {
				st_copy(a, &a->cur, &in[bi]);
				for (uint32_t i = 0; i < f->blocks[bi].count && a->cur.live; i++)
					if (f->blocks[bi].first + i < f->nstmts)
						ev(a, f->stmts[f->blocks[bi].first + i]);
				if (a->cur.live) {
					val r = ev(a, f->blocks[bi].cond);
					a->ret_acc = a->ret_seen ? join(a->ret_acc, r) : r;
					a->ret_seen = 1;
					if ((r.lo == 0 && r.hi == 0 && !(r.fl & (V_NONZERO | V_PT | V_STR | V_STRSET | V_FN | V_LIT))) ||
					    cvet_flow__maybe_null(&r))
						a->ret_null = 1; /* nullness: this context may return NULL */
				}
			}
		goto done;
	}
	a->final = 1;
	for (uint32_t bi = 0; bi < f->nblocks && !a->oom; bi++)
		if (in[bi].live)
			visit_block(a, bi, in, &w, visits, 1);
	if (a->prog->report && !a->oom)
		HOOK(on_function_end)(a, in);
	a->final = 0;
	if (a->oom)
		rc = CVET_ENOMEM;
	if ((a->budget_hit || f->budget_cut) && a->prog->report) {
		const char *path = f->file < a->fl->nfiles ? fl_str(&a->fl->strs, a->fl->files[f->file]) : "";
		if (cvet_report_add_note(a->prog->out,
					 "flow analysis of '%s' (%s:%u) stopped at its budget: its findings may be incomplete",
					 fl_str(&a->fl->strs, f->name), path, (unsigned)f->line) < 0)
			a->oom = 1;
	}
	if (a->budget_hit) {
		s->returns = 1; /* unknown: do not claim it never returns */
		a->budget_hit = 0;
	}
done:
	if (in)
		for (uint32_t i = 0; i < f->nblocks; i++)
			st_free(&in[i]);
	free(in);
	free(w.v);
	free(w.queued);
	free(visits);
	free(prio);
	st_free(&a->cur);
	st_free(&a->spare);
	st_free(&a->bt);
	st_free(&a->be);
	if (a->sub)
		return rc;
	/* change detection for the fixed point over the call graph */
	if (old.ret_t != s->ret_t || old.ret_lo != s->ret_lo || old.ret_hi != s->ret_hi || old.returns != s->returns ||
	    old.nsinks != s->nsinks || old.outs_hash != (s->outs_hash = outs_hash(s)) || old.has_ret != s->has_ret ||
	    old.frees_mask != s->frees_mask || old.uses_mask != s->uses_mask || old.ret_fam != s->ret_fam ||
	    old.ngfree != s->ngfree || memcmp(old.gfree, s->gfree, sizeof(s->gfree)) != 0 ||
	    old.ngnull != s->ngnull || memcmp(old.gnull, s->gnull, sizeof(s->gnull)) != 0 ||
	    memcmp(old.gnull_nk, s->gnull_nk, sizeof(s->gnull_nk)) != 0 ||
	    old.releases_mask != s->releases_mask || old.keeps_mask != s->keeps_mask || old.ret_kept != s->ret_kept ||
	    old.ret_fam_seen != s->ret_fam_seen || old.ret_pt_state != s->ret_pt_state || old.ret_pt != s->ret_pt ||
	    memcmp(old.free_fam, s->free_fam, sizeof(s->free_fam)) != 0)
		a->changed = 1;
	if (old.ret_nk != s->ret_nk || old.derefs_mask != s->derefs_mask || old.nullchk_mask != s->nullchk_mask)
		a->changed = 1;
	if (old.ureads_mask != s->ureads_mask || old.ret_unw != s->ret_unw)
		a->changed = 1;
	return rc;
}
