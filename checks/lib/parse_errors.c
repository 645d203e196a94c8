/* parse_errors.c - check helpers: where libclang reported errors, so checks skip bodies it may have cut short */
#include <stdlib.h>
#include <string.h>
#include <clang-c/Index.h>
#include "code/cx.h"
#include "lib/parse_errors.h"

void cvet_parse_errors__free(cvet_parse_errors *e)
{
	if (!e)
		return;
	free(e->files);
	free(e->offs);
	memset(e, 0, sizeof(*e));
}

void cvet_parse_errors__load(cvet_tu *tu, cvet_parse_errors *e)
{
	CXTranslationUnit ctu = cvet_tu_cx(tu);
	unsigned n;
	cvet_parse_errors__free(e);
	if (!ctu)
		return;
	n = clang_getNumDiagnostics(ctu);
	for (unsigned i = 0; i < n && !e->fatal; i++) {
		CXDiagnostic d = clang_getDiagnostic(ctu, i);
		enum CXDiagnosticSeverity sev = clang_getDiagnosticSeverity(d);
		if (sev == CXDiagnostic_Fatal) {
			e->fatal = 1;
		} else if (sev == CXDiagnostic_Error) {
			if (!e->files) {
				e->files = malloc(4096 * sizeof(*e->files));
				e->offs = malloc(4096 * sizeof(*e->offs));
			}
			if (!e->files || !e->offs || e->n >= 4096) {
				e->fatal = 1;
			} else {
				CXFile f = NULL;
				unsigned off = 0;
				clang_getExpansionLocation(clang_getDiagnosticLocation(d), &f, NULL, NULL, &off);
				e->files[e->n] = f;
				e->offs[e->n++] = off;
			}
		}
		clang_disposeDiagnostic(d);
	}
}

int cvet_parse_errors__body_unreliable(const cvet_parse_errors *e, CXCursor fn)
{
	CXSourceRange r;
	CXFile ff = NULL;
	unsigned fb = 0, fe = 0;
	if (e->fatal)
		return 1;
	if (!e->n)
		return 0;
	r = clang_getCursorExtent(fn);
	clang_getExpansionLocation(clang_getRangeStart(r), &ff, NULL, NULL, &fb);
	clang_getExpansionLocation(clang_getRangeEnd(r), NULL, NULL, NULL, &fe);
	for (size_t i = 0; i < e->n; i++)
		if (e->files[i] && ff && clang_File_isEqual(e->files[i], ff) && e->offs[i] >= fb && e->offs[i] <= fe)
			return 1;
	return 0;
}
