/* log rotator: the rotation count comes from the config file */
#include <stdio.h>
#include <stdlib.h>

static long read_keep(FILE *conf)
{
    char line[64];

    if (!fgets(line, sizeof line, conf))
        return 7;
    return strtol(line, NULL, 10);
}

int main(void)
{
    long total_mb = 2048;
    long keep = read_keep(stdin);

    printf("%ld MB per rotated log\n", total_mb / keep); // flaw
    return 0;
}
