/* write_sarif.c - SARIF 2.1.0 for GitHub code scanning: registry rules, advisory rules, results, code flows */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "cvet/rules.h"
#include "report/json_out.h"
#include "report/format_util.h"
#include "report/write.h"

#define SARIF_SCHEMA "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
#define FINGERPRINT_KEY "cvetFingerprint/v1"

typedef struct {
	cvet_jout w;
	const cvet_report *r;
	const cvet_write_options *opts;
	cvet_fmt_srccache src;
	size_t nregistry;     /* registry rules come first in tool.driver.rules */
	char **rid;           /* owned: per finding, its result rule id as valid UTF-8 (what the JSON shows) */
	const char **extra;   /* sorted distinct rule ids of results outside the registry (lent from rid) */
	size_t nextra;
	size_t unlocated;     /* findings with no file location: left out of results (GitHub rejects them) */
} sarif_ctx;

/* The rule id a finding's result uses: the advisory id for dependency findings. Lent. */
static const char *result_rule(const cvet_finding *f)
{
	if (f->kind == CVET_KIND_DEPENDENCY && f->dep && f->dep->advisory_id && *f->dep->advisory_id)
		return f->dep->advisory_id;
	return f->rule_id && *f->rule_id ? f->rule_id : "unknown";
}

static const char *problem_severity(cvet_severity s)
{
	const char *level = cvet_fmt__level(s);
	return strcmp(level, "note") == 0 ? "recommendation" : level;
}

/* GitHub maps security-severity to critical (>= 9.0), high (>= 7.0), medium (>= 4.0) and low. */
static const char *security_severity(cvet_severity s)
{
	switch (s) {
	case CVET_SEV_CRITICAL: return "9.0";
	case CVET_SEV_HIGH: return "7.5";
	case CVET_SEV_MEDIUM: return "5.0";
	case CVET_SEV_LOW: return "3.0";
	default: return "1.0";
	}
}

static const char *precision_name(cvet_precision p)
{
	switch (p) {
	case CVET_PRECISION_VERY_HIGH: return "very-high";
	case CVET_PRECISION_HIGH: return "high";
	case CVET_PRECISION_MEDIUM: return "medium";
	default: return "low";
	}
}

/* "unsafe-gets" -> "UnsafeGets", "CURL-CVE-2023-38545" -> "CurlCve202338545"; written into a malloc'd string. */
static char *camel_case(const char *id)
{
	size_t n = strlen(id), o = 0;
	char *out = malloc(n + 5);
	int start = 1;

	if (!out)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)id[i];
		if (!isalnum(c) || c >= 0x80) {
			start = 1;
			continue;
		}
		out[o++] = (char)(start ? toupper(c) : tolower(c));
		start = 0;
	}
	if (o == 0)
		memcpy(out + o, "Rule", 4), o = 4;
	out[o] = '\0';
	return out;
}

/* ---- rule docs ---- */

/* The doc without its "---" front matter and the blank lines after it. Lent (points into doc). */
static const char *strip_front_matter(const char *doc)
{
	const char *p;

	if (strncmp(doc, "---\n", 4) != 0 && strncmp(doc, "---\r\n", 5) != 0)
		return doc;
	for (p = strchr(doc, '\n'); p; p = strchr(p + 1, '\n')) {
		if (strncmp(p + 1, "---", 3) == 0 && (p[4] == '\n' || p[4] == '\r' || p[4] == '\0')) {
			p += 4;
			while (*p == '\r' || *p == '\n')
				p++;
			return p;
		}
	}
	return doc; /* unterminated front matter: keep everything */
}

