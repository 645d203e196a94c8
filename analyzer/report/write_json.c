/* write_json.c - the versioned JSON report (docs/report-json.md): every field, deterministic, no timestamps */
#include "report/json_out.h"
#include "report/format_util.h"
#include "report/write.h"

/* Bump when a field changes meaning or disappears; adding fields keeps the version. */
#define REPORT_SCHEMA_VERSION 1

static void add_location(cvet_jout *w, cJSON *parent, const char *key, const cvet_location *l)
{
	cJSON *o = cvet_jout__obj(w, parent, key);
	cvet_jout__str(w, o, "path", l->path);
	cvet_jout__num(w, o, "line", l->line);
	cvet_jout__num(w, o, "column", l->column);
	cvet_jout__num(w, o, "end_line", l->end_line);
	cvet_jout__num(w, o, "end_column", l->end_column);
	cvet_jout__str(w, o, "message", l->message);
}

static void add_strv(cvet_jout *w, cJSON *parent, const char *key, char *const *v, size_t n)
{
	cJSON *a = cvet_jout__arr(w, parent, key);
	for (size_t i = 0; i < n; i++)
		if (v[i])
			cvet_jout__str(w, a, NULL, v[i]);
}

static void add_dep(cvet_jout *w, cJSON *parent, const cvet_dep_info *d)
{
	cJSON *o;

	if (!d) {
		cvet_jout__null(w, parent, "dependency");
		return;
	}
	o = cvet_jout__obj(w, parent, "dependency");
	cvet_jout__str(w, o, "package", d->package);
	cvet_jout__str(w, o, "ecosystem", d->ecosystem);
	cvet_jout__str(w, o, "version", d->version);
	cvet_jout__str(w, o, "purl", d->purl);
	cvet_jout__str(w, o, "upstream", d->upstream);
	cvet_jout__str(w, o, "advisory_id", d->advisory_id);
	add_strv(w, o, "aliases", d->aliases, d->naliases);
	add_strv(w, o, "sources", d->sources, d->nsources);
	cvet_jout__str(w, o, "summary", d->summary);
	cvet_jout__str(w, o, "cvss_vector", d->cvss_vector);
	if (d->score >= 0)
		cvet_jout__num(w, o, "score", d->score);
	else
		cvet_jout__null(w, o, "score");
	cvet_jout__str(w, o, "upgrade_to", d->upgrade_to);
	cvet_jout__bool(w, o, "build_only", d->build_only);
	cvet_jout__bool(w, o, "approximate", d->approximate);
}

static void add_finding(cvet_jout *w, cJSON *parent, const cvet_finding *f)
{
	cJSON *o = cvet_jout__obj(w, parent, NULL), *a;
	char fp[33];

	cvet_jout__str(w, o, "rule_id", f->rule_id);
	cvet_jout__str(w, o, "kind", f->kind == CVET_KIND_DEPENDENCY ? "dependency" : "code");
	cvet_jout__str(w, o, "severity", cvet_severity_name(f->severity));
	a = cvet_jout__arr(w, o, "cwe");
	for (int i = 0; i < CVET_MAX_CWE && f->cwe[i] > 0; i++)
		cvet_jout__num(w, a, NULL, f->cwe[i]);
	cvet_jout__str(w, o, "message", f->message);
	add_location(w, o, "location", &f->loc);
	a = cvet_jout__arr(w, o, "steps");
	for (size_t i = 0; i < f->nsteps; i++)
		add_location(w, a, NULL, &f->steps[i]);
	cvet_jout__str(w, o, "fix", f->fix);
	cvet_jout__str(w, o, "function", f->function);
	cvet_jout__str(w, o, "snippet", f->snippet);
	if (f->kind == CVET_KIND_DEPENDENCY)
		cvet_jout__null(w, o, "location_class");
	else
		cvet_jout__str(w, o, "location_class", cvet_location_class_name(f->location_class));
	if (!f->fingerprint)
		cvet_finding_fingerprint(f, fp); /* report not finalized: still emit the stable key */
	cvet_jout__str(w, o, "fingerprint", f->fingerprint ? f->fingerprint : fp);
	add_dep(w, o, f->kind == CVET_KIND_DEPENDENCY || f->dep ? f->dep : NULL);
}

