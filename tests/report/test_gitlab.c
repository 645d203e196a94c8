/* test_gitlab.c - unit tests of the GitLab report writers: Code Quality, SAST and Dependency Scanning */
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>
#include "cvet/report.h"
#include "cvet/rules.h"
#include "test.h"

/* a message that quotes hostile source: control characters, quotes, invalid UTF-8, a bidi override */
#define HOSTILE "line1\nline2 \"quoted\" \x1b[31mred %s caf\xc3\xa9 <b>x</b> \xff\xfe rtl\xe2\x80\xae end\r"

static void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n, size);
	if (!p)
		abort();
	return p;
}

static char *dupe(const char *s)
{
	char *d = s ? strdup(s) : NULL;
	if (s && !d)
		abort();
	return d;
}

static void set_loc(cvet_location *l, const char *path, unsigned line, unsigned end_line, const char *msg)
{
	l->path = dupe(path);
	l->line = line;
	l->end_line = end_line;
	l->message = dupe(msg);
}

static cvet_finding *code(cvet_report *r, const char *rule, cvet_severity sev, int cwe1, int cwe2, const char *msg,
			  const char *path, unsigned line)
{
	cvet_finding *f = cvet_finding_new();
	if (!f)
		abort();
	f->rule_id = dupe(rule);
	f->severity = sev;
	f->cwe[0] = cwe1;
	f->cwe[1] = cwe2;
	f->message = dupe(msg);
	set_loc(&f->loc, path, line, 0, NULL);
	return cvet_report_add(r, f) == 0 ? f : NULL;
}

static cvet_finding *dependency(cvet_report *r, const char *adv, cvet_severity sev, const char *pkg, const char *ver,
				const char *const *aliases, size_t naliases, const char *upgrade, const char *path,
				unsigned line)
{
	cvet_finding *f = cvet_finding_new();
	cvet_dep_info *d = cvet_dep_info_new();
	if (!f || !d)
		abort();
	f->rule_id = dupe(adv);
	f->kind = CVET_KIND_DEPENDENCY;
	f->severity = sev;
	f->message = dupe("dependency has a known vulnerability");
	set_loc(&f->loc, path, line, 0, NULL);
	d->package = dupe(pkg);
	d->ecosystem = dupe("conan");
	d->version = dupe(ver);
	d->advisory_id = dupe(adv);
	d->aliases = xcalloc(naliases + 1, sizeof(char *));
	for (size_t i = 0; i < naliases; i++)
		d->aliases[i] = dupe(aliases[i]);
	d->naliases = naliases;
	d->upgrade_to = dupe(upgrade);
	f->dep = d;
	return cvet_report_add(r, f) == 0 ? f : NULL;
}

static void package(cvet_report *r, const char *name, const char *ver, const char *path, unsigned line)
{
	cvet_package *p = xcalloc(1, sizeof(*p));
	p->name = dupe(name);
	p->ecosystem = dupe("conan");
	p->version = dupe(ver);
	set_loc(&p->loc, path, line, 0, NULL);
	cvet_report_add_package(r, p);
}

/* Long text of `n` bytes made of 2-byte characters ("é"), so a clip in the middle of one is possible. */
static char *long_text(size_t n)
{
	char *s = xcalloc(n + 1, 1);
	for (size_t i = 0; i + 1 < n; i += 2)
		memcpy(s + i, "\xc3\xa9", 2);
	if (n % 2)
		s[n - 1] = 'x';
	return s;
}

/*
 * A finalized report with code findings (a registry rule with a dataflow path, a hostile message, a
 * rule outside the registry with an over-long id and fix, a parse error without a line) and dependency
 * findings (CVE and GHSA aliases, a duplicate alias, an alias that is no well-formed CVE, no upgrade).
 */
