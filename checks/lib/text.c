/* text.c - check helpers: short, safe text for messages and snippets (cut, redacted, whitespace folded) */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <clang-c/Index.h>
#include "code/cx.h"
#include "code/cx_text.h"
#include "lib/text.h"

char *cvet_text__short(cvet_tu *tu, CXCursor e)
{
	char *t = cx_text(tu, e), *o;
	size_t i, n = 0;
	int space = 0;
	if (!t)
		return NULL;
	o = t;
	for (i = 0; t[i]; i++) {
		unsigned char ch = (unsigned char)t[i];
		if (isspace(ch)) {
			space = 1;
			continue;
		}
		if (space && n)
			o[n++] = ' ';
		space = 0;
		o[n++] = (char)ch;
	}
	o[n] = '\0';
	if (n > 40)
		memcpy(o + 37, "...", 4);
	return o;
}

char *cvet_text__redact(const char *value, size_t show)
{
	size_t len = value ? strlen(value) : 0, keep = show, i;
	char *out;
	if (keep > len / 4)
		keep = len / 4;
	out = malloc(keep + 4);
	if (!out)
		return NULL;
	for (i = 0; i < keep; i++) {
		unsigned char c = (unsigned char)value[i];
		out[i] = (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') ? '?' : (char)c;
	}
	memcpy(out + keep, "\xe2\x80\xa6", 4); /* U+2026 HORIZONTAL ELLIPSIS, with the terminator */
	return out;
}

void cvet_text__set_snippet(cvet_finding *f, const char *text)
{
	char *copy;
	if (!f)
		return;
	copy = text ? strdup(text) : NULL;
	free(f->snippet);
	f->snippet = copy;
}

char *cvet_text__shorten(const char *s, size_t max)
{
	size_t len = s ? strlen(s) : 0, keep = len > max ? max : len;
	char *out;
	while (keep > 0 && keep < len && ((unsigned char)s[keep] & 0xC0) == 0x80)
		keep--; /* do not cut a UTF-8 sequence */
	out = malloc(keep + 4);
	if (!out)
		return NULL;
	for (size_t i = 0; i < keep; i++) {
		unsigned char c = (unsigned char)s[i];
		out[i] = c < 0x20 || c == 0x7f ? '?' : (char)c;
	}
	if (keep < len)
		memcpy(out + keep, "...", 4);
	else
		out[keep] = '\0';
	return out;
}

char *cvet_text__short_or(cvet_tu *tu, CXCursor e, const char *fallback)
{
	char *t = cx_text(tu, e), *out;
	size_t k = 0;
	int space = 0;
	if (!t || !*t) {
		free(t);
		return strdup(fallback ? fallback : "?");
	}
	out = malloc(52);
	if (!out) {
		free(t);
		return NULL;
	}
	for (const char *p = t; *p && k < 48; p++) {
		unsigned char ch = (unsigned char)*p;
		if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
			space = 1;
			continue;
		}
		if (space && k)
			out[k++] = ' ';
		space = 0;
		if (k < 48)
			out[k++] = ch < 0x20 ? '?' : (char)ch;
	}
	if (strlen(t) > 48 && k >= 48)
		memcpy(out + k, "...", 3), k += 3;
	out[k] = '\0';
	free(t);
	return out;
}
