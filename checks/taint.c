/* taint.c - intra-procedural taint tracking (untrusted / runtime-built strings) for the group A checks */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "taint.h"
#include "checksa_util.h"
#include "cx.h"

#define MAX_DEPTH 48

const enum CXCursorKind cvet_taint__kinds[] = {
	CXCursor_VarDecl, CXCursor_BinaryOperator, CXCursor_CompoundAssignOperator, CXCursor_CallExpr, 0,
};

/* Functions whose return value is untrusted. */
static const char *const source_returns[] = {
	"getenv", "secure_getenv", "_wgetenv", "fgets", "fgetws", "gets", "getpass", "readline", NULL,
};

/* Functions that fill an argument with untrusted data: {name, argument index} (-1 = every argument
 * after the format, for the scanf family, whose format index is in `fmt`). */
static const struct out_source {
	const char *name;
	int arg;
	int fmt;
} out_sources[] = {
	{"fgets", 0, 0}, {"fgetws", 0, 0}, {"gets", 0, 0}, {"gets_s", 0, 0}, {"getline", 0, 0},
	{"getdelim", 0, 0}, {"getwline", 0, 0}, {"read", 1, 0}, {"pread", 1, 0}, {"recv", 1, 0},
	{"recvfrom", 1, 0}, {"recvmsg", 1, 0}, {"fread", 0, 0}, {"scanf", -1, 0}, {"fscanf", -1, 1},
	{"sscanf", -1, 1}, {"wscanf", -1, 0}, {"fwscanf", -1, 1}, {"swscanf", -1, 1}, {"__isoc99_scanf", -1, 0},
	{"__isoc99_fscanf", -1, 1}, {"__isoc99_sscanf", -1, 1},
};

/* Functions returning (part of) their first argument. */
static const char *const passthrough_returns[] = {
	"strdup", "strndup", "wcsdup", "strchr", "strrchr", "strstr", "strpbrk", "strcasestr", "basename", "dirname",
	"strtok", "strtok_r", "strsep", "memchr", "wcschr", "wcsrchr", "wcsstr", "strcpy", "strcat", "strncpy",
	"strncat", "stpcpy", "memcpy", "memmove", NULL,
};

/* Copy/format functions: {name, destination argument, first source argument, kind}. */
/* COPY_STR copies its source (the destination gets the source's label), COPY_CAT appends to what
 * is there, COPY_FMT formats: the last two assemble strings at runtime from non-constant pieces. */
enum copy_kind { COPY_STR, COPY_CAT, COPY_FMT };
static const struct copy_fn {
	const char *name;
	unsigned dst;
	unsigned src;
	enum copy_kind kind;
} copy_fns[] = {
	{"strcpy", 0, 1, COPY_STR}, {"strncpy", 0, 1, COPY_STR}, {"strcat", 0, 1, COPY_CAT},
	{"strncat", 0, 1, COPY_CAT}, {"stpcpy", 0, 1, COPY_STR}, {"stpncpy", 0, 1, COPY_STR},
	{"strlcpy", 0, 1, COPY_STR}, {"strlcat", 0, 1, COPY_CAT}, {"wcscpy", 0, 1, COPY_STR},
	{"wcsncpy", 0, 1, COPY_STR}, {"wcscat", 0, 1, COPY_CAT}, {"wcsncat", 0, 1, COPY_CAT},
	{"memcpy", 0, 1, COPY_STR}, {"memmove", 0, 1, COPY_STR}, {"sprintf", 0, 1, COPY_FMT},
	{"snprintf", 0, 2, COPY_FMT}, {"swprintf", 0, 2, COPY_FMT}, {"asprintf", 0, 1, COPY_FMT},
	{"__builtin___sprintf_chk", 0, 3, COPY_FMT}, {"__builtin___snprintf_chk", 0, 4, COPY_FMT},
	{"__builtin___strcpy_chk", 0, 1, COPY_STR}, {"__builtin___strcat_chk", 0, 1, COPY_CAT},
	{"__builtin___memcpy_chk", 0, 1, COPY_STR}, {"vsprintf", 0, 1, COPY_FMT}, {"vsnprintf", 0, 2, COPY_FMT},
	{"vasprintf", 0, 1, COPY_FMT}, {"vswprintf", 0, 2, COPY_FMT}, {"__builtin___vsprintf_chk", 0, 3, COPY_FMT},
	{"__builtin___vsnprintf_chk", 0, 4, COPY_FMT}, {"__builtin___strncpy_chk", 0, 1, COPY_STR},
	{"__builtin___strncat_chk", 0, 1, COPY_CAT}, {"__builtin___memmove_chk", 0, 1, COPY_STR},
	{"__builtin___stpcpy_chk", 0, 1, COPY_STR},
};

