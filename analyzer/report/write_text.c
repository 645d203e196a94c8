/* write_text.c - the terminal report: clang-style diagnostics with source and caret, tables, summary line */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "cvet/advisory.h"
#include "report/format_util.h"
#include "report/write.h"

#define SRC_SHOW_MAX 512 /* longest source line shown (bytes); longer lines are cut */
#define CELL_MAX 48      /* widest table cell (characters); longer cells end in "..." */

#define C_RESET "\033[0m"
#define C_BOLD "\033[1m"
#define C_RED "\033[1;31m"
#define C_MAGENTA "\033[1;35m"
#define C_CYAN "\033[1;36m"
#define C_GREEN "\033[1;32m"

typedef struct {
	FILE *out;
	const cvet_write_options *opts;
	cvet_fmt_srccache src; /* source lines for the caret display */
} text_ctx;

static void color(text_ctx *t, const char *code)
{
	if (t->opts->color)
		fputs(code, t->out);
}

static const char *severity_color(cvet_severity s)
{
	switch (s) {
	case CVET_SEV_CRITICAL:
	case CVET_SEV_HIGH: return C_RED;
	case CVET_SEV_MEDIUM: return C_MAGENTA;
	default: return C_CYAN;
	}
}

/* "path:line:col:" with unknown parts left out. */
static void put_location(text_ctx *t, const cvet_location *l, int bold)
{
	if (bold)
		color(t, C_BOLD);
	cvet_fmt__term(t->out, cvet_fmt__path(l), 0);
	if (l->line) {
		fprintf(t->out, ":%u", l->line);
		if (l->column)
			fprintf(t->out, ":%u", l->column);
	}
	fputc(':', t->out);
	if (bold)
		color(t, C_RESET);
}

/* Display columns taken by bytes [0, len) of s as the sanitizer prints them (tabs counted apart). */
static size_t display_width(const char *s, size_t len)
{
	size_t i = 0, w = 0, n;
	unsigned cp;
	while (i < len) {
		n = cvet_fmt__utf8_seq((const unsigned char *)s + i, len - i, &cp);
		i += n ? n : 1;
		w++;
	}
	return w;
}

/* The source line and a caret (with ~ under the rest of a one-line range), clang style. */
static void put_source(text_ctx *t, const cvet_location *l)
{
	const char *line;
	size_t len, i, n, col, end;
	unsigned cp;
	int gutter = 5;

	if (!t->opts->show_source || !l->path || !l->line)
		return;
	if (!(line = cvet_fmt__source_line(&t->src, t->opts->root, l->path, l->line, &len)))
		return;
	if (len > SRC_SHOW_MAX)
		len = SRC_SHOW_MAX;
	for (unsigned v = l->line; v >= 100000; v /= 10)
		gutter++;
	fprintf(t->out, " %*u | ", gutter, l->line);
	cvet_fmt__term_n(t->out, line, len, 1);
	fputc('\n', t->out);

	col = l->column;
	if (col == 0 || col > len + 1)
		return;
	end = col + 1;
	if ((l->end_line == 0 || l->end_line == l->line) && l->end_column > col)
		end = l->end_column;
	else if (l->end_line > l->line)
		end = len + 1; /* a range over several lines: underline to the end of the first */
	if (end > len + 1)
		end = len + 1 > col ? len + 1 : col + 1;
	fprintf(t->out, " %*s | ", gutter, "");
	/* the same walk as the sanitizer: one column per character, tabs kept so the caret lines up */
	for (i = 0; i + 1 < col;) {
		if (line[i] == '\t') {
			fputc('\t', t->out);
			i++;
			continue;
		}
		n = cvet_fmt__utf8_seq((const unsigned char *)line + i, len - i, &cp);
		i += n ? n : 1;
		fputc(' ', t->out);
	}
	color(t, C_GREEN);
	fputc('^', t->out);
	if (end > col + 1)
		for (size_t k = display_width(line + col - 1, end - col); k > 1; k--)
			fputc('~', t->out);
	color(t, C_RESET);
	fputc('\n', t->out);
}