static cvet_report *sample(void)
{
	static const char *const curl_aliases[] = {"CVE-2023-38545", "CURL-CVE-2023-38545", "CVE-2023-38545"};
	static const char *const zlib_aliases[] = {"GHSA-jc36-42cf-vqwj", "CVE-2018-25032\"><script>", ""};
	cvet_report *r = NULL;
	cvet_finding *f;

	if (cvet_report_new(&r) < 0)
		abort();
	f = code(r, "command-injection", CVET_SEV_CRITICAL, 78, 88, "untrusted data reaches 'system'", "src/main.c", 7);
	f->function = dupe("main");
	f->snippet = dupe("system(cmd)");
	f->fix = dupe("pass a fixed command");
	f->loc.end_line = 8;
	f->steps = xcalloc(3, sizeof(cvet_location));
	f->nsteps = 3;
	set_loc(&f->steps[0], "src/main.c", 5, 0, "'cmd' receives untrusted data from 'getenv'");
	set_loc(&f->steps[1], "src/util.c", 12, 14, "'cmd' is copied");
	set_loc(&f->steps[2], "src/main.c", 7, 0, "'cmd' reaches 'system'");
	code(r, "format-string", CVET_SEV_MEDIUM, 134, 134, HOSTILE, "dir with space/\xc3\xa4.c", 2);
	f = code(r, "x", CVET_SEV_LOW, 0, 0, "a rule outside the registry", "src/a.c", 3);
	free(f->rule_id);
	f->rule_id = long_text(301);
	f->fix = long_text(9001);
	code(r, CVET_RULE_PARSE_ERROR, CVET_SEV_NOTE, 0, 0, "expected ';' after expression", "src/broken.c", 0);
	f = dependency(r, "CURL-CVE-2023-38545", CVET_SEV_HIGH, "curl", "8.3.0", curl_aliases, 3, "8.4.0",
		       "conanfile.txt", 4);
	f->dep->summary = dupe("SOCKS5 heap buffer overflow");
	f->cwe[0] = 787;
	dependency(r, "OSV-2022-1", CVET_SEV_CRITICAL, "zlib", NULL, zlib_aliases, 3, NULL, "sub/conanfile.txt", 0);
	package(r, "curl", "8.3.0", "conanfile.txt", 4);
	package(r, "fmt", NULL, "conanfile.txt", 5);
	package(r, "zlib", "1.2.11", "sub/conanfile.txt", 2);
	cvet_report_add_note(r, "could not read submodule commits: %s", "no .git");
	r->code_ran = r->deps_ran = 1;
	if (cvet_report_finalize(r) < 0)
		abort();
	return r;
}

static char *render(const cvet_report *r, cvet_format fmt)
{
	cvet_write_options o = CVET_WRITE_OPTIONS_INIT;
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	int rc;

	if (!m)
		abort();
	rc = cvet_report_write(r, fmt, m, &o);
	fclose(m);
	if (rc != 0) {
		fprintf(stderr, "writer %d failed: %d %s\n", (int)fmt, rc, cvet_error_last());
		free(buf);
		return NULL;
	}
	return buf;
}

static const cJSON *get(const cJSON *o, const char *key)
{
	return cJSON_GetObjectItemCaseSensitive(o, key);
}

static const char *str(const cJSON *o, const char *key)
{
	const cJSON *v = get(o, key);
	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static double num(const cJSON *o, const char *key)
{
	const cJSON *v = get(o, key);
	return cJSON_IsNumber(v) ? v->valuedouble : -1;
}

/* Number of UTF-8 characters in s (s is valid UTF-8 when it comes from the writers). */
static size_t chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

static int valid_utf8(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		int n = *p < 0x80 ? 1 : (*p & 0xe0) == 0xc0 ? 2 : (*p & 0xf0) == 0xe0 ? 3 : (*p & 0xf8) == 0xf0 ? 4 : 0;
		if (!n)
			return 0;
		for (int i = 1; i < n; i++)
			if ((p[i] & 0xc0) != 0x80)
				return 0;
		p += n;
	}
	return 1;
}

/* The vulnerability whose location.file is `file` and primary identifier value is `id`, or NULL. */
static const cJSON *find_vuln(const cJSON *root, const char *file, const char *id)
{
	const cJSON *v;
	cJSON_ArrayForEach(v, get(root, "vulnerabilities")) {
		const char *f = str(get(v, "location"), "file");
		const char *p = str(cJSON_GetArrayItem(get(v, "identifiers"), 0), "value");
		if (f && p && strcmp(f, file) == 0 && strcmp(p, id) == 0)
			return v;
	}
	return NULL;
}

