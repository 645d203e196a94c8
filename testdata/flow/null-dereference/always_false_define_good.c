/* greeting: the flag is 1, so the default name is always set */
#include <string.h>

#define HAVE_DEFAULT 1

size_t greeting_len(void)
{
    const char *name = NULL;

    if (HAVE_DEFAULT)
        name = "world";
    return strlen(name);
}
