/* flow_rules.c - the taint rules on the flow engine: what each engine event means for command-injection,
 * format-string, path-traversal, tainted-alloc-size, tainted-loop-bound, integer-overflow, divide-by-zero,
 * untrusted-search-path and uncontrolled-search-path. The engine owns values and paths; this file owns the
 * decisions and the words. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "code/check.h"
#include "flow/flow_int.h"

static void on_alloc(A *a, const fl_node *at, uint32_t sizen, const val *size, const char *what);
static void on_wrapped_use(A *a, const val *v, const char *use);

#define RULE_CMD "command-injection"
#define RULE_FMT "format-string"
#define RULE_PATH "path-traversal"
#define RULE_ALLOC "tainted-alloc-size"
#define RULE_LOOP "tainted-loop-bound"
#define RULE_OVF "integer-overflow"
#define RULE_DIV "divide-by-zero"
#define RULE_426 "untrusted-search-path"
#define RULE_427 "uncontrolled-search-path"

/* A size no check has limited: it reaches at least INT_MAX, or can be negative (a huge size_t). */
static int unbounded(const val *v)
{
	return v->hi >= 0x7fffffffLL || v->lo < -0x7fffffffLL;
}

/* A loop bound no check has limited from above (a negative bound runs no iterations). */
static int unbounded_above(const val *v)
{
	return v->hi >= 0x7fffffffLL;
}

static int untrusted(const A *a, const val *v)
{
	return (v->t & a->prog->active) != 0;
}

static int untrusted_or_random(const A *a, const val *v)
{
	return (v->t & (a->prog->active | K_UNCTRL)) != 0;
}

static const char *word(const val *v)
{
	return cvet_flow__kind_word(v->t);
}

static const char *str_of(const A *a, const val *v)
{
	return (v->fl & V_STR) ? fl_str(&a->fl->strs, v->str) : NULL;
}

/* The constant it may be that names a relative program: the one string, or of several the one whose first
 * word has no '/'. */
static const char *relative_candidate(const A *a, const val *v)
{
	if (v->fl & V_STR)
		return fl_str(&a->fl->strs, v->str);
	if ((v->fl & V_STRSET) && (v->fl & V_NOSLASH))
		return fl_str(&a->fl->strs, v->str);
	return NULL;
}

/* The program a command string or exec path starts, when it is named without a directory. */
static int relative_program(const char *cmd, int shell, char *out, size_t outsz)
{
	size_t n = 0;
	if (!cmd)
		return 0;
	if (shell)
		while (*cmd == ' ' || *cmd == '\t')
			cmd++;
	if (!*cmd || *cmd == '/' || *cmd == '.' || *cmd == '$' || *cmd == '(' || *cmd == '{')
		return 0;
	while (cmd[n] && (!shell || (cmd[n] != ' ' && cmd[n] != '\t' && cmd[n] != ';' && cmd[n] != '|')))
		n++;
	if (memchr(cmd, '/', n))
		return 0;
	if (shell) {
		/* shell builtins run no program */
		static const char *const builtins[] = {"cd", "echo", "exit", "export", "set", "true", "false",
						       "test", "[", "exec", "eval", "read", "ulimit", "umask", NULL};
		for (int i = 0; builtins[i]; i++)
			if (strlen(builtins[i]) == n && strncmp(cmd, builtins[i], n) == 0)
				return 0;
	}
	if (n >= outsz)
		n = outsz - 1;
	memcpy(out, cmd, n);
	out[n] = '\0';
	return 1;
}

static int is_shell(const char *path)
{
	const char *base;
	if (!path)
		return 0;
	base = strrchr(path, '/');
	base = base ? base + 1 : path;
	return strcmp(base, "sh") == 0 || strcmp(base, "bash") == 0 || strcmp(base, "dash") == 0 ||
	       strcmp(base, "zsh") == 0 || strcmp(base, "ksh") == 0;
}

static int search_path_var(const char *name)
{
	return name && (strcmp(name, "PATH") == 0 || strcmp(name, "LD_LIBRARY_PATH") == 0 ||
			strcmp(name, "LD_PRELOAD") == 0 || strcmp(name, "LD_AUDIT") == 0);
}

void cvet_flow__bounds_call(A *a, const fl_node *call, const summary *s, const val *args, const uint32_t *argn,
			    uint32_t nargs);

