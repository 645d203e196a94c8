/* test_report_html.c - unit tests of the HTML writer: escaping of hostile text, structure, source context,
 * determinism */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cvet/report.h"
#include "test.h"

/* every way a finding's text could try to become markup or reach the page raw */
#define EVIL_SCRIPT "</script><script>alert(1)</script>"
#define EVIL_ATTR "\"><img src=x onerror=alert(1)>"
#define EVIL_BYTES "'single' & amp \x01\x1b[31m\x7f c1\xc2\x9b bidi\xe2\x80\xae bad\xff ls\xe2\x80\xa8 <!-- -->"
#define EVIL EVIL_SCRIPT " " EVIL_ATTR " " EVIL_BYTES

static char *dupe(const char *s)
{
	char *d = s ? strdup(s) : NULL;
	if (s && !d)
		abort();
	return d;
}

static void set_loc(cvet_location *l, const char *path, unsigned line, unsigned col, unsigned end_col, const char *msg)
{
	l->path = dupe(path);
	l->line = line;
	l->column = col;
	l->end_column = end_col;
	l->message = dupe(msg);
}

static cvet_finding *code(cvet_report *r, const char *rule, cvet_severity sev, const char *msg, const char *path,
			  unsigned line, unsigned col)
{
	cvet_finding *f = cvet_finding_new();
	if (!f)
		abort();
	f->rule_id = dupe(rule);
	f->severity = sev;
	f->cwe[0] = 120;
	f->message = dupe(msg);
	set_loc(&f->loc, path, line, col, 0, NULL);
	if (cvet_report_add(r, f) < 0)
		abort();
	return f;
}

static cvet_finding *dependency(cvet_report *r, const char *adv, cvet_severity sev, const char *pkg, const char *ver,
				const char *upgrade, const char *summary)
{
	cvet_finding *f = cvet_finding_new();
	cvet_dep_info *d = cvet_dep_info_new();
	if (!f || !d)
		abort();
	f->rule_id = dupe(adv);
	f->kind = CVET_KIND_DEPENDENCY;
	f->severity = sev;
	f->message = dupe("dependency has a known vulnerability");
	set_loc(&f->loc, "conanfile.txt", 4, 0, 0, NULL);
	d->package = dupe(pkg);
	d->version = dupe(ver);
	d->advisory_id = dupe(adv);
	d->upgrade_to = dupe(upgrade);
	d->summary = dupe(summary);
	d->score = 9.8;
	f->dep = d;
	if (cvet_report_add(r, f) < 0)
		abort();
	return f;
}

/* The report written as HTML, malloc'd (NULL when the writer fails). */
static char *render(const cvet_report *r, const cvet_write_options *opts)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	int rc;
	if (!m)
		return NULL;
	rc = cvet_report_write(r, CVET_FMT_HTML, m, opts);
	fclose(m);
	if (rc != 0) {
		fprintf(stderr, "html writer failed: %d %s\n", rc, cvet_error_last());
		free(buf);
		return NULL;
	}
	return buf;
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

/* 1 when the page holds a raw C0 control (other than tab and newline), DEL, a C1 control, a bidi override,
 * a line separator or a byte that is not UTF-8 */
static int has_raw_unsafe(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7f || *p == 0xff)
			return 1;
	}
	return strstr(s, "\xc2\x9b") || strstr(s, "\xe2\x80\xae") || strstr(s, "\xe2\x80\xa8");
}

