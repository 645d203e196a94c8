/* shell helper: the home directory's length, tested for an unset HOME first */
#include <stdlib.h>
#include <string.h>

size_t home_len(void)
{
    const char *home = getenv("HOME");

    if (home == NULL)
        return 0;
    return strlen(home);
}
