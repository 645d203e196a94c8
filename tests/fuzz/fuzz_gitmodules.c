/* fuzz_gitmodules.c - .gitmodules (git-config syntax) through cvet_lockfile__gitmodules_paths and
 * cvet_lockfile__gitmodules, the latter in a fixed work tree whose index pins "lib" and whose submodule git
 * dir has tags, so submodule entries naming that path go on to the tag lookups */
#include "fuzz_git.h"
#include "deps/lockfile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *repo = fuzz_git_repo();
	char *text = fuzz_text(data, size);
	char **paths = NULL;
	size_t npaths = 0;
	if (cvet_lockfile__gitmodules_paths(".gitmodules", text, size, &paths, &npaths) == 0) {
		for (size_t i = 0; i < npaths; i++)
			free(paths[i]);
		free(paths);
	}
	cvet_lf_list l = {0};
	(void)cvet_lockfile__gitmodules(repo, repo, NULL, ".gitmodules", text, size, &l);
	cvet_lockfile__list_clear(&l);
	free(text);
	cvet_error_clear();
	return 0;
}
