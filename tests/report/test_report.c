/* test_report.c - unit tests of the report writers (text, gcc, json, sarif, markdown), atomic output files and
 * the code location classifier */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cjson/cJSON.h>
#include "cvet/report.h"
#include "cvet/rules.h"
#include "report/baseline.h"
#include "report/location.h"
#include "test.h"

/* calloc for test fixtures: a test cannot go on without its memory */
static void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n, size);
	if (!p)
		abort();
	return p;
}

/* a message that quotes hostile source: newline, quotes, ANSI escapes, printf conversions, Unicode,
 * Markdown/HTML syntax, an @mention, invalid UTF-8, a bidi override and a carriage return */
#define HOSTILE                                                                                       \
	"line1\nline2 \"quoted\" \x1b[31mred\x1b[0m %s %n caf\xc3\xa9 \xe2\x98\x83 |pipe| `tick` <b>x</b> " \
	"@octocat \xff\xfe rtl\xe2\x80\xae end\r"

/* ---- building synthetic reports ---- */

static char *dupe(const char *s)
{
	return s ? strdup(s) : NULL;
}

static void set_loc(cvet_location *l, const char *path, unsigned line, unsigned col, unsigned end_col, const char *msg)
{
	l->path = dupe(path);
	l->line = line;
	l->column = col;
	l->end_column = end_col;
	l->message = dupe(msg);
}

static cvet_finding *code(cvet_report *r, const char *rule, cvet_severity sev, int cwe1, int cwe2, const char *msg,
			  const char *path, unsigned line, unsigned col)
{
	cvet_finding *f = cvet_finding_new();
	if (!f)
		return NULL;
	f->rule_id = dupe(rule);
	f->severity = sev;
	f->cwe[0] = cwe1;
	f->cwe[1] = cwe2;
	f->message = dupe(msg);
	set_loc(&f->loc, path, line, col, 0, NULL);
	return cvet_report_add(r, f) == 0 ? f : NULL;
}

static cvet_finding *dependency(cvet_report *r, const char *adv, cvet_severity sev, const char *pkg, const char *ver,
				const char *cve, double score, const char *upgrade, int build_only, const char *path,
				unsigned line)
{
	cvet_finding *f = cvet_finding_new();
	cvet_dep_info *d = cvet_dep_info_new();
	if (!f || !d) {
		cvet_finding_free(f);
		cvet_dep_info_free(d);
		return NULL;
	}
	f->rule_id = dupe(adv);
	f->kind = CVET_KIND_DEPENDENCY;
	f->severity = sev;
	set_loc(&f->loc, path, line, 0, 0, NULL);
	d->package = dupe(pkg);
	d->ecosystem = dupe("conan");
	d->version = dupe(ver);
	d->advisory_id = dupe(adv);
	if (cve) {
		d->aliases = xcalloc(1, sizeof(char *));
		d->aliases[0] = dupe(cve);
		d->naliases = 1;
	}
	d->sources = xcalloc(1, sizeof(char *));
	d->sources[0] = dupe(adv);
	d->nsources = 1;
	d->score = score;
	d->upgrade_to = dupe(upgrade);
	d->build_only = build_only;
	f->dep = d;
	f->message = dupe("dependency has a known vulnerability");
	return cvet_report_add(r, f) == 0 ? f : NULL;
}

static void endpoint(cvet_report *r, const char *api, const char *addr, int port, const char *fn, const char *path,
		     unsigned line)
{
	cvet_endpoint *e = xcalloc(1, sizeof(*e));
	e->api = dupe(api);
	e->address = dupe(addr);
	e->port = port;
	e->function = dupe(fn);
	set_loc(&e->loc, path, line, 3, 0, NULL);
	cvet_report_add_endpoint(r, e);
}

static void package(cvet_report *r, const char *name, const char *ver, int checked, int nvulns, const char *path,
		    unsigned line)
{
	cvet_package *p = xcalloc(1, sizeof(*p));
	p->name = dupe(name);
	p->ecosystem = dupe("conan");
	p->version = dupe(ver);
	p->purl = dupe("pkg:conan/x");
	p->checked = checked;
	p->nvulns = nvulns;
	set_loc(&p->loc, path, line, 0, 0, NULL);
	cvet_report_add_package(r, p);
}

/* A report with every kind of content, finalized (sorted, fingerprinted). */
static cvet_report *sample(void)
{
	cvet_report *r = NULL;
	cvet_finding *f;
	cvet_dep_info *d;

	if (cvet_report_new(&r) < 0)
		return NULL;
	f = code(r, "unsafe-gets", CVET_SEV_HIGH, 242, 0, "'gets' cannot limit what it reads; use 'fgets'", "src/main.c",
		 3, 2);
	f->loc.end_column = 11;
	f->function = dupe("main");
	f->snippet = dupe("gets(buf)");
	f->fix = dupe("use fgets(buf, sizeof buf, stdin)");
	f = code(r, "command-injection", CVET_SEV_CRITICAL, 78, 88, "untrusted data reaches 'system'", "src/main.c", 7,
		 5);
	f->function = dupe("main");
	f->steps = xcalloc(2, sizeof(cvet_location));
	f->nsteps = 2;
	set_loc(&f->steps[0], "src/main.c", 5, 14, 0, "'cmd' receives untrusted data from 'getenv'");
	set_loc(&f->steps[1], "src/main.c", 7, 5, 0, "'cmd' reaches 'system'");
	code(r, "format-string", CVET_SEV_MEDIUM, 134, 0, HOSTILE, "dir with space/\xc3\xa4.c", 2, 1);
	code(r, CVET_RULE_PARSE_ERROR, CVET_SEV_NOTE, 0, 0, "expected ';' after expression", "src/broken.c", 0, 0);
	f = dependency(r, "CURL-CVE-2023-38545", CVET_SEV_CRITICAL, "curl", "8.3.0", "CVE-2023-38545", 9.8, "8.4.0", 0,
		       "conanfile.txt", 4);
	d = f->dep;
	d->purl = dupe("pkg:conan/curl@8.3.0");
	d->upstream = dupe("curl");
	d->summary = dupe("SOCKS5 heap buffer overflow");
	d->cvss_vector = dupe("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
	dependency(r, "GHSA-aaaa-bbbb-cccc", CVET_SEV_LOW, "zlib", "1.2.11", "CVE-2018-25032", -1, NULL, 1,
		   "conanfile.txt", 6);
	endpoint(r, "bind", "0.0.0.0", 8080, "main", "src/server.c", 10);
	endpoint(r, "connect", NULL, -1, NULL, "src/client.c", 20);
	package(r, "curl", "8.3.0", 1, 1, "conanfile.txt", 4);
	package(r, "zlib", "1.2.11", 1, 1, "conanfile.txt", 6);
	package(r, "fmt", NULL, 0, 0, "conanfile.txt", 5);
	cvet_report_add_note(r, "could not read submodule commits: %s", "no .git");
	cvet_report_add_note(r, "%s", HOSTILE);
	r->files_scanned = 3;
	r->manifests_scanned = 1;
	r->elapsed_seconds = 1.234;
	r->code_ran = r->deps_ran = 1;
	if (cvet_report_finalize(r) < 0) {
		cvet_report_free(r);
		return NULL;
	}
	return r;
}

/* The report written in `fmt` as a malloc'd string (NULL when the writer fails). */
static char *render(const cvet_report *r, cvet_format fmt, const cvet_write_options *opts)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	int rc = cvet_report_write(r, fmt, m, opts);
	fclose(m);
	if (rc != 0) {
		fprintf(stderr, "writer %d failed: %d %s\n", (int)fmt, rc, cvet_error_last());
		free(buf);
		return NULL;
	}
	return buf;
}

