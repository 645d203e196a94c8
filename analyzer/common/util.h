/* util.h - small helpers several analyzer files share: safe file opening, path containment, array growth */
#ifndef CVET_ANALYZER_UTIL_H
#define CVET_ANALYZER_UTIL_H

#include <stddef.h>
#include <stdio.h>

/* fopen for reading that never blocks on a FIFO or device: O_NONBLOCK open, then the caller's
 * fstat rejects anything but a regular file. NULL with errno set on failure. */
FILE *cvet_util__open_regular(const char *path);

/* 1 when path equals root or lies under it (component-wise prefix; both absolute, normalised). */
int cvet_util__path_under(const char *path, const char *root);

/* Make room for element n of an array of `size`-byte elements whose capacity is *cap (doubling,
 * overflow-checked). Returns 0, or -1 when memory runs out or the size would overflow. */
int cvet_util__grow(void **arr, size_t *cap, size_t n, size_t size);

/*
 * Copy `src` into `dst` (`dstsz` bytes, always NUL-terminated when dstsz > 0) as one line a terminal
 * shows but never acts on: newline, carriage return and tab become a space; other C0 controls, DEL,
 * C1 controls (U+0080..U+009F), bidirectional controls and bytes that are not valid UTF-8 become
 * "\xHH" (one per byte). Valid UTF-8 text and backslashes pass unchanged, so escaping twice changes
 * nothing. An escape is never cut in half at the end of `dst`. Returns the length written.
 */
size_t cvet_util__escape_text(char *dst, size_t dstsz, const char *src);

#endif
