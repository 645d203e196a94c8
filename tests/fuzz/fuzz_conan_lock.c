/* fuzz_conan_lock.c - conan.lock, lockfile v1 (graph_lock nodes) and v2 (requires lists), through cvet_lockfile__conan_lock */
#include "fuzz.h"
#include "deps/lockfile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size);
	cvet_lf_list l = {0};
	(void)cvet_lockfile__conan_lock("conan.lock", text, size, &l);
	cvet_lockfile__list_clear(&l);
	free(text);
	cvet_error_clear();
	return 0;
}
