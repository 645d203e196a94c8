// Fixture for format-string (C++): std:: calls, strings from streams, look-alike methods.
#include <cstdio>
#include <iostream>
#include <string>

class Printer {
public:
	int printf(const char *text) { return std::fputs(text, stdout); }
};

namespace ui {
int printf(const std::string &text) { return std::fputs(text.c_str(), stdout); }
}

int main()
{
	std::string name;
	Printer p;
	std::getline(std::cin, name);
	std::printf(name.c_str());  // expect: format-string (std::getline and c_str are modelled)
	std::fprintf(stderr, name.c_str());  // expect: format-string (std::getline and c_str are modelled)
	std::printf("%s\n", name.c_str());  // ok: format-string
	p.printf(name.c_str());  // ok: format-string (a method, not the C function)
	ui::printf(name);  // ok: format-string (another namespace)
	return 0;
}
