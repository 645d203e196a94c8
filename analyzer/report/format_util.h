/* format_util.h - helpers shared by the report writers (implemented in format_util.c; writers never call write.c) */
#ifndef CVET_REPORT_FORMAT_UTIL_H
#define CVET_REPORT_FORMAT_UTIL_H

#include <stddef.h>
#include <stdio.h>
#include "cvet/report.h"

/* The location's path, or "<unknown>" when the finding has none. Lent. */
const char *cvet_fmt__path(const cvet_location *l);

/* gcc/SARIF level of a severity: "error" (critical, high), "warning" (medium, low), "note". */
const char *cvet_fmt__level(cvet_severity s);

/* Write `s` (may be NULL: writes nothing) for a terminal: bytes < 0x20 and 0x7f, invalid UTF-8,
 * C1 controls and bidirectional-override characters become '?'; with keep_tabs, tabs pass. */
void cvet_fmt__term(FILE *out, const char *s, int keep_tabs);
/* Same for the first `len` bytes of `s`. */
void cvet_fmt__term_n(FILE *out, const char *s, size_t len, int keep_tabs);

/* Length in bytes of the valid UTF-8 sequence starting at s (1..4), or 0 when s[0] starts none.
 * `avail` bounds the read. *cp receives the code point. */
size_t cvet_fmt__utf8_seq(const unsigned char *s, size_t avail, unsigned *cp);

/* 1 for code points that must not reach a terminal or a rendered page from untrusted text:
 * C1 controls and bidirectional controls (Trojan Source). */
int cvet_fmt__unsafe_cp(unsigned cp);

/* The first CVE id among the advisory id and its aliases, or NULL. Lent from `d`. */
const char *cvet_fmt__cve(const cvet_dep_info *d);

/*
 * One-line description of a dependency finding, e.g.
 * "curl 8.3.0 is affected by CVE-2023-38545 (CURL-CVE-2023-38545, critical 9.8); upgrade to 8.4.0".
 * Falls back to the finding's own message when it carries no dependency details.
 * Returns malloc'd text the caller frees, or NULL on out-of-memory.
 */
char *cvet_fmt__dep_message(const cvet_finding *f);

/* Markdown-escaped text for GitHub: no HTML, links, emphasis, table breaks or @mentions can be injected;
 * newlines and control characters become spaces. s may be NULL. */
void cvet_fmt__md_text(FILE *out, const char *s);
/* Same, stopping after `max` characters (0 = no limit) with an ellipsis. */
void cvet_fmt__md_text_n(FILE *out, const char *s, size_t max);
/* The text as is (for JSON strings, which cJSON escapes). */
void cvet_fmt__plain_text(FILE *out, const char *s);

/* Counts of findings per severity, indexed by cvet_severity (CVET_SEV_NOTE .. CVET_SEV_CRITICAL). */
void cvet_fmt__count(const cvet_report *r, size_t counts[CVET_SEV_CRITICAL + 1]);

/*
 * Source lines for display, read from files under a root. Keeps the last file read (findings are
 * sorted by path); files are read only when regular, and only up to a size bound.
 */
typedef struct cvet_fmt_srccache {
	char *path;      /* owned: the report-relative path of the cached file */
	char *text;      /* owned: file bytes (bounded), NULL when unreadable */
	size_t len;
	size_t *starts;  /* owned: offset of each line start */
	size_t nlines;
} cvet_fmt_srccache;

/* Line `line` (1-based) of `path` under `root` (NULL = cwd): points into the cache, *len excludes the
 * newline. Returns NULL when the file or line cannot be read. */
const char *cvet_fmt__source_line(cvet_fmt_srccache *c, const char *root, const char *path, unsigned line,
				    size_t *len);
void cvet_fmt__srccache_clear(cvet_fmt_srccache *c);

#endif