static void put_code_finding(text_ctx *t, const cvet_finding *f)
{
	put_location(t, &f->loc, 1);
	fputc(' ', t->out);
	color(t, severity_color(f->severity));
	fprintf(t->out, "%s:", cvet_severity_name(f->severity));
	color(t, C_RESET);
	fputc(' ', t->out);
	color(t, C_BOLD);
	cvet_fmt__term(t->out, f->message ? f->message : "", 0);
	color(t, C_RESET);
	fputs(" [", t->out);
	cvet_fmt__term(t->out, f->rule_id ? f->rule_id : "unknown", 0);
	fputc(']', t->out);
	for (int i = 0; i < CVET_MAX_CWE && f->cwe[i] > 0; i++)
		fprintf(t->out, "%sCWE-%d", i ? ", " : " (", f->cwe[i]);
	if (f->cwe[0] > 0)
		fputc(')', t->out);
	if (f->location_class != CVET_LOC_PRODUCT)
		fprintf(t->out, " {%s code}", cvet_location_class_name(f->location_class));
	fputc('\n', t->out);
	/* the source line of a hard-coded secret would print the secret the message redacts */
	if (!f->rule_id || strcmp(f->rule_id, "hardcoded-credential") != 0)
		put_source(t, &f->loc);
	if (f->fix) {
		fputs("  fix: ", t->out);
		cvet_fmt__term(t->out, f->fix, 0);
		fputc('\n', t->out);
	}
	if (f->nsteps) {
		fputs("  dataflow:\n", t->out);
		for (size_t i = 0; i < f->nsteps; i++) {
			fprintf(t->out, "    %zu. ", i + 1);
			put_location(t, &f->steps[i], 0);
			fputc(' ', t->out);
			cvet_fmt__term(t->out, f->steps[i].message ? f->steps[i].message : "", 0);
			fputc('\n', t->out);
		}
	}
}

/* ---- tables ---- */

/* A sanitized cell cut to CELL_MAX characters; malloc'd (NULL on out-of-memory). */
static char *cell(const char *s)
{
	char *buf = NULL;
	size_t len = 0, i = 0, n;
	unsigned cp;
	FILE *m = open_memstream(&buf, &len);

	if (!m)
		return NULL;
	cvet_fmt__term(m, s ? s : "", 0);
	if (fclose(m) != 0) {
		free(buf);
		return NULL;
	}
	if (display_width(buf, len) <= CELL_MAX)
		return buf;
	for (size_t w = 0; w < CELL_MAX - 3; w++) {
		n = cvet_fmt__utf8_seq((const unsigned char *)buf + i, len - i, &cp);
		i += n ? n : 1;
	}
	memcpy(buf + i, "...", 4); /* more than 3 characters (bytes) follow i, so this fits */
	return buf;
}

/* A cell from printf-style text. */
static char *cellf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *cellf(const char *fmt, ...)
{
	char *buf = NULL, *c;
	size_t len = 0;
	va_list ap;
	FILE *m = open_memstream(&buf, &len);

	if (!m)
		return NULL;
	va_start(ap, fmt);
	vfprintf(m, fmt, ap);
	va_end(ap);
	if (fclose(m) != 0) {
		free(buf);
		return NULL;
	}
	c = cell(buf);
	free(buf);
	return c;
}

typedef struct {
	size_t ncols, nrows;
	char **cells; /* nrows * ncols, row 0 the header */
} table;

static int table_init(table *tb, size_t ncols, size_t nrows)
{
	tb->ncols = ncols;
	tb->nrows = nrows + 1;
	tb->cells = calloc(tb->nrows * ncols, sizeof(char *));
	return tb->cells ? 0 : -1;
}

static void table_free(table *tb)
{
	if (tb->cells)
		for (size_t i = 0; i < tb->nrows * tb->ncols; i++)
			free(tb->cells[i]);
	free(tb->cells);
}

/* Print with columns padded to their widest cell; returns -1 when a cell is missing (out of memory). */
static int table_print(text_ctx *t, const table *tb)
{
	size_t width[16] = {0};

	for (size_t i = 0; i < tb->nrows * tb->ncols; i++) {
		size_t w;
		if (!tb->cells[i])
			return -1;
		w = display_width(tb->cells[i], strlen(tb->cells[i]));
		if (w > width[i % tb->ncols])
			width[i % tb->ncols] = w;
	}
	for (size_t r = 0; r < tb->nrows; r++) {
		size_t last = tb->ncols;
		while (last > 0 && !*tb->cells[r * tb->ncols + last - 1])
			last--; /* no trailing blanks */
		fputs("  ", t->out);
		if (r == 0)
			color(t, C_BOLD);
		for (size_t c = 0; c < last; c++) {
			const char *s = tb->cells[r * tb->ncols + c];
			fputs(s, t->out);
			if (c + 1 < last)
				for (size_t k = display_width(s, strlen(s)); k < width[c] + 2; k++)
					fputc(' ', t->out);
		}
		if (r == 0)
			color(t, C_RESET);
		fputc('\n', t->out);
	}
	return 0;
}

