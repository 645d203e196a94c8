/* write_gitlab.c - GitLab report formats: Code Quality, SAST and Dependency Scanning JSON (docs/gitlab.md) */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "cvet/rules.h"
#include "report/format_util.h"
#include "report/json_out.h"
#include "report/write.h"

/* The security report schema version the SAST and Dependency Scanning reports conform to; the schema
 * files of this version are in tests/report/ and the tests validate against them. */
#define GL_SCHEMA_VERSION "15.2.1"
#define GL_SCHEMA_URL(file)                                                                        \
	"https://gitlab.com/gitlab-org/security-products/security-report-schemas/-/raw/v" GL_SCHEMA_VERSION \
	"/dist/" file

/* Length limits of the schema (vulnerabilities[].name, .solution, .description), in characters;
 * clip() cuts by bytes, which never counts fewer characters than bytes. */
#define GL_NAME_MAX 255
#define GL_SOLUTION_MAX 7000
#define GL_DESCRIPTION_MAX 1048576

/* Largest SOURCE_DATE_EPOCH taken: 9999-12-31T23:59:59, the last time the schema's four-digit year holds. */
#define GL_MAX_EPOCH 253402300799LL

/* ---- shared helpers ---- */

/* Code Quality severity (info, minor, major, critical, blocker) of a cvet severity. */
static const char *cq_severity(cvet_severity s)
{
	switch (s) {
	case CVET_SEV_CRITICAL: return "blocker";
	case CVET_SEV_HIGH: return "critical";
	case CVET_SEV_MEDIUM: return "major";
	case CVET_SEV_LOW: return "minor";
	default: return "info";
	}
}

/* Security report severity (Info, Unknown, Low, Medium, High, Critical) of a cvet severity. */
static const char *sec_severity(cvet_severity s)
{
	switch (s) {
	case CVET_SEV_CRITICAL: return "Critical";
	case CVET_SEV_HIGH: return "High";
	case CVET_SEV_MEDIUM: return "Medium";
	case CVET_SEV_LOW: return "Low";
	case CVET_SEV_NOTE: return "Info";
	default: return "Unknown";
	}
}

/* The finding's fingerprint, computed into buf when the report was not finalized. Lent. */
static const char *fingerprint_of(const cvet_finding *f, char buf[33])
{
	if (f->fingerprint)
		return f->fingerprint;
	cvet_finding_fingerprint(f, buf);
	return buf;
}

/*
 * A UUID-shaped vulnerability id (the schema recommends a UUID) derived from the fingerprint and the
 * report type: stable across runs as the fingerprint is, distinct per finding as the (suffixed)
 * fingerprint is. Two FNV-1a 64-bit lanes, laid out as an RFC 9562 version 8 ("custom") UUID.
 */
static void vuln_id(const char *report_type, const char *fp, char out[37])
{
	uint64_t a = 0xcbf29ce484222325ULL, b = 0x84222325cbf29ce4ULL;
	const char *parts[2] = {report_type, fp};
	char hex[33];

	for (int k = 0; k < 2; k++) {
		for (const unsigned char *p = (const unsigned char *)parts[k]; *p; p++) {
			a = (a ^ *p) * 0x100000001b3ULL;
			b = (b ^ *p) * 0x100000001b3ULL;
			b ^= b >> 29;
		}
		a = (a ^ 0xff) * 0x100000001b3ULL; /* field separator */
		b = (b ^ 0xff) * 0x100000001b3ULL;
	}
	snprintf(hex, sizeof(hex), "%016llx%016llx", (unsigned long long)a, (unsigned long long)b);
	hex[12] = '8';                                   /* version 8 */
	hex[16] = "89ab"[(hex[16] >= 'a' ? hex[16] - 'a' + 10 : hex[16] - '0') & 3]; /* variant 10xx */
	snprintf(out, 37, "%.8s-%.4s-%.4s-%.4s-%.12s", hex, hex + 8, hex + 12, hex + 16, hex + 20);
}

/*
 * Copy of s as valid UTF-8, cut to at most `max` bytes on a character boundary with an ellipsis
 * when it is longer. malloc'd; NULL on out-of-memory (sets w->oom).
 */
static char *clip(cvet_jout *w, const char *s, size_t max)
{
	char *clean = cvet_jout__utf8(s ? s : "");
	size_t n;

	if (!clean) {
		w->oom = 1;
		return NULL;
	}
	if ((n = strlen(clean)) <= max)
		return clean;
	n = max - 3; /* room for the 3-byte ellipsis */
	while (n > 0 && ((unsigned char)clean[n] & 0xc0) == 0x80)
		n--; /* never split a character */
	memcpy(clean + n, "\xe2\x80\xa6", 4);
	return clean;
}

