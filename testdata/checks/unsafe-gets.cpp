// Fixture for unsafe-gets (C++): qualified calls and look-alike members.
#include <cstdio>

// gets() is gone from C++14 headers; legacy code declares it itself.
extern "C" char *gets(char *s);

namespace legacy {
char *gets(char *s, int n) { return std::fgets(s, n, stdin); }
}

class LineReader {
public:
	char *gets(char *s) { return std::fgets(s, 80, stdin); }
};

int main()
{
	char buf[80];
	LineReader reader;
	if (!::gets(buf))  // expect: unsafe-gets
		return 1;
	if (!gets(buf))  // expect: unsafe-gets
		return 1;
	if (!legacy::gets(buf, sizeof buf))  // ok: unsafe-gets (another namespace)
		return 1;
	if (!reader.gets(buf))  // ok: unsafe-gets (a method)
		return 1;
	return std::fgets(buf, sizeof buf, stdin) == nullptr;  // ok: unsafe-gets
}
