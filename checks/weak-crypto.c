/* weak-crypto.c - broken hashes, weak ciphers, ECB mode and obsolete SSL/TLS versions (CWE-327, CWE-328) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "code/check.h"
#include "code/cx.h"
#include "code/cx_text.h"
#include "lib/calls.h"
#include "lib/names.h"
#include "lib/text.h"

extern const cvet_check cvet_check_weak_crypto;

typedef enum { K_HASH = 1, K_CIPHER, K_ECB, K_PROTO } kind;
typedef enum { M_EXACT = 0, M_PREFIX } match;

typedef struct weak_api {
	const char *name;
	match how;
	kind k;
	const char *alg;
} weak_api;

/*
 * One entry point per use: the one-shot call or the *_Init / key-setup call (MD5_Init, not MD5_Update and
 * MD5_Final), so that one use of an algorithm gives one finding.
 */
static const weak_api apis[] = {
	/* OpenSSL / LibreSSL / BoringSSL / wolfSSL compat */
	{"MD2", M_EXACT, K_HASH, "MD2"},
	{"MD4", M_EXACT, K_HASH, "MD4"},
	{"MD5", M_EXACT, K_HASH, "MD5"},
	{"SHA1", M_EXACT, K_HASH, "SHA-1"},
	{"MD2_Init", M_EXACT, K_HASH, "MD2"},
	{"MD4_Init", M_EXACT, K_HASH, "MD4"},
	{"MD5_Init", M_EXACT, K_HASH, "MD5"},
	{"SHA1_Init", M_EXACT, K_HASH, "SHA-1"},
	{"MD4Init", M_EXACT, K_HASH, "MD4"}, /* BSD libmd */
	{"MD5Init", M_EXACT, K_HASH, "MD5"},
	{"SHA1Init", M_EXACT, K_HASH, "SHA-1"},
	{"EVP_md2", M_EXACT, K_HASH, "MD2"},
	{"EVP_md4", M_EXACT, K_HASH, "MD4"},
	{"EVP_md5", M_EXACT, K_HASH, "MD5"},
	{"EVP_md5_sha1", M_EXACT, K_HASH, "MD5+SHA-1"},
	{"EVP_sha1", M_EXACT, K_HASH, "SHA-1"},
	{"DES_set_key", M_PREFIX, K_CIPHER, "DES"},
	{"DES_key_sched", M_EXACT, K_CIPHER, "DES"},
	{"DES_crypt", M_EXACT, K_CIPHER, "DES"},
	{"DES_fcrypt", M_EXACT, K_CIPHER, "DES"},
	{"DES_string_to_key", M_EXACT, K_CIPHER, "DES"},
	{"DES_string_to_2keys", M_EXACT, K_CIPHER, "DES"},
	{"EVP_des_ede", M_PREFIX, K_CIPHER, "3DES"},
	{"EVP_des_", M_PREFIX, K_CIPHER, "DES"},
	{"EVP_desx_", M_PREFIX, K_CIPHER, "DESX"},
	{"EVP_rc2_", M_PREFIX, K_CIPHER, "RC2"},
	{"EVP_rc4", M_PREFIX, K_CIPHER, "RC4"},
	{"RC2_set_key", M_EXACT, K_CIPHER, "RC2"},
	{"RC4_set_key", M_EXACT, K_CIPHER, "RC4"},
	/* mbed TLS */
	{"mbedtls_md4", M_EXACT, K_HASH, "MD4"},
	{"mbedtls_md4_ret", M_EXACT, K_HASH, "MD4"},
	{"mbedtls_md4_starts", M_PREFIX, K_HASH, "MD4"},
	{"mbedtls_md5", M_EXACT, K_HASH, "MD5"},
	{"mbedtls_md5_ret", M_EXACT, K_HASH, "MD5"},
	{"mbedtls_md5_starts", M_PREFIX, K_HASH, "MD5"},
	{"mbedtls_sha1", M_EXACT, K_HASH, "SHA-1"},
	{"mbedtls_sha1_ret", M_EXACT, K_HASH, "SHA-1"},
	{"mbedtls_sha1_starts", M_PREFIX, K_HASH, "SHA-1"},
	{"mbedtls_des_setkey", M_PREFIX, K_CIPHER, "DES"},
	{"mbedtls_des3_set", M_PREFIX, K_CIPHER, "3DES"},
	{"mbedtls_arc4_setup", M_EXACT, K_CIPHER, "RC4"},
	/* wolfCrypt native API */
	{"wc_InitMd5", M_PREFIX, K_HASH, "MD5"},
	{"wc_Md5Hash", M_EXACT, K_HASH, "MD5"},
	{"wc_InitMd4", M_EXACT, K_HASH, "MD4"},
	{"wc_InitSha", M_EXACT, K_HASH, "SHA-1"},
	{"wc_InitSha_ex", M_EXACT, K_HASH, "SHA-1"},
	{"wc_ShaHash", M_EXACT, K_HASH, "SHA-1"},
	{"wc_Des_SetKey", M_EXACT, K_CIPHER, "DES"},
	{"wc_Des3_SetKey", M_EXACT, K_CIPHER, "3DES"},
	{"wc_Arc4SetKey", M_EXACT, K_CIPHER, "RC4"},
};