static size_t count_lines(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += *s == '\n';
	return n;
}

static int has_control(const char *s, int allow_tab)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p < 0x20 && *p != '\n' && !(allow_tab && *p == '\t')) || *p == 0x7f)
			return 1;
	return 0;
}

/* ---- format names ---- */

static void test_report__format_parse(void)
{
	cvet_format f;
	T_ASSERT_INT(0, cvet_format_parse("gcc", &f));
	T_ASSERT_INT(CVET_FMT_GCC, f);
	T_ASSERT_INT(0, cvet_format_parse("sarif", &f));
	T_ASSERT_INT(CVET_FMT_SARIF, f);
	T_ASSERT_INT(0, cvet_format_parse("markdown", &f));
	T_ASSERT_INT(CVET_FMT_MARKDOWN, f);
	T_ASSERT_INT(0, cvet_format_parse("text", &f));
	T_ASSERT_INT(0, cvet_format_parse("json", &f));
	T_ASSERT_INT(CVET_EUSAGE, cvet_format_parse("xml", &f));
	T_ASSERT(strstr(cvet_error_last(), "'xml'") != NULL);
	T_ASSERT_INT(CVET_EUSAGE, cvet_format_parse(NULL, &f));
}

/* ---- gcc ---- */

static void test_report__gcc_exact(void)
{
	cvet_write_options o = CVET_WRITE_OPTIONS_INIT;
	cvet_report *r = sample();
	char *out = render(r, CVET_FMT_GCC, &o);
	const char *expected =
		"conanfile.txt:4:1: error: curl 8.3.0 is affected by CVE-2023-38545 (CURL-CVE-2023-38545, critical "
		"9.8); upgrade to 8.4.0 [CURL-CVE-2023-38545]\n"
		"conanfile.txt:6:1: warning: zlib 1.2.11 (build-only) is affected by CVE-2018-25032 "
		"(GHSA-aaaa-bbbb-cccc, low); no fixed version known [GHSA-aaaa-bbbb-cccc]\n"
		"dir with space/\xc3\xa4.c:2:1: warning: line1?line2 \"quoted\" ?[31mred?[0m %s %n caf\xc3\xa9 "
		"\xe2\x98\x83 |pipe| `tick` <b>x</b> @octocat ?? rtl? end? [format-string]\n"
		"src/broken.c:1:1: note: expected ';' after expression [parse-error]\n"
		"src/main.c:3:2: error: 'gets' cannot limit what it reads; use 'fgets' [unsafe-gets]\n"
		"src/main.c:7:5: error: untrusted data reaches 'system' [command-injection]\n";

	T_ASSERT(r && out);
	T_ASSERT_STR(expected, out);
	T_ASSERT_INT(r->nfindings, count_lines(out));
	T_ASSERT(!has_control(out, 0));
	free(out);
	cvet_report_free(r);
}

/* C1 controls (CSI as U+009B), overlong and surrogate encodings, bidi isolates: each becomes '?' */
static void test_report__terminal_sanitizer(void)
{
	cvet_write_options o = CVET_WRITE_OPTIONS_INIT;
	cvet_report *r = NULL;
	char *out;

	T_ASSERT_INT(0, cvet_report_new(&r));
	code(r, "x\x1b]0;t\x07", CVET_SEV_LOW, 0, 0,
	     "a\xc2\x9b[31mb\xc0\xaf" "c\xed\xa0\x80" "d\xe2\x81\xa6" "e \xe2\x82\xac\xf0\x9f\x98\x80", "p\x1b[2J.c", 1, 1);
	cvet_report_finalize(r);
	out = render(r, CVET_FMT_GCC, &o);
	T_ASSERT(out != NULL);
	T_ASSERT_STR("p?[2J.c:1:1: warning: a?[31mb??c???d?e \xe2\x82\xac\xf0\x9f\x98\x80 [x?]0;t?]\n", out);
	free(out);
	out = render(r, CVET_FMT_TEXT, &o);
	T_ASSERT(out && !has_control(out, 0) && !strstr(out, "\xc2\x9b"));
	free(out);
	cvet_report_free(r);
}

/* ---- json ---- */

static const cJSON *get(const cJSON *o, const char *key)
{
	return cJSON_GetObjectItemCaseSensitive(o, key);
}

