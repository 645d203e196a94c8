/* Fixture for tls-verify-disabled (client side): verification switched off in OpenSSL, curl, mbed TLS, GnuTLS.
 * The libraries are not installed here: declarations mirror their headers (names and values). */
#include <stddef.h>

typedef struct ssl_st SSL;
typedef struct ssl_ctx_st SSL_CTX;
typedef struct ssl_method_st SSL_METHOD;
typedef struct x509_store_ctx_st X509_STORE_CTX;
typedef int (*SSL_verify_cb)(int preverify_ok, X509_STORE_CTX *x509_ctx);
#define SSL_VERIFY_NONE 0x00
#define SSL_VERIFY_PEER 0x01
const SSL_METHOD *TLS_client_method(void);
SSL_CTX *SSL_CTX_new(const SSL_METHOD *meth);
void SSL_CTX_set_verify(SSL_CTX *ctx, int mode, SSL_verify_cb callback);
void SSL_set_verify(SSL *s, int mode, SSL_verify_cb callback);
int SSL_connect(SSL *ssl);

/* curl: older headers declare curl_easy_setopt as a plain function (values as in curl.h) */
typedef void CURL;
typedef enum {
	CURLOPT_URL = 10002,
	CURLOPT_SSL_VERIFYPEER = 64,
	CURLOPT_SSL_VERIFYHOST = 81,
	CURLOPT_PROXY_SSL_VERIFYPEER = 248,
	CURLOPT_TIMEOUT = 13
} CURLoption;
int curl_easy_setopt(CURL *curl, CURLoption option, ...);
/* newer curl wraps the call in a type-checking macro; a project wrapper macro is common too */
#define my_setopt(h, opt, val) curl_easy_setopt((h), (opt), (val))

/* mbed TLS (values as in ssl.h) */
typedef struct mbedtls_ssl_config mbedtls_ssl_config;
#define MBEDTLS_SSL_IS_CLIENT 0
#define MBEDTLS_SSL_VERIFY_NONE 0
#define MBEDTLS_SSL_VERIFY_OPTIONAL 1
#define MBEDTLS_SSL_VERIFY_REQUIRED 2
int mbedtls_ssl_config_defaults(mbedtls_ssl_config *conf, int endpoint, int transport, int preset);
void mbedtls_ssl_conf_authmode(mbedtls_ssl_config *conf, int authmode);

/* GnuTLS (values as in gnutls/x509.h) */
typedef struct gnutls_certificate_credentials_st *gnutls_certificate_credentials_t;
typedef enum {
	GNUTLS_VERIFY_DISABLE_CA_SIGN = 1 << 0,
	GNUTLS_VERIFY_DISABLE_TIME_CHECKS = 1 << 6,
	GNUTLS_VERIFY_DISABLE_CRL_CHECKS = 1 << 9,
	GNUTLS_VERIFY_ALLOW_UNSORTED_CHAIN = 1 << 10
} gnutls_certificate_verify_flags;
void gnutls_certificate_set_verify_flags(gnutls_certificate_credentials_t res, unsigned int flags);

static int accept_all(int preverify_ok, X509_STORE_CTX *ctx)
{
	(void)preverify_ok;
	(void)ctx;
	return 1;
}

static int log_and_keep(int preverify_ok, X509_STORE_CTX *ctx)
{
	(void)ctx;
	return preverify_ok;
}

SSL_CTX *client_ctx(int insecure, int mode)
{
	SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
	if (insecure)
		SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, NULL);     // expect: tls-verify-disabled
	SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, NULL);         // ok: tls-verify-disabled
	SSL_CTX_set_verify(ctx, mode, NULL);                    // ok: tls-verify-disabled
	SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, accept_all);   // expect: tls-verify-disabled
	SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, log_and_keep); // ok: tls-verify-disabled
	return ctx;
}

int connect_insecure(SSL *ssl)
{
	SSL_set_verify(ssl, 0, NULL); // expect: tls-verify-disabled
	return SSL_connect(ssl);
}

void fetch(CURL *h, long verify)
{
	curl_easy_setopt(h, CURLOPT_URL, "https://api.example.com/");
	curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 0L);         // expect: tls-verify-disabled
	curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 0L);         // expect: tls-verify-disabled
	curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);         // ok: tls-verify-disabled
	curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);         // ok: tls-verify-disabled
	curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, verify);     // ok: tls-verify-disabled
	curl_easy_setopt(h, CURLOPT_TIMEOUT, 0L);                // ok: tls-verify-disabled
	my_setopt(h, CURLOPT_PROXY_SSL_VERIFYPEER, 0L);          // expect: tls-verify-disabled
}

void mbed_client(mbedtls_ssl_config *conf, int optional_mode)
{
	mbedtls_ssl_config_defaults(conf, MBEDTLS_SSL_IS_CLIENT, 0, 0);
	mbedtls_ssl_conf_authmode(conf, MBEDTLS_SSL_VERIFY_NONE);     // expect: tls-verify-disabled
	mbedtls_ssl_conf_authmode(conf, MBEDTLS_SSL_VERIFY_OPTIONAL); // expect: tls-verify-disabled
	mbedtls_ssl_conf_authmode(conf, MBEDTLS_SSL_VERIFY_REQUIRED); // ok: tls-verify-disabled
	mbedtls_ssl_conf_authmode(conf, optional_mode);               // ok: tls-verify-disabled
}

void gnutls_flags(gnutls_certificate_credentials_t cred)
{
	gnutls_certificate_set_verify_flags(cred, GNUTLS_VERIFY_DISABLE_CA_SIGN | GNUTLS_VERIFY_DISABLE_TIME_CHECKS); // expect: tls-verify-disabled
	gnutls_certificate_set_verify_flags(cred, GNUTLS_VERIFY_ALLOW_UNSORTED_CHAIN); // ok: tls-verify-disabled
}

/* curl's typecheck-gcc.h: curl_easy_setopt becomes a statement-expression macro that copies the option into a
 * local before calling the function */
#define curl_easy_setopt(handle, option, value)                                   \
	__extension__({                                                           \
		CURLoption curl_opt = (option);                                   \
		curl_easy_setopt(handle, curl_opt, value);                        \
	})

void fetch_typechecked(CURL *h)
{
	curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 0L); // expect: tls-verify-disabled
	curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L); // ok: tls-verify-disabled
}
