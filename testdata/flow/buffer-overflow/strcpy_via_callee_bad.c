/* a helper copies its argument into a 32-byte buffer; a caller passes 63 characters */
#include <stdio.h>
#include <string.h>

static void log_tag(const char *tag)
{
    char buf[32];

    strcpy(buf, tag); // flaw
    puts(buf);
}

void log_padded(void)
{
    char tag[64];

    memset(tag, '-', 63);
    tag[63] = '\0';
    log_tag(tag);
}
