/* server.c - accept loop of the demo server */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "minihttpd.h"

static const char *admin_password = "hunter2-admin";

static int check_admin(const char *given)
{
	return strcmp(given, admin_password) == 0;
}

int main(int argc, char **argv)
{
	struct sockaddr_in addr;
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	if (fd < 0)
		return 1;
	memset(&addr, 0, sizeof(addr));
	addr.sin_family = AF_INET;
	addr.sin_addr.s_addr = htonl(INADDR_ANY);
	addr.sin_port = htons(MINIHTTPD_PORT);
	if (bind(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0 || listen(fd, 16) < 0) {
		perror("bind");
		return 1;
	}
	if (argc > 1 && check_admin(argv[1]))
		printf("admin mode\n");

	for (;;) {
		char raw[4096];
		struct request req;
		int client = accept(fd, NULL, NULL);
		ssize_t n;

		if (client < 0)
			continue;
		n = recv(client, raw, sizeof(raw) - 1, 0);
		if (n <= 0) {
			close(client);
			continue;
		}
		raw[n] = '\0';
		if (parse_request(raw, &req) == 0)
			handle_request(client, &req);
		close(client);
	}
}
