/* baseline.c - drop findings already recorded in an earlier cvet JSON report, so only new ones fail a PR */
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>
#include "report/baseline.h"
#include "report/config.h"

#define BASELINE_MAX_BYTES (256u * 1024u * 1024u) /* a report of a few hundred thousand findings */
#define FINGERPRINT_MAX 64                        /* 32 hex digits plus an occurrence suffix */

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
