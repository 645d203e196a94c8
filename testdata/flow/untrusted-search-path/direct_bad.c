/* disk report: mails a listing of the log directory */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    FILE *out;

    if (system("ls -l /var/log > /tmp/loglist.txt") != 0) { // flaw
        fprintf(stderr, "listing failed\n");
        return 1;
    }
    out = fopen("/tmp/loglist.txt", "r");
    if (!out)
        return 1;
    fclose(out);
    puts("listing written to /tmp/loglist.txt");
    return 0;
}
