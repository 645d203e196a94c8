/* the allocation counts every string copied in */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *join3(void)
{
    char user[] = "operator";
    char host[] = "@gateway";
    char domain[] = ".example";
    char *p = malloc(strlen(user) + strlen(host) + strlen(domain) + 1);

    if (!p)
        return NULL;
    strcpy(p, user);
    strcat(p, host);
    strcat(p, domain);
    return p;
}
