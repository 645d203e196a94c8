/* calls.h - check helpers: who a call calls (libc or a plain C API, by name) and its arguments (lib/calls.c) */
#ifndef CVET_CHECKS_LIB_CALLS_H
#define CVET_CHECKS_LIB_CALLS_H

#include <stddef.h>
#include <clang-c/Index.h>
#include "code/check.h"

/* 1 when `name` equals one of the NULL-terminated `list`. */
int cvet_calls__name_in(const char *name, const char *const *list);

/* Index of `name` in a table of {name, ...} rows whose first member is a `const char *`; -1 if absent.
 * `stride` is sizeof(row), `n` the number of rows. */
int cvet_calls__find_row(const char *name, const void *rows, size_t n, size_t stride);

/*
 * 1 when the call's callee is the C library function of that name (or its std:: twin): a plain
 * function declared at file scope, inside extern "C", or in namespace std - not a C++ method, not a
 * function in some other namespace, not a call through a variable. A call without a resolved
 * callee (implicit declaration) counts too.
 */
int cvet_calls__is_libc(const cvet_event *ev);

/* The call's i-th argument, or a null cursor when the call has fewer. */
CXCursor cvet_calls__arg(const cvet_event *ev, unsigned i);

/* The name a user wrote for a fortified or builtin variant ("__printf_chk", "__builtin___sprintf_chk" ->
 * "printf", "sprintf"); other names are returned unchanged. Writes into buf (size n) and returns it. */
const char *cvet_calls__display_name(const char *name, char *buf, size_t n);

/*
 * 1 when the call's callee is a plain C function (a library API such as 'bind' or 'MD5_Init'): an
 * unresolved/implicit callee, or a function declared at file scope, inside extern "C", or in namespace
 * std - not a C++ method, not a function template, not a function of another namespace.
 */
int cvet_calls__is_c_api(const cvet_event *ev);

/* 1 and *out when the call's i-th argument is an integer constant. */
int cvet_calls__arg_int(const cvet_event *ev, unsigned i, long long *out);
/* 1 and *out (malloc'd, caller frees) when the i-th argument is a string literal (possibly via a macro). */
int cvet_calls__arg_string(const cvet_event *ev, unsigned i, char **out);
/* 1 when the i-th argument is a null pointer constant (NULL, 0, nullptr). */
int cvet_calls__arg_is_null(const cvet_event *ev, unsigned i);

/* The function definition an event belongs to: ev->cursor for function begin/end events, else ev->function. */
CXCursor cvet_calls__event_function(const cvet_event *ev);

/* malloc'd name of the function a CallExpr calls directly (not through a pointer), or NULL. */
char *cvet_calls__callee_name(CXCursor call);

/*
 * 1 when the called declaration is a plain C library style function: unresolved/implicit, or a
 * function declared at file scope, inside extern "C", or in namespace std (not a method, not a
 * function of another namespace). `callee` may be a null cursor.
 */
int cvet_calls__is_libc_decl(CXCursor callee);

/* When e (after casts) is a call of a libc function named in the NULL-terminated list, its index
 * in the list, else -1. */
int cvet_calls__call_in(CXCursor e, const char *const *names);

/* Argument i of a CallExpr cursor, or a null cursor. */
CXCursor cvet_calls__call_arg(CXCursor call, unsigned i);

#endif