/* First paragraph under the "What it finds" heading, lines joined by spaces; malloc'd or NULL. */
static char *what_it_finds(const char *doc)
{
	const char *p = doc, *eol;
	char *buf = NULL;
	size_t len = 0;
	int in = 0, wrote = 0;
	FILE *m;

	if (!(m = open_memstream(&buf, &len)))
		return NULL;
	for (; *p; p = *eol ? eol + 1 : eol) {
		const char *s = p, *e;
		eol = strchr(p, '\n');
		if (!eol)
			eol = p + strlen(p);
		e = eol;
		while (e > s && (e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t'))
			e--;
		while (s < e && (*s == ' ' || *s == '\t'))
			s++;
		if (*s == '#') {
			const char *h = s;
			if (in)
				break;
			while (h < e && *h == '#')
				h++;
			while (h < e && *h == ' ')
				h++;
			in = (size_t)(e - h) == strlen("What it finds") && strncasecmp(h, "What it finds", 13) == 0;
			continue;
		}
		if (!in)
			continue;
		if (s == e) {
			if (wrote)
				break; /* end of the first paragraph */
			continue;
		}
		if (wrote)
			fputc(' ', m);
		fwrite(s, 1, (size_t)(e - s), m);
		wrote = 1;
	}
	if (fclose(m) != 0 || !wrote) {
		free(buf);
		return NULL;
	}
	return buf;
}

static void add_text(cvet_jout *w, cJSON *parent, const char *key, const char *text)
{
	cJSON *o = cvet_jout__obj(w, parent, key);
	cvet_jout__str(w, o, "text", text);
}

/* properties.tags: "security", then the extra tag, then one "external/cwe/cwe-NNN" per distinct CWE. */
static void add_tags(cvet_jout *w, cJSON *props, const char *extra, const int *cwe)
{
	cJSON *tags = cvet_jout__arr(w, props, "tags");
	char tag[40];

	cvet_jout__str(w, tags, NULL, "security");
	if (extra)
		cvet_jout__str(w, tags, NULL, extra);
	for (int i = 0; i < CVET_MAX_CWE && cwe[i] > 0; i++) {
		int dup = 0;
		for (int j = 0; j < i; j++)
			dup |= cwe[j] == cwe[i];
		if (dup)
			continue;
		snprintf(tag, sizeof(tag), "external/cwe/cwe-%03d", cwe[i]);
		cvet_jout__str(w, tags, NULL, tag);
	}
}

static void add_registry_rule(sarif_ctx *c, cJSON *rules, const cvet_rule *rule)
{
	cvet_jout *w = &c->w;
	cJSON *o = cvet_jout__obj(w, rules, NULL), *help, *props;
	const char *doc = cvet_rules_doc(rule->id), *body = doc ? strip_front_matter(doc) : NULL;
	const char *title = rule->title && *rule->title ? rule->title : rule->id;
	char *name = camel_case(rule->id), *full = body ? what_it_finds(body) : NULL;

	if (!name)
		w->oom = 1;
	cvet_jout__str(w, o, "id", rule->id);
	cvet_jout__str(w, o, "name", name ? name : "Rule");
	add_text(w, o, "shortDescription", title);
	add_text(w, o, "fullDescription", full ? full : title);
	help = cvet_jout__obj(w, o, "help");
	cvet_jout__str(w, help, "text", body ? body : title);
	cvet_jout__str(w, help, "markdown", body ? body : title);
	cvet_jout__str(w, cvet_jout__obj(w, o, "defaultConfiguration"), "level", cvet_fmt__level(rule->severity));
	props = cvet_jout__obj(w, o, "properties");
	add_tags(w, props, NULL, rule->cwe);
	cvet_jout__str(w, props, "security-severity", security_severity(rule->severity));
	cvet_jout__str(w, props, "precision", precision_name(rule->precision));
	cvet_jout__str(w, props, "problem.severity", problem_severity(rule->severity));
	free(name);
	free(full);
}

/* Markdown help for an advisory rule, from the dependency details of its findings; malloc'd or NULL. */
static char *advisory_help(const cvet_finding *f, int markdown)
{
	const cvet_dep_info *d = f->dep;
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	void (*put)(FILE *, const char *) = markdown ? cvet_fmt__md_text : cvet_fmt__plain_text;

	if (!m)
		return NULL;
	if (markdown)
		fputs("**", m);
	put(m, result_rule(f));
	if (markdown)
		fputs("**", m);
	if (d && d->naliases) {
		fputs(" (", m);
		for (size_t i = 0; i < d->naliases; i++) {
			if (i)
				fputs(", ", m);
			put(m, d->aliases[i] ? d->aliases[i] : "");
		}
		fputs(")", m);
	}
	fputs(": vulnerable dependency", m);
	if (d && d->package) {
		fputs(" ", m);
		put(m, d->package);
	}
	fputs("\n\n", m);
	if (d && d->summary) {
		put(m, d->summary);
		fputs("\n\n", m);
	}
	if (d && d->score >= 0)
		fprintf(m, "CVSS score: %.1f", d->score);
	if (d && d->cvss_vector) {
		fputs(d->score >= 0 ? " (" : "CVSS vector: ", m);
		put(m, d->cvss_vector);
		if (d->score >= 0)
			fputs(")", m);
	}
	if (d && (d->score >= 0 || d->cvss_vector))
		fputs("\n\n", m);
	fputs("How to fix: ", m);
	if (d && d->upgrade_to) {
		fputs("upgrade to ", m);
		put(m, d->upgrade_to);
		fputs(" or later.", m);
	} else {
		fputs("no fixed version is known; consider replacing the dependency or mitigating the issue.", m);
	}
	fputs("\n", m);
	if (d && d->nsources) {
		fputs("\nSources: ", m);
		for (size_t i = 0; i < d->nsources; i++) {
			if (i)
				fputs(", ", m);
			put(m, d->sources[i] ? d->sources[i] : "");
		}
		fputs("\n", m);
	}
	if (fclose(m) != 0) {
		free(buf);
		return NULL;
	}
	return buf;
}

/* A rule for an id outside the registry: an advisory hit by dependency findings, or an unknown check id. */
static void add_extra_rule(sarif_ctx *c, cJSON *rules, const char *id)
{
	cvet_jout *w = &c->w;
	const cvet_finding *first = NULL;
	cvet_severity sev = CVET_SEV_NOTE;
	double score = -1;
	cJSON *o, *help, *props;
	char *name, *text, *md, sevbuf[16];
	int dep;

	for (size_t i = 0; i < c->r->nfindings; i++) {
		const cvet_finding *f = c->r->findings[i];
		if (strcmp(c->rid[i], id) != 0)
			continue;
		if (!first)
			first = f;
		if (f->severity > sev && f->severity <= CVET_SEV_CRITICAL)
			sev = f->severity;
		if (f->dep && f->dep->score > score)
			score = f->dep->score;
	}
	if (!first)
		return; /* cannot happen: extras come from findings */
	dep = first->kind == CVET_KIND_DEPENDENCY;
	o = cvet_jout__obj(w, rules, NULL);
	name = camel_case(id);
	text = dep ? advisory_help(first, 0) : NULL;
	md = dep ? advisory_help(first, 1) : NULL;
	if (!name || (dep && (!text || !md)))
		w->oom = 1;
	cvet_jout__str(w, o, "id", id);
	cvet_jout__str(w, o, "name", name ? name : "Rule");
	if (dep) {
		const char *summary = first->dep && first->dep->summary && *first->dep->summary ? first->dep->summary : NULL;
		char *shortd = NULL;
		size_t len = 0;
		FILE *m = open_memstream(&shortd, &len);
		if (m) {
			fprintf(m, "Vulnerable dependency: %s", first->dep && first->dep->package ? first->dep->package : id);
			if (summary)
				fprintf(m, ": %s", summary);
			if (fclose(m) != 0) {
				free(shortd);
				shortd = NULL;
			}
		}
		if (!shortd)
			w->oom = 1;
		add_text(w, o, "shortDescription", shortd ? shortd : id);
		add_text(w, o, "fullDescription", summary ? summary : shortd ? shortd : id);
		free(shortd);
	} else {
		add_text(w, o, "shortDescription", id);
		add_text(w, o, "fullDescription", id);
	}
	help = cvet_jout__obj(w, o, "help");
	cvet_jout__str(w, help, "text", text ? text : id);
	cvet_jout__str(w, help, "markdown", md ? md : id);
	cvet_jout__str(w, cvet_jout__obj(w, o, "defaultConfiguration"), "level", cvet_fmt__level(sev));
	props = cvet_jout__obj(w, o, "properties");
	add_tags(w, props, dep ? "dependency" : NULL, first->cwe);
	if (dep && score > 0) {
		snprintf(sevbuf, sizeof(sevbuf), "%.1f", score > 10 ? 10.0 : score);
		cvet_jout__str(w, props, "security-severity", sevbuf);
	} else {
		cvet_jout__str(w, props, "security-severity", security_severity(sev));
	}
	cvet_jout__str(w, props, "precision", dep ? (first->dep && first->dep->approximate ? "medium" : "high") : "medium");
	cvet_jout__str(w, props, "problem.severity", problem_severity(sev));
	free(name);
	free(text);
	free(md);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/*
 * Compute each finding's result rule id (sanitized, so that two ids differing only in invalid
 * bytes become one rule) and collect the sorted distinct ids outside the registry. 0 or -1 (OOM).
 */
static int collect_extra(sarif_ctx *c)
{
	size_t n = 0;

	if (!c->r->nfindings)
		return 0;
	if (!(c->rid = calloc(c->r->nfindings, sizeof(*c->rid))) ||
	    !(c->extra = calloc(c->r->nfindings, sizeof(*c->extra))))
		return -1;
	for (size_t i = 0; i < c->r->nfindings; i++) {
		if (!(c->rid[i] = cvet_jout__utf8(result_rule(c->r->findings[i]))))
			return -1;
		if (cvet_rules_index(c->rid[i]) < 0)
			c->extra[n++] = c->rid[i];
	}
	qsort(c->extra, n, sizeof(*c->extra), cmp_str);
	c->nextra = 0;
	for (size_t i = 0; i < n; i++)
		if (c->nextra == 0 || strcmp(c->extra[c->nextra - 1], c->extra[i]) != 0)
			c->extra[c->nextra++] = c->extra[i];
	return 0;
}

static int rule_index(const sarif_ctx *c, const char *id)
{
	int i = cvet_rules_index(id);
	const char **hit;

	if (i >= 0)
		return i;
	hit = c->nextra ? bsearch(&id, c->extra, c->nextra, sizeof(*c->extra), cmp_str) : NULL;
	return hit ? (int)(c->nregistry + (size_t)(hit - c->extra)) : -1;
}

/* ---- locations ---- */

/* RFC 3986 path characters that need no escaping (':' is escaped: a relative reference must not look like a scheme). */
static int uri_safe(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       (c != '\0' && strchr("-._~/!$&'()*+,;=@", c) != NULL);
}

/* artifactLocation.uri for a report path: relative paths percent-encoded without "./" (is_abs = 0),
 * absolute paths as file:// URIs (is_abs = 1). malloc'd or NULL. */
static char *path_uri(const char *path, int *is_abs)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n, o = 0;
	char *out;

	while (path[0] == '.' && path[1] == '/') {
		path += 2;
		while (*path == '/')
			path++;
	}
	*is_abs = path[0] == '/';
	n = strlen(path);
	if (n > ((size_t)-1 - 8) / 3 || !(out = malloc(n * 3 + 8)))
		return NULL;
	if (*is_abs) {
		memcpy(out, "file://", 7);
		o = 7;
	}
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)path[i];
		if (uri_safe(ch)) {
			out[o++] = (char)ch;
		} else {
			out[o++] = '%';
			out[o++] = hex[ch >> 4];
			out[o++] = hex[ch & 15];
		}
	}
	out[o] = '\0';
	return out;
}

