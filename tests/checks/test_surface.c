/* test_surface.c - unit tests of identifier words, secret redaction, network endpoints and no secret leaks */
#define _XOPEN_SOURCE 700 /* nftw */
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <clang-c/Index.h>
#include "code/check.h"
#include "cvet/report.h"
#include "test.h"
#include "code/walker.h"
#include "lib/names.h"
#include "lib/text.h"

extern const cvet_check cvet_check_bind_all_interfaces;
extern const cvet_check cvet_check_hardcoded_credential;
extern const cvet_check cvet_check_cleartext_url;
extern const cvet_check cvet_check_tls_verify_disabled;
extern const cvet_check cvet_check_weak_crypto;
extern const cvet_check cvet_check_weak_key_size;
extern const cvet_check cvet_check_toctou_race;
extern const cvet_check cvet_check_chroot_no_chdir;
extern const cvet_check cvet_check_privilege_drop_order;
extern const cvet_check cvet_check_privilege_drop_unchecked;
extern const cvet_check cvet_check_world_writable_permissions;

static const cvet_check *const group_b[] = {
	&cvet_check_bind_all_interfaces,   &cvet_check_hardcoded_credential,     &cvet_check_cleartext_url,
	&cvet_check_tls_verify_disabled,   &cvet_check_weak_crypto,              &cvet_check_weak_key_size,
	&cvet_check_toctou_race,           &cvet_check_chroot_no_chdir,          &cvet_check_privilege_drop_order,
	&cvet_check_privilege_drop_unchecked, &cvet_check_world_writable_permissions,
};
#define NGROUP (sizeof(group_b) / sizeof(group_b[0]))

static char tmp_root[PATH_MAX];

static int rm_entry(const char *p, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(p);
}

/* Write `text` to tmp_root/name and walk it with `checks`; the caller frees *out. Returns the walker's code. */
static int walk_text(const char *name, const char *text, const cvet_check *const *checks, size_t n, cvet_report **out)
{
	char path[PATH_MAX + 64];
	const char *roots[1] = {tmp_root};
	cvet_walk_options o;
	CXIndex idx;
	FILE *f;
	int rc;
	*out = NULL;
	snprintf(path, sizeof path, "%s/%s", tmp_root, name);
	f = fopen(path, "w");
	if (!f)
		return -1;
	fputs(text, f);
	fclose(f);
	memset(&o, 0, sizeof o);
	o.roots = roots;
	o.nroots = 1;
	o.report_root = tmp_root;
	if (cvet_report_new(out) < 0)
		return -1;
	idx = clang_createIndex(0, 0);
	rc = cvet__walk_file_with(idx, path, NULL, 0, NULL, &o, checks, n, *out);
	clang_disposeIndex(idx);
	return rc;
}

static size_t count_rule(const cvet_report *r, const char *rule)
{
	size_t n = 0;
	for (size_t i = 0; i < r->nfindings; i++)
		n += strcmp(r->findings[i]->rule_id, rule) == 0;
	return n;
}

static const cvet_endpoint *endpoint_at(const cvet_report *r, const char *api, unsigned line)
{
	for (size_t i = 0; i < r->nendpoints; i++)
		if (strcmp(r->endpoints[i]->api, api) == 0 && r->endpoints[i]->loc.line == line)
			return r->endpoints[i];
	return NULL;
}

static void test_surface__words_split_camel_and_snake(void)
{
	char w[8][32];
	size_t n = cvet_names__words("dbPassword_len", w, 8);
	T_ASSERT_INT(3, n);
	T_ASSERT_STR("db", w[0]);
	T_ASSERT_STR("password", w[1]);
	T_ASSERT_STR("len", w[2]);
	n = cvet_names__words("HTTPServerURL2", w, 8);
	T_ASSERT_INT(4, n);
	T_ASSERT_STR("http", w[0]);
	T_ASSERT_STR("server", w[1]);
	T_ASSERT_STR("url", w[2]);
	T_ASSERT_STR("2", w[3]);
	T_ASSERT_INT(0, cvet_names__words("__", w, 8));
	T_ASSERT_INT(2, cvet_names__words("a_b_c_d", w, 2)); /* stops at max */
}

