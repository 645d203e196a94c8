/* fuzz_vcpkg_json.c - vcpkg.json manifests (dependencies, overrides, features) through cvet_lockfile__vcpkg_json;
 * the manifest's folder is an empty scratch folder, so no vcpkg_installed/ is found next to it */
#include "fuzz.h"
#include "deps/lockfile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[4200];
	if (!path[0]) {
		fuzz_mkdirs("manifest");
		fuzz_path(path, sizeof(path), "manifest/vcpkg.json");
	}
	char *text = fuzz_text(data, size);
	cvet_lf_list l = {0};
	(void)cvet_lockfile__vcpkg_json(path, NULL, "vcpkg.json", text, size, &l);
	cvet_lockfile__list_clear(&l);
	free(text);
	cvet_error_clear();
	return 0;
}
