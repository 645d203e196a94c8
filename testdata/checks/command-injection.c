/* Fixture for command-injection: helpers that shell out. main() does not call setuid(), so argv and the
 * environment are the user's own and are not sources; stdin, files and the network are. A command that is a
 * parameter is judged at the callers, and the finding is reported at the sink. */
#define _GNU_SOURCE /* POSIX and GNU declarations: popen, mkstemps, strtok_r, getrandom, ... */
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern char **environ;

#define RUN(c) system(c)

static const char *const tools[] = {"/usr/bin/uptime", "/usr/bin/df"};

/* A thin wrapper: the command is its caller's business. */
int run_command(const char *cmd)
{
	return system(cmd);  // expect: command-injection, untrusted-search-path (wrapper_callers passes a stdin line through run_logged, and "uptime" by its bare name)
}

/* A copy of the caller's command is still the caller's command. */
int run_copy(const char *script)
{
	char cmd[256];
	snprintf(cmd, sizeof cmd, "%s", "true");
	strncpy(cmd, script, sizeof cmd - 1);
	cmd[sizeof cmd - 1] = '\0';
	return system(cmd);  // ok: command-injection (its only caller passes a literal)
}

int list_dir(const char *dir)
{
	char cmd[256];
	snprintf(cmd, sizeof cmd, "ls -l %s", dir);
	return system(cmd);  // ok: command-injection (its only caller passes argv[1] of an unprivileged program)
}

int open_pager(void)
{
	const char *pager = getenv("PAGER");
	FILE *p;
	char line[128];
	if (!pager)
		return -1;
	p = popen(pager, "w");  // ok: command-injection (the user's own environment: the program is not privileged)
	if (!p)
		return -1;
	if (fgets(line, sizeof line, stdin))
		fputs(line, p);
	return pclose(p);
}

int run_from_input(void)
{
	char line[128];
	char cmd[160];
	if (!fgets(line, sizeof line, stdin))
		return -1;
	line[strcspn(line, "\n")] = '\0';
	strcpy(cmd, "grep ");
	strcat(cmd, line);  // expect: unbounded-copy
	return RUN(cmd);  // expect: command-injection
}

int run_through_alias(void)
{
	char buf[128];
	char *p = buf;
	if (!fgets(p, sizeof buf, stdin))
		return -1;
	return system(buf);  // expect: command-injection (written through the pointer p)
}

int fixed_commands(int which, int pid)
{
	char kill_cmd[64];
	char nice_cmd[64];
	int level = 0;
	if (scanf("%d", &level) == 1) {
		snprintf(nice_cmd, sizeof nice_cmd, "renice %d %d", level, pid);
		system(nice_cmd);  // ok: command-injection (an untrusted number cannot add shell syntax)
	}
	snprintf(kill_cmd, sizeof kill_cmd, "kill -TERM %d", pid);
	system("uptime");  // ok: command-injection (literal); expect: untrusted-search-path
	system(kill_cmd);  // ok: command-injection (only a number is formatted in)
	return system(tools[which & 1]);  // ok: command-injection (constant table)
}

int spawn_tools(const char *file)
{
	pid_t pid;
	char *args[] = {"cat", (char *)file, NULL};
	int system = 0; /* a variable named like the function */
	if (posix_spawn(&pid, "/bin/cat", NULL, NULL, args, environ) != 0)  // ok: command-injection (fixed program)
		return -1;
	execl("/bin/ls", "ls", file, (char *)NULL);  // ok: command-injection (no shell, fixed program)
	return system;
}

/* A wrapper of a wrapper: still hands its parameter to the shell. */
static int run_logged(const char *what)
{
	fprintf(stderr, "running a command\n");
	return run_command(what);  // ok: command-injection (passes its parameter on: judged at its callers)
}

/* Callers of the wrappers are judged by what they pass in (summaries of functions defined above). */
int wrapper_callers(void)
{
	char line[128];
	const char *editor = getenv("EDITOR");
	int rc = 0;
	rc += run_command(editor);  // ok: command-injection (environment of an unprivileged program)
	if (fgets(line, sizeof line, stdin))
		rc += run_logged(line);  /* stdin data: reported at the sink, system() in run_command */
	rc += run_command("uptime");  // ok: command-injection (literal)
	rc += run_logged(tools[0]);  // ok: command-injection (fixed table)
	return rc;
}

int main(int argc, char **argv)
{
	if (argc < 3)
		return 1;
	execvp(argv[1], argv + 1);  // ok: command-injection (argv of an unprivileged program)
	execl("/bin/sh", "sh", "-c", argv[2], (char *)NULL);  // ok: command-injection (argv of an unprivileged program)
	return list_dir(argv[1]) + open_pager() + run_from_input() + fixed_commands(0, 1) + spawn_tools(argv[2]) +
	       run_command("true") + run_through_alias() + run_copy("true") + wrapper_callers();
}
