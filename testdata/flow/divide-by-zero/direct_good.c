/* split tool: divides a file into as many parts as the user asks for */
#include <stdio.h>

int main(void)
{
    long total = 1048576;
    int parts;
    long chunk;

    printf("number of parts: ");
    fflush(stdout);
    if (scanf("%d", &parts) != 1)
        return 1;
    chunk = total / (parts > 0 ? parts : 1);
    printf("%d parts of %ld bytes\n", parts, chunk);
    return 0;
}