static const char *str(const cJSON *o, const char *key)
{
	const cJSON *v = get(o, key);
	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static int is_null_or(const cJSON *v, const char *s)
{
	return s ? cJSON_IsString(v) && strcmp(v->valuestring, s) == 0 : cJSON_IsNull(v);
}

static int location_matches(const cJSON *j, const cvet_location *l)
{
	return cJSON_IsObject(j) && is_null_or(get(j, "path"), l->path) && get(j, "line")->valuedouble == l->line &&
	       get(j, "column")->valuedouble == l->column && get(j, "end_line")->valuedouble == l->end_line &&
	       get(j, "end_column")->valuedouble == l->end_column && is_null_or(get(j, "message"), l->message);
}

static void test_report__json_roundtrip(void)
{
	cvet_write_options o = CVET_WRITE_OPTIONS_INIT;
	cvet_report *r = sample();
	char *out = render(r, CVET_FMT_JSON, &o);
	cJSON *root = out ? cJSON_Parse(out) : NULL;
	const cJSON *findings, *j, *a;
	size_t i = 0;

	T_ASSERT(root != NULL);
	T_ASSERT_INT(1, get(root, "schema_version")->valuedouble);
	T_ASSERT_STR("cvet", str(get(root, "tool"), "name"));
	T_ASSERT_STR(CVET_VERSION, str(get(root, "tool"), "version"));
	T_ASSERT(strstr(out, "elapsed") == NULL && strstr(out, "time") == NULL);
	findings = get(root, "findings");
	T_ASSERT_INT(r->nfindings, cJSON_GetArraySize(findings));
	cJSON_ArrayForEach(j, findings) {
		const cvet_finding *f = r->findings[i++];
		int ncwe = 0;
		T_ASSERT_STR(f->rule_id, str(j, "rule_id"));
		T_ASSERT_STR(f->kind == CVET_KIND_DEPENDENCY ? "dependency" : "code", str(j, "kind"));
		T_ASSERT_STR(cvet_severity_name(f->severity), str(j, "severity"));
		while (ncwe < CVET_MAX_CWE && f->cwe[ncwe])
			ncwe++;
		T_ASSERT_INT(ncwe, cJSON_GetArraySize(get(j, "cwe")));
		for (int k = 0; k < ncwe; k++)
			T_ASSERT_INT(f->cwe[k], cJSON_GetArrayItem(get(j, "cwe"), k)->valuedouble);
		if (strchr(f->message, '\xff')) /* invalid UTF-8 becomes U+FFFD, the rest is kept */
			T_ASSERT(strstr(str(j, "message"), "\n") && strstr(str(j, "message"), "\xef\xbf\xbd\xef\xbf\xbd rtl"));
		else
			T_ASSERT_STR(f->message, str(j, "message"));
		T_ASSERT(location_matches(get(j, "location"), &f->loc));
		T_ASSERT_INT(f->nsteps, cJSON_GetArraySize(get(j, "steps")));
		for (size_t k = 0; k < f->nsteps; k++)
			T_ASSERT(location_matches(cJSON_GetArrayItem(get(j, "steps"), (int)k), &f->steps[k]));
		T_ASSERT(is_null_or(get(j, "fix"), f->fix));
		T_ASSERT(is_null_or(get(j, "function"), f->function));
		T_ASSERT(is_null_or(get(j, "snippet"), f->snippet));
		T_ASSERT_STR(f->fingerprint, str(j, "fingerprint"));
		T_ASSERT_INT(32, strlen(str(j, "fingerprint")));
		if (f->dep) {
			const cJSON *d = get(j, "dependency");
			T_ASSERT_STR(f->dep->package, str(d, "package"));
			T_ASSERT(is_null_or(get(d, "ecosystem"), f->dep->ecosystem));
			T_ASSERT(is_null_or(get(d, "version"), f->dep->version));
			T_ASSERT(is_null_or(get(d, "purl"), f->dep->purl));
			T_ASSERT(is_null_or(get(d, "upstream"), f->dep->upstream));
			T_ASSERT_STR(f->dep->advisory_id, str(d, "advisory_id"));
			T_ASSERT_INT(f->dep->naliases, cJSON_GetArraySize(get(d, "aliases")));
			T_ASSERT_INT(f->dep->nsources, cJSON_GetArraySize(get(d, "sources")));
			T_ASSERT(is_null_or(get(d, "summary"), f->dep->summary));
			T_ASSERT(is_null_or(get(d, "cvss_vector"), f->dep->cvss_vector));
			if (f->dep->score >= 0)
				T_ASSERT(get(d, "score")->valuedouble == f->dep->score);
			else
				T_ASSERT(cJSON_IsNull(get(d, "score")));
			T_ASSERT(is_null_or(get(d, "upgrade_to"), f->dep->upgrade_to));
			T_ASSERT_INT(f->dep->build_only, cJSON_IsTrue(get(d, "build_only")));
			T_ASSERT_INT(f->dep->approximate, cJSON_IsTrue(get(d, "approximate")));
		} else {
			T_ASSERT(cJSON_IsNull(get(j, "dependency")));
		}
	}
	/* the hostile message survives byte for byte except the invalid UTF-8, which becomes U+FFFD */
	T_ASSERT(strstr(out, "\\u001b[31mred") != NULL);
	T_ASSERT(strstr(out, "\xef\xbf\xbd\xef\xbf\xbd rtl") != NULL);

	a = get(root, "network_surface");
	T_ASSERT_INT(2, cJSON_GetArraySize(a));
	i = 0;
	cJSON_ArrayForEach(j, a) {
		const cvet_endpoint *e = r->endpoints[i++];
		T_ASSERT_STR(e->api, str(j, "api"));
		T_ASSERT(is_null_or(get(j, "address"), e->address));
		T_ASSERT(e->port >= 0 ? get(j, "port")->valuedouble == e->port : cJSON_IsNull(get(j, "port")));
		T_ASSERT(is_null_or(get(j, "function"), e->function));
		T_ASSERT(location_matches(get(j, "location"), &e->loc));
	}
	a = get(root, "dependencies");
	T_ASSERT_INT(3, cJSON_GetArraySize(a));
	i = 0;
	cJSON_ArrayForEach(j, a) {
		const cvet_package *p = r->packages[i++];
		T_ASSERT_STR(p->name, str(j, "name"));
		T_ASSERT(is_null_or(get(j, "version"), p->version));
		T_ASSERT(is_null_or(get(j, "purl"), p->purl));
		T_ASSERT(location_matches(get(j, "location"), &p->loc));
		T_ASSERT_INT(p->checked, cJSON_IsTrue(get(j, "checked")));
		T_ASSERT_INT(p->nvulns, get(j, "vulnerabilities")->valuedouble);
	}
	T_ASSERT_INT(2, cJSON_GetArraySize(get(root, "notes")));
	j = get(root, "summary");
	T_ASSERT_INT(6, get(j, "findings")->valuedouble);
	T_ASSERT_INT(2, get(get(j, "by_severity"), "critical")->valuedouble);
	T_ASSERT_INT(1, get(get(j, "by_severity"), "note")->valuedouble);
	T_ASSERT_INT(3, get(j, "files_scanned")->valuedouble);
	T_ASSERT_INT(1, get(j, "manifests_scanned")->valuedouble);
	T_ASSERT_INT(3, get(j, "at_or_above_fail_on")->valuedouble);
	cJSON_Delete(root);
	free(out);
	cvet_report_free(r);
}

static void test_report__json_deterministic(void)
{
	cvet_write_options o = CVET_WRITE_OPTIONS_INIT;
	cvet_report *r = sample();
	char *a = render(r, CVET_FMT_JSON, &o), *b;

	r->elapsed_seconds = 99.5; /* time must not leak into the output */
	b = render(r, CVET_FMT_JSON, &o);
	T_ASSERT(a && b);
	T_ASSERT_STR(a, b);
	free(a);
	free(b);
	a = render(r, CVET_FMT_SARIF, &o);
	r->elapsed_seconds = 0;
	b = render(r, CVET_FMT_SARIF, &o);
	T_ASSERT(a && b);
	T_ASSERT_STR(a, b);
	free(a);
	free(b);
	cvet_report_free(r);
}

/* ---- text ---- */

static char tmp_root[64];

static int make_tree(void)
{
	FILE *f;
	char path[128];

	snprintf(tmp_root, sizeof(tmp_root), "/tmp/cvet-report-XXXXXX");
	if (!mkdtemp(tmp_root))
		return -1;
	snprintf(path, sizeof(path), "%s/src", tmp_root);
	mkdir(path, 0755);
	snprintf(path, sizeof(path), "%s/src/main.c", tmp_root);
	if (!(f = fopen(path, "w")))
		return -1;
	fputs("int main(void) {\n\tchar buf[8];\n\tgets(buf);\n\tconst char *cmd = getenv(\"X\");\n"
	      "\t/* \xc3\xa9 */ x = getenv(\"CMD\");\n\t\n\t\xc3\xa9 system(cmd);\n}\n",
	      f);
	return fclose(f);
}

static void remove_tree(void)
{
	char path[128];
	snprintf(path, sizeof(path), "%s/src/main.c", tmp_root);
	unlink(path);
	snprintf(path, sizeof(path), "%s/src", tmp_root);
	rmdir(path);
	rmdir(tmp_root);
}

static void test_report__text_caret(void)
{
	cvet_write_options o = CVET_WRITE_OPTIONS_INIT;
	cvet_report *r = sample();
	char *out;

	T_ASSERT(r && make_tree() == 0);
	o.root = tmp_root;
	o.fail_on = CVET_SEV_HIGH;
	out = render(r, CVET_FMT_TEXT, &o);
	remove_tree();
	T_ASSERT(out != NULL);
	/* tab kept in both lines; a 9-character range underlined from column 2 */
	T_ASSERT(strstr(out, "src/main.c:3:2: high: 'gets' cannot limit what it reads; use 'fgets' [unsafe-gets] "
			     "(CWE-242)\n"
			     "     3 | \tgets(buf);\n"
			     "       | \t^~~~~~~~~\n"
			     "  fix: use fgets(buf, sizeof buf, stdin)\n") != NULL);
	/* a two-byte character before the column takes one caret column */
	T_ASSERT(strstr(out, "src/main.c:7:5: critical: untrusted data reaches 'system' [command-injection] "
			     "(CWE-78, CWE-88)\n"
			     "     7 | \t\xc3\xa9 system(cmd);\n"
			     "       | \t  ^\n"
			     "  dataflow:\n"
			     "    1. src/main.c:5:14: 'cmd' receives untrusted data from 'getenv'\n"
			     "    2. src/main.c:7:5: 'cmd' reaches 'system'\n") != NULL);
	/* no source under the root for this one: the diagnostic alone */
	T_ASSERT(strstr(out, "src/broken.c: note: expected ';' after expression [parse-error]\nsrc/main.c") != NULL);
	T_ASSERT(!has_control(out, 1));
	free(out);
	cvet_report_free(r);
}

static void test_report__text_sections(void)
{
	cvet_write_options o = CVET_WRITE_OPTIONS_INIT;
	cvet_report *r = sample(), *empty = NULL;
	char *out = render(r, CVET_FMT_TEXT, &o);

	T_ASSERT(out != NULL);
	T_ASSERT(strstr(out, "\nVulnerable dependencies\n"
			     "  package  version  advisory                              severity      upgrade to  where"
			     "            build-only\n"
			     "  curl     8.3.0    CURL-CVE-2023-38545                   critical 9.8  8.4.0       "
			     "conanfile.txt:4\n"
			     "  zlib     1.2.11   GHSA-aaaa-bbbb-cccc (CVE-2018-25032)  low           -           "
			     "conanfile.txt:6  yes\n\n") != NULL);
	T_ASSERT(strstr(out, "\nNetwork surface\n"
			     "  api      address         port            location           function\n"
			     "  connect  (not constant)  (not constant)  src/client.c:20:3\n"
			     "  bind     0.0.0.0         8080            src/server.c:10:3  main\n\n") != NULL);
	T_ASSERT(strstr(out, "Dependencies: 3 packages in 1 manifest, 2 checked against advisories\n"
			     "  unknown version: fmt (conanfile.txt:5)\n") != NULL);
	T_ASSERT(strstr(out, "Notes:\n  - could not read submodule commits: no .git\n") != NULL);
	T_ASSERT(strstr(out, "\n6 findings: 2 critical, 1 high, 1 medium, 1 low, 1 note; 3 files and 1 manifest scanned "
			     "in 1.23s; --fail-on high: 3 at or above, failed\n") != NULL);
	T_ASSERT(strchr(out, '\x1b') == NULL);
	free(out);

	/* colour on request, and hostile escapes still stripped */
	o.color = 1;
	out = render(r, CVET_FMT_TEXT, &o);
	T_ASSERT(out && strstr(out, "\x1b[1;31mcritical:\x1b[0m") && strstr(out, "\x1b[1;35mmedium:"));
	T_ASSERT(strstr(out, "\x1b[31mred") == NULL);
	free(out);

	T_ASSERT_INT(0, cvet_report_new(&empty));
	empty->code_ran = 1;
	o.color = 0;
	o.fail_on = CVET_SEV_NONE;
	out = render(empty, CVET_FMT_TEXT, &o);
	T_ASSERT(out && strstr(out, "Network surface: none found\n"));
	T_ASSERT(strstr(out, "0 findings: 0 critical, 0 high, 0 medium, 0 low, 0 notes; 0 files and 0 manifests scanned "
			     "in 0.00s; --fail-on none\n"));
	free(out);
	cvet_report_free(empty);
	cvet_report_free(r);
}

/* ---- markdown ---- */

static void test_report__markdown_escaping(void)
{
	cvet_write_options o = CVET_WRITE_OPTIONS_INIT;
	cvet_report *r = sample();
	char *out = render(r, CVET_FMT_MARKDOWN, &o);
	const char *row;

	T_ASSERT(out != NULL);
	T_ASSERT(strstr(out, "### cvet: 6 findings\n") != NULL);
	/* most severe first */
	T_ASSERT(strstr(out, "| --- | --- | --- | --- |\n| critical | `command-injection` | `src/main.c:7:5` | "
			     "untrusted data reaches 'system' |\n| high |") != NULL);
	row = strstr(out, "| medium | `format-string` | `dir with space/\xc3\xa4.c:2:1` | ");
	T_ASSERT(row != NULL);
	T_ASSERT(strstr(row, "line1 line2 \"quoted\"  \\[31mred \\[0m %s %n caf\xc3\xa9 \xe2\x98\x83 \\|pipe\\| "
			     "\\`tick\\` \\<b\\>x\\</b\\> @\xe2\x81\xa0octocat \xef\xbf\xbd\xef\xbf\xbd rtl\xef\xbf\xbd end  |\n") ==
		 row + strlen("| medium | `format-string` | `dir with space/\xc3\xa4.c:2:1` | "));
	T_ASSERT(strstr(out, "| curl | 8.3.0 | `CURL-CVE-2023-38545` | critical 9.8 | 8.4.0 | `conanfile.txt:4` |\n"));
	T_ASSERT(strstr(out, "| zlib (build-only) | 1.2.11 | `GHSA-aaaa-bbbb-cccc` (`CVE-2018-25032`) | low |"));
	T_ASSERT(strstr(out, "| `bind` | `0.0.0.0` | 8080 | `src/server.c:10:3` | `main` |\n"));
	T_ASSERT(!has_control(out, 0));
	free(out);

	/* more than 100 findings: the table is capped */
	for (int i = 0; i < 105; i++)
		code(r, "unsafe-libc", CVET_SEV_LOW, 676, 0, "m", "src/z.c", (unsigned)i + 1, 1);
	cvet_report_finalize(r);
	out = render(r, CVET_FMT_MARKDOWN, &o);
	T_ASSERT(out != NULL);
	T_ASSERT(strstr(out, "\n\xe2\x80\xa6" "and 9 more\n") != NULL); /* 109 code findings, 100 shown */
	free(out);
	cvet_report_free(r);
}

/* ---- sarif ---- */

static void test_report__sarif_structure(void)
{
	cvet_write_options o = CVET_WRITE_OPTIONS_INIT;
	cvet_report *r = sample();
	char *out = render(r, CVET_FMT_SARIF, &o);
	cJSON *root = out ? cJSON_Parse(out) : NULL;
	const cJSON *run, *rules, *results, *res, *rule;
	const char *env = getenv("CVET_TEST_SARIF_OUT");
	int n = 0, flows = 0, extra = 0;

	T_ASSERT(root != NULL);
	T_ASSERT_STR("2.1.0", str(root, "version"));
	T_ASSERT(str(root, "$schema") != NULL);
	T_ASSERT_INT(1, cJSON_GetArraySize(get(root, "runs")));
	run = cJSON_GetArrayItem(get(root, "runs"), 0);
	T_ASSERT_STR("cvet", str(get(get(run, "tool"), "driver"), "name"));
	T_ASSERT_STR(CVET_VERSION, str(get(get(run, "tool"), "driver"), "semanticVersion"));
	T_ASSERT(get(run, "originalUriBaseIds") == NULL);
	rules = get(get(get(run, "tool"), "driver"), "rules");
	/* every registry rule first, in registry order, then the advisories sorted */
	for (size_t i = 0; i < r->nfindings; i++) /* code findings of rules outside the registry get a rule too */
		extra += r->findings[i]->kind == CVET_KIND_CODE && cvet_rules_index(r->findings[i]->rule_id) < 0;
	T_ASSERT_INT(cvet_rules_count() + 2 + extra, cJSON_GetArraySize(rules));
	for (size_t i = 0; i < cvet_rules_count(); i++)
		T_ASSERT_STR(cvet_rules_at(i)->id, str(cJSON_GetArrayItem(rules, (int)i), "id"));
	T_ASSERT_STR("CURL-CVE-2023-38545", str(cJSON_GetArrayItem(rules, (int)cvet_rules_count()), "id"));
	T_ASSERT_STR("GHSA-aaaa-bbbb-cccc", str(cJSON_GetArrayItem(rules, (int)cvet_rules_count() + 1), "id"));
	rule = cJSON_GetArrayItem(rules, (int)cvet_rules_count());
	T_ASSERT_STR("CurlCve202338545", str(rule, "name"));
	T_ASSERT_STR("9.8", str(get(rule, "properties"), "security-severity"));
	T_ASSERT_STR("error", str(get(rule, "defaultConfiguration"), "level"));
	cJSON_ArrayForEach(rule, rules) {
		const cJSON *props = get(rule, "properties");
		T_ASSERT(cJSON_IsString(get(props, "security-severity")));
		T_ASSERT_STR("security", cJSON_GetArrayItem(get(props, "tags"), 0)->valuestring);
		T_ASSERT(str(get(rule, "help"), "text") && str(get(rule, "help"), "markdown"));
		T_ASSERT(str(get(rule, "shortDescription"), "text") && str(get(rule, "fullDescription"), "text"));
	}
	results = get(run, "results");
	T_ASSERT_INT(r->nfindings, cJSON_GetArraySize(results));
	cJSON_ArrayForEach(res, results) {
		const cJSON *art = get(get(cJSON_GetArrayItem(get(res, "locations"), 0), "physicalLocation"),
				       "artifactLocation");
		int idx = (int)get(res, "ruleIndex")->valuedouble;
		T_ASSERT_STR(str(res, "ruleId"), str(cJSON_GetArrayItem(rules, idx), "id"));
		T_ASSERT_STR(r->findings[n]->fingerprint, str(get(res, "partialFingerprints"), "cvetFingerprint/v1"));
		T_ASSERT_STR("%SRCROOT%", str(art, "uriBaseId"));
		T_ASSERT(strncmp(str(art, "uri"), "./", 2) != 0 && str(art, "uri")[0] != '/');
		flows += get(res, "codeFlows") != NULL;
		n++;
	}
	T_ASSERT_INT(1, flows);
	T_ASSERT(strstr(out, "\"uri\":\t\"dir%20with%20space/%C3%A4.c\"") != NULL);
	T_ASSERT(strstr(out, "\"text\":\t\"curl 8.3.0 is affected by CVE-2023-38545") != NULL);
	if (env && *env)
		T_ASSERT_INT(0, cvet_report_write_file(r, CVET_FMT_SARIF, env, &o));
	cJSON_Delete(root);
	free(out);
	cvet_report_free(r);
}

static void test_report__sarif_absolute_path(void)
{
	cvet_write_options o = CVET_WRITE_OPTIONS_INIT;
	cvet_report *r = NULL;
	char *out;

	T_ASSERT_INT(0, cvet_report_new(&r));
	code(r, "some-unknown-rule", CVET_SEV_LOW, 0, 0, "m", "/usr/include/x y.h", 3, 1);
	code(r, "unsafe-gets", CVET_SEV_HIGH, 0, 0, "m", "./a.c", 1, 1);
	code(r, "unsafe-gets", CVET_SEV_HIGH, 0, 0, "nowhere", NULL, 0, 0); /* GitHub rejects results without a file */
	cvet_report_finalize(r);
	out = render(r, CVET_FMT_SARIF, &o);
	T_ASSERT(out != NULL);
	T_ASSERT(strstr(out, "has no file location and is left out of the results: nowhere") != NULL);
	T_ASSERT(strstr(out, "\"text\":\t\"nowhere\"") == NULL);
	T_ASSERT(strstr(out, "\"uri\":\t\"file:///usr/include/x%20y.h\"\n") != NULL); /* no uriBaseId follows */
	T_ASSERT(strstr(out, "\"uri\":\t\"a.c\",") != NULL);
	T_ASSERT(strstr(out, "\"id\":\t\"some-unknown-rule\"") != NULL);
	free(out);
	cvet_report_free(r);
}

/* SARIF columns are UTF-16 code units: a two-byte UTF-8 character before the column counts once */
static void test_report__sarif_utf16_columns(void)
{
	cvet_write_options o = CVET_WRITE_OPTIONS_INIT;
	cvet_report *r = NULL;
	cvet_finding *f;
	char *out;

	T_ASSERT_INT(0, cvet_report_new(&r));
	T_ASSERT(make_tree() == 0);
	f = code(r, "command-injection", CVET_SEV_CRITICAL, 78, 0, "m", "src/main.c", 7, 5);
	f->loc.end_column = 16;
	cvet_report_finalize(r);
	o.root = tmp_root;
	out = render(r, CVET_FMT_SARIF, &o);
	remove_tree();
	T_ASSERT(out != NULL);
	T_ASSERT(strstr(out, "\"startLine\":\t7,\n") && strstr(out, "\"startColumn\":\t4,\n") &&
		 strstr(out, "\"endColumn\":\t15\n"));
	free(out);
	cvet_report_free(r);
}

/* a FIFO (or device) where a source file should be must not block the text writer */
static void test_report__text_source_not_regular(void)
{
	cvet_write_options o = CVET_WRITE_OPTIONS_INIT;
	cvet_report *r = NULL;
	char fifo[128], *out;

	T_ASSERT_INT(0, cvet_report_new(&r));
	T_ASSERT(make_tree() == 0);
	snprintf(fifo, sizeof(fifo), "%s/src/pipe.c", tmp_root);
	T_ASSERT(mkfifo(fifo, 0600) == 0);
	code(r, "unsafe-gets", CVET_SEV_HIGH, 242, 0, "m", "src/pipe.c", 1, 1);
	code(r, "unsafe-gets", CVET_SEV_HIGH, 242, 0, "m", "src/../src/main.c", 99, 1); /* past the end */
	cvet_report_finalize(r);
	o.root = tmp_root;
	out = render(r, CVET_FMT_TEXT, &o);
	unlink(fifo);
	remove_tree();
	T_ASSERT(out != NULL);
	T_ASSERT(strstr(out, "src/../src/main.c:99:1: high: m [unsafe-gets] (CWE-242)\n"
			     "src/pipe.c:1:1: high: m [unsafe-gets] (CWE-242)\n\n") != NULL);
	free(out);
	cvet_report_free(r);
}

/* ---- all formats on an empty report ---- */

static void test_report__empty_report(void)
{
	cvet_write_options o = CVET_WRITE_OPTIONS_INIT;
	cvet_report *r = NULL;

	T_ASSERT_INT(0, cvet_report_new(&r));
	for (int f = CVET_FMT_TEXT; f <= CVET_FMT_MARKDOWN; f++) {
		char *out = render(r, (cvet_format)f, &o);
		T_ASSERT(out != NULL);
		if (f == CVET_FMT_GCC)
			T_ASSERT_STR("", out);
		free(out);
	}
	cvet_report_free(r);
}

/* ---- atomic output files ---- */

static int temp_files_left(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;
	if (!d)
		return -1;
	while ((e = readdir(d)))
		n += strstr(e->d_name, ".cvet-tmp-") != NULL;
	closedir(d);
	return n;
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = xcalloc(1, (size_t)n + 1);
	if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	return buf;
}

static void test_report__write_file_atomic(void)
{
	cvet_write_options o = CVET_WRITE_OPTIONS_INIT;
	cvet_report *r = sample();
	char dir[] = "/tmp/cvet-write-XXXXXX", path[128], sub[128], *got, *want;
	struct stat st;
	pid_t pid;
	int status;

	T_ASSERT(r && mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/out.json", dir);

	/* success: same bytes as the stream writer, ordinary permissions */
	T_ASSERT_INT(0, cvet_report_write_file(r, CVET_FMT_JSON, path, &o));
	got = slurp(path);
	want = render(r, CVET_FMT_JSON, &o);
	T_ASSERT(got && want);
	T_ASSERT_STR(want, got);
	free(got);
	free(want);
	T_ASSERT(stat(path, &st) == 0 && (st.st_mode & 0444) == 0444);
	T_ASSERT_INT(0, temp_files_left(dir));

	/* a directory that does not exist: clean error, nothing created */
	T_ASSERT_INT(CVET_EIO, cvet_report_write_file(r, CVET_FMT_JSON, "/nonexistent-cvet-dir/out.json", &o));
	T_ASSERT(strstr(cvet_error_last(), "/nonexistent-cvet-dir/out.json") != NULL);
	T_ASSERT(strchr(cvet_error_last(), '\n') == NULL);

	/* the target is a directory: rename fails, the temp file is removed */
	snprintf(sub, sizeof(sub), "%s/adir", dir);
	T_ASSERT(mkdir(sub, 0755) == 0);
	T_ASSERT_INT(CVET_EIO, cvet_report_write_file(r, CVET_FMT_GCC, sub, &o));
	T_ASSERT_INT(0, temp_files_left(dir));
	T_ASSERT(stat(sub, &st) == 0 && S_ISDIR(st.st_mode));
	rmdir(sub);

	/* the write itself fails half-way (file size limit): the previous file stays intact */
	want = slurp(path);
	fflush(NULL);
	pid = fork();
	T_ASSERT(pid >= 0);
	if (pid == 0) {
		struct rlimit rl = {100, 100};
		signal(SIGXFSZ, SIG_IGN);
		setrlimit(RLIMIT_FSIZE, &rl);
		if (cvet_report_write_file(r, CVET_FMT_SARIF, path, &o) != CVET_EIO)
			_exit(1);
		_exit(strstr(cvet_error_last(), "File too large") ? 0 : 2); /* the real reason, not a stale errno */
	}
	T_ASSERT(waitpid(pid, &status, 0) == pid);
	T_ASSERT(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	got = slurp(path);
	T_ASSERT(got && want);
	T_ASSERT_STR(want, got);
	T_ASSERT_INT(0, temp_files_left(dir));
	free(got);
	free(want);

	unlink(path);
	rmdir(dir);
	cvet_report_free(r);
}

static void test_report__text_upgrade_per_package(void)
{
	cvet_write_options o = CVET_WRITE_OPTIONS_INIT;
	cvet_report *r = NULL;
	char *out;

	T_ASSERT(cvet_report_new(&r) == 0);
	/* 1.2.9 < 1.2.12 numerically (not as text): the line must name 1.2.12 */
	dependency(r, "ADV-1", CVET_SEV_HIGH, "zlib", "1.2.8", "CVE-2018-25032", 7.5, "1.2.12", 0, "conanfile.txt", 3);
	dependency(r, "ADV-2", CVET_SEV_LOW, "zlib", "1.2.8", NULL, -1, "1.2.9", 0, "conanfile.txt", 3);
	dependency(r, "ADV-3", CVET_SEV_MEDIUM, "zlib", "1.2.8", NULL, -1, NULL, 0, "conanfile.txt", 3);
	dependency(r, "ADV-4", CVET_SEV_LOW, "expat", "2.4.1", NULL, -1, "2.4.9", 1, "conanfile.txt", 4);
	package(r, "zlib", "1.2.8", 1, 3, "conanfile.txt", 3);
	package(r, "cmake", "3.27.1", 0, 0, "conanfile.txt", 9);
	package(r, "cmake", "3.27.1", 0, 0, "other/conanfile.txt", 2);
	package(r, "boost", NULL, 0, 0, "vcpkg.json", 5);
	T_ASSERT(cvet_report_finalize(r) == 0);
	out = render(r, CVET_FMT_TEXT, &o);
	T_ASSERT(out != NULL);
	T_ASSERT(strstr(out, "\nUpgrades\n"
			     "  zlib 1.2.8 (conanfile.txt:3): 3 advisories, worst high; upgrade to 1.2.12 or later "
			     "(fixes 2); 1 with no fixed version in the data\n"
			     "  expat 2.4.1 (conanfile.txt:4): 1 advisory, worst low; upgrade to 2.4.9 or later (fixes 1)\n") != NULL);
	/* what was not checked is listed once per name; unknown versions separately */
	T_ASSERT(strstr(out, "  not checked (no advisory data, or a version that cannot be compared): cmake\n") != NULL);
	T_ASSERT(strstr(out, "  unknown version: boost (vcpkg.json:5)") != NULL);
	free(out);
	cvet_report_free(r);
}

/* ---- location classes ---- */

static void test_location__conventions(void)
{
	static const struct {
		const char *path;
		cvet_location_class cls;
	} cases[] = {
		{"src/main.c", CVET_LOC_PRODUCT},
		{"main.c", CVET_LOC_PRODUCT},
		{"tests/a.c", CVET_LOC_TEST},
		{"src/test/a.c", CVET_LOC_TEST},
		{"Tests/a.c", CVET_LOC_TEST},
		{"lib/unittests/a.c", CVET_LOC_TEST},
		{"testdata/x/a.c", CVET_LOC_TEST},
		{"test-data/a.c", CVET_LOC_TEST},
		{"fuzz/a.c", CVET_LOC_TEST},
		{"oss-fuzz/a.c", CVET_LOC_PRODUCT},
		{"t/basic.c", CVET_LOC_TEST},
		{"src/t/basic.c", CVET_LOC_PRODUCT}, /* t/ only at the top */
		{"src/test_parser.c", CVET_LOC_TEST},
		{"src/parser_test.c", CVET_LOC_TEST},
		{"src/parser_tests.cc", CVET_LOC_TEST},
		{"src/parser_unittest.cpp", CVET_LOC_TEST},
		{"src/pngstest.c", CVET_LOC_PRODUCT},
		{"src/latest.c", CVET_LOC_PRODUCT},
		{"src/test.c", CVET_LOC_PRODUCT},
		{"src/test_", CVET_LOC_PRODUCT},
		{"src/contest/a.c", CVET_LOC_PRODUCT},
		{"examples/a.c", CVET_LOC_EXAMPLE},
		{"doc/demo/a.c", CVET_LOC_EXAMPLE},
		{"samples/a.c", CVET_LOC_EXAMPLE},
		{"tutorial/a.c", CVET_LOC_EXAMPLE},
		{"bench/a.c", CVET_LOC_BENCHMARK},
		{"benchmarks/a.c", CVET_LOC_BENCHMARK},
		{"perf/a.c", CVET_LOC_BENCHMARK},
		{"contrib/minizip/a.c", CVET_LOC_CONTRIB},
		{"third_party/zlib/a.c", CVET_LOC_VENDORED},
		{"third-party/a.c", CVET_LOC_VENDORED},
		{"3rdparty/a.c", CVET_LOC_VENDORED},
		{"src/vendor/a.c", CVET_LOC_VENDORED},
		{"deps/a.c", CVET_LOC_VENDORED},
		{"subprojects/a.c", CVET_LOC_VENDORED},
		{"external/a.c", CVET_LOC_VENDORED},
		{"tools/gen.c", CVET_LOC_TOOL},
		{"build-aux/a.c", CVET_LOC_TOOL},
		{"src/util/a.c", CVET_LOC_TOOL},
		{"src/util.c", CVET_LOC_PRODUCT},   /* a file named like a directory convention is not one */
		{"tests/vendor/a.c", CVET_LOC_TEST}, /* the first matching component from the top wins */
		{"vendor/x/tests/a.c", CVET_LOC_VENDORED},
		{"./tests/a.c", CVET_LOC_TEST},
		{"", CVET_LOC_PRODUCT},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		cvet_location_class got = cvet_locations__convention(cases[i].path);
		if (got != cases[i].cls)
			fprintf(stderr, "'%s': expected %s, got %s\n", cases[i].path, cvet_location_class_name(cases[i].cls),
				cvet_location_class_name(got));
		T_ASSERT_INT(cases[i].cls, got);
	}
	T_ASSERT_INT(CVET_LOC_PRODUCT, cvet_locations__convention(NULL));
}

static void test_location__names_roundtrip(void)
{
	for (int c = 0; c < CVET_LOC_COUNT; c++) {
		cvet_location_class back = CVET_LOC_COUNT;
		T_ASSERT_INT(0, cvet_location_class_parse(cvet_location_class_name((cvet_location_class)c), &back));
		T_ASSERT_INT(c, back);
	}
	T_ASSERT_STR("vendored", cvet_location_class_name(CVET_LOC_VENDORED));
	T_ASSERT_STR("product", cvet_location_class_name((cvet_location_class)99));
	{
		cvet_location_class back;
		T_ASSERT_INT(CVET_EUSAGE, cvet_location_class_parse("tests", &back));
		T_ASSERT_INT(CVET_EUSAGE, cvet_location_class_parse(NULL, &back));
	}
}

/* user globs win over conventions; the longest matching glob wins over a shorter one */
static void test_location__globs_win(void)
{
	cvet_locations *l = NULL;
	T_ASSERT_INT(0, cvet_locations__new(&l));
	T_ASSERT_INT(0, cvet_locations__add_glob(l, "lib/gnulib/**", CVET_LOC_VENDORED));
	T_ASSERT_INT(0, cvet_locations__add_glob(l, "src/contrib/**", CVET_LOC_PRODUCT));
	T_ASSERT_INT(0, cvet_locations__add_glob(l, "./gen/", CVET_LOC_TOOL));
	T_ASSERT_INT(0, cvet_locations__add_glob(l, "lib/**", CVET_LOC_EXAMPLE));
	T_ASSERT_INT(CVET_LOC_VENDORED, cvet_locations__classify(l, "lib/gnulib/regex.c"));
	T_ASSERT_INT(CVET_LOC_EXAMPLE, cvet_locations__classify(l, "lib/other.c"));
	T_ASSERT_INT(CVET_LOC_PRODUCT, cvet_locations__classify(l, "src/contrib/x.c"));
	T_ASSERT_INT(CVET_LOC_TOOL, cvet_locations__classify(l, "gen/deep/x.c")); /* a directory prefix matches */
	T_ASSERT_INT(CVET_LOC_CONTRIB, cvet_locations__classify(l, "contrib/x.c"));
	T_ASSERT_INT(CVET_LOC_PRODUCT, cvet_locations__classify(l, "src/x.c"));
	T_ASSERT_INT(CVET_LOC_PRODUCT, cvet_locations__classify(l, NULL));
	cvet_locations__free(l);
	cvet_locations__free(NULL);
}

/* a submodule directory is vendored; the scanned directory's own components do not count */
static void test_location__submodules_and_bases(void)
{
	cvet_locations *l = NULL;
	T_ASSERT_INT(0, cvet_locations__new(&l));
	T_ASSERT_INT(0, cvet_locations__add_submodule(l, "ext/libfoo/"));
	T_ASSERT_INT(0, cvet_locations__add_base(l, "testdata/demo"));
	T_ASSERT_INT(0, cvet_locations__add_base(l, "/abs/project/tests"));
	T_ASSERT_INT(CVET_LOC_VENDORED, cvet_locations__classify(l, "ext/libfoo/src/a.c"));
	T_ASSERT_INT(CVET_LOC_PRODUCT, cvet_locations__classify(l, "ext/libfoobar/a.c"));
	T_ASSERT_INT(CVET_LOC_PRODUCT, cvet_locations__classify(l, "testdata/demo/src/handler.c"));
	T_ASSERT_INT(CVET_LOC_EXAMPLE, cvet_locations__classify(l, "testdata/demo/examples/a.c"));
	T_ASSERT_INT(CVET_LOC_TEST, cvet_locations__classify(l, "testdata/other/a.c")); /* outside the bases */
	T_ASSERT_INT(CVET_LOC_PRODUCT, cvet_locations__classify(l, "/abs/project/tests/a.c"));
	T_ASSERT_INT(CVET_LOC_VENDORED, cvet_locations__classify(l, "/abs/project/tests/vendor/a.c"));
	T_ASSERT_INT(CVET_LOC_PRODUCT, cvet_locations__classify(l, "/usr/include/test/x.h")); /* outside everything */
	cvet_locations__free(l);
}

/* only code findings are classified; dependency findings stay product and still fail the run */
static void test_location__apply_and_count_failing(void)
{
	cvet_report *r = NULL;
	cvet_locations *l = NULL;
	cvet_finding *dep;
	T_ASSERT_INT(0, cvet_report_new(&r));
	T_ASSERT_INT(0, cvet_locations__new(&l));
	code(r, "unsafe-gets", CVET_SEV_HIGH, 242, 0, "m", "tests/a.c", 1, 1);
	code(r, "unsafe-gets", CVET_SEV_HIGH, 242, 0, "m", "src/a.c", 1, 1);
	code(r, "unsafe-gets", CVET_SEV_LOW, 242, 0, "m", "vendor/a.c", 1, 1);
	dep = dependency(r, "CURL-1", CVET_SEV_CRITICAL, "curl", "8.3.0", NULL, 9.8, NULL, 0, "third_party/conanfile.txt", 1);
	T_ASSERT(dep != NULL);
	cvet_locations__apply(l, r);
	T_ASSERT_INT(CVET_LOC_TEST, r->findings[0]->location_class);
	T_ASSERT_INT(CVET_LOC_PRODUCT, r->findings[1]->location_class);
	T_ASSERT_INT(CVET_LOC_VENDORED, r->findings[2]->location_class);
	T_ASSERT_INT(CVET_LOC_PRODUCT, dep->location_class);
	T_ASSERT_INT(3, cvet_report_count_at_least(r, CVET_SEV_HIGH));
	T_ASSERT_INT(2, cvet_report_count_failing(r, CVET_SEV_HIGH, 0));
	T_ASSERT_INT(3, cvet_report_count_failing(r, CVET_SEV_HIGH, 1));
	T_ASSERT_INT(4, cvet_report_count_failing(r, CVET_SEV_LOW, 1));
	T_ASSERT_INT(0, cvet_report_count_failing(r, CVET_SEV_NONE, 1));
	cvet_locations__free(l);
	cvet_report_free(r);
}

/* each format marks non-product code: JSON field, SARIF tag, a separate text and Markdown section; gcc unchanged */
static void test_location__writers(void)
{
	cvet_write_options o = CVET_WRITE_OPTIONS_INIT;
	cvet_report *r = NULL;
	cvet_finding *f;
	char *out;
	cJSON *j;
	const cJSON *findings, *it;

	T_ASSERT_INT(0, cvet_report_new(&r));
	r->code_ran = 1;
	code(r, "unsafe-gets", CVET_SEV_MEDIUM, 242, 0, "in product", "src/a.c", 1, 1);
	f = code(r, "unsafe-gets", CVET_SEV_HIGH, 242, 0, "in a test", "tests/a.c", 2, 1);
	f->location_class = CVET_LOC_TEST;
	f = code(r, "unsafe-gets", CVET_SEV_HIGH, 242, 0, "in vendored code", "vendor/a.c", 3, 1);
	f->location_class = CVET_LOC_VENDORED;
	T_ASSERT_INT(0, cvet_report_finalize(r));
	o.show_source = 0;

	out = render(r, CVET_FMT_GCC, &o);
	T_ASSERT(out && strstr(out, "tests/a.c:2:1: error: in a test [unsafe-gets]\n") && !strstr(out, "test code"));
	free(out);

	out = render(r, CVET_FMT_TEXT, &o);
	T_ASSERT(out != NULL);
	{
		const char *prod = strstr(out, "src/a.c:1:1: medium: in product");
		const char *sec = strstr(out, "\nIn tests, examples, vendored and other non-product code: 2 findings\n");
		const char *test = strstr(out, "tests/a.c:2:1: high: in a test [unsafe-gets] (CWE-242) {test code}\n");
		const char *vend = strstr(out, "vendor/a.c:3:1: high: in vendored code [unsafe-gets] (CWE-242) {vendored code}\n");
		T_ASSERT(prod && sec && test && vend);
		T_ASSERT(prod < sec && sec < test && sec < vend);
	}
	T_ASSERT(strstr(out, "--fail-on high: none at or above, passed (2 more outside product code, not counted)\n"));
	free(out);
	o.fail_on_all_code = 1;
	out = render(r, CVET_FMT_TEXT, &o);
	T_ASSERT(out && strstr(out, "--fail-on high: 2 at or above, failed\n"));
	free(out);
	o.fail_on_all_code = 0;

	out = render(r, CVET_FMT_MARKDOWN, &o);
	T_ASSERT(out && strstr(out, "passed (2 more outside product code, not counted)"));
	T_ASSERT(strstr(out, "\n#### In tests, examples, vendored and other non-product code: 2 findings\n\n"
			     "| Code | Severity | Rule | Location | Message |\n"));
	T_ASSERT(strstr(out, "| test | high | `unsafe-gets` | `tests/a.c:2:1` | in a test |\n"));
	T_ASSERT(strstr(out, "#### Findings\n\n| Severity | Rule | Location | Message |\n| --- | --- | --- | --- |\n"
			     "| medium | `unsafe-gets` | `src/a.c:1:1` | in product |\n\n"));
	free(out);

	out = render(r, CVET_FMT_JSON, &o);
	T_ASSERT(out && (j = cJSON_Parse(out)) != NULL);
	findings = cJSON_GetObjectItem(j, "findings");
	T_ASSERT_INT(3, cJSON_GetArraySize(findings));
	T_ASSERT_STR("product", cJSON_GetObjectItem(cJSON_GetArrayItem(findings, 0), "location_class")->valuestring);
	T_ASSERT_STR("test", cJSON_GetObjectItem(cJSON_GetArrayItem(findings, 1), "location_class")->valuestring);
	T_ASSERT_STR("vendored", cJSON_GetObjectItem(cJSON_GetArrayItem(findings, 2), "location_class")->valuestring);
	it = cJSON_GetObjectItem(j, "summary");
	T_ASSERT_INT(2, cJSON_GetObjectItem(it, "at_or_above_fail_on")->valuedouble);
	T_ASSERT_INT(0, cJSON_GetObjectItem(it, "failing")->valuedouble);
	T_ASSERT(cJSON_IsFalse(cJSON_GetObjectItem(it, "fail_on_all_code")));
	T_ASSERT_INT(1, cJSON_GetObjectItem(cJSON_GetObjectItem(it, "code_by_location_class"), "test")->valuedouble);
	cJSON_Delete(j);
	free(out);

	out = render(r, CVET_FMT_SARIF, &o);
	T_ASSERT(out && (j = cJSON_Parse(out)) != NULL);
	findings = cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(j, "runs"), 0), "results");
	T_ASSERT_INT(3, cJSON_GetArraySize(findings));
	T_ASSERT(cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetArrayItem(findings, 0), "properties"), "tags") == NULL);
	it = cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetArrayItem(findings, 1), "properties"), "tags");
	T_ASSERT_STR("test-code", cJSON_GetArrayItem(it, 0)->valuestring);
	it = cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetArrayItem(findings, 2), "properties"), "tags");
	T_ASSERT_STR("vendored-code", cJSON_GetArrayItem(it, 0)->valuestring);
	cJSON_Delete(j);
	free(out);
	cvet_report_free(r);
}