static cvet_report *hostile(void)
{
	cvet_report *r = NULL;
	cvet_finding *f;
	if (cvet_report_new(&r) < 0)
		abort();
	f = code(r, "unsafe-gets" EVIL_ATTR, CVET_SEV_HIGH, EVIL, "dir/" EVIL_SCRIPT EVIL_ATTR ".c", 3, 2);
	f->snippet = dupe("gets(buf); // " EVIL);
	f->function = dupe("fn" EVIL_SCRIPT);
	f->fix = dupe("fix " EVIL);
	f->steps = calloc(1, sizeof(cvet_location));
	if (!f->steps)
		abort();
	f->nsteps = 1;
	set_loc(&f->steps[0], "step" EVIL_ATTR ".c", 1, 1, 0, "step " EVIL);
	dependency(r, "ADV-" EVIL_ATTR, CVET_SEV_CRITICAL, "pkg" EVIL_SCRIPT, "1.0" EVIL_ATTR, "2.0" EVIL_BYTES,
		   "summary " EVIL);
	cvet_report_add_note(r, "note %s", EVIL);
	r->code_ran = r->deps_ran = 1;
	if (cvet_report_finalize(r) < 0)
		abort();
	return r;
}

static void test_html__escaping(void)
{
	cvet_write_options o = CVET_WRITE_OPTIONS_INIT;
	cvet_report *r = hostile();
	char *out;
	const char *path;

	o.root = "/nonexistent-root-for-test"; /* no source file: the snippet is shown */
	out = render(r, &o);
	T_ASSERT(out != NULL);
	if ((path = getenv("CVET_TEST_HTML_OUT"))) { /* kept for tests/report/html_check.py */
		FILE *f = fopen(path, "w");
		T_ASSERT(f != NULL);
		fputs(out, f);
		fclose(f);
	}
	T_ASSERT_INT(1, count(out, "<script"));        /* the page's own script only */
	T_ASSERT_INT(1, count(out, "</script>"));
	T_ASSERT_INT(0, count(out, "<img"));
	T_ASSERT_INT(0, count(out, "<!-- "));
	T_ASSERT_INT(0, count(out, "onerror=alert(1)>"));
	T_ASSERT(!has_raw_unsafe(out));
	/* the text is all there, as text */
	T_ASSERT(count(out, "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;") >= 6);
	T_ASSERT(count(out, "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;") >= 6);
	T_ASSERT(strstr(out, "&#39;single&#39; &amp; amp &#x2401;&#x241B;[31m&#x2421; c1&#xFFFD; bidi&#xFFFD; bad&#xFFFD; "
			     "ls&#x2028; &lt;!-- --&gt;") != NULL);
	/* attribute values: the quote cannot end them */
	T_ASSERT(strstr(out, "data-file=\"dir/&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img "
			     "src=x onerror=alert(1)&gt;.c\"") != NULL);
	T_ASSERT(strstr(out, "data-rule=\"unsafe-gets&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\"") != NULL);
	T_ASSERT(strstr(out, "<option value=\"unsafe-gets&quot;&gt;&lt;img") != NULL);
	free(out);
	cvet_report_free(r);
}

/* A report with product, test-code and dependency findings, endpoints, packages and notes. */
static cvet_report *sample(void)
{
	cvet_report *r = NULL;
	cvet_finding *f;
	cvet_endpoint *e = calloc(1, sizeof(*e));
	cvet_package *p = calloc(1, sizeof(*p));

	if (cvet_report_new(&r) < 0 || !e || !p)
		abort();
	code(r, "unsafe-gets", CVET_SEV_HIGH, "'gets' cannot limit what it reads", "src/a.c", 3, 2);
	f = code(r, "command-injection", CVET_SEV_CRITICAL, "untrusted data reaches 'system'", "src/a.c", 9, 5);
	f->steps = calloc(2, sizeof(cvet_location));
	if (!f->steps)
		abort();
	f->nsteps = 2;
	set_loc(&f->steps[0], "src/a.c", 7, 1, 0, "'cmd' receives untrusted data");
	set_loc(&f->steps[1], "src/a.c", 9, 5, 0, "'cmd' reaches 'system'");
	f = code(r, "unsafe-gets", CVET_SEV_HIGH, "'gets' in a test", "tests/t.c", 1, 1);
	f->location_class = CVET_LOC_TEST;
	code(r, "weak-crypto", CVET_SEV_LOW, "MD5", "src/b.c", 2, 1);
	dependency(r, "CVE-2023-38545", CVET_SEV_CRITICAL, "curl", "8.3.0", "8.4.0", "SOCKS5 heap overflow");
	dependency(r, "CVE-2023-38546", CVET_SEV_LOW, "curl", "8.3.0", "8.4.0", "cookie injection");
	e->api = dupe("bind");
	e->address = dupe("0.0.0.0");
	e->port = 8080;
	set_loc(&e->loc, "src/a.c", 20, 3, 0, NULL);
	cvet_report_add_endpoint(r, e);
	p->name = dupe("curl");
	p->version = dupe("8.3.0");
	p->checked = 1;
	p->nvulns = 2;
	set_loc(&p->loc, "conanfile.txt", 4, 0, 0, NULL);
	cvet_report_add_package(r, p);
	cvet_report_add_note(r, "a note");
	r->files_scanned = 3;
	r->manifests_scanned = 1;
	r->code_ran = r->deps_ran = 1;
	if (cvet_report_finalize(r) < 0)
		abort();
	return r;
}

