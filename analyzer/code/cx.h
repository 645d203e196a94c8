/* cx.h - small helpers over libclang's C API used by the walker and the checks (cx.c; source text: cx_text.h) */
#ifndef CVET_ANALYZER_CX_H
#define CVET_ANALYZER_CX_H

#include <clang-c/Index.h>

/* Copy a CXString into malloc'd memory and dispose it. Returns "" copies for empty strings; NULL only on OOM. */
char *cx_str(CXString s);
/* malloc'd spelling of a cursor (clang_getCursorSpelling). */
char *cx_spelling(CXCursor c);

int cx_is_null(CXCursor c);

/* Skip implicit casts (UnexposedExpr wrappers with one child) and parentheses. */
CXCursor cx_strip(CXCursor e);
/* cx_strip plus explicit C-style / C++ casts. */
CXCursor cx_strip_casts(CXCursor e);

/* Direct children. */
unsigned cx_child_count(CXCursor c);
CXCursor cx_child(CXCursor c, unsigned i); /* null cursor when out of range */

/* 1 when e (after cx_strip_casts) is a string literal (or a constant expression evaluating to one);
 * *out (if out != NULL) receives the malloc'd decoded value. 0 otherwise. */
int cx_string_literal(CXCursor e, char **out);
/* 1 when e evaluates to an integer constant (macros like SSL_VERIFY_NONE, 0x1ff, sizeof(x)); sets *out. */
int cx_int_const(CXCursor e, long long *out);

/* The VarDecl/ParmDecl/FieldDecl e refers to (DeclRefExpr or MemberRefExpr after cx_strip_casts), else null. */
CXCursor cx_referenced(CXCursor e);
/* 1 when a and b (expressions) refer to the same declaration. */
int cx_same_ref(CXCursor a, CXCursor b);

/* Number of elements of a constant-size array type; 1 and sets *n, else 0. */
int cx_array_size(CXType t, long long *n);
/* 1 when the expression's type is a pointer (after stripping implicit casts, so arrays that decay are not). */
int cx_is_pointer_expr(CXCursor e);

/* Binary/unary operator kinds (libclang >= 17); CX_BO_Invalid / CXUnaryOperator_Invalid otherwise. */
enum CX_BinaryOperatorKind cx_binop(CXCursor c);
enum CXUnaryOperatorKind cx_unop(CXCursor c);

/* Presumed (file, line, column) of the cursor's file location; path malloc'd, NULL on failure. */
int cx_location(CXCursor c, char **path, unsigned *line, unsigned *column);

/* Pre-order search of a subtree for the first cursor of `kind`; null cursor if none. (Sub-tree only;
 * the translation unit itself is only ever walked by the walker.) */
CXCursor cx_find_kind(CXCursor root, enum CXCursorKind kind);

/* Visit every descendant of root (pre-order); stop early when fn returns nonzero; returns that value. */
int cx_each_descendant(CXCursor root, int (*fn)(CXCursor c, CXCursor parent, void *ud), void *ud);

/* The first min(count, max) direct children of c into out[] in one libclang visit (cx_child(c, i) for each i,
 * without visiting the children again per index); returns how many were stored. */
unsigned cx_children(CXCursor c, CXCursor *out, unsigned max);

/* The walker declares the TU it is walking live (begin, after parsing) and dead (end, before disposing it):
 * while live, cx_child / cx_child_count keep the children of the last cursor asked about (per thread). */
void cx_cache_begin(CXTranslationUnit tu);
void cx_cache_end(void);

#endif
