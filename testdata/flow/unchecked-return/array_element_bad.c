/* mirror: copies a request line to two log descriptors and reports each write */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int mirror_line(int primary, int backup, const char *line)
{
    size_t len = strlen(line);
    ssize_t sent[2];

    sent[0] = write(primary, line, len);
    sent[1] = write(backup, line, len); // flaw
    if (sent[0] != (ssize_t)len)
        return -1;
    printf("mirrored %zd and %zd bytes\n", sent[0], sent[1]);
    return 0;
}

int main(void)
{
    return mirror_line(1, 2, "GET /index.html\n") == 0 ? 0 : 1;
}
