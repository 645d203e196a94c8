/* a path buffer sized for directory and name also receives an extension */
#include <stdio.h>
#include <string.h>

void make_path(void)
{
    char path[16] = "";
    char dir[] = "/var/spool";
    char name[] = "/job";

    strcat(path, dir);
    strcat(path, name);
    strcat(path, ".lock"); // flaw
    puts(path);
}