/* A byte column (1-based) as UTF-16 code units (SARIF's default columnKind) when the source line is readable. */
static unsigned utf16_column(sarif_ctx *c, const char *path, unsigned line, unsigned col)
{
	const char *text;
	size_t len, i = 0, n;
	unsigned units = 0, cp;

	if (col <= 1 || !(text = cvet_fmt__source_line(&c->src, c->opts->root, path, line, &len)))
		return col;
	if (col - 1 > len)
		return col;
	while (i < col - 1) {
		n = cvet_fmt__utf8_seq((const unsigned char *)text + i, col - 1 - i, &cp);
		i += n ? n : 1;
		units += n && cp >= 0x10000 ? 2 : 1;
	}
	return units + 1;
}

/* A SARIF location object (with message when msg is non-NULL) added to parent (an array when key is NULL). */
static void add_location(sarif_ctx *c, cJSON *parent, const char *key, const cvet_location *l, const char *msg,
			 int with_column)
{
	cvet_jout *w = &c->w;
	cJSON *loc = cvet_jout__obj(w, parent, key), *phys, *art, *region;
	unsigned line = l->line ? l->line : 1;
	char *uri;
	int is_abs;

	if (l->path && *l->path) {
		if (!(uri = path_uri(l->path, &is_abs))) {
			w->oom = 1;
			return;
		}
		phys = cvet_jout__obj(w, loc, "physicalLocation");
		art = cvet_jout__obj(w, phys, "artifactLocation");
		cvet_jout__str(w, art, "uri", uri);
		if (!is_abs)
			cvet_jout__str(w, art, "uriBaseId", "%SRCROOT%");
		free(uri);
		region = cvet_jout__obj(w, phys, "region");
		cvet_jout__num(w, region, "startLine", line);
		if (with_column && l->column) {
			cvet_jout__num(w, region, "startColumn", utf16_column(c, l->path, line, l->column));
			if (l->end_line > line) {
				cvet_jout__num(w, region, "endLine", l->end_line);
				if (l->end_column)
					cvet_jout__num(w, region, "endColumn",
						       utf16_column(c, l->path, l->end_line, l->end_column));
			} else if ((l->end_line == 0 || l->end_line == line) && l->end_column > l->column) {
				cvet_jout__num(w, region, "endColumn", utf16_column(c, l->path, line, l->end_column));
			}
		}
	}
	if (msg)
		add_text(w, loc, "message", msg);
}

