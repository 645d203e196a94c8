// Fixture for tls-verify-disabled (server side, C++): a TLS server that does not ask for client certificates
// uses SSL_VERIFY_NONE legitimately; methods and locals that merely share API names are not calls to them.
#include <cstddef>

extern "C" {
typedef struct ssl_ctx_st SSL_CTX;
typedef struct ssl_method_st SSL_METHOD;
typedef struct ssl_st SSL;
typedef struct x509_store_ctx_st X509_STORE_CTX;
typedef int (*SSL_verify_cb)(int preverify_ok, X509_STORE_CTX *x509_ctx);
const SSL_METHOD *TLS_server_method(void);
SSL_CTX *SSL_CTX_new(const SSL_METHOD *meth);
void SSL_CTX_set_verify(SSL_CTX *ctx, int mode, SSL_verify_cb callback);
int SSL_accept(SSL *ssl);
}
#define SSL_VERIFY_NONE 0x00

class TlsSettings {
public:
	void SSL_CTX_set_verify(SSL_CTX *, int mode, SSL_verify_cb) { mode_ = mode; }
	int mode() const { return mode_; }

private:
	int mode_ = 1;
};

SSL_CTX *server_ctx()
{
	SSL_CTX *ctx = SSL_CTX_new(TLS_server_method());
	::SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr); // ok: tls-verify-disabled
	return ctx;
}

void client_certs(SSL_CTX *ctx)
{
	// asking for client certificates and then accepting any of them
	::SSL_CTX_set_verify(ctx, 0x01 | 0x02, [](int, X509_STORE_CTX *) { return 1; }); // expect: tls-verify-disabled
	::SSL_CTX_set_verify(ctx, 0x01 | 0x02, [](int ok, X509_STORE_CTX *) { return ok; }); // ok: tls-verify-disabled
}

int serve(SSL *ssl, TlsSettings &settings)
{
	settings.SSL_CTX_set_verify(nullptr, 0, nullptr); // ok: tls-verify-disabled
	return SSL_accept(ssl);
}
