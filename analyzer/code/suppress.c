/* suppress.c - find inline suppression comments in project files and filter the findings they cover */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "code/suppress.h"
#include "cvet/rules.h"
#include "common/util.h"

#define MARKER "cvet-ignore:"
#define MARKER_LEN (sizeof(MARKER) - 1)
#define MAX_IDS 32          /* rule ids in one comment */
#define MAX_ID_LEN 128
#define MAX_SPAN 64         /* lines a block comment may cover before the line below stops counting */
#define MAX_SNIPPET 200

typedef struct supp {
	char *path;             /* report path, owned */
	unsigned line, column;  /* where the marker is */
	unsigned lo, hi;        /* lines whose findings it covers */
	char **ids;             /* owned rule ids */
	unsigned char *used;    /* per id: matched at least one finding */
	size_t nids;
	int has_reason;
	char *snippet;          /* the marker text (fingerprint input), owned */
} supp;

struct cvet_suppressions {
	supp *v;
	size_t n, cap;
};


static char *dup_n(const char *s, size_t n)
{
	char *d = malloc(n + 1);
	if (d) {
		memcpy(d, s, n);
		d[n] = '\0';
	}
	return d;
}

int cvet_suppress__new(cvet_suppressions **out)
{
	*out = calloc(1, sizeof(**out));
	return *out ? 0 : cvet_error_setc(CVET_ENOMEM, "out of memory");
}

static void supp_clear(supp *s)
{
	for (size_t i = 0; i < s->nids; i++)
		free(s->ids[i]);
	free(s->ids);
	free(s->used);
	free(s->path);
	free(s->snippet);
}

void cvet_suppress__free(cvet_suppressions *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n; i++)
		supp_clear(&s->v[i]);
	free(s->v);
	free(s);
}

static int is_id_char(char c)
{
	return isalnum((unsigned char)c) || c == '-' || c == '_' || c == '.';
}

/* 1 when the text left after the rule ids says something (holds a letter or digit). */
static int says_something(const char *p, const char *end)
{
	for (; p < end; p++)
		if (isalnum((unsigned char)*p))
			return 1;
	return 0;
}

/*
 * Parse one comment body [b, e) that starts at (line, col of b). Only a marker at the start of the
 * comment (after blanks and decoration such as '*', '/', '!', '<') counts, so prose that mentions
 * the syntax is not taken for a suppression. Returns 0 or CVET_ENOMEM.
 */
static int parse_comment(cvet_suppressions *s, const char *path, const char *b, const char *e, unsigned line,
			 unsigned col)
{
	const char *p = b, *m, *eol, *ids[MAX_IDS];
	size_t lens[MAX_IDS], nids = 0;
	supp x;
	unsigned end_line = line;

	while (p < e && (*p == ' ' || *p == '\t' || *p == '*' || *p == '/' || *p == '!' || *p == '<' || *p == '\n' ||
			 *p == '\r')) {
		if (*p == '\n') {
			line++;
			col = 1;
		} else {
			col++;
		}
		p++;
	}
	if ((size_t)(e - p) < MARKER_LEN || memcmp(p, MARKER, MARKER_LEN) != 0)
		return 0;
	m = p;
	for (const char *q = b; q < e; q++)
		if (*q == '\n')
			end_line++;

	memset(&x, 0, sizeof(x));
	x.line = line;
	x.column = col;
	x.lo = line;
	x.hi = end_line + 1;
	if (x.hi - x.lo > MAX_SPAN)
		x.hi = x.lo + 1;

	/* rule ids: "a", "a,b", "a, b" */
	p = m + MARKER_LEN;
	for (;;) {
		const char *id;
		while (p < e && (*p == ' ' || *p == '\t'))
			p++;
		id = p;
		while (p < e && is_id_char(*p))
			p++;
		if (p == id)
			break;
		if (nids < MAX_IDS && (size_t)(p - id) <= MAX_ID_LEN) {
			ids[nids] = id;
			lens[nids] = (size_t)(p - id);
			nids++;
		}
		while (p < e && (*p == ' ' || *p == '\t'))
			p++;
		if (p < e && *p == ',') {
			p++;
			continue;
		}
		break;
	}
	if (nids && (!(x.ids = calloc(nids, sizeof(*x.ids))) || !(x.used = calloc(nids, 1))))
		goto oom;
	for (size_t k = 0; k < nids; k++) {
		if (!(x.ids[k] = dup_n(ids[k], lens[k])))
			goto oom;
		x.nids++;
	}
	x.has_reason = says_something(p, e);
	for (eol = m; eol < e && *eol != '\n' && *eol != '\r' && eol - m < MAX_SNIPPET; eol++)
		;
	while (eol > m && (eol[-1] == ' ' || eol[-1] == '\t'))
		eol--;
	if (!(x.snippet = dup_n(m, (size_t)(eol - m))) || !(x.path = dup_n(path, strlen(path))))
		goto oom;
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 16;
		supp *v = cap > SIZE_MAX / sizeof(*v) ? NULL : realloc(s->v, cap * sizeof(*v));
		if (!v)
			goto oom;
		s->v = v;
		s->cap = cap;
	}
	s->v[s->n++] = x;
	return 0;
