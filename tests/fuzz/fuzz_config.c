/* fuzz_config.c - the project configuration .cvet.json: cvet_config__load (rules, exclude, fail_on, profile,
 * locations, models) and the dependency scan's "ignore" entries, which cvet_deps_scan reads first (it then
 * stops at the advisory database, which here does not exist). Both open a path: the input goes to a file. */
#include "fuzz.h"
#include "cvet/deps.h"
#include "report/config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[4200], empty[4200], nodb[4200];
	if (!path[0]) {
		fuzz_mkdirs("config-tree");
		fuzz_path(path, sizeof(path), "config-tree/.cvet.json");
		fuzz_path(empty, sizeof(empty), "config-tree");
		fuzz_path(nodb, sizeof(nodb), "no-such-folder/advisories.db");
	}
	fuzz_write("config-tree/.cvet.json", data, size);
	cvet_config *c = NULL;
	if (cvet_config__load(path, &c) == 0)
		cvet_config__free(c);

	cvet_deps_options o = CVET_DEPS_OPTIONS_INIT;
	o.db_path = nodb;
	o.config_path = path;
	o.today = "2026-01-01";
	const char *paths[] = {empty};
	cvet_report *r = NULL;
	FUZZ_CHECK(cvet_report_new(&r) == 0);
	(void)cvet_deps_scan(paths, 1, &o, r);
	cvet_report_free(r);
	cvet_error_clear();
	return 0;
}