/* Obsolete protocol method constructors: <base>_method, <base>_client_method, <base>_server_method. */
static const struct {
	const char *base;
	const char *proto;
} proto_methods[] = {
	{"SSLv2", "SSL 2.0"},        {"SSLv3", "SSL 3.0"},          {"TLSv1", "TLS 1.0"},
	{"TLSv1_1", "TLS 1.1"},      {"DTLSv1", "DTLS 1.0"},        {"wolfSSLv3", "SSL 3.0"},
	{"wolfTLSv1", "TLS 1.0"},    {"wolfTLSv1_1", "TLS 1.1"},    {"wolfDTLSv1", "DTLS 1.0"},
};

/* Calls whose digest argument is used as HMAC/KDF/OAEP building block, where SHA-1 and MD5 are not broken. */
static const char *const keyed_md_users[] = {
	"HMAC", "HMAC_Init", "HMAC_Init_ex", "PKCS5_PBKDF2_HMAC", "EVP_PKEY_CTX_set_rsa_oaep_md",
	"EVP_PKEY_CTX_set_rsa_mgf1_md", "RSA_padding_add_PKCS1_OAEP_mgf1", "RSA_padding_check_PKCS1_OAEP_mgf1",
	"EVP_PKEY_CTX_set_hkdf_md", "EVP_PKEY_CTX_set_tls1_prf_md", NULL,
};

static const char *proto_name(long long v)
{
	switch (v) {
	case 0x0002: return "SSL 2.0";
	case 0x0300: return "SSL 3.0";
	case 0x0301: return "TLS 1.0";
	case 0x0302: return "TLS 1.1";
	case 0xFEFF: return "DTLS 1.0";
	case 0x0100: return "DTLS 1.0 (pre-standard)";
	default: return NULL;
	}
}

static void report_kind(cvet_tu *tu, CXCursor at, const char *api, kind k, const char *alg)
{
	switch (k) {
	case K_HASH:
		cvet_tu_report(tu, &cvet_check_weak_crypto, at,
			       "'%s' uses %s, a broken hash function; use SHA-256 or SHA-3 "
			       "(for passwords: Argon2, scrypt or PBKDF2)",
			       api, alg);
		break;
	case K_CIPHER:
		cvet_tu_report(tu, &cvet_check_weak_crypto, at,
			       "'%s' uses %s, a weak cipher; use AES-GCM or ChaCha20-Poly1305", api, alg);
		break;
	case K_ECB:
		cvet_tu_report(tu, &cvet_check_weak_crypto, at,
			       "'%s' uses ECB mode, which shows patterns of the plaintext; use AES-GCM or "
			       "ChaCha20-Poly1305",
			       api);
		break;
	case K_PROTO:
		cvet_tu_report(tu, &cvet_check_weak_crypto, at,
			       "'%s' allows %s, an obsolete protocol version; use 'TLS_method' (or "
			       "'TLS_client_method') with a minimum of TLS 1.2",
			       api, alg);
		break;
	}
}