oom:
	supp_clear(&x);
	return cvet_error_setc(CVET_ENOMEM, "out of memory");
}

int cvet_suppress__scan_text(cvet_suppressions *s, const char *path, const char *text, size_t len)
{
	size_t i = 0, line_start = 0;
	unsigned line = 1;
	int error;

	if (!s || !path || !text)
		return 0;
	while (i < len) {
		char c = text[i];
		if (c == '\n') {
			line++;
			line_start = ++i;
		} else if (c == '/' && i + 1 < len && text[i + 1] == '/') {
			size_t b = i + 2, e = b;
			while (e < len && text[e] != '\n')
				e++;
			if ((error = parse_comment(s, path, text + b, text + e, line, (unsigned)(b - line_start + 1))) < 0)
				return error;
			i = e;
		} else if (c == '/' && i + 1 < len && text[i + 1] == '*') {
			size_t b = i + 2, e = b;
			unsigned start_line = line, start_col = (unsigned)(b - line_start + 1);
			while (e < len && !(text[e] == '*' && e + 1 < len && text[e + 1] == '/')) {
				if (text[e] == '\n') {
					line++;
					line_start = e + 1;
				}
				e++;
			}
			if ((error = parse_comment(s, path, text + b, text + e, start_line, start_col)) < 0)
				return error;
			i = e + 2 < len ? e + 2 : len;
		} else if (c == '"' || (c == '\'' && !(i > 0 && isdigit((unsigned char)text[i - 1])))) {
			/* a literal ends at its quote or, if unterminated, at the end of the line */
			i++;
			while (i < len && text[i] != c && text[i] != '\n') {
				if (text[i] == '\\' && i + 1 < len) {
					if (text[i + 1] == '\n') {
						line++;
						line_start = i + 2;
					}
					i++;
				}
				i++;
			}
			if (i < len && text[i] == c)
				i++;
		} else {
			i++;
		}
	}
	return 0;
}

int cvet_suppress__scan_file(cvet_suppressions *s, const char *path, const char *abs)
{
	FILE *f;
	struct stat st;
	char *buf;
	size_t n;
	int error;

	if (!(f = cvet_util__open_regular(abs)))
		return 0;
	if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
		fclose(f);
		return 0;
	}
	n = st.st_size > (off_t)CVET_SUPPRESS_MAX_FILE_BYTES ? CVET_SUPPRESS_MAX_FILE_BYTES : (size_t)st.st_size;
	if (!(buf = malloc(n + 1))) {
		fclose(f);
		return cvet_error_setc(CVET_ENOMEM, "out of memory");
	}
	n = fread(buf, 1, n, f);
	fclose(f);
	buf[n] = '\0';
	error = cvet_suppress__scan_text(s, path, buf, n);
	free(buf);
	return error;
}

static int cmp_supp(const void *a, const void *b)
{
	const supp *x = a, *y = b;
	int c = strcmp(x->path, y->path);
	if (c)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->column < y->column ? -1 : x->column > y->column;
}

