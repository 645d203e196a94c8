/* write_html.c - one self-contained HTML page: summary, filterable findings with source and dataflow, tables */
#include <stdlib.h>
#include <string.h>
#include "cvet/advisory.h"
#include "report/format_util.h"
#include "report/write.h"

#define SRC_LINE_MAX 400 /* bytes of a source line shown; longer lines are cut with an ellipsis */
#define SRC_CONTEXT 2    /* lines shown above and below a finding's line */
#define TEXT_MAX 4000    /* bytes of a message, note or cell shown */
#define ATTR_MAX 1000    /* bytes of a rule id or path in a data attribute or filter option */
#define STEP_LOADS_MAX 500 /* files read for dataflow steps outside their finding's file; past it, no step source */

/*
 * The page carries a Content-Security-Policy that lets only the style and the script below run (by
 * their SHA-256): even text that escaped the escaping could not load or run anything. Change the
 * style or the script and tests/report/test_html_static.py prints the hashes to put here.
 */
#define CSP_STYLE_HASH "sha256-5m0V4iLp5dUg0DifsIIqShS63yO/zUujf2QCGwb48xU="
#define CSP_SCRIPT_HASH "sha256-A7BzlJLkdYSgaiGYreGfG8REm1qVfN0oNOjdxGnFSYU="

static const char page_style[] =
	":root{color-scheme:light dark;--bg:#fff;--fg:#1d2125;--mut:#5c6670;--line:#d8dde3;--card:#f6f8fa;"
	"--mark:#ffd84d;--hit:rgba(255,200,0,.14)}\n"
	"@media (prefers-color-scheme:dark){:root{--bg:#14171a;--fg:#e6e8ea;--mut:#9aa4ad;--line:#353c43;"
	"--card:#1b2025;--mark:#7a5d00;--hit:rgba(255,200,0,.10)}}\n"
	"*{box-sizing:border-box}[hidden]{display:none!important}\n"
	"body{margin:0;font:15px/1.45 system-ui,-apple-system,\"Segoe UI\",Roboto,\"DejaVu Sans\",sans-serif;"
	"background:var(--bg);color:var(--fg)}\n"
	"main,footer{max-width:1180px;margin:0 auto;padding:0 20px 40px}footer{font-size:13px}\n"
	"h1{font-size:1.6em;margin:.8em 0 .1em}h2{font-size:1.25em;margin:1.6em 0 .6em;padding-bottom:.2em;"
	"border-bottom:1px solid var(--line)}h3{font-size:1em;margin:1.2em 0 .4em}\n"
	"code,pre,.mono{font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,\"DejaVu Sans Mono\",monospace}\n"
	".sub,.meta,.hint{color:var(--mut)}.meta{font-size:13px;margin-top:2px;overflow-wrap:anywhere}\n"
	"nav a{margin-right:14px;color:inherit}\n"
	".sev-critical{--c:#c92a2a}.sev-high{--c:#e8590c}.sev-medium{--c:#e09000}.sev-low{--c:#1c7ed6}"
	".sev-note{--c:#868e96}\n"
	".counts{display:flex;gap:10px;flex-wrap:wrap;list-style:none;padding:0;margin:.6em 0}\n"
	".counts li{border:1px solid var(--line);border-left:6px solid var(--c);border-radius:6px;padding:6px 14px;"
	"min-width:120px}.counts b{display:block;font-size:1.5em}\n"
	".badge{display:inline-block;min-width:5.6em;text-align:center;padding:1px 8px;border-radius:10px;"
	"background:var(--c);color:#fff;font-size:12px;font-weight:600;text-transform:uppercase;letter-spacing:.03em}\n"
	".verdict{padding:8px 12px;border-radius:6px;font-weight:600;border:1px solid}\n"
	".verdict.fail{background:rgba(201,42,42,.12);border-color:rgba(201,42,42,.5)}"
	".verdict.pass{background:rgba(47,158,68,.12);border-color:rgba(47,158,68,.5)}\n"
	"#filters{position:sticky;top:0;z-index:1;background:var(--bg);border-bottom:1px solid var(--line);"
	"padding:8px 0;display:flex;flex-wrap:wrap;gap:6px 18px;align-items:center;font-size:14px}\n"
	"#filters fieldset{border:0;padding:0;margin:0;display:flex;gap:4px 10px;flex-wrap:wrap;align-items:center}\n"
	"#filters select{max-width:260px}#filters input[type=search]{width:200px}\n"
	"article.finding{border:1px solid var(--line);border-left:4px solid var(--c);border-radius:6px;"
	"padding:10px 14px;margin:10px 0;background:var(--card)}\n"
	".msg{font-weight:600;overflow-wrap:anywhere}.cls{font-style:italic}\n"
	"pre.src{background:var(--bg);border:1px solid var(--line);border-radius:4px;padding:6px 0;margin:8px 0;"
	"overflow-x:auto;tab-size:4}\n"
	"pre.src>span{display:block;padding:0 10px;white-space:pre}pre.src>span.hit{background:var(--hit)}\n"
	"pre.src i{display:inline-block;min-width:3.5em;padding-right:12px;text-align:right;color:var(--mut);"
	"font-style:normal;user-select:none}\n"
	"mark{background:var(--mark);color:inherit;border-radius:2px}\n"
	".fix{margin:6px 0}details.flow{margin-top:6px}details.flow summary{cursor:pointer;font-weight:600;"
	"font-size:14px}\n"
	"details.flow ol{margin:4px 0;padding-left:26px}details.flow li{margin:4px 0}details.flow pre.src{margin:3px 0}\n"
	"table{border-collapse:collapse;width:100%;font-size:14px}th,td{border-bottom:1px solid var(--line);"
	"padding:5px 8px;text-align:left;vertical-align:top;overflow-wrap:break-word}th{background:var(--card)}\n"
	"td code,td .badge{white-space:nowrap}section{scroll-margin-top:96px}\n"
	"tr.finding td:first-child{border-left:4px solid var(--c)}\n";

