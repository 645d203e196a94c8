/* Fixture for unbounded-copy: building names and paths with strcpy/strcat. */
#define _GNU_SOURCE /* POSIX and GNU declarations: popen, mkstemps, strtok_r, getrandom, ... */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#define COPY(d, s) strcpy(d, s)
#define GREETING "hello"

struct user {
	char name[16];
	char home[64];
};

static const char default_shell[] = "/bin/sh";

void set_name(struct user *u, const char *name)
{
	strcpy(u->name, name);  // expect: unbounded-copy
}

void set_home(struct user *u, const char *dir)
{
	char path[64];
	strcpy(path, dir);  // expect: unbounded-copy
	strcat(path, "/home");  // expect: unbounded-copy
	COPY(u->home, path);  // ok: unbounded-copy (a 64-byte array fits a 64-byte field)
}

void defaults(struct user *u, char *scratch)
{
	char shell[16];
	strcpy(u->name, "nobody");  // ok: unbounded-copy (literal fits the field)
	strcpy(u->name, GREETING);  // ok: unbounded-copy (macro literal fits)
	strcpy(shell, default_shell);  // ok: unbounded-copy (constant array fits)
	strcpy(scratch, "tmp");  // ok: unbounded-copy (literal, destination size unknown)
	strcat(u->home, "");  // ok: unbounded-copy (appends nothing)
	strcpy(u->name, "a-very-long-default-name");  // expect: unbounded-copy
	strcpy(u->name, u->home);  // expect: unbounded-copy
	COPY(scratch, u->name);  // expect: unbounded-copy
}

char *duplicate(const char *s, const char *t)
{
	size_t len = strlen(t);
	char *p = malloc(strlen(s) + 1);
	char *q = malloc(len + 1);
	char *r = malloc(strlen(s));  // expect: strlen-alloc-off-by-one
	if (!p || !q || !r) {
		free(p);
		free(q);
		free(r);
		return NULL;
	}
	strcpy(p, s);  // ok: unbounded-copy (allocated for s and its terminator)
	strcpy(q, t);  // ok: unbounded-copy (allocated for t and its terminator)
	strcpy(q, s);  // expect: unbounded-copy
	strcpy(r, s);  // expect: unbounded-copy
	free(q);
	free(r);
	return p;
}

void wide(const wchar_t *label)
{
	wchar_t title[8];
	wcscpy(title, L"abc");  // ok: unbounded-copy
	wcscpy(title, label);  // expect: unbounded-copy
	wcscat(title, L"!");  // expect: unbounded-copy
}

void bounded(struct user *u, const char *name)
{
	int strcpy = 0; /* a variable named like the function */
	snprintf(u->name, sizeof u->name, "%s", name);  // ok: unbounded-copy
	strncpy(u->home, name, sizeof u->home - 1);  // ok: unbounded-copy
	u->home[sizeof u->home - 1] = '\0';
	(void)strcpy;
}

/* The code measured the string before copying: the length test is taken as the bound. */
int copy_checked(char *host, const char *given)
{
	char buf[32];
	if (strlen(given) >= sizeof buf)
		return -1;
	strcpy(buf, given);  // ok: unbounded-copy (length tested just before)
	strcpy(host, given);  // ok: unbounded-copy (length of the source tested earlier)
	return buf[0];
}

void describe(char *out, int size, const char *word)
{
	int used = (int)strlen(out);
	if (size - used < 10) {
		strcat(out, "...");  // ok: unbounded-copy (room left in out tested)
		return;
	}
	strcat(out, word);  // ok: unbounded-copy (room left in out tested)
}

void copy_nonempty(char *out, const char *word)
{
	size_t n = strlen(word);
	if (n)
		strcpy(out, word);  // expect: unbounded-copy
}

void describe_blind(char *out, const char *word, const char *other)
{
	if (strlen(other) > 8)
		return;
	strcat(out, word);  // expect: unbounded-copy
}

int main(int argc, char **argv)
{
	struct user u;
	char scratch[32];
	(void)argc;
	set_name(&u, argv[0]);
	set_home(&u, "/tmp");
	defaults(&u, scratch);
	wide(L"x");
	bounded(&u, "x");
	free(duplicate("a", "b"));
	return 0;
}

/* Sized for the sum of what is copied in, a separator included: fits. */
char *join_path(const char *dir, const char *file)
{
	char *p = malloc(strlen(dir) + strlen(file) + 2);
	if (!p)
		return NULL;
	strcpy(p, dir);  // ok: unbounded-copy (room for dir)
	strcat(p, "/");  // ok: unbounded-copy (the + 2 holds the separator and the terminator)
	strcat(p, file);  // ok: unbounded-copy (room for file)
	return p;
}

