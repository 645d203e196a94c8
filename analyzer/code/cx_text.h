/* cx_text.h - source text of cursors, read through the walked TU's per-file cache (implemented in cx_text.c) */
#ifndef CVET_CODE_CX_TEXT_H
#define CVET_CODE_CX_TEXT_H

#include <clang-c/Index.h>
#include "code/tu.h"

/* malloc'd exact source text of the cursor's extent (after macro expansion location mapping), or NULL. */
char *cx_text(cvet_tu *tu, CXCursor c);

/* Name of the macro the cursor's location was expanded from, if it starts inside a macro expansion
 * (e.g. "INADDR_ANY"), as malloc'd text; NULL when not a macro. */
char *cx_macro_name(cvet_tu *tu, CXCursor c);

#endif