static const char page_script[] =
	"(function () {\n"
	"\"use strict\";\n"
	"var d = document, f = d.getElementById(\"filters\");\n"
	"if (!f) return;\n"
	"var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };\n"
	"var rows = Array.prototype.slice.call(d.querySelectorAll(\".finding\"));\n"
	"var order = [\"critical\", \"high\", \"medium\", \"low\", \"note\"];\n"
	"function key(r, by) { return r.getAttribute(by === \"sev\" ? \"data-sev\" : by === \"rule\" ? \"data-rule\" "
	": \"data-file\"); }\n"
	"function regroup(by) {\n"
	"  each(d.querySelectorAll(\".flist\"), function (l) {\n"
	"    var items = Array.prototype.slice.call(l.querySelectorAll(\"article.finding\")), groups = new Map();\n"
	"    items.sort(function (a, b) { return a.getAttribute(\"data-i\") - b.getAttribute(\"data-i\"); });\n"
	"    items.forEach(function (r) { var k = key(r, by); if (!groups.has(k)) groups.set(k, []); "
	"groups.get(k).push(r); });\n"
	"    var keys = Array.from(groups.keys());\n"
	"    keys.sort(by === \"sev\" ? function (a, b) { return order.indexOf(a) - order.indexOf(b); } :\n"
	"      function (a, b) { return a < b ? -1 : a > b ? 1 : 0; });\n"
	"    while (l.firstChild) l.removeChild(l.firstChild);\n"
	"    keys.forEach(function (k) {\n"
	"      var s = d.createElement(\"section\"), h = d.createElement(\"h3\"), n = groups.get(k).length;\n"
	"      s.className = \"group\";\n"
	"      if (by === \"sev\") { var b = d.createElement(\"span\"); b.className = \"badge sev-\" + k; "
	"b.textContent = k; h.appendChild(b); h.appendChild(d.createTextNode(\" \")); }\n"
	"      else { var c = d.createElement(\"code\"); c.textContent = k; h.appendChild(c); "
	"h.appendChild(d.createTextNode(\" \")); }\n"
	"      h.appendChild(d.createTextNode(n + (n === 1 ? \" finding\" : \" findings\")));\n"
	"      s.appendChild(h);\n"
	"      groups.get(k).forEach(function (r) { s.appendChild(r); });\n"
	"      l.appendChild(s);\n"
	"    });\n"
	"  });\n"
	"}\n"
	"function apply() {\n"
	"  var sev = {}, n = 0, e = f.elements;\n"
	"  each(f.querySelectorAll(\"input[name=sev]\"), function (c) { if (c.checked) sev[c.value] = true; });\n"
	"  var rule = e.rule.value, file = e.file.value, q = e.q.value.trim().toLowerCase(), prod = e.product.checked;\n"
	"  rows.forEach(function (r) {\n"
	"    var ok = sev[r.getAttribute(\"data-sev\")] === true && (!rule || r.getAttribute(\"data-rule\") === rule) &&\n"
	"      (!file || r.getAttribute(\"data-file\") === file) && (!prod || r.getAttribute(\"data-class\") === "
	"\"product\") &&\n"
	"      (!q || r.textContent.toLowerCase().indexOf(q) >= 0);\n"
	"    r.hidden = !ok;\n"
	"    if (ok) n++;\n"
	"  });\n"
	"  each(d.querySelectorAll(\".group\"), function (g) { g.hidden = !g.querySelector(\".finding:not([hidden])\"); "
	"});\n"
	"  each(d.querySelectorAll(\".fbox\"), function (b) {\n"
	"    var none = b.querySelector(\".none\");\n"
	"    if (none) none.hidden = !!b.querySelector(\".finding:not([hidden])\") || !b.querySelector(\".finding\");\n"
	"  });\n"
	"  var other = d.getElementById(\"other\");\n"
	"  if (other) other.hidden = prod;\n"
	"  d.getElementById(\"shown\").textContent = n + \" of \" + rows.length + \" findings shown\";\n"
	"}\n"
	"f.addEventListener(\"submit\", function (ev) { ev.preventDefault(); });\n"
	"f.addEventListener(\"input\", apply);\n"
	"f.addEventListener(\"change\", function (ev) { if (ev.target.name === \"group\") regroup(ev.target.value); "
	"apply(); });\n"
	"f.addEventListener(\"reset\", function () { setTimeout(function () { regroup(\"sev\"); apply(); }, 0); });\n"
	"f.hidden = false;\n"
	"if (f.elements.group.value !== \"sev\") regroup(f.elements.group.value); /* a restored form */\n"
	"apply();\n"
	"})();\n";