static void on_sink(A *a, const fl_node *call, const char *name, int kind, uint32_t argi, const val *v)
{
	char program[128];
	switch (kind) {
	case S_CMD:
		if (untrusted(a, v) && !(v->fl & V_SANCMD))
			cvet_flow__report(a, RULE_CMD, call, v->org,
					  "'%s' runs a command built from %s data; pass arguments to execv() with a fixed program path instead",
					  name, word(v));
		else
			cvet_flow__summary_sink(a, v, S_CMD, call, name);
		if (relative_program(relative_candidate(a, v), strcmp(name, "system") == 0 || strcmp(name, "popen") == 0, program,
				     sizeof(program)))
			cvet_flow__report(a, RULE_426, call, 0,
					  "'%s' starts '%s' by a relative name, found through $PATH or the working directory; use its absolute path",
					  name, program);
		return;
	case S_EXECARGS:
		if (a->call_nargs > 0 && is_shell(str_of(a, &a->call_args[0])) && untrusted(a, v) && !(v->fl & V_SANCMD))
			cvet_flow__report(a, RULE_CMD, call, v->org,
					  "'%s' runs a shell on a command built from %s data; run the program directly with fixed arguments",
					  name, word(v));
		return;
	case S_FMT:
		if (v->fl & V_SANFMT)
			return;
		if (untrusted(a, v))
			cvet_flow__report(a, RULE_FMT, call, v->org,
					  "format string of '%s' comes from %s data; use a literal format such as \"%%s\"", name, word(v));
		else
			cvet_flow__summary_sink(a, v, S_FMT, call, name);
		return;
	case S_ALLOC:
		on_alloc(a, call, a->call_argn ? a->call_argn[argi] : 0, v, name);
		return;
	case S_SIZE:
		if (v->wrap)
			on_wrapped_use(a, v, "a byte count");
		return;
	case S_PATH:
		if (untrusted(a, v) && !(v->fl & V_SANPATH))
			cvet_flow__report(a, RULE_PATH, call, v->org,
					  "'%s' opens a path built from %s data without a '..' check; resolve it with realpath() and check the prefix",
					  name, word(v));
		else if (!(v->fl & V_SANPATH))
			cvet_flow__summary_sink(a, v, S_PATH, call, name);
		return;
	case S_ENVNAME:
		if (a->call_nargs > 1 && search_path_var(str_of(a, v))) {
			const val *value = &a->call_args[1];
			if (untrusted(a, value))
				cvet_flow__report(a, RULE_427, call, value->org,
						  "'%s' sets %s from %s data; programs run later search directories an attacker chose",
						  name, str_of(a, v), word(value));
			else
				cvet_flow__summary_sink(a, value, S_ENVNAME, call, name);
		} else if (a->call_nargs > 1 && !(v->fl & (V_STR | V_STRSET)) && untrusted(a, v) &&
			   untrusted(a, &a->call_args[1])) {
			/* NAME=VALUE pairs from input: the name may be PATH or LD_PRELOAD */
			cvet_flow__report(a, RULE_427, call, v->org,
					  "'%s' sets a variable named by %s data to %s data, which may be PATH or LD_PRELOAD", name,
					  word(v), word(&a->call_args[1]));
		}
		return;
	case S_ENVSTR:
		if (untrusted(a, v))
			cvet_flow__report(a, RULE_427, call, v->org,
					  "'%s' sets an environment variable from %s data, which may be PATH or LD_PRELOAD", name, word(v));
		return;
	default:
		return;
	}
}

static const char *rule_of(int kind)
{
	switch (kind) {
	case S_CMD: return RULE_CMD;
	case S_FMT: return RULE_FMT;
	case S_PATH: return RULE_PATH;
	case S_ALLOC: return RULE_ALLOC;
	case S_LOOP: return RULE_LOOP;
	case S_OVERFLOW: return RULE_OVF;
	case S_DIV: return RULE_DIV;
	case S_ENVNAME: return RULE_427;
	default: return NULL;
	}
}

/* Whether a number in this range can still do harm at a numeric sink (so callers should hear of it). */
static int numeric_risk(int kind, const val *v)
{
	switch (kind) {
	case S_ALLOC:
	case S_OVERFLOW:
		return unbounded(v);
	case S_LOOP:
		return unbounded_above(v);
	case S_DIV:
		return !(v->fl & V_NONZERO) && v->lo <= 0 && v->hi >= 0;
	default:
		return 1;
	}
}