/* C++ members that modify their object from their arguments. */
static const char *const cxx_mutators[] = {
	"append", "assign", "insert", "operator+=", "operator=", "operator<<", "replace", "push_back", NULL,
};

/* Store the user-facing name of a function (fortified variants shown as what was written). */
static void set_name(char dst[32], const char *src)
{
	cvet_checksa__display_name(src ? src : "", dst, 32);
}

/* Index of the strongest fact about decl, or -1. */
static int find_fact(const cvet_taint *t, CXCursor decl)
{
	int best = -1;
	if (cx_is_null(decl))
		return -1;
	for (size_t i = 0; i < t->nfacts; i++) {
		if (!clang_equalCursors(t->facts[i].var, decl))
			continue;
		if (best < 0 || t->facts[i].label > t->facts[best].label)
			best = (int)i;
	}
	return best;
}

static int add_fact_only(cvet_taint *t, CXCursor decl, CXCursor at, int label, int parent, const char *origin,
			 const char *via);

/* Record that decl now holds data with `label` (from fact `parent` or a source), and share it with the
 * pointers into decl or the array decl points into. Keeps the first path. */
static void add_fact(cvet_taint *t, CXCursor decl, CXCursor at, int label, int parent, const char *origin,
		     const char *via)
{
	int i = add_fact_only(t, decl, at, label, parent, origin, via);
	if (i < 0)
		return;
	for (size_t k = 0; k < t->naliases; k++) {
		if (clang_equalCursors(t->alias_ptr[k], decl))
			add_fact_only(t, t->alias_obj[k], at, label, i, origin, "alias-obj");
		else if (clang_equalCursors(t->alias_obj[k], decl))
			add_fact_only(t, t->alias_ptr[k], at, label, i, origin, "alias-ptr");
	}
}

/* Add one fact; returns its index, or -1 when nothing new was recorded. */
static int add_fact_only(cvet_taint *t, CXCursor decl, CXCursor at, int label, int parent, const char *origin,
			 const char *via)
{
	int have = find_fact(t, decl);
	cvet_taint_fact *f;
	if (label == CVET_TAINT_NONE || cx_is_null(decl) || t->nfacts >= CVET_TAINT_MAX_FACTS)
		return -1;
	if (have >= 0 && t->facts[have].label >= label)
		return -1;
	if (parent >= 0 && clang_equalCursors(t->facts[parent].var, decl))
		return -1; /* x = x + ...: nothing new */
	f = &t->facts[t->nfacts];
	memset(f, 0, sizeof *f);
	f->var = decl;
	f->at = at;
	f->label = label;
	f->parent = parent;
	set_name(f->origin, origin);
	set_name(f->via, via);
	return (int)t->nfacts++;
}

/* Merge b into a: the stronger label wins. */
static void merge(cvet_taint_hit *a, const cvet_taint_hit *b)
{
	if (b->label > a->label)
		*a = *b;
}

static int eval(const cvet_taint *t, CXCursor e, cvet_taint_hit *hit, unsigned depth);
static int string_typed(CXCursor e);

