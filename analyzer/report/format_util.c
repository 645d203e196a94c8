/* format_util.c - helpers every writer shares: paths, levels, terminal-safe and Markdown-safe text, source lines */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>
#include <stdio.h>
#include "cvet/report.h"
#include "report/format_util.h"

/* Source files larger than this are only read up to here for display (lines past it show no source). */
#define SRC_MAX_BYTES (16u * 1024u * 1024u)

const char *cvet_fmt__path(const cvet_location *l)
{
	return l && l->path && *l->path ? l->path : "<unknown>";
}

const char *cvet_fmt__level(cvet_severity s)
{
	switch (s) {
	case CVET_SEV_CRITICAL:
	case CVET_SEV_HIGH: return "error";
	case CVET_SEV_MEDIUM:
	case CVET_SEV_LOW: return "warning";
	default: return "note";
	}
}

size_t cvet_fmt__utf8_seq(const unsigned char *s, size_t avail, unsigned *cp)
{
	unsigned c, v, min;
	size_t n, i;

	if (avail == 0)
		return 0;
	c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if (c >= 0xc2 && c <= 0xdf) {
		n = 2, v = c & 0x1f, min = 0x80;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3, v = c & 0x0f, min = 0x800;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4, v = c & 0x07, min = 0x10000;
	} else {
		return 0;
	}
	if (avail < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		v = (v << 6) | (s[i] & 0x3f);
	}
	if (v < min || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
		return 0;
	*cp = v;
	return n;
}

/* Code points a terminal must not receive from untrusted text: C1 controls and bidi controls (Trojan Source). */
int cvet_fmt__unsafe_cp(unsigned cp)
{
	return (cp >= 0x80 && cp <= 0x9f) || cp == 0x061c || cp == 0x200e || cp == 0x200f ||
	       (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

void cvet_fmt__term_n(FILE *out, const char *s, size_t len, int keep_tabs)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, n;
	unsigned cp;

	if (!s)
		return;
	while (i < len) {
		unsigned char c = p[i];
		if (c < 0x80) {
			if ((c < 0x20 && !(keep_tabs && c == '\t')) || c == 0x7f)
				c = '?';
			putc(c, out);
			i++;
			continue;
		}
		n = cvet_fmt__utf8_seq(p + i, len - i, &cp);
		if (n == 0 || cvet_fmt__unsafe_cp(cp)) {
			putc('?', out);
			i += n ? n : 1;
			continue;
		}
		fwrite(p + i, 1, n, out);
		i += n;
	}
}

void cvet_fmt__term(FILE *out, const char *s, int keep_tabs)
{
	if (s)
		cvet_fmt__term_n(out, s, strlen(s), keep_tabs);
}

const char *cvet_fmt__cve(const cvet_dep_info *d)
{
	if (!d)
		return NULL;
	if (d->advisory_id && strncmp(d->advisory_id, "CVE-", 4) == 0)
		return d->advisory_id;
	for (size_t i = 0; i < d->naliases; i++)
		if (d->aliases[i] && strncmp(d->aliases[i], "CVE-", 4) == 0)
			return d->aliases[i];
	return NULL;
}

char *cvet_fmt__dep_message(const cvet_finding *f)
{
	const cvet_dep_info *d = f->dep;
	const char *cve, *adv;
	char *buf = NULL;
	size_t len = 0;
	FILE *m;

	if (!d || !d->package)
		return strdup(f->message ? f->message : "");
	if (!(m = open_memstream(&buf, &len)))
		return NULL;
	adv = d->advisory_id ? d->advisory_id : f->rule_id;
	cve = cvet_fmt__cve(d);
	fprintf(m, "%s %s%s is affected by %s (", d->package, d->version ? d->version : "(unknown version)",
		d->build_only ? " (build-only)" : "", cve ? cve : adv ? adv : "an advisory");
	if (cve && adv && strcmp(cve, adv) != 0)
		fprintf(m, "%s, ", adv);
	fputs(cvet_severity_name(f->severity), m);
	if (d->score >= 0)
		fprintf(m, " %.1f", d->score);
	fputs(")", m);
	if (d->upgrade_to)
		fprintf(m, "; upgrade to %s", d->upgrade_to);
	else
		fputs("; no fixed version known", m);
	if (d->approximate)
		fputs(" (approximate version range)", m);
	if (fclose(m) != 0) {
		free(buf);
		return NULL;
	}
	return buf;
}

void cvet_fmt__count(const cvet_report *r, size_t counts[CVET_SEV_CRITICAL + 1])
{
	for (int s = 0; s <= CVET_SEV_CRITICAL; s++)
		counts[s] = 0;
	for (size_t i = 0; i < r->nfindings; i++) {
		cvet_severity s = r->findings[i]->severity;
		if ((unsigned)s <= CVET_SEV_CRITICAL)
			counts[s]++;
	}
}

void cvet_fmt__srccache_clear(cvet_fmt_srccache *c)
{
	free(c->path);
	free(c->text);
	free(c->starts);
	memset(c, 0, sizeof(*c));
}

/* Read up to SRC_MAX_BYTES of a regular file; 0 or -1. Never blocks on FIFOs or devices. */
static int load_source(cvet_fmt_srccache *c, const char *root, const char *path)
{
	char *full = NULL, *text = NULL;
	size_t cap = 0, len = 0, nl = 0, *starts;
	struct stat st;
	int fd = -1, rc = -1;

	if (path[0] == '/' || !root || !*root) {
		full = strdup(path);
	} else {
		size_t rl = strlen(root), pl = strlen(path);
		if ((full = malloc(rl + pl + 2))) {
			memcpy(full, root, rl);
			full[rl] = '/';
			memcpy(full + rl + 1, path, pl + 1);
		}
	}
	if (!full)
		goto done;
	if ((fd = open(full, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)) < 0)
		goto done;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
		goto done;
	cap = st.st_size > 0 && (unsigned long long)st.st_size < SRC_MAX_BYTES ? (size_t)st.st_size : SRC_MAX_BYTES;
	if (!(text = malloc(cap + 1)))
		goto done;
	while (len < cap) {
		ssize_t got = read(fd, text + len, cap - len);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			break;
		len += (size_t)got;
	}
	text[len] = '\0';
	for (size_t i = 0; i < len; i++)
		nl += text[i] == '\n';
	if (!(starts = calloc(nl + 1, sizeof(*starts))))
		goto done;
	c->nlines = 0;
	starts[c->nlines++] = 0;
	for (size_t i = 0; i < len; i++)
		if (text[i] == '\n' && i + 1 < len)
			starts[c->nlines++] = i + 1;
	c->starts = starts;
	c->text = text;
	c->len = len;
	text = NULL;
	rc = 0;
done:
	if (fd >= 0)
		close(fd);
	free(full);
	free(text);
	return rc;
}

const char *cvet_fmt__source_line(cvet_fmt_srccache *c, const char *root, const char *path, unsigned line,
				    size_t *len)
{
	size_t start, end;

	if (!path || !*path || line == 0)
		return NULL;
	if (!c->path || strcmp(c->path, path) != 0) {
		cvet_fmt__srccache_clear(c);
		if (!(c->path = strdup(path)))
			return NULL;
		(void)load_source(c, root, path); /* failure is cached as text == NULL */
	}
	if (!c->text || line > c->nlines)
		return NULL;
	start = c->starts[line - 1];
	end = line < c->nlines ? c->starts[line] : c->len;
	while (end > start && (c->text[end - 1] == '\n' || c->text[end - 1] == '\r'))
		end--;
	*len = end - start;
	return c->text + start;
}

void cvet_fmt__md_text_n(FILE *out, const char *s, size_t max)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len, i = 0, n, chars = 0;
	unsigned cp;

	if (!s)
		return;
	len = strlen(s);
	while (i < len) {
		unsigned char c = p[i];
		if (max && ++chars > max) {
			fputs("\xe2\x80\xa6", out);
			return;
		}
		if (c < 0x80) {
			if (c < 0x20 || c == 0x7f)
				putc(' ', out);
			else if (strchr("\\`*_[]<>|~&#$", c))
				fprintf(out, "\\%c", c);
			else if (c == '@')
				fputs("@\xe2\x81\xa0", out); /* a word joiner after '@' defeats @mentions */
			else
				putc(c, out);
			i++;
			continue;
		}
		n = cvet_fmt__utf8_seq(p + i, len - i, &cp);
		if (n == 0 || cvet_fmt__unsafe_cp(cp))
			fputs("\xef\xbf\xbd", out); /* U+FFFD for invalid bytes and bidi/C1 controls */
		else
			fwrite(p + i, 1, n, out);
		i += n ? n : 1;
	}
}

void cvet_fmt__md_text(FILE *out, const char *s)
{
	cvet_fmt__md_text_n(out, s, 0);
}

void cvet_fmt__plain_text(FILE *out, const char *s)
{
	if (s)
		fputs(s, out);
}
