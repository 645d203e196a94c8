/* fuzz_cvss.c - CVSS vectors (v2 bare, "CVSS:3.0/", "CVSS:3.1/", "CVSS:4.0/") through cvet_cvss__score; the
 * score must be -1 (malformed) or within [0, 10], and the severity of any score must be one of the five */
#include <math.h>
#include "fuzz.h"
#include "advdb/advdb_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size);
	int approx = -1;
	double s = cvet_cvss__score(text, &approx);
	FUZZ_CHECK(!isnan(s));
	FUZZ_CHECK(s == -1 || (s >= 0 && s <= 10));
	FUZZ_CHECK(s == -1 || approx == 0 || approx == 1);
	cvet_severity sev = cvet_cvss__severity(s);
	FUZZ_CHECK(sev == CVET_SEV_CRITICAL || sev == CVET_SEV_HIGH || sev == CVET_SEV_MEDIUM || sev == CVET_SEV_LOW ||
		   sev == CVET_SEV_NOTE);
	free(text);
	cvet_error_clear();
	return 0;
}
