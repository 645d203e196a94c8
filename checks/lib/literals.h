/* literals.h - check helpers: string literals and constant strings: their text and longest length (lib/literals.c) */
#ifndef CVET_CHECKS_LIB_LITERALS_H
#define CVET_CHECKS_LIB_LITERALS_H

#include <stddef.h>
#include <clang-c/Index.h>
#include "code/check.h"

/*
 * Longest string a source expression can hold, when it is known: a string literal (length from the
 * literal's array type, so wide literals count characters), a conditional between such, or a
 * const-qualified variable initialised from one. Returns 1 and sets *chars (characters without the
 * terminator), else 0.
 */
int cvet_literals__len(CXCursor e, long long *chars);

/*
 * 1 when e is a constant string: a literal (incl. via macro), a conditional between constant
 * strings, gettext-style translation calls of a literal, or a const variable/array (or an element
 * or member of a const table) initialised in its declaration. *out (when out != NULL) receives the
 * malloc'd decoded text when there is exactly one; may stay NULL.
 */
int cvet_literals__const_string(CXCursor e, char **out);

/* The string a declared variable is initialised with (char buf[] = "..."), malloc'd into *out; 1 or 0. */
int cvet_literals__var_init(CXCursor decl, char **out);

/* The text of a literal format argument, also for wide literals (L"%ls": characters narrowed, escapes other
 * than \\ and \" kept as written). 1 and *out malloc'd, or 0. */
int cvet_literals__format_text(CXCursor e, char **out);

#endif
