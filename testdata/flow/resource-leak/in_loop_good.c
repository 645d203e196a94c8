/* spool scan: opens each spool directory in turn and closes it before the next */
#include <dirent.h>
#include <stdio.h>

int count_spools(const char *const *dirs, int ndirs)
{
    int total = 0;

    for (int i = 0; i < ndirs && i < 64; i++) {
        DIR *d = opendir(dirs[i]);
        if (!d)
            continue;
        while (readdir(d))
            total++;
        closedir(d);
    }
    return total;
}
