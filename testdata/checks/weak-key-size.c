/* Fixture for weak-key-size: RSA/DSA/DH sizes under 2048 bits and elliptic curves under 224 bits.
 * Declarations mirror OpenSSL, mbed TLS and GnuTLS headers (not installed here). */
#include <stddef.h>

typedef struct rsa_st RSA;
typedef struct dh_st DH;
typedef struct dsa_st DSA;
typedef struct bignum_st BIGNUM;
typedef struct bn_gencb_st BN_GENCB;
typedef struct evp_pkey_ctx_st EVP_PKEY_CTX;
typedef struct evp_pkey_st EVP_PKEY;
typedef struct ec_key_st EC_KEY;
typedef struct ossl_lib_ctx_st OSSL_LIB_CTX;
typedef struct gnutls_x509_privkey_int *gnutls_x509_privkey_t;
typedef struct mbedtls_rsa_context mbedtls_rsa_context;

int RSA_generate_key_ex(RSA *rsa, int bits, BIGNUM *e, BN_GENCB *cb);
RSA *RSA_generate_key(int bits, unsigned long e, void (*callback)(int, int, void *), void *cb_arg);
int EVP_PKEY_CTX_set_rsa_keygen_bits(EVP_PKEY_CTX *ctx, int bits);
int DH_generate_parameters_ex(DH *dh, int prime_len, int generator, BN_GENCB *cb);
int DSA_generate_parameters_ex(DSA *dsa, int bits, const unsigned char *seed, int seed_len, int *counter_ret,
			       unsigned long *h_ret, BN_GENCB *cb);
EVP_PKEY *EVP_PKEY_Q_keygen(OSSL_LIB_CTX *libctx, const char *propq, const char *type, ...);
#define EVP_RSA_gen(bits) EVP_PKEY_Q_keygen(NULL, NULL, "RSA", (size_t)(0 + (bits)))
EC_KEY *EC_KEY_new_by_curve_name(int nid);
int EVP_PKEY_CTX_set_group_name(EVP_PKEY_CTX *ctx, const char *name);
#define NID_X9_62_prime192v1 409
#define NID_X9_62_prime256v1 415
#define NID_secp384r1 715
#define RSA_F4 0x10001L
int mbedtls_rsa_gen_key(mbedtls_rsa_context *ctx, int (*f_rng)(void *, unsigned char *, size_t), void *p_rng,
			unsigned int nbits, int exponent);
typedef enum { GNUTLS_PK_UNKNOWN = 0, GNUTLS_PK_RSA = 1, GNUTLS_PK_DSA = 2, GNUTLS_PK_EC = 4 } gnutls_pk_algorithm_t;
int gnutls_x509_privkey_generate(gnutls_x509_privkey_t key, gnutls_pk_algorithm_t algo, unsigned int bits,
				 unsigned int flags);

#define LEGACY_BITS 1024
enum { KEY_BITS = 3072 };

int make_keys(RSA *rsa, BIGNUM *e, EVP_PKEY_CTX *ctx, int configured_bits)
{
	RSA_generate_key_ex(rsa, 1024, e, NULL);              // expect: weak-key-size
	RSA_generate_key_ex(rsa, LEGACY_BITS, e, NULL);       // expect: weak-key-size
	RSA_generate_key_ex(rsa, 2048, e, NULL);              // ok: weak-key-size
	RSA_generate_key_ex(rsa, KEY_BITS, e, NULL);          // ok: weak-key-size
	RSA_generate_key_ex(rsa, configured_bits, e, NULL);   // ok: weak-key-size
	RSA_generate_key(512, RSA_F4, NULL, NULL);            // expect: weak-key-size
	EVP_PKEY_CTX_set_rsa_keygen_bits(ctx, 1536);          // expect: weak-key-size
	EVP_PKEY_CTX_set_rsa_keygen_bits(ctx, 4096);          // ok: weak-key-size
	return 0;
}

EVP_PKEY *quick(void)
{
	EVP_PKEY *a = EVP_RSA_gen(1024); // expect: weak-key-size
	EVP_PKEY *b = EVP_RSA_gen(3072); // ok: weak-key-size
	return a ? a : b;
}

int make_params(DH *dh, DSA *dsa)
{
	DH_generate_parameters_ex(dh, 1024, 2, NULL);                      // expect: weak-key-size
	DH_generate_parameters_ex(dh, 2048, 2, NULL);                      // ok: weak-key-size
	DSA_generate_parameters_ex(dsa, 1024, NULL, 0, NULL, NULL, NULL);  // expect: weak-key-size
	return DSA_generate_parameters_ex(dsa, 2048, NULL, 0, NULL, NULL, NULL); // ok: weak-key-size
}

EC_KEY *curves(EVP_PKEY_CTX *ctx)
{
	EC_KEY *small = EC_KEY_new_by_curve_name(NID_X9_62_prime192v1); // expect: weak-key-size
	EC_KEY *ok = EC_KEY_new_by_curve_name(NID_X9_62_prime256v1);    // ok: weak-key-size
	EVP_PKEY_CTX_set_group_name(ctx, "secp160r1");                  // expect: weak-key-size
	EVP_PKEY_CTX_set_group_name(ctx, "P-384");                      // ok: weak-key-size
	return small ? small : ok;
}

int other_libs(mbedtls_rsa_context *m, gnutls_x509_privkey_t k, int (*rng)(void *, unsigned char *, size_t))
{
	mbedtls_rsa_gen_key(m, rng, NULL, 1024, 65537);             // expect: weak-key-size
	mbedtls_rsa_gen_key(m, rng, NULL, 3072, 65537);             // ok: weak-key-size
	gnutls_x509_privkey_generate(k, GNUTLS_PK_RSA, 1024, 0);    // expect: weak-key-size
	return gnutls_x509_privkey_generate(k, GNUTLS_PK_EC, 256, 0); // ok: weak-key-size
}