static void add_dep_properties(cvet_jout *w, cJSON *props, const cvet_dep_info *d)
{
	cJSON *a;
	cvet_jout__str(w, props, "package", d->package);
	cvet_jout__str(w, props, "ecosystem", d->ecosystem);
	cvet_jout__str(w, props, "version", d->version);
	if (d->purl)
		cvet_jout__str(w, props, "purl", d->purl);
	cvet_jout__str(w, props, "advisoryId", d->advisory_id);
	a = cvet_jout__arr(w, props, "aliases");
	for (size_t i = 0; i < d->naliases; i++)
		if (d->aliases[i])
			cvet_jout__str(w, a, NULL, d->aliases[i]);
	if (d->score >= 0)
		cvet_jout__num(w, props, "cvssScore", d->score);
	if (d->cvss_vector)
		cvet_jout__str(w, props, "cvssVector", d->cvss_vector);
	cvet_jout__str(w, props, "upgradeTo", d->upgrade_to);
	cvet_jout__bool(w, props, "buildOnly", d->build_only);
	if (d->approximate)
		cvet_jout__bool(w, props, "approximate", 1);
}

/* The location a result is anchored at: the primary one, else the first dataflow step with a file. */
static const cvet_location *anchor(const cvet_finding *f)
{
	if (f->loc.path && *f->loc.path)
		return &f->loc;
	for (size_t i = 0; i < f->nsteps; i++)
		if (f->steps[i].path && *f->steps[i].path)
			return &f->steps[i];
	return NULL;
}