/* A blank line, the bold title, then `tail` (":" + text on the same line, or a newline). */
static void section(text_ctx *t, const char *title, const char *tail)
{
	fputc('\n', t->out);
	color(t, C_BOLD);
	fputs(title, t->out);
	color(t, C_RESET);
	fputs(tail, t->out);
}

static char *where(const cvet_location *l)
{
	return l->line ? cellf("%s:%u", cvet_fmt__path(l), l->line) : cell(cvet_fmt__path(l));
}

static int put_dependencies(text_ctx *t, const cvet_report *r, size_t ndep)
{
	static const char *const head[] = {"package", "version", "advisory", "severity", "upgrade to", "where",
					   "build-only"};
	table tb;
	size_t row = 1;
	int rc;

	if (table_init(&tb, 7, ndep) < 0)
		return -1;
	for (size_t c = 0; c < 7; c++)
		tb.cells[c] = cell(head[c]);
	for (size_t i = 0; i < r->nfindings; i++) {
		const cvet_finding *f = r->findings[i];
		const cvet_dep_info *d = f->dep;
		const char *adv, *cve;
		char **rowc;

		if (f->kind != CVET_KIND_DEPENDENCY)
			continue;
		rowc = tb.cells + row++ * 7;
		adv = d && d->advisory_id ? d->advisory_id : f->rule_id;
		cve = cvet_fmt__cve(d);
		rowc[0] = cell(d && d->package ? d->package : "?");
		rowc[1] = cell(d && d->version ? d->version : "?");
		if (cve && adv && !strstr(adv, cve))
			rowc[2] = cellf("%s (%s)", adv, cve);
		else
			rowc[2] = cell(adv ? adv : "?");
		if (d && d->score >= 0)
			rowc[3] = cellf("%s %.1f", cvet_severity_name(f->severity), d->score);
		else
			rowc[3] = cell(cvet_severity_name(f->severity));
		rowc[4] = cell(d && d->upgrade_to ? d->upgrade_to : "-");
		rowc[5] = where(&f->loc);
		rowc[6] = cell(d && d->build_only ? "yes" : "");
	}
	section(t, "Vulnerable dependencies", "\n");
	rc = table_print(t, &tb);
	table_free(&tb);
	return rc;
}

/* Same pinned package (findings are sorted by location, so a package's findings are adjacent). */
static int same_package(const cvet_finding *a, const cvet_finding *b)
{
	const cvet_dep_info *x = a->dep, *y = b->dep;
	return x && y && a->loc.line == b->loc.line && a->loc.path && b->loc.path &&
	       strcmp(a->loc.path, b->loc.path) == 0 && x->package && y->package &&
	       strcmp(x->package, y->package) == 0 && (x->version == y->version ||
	       (x->version && y->version && strcmp(x->version, y->version) == 0));
}

/* One line per vulnerable package: how many advisories, the worst, and the version that fixes
 * them all (the newest of their "upgrade to" versions) - the answer to "what do we upgrade to?". */
