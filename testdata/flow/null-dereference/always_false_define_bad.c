/* greeting: the default name is only set when a flag is on, and the flag is 0 */
#include <string.h>

#define HAVE_DEFAULT 0

size_t greeting_len(void)
{
    const char *name = NULL;

    if (HAVE_DEFAULT)
        name = "world";
    return strlen(name); // flaw
}