static void on_summary_call(A *a, const fl_node *call, const summary *s, const val *args, const val *cont,
				const uint32_t *argn, uint32_t nargs)
{
	uint32_t n = s->nsinks; /* a recursive call adds to the summary it reads */
	cvet_flow__bounds_call(a, call, s, args, argn, nargs); /* buffer-overflow: checks/flow_bounds.c */
	for (uint32_t i = 0; i < n && i < s->nsinks; i++) {
		const ssink skc = s->sinks[i], *sk = &skc;
		const char *rule = rule_of(sk->kind);
		val v;
		int hit, numeric = sk->kind == S_ALLOC || sk->kind == S_LOOP || sk->kind == S_OVERFLOW || sk->kind == S_DIV;
		if (sk->param >= nargs || !rule)
			continue;
		/* judged by the very place the callee used (s->count, s->name; not all of *s) */
		if (numeric && sk->field == SYMF_NONE &&
		    ((args[sk->param].fl & V_PT) || (argn[sk->param] < a->f->nnodes &&
						    (a->f->nodes[argn[sk->param]].tflags & (FL_T_PTR | FL_T_ARRAY | FL_T_RECORD)))))
			continue; /* a number somewhere behind a pointer, which member unknown: too vague to judge */
		v = cvet_flow__arg_place(a, argn[sk->param], sk->field, &args[sk->param], &cont[sk->param]);
		if (numeric && sk->field == SYMF_NONE)
			v = args[sk->param]; /* the number passed, not everything it might point to */
		if (!numeric && sk->field == 0)
			v = cont[sk->param]; /* the pointer itself was handed on: what it points to */
		else if (!numeric && (v.fl & V_PT))
			v = cvet_flow__pointee_content(a, &v); /* a pointer member or element: the string it points to */
		switch (sk->kind) {
		case S_ALLOC:
			hit = untrusted(a, &v) && unbounded(&v);
			break;
		case S_LOOP:
			hit = untrusted(a, &v) && unbounded_above(&v);
			break;
		case S_OVERFLOW:
			hit = untrusted_or_random(a, &v) && unbounded(&v);
			break;
		case S_DIV:
			hit = untrusted_or_random(a, &v) && !(v.fl & V_NONZERO) && v.lo <= 0 && v.hi >= 0;
			break;
		case S_PATH:
			hit = untrusted(a, &v) && !(v.fl & V_SANPATH);
			break;
		case S_CMD:
			hit = untrusted(a, &v) && !(v.fl & V_SANCMD);
			break;
		case S_FMT:
			hit = untrusted(a, &v) && !(v.fl & V_SANFMT);
			break;
		default:
			hit = untrusted(a, &v);
			break;
		}
		if (sk->kind == S_CMD) {
			/* a constant command handed down to the function that runs it: judged by its program name */
			const char *what = fl_str(&a->fl->strs, sk->what);
			char program[128];
			if (relative_program(relative_candidate(a, &v), strcmp(what, "system") == 0 || strcmp(what, "popen") == 0,
					     program, sizeof(program)))
				cvet_flow__report_via(a, RULE_426, sk, call, 0,
						      "'%s' in '%s' starts '%s' (argument %u of '%s') by a relative name, found through "
						      "$PATH or the working directory; use its absolute path",
						      what, fl_str(&a->fl->strs, sk->fn), program, (unsigned)sk->param + 1,
						      a->call_name ? a->call_name : "?");
		}
		if (hit) {
			cvet_flow__report_via(a, rule, sk, call, v.org, "%s data reaches '%s' in '%s' through argument %u of '%s'",
					      word(&v), fl_str(&a->fl->strs, sk->what), fl_str(&a->fl->strs, sk->fn),
					      (unsigned)sk->param + 1, a->call_name ? a->call_name : "?");
		} else if ((v.t & K_PARAMS) && (!numeric || numeric_risk(sk->kind, &v))) {
			ssink next = *sk;
			next.field = v.symf;
			cvet_flow__summary_pass_on(a, v.t & K_PARAMS, &next);
		}
	}
}

static void on_divide(A *a, const fl_node *op, const val *d)
{
	int maybe_zero = !(d->fl & V_NONZERO) && d->lo <= 0 && d->hi >= 0;
	if (!(op->tflags & FL_T_INT) || !maybe_zero)
		return;
	if (d->lo == 0 && d->hi == 0 && !(d->t & K_ALL))
		cvet_flow__report(a, RULE_DIV, op, 0, "the divisor is zero on this path");
	else if (untrusted_or_random(a, d))
		cvet_flow__report(a, RULE_DIV, op, d->org,
				  "the divisor comes from %s data and can be zero; check it before dividing", word(d));
	else
		cvet_flow__summary_sink(a, d, S_DIV, op, "a division");
}