/* When CVET_TEST_GITLAB_OUT is set (ctest does), write the sample report in every GitLab format into
 * that directory for validate_gitlab.py. */
static void write_samples(const cvet_report *r)
{
	static const struct { cvet_format fmt; const char *name; } outs[] = {
		{CVET_FMT_CODEQUALITY, "/sample-codequality.json"},
		{CVET_FMT_GITLAB_SAST, "/sample-sast.json"},
		{CVET_FMT_GITLAB_DEPENDENCY_SCANNING, "/sample-dependency-scanning.json"},
	};
	const char *dir = getenv("CVET_TEST_GITLAB_OUT");
	cvet_write_options o = CVET_WRITE_OPTIONS_INIT;
	char path[4096];

	for (size_t i = 0; dir && *dir && i < sizeof(outs) / sizeof(outs[0]); i++) {
		snprintf(path, sizeof(path), "%s%s", dir, outs[i].name);
		T_ASSERT_INT(0, cvet_report_write_file(r, outs[i].fmt, path, &o));
	}
}

/* ---- tests ---- */

static void test_gitlab__format_parse(void)
{
	cvet_format f;
	T_ASSERT_INT(0, cvet_format_parse("codequality", &f));
	T_ASSERT_INT(CVET_FMT_CODEQUALITY, f);
	T_ASSERT_INT(0, cvet_format_parse("gitlab-sast", &f));
	T_ASSERT_INT(CVET_FMT_GITLAB_SAST, f);
	T_ASSERT_INT(0, cvet_format_parse("gitlab-dependency-scanning", &f));
	T_ASSERT_INT(CVET_FMT_GITLAB_DEPENDENCY_SCANNING, f);
	T_ASSERT_INT(CVET_EUSAGE, cvet_format_parse("gitlab", &f));
	T_ASSERT(strstr(cvet_error_last(), "gitlab-dependency-scanning") != NULL);
}

static void test_gitlab__codequality(void)
{
	cvet_report *r = sample();
	char *out = render(r, CVET_FMT_CODEQUALITY);
	cJSON *root = out ? cJSON_Parse(out) : NULL;
	const cJSON *issue;
	int n = 0, deps = 0;

	T_ASSERT(cJSON_IsArray(root));
	T_ASSERT_INT(r->nfindings, cJSON_GetArraySize(root)); /* one entry per finding, code and dependency */
	cJSON_ArrayForEach(issue, root) {
		const cvet_finding *f = r->findings[n++];
		const cJSON *lines = get(get(issue, "location"), "lines");
		T_ASSERT_STR(f->fingerprint, str(issue, "fingerprint"));
		T_ASSERT_STR("issue", str(issue, "type"));
		T_ASSERT_STR("Security", cJSON_GetArrayItem(get(issue, "categories"), 0)->valuestring);
		T_ASSERT_STR(f->loc.path, str(get(issue, "location"), "path"));
		T_ASSERT(num(lines, "begin") >= 1);
		T_ASSERT(num(lines, "begin") == (f->loc.line ? f->loc.line : 1)); /* no line: the file's first */
		T_ASSERT(valid_utf8(str(issue, "description")));
		if (f->kind == CVET_KIND_DEPENDENCY) {
			deps++;
			T_ASSERT_STR(f->rule_id, str(issue, "check_name")); /* the advisory id */
			T_ASSERT(strstr(str(issue, "description"), " is affected by ") != NULL);
		}
	}
	T_ASSERT_INT(2, deps);
	/* severity mapping: critical->blocker, high->critical, medium->major, low->minor, note->info */
	T_ASSERT(strstr(out, "\"check_name\":\t\"command-injection\"") != NULL);
	cJSON_ArrayForEach(issue, root) {
		const char *rule = str(issue, "check_name"), *sev = str(issue, "severity");
		if (strcmp(rule, "command-injection") == 0) {
			T_ASSERT_STR("blocker", sev);
			T_ASSERT(num(get(get(issue, "location"), "lines"), "end") == 8);
		} else if (strcmp(rule, "CURL-CVE-2023-38545") == 0) {
			T_ASSERT_STR("critical", sev);
			T_ASSERT_STR("conanfile.txt", str(get(issue, "location"), "path"));
			T_ASSERT(num(get(get(issue, "location"), "lines"), "begin") == 4);
		} else if (strcmp(rule, "format-string") == 0) {
			T_ASSERT_STR("major", sev);
		} else if (strcmp(rule, CVET_RULE_PARSE_ERROR) == 0) {
			T_ASSERT_STR("info", sev);
		}
	}
	write_samples(r);
	cJSON_Delete(root);
	free(out);
	cvet_report_free(r);
}