/* Hardening #6: a manifest path with terminal escapes reached the "Upgrades" lines raw. */
static void test_report__text_upgrades_escape_paths(void)
{
	cvet_write_options o = CVET_WRITE_OPTIONS_INIT;
	cvet_report *r = NULL;
	char *out;

	T_ASSERT(cvet_report_new(&r) == 0);
	dependency(r, "ADV-1", CVET_SEV_HIGH, "zlib", "1.2.8", NULL, -1, "1.2.12", 0, "a\x1b]0;t\x07/conanfile.txt", 3);
	T_ASSERT(cvet_report_finalize(r) == 0);
	out = render(r, CVET_FMT_TEXT, &o);
	T_ASSERT(out != NULL);
	T_ASSERT(strchr(out, '\x1b') == NULL && strchr(out, '\x07') == NULL);
	T_ASSERT(strstr(out, "zlib 1.2.8 (a?]0;t?/conanfile.txt:3)") != NULL);
	free(out);
	out = render(r, CVET_FMT_GCC, &o);
	T_ASSERT(out != NULL);
	T_ASSERT(strchr(out, '\x1b') == NULL && strchr(out, '\x07') == NULL);
	free(out);
	cvet_report_free(r);
}

/* Hardening #5: a 114 MiB baseline of tiny values took 4.9 GB in cJSON; values and nesting are
 * counted first and a baseline over the bounds is an input error. */
