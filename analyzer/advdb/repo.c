/* repo.c - repository keys: git URLs reduced to "host/path", shared by the database queries and the OSV importer */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "advdb/advdb_int.h"

char *cvet_repo__key(const char *url)
{
	if (!url || strlen(url) > CVET_ADV_MAX_URL)
		return NULL;
	const char *p = strstr(url, "://");
	char *out, *q;
	p = p ? p + 3 : url;
	/* drop "user@" and turn scp-like "host:path" into "host/path" */
	const char *at = strchr(p, '@'), *slash = strchr(p, '/');
	if (at && (!slash || at < slash))
		p = at + 1;
	if (!(out = strdup(p)))
		return NULL;
	q = strchr(out, ':');
	slash = strchr(out, '/');
	if (q && (!slash || q < slash)) {
		/* "host:22/path" keeps a port only when digits follow; "host:owner/repo" is the scp form */
		if (isdigit((unsigned char)q[1])) {
			char *e = q + 1;
			while (isdigit((unsigned char)*e))
				e++;
			memmove(q, e, strlen(e) + 1);
		} else {
			*q = '/';
		}
	}
	for (q = out; *q; q++)
		*q = (char)tolower((unsigned char)*q);
	size_t n = strlen(out);
	while (n && out[n - 1] == '/')
		out[--n] = '\0';
	if (n > 4 && strcmp(out + n - 4, ".git") == 0)
		out[n - 4] = '\0';
	return out;
}