/* Add s (clipped to max bytes) under key; nothing when s is NULL or empty. */
static void add_clipped(cvet_jout *w, cJSON *parent, const char *key, const char *s, size_t max)
{
	char *c;

	if (!s || !*s || !parent)
		return;
	if ((c = clip(w, s, max))) {
		cvet_jout__str(w, parent, key, c);
		free(c);
	}
}

/*
 * The scan's start and end time, "yyyy-mm-ddThh:mm:ss" UTC. The report carries no timestamps (output is
 * deterministic), so this is SOURCE_DATE_EPOCH when it is set to a plain number of seconds (the
 * reproducible-builds convention), else the Unix epoch. A malformed value is ignored.
 */
static void scan_time(char out[20])
{
	const char *env = getenv("SOURCE_DATE_EPOCH");
	long long v = 0;
	int ok = env && *env && strlen(env) <= 12;
	struct tm tm;
	time_t t;

	for (const char *p = env; ok && *p; p++) {
		if (*p < '0' || *p > '9')
			ok = 0;
		else
			v = v * 10 + (*p - '0');
	}
	if (!ok || v > GL_MAX_EPOCH || (time_t)v != v)
		v = 0;
	t = (time_t)v;
	if (!gmtime_r(&t, &tm) || strftime(out, 20, "%Y-%m-%dT%H:%M:%S", &tm) != 19)
		memcpy(out, "1970-01-01T00:00:00", 20);
}

/* Manifest or source path of a location; "<unknown>" when it has none. */
static const char *path_of(const cvet_location *l)
{
	return cvet_fmt__path(l);
}

/* ---- Code Quality ---- */

static void cq_issue(cvet_jout *w, cJSON *arr, const cvet_finding *f)
{
	cJSON *o = cvet_jout__obj(w, arr, NULL), *loc, *lines, *cat;
	char fpbuf[33], *desc = NULL;
	unsigned begin = f->loc.line ? f->loc.line : 1;

	if (f->kind == CVET_KIND_DEPENDENCY && f->dep && !(desc = cvet_fmt__dep_message(f)))
		w->oom = 1;
	cvet_jout__str(w, o, "type", "issue");
	cvet_jout__str(w, o, "check_name", f->rule_id && *f->rule_id ? f->rule_id : "unknown");
	cvet_jout__str(w, o, "description", desc ? desc : f->message ? f->message : "");
	cat = cvet_jout__arr(w, o, "categories");
	cvet_jout__str(w, cat, NULL, "Security");
	cvet_jout__str(w, o, "fingerprint", fingerprint_of(f, fpbuf));
	cvet_jout__str(w, o, "severity", cq_severity(f->severity));
	loc = cvet_jout__obj(w, o, "location");
	cvet_jout__str(w, loc, "path", path_of(&f->loc));
	lines = cvet_jout__obj(w, loc, "lines");
	cvet_jout__num(w, lines, "begin", begin);
	if (f->loc.end_line > begin)
		cvet_jout__num(w, lines, "end", f->loc.end_line);
	free(desc);
}

int cvet_write__codequality(const cvet_report *r, FILE *out, const cvet_write_options *opts)
{
	cvet_jout w = {0};
	cJSON *root = cvet_jout__arr(&w, NULL, NULL);

	(void)opts;
	for (size_t i = 0; i < r->nfindings && !w.oom; i++)
		cq_issue(&w, root, r->findings[i]);
	return cvet_jout__emit(&w, root, out);
}

/* ---- SAST and Dependency Scanning ---- */

/* The analyzer and the scanner objects: both are cvet. */
static void add_tool(cvet_jout *w, cJSON *scan, const char *key)
{
	cJSON *o = cvet_jout__obj(w, scan, key);
	cvet_jout__str(w, o, "id", "cvet");
	cvet_jout__str(w, o, "name", "cvet");
	cvet_jout__str(w, o, "version", CVET_VERSION);
	cvet_jout__str(w, cvet_jout__obj(w, o, "vendor"), "name", "cvet");
}