static void on_wrapped_use(A *a, const val *v, const char *use)
{
	const fl_node *op;
	const char *what;
	if (!v->wrap || v->wrap >= a->f->nnodes)
		return;
	op = &a->f->nodes[v->wrap];
	what = op->sub == FB_MUL ? "multiplication" : op->sub == FB_SUB ? "subtraction" : op->sub == FB_SHL ? "shift" : "addition";
	if (op->op == FL_INCDEC || op->op == FL_UN)
		what = "increment";
	if (untrusted_or_random(a, v))
		cvet_flow__report(a, RULE_OVF, op, v->org,
				  "%s on %s data can %s the %u-bit %s type, and the result is used as %s; check the operands' range first",
				  what, word(v), op->sub == FB_SUB ? "wrap below" : "overflow", (unsigned)op->width,
				  (op->tflags & FL_T_SIGNED) ? "signed" : "unsigned", use);
	else
		cvet_flow__summary_sink(a, v, S_OVERFLOW, op, what);
}

static void on_alloc(A *a, const fl_node *at, uint32_t sizen, const val *size, const char *what)
{
	(void)sizen;
	if (size->wrap)
		on_wrapped_use(a, size, "an allocation size");
	if (!unbounded(size))
		return;
	if (untrusted(a, size))
		cvet_flow__report(a, RULE_ALLOC, at, size->org,
				  "%s size comes from %s data with no upper bound; check it against a maximum first", what, word(size));
	else
		cvet_flow__summary_sink(a, size, S_ALLOC, at, what);
}

/* Operand values of comparison node nd, evaluated on a copy of the state (the condition's effects were
 * already applied once by the engine). 0 when nd is not a comparison. */
static int compare_operands(A *a, const fl_node *nd, val *l, val *r)
{
	state save = a->cur, tmp = {0};
	if (nd->op != FL_BIN || nd->sub < FB_LT || nd->sub > FB_NE)
		return 0;
	tmp.live = 1;
	if (a->cur.n) {
		if (a->cur.n > MAX_PLACES || !(tmp.s = calloc(a->cur.n, sizeof(*tmp.s))))
			return 0;
		memcpy(tmp.s, a->cur.s, a->cur.n * sizeof(*tmp.s));
		tmp.n = tmp.cap = a->cur.n;
	}
	a->cur = tmp;
	a->in_cond++;
	a->in_loop_step++;
	*l = cvet_flow__eval(a, nd->a);
	*r = cvet_flow__eval(a, nd->b);
	a->in_loop_step--;
	a->in_cond--;
	free(a->cur.s);
	a->cur = save;
	return 1;
}

/* Successors of block bi (branch edges and switch cases); n of them written to out (at most cap). */
static uint32_t block_succs(const fl_func *f, uint32_t bi, uint32_t *out, uint32_t cap)
{
	const fl_block *b = &f->blocks[bi];
	uint32_t n = 0;
	if (b->term == FT_RETURN || b->term == FT_STOP)
		return 0;
	out[n++] = b->succ[0];
	if (b->term == FT_BRANCH && n < cap)
		out[n++] = b->succ[1];
	if (b->term == FT_SWITCH)
		for (uint32_t i = 0; i < b->ncases && b->case_start + i < f->ncases && n < cap; i++)
			out[n++] = f->cases[b->case_start + i].block;
	return n;
}

/* 1 when expression tree r shrinks local v geometrically: v >>= c (c >= 1), v /= c (c >= 2), or
 * v = v >> c / v = v / c. */
