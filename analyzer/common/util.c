/* util.c - small helpers several analyzer files share: safe file opening, path containment, array growth */
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "common/util.h"

FILE *cvet_util__open_regular(const char *path)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	FILE *f;
	if (fd < 0)
		return NULL;
	if (!(f = fdopen(fd, "rb")))
		close(fd);
	return f;
}

int cvet_util__path_under(const char *path, const char *root)
{
	size_t n;
	if (!path || !root || !*root)
		return 0;
	n = strlen(root);
	while (n > 1 && root[n - 1] == '/')
		n--;
	if (n == 1 && root[0] == '/')
		return path[0] == '/';
	return strncmp(path, root, n) == 0 && (path[n] == '/' || path[n] == '\0');
}

int cvet_util__grow(void **arr, size_t *cap, size_t n, size_t size)
{
	size_t want;
	void *p;
	if (n < *cap)
		return 0;
	want = *cap ? *cap * 2 : 8;
	if (size == 0 || want < *cap || want > SIZE_MAX / size)
		return -1;
	if (!(p = realloc(*arr, want * size)))
		return -1;
	*arr = p;
	*cap = want;
	return 0;
}

/* Length of the valid UTF-8 sequence at s (2..4 bytes; s[0] >= 0x80), 0 when none; *cp gets the code point. */
static size_t utf8_len(const unsigned char *s, unsigned *cp)
{
	unsigned c = s[0], v;
	size_t n;
	if (c >= 0xc2 && c <= 0xdf)
		n = 2, v = c & 0x1f;
	else if (c >= 0xe0 && c <= 0xef)
		n = 3, v = c & 0x0f;
	else if (c >= 0xf0 && c <= 0xf4)
		n = 4, v = c & 0x07;
	else
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80) /* also stops at the terminating NUL */
			return 0;
		v = (v << 6) | (s[i] & 0x3f);
	}
	if ((n == 3 && v < 0x800) || (n == 4 && (v < 0x10000 || v > 0x10ffff)) || (v >= 0xd800 && v <= 0xdfff))
		return 0;
	*cp = v;
	return n;
}

/* Code points a terminal interprets or that reorder the text around them (Trojan Source). */
static int unsafe_cp(unsigned cp)
{
	return (cp >= 0x80 && cp <= 0x9f) || cp == 0x061c || cp == 0x200e || cp == 0x200f ||
	       (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

size_t cvet_util__escape_text(char *dst, size_t dstsz, const char *src)
{
	static const char digits[] = "0123456789abcdef";
	const unsigned char *s = (const unsigned char *)(src ? src : "");
	size_t o = 0;
	if (dstsz == 0)
		return 0;
	while (*s) {
		unsigned cp = 0;
		size_t n = *s < 0x80 ? 1 : utf8_len(s, &cp);
		int esc = n == 0 || (n == 1 && (*s < 0x20 || *s == 0x7f) && *s != '\n' && *s != '\r' && *s != '\t') ||
			  (n > 1 && unsafe_cp(cp));
		if (n == 1 && (*s == '\n' || *s == '\r' || *s == '\t')) {
			if (o + 1 >= dstsz)
				break;
			dst[o++] = ' ';
			s++;
		} else if (esc) {
			size_t k = n ? n : 1;
			if (o + 4 * k >= dstsz)
				break;
			for (size_t i = 0; i < k; i++, s++) {
				dst[o++] = '\\';
				dst[o++] = 'x';
				dst[o++] = digits[*s >> 4];
				dst[o++] = digits[*s & 15];
			}
		} else {
			if (o + n >= dstsz)
				break;
			memcpy(dst + o, s, n);
			o += n;
			s += n;
		}
	}
	dst[o] = '\0';
	return o;
}
