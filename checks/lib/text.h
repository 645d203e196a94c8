/* text.h - check helpers: short, safe text for messages and snippets (cut, redacted, whitespace folded) (lib/text.c) */
#ifndef CVET_CHECKS_LIB_TEXT_H
#define CVET_CHECKS_LIB_TEXT_H

#include <stddef.h>
#include <clang-c/Index.h>
#include "code/check.h"

/* Short malloc'd source text of an expression for messages (<= 40 chars, "..." when longer), or NULL. */
char *cvet_text__short(cvet_tu *tu, CXCursor e);

/*
 * Redacted copy of a secret for messages and snippets: at most `show` leading characters (never more
 * than a quarter of it) followed by an ellipsis (U+2026 in UTF-8). malloc'd; NULL on OOM.
 */
char *cvet_text__redact(const char *value, size_t show);

/* Replace a finding's snippet with a copy of `text` (the old one is freed). No-op when f is NULL. */
void cvet_text__set_snippet(cvet_finding *f, const char *text);

/* Short malloc'd copy of s for messages: at most `max` bytes, "..." appended when cut; control chars
 * replaced by '?'. NULL on OOM. */
char *cvet_text__shorten(const char *s, size_t max);

/* Short malloc'd source text of an expression for messages (at most 48 bytes, "..." when longer,
 * whitespace runs folded to one space), or a copy of `fallback` when the text is unavailable. */
char *cvet_text__short_or(cvet_tu *tu, CXCursor e, const char *fallback);

#endif
