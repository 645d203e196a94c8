/* suppress.h - inline suppression comments ("cvet-ignore" + ": RULE[,RULE] reason") and their filter */
#ifndef CVET_ANALYZER_SUPPRESS_H
#define CVET_ANALYZER_SUPPRESS_H

#include <stddef.h>
#include "cvet/report.h"

#define CVET_SUPPRESS_MAX_FILE_BYTES (64u * 1024u * 1024u)

typedef struct cvet_suppressions cvet_suppressions; /* opaque */

/* A new empty set; the caller frees it with cvet_suppress__free(). 0 or CVET_ENOMEM. */
int cvet_suppress__new(cvet_suppressions **out);
void cvet_suppress__free(cvet_suppressions *s);

/*
 * Collect the suppression comments of one file's text. `path` is its report path (what findings
 * carry). Comments are found by a small C/C++ lexer (string and character literals are skipped).
 * Returns 0 or CVET_ENOMEM.
 */
int cvet_suppress__scan_text(cvet_suppressions *s, const char *path, const char *text, size_t len);

/* Read `abs` (bounded at 8 MiB; unreadable files are skipped silently) and scan it as `path`. */
int cvet_suppress__scan_file(cvet_suppressions *s, const char *path, const char *abs);

/*
 * Remove every code finding of `r` that a suppression covers (same file, on the comment's line or
 * the line below, rule listed), then add a suppression-without-reason finding for each suppression
 * that gives no reason (when `report_no_reason`), and, when `report_unused`, an unused-suppression
 * finding for each listed rule that matched nothing (or is not a known rule). Rules for which
 * rule_enabled[cvet_rules_index(id)] is 0 are neither reported unused nor produce findings.
 * Returns 0 or CVET_ENOMEM.
 */
int cvet_suppress__apply(cvet_suppressions *s, cvet_report *r, const unsigned char *rule_enabled, int report_unused);

#endif
