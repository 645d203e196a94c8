/* privilege-drop-unchecked.c - setuid/setgid-family calls whose result is thrown away (CWE-252) */
#include <stdlib.h>
#include <string.h>
#include "code/check.h"
#include "code/cx.h"
#include "lib/calls.h"

extern const cvet_check cvet_check_privilege_drop_unchecked;

static const char *const drop_calls[] = {
	"setuid", "setgid", "seteuid", "setegid", "setreuid", "setregid",
	"setresuid", "setresgid", "setgroups", "initgroups", NULL,
};

/* 1 when `call` is the first expression child of `stmt` (the condition of if/while/switch). */
static int is_condition(CXCursor stmt, CXCursor call)
{
	unsigned n = cx_child_count(stmt);
	for (unsigned i = 0; i < n; i++) {
		CXCursor k = cx_child(stmt, i);
		if (clang_isExpression(k.kind))
			return clang_equalCursors(k, call);
	}
	return 0;
}

/* 1 when a call whose AST parent is `parent` discards its result. */
static int result_ignored(CXCursor parent, CXCursor call)
{
	switch (parent.kind) {
	case CXCursor_CompoundStmt:
	case CXCursor_LabelStmt:
	case CXCursor_CaseStmt:
	case CXCursor_DefaultStmt:
		return 1;
	case CXCursor_IfStmt:
	case CXCursor_WhileStmt:
		return !is_condition(parent, call);
	case CXCursor_CStyleCastExpr:
	case CXCursor_CXXStaticCastExpr:
		return clang_getCanonicalType(clang_getCursorType(parent)).kind == CXType_Void;
	default:
		return 0;
	}
}

static void on_call(cvet_tu *tu, void *state, const cvet_event *ev)
{
	(void)state;
	if (!cvet_calls__name_in(ev->call->name, drop_calls) || !cvet_calls__is_c_api(ev))
		return;
	if (!result_ignored(ev->parent, ev->call->expr))
		return;
	cvet_tu_report(tu, &cvet_check_privilege_drop_unchecked, ev->call->expr,
		       "result of '%s' is ignored: if the call fails the process keeps its privileges; "
		       "check the return value and stop on failure",
		       ev->call->name);
}

const cvet_check cvet_check_privilege_drop_unchecked = {
	.rule = {.id = "privilege-drop-unchecked",
		 .title = "Privilege-changing call whose result is not checked",
		 .severity = CVET_SEV_HIGH,
		 .cwe = {252, 273},
		 .precision = CVET_PRECISION_VERY_HIGH},
	.on_call = on_call,
};