typedef struct {
	FILE *out;
	const cvet_write_options *opts;
	cvet_fmt_srccache src;  /* source lines around primary locations */
	cvet_fmt_srccache step; /* source lines of dataflow steps in other files (kept apart so neither thrashes) */
	size_t step_loads;      /* files read into `step`: bounded, as steps may alternate between large files */
} html_ctx;

/* ---- escaping ---- */

/*
 * Write bytes [0, len) of s as HTML text that is also safe inside a double- or single-quoted attribute:
 * & < > " ' become character references; C0 controls (tab kept) and DEL become their visible Unicode
 * "control pictures"; invalid UTF-8, C1 controls and bidirectional controls become U+FFFD. At most
 * `max` bytes of input are used (0 = no limit), never cutting a character; a cut ends in an ellipsis.
 */
static void esc_n(FILE *out, const char *s, size_t len, size_t max)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, n;
	unsigned cp;

	if (!s)
		return;
	while (i < len) {
		unsigned char c = p[i];
		if (max && i >= max) {
			fputs("\xe2\x80\xa6", out);
			return;
		}
		if (c < 0x80) {
			switch (c) {
			case '&': fputs("&amp;", out); break;
			case '<': fputs("&lt;", out); break;
			case '>': fputs("&gt;", out); break;
			case '"': fputs("&quot;", out); break;
			case '\'': fputs("&#39;", out); break;
			case '\t': putc('\t', out); break;
			default:
				if (c < 0x20)
					fprintf(out, "&#x%X;", 0x2400u + c);
				else if (c == 0x7f)
					fputs("&#x2421;", out);
				else
					putc(c, out);
			}
			i++;
			continue;
		}
		n = cvet_fmt__utf8_seq(p + i, len - i, &cp);
		if (n == 0 || cvet_fmt__unsafe_cp(cp))
			fputs("&#xFFFD;", out);
		else if (cp == 0x2028 || cp == 0x2029)
			fprintf(out, "&#x%X;", cp); /* line separators: harmless here, kept out of the raw text anyway */
		else
			fwrite(p + i, 1, n, out);
		i += n ? n : 1;
	}
}

/* esc_n over a whole string (NULL writes nothing), capped at `max` bytes. */
static void esc(FILE *out, const char *s, size_t max)
{
	if (s)
		esc_n(out, s, strlen(s), max);
}

/* "path:line:col" with unknown parts left out, escaped. */
static void put_where(FILE *out, const cvet_location *l, int with_column)
{
	esc(out, cvet_fmt__path(l), ATTR_MAX);
	if (l->line) {
		fprintf(out, ":%u", l->line);
		if (l->column && with_column)
			fprintf(out, ":%u", l->column);
	}
}

static const char *sev_name(cvet_severity s)
{
	return (unsigned)s <= CVET_SEV_CRITICAL ? cvet_severity_name(s) : "note";
}

/* ---- source ---- */

/* One line of source in a <pre class="src">: its number, its text, and with mark_from < mark_to the
 * bytes [mark_from, mark_to) of the line in a <mark>. */
static void put_src_line(FILE *out, unsigned no, const char *line, size_t len, int hit, size_t mark_from,
			 size_t mark_to)
{
	int cut = len > SRC_LINE_MAX;

	if (cut)
		len = SRC_LINE_MAX;
	if (mark_to > len)
		mark_to = len;
	fprintf(out, "<span%s><i>%u</i>", hit ? " class=\"hit\"" : "", no);
	if (mark_from < mark_to) {
		esc_n(out, line, mark_from, 0);
		fputs("<mark>", out);
		esc_n(out, line + mark_from, mark_to - mark_from, 0);
		fputs("</mark>", out);
		esc_n(out, line + mark_to, len - mark_to, 0);
	} else {
		esc_n(out, line, len, 0);
	}
	if (cut)
		fputs("\xe2\x80\xa6", out);
	fputs("</span>", out);
}

/* Bytes of the primary line to mark, from the location's columns (clang counts bytes). */
static void mark_range(const cvet_location *l, size_t len, size_t *from, size_t *to)
{
	size_t col = l->column, end;

	*from = *to = 0;
	if (col == 0 || col > len)
		return;
	end = col + 1;
	if ((l->end_line == 0 || l->end_line == l->line) && l->end_column > col)
		end = l->end_column;
	else if (l->end_line > l->line)
		end = len + 1; /* a range over several lines: mark to the end of the first */
	if (end > len + 1)
		end = len + 1;
	*from = col - 1;
	*to = end - 1;
}

/* A hard-coded secret: its source lines would print what its message redacts. */
static int is_secret(const cvet_finding *f)
{
	return f->rule_id && strcmp(f->rule_id, "hardcoded-credential") == 0;
}