static void add_endpoint(cvet_jout *w, cJSON *parent, const cvet_endpoint *e)
{
	cJSON *o = cvet_jout__obj(w, parent, NULL);
	cvet_jout__str(w, o, "api", e->api);
	cvet_jout__str(w, o, "address", e->address);
	if (e->port >= 0)
		cvet_jout__num(w, o, "port", e->port);
	else
		cvet_jout__null(w, o, "port");
	cvet_jout__str(w, o, "function", e->function);
	add_location(w, o, "location", &e->loc);
}

static void add_package(cvet_jout *w, cJSON *parent, const cvet_package *p)
{
	cJSON *o = cvet_jout__obj(w, parent, NULL);
	cvet_jout__str(w, o, "name", p->name);
	cvet_jout__str(w, o, "ecosystem", p->ecosystem);
	cvet_jout__str(w, o, "version", p->version);
	cvet_jout__str(w, o, "purl", p->purl);
	cvet_jout__str(w, o, "upstream", p->upstream);
	add_location(w, o, "location", &p->loc);
	cvet_jout__bool(w, o, "build_only", p->build_only);
	cvet_jout__bool(w, o, "checked", p->checked);
	cvet_jout__num(w, o, "vulnerabilities", p->nvulns);
}

int cvet_write__json(const cvet_report *r, FILE *out, const cvet_write_options *opts)
{
	cvet_jout w = {0};
	cJSON *root = cvet_jout__obj(&w, NULL, NULL), *o, *a;
	size_t counts[CVET_SEV_CRITICAL + 1];

	cvet_jout__num(&w, root, "schema_version", REPORT_SCHEMA_VERSION);
	o = cvet_jout__obj(&w, root, "tool");
	cvet_jout__str(&w, o, "name", "cvet");
	cvet_jout__str(&w, o, "version", CVET_VERSION);
	o = cvet_jout__obj(&w, root, "analyses");
	cvet_jout__bool(&w, o, "code", r->code_ran);
	cvet_jout__bool(&w, o, "dependencies", r->deps_ran);

	a = cvet_jout__arr(&w, root, "findings");
	for (size_t i = 0; i < r->nfindings && !w.oom; i++)
		add_finding(&w, a, r->findings[i]);
	a = cvet_jout__arr(&w, root, "network_surface");
	for (size_t i = 0; i < r->nendpoints && !w.oom; i++)
		add_endpoint(&w, a, r->endpoints[i]);
	a = cvet_jout__arr(&w, root, "dependencies");
	for (size_t i = 0; i < r->npackages && !w.oom; i++)
		add_package(&w, a, r->packages[i]);
	add_strv(&w, root, "notes", r->notes, r->nnotes);

	cvet_fmt__count(r, counts);
	o = cvet_jout__obj(&w, root, "summary");
	cvet_jout__num(&w, o, "findings", (double)r->nfindings);
	a = cvet_jout__obj(&w, o, "by_severity");
	for (int s = CVET_SEV_CRITICAL; s >= CVET_SEV_NOTE; s--)
		cvet_jout__num(&w, a, cvet_severity_name((cvet_severity)s), (double)counts[s]);
	cvet_jout__num(&w, o, "files_scanned", (double)r->files_scanned);
	cvet_jout__num(&w, o, "manifests_scanned", (double)r->manifests_scanned);
	cvet_jout__str(&w, o, "fail_on", cvet_severity_name(opts->fail_on));
	cvet_jout__num(&w, o, "at_or_above_fail_on", (double)cvet_report_count_at_least(r, opts->fail_on));
	cvet_jout__bool(&w, o, "fail_on_all_code", opts->fail_on_all_code);
	cvet_jout__num(&w, o, "failing", (double)cvet_report_count_failing(r, opts->fail_on, opts->fail_on_all_code));
	{
		size_t by_class[CVET_LOC_COUNT] = {0};
		for (size_t i = 0; i < r->nfindings; i++)
			if (r->findings[i]->kind == CVET_KIND_CODE && (unsigned)r->findings[i]->location_class < CVET_LOC_COUNT)
				by_class[r->findings[i]->location_class]++;
		a = cvet_jout__obj(&w, o, "code_by_location_class");
		for (int c = 0; c < CVET_LOC_COUNT; c++)
			cvet_jout__num(&w, a, cvet_location_class_name((cvet_location_class)c), (double)by_class[c]);
	}
	return cvet_jout__emit(&w, root, out);
}
