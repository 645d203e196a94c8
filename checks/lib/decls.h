/* decls.h - check helpers: declarations, types, storage and lvalues: what an expression designates (lib/decls.c) */
#ifndef CVET_CHECKS_LIB_DECLS_H
#define CVET_CHECKS_LIB_DECLS_H

#include <stddef.h>
#include <clang-c/Index.h>
#include "code/check.h"

/* 1 when two path expressions name the same thing: the same variable/field (cx_same_ref) or equal string
 * literals. */
int cvet_decls__same_path(CXCursor a, CXCursor b);

/* 1 for a local variable with automatic storage (not static, not extern, not thread_local). */
int cvet_decls__is_auto_local(CXCursor decl);
/* 1 when the declaration's type is an array (constant, incomplete, variable or dependent size). */
int cvet_decls__is_array_decl(CXCursor decl);
/* 1 when the canonical type is a pointer. */
int cvet_decls__is_pointer_type(CXType t);

/*
 * 1 when an expression's type is not known yet (template code) or invalid. libclang shows an overloaded
 * or dependent operator such as `*it` in a template as an unexposed wrapper, which cx_strip would
 * strip down to `it`: such expressions must not be looked through.
 */
int cvet_decls__is_dependent(CXCursor e);

/* 1 when the canonical type is an array (constant, incomplete or variable size). */
int cvet_decls__is_array_type(CXType t);
/* 1 when the canonical type is an lvalue or rvalue reference. */
int cvet_decls__is_reference_type(CXType t);

/*
 * The variable or parameter whose own storage an lvalue expression denotes (x, x.f, x.a[2], arr[i] for
 * an array arr), or a null cursor when the storage may be elsewhere (through a pointer, a reference,
 * a call, an implicit this).
 */
CXCursor cvet_decls__storage_owner(CXCursor e);

/*
 * 1 when function fn may change what variable var holds after its initialiser: a store into it or into an
 * element or member of its own storage, ++/--, its address taken, or (for an array) the array handed to a
 * call, which may fill it.
 */
int cvet_decls__written_in(CXCursor fn, CXCursor var);

/* Storage of a VarDecl/ParmDecl for messages: "local", "static local", "global" or "parameter". */
const char *cvet_decls__storage_word(CXCursor decl);

/*
 * 1 when two expressions designate the same object: cx_same_ref, or (for subscripts and
 * dereferences without calls, increments or assignments) the same whitespace-normalised text.
 */
int cvet_decls__same_lvalue(cvet_tu *tu, CXCursor a, CXCursor b);

/* 1 when the subtree of e contains a reference designating the same object as `ref` (cx_same_ref). */
int cvet_decls__mentions(CXCursor e, CXCursor ref);

/* The initializer of a variable declaration (its last expression child), or a null cursor. */
CXCursor cvet_decls__var_init(CXCursor decl);

#endif
