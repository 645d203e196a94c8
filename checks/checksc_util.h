/* checksc_util.h - helpers shared by the security checks of group C (memory: allocation, free, addresses) */
#ifndef CVET_CHECKS_CHECKSC_UTIL_H
#define CVET_CHECKS_CHECKSC_UTIL_H

#include <stddef.h>
#include <clang-c/Index.h>
#include "code/check.h"

/* ---- a function body flattened in pre-order (source order), with parent links ---- */

typedef struct cvet_checksc_node {
	CXCursor c;     /* the cursor */
	int parent;     /* index of the parent node, -1 for the root */
	unsigned ord;   /* position among the parent's children (0-based) */
	unsigned nkids; /* number of children recorded */
	int end;        /* one past the last node of this node's subtree */
} cvet_checksc_node;

typedef struct cvet_checksc_flat {
	cvet_checksc_node *v; /* nodes in pre-order; v[0] is the root */
	size_t n, cap;
	int *stack;           /* work stack of node indices while flattening */
	size_t sn, scap;
	int truncated;        /* 1 when the limits (nodes, depth) cut the body short */
	int oom;
} cvet_checksc_flat;

/*
 * Flatten the subtree under `root` (usually a function definition) into f (zeroed by the caller or
 * reused after cvet_checksc__flat_free). Nested function definitions, classes and lambdas are not
 * entered: they are analysed (or not) on their own. At most 200000 nodes and 1000 levels are kept.
 * Returns 0, or CVET_ENOMEM (f then holds what was collected; free it anyway).
 */
int cvet_checksc__flatten(CXCursor root, cvet_checksc_flat *f);
void cvet_checksc__flat_free(cvet_checksc_flat *f);

/* Index of the nearest ancestor of node i that is not a ParenExpr, implicit cast (UnexposedExpr with
 * one child) or explicit cast; -1 at the root. *child (when non-NULL) receives the index of the node
 * on the path just below that ancestor. */
int cvet_checksc__up(const cvet_checksc_flat *f, int i, int *child);

/* 1 when node j lies in the subtree of node i (j == i counts). */
int cvet_checksc__within(const cvet_checksc_flat *f, int i, int j);

/* 1 when the subtree of node i holds a DeclRefExpr/MemberRefExpr designating the same object as `ref`
 * (cx_same_ref). */
int cvet_checksc__mentions_at(const cvet_checksc_flat *f, int i, CXCursor ref);

/* 1 when two cursors are the same AST node, however they were reached (clang_equalCursors may say no for
 * one expression reached along different paths). */
int cvet_checksc__same_cursor(CXCursor a, CXCursor b);

/* Index of the node whose cursor equals c (searched from `from`), or -1. */
int cvet_checksc__find(const cvet_checksc_flat *f, CXCursor c, int from);

/* 1 when node i is a reference (DeclRefExpr after casts) to declaration decl. */
int cvet_checksc__refers_to(const cvet_checksc_flat *f, int i, CXCursor decl);

/*
 * Node of the last plain write to variable `decl` before node `before`: its declaration with an
 * initialiser or `decl = value`. *value receives the written expression. Returns -1 when there is none,
 * or when something else changes the variable first (++, +=, its address taken).
 */
int cvet_checksc__last_write(const cvet_checksc_flat *f, CXCursor decl, int before, CXCursor *value);

/*
 * 1 when every write to local variable `decl` in the body satisfies ok(value, ud) (its initialiser and
 * every `decl = value`), there is at least one, and nothing else changes it (++, +=, &decl).
 */
int cvet_checksc__all_writes(const cvet_checksc_flat *f, CXCursor decl, int (*ok)(CXCursor value, void *ud),
			     void *ud);

/* Error places of a translation unit, collected once (on_tu_begin) and queried per function. */
typedef struct cvet_checksc_errors {
	int fatal;        /* a fatal error: clang reports nothing after it, so every body is suspect */
	CXFile *files;    /* file of each error (expansion location) */
	unsigned *offs;   /* offset of each error */
	size_t n;
} cvet_checksc_errors;