/* A few lines around the finding, read from the file under the root; the finding's own snippet when
 * the file cannot be read. Hard-coded secrets show neither: the message redacts what the line holds. */
static void put_source(html_ctx *h, const cvet_finding *f)
{
	const cvet_location *l = &f->loc;
	const char *line;
	size_t len, from, to;
	unsigned first, last;
	int any = 0;

	if (is_secret(f))
		return;
	if (h->opts->show_source && l->path && l->line &&
	    cvet_fmt__source_line(&h->src, h->opts->root, l->path, l->line, &len)) {
		first = l->line > SRC_CONTEXT ? l->line - SRC_CONTEXT : 1;
		last = l->line + SRC_CONTEXT;
		for (unsigned no = first; no <= last && no >= first; no++) {
			if (!(line = cvet_fmt__source_line(&h->src, h->opts->root, l->path, no, &len)))
				break;
			if (!any++)
				fputs("<pre class=\"src\">", h->out);
			if (no == l->line)
				mark_range(l, len, &from, &to);
			else
				from = to = 0;
			put_src_line(h->out, no, line, len, no == l->line, from, to);
		}
		if (any) {
			fputs("</pre>\n", h->out);
			return;
		}
	}
	if (f->snippet && *f->snippet) {
		fputs("<pre class=\"src\"><span class=\"hit\"><i>", h->out);
		if (l->line)
			fprintf(h->out, "%u", l->line);
		fputs("</i>", h->out);
		esc(h->out, f->snippet, SRC_LINE_MAX);
		fputs("</span></pre>\n", h->out);
	}
}

/* ---- findings ---- */

/* The source line of a dataflow step: from the finding's own file (already read) when it is there, else
 * from the step cache while the budget of STEP_LOADS_MAX file reads lasts. NULL when not shown. */
static const char *step_line(html_ctx *h, const cvet_finding *f, const cvet_location *s, size_t *len)
{
	if (f->loc.path && strcmp(f->loc.path, s->path) == 0)
		return cvet_fmt__source_line(&h->src, h->opts->root, s->path, s->line, len);
	if (!h->step.path || strcmp(h->step.path, s->path) != 0) {
		if (h->step_loads >= STEP_LOADS_MAX)
			return NULL;
		h->step_loads++;
	}
	return cvet_fmt__source_line(&h->step, h->opts->root, s->path, s->line, len);
}

static void put_finding(html_ctx *h, const cvet_finding *f, size_t index)
{
	FILE *out = h->out;
	const char *sev = sev_name(f->severity);

	fprintf(out, "<article class=\"finding sev-%s\" id=\"f%zu\" data-i=\"%zu\" data-sev=\"%s\" data-rule=\"", sev,
		index, index, sev);
	esc(out, f->rule_id ? f->rule_id : "unknown", ATTR_MAX);
	fputs("\" data-file=\"", out);
	esc(out, cvet_fmt__path(&f->loc), ATTR_MAX);
	fprintf(out, "\" data-class=\"%s\">\n<div><span class=\"badge sev-%s\">%s</span> <span class=\"msg\">",
		cvet_location_class_name(f->location_class), sev, sev);
	esc(out, f->message ? f->message : "", TEXT_MAX);
	fputs("</span></div>\n<div class=\"meta\"><code>", out);
	put_where(out, &f->loc, 1);
	fputs("</code> &middot; <code>", out);
	esc(out, f->rule_id ? f->rule_id : "unknown", ATTR_MAX);
	fputs("</code>", out);
	for (int i = 0; i < CVET_MAX_CWE && f->cwe[i] > 0; i++)
		fprintf(out, "%sCWE-%d", i ? ", " : " &middot; ", f->cwe[i]);
	if (f->function) {
		fputs(" &middot; in <code>", out);
		esc(out, f->function, ATTR_MAX);
		fputs("</code>", out);
	}
	if (f->location_class != CVET_LOC_PRODUCT)
		fprintf(out, " &middot; <span class=\"cls\">%s code</span>", cvet_location_class_name(f->location_class));
	fputs("</div>\n", out);
	put_source(h, f);
	if (f->fix) {
		fputs("<p class=\"fix\"><b>Fix:</b> ", out);
		esc(out, f->fix, TEXT_MAX);
		fputs("</p>\n", out);
	}
	if (f->nsteps) {
		fprintf(out, "<details class=\"flow\" open><summary>Dataflow: %zu step%s</summary>\n<ol>\n", f->nsteps,
			f->nsteps == 1 ? "" : "s");
		for (size_t i = 0; i < f->nsteps; i++) {
			const cvet_location *s = &f->steps[i];
			const char *line = NULL;
			size_t len, from, to;
			fputs("<li><code>", out);
			put_where(out, s, 1);
			fputs("</code> ", out);
			esc(out, s->message ? s->message : "", TEXT_MAX);
			if (h->opts->show_source && s->path && s->line && !is_secret(f))
				line = step_line(h, f, s, &len);
			if (line) {
				mark_range(s, len, &from, &to);
				fputs("<pre class=\"src\">", out);
				put_src_line(out, s->line, line, len, 1, from, to);
				fputs("</pre>", out);
			}
			fputs("</li>\n", out);
		}
		fputs("</ol></details>\n", out);
	}
	fputs("</article>\n", out);
}

