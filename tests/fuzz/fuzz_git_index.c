/* fuzz_git_index.c - the git index reader (versions 2-4, SHA-1 and SHA-256 layouts) through
 * cvet_lockfile__git_index_gitlinks, in memory */
#include "fuzz.h"
#include "deps/lockfile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const size_t hash_lens[] = {20, 32};
	for (size_t h = 0; h < 2; h++) {
		cvet_lf_gitlink *g = NULL;
		size_t n = 0;
		if (cvet_lockfile__git_index_gitlinks(data, size, hash_lens[h], &g, &n) == 0) {
			for (size_t i = 0; i < n; i++)
				FUZZ_CHECK(g[i].path != NULL && strlen(g[i].commit) == 2 * hash_lens[h]);
			cvet_lockfile__gitlinks_free(g, n);
		}
	}
	cvet_error_clear();
	return 0;
}