static int shrinks(const fl_func *f, uint32_t r, uint32_t v)
{
	uint32_t stack[64], sp = 0;
	if (r && r < f->nnodes)
		stack[sp++] = r;
	while (sp) {
		const fl_node *nd = &f->nodes[stack[--sp]], *lhs, *rhs;
		if (nd->op == FL_ASSIGN && nd->a < f->nnodes && nd->b < f->nnodes) {
			lhs = &f->nodes[nd->a];
			rhs = &f->nodes[nd->b];
			if (lhs->op == FL_LOCAL && (uint32_t)lhs->k == v) {
				int sub = nd->sub;
				if (sub == FB_NONE && rhs->op == FL_BIN && rhs->a < f->nnodes && f->nodes[rhs->a].op == FL_LOCAL &&
				    (uint32_t)f->nodes[rhs->a].k == v) {
					sub = rhs->sub;
					rhs = rhs->b < f->nnodes ? &f->nodes[rhs->b] : &f->nodes[0];
				}
				if (rhs->op == FL_INT && ((sub == FB_SHR && rhs->k >= 1) || (sub == FB_DIV && rhs->k >= 2)))
					return 1;
			}
		}
		if (nd->op == FL_ASSIGN || nd->op == FL_COMMA || nd->op == FL_BIN) {
			if (nd->a && nd->a < f->nnodes && sp < 64)
				stack[sp++] = nd->a;
			if (nd->b && nd->b < f->nnodes && sp < 64)
				stack[sp++] = nd->b;
		}
	}
	return 0;
}

/*
 * 1 when the loop tested at block head shrinks local v geometrically on every way round (`while (v > 0) {
 * ...; v >>= 16; }` turns at most 4 times for a 64-bit v, whatever v held): the body has one block that
 * jumps back to the head, so every turn passes it, and that block does it.
 */
static int loop_shrinks(const fl_func *f, uint32_t head, uint32_t v)
{
	uint32_t n = f->nblocks, *seen, *stack, sp = 0, succ[2 + 64], ns, latch = UINT32_MAX;
	int ok = 0;
	if (head >= n || f->blocks[head].term != FT_BRANCH)
		return 0;
	seen = calloc(n, sizeof(*seen));
	stack = malloc(n * sizeof(*stack));
	if (!seen || !stack)
		goto done;
	/* the body: blocks reachable from the true edge without passing the head; the latch: the one of them
	 * that goes back to the head */
	stack[sp++] = f->blocks[head].succ[0];
	seen[head] = 1;
	while (sp) {
		uint32_t bi = stack[--sp];
		if (bi >= n || seen[bi])
			continue;
		seen[bi] = 1;
		ns = block_succs(f, bi, succ, sizeof(succ) / sizeof(succ[0]));
		for (uint32_t i = 0; i < ns; i++) {
			if (succ[i] == head) {
				if (latch != UINT32_MAX && latch != bi)
					goto done; /* several ways back (continue): not judged */
				latch = bi;
			} else if (succ[i] < n && !seen[succ[i]]) {
				stack[sp++] = succ[i];
			}
		}
	}
	if (latch == UINT32_MAX)
		goto done;
	for (uint32_t i = 0; i <= f->blocks[latch].count && !ok; i++) {
		const fl_block *b = &f->blocks[latch];
		uint32_t r = i < b->count ? (b->first + i < f->nstmts ? f->stmts[b->first + i] : 0) : b->cond;
		ok = shrinks(f, r, v);
	}
done:
	free(seen);
	free(stack);
	return ok;
}

/* A loop's condition: `i < n` with n untrusted and unlimited is reported unless another conjunct of the
 * same condition (i < n && i < MAX) compares against a bounded, trusted value. */
