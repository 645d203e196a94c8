/* a 99-character string built with memset is copied into a 50-byte buffer */
#include <stdio.h>
#include <string.h>

void copy_padding(void)
{
    char *data;
    char buffer[100];
    char dest[50] = "";

    data = buffer;
    memset(data, 'A', 100 - 1);
    data[100 - 1] = '\0';
    strcpy(dest, data); // flaw
    puts(dest);
}
