/* checksa_util.h - helpers shared by the security checks of group A (libc misuse: copies, formats, commands) */
#ifndef CVET_CHECKS_CHECKSA_UTIL_H
#define CVET_CHECKS_CHECKSA_UTIL_H

#include <clang-c/Index.h>
#include "code/check.h"

/* 1 when `name` equals one of the NULL-terminated `list`. */
int cvet_checksa__name_in(const char *name, const char *const *list);

/* Index of `name` in a table of {name, ...} rows whose first member is a `const char *`; -1 if absent.
 * `stride` is sizeof(row), `n` the number of rows. */
int cvet_checksa__find_row(const char *name, const void *rows, size_t n, size_t stride);

/*
 * 1 when the call's callee is the C library function of that name (or its std:: twin): a plain
 * function declared at file scope, inside extern "C", or in namespace std - not a C++ method, not a
 * function in some other namespace, not a call through a variable. A call without a resolved
 * callee (implicit declaration) counts too.
 */
int cvet_checksa__is_libc(const cvet_event *ev);

/* The call's i-th argument, or a null cursor when the call has fewer. */
CXCursor cvet_checksa__arg(const cvet_event *ev, unsigned i);

/*
 * Room left in a destination expression of constant size: an array variable or field (not a
 * trailing "struct hack" member), or &arr[k] / arr + k with a constant k. On success returns 1 and
 * sets *bytes (room in bytes) and *elem (size of one element in bytes, >= 1). 0 when unknown.
 */
int cvet_checksa__dest_room(CXCursor e, long long *bytes, long long *elem);

/*
 * Longest string a source expression can hold, when it is known: a string literal (length from the
 * literal's array type, so wide literals count characters), a conditional between such, or a
 * const-qualified variable initialised from one. Returns 1 and sets *chars (characters without the
 * terminator), else 0.
 */
int cvet_checksa__literal_len(CXCursor e, long long *chars);

/*
 * 1 when e is a constant string: a literal (incl. via macro), a conditional between constant
 * strings, gettext-style translation calls of a literal, or a const variable/array (or an element
 * or member of a const table) initialised in its declaration. *out (when out != NULL) receives the
 * malloc'd decoded text when there is exactly one; may stay NULL.
 */
int cvet_checksa__const_string(CXCursor e, char **out);

/* The string a declared variable is initialised with (char buf[] = "..."), malloc'd into *out; 1 or 0. */
int cvet_checksa__var_init_string(CXCursor decl, char **out);

/* 1 when an identifier has a word (split at '_' and camelCase) suggesting secrets: token, key, nonce,
 * salt, password, secret, session, iv, seed, csrf, otp, auth, ... */
int cvet_checksa__security_name(const char *ident);

/* printf format scan result */
typedef struct cvet_checksa_fmt {
	int ok;            /* 1 when the format parsed and every conversion has a known maximum */
	long long max_len; /* maximum output characters, without the terminator (valid when ok) */
	int has_string;    /* a %s / %ls / %S conversion appears */
	unsigned nconv;    /* conversions that consume an argument (counting '*' widths) */
} cvet_checksa_fmt;

/*
 * Estimate the maximum length of printf output for literal format `fmt` whose arguments start
 * at argument `first` of the call (a literal argument to %s adds its length). Bounded work.
 */
void cvet_checksa__printf_max(const char *fmt, const cvet_event *ev, unsigned first, cvet_checksa_fmt *out);

/* The text of a literal format argument, also for wide literals (L"%ls": characters narrowed, escapes other
 * than \\ and \" kept as written). 1 and *out malloc'd, or 0. */
int cvet_checksa__format_text(CXCursor e, char **out);

/* The name a user wrote for a fortified or builtin variant ("__printf_chk", "__builtin___sprintf_chk" ->
 * "printf", "sprintf"); other names are returned unchanged. Writes into buf (size n) and returns it. */
const char *cvet_checksa__display_name(const char *name, char *buf, size_t n);

/* Short malloc'd source text of an expression for messages (<= 40 chars, "..." when longer), or NULL. */
char *cvet_checksa__short_text(cvet_tu *tu, CXCursor e);

/* Root variable/parameter a destination expression writes into (buf, &buf[i], p->buf, buf + n), or null. */
CXCursor cvet_checksa__root_var(CXCursor e);

#endif