static int in_list(const cvet_finding *f, int other)
{
	return f->kind == CVET_KIND_CODE && (f->location_class != CVET_LOC_PRODUCT) == (other != 0);
}

/* The code findings of product code (other = 0) or of test, vendored, ... code, grouped by severity,
 * most severe first, report order (path, line) within a group. */
static void put_finding_list(html_ctx *h, const cvet_report *r, int other)
{
	fputs("<div class=\"flist\">\n", h->out);
	for (int s = CVET_SEV_CRITICAL; s >= CVET_SEV_NOTE && !ferror(h->out); s--) {
		size_t n = 0;
		for (size_t i = 0; i < r->nfindings; i++)
			n += in_list(r->findings[i], other) && r->findings[i]->severity == (cvet_severity)s;
		if (!n)
			continue;
		fprintf(h->out, "<section class=\"group\"><h3><span class=\"badge sev-%s\">%s</span> %zu finding%s</h3>\n",
			sev_name((cvet_severity)s), sev_name((cvet_severity)s), n, n == 1 ? "" : "s");
		for (size_t i = 0; i < r->nfindings && !ferror(h->out); i++)
			if (in_list(r->findings[i], other) && r->findings[i]->severity == (cvet_severity)s)
				put_finding(h, r->findings[i], i);
		fputs("</section>\n", h->out);
	}
	/* findings whose severity is out of range still appear, last */
	for (size_t i = 0; i < r->nfindings && !ferror(h->out); i++)
		if (in_list(r->findings[i], other) && (unsigned)r->findings[i]->severity > CVET_SEV_CRITICAL)
			put_finding(h, r->findings[i], i);
	fputs("</div>\n", h->out);
}

/* ---- filter controls ---- */

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* <option>s for the distinct values (with their counts) of the rule ids (files = 0) or the paths
 * (files = 1) of the code findings; dependency findings count as one pseudo rule. 0 or -1 on OOM. */
static int put_options(FILE *out, const cvet_report *r, int files)
{
	const char **v = calloc(r->nfindings ? r->nfindings : 1, sizeof(*v));
	size_t n = 0;

	if (!v)
		return -1;
	for (size_t i = 0; i < r->nfindings; i++) {
		const cvet_finding *f = r->findings[i];
		if (files)
			v[n++] = cvet_fmt__path(&f->loc);
		else if (f->kind == CVET_KIND_CODE)
			v[n++] = f->rule_id ? f->rule_id : "unknown";
	}
	if (n > 1)
		qsort(v, n, sizeof(*v), cmp_str);
	for (size_t i = 0, j; i < n; i = j) {
		for (j = i + 1; j < n && strcmp(v[i], v[j]) == 0; j++)
			;
		fputs("<option value=\"", out);
		esc(out, v[i], ATTR_MAX);
		fputs("\">", out);
		esc(out, v[i], ATTR_MAX);
		fprintf(out, " (%zu)</option>\n", j - i);
	}
	free(v);
	return 0;
}

static int put_filters(FILE *out, const cvet_report *r, const size_t counts[CVET_SEV_CRITICAL + 1], size_t ndep)
{
	fputs("<form id=\"filters\" hidden>\n<fieldset><legend class=\"hint\">Severity</legend>\n", out);
	for (int s = CVET_SEV_CRITICAL; s >= CVET_SEV_NOTE; s--)
		fprintf(out, "<label><input type=\"checkbox\" name=\"sev\" value=\"%s\" checked> %s (%zu)</label>\n",
			sev_name((cvet_severity)s), sev_name((cvet_severity)s), counts[s]);
	fputs("</fieldset>\n<label>Rule <select name=\"rule\"><option value=\"\">all rules</option>\n", out);
	if (put_options(out, r, 0) < 0)
		return -1;
	if (ndep)
		fprintf(out, "<option value=\":dependency\">dependency advisories (%zu)</option>\n", ndep);
	fputs("</select></label>\n<label>File <select name=\"file\"><option value=\"\">all files</option>\n", out);
	if (put_options(out, r, 1) < 0)
		return -1;
	fputs("</select></label>\n"
	      "<label>Text <input type=\"search\" name=\"q\" placeholder=\"message, path, code\"></label>\n"
	      "<label><input type=\"checkbox\" name=\"product\"> product code only</label>\n"
	      "<label>Group by <select name=\"group\"><option value=\"sev\">severity</option>"
	      "<option value=\"rule\">rule</option><option value=\"file\">file</option></select></label>\n"
	      "<button type=\"reset\">Reset</button>\n"
	      "<span id=\"shown\" class=\"hint\" aria-live=\"polite\"></span>\n"
	      "</form>\n"
	      "<noscript><p class=\"hint\">The filters need JavaScript; every finding is shown below.</p></noscript>\n",
	      out);
	return 0;
}

/* ---- dependencies ---- */