/* The report's "scan" object; the report's notes become "warn" messages. */
static void add_scan(cvet_jout *w, cJSON *root, const char *type, const cvet_report *r)
{
	cJSON *scan = cvet_jout__obj(w, root, "scan"), *msgs;
	char when[20];

	scan_time(when);
	add_tool(w, scan, "analyzer");
	add_tool(w, scan, "scanner");
	cvet_jout__str(w, scan, "type", type);
	cvet_jout__str(w, scan, "start_time", when);
	cvet_jout__str(w, scan, "end_time", when);
	cvet_jout__str(w, scan, "status", "success");
	msgs = cvet_jout__arr(w, scan, "messages");
	for (size_t i = 0; i < r->nnotes; i++) {
		cJSON *m;
		if (!r->notes[i] || !*r->notes[i])
			continue; /* value needs at least one character */
		m = cvet_jout__obj(w, msgs, NULL);
		cvet_jout__str(w, m, "level", "warn");
		cvet_jout__str(w, m, "value", r->notes[i]);
	}
}

/* One identifiers[] entry; url may be NULL. */
static void add_ident(cvet_jout *w, cJSON *arr, const char *type, const char *name, const char *value,
		      const char *url)
{
	cJSON *o = cvet_jout__obj(w, arr, NULL);
	cvet_jout__str(w, o, "type", type);
	cvet_jout__str(w, o, "name", name);
	cvet_jout__str(w, o, "value", value);
	if (url)
		cvet_jout__str(w, o, "url", url);
}

/* 1 when id is exactly "CVE-<4 digits>-<4 to 19 digits>" (safe to put in a URL). */
static int is_cve(const char *id)
{
	size_t n = 0;
	if (strncmp(id, "CVE-", 4) != 0)
		return 0;
	for (int i = 4; i < 8; i++)
		if (id[i] < '0' || id[i] > '9')
			return 0;
	if (id[8] != '-')
		return 0;
	for (const char *p = id + 9; *p; p++, n++)
		if (*p < '0' || *p > '9')
			return 0;
	return n >= 4 && n <= 19;
}

/* An advisory id or alias as an identifier: "cve" (with its cve.org URL), "ghsa", else "osv". */
static void add_advisory_ident(cvet_jout *w, cJSON *arr, const char *id)
{
	char url[80];

	if (is_cve(id)) {
		snprintf(url, sizeof(url), "https://www.cve.org/CVERecord?id=%s", id);
		add_ident(w, arr, "cve", id, id, url);
	} else {
		add_ident(w, arr, strncmp(id, "GHSA-", 5) == 0 ? "ghsa" : "osv", id, id, NULL);
	}
}

/* CWE identifiers of the finding, each once. */
static void add_cwes(cvet_jout *w, cJSON *arr, const int *cwe)
{
	char name[24], value[16], url[64];

	for (int i = 0; i < CVET_MAX_CWE && cwe[i] > 0; i++) {
		int dup = 0;
		for (int j = 0; j < i; j++)
			dup |= cwe[j] == cwe[i];
		if (dup)
			continue;
		snprintf(name, sizeof(name), "CWE-%d", cwe[i]);
		snprintf(value, sizeof(value), "%d", cwe[i]);
		snprintf(url, sizeof(url), "https://cwe.mitre.org/data/definitions/%d.html", cwe[i]);
		add_ident(w, arr, "cwe", name, value, url);
	}
}

/* identifiers[]: the rule (code) or the advisory and its distinct aliases (dependency), then CWEs.
 * Empty ids are skipped: the schema wants at least one character. */
static void add_identifiers(cvet_jout *w, cJSON *v, const cvet_finding *f)
{
	cJSON *arr = cvet_jout__arr(w, v, "identifiers");
	const char *primary = f->rule_id && *f->rule_id ? f->rule_id : "unknown";

	if (f->kind != CVET_KIND_DEPENDENCY) {
		add_ident(w, arr, "cvet_rule_id", primary, primary, NULL);
	} else {
		const cvet_dep_info *d = f->dep;
		if (d && d->advisory_id && *d->advisory_id)
			primary = d->advisory_id;
		add_advisory_ident(w, arr, primary);
		for (size_t i = 0; d && i < d->naliases; i++) {
			const char *a = d->aliases[i];
			int dup = !a || !*a || strcmp(a, primary) == 0;
			for (size_t j = 0; !dup && j < i; j++)
				dup = d->aliases[j] && strcmp(d->aliases[j], a) == 0;
			if (!dup)
				add_advisory_ident(w, arr, a);
		}
	}
	add_cwes(w, arr, f->cwe);
}

/* details.code_flows: the dataflow steps, source -> ... -> sink (steps without a file or line are left
 * out: the schema needs both). */