static void put_upgrades(text_ctx *t, const cvet_report *r)
{
	int titled = 0;
	for (size_t i = 0; i < r->nfindings;) {
		const cvet_finding *f = r->findings[i];
		size_t j = i, n = 0, unfixed = 0;
		cvet_severity worst = CVET_SEV_NOTE;
		const char *target = NULL;
		if (f->kind != CVET_KIND_DEPENDENCY || !f->dep) {
			i++;
			continue;
		}
		for (; j < r->nfindings && r->findings[j]->kind == CVET_KIND_DEPENDENCY && same_package(f, r->findings[j]); j++) {
			const cvet_dep_info *d = r->findings[j]->dep;
			n++;
			if (r->findings[j]->severity > worst)
				worst = r->findings[j]->severity;
			if (!d->upgrade_to)
				unfixed++;
			else if (!target || cvet_version_cmp(d->upgrade_to, target) > 0)
				target = d->upgrade_to;
		}
		if (!titled++)
			section(t, "Upgrades", "\n");
		fputs("  ", t->out);
		cvet_fmt__term(t->out, f->dep->package, 0);
		fputc(' ', t->out);
		cvet_fmt__term(t->out, f->dep->version ? f->dep->version : "?", 0);
		fputs(" (", t->out);
		cvet_fmt__term(t->out, cvet_fmt__path(&f->loc), 0); /* a manifest's path is untrusted text */
		fprintf(t->out, ":%u): %zu advisor%s, worst %s", f->loc.line, n, n == 1 ? "y" : "ies",
			cvet_severity_name(worst));
		if (target) {
			fputs("; upgrade to ", t->out);
			cvet_fmt__term(t->out, target, 0);
			fprintf(t->out, " or later (fixes %zu)", n - unfixed);
		}
		if (unfixed)
			fprintf(t->out, "; %zu with no fixed version in the data", unfixed);
		fputc('\n', t->out);
		i = j > i ? j : i + 1;
	}
}

static int put_network(text_ctx *t, const cvet_report *r)
{
	static const char *const head[] = {"api", "address", "port", "location", "function"};
	table tb;
	int rc;

	if (r->nendpoints == 0) {
		section(t, "Network surface", ": none found\n");
		return 0;
	}
	if (table_init(&tb, 5, r->nendpoints) < 0)
		return -1;
	for (size_t c = 0; c < 5; c++)
		tb.cells[c] = cell(head[c]);
	for (size_t i = 0; i < r->nendpoints; i++) {
		const cvet_endpoint *e = r->endpoints[i];
		char **rowc = tb.cells + (i + 1) * 5;
		rowc[0] = cell(e->api ? e->api : "?");
		rowc[1] = cell(e->address ? e->address : "(not constant)");
		rowc[2] = e->port >= 0 ? cellf("%d", e->port) : cell("(not constant)");
		rowc[3] = e->loc.line && e->loc.column
				  ? cellf("%s:%u:%u", cvet_fmt__path(&e->loc), e->loc.line, e->loc.column)
				  : where(&e->loc);
		rowc[4] = cell(e->function ? e->function : "");
	}
	section(t, "Network surface", "\n");
	rc = table_print(t, &tb);
	table_free(&tb);
	return rc;
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Distinct names of packages with a version but no advisory data: what was not checked. */
static void put_unchecked(text_ctx *t, const cvet_report *r)
{
	const char **names = r->npackages ? calloc(r->npackages, sizeof(*names)) : NULL;
	size_t n = 0, shown = 0;
	if (!names)
		return;
	for (size_t i = 0; i < r->npackages; i++)
		if (r->packages[i]->version && !r->packages[i]->checked && r->packages[i]->name)
			names[n++] = r->packages[i]->name;
	if (n > 1)
		qsort(names, n, sizeof(*names), cmp_name);
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && strcmp(names[i - 1], names[i]) == 0)
			continue;
		if (shown == 100) {
			fputs(", ...", t->out);
			break;
		}
		fputs(shown++ ? ", " : "  not checked (no advisory data, or a version that cannot be compared): ", t->out);
		cvet_fmt__term(t->out, names[i], 0);
	}
	if (shown)
		fputc('\n', t->out);
	free(names);
}

static void put_inventory(text_ctx *t, const cvet_report *r)
{
	size_t checked = 0, unknown = 0, shown = 0;

	for (size_t i = 0; i < r->npackages; i++) {
		checked += r->packages[i]->checked != 0;
		unknown += r->packages[i]->version == NULL;
	}
	section(t, "Dependencies", ":");
	if (r->npackages == 0 && r->manifests_scanned == 0) {
		fputs(" no lockfiles or manifests found\n", t->out);
		return;
	}
	fprintf(t->out, " %zu package%s in %zu manifest%s, %zu checked against advisories\n", r->npackages,
		r->npackages == 1 ? "" : "s", r->manifests_scanned, r->manifests_scanned == 1 ? "" : "s", checked);
	put_unchecked(t, r);
	if (!unknown)
		return;
	fputs("  unknown version:", t->out);
	for (size_t i = 0; i < r->npackages; i++) {
		const cvet_package *p = r->packages[i];
		if (p->version)
			continue;
		fputs(shown++ ? ", " : " ", t->out);
		cvet_fmt__term(t->out, p->name ? p->name : "?", 0);
		fputs(" (", t->out);
		cvet_fmt__term(t->out, cvet_fmt__path(&p->loc), 0);
		if (p->loc.line)
			fprintf(t->out, ":%u", p->loc.line);
		fputc(')', t->out);
	}
	fputc('\n', t->out);
}

