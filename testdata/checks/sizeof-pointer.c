/* Fixture for sizeof-pointer: sizeof of a pointer where the size of its buffer was meant. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct session {
	int fd;
	char *user;
	char host[64];
};

void wipe_secret(char *secret)
{
	memset(secret, 0, sizeof secret);  // expect: sizeof-pointer
}

void wipe_key(unsigned char key[32])
{
	memset(key, 0, sizeof(key));  // expect: sizeof-pointer
}

void wipe_key_good(unsigned char key[32])
{
	memset(key, 0, 32);  // ok: sizeof-pointer
}

char *read_name(FILE *f)
{
	char *buf = malloc(128);
	if (buf == NULL)
		return NULL;
	if (!fgets(buf, sizeof(buf), f)) {  // expect: sizeof-pointer
		free(buf);
		return NULL;
	}
	return buf;
}

int read_name_good(FILE *f, char *out, size_t outlen)
{
	char line[128];
	if (!fgets(line, sizeof(line), f))  // ok: sizeof-pointer
		return -1;
	snprintf(out, outlen, "%s", line);
	return 0;
}

void session_reset(struct session *s)
{
	memset(s, 0, sizeof(*s));  // ok: sizeof-pointer
	memset(s->host, 0, sizeof s->host);  // ok: sizeof-pointer
}

void session_clear_user(struct session *s)
{
	memset(s->user, 0, sizeof s->user);  // expect: sizeof-pointer
}

ssize_t read_header(int fd, char *hdr)
{
	return read(fd, hdr, sizeof(hdr) - 1);  // expect: sizeof-pointer
}

/* Copying the pointer value itself: sizeof the pointer is right. */
void stash_pointer(unsigned char *slot, char *p)
{
	memcpy(slot, &p, sizeof(p));  // ok: sizeof-pointer
}

struct session *session_new_bad(void)
{
	struct session *s = malloc(sizeof(s));  // expect: sizeof-pointer
	return s;
}

struct session *session_new_good(void)
{
	struct session *s = malloc(sizeof(*s));  // ok: sizeof-pointer
	return s;
}

/* An array of pointers needs the size of a pointer per element. */
char **name_table(size_t n, char *first)
{
	char **names = calloc(n, sizeof(first));  // ok: sizeof-pointer
	if (names && n)
		names[0] = first;
	return names;
}