static void add_code_flow(cvet_jout *w, cJSON *v, const cvet_finding *f)
{
	cJSON *details, *flow, *items, *path;
	size_t usable = 0, k = 0;

	for (size_t i = 0; i < f->nsteps; i++)
		usable += f->steps[i].path && *f->steps[i].path && f->steps[i].line > 0;
	if (usable == 0)
		return;
	details = cvet_jout__obj(w, v, "details");
	flow = cvet_jout__obj(w, details, "code_flows");
	cvet_jout__str(w, flow, "name", "Data flow");
	cvet_jout__str(w, flow, "type", "code-flows");
	items = cvet_jout__arr(w, flow, "items");
	path = cvet_jout__arr(w, items, NULL);
	for (size_t i = 0; i < f->nsteps; i++) {
		const cvet_location *s = &f->steps[i];
		cJSON *node, *fl;
		if (!s->path || !*s->path || s->line == 0)
			continue;
		node = cvet_jout__obj(w, path, NULL);
		cvet_jout__str(w, node, "type", "code-flow-node");
		cvet_jout__str(w, node, "node_type",
			       k == 0 && usable > 1 ? "source" : k + 1 == usable ? "sink" : "propagation");
		fl = cvet_jout__obj(w, node, "file_location");
		cvet_jout__str(w, fl, "type", "file-location");
		cvet_jout__str(w, fl, "file_name", s->path);
		cvet_jout__num(w, fl, "line_start", s->line);
		if (s->end_line > s->line)
			cvet_jout__num(w, fl, "line_end", s->end_line);
		k++;
	}
}

/* tracking: the fingerprint as a "hash" signature, so GitLab can follow the finding when lines move. */
static void add_tracking(cvet_jout *w, cJSON *v, const cvet_finding *f, const char *fp)
{
	cJSON *t = cvet_jout__obj(w, v, "tracking"), *items, *item, *sigs, *sig;

	cvet_jout__str(w, t, "type", "source");
	items = cvet_jout__arr(w, t, "items");
	item = cvet_jout__obj(w, items, NULL);
	cvet_jout__str(w, item, "file", path_of(&f->loc));
	if (f->loc.line > 0) {
		cvet_jout__num(w, item, "start_line", f->loc.line);
		cvet_jout__num(w, item, "end_line", f->loc.end_line > f->loc.line ? f->loc.end_line : f->loc.line);
	}
	sigs = cvet_jout__arr(w, item, "signatures");
	sig = cvet_jout__obj(w, sigs, NULL);
	cvet_jout__str(w, sig, "algorithm", "hash");
	cvet_jout__str(w, sig, "value", fp);
}

static void sast_vuln(cvet_jout *w, cJSON *arr, const cvet_finding *f)
{
	cJSON *v = cvet_jout__obj(w, arr, NULL), *loc;
	const cvet_rule *rule = f->rule_id ? cvet_rules_find(f->rule_id) : NULL;
	char fpbuf[33], id[37];
	const char *fp = fingerprint_of(f, fpbuf);

	vuln_id("sast", fp, id);
	cvet_jout__str(w, v, "id", id);
	add_clipped(w, v, "name", rule && rule->title && *rule->title ? rule->title : f->rule_id, GL_NAME_MAX);
	add_clipped(w, v, "description", f->message, GL_DESCRIPTION_MAX);
	cvet_jout__str(w, v, "severity", sec_severity(f->severity));
	add_clipped(w, v, "solution", f->fix, GL_SOLUTION_MAX);
	add_identifiers(w, v, f);
	loc = cvet_jout__obj(w, v, "location");
	cvet_jout__str(w, loc, "file", path_of(&f->loc));
	if (f->loc.line > 0) {
		cvet_jout__num(w, loc, "start_line", f->loc.line);
		if (f->loc.end_line > f->loc.line)
			cvet_jout__num(w, loc, "end_line", f->loc.end_line);
	}
	if (f->function && *f->function)
		cvet_jout__str(w, loc, "method", f->function);
	if (f->snippet && *f->snippet)
		cvet_jout__str(w, v, "raw_source_code_extract", f->snippet);
	add_code_flow(w, v, f);
	add_tracking(w, v, f, fp);
}

int cvet_write__gitlab_sast(const cvet_report *r, FILE *out, const cvet_write_options *opts)
{
	cvet_jout w = {0};
	cJSON *root = cvet_jout__obj(&w, NULL, NULL), *arr;

	(void)opts;
	cvet_jout__str(&w, root, "version", GL_SCHEMA_VERSION);
	cvet_jout__str(&w, root, "schema", GL_SCHEMA_URL("sast-report-format.json"));
	add_scan(&w, root, "sast", r);
	arr = cvet_jout__arr(&w, root, "vulnerabilities");
	for (size_t i = 0; i < r->nfindings && !w.oom; i++)
		if (r->findings[i]->kind != CVET_KIND_DEPENDENCY)
			sast_vuln(&w, arr, r->findings[i]);
	return cvet_jout__emit(&w, root, out);
}