static void on_loop(A *a, uint32_t cond)
{
	uint32_t conj[16], nconj = 0, stack[16], sp = 0;
	const fl_node *bad = NULL;
	val badv;
	int capped = 0;
	if (!cond || cond >= a->f->nnodes)
		return;
	stack[sp++] = cond;
	while (sp && nconj < 16) {
		uint32_t n = stack[--sp];
		const fl_node *nd = &a->f->nodes[n < a->f->nnodes ? n : 0];
		if (nd->op == FL_BIN && nd->sub == FB_LAND && sp + 2 <= 16) {
			stack[sp++] = nd->b;
			stack[sp++] = nd->a;
		} else {
			conj[nconj++] = n;
		}
	}
	memset(&badv, 0, sizeof(badv));
	for (uint32_t i = 0; i < nconj; i++) {
		const fl_node *nd = &a->f->nodes[conj[i]];
		val l, r;
		if (nd->op == FL_BIN && nd->a < a->f->nnodes && nd->b < a->f->nnodes &&
		    ((a->f->nodes[nd->a].tflags | a->f->nodes[nd->b].tflags) & (FL_T_PTR | FL_T_ARRAY)))
			continue; /* p < end walks an object: bounded by the object, whatever its bytes say */
		if (!compare_operands(a, nd, &l, &r))
			continue;
		if (!(l.t & (a->prog->active | K_PARAMS)) && !(r.t & (a->prog->active | K_PARAMS)) &&
		    (!unbounded_above(&l) || !unbounded_above(&r)))
			capped = 1;
		for (int side = 0; side < 2; side++)
			if ((side ? &r : &l)->wrap)
				on_wrapped_use(a, side ? &r : &l, "a loop bound");
		for (int side = 0; side < 2 && !bad; side++) {
			const val *v = side ? &r : &l;
			if ((v->t & (a->prog->active | K_PARAMS)) && unbounded_above(v)) {
				bad = nd;
				badv = *v;
			}
		}
	}
	if (!bad || capped)
		return;
	{
		/* the tainted side is a local the loop shrinks geometrically: a bounded number of turns */
		uint32_t side = bad->a, head = UINT32_MAX;
		if (side < a->f->nnodes && a->f->nodes[side].op == FL_INT)
			side = bad->b;
		for (unsigned guard = 0; guard < 16 && side < a->f->nnodes && a->f->nodes[side].op == FL_CAST; guard++)
			side = a->f->nodes[side].a;
		for (uint32_t bi = 0; bi < a->f->nblocks; bi++)
			if (a->f->blocks[bi].loop_head && (a->f->blocks[bi].loop_cond == cond || a->f->blocks[bi].cond == cond))
				head = bi;
		if (side < a->f->nnodes && a->f->nodes[side].op == FL_LOCAL && head != UINT32_MAX &&
		    loop_shrinks(a->f, head, (uint32_t)a->f->nodes[side].k))
			return;
	}
	if (untrusted(a, &badv))
		cvet_flow__report(a, RULE_LOOP, bad, badv.org,
				  "loop bound comes from %s data with no upper limit; check it against a maximum first", word(&badv));
	else
		cvet_flow__summary_sink(a, &badv, S_LOOP, bad, "a loop bound");
}

static void on_return(A *a, const fl_node *at, const val *v)
{
	(void)a;
	(void)at;
	(void)v;
}

/* The node that freed an object, as a place for the finding's path. */
static void freed_step(A *a, uint32_t freed, char *buf, size_t size)
{
	const fl_node *f = freed < a->f->nnodes ? &a->f->nodes[freed] : NULL;
	if (f && f->line)
		snprintf(buf, size, " (freed on line %u)", (unsigned)f->line);
	else
		buf[0] = '\0';
}

static void on_use_freed(A *a, const fl_node *use, uint32_t freed, const char *how, int definite)
{
	char where[48];
	freed_step(a, freed, where, sizeof(where));
	if (definite)
		cvet_flow__report(a, "use-after-free", use, 0,
				  "memory is %s after it was freed%s; set the pointer to NULL when freeing and do not use it "
				  "again",
				  how, where);
	else
		cvet_flow__report(a, "use-after-free", use, 0,
				  "memory is %s after it may have been freed%s: a path that frees it joins one that does not "
				  "(precision: medium); set the pointer to NULL when freeing and test it before the use",
				  how, where);
}

static void on_double_free(A *a, const fl_node *call, uint32_t freed, const char *name, int definite)
{
	char where[48];
	freed_step(a, freed, where, sizeof(where));
	if (definite)
		cvet_flow__report(a, "double-free", call, 0,
				  "'%s' frees memory that was already freed%s; free each block once", name, where);
	else
		cvet_flow__report(a, "double-free", call, 0,
				  "'%s' frees memory that may already have been freed%s: a path that frees it joins one that "
				  "does not (precision: medium); set the pointer to NULL when freeing it",
				  name, where);
}

static void on_free_nonheap(A *a, const fl_node *call, const char *name, int what, const char *var, const char *via)
{
	const char *kind = what == NF_LOCAL ? "the local variable" : "the static variable";
	const char *advice = name && !via && strncmp(name, "delete", 6) == 0 ? "delete only what new returned"
				   : "free only pointers returned by malloc, calloc or realloc";
	char target[160];
	if (what == NF_LITERAL)
		snprintf(target, sizeof(target), "a string literal");
	else
		snprintf(target, sizeof(target), "a pointer into %s '%s'", kind, var ? var : "?");
	if (via && !name) /* a callee that frees what a global points to */
		cvet_flow__report(a, "free-non-heap", call, 0,
				  "'%s' frees the block a global pointer holds, which is %s, not memory from the heap; %s",
				  via, target, advice);
	else if (via)
		cvet_flow__report(a, "free-non-heap", call, 0,
				  "'%s' frees its argument, which is %s, not memory from the heap; %s", via, target, advice);
	else
		cvet_flow__report(a, "free-non-heap", call, 0, "'%s' is given %s, not memory from the heap; %s", name,
				  target, advice);
}

