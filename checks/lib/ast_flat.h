/* ast_flat.h - check helpers: a function body flattened in pre-order with parent links, and queries over it (lib/ast_flat.c) */
#ifndef CVET_CHECKS_LIB_AST_FLAT_H
#define CVET_CHECKS_LIB_AST_FLAT_H

#include <stddef.h>
#include <clang-c/Index.h>
#include "code/check.h"

typedef struct cvet_flat_node {
	CXCursor c;     /* the cursor */
	int parent;     /* index of the parent node, -1 for the root */
	unsigned ord;   /* position among the parent's children (0-based) */
	unsigned nkids; /* number of children recorded */
	int end;        /* one past the last node of this node's subtree */
} cvet_flat_node;

typedef struct cvet_flat {
	cvet_flat_node *v; /* nodes in pre-order; v[0] is the root */
	size_t n, cap;
	int *stack;           /* work stack of node indices while flattening */
	size_t sn, scap;
	int truncated;        /* 1 when the limits (nodes, depth) cut the body short */
	int oom;
} cvet_flat;

/*
 * Flatten the subtree under `root` (usually a function definition) into f (zeroed by the caller or
 * reused after cvet_flat__free). Nested function definitions, classes and lambdas are not
 * entered: they are analysed (or not) on their own. At most 200000 nodes and 1000 levels are kept.
 * Returns 0, or CVET_ENOMEM (f then holds what was collected; free it anyway).
 */
int cvet_flat__build(CXCursor root, cvet_flat *f);
void cvet_flat__free(cvet_flat *f);

/* Index of the nearest ancestor of node i that is not a ParenExpr, implicit cast (UnexposedExpr with
 * one child) or explicit cast; -1 at the root. *child (when non-NULL) receives the index of the node
 * on the path just below that ancestor. */
int cvet_flat__up(const cvet_flat *f, int i, int *child);

/* 1 when node j lies in the subtree of node i (j == i counts). */
int cvet_flat__within(const cvet_flat *f, int i, int j);

/* 1 when the subtree of node i holds a DeclRefExpr/MemberRefExpr designating the same object as `ref`
 * (cx_same_ref). */
int cvet_flat__mentions_at(const cvet_flat *f, int i, CXCursor ref);

/* 1 when two cursors are the same AST node, however they were reached (clang_equalCursors may say no for
 * one expression reached along different paths). */
int cvet_flat__same_cursor(CXCursor a, CXCursor b);

/* Index of the node whose cursor equals c (searched from `from`), or -1. */
int cvet_flat__find(const cvet_flat *f, CXCursor c, int from);

/* 1 when node i is a reference (DeclRefExpr after casts) to declaration decl. */
int cvet_flat__refers_to(const cvet_flat *f, int i, CXCursor decl);

/*
 * Node of the last plain write to variable `decl` before node `before`: its declaration with an
 * initialiser or `decl = value`. *value receives the written expression. Returns -1 when there is none,
 * or when something else changes the variable first (++, +=, its address taken).
 */
int cvet_flat__last_write(const cvet_flat *f, CXCursor decl, int before, CXCursor *value);

/*
 * 1 when every write to local variable `decl` in the body satisfies ok(value, ud) (its initialiser and
 * every `decl = value`), there is at least one, and nothing else changes it (++, +=, &decl).
 */
int cvet_flat__all_writes(const cvet_flat *f, CXCursor decl, int (*ok)(CXCursor value, void *ud),
			     void *ud);

/* 1 when the expression is a ParenExpr, implicit conversion wrapper or an explicit cast. */
int cvet_flat__is_wrapper(CXCursor c);

#endif
