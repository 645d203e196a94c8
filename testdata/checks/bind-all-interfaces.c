/* Fixture for bind-all-interfaces: servers bound to the wildcard address vs. loopback/configured addresses.
 * Also exercises the endpoint list (cvet code --format json lists every bind/listen/connect/getaddrinfo). */
#define _GNU_SOURCE /* glibc then passes sockaddr pointers to bind/connect through a transparent union */
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stddef.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#define HTTP_PORT 8080

/* libmicrohttpd and libevent, declared as in their headers (values as in microhttpd.h) */
struct MHD_Daemon;
enum MHD_OPTION { MHD_OPTION_END = 0, MHD_OPTION_SOCK_ADDR = 6 };
struct MHD_Daemon *MHD_start_daemon(unsigned int flags, unsigned short port, void *apc, void *apc_cls, void *dh,
				    void *dh_cls, ...);
struct evhttp;
int evhttp_bind_socket(struct evhttp *http, const char *address, unsigned short port);

int serve_any(void)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in addr;
	memset(&addr, 0, sizeof addr);
	addr.sin_family = AF_INET;
	addr.sin_addr.s_addr = htonl(INADDR_ANY);
	addr.sin_port = htons(HTTP_PORT);
	if (bind(fd, (struct sockaddr *)&addr, sizeof addr) < 0) // expect: bind-all-interfaces
		return -1;
	return listen(fd, 16); // ok: bind-all-interfaces
}

int serve_zeroed(void)
{
	int fd = socket(AF_INET, SOCK_DGRAM, 0);
	struct sockaddr_in a;
	bzero(&a, sizeof a);
	a.sin_family = AF_INET;
	a.sin_port = htons(5353);
	return bind(fd, (struct sockaddr *)&a, sizeof a); // expect: bind-all-interfaces
}

int serve_v6(void)
{
	int fd = socket(AF_INET6, SOCK_STREAM, 0);
	struct sockaddr_in6 a6;
	memset(&a6, 0, sizeof a6);
	a6.sin6_family = AF_INET6;
	a6.sin6_addr = in6addr_any;
	a6.sin6_port = htons(443);
	return bind(fd, (struct sockaddr *)&a6, sizeof a6); // expect: bind-all-interfaces
}

int serve_pton(void)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a;
	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_port = htons(9000);
	inet_pton(AF_INET, "0.0.0.0", &a.sin_addr);
	return bind(fd, (struct sockaddr *)&a, sizeof a); // expect: bind-all-interfaces
}

int serve_loopback(void)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a;
	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	a.sin_port = htons(8081);
	if (bind(fd, (struct sockaddr *)&a, sizeof a) < 0) // ok: bind-all-interfaces
		return -1;
	return listen(fd, 8);
}

int serve_configured(const char *host, unsigned short port)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a;
	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_port = htons(port);
	if (inet_pton(AF_INET, host, &a.sin_addr) != 1)
		return -1;
	return bind(fd, (struct sockaddr *)&a, sizeof a); // ok: bind-all-interfaces
}

int serve_filled_elsewhere(struct sockaddr_in *given)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	return bind(fd, (struct sockaddr *)given, sizeof *given); // ok: bind-all-interfaces
}

void fill_any(struct sockaddr_in *sa)
{
	sa->sin_family = AF_INET;
	sa->sin_addr.s_addr = INADDR_ANY; // expect: bind-all-interfaces
}

int serve_gai(void)
{
	struct addrinfo hints, *res = NULL, *rp;
	int fd = -1;
	memset(&hints, 0, sizeof hints);
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE;
	if (getaddrinfo(NULL, "8443", &hints, &res) != 0)
		return -1;
	for (rp = res; rp; rp = rp->ai_next) {
		fd = socket(rp->ai_family, rp->ai_socktype, rp->ai_protocol);
		if (fd >= 0 && bind(fd, rp->ai_addr, rp->ai_addrlen) == 0) // expect: bind-all-interfaces
			break;
	}
	freeaddrinfo(res);
	return fd;
}

int serve_gai_local(void)
{
	struct addrinfo hints, *res = NULL;
	int fd;
	memset(&hints, 0, sizeof hints);
	hints.ai_flags = AI_PASSIVE;
	if (getaddrinfo("127.0.0.1", "8444", &hints, &res) != 0) // ok: bind-all-interfaces
		return -1;
	fd = socket(res->ai_family, res->ai_socktype, 0);
	if (bind(fd, res->ai_addr, res->ai_addrlen) != 0) // ok: bind-all-interfaces
		fd = -1;
	freeaddrinfo(res);
	return fd;
}

int client_connect(void)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a;
	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_port = htons(5432);
	inet_pton(AF_INET, "10.0.0.5", &a.sin_addr);
	return connect(fd, (struct sockaddr *)&a, sizeof a); // ok: bind-all-interfaces
}

