/* tu.h - the context of the translation unit being walked, as the cx helpers and the checks see it */
#ifndef CVET_CODE_TU_H
#define CVET_CODE_TU_H

#include <stddef.h>
#include <clang-c/Index.h>

typedef struct cvet_tu cvet_tu; /* per-translation-unit context, owned by the walker (code/tu_int.h) */

typedef struct cvet_walk_options {
	const char *const *roots;     /* absolute, real paths: files under these (not system headers) are project files */
	size_t nroots;
	const char *report_root;      /* absolute real path finding paths are made relative to (usually cwd) */
	const unsigned char *enabled; /* enabled[i] != 0 for check i (cvet__checks_at order); NULL = all */
	/* called once per project file the TU touched (report-relative path), e.g. to scan suppressions; may be NULL */
	void (*on_project_file)(void *ud, const char *path);
	void *ud;
	struct cvet_flow *flow;       /* when set, every project function is lowered into this program */
	/* an editor's unsaved buffer: when the main file's real path is unsaved_path, libclang parses these bytes
	 * instead of the file's (lent; NULL = none) */
	const char *unsaved_path;
	const char *unsaved_text;
	size_t unsaved_len;
	/* when set, called once for every file the TU read (the main file, project and system headers) with
	 * its name as libclang opened it (absolute when libclang knew it so) and the bytes libclang parsed
	 * (lent for the call; NULL when libclang cannot give them): what the incremental cache keys a unit's
	 * result on (scan/cache.h). A call with a NULL name says the TU had an error (its result is not kept). */
	void (*on_included_file)(void *ud, const char *name, const char *text, size_t len);
} cvet_walk_options;

/* The libclang TU, for cx helpers. */
CXTranslationUnit cvet_tu_cx(cvet_tu *tu);

/* Report path (lent, valid while the TU lives) and 1-based line/column of the cursor as findings place it;
 * NULL when it is not in a project file. *in_macro (may be NULL) is set when only the expansion site is. */
const char *cvet_tu_where(cvet_tu *tu, CXCursor c, unsigned *line, unsigned *column, int *in_macro);

/* 1 when the cursor's expansion location is in a project file. */
int cvet_tu_in_project(cvet_tu *tu, CXCursor c);

/*
 * Bytes of a file of the TU being walked (libclang's buffer, lent until the TU is disposed), cached per
 * file: clang_getFileContents searches the TU's source entries linearly for anything but the main file.
 * NULL (and *len 0) when unavailable.
 */
const char *cvet_tu__file_text(cvet_tu *tu, CXFile file, size_t *len);

#endif
