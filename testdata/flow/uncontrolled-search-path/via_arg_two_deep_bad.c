/* launcher: runs an application with its bundled libraries */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int export_lib_dir(const char *dir)
{
    return setenv("LD_LIBRARY_PATH", dir, 1); // flaw
}

static int prepare_env(const char *dir)
{
    if (setenv("LANG", "C", 1) != 0)
        return -1;
    return export_lib_dir(dir);
}

int main(void)
{
    char dir[200];

    if (!fgets(dir, sizeof dir, stdin))
        return 1;
    dir[strcspn(dir, "\n")] = '\0';
    printf("bundle at %s\n", dir);
    return prepare_env(dir) == 0 ? 0 : 1;
}
