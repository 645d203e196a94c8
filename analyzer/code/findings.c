/* findings.c - what checks call to report: findings, dataflow steps and endpoints of the TU being walked */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <clang-c/Index.h>
#include "code/check.h"
#include "code/cx.h"
#include "code/cx_text.h"
#include "code/tu.h"
#include "code/tu_int.h"

/* ---- function names ---- */

int cvet_findings__is_function_kind(enum CXCursorKind k)
{
	return k == CXCursor_FunctionDecl || k == CXCursor_CXXMethod || k == CXCursor_Constructor ||
	       k == CXCursor_Destructor || k == CXCursor_FunctionTemplate || k == CXCursor_ConversionFunction;
}

/* malloc'd name of a function definition: "name", or "Class::name" for members; NULL on OOM. */
char *cvet_findings__function_name(CXCursor fn)
{
	char *name = cx_spelling(fn), *cls, *out;
	CXCursor p;
	size_t a, b;
	if (!name || fn.kind == CXCursor_FunctionDecl)
		return name;
	p = clang_getCursorSemanticParent(fn);
	if (p.kind != CXCursor_ClassDecl && p.kind != CXCursor_StructDecl && p.kind != CXCursor_ClassTemplate &&
	    p.kind != CXCursor_UnionDecl && p.kind != CXCursor_ClassTemplatePartialSpecialization)
		return name;
	cls = cx_spelling(p);
	if (!cls || !*cls || cls[0] == '(') { /* "(lambda at f.cpp:3:5)", "(anonymous struct at ...)": no lines */
		free(cls);
		return name;
	}
	a = strlen(cls);
	b = strlen(name);
	out = malloc(a + b + 3);
	if (out) {
		memcpy(out, cls, a);
		memcpy(out + a, "::", 2);
		memcpy(out + a + 2, name, b + 1);
	}
	free(cls);
	free(name);
	return out;
}

/* 1 for the operator() of a lambda's closure class: the enclosing named function owns its body. */
static int is_lambda_call_operator(CXCursor fn)
{
	CXCursor p;
	char *cls;
	int lambda;
	if (fn.kind != CXCursor_CXXMethod)
		return 0;
	p = clang_getCursorSemanticParent(fn);
	cls = cx_spelling(p);
	lambda = cls && strncmp(cls, "(lambda", 7) == 0;
	free(cls);
	return lambda;
}

/* malloc'd name of the function definition enclosing c (by semantic parents), or NULL. */
static char *enclosing_function(cvet_tu *tu, CXCursor c)
{
	CXCursor p = c;
	for (int i = 0; i < 64 && !cx_is_null(p) && p.kind != CXCursor_TranslationUnit; i++) {
		if (cvet_findings__is_function_kind(p.kind) && clang_isCursorDefinition(p) && !is_lambda_call_operator(p))
			return cvet_findings__function_name(p);
		p = clang_getCursorSemanticParent(p);
	}
	return tu->function_name ? cvet_tu__dup(tu->function_name) : NULL;
}

/* ---- reporting ---- */

static int check_enabled(const cvet_tu *tu, const cvet_check *check)
{
	for (size_t i = 0; i < tu->nchecks; i++)
		if (tu->checks[i] == check)
			return 1;
	return 0;
}

/* Create a finding with rule metadata and an owned message; not yet added. NULL on OOM. */
cvet_finding *cvet_findings__new(const cvet_rule *rule, char *message)
{
	cvet_finding *f;
	if (!message)
		return NULL;
	f = cvet_finding_new();
	if (!f) {
		free(message);
		return NULL;
	}
	f->rule_id = cvet_tu__dup(rule->id);
	f->kind = CVET_KIND_CODE;
	f->severity = rule->severity;
	for (int i = 0; i < CVET_MAX_CWE; i++)
		f->cwe[i] = rule->cwe[i];
	f->message = message;
	if (!f->rule_id) {
		cvet_finding_free(f);
		return NULL;
	}
	return f;
}