static void add_result(sarif_ctx *c, cJSON *results, size_t index)
{
	cvet_jout *w = &c->w;
	const cvet_finding *f = c->r->findings[index];
	cJSON *o = cvet_jout__obj(w, results, NULL), *locs, *props, *fps;
	const char *id = c->rid[index];
	int dep = f->kind == CVET_KIND_DEPENDENCY;
	char *msg = dep ? cvet_fmt__dep_message(f) : NULL;
	char fp[33];

	if (dep && !msg)
		w->oom = 1;
	cvet_jout__str(w, o, "ruleId", id);
	cvet_jout__num(w, o, "ruleIndex", rule_index(c, id));
	cvet_jout__str(w, o, "level", cvet_fmt__level(f->severity));
	add_text(w, o, "message", dep ? (msg ? msg : id) : f->message && *f->message ? f->message : id);
	free(msg);
	locs = cvet_jout__arr(w, o, "locations");
	add_location(c, locs, NULL, anchor(f), NULL, !dep);
	if (!f->fingerprint)
		cvet_finding_fingerprint(f, fp);
	fps = cvet_jout__obj(w, o, "partialFingerprints");
	cvet_jout__str(w, fps, FINGERPRINT_KEY, f->fingerprint ? f->fingerprint : fp);
	if (f->nsteps) {
		cJSON *flow = cvet_jout__obj(w, cvet_jout__arr(w, o, "codeFlows"), NULL);
		cJSON *tf = cvet_jout__obj(w, cvet_jout__arr(w, flow, "threadFlows"), NULL);
		cJSON *tfl = cvet_jout__arr(w, tf, "locations");
		for (size_t i = 0; i < f->nsteps; i++) {
			cJSON *step = cvet_jout__obj(w, tfl, NULL);
			const cvet_location *l = &f->steps[i];
			add_location(c, step, "location", l, l->message ? l->message : "", 1);
		}
	}
	props = cvet_jout__obj(w, o, "properties");
	if (!dep && f->location_class != CVET_LOC_PRODUCT) {
		/* "test-code", "vendored-code", ...: code-scanning UIs filter results by tag */
		char tag[32];
		snprintf(tag, sizeof(tag), "%s-code", cvet_location_class_name(f->location_class));
		cvet_jout__str(w, cvet_jout__arr(w, props, "tags"), NULL, tag);
		cvet_jout__str(w, props, "locationClass", cvet_location_class_name(f->location_class));
	}
	cvet_jout__str(w, props, "severity", cvet_severity_name(f->severity));
	if (f->fix)
		cvet_jout__str(w, props, "fix", f->fix);
	if (f->function)
		cvet_jout__str(w, props, "function", f->function);
	if (dep && f->dep)
		add_dep_properties(w, props, f->dep);
}

