/* mail submit: the leftover of the sendmail-file mode is compiled dead; the pipe is closed with pclose() */
#include <stdio.h>

int submit(const char *to, const char *body)
{
    FILE *mta = popen("/usr/sbin/sendmail -t", "w");

    if (!mta)
        return -1;
    fprintf(mta, "To: %s\n\n%s\n", to, body);
    if (0)
        return fclose(mta);
    return pclose(mta);
}
