/* minihttpd.h - a deliberately flawed tiny HTTP server used as cvet's demo project */
#ifndef MINIHTTPD_H
#define MINIHTTPD_H

#include <stddef.h>

#define MINIHTTPD_PORT 8080
#define UPSTREAM_STATUS_URL "http://status.internal.example.net/health"

struct request {
	char method[8];
	char path[256];
	char *body;
	size_t body_len;
};

int parse_request(const char *raw, struct request *req);
void handle_request(int client, const struct request *req);
char *make_etag(const char *data, size_t len);
int audit_log(const char *who, const char *what);

/* The MD5 routine bundled with the server (prototype as in the usual MD5 one-shot API). */
unsigned char *MD5(const unsigned char *d, size_t n, unsigned char *md);

#endif
