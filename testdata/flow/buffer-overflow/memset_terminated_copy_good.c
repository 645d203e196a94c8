/* a string built with memset is cut to fit before it is copied into a 50-byte buffer */
#include <stdio.h>
#include <string.h>

void copy_padding(void)
{
    char *data;
    char buffer[100];
    char dest[50] = "";

    data = buffer;
    memset(data, 'A', 100 - 1);
    data[50 - 1] = '\0';
    strcpy(dest, data);
    puts(dest);
}
