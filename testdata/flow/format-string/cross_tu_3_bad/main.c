/* login banner: prints the site's greeting template with the host name filled in */
#include <unistd.h>
#include "motd.h"

int main(void)
{
    char tmpl[200], host[64];

    if (gethostname(host, sizeof host) != 0)
        return 1;
    host[sizeof host - 1] = '\0';
    if (load_template("/home/shared/banner.txt", tmpl, sizeof tmpl) != 0)
        return 1;
    print_banner(tmpl, host);
    return 0;
}