/* Collect the errors of the TU into e (previous contents released). At most 4096 are kept; more
 * count as fatal. On OOM everything counts as unreliable. */
void cvet_checksc__errors_load(cvet_tu *tu, cvet_checksc_errors *e);
void cvet_checksc__errors_free(cvet_checksc_errors *e);

/*
 * 1 when libclang may have dropped parts of function `fn` because of errors: the translation unit
 * has a fatal error, or an error lies inside fn's extent. Checks that rely on the absence of
 * something (a NULL test, a bound) skip such bodies.
 */
int cvet_checksc__body_unreliable(const cvet_checksc_errors *e, CXCursor fn);

/* ---- calls ---- */

/* malloc'd name of the function a CallExpr calls directly (not through a pointer), or NULL. */
char *cvet_checksc__callee_name(CXCursor call);

/*
 * 1 when the called declaration is a plain C library style function: unresolved/implicit, or a
 * function declared at file scope, inside extern "C", or in namespace std (not a method, not a
 * function of another namespace). `callee` may be a null cursor.
 */
int cvet_checksc__is_libc(CXCursor callee);

/* When e (after casts) is a call of a libc function named in the NULL-terminated list, its index
 * in the list, else -1. */
int cvet_checksc__call_in(CXCursor e, const char *const *names);

/* Argument i of a CallExpr cursor, or a null cursor. */
CXCursor cvet_checksc__arg(CXCursor call, unsigned i);

/* ---- declarations and expressions ---- */

/* 1 for a local variable with automatic storage (not static, not extern, not thread_local). */
int cvet_checksc__is_auto_local(CXCursor decl);
/* 1 when the declaration's type is an array (constant, incomplete, variable or dependent size). */
int cvet_checksc__is_array_decl(CXCursor decl);
/* 1 when the canonical type is a pointer. */
int cvet_checksc__is_pointer_type(CXType t);

/*
 * 1 when an expression's type is not known yet (template code) or invalid. libclang shows an overloaded
 * or dependent operator such as `*it` in a template as an unexposed wrapper, which cx_strip would
 * strip down to `it`: such expressions must not be looked through.
 */
int cvet_checksc__is_dependent(CXCursor e);

/* 1 when the canonical type is an array (constant, incomplete or variable size). */
int cvet_checksc__is_array_type(CXType t);
/* 1 when the canonical type is an lvalue or rvalue reference. */
int cvet_checksc__is_reference_type(CXType t);

/*
 * The variable or parameter whose own storage an lvalue expression denotes (x, x.f, x.a[2], arr[i] for
 * an array arr), or a null cursor when the storage may be elsewhere (through a pointer, a reference,
 * a call, an implicit this).
 */
CXCursor cvet_checksc__storage_owner(CXCursor e);

/* Storage of a VarDecl/ParmDecl for messages: "local", "static local", "global" or "parameter". */
const char *cvet_checksc__storage_word(CXCursor decl);

/*
 * 1 when two expressions designate the same object: cx_same_ref, or (for subscripts and
 * dereferences without calls, increments or assignments) the same whitespace-normalised text.
 */
int cvet_checksc__same_lvalue(cvet_tu *tu, CXCursor a, CXCursor b);

/* 1 when the subtree of e contains a reference designating the same object as `ref` (cx_same_ref). */
int cvet_checksc__mentions(CXCursor e, CXCursor ref);

/* 1 when the expression is a ParenExpr, implicit conversion wrapper or an explicit cast. */
int cvet_checksc__is_wrapper(CXCursor c);

/* Short malloc'd source text of an expression for messages (at most 48 bytes, "..." when longer,
 * whitespace runs folded to one space), or a copy of `fallback` when the text is unavailable. */
char *cvet_checksc__short_text(cvet_tu *tu, CXCursor e, const char *fallback);

#endif
