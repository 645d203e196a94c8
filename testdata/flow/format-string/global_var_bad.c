/* log shipper: the line template comes from the first line of the config file */
#include <stdio.h>
#include <string.h>
#include <time.h>

static char g_line_fmt[128] = "%ld %s\n";

static int load_template(FILE *conf)
{
    if (!fgets(g_line_fmt, sizeof g_line_fmt, conf))
        return -1;
    return 0;
}

static void ship(FILE *out, const char *msg)
{
    fprintf(out, g_line_fmt, (long)time(NULL), msg); // flaw
}

int main(void)
{
    FILE *conf = fopen("/etc/shipper.conf", "r");

    if (conf) {
        load_template(conf);
        fclose(conf);
    }
    ship(stdout, "shipper started");
    return 0;
}