/* Index of the first suppression whose path is >= path (the array is sorted). */
static size_t lower_bound(const cvet_suppressions *s, const char *path)
{
	size_t lo = 0, hi = s->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(s->v[mid].path, path) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* 1 when finding f is covered by a suppression (which is marked used). */
static int suppressed(cvet_suppressions *s, const cvet_finding *f)
{
	int hit = 0;
	if (f->kind != CVET_KIND_CODE || !f->rule_id || !f->loc.path || f->loc.line == 0)
		return 0;
	if (strcmp(f->rule_id, CVET_RULE_SUPPRESSION_NO_REASON) == 0 ||
	    strcmp(f->rule_id, CVET_RULE_SUPPRESSION_UNUSED) == 0)
		return 0;
	for (size_t i = lower_bound(s, f->loc.path); i < s->n && strcmp(s->v[i].path, f->loc.path) == 0; i++) {
		supp *x = &s->v[i];
		if (f->loc.line < x->lo || f->loc.line > x->hi)
			continue;
		for (size_t k = 0; k < x->nids; k++) {
			if (strcmp(x->ids[k], f->rule_id) == 0) {
				x->used[k] = 1;
				hit = 1;
			}
		}
	}
	return hit;
}

static int rule_on(const unsigned char *enabled, const char *id)
{
	int i = cvet_rules_index(id);
	return i >= 0 && (!enabled || enabled[i]);
}

/* Add a finding of built-in rule `id` at the suppression. 0 or CVET_ENOMEM. */
static int add_finding(cvet_report *r, const char *id, const supp *x, const char *msg)
{
	const cvet_rule *rule = cvet_rules_find(id);
	cvet_finding *f = cvet_finding_new();
	if (!f || !rule)
		goto oom;
	f->kind = CVET_KIND_CODE;
	f->severity = rule->severity;
	memcpy(f->cwe, rule->cwe, sizeof(f->cwe));
	if (!(f->rule_id = dup_n(id, strlen(id))) || !(f->message = dup_n(msg, strlen(msg))) ||
	    !(f->loc.path = dup_n(x->path, strlen(x->path))) || !(f->snippet = dup_n(x->snippet, strlen(x->snippet))))
		goto oom;
	f->loc.line = x->line;
	f->loc.column = x->column;
	return cvet_report_add(r, f);
oom:
	cvet_finding_free(f);
	return cvet_error_setc(CVET_ENOMEM, "out of memory");
}

int cvet_suppress__apply(cvet_suppressions *s, cvet_report *r, const unsigned char *rule_enabled, int report_unused)
{
	size_t keep = 0;
	char msg[512];
	int error;

	if (!s || !r)
		return 0;
	if (s->n > 1)
		qsort(s->v, s->n, sizeof(*s->v), cmp_supp);
	for (size_t i = 0; i < r->nfindings; i++) {
		if (s->n && suppressed(s, r->findings[i]))
			cvet_finding_free(r->findings[i]);
		else
			r->findings[keep++] = r->findings[i];
	}
	r->nfindings = keep;

	for (size_t i = 0; i < s->n; i++) {
		const supp *x = &s->v[i];
		if (x->nids && !x->has_reason && rule_on(rule_enabled, CVET_RULE_SUPPRESSION_NO_REASON)) {
			char ids[256];
			size_t used = 0;
			ids[0] = '\0';
			for (size_t k = 0; k < x->nids; k++) {
				int w = snprintf(ids + used, sizeof(ids) - used, "%s%s", k ? ", " : "", x->ids[k]);
				if (w < 0 || (size_t)w >= sizeof(ids) - used)
					break;
				used += (size_t)w;
			}
			snprintf(msg, sizeof(msg), "suppression of '%s' gives no reason; write why after the rule id%s", ids,
				 x->nids > 1 ? "s" : "");
			if ((error = add_finding(r, CVET_RULE_SUPPRESSION_NO_REASON, x, msg)) < 0)
				return error;
		}
		if (!report_unused || !rule_on(rule_enabled, CVET_RULE_SUPPRESSION_UNUSED))
			continue;
		if (x->nids == 0) {
			if ((error = add_finding(r, CVET_RULE_SUPPRESSION_UNUSED, x,
						 "suppression names no rule; write 'cvet-ignore: RULE-ID reason'")) < 0)
				return error;
			continue;
		}
		for (size_t k = 0; k < x->nids; k++) {
			if (x->used[k])
				continue;
			if (!cvet_rules_find(x->ids[k]))
				snprintf(msg, sizeof(msg), "suppression names unknown rule '%s'; see 'cvet rules list'",
					 x->ids[k]);
			else if (rule_on(rule_enabled, x->ids[k]))
				snprintf(msg, sizeof(msg), "suppression of '%s' matches no finding; remove it", x->ids[k]);
			else
				continue; /* the rule is switched off: nothing could match */
			if ((error = add_finding(r, CVET_RULE_SUPPRESSION_UNUSED, x, msg)) < 0)
				return error;
		}
	}
	return 0;
}
