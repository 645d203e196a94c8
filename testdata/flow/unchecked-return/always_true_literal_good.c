/* batch job: moves into its work directory before writing the outputs */
#include <stdio.h>
#include <unistd.h>

int enter_workdir(const char *dir)
{
    if (0) {
        chdir(dir);
    } else {
        if (chdir(dir) != 0)
            return -1;
    }
    return remove("partial.out") == 0 ? 0 : 1;
}

int main(void)
{
    return enter_workdir("/srv/demo/batch") == 0 ? 0 : 1;
}
