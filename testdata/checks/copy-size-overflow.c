/* Fixture for copy-size-overflow: fixed-size copies into fixed-size buffers. */
#define _GNU_SOURCE /* POSIX and GNU declarations: popen, mkstemps, strtok_r, getrandom, ... */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define HDR_LEN 16

struct packet {
	unsigned char hdr[HDR_LEN];
	char body[256];
};

struct blob {
	unsigned len;
	unsigned char data[1]; /* trailing "struct hack" array, allocated larger */
};

void fill(struct packet *p, const unsigned char *src, const char *line)
{
	char small[8];
	char name[32];
	memcpy(p->hdr, src, 32);  // expect: copy-size-overflow
	memcpy(p->hdr, src, sizeof p->hdr);  // ok: copy-size-overflow
	memset(small, 0, sizeof name);  // expect: copy-size-overflow
	memset(name, 0, sizeof name);  // ok: copy-size-overflow
	strncpy(small, line, 16);  // expect: copy-size-overflow
	memcpy(&name[24], src, 16);  // expect: copy-size-overflow
	memcpy(name + 16, src, 16);  // ok: copy-size-overflow (exactly the room left)
	snprintf(small, sizeof name, "%s", line);  // expect: copy-size-overflow
	snprintf(small, sizeof small, "%s", line);  // ok: copy-size-overflow
}

void receive(int fd, struct packet *p, struct blob *b, FILE *f)
{
	char line[80];
	if (recv(fd, p->hdr, sizeof *p, 0) < 0)  // expect: copy-size-overflow
		return;
	if (read(fd, p->body, sizeof p->body) < 0)  // ok: copy-size-overflow
		return;
	if (fread(p->hdr, 4, 8, f) != 8)  // expect: copy-size-overflow
		return;
	if (fread(p->hdr, 4, 4, f) != 4)  // ok: copy-size-overflow
		return;
	if (!fgets(line, 100, f))  // expect: copy-size-overflow
		return;
	memcpy(b->data, p->body, 64);  // ok: copy-size-overflow (trailing array)
}

int main(void)
{
	struct packet p;
	struct blob b;
	int memcpy = 0; /* a variable named like the function */
	fill(&p, (const unsigned char *)"0123456789abcdef0123456789abcdef", "x");
	receive(0, &p, &b, stdin);
	return memcpy;
}

/* A hash state cleared from one member to the end of another: the size is taken from the layout. */
struct hash_state {
	unsigned long long h[8];
	unsigned long long t[2];
	unsigned long long f[2];
	unsigned char buf[256];
	unsigned long buflen;
	unsigned char last_node;
};

void hash_reset(struct hash_state *S)
{
	memset(&S->t, 0, __builtin_offsetof(struct hash_state, last_node) + sizeof(S->last_node) - __builtin_offsetof(struct hash_state, t));  // ok: copy-size-overflow (spans members within the record)
	memset(&S->t, 0, __builtin_offsetof(struct hash_state, last_node) + 64);  // expect: copy-size-overflow
	memset(S->t, 0, 32);  // expect: copy-size-overflow
}
