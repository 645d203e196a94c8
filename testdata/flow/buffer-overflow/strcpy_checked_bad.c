/* the length check lets a string exactly as long as the buffer through: no room for its terminator */
#include <stdio.h>
#include <string.h>

void copy_id(void)
{
    char src[64];
    char dest[50];

    memset(src, '7', 50);
    src[50] = '\0';
    if (strlen(src) > sizeof dest)
        return;
    strcpy(dest, src); // flaw
    puts(dest);
}
