/* tls-verify-disabled.c - TLS peer certificate or host name verification turned off (CWE-295) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "code/check.h"
#include "code/cx.h"
#include "lib/calls.h"
#include "lib/names.h"
#include "lib/sites.h"

extern const cvet_check cvet_check_tls_verify_disabled;

enum { PEND_OPENSSL_NONE = 1, PEND_MBEDTLS_NONE, PEND_MBEDTLS_OPTIONAL };

typedef struct state {
	cvet_sites pending; /* verify-none settings whose report depends on the TU being a client */
	int server;                 /* saw server-side setup (server methods, SSL_accept, MBEDTLS_SSL_IS_SERVER) */
	int client;                 /* saw client-side setup (client methods, SSL_connect, SNI/host name) */
	int checks_result;          /* saw mbedtls_ssl_get_verify_result: OPTIONAL is checked by hand */
	int openssl_checks_result;  /* saw SSL_get_verify_result: SSL_VERIFY_NONE with a manual check */
} state;

static const char *const server_calls[] = {"SSL_accept", "SSL_set_accept_state", "wolfSSL_accept",
					   "wolfSSL_set_accept_state", "gnutls_certificate_server_set_request", NULL};
static const char *const client_calls[] = {"SSL_connect", "SSL_set_connect_state", "SSL_set1_host",
					   "SSL_add1_host", "wolfSSL_connect", "wolfSSL_set_connect_state",
					   "wolfSSL_UseSNI", "mbedtls_ssl_set_hostname", "wolfSSL_check_domain_name",
					   NULL};
static const char *const set_verify_calls[] = {"SSL_CTX_set_verify", "SSL_set_verify", "wolfSSL_CTX_set_verify",
					       "wolfSSL_set_verify", NULL};

/* curl options whose value 0 turns a verification off (by name; the numbers are the CURLoption values). */
static const struct {
	const char *name;
	long long value;
	int host; /* 1: host name check, 0: certificate check */
} curl_opts[] = {
	{"CURLOPT_SSL_VERIFYPEER", 64, 0},        {"CURLOPT_SSL_VERIFYHOST", 81, 1},
	{"CURLOPT_PROXY_SSL_VERIFYPEER", 248, 0}, {"CURLOPT_PROXY_SSL_VERIFYHOST", 249, 1},
	{"CURLOPT_DOH_SSL_VERIFYPEER", 306, 0},   {"CURLOPT_DOH_SSL_VERIFYHOST", 307, 1},
};

/* 1 when stmt is `(void)x;` or an empty statement: allowed before the return of a trivial callback. */
static int is_noop_stmt(CXCursor s)
{
	if (s.kind == CXCursor_NullStmt)
		return 1;
	if (s.kind == CXCursor_CStyleCastExpr)
		return clang_getCanonicalType(clang_getCursorType(s)).kind == CXType_Void;
	return 0;
}

/* 1 when the function expression refers to a definition whose body only returns a nonzero constant. */
static int accepts_everything(CXCursor fnexpr)
{
	CXCursor ref = cx_strip_casts(fnexpr), def, body = clang_getNullCursor();
	unsigned n;
	if (ref.kind == CXCursor_UnaryOperator) /* &callback */
		ref = cx_strip_casts(cx_child(ref, 0));
	if (ref.kind != CXCursor_DeclRefExpr) {
		/* a C++ lambda converted to a function pointer: [](int, X509_STORE_CTX *) { return 1; } */
		def = cx_find_kind(ref, CXCursor_LambdaExpr);
		if (cx_is_null(def) && ref.kind == CXCursor_LambdaExpr)
			def = ref;
		if (cx_is_null(def))
			return 0;
	} else {
		def = clang_getCursorDefinition(clang_getCursorReferenced(ref));
	}
	if (cx_is_null(def) ||
	    (def.kind != CXCursor_FunctionDecl && def.kind != CXCursor_CXXMethod && def.kind != CXCursor_LambdaExpr))
		return 0;
	n = cx_child_count(def);
	for (unsigned i = 0; i < n; i++) {
		CXCursor k = cx_child(def, i);
		if (k.kind == CXCursor_CompoundStmt)
			body = k;
	}
	if (cx_is_null(body))
		return 0;
	n = cx_child_count(body);
	if (n == 0 || n > 8)
		return 0;
	for (unsigned i = 0; i + 1 < n; i++)
		if (!is_noop_stmt(cx_child(body, i)))
			return 0;
	{
		CXCursor ret = cx_child(body, n - 1);
		long long v;
		if (ret.kind != CXCursor_ReturnStmt || cx_child_count(ret) != 1)
			return 0;
		return cx_int_const(cx_child(ret, 0), &v) && v != 0;
	}
}

