// Fixture for bind-all-interfaces in C++: methods and std::bind are not the socket call.
#include <functional>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

struct Acceptor {
	int bind(int port) { return port; }
	int listen() { return 0; }
};

static int twice(int x) { return 2 * x; }

int serve()
{
	Acceptor a;
	a.bind(8080);                    // ok: bind-all-interfaces
	auto g = std::bind(twice, 21);   // ok: bind-all-interfaces
	sockaddr_in sa{};
	sa.sin_family = AF_INET;
	sa.sin_addr.s_addr = htonl(INADDR_ANY);
	sa.sin_port = htons(9090);
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	if (::bind(fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa) != 0) // expect: bind-all-interfaces
		return -1;
	return ::listen(fd, 4) + g() + a.listen();
}
