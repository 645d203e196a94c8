/* fuzz_suppress.c - inline suppression comments ("cvet-ignore: RULE[,RULE] reason" inside C/C++ comments, with
 * string and character literals skipped) through cvet_suppress__scan_text, then applied to a report holding
 * two code findings with unused suppressions reported */
#include "fuzz.h"
#include "code/suppress.h"

static int add(cvet_report *r, const char *rule, unsigned line)
{
	cvet_finding *f = cvet_finding_new();
	FUZZ_CHECK(f != NULL);
	f->kind = CVET_KIND_CODE;
	f->severity = CVET_SEV_HIGH;
	f->rule_id = strdup(rule);
	f->message = strdup("message");
	f->loc.path = strdup("src/f.c");
	f->loc.line = line;
	f->loc.column = 1;
	FUZZ_CHECK(f->rule_id && f->message && f->loc.path);
	return cvet_report_add(r, f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size);
	cvet_suppressions *s = NULL;
	cvet_report *r = NULL;
	FUZZ_CHECK(cvet_suppress__new(&s) == 0 && cvet_report_new(&r) == 0);
	if (cvet_suppress__scan_text(s, "src/f.c", text, size) == 0) {
		FUZZ_CHECK(add(r, "unsafe-gets", 1) == 0 && add(r, "format-string", 2) == 0);
		(void)cvet_suppress__apply(s, r, NULL, 1);
	}
	cvet_report_free(r);
	cvet_suppress__free(s);
	free(text);
	cvet_error_clear();
	return 0;
}
