/* fuzz_git_object.c - a loose git object (zlib header + raw DEFLATE + Adler-32) holding an annotated tag: the
 * input replaces the object packed-refs names, so cvet_lockfile__gitmodules peels it (path-based reader);
 * the input also goes straight into the DEFLATE decoder, cvet_inflate__raw */
#include "fuzz_git.h"
#include "advdb/advdb_int.h"
#include "deps/lockfile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *repo = fuzz_git_repo();
	fuzz_write(FUZZ_TAG_OBJ_FILE, data, size);
	cvet_lf_list l = {0};
	(void)cvet_lockfile__gitmodules(repo, repo, NULL, ".gitmodules", FUZZ_GITMODULES, sizeof(FUZZ_GITMODULES) - 1, &l);
	cvet_lockfile__list_clear(&l);

	unsigned char *out = NULL;
	size_t outlen = 0;
	if (cvet_inflate__raw(data, size, 1u << 20, &out, &outlen) == 0) {
		FUZZ_CHECK(outlen <= (1u << 20) && out[outlen] == '\0');
		free(out);
	}
	cvet_error_clear();
	return 0;
}