/* Sized for two strings, three copied in: the third overflows. */
char *join_three(const char *a, const char *b, const char *c)
{
	char *p = malloc(strlen(a) + strlen(b) + 1);
	if (!p)
		return NULL;
	strcpy(p, a);  // ok: unbounded-copy
	strcat(p, b);  // ok: unbounded-copy
	strcat(p, c);  // expect: unbounded-copy
	return p;
}

/* The length with its terminator, checked against the room before the copy (socks5-style request). */
void put_host(unsigned char *req, size_t at, const char *host)
{
	size_t hostlen = strlen(host) + 1;
	if (hostlen <= 255)
		strcpy((char *)req + at, host);  // ok: unbounded-copy (its length was measured)
}

/* A record and its name in one block: the name's length (plus its terminator) is part of the size. */
struct entry {
	char *name;
	int id;
};

struct entry *entry_new(const char *name, int id)
{
	const size_t namelen = strlen(name);
	struct entry *e = calloc(sizeof(struct entry) + namelen + 1, 1);
	if (!e)
		return NULL;
	e->id = id;
	e->name = (char *)(e + 1);
	strcpy(e->name, name);  // ok: unbounded-copy (namelen went into the allocation)
	return e;
}

/* Lengths summed in a loop, then the same strings copied in through a cursor. */
char *join_list(const char **names, int n)
{
	size_t len = 1;
	char *out, *p;
	int i;
	for (i = 0; i < n; i++)
		len += strlen(names[i]) + 1;
	out = malloc(len);
	if (!out)
		return NULL;
	p = out;
	for (i = 0; i < n; i++) {
		strcpy(p, names[i]);  // ok: unbounded-copy (each name's length was added to len)
		p += strlen(p);
		*p++ = ',';
	}
	*p = '\0';
	return out;
}

/* The larger of a fixed minimum and the string's length, plus one. */
char *addr_copy(const char *spec)
{
	size_t room = 46 > strlen(spec) ? 46 : strlen(spec);
	char *addr = calloc(room + 1, 1);
	if (addr)
		strcpy(addr, spec);  // ok: unbounded-copy (room counts spec)
	return addr;
}

/* Measured, but for another block: the copy goes where nothing counted it. */
char *two_blocks(const char *s, const char *t)
{
	char *a = malloc(strlen(s) + 1);
	char *b = malloc(16);
	if (!a || !b) {
		free(a);
		free(b);
		return NULL;
	}
	strcpy(a, s);  // ok: unbounded-copy
	strcpy(b, s);  // expect: unbounded-copy
	free(a);
	(void)t;
	return b;
}

/* Allocated through an out-parameter, the sum scaled by the element size: both copies are counted. */
const char *resolve_id(const char *base, const char *id, char **to_free)
{
	char *s;
	*to_free = (char *)malloc((strlen(base) + strlen(id) + 2) * sizeof(char));
	if (!*to_free)
		return id;
	strcpy(*to_free, base);  // ok: unbounded-copy (base counted)
	s = *to_free;
	if (strrchr(s, '/'))
		s = strrchr(s, '/') + 1;
	strcpy(s, id);  // ok: unbounded-copy (id counted)
	return *to_free;
}

/* A separator held in a local that nothing changes: its length comes out of the constant part. */
char *join_dir(const char *dir, const char *file)
{
	const char *sep = "/";
	char *out = malloc((strlen(dir) + strlen(file) + 2) * sizeof(char));
	if (!out)
		return NULL;
	strcpy(out, dir);  // ok: unbounded-copy
	strcat(out, sep);  // ok: unbounded-copy (one character of the two spare)
	strcat(out, file);  // ok: unbounded-copy
	return out;
}

/* The same with a separator one character too long, and with one the function may change. */
char *join_dir_long(const char *dir, const char *file)
{
	const char *sep = "//";
	char *out = malloc((strlen(dir) + strlen(file) + 2) * sizeof(char));
	if (!out)
		return NULL;
	strcpy(out, dir);  // ok: unbounded-copy
	strcat(out, sep);  // expect: unbounded-copy
	return out;
}

char *join_dir_changed(const char *dir, int win)
{
	const char *sep = "/";
	char *out = malloc((strlen(dir) + 2) * sizeof(char));
	if (!out)
		return NULL;
	if (win)
		sep = "\\\\";
	strcpy(out, dir);  // ok: unbounded-copy
	strcat(out, sep);  // expect: unbounded-copy
	return out;
}
