/* quota tool: reads used and allotted blocks per user and prints the percentage used */
#include <stdio.h>

int report(const char *file)
{
    char user[32];
    long used, allotted;
    int rc = -1;
    FILE *f = fopen(file, "r");

    if (!f)
        return -1;
next:
    if (fscanf(f, "%31s %ld %ld", user, &used, &allotted) != 3)
        goto done;
    if (used < 0 || allotted <= 0)
        goto done;
    printf("%-12s %3ld%%\n", user, used * 100 / allotted);
    rc = 0;
    goto next;
done:
    fclose(f);
    return rc;
}

int main(void)
{
    return report("/var/lib/quota/blocks") == 0 ? 0 : 1;
}