/* 1 when a string concatenation (operator+ call) has an operand that is a non-constant string. */
static int built_operand(CXCursor call)
{
	unsigned n = cx_child_count(call);
	for (unsigned i = 0; i < n && i < 8; i++) {
		CXCursor c = cx_strip_casts(cx_child(call, i));
		if (c.kind == CXCursor_DeclRefExpr && clang_getCursorReferenced(c).kind == CXCursor_FunctionDecl)
			continue; /* the operator itself */
		if (c.kind == CXCursor_CallExpr) {
			char *nm = cx_spelling(c);
			int nested = nm && strcmp(nm, "operator+") == 0;
			free(nm);
			if (nested ? built_operand(c) : 0)
				return 1;
			if (nested)
				continue;
		}
		if (string_typed(c) && !cvet_checksa__const_string(c, NULL) && c.kind != CXCursor_CallExpr)
			return 1;
	}
	return 0;
}

/* Max label over the direct children of c starting at `from`. */
static void eval_children(const cvet_taint *t, CXCursor c, unsigned from, cvet_taint_hit *hit, unsigned depth)
{
	unsigned n = cx_child_count(c);
	for (unsigned i = from; i < n && i < 64; i++) {
		cvet_taint_hit h;
		eval(t, cx_child(c, i), &h, depth + 1);
		merge(hit, &h);
	}
}

static int is_cxx_call(CXCursor call, const char *name)
{
	CXCursor callee = clang_getCursorReferenced(call);
	if (strncmp(name, "operator", 8) == 0)
		return 1;
	return callee.kind == CXCursor_CXXMethod || callee.kind == CXCursor_Constructor ||
	       callee.kind == CXCursor_ConversionFunction || callee.kind == CXCursor_FunctionTemplate;
}

static int eval(const cvet_taint *t, CXCursor e, cvet_taint_hit *hit, unsigned depth)
{
	CXCursor s = cx_strip_casts(e);
	memset(hit, 0, sizeof *hit);
	hit->fact = -1;
	if (depth > MAX_DEPTH || cx_is_null(s))
		return 0;
	switch (s.kind) {
	case CXCursor_DeclRefExpr:
	case CXCursor_MemberRefExpr: {
		CXCursor base = s.kind == CXCursor_MemberRefExpr && cx_child_count(s) ? cx_strip_casts(cx_child(s, 0))
										       : clang_getNullCursor();
		if (!cx_is_null(base) && base.kind != CXCursor_CXXThisExpr)
			return eval(t, base, hit, depth + 1);
		{
			int i = find_fact(t, clang_getCursorReferenced(s));
			if (i >= 0) {
				hit->label = t->facts[i].label;
				hit->fact = i;
				set_name(hit->origin, t->facts[i].origin);
			}
		}
		return hit->label;
	}
	case CXCursor_ArraySubscriptExpr:
		return eval(t, cx_child(s, 0), hit, depth + 1);
	case CXCursor_UnaryOperator:
		switch (cx_unop(s)) {
		case CXUnaryOperator_AddrOf:
		case CXUnaryOperator_Deref:
		case CXUnaryOperator_PostInc:
		case CXUnaryOperator_PostDec:
		case CXUnaryOperator_PreInc:
		case CXUnaryOperator_PreDec:
			return eval(t, cx_child(s, 0), hit, depth + 1);
		default:
			return 0;
		}
	case CXCursor_BinaryOperator:
		switch (cx_binop(s)) {
		case CX_BO_Add:
		case CX_BO_Sub:
			eval_children(t, s, 0, hit, depth);
			return hit->label;
		case CX_BO_Assign:
		case CX_BO_Comma:
			return eval(t, cx_child(s, 1), hit, depth + 1);
		default:
			return 0;
		}
	case CXCursor_ConditionalOperator:
		eval_children(t, s, 1, hit, depth);
		return hit->label;
	case CXCursor_CallExpr: {
		char *name = cx_spelling(s);
		if (!name)
			return 0;
		if (cvet_checksa__name_in(name, source_returns)) {
			hit->label = CVET_TAINT_UNTRUSTED;
			hit->src = s;
			set_name(hit->origin, name);
		} else if (cvet_checksa__name_in(name, passthrough_returns)) {
			eval(t, cx_child(s, 1), hit, depth + 1);
		} else if (is_cxx_call(s, name)) {
			eval_children(t, s, 0, hit, depth);
			if (hit->label == CVET_TAINT_NONE && strcmp(name, "operator+") == 0 && string_typed(s) &&
			    built_operand(s)) {
				hit->label = CVET_TAINT_BUILT;
				hit->src = s;
				set_name(hit->origin, "operator+");
			}
		}
		free(name);
		return hit->label;
	}
	default:
		return 0;
	}
}

