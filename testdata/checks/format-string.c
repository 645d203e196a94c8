/* Fixture for format-string: logging helpers and messages from input. */
#define _GNU_SOURCE /* POSIX and GNU declarations: popen, mkstemps, strtok_r, getrandom, ... */
#include <err.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>

#define _(s) gettext(s)
char *gettext(const char *msgid);
char *ngettext(const char *msgid, const char *plural, unsigned long n);

#define LOG_FMT "[%s] %d\n"
#define LOG(...) fprintf(stderr, __VA_ARGS__)

void app_log(int level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
void audit(const char *who, const char *fmt, ...) PRINTF_LIKE(2, 3);

static const char *const messages[] = {"ok %d\n", "failed %d\n"};
static const char banner_fmt[] = "%s version %d\n";

/* A printf-like wrapper: passing its own format on is not a bug. */
void app_log(int level, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);  // ok: format-string (wrapper forwards its format)
	va_end(ap);
	vsyslog(level, fmt, ap);  // ok: format-string
}

/* Not a wrapper: prints whatever text it is given. */
void show(const char *msg)
{
	printf(msg);  // expect: format-string
	fprintf(stderr, msg);  // expect: format-string
	syslog(LOG_ERR, msg);  // expect: format-string
	app_log(1, msg);  // expect: format-string
	LOG(msg);  // expect: format-string
	audit("show", msg);  // expect: format-string
	audit(msg, "%s", msg);  // ok: format-string
	printf("%s", msg);  // ok: format-string
	fputs(msg, stdout);  // ok: format-string
}

void show_copy(const char *msg, int width)
{
	char copy[128];
	char column[16];
	snprintf(copy, sizeof copy, "%s", msg);
	printf(copy);  // expect: format-string
	snprintf(column, sizeof column, "%%-%ds|\n", width);
	printf(column, msg);  // ok: format-string (built from constants and a number)
}

void show_status(int code, int failed)
{
	const char *fmt = failed ? "failed: %d\n" : "done: %d\n";
	const char *again;
	if (code)
		again = "retry %d\n";
	else
		again = "stop %d\n";
	printf(fmt, code);  // ok: format-string (conditional between literals)
	printf(again, code);  // ok: format-string (only ever assigned literals)
	printf(messages[failed != 0], code);  // ok: format-string (constant table)
	printf(banner_fmt, "cvet", 1);  // ok: format-string (constant array)
	printf(LOG_FMT, "x", code);  // ok: format-string (macro literal)
	printf(_("%d files\n"), code);  // ok: format-string (translated literal)
	warnx("code %d", code);  // ok: format-string
	printf(ngettext("%d file\n", "%d files\n", code), code);  // ok: format-string (translated literals)
	if (failed)
		err(1, NULL);  // ok: format-string (no format: prints the errno text)
}

void echo_input(FILE *in)
{
	char line[256];
	char copy[256];
	if (!fgets(line, sizeof line, in))
		return;
	printf(line);  // expect: format-string
	snprintf(copy, sizeof copy, "%s", line);
	fprintf(stdout, copy);  // expect: format-string
	errx(1, copy);  // expect: format-string
}

void echo_env(void)
{
	int printf = 0; /* a variable named like the function */
	char *home = getenv("HOME");
	char msg[128];
	snprintf(msg, sizeof msg, home);  // expect: format-string
	puts(msg);
	(void)printf;
}

/* A logging wrapper that prefixes its own format before using it; a literal-or-NULL message. */
void level_log(int level, const char *fmt, va_list args)
{
	char fmtbuf[256], msgbuf[1024];
	const char *txt = NULL;
	if (level > 2)
		txt = "debug";
	else
		txt = "info";
	snprintf(fmtbuf, sizeof(fmtbuf), "%s: %s", txt, fmt);
	vsnprintf(msgbuf, sizeof(msgbuf), fmtbuf, args);  // ok: format-string (built from the wrapper's format)
	fputs(msgbuf, stderr);
}

void finish(int r, const char *user)
{
	char shown[128];
	app_log(1, r == 0 ? "presence confirmed" : NULL);  // ok: format-string (a literal or NULL)
	app_log(1, r == 0 ? "confirmed" : user);  // expect: format-string
	snprintf(shown, sizeof shown, "%s: %s", "user", user);
	printf(shown);  // expect: format-string
	snprintf(shown, sizeof shown, "%s", "fixed");
	strncat(shown, user, sizeof shown - strlen(shown) - 1);
	printf(shown);  // expect: format-string
}

int main(int argc, char **argv)
{
	int status = argc;
	if (argc > 1)
		printf(argv[1]);  // expect: format-string
	show("hello");
	show_copy("hello", 8);
	show_status(0, 0);
	echo_input(stdin);
	echo_env();
	return status;
}