static void pend(state *st, const cvet_event *ev, int tag)
{
	cvet_site s;
	cvet_sites__from_call(&s, ev);
	s.tag = tag;
	s.name = NULL;
	(void)cvet_sites__push(&st->pending, &s);
}

static void on_curl(cvet_tu *tu, const cvet_event *ev)
{
	long long opt, val;
	char *oname;
	CXCursor o = cvet_names__through_macro_local(tu, cvet_calls__arg(ev, 1));
	if (ev->call->nargs != 3 || !cx_int_const(cvet_names__through_macro_local(tu, cvet_calls__arg(ev, 2)), &val) ||
	    val != 0)
		return;
	oname = cvet_names__const_name(tu, o);
	if (!cx_int_const(o, &opt))
		opt = -1;
	for (size_t i = 0; i < sizeof(curl_opts) / sizeof(curl_opts[0]); i++) {
		if (oname ? strcmp(oname, curl_opts[i].name) != 0 : opt != curl_opts[i].value)
			continue;
		if (curl_opts[i].host)
			cvet_tu_report(tu, &cvet_check_tls_verify_disabled, ev->call->expr,
				       "'%s' set to 0 turns off the host name check, so any valid certificate for any "
				       "host is accepted; leave it at 2 (the default)",
				       curl_opts[i].name);
		else
			cvet_tu_report(tu, &cvet_check_tls_verify_disabled, ev->call->expr,
				       "'%s' set to 0 turns off certificate verification, so anyone can impersonate the "
				       "server; leave it at 1 (the default) and point CURLOPT_CAINFO at the right CA "
				       "bundle if needed",
				       curl_opts[i].name);
		break;
	}
	free(oname);
}

static void on_gnutls_flags(cvet_tu *tu, const cvet_event *ev)
{
	long long flags;
	char what[256];
	size_t len = 0;
	static const struct {
		long long bit;
		const char *name;
	} bad[] = {
		{1LL << 0, "GNUTLS_VERIFY_DISABLE_CA_SIGN"},
		{1LL << 4, "GNUTLS_VERIFY_ALLOW_SIGN_RSA_MD2"},
		{1LL << 5, "GNUTLS_VERIFY_ALLOW_SIGN_RSA_MD5"},
		{1LL << 6, "GNUTLS_VERIFY_DISABLE_TIME_CHECKS"},
		{1LL << 7, "GNUTLS_VERIFY_DISABLE_TRUSTED_TIME_CHECKS"},
	};
	if (ev->call->nargs != 2 || !cvet_calls__arg_int(ev, 1, &flags) || flags <= 0)
		return;
	what[0] = '\0';
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (!(flags & bad[i].bit))
			continue;
		int w = snprintf(what + len, sizeof what - len, "%s%s", len ? ", " : "", bad[i].name);
		if (w < 0 || (size_t)w >= sizeof what - len)
			break;
		len += (size_t)w;
	}
	if (len)
		cvet_tu_report(tu, &cvet_check_tls_verify_disabled, cvet_calls__arg(ev, 1),
			       "'gnutls_certificate_set_verify_flags' weakens certificate verification (%s); "
			       "drop these flags",
			       what);
}

