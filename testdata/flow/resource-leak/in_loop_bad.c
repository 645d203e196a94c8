/* spool scan: opens each spool directory in turn and closes only the last one */
#include <dirent.h>
#include <stdio.h>

int count_spools(const char *const *dirs, int ndirs)
{
    DIR *d = NULL;
    int total = 0;

    for (int i = 0; i < ndirs && i < 64; i++) {
        d = opendir(dirs[i]); // flaw
        if (!d)
            continue;
        while (readdir(d))
            total++;
    }
    if (d)
        closedir(d);
    return total;
}
