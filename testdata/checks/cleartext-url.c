/* Fixture for cleartext-url: http/ftp/telnet URLs that send data in the clear, and URLs that are not targets. */
#include <stdio.h>
#include <string.h>

typedef void CURL;
typedef enum { CURLOPT_URL = 10002, CURLOPT_PROXY = 10004 } CURLoption;
int curl_easy_setopt(CURL *curl, CURLoption option, ...);
int fetch_url(const char *url, char *out, size_t n);
void *xmlNewNs(void *node, const char *href, const char *prefix);

#define UPDATE_URL "http://updates.vendor-cdn.net/latest.json"
#define PACKAGE_BUGREPORT "http://bugs.vendor.org/"

static const char *mirrors[] = {
	"http://mirror1.vendor.net/pub/", // expect: cleartext-url
	"https://mirror2.vendor.net/pub/", // ok: cleartext-url
};

static const char *api_base = "http://api.vendor.io/v2"; // expect: cleartext-url
static const char *local_api = "http://localhost:8080/v1"; // ok: cleartext-url
static const char *loop_api = "http://127.0.0.1:9000/"; // ok: cleartext-url
static const char *doc_api = "http://api.example.com/v1"; // ok: cleartext-url
static const char *xmlns_soap = "http://schemas.xmlsoap.org/soap/envelope/"; // ok: cleartext-url
static const char *svg_ns = "http://www.w3.org/2000/svg"; // ok: cleartext-url
static const char *homepage_url = "http://www.vendor.org/"; // ok: cleartext-url (shown to the user, not fetched)

int download(CURL *h, char *buf, size_t n)
{
	const char *ftp_src = "ftp://files.vendor.net/data.bin"; // expect: cleartext-url
	curl_easy_setopt(h, CURLOPT_URL, "http://telemetry.vendor.net/report"); // expect: cleartext-url
	curl_easy_setopt(h, CURLOPT_URL, "https://telemetry.vendor.net/report"); // ok: cleartext-url
	curl_easy_setopt(h, CURLOPT_URL, UPDATE_URL); // expect: cleartext-url
	fetch_url("telnet://console.vendor.net:23", buf, n); // expect: cleartext-url
	fetch_url("http://sub.test/x", buf, n); // ok: cleartext-url
	(void)ftp_src;
	(void)mirrors;
	return 0;
}

void help(void)
{
	printf("Report bugs to %s or see http://www.vendor.org/help\n", PACKAGE_BUGREPORT); // ok: cleartext-url
	printf("%s\n", "http://www.vendor.org/"); // ok: cleartext-url (printing is not sending)
}

int is_http(const char *u)
{
	return strncmp(u, "http://", 7) == 0; // ok: cleartext-url
}

void make_ns(void *node)
{
	xmlNewNs(node, "http://www.w3.org/1999/xhtml", "h"); // ok: cleartext-url
}

void set_endpoint(const char **target, int plain)
{
	*target = plain ? "http://ingest.vendor.net/" : "https://ingest.vendor.net/"; // expect: cleartext-url
}
