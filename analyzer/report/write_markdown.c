/* write_markdown.c - a pull-request-comment-sized Markdown summary: counts and capped tables */
#include <stdlib.h>
#include <string.h>
#include "report/format_util.h"
#include "report/write.h"

#define MD_MAX_ROWS 100  /* rows per table; the rest is counted in "…and N more" */
#define MD_MAX_CHARS 200 /* characters per message cell */

/* An identifier or path in a code span when that is safe, else escaped text. */
static void md_code(FILE *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t len = strlen((const char *)p), i = 0, n;
	int plain = len > 0 && len <= 200;
	unsigned cp;

	while (plain && i < len) { /* printable ASCII without backticks, or valid harmless UTF-8 */
		n = cvet_fmt__utf8_seq(p + i, len - i, &cp);
		if (n == 0 || cp < 0x20 || cp == 0x7f || cp == '`' || cvet_fmt__unsafe_cp(cp))
			plain = 0;
		i += n ? n : 1;
	}
	if (!plain) {
		cvet_fmt__md_text_n(out, s, MD_MAX_CHARS);
		return;
	}
	putc('`', out);
	for (; *p; p++) {
		if (*p == '|')
			putc('\\', out); /* GFM splits table cells before inline parsing, also inside code spans */
		putc(*p, out);
	}
	putc('`', out);
}

static void md_location(FILE *out, const cvet_location *l, int with_column)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);

	if (!m) {
		md_code(out, cvet_fmt__path(l));
		return;
	}
	fputs(cvet_fmt__path(l), m);
	if (l->line)
		fprintf(m, ":%u", l->line);
	if (l->line && l->column && with_column)
		fprintf(m, ":%u", l->column);
	if (fclose(m) != 0) {
		free(buf);
		md_code(out, cvet_fmt__path(l));
		return;
	}
	md_code(out, buf);
	free(buf);
}

static void more(FILE *out, size_t shown, size_t total)
{
	if (total > shown)
		fprintf(out, "\n\xe2\x80\xa6" "and %zu more\n", total - shown);
}

/* Findings of one kind, most severe first, report order within a severity. */
typedef struct {
	int sev;
	size_t idx;
} ranked;

static int cmp_ranked(const void *pa, const void *pb)
{
	const ranked *a = pa, *b = pb;
	if (a->sev != b->sev)
		return a->sev > b->sev ? -1 : 1;
	return a->idx < b->idx ? -1 : a->idx > b->idx;
}

/* Which findings a table shows. */
typedef enum { ROWS_PRODUCT_CODE, ROWS_OTHER_CODE, ROWS_DEPENDENCIES } rows;

static int in_rows(const cvet_finding *f, rows which)
{
	if (f->kind == CVET_KIND_DEPENDENCY)
		return which == ROWS_DEPENDENCIES;
	if (which == ROWS_DEPENDENCIES)
		return 0;
	return (f->location_class == CVET_LOC_PRODUCT) == (which == ROWS_PRODUCT_CODE);
}

/* malloc'd ranking of the findings of `which` (n of them); NULL on out-of-memory. */
static ranked *rank(const cvet_report *r, rows which, size_t n)
{
	ranked *v = calloc(n ? n : 1, sizeof(*v));
	size_t k = 0;

	if (!v)
		return NULL;
	for (size_t i = 0; i < r->nfindings && k < n; i++) {
		if (!in_rows(r->findings[i], which))
			continue;
		v[k].sev = (int)r->findings[i]->severity;
		v[k++].idx = i;
	}
	qsort(v, k, sizeof(*v), cmp_ranked);
	return v;
}

/* The code findings of product code, or (other) those in test, vendored, ... code with a column naming it. */
static int put_findings(FILE *out, const cvet_report *r, size_t ncode, int other)
{
	size_t shown = 0;
	ranked *order = rank(r, other ? ROWS_OTHER_CODE : ROWS_PRODUCT_CODE, ncode);

	if (!order)
		return -1;

	if (other)
		fprintf(out, "\n#### In tests, examples, vendored and other non-product code: %zu finding%s\n\n"
			     "| Code | Severity | Rule | Location | Message |\n| --- | --- | --- | --- | --- |\n",
			ncode, ncode == 1 ? "" : "s");
	else
		fputs("\n#### Findings\n\n| Severity | Rule | Location | Message |\n| --- | --- | --- | --- |\n", out);
	for (size_t i = 0; i < ncode && shown < MD_MAX_ROWS; i++) {
		const cvet_finding *f = r->findings[order[i].idx];
		if (other)
			fprintf(out, "| %s ", cvet_location_class_name(f->location_class));
		fprintf(out, "| %s | ", cvet_severity_name(f->severity));
		md_code(out, f->rule_id ? f->rule_id : "unknown");
		fputs(" | ", out);
		md_location(out, &f->loc, 1);
		fputs(" | ", out);
		cvet_fmt__md_text_n(out, f->message, MD_MAX_CHARS);
		fputs(" |\n", out);
		shown++;
	}
	free(order);
	more(out, shown, ncode);
	return 0;
}

