/* the copy is sized by the source's length, the destination is smaller */
#include <stdio.h>
#include <string.h>

void copy_banner(void)
{
    char source[64];
    char dest[32];

    memset(source, '=', 63);
    source[63] = '\0';
    memcpy(dest, source, (strlen(source) + 1) * sizeof(char)); // flaw
    puts(dest);
}
