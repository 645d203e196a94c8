/* json_out.h - small cJSON building helpers for the JSON and SARIF writers: sticky out-of-memory, valid UTF-8 */
#ifndef CVET_ANALYZER_JSON_OUT_H
#define CVET_ANALYZER_JSON_OUT_H

#include <stdio.h>
#include <cjson/cJSON.h>

/*
 * Builder state. Every helper takes the parent to add to (an object, with `key`, or an array,
 * with key NULL) and does nothing when the parent is NULL, so a tree can be built without
 * checking each call: an allocation failure sets `oom`, which cvet_jout__emit() reports.
 */
typedef struct cvet_jout {
	int oom;
} cvet_jout;

/* New object/array added to parent (or a new root when parent is NULL). Owned by the parent / caller. */
cJSON *cvet_jout__obj(cvet_jout *w, cJSON *parent, const char *key);
cJSON *cvet_jout__arr(cvet_jout *w, cJSON *parent, const char *key);
/* String value (null when s is NULL); invalid UTF-8 becomes U+FFFD so the output is always valid JSON. */
void cvet_jout__str(cvet_jout *w, cJSON *parent, const char *key, const char *s);
void cvet_jout__num(cvet_jout *w, cJSON *parent, const char *key, double v);
void cvet_jout__bool(cvet_jout *w, cJSON *parent, const char *key, int v);
void cvet_jout__null(cvet_jout *w, cJSON *parent, const char *key);

/* Copy of s with every invalid UTF-8 byte replaced by U+FFFD; malloc'd, NULL on out-of-memory. */
char *cvet_jout__utf8(const char *s);

/* Print root (cJSON formatted output: tab-indented, deterministic) plus a newline to out and delete root.
 * Returns 0, CVET_ENOMEM (also when w->oom is set) or CVET_EIO. Takes ownership of root. */
int cvet_jout__emit(cvet_jout *w, cJSON *root, FILE *out);

#endif
