/* baseline.c - drop findings already recorded in an earlier cvet JSON report, so only new ones fail a PR */
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>
#include "report/baseline.h"
#include "report/config.h"

/*
 * Bounds on a baseline, checked before cJSON builds its tree (each JSON value costs cJSON ~80 bytes, so
 * a 114 MiB file of tiny values took 4.9 GB). A cvet JSON report spends about 1.1 KiB and 30 values
 * per finding: these allow some 50,000 findings and keep the parse under ~400 MB.
 */
#define BASELINE_MAX_BYTES (64u * 1024u * 1024u)
#define BASELINE_MAX_VALUES 2000000u /* JSON values (objects, arrays, strings, numbers, literals) */
#define BASELINE_MAX_DEPTH 64
#define FINGERPRINT_MAX 64           /* 32 hex digits plus an occurrence suffix */

struct cvet_baseline {
	char *path;
	char **fp;   /* sorted fingerprints */
	size_t nfp;
};

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void cvet_baseline__free(cvet_baseline *b)
{
	if (!b)
		return;
	for (size_t i = 0; i < b->nfp; i++)
		free(b->fp[i]);
	free(b->fp);
	free(b->path);
	free(b);
}

/*
 * Count the values and the nesting of JSON text without building anything (strings are skipped with
 * their escapes; malformed text is left for cJSON to reject). Returns 0, or CVET_ELIMIT with a message
 * naming the baseline and the bound it broke.
 */
static int check_bounds(const char *path, const char *t, size_t len)
{
	size_t values = 0;
	unsigned depth = 0;
	for (size_t i = 0; i < len; i++) {
		char c = t[i];
		if (c == '"') {
			values++;
			for (i++; i < len && t[i] != '"'; i++)
				if (t[i] == '\\')
					i++;
		} else if (c == '{' || c == '[') {
			values++;
			if (++depth > BASELINE_MAX_DEPTH)
				return cvet_error_setc(CVET_ELIMIT, "baseline '%s' is nested deeper than %d levels", path,
						       BASELINE_MAX_DEPTH);
		} else if (c == '}' || c == ']') {
			if (depth)
				depth--;
		} else if ((c >= '0' && c <= '9') || c == '-' || c == 't' || c == 'f' || c == 'n') {
			values++;
			while (i + 1 < len && t[i + 1] != ',' && t[i + 1] != ']' && t[i + 1] != '}' && t[i + 1] != ' ' &&
			       t[i + 1] != '\n' && t[i + 1] != '\r' && t[i + 1] != '\t' && t[i + 1] != '"')
				i++;
		}
		if (values > BASELINE_MAX_VALUES)
			return cvet_error_setc(CVET_ELIMIT, "baseline '%s' holds more than %u JSON values (a cvet report of "
					       "about 50,000 findings); use a smaller baseline", path, BASELINE_MAX_VALUES);
	}
	return 0;
}

int cvet_baseline__load(const char *path, cvet_baseline **out)
{
	cvet_baseline *b = NULL;
	cJSON *doc = NULL, *findings, *version, *item;
	char *text = NULL;
	size_t len;
	int error, n;

	*out = NULL;
	if ((error = cvet_config__read_file(path, "baseline", BASELINE_MAX_BYTES, &text, &len)) < 0)
		return error;
	if ((error = check_bounds(path, text, len)) < 0)
		goto done;
	if (!(doc = cJSON_ParseWithLength(text, len)) || !cJSON_IsObject(doc)) {
		error = cvet_error_setc(CVET_EPARSE, "baseline '%s' is not valid JSON (expected a report from 'cvet --format json')", path);
		goto done;
	}
	version = cJSON_GetObjectItemCaseSensitive(doc, "schema_version");
	findings = cJSON_GetObjectItemCaseSensitive(doc, "findings");
	if (!cJSON_IsNumber(version) || version->valuedouble != 1 || !cJSON_IsArray(findings)) {
		error = cvet_error_setc(CVET_EPARSE, "baseline '%s' is not a cvet JSON report of schema_version 1", path);
		goto done;
	}
	n = cJSON_GetArraySize(findings);
	if (!(b = calloc(1, sizeof(*b))) || !(b->path = strdup(path)) ||
	    (n > 0 && !(b->fp = calloc((size_t)n, sizeof(char *))))) {
		error = cvet_error_setc(CVET_ENOMEM, "out of memory");
		goto done;
	}
	cJSON_ArrayForEach(item, findings) {
		const cJSON *fp = cJSON_GetObjectItemCaseSensitive(item, "fingerprint");
		if (!cJSON_IsString(fp) || !fp->valuestring[0] || strlen(fp->valuestring) > FINGERPRINT_MAX)
			continue; /* a finding without a usable fingerprint can never match: skip it */
		if (!(b->fp[b->nfp] = strdup(fp->valuestring))) {
			error = cvet_error_setc(CVET_ENOMEM, "out of memory");
			goto done;
		}
		b->nfp++;
	}
	if (b->nfp > 1)
		qsort(b->fp, b->nfp, sizeof(char *), cmp_str);
	*out = b;
	b = NULL;
done:
	cvet_baseline__free(b);
	cJSON_Delete(doc);
	free(text);
	return error;
}

int cvet_baseline__apply(const cvet_baseline *b, cvet_report *r, size_t *removed)
{
	size_t kept = 0;
	*removed = 0;
	for (size_t i = 0; i < r->nfindings; i++) {
		cvet_finding *f = r->findings[i];
		const char *key = f->fingerprint;
		if (key && b->nfp && bsearch(&key, b->fp, b->nfp, sizeof(char *), cmp_str)) {
			cvet_finding_free(f);
			(*removed)++;
			continue;
		}
		r->findings[kept++] = f;
	}
	r->nfindings = kept;
	if (*removed)
		return cvet_report_add_note(r, "%zu finding(s) already in the baseline '%s' are not reported",
					    *removed, b->path);
	return 0;
}
