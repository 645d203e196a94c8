/* util.c - helpers of the demo server: ETags and the audit log */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>

#include "minihttpd.h"

char *make_etag(const char *data, size_t len)
{
	unsigned char digest[16];
	char *etag = malloc(33);

	MD5((const unsigned char *)data, len, digest);
	for (int i = 0; i < 16; i++)
		snprintf(etag + 2 * i, 3, "%02x", digest[i]);
	return etag;
}

int audit_log(const char *who, const char *what)
{
	char line[256];

	snprintf(line, sizeof(line), "%s requested %s", who, what);
	syslog(LOG_INFO, line);
	return 0;
}
