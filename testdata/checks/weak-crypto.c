/* Fixture for weak-crypto: broken hashes, weak ciphers, ECB, obsolete TLS versions, DES crypt().
 * OpenSSL/mbed TLS/libgcrypt/GnuTLS are not installed here: the few declarations needed mirror their headers. */
#include <crypt.h>
#include <stddef.h>

typedef struct evp_md_st EVP_MD;
typedef struct evp_cipher_st EVP_CIPHER;
typedef struct ssl_method_st SSL_METHOD;
typedef struct ssl_ctx_st SSL_CTX;
typedef struct ossl_lib_ctx_st OSSL_LIB_CTX;
typedef struct MD5state_st { unsigned int A, B, C, D; } MD5_CTX;
typedef struct SHAstate_st { unsigned int h[5]; } SHA_CTX;
typedef unsigned char DES_cblock[8];
typedef struct DES_ks { unsigned int ks[32]; } DES_key_schedule;

int MD5_Init(MD5_CTX *c);
int MD5_Update(MD5_CTX *c, const void *data, size_t len);
int MD5_Final(unsigned char *md, MD5_CTX *c);
unsigned char *SHA1(const unsigned char *d, size_t n, unsigned char *md);
unsigned char *SHA256(const unsigned char *d, size_t n, unsigned char *md);
const EVP_MD *EVP_md5(void);
const EVP_MD *EVP_sha1(void);
const EVP_MD *EVP_sha256(void);
const EVP_CIPHER *EVP_des_ede3_cbc(void);
const EVP_CIPHER *EVP_rc4(void);
const EVP_CIPHER *EVP_aes_128_ecb(void);
const EVP_CIPHER *EVP_aes_256_gcm(void);
const EVP_CIPHER *EVP_chacha20_poly1305(void);
int DES_set_key_checked(const DES_cblock *key, DES_key_schedule *schedule);
EVP_MD *EVP_MD_fetch(OSSL_LIB_CTX *ctx, const char *algorithm, const char *properties);
EVP_CIPHER *EVP_CIPHER_fetch(OSSL_LIB_CTX *ctx, const char *algorithm, const char *properties);
const SSL_METHOD *TLSv1_method(void);
const SSL_METHOD *SSLv3_client_method(void);
const SSL_METHOD *TLS_client_method(void);
const SSL_METHOD *SSLv23_method(void);
SSL_CTX *SSL_CTX_new(const SSL_METHOD *meth);
long SSL_CTX_ctrl(SSL_CTX *ctx, int cmd, long larg, void *parg);
unsigned char *HMAC(const EVP_MD *evp_md, const void *key, int key_len, const unsigned char *d, size_t n,
		    unsigned char *md, unsigned int *md_len);
#define SSL3_VERSION 0x0300
#define TLS1_VERSION 0x0301
#define TLS1_1_VERSION 0x0302
#define TLS1_2_VERSION 0x0303
#define SSL_CTRL_SET_MIN_PROTO_VERSION 123
#define SSL_CTRL_SET_MAX_PROTO_VERSION 124
#define SSL_CTX_set_min_proto_version(ctx, version) SSL_CTX_ctrl(ctx, SSL_CTRL_SET_MIN_PROTO_VERSION, version, NULL)
#define SSL_CTX_set_max_proto_version(ctx, version) SSL_CTX_ctrl(ctx, SSL_CTRL_SET_MAX_PROTO_VERSION, version, NULL)

/* mbed TLS */
typedef struct mbedtls_md5_context { unsigned int state[4]; } mbedtls_md5_context;
void mbedtls_md5_init(mbedtls_md5_context *ctx);
int mbedtls_md5_starts(mbedtls_md5_context *ctx);
int mbedtls_md5_update(mbedtls_md5_context *ctx, const unsigned char *input, size_t ilen);

/* libgcrypt (values as in gcrypt.h) */
typedef struct gcry_md_handle *gcry_md_hd_t;
typedef struct gcry_cipher_handle *gcry_cipher_hd_t;
enum gcry_md_algos { GCRY_MD_MD5 = 1, GCRY_MD_SHA1 = 2, GCRY_MD_SHA256 = 8 };
enum gcry_cipher_algos { GCRY_CIPHER_3DES = 2, GCRY_CIPHER_AES256 = 9 };
enum gcry_cipher_modes { GCRY_CIPHER_MODE_ECB = 1, GCRY_CIPHER_MODE_GCM = 9 };
unsigned int gcry_md_open(gcry_md_hd_t *h, int algo, unsigned int flags);
unsigned int gcry_cipher_open(gcry_cipher_hd_t *h, int algo, int mode, unsigned int flags);

struct digest_table {
	const char *name;
	const EVP_MD *(*md)(void);
};