static void put_summary(text_ctx *t, const cvet_report *r)
{
	size_t counts[CVET_SEV_CRITICAL + 1], hit;
	cvet_severity fail_on = t->opts->fail_on;

	cvet_fmt__count(r, counts);
	fputc('\n', t->out);
	color(t, C_BOLD);
	fprintf(t->out, "%zu finding%s", r->nfindings, r->nfindings == 1 ? "" : "s");
	color(t, C_RESET);
	for (int s = CVET_SEV_CRITICAL; s >= CVET_SEV_NOTE; s--)
		fprintf(t->out, "%s%zu %s%s", s == CVET_SEV_CRITICAL ? ": " : ", ", counts[s],
			cvet_severity_name((cvet_severity)s), s == CVET_SEV_NOTE && counts[s] != 1 ? "s" : "");
	fprintf(t->out, "; %zu file%s and %zu manifest%s scanned in %.2fs", r->files_scanned,
		r->files_scanned == 1 ? "" : "s", r->manifests_scanned, r->manifests_scanned == 1 ? "" : "s",
		r->elapsed_seconds > 0 ? r->elapsed_seconds : 0.0);
	if (fail_on == CVET_SEV_NONE || (unsigned)fail_on > CVET_SEV_NONE) {
		fputs("; --fail-on none\n", t->out);
		return;
	}
	hit = cvet_report_count_failing(r, fail_on, t->opts->fail_on_all_code);
	fprintf(t->out, "; --fail-on %s: ", cvet_severity_name(fail_on));
	if (hit) {
		color(t, C_RED);
		fprintf(t->out, "%zu at or above, failed", hit);
		color(t, C_RESET);
	} else {
		fputs("none at or above, passed", t->out);
	}
	if (!t->opts->fail_on_all_code) {
		size_t other = cvet_report_count_at_least(r, fail_on) - hit;
		if (other)
			fprintf(t->out, " (%zu more outside product code, not counted)", other);
	}
	fputc('\n', t->out);
}

int cvet_write__text(const cvet_report *r, FILE *out, const cvet_write_options *opts)
{
	text_ctx t = {out, opts, {0}};
	size_t ndep = 0, nother = 0;
	int rc = 0;

	/* product code first; then, in a section of their own, findings in test, vendored, ... code */
	for (size_t i = 0; i < r->nfindings; i++) {
		if (r->findings[i]->kind == CVET_KIND_DEPENDENCY)
			ndep++;
		else if (r->findings[i]->location_class == CVET_LOC_PRODUCT)
			put_code_finding(&t, r->findings[i]);
		else
			nother++;
		if (ferror(out))
			break;
	}
	if (nother && !ferror(out)) {
		char title[128];
		snprintf(title, sizeof(title), "In tests, examples, vendored and other non-product code: %zu finding%s",
			 nother, nother == 1 ? "" : "s");
		section(&t, title, "\n");
		for (size_t i = 0; i < r->nfindings && !ferror(out); i++)
			if (r->findings[i]->kind == CVET_KIND_CODE && r->findings[i]->location_class != CVET_LOC_PRODUCT)
				put_code_finding(&t, r->findings[i]);
	}
	cvet_fmt__srccache_clear(&t.src);
	if (ndep && put_dependencies(&t, r, ndep) < 0)
		rc = CVET_ENOMEM;
	if (!rc && ndep)
		put_upgrades(&t, r);
	if (!rc && (r->code_ran || r->nendpoints) && put_network(&t, r) < 0)
		rc = CVET_ENOMEM;
	if (!rc && (r->deps_ran || r->npackages))
		put_inventory(&t, r);
	if (!rc && r->nnotes) {
		section(&t, "Notes", ":\n");
		for (size_t i = 0; i < r->nnotes; i++) {
			fputs("  - ", out);
			cvet_fmt__term(out, r->notes[i], 0);
			fputc('\n', out);
		}
	}
	if (!rc)
		put_summary(&t, r);
	if (!rc && ferror(out))
		rc = CVET_EIO;
	return rc;
}