int cvet_taint__query(const cvet_taint *t, CXCursor expr, cvet_taint_hit *hit)
{
	return eval(t, expr, hit, 0);
}

/* Root variable written by a destination expression; also walks into `a << b` chains and C++ objects. */
static CXCursor dest_var(CXCursor e)
{
	CXCursor s = cx_strip_casts(e);
	for (unsigned depth = 0; depth < 32 && s.kind == CXCursor_CallExpr; depth++) {
		char *name = cx_spelling(s);
		int chain = name && (strcmp(name, "operator<<") == 0 || strcmp(name, "operator+=") == 0 ||
				     strcmp(name, "append") == 0);
		free(name);
		if (!chain || cx_child_count(s) == 0)
			break;
		s = cx_strip_casts(cx_child(s, 0));
		if (s.kind == CXCursor_MemberRefExpr && cx_child_count(s))
			s = cx_strip_casts(cx_child(s, 0));
	}
	return cvet_checksa__root_var(s);
}

/* 1 when an expression has a character pointer or array type (a C string). */
static int string_typed(CXCursor e)
{
	CXType t = clang_getCanonicalType(clang_getCursorType(cx_strip(e))), el;
	if (t.kind == CXType_Pointer)
		el = clang_getCanonicalType(clang_getPointeeType(t));
	else if (t.kind == CXType_ConstantArray || t.kind == CXType_IncompleteArray || t.kind == CXType_VariableArray)
		el = clang_getCanonicalType(clang_getArrayElementType(t));
	else if (t.kind == CXType_Record || t.kind == CXType_Elaborated) {
		CXString sp = clang_getTypeSpelling(t);
		const char *c = clang_getCString(sp);
		int yes = c && strstr(c, "basic_string") != NULL;
		clang_disposeString(sp);
		return yes;
	} else
		return 0;
	switch (el.kind) {
	case CXType_Char_S: case CXType_Char_U: case CXType_SChar: case CXType_UChar:
	case CXType_WChar: case CXType_Char16: case CXType_Char32:
		return 1;
	default:
		return 0;
	}
}

/* Label that flows from one source argument of a copy into its destination. With strings_only, only
 * string arguments count: a number formatted with %d cannot smuggle shell syntax into the result. */
static void flow_from(const cvet_taint *t, CXCursor src, cvet_taint_hit *acc, const char *fname, int strings_only,
		      int builds)
{
	cvet_taint_hit h;
	if (strings_only && !string_typed(src))
		return;
	eval(t, src, &h, 0);
	if (builds && h.label == CVET_TAINT_NONE && string_typed(src) && !cvet_checksa__const_string(src, NULL)) {
		h.label = CVET_TAINT_BUILT;
		h.fact = -2; /* a fresh BUILT root at this call */
		set_name(h.origin, fname);
	}
	merge(acc, &h);
}

/* Turn a hit into a fact about `dest`, created at `at` by operation `via`. */
static void store(cvet_taint *t, CXCursor dest, CXCursor at, const cvet_taint_hit *h, const char *via)
{
	int parent = h->fact >= 0 ? h->fact : -1;
	if (h->label == CVET_TAINT_NONE)
		return;
	add_fact(t, dest, at, h->label, parent, h->origin, via);
}

