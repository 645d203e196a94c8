/* Fixture for format-string: logging helpers and messages from input. A format that is a parameter is
 * judged at the callers (here they pass literals only); main() does not call setuid(), so argv and the
 * environment are not sources. */
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

/* Prints whatever text it is given: safe as long as every caller passes constant text, as main() does. */
void show(const char *msg)
{
	printf(msg);  // ok: format-string (only called with "hello")
	fprintf(stderr, msg);  // ok: format-string (only called with "hello")
	syslog(LOG_ERR, msg);  // ok: format-string (only called with "hello")
	app_log(1, msg);  // ok: format-string (only called with "hello")
	LOG(msg);  // ok: format-string (only called with "hello")
	audit("show", msg);  // ok: format-string (only called with "hello")
	audit(msg, "%s", msg);  // ok: format-string
	printf("%s", msg);  // ok: format-string
	fputs(msg, stdout);  // ok: format-string
}

void show_copy(const char *msg, int width)
{
	char copy[128];
	char column[16];
	snprintf(copy, sizeof copy, "%s", msg);
	printf(copy);  // ok: format-string (a copy of the caller's "hello")
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

/* The format is a parameter: echo_input passes a line read from the file, reported here at the sink. */
static void log_line(const char *text)
{
	fputs("> ", stderr);
	fprintf(stderr, text);  // expect: format-string
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
	log_line(line);
	errx(1, copy);  // expect: format-string (err/errx are both a sink and noreturn: the sink is not checked)
}

/* Text checked to hold no '%' cannot hold a conversion either. */
void echo_plain(FILE *in)
{
	char line[256];
	if (!fgets(line, sizeof line, in))
		return;
	if (strchr(line, '%') != NULL)
		return;
	printf(line);  // ok: format-string (no '%' in it)
}

void echo_env(void)
{
	int printf = 0; /* a variable named like the function */
	char *home = getenv("HOME");
	char msg[128];
	if (!home)
		return;
	snprintf(msg, sizeof msg, home);  // ok: format-string (the user's own environment: the program is not privileged)
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
	app_log(1, r == 0 ? "confirmed" : user);  // ok: format-string (no caller passes untrusted data)
	snprintf(shown, sizeof shown, "%s: %s", "user", user);
	printf(shown);  // ok: format-string (no caller passes untrusted data)
	snprintf(shown, sizeof shown, "%s", "fixed");
	strncat(shown, user, sizeof shown - strlen(shown) - 1);
	printf(shown);  // ok: format-string (no caller passes untrusted data)
}

int main(int argc, char **argv)
{
	int status = argc;
	if (argc > 1)
		printf(argv[1]);  // ok: format-string (argv of an unprivileged program)
	show("hello");
	show_copy("hello", 8);
	show_status(0, 0);
	echo_input(stdin);
	echo_plain(stdin);
	echo_env();
	return status;
}
