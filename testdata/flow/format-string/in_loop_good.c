/* motd printer: each line of the banner file may mention the host name */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(void)
{
    char host[64] = "localhost";
    char *line = NULL;
    size_t cap = 0;
    FILE *fp = fopen("/etc/motd.tmpl", "r");

    if (!fp)
        return 1;
    gethostname(host, sizeof host - 1);
    while (getline(&line, &cap, fp) != -1) {
        printf("%s", line);
    }
    free(line);
    fclose(fp);
    return 0;
}