static void test_gitlab__sast(void)
{
	cvet_report *r = sample();
	char *out = render(r, CVET_FMT_GITLAB_SAST), *again = render(r, CVET_FMT_GITLAB_SAST);
	cJSON *root = out ? cJSON_Parse(out) : NULL;
	const cJSON *v, *scan = get(root, "scan"), *ids, *loc, *flow, *node, *sig;
	size_t code_findings = 0;

	T_ASSERT(root != NULL && again != NULL);
	T_ASSERT_STR(out, again); /* deterministic */
	T_ASSERT_STR("15.2.1", str(root, "version"));
	T_ASSERT(strstr(str(root, "schema"), "/v15.2.1/dist/sast-report-format.json") != NULL);
	T_ASSERT_STR("sast", str(scan, "type"));
	T_ASSERT_STR("success", str(scan, "status"));
	T_ASSERT_STR("cvet", str(get(scan, "analyzer"), "id"));
	T_ASSERT_STR(CVET_VERSION, str(get(scan, "scanner"), "version"));
	T_ASSERT_STR("warn", str(cJSON_GetArrayItem(get(scan, "messages"), 0), "level"));
	for (size_t i = 0; i < r->nfindings; i++)
		code_findings += r->findings[i]->kind == CVET_KIND_CODE;
	T_ASSERT_INT(code_findings, cJSON_GetArraySize(get(root, "vulnerabilities"))); /* code findings only */
	cJSON_ArrayForEach(v, get(root, "vulnerabilities")) {
		const char *id = str(v, "id");
		T_ASSERT(id && strlen(id) == 36 && id[8] == '-' && id[14] == '8'); /* a version 8 UUID */
		T_ASSERT(strchr("89ab", id[19]) != NULL);
		T_ASSERT(chars(str(v, "name")) <= 255);
		T_ASSERT(valid_utf8(str(v, "name")) && valid_utf8(str(v, "description")));
		T_ASSERT(!get(v, "solution") || chars(str(v, "solution")) <= 7000);
		T_ASSERT(cJSON_GetArraySize(get(v, "identifiers")) >= 1);
	}

	v = find_vuln(root, "src/main.c", "command-injection");
	T_ASSERT(v != NULL);
	T_ASSERT_STR("Critical", str(v, "severity"));
	T_ASSERT_STR(cvet_rules_find("command-injection")->title, str(v, "name")); /* the rule, not the finding */
	T_ASSERT_STR("untrusted data reaches 'system'", str(v, "description"));
	T_ASSERT_STR("pass a fixed command", str(v, "solution"));
	T_ASSERT_STR("system(cmd)", str(v, "raw_source_code_extract"));
	loc = get(v, "location");
	T_ASSERT(num(loc, "start_line") == 7 && num(loc, "end_line") == 8);
	T_ASSERT_STR("main", str(loc, "method"));
	ids = get(v, "identifiers");
	T_ASSERT_INT(3, cJSON_GetArraySize(ids));
	T_ASSERT_STR("cvet_rule_id", str(cJSON_GetArrayItem(ids, 0), "type"));
	T_ASSERT_STR("CWE-78", str(cJSON_GetArrayItem(ids, 1), "name"));
	T_ASSERT_STR("78", str(cJSON_GetArrayItem(ids, 1), "value"));
	T_ASSERT_STR("https://cwe.mitre.org/data/definitions/88.html", str(cJSON_GetArrayItem(ids, 2), "url"));
	flow = get(get(v, "details"), "code_flows");
	T_ASSERT_STR("code-flows", str(flow, "type"));
	T_ASSERT_INT(3, cJSON_GetArraySize(cJSON_GetArrayItem(get(flow, "items"), 0)));
	node = cJSON_GetArrayItem(cJSON_GetArrayItem(get(flow, "items"), 0), 0);
	T_ASSERT_STR("source", str(node, "node_type"));
	node = cJSON_GetArrayItem(cJSON_GetArrayItem(get(flow, "items"), 0), 1);
	T_ASSERT_STR("propagation", str(node, "node_type"));
	T_ASSERT_STR("src/util.c", str(get(node, "file_location"), "file_name"));
	T_ASSERT(num(get(node, "file_location"), "line_end") == 14);
	node = cJSON_GetArrayItem(cJSON_GetArrayItem(get(flow, "items"), 0), 2);
	T_ASSERT_STR("sink", str(node, "node_type"));
	/* the fingerprint is the tracking signature, so GitLab follows the finding when lines move */
	T_ASSERT_STR("source", str(get(v, "tracking"), "type"));
	sig = cJSON_GetArrayItem(get(cJSON_GetArrayItem(get(get(v, "tracking"), "items"), 0), "signatures"), 0);
	T_ASSERT_STR("hash", str(sig, "algorithm"));
	for (size_t i = 0; i < r->nfindings; i++)
		if (strcmp(r->findings[i]->rule_id, "command-injection") == 0)
			T_ASSERT_STR(r->findings[i]->fingerprint, str(sig, "value"));

	/* hostile text stays valid JSON and valid UTF-8; the CWE listed twice is one identifier */
	v = find_vuln(root, "dir with space/\xc3\xa4.c", "format-string");
	T_ASSERT(v != NULL);
	T_ASSERT(strstr(str(v, "description"), "\"quoted\"") != NULL);
	T_ASSERT_INT(2, cJSON_GetArraySize(get(v, "identifiers")));
	/* no line: no start_line (the schema's numbers have no meaning for 0) */
	v = find_vuln(root, "src/broken.c", CVET_RULE_PARSE_ERROR);
	T_ASSERT(v != NULL && get(get(v, "location"), "start_line") == NULL);
	T_ASSERT_STR("Info", str(v, "severity"));
	cJSON_Delete(root);
	free(out);
	free(again);
	cvet_report_free(r);
}

