/* fuzz_cpm.c - the CMake reader (cmake_deps.c): CPM.cmake package-lock.cmake, CPMDeclarePackage/CPMAddPackage, FetchContent_Declare and ExternalProject_Add with set() variables, through cvet_lockfile__cpm_lock */
#include "fuzz.h"
#include "deps/lockfile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size);
	cvet_lf_list l = {0};
	(void)cvet_lockfile__cpm_lock("package-lock.cmake", text, size, &l);
	cvet_lockfile__list_clear(&l);
	free(text);
	cvet_error_clear();
	return 0;
}