/* Same pinned package (findings are sorted by location, so a package's findings are adjacent). */
static int same_package(const cvet_finding *a, const cvet_finding *b)
{
	const cvet_dep_info *x = a->dep, *y = b->dep;
	return x && y && a->loc.line == b->loc.line && a->loc.path && b->loc.path &&
	       strcmp(a->loc.path, b->loc.path) == 0 && x->package && y->package && strcmp(x->package, y->package) == 0 &&
	       (x->version == y->version || (x->version && y->version && strcmp(x->version, y->version) == 0));
}

/* One line per vulnerable package: its advisories, the worst, and the version that fixes them all. */
static void put_upgrades(FILE *out, const cvet_report *r)
{
	int listed = 0;
	for (size_t i = 0; i < r->nfindings;) {
		const cvet_finding *f = r->findings[i];
		size_t j = i, n = 0, unfixed = 0;
		cvet_severity worst = CVET_SEV_NOTE;
		const char *target = NULL;
		if (f->kind != CVET_KIND_DEPENDENCY || !f->dep) {
			i++;
			continue;
		}
		for (; j < r->nfindings && r->findings[j]->kind == CVET_KIND_DEPENDENCY && same_package(f, r->findings[j]);
		     j++) {
			const cvet_dep_info *d = r->findings[j]->dep;
			n++;
			if (r->findings[j]->severity > worst && (unsigned)r->findings[j]->severity <= CVET_SEV_CRITICAL)
				worst = r->findings[j]->severity;
			if (!d->upgrade_to)
				unfixed++;
			else if (!target || cvet_version_cmp(d->upgrade_to, target) > 0)
				target = d->upgrade_to;
		}
		if (!listed++)
			fputs("<h3>Upgrades</h3>\n<ul class=\"upgrades\">\n", out);
		fputs("<li><b>", out);
		esc(out, f->dep->package, ATTR_MAX);
		fputs("</b> ", out);
		esc(out, f->dep->version ? f->dep->version : "?", ATTR_MAX);
		fputs(" (<code>", out);
		put_where(out, &f->loc, 0);
		fprintf(out, "</code>): %zu advisor%s, worst <span class=\"badge sev-%s\">%s</span>", n, n == 1 ? "y" : "ies",
			sev_name(worst), sev_name(worst));
		if (target) {
			fputs("; upgrade to <b>", out);
			esc(out, target, ATTR_MAX);
			fprintf(out, "</b> or later (fixes %zu)", n - unfixed);
		}
		if (unfixed)
			fprintf(out, "; %zu with no fixed version in the data", unfixed);
		fputs("</li>\n", out);
		i = j > i ? j : i + 1;
	}
	if (listed)
		fputs("</ul>\n", out);
}

static void put_dependencies(html_ctx *h, const cvet_report *r, size_t ndep)
{
	FILE *out = h->out;

	fprintf(out, "<section id=\"dependencies\" class=\"fbox\"><h2>Vulnerable dependencies (%zu)</h2>\n", ndep);
	put_upgrades(out, r); /* the answer to "what do we upgrade to?" before the advisory by advisory table */
	fputs("<h3>Advisories</h3>\n", out);
	fputs("<table><thead><tr><th>Package</th><th>Version</th><th>Advisory</th><th>Severity</th>"
	      "<th>Upgrade to</th><th>Where</th><th>Summary</th></tr></thead>\n<tbody>\n",
	      out);
	for (size_t i = 0; i < r->nfindings; i++) {
		const cvet_finding *f = r->findings[i];
		const cvet_dep_info *d = f->dep;
		const char *sev = sev_name(f->severity), *adv, *cve;
		if (f->kind != CVET_KIND_DEPENDENCY)
			continue;
		adv = d && d->advisory_id ? d->advisory_id : f->rule_id;
		cve = cvet_fmt__cve(d);
		fprintf(out, "<tr class=\"finding sev-%s\" id=\"f%zu\" data-i=\"%zu\" data-sev=\"%s\" "
			     "data-rule=\":dependency\" data-file=\"", sev, i, i, sev);
		esc(out, cvet_fmt__path(&f->loc), ATTR_MAX);
		fputs("\" data-class=\"product\"><td>", out);
		esc(out, d && d->package ? d->package : "?", ATTR_MAX);
		if (d && d->build_only)
			fputs(" <span class=\"hint\">(build-only)</span>", out);
		fputs("</td><td>", out);
		esc(out, d && d->version ? d->version : "?", ATTR_MAX);
		fputs("</td><td><code>", out);
		esc(out, adv ? adv : "?", ATTR_MAX);
		fputs("</code>", out);
		if (cve && adv && !strstr(adv, cve)) {
			fputs(" (<code>", out);
			esc(out, cve, ATTR_MAX);
			fputs("</code>)", out);
		}
		fprintf(out, "</td><td><span class=\"badge sev-%s\">%s</span>", sev, sev);
		if (d && d->score >= 0)
			fprintf(out, " %.1f", d->score);
		fputs("</td><td>", out);
		esc(out, d && d->upgrade_to ? d->upgrade_to : "\xe2\x80\x94", ATTR_MAX);
		fputs("</td><td><code>", out);
		put_where(out, &f->loc, 0);
		fputs("</code></td><td>", out);
		esc(out, d && d->summary ? d->summary : f->message, TEXT_MAX);
		if (d && d->approximate)
			fputs(" <span class=\"hint\">(approximate version range)</span>", out);
		fputs("</td></tr>\n", out);
	}
	fputs("</tbody></table>\n<p class=\"none hint\" hidden>No dependency finding matches the filters.</p>\n", out);
	fputs("</section>\n", out);
}