/* Add f to the report; returns f (owned by the report) or NULL (freed) on OOM. */
static cvet_finding *add_finding(cvet_tu *tu, cvet_finding *f)
{
	if (!f) {
		tu->oom = 1;
		return NULL;
	}
	if (cvet_report_add(tu->out, f) < 0) {
		tu->oom = 1;
		return NULL;
	}
	return f;
}

cvet_finding *cvet_tu_report(cvet_tu *tu, const cvet_check *check, CXCursor at, const char *fmt, ...)
{
	cvet_location loc;
	cvet_finding *f;
	va_list ap;
	char *msg, *snippet;
	if (!tu || !check || !fmt || !check_enabled(tu, check) || cx_is_null(at))
		return NULL;
	if (!cvet_tu__cursor_location(tu, at, &loc))
		return NULL;
	va_start(ap, fmt);
	msg = cvet_tu__vformat_line(MAX_MESSAGE_BYTES, fmt, ap);
	va_end(ap);
	f = cvet_findings__new(&check->rule, msg);
	if (!f) {
		cvet_location_clear(&loc);
		tu->oom = 1;
		return NULL;
	}
	f->loc = loc;
	f->function = enclosing_function(tu, at);
	snippet = cx_text(tu, at);
	if (snippet)
		cvet_tu__cut_utf8(snippet, MAX_SNIPPET_BYTES);
	f->snippet = snippet;
	return add_finding(tu, f);
}

cvet_finding *cvet_tu_report_at(cvet_tu *tu, const cvet_check *check, const char *path, unsigned line,
				unsigned column, const char *snippet, const char *fmt, ...)
{
	cvet_finding *f;
	va_list ap;
	char *msg;
	if (!tu || !check || !path || !fmt || !check_enabled(tu, check))
		return NULL;
	va_start(ap, fmt);
	msg = cvet_tu__vformat_line(MAX_MESSAGE_BYTES, fmt, ap);
	va_end(ap);
	f = cvet_findings__new(&check->rule, msg);
	if (!f) {
		tu->oom = 1;
		return NULL;
	}
	f->loc.path = cvet_tu__dup(path);
	f->loc.line = line;
	f->loc.column = column;
	if (snippet) {
		f->snippet = cvet_tu__dup(snippet);
		if (f->snippet)
			cvet_tu__cut_utf8(f->snippet, MAX_SNIPPET_BYTES);
	}
	if (!f->loc.path) {
		cvet_finding_free(f);
		f = NULL;
	}
	return add_finding(tu, f);
}

int cvet_tu_add_step(cvet_tu *tu, cvet_finding *f, CXCursor at, const char *fmt, ...)
{
	cvet_location loc;
	cvet_location *steps;
	va_list ap;
	if (!tu || !f || !fmt || f->nsteps >= MAX_STEPS)
		return 0;
	if (!cvet_tu__cursor_location(tu, at, &loc))
		return tu->oom ? CVET_ENOMEM : 0;
	va_start(ap, fmt);
	loc.message = cvet_tu__vformat_line(MAX_MESSAGE_BYTES, fmt, ap);
	va_end(ap);
	steps = loc.message ? reallocarray(f->steps, f->nsteps + 1, sizeof(*steps)) : NULL;
	if (!steps) {
		cvet_location_clear(&loc);
		tu->oom = 1;
		return CVET_ENOMEM;
	}
	f->steps = steps;
	f->steps[f->nsteps++] = loc;
	return 0;
}

void cvet_tu_add_endpoint(cvet_tu *tu, CXCursor at, const char *api, const char *address, int port)
{
	cvet_endpoint *e;
	if (!tu || !api)
		return;
	e = calloc(1, sizeof(*e));
	if (!e) {
		tu->oom = 1;
		return;
	}
	if (!cvet_tu__cursor_location(tu, at, &e->loc)) {
		free(e);
		return;
	}
	e->api = cvet_tu__dup(api);
	e->address = address ? cvet_tu__dup(address) : NULL;
	e->port = port;
	e->function = enclosing_function(tu, at);
	if (!e->api || (address && !e->address)) {
		cvet_endpoint_free(e);
		tu->oom = 1;
		return;
	}
	if (cvet_report_add_endpoint(tu->out, e) < 0)
		tu->oom = 1;
}