/* A warning notification for a finding that has no file location and so is not among the results. */
static void add_unlocated(sarif_ctx *c, cJSON *notes, size_t index)
{
	const cvet_finding *f = c->r->findings[index];
	cJSON *n = cvet_jout__obj(&c->w, notes, NULL);
	char *text = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&text, &len);

	if (!m) {
		c->w.oom = 1;
		return;
	}
	fprintf(m, "finding of rule '%s' has no file location and is left out of the results: %s", c->rid[index],
		f->message ? f->message : "");
	if (fclose(m) != 0) {
		free(text);
		c->w.oom = 1;
		return;
	}
	add_text(&c->w, n, "message", text);
	cvet_jout__str(&c->w, n, "level", "warning");
	free(text);
}

static void add_surface(sarif_ctx *c, cJSON *props)
{
	cvet_jout *w = &c->w;
	cJSON *a = cvet_jout__arr(w, props, "networkSurface");

	for (size_t i = 0; i < c->r->nendpoints; i++) {
		const cvet_endpoint *e = c->r->endpoints[i];
		cJSON *o = cvet_jout__obj(w, a, NULL), *locs;
		cvet_jout__str(w, o, "api", e->api);
		cvet_jout__str(w, o, "address", e->address);
		if (e->port >= 0)
			cvet_jout__num(w, o, "port", e->port);
		else
			cvet_jout__null(w, o, "port");
		cvet_jout__str(w, o, "function", e->function);
		locs = cvet_jout__arr(w, o, "locations");
		if (e->loc.path && *e->loc.path)
			add_location(c, locs, NULL, &e->loc, NULL, 1);
	}
}