static void test_surface__redact_shows_at_most_a_quarter(void)
{
	char *r = cvet_text__redact("hunter2db!", 4);
	T_ASSERT_STR("hu\xe2\x80\xa6", r);
	free(r);
	r = cvet_text__redact("AKIA" "Z7Q2M4N6P8R0T1V3", 4); /* split so that cvet's own scan sees no key */
	T_ASSERT_STR("AKIA\xe2\x80\xa6", r);
	free(r);
	r = cvet_text__redact("abc", 4);
	T_ASSERT_STR("\xe2\x80\xa6", r);
	free(r);
	r = cvet_text__redact("\"\\\x01x\"\\\x01x", 4); /* quotes and control characters never printed */
	T_ASSERT_STR("??\xe2\x80\xa6", r);
	free(r);
}

static void test_surface__shorten_keeps_utf8_whole(void)
{
	char *s = cvet_text__shorten("ab\xc3\xa9z", 3); /* cut inside the 2-byte e-acute */
	T_ASSERT_STR("ab...", s);
	free(s);
	s = cvet_text__shorten("line\nbreak", 64);
	T_ASSERT_STR("line?break", s);
	free(s);
}

static const char server_src[] =
	"#include <arpa/inet.h>\n"
	"#include <netinet/in.h>\n"
	"#include <string.h>\n"
	"#include <sys/socket.h>\n"
	"int serve(void)\n"
	"{\n"
	"\tstruct sockaddr_in a;\n"
	"\tint fd = socket(AF_INET, SOCK_STREAM, 0);\n"
	"\tmemset(&a, 0, sizeof a);\n"
	"\ta.sin_family = AF_INET;\n"
	"\ta.sin_addr.s_addr = htonl(INADDR_LOOPBACK);\n"
	"\ta.sin_port = htons(8080);\n"
	"\tbind(fd, (struct sockaddr *)&a, sizeof a);\n" /* line 13 */
	"\treturn listen(fd, 8);\n"                      /* line 14 */
	"}\n"
	"int client(int fd, unsigned short p)\n"
	"{\n"
	"\tstruct sockaddr_in a;\n"
	"\tmemset(&a, 0, sizeof a);\n"
	"\ta.sin_port = htons(p);\n"
	"\tinet_pton(AF_INET, \"10.1.2.3\", &a.sin_addr);\n"
	"\treturn connect(fd, (struct sockaddr *)&a, sizeof a);\n" /* line 22 */
	"}\n";

static void test_surface__endpoints_carry_constant_address_and_port(void)
{
	const cvet_check *list[1] = {&cvet_check_bind_all_interfaces};
	cvet_report *r = NULL;
	const cvet_endpoint *e;
	T_ASSERT_INT(0, walk_text("server.c", server_src, list, 1, &r));
	T_ASSERT_INT(0, count_rule(r, "bind-all-interfaces")); /* loopback: nothing to report */
	e = endpoint_at(r, "bind", 13);
	T_ASSERT(e != NULL);
	T_ASSERT_STR("127.0.0.1", e->address);
	T_ASSERT_INT(8080, e->port);
	e = endpoint_at(r, "listen", 14);
	T_ASSERT(e != NULL);
	T_ASSERT_STR("127.0.0.1", e->address);
	T_ASSERT_INT(8080, e->port);
	e = endpoint_at(r, "connect", 22);
	T_ASSERT(e != NULL);
	T_ASSERT_STR("10.1.2.3", e->address);
	T_ASSERT_INT(-1, e->port); /* htons(p): not a constant */
	cvet_report_free(r);
}

