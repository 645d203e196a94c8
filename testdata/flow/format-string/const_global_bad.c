/* print queue monitor: shows job lines with a site-specific template when enabled */
#include <stdio.h>
#include <string.h>

int g_site_template = 1;

int show_jobs(FILE *site_conf, int jobs, const char *queue)
{
    char tmpl[128];
    const char *fmt = "%d jobs waiting on %s\n";

    if (!fgets(tmpl, sizeof tmpl, site_conf))
        return -1;
    if (g_site_template)
        fmt = tmpl;
    printf(fmt, jobs, queue); // flaw
    return 0;
}

int main(void)
{
    return show_jobs(stdin, 3, "office") == 0 ? 0 : 1;
}
