// Fixture for unsafe-gets (C++): qualified calls and look-alike members.
// C++11 is the last standard whose <cstdio> still has std::gets.
// cvet-fixture-args: --extra-arg=-std=c++11
#include <cstdio>

namespace legacy {
char *gets(char *s, int n) { return std::fgets(s, n, stdin); }
}

class LineReader {
public:
	char *gets(char *s) { return std::fgets(s, 80, stdin); }
};

#define READ_INTO(b) std::gets(b)

int main()
{
	char buf[80];
	LineReader reader;
	if (!std::gets(buf))  // expect: unsafe-gets
		return 1;
	if (!::gets(buf))  // expect: unsafe-gets
		return 1;
	if (!READ_INTO(buf))  // expect: unsafe-gets
		return 1;
	if (!legacy::gets(buf, sizeof buf))  // ok: unsafe-gets (another namespace)
		return 1;
	if (!reader.gets(buf))  // ok: unsafe-gets (a method)
		return 1;
	return std::fgets(buf, sizeof buf, stdin) == nullptr;  // ok: unsafe-gets
}