void cvet_taint__function_begin(cvet_taint *t, const cvet_event *ev)
{
	CXCursor fn = ev->function;
	if (t->depth++ > 0)
		return;
	t->nfacts = 0;
	t->naliases = 0;
	if (cx_is_null(fn))
		fn = ev->cursor;
	if (ev->function_name && (strcmp(ev->function_name, "main") == 0 || strcmp(ev->function_name, "wmain") == 0)) {
		int n = clang_Cursor_getNumArguments(fn);
		if (n >= 2) {
			CXCursor argv = clang_Cursor_getArgument(fn, 1);
			add_fact(t, argv, argv, CVET_TAINT_UNTRUSTED, -1, "argv", "");
		}
		if (n >= 3) {
			CXCursor envp = clang_Cursor_getArgument(fn, 2);
			add_fact(t, envp, envp, CVET_TAINT_UNTRUSTED, -1, "envp", "");
		}
	}
}

void cvet_taint__function_end(cvet_taint *t, const cvet_event *ev)
{
	(void)ev;
	if (t->depth > 0)
		t->depth--;
	if (t->depth == 0)
		t->nfacts = t->naliases = 0;
}

/* Overloaded operator calls (s += x, os << x, cin >> s) have no identifier name, so the walker does not
 * hand them to on_call: feed them to cvet_taint__call from here. */
static void operator_call(cvet_taint *t, const cvet_event *ev)
{
	char *name = cx_spelling(ev->cursor);
	CXCursor args[8];
	cvet_call call;
	cvet_event e2;
	int n;
	if (!name || strncmp(name, "operator", 8) != 0 || name[8] == '_' || (name[8] >= 'a' && name[8] <= 'z') ||
	    (name[8] >= 'A' && name[8] <= 'Z') || (name[8] >= '0' && name[8] <= '9') || name[8] == '\0') {
		free(name);
		return;
	}
	n = clang_Cursor_getNumArguments(ev->cursor);
	if (n < 0)
		n = 0;
	if (n > 8)
		n = 8;
	for (int i = 0; i < n; i++)
		args[i] = clang_Cursor_getArgument(ev->cursor, (unsigned)i);
	memset(&call, 0, sizeof call);
	call.name = name;
	call.expr = ev->cursor;
	call.callee = clang_getCursorReferenced(ev->cursor);
	call.nargs = (unsigned)n;
	call.args = args;
	e2 = *ev;
	e2.call = &call;
	cvet_taint__call(t, &e2);
	free(name);
}

/* If `value` points into a local or parameter array (buf, &buf[i], buf + n), remember ptr as its alias. */
static void note_alias(cvet_taint *t, CXCursor ptr, CXCursor value)
{
	CXCursor obj;
	CXType pt, ot;
	if (cx_is_null(ptr) || t->naliases >= CVET_TAINT_MAX_ALIASES)
		return;
	pt = clang_getCanonicalType(clang_getCursorType(ptr));
	if (pt.kind != CXType_Pointer)
		return;
	obj = cvet_checksa__root_var(value);
	if (cx_is_null(obj) || clang_equalCursors(obj, ptr))
		return;
	ot = clang_getCanonicalType(clang_getCursorType(obj));
	if (ot.kind != CXType_ConstantArray && ot.kind != CXType_VariableArray && ot.kind != CXType_IncompleteArray)
		return;
	t->alias_ptr[t->naliases] = ptr;
	t->alias_obj[t->naliases] = obj;
	t->naliases++;
}

void cvet_taint__cursor(cvet_taint *t, const cvet_event *ev)
{
	cvet_taint_hit h;
	CXCursor c = ev->cursor;
	if (t->depth == 0)
		return;
	if (c.kind == CXCursor_CallExpr) {
		operator_call(t, ev);
		return;
	}
	if (c.kind == CXCursor_VarDecl) {
		CXCursor init = clang_Cursor_getVarDeclInitializer(c);
		if (cx_is_null(init))
			return;
		note_alias(t, c, init);
		eval(t, init, &h, 0);
		store(t, c, c, &h, "=");
		return;
	}
	if (c.kind == CXCursor_BinaryOperator || c.kind == CXCursor_CompoundAssignOperator) {
		enum CX_BinaryOperatorKind op = cx_binop(c);
		if (op != CX_BO_Assign && op != CX_BO_AddAssign)
			return;
		if (op == CX_BO_Assign && cx_strip_casts(cx_child(c, 0)).kind == CXCursor_DeclRefExpr)
			note_alias(t, clang_getCursorReferenced(cx_strip_casts(cx_child(c, 0))), cx_child(c, 1));
		eval(t, cx_child(c, 1), &h, 0);
		store(t, cvet_checksa__root_var(cx_child(c, 0)), c, &h, "=");
	}
}

