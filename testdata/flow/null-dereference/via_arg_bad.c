/* user report: a directory entry's name is handed to a printer that reads it */
#include <pwd.h>
#include <stdio.h>

static void show_user(const struct passwd *pw)
{
    printf("%s: %s\n", pw->pw_name, pw->pw_dir);
}

void report_user(const char *name)
{
    struct passwd *pw = getpwnam(name);

    show_user(pw); // flaw
}
