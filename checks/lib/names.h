/* names.h - check helpers: identifiers and constant names: words, prefixes, security-sounding names, macro names (lib/names.c) */
#ifndef CVET_CHECKS_LIB_NAMES_H
#define CVET_CHECKS_LIB_NAMES_H

#include <stddef.h>
#include <clang-c/Index.h>
#include "code/check.h"

/* 1 when an identifier has a word (split at '_' and camelCase) suggesting secrets: token, key, nonce,
 * salt, password, secret, session, iv, seed, csrf, otp, auth, ... */
int cvet_names__security(const char *ident);

/* 1 when `s` starts with `prefix` (case-sensitive). */
int cvet_names__starts(const char *s, const char *prefix);
/* 1 when `s` starts with `prefix`, ignoring ASCII case. */
int cvet_names__starts_nocase(const char *s, const char *prefix);
/* 1 when `s` ends with `suffix` (case-sensitive). */
int cvet_names__ends(const char *s, const char *suffix);

/*
 * Name of the constant an expression names: the enumerator of a DeclRefExpr (CURLOPT_URL), else the macro
 * the expression was written as (SSL_VERIFY_NONE). malloc'd, NULL when neither.
 */
char *cvet_names__const_name(cvet_tu *tu, CXCursor e);

/*
 * When e names a local variable declared inside a macro expansion with an initializer (curl's type-checking
 * curl_easy_setopt macro copies the option into `curl_opt`), the initializer; otherwise e itself.
 */
CXCursor cvet_names__through_macro_local(cvet_tu *tu, CXCursor e);

/*
 * Split an identifier into lower-case words at '_', digits boundaries and camelCase humps
 * ("dbPassword_len" -> db, password, len). Writes up to `max` words of at most 31 chars into words;
 * returns the count.
 */
size_t cvet_names__words(const char *ident, char words[][32], size_t max);

/* Referenced declaration's spelling for a DeclRefExpr/MemberRefExpr (after casts), malloc'd, or NULL. */
char *cvet_names__ref_name(CXCursor e);

#endif