static void on_call(cvet_tu *tu, void *vs, const cvet_event *ev)
{
	state *st = vs;
	const char *name = ev->call->name;
	long long mode;
	if (!cvet_calls__is_c_api(ev))
		return;
	if (cvet_calls__name_in(name, server_calls) || cvet_names__ends(name, "_server_method")) {
		st->server = 1;
		return;
	}
	if (cvet_calls__name_in(name, client_calls) || cvet_names__ends(name, "_client_method")) {
		st->client = 1;
		return;
	}
	if (strcmp(name, "SSL_ctrl") == 0) { /* SSL_set_tlsext_host_name: SSL_CTRL_SET_TLSEXT_HOSTNAME = 55 */
		long long cmd;
		if (cvet_calls__arg_int(ev, 1, &cmd) && cmd == 55)
			st->client = 1;
		return;
	}
	if (cvet_calls__name_in(name, set_verify_calls)) {
		if (ev->call->nargs != 3 || !cvet_calls__arg_int(ev, 1, &mode))
			return;
		if (mode == 0)
			pend(st, ev, PEND_OPENSSL_NONE);
		else if (accepts_everything(cvet_calls__arg(ev, 2)))
			cvet_tu_report(tu, &cvet_check_tls_verify_disabled, cvet_calls__arg(ev, 2),
				       "the verify callback given to '%s' accepts every certificate (it always returns "
				       "1), which turns verification off; return the 'preverify_ok' argument instead",
				       name);
		return;
	}
	if (strcmp(name, "SSL_CTX_set_cert_verify_callback") == 0 && ev->call->nargs == 3) {
		if (accepts_everything(cvet_calls__arg(ev, 1)))
			cvet_tu_report(tu, &cvet_check_tls_verify_disabled, cvet_calls__arg(ev, 1),
				       "the callback given to 'SSL_CTX_set_cert_verify_callback' replaces certificate "
				       "verification and accepts everything; remove it or call X509_verify_cert");
		return;
	}
	if (strcmp(name, "curl_easy_setopt") == 0) {
		on_curl(tu, ev);
		return;
	}
	if (strcmp(name, "mbedtls_ssl_conf_authmode") == 0) {
		/* MBEDTLS_SSL_VERIFY_NONE = 0, MBEDTLS_SSL_VERIFY_OPTIONAL = 1 */
		if (ev->call->nargs == 2 && cvet_calls__arg_int(ev, 1, &mode) && (mode == 0 || mode == 1))
			pend(st, ev, mode == 0 ? PEND_MBEDTLS_NONE : PEND_MBEDTLS_OPTIONAL);
		return;
	}
	if (strcmp(name, "mbedtls_ssl_config_defaults") == 0) {
		/* MBEDTLS_SSL_IS_CLIENT = 0, MBEDTLS_SSL_IS_SERVER = 1 */
		if (cvet_calls__arg_int(ev, 1, &mode))
			*(mode == 1 ? &st->server : &st->client) = 1;
		return;
	}
	if (strcmp(name, "mbedtls_ssl_get_verify_result") == 0) {
		st->checks_result = 1;
		return;
	}
	if (strcmp(name, "SSL_get_verify_result") == 0 || strcmp(name, "wolfSSL_get_verify_result") == 0) {
		st->openssl_checks_result = 1; /* verification ran anyway; the code reads the result itself */
		return;
	}
	if (strcmp(name, "gnutls_certificate_set_verify_flags") == 0)
		on_gnutls_flags(tu, ev);
}

static void on_tu_end(cvet_tu *tu, void *vs)
{
	state *st = vs;
	int server_only = st->server && !st->client;
	for (size_t i = 0; i < st->pending.n; i++) {
		const cvet_site *s = &st->pending.v[i];
		char *fname;
		if (server_only)
			continue; /* a server not asking for client certificates is the normal case */
		fname = cx_spelling(clang_getCursorReferenced(s->call));
		switch (s->tag) {
		case PEND_OPENSSL_NONE:
			if (st->openssl_checks_result)
				break;
			cvet_tu_report(tu, &cvet_check_tls_verify_disabled, s->call,
				       "'%s' with SSL_VERIFY_NONE does not check the peer's certificate, so anyone can "
				       "impersonate the server; use SSL_VERIFY_PEER with a trust store and set the "
				       "expected host name (SSL_set1_host)",
				       fname && *fname ? fname : "SSL_CTX_set_verify");
			break;
		case PEND_MBEDTLS_NONE:
			cvet_tu_report(tu, &cvet_check_tls_verify_disabled, s->call,
				       "'mbedtls_ssl_conf_authmode' with MBEDTLS_SSL_VERIFY_NONE does not check the "
				       "peer's certificate; use MBEDTLS_SSL_VERIFY_REQUIRED");
			break;
		case PEND_MBEDTLS_OPTIONAL:
			if (!st->checks_result)
				cvet_tu_report(tu, &cvet_check_tls_verify_disabled, s->call,
					       "'mbedtls_ssl_conf_authmode' with MBEDTLS_SSL_VERIFY_OPTIONAL continues "
					       "after a failed verification and the result is never read; use "
					       "MBEDTLS_SSL_VERIFY_REQUIRED or check mbedtls_ssl_get_verify_result");
			break;
		default:
			break;
		}
		free(fname);
	}
	cvet_sites__free(&st->pending);
}

static void cleanup(void *vs)
{
	cvet_sites__free(&((state *)vs)->pending);
}

const cvet_check cvet_check_tls_verify_disabled = {
	.rule = {.id = "tls-verify-disabled",
		 .title = "TLS certificate or host name verification disabled",
		 .severity = CVET_SEV_HIGH,
		 .cwe = {295},
		 .precision = CVET_PRECISION_HIGH},
	.state_size = sizeof(state),
	.on_call = on_call,
	.on_tu_end = on_tu_end,
	.cleanup = cleanup,
};