static void put_inventory(FILE *out, const cvet_report *r)
{
	size_t checked = 0;

	for (size_t i = 0; i < r->npackages; i++)
		checked += r->packages[i]->checked != 0;
	fputs("<section id=\"inventory\"><h2>Dependencies</h2>\n", out);
	if (r->npackages == 0 && r->manifests_scanned == 0) {
		fputs("<p>No lockfiles or manifests found.</p></section>\n", out);
		return;
	}
	fprintf(out, "<p>%zu package%s in %zu manifest%s, %zu checked against advisories.</p>\n", r->npackages,
		r->npackages == 1 ? "" : "s", r->manifests_scanned, r->manifests_scanned == 1 ? "" : "s", checked);
	if (r->npackages) {
		fputs("<details><summary>Every package</summary>\n<table><thead><tr><th>Package</th><th>Version</th>"
		      "<th>Ecosystem</th><th>Where</th><th>Checked</th><th>Advisories</th></tr></thead>\n<tbody>\n",
		      out);
		for (size_t i = 0; i < r->npackages; i++) {
			const cvet_package *p = r->packages[i];
			fputs("<tr><td>", out);
			esc(out, p->name ? p->name : "?", ATTR_MAX);
			if (p->build_only)
				fputs(" <span class=\"hint\">(build-only)</span>", out);
			fputs("</td><td>", out);
			esc(out, p->version ? p->version : "unknown", ATTR_MAX);
			fputs("</td><td>", out);
			esc(out, p->ecosystem ? p->ecosystem : "", ATTR_MAX);
			fputs("</td><td><code>", out);
			put_where(out, &p->loc, 0);
			fprintf(out, "</code></td><td>%s</td><td>%d</td></tr>\n",
				p->checked ? "yes" : p->version ? "no advisory data" : "no version", p->nvulns);
		}
		fputs("</tbody></table></details>\n", out);
	}
	fputs("</section>\n", out);
}

/* ---- network, notes, summary ---- */

static void put_network(FILE *out, const cvet_report *r)
{
	fprintf(out, "<section id=\"network\"><h2>Network surface (%zu)</h2>\n", r->nendpoints);
	if (r->nendpoints == 0) {
		fputs("<p>None found.</p></section>\n", out);
		return;
	}
	fputs("<table><thead><tr><th>API</th><th>Address</th><th>Port</th><th>Location</th><th>Function</th></tr>"
	      "</thead>\n<tbody>\n",
	      out);
	for (size_t i = 0; i < r->nendpoints; i++) {
		const cvet_endpoint *e = r->endpoints[i];
		fputs("<tr><td><code>", out);
		esc(out, e->api ? e->api : "?", ATTR_MAX);
		fputs("</code></td><td>", out);
		if (e->address) {
			fputs("<code>", out);
			esc(out, e->address, ATTR_MAX);
			fputs("</code>", out);
		} else {
			fputs("<span class=\"hint\">not constant</span>", out);
		}
		if (e->port >= 0)
			fprintf(out, "</td><td>%d", e->port);
		else
			fputs("</td><td><span class=\"hint\">not constant</span>", out);
		fputs("</td><td><code>", out);
		put_where(out, &e->loc, 1);
		fputs("</code></td><td>", out);
		if (e->function) {
			fputs("<code>", out);
			esc(out, e->function, ATTR_MAX);
			fputs("</code>", out);
		}
		fputs("</td></tr>\n", out);
	}
	fputs("</tbody></table></section>\n", out);
}

static void put_summary(FILE *out, const cvet_report *r, const cvet_write_options *opts,
			const size_t counts[CVET_SEV_CRITICAL + 1])
{
	fputs("<section id=\"summary\"><h2>Summary</h2>\n<ul class=\"counts\">\n", out);
	for (int s = CVET_SEV_CRITICAL; s >= CVET_SEV_NOTE; s--)
		fprintf(out, "<li class=\"sev-%s\"><b>%zu</b>%s</li>\n", sev_name((cvet_severity)s), counts[s],
			sev_name((cvet_severity)s));
	fprintf(out, "</ul>\n<p>%zu file%s and %zu manifest%s scanned", r->files_scanned,
		r->files_scanned == 1 ? "" : "s", r->manifests_scanned, r->manifests_scanned == 1 ? "" : "s");
	if (!r->code_ran || !r->deps_ran)
		fprintf(out, " (%s analysis only)", r->code_ran ? "code" : r->deps_ran ? "dependency" : "no");
	fputs(".</p>\n", out);
	if ((unsigned)opts->fail_on < CVET_SEV_NONE) {
		size_t hit = cvet_report_count_failing(r, opts->fail_on, opts->fail_on_all_code);
		size_t all = cvet_report_count_at_least(r, opts->fail_on);
		fprintf(out, "<p id=\"verdict\" class=\"verdict %s\"><code>--fail-on %s</code>: ", hit ? "fail" : "pass",
			cvet_severity_name(opts->fail_on));
		if (hit)
			fprintf(out, "failed, %zu finding%s at or above", hit, hit == 1 ? "" : "s");
		else
			fputs("passed, none at or above", out);
		if (all > hit)
			fprintf(out, " (%zu more outside product code, not counted)", all - hit);
		fputs("</p>\n", out);
	} else {
		fputs("<p id=\"verdict\" class=\"verdict pass\"><code>--fail-on none</code>: never fails</p>\n", out);
	}
	fputs("</section>\n", out);
}