static const char secrets_src[] =
	"#include <string.h>\n"
	"static const char *db_password = \"hunter2db!\";\n"
	"static const char *aws = \"AKIA" "Z7Q2M4N6P8R0T1V3\";\n" /* split: the scan of this file must see no key */
	"/* ghp_" "1a2B3c4D5e6F7g8H9i0J1k2L3m4N5o6P7q8R */\n"
	"int check(const char *user_password) { return strcmp(user_password, \"letmein42\") == 0; }\n";

static void test_surface__secrets_never_appear_in_findings(void)
{
	static const char *const secrets[] = {"hunter2db", "Z7Q2M4N6P8R0T1V3", "1a2B3c4D5e6F7g8H9i0J", "letmein42",
					      "nter2", "tmein"};
	const cvet_check *list[1] = {&cvet_check_hardcoded_credential};
	cvet_report *r = NULL;
	T_ASSERT_INT(0, walk_text("secrets.c", secrets_src, list, 1, &r));
	T_ASSERT_INT(4, count_rule(r, "hardcoded-credential"));
	for (size_t i = 0; i < r->nfindings; i++) {
		const cvet_finding *f = r->findings[i];
		for (size_t k = 0; k < sizeof(secrets) / sizeof(secrets[0]); k++) {
			T_ASSERT(strstr(f->message, secrets[k]) == NULL);
			T_ASSERT(!f->snippet || strstr(f->snippet, secrets[k]) == NULL);
			T_ASSERT(!f->fix || strstr(f->fix, secrets[k]) == NULL);
		}
	}
	cvet_report_free(r);
}

static const char verify_src_head[] =
	"typedef struct ssl_ctx_st SSL_CTX; typedef struct ssl_st SSL;\n"
	"void SSL_CTX_set_verify(SSL_CTX *ctx, int mode, void *cb);\n"
	"int SSL_connect(SSL *s); long SSL_get_verify_result(const SSL *s);\n"
	"int client(SSL_CTX *ctx, SSL *s)\n"
	"{\n"
	"\tSSL_CTX_set_verify(ctx, 0, 0);\n"
	"\tif (SSL_connect(s) != 1)\n"
	"\t\treturn -1;\n";

static void test_surface__verify_none_with_manual_result_check(void)
{
	const cvet_check *list[1] = {&cvet_check_tls_verify_disabled};
	char src[1024];
	cvet_report *r = NULL;
	snprintf(src, sizeof src, "%s\treturn 0;\n}\n", verify_src_head);
	T_ASSERT_INT(0, walk_text("verify1.c", src, list, 1, &r));
	T_ASSERT_INT(1, count_rule(r, "tls-verify-disabled")); /* a client that never checks */
	cvet_report_free(r);
	snprintf(src, sizeof src, "%s\treturn SSL_get_verify_result(s) == 0 ? 0 : -1;\n}\n", verify_src_head);
	T_ASSERT_INT(0, walk_text("verify2.c", src, list, 1, &r));
	T_ASSERT_INT(0, count_rule(r, "tls-verify-disabled")); /* X509_V_OK checked by hand */
	cvet_report_free(r);
}

