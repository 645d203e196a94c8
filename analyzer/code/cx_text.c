/* cx_text.c - source text of cursors (exact extent bytes, macro names) through the TU's per-file cache */
#include <stdlib.h>
#include <string.h>
#include <clang-c/Index.h>
#include "code/cx.h"
#include "code/cx_text.h"
#include "code/tu.h"

/* Bytes of `file`; NULL when unavailable. Lent by libclang; through the walker's per-file cache when
 * wtu (the walker's TU) is given. */
static const char *file_bytes(cvet_tu *wtu, CXTranslationUnit tu, CXFile file, size_t *len)
{
	*len = 0;
	if (!file)
		return NULL;
	if (wtu)
		return cvet_tu__file_text(wtu, file, len);
	return tu ? clang_getFileContents(tu, file, len) : NULL;
}

/* Text between two locations of one file: 1 with *out malloc'd, 0 when they do not form a range. */
static int text_between(cvet_tu *wtu, CXTranslationUnit tu, CXFile fa, unsigned oa, CXFile fb, unsigned ob,
			char **out)
{
	size_t len;
	const char *buf;
	char *s;
	if (!fa || !fb || !clang_File_isEqual(fa, fb) || ob < oa)
		return 0;
	buf = file_bytes(wtu, tu, fa, &len);
	if (!buf || ob > len)
		return 0;
	s = malloc((size_t)(ob - oa) + 1);
	if (!s)
		return 0;
	memcpy(s, buf + oa, ob - oa);
	s[ob - oa] = '\0';
	*out = s;
	return 1;
}

/* Exact source bytes of c's extent: file locations first (macro arguments as written, macro bodies as their
 * expansion), then expansion locations. malloc'd; NULL when the extent spans files or on OOM. tu may be NULL. */
char *cx_text(cvet_tu *tu, CXCursor c)
{
	CXTranslationUnit ctu = tu ? cvet_tu_cx(tu) : clang_Cursor_getTranslationUnit(c);
	CXSourceRange r;
	CXSourceLocation a, b;
	CXFile fa = NULL, fb = NULL;
	unsigned oa = 0, ob = 0;
	char *out = NULL;
	if (cx_is_null(c) || !ctu)
		return NULL;
	r = clang_getCursorExtent(c);
	if (clang_Range_isNull(r))
		return NULL;
	a = clang_getRangeStart(r);
	b = clang_getRangeEnd(r);
	clang_getFileLocation(a, &fa, NULL, NULL, &oa);
	clang_getFileLocation(b, &fb, NULL, NULL, &ob);
	if (text_between(tu, ctu, fa, oa, fb, ob, &out))
		return out;
	clang_getExpansionLocation(a, &fa, NULL, NULL, &oa);
	clang_getExpansionLocation(b, &fb, NULL, NULL, &ob);
	if (text_between(tu, ctu, fa, oa, fb, ob, &out))
		return out;
	return NULL;
}

static int is_ident_char(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '$';
}

/* cx_macro_name for exactly this cursor (no stripping): the identifier written at the file location of the
 * extent start, when that token came from a macro body (its spelling location differs). */
static char *macro_name_at(cvet_tu *tu, CXCursor c)
{
	CXTranslationUnit ctu = tu ? cvet_tu_cx(tu) : clang_Cursor_getTranslationUnit(c);
	CXSourceLocation loc;
	CXFile ff = NULL, sf = NULL;
	unsigned fo = 0, so = 0;
	size_t len, e;
	const char *buf;
	char *out;
	if (cx_is_null(c) || !ctu)
		return NULL;
	loc = clang_getRangeStart(clang_getCursorExtent(c));
	if (clang_equalLocations(loc, clang_getNullLocation()))
		return NULL;
	/* file location: where the outermost written token is (macro arguments map to where they were written);
	 * spelling location: where the first token was really spelled. They differ only inside a macro body. */
	clang_getFileLocation(loc, &ff, NULL, NULL, &fo);
	clang_getSpellingLocation(loc, &sf, NULL, NULL, &so);
	if (!ff || (sf && clang_File_isEqual(ff, sf) && fo == so))
		return NULL;
	buf = file_bytes(tu, ctu, ff, &len);
	if (!buf || fo >= len || !is_ident_char(buf[fo]) || (buf[fo] >= '0' && buf[fo] <= '9'))
		return NULL;
	for (e = fo; e < len && e - fo < 256 && is_ident_char(buf[e]); e++)
		;
	out = malloc(e - fo + 1);
	if (!out)
		return NULL;
	memcpy(out, buf + fo, e - fo);
	out[e - fo] = '\0';
	return out;
}

char *cx_macro_name(cvet_tu *tu, CXCursor c)
{
	char *name = macro_name_at(tu, c);
	CXCursor s;
	if (name || cx_is_null(c))
		return name;
	/* "(int)SSL_VERIFY_NONE": the cast starts in user text, its operand in the macro */
	s = cx_strip_casts(c);
	return clang_equalCursors(s, c) ? NULL : macro_name_at(tu, s);
}
