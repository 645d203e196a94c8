/* path tools: a file name found by strrchr goes through two helpers, the inner one reads it */
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

    return suffix_len(dot); // flaw
}