static void test_html__structure(void)
{
	cvet_write_options o = CVET_WRITE_OPTIONS_INIT;
	cvet_report *r = sample();
	char *out, *other, *deps;

	o.root = "/nonexistent-root-for-test";
	out = render(r, &o);
	T_ASSERT(out != NULL);
	T_ASSERT(strncmp(out, "<!DOCTYPE html>\n", 16) == 0);
	T_ASSERT(strstr(out, "</html>\n") != NULL);
	T_ASSERT_INT(r->nfindings, count(out, "class=\"finding "));
	T_ASSERT_INT(4, count(out, "<article class=\"finding "));
	T_ASSERT_INT(2, count(out, "<tr class=\"finding "));
	T_ASSERT(strstr(out, "Content-Security-Policy\" content=\"default-src 'none'; style-src 'sha256-") != NULL);
	T_ASSERT(strstr(out, "<form id=\"filters\" hidden>") != NULL);
	T_ASSERT(strstr(out, "<input type=\"checkbox\" name=\"sev\" value=\"critical\" checked> critical (2)") != NULL);
	T_ASSERT(strstr(out, "<option value=\"unsafe-gets\">unsafe-gets (2)</option>") != NULL);
	T_ASSERT(strstr(out, "<option value=\":dependency\">dependency advisories (2)</option>") != NULL);
	T_ASSERT(strstr(out, "<option value=\"src/a.c\">src/a.c (2)</option>") != NULL);
	/* pass/fail against --fail-on: 2 critical + 1 high in product code and dependencies; the test one apart */
	T_ASSERT(strstr(out, "class=\"verdict fail\"><code>--fail-on high</code>: failed, 3 findings at or above "
			     "(1 more outside product code, not counted)") != NULL);
	T_ASSERT(strstr(out, "<h2>Findings in product code (3)</h2>") != NULL);
	/* the test-code finding is listed apart, after the product ones, and says where it is */
	T_ASSERT((other = strstr(out, "<section id=\"other\" class=\"fbox\">")) != NULL);
	T_ASSERT(strstr(other, "data-file=\"tests/t.c\" data-class=\"test\"") != NULL);
	T_ASSERT(strstr(out, "data-file=\"tests/t.c\"") > other);
	T_ASSERT(strstr(other, "<span class=\"cls\">test code</span>") != NULL);
	/* most severe group first */
	T_ASSERT(strstr(out, "sev-critical\">critical</span> 1 finding</h3>") <
		 strstr(out, "sev-high\">high</span> 1 finding</h3>"));
	T_ASSERT(strstr(out, "<summary>Dataflow: 2 steps</summary>") != NULL);
	T_ASSERT(strstr(out, "<li><code>src/a.c:7:1</code> &#39;cmd&#39; receives untrusted data") != NULL);
	/* dependencies: upgrade advice per package, then one row per advisory */
	T_ASSERT((deps = strstr(out, "<section id=\"dependencies\"")) != NULL);
	T_ASSERT(strstr(deps, "<li><b>curl</b> 8.3.0 (<code>conanfile.txt:4</code>): 2 advisories, worst "
			      "<span class=\"badge sev-critical\">critical</span>; upgrade to <b>8.4.0</b> or later (fixes 2)") != NULL);
	T_ASSERT(strstr(deps, "<td><span class=\"badge sev-critical\">critical</span> 9.8</td><td>8.4.0</td>") != NULL);
	T_ASSERT(strstr(out, "<td><code>bind</code></td><td><code>0.0.0.0</code></td><td>8080</td><td><code>src/a.c:20:3</code>") != NULL);
	T_ASSERT(strstr(out, "<section id=\"inventory\"><h2>Dependencies</h2>\n<p>1 package in 1 manifest, 1 checked") != NULL);
	T_ASSERT(strstr(out, "<section id=\"notes\"><h2>Notes (1)</h2>\n<ul>\n<li>a note</li>") != NULL);
	free(out);

	o.fail_on = CVET_SEV_CRITICAL;
	o.fail_on_all_code = 1;
	out = render(r, &o);
	T_ASSERT(out && strstr(out, "--fail-on critical</code>: failed, 2 findings at or above</p>") != NULL);
	free(out);
	o.fail_on = CVET_SEV_NONE;
	out = render(r, &o);
	T_ASSERT(out && strstr(out, "class=\"verdict pass\"><code>--fail-on none</code>") != NULL);
	free(out);
	cvet_report_free(r);
}

