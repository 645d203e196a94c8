// Fixture for hardcoded-credential in C++: std::string assignments and comparisons go through operators.
// All secrets here are made up for the test.
#include <string>

struct Client {
	std::string user;
	std::string password;
	std::string password_hint;
};

bool authenticate(Client &c, const std::string &typed)
{
	std::string db_password = "S3cr3tValue9"; // expect: hardcoded-credential
	std::string token_type = "Bearer";        // ok: hardcoded-credential
	c.password = "Another-Secret7";           // expect: hardcoded-credential
	c.password_hint = "your pet's name";      // ok: hardcoded-credential
	c.user = "svc-backup";                    // ok: hardcoded-credential
	if (typed == "Hunter2hunter2")            // ok: hardcoded-credential (typed is not a secret's name)
		return true;
	return c.password == "Letmein-2024" && !db_password.empty(); // expect: hardcoded-credential
}

#include <cstdlib>
std::string from_env()
{
	std::string api_key = std::getenv("APIKEY"); // ok: hardcoded-credential
	std::string api_token(std::string("Zx9-Kq2-Lm7-Pw4")); // expect: hardcoded-credential
	return api_key + api_token;
}
