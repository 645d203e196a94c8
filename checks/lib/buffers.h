/* buffers.h - check helpers: room left in destination buffers and the variable a write lands in (lib/buffers.c) */
#ifndef CVET_CHECKS_LIB_BUFFERS_H
#define CVET_CHECKS_LIB_BUFFERS_H

#include <stddef.h>
#include <clang-c/Index.h>
#include "code/check.h"

/*
 * Room left in a destination expression of constant size: an array variable or field (not a
 * trailing "struct hack" member), or &arr[k] / arr + k with a constant k. On success returns 1 and
 * sets *bytes (room in bytes) and *elem (size of one element in bytes, >= 1). 0 when unknown.
 */
int cvet_buffers__dest_room(CXCursor e, long long *bytes, long long *elem);

/* Root variable/parameter a destination expression writes into (buf, &buf[i], p->buf, buf + n), or null. */
CXCursor cvet_buffers__root_var(CXCursor e);

/* Room of an array-typed expression (after implicit casts: a variable, field or element of constant size,
 * not a trailing "struct hack" member); 1 and *bytes, *elem on success, else 0. */
int cvet_buffers__array_room(CXCursor a, long long *bytes, long long *elem);

#endif
