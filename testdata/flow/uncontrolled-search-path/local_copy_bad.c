/* setuid maintenance tool: runs the vendor's repair script */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
    char saved[512] = "";
    const char *user_path = getenv("PATH");

    if (user_path)
        snprintf(saved, sizeof saved, "%s", user_path);
    if (setuid(0) != 0)
        return 1;
    if (saved[0] != '\0' && setenv("PATH", saved, 1) != 0) // flaw
        return 1;
    execl("/usr/lib/vendor/repair.sh", "repair.sh", (char *)NULL);
    return 127;
}