static void on_mismatched_dealloc(A *a, const fl_node *call, const char *name, uint32_t site, int afam, int dfam,
				  const char *via)
{
	const fl_node *at = site < a->f->nnodes ? &a->f->nodes[site] : NULL;
	char where[48];
	const char *alloc = cvet_flow__family_word(afam, 0), *want = cvet_flow__family_word(afam, 1);
	if (at && at->line)
		snprintf(where, sizeof(where), " on line %u", (unsigned)at->line);
	else
		where[0] = '\0';
	if (at && at->op == FL_CALL && at->k)
		alloc = cvet_flow__display_name(a, (uint32_t)at->k);
	if (via)
		cvet_flow__report(a, "mismatched-dealloc", call, 0,
				  "'%s' releases its argument with '%s', but it is what '%s' returned%s; release it with '%s'",
				  via, cvet_flow__family_word(dfam, 1), alloc, where, want);
	else
		cvet_flow__report(a, "mismatched-dealloc", call, 0,
				  "'%s' releases what '%s' returned%s; release it with '%s'", name, alloc, where, want);
}

/* A block or stream this function owned is lost: memory-leak for memory, resource-leak for streams, pipes and
 * directories. */
static void on_leak(A *a, const fl_node *at, uint32_t site, int fam, uint32_t org, int overwritten)
{
	const fl_node *sn = site < a->f->nnodes ? &a->f->nodes[site] : NULL;
	int resource = fam == FAM_FOPEN || fam == FAM_POPEN || fam == FAM_DIR;
	const char *alloc = fam && fam != FAM_MIXED ? cvet_flow__family_word(fam, 0) : "the allocator";
	const char *release = resource ? cvet_flow__family_word(fam, 1) : fam == FAM_NEW || fam == FAM_NEWARR
										? cvet_flow__family_word(fam, 1) : "free";
	const char *what = fam == FAM_DIR ? "directory" : fam == FAM_POPEN ? "pipe" : resource ? "stream" : "memory";
	char where[48];
	if (sn && sn->op == FL_CALL && sn->k)
		alloc = cvet_flow__display_name(a, (uint32_t)sn->k);
	else if (sn && sn->op == FL_NEWARR)
		alloc = "new[]";
	if (sn && sn->line)
		snprintf(where, sizeof(where), " on line %u", (unsigned)sn->line);
	else
		where[0] = '\0';
	if (overwritten)
		cvet_flow__report(a, resource ? "resource-leak" : "memory-leak", at, org,
				  "the only pointer to the %s '%s' returned%s is overwritten here, so it can no longer be %s; "
				  "call '%s' on it first",
				  what, alloc, where, resource ? "closed" : "freed", release);
	else
		cvet_flow__report(a, resource ? "resource-leak" : "memory-leak", at, org,
				  "the %s '%s' returned%s is not %s on this path, and nothing that outlives the function "
				  "points to it; call '%s' on it before returning",
				  what, alloc, where, resource ? "closed" : "freed", release);
}
/* unchecked-return, incorrect-return-check: checks/flow_results.c */
void cvet_flow__results_end(A *a, const state *in);
/* A NULL or maybe-NULL pointer dereferenced: unchecked-alloc when it came from a memory allocator (CWE-690),
 * null-dereference otherwise (a NULL constant, a NULL test's failing edge, getenv/fopen/strchr, a project
 * function that returns NULL on some path). The path starts where the NULL came from. */
