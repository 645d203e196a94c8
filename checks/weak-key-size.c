/* weak-key-size.c - RSA/DSA/DH keys and parameters under 2048 bits, elliptic curves under 224 bits (CWE-326) */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "code/check.h"
#include "code/cx.h"
#include "lib/calls.h"

extern const cvet_check cvet_check_weak_key_size;

#define MIN_BITS 2048

typedef struct keygen_api {
	const char *name;
	unsigned nargs_min;
	unsigned bits_arg; /* index of the key/prime size in bits */
	const char *alg;   /* what the size is of */
} keygen_api;

static const keygen_api apis[] = {
	{"RSA_generate_key", 1, 0, "RSA key"},
	{"RSA_generate_key_ex", 2, 1, "RSA key"},
	{"RSA_generate_multi_prime_key", 2, 1, "RSA key"},
	{"EVP_PKEY_CTX_set_rsa_keygen_bits", 2, 1, "RSA key"},
	{"DH_generate_parameters", 1, 0, "DH prime"},
	{"DH_generate_parameters_ex", 2, 1, "DH prime"},
	{"EVP_PKEY_CTX_set_dh_paramgen_prime_len", 2, 1, "DH prime"},
	{"DSA_generate_parameters", 1, 0, "DSA key"},
	{"DSA_generate_parameters_ex", 2, 1, "DSA key"},
	{"EVP_PKEY_CTX_set_dsa_paramgen_bits", 2, 1, "DSA key"},
	{"mbedtls_rsa_gen_key", 4, 3, "RSA key"},
	{"gnutls_dh_params_generate2", 2, 1, "DH prime"},
	{"wc_MakeRsaKey", 2, 1, "RSA key"},
	{"wolfSSL_RSA_generate_key_ex", 2, 1, "RSA key"},
};

/* Elliptic curves with fewer than 224 bits, by OpenSSL NID. */
static const struct {
	long long nid;
	const char *name;
} small_nids[] = {
	{409, "prime192v1 (P-192)"}, {410, "prime192v2"}, {411, "prime192v3"}, {704, "secp112r1"},
	{705, "secp112r2"},          {706, "secp128r1"},  {707, "secp128r2"},  {708, "secp160k1"},
	{709, "secp160r1"},          {710, "secp160r2"},  {711, "secp192k1"},  {717, "sect113r1"},
	{718, "sect113r2"},          {719, "sect131r1"},  {720, "sect131r2"},  {721, "sect163k1"},
	{722, "sect163r1"},          {723, "sect163r2"},  {724, "sect193r1"},  {725, "sect193r2"},
};

/* Curve names (OpenSSL group names and aliases) under 224 bits. */
static const char *const small_curve_names[] = {
	"P-192", "prime192v1", "secp192r1", "prime192v2", "prime192v3", "secp192k1", "secp160k1", "secp160r1",
	"secp160r2", "secp112r1", "secp112r2", "secp128r1", "secp128r2", "sect113r1", "sect113r2", "sect131r1",
	"sect131r2", "sect163k1", "sect163r1", "sect163r2", "sect193r1", "sect193r2", "B-163", "K-163",
	"brainpoolP160r1", "brainpoolP160t1", "brainpoolP192r1", "brainpoolP192t1", NULL,
};

static void report_bits(cvet_tu *tu, CXCursor at, const char *api, const char *alg, long long bits)
{
	cvet_tu_report(tu, &cvet_check_weak_key_size, at,
		       "'%s' asks for a %lld-bit %s, which is breakable; use at least %d bits "
		       "(3072 for protection beyond 2030)",
		       api, bits, alg, MIN_BITS);
}

static void report_curve(cvet_tu *tu, CXCursor at, const char *api, const char *curve)
{
	cvet_tu_report(tu, &cvet_check_weak_key_size, at,
		       "'%s' selects the elliptic curve %s, smaller than 224 bits; use P-256, P-384 or X25519/Ed25519",
		       api, curve);
}

static int small_curve_name(const char *s)
{
	for (size_t i = 0; small_curve_names[i]; i++)
		if (strcasecmp(s, small_curve_names[i]) == 0)
			return 1;
	return 0;
}

static void check_curve_nid(cvet_tu *tu, const cvet_event *ev, unsigned i)
{
	long long nid;
	if (!cvet_calls__arg_int(ev, i, &nid))
		return;
	for (size_t k = 0; k < sizeof(small_nids) / sizeof(small_nids[0]); k++)
		if (small_nids[k].nid == nid) {
			report_curve(tu, cvet_calls__arg(ev, i), ev->call->name, small_nids[k].name);
			return;
		}
}

