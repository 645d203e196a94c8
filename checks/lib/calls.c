/* calls.c - check helpers: who a call calls (libc or a plain C API, by name) and its arguments */
#include <stdlib.h>
#include <string.h>
#include <clang-c/Index.h>
#include "code/cx.h"
#include "lib/calls.h"

int cvet_calls__name_in(const char *name, const char *const *list)
{
	if (!name)
		return 0;
	for (; *list; list++)
		if (strcmp(name, *list) == 0)
			return 1;
	return 0;
}

int cvet_calls__find_row(const char *name, const void *rows, size_t n, size_t stride)
{
	const unsigned char *p = rows;
	if (!name)
		return -1;
	for (size_t i = 0; i < n; i++) {
		const char *row_name;
		memcpy(&row_name, p + i * stride, sizeof row_name);
		if (row_name && strcmp(row_name, name) == 0)
			return (int)i;
	}
	return -1;
}

int cvet_calls__is_libc(const cvet_event *ev)
{
	CXCursor callee, parent;
	if (!ev || !ev->call)
		return 0;
	callee = ev->call->callee;
	if (cx_is_null(callee)) {
		/* unresolved (template-dependent) call: fine unless it is a member call, obj.printf(x) */
		CXCursor fn = cx_strip(cx_child(ev->call->expr, 0));
		return fn.kind != CXCursor_MemberRefExpr;
	}
	if (callee.kind != CXCursor_FunctionDecl)
		return 0;
	parent = clang_getCursorSemanticParent(callee);
	switch (parent.kind) {
	case CXCursor_TranslationUnit:
	case CXCursor_LinkageSpec:
		return 1;
	case CXCursor_Namespace: {
		char *ns = cx_spelling(parent);
		int ok = ns && strcmp(ns, "std") == 0;
		free(ns);
		if (ok) {
			CXCursor gp = clang_getCursorSemanticParent(parent);
			ok = gp.kind == CXCursor_TranslationUnit || gp.kind == CXCursor_LinkageSpec;
		}
		return ok;
	}
	default:
		return 0;
	}
}

CXCursor cvet_calls__arg(const cvet_event *ev, unsigned i)
{
	if (!ev || !ev->call || i >= ev->call->nargs || !ev->call->args)
		return clang_getNullCursor();
	return ev->call->args[i];
}

const char *cvet_calls__display_name(const char *name, char *buf, size_t n)
{
	size_t len;
	if (!name || n == 0)
		return "";
	if (strncmp(name, "__builtin___", 12) == 0)
		name += 12;
	else if (strncmp(name, "__builtin_", 10) == 0)
		name += 10;
	else if (strncmp(name, "__isoc99_", 9) == 0 || strncmp(name, "__isoc23_", 9) == 0)
		name += 9;
	else if (strncmp(name, "__", 2) == 0 && strlen(name) > 6 && strcmp(name + strlen(name) - 4, "_chk") == 0)
		name += 2;
	len = strlen(name);
	if (len > 4 && strcmp(name + len - 4, "_chk") == 0)
		len -= 4;
	if (len >= n)
		len = n - 1;
	memcpy(buf, name, len);
	buf[len] = '\0';
	return buf;
}

int cvet_calls__is_c_api(const cvet_event *ev)
{
	CXCursor callee, parent;
	if (!ev || !ev->call)
		return 0;
	callee = ev->call->callee;
	if (cx_is_null(callee))
		return 1; /* implicit declaration or unresolved: the name is all we have */
	if (callee.kind != CXCursor_FunctionDecl)
		return 0;
	if (!cx_is_null(clang_getSpecializedCursorTemplate(callee)))
		return 0; /* std::bind<...> and friends */
	parent = clang_getCursorSemanticParent(callee);
	if (cx_is_null(parent) || parent.kind == CXCursor_TranslationUnit || parent.kind == CXCursor_LinkageSpec)
		return 1;
	if (parent.kind == CXCursor_Namespace) {
		char *ns = cx_spelling(parent);
		int ok = ns && strcmp(ns, "std") == 0 &&
			 clang_getCursorSemanticParent(parent).kind == CXCursor_TranslationUnit;
		free(ns);
		return ok;
	}
	return 0;
}

