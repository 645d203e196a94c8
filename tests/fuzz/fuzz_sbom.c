/* fuzz_sbom.c - CycloneDX and SPDX JSON SBOMs through cvet_lockfile__sbom */
#include "fuzz.h"
#include "deps/lockfile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size);
	cvet_lf_list l = {0};
	(void)cvet_lockfile__sbom("sbom.json", text, size, &l);
	cvet_lockfile__list_clear(&l);
	free(text);
	cvet_error_clear();
	return 0;
}