static void check_curve_name(cvet_tu *tu, const cvet_event *ev, unsigned i)
{
	char *s = NULL;
	if (cvet_calls__arg_string(ev, i, &s) && s && small_curve_name(s))
		report_curve(tu, cvet_calls__arg(ev, i), ev->call->name, s);
	free(s);
}

static void on_call(cvet_tu *tu, void *state, const cvet_event *ev)
{
	const char *name = ev->call->name;
	long long bits;
	(void)state;
	if (!cvet_calls__is_c_api(ev))
		return;
	for (size_t i = 0; i < sizeof(apis) / sizeof(apis[0]); i++) {
		const keygen_api *a = &apis[i];
		if (strcmp(name, a->name) != 0)
			continue;
		if (ev->call->nargs < a->nargs_min)
			return;
		if (cvet_calls__arg_int(ev, a->bits_arg, &bits) && bits > 0 && bits < MIN_BITS)
			report_bits(tu, cvet_calls__arg(ev, a->bits_arg), name, a->alg, bits);
		return;
	}
	if (strcmp(name, "gnutls_x509_privkey_generate") == 0 || strcmp(name, "gnutls_x509_privkey_generate2") == 0 ||
	    strcmp(name, "gnutls_privkey_generate") == 0 || strcmp(name, "gnutls_privkey_generate2") == 0) {
		long long alg; /* GNUTLS_PK_RSA = 1, GNUTLS_PK_DSA = 2; EC sizes are curve-encoded */
		if (ev->call->nargs < 3 || !cvet_calls__arg_int(ev, 1, &alg) || (alg != 1 && alg != 2))
			return;
		if (cvet_calls__arg_int(ev, 2, &bits) && bits > 0 && bits < MIN_BITS)
			report_bits(tu, cvet_calls__arg(ev, 2), name, alg == 1 ? "RSA key" : "DSA key", bits);
		return;
	}
	if (strcmp(name, "EVP_PKEY_Q_keygen") == 0 && ev->call->nargs >= 4) {
		/* EVP_RSA_gen(bits) expands to EVP_PKEY_Q_keygen(NULL, NULL, "RSA", (size_t)(0 + (bits))) */
		char *type = NULL;
		if (cvet_calls__arg_string(ev, 2, &type) && type) {
			if (strcmp(type, "RSA") == 0 && cvet_calls__arg_int(ev, 3, &bits) && bits > 0 &&
			    bits < MIN_BITS)
				report_bits(tu, cvet_calls__arg(ev, 3), name, "RSA key", bits);
			else if (strcmp(type, "EC") == 0)
				check_curve_name(tu, ev, 3);
		}
		free(type);
		return;
	}
	if ((strcmp(name, "EC_KEY_new_by_curve_name") == 0 || strcmp(name, "EC_GROUP_new_by_curve_name") == 0) &&
	    ev->call->nargs == 1) {
		check_curve_nid(tu, ev, 0);
		return;
	}
	if (strcmp(name, "EVP_PKEY_CTX_set_ec_paramgen_curve_nid") == 0 && ev->call->nargs == 2) {
		check_curve_nid(tu, ev, 1);
		return;
	}
	if ((strcmp(name, "EC_GROUP_new_by_curve_name_ex") == 0 || strcmp(name, "EC_KEY_new_by_curve_name_ex") == 0) &&
	    ev->call->nargs == 3) {
		check_curve_nid(tu, ev, 2);
		return;
	}
	if (strcmp(name, "EVP_PKEY_CTX_set_group_name") == 0 && ev->call->nargs == 2) {
		check_curve_name(tu, ev, 1);
		return;
	}
	if (strcmp(name, "mbedtls_ecp_group_load") == 0 && ev->call->nargs == 2) {
		long long id; /* MBEDTLS_ECP_DP_SECP192R1 = 1, MBEDTLS_ECP_DP_SECP192K1 = 10 */
		if (cvet_calls__arg_int(ev, 1, &id) && (id == 1 || id == 10))
			report_curve(tu, cvet_calls__arg(ev, 1), name, id == 1 ? "secp192r1" : "secp192k1");
	}
}

const cvet_check cvet_check_weak_key_size = {
	.rule = {.id = "weak-key-size",
		 .title = "Cryptographic key or parameters too small",
		 .severity = CVET_SEV_MEDIUM,
		 .cwe = {326},
		 .precision = CVET_PRECISION_HIGH},
	.on_call = on_call,
};