static void test_report__baseline_bounds(void)
{
	char path[] = "/tmp/cvet-baseline-XXXXXX";
	int fd = mkstemp(path);
	cvet_baseline *b = NULL;
	FILE *f;

	T_ASSERT(fd >= 0);
	T_ASSERT((f = fdopen(fd, "w")) != NULL);
	fputs("{\"schema_version\": 1, \"findings\": [{\"fingerprint\": \"abc\", \"x\": [", f);
	for (int i = 0; i < 2100000; i++)
		fputs(i ? ",0" : "0", f);
	fputs("]}]}", f);
	fclose(f);
	T_ASSERT_INT(CVET_ELIMIT, cvet_baseline__load(path, &b));
	T_ASSERT(strstr(cvet_error_last(), "holds more than 2000000 JSON values") != NULL);
	T_ASSERT((f = fopen(path, "w")) != NULL);
	fputs("{\"schema_version\": 1, \"findings\": [{\"fingerprint\": \"abc\", \"x\": ", f);
	for (int i = 0; i < 100; i++)
		fputc('[', f);
	for (int i = 0; i < 100; i++)
		fputc(']', f);
	fputs("}]}", f);
	fclose(f);
	T_ASSERT_INT(CVET_ELIMIT, cvet_baseline__load(path, &b));
	T_ASSERT(strstr(cvet_error_last(), "nested deeper than 64 levels") != NULL);
	T_ASSERT((f = fopen(path, "w")) != NULL);
	fputs("{\"schema_version\": 1, \"findings\": [{\"fingerprint\": \"a\\\"b[[[\", \"n\": -1.5e3, \"t\": true}]}", f);
	fclose(f);
	T_ASSERT_INT(0, cvet_baseline__load(path, &b)); /* brackets inside strings count for nothing */
	cvet_baseline__free(b);
	unlink(path);
}

CVET_TEST_MAIN(T(test_report__text_upgrade_per_package), T(test_report__text_upgrades_escape_paths),
	       T(test_report__baseline_bounds), T(test_report__format_parse), T(test_report__gcc_exact), T(test_report__terminal_sanitizer),
	       T(test_report__json_roundtrip),
	       T(test_report__json_deterministic), T(test_report__text_caret), T(test_report__text_sections),
	       T(test_report__markdown_escaping), T(test_report__sarif_structure),
	       T(test_report__sarif_absolute_path), T(test_report__sarif_utf16_columns),
	       T(test_report__text_source_not_regular), T(test_report__empty_report), T(test_report__write_file_atomic),
	       T(test_location__conventions), T(test_location__names_roundtrip), T(test_location__globs_win),
	       T(test_location__submodules_and_bases), T(test_location__apply_and_count_failing),
	       T(test_location__writers))