/* 1 when the call is an argument of an HMAC/KDF API (its parent in the walk is that call). */
static int used_as_keyed_md(const cvet_event *ev)
{
	char *pname;
	int yes;
	if (ev->parent.kind != CXCursor_CallExpr)
		return 0;
	pname = cx_spelling(ev->parent);
	yes = pname && cvet_calls__name_in(pname, keyed_md_users);
	free(pname);
	return yes;
}

/* Classify an algorithm name given to EVP_*_fetch / EVP_get_*byname; 0 when it is fine. */
static kind classify_name(const char *s, int digest, const char **alg)
{
	size_t n = strlen(s);
	if (digest) {
		static const char *const weak_md[] = {"MD2", "MD4", "MD5", "SHA1", "SHA-1", "SHA", "MD5-SHA1",
						      "ssl3-md5", "ssl3-sha1", NULL};
		for (size_t i = 0; weak_md[i]; i++)
			if (strcasecmp(s, weak_md[i]) == 0) {
				*alg = weak_md[i];
				return K_HASH;
			}
		return 0;
	}
	if (n >= 4 && strcasecmp(s + n - 4, "-ECB") == 0) {
		*alg = "ECB";
		return K_ECB;
	}
	if (cvet_names__starts_nocase(s, "DES")) {
		*alg = cvet_names__starts_nocase(s, "DES-EDE") || cvet_names__starts_nocase(s, "DES3") ? "3DES" : "DES";
		return K_CIPHER;
	}
	if (cvet_names__starts_nocase(s, "RC4")) {
		*alg = "RC4";
		return K_CIPHER;
	}
	if (cvet_names__starts_nocase(s, "RC2")) {
		*alg = "RC2";
		return K_CIPHER;
	}
	return 0;
}

/* EVP_MD_fetch / EVP_CIPHER_fetch / EVP_get_digestbyname / EVP_get_cipherbyname with a literal name. */
static int check_by_name(cvet_tu *tu, const cvet_event *ev)
{
	const char *name = ev->call->name;
	unsigned arg;
	int digest;
	char *s = NULL;
	const char *alg = NULL;
	kind k;
	if (strcmp(name, "EVP_MD_fetch") == 0)
		arg = 1, digest = 1;
	else if (strcmp(name, "EVP_CIPHER_fetch") == 0)
		arg = 1, digest = 0;
	else if (strcmp(name, "EVP_get_digestbyname") == 0)
		arg = 0, digest = 1;
	else if (strcmp(name, "EVP_get_cipherbyname") == 0)
		arg = 0, digest = 0;
	else
		return 0;
	if (cvet_calls__arg_string(ev, arg, &s) && s && (k = classify_name(s, digest, &alg)) != 0) {
		char *shown = cvet_text__shorten(s, 40);
		char api[160];
		snprintf(api, sizeof api, "%s(\"%s\")", name, shown ? shown : "?");
		report_kind(tu, cvet_calls__arg(ev, arg), api, k, alg);
		free(shown);
	}
	free(s);
	return 1;
}

