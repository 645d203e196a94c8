/* a status line allocated by the init routine is padded by another routine with a wider width */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *status_line;

int status_init(void)
{
    status_line = malloc(32);
    return status_line ? 0 : -1;
}

void status_clear(void)
{
    memset(status_line, ' ', 40); // flaw
    status_line[31] = '\0';
    fputs(status_line, stdout);
}

int main(void)
{
    if (status_init() != 0)
        return 1;
    status_clear();
    free(status_line);
    return 0;
}
