/* fuzz_baseline.c - a baseline (an earlier `cvet --format json` report) through cvet_baseline__load, then
 * applied to a report with two findings; the loader opens a path, so the input goes to a scratch file */
#include "fuzz.h"
#include "report/baseline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[4200];
	if (!path[0])
		fuzz_path(path, sizeof(path), "baseline.json");
	fuzz_write("baseline.json", data, size);
	cvet_baseline *b = NULL;
	if (cvet_baseline__load(path, &b) == 0) {
		cvet_report *r = NULL;
		FUZZ_CHECK(cvet_report_new(&r) == 0);
		for (int i = 0; i < 2; i++) {
			cvet_finding *f = cvet_finding_new();
			FUZZ_CHECK(f != NULL);
			f->kind = CVET_KIND_CODE;
			f->severity = CVET_SEV_HIGH;
			f->rule_id = strdup("unsafe-gets");
			f->message = strdup("message");
			f->loc.path = strdup(i ? "src/a.c" : "src/b.c");
			f->loc.line = 3;
			FUZZ_CHECK(f->rule_id && f->message && f->loc.path && cvet_report_add(r, f) == 0);
		}
		(void)cvet_report_finalize(r);
		size_t removed = 0;
		(void)cvet_baseline__apply(b, r, &removed);
		cvet_report_free(r);
		cvet_baseline__free(b);
	}
	cvet_error_clear();
	return 0;
}