struct MHD_Daemon *start_http(void)
{
	return MHD_start_daemon(0, 8082, NULL, NULL, NULL, NULL, MHD_OPTION_END); // expect: bind-all-interfaces
}

struct MHD_Daemon *start_http_local(const struct sockaddr *sa)
{
	return MHD_start_daemon(0, 8083, NULL, NULL, NULL, NULL, MHD_OPTION_SOCK_ADDR, sa, MHD_OPTION_END); // ok: bind-all-interfaces
}

int start_event_http(struct evhttp *http)
{
	if (evhttp_bind_socket(http, "0.0.0.0", 8084) != 0) // expect: bind-all-interfaces
		return -1;
	return evhttp_bind_socket(http, "127.0.0.1", 8085); // ok: bind-all-interfaces
}

int serve_designated(void)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(7000), .sin_addr.s_addr = htonl(INADDR_ANY)};
	return bind(fd, (struct sockaddr *)&a, sizeof a); // expect: bind-all-interfaces
}

int serve_designated_local(void)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(7001), .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	return bind(fd, (struct sockaddr *)&a, sizeof a); // ok: bind-all-interfaces
}

int serve_lan(void)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a = {0};
	a.sin_family = AF_INET;
	a.sin_port = htons(7002);
	a.sin_addr.s_addr = inet_addr("192.168.1.10");
	return bind(fd, (struct sockaddr *)&a, sizeof a); // ok: bind-all-interfaces
}

int send_datagram(int fd, const void *buf, size_t n)
{
	struct sockaddr_in to;
	memset(&to, 0, sizeof to);
	to.sin_family = AF_INET;
	to.sin_port = htons(514);
	to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	return (int)sendto(fd, buf, n, 0, (struct sockaddr *)&to, sizeof to); // ok: bind-all-interfaces
}

#include <sys/un.h>
int serve_unix(const char *path)
{
	int fd = socket(AF_UNIX, SOCK_STREAM, 0);
	struct sockaddr_un un;
	memset(&un, 0, sizeof un);
	un.sun_family = AF_UNIX;
	strncpy(un.sun_path, path, sizeof un.sun_path - 1);
	if (bind(fd, (struct sockaddr *)&un, sizeof un) != 0) // ok: bind-all-interfaces (not a network socket)
		return -1;
	return listen(fd, 4);
}

int connect_from_any_local(const struct sockaddr_in *remote)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in local;
	memset(&local, 0, sizeof local);
	local.sin_family = AF_INET;
	local.sin_addr.s_addr = htonl(INADDR_ANY);
	local.sin_port = 0;
	if (bind(fd, (struct sockaddr *)&local, sizeof local) != 0) // ok: bind-all-interfaces (local side of a connect)
		return -1;
	return connect(fd, (const struct sockaddr *)remote, sizeof *remote);
}

/* a union of every address kind (its name contains "sockaddr_un" only as part of "sockaddr_union") */
typedef union {
	struct sockaddr sa;
	struct sockaddr_in sa4;
	struct sockaddr_in6 sa6;
	struct sockaddr_un sau;
} srvr_sockaddr_union_t;

int serve_union(int sock, unsigned short port)
{
	srvr_sockaddr_union_t listener;
	memset(&listener.sa4, 0, sizeof(listener.sa4));
	listener.sa4.sin_family = AF_INET;
	listener.sa4.sin_addr.s_addr = INADDR_ANY;
	listener.sa4.sin_port = htons(port);
	return bind(sock, &listener.sa, sizeof(listener.sa4)); // expect: bind-all-interfaces
}

ssize_t send_connected(int fd, const void *buf, size_t n)
{
	return sendto(fd, buf, n, 0, NULL, 0); // ok: bind-all-interfaces (connected socket: not an endpoint)
}

/* A configuration reader: the wildcard is what the parsed "listen *:PORT" asked for, not a fixed choice. */
int parse_listen(struct sockaddr_in *sin, const char *host, size_t len, unsigned short port)
{
	memset(sin, 0, sizeof *sin);
	sin->sin_family = AF_INET;
	sin->sin_port = htons(port);
	if (len == 1 && *host == '*') {
		sin->sin_addr.s_addr = INADDR_ANY; // ok: bind-all-interfaces (chosen by the parsed input)
		return 1;
	}
	return inet_pton(AF_INET, host, &sin->sin_addr) == 1 ? 0 : -1;
}

/* The same helper with the wildcard fixed in the code, whatever the caller passes. */
void default_listen(struct sockaddr_in *sin, unsigned short port)
{
	memset(sin, 0, sizeof *sin);
	sin->sin_family = AF_INET;
	sin->sin_port = htons(port);
	sin->sin_addr.s_addr = INADDR_ANY; // expect: bind-all-interfaces
}