/* Same report, same bytes; the duration (which differs run to run) is not in the page. */
static void test_html__deterministic(void)
{
	cvet_write_options o = CVET_WRITE_OPTIONS_INIT;
	cvet_report *r = sample();
	char *a, *b;

	r->elapsed_seconds = 1.5;
	a = render(r, &o);
	r->elapsed_seconds = 99.25;
	b = render(r, &o);
	T_ASSERT(a && b);
	T_ASSERT_STR(a, b);
	T_ASSERT(!strstr(a, "1.50") && !strstr(a, "99.2"));
	free(a);
	free(b);
	cvet_report_free(r);
}

/* A directory with one source file of `text`, made under the build's working directory. */
static int make_source(char dir[64], const char *name, const char *text)
{
	char path[128];
	FILE *f;
	snprintf(dir, 64, "html-src-XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (!(f = fopen(path, "w")))
		return -1;
	fputs(text, f);
	return fclose(f);
}

static void remove_source(const char *dir, const char *name)
{
	char path[128];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	unlink(path);
	rmdir(dir);
}

/* Two lines of context either side, the finding's line marked with its columns, lines cut at a bound. */
static void test_html__source_context(void)
{
	cvet_write_options o = CVET_WRITE_OPTIONS_INIT;
	cvet_report *r = NULL;
	cvet_finding *f;
	char dir[64], *out, *pre, *end, longline[1200];

	memset(longline, 'x', sizeof(longline) - 2);
	longline[sizeof(longline) - 2] = '\n';
	longline[sizeof(longline) - 1] = '\0';
	char text[2000];
	snprintf(text, sizeof(text), "l1\nl2\nl3 <b>\n  gets(buf);\nl5 & </script>\nl6\nl7\n%sl9\n", longline);
	T_ASSERT_INT(0, make_source(dir, "a.c", text));
	T_ASSERT_INT(0, cvet_report_new(&r));
	f = code(r, "unsafe-gets", CVET_SEV_HIGH, "gets", "a.c", 4, 3);
	f->loc.end_column = 12;
	f->snippet = dupe("gets(buf)");
	code(r, "long-line", CVET_SEV_LOW, "long", "a.c", 8, 1);
	f = code(r, "hardcoded-credential", CVET_SEV_HIGH, "secret", "a.c", 2, 1);
	f->snippet = dupe("l2");
	T_ASSERT_INT(0, cvet_report_finalize(r));
	o.root = dir;
	out = render(r, &o);
	remove_source(dir, "a.c");
	T_ASSERT(out != NULL);
	pre = strstr(out, "<pre class=\"src\"><span><i>2</i>l2</span>");
	T_ASSERT(pre != NULL);
	end = strstr(pre, "</pre>");
	T_ASSERT(end != NULL);
	*end = '\0';
	T_ASSERT_STR("<pre class=\"src\"><span><i>2</i>l2</span><span><i>3</i>l3 &lt;b&gt;</span>"
		     "<span class=\"hit\"><i>4</i>  <mark>gets(buf)</mark>;</span>"
		     "<span><i>5</i>l5 &amp; &lt;/script&gt;</span><span><i>6</i>l6</span>",
		     pre);
	*end = '<';
	/* the long line is cut at 400 bytes with an ellipsis */
	T_ASSERT(strstr(out, "<span class=\"hit\"><i>8</i><mark>x</mark>") != NULL);
	T_ASSERT(count(out, "xxxxxxxxxx\xe2\x80\xa6</span>") == 1);
	/* the hard-coded secret's line is not shown */
	T_ASSERT(strstr(out, "data-rule=\"hardcoded-credential\"") != NULL);
	T_ASSERT_INT(2, count(out, "<pre class=\"src\">"));
	free(out);

	/* source not shown on request: the finding's own snippet instead */
	o.show_source = 0;
	out = render(r, &o);
	T_ASSERT(out && strstr(out, "<pre class=\"src\"><span class=\"hit\"><i>4</i>gets(buf)</span></pre>") != NULL);
	free(out);
	cvet_report_free(r);
}

static void test_html__empty_and_parse(void)
{
	cvet_write_options o = CVET_WRITE_OPTIONS_INIT;
	cvet_report *r = NULL;
	cvet_format fmt;
	char *out;

	T_ASSERT_INT(0, cvet_format_parse("html", &fmt));
	T_ASSERT_INT(CVET_FMT_HTML, fmt);
	T_ASSERT_INT(0, cvet_report_new(&r));
	T_ASSERT_INT(0, cvet_report_finalize(r));
	out = render(r, &o);
	T_ASSERT(out != NULL);
	T_ASSERT(strstr(out, "<title>cvet report: 0 findings</title>") != NULL);
	T_ASSERT(strstr(out, "<p>No findings in product code.</p>") != NULL);
	T_ASSERT(!strstr(out, "<form")); /* nothing to filter */
	T_ASSERT(strstr(out, "passed, none at or above") != NULL);
	T_ASSERT(strstr(out, "</html>\n") != NULL);
	free(out);
	cvet_report_free(r);
}

/* A message far longer than a page should show is cut, not copied whole. */
static void test_html__bounded_text(void)
{
	cvet_write_options o = CVET_WRITE_OPTIONS_INIT;
	cvet_report *r = NULL;
	char *big = malloc(1u << 20), *out;

	T_ASSERT(big != NULL);
	memset(big, '<', (1u << 20) - 1);
	big[(1u << 20) - 1] = '\0';
	T_ASSERT_INT(0, cvet_report_new(&r));
	code(r, "x", CVET_SEV_LOW, big, big, 1, 1);
	T_ASSERT_INT(0, cvet_report_finalize(r));
	out = render(r, &o);
	T_ASSERT(out != NULL);
	T_ASSERT(strlen(out) < 200000);
	T_ASSERT(strstr(out, "&lt;&lt;\xe2\x80\xa6</span>") != NULL);
	free(out);
	free(big);
	cvet_report_free(r);
}

CVET_TEST_MAIN(T(test_html__escaping), T(test_html__structure), T(test_html__deterministic),
	       T(test_html__source_context), T(test_html__empty_and_parse), T(test_html__bounded_text))
