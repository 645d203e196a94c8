/* alert mailer: pipes an alert message into the local mail transfer agent */
#include <stdio.h>

static const char *const mailer = "/usr/sbin/sendmail -t";

int send_alert(const char *to, const char *text)
{
    FILE *p = popen(mailer, "w");

    if (!p)
        return -1;
    fprintf(p, "To: %s\nSubject: alert\n\n%s\n", to, text);
    return pclose(p) == 0 ? 0 : -1;
}

int main(void)
{
    return send_alert("ops@example.org", "disk almost full") == 0 ? 0 : 1;
}