int cvet_write__sarif(const cvet_report *r, FILE *out, const cvet_write_options *opts)
{
	sarif_ctx c;
	cJSON *root, *run, *driver, *rules, *results, *props;

	memset(&c, 0, sizeof(c));
	c.r = r;
	c.opts = opts;
	c.nregistry = cvet_rules_count();
	if (collect_extra(&c) < 0) {
		for (size_t i = 0; c.rid && i < r->nfindings; i++)
			free(c.rid[i]);
		free(c.rid);
		free(c.extra);
		return CVET_ENOMEM;
	}

	root = cvet_jout__obj(&c.w, NULL, NULL);
	cvet_jout__str(&c.w, root, "$schema", SARIF_SCHEMA);
	cvet_jout__str(&c.w, root, "version", "2.1.0");
	run = cvet_jout__obj(&c.w, cvet_jout__arr(&c.w, root, "runs"), NULL);
	driver = cvet_jout__obj(&c.w, cvet_jout__obj(&c.w, run, "tool"), "driver");
	cvet_jout__str(&c.w, driver, "name", "cvet");
	cvet_jout__str(&c.w, driver, "version", CVET_VERSION);
	cvet_jout__str(&c.w, driver, "semanticVersion", CVET_VERSION);
	rules = cvet_jout__arr(&c.w, driver, "rules");
	for (size_t i = 0; i < c.nregistry && !c.w.oom; i++)
		if (cvet_rules_at(i))
			add_registry_rule(&c, rules, cvet_rules_at(i));
	for (size_t i = 0; i < c.nextra && !c.w.oom; i++)
		add_extra_rule(&c, rules, c.extra[i]);

	for (size_t i = 0; i < r->nfindings; i++)
		c.unlocated += anchor(r->findings[i]) == NULL;
	if (r->nnotes || c.unlocated) {
		cJSON *inv = cvet_jout__obj(&c.w, cvet_jout__arr(&c.w, run, "invocations"), NULL);
		cJSON *notes;
		cvet_jout__bool(&c.w, inv, "executionSuccessful", 1);
		notes = cvet_jout__arr(&c.w, inv, "toolExecutionNotifications");
		for (size_t i = 0; i < r->nnotes; i++) {
			cJSON *n = cvet_jout__obj(&c.w, notes, NULL);
			add_text(&c.w, n, "message", r->notes[i] ? r->notes[i] : "");
			cvet_jout__str(&c.w, n, "level", "note");
		}
		for (size_t i = 0; i < r->nfindings && !c.w.oom; i++)
			if (!anchor(r->findings[i]))
				add_unlocated(&c, notes, i);
	}
	cvet_jout__str(&c.w, run, "columnKind", "utf16CodeUnits");
	results = cvet_jout__arr(&c.w, run, "results");
	for (size_t i = 0; i < r->nfindings && !c.w.oom; i++)
		if (anchor(r->findings[i]))
			add_result(&c, results, i);
	props = cvet_jout__obj(&c.w, run, "properties");
	if (r->code_ran || r->nendpoints)
		add_surface(&c, props);

	cvet_fmt__srccache_clear(&c.src);
	for (size_t i = 0; c.rid && i < r->nfindings; i++)
		free(c.rid[i]);
	free(c.rid);
	free(c.extra);
	return cvet_jout__emit(&c.w, root, out);
}
