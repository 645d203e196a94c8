/* Fixture for scanf-unbounded: parsing words from input and config lines. */
#define _GNU_SOURCE /* POSIX and GNU declarations: popen, mkstemps, strtok_r, getrandom, ... */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#define READ_WORD(b) scanf("%s", b)
#define WORD_FMT "%63s"

struct entry {
	char key[32];
	char value[64];
	int weight;
};

int parse_entry(const char *line, struct entry *e)
{
	return sscanf(line, "%s = %s", e->key, e->value);  // expect: scanf-unbounded
}

int parse_entry_safely(const char *line, struct entry *e)
{
	return sscanf(line, "%31s = %63s", e->key, e->value);  // ok: scanf-unbounded
}

int read_words(FILE *f)
{
	char word[64];
	char rest[256];
	int n = 0;
	if (fscanf(f, "%[^\n]", rest) == 1)  // expect: scanf-unbounded
		n++;
	if (fscanf(f, "%*s %d", &n) == 1)  // ok: scanf-unbounded (%*s stores nothing)
		n++;  /* n was just read from the file: INT_MAX + 1: kept, not used as a size, so no integer-overflow */
	if (scanf(WORD_FMT, word) == 1)  // ok: scanf-unbounded
		n++;  /* n may still hold the number read from the file: kept, not used as a size, so no integer-overflow */
	if (READ_WORD(word) == 1)  // expect: scanf-unbounded
		n++;  /* n may still hold the number read from the file: kept, not used as a size, so no integer-overflow */
	return n;
}

int read_allocated(void)
{
	char *name = NULL;
	int ok = scanf("%ms", &name) == 1;  // ok: scanf-unbounded (the library allocates)
	free(name);
	return ok;
}

int read_wide(void)
{
	wchar_t w[16];
	return wscanf(L"%ls", w);  // expect: scanf-unbounded
}

int vread(const char *fmt, ...)
{
	va_list ap;
	int n;
	va_start(ap, fmt);
	n = vscanf(fmt, ap);  // ok: scanf-unbounded (format not literal)
	va_end(ap);
	return n;
}

int main(void)
{
	struct entry e;
	int sscanf = 0; /* a variable named like the function */
	sscanf += parse_entry("a = b", &e) + parse_entry_safely("a = b", &e);
	sscanf += read_words(stdin) + read_allocated() + read_wide();  /* read_words returns a number read from the file: kept, not used as a size, so no integer-overflow */
	return sscanf + vread("%d", &e.weight);  /* sscanf holds that number: kept, not used as a size, so no integer-overflow */
}

/* Read from a string of bounded length: a field can be no longer than the string itself. */
int banner_version(const char *line)
{
	char buf[256], same[256], small[64];
	int major, minor;
	memcpy(buf, line, sizeof buf);
	buf[sizeof buf - 1] = '\0';
	if (sscanf(buf, "SSH-%d.%d-%[^\n]", &major, &minor, same) == 3)  // ok: scanf-unbounded (buf holds 255 at most)
		return major;
	if (sscanf(buf, "SSH-%d.%d-%[^\n]", &major, &minor, small) == 3)  // expect: scanf-unbounded
		return minor;
	if (sscanf(line, "SSH-%d.%d-%[^\n]", &major, &minor, same) == 3)  // expect: scanf-unbounded
		return 0;
	return -1;
}

/* A destination allocated from the same object the source string was made from, with the prefix "SSH-"
 * consumed before the field: it fits. Sized from something else, or shrunk, it is reported. */
struct wire {
	char *d;
	size_t n;
};

static char *wire_string(const struct wire *w)
{
	char *s = malloc(w->n + 1);
	if (s) {
		memcpy(s, w->d, w->n);
		s[w->n] = '\0';
	}
	return s;
}

static size_t wire_len(const struct wire *w)
{
	return w->n;
}

int peer_version(const struct wire *peer, const struct wire *other)
{
	char *s = wire_string(peer), *ver = NULL, *half, *wrong;
	int major, minor, r = -1;
	ver = calloc(1, wire_len(peer));
	half = calloc(1, wire_len(peer) / 2);
	wrong = calloc(1, wire_len(other));
	if (s && ver && half && wrong &&
	    sscanf(s, "SSH-%d.%d-%[^\n]\n", &major, &minor, ver) == 3 &&  // ok: scanf-unbounded (sized from peer too)
	    sscanf(s, "SSH-%[^\n]\n", half) == 1 &&  // expect: scanf-unbounded
	    sscanf(s, "SSH-%[^\n]\n", wrong) == 1)  // expect: scanf-unbounded
		r = major;
	free(s);
	free(ver);
	free(half);
	free(wrong);
	return r;
}
