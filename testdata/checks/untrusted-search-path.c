/* Fixture for untrusted-search-path: programs started by a bare name, looked up through $PATH. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define COMPRESSOR "gzip"
#define LS_PATH "/bin/ls"

/* The shell looks 'uptime' up in $PATH. */
int show_load(void)
{
	return system("uptime");  // expect: untrusted-search-path
}

/* popen too, with leading blanks and arguments. */
FILE *list_mounts(void)
{
	return popen("  mount -l", "r");  // expect: untrusted-search-path
}

/* execlp searches $PATH for a name without a slash; the name comes through a macro. */
void compress_log(const char *file)
{
	execlp(COMPRESSOR, COMPRESSOR, "-9", file, (char *)NULL);  // expect: untrusted-search-path
}

/* A constant held in a local is still the same name. */
int sync_disks(void)
{
	const char *prog = "sync";
	return system(prog);  // expect: untrusted-search-path
}

/* Absolute paths do not depend on $PATH. */
int show_load_fixed(void)
{
	return system("/usr/bin/uptime");  // ok: untrusted-search-path (absolute path)
}

void list_fixed(const char *dir)
{
	execl(LS_PATH, "ls", "-l", "--", dir, (char *)NULL);  // ok: untrusted-search-path (absolute path through a macro)
}

/* Shell builtins start no program. */
int go_home(void)
{
	return system("cd /tmp");  // ok: untrusted-search-path (builtin)
}

/* Not a bare name: resolved against the working directory, not $PATH. */
int run_local_helper(void)
{
	return system("./helper --check");  // ok: untrusted-search-path (explicit directory)
}

/* Only the first word is looked at: the program after the builtin is missed. */
int clean_tmp(void)
{
	return system("cd /tmp && rm -f fx.*");  // todo-expect: untrusted-search-path
}

/* A wrapper that runs its parameter: the literal name a caller passes is judged at the wrapper's system(). */
static int run(const char *cmd)
{
	return system(cmd);  // expect: untrusted-search-path (rotate_logs passes "logrotate ...")
}

int rotate_logs(void)
{
	return run("logrotate /etc/fx.conf");  // ok: untrusted-search-path (reported at the sink in run)
}

/* A name a lookup may fall back to, checked to be absolute before it runs: only the absolute ones get there. */
static const char *pager_for(int color)
{
	return color ? "/usr/bin/less" : "more";
}

int page_checked(const char *file, int color)
{
	const char *pager = pager_for(color);
	if (pager[0] != '/')
		return -1;
	return execlp(pager, pager, file, (char *)NULL);  // ok: untrusted-search-path (checked to start with '/')
}

int page_unchecked(const char *file, int color)
{
	const char *pager = pager_for(color);
	if (*pager == '/')
		return -1;
	return execlp(pager, pager, file, (char *)NULL);  // expect: untrusted-search-path (only the relative name is left)
}

/* Globals without an initialiser start as NULL: the names stored later are the ones that run. */
static const char *g_viewer;
static const char *g_editor;

void choose_tools(int graphical)
{
	g_viewer = graphical ? "eog" : "less";
	g_editor = "/usr/bin/vi";
}

int view_and_edit(void)
{
	if (system(g_viewer) != 0)  // expect: untrusted-search-path
		return -1;
	return system(g_editor);  // ok: untrusted-search-path (absolute path)
}