/* "Upgrade curl to 8.4.0 or later." when a fixed version is known; malloc'd, NULL when none or OOM. */
static char *upgrade_solution(cvet_jout *w, const cvet_dep_info *d)
{
	const char *pkg = d->package && *d->package ? d->package : "the package";
	size_t n;
	char *s;

	if (!d->upgrade_to || !*d->upgrade_to)
		return NULL;
	n = strlen(pkg) + strlen(d->upgrade_to) + sizeof("Upgrade  to  or later.");
	if (!(s = malloc(n))) {
		w->oom = 1;
		return NULL;
	}
	snprintf(s, n, "Upgrade %s to %s or later.", pkg, d->upgrade_to);
	return s;
}

static void ds_vuln(cvet_jout *w, cJSON *arr, const cvet_finding *f)
{
	cJSON *v = cvet_jout__obj(w, arr, NULL), *loc, *dep;
	const cvet_dep_info *d = f->dep;
	char fpbuf[33], id[37], *desc, *solution = NULL;
	const char *fp = fingerprint_of(f, fpbuf);
	const char *name = d && d->summary && *d->summary ? d->summary
			   : d && d->advisory_id && *d->advisory_id ? d->advisory_id
								    : f->rule_id;

	if (!(desc = cvet_fmt__dep_message(f)))
		w->oom = 1;
	if (d)
		solution = upgrade_solution(w, d);
	vuln_id("dependency_scanning", fp, id);
	cvet_jout__str(w, v, "id", id);
	add_clipped(w, v, "name", name, GL_NAME_MAX);
	add_clipped(w, v, "description", desc, GL_DESCRIPTION_MAX);
	cvet_jout__str(w, v, "severity", sec_severity(f->severity));
	add_clipped(w, v, "solution", solution, GL_SOLUTION_MAX);
	add_identifiers(w, v, f);
	loc = cvet_jout__obj(w, v, "location");
	cvet_jout__str(w, loc, "file", path_of(&f->loc));
	dep = cvet_jout__obj(w, loc, "dependency");
	cvet_jout__str(w, cvet_jout__obj(w, dep, "package"), "name", d && d->package ? d->package : "unknown");
	cvet_jout__str(w, dep, "version", d && d->version ? d->version : "");
	free(desc);
	free(solution);
}

/* dependency_files: each manifest with the packages read from it. Packages of a finalized report are
 * sorted by manifest path, so each manifest's packages are consecutive. */
static void add_dependency_files(cvet_jout *w, cJSON *root, const cvet_report *r)
{
	cJSON *files = cvet_jout__arr(w, root, "dependency_files"), *deps = NULL;
	const char *current = NULL;

	for (size_t i = 0; i < r->npackages && !w->oom; i++) {
		const cvet_package *p = r->packages[i];
		const char *path = path_of(&p->loc);
		cJSON *file, *o;
		if (!current || strcmp(current, path) != 0) {
			file = cvet_jout__obj(w, files, NULL);
			cvet_jout__str(w, file, "path", path);
			cvet_jout__str(w, file, "package_manager", p->ecosystem ? p->ecosystem : "unknown");
			deps = cvet_jout__arr(w, file, "dependencies");
			current = path;
		}
		o = cvet_jout__obj(w, deps, NULL);
		cvet_jout__str(w, cvet_jout__obj(w, o, "package"), "name", p->name ? p->name : "unknown");
		cvet_jout__str(w, o, "version", p->version ? p->version : "");
	}
}

int cvet_write__gitlab_dependency_scanning(const cvet_report *r, FILE *out, const cvet_write_options *opts)
{
	cvet_jout w = {0};
	cJSON *root = cvet_jout__obj(&w, NULL, NULL), *arr;

	(void)opts;
	cvet_jout__str(&w, root, "version", GL_SCHEMA_VERSION);
	cvet_jout__str(&w, root, "schema", GL_SCHEMA_URL("dependency-scanning-report-format.json"));
	add_scan(&w, root, "dependency_scanning", r);
	arr = cvet_jout__arr(&w, root, "vulnerabilities");
	for (size_t i = 0; i < r->nfindings && !w.oom; i++)
		if (r->findings[i]->kind == CVET_KIND_DEPENDENCY)
			ds_vuln(&w, arr, r->findings[i]);
	add_dependency_files(&w, root, r);
	return cvet_jout__emit(&w, root, out);
}