/* libgcrypt and GnuTLS select algorithms by enum value. */
static int check_enum_apis(cvet_tu *tu, const cvet_event *ev)
{
	const char *name = ev->call->name;
	long long v, mode;
	int md_arg = -1, gnutls_md_arg = -1;
	if (strcmp(name, "gcry_md_open") == 0 || strcmp(name, "gcry_md_enable") == 0)
		md_arg = 1;
	else if (strcmp(name, "gcry_md_hash_buffer") == 0 || strcmp(name, "gcry_md_hash_buffers") == 0)
		md_arg = 0;
	else if (strcmp(name, "gnutls_hash_init") == 0 || strcmp(name, "gnutls_hmac_init") == 0)
		gnutls_md_arg = strcmp(name, "gnutls_hash_init") == 0 ? 1 : -1;
	else if (strcmp(name, "gnutls_hash_fast") == 0)
		gnutls_md_arg = 0;
	if (md_arg >= 0) {
		/* GCRY_MD_MD5 = 1, GCRY_MD_SHA1 = 2, GCRY_MD_MD2 = 5, GCRY_MD_MD4 = 301 */
		if (cvet_calls__arg_int(ev, (unsigned)md_arg, &v)) {
			const char *alg = v == 1 ? "MD5" : v == 2 ? "SHA-1" : v == 5 ? "MD2" : v == 301 ? "MD4" : NULL;
			if (alg)
				report_kind(tu, cvet_calls__arg(ev, (unsigned)md_arg), name, K_HASH, alg);
		}
		return 1;
	}
	if (gnutls_md_arg >= 0) {
		/* GNUTLS_DIG_MD5 = 2, GNUTLS_DIG_SHA1 = 3, GNUTLS_DIG_MD2 = 5 */
		if (cvet_calls__arg_int(ev, (unsigned)gnutls_md_arg, &v)) {
			const char *alg = v == 2 ? "MD5" : v == 3 ? "SHA-1" : v == 5 ? "MD2" : NULL;
			if (alg)
				report_kind(tu, cvet_calls__arg(ev, (unsigned)gnutls_md_arg), name, K_HASH, alg);
		}
		return 1;
	}
	if (strcmp(name, "gcry_cipher_open") == 0 && ev->call->nargs >= 3) {
		/* GCRY_CIPHER_3DES = 2, ARCFOUR = 301, DES = 302, RFC2268_40/128 (RC2) = 307/308; MODE_ECB = 1 */
		if (cvet_calls__arg_int(ev, 1, &v)) {
			const char *alg = v == 2 ? "3DES" : v == 301 ? "RC4" : v == 302 ? "DES" : (v == 307 || v == 308) ? "RC2" : NULL;
			if (alg) {
				report_kind(tu, cvet_calls__arg(ev, 1), name, K_CIPHER, alg);
				return 1;
			}
		}
		if (cvet_calls__arg_int(ev, 2, &mode) && mode == 1)
			report_kind(tu, cvet_calls__arg(ev, 2), name, K_ECB, "ECB");
		return 1;
	}
	if (strcmp(name, "gnutls_cipher_init") == 0 && ev->call->nargs >= 2) {
		/* GNUTLS_CIPHER_ARCFOUR_128 = 2, 3DES_CBC = 3, ARCFOUR_40 = 6, RC2_40_CBC = 17, DES_CBC = 18 */
		if (cvet_calls__arg_int(ev, 1, &v)) {
			const char *alg = (v == 2 || v == 6) ? "RC4" : v == 3 ? "3DES" : v == 17 ? "RC2" : v == 18 ? "DES" : NULL;
			if (alg)
				report_kind(tu, cvet_calls__arg(ev, 1), name, K_CIPHER, alg);
		}
		return 1;
	}
	return 0;
}

/* SSL_CTX_set_min/max_proto_version (functions, or the OpenSSL macros over SSL_CTX_ctrl / SSL_ctrl). */
static int check_proto_version(cvet_tu *tu, const cvet_event *ev)
{
	const char *name = ev->call->name;
	unsigned varg;
	int is_max;
	long long v;
	const char *proto;
	char *macro = NULL;
	if (strcmp(name, "SSL_CTX_set_min_proto_version") == 0 || strcmp(name, "SSL_set_min_proto_version") == 0)
		varg = 1, is_max = 0;
	else if (strcmp(name, "SSL_CTX_set_max_proto_version") == 0 || strcmp(name, "SSL_set_max_proto_version") == 0)
		varg = 1, is_max = 1;
	else if (strcmp(name, "SSL_CTX_ctrl") == 0 || strcmp(name, "SSL_ctrl") == 0) {
		long long cmd; /* SSL_CTRL_SET_MIN_PROTO_VERSION = 123, SSL_CTRL_SET_MAX_PROTO_VERSION = 124 */
		if (!cvet_calls__arg_int(ev, 1, &cmd) || (cmd != 123 && cmd != 124))
			return strcmp(name, "SSL_CTX_ctrl") == 0 || strcmp(name, "SSL_ctrl") == 0;
		varg = 2, is_max = cmd == 124;
		macro = cx_macro_name(tu, ev->call->expr);
	} else
		return 0;
	if (cvet_calls__arg_int(ev, varg, &v) && (proto = proto_name(v)) != NULL) {
		const char *api = macro ? macro : name;
		if (is_max)
			cvet_tu_report(tu, &cvet_check_weak_crypto, cvet_calls__arg(ev, varg),
				       "'%s' caps the protocol at %s, an obsolete version; allow TLS 1.2 and 1.3", api,
				       proto);
		else
			cvet_tu_report(tu, &cvet_check_weak_crypto, cvet_calls__arg(ev, varg),
				       "'%s' accepts %s, an obsolete protocol version; set the minimum to TLS1_2_VERSION",
				       api, proto);
	}
	free(macro);
	return 1;
}

