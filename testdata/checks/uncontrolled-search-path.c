/* Fixture for uncontrolled-search-path: PATH and LD_* set from data someone else chose.
 * main() below calls setuid(), so this is a privileged program: its command line and environment
 * count as untrusted too. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

static char env_entry[512];

/* A search path taken from the peer. */
int set_path_from_peer(int sock)
{
	char val[256];
	ssize_t n = recv(sock, val, sizeof val - 1, 0);
	if (n <= 0)
		return -1;
	val[n] = '\0';
	return setenv("PATH", val, 1);  // expect: uncontrolled-search-path
}

/* A library path read from a configuration file. */
int set_libdir(FILE *conf)
{
	char dir[256];
	if (!fgets(dir, sizeof dir, conf))
		return -1;
	dir[strcspn(dir, "\n")] = '\0';
	return setenv("LD_LIBRARY_PATH", dir, 1);  // expect: uncontrolled-search-path
}

/* putenv of a whole NAME=value line from stdin: it may well be LD_PRELOAD=... */
int import_variable(void)
{
	if (!fgets(env_entry, sizeof env_entry, stdin))
		return -1;
	env_entry[strcspn(env_entry, "\n")] = '\0';
	return putenv(env_entry);  // expect: uncontrolled-search-path
}

/* In a privileged program the caller's environment is untrusted. */
int keep_user_path(void)
{
	const char *p = getenv("FX_PATH");
	if (!p)
		return 0;
	return setenv("PATH", p, 1);  // expect: uncontrolled-search-path
}

/* A fixed, safe search path. */
int reset_path(void)
{
	return setenv("PATH", "/usr/bin:/bin", 1);  // ok: uncontrolled-search-path (constant)
}

/* A value from the peer accepted only when it is one of the known-good paths. */
int choose_path(int sock)
{
	char val[128];
	ssize_t n = recv(sock, val, sizeof val - 1, 0);
	if (n <= 0)
		return -1;
	val[n] = '\0';
	if (strcmp(val, "/usr/bin:/bin") != 0 && strcmp(val, "/opt/fx/bin:/usr/bin:/bin") != 0)
		return -1;
	return setenv("PATH", val, 1);  // ok: uncontrolled-search-path (one of two fixed values)
}

/* Other variables are not search paths. */
int set_timezone(int sock)
{
	char tz[64];
	ssize_t n = recv(sock, tz, sizeof tz - 1, 0);
	if (n <= 0)
		return -1;
	tz[n] = '\0';
	return setenv("TZ", tz, 1);  // ok: uncontrolled-search-path (not PATH or LD_*)
}

/* putenv of a constant entry. */
int clear_preload(void)
{
	static char entry[] = "LD_PRELOAD=";
	return putenv(entry);  // ok: uncontrolled-search-path (constant)
}

/* NAME=VALUE lines from a file: the name itself may be PATH or LD_PRELOAD. */
int apply_env_file(FILE *fp)
{
	char line[256];
	while (fgets(line, sizeof line, fp)) {
		char *eq = strchr(line, '=');
		if (!eq)
			continue;
		*eq = '\0';
		eq[1 + strcspn(eq + 1, "\n")] = '\0';
		if (setenv(line, eq + 1, 1) != 0)  // expect: uncontrolled-search-path
			return -1;
	}
	return 0;
}

/* The same with the names limited to an allowlist. */
int apply_locale_file(FILE *fp)
{
	char line[256];
	while (fgets(line, sizeof line, fp)) {
		char *eq = strchr(line, '=');
		if (!eq)
			continue;
		*eq = '\0';
		eq[1 + strcspn(eq + 1, "\n")] = '\0';
		if (strcmp(line, "LANG") != 0 && strcmp(line, "LC_ALL") != 0)
			continue;
		if (setenv(line, eq + 1, 1) != 0)  // ok: uncontrolled-search-path (LANG or LC_ALL)
			return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	if (setuid(0) != 0)
		return 1;
	if (argc > 1)
		setenv("LD_PRELOAD", argv[1], 1);  // expect: uncontrolled-search-path
	return reset_path() + keep_user_path() + import_variable() + set_libdir(stdin) + set_path_from_peer(0) +
	       set_timezone(0) + clear_preload() + choose_path(0) + apply_env_file(stdin) +
	       apply_locale_file(stdin);
}
