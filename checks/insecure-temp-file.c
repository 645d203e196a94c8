/* insecure-temp-file.c - flags temporary-file name generators and malformed mkstemp templates (CWE-377) */
#include <stdlib.h>
#include <string.h>
#include "code/check.h"
#include "code/cx.h"
#include "lib/calls.h"
#include "lib/buffers.h"
#include "lib/literals.h"

extern const cvet_check cvet_check_insecure_temp_file;

/* Functions that only make up a name: the file is created later, by which time someone else may own it. */
static const char *const name_only[] = {
	"mktemp", "tmpnam", "tmpnam_r", "tempnam", "_mktemp", "_tempnam", "_wmktemp", "_wtmpnam", "_wtempnam", NULL,
};

/* Template functions: {name, argument holding the suffix length, or -1}. */
static const struct {
	const char *name;
	int suffix_arg;
} template_fns[] = {
	{"mkstemp", -1}, {"mkostemp", -1}, {"mkdtemp", -1}, {"mkstemps", 1}, {"mkostemps", 1},
};

/* The template text of an argument: a literal, or an array initialised from one. malloc'd, or NULL. */
static char *template_text(CXCursor arg)
{
	char *s = NULL;
	CXCursor root;
	if (cx_string_literal(arg, &s))
		return s;
	root = cvet_buffers__root_var(arg);
	if (cx_strip_casts(arg).kind == CXCursor_DeclRefExpr && !cx_is_null(root) &&
	    cvet_literals__var_init(root, &s))
		return s;
	return NULL;
}

static void on_call(cvet_tu *tu, void *state, const cvet_event *ev)
{
	const char *name = ev->call->name;
	int row;
	(void)state;
	if (cvet_calls__name_in(name, name_only)) {
		if (!cvet_calls__is_libc(ev))
			return;
		cvet_tu_report(tu, &cvet_check_insecure_temp_file, ev->call->expr,
			       "'%s' only makes up a name that another process can create first; use 'mkstemp' "
			       "(or 'tmpfile')", name);
		return;
	}
	row = cvet_calls__find_row(name, template_fns, sizeof template_fns / sizeof template_fns[0],
				     sizeof template_fns[0]);
	if (row >= 0 && cvet_calls__is_libc(ev) && ev->call->nargs >= 1) {
		char *tmpl = template_text(ev->call->args[0]);
		long long suffix = 0;
		size_t len, i;
		int bad = 0;
		if (!tmpl)
			return;
		if (template_fns[row].suffix_arg >= 0 &&
		    !cx_int_const(cvet_calls__arg(ev, (unsigned)template_fns[row].suffix_arg), &suffix)) {
			free(tmpl);
			return;
		}
		len = strlen(tmpl);
		if (suffix < 0 || (unsigned long long)suffix > len || len - (size_t)suffix < 6) {
			bad = 1;
		} else {
			for (i = len - (size_t)suffix - 6; i < len - (size_t)suffix; i++)
				if (tmpl[i] != 'X')
					bad = 1;
		}
		if (bad)
			cvet_tu_report(tu, &cvet_check_insecure_temp_file, ev->call->args[0],
				       "template of '%s' must end with six 'X' characters%s; otherwise the call fails "
				       "or the name is guessable", name, suffix > 0 ? " before the suffix" : "");
		free(tmpl);
	}
}

const cvet_check cvet_check_insecure_temp_file = {
	.rule = {.id = "insecure-temp-file",
		 .title = "Predictable or racy temporary file name",
		 .severity = CVET_SEV_MEDIUM,
		 .cwe = {377},
		 .precision = CVET_PRECISION_VERY_HIGH},
	.on_call = on_call,
};
