/* line printer daemon: a job may ask for several copies */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int print_copies(int fd, FILE *printer, const char *doc)
{
    char buf[16];
    int copies = 1;
    int i;
    ssize_t n = read(fd, buf, sizeof buf - 1);

    if (n <= 0)
        return -1;
    buf[n] = '\0';
    if (0)
        copies = atoi(buf);
    for (i = 0; i < copies; i++)
        fputs(doc, printer);
    return 0;
}
