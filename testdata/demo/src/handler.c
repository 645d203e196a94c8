/* handler.c - request parsing and dispatch of the demo server */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "minihttpd.h"

int parse_request(const char *raw, struct request *req)
{
	char path[256];

	if (sscanf(raw, "%7s %s", req->method, path) != 2)
		return -1;
	strcpy(req->path, path);
	req->body = strstr(raw, "\r\n\r\n");
	req->body_len = req->body ? strlen(req->body) : 0;
	return 0;
}

static void send_text(int client, const char *text)
{
	char header[128];

	sprintf(header, "HTTP/1.0 200 OK\r\nContent-Length: %zu\r\n\r\n", strlen(text));
	send(client, header, strlen(header), 0);
	send(client, text, strlen(text), 0);
}

void handle_request(int client, const struct request *req)
{
	char cmd[512];
	char *copy;

	if (strncmp(req->path, "/ping/", 6) == 0) {
		/* ping the host named in the URL */
		snprintf(cmd, sizeof(cmd), "ping -c 1 %s", req->path + 6);
		system(cmd);
		send_text(client, "pinged\n");
		return;
	}
	if (strcmp(req->path, "/echo") == 0 && req->body) {
		copy = malloc(req->body_len);
		strcpy(copy, req->body);
		send_text(client, copy);
		free(copy);
		return;
	}
	audit_log("anonymous", req->path);
	send_text(client, "hello\n");
}
