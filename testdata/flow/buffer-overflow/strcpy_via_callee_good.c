/* a helper copies its argument into a 32-byte buffer; the caller passes 31 characters */
#include <stdio.h>
#include <string.h>

static void log_tag(const char *tag)
{
    char buf[32];

    strcpy(buf, tag);
    puts(buf);
}

void log_padded(void)
{
    char tag[64];

    memset(tag, '-', 31);
    tag[31] = '\0';
    log_tag(tag);
}