static void on_null_deref(A *a, const fl_node *at, uint32_t pn, const val *p, const char *callee)
{
	char name[128], how[160], text[256];
	const fl_node *src = p->nsrc && p->nsrc < a->f->nnodes ? &a->f->nodes[p->nsrc] : NULL;
	const char *from = src && src->op == FL_CALL && src->k ? cvet_flow__display_name(a, (uint32_t)src->k) : NULL;
	int definite = cvet_flow__is_null(p);
	uint32_t org = 0;
	cvet_flow__expr_name(a, pn, name, sizeof(name));
	if (callee)
		snprintf(how, sizeof(how), "passed to '%s', which dereferences it,", callee);
	else
		snprintf(how, sizeof(how), "dereferenced");
	if (src) {
		if (from)
			snprintf(text, sizeof(text), "'%s' returns NULL when it %s", from,
				 (p->nk & NK_ALLOC) ? "fails" : "fails or finds nothing");
		else if (src->op == FL_ASSIGN)
			snprintf(text, sizeof(text), "'%s' is set to NULL here", name);
		else
			snprintf(text, sizeof(text), "'%s' is NULL where this test fails", name);
		org = cvet_flow__step(a, src, text);
	}
	if (definite)
		cvet_flow__report(a, "null-dereference", at, org,
				  "'%s' is NULL on this path and is %s; give it an object first, or test it and leave", name, how);
	else if (p->nk & NK_ALLOC)
		cvet_flow__report(a, "unchecked-alloc", at, org,
				  "'%s' from '%s' is %s before it is checked for NULL; test it right after the allocation and "
				  "handle the failure",
				  name, from ? from : "an allocation", how);
	else if (from)
		cvet_flow__report(a, "null-dereference", at, org,
				  "'%s' may be NULL here ('%s' can return NULL) and is %s without a check; test it first", name,
				  from, how);
	else
		cvet_flow__report(a, "null-dereference", at, org,
				  "'%s' may be NULL here (what was stored into it can be NULL) and is %s without a check; test "
				  "it first",
				  name, how);
}

/* buffer-overflow: checks/flow_bounds.c */
void cvet_flow__on_bounds(A *a, const bounds_use *u);
/* uninitialized-read (CWE-457): a local or a fresh heap block read before anything wrote it. */
static void on_uninit_read(A *a, const fl_node *at, uint32_t n, uint32_t site, int definite, const char *via)
{
	char name[128], how[200];
	uint32_t org = 0;
	const fl_node *src = site && site < a->f->nnodes ? &a->f->nodes[site] : NULL;
	for (int i = 0; i < 8 && n && n < a->f->nnodes; i++) {
		const fl_node *x = &a->f->nodes[n];
		if (x->op == FL_CAST || x->op == FL_ADDR || x->op == FL_DEREF || (x->op == FL_INDEX && x->a))
			n = x->a; /* name the variable: 'buf', not its element; 'x', not &x */
		else
			break;
	}
	cvet_flow__expr_name(a, n, name, sizeof(name));
	if (via)
		snprintf(how, sizeof(how), "passed to '%s', which reads it,", via);
	else
		snprintf(how, sizeof(how), "read");
	if (src) {
		/* malloc, or a project function returning a fresh block nothing wrote */
		const char *alloc = src->op == FL_CALL && src->k ? cvet_flow__display_name(a, (uint32_t)src->k) : NULL;
		char step[200];
		if (!alloc)
			alloc = "malloc";
		snprintf(step, sizeof(step), "the block '%s' returns here holds no data yet", alloc);
		org = cvet_flow__step(a, src, step);
		cvet_flow__report(a, "uninitialized-read", at, org,
				  "the block '%s' points to comes from '%s' and is %s before anything is written into it%s; "
				  "fill it first, or allocate it with 'calloc'",
				  name, alloc, how, definite ? "" : " on some paths (precision: medium)");
	} else if (definite) {
		cvet_flow__report(a, "uninitialized-read", at, 0,
				  "'%s' is %s before it is given a value; initialise it where it is declared", name, how);
	} else {
		cvet_flow__report(a, "uninitialized-read", at, 0,
				  "'%s' may be %s uninitialised: a path reaching here does not give it a value (precision: "
				  "medium); initialise it where it is declared",
				  name, how);
	}
}

static const cvet_flow_hooks hooks = {
	.on_sink = on_sink,
	.on_summary_call = on_summary_call,
	.on_divide = on_divide,
	.on_wrapped_use = on_wrapped_use,
	.on_alloc = on_alloc,
	.on_loop = on_loop,
	.on_return = on_return,
	.on_use_freed = on_use_freed,
	.on_double_free = on_double_free,
	.on_free_nonheap = on_free_nonheap,
	.on_mismatched_dealloc = on_mismatched_dealloc,
	.on_leak = on_leak,
	.on_function_end = cvet_flow__results_end,
	.on_null_deref = on_null_deref,
	.on_bounds = cvet_flow__on_bounds,
	.on_uninit_read = on_uninit_read,
};

const struct cvet_flow_hooks *cvet_flow__rules(void)
{
	return &hooks;
}
