/* mail submit: an always-true leftover of the sendmail-file mode closes the sendmail pipe as a file */
#include <stdio.h>

int submit(const char *to, const char *body)
{
    FILE *mta = popen("/usr/sbin/sendmail -t", "w");

    if (!mta)
        return -1;
    fprintf(mta, "To: %s\n\n%s\n", to, body);
    if (1)
        return fclose(mta); // flaw
    return pclose(mta);
}
