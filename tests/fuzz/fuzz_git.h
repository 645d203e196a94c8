/* fuzz_git.h - a small fixed git work tree in the scratch folder for the git fuzz targets: an index with one
 * gitlink ("lib" at COMMIT), the submodule's git dir under .git/modules/lib with a packed-refs file naming a
 * lightweight tag at COMMIT and an annotated tag object TAG_OBJ (peeled through objects/), and a loose tag. */
#ifndef CVET_FUZZ_GIT_H
#define CVET_FUZZ_GIT_H

#include "fuzz.h"

#define FUZZ_COMMIT "0123456789abcdef0123456789abcdef01234567"
#define FUZZ_TAG_OBJ "89abcdef0123456789abcdef0123456789abcdef"
#define FUZZ_TAG_OBJ_FILE "repo/.git/modules/lib/objects/89/abcdef0123456789abcdef0123456789abcdef"
#define FUZZ_PACKED_REFS "repo/.git/modules/lib/packed-refs"

static const char FUZZ_GITMODULES[] = "[submodule \"lib\"]\n\tpath = lib\n\turl = https://github.com/madler/zlib.git\n";

static inline void put_be32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

/* Build the tree once; returns the work tree's path (the folder holding .gitmodules). */
static inline const char *fuzz_git_repo(void)
{
	static char repo[4200];
	if (repo[0])
		return repo;
	fuzz_mkdirs("repo/lib");
	fuzz_mkdirs("repo/.git/modules/lib/objects/89");
	fuzz_mkdirs("repo/.git/modules/lib/refs/tags");
	/* index v2 with one entry: 40 bytes of stat data (mode at offset 24), the hash, flags, "lib", NUL padding */
	unsigned char idx[12 + 72 + 20];
	memset(idx, 0, sizeof(idx));
	memcpy(idx, "DIRC", 4);
	put_be32(idx + 4, 2);
	put_be32(idx + 8, 1);
	unsigned char *e = idx + 12;
	put_be32(e + 24, 0160000);
	for (int i = 0; i < 20; i++) {
		unsigned hi = (unsigned)(FUZZ_COMMIT[2 * i] <= '9' ? FUZZ_COMMIT[2 * i] - '0' : FUZZ_COMMIT[2 * i] - 'a' + 10);
		unsigned lo = (unsigned)(FUZZ_COMMIT[2 * i + 1] <= '9' ? FUZZ_COMMIT[2 * i + 1] - '0'
									: FUZZ_COMMIT[2 * i + 1] - 'a' + 10);
		e[40 + i] = (unsigned char)(hi << 4 | lo);
	}
	e[61] = 3;
	memcpy(e + 62, "lib", 3);
	fuzz_write("repo/.git/index", idx, sizeof(idx));
	fuzz_write("repo/.gitmodules", FUZZ_GITMODULES, sizeof(FUZZ_GITMODULES) - 1);
	static const char refs[] = "# pack-refs with: peeled fully-peeled sorted\n" FUZZ_TAG_OBJ " refs/tags/v2.0\n"
				   "1111111111111111111111111111111111111111 refs/tags/other\n";
	fuzz_write(FUZZ_PACKED_REFS, refs, sizeof(refs) - 1);
	fuzz_write("repo/.git/modules/lib/refs/tags/v1.0", FUZZ_COMMIT "\n", 41);
	fuzz_path(repo, sizeof(repo), "repo");
	return repo;
}

#endif