static int put_dependencies(FILE *out, const cvet_report *r, size_t ndep)
{
	size_t shown = 0;
	ranked *order = rank(r, ROWS_DEPENDENCIES, ndep);

	if (!order)
		return -1;

	fputs("\n#### Vulnerable dependencies\n\n"
	      "| Package | Version | Advisory | Severity | Upgrade to | Where |\n"
	      "| --- | --- | --- | --- | --- | --- |\n",
	      out);
	for (size_t i = 0; i < ndep && shown < MD_MAX_ROWS; i++) {
		const cvet_finding *f = r->findings[order[i].idx];
		const cvet_dep_info *d = f->dep;
		const char *cve = cvet_fmt__cve(d), *adv = d && d->advisory_id ? d->advisory_id : f->rule_id;
		fputs("| ", out);
		cvet_fmt__md_text_n(out, d && d->package ? d->package : "?", MD_MAX_CHARS);
		if (d && d->build_only)
			fputs(" (build-only)", out);
		fputs(" | ", out);
		cvet_fmt__md_text_n(out, d && d->version ? d->version : "?", MD_MAX_CHARS);
		fputs(" | ", out);
		md_code(out, adv ? adv : "?");
		if (cve && adv && !strstr(adv, cve)) {
			fputs(" (", out);
			md_code(out, cve);
			fputs(")", out);
		}
		fprintf(out, " | %s", cvet_severity_name(f->severity));
		if (d && d->score >= 0)
			fprintf(out, " %.1f", d->score);
		fputs(" | ", out);
		cvet_fmt__md_text_n(out, d && d->upgrade_to ? d->upgrade_to : "\xe2\x80\x94", MD_MAX_CHARS);
		fputs(" | ", out);
		md_location(out, &f->loc, 0);
		fputs(" |\n", out);
		shown++;
	}
	free(order);
	more(out, shown, ndep);
	return 0;
}

static void put_network(FILE *out, const cvet_report *r)
{
	size_t shown = 0;

	fputs("\n#### Network surface\n\n", out);
	if (r->nendpoints == 0) {
		fputs("None found.\n", out);
		return;
	}
	fputs("| API | Address | Port | Location | Function |\n| --- | --- | --- | --- | --- |\n", out);
	for (size_t i = 0; i < r->nendpoints && shown < MD_MAX_ROWS; i++, shown++) {
		const cvet_endpoint *e = r->endpoints[i];
		fputs("| ", out);
		md_code(out, e->api ? e->api : "?");
		fputs(" | ", out);
		if (e->address)
			md_code(out, e->address);
		else
			fputs("(not constant)", out);
		if (e->port >= 0)
			fprintf(out, " | %d | ", e->port);
		else
			fputs(" | (not constant) | ", out);
		md_location(out, &e->loc, 1);
		fputs(" | ", out);
		if (e->function)
			md_code(out, e->function);
		fputs(" |\n", out);
	}
	more(out, shown, r->nendpoints);
}

int cvet_write__markdown(const cvet_report *r, FILE *out, const cvet_write_options *opts)
{
	size_t counts[CVET_SEV_CRITICAL + 1], ncode = 0, nother = 0, ndep = 0;

	cvet_fmt__count(r, counts);
	for (size_t i = 0; i < r->nfindings; i++) {
		if (r->findings[i]->kind == CVET_KIND_DEPENDENCY)
			ndep++;
		else if (r->findings[i]->location_class == CVET_LOC_PRODUCT)
			ncode++;
		else
			nother++;
	}
	fprintf(out, "### cvet: %zu finding%s\n\n", r->nfindings, r->nfindings == 1 ? "" : "s");
	for (int s = CVET_SEV_CRITICAL; s >= CVET_SEV_NOTE; s--) {
		int strong = counts[s] && s >= CVET_SEV_HIGH;
		fprintf(out, "%s%s%zu %s%s%s", s == CVET_SEV_CRITICAL ? "" : " \xc2\xb7 ", strong ? "**" : "", counts[s],
			cvet_severity_name((cvet_severity)s), s == CVET_SEV_NOTE && counts[s] != 1 ? "s" : "",
			strong ? "**" : "");
	}
	fprintf(out, " \xe2\x80\x94 %zu file%s and %zu manifest%s scanned", r->files_scanned,
		r->files_scanned == 1 ? "" : "s", r->manifests_scanned, r->manifests_scanned == 1 ? "" : "s");
	if ((unsigned)opts->fail_on < CVET_SEV_NONE) {
		size_t hit = cvet_report_count_failing(r, opts->fail_on, opts->fail_on_all_code);
		size_t all = cvet_report_count_at_least(r, opts->fail_on);
		fprintf(out, "; `--fail-on %s`: ", cvet_severity_name(opts->fail_on));
		if (hit)
			fprintf(out, "**failed** (%zu at or above)", hit);
		else
			fputs("passed", out);
		if (all > hit)
			fprintf(out, " (%zu more outside product code, not counted)", all - hit);
	}
	fputs("\n", out);

	if (ncode && put_findings(out, r, ncode, 0) < 0)
		return CVET_ENOMEM;
	if (nother && put_findings(out, r, nother, 1) < 0)
		return CVET_ENOMEM;
	if (ndep && put_dependencies(out, r, ndep) < 0)
		return CVET_ENOMEM;
	if (r->code_ran || r->nendpoints)
		put_network(out, r);
	if (r->nnotes) {
		fputs("\n#### Notes\n\n", out);
		for (size_t i = 0; i < r->nnotes && i < MD_MAX_ROWS; i++) {
			fputs("- ", out);
			cvet_fmt__md_text_n(out, r->notes[i], 2 * MD_MAX_CHARS);
			fputs("\n", out);
		}
		more(out, r->nnotes < MD_MAX_ROWS ? r->nnotes : MD_MAX_ROWS, r->nnotes);
	}
	return ferror(out) ? CVET_EIO : 0;
}
