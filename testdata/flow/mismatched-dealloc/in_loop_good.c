/* health check: runs each probe command in turn and closes its pipe with pclose() */
#include <stdio.h>

int run_probes(const char *const *cmds, int n)
{
    char line[128];
    int ok = 0;

    for (int i = 0; i < n && i < 32; i++) {
        FILE *p = popen(cmds[i], "r");
        if (!p)
            continue;
        if (fgets(line, sizeof line, p) && line[0] == 'O' && line[1] == 'K')
            ok++;
        pclose(p);
    }
    return ok;
}
