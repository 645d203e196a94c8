/* user report: the account is tested before the printer reads it */
#include <pwd.h>
#include <stdio.h>

static void show_user(const struct passwd *pw)
{
    printf("%s: %s\n", pw->pw_name, pw->pw_dir);
}

void report_user(const char *name)
{
    struct passwd *pw = getpwnam(name);

    if (pw)
        show_user(pw);
}