static void test_gitlab__sast_clips_long_text(void)
{
	cvet_report *r = sample();
	char *out = render(r, CVET_FMT_GITLAB_SAST);
	cJSON *root = out ? cJSON_Parse(out) : NULL;
	const cJSON *v;
	const char *name, *solution;

	T_ASSERT(root != NULL);
	cJSON_ArrayForEach(v, get(root, "vulnerabilities"))
		if (strcmp(str(get(v, "location"), "file"), "src/a.c") == 0)
			break; /* the rule outside the registry: its 301-byte id is the name */
	T_ASSERT(v != NULL);
	name = str(v, "name");
	solution = str(v, "solution");
	T_ASSERT(name && valid_utf8(name) && strlen(name) <= 255 && chars(name) <= 255);
	T_ASSERT(strcmp(name + strlen(name) - 3, "\xe2\x80\xa6") == 0); /* clipped, with an ellipsis */
	T_ASSERT(solution && valid_utf8(solution) && strlen(solution) <= 7000);
	T_ASSERT(strcmp(solution + strlen(solution) - 3, "\xe2\x80\xa6") == 0);
	cJSON_Delete(root);
	free(out);
	cvet_report_free(r);
}

static void test_gitlab__dependency_scanning(void)
{
	cvet_report *r = sample();
	char *out = render(r, CVET_FMT_GITLAB_DEPENDENCY_SCANNING);
	cJSON *root = out ? cJSON_Parse(out) : NULL;
	const cJSON *v, *ids, *dep, *files, *file;

	T_ASSERT(root != NULL);
	T_ASSERT(strstr(str(root, "schema"), "/v15.2.1/dist/dependency-scanning-report-format.json") != NULL);
	T_ASSERT_STR("dependency_scanning", str(get(root, "scan"), "type"));
	T_ASSERT_INT(2, cJSON_GetArraySize(get(root, "vulnerabilities"))); /* dependency findings only */

	v = find_vuln(root, "conanfile.txt", "CURL-CVE-2023-38545");
	T_ASSERT(v != NULL);
	T_ASSERT_STR("High", str(v, "severity"));
	T_ASSERT_STR("SOCKS5 heap buffer overflow", str(v, "name"));
	T_ASSERT(strstr(str(v, "description"), "curl 8.3.0 is affected by CVE-2023-38545") != NULL);
	T_ASSERT_STR("Upgrade curl to 8.4.0 or later.", str(v, "solution"));
	dep = get(get(v, "location"), "dependency");
	T_ASSERT_STR("curl", str(get(dep, "package"), "name"));
	T_ASSERT_STR("8.3.0", str(dep, "version"));
	ids = get(v, "identifiers"); /* the advisory, its aliases other than itself and each once, the CWE */
	T_ASSERT_INT(3, cJSON_GetArraySize(ids));
	T_ASSERT_STR("osv", str(cJSON_GetArrayItem(ids, 0), "type"));
	T_ASSERT_STR("CURL-CVE-2023-38545", str(cJSON_GetArrayItem(ids, 0), "value"));
	T_ASSERT_STR("cve", str(cJSON_GetArrayItem(ids, 1), "type"));
	T_ASSERT_STR("https://www.cve.org/CVERecord?id=CVE-2023-38545", str(cJSON_GetArrayItem(ids, 1), "url"));
	T_ASSERT_STR("CWE-787", str(cJSON_GetArrayItem(ids, 2), "name"));
	T_ASSERT_STR("cwe", str(cJSON_GetArrayItem(ids, 2), "type"));

	/* a malformed "CVE" alias gets no URL, an empty alias is dropped; no version, no upgrade */
	v = find_vuln(root, "sub/conanfile.txt", "OSV-2022-1");
	T_ASSERT(v != NULL);
	T_ASSERT_STR("Critical", str(v, "severity"));
	ids = get(v, "identifiers");
	T_ASSERT_INT(3, cJSON_GetArraySize(ids));
	T_ASSERT_STR("ghsa", str(cJSON_GetArrayItem(ids, 1), "type"));
	T_ASSERT_STR("osv", str(cJSON_GetArrayItem(ids, 2), "type"));
	T_ASSERT(get(cJSON_GetArrayItem(ids, 2), "url") == NULL);
	T_ASSERT(get(v, "solution") == NULL);
	T_ASSERT_STR("", str(get(get(v, "location"), "dependency"), "version"));

	/* dependency_files: one entry per manifest with its packages */
	files = get(root, "dependency_files");
	T_ASSERT_INT(2, cJSON_GetArraySize(files));
	file = cJSON_GetArrayItem(files, 0);
	T_ASSERT_STR("conanfile.txt", str(file, "path"));
	T_ASSERT_STR("conan", str(file, "package_manager"));
	T_ASSERT_INT(2, cJSON_GetArraySize(get(file, "dependencies")));
	T_ASSERT_STR("fmt", str(get(cJSON_GetArrayItem(get(file, "dependencies"), 1), "package"), "name"));
	file = cJSON_GetArrayItem(files, 1);
	T_ASSERT_STR("sub/conanfile.txt", str(file, "path"));
	T_ASSERT_INT(1, cJSON_GetArraySize(get(file, "dependencies")));
	cJSON_Delete(root);
	free(out);
	cvet_report_free(r);
}