void hash_legacy(const unsigned char *data, size_t n, unsigned char out[64])
{
	MD5_CTX c;
	MD5_Init(&c);                     // expect: weak-crypto
	MD5_Update(&c, data, n);          // ok: weak-crypto (one finding per use, at the Init)
	MD5_Final(out, &c);               // ok: weak-crypto
	SHA1(data, n, out);               // expect: weak-crypto
	SHA256(data, n, out);             // ok: weak-crypto
}

const EVP_MD *pick_digest(int legacy)
{
	return legacy ? EVP_md5() : EVP_sha256(); // expect: weak-crypto
}

const EVP_CIPHER *pick_cipher(int which)
{
	switch (which) {
	case 0:
		return EVP_des_ede3_cbc();  // expect: weak-crypto
	case 1:
		return EVP_rc4();           // expect: weak-crypto
	case 2:
		return EVP_aes_128_ecb();   // expect: weak-crypto
	case 3:
		return EVP_chacha20_poly1305(); // ok: weak-crypto
	default:
		return EVP_aes_256_gcm();   // ok: weak-crypto
	}
}

int old_des(const DES_cblock *key, DES_key_schedule *ks)
{
	return DES_set_key_checked(key, ks); // expect: weak-crypto
}

void fetch_by_name(OSSL_LIB_CTX *lib, const char *configured)
{
	EVP_MD_fetch(lib, "MD5", NULL);              // expect: weak-crypto
	EVP_MD_fetch(lib, "SHA2-256", NULL);         // ok: weak-crypto
	EVP_CIPHER_fetch(lib, "DES-EDE3-CBC", NULL); // expect: weak-crypto
	EVP_CIPHER_fetch(lib, "AES-256-ECB", NULL);  // expect: weak-crypto
	EVP_CIPHER_fetch(lib, "AES-256-GCM", NULL);  // ok: weak-crypto
	EVP_CIPHER_fetch(lib, configured, NULL);     // ok: weak-crypto
}

SSL_CTX *make_ctx(int legacy)
{
	SSL_CTX *ctx;
	if (legacy)
		return SSL_CTX_new(TLSv1_method());           // expect: weak-crypto
	ctx = SSL_CTX_new(TLS_client_method());           // ok: weak-crypto
	SSL_CTX_set_min_proto_version(ctx, TLS1_VERSION);   // expect: weak-crypto
	SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION); // ok: weak-crypto
	SSL_CTX_set_max_proto_version(ctx, TLS1_1_VERSION); // expect: weak-crypto
	return ctx;
}

SSL_CTX *make_ctx_compat(void)
{
	SSL_CTX *a = SSL_CTX_new(SSLv23_method()); // ok: weak-crypto
	SSL_CTX *b = SSL_CTX_new(SSLv3_client_method()); // expect: weak-crypto
	return a ? a : b;
}

unsigned char *mac(const void *key, int klen, const unsigned char *d, size_t n, unsigned char *md, unsigned int *ml)
{
	return HMAC(EVP_sha1(), key, klen, d, n, md, ml); // ok: weak-crypto (HMAC-SHA1 is not broken)
}

const char *old_password_hash(const char *pw, const char *configured_salt)
{
	crypt(pw, "$6$rounds=5000$abcdefgh$");  // ok: weak-crypto
	crypt(pw, configured_salt);             // ok: weak-crypto
	return crypt(pw, "ab");                 // expect: weak-crypto
}

void mbed_hash(const unsigned char *in, size_t n)
{
	mbedtls_md5_context c;
	mbedtls_md5_init(&c);          // ok: weak-crypto
	mbedtls_md5_starts(&c);        // expect: weak-crypto
	mbedtls_md5_update(&c, in, n); // ok: weak-crypto
}

void gcrypt_use(void)
{
	gcry_md_hd_t h;
	gcry_cipher_hd_t c;
	gcry_md_open(&h, GCRY_MD_SHA1, 0);                             // expect: weak-crypto
	gcry_md_open(&h, GCRY_MD_SHA256, 0);                           // ok: weak-crypto
	gcry_cipher_open(&c, GCRY_CIPHER_AES256, GCRY_CIPHER_MODE_ECB, 0); // expect: weak-crypto
	gcry_cipher_open(&c, GCRY_CIPHER_AES256, GCRY_CIPHER_MODE_GCM, 0); // ok: weak-crypto
	gcry_cipher_open(&c, GCRY_CIPHER_3DES, GCRY_CIPHER_MODE_GCM, 0);   // expect: weak-crypto
}

/* a variable that merely has an algorithm's name is not a use of it */
int MD5_used = 0;
int count_uses(void)
{
	int SHA1_count = MD5_used; // ok: weak-crypto
	return SHA1_count;
}
