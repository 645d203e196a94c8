// Fixture for cleartext-url in C++: std::string construction and assignment.
#include <string>

struct Endpoint {
	std::string url;
	std::string xmlns;
	void setUrl(const std::string &u) { url = u; }
};

void configure(Endpoint &e, bool secure)
{
	std::string api = "http://api.vendor.io/v1";         // expect: cleartext-url
	std::string api_tls = "https://api.vendor.io/v1";    // ok: cleartext-url
	e.url = "ftp://files.vendor.io/pub";                 // expect: cleartext-url
	e.xmlns = "http://www.vendor.io/schema/2020";        // ok: cleartext-url (an XML namespace name)
	e.setUrl(secure ? api_tls : api);                    // ok: cleartext-url
	e.setUrl("http://localhost:8080/");                  // ok: cleartext-url
	e.setUrl("http://cdn.vendor.io/");                   // expect: cleartext-url
}
