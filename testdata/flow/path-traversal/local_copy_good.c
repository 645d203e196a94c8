/* spool cleaner: deletes the finished job the operator names */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
    char input[128];
    char name[128];
    char path[256];

    if (!fgets(input, sizeof input, stdin))
        return 1;
    input[strcspn(input, "\n")] = '\0';
    if (input[0] == '\0' || strchr(input, '/') != NULL || strcmp(input, "..") == 0 || strcmp(input, ".") == 0)
        return 1;
    strcpy(name, input);
    snprintf(path, sizeof path, "/var/spool/jobs/%s", name);
    if (unlink(path) != 0) {
        perror("unlink");
        return 1;
    }
    return 0;
}