int cvet_calls__arg_int(const cvet_event *ev, unsigned i, long long *out)
{
	CXCursor a = cvet_calls__arg(ev, i);
	if (cx_is_null(a))
		return 0;
	return cx_int_const(a, out);
}

int cvet_calls__arg_string(const cvet_event *ev, unsigned i, char **out)
{
	CXCursor a = cvet_calls__arg(ev, i);
	if (out)
		*out = NULL;
	if (cx_is_null(a))
		return 0;
	return cx_string_literal(a, out);
}

int cvet_calls__arg_is_null(const cvet_event *ev, unsigned i)
{
	CXCursor a = cvet_calls__arg(ev, i), s;
	long long v;
	if (cx_is_null(a))
		return 0;
	s = cx_strip_casts(a);
	if (s.kind == CXCursor_CXXNullPtrLiteralExpr || s.kind == CXCursor_GNUNullExpr)
		return 1;
	if (s.kind == CXCursor_StringLiteral)
		return 0;
	return cx_int_const(s, &v) && v == 0 && !cx_string_literal(a, NULL);
}

static int is_function_cursor(enum CXCursorKind k)
{
	return k == CXCursor_FunctionDecl || k == CXCursor_CXXMethod || k == CXCursor_Constructor ||
	       k == CXCursor_Destructor || k == CXCursor_ConversionFunction || k == CXCursor_FunctionTemplate ||
	       k == CXCursor_LambdaExpr || k == CXCursor_ObjCInstanceMethodDecl || k == CXCursor_ObjCClassMethodDecl;
}

CXCursor cvet_calls__event_function(const cvet_event *ev)
{
	if (!ev)
		return clang_getNullCursor();
	if (is_function_cursor(ev->cursor.kind))
		return ev->cursor;
	return ev->function;
}

char *cvet_calls__callee_name(CXCursor call)
{
	CXCursor callee;
	if (call.kind != CXCursor_CallExpr)
		return NULL;
	callee = clang_getCursorReferenced(call);
	if (!cx_is_null(callee)) {
		if (callee.kind != CXCursor_FunctionDecl && callee.kind != CXCursor_FunctionTemplate)
			return NULL;
		return cx_spelling(callee);
	}
	/* implicit or unresolved declaration: the written name */
	return cx_spelling(call);
}

int cvet_calls__is_libc_decl(CXCursor callee)
{
	CXCursor p;
	if (cx_is_null(callee))
		return 1;
	if (callee.kind != CXCursor_FunctionDecl)
		return 0;
	p = clang_getCursorSemanticParent(callee);
	if (cx_is_null(p) || p.kind == CXCursor_TranslationUnit || p.kind == CXCursor_LinkageSpec)
		return 1;
	if (p.kind == CXCursor_Namespace) {
		char *ns = cx_spelling(p);
		int std = ns && strcmp(ns, "std") == 0;
		free(ns);
		return std;
	}
	return 0;
}

int cvet_calls__call_in(CXCursor e, const char *const *names)
{
	CXCursor c = cx_strip_casts(e);
	char *name;
	int found = -1;
	if (c.kind != CXCursor_CallExpr)
		return -1;
	name = cvet_calls__callee_name(c);
	if (!name)
		return -1;
	for (int i = 0; names[i]; i++)
		if (strcmp(names[i], name) == 0) {
			found = i;
			break;
		}
	free(name);
	if (found >= 0 && !cvet_calls__is_libc_decl(clang_getCursorReferenced(c)))
		found = -1;
	return found;
}

CXCursor cvet_calls__call_arg(CXCursor call, unsigned i)
{
	int n;
	if (call.kind != CXCursor_CallExpr)
		return clang_getNullCursor();
	n = clang_Cursor_getNumArguments(call);
	if (n < 0 || i >= (unsigned)n)
		return clang_getNullCursor();
	return clang_Cursor_getArgument(call, i);
}
