/* checksb_util.h - helpers shared by the security checks of group B (crypto, TLS, network, secrets, files, privileges) */
#ifndef CVET_CHECKS_CHECKSB_UTIL_H
#define CVET_CHECKS_CHECKSB_UTIL_H

#include <stddef.h>
#include <clang-c/Index.h>
#include "code/check.h"

/* 1 when `name` equals one of the NULL-terminated `list`. */
int cvet_checksb__name_in(const char *name, const char *const *list);

/* 1 when `s` starts with `prefix` (case-sensitive). */
int cvet_checksb__starts(const char *s, const char *prefix);
/* 1 when `s` starts with `prefix`, ignoring ASCII case. */
int cvet_checksb__starts_nocase(const char *s, const char *prefix);
/* 1 when `s` ends with `suffix` (case-sensitive). */
int cvet_checksb__ends(const char *s, const char *suffix);

/*
 * 1 when the call's callee is a plain C function (a library API such as 'bind' or 'MD5_Init'): an
 * unresolved/implicit callee, or a function declared at file scope, inside extern "C", or in namespace
 * std - not a C++ method, not a function template, not a function of another namespace.
 */
int cvet_checksb__is_c_function(const cvet_event *ev);

/* The call's i-th argument as written, or a null cursor. */
CXCursor cvet_checksb__arg(const cvet_event *ev, unsigned i);
/* 1 and *out when the call's i-th argument is an integer constant. */
int cvet_checksb__arg_int(const cvet_event *ev, unsigned i, long long *out);
/* 1 and *out (malloc'd, caller frees) when the i-th argument is a string literal (possibly via a macro). */
int cvet_checksb__arg_string(const cvet_event *ev, unsigned i, char **out);
/* 1 when the i-th argument is a null pointer constant (NULL, 0, nullptr). */
int cvet_checksb__arg_is_null(const cvet_event *ev, unsigned i);

/*
 * Name of the constant an expression names: the enumerator of a DeclRefExpr (CURLOPT_URL), else the macro
 * the expression was written as (SSL_VERIFY_NONE). malloc'd, NULL when neither.
 */
char *cvet_checksb__const_name(cvet_tu *tu, CXCursor e);

/*
 * When e names a local variable declared inside a macro expansion with an initializer (curl's type-checking
 * curl_easy_setopt macro copies the option into `curl_opt`), the initializer; otherwise e itself.
 */
CXCursor cvet_checksb__through_macro_local(cvet_tu *tu, CXCursor e);

/* The function definition an event belongs to: ev->cursor for function begin/end events, else ev->function. */
CXCursor cvet_checksb__event_function(const cvet_event *ev);

/*
 * Split an identifier into lower-case words at '_', digits boundaries and camelCase humps
 * ("dbPassword_len" -> db, password, len). Writes up to `max` words of at most 31 chars into words;
 * returns the count.
 */
size_t cvet_checksb__words(const char *ident, char words[][32], size_t max);

/*
 * Redacted copy of a secret for messages and snippets: at most `show` leading characters (never more
 * than a quarter of it) followed by an ellipsis (U+2026 in UTF-8). malloc'd; NULL on OOM.
 */
char *cvet_checksb__redact(const char *value, size_t show);

/* 1 when two path expressions name the same thing: the same variable/field (cx_same_ref) or equal string
 * literals. */
int cvet_checksb__same_path(CXCursor a, CXCursor b);

/* Referenced declaration's spelling for a DeclRefExpr/MemberRefExpr (after casts), malloc'd, or NULL. */
char *cvet_checksb__ref_name(CXCursor e);

/* A call recorded for per-function analysis at on_function_end. Cursors stay valid for the TU's life. */
typedef struct cvet_checksb_site {
	CXCursor fn;      /* enclosing function definition */
	CXCursor call;    /* the CallExpr (or another cursor for non-call facts) */
	CXCursor arg[4];  /* copies of the first arguments (null cursors when absent) */
	unsigned nargs;   /* number of arguments of the call */
	int tag;          /* check-defined kind */
	long long value;  /* check-defined value */
	const char *name; /* static name from a check's table, not owned */
} cvet_checksb_site;

typedef struct cvet_checksb_sites {
	cvet_checksb_site *v;
	size_t n, cap;
} cvet_checksb_sites;

/* Fill a site from a call event (fn, call, args); tag/value/name are left for the caller. */
void cvet_checksb__site_from_call(cvet_checksb_site *s, const cvet_event *ev);
/* Append a copy; 0, or CVET_ENOMEM / CVET_ELIMIT (more than 100000 sites: the site is dropped). */
int cvet_checksb__sites_push(cvet_checksb_sites *s, const cvet_checksb_site *site);
/* Drop the sites belonging to function fn (order of the rest kept). */
void cvet_checksb__sites_drop_fn(cvet_checksb_sites *s, CXCursor fn);
void cvet_checksb__sites_free(cvet_checksb_sites *s);

/* Replace a finding's snippet with a copy of `text` (the old one is freed). No-op when f is NULL. */
void cvet_checksb__set_snippet(cvet_finding *f, const char *text);

/* Short malloc'd copy of s for messages: at most `max` bytes, "..." appended when cut; control chars
 * replaced by '?'. NULL on OOM. */
char *cvet_checksb__shorten(const char *s, size_t max);

#endif
