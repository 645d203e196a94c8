/* fuzz_compdb.c - compile_commands.json: cvet_compdb__load reads the database as JSON, splits "command" strings,
 * keeps the entries under the scanned root and passes their flags through the allow-list (dropped flags become
 * one report note); the loader takes a folder, so the input goes to a scratch file */
#include "fuzz.h"
#include "cvet/common.h"
#include "cvet/report.h"
#include "scan/compdb.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char dir[4200];
	if (!dir[0]) {
		fuzz_mkdirs("compdb/src");
		fuzz_path(dir, sizeof(dir), "compdb");
	}
	fuzz_write("compdb/compile_commands.json", data, size);
	const char *roots[] = {dir};
	const char *globs[] = {"src/gen/*"};
	const char *extra[] = {"-DFUZZ=1"};
	cvet_jobs jobs;
	cvet_report *report = NULL;
	memset(&jobs, 0, sizeof(jobs));
	if (cvet_report_new(&report) == 0)
		(void)cvet_compdb__load(dir, dir, roots, 1, globs, 1, extra, 1, &jobs, report);
	cvet_jobs__clear(&jobs);
	cvet_report_free(report);
	cvet_error_clear();
	return 0;
}