static void put_notes(FILE *out, const cvet_report *r)
{
	fprintf(out, "<section id=\"notes\"><h2>Notes (%zu)</h2>\n<ul>\n", r->nnotes);
	for (size_t i = 0; i < r->nnotes; i++) {
		fputs("<li>", out);
		esc(out, r->notes[i], TEXT_MAX);
		fputs("</li>\n", out);
	}
	fputs("</ul></section>\n", out);
}

int cvet_write__html(const cvet_report *r, FILE *out, const cvet_write_options *opts)
{
	html_ctx h = {out, opts, {0}, {0}, 0};
	size_t counts[CVET_SEV_CRITICAL + 1], ncode = 0, nother = 0, ndep = 0;
	int rc = 0;

	cvet_fmt__count(r, counts);
	for (size_t i = 0; i < r->nfindings; i++) {
		if (r->findings[i]->kind == CVET_KIND_DEPENDENCY)
			ndep++;
		else if (r->findings[i]->location_class == CVET_LOC_PRODUCT)
			ncode++;
		else
			nother++;
	}

	fprintf(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
		     "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src '%s'; "
		     "script-src '%s'; img-src 'none'; form-action 'none'; base-uri 'none'\">\n"
		     "<meta name=\"referrer\" content=\"no-referrer\">\n"
		     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		     "<meta name=\"generator\" content=\"cvet %s\">\n"
		     "<title>cvet report: %zu finding%s</title>\n<style>\n",
		CSP_STYLE_HASH, CSP_SCRIPT_HASH, CVET_VERSION, r->nfindings, r->nfindings == 1 ? "" : "s");
	fputs(page_style, out);
	fprintf(out, "</style>\n</head>\n<body>\n<main>\n<header><h1>cvet report</h1>\n"
		     "<p class=\"sub\">%zu finding%s &middot; cvet %s</p>\n<nav>",
		r->nfindings, r->nfindings == 1 ? "" : "s", CVET_VERSION);
	fputs("<a href=\"#summary\">Summary</a><a href=\"#findings\">Findings</a>", out);
	if (nother)
		fputs("<a href=\"#other\">Non-product code</a>", out);
	if (ndep)
		fputs("<a href=\"#dependencies\">Vulnerable dependencies</a>", out);
	if (r->code_ran || r->nendpoints)
		fputs("<a href=\"#network\">Network surface</a>", out);
	if (r->deps_ran || r->npackages)
		fputs("<a href=\"#inventory\">Dependencies</a>", out);
	if (r->nnotes)
		fputs("<a href=\"#notes\">Notes</a>", out);
	fputs("</nav></header>\n", out);

	put_summary(out, r, opts, counts);

	/* the filters sit outside the sections so that they stay in view over the whole page */
	if (r->nfindings && put_filters(out, r, counts, ndep) < 0) {
		rc = CVET_ENOMEM;
		goto done;
	}
	fprintf(out, "<section id=\"findings\" class=\"fbox\"><h2>Findings in product code (%zu)</h2>\n", ncode);
	if (ncode) {
		put_finding_list(&h, r, 0);
		fputs("<p class=\"none hint\" hidden>No finding in product code matches the filters.</p>\n", out);
	} else {
		fputs("<p>No findings in product code.</p>\n", out);
	}
	fputs("</section>\n", out);
	if (nother) {
		fprintf(out, "<section id=\"other\" class=\"fbox\"><h2>In tests, examples, vendored and other "
			     "non-product code: %zu finding%s</h2>\n<p class=\"hint\">Reported, but they do not fail the "
			     "run unless <code>--fail-on-all-code</code> is given.</p>\n",
			nother, nother == 1 ? "" : "s");
		put_finding_list(&h, r, 1);
		fputs("<p class=\"none hint\" hidden>No finding here matches the filters.</p>\n</section>\n", out);
	}
	if (ndep)
		put_dependencies(&h, r, ndep);
	if (r->code_ran || r->nendpoints)
		put_network(out, r);
	if (r->deps_ran || r->npackages)
		put_inventory(out, r);
	if (r->nnotes)
		put_notes(out, r);
	fprintf(out, "</main>\n<footer class=\"hint\">Written by cvet %s. This page is self-contained: it loads "
		     "nothing from the network.</footer>\n<script>\n",
		CVET_VERSION);
	fputs(page_script, out);
	fputs("</script>\n</body>\n</html>\n", out);
done:
	cvet_fmt__srccache_clear(&h.src);
	cvet_fmt__srccache_clear(&h.step);
	if (!rc && ferror(out))
		rc = CVET_EIO;
	return rc;
}
