// Fixture for command-injection (C++): std::system with strings built from input.
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <sstream>
#include <string>

namespace sandbox {
int system(const std::string &cmd) { return cmd.empty() ? 0 : 1; }
}

int show_disk(const std::string &mount)
{
	std::string cmd = "df -h " + mount;
	std::string copy = mount;
	std::system(copy.c_str());  // ok: command-injection (a copy of the caller's string)
	return std::system(cmd.c_str());  // ok: command-injection (its only caller passes the literal "/")
}

struct Runner {
	int system(const char *cmd) { return std::puts(cmd); }
};

int main(int argc, char **argv)
{
	Runner r;
	std::string host;
	std::getline(std::cin, host);
	std::string ping = "ping -c 1 " + host;
	std::ostringstream os;
	os << "nslookup " << host;
	std::system(ping.c_str());  // expect: command-injection (std::getline, std::string + and c_str are modelled)
	std::system(os.str().c_str());  // expect: command-injection (an ostringstream built with <<)
	std::system("date");  // ok: command-injection (literal); expect: untrusted-search-path
	sandbox::system(ping);  // ok: command-injection (another namespace)
	r.system(ping.c_str());  // ok: command-injection (a method)
	if (argc > 1) {
		std::string arg(argv[1]);
		return std::system(arg.c_str()) + show_disk("/");  // ok: command-injection (argv of an unprivileged program)
	}
	return 0;
}
