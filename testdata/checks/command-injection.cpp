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

// Virtual calls, constructors and destructors: untrusted data through objects.
struct Action {
	virtual int act(const char *d) = 0;
	virtual ~Action() {}
};
struct ShellAction : Action {
	int act(const char *d) override { return std::system(d); }  // expect: command-injection (a virtual call through Action * reaches this override)
};
struct Quiet {
	virtual int act(const char *d) { return std::puts(d); }
	virtual ~Quiet() {}
};
struct QuietTwice : Quiet {
	int act(const char *d) override { return std::puts(d) + std::puts(d); }
};
class Holder {
public:
	explicit Holder(const char *x) : d(x) {}
	~Holder() { std::system(d); }  // expect: command-injection (the destructor of a local built from input)
	const char *d;
};
class Keeper {
	const char *cmd;
public:
	explicit Keeper(const char *c) { cmd = c; }
	int run() { return std::system(cmd); }  // expect: command-injection (the constructor stored input in the member)
};
class Fixed {
	const char *cmd;
public:
	explicit Fixed(const char *c) : cmd(c) {}
	int run() { return std::system(cmd); }  // ok: command-injection (only ever constructed with a literal)
	~Fixed() { std::system(cmd); }  // ok: command-injection (ditto)
};

int objects(Action *a, Quiet *q)
{
	char buf[100] = "ls ";
	if (!std::fgets(buf + 3, 97, stdin))
		return 1;
	a->act(buf);
	q->act(buf);
	{
		Holder h(buf);
	}
	Keeper k(buf);
	Fixed f("/bin/true");
	return k.run() + f.run();
}
