/* fuzz_vcpkg_status.c - vcpkg_installed/vcpkg/status (Debian-control-like stanzas); cvet_lockfile__vcpkg_json on a fixed
 * manifest reads the input from disk next to it, as a scan does (the reader is path-based) */
#include "fuzz.h"
#include "deps/lockfile.h"

static const char MANIFEST[] = "{\"name\": \"app\", \"dependencies\": [\"zlib\", \"libpng\", {\"name\": \"curl\", "
			       "\"version>=\": \"8.0.0\"}, \"fmt\"]}";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char manifest[4200];
	if (!manifest[0]) {
		fuzz_mkdirs("vcpkg_status/vcpkg_installed/vcpkg");
		fuzz_path(manifest, sizeof(manifest), "vcpkg_status/vcpkg.json");
	}
	fuzz_write("vcpkg_status/vcpkg_installed/vcpkg/status", data, size);
	cvet_lf_list l = {0};
	(void)cvet_lockfile__vcpkg_json(manifest, NULL, "vcpkg.json", MANIFEST, sizeof(MANIFEST) - 1, &l);
	cvet_lockfile__list_clear(&l);
	cvet_error_clear();
	return 0;
}