/* The object a C++ member call works on (x in x.append(...)), or a null cursor. */
static CXCursor member_object(CXCursor call)
{
	CXCursor callee = cx_child(call, 0);
	if (callee.kind == CXCursor_MemberRefExpr && cx_child_count(callee))
		return cx_child(callee, 0);
	return clang_getNullCursor();
}

void cvet_taint__call(cvet_taint *t, const cvet_event *ev)
{
	const cvet_call *call = ev->call;
	const char *name = call->name;
	int row;
	if (t->depth == 0 || !name)
		return;

	/* untrusted data written into an argument */
	row = cvet_checksa__find_row(name, out_sources, sizeof out_sources / sizeof out_sources[0], sizeof out_sources[0]);
	if (row >= 0) {
		const struct out_source *o = &out_sources[row];
		CXCursor callee = call->callee;
		int cxx_getline = strcmp(name, "getline") == 0 && !cx_is_null(callee) &&
				  clang_getCursorSemanticParent(callee).kind == CXCursor_Namespace;
		if (!cxx_getline && !cvet_checksa__is_libc(ev))
			return;
		cvet_taint_hit h;
		memset(&h, 0, sizeof h);
		h.label = CVET_TAINT_UNTRUSTED;
		h.fact = -1;
		h.src = call->expr;
		set_name(h.origin, name);
		if (cxx_getline) {
			store(t, dest_var(cvet_checksa__arg(ev, 1)), call->expr, &h, name);
		} else if (o->arg >= 0) {
			store(t, dest_var(cvet_checksa__arg(ev, (unsigned)o->arg)), call->expr, &h, name);
		} else {
			for (unsigned i = (unsigned)o->fmt + 1; i < call->nargs && i < 64; i++)
				store(t, dest_var(call->args[i]), call->expr, &h, name);
		}
		return;
	}

	/* std::cin >> s */
	if (strcmp(name, "operator>>") == 0 && call->nargs >= 2) {
		CXType ty = clang_getCursorType(cx_strip(call->args[0]));
		CXString sp = clang_getTypeSpelling(clang_getCanonicalType(ty));
		const char *c = clang_getCString(sp);
		int stream = c && strstr(c, "istream") != NULL;
		clang_disposeString(sp);
		if (stream) {
			cvet_taint_hit h;
			memset(&h, 0, sizeof h);
			h.label = CVET_TAINT_UNTRUSTED;
			h.fact = -1;
			h.src = call->expr;
			set_name(h.origin, "istream >>");
			store(t, dest_var(call->args[1]), call->expr, &h, "operator>>");
		}
		return;
	}

	/* copies and formatting into a destination */
	row = cvet_checksa__find_row(name, copy_fns, sizeof copy_fns / sizeof copy_fns[0], sizeof copy_fns[0]);
	if (row >= 0 && cvet_checksa__is_libc(ev)) {
		const struct copy_fn *cf = &copy_fns[row];
		cvet_taint_hit acc;
		CXCursor dest;
		memset(&acc, 0, sizeof acc);
		acc.fact = -1;
		if (call->nargs <= cf->src)
			return;
		if (cf->kind != COPY_FMT) {
			flow_from(t, call->args[cf->src], &acc, name, 0, cf->kind == COPY_CAT);
		} else {
			/* the format itself, then the strings it formats */
			flow_from(t, call->args[cf->src], &acc, name, 1, 1);
			for (unsigned i = cf->src + 1; i < call->nargs && i < 64; i++)
				flow_from(t, call->args[i], &acc, name, 1, 1);
		}
		dest = dest_var(call->args[cf->dst]);
		if (acc.fact == -2) {
			/* freshly built here: a root fact whose origin is the builder */
			add_fact(t, dest, call->expr, CVET_TAINT_BUILT, -1, name, name);
		} else {
			store(t, dest, call->expr, &acc, name);
		}
		return;
	}

	/* C++ string mutation: s.append(x), s += x, os << x */
	if (cvet_checksa__name_in(name, cxx_mutators) && !cx_is_null(call->callee) &&
	    (call->callee.kind == CXCursor_CXXMethod || call->callee.kind == CXCursor_FunctionDecl ||
	     call->callee.kind == CXCursor_FunctionTemplate)) {
		CXCursor obj = member_object(call->expr);
		unsigned first = 0;
		cvet_taint_hit acc;
		memset(&acc, 0, sizeof acc);
		acc.fact = -1;
		if (cx_is_null(obj)) {
			if (call->nargs < 2)
				return;
			obj = call->args[0];
			first = 1;
		}
		for (unsigned i = first; i < call->nargs && i < 64; i++)
			flow_from(t, call->args[i], &acc, name, 1, strcmp(name, "operator=") != 0 && strcmp(name, "assign") != 0);
		if (acc.fact == -2)
			add_fact(t, dest_var(obj), call->expr, CVET_TAINT_BUILT, -1, name, name);
		else
			store(t, dest_var(obj), call->expr, &acc, name);
	}
}

