/* spool scan: the directory handle is released with free() instead of closedir() */
#include <dirent.h>
#include <stdlib.h>

int count_spool(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int n = 0;

    if (!d)
        return -1;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] != '.')
            n++;
    }
    free(d); // flaw
    return n;
}
