/* fuzz_vcpkg_configuration.c - vcpkg-configuration.json (registries, baselines) through cvet_lockfile__vcpkg_configuration */
#include "fuzz.h"
#include "deps/lockfile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size);
	cvet_lf_list l = {0};
	(void)cvet_lockfile__vcpkg_configuration("vcpkg-configuration.json", text, size, &l);
	cvet_lockfile__list_clear(&l);
	free(text);
	cvet_error_clear();
	return 0;
}