void cvet_taint__add_steps(const cvet_taint *t, cvet_tu *tu, cvet_finding *f, const cvet_taint_hit *hit,
			   CXCursor sink, const char *sink_name)
{
	int chain[64];
	int n = 0;
	if (!f || hit->label == CVET_TAINT_NONE)
		return;
	for (int i = hit->fact; i >= 0 && n < 64; i = t->facts[i].parent)
		chain[n++] = i;
	if (n == 0) {
		if (hit->label == CVET_TAINT_UNTRUSTED)
			cvet_tu_add_step(tu, f, cx_is_null(hit->src) ? sink : hit->src, "untrusted data enters from '%s'",
					 hit->origin);
	}
	for (int k = n - 1; k >= 0; k--) {
		const cvet_taint_fact *fa = &t->facts[chain[k]];
		char *var = cx_spelling(fa->var);
		const char *v = var ? var : "?";
		if (fa->parent < 0) {
			if (fa->label == CVET_TAINT_UNTRUSTED) {
				if (strcmp(fa->origin, "argv") == 0 || strcmp(fa->origin, "envp") == 0)
					cvet_tu_add_step(tu, f, fa->at, "'%s' holds data from the command line or environment", v);
				else
					cvet_tu_add_step(tu, f, fa->at, "'%s' receives untrusted data from '%s'", v, fa->origin);
			} else {
				cvet_tu_add_step(tu, f, fa->at, "'%s' is assembled at runtime by '%s'", v, fa->origin);
			}
		} else {
			char *from = cx_spelling(t->facts[fa->parent].var);
			if (strcmp(fa->via, "alias-obj") == 0)
				cvet_tu_add_step(tu, f, fa->at, "'%s' is written through the pointer '%s'", v, from ? from : "?");
			else if (strcmp(fa->via, "alias-ptr") == 0)
				cvet_tu_add_step(tu, f, fa->at, "'%s' points into '%s'", v, from ? from : "?");
			else if (strcmp(fa->via, "=") == 0)
				cvet_tu_add_step(tu, f, fa->at, "'%s' is assigned from '%s'", v, from ? from : "?");
			else
				cvet_tu_add_step(tu, f, fa->at, "'%s' receives '%s' through '%s'", v, from ? from : "?",
						 fa->via);
			free(from);
		}
		free(var);
	}
	cvet_tu_add_step(tu, f, sink, "the data reaches '%s'", sink_name);
}