static void on_call(cvet_tu *tu, void *state, const cvet_event *ev)
{
	const char *name = ev->call->name;
	(void)state;
	if (!cvet_calls__is_c_api(ev))
		return;
	for (size_t i = 0; i < sizeof(apis) / sizeof(apis[0]); i++) {
		const weak_api *a = &apis[i];
		int hit = a->how == M_EXACT ? strcmp(name, a->name) == 0 : cvet_names__starts(name, a->name);
		if (!hit)
			continue;
		if (cvet_names__ends(name, "_ecb") && a->k == K_CIPHER)
			break; /* EVP_des_ecb: the weak cipher is the headline, but say both */
		if (a->k == K_HASH && used_as_keyed_md(ev))
			return;
		report_kind(tu, ev->call->expr, name, a->k, a->alg);
		return;
	}
	if (cvet_names__starts(name, "EVP_") && cvet_names__ends(name, "_ecb")) {
		if (cvet_names__starts(name, "EVP_des") || cvet_names__starts(name, "EVP_rc2"))
			cvet_tu_report(tu, &cvet_check_weak_crypto, ev->call->expr,
				       "'%s' uses a weak cipher (%s) in ECB mode; use AES-GCM or ChaCha20-Poly1305", name,
				       cvet_names__starts(name, "EVP_rc2") ? "RC2"
				       : cvet_names__starts(name, "EVP_des_ede") ? "3DES" : "DES");
		else
			report_kind(tu, ev->call->expr, name, K_ECB, "ECB");
		return;
	}
	for (size_t i = 0; i < sizeof(proto_methods) / sizeof(proto_methods[0]); i++) {
		size_t bl = strlen(proto_methods[i].base);
		if (strncmp(name, proto_methods[i].base, bl) != 0)
			continue;
		if (strcmp(name + bl, "_method") == 0 || strcmp(name + bl, "_client_method") == 0 ||
		    strcmp(name + bl, "_server_method") == 0) {
			report_kind(tu, ev->call->expr, name, K_PROTO, proto_methods[i].proto);
			return;
		}
	}
	if (check_by_name(tu, ev) || check_enum_apis(tu, ev) || check_proto_version(tu, ev))
		return;
	if (strcmp(name, "crypt") == 0 && ev->call->nargs == 2) {
		char *salt = NULL;
		if (cvet_calls__arg_string(ev, 1, &salt) && salt && salt[0] != '$')
			cvet_tu_report(tu, &cvet_check_weak_crypto, ev->call->expr,
				       "'crypt' with a salt not starting with '$' uses the DES-based scheme (8-character "
				       "passwords, fast to brute-force); use a \"$y$\" (yescrypt) or \"$6$\" salt, "
				       "or Argon2/scrypt");
		free(salt);
	}
}

const cvet_check cvet_check_weak_crypto = {
	.rule = {.id = "weak-crypto",
		 .title = "Broken or weak cryptographic algorithm or protocol",
		 .severity = CVET_SEV_MEDIUM,
		 .cwe = {327, 328},
		 .precision = CVET_PRECISION_HIGH},
	.on_call = on_call,
};
