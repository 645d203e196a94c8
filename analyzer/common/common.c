/* common.c - error codes, the thread-local error message, severity names */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "cvet/common.h"
#include "common/util.h"

static _Thread_local char last_error[1024];

const char *cvet_strerror(int code)
{
	switch (code) {
#define CVET_XX_CASE(name, value, msg) case value: return msg;
	CVET_ERROR_MAP(CVET_XX_CASE)
#undef CVET_XX_CASE
	default: return "unknown error";
	}
}

int cvet_error_setc(int code, const char *fmt, ...)
{
	char raw[sizeof(last_error)];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(raw, sizeof(raw), fmt, ap);
	va_end(ap);
	/* one line, always, and nothing a terminal acts on: messages quote hostile input (lockfile text,
	 * zip entry names, paths from the scanned tree), and main() prints them to stderr */
	cvet_util__escape_text(last_error, sizeof(last_error), raw);
	return code;
}

const char *cvet_error_last(void)
{
	return last_error;
}

void cvet_error_clear(void)
{
	last_error[0] = '\0';
}

static const char *const severity_names[] = {"note", "low", "medium", "high", "critical", "none"};

const char *cvet_severity_name(cvet_severity s)
{
	if ((unsigned)s > CVET_SEV_NONE)
		return "unknown";
	return severity_names[s];
}

int cvet_severity_parse(const char *name, cvet_severity *out)
{
	for (unsigned i = 0; i <= CVET_SEV_NONE; i++) {
		if (name && strcmp(name, severity_names[i]) == 0) {
			*out = (cvet_severity)i;
			return 0;
		}
	}
	return cvet_error_setc(CVET_EUSAGE, "unknown severity '%s' (expected critical, high, medium, low, note or none)",
			       name ? name : "");
}
