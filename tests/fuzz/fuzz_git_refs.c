/* fuzz_git_refs.c - a submodule's packed-refs file ("<sha> refs/tags/<name>" and "^<peeled>" lines); the
 * reader is path-based, so the input replaces .git/modules/lib/packed-refs of the fixed work tree and
 * cvet_lockfile__gitmodules looks up the tag of the pinned commit */
#include "fuzz_git.h"
#include "deps/lockfile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *repo = fuzz_git_repo();
	fuzz_write(FUZZ_PACKED_REFS, data, size);
	cvet_lf_list l = {0};
	(void)cvet_lockfile__gitmodules(repo, repo, NULL, ".gitmodules", FUZZ_GITMODULES, sizeof(FUZZ_GITMODULES) - 1, &l);
	cvet_lockfile__list_clear(&l);
	cvet_error_clear();
	return 0;
}
