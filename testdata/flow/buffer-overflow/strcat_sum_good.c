/* a path buffer sized for directory, name and extension */
#include <stdio.h>
#include <string.h>

void make_path(void)
{
    char path[24] = "";
    char dir[] = "/var/spool";
    char name[] = "/job";

    strcat(path, dir);
    strcat(path, name);
    strcat(path, ".lock");
    puts(path);
}