/* ids differ between findings and between the two report types, and do not depend on the line */
static void test_gitlab__ids_stable_and_distinct(void)
{
	cvet_report *a = NULL, *b = NULL;
	char *sa, *sb;
	cJSON *ja, *jb;
	const char *ida, *idb, *idc;

	T_ASSERT(cvet_report_new(&a) == 0 && cvet_report_new(&b) == 0);
	code(a, "unbounded-copy", CVET_SEV_HIGH, 120, 0, "m", "src/x.c", 10)->snippet = dupe("strcpy(d, s)");
	code(a, "unbounded-copy", CVET_SEV_HIGH, 120, 0, "m", "src/x.c", 20)->snippet = dupe("strcpy(d, s)");
	code(b, "unbounded-copy", CVET_SEV_HIGH, 120, 0, "m", "src/x.c", 14)->snippet = dupe("strcpy(d, s)");
	T_ASSERT(cvet_report_finalize(a) == 0 && cvet_report_finalize(b) == 0);
	sa = render(a, CVET_FMT_GITLAB_SAST);
	sb = render(b, CVET_FMT_GITLAB_SAST);
	ja = sa ? cJSON_Parse(sa) : NULL;
	jb = sb ? cJSON_Parse(sb) : NULL;
	T_ASSERT(ja && jb);
	ida = str(cJSON_GetArrayItem(get(ja, "vulnerabilities"), 0), "id");
	idb = str(cJSON_GetArrayItem(get(ja, "vulnerabilities"), 1), "id");
	idc = str(cJSON_GetArrayItem(get(jb, "vulnerabilities"), 0), "id");
	T_ASSERT(ida && idb && idc);
	T_ASSERT(strcmp(ida, idb) != 0); /* same code twice: the fingerprints' occurrence suffix keeps them apart */
	T_ASSERT_STR(ida, idc);          /* moved from line 10 to 14: same id */
	cJSON_Delete(ja);
	cJSON_Delete(jb);
	free(sa);
	free(sb);
	cvet_report_free(a);
	cvet_report_free(b);
}

