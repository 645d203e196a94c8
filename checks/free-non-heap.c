/* free-non-heap.c - flags free()/realloc() of memory malloc never returned: &var, arrays, literals (CWE-590) */
#include <stdlib.h>
#include <string.h>
#include "code/check.h"
#include "code/cx.h"
#include "lib/calls.h"
#include "lib/text.h"
#include "lib/decls.h"

extern const cvet_check cvet_check_free_non_heap;

/* Functions whose first argument must come from the heap allocator. */
static const char *const freeers[] = {"free", "cfree", "realloc", "reallocarray", NULL};

/* Array-typed expression denoting a whole array object (arr, s.arr), or null. */
static CXCursor array_object(CXCursor e)
{
	CXCursor s = cx_strip_casts(e);
	if (s.kind != CXCursor_DeclRefExpr && s.kind != CXCursor_MemberRefExpr)
		return clang_getNullCursor();
	if (!cvet_decls__is_array_type(clang_getCursorType(s)))
		return clang_getNullCursor();
	return s;
}

static void on_call(cvet_tu *tu, void *state, const cvet_event *ev)
{
	const cvet_call *call = ev->call;
	CXCursor a, arr, owner = clang_getNullCursor();
	char *name = NULL, *what = NULL;
	const char *desc = NULL;
	int i;
	(void)state;
	for (i = 0; freeers[i]; i++)
		if (strcmp(call->name, freeers[i]) == 0)
			break;
	if (!freeers[i] || call->nargs < 1 || !cvet_calls__is_libc_decl(call->callee))
		return;
	a = cx_strip_casts(call->args[0]);
	if (a.kind == CXCursor_StringLiteral) {
		desc = "a string literal, which is static storage";
	} else if (a.kind == CXCursor_UnaryOperator && cx_unop(a) == CXUnaryOperator_AddrOf) {
		owner = cvet_decls__storage_owner(cx_child(a, 0));
		desc = "the address of";
	} else if (a.kind == CXCursor_BinaryOperator &&
		   (cx_binop(a) == CX_BO_Add || cx_binop(a) == CX_BO_Sub)) {
		arr = array_object(cx_child(a, 0));
		if (cx_is_null(arr) && cx_binop(a) == CX_BO_Add)
			arr = array_object(cx_child(a, 1));
		if (!cx_is_null(arr)) {
			owner = cvet_decls__storage_owner(arr);
			desc = "a pointer into";
		}
	} else {
		arr = array_object(a);
		if (!cx_is_null(arr)) {
			owner = cvet_decls__storage_owner(arr);
			desc = "the array";
		}
	}
	if (!desc)
		return;
	if (a.kind == CXCursor_StringLiteral) {
		cvet_tu_report(tu, &cvet_check_free_non_heap, call->args[0],
			       "'%s' is given %s; free only pointers returned by malloc, calloc or realloc",
			       call->name, desc);
		return;
	}
	if (cx_is_null(owner))
		return;
	name = cx_spelling(owner);
	what = cvet_text__short_or(tu, call->args[0], "the argument");
	if (name && what)
		cvet_tu_report(tu, &cvet_check_free_non_heap, call->args[0],
			       "'%s' is given '%s', which points into %s%s '%s', not memory from malloc; free only "
			       "pointers returned by malloc, calloc or realloc",
			       call->name, what, cvet_decls__storage_word(owner),
			       owner.kind == CXCursor_ParmDecl                    ? ""
			       : cvet_decls__is_array_type(clang_getCursorType(owner)) ? " array"
									   : " variable",
			       name);
	free(name);
	free(what);
}

const cvet_check cvet_check_free_non_heap = {
	.rule = {.id = "free-non-heap",
		 .title = "free() of memory that is not on the heap",
		 .severity = CVET_SEV_HIGH,
		 .cwe = {590},
		 .precision = CVET_PRECISION_VERY_HIGH},
	.on_call = on_call,
};