static void test_surface__ftp_url_upgraded_by_curl_use_ssl(void)
{
	static const char head[] =
		"typedef void CURL;\n"
		"typedef enum { CURLOPT_URL = 10002, CURLOPT_USE_SSL = 119 } CURLoption;\n"
		"typedef enum { CURLUSESSL_NONE, CURLUSESSL_TRY, CURLUSESSL_CONTROL, CURLUSESSL_ALL } curl_usessl;\n"
		"int curl_easy_setopt(CURL *curl, CURLoption option, ...);\n"
		"void get(CURL *h)\n{\n"
		"\tcurl_easy_setopt(h, CURLOPT_URL, \"ftp://files.vendor.net/a.bin\");\n";
	const cvet_check *list[1] = {&cvet_check_cleartext_url};
	char src[1024];
	cvet_report *r = NULL;
	snprintf(src, sizeof src, "%s}\n", head);
	T_ASSERT_INT(0, walk_text("ftp1.c", src, list, 1, &r));
	T_ASSERT_INT(1, count_rule(r, "cleartext-url"));
	cvet_report_free(r);
	snprintf(src, sizeof src, "%s\tcurl_easy_setopt(h, CURLOPT_USE_SSL, (long)CURLUSESSL_ALL);\n}\n", head);
	T_ASSERT_INT(0, walk_text("ftp2.c", src, list, 1, &r));
	T_ASSERT_INT(0, count_rule(r, "cleartext-url")); /* explicit FTPS (AUTH TLS) */
	cvet_report_free(r);
	snprintf(src, sizeof src, "%s\tcurl_easy_setopt(h, CURLOPT_USE_SSL, (long)CURLUSESSL_TRY);\n}\n", head);
	T_ASSERT_INT(0, walk_text("ftp3.c", src, list, 1, &r));
	T_ASSERT_INT(1, count_rule(r, "cleartext-url")); /* opportunistic TLS can be stripped */
	cvet_report_free(r);
}

/* Odd but valid (or recoverable) code: every network, secret, file and privilege check must survive it without crashing. */
static const char hostile_src[] =
	"#include <fcntl.h>\n#include <sys/socket.h>\n#include <netinet/in.h>\n#include <unistd.h>\n"
	"int bind(int, const struct sockaddr *, socklen_t);\n"
	"void f(int (*setuid_ptr)(unsigned))\n"
	"{\n"
	"\tstruct sockaddr_in a = {.sin_addr = {((((0))))}, .sin_port = 0};\n"
	"\tsetuid_ptr(0);\n"
	"\tbind(-1, (struct sockaddr *)&a, sizeof a);\n"
	"\tbind(-1, 0, 0);\n"
	"\tconst char *password = \"\\x00\\xff\\\"q\";\n"
	"\tconst char *u = \"http://\" \"[::1\";\n"
	"\tconst char *v = \"http://user:pw@\";\n"
	"\tumask(-1);\n"
	"\topen(u, -1, -1);\n"
	"\tchmod(v, 0x7fffffffffffffffLL);\n"
	"\tchroot(0);\n"
	"\taccess(password, 0);\n"
	"\tunlink(password);\n"
	"\t(void)u; (void)v;\n"
	"}\n"
	"int g(void) { return undeclared_thing(\"http://a.b\", 1 /* unterminated call */\n";

static void test_surface__hostile_input_does_not_crash(void)
{
	cvet_report *r = NULL;
	T_ASSERT_INT(0, walk_text("hostile.c", hostile_src, group_b, NGROUP, &r));
	cvet_report_free(r);
}

static void setup(void)
{
	char t[] = "/tmp/cvet-surface-XXXXXX";
	if (!mkdtemp(t) || !realpath(t, tmp_root)) {
		fprintf(stderr, "cannot create a temporary directory\n");
		exit(2);
	}
}

static void teardown(void)
{
	if (strncmp(tmp_root, "/tmp/", 5) == 0)
		nftw(tmp_root, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static void t_setup(void)
{
	setup();
}
static void t_teardown(void)
{
	teardown();
}

CVET_TEST_MAIN(T(t_setup), T(test_surface__words_split_camel_and_snake),
	       T(test_surface__redact_shows_at_most_a_quarter), T(test_surface__shorten_keeps_utf8_whole),
	       T(test_surface__endpoints_carry_constant_address_and_port),
	       T(test_surface__secrets_never_appear_in_findings), T(test_surface__verify_none_with_manual_result_check),
	       T(test_surface__ftp_url_upgraded_by_curl_use_ssl),
	       T(test_surface__hostile_input_does_not_crash),
	       T(t_teardown))