static void test_gitlab__scan_time(void)
{
	cvet_report *r = NULL;
	char *out;
	cJSON *root;
	static const struct { const char *env; const char *want; } cases[] = {
		{NULL, "1970-01-01T00:00:00"},
		{"1700000000", "2023-11-14T22:13:20"},
		{"253402300799", "9999-12-31T23:59:59"},
		{"253402300800", "1970-01-01T00:00:00"}, /* past year 9999: ignored */
		{"17e8", "1970-01-01T00:00:00"},         /* malformed: ignored */
		{"-5", "1970-01-01T00:00:00"},
		{"", "1970-01-01T00:00:00"},
		{"99999999999999999999999", "1970-01-01T00:00:00"},
	};

	T_ASSERT(cvet_report_new(&r) == 0);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		if (cases[i].env)
			setenv("SOURCE_DATE_EPOCH", cases[i].env, 1);
		else
			unsetenv("SOURCE_DATE_EPOCH");
		out = render(r, i % 2 ? CVET_FMT_GITLAB_SAST : CVET_FMT_GITLAB_DEPENDENCY_SCANNING);
		root = out ? cJSON_Parse(out) : NULL;
		T_ASSERT(root != NULL);
		T_ASSERT_STR(cases[i].want, str(get(root, "scan"), "start_time"));
		T_ASSERT_STR(cases[i].want, str(get(root, "scan"), "end_time"));
		cJSON_Delete(root);
		free(out);
	}
	unsetenv("SOURCE_DATE_EPOCH");
	cvet_report_free(r);
}

static void test_gitlab__empty_report(void)
{
	cvet_report *r = NULL;
	char *cq, *sast, *ds;

	T_ASSERT(cvet_report_new(&r) == 0);
	T_ASSERT(cvet_report_finalize(r) == 0);
	cq = render(r, CVET_FMT_CODEQUALITY);
	sast = render(r, CVET_FMT_GITLAB_SAST);
	ds = render(r, CVET_FMT_GITLAB_DEPENDENCY_SCANNING);
	T_ASSERT(cq && sast && ds);
	T_ASSERT_STR("[]\n", cq); /* GitLab wants an array, also when empty */
	T_ASSERT(strstr(sast, "\"vulnerabilities\":\t[]") != NULL);
	T_ASSERT(strstr(ds, "\"dependency_files\":\t[]") != NULL);
	free(cq);
	free(sast);
	free(ds);
	cvet_report_free(r);
}

CVET_TEST_MAIN(T(test_gitlab__format_parse), T(test_gitlab__codequality), T(test_gitlab__sast),
	       T(test_gitlab__sast_clips_long_text), T(test_gitlab__dependency_scanning),
	       T(test_gitlab__ids_stable_and_distinct), T(test_gitlab__scan_time), T(test_gitlab__empty_report))
