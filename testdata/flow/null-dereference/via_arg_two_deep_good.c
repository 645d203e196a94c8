/* path tools: the search result is tested before it goes through two helpers */
#include <string.h>

static size_t ext_len(const char *dot)
{
    return strlen(dot + 1);
}

static size_t suffix_len(const char *dot)
{
    return ext_len(dot);
}

size_t extension_length(const char *file)
{
    const char *dot = strrchr(file, '.');

    if (!dot)
        return 0;
    return suffix_len(dot);
}
